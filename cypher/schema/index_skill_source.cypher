CREATE INDEX skill_source IF NOT EXISTS FOR (s:Skill) ON (s.source)
