// Candidate -[WORKED_AS]-> Occupation; the weight is the job's order (0 = most recent).
// One page of source nodes (id order) with the ids of their targets and a weight per edge.
MATCH (a:Candidate)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $limit
OPTIONAL MATCH (a)-[r:WORKED_AS]->(b:Occupation)
RETURN a.id AS source, collect(b.id) AS targets,
       collect(CASE WHEN b IS NULL THEN NULL ELSE toFloat(coalesce(r.order, 0)) END) AS weights
ORDER BY source
