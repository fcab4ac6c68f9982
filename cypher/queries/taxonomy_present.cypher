// True when the graph holds at least one skill (the taxonomy is loaded).
MATCH (s:Skill)
RETURN count(s) > 0 AS present
