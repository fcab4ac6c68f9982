// One page of posting ids, in id order (for scoring every pair offline).
MATCH (p:Posting)
WHERE p.id > $after
RETURN p.id AS id
ORDER BY id
LIMIT $limit
