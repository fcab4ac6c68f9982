// Answers: which skills appear together with a given skill, in postings and in
// resumes? Counts documents that name both.
// Parameters: $skill_id (skill id); $limit (rows).
MATCH (x:Skill {id: $skill_id})
CALL (x) {
  MATCH (x)<-[:REQUIRES]-(p:Posting)-[:REQUIRES]->(other:Skill)
  RETURN other, 1 AS in_posting, 0 AS in_resume
  UNION ALL
  MATCH (x)<-[:HAS_SKILL]-(c:Candidate)-[:HAS_SKILL]->(other:Skill)
  RETURN other, 0 AS in_posting, 1 AS in_resume
}
WITH other, sum(in_posting) AS postings, sum(in_resume) AS resumes
WHERE other.id <> $skill_id
RETURN other.id AS skill_id, other.name AS skill, postings, resumes,
       postings + resumes AS together
ORDER BY together DESC, skill
LIMIT $limit
