// Candidate -[HAS_SKILL]-> Skill, weighted by extraction confidence.
// One page of source nodes (id order) with the ids of their targets and a weight per edge.
MATCH (a:Candidate)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $limit
OPTIONAL MATCH (a)-[r:HAS_SKILL]->(b:Skill)
RETURN a.id AS source, collect(b.id) AS targets,
       collect(CASE WHEN b IS NULL THEN NULL ELSE coalesce(r.confidence, 1.0) END) AS weights
ORDER BY source
