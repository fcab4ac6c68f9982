// Which of these input digests belong to a posting that is marked done (record
// digest stored): ingest counts those documents as unchanged without parsing.
MATCH (p:Posting)
WHERE p.input_digest IN $digests AND p.record_digest IS NOT NULL
RETURN p.input_digest AS digest, p.id AS id
