// Answers: which skills do postings ask for more than candidates offer? Demand is
// the number of postings requiring the skill, supply the number of candidates
// holding it; the gap is demand per candidate holding it.
// Parameters: $limit (rows).
MATCH (s:Skill)<-[:REQUIRES]-(:Posting)
WITH s, count(*) AS demand
WITH s, demand, COUNT { (:Candidate)-[:HAS_SKILL]->(s) } AS supply
RETURN s.id AS skill_id, s.name AS skill, demand, supply,
       round(toFloat(demand) / (supply + 1), 3) AS demand_per_candidate
ORDER BY demand_per_candidate DESC, demand DESC, skill
LIMIT $limit
