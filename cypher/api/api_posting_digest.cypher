// The stored digest of one posting (no row when absent). Parameters: $id.
MATCH (p:Posting {id: $id})
RETURN p.record_digest AS record_digest
