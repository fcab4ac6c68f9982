// One page of Occupation nodes for the GNN snapshot, in id order: id, text vector (or null).
MATCH (n:Occupation)
WHERE n.id > $after
RETURN n.id AS id, n.text_embedding AS features
ORDER BY n.id
LIMIT $limit
