// Every mined NEXT transition.
MATCH (a:Occupation)-[n:NEXT]->(b:Occupation)
RETURN a.id AS from_id, b.id AS to_id, n.count AS count, n.probability AS probability,
       n.median_years AS median_years
ORDER BY from_id, count DESC, to_id
