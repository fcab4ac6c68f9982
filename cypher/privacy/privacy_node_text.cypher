// Every string (or list-of-strings) property of every node that contains one of
// $needles (lower-case), with what it matched: the privacy audit after erasure or
// a redacted ingest. Vectors and numbers are skipped.
MATCH (n)
UNWIND keys(n) AS key
WITH n, key, n[key] AS value
WITH n, key,
  CASE
    WHEN value IS :: STRING THEN [value]
    WHEN value IS :: LIST<STRING NOT NULL> THEN value
    ELSE []
  END AS texts
UNWIND texts AS text
WITH n, key, text, [needle IN $needles WHERE toLower(text) CONTAINS needle] AS found
WHERE size(found) > 0
RETURN labels(n) AS labels, n.id AS id, key, text, found
ORDER BY id, key
