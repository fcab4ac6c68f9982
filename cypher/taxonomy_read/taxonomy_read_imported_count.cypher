// How many skills came from an import (anything but the built-in vocabulary).
MATCH (s:Skill)
WHERE s.source IS NOT NULL AND s.source <> $builtin_source
RETURN count(s) AS imported
