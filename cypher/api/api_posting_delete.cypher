// Remove a posting: every relationship, the node with its vectors, and the
// Employer, Location and Education nodes that nothing else links to any more.
// No row when the id is unknown. Parameters: $id.
MATCH (p:Posting {id: $id})
OPTIONAL MATCH (p)-[:POSTED_BY|LOCATED_IN|REQUIRES_EDUCATION]->(place:Employer|Location|Education)
WITH p, collect(DISTINCT place) AS places
DETACH DELETE p
WITH [place IN places WHERE NOT EXISTS { (place)--() }] AS orphans
FOREACH (orphan IN orphans | DELETE orphan)
RETURN size(orphans) AS orphans_removed
