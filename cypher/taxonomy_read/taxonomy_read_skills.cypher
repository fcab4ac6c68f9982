// Every skill with the labels and kind that parsing needs, for the taxonomy in force.
MATCH (s:Skill)
RETURN s.id AS id, s.name AS name, s.kind AS kind, s.category AS category,
       coalesce(s.aliases, []) AS aliases, s.source AS source,
       coalesce(s.families, []) AS families, coalesce(s.hot, false) AS hot
ORDER BY id
