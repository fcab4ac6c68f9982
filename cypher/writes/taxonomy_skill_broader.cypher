UNWIND $rows AS row
MATCH (narrower:Skill {id: row.source_id})
MATCH (broader:Skill {id: row.target_id})
MERGE (narrower)-[r:BROADER]->(broader)
SET r.source = row.source
