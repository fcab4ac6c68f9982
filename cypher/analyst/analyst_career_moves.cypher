// Answers: which occupation do people move to next? Pairs of consecutive jobs in
// work histories, ordered by start month ("YYYY-MM" strings sort by date).
// Parameters: $limit (rows).
MATCH (c:Candidate)-[earlier:WORKED_AS]->(from:Occupation)
MATCH (c)-[later:WORKED_AS]->(to:Occupation)
WHERE earlier.start IS NOT NULL AND later.start > earlier.start AND from <> to
  AND NOT EXISTS {
    MATCH (c)-[between:WORKED_AS]->()
    WHERE between.start > earlier.start AND between.start < later.start
  }
RETURN from.title AS from_occupation, to.title AS to_occupation, count(*) AS people
ORDER BY people DESC, from_occupation
LIMIT $limit
