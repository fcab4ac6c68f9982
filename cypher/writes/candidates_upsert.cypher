// One batch of parsed resumes. `candidates_detach` has removed the relationships
// of the candidates that existed before, so every relationship here is CREATEd
// (each row carries a skill once). Properties are written inline: a separate SET
// would make the planner materialise every subquery.
UNWIND $rows AS row
MERGE (c:Candidate {id: row.id})
SET c += row.props
WITH c, row
CALL (c, row) {
  UNWIND row.skills AS skill
  MATCH (s:Skill {id: skill.skill_id})
  CREATE (c)-[:HAS_SKILL {
    years: skill.years, evidence: skill.evidence, snippet: skill.snippet,
    section: skill.section, confidence: skill.confidence, mentions: skill.mentions,
    start: skill.start, end: skill.end
  }]->(s)
}
CALL (c, row) {
  UNWIND row.jobs AS job
  MATCH (o:Occupation {id: job.occupation_id})
  CREATE (c)-[:WORKED_AS {
    order: job.order, title: job.title, employer: job.employer, start: job.start,
    end: job.end, current: job.current, months: job.months
  }]->(o)
}
CALL (c, row) {
  UNWIND row.employers AS job
  MERGE (e:Employer {id: job.employer_id})
    ON CREATE SET e.name = job.employer
  CREATE (c)-[:WORKED_AT {
    order: job.order, title: job.title, employer: job.employer, start: job.start,
    end: job.end, current: job.current, months: job.months
  }]->(e)
}
CALL (c, row) {
  UNWIND row.education AS degree
  MERGE (e:Education {id: degree.id})
    ON CREATE SET e.level = degree.level, e.field = degree.field, e.rank = degree.rank
  CREATE (c)-[:HOLDS {year: degree.year, institution: degree.institution}]->(e)
}
CALL (c, row) {
  UNWIND row.locations AS place
  MERGE (l:Location {id: place.id})
    ON CREATE SET l.city = place.city, l.region = place.region, l.country = place.country
  CREATE (c)-[:LIVES_IN]->(l)
}
CALL (c, row) {
  UNWIND row.contacts AS contact
  CREATE (c)-[:HAS_CONTACT]->(:Contact {
    name: contact.name, email: contact.email, phone: contact.phone,
    links: contact.links, location: contact.location
  })
}
