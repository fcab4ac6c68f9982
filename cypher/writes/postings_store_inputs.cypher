// Remember the input each done posting was parsed from (see ingest/input_digest.py).
// A record written again without one loses it (the writer clears it).
UNWIND $rows AS row
MATCH (p:Posting {id: row.id})
WHERE p.record_digest IS NOT NULL
SET p.input_digest = row.input_digest
