CREATE FULLTEXT INDEX posting_text IF NOT EXISTS FOR (p:Posting) ON EACH [p.title, p.description]
