// Every skill's id and preferred name, for the in-memory skill graph.
MATCH (s:Skill)
RETURN s.id AS id, s.name AS name
