// Record digests of the postings in a batch that already exist.
UNWIND $ids AS id
MATCH (p:Posting {id: id})
RETURN p.id AS id, p.record_digest AS record_digest
