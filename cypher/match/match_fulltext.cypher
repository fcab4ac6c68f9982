// Lexical retrieval through a full-text index (Lucene BM25). $index is one of
// the two document indexes; $query is already escaped for Lucene's syntax.
CALL db.index.fulltext.queryNodes($index, $query, {limit: $k})
YIELD node, score
RETURN node.id AS id, score
