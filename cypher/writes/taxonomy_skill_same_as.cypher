// Entries of two sources naming the same skill.
UNWIND $rows AS row
MATCH (a:Skill {id: row.a})
MATCH (b:Skill {id: row.b})
MERGE (a)-[:SAME_AS]->(b)
