// Record digests of the candidates in a batch that already exist.
UNWIND $ids AS id
MATCH (c:Candidate {id: id})
RETURN c.id AS id, c.record_digest AS record_digest
