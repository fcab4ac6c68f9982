// Answers: which candidates hold every required skill of a posting but one, and
// which one is it? (Candidates holding none of them are not listed.)
// Parameters: $posting_id; $limit (rows).
MATCH (p:Posting {id: $posting_id})-[:REQUIRES {importance: 'required'}]->(s:Skill)
WITH p, collect(s) AS required
MATCH (c:Candidate)-[:HAS_SKILL]->(held:Skill)
WHERE held IN required
WITH c, required, collect(held) AS held
WHERE size(held) = size(required) - 1
RETURN c.id AS candidate, c.headline AS headline,
       [s IN required WHERE NOT s IN held | s.name][0] AS missing_skill,
       size(held) AS held_required
ORDER BY candidate
LIMIT $limit
