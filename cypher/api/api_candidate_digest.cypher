// The stored digest of one candidate (no row when absent). Parameters: $id.
MATCH (c:Candidate {id: $id})
RETURN c.record_digest AS record_digest
