// Mark written postings as done (their text vectors are stored too): a posting
// without a record digest is written again by the next ingest.
UNWIND $rows AS row
MATCH (p:Posting {id: row.id})
SET p.record_digest = row.digest
