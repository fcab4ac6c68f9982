CREATE INDEX candidate_content_hash IF NOT EXISTS FOR (c:Candidate) ON (c.content_hash)
