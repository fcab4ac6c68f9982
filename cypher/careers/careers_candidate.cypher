// One candidate: skills held (plus the broader skills and SAME_AS entries they
// imply), and the jobs of the work history that resolved to an occupation.
MATCH (c:Candidate {id: $candidate_id})
RETURN c.id AS id, c.headline AS headline, c.occupation_id AS occupation_id,
       COLLECT { MATCH (c)-[:HAS_SKILL]->(s:Skill) RETURN s.id } AS skills,
       COLLECT {
         MATCH (c)-[:HAS_SKILL]->(:Skill)-[:BROADER*1..2]->(b:Skill) RETURN b.id AS id
         UNION
         MATCH (c)-[:HAS_SKILL]->(:Skill)-[:SAME_AS]-(x:Skill) RETURN x.id AS id
       } AS implied_skills,
       COLLECT {
         MATCH (c)-[w:WORKED_AS]->(o:Occupation)
         RETURN {occupation_id: o.id, order: w.order, start: w.start, end: w.end,
                 months: w.months}
       } AS spells
