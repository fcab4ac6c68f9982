// Graph retrieval: postings that ask for any of $skills (id and weight: the
// credit the candidate would earn for it). Each skill contributes at most
// $per_skill postings so one very common skill cannot make the query unbounded.
UNWIND $skills AS wanted
MATCH (s:Skill {id: wanted.id})
CALL (s) {
  MATCH (s)<-[:REQUIRES]-(p:Posting)
  RETURN p
  LIMIT $per_skill
}
WITH p, sum(wanted.weight) AS score
RETURN p.id AS id, score
ORDER BY score DESC, id
LIMIT $k
