// Skills to encode (all, or only those without a text vector yet).
MATCH (s:Skill)
WHERE NOT $only_missing OR s.text_embedding IS NULL
RETURN s.id AS id, s.name AS name, s.aliases AS aliases
ORDER BY id
