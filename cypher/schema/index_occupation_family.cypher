CREATE INDEX occupation_family IF NOT EXISTS FOR (o:Occupation) ON (o.family)
