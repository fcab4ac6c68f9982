// Candidates with the longest resolved work histories, for demonstrations.
MATCH (c:Candidate)-[:WORKED_AS]->(:Occupation)
WITH c, count(*) AS jobs
RETURN c.id AS id, c.headline AS headline, jobs
ORDER BY jobs DESC, id
LIMIT $limit
