UNWIND $rows AS row
MATCH (narrower:Occupation {id: row.id})
MATCH (broader:Occupation {id: row.broader_id})
MERGE (narrower)-[:BROADER]->(broader)
