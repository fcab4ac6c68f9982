// Remove a candidate: its contact nodes, every relationship and the node itself
// (its text and GNN vectors are properties, so they go with it and leave the
// vector indexes). No row when the id is unknown. Parameters: $id.
MATCH (c:Candidate {id: $id})
OPTIONAL MATCH (c)-[:HAS_CONTACT]->(contact:Contact)
WITH c, collect(contact) AS contacts
FOREACH (stale IN contacts | DETACH DELETE stale)
DETACH DELETE c
RETURN size(contacts) AS contacts_removed
