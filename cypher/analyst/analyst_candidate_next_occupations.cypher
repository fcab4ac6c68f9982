// Answers: where do people who held a candidate's current job go next, and how
// much of each next occupation's essential skills does the candidate hold?
// Uses mined NEXT transitions (`jobgraph careers mine`).
// Parameters: $candidate_id; $limit (rows).
MATCH (c:Candidate {id: $candidate_id})-[:WORKED_AS {order: 0}]->(now:Occupation)
MATCH (now)-[n:NEXT]->(next:Occupation)
WITH c, now, next, n,
     COUNT { (next)-[:REQUIRES {importance: 'essential'}]->(:Skill) } AS essential,
     COUNT { (next)-[:REQUIRES {importance: 'essential'}]->(:Skill)<-[:HAS_SKILL]-(c) } AS held
RETURN now.title AS current, next.id AS occupation_id, next.title AS next_occupation,
       n.count AS people, n.probability AS probability, held AS essential_held,
       essential AS essential_skills
ORDER BY probability DESC, essential_held DESC, next_occupation
LIMIT $limit
