// Occupation -[SAME_AS]-> Occupation across taxonomy sources.
// One page of source nodes (id order) with the ids of their targets and a weight per edge.
MATCH (a:Occupation)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $limit
OPTIONAL MATCH (a)-[r:SAME_AS]->(b:Occupation)
RETURN a.id AS source, collect(b.id) AS targets,
       collect(CASE WHEN b IS NULL THEN NULL ELSE 1.0 END) AS weights
ORDER BY source
