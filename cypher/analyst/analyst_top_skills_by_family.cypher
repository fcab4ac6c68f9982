// Answers: which skills do postings ask for most, per occupational family?
// Parameters: $top (skills per family).
MATCH (p:Posting)-[:FOR_OCCUPATION]->(o:Occupation)
MATCH (p)-[r:REQUIRES]->(s:Skill)
WITH o.family AS family, s.name AS skill, count(DISTINCT p) AS postings,
     sum(CASE r.importance WHEN 'required' THEN 1 ELSE 0 END) AS required
ORDER BY family, postings DESC
WITH family, collect({skill: skill, postings: postings, required: required})[..$top] AS skills
RETURN family, skills
ORDER BY family
