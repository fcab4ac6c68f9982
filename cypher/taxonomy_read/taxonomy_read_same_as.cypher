// SAME_AS pairs between skills and between occupations (one concept, two sources).
CALL () {
  MATCH (a:Skill)-[:SAME_AS]->(b:Skill) RETURN a.id AS a, b.id AS b
  UNION ALL
  MATCH (a:Occupation)-[:SAME_AS]->(b:Occupation) RETURN a.id AS a, b.id AS b
}
RETURN a, b
