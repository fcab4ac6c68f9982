CREATE FULLTEXT INDEX skill_labels IF NOT EXISTS FOR (s:Skill) ON EACH [s.name, s.aliases_text]
