// Drop one vector index by name (before recreating it with other dimensions).
DROP INDEX $name IF EXISTS
