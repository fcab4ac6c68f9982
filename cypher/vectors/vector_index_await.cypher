// Wait (up to $seconds) until the named index is online.
CALL db.awaitIndex($name, $seconds)
