// Empty the graph in batches (used by tests and `jobgraph db reset`).
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batch_size ROWS
