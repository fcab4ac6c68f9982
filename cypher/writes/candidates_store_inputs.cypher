// Remember the input each done candidate was parsed from (see ingest/input_digest.py).
// A record written again without one loses it (the writer clears it).
UNWIND $rows AS row
MATCH (c:Candidate {id: row.id})
WHERE c.record_digest IS NOT NULL
SET c.input_digest = row.input_digest
