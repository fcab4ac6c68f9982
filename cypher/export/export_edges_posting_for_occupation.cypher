// Posting -[FOR_OCCUPATION]-> Occupation.
// One page of source nodes (id order) with the ids of their targets and a weight per edge.
MATCH (a:Posting)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $limit
OPTIONAL MATCH (a)-[r:FOR_OCCUPATION]->(b:Occupation)
RETURN a.id AS source, collect(b.id) AS targets,
       collect(CASE WHEN b IS NULL THEN NULL ELSE coalesce(r.confidence, 1.0) END) AS weights
ORDER BY source
