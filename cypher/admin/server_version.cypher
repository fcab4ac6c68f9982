// The server's version, for `jobgraph neo4j status`.
CALL dbms.components() YIELD versions
RETURN versions[0] AS version
