// One page of Posting nodes for the GNN snapshot, in id order: id, text vector (or null), source document.
MATCH (n:Posting)
WHERE n.id > $after
RETURN n.id AS id, n.text_embedding AS features, n.source AS source
ORDER BY n.id
LIMIT $limit
