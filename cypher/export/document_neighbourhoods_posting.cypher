// Text vectors and taxonomy neighbours of many postings at once (inductive GNN vectors at ingest).
UNWIND $ids AS id
MATCH (d:Posting {id: id})
RETURN d.id AS id,
       d.text_embedding AS features,
       COLLECT { MATCH (d)-[:REQUIRES]->(s:Skill) RETURN s.id } AS requires,
       COLLECT { MATCH (d)-[:FOR_OCCUPATION]->(o:Occupation) RETURN DISTINCT o.id } AS for_occupation
