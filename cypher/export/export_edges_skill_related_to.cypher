// Skill -[RELATED_TO]-> Skill (stored once; the snapshot adds the other direction).
// One page of source nodes (id order) with the ids of their targets and a weight per edge.
MATCH (a:Skill)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $limit
OPTIONAL MATCH (a)-[r:RELATED_TO]->(b:Skill)
RETURN a.id AS source, collect(b.id) AS targets,
       collect(CASE WHEN b IS NULL THEN NULL ELSE coalesce(r.weight, 1.0) END) AS weights
ORDER BY source
