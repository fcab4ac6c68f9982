// Relationship counts by type (one pass; works without APOC).
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY type
