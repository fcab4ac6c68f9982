// Template (see vector_index_create): the stored vectors of the given nodes
// (nodes without one are left out).
UNWIND $ids AS node_id
MATCH (n:__LABEL__ {id: node_id})
WHERE n.__PROPERTY__ IS NOT NULL
RETURN n.id AS id, n.__PROPERTY__ AS vector
