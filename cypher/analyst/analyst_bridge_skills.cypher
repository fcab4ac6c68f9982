// Answers: which skills bridge two occupational families, i.e. are required by
// occupations in both (what someone moving between them can carry across)?
// Parameters: $family_a, $family_b (family ids, e.g. "data", "software"); $limit (rows).
MATCH (a:Occupation {family: $family_a})-[ra:REQUIRES]->(s:Skill)
      <-[rb:REQUIRES]-(b:Occupation {family: $family_b})
WITH s, count(DISTINCT a) AS in_a, count(DISTINCT b) AS in_b,
     sum(CASE WHEN ra.importance = 'essential' AND rb.importance = 'essential'
         THEN 1 ELSE 0 END) AS essential_pairs
RETURN s.id AS skill_id, s.name AS skill, in_a AS occupations_in_a,
       in_b AS occupations_in_b, essential_pairs
ORDER BY in_a * in_b DESC, essential_pairs DESC, skill
LIMIT $limit
