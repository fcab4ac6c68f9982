// Approximate nearest neighbours: $fetch (k times the over-fetch) candidates
// from the index, optionally kept to $filter_ids, re-scored with the exact
// stored vectors (the index ranks by quantised ones) and the best $k returned.
// Neo4j scores cosine as (1 + cos) / 2; cosine itself is returned.
CALL db.index.vector.queryNodes($name, $fetch, $vector) YIELD node
WITH node
WHERE $filter_ids IS NULL OR node.id IN $filter_ids
WITH node, vector.similarity.cosine(node[$property], $vector) AS score
RETURN node.id AS id, 2 * score - 1 AS similarity
ORDER BY similarity DESC
LIMIT $k
