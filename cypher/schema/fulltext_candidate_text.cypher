CREATE FULLTEXT INDEX candidate_text IF NOT EXISTS FOR (c:Candidate) ON EACH [c.headline, c.summary]
