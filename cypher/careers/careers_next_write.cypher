// One batch of mined transitions between occupations.
UNWIND $rows AS row
MATCH (a:Occupation {id: row.from_id})
MATCH (b:Occupation {id: row.to_id})
MERGE (a)-[n:NEXT]->(b)
SET n.count = row.count, n.probability = row.probability, n.median_years = row.median_years
