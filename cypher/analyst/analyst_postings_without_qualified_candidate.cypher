// Answers: which postings have no candidate holding all their required skills,
// and how close does the best candidate come?
// Parameters: $limit (rows).
MATCH (p:Posting)-[:REQUIRES {importance: 'required'}]->(s:Skill)
WITH p, collect(s) AS required
OPTIONAL MATCH (c:Candidate)-[:HAS_SKILL]->(held:Skill)
WHERE held IN required
WITH p, required, c, count(held) AS held
WITH p, size(required) AS required_skills, max(held) AS best_held
WHERE best_held IS NULL OR best_held < required_skills
RETURN p.id AS posting, p.title AS title, required_skills, coalesce(best_held, 0) AS best_held
ORDER BY required_skills - coalesce(best_held, 0) DESC, posting
LIMIT $limit
