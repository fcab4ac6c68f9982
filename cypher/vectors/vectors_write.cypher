// Template (see vector_index_create): store one batch of vectors as compact
// float arrays. Rows whose node does not exist are skipped.
UNWIND $rows AS row
MATCH (n:__LABEL__ {id: row.id})
CALL db.create.setNodeVectorProperty(n, $property, row.vector)
RETURN count(n) AS written
