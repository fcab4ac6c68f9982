CREATE INDEX skill_name IF NOT EXISTS FOR (s:Skill) ON (s.name)
