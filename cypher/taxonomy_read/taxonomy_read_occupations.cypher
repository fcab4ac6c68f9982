// Every occupation with its titles, for the taxonomy in force.
MATCH (o:Occupation)
RETURN o.id AS id, o.title AS title, coalesce(o.alt_titles, []) AS alt_titles,
       o.group_code AS group_code, o.family AS family, o.source AS source,
       coalesce(o.seniority, 1) AS seniority
ORDER BY id
