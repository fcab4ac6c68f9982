// Every candidate's id and the file it was ingested from (to resolve graded
// pairs that name documents by file stem).
MATCH (c:Candidate)
RETURN c.id AS id, c.source AS source
