// Delete the nodes of $nodes (element ids from *_linked_places, in the same
// transaction) that nothing links to any more.
UNWIND $nodes AS node
MATCH (place)
WHERE elementId(place) = node AND NOT EXISTS { (place)--() }
DELETE place
