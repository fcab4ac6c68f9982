// The employers, places and education nodes these candidates link to before they
// are written again: afterwards, those nothing links to any more are deleted
// (writes_delete_orphans), as a delete of the candidate would. Parameters: $ids.
UNWIND $ids AS id
MATCH (:Candidate {id: id})-[:WORKED_AT|LIVES_IN|HOLDS]->(place:Employer|Location|Education)
RETURN collect(DISTINCT elementId(place)) AS nodes
