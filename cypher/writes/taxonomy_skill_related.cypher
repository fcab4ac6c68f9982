UNWIND $rows AS row
MATCH (a:Skill {id: row.source_id})
MATCH (b:Skill {id: row.target_id})
MERGE (a)-[r:RELATED_TO]->(b)
SET r.weight = row.weight, r.source = row.source
