// Graph retrieval: candidates who hold any of $skills (id and weight: the
// credit the posting would give it). Each skill contributes at most $per_skill
// candidates so one very common skill cannot make the query unbounded.
UNWIND $skills AS wanted
MATCH (s:Skill {id: wanted.id})
CALL (s) {
  MATCH (s)<-[:HAS_SKILL]-(c:Candidate)
  RETURN c
  LIMIT $per_skill
}
WITH c, sum(wanted.weight) AS score
RETURN c.id AS id, score
ORDER BY score DESC, id
LIMIT $k
