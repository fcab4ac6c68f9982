// Candidate-posting pairs that share the most skills directly.
MATCH (c:Candidate)-[:HAS_SKILL]->(:Skill)<-[:REQUIRES]-(p:Posting)
RETURN c.id AS candidate, p.id AS posting, count(*) AS shared
ORDER BY shared DESC, candidate, posting
LIMIT $limit
