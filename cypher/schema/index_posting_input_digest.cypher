CREATE INDEX posting_input_digest IF NOT EXISTS FOR (p:Posting) ON (p.input_digest)
