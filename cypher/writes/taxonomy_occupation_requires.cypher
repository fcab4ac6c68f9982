UNWIND $rows AS row
MATCH (o:Occupation {id: row.occupation_id})
MATCH (s:Skill {id: row.skill_id})
MERGE (o)-[r:REQUIRES]->(s)
SET r.importance = row.importance, r.weight = row.weight
