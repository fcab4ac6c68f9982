// Erase a candidate and everything that came from it: its contact nodes, every
// relationship, the node itself (its text and GNN vectors are properties, so they
// leave the vector and full-text indexes with it), and the Employer, Location and
// Education nodes that nothing else links to any more. Skills and occupations are
// the taxonomy's and stay. No row when the id is unknown. Parameters: $id.
MATCH (c:Candidate {id: $id})
OPTIONAL MATCH (c)-[:HAS_CONTACT]->(contact:Contact)
WITH c, collect(contact) AS contacts
OPTIONAL MATCH (c)-[:WORKED_AT|LIVES_IN|HOLDS]->(place:Employer|Location|Education)
WITH c, contacts, collect(DISTINCT place) AS places
FOREACH (stale IN contacts | DETACH DELETE stale)
DETACH DELETE c
WITH contacts, [place IN places WHERE NOT EXISTS { (place)--() }] AS orphans
FOREACH (orphan IN orphans | DELETE orphan)
RETURN size(contacts) AS contacts_removed, size(orphans) AS orphans_removed
