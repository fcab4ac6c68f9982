// Occupation -[REQUIRES]-> Skill; optional skills weigh 0.5.
// One page of source nodes (id order) with the ids of their targets and a weight per edge.
MATCH (a:Occupation)
WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $limit
OPTIONAL MATCH (a)-[r:REQUIRES]->(b:Skill)
RETURN a.id AS source, collect(b.id) AS targets,
       collect(CASE WHEN b IS NULL THEN NULL ELSE CASE r.importance WHEN 'optional' THEN 0.5 ELSE 1.0 END END) AS weights
ORDER BY source
