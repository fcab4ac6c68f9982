// Occupations to encode (all, or only those without a text vector yet;
// $ids, when not null, restricts them to those ids).
MATCH (o:Occupation)
WHERE (NOT $only_missing OR o.text_embedding IS NULL)
  AND ($ids IS NULL OR o.id IN $ids)
RETURN o.id AS id, o.title AS title, o.alt_titles AS alt_titles, o.description AS description
ORDER BY id
