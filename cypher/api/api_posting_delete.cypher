// Remove a posting: every relationship and the node with its vectors. No row when
// the id is unknown. Parameters: $id.
MATCH (p:Posting {id: $id})
DETACH DELETE p
RETURN 1 AS removed
