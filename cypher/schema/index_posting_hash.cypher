CREATE INDEX posting_content_hash IF NOT EXISTS FOR (p:Posting) ON (p.content_hash)
