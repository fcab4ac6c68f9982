// Which of these input digests belong to a candidate that is marked done (record
// digest stored): ingest counts those documents as unchanged without parsing.
MATCH (c:Candidate)
WHERE c.input_digest IN $digests AND c.record_digest IS NOT NULL
RETURN c.input_digest AS digest, c.id AS id
