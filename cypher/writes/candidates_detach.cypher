// Before a changed resume is written again: drop everything it said last time.
UNWIND $ids AS id
MATCH (c:Candidate {id: id})
CALL (c) {
  MATCH (c)-[old:HAS_SKILL|WORKED_AS|WORKED_AT|HOLDS|LIVES_IN]->()
  DELETE old
}
CALL (c) {
  MATCH (c)-[:HAS_CONTACT]->(stale:Contact)
  DETACH DELETE stale
}
