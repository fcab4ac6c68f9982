// Every string (or list-of-strings) property of every relationship that contains
// one of $needles (lower-case), with its ends' ids and what it matched.
MATCH (a)-[r]->(b)
UNWIND keys(r) AS key
WITH a, r, b, key, r[key] AS value
WITH a, r, b, key,
  CASE
    WHEN value IS :: STRING THEN [value]
    WHEN value IS :: LIST<STRING NOT NULL> THEN value
    ELSE []
  END AS texts
UNWIND texts AS text
WITH a, r, b, key, text, [needle IN $needles WHERE toLower(text) CONTAINS needle] AS found
WHERE size(found) > 0
RETURN type(r) AS type, a.id AS from_id, b.id AS to_id, key, text, found
ORDER BY from_id, type, key
