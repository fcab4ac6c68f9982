// Skills to encode (all, or only those without a text vector yet;
// $ids, when not null, restricts them to those ids).
MATCH (s:Skill)
WHERE (NOT $only_missing OR s.text_embedding IS NULL)
  AND ($ids IS NULL OR s.id IN $ids)
RETURN s.id AS id, s.name AS name, s.aliases AS aliases
ORDER BY id
