// Answers: which candidates hold a skill, directly or through a narrower one
// (asking for Python also finds Django developers), with their best evidence?
// Parameters: $skill_id (skill id, e.g. "python"); $limit (rows).
MATCH (target:Skill {id: $skill_id})
MATCH (c:Candidate)-[has:HAS_SKILL]->(held:Skill)-[:BROADER*0..2]->(target)
WITH c, held, has
ORDER BY coalesce(has.years, 0) DESC
WITH c, collect({skill: held.name, years: has.years, evidence: has.snippet})[0] AS best,
     count(held) AS matching_skills
RETURN c.id AS candidate, c.headline AS headline, c.experience_years AS experience_years,
       best.skill AS via_skill, best.years AS years, best.evidence AS evidence, matching_skills
ORDER BY matching_skills DESC, years DESC
LIMIT $limit
