// Nodes a full-text index finds for a Lucene query. Parameters: $index, $query.
CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
RETURN labels(node) AS labels, node.id AS id, score
