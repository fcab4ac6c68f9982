// Every posting's id and the file it was ingested from (to resolve graded
// pairs that name documents by file stem).
MATCH (p:Posting)
RETURN p.id AS id, p.source AS source
