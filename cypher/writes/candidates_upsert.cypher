// One batch of parsed resumes. A candidate's outgoing relationships are replaced
// as a whole, so a changed document leaves nothing stale behind; after that
// deletion the candidate has no relationships, so they are CREATEd (the rows
// carry each skill once).
UNWIND $rows AS row
MERGE (c:Candidate {id: row.id})
SET c += row.props
WITH c, row
CALL (c) {
  MATCH (c)-[old:HAS_SKILL|WORKED_AS|WORKED_AT|HOLDS|LIVES_IN|HAS_CONTACT]->()
  DELETE old
}
CALL (c) {
  MATCH (c)-[:HAS_CONTACT]->(stale:Contact)
  DETACH DELETE stale
}
CALL (c, row) {
  UNWIND row.skills AS skill
  MATCH (s:Skill {id: skill.skill_id})
  CREATE (c)-[r:HAS_SKILL]->(s)
  SET r = skill.props
}
CALL (c, row) {
  UNWIND row.jobs AS job
  MATCH (o:Occupation {id: job.occupation_id})
  CREATE (c)-[r:WORKED_AS]->(o)
  SET r += job.props
}
CALL (c, row) {
  UNWIND row.employers AS job
  MERGE (e:Employer {id: job.employer_id})
    ON CREATE SET e.name = job.employer
  CREATE (c)-[r:WORKED_AT]->(e)
  SET r += job.props
}
CALL (c, row) {
  UNWIND row.education AS degree
  MERGE (e:Education {id: degree.id})
    ON CREATE SET e.level = degree.level, e.field = degree.field, e.rank = degree.rank
  CREATE (c)-[r:HOLDS]->(e)
  SET r += degree.props
}
CALL (c, row) {
  UNWIND row.locations AS place
  MERGE (l:Location {id: place.id})
    ON CREATE SET l.city = place.city, l.region = place.region, l.country = place.country
  CREATE (c)-[:LIVES_IN]->(l)
}
CALL (c, row) {
  UNWIND row.contacts AS contact
  CREATE (c)-[:HAS_CONTACT]->(k:Contact)
  SET k = contact
}
