// Ids held by more than one node of the same label (none where a uniqueness
// constraint stands behind every MERGE): label, how many ids, how many nodes.
MATCH (n)
WHERE n.id IS NOT NULL
UNWIND labels(n) AS label
WITH label, n.id AS id, count(*) AS copies
WHERE copies > 1
RETURN label, count(id) AS ids, sum(copies) AS nodes
ORDER BY label
