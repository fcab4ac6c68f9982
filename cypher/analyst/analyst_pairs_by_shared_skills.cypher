// Answers: which candidate-posting pairs share the most skills directly?
// Parameters: $limit (rows).
MATCH (c:Candidate)-[:HAS_SKILL]->(:Skill)<-[:REQUIRES]-(p:Posting)
RETURN c.id AS candidate, p.id AS posting, count(*) AS shared
ORDER BY shared DESC, candidate, posting
LIMIT $limit
