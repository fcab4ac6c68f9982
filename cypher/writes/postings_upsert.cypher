// One batch of parsed postings; `postings_detach` has removed the relationships
// of postings that existed before, so relationships are CREATEd with inline
// properties (each row carries a skill once).
UNWIND $rows AS row
MERGE (p:Posting {id: row.id})
SET p += row.props
WITH p, row
CALL (p, row) {
  UNWIND row.skills AS skill
  MATCH (s:Skill {id: skill.skill_id})
  CREATE (p)-[:REQUIRES {
    importance: skill.importance, min_years: skill.min_years, evidence: skill.evidence,
    snippet: skill.snippet, confidence: skill.confidence
  }]->(s)
}
CALL (p, row) {
  UNWIND row.occupations AS occupation
  MATCH (o:Occupation {id: occupation.id})
  CREATE (p)-[:FOR_OCCUPATION {confidence: occupation.confidence}]->(o)
}
CALL (p, row) {
  UNWIND row.education AS degree
  MERGE (e:Education {id: degree.id})
    ON CREATE SET e.level = degree.level, e.field = degree.field, e.rank = degree.rank
  CREATE (p)-[:REQUIRES_EDUCATION {level: degree.level, rank: degree.rank}]->(e)
}
CALL (p, row) {
  UNWIND row.locations AS place
  MERGE (l:Location {id: place.id})
    ON CREATE SET l.city = place.city, l.region = place.region, l.country = place.country
  CREATE (p)-[:LOCATED_IN]->(l)
}
CALL (p, row) {
  UNWIND row.employers AS employer
  MERGE (e:Employer {id: employer.id})
    ON CREATE SET e.name = employer.name
  CREATE (p)-[:POSTED_BY]->(e)
}
