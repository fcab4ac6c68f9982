CREATE INDEX candidate_input_digest IF NOT EXISTS FOR (c:Candidate) ON (c.input_digest)
