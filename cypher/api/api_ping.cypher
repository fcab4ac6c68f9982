// Readiness probe: answers when the database accepts queries.
RETURN 1 AS ok
