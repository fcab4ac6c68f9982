// Every posting's required skills, for "which skills unlock most".
MATCH (p:Posting)
RETURN p.id AS id, p.title AS title,
       COLLECT { MATCH (p)-[r:REQUIRES]->(s:Skill) WHERE r.importance = $importance RETURN s.id }
         AS required
ORDER BY id
