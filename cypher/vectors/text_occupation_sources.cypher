// Occupations to encode (all, or only those without a text vector yet).
MATCH (o:Occupation)
WHERE NOT $only_missing OR o.text_embedding IS NULL
RETURN o.id AS id, o.title AS title, o.alt_titles AS alt_titles, o.description AS description
ORDER BY id
