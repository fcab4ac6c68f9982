CREATE FULLTEXT INDEX occupation_titles IF NOT EXISTS FOR (o:Occupation) ON EACH [o.title, o.alt_titles_text]
