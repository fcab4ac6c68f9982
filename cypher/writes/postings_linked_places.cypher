// The employers, places and education nodes these postings link to before they
// are written again: afterwards, those nothing links to any more are deleted
// (writes_delete_orphans), as a delete of the posting would. Parameters: $ids.
UNWIND $ids AS id
MATCH (:Posting {id: id})-[:POSTED_BY|LOCATED_IN|REQUIRES_EDUCATION]->(place:Employer|Location|Education)
RETURN collect(DISTINCT elementId(place)) AS nodes
