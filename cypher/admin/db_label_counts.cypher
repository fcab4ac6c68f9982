// Node counts by label (one pass over the nodes; works without APOC).
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
