// Relationships a full-text index finds for a Lucene query. Parameters: $index, $query.
CALL db.index.fulltext.queryRelationships($index, $query) YIELD relationship, score
RETURN type(relationship) AS type, score
