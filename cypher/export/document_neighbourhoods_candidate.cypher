// Text vectors and taxonomy neighbours of many candidates at once (inductive GNN vectors at ingest).
UNWIND $ids AS id
MATCH (d:Candidate {id: id})
RETURN d.id AS id,
       d.text_embedding AS features,
       COLLECT { MATCH (d)-[:HAS_SKILL]->(s:Skill) RETURN s.id } AS has_skill,
       COLLECT { MATCH (d)-[:WORKED_AS]->(o:Occupation) RETURN DISTINCT o.id } AS worked_as
