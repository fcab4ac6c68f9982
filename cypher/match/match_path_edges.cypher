// Confirms the skill links of explanation paths against the graph: each of
// $edges (source, target, type) comes back with its stored weight when it exists.
UNWIND $edges AS edge
MATCH (a:Skill {id: edge.source})-[r]->(b:Skill {id: edge.target})
WHERE type(r) = edge.type
RETURN edge.source AS source, edge.target AS target, type(r) AS type, r.weight AS weight
