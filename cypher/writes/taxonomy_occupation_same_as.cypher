// Entries of two sources naming the same occupation.
UNWIND $rows AS row
MATCH (a:Occupation {id: row.a})
MATCH (b:Occupation {id: row.b})
MERGE (a)-[:SAME_AS]->(b)
