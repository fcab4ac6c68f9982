// Template (see vector_index_create): drop the vector property of the given nodes.
UNWIND $ids AS node_id
MATCH (n:__LABEL__ {id: node_id})
WHERE n.__PROPERTY__ IS NOT NULL
REMOVE n.__PROPERTY__
RETURN count(n) AS removed
