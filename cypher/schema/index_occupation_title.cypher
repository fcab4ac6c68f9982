CREATE INDEX occupation_title IF NOT EXISTS FOR (o:Occupation) ON (o.title)
