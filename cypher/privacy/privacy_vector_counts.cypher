// How many nodes of each label carry each vector property (text and GNN vectors).
MATCH (n)
WHERE n.text_embedding IS NOT NULL OR n.gnn_embedding IS NOT NULL
UNWIND labels(n) AS label
RETURN label,
  count(n.text_embedding) AS text_embedding,
  count(n.gnn_embedding) AS gnn_embedding
ORDER BY label
