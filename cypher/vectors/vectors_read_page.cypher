// Template (see vector_index_create): one page of stored vectors, in id order
// after $after (keyset paging on the id constraint's index).
MATCH (n:__LABEL__)
WHERE n.id > $after AND n.__PROPERTY__ IS NOT NULL
RETURN n.id AS id, n.__PROPERTY__ AS vector
ORDER BY n.id
LIMIT $limit
