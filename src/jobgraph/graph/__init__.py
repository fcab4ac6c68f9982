"""The graph layer: owns the Neo4j driver, the local server and all Cypher."""
