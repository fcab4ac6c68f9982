// Mark written resumes as done (their text vectors are stored too): a candidate
// without a record digest is written again by the next ingest.
UNWIND $rows AS row
MATCH (c:Candidate {id: row.id})
SET c.record_digest = row.digest
