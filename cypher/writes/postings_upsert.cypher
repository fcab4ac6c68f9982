// One batch of parsed postings; outgoing relationships are replaced as a whole.
UNWIND $rows AS row
MERGE (p:Posting {id: row.id})
SET p += row.props
WITH p, row
CALL (p) {
  MATCH (p)-[old:REQUIRES|FOR_OCCUPATION|REQUIRES_EDUCATION|LOCATED_IN|POSTED_BY]->()
  DELETE old
}
CALL (p, row) {
  UNWIND row.skills AS skill
  MATCH (s:Skill {id: skill.skill_id})
  MERGE (p)-[r:REQUIRES]->(s)
  SET r += skill.props
}
CALL (p, row) {
  UNWIND row.occupations AS occupation
  MATCH (o:Occupation {id: occupation.id})
  MERGE (p)-[r:FOR_OCCUPATION]->(o)
  SET r.confidence = occupation.confidence
}
CALL (p, row) {
  UNWIND row.education AS degree
  MERGE (e:Education {id: degree.id})
    ON CREATE SET e.level = degree.level, e.field = degree.field, e.rank = degree.rank
  MERGE (p)-[r:REQUIRES_EDUCATION]->(e)
  SET r.level = degree.level, r.rank = degree.rank
}
CALL (p, row) {
  UNWIND row.locations AS place
  MERGE (l:Location {id: place.id})
    ON CREATE SET l.city = place.city, l.region = place.region, l.country = place.country
  MERGE (p)-[:LOCATED_IN]->(l)
}
CALL (p, row) {
  UNWIND row.employers AS employer
  MERGE (e:Employer {id: employer.id})
    ON CREATE SET e.name = employer.name
  MERGE (p)-[:POSTED_BY]->(e)
}
