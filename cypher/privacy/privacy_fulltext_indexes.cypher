// The full-text indexes: name and whether they index nodes or relationships.
SHOW FULLTEXT INDEXES YIELD name, entityType
RETURN name, entityType AS entity_type
ORDER BY name
