// One page of candidate ids, in id order (for scoring every pair offline).
MATCH (c:Candidate)
WHERE c.id > $after
RETURN c.id AS id
ORDER BY id
LIMIT $limit
