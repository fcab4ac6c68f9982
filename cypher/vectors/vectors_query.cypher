// Approximate nearest neighbours: $fetch (k times the over-fetch) candidates
// from the index, optionally kept to $filter_ids, best $k returned. The index
// scores cosine as (1 + cos) / 2; cosine itself is returned.
CALL db.index.vector.queryNodes($name, $fetch, $vector) YIELD node, score
WITH node, score
WHERE $filter_ids IS NULL OR node.id IN $filter_ids
RETURN node.id AS id, 2 * score - 1 AS similarity
ORDER BY similarity DESC
LIMIT $k
