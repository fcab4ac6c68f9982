// A candidate's text vector and taxonomy neighbours, for its inductive GNN vector.
MATCH (d:Candidate {id: $id})
RETURN d.text_embedding AS features,
       COLLECT { MATCH (d)-[:HAS_SKILL]->(s:Skill) RETURN s.id } AS has_skill,
       COLLECT { MATCH (d)-[:WORKED_AS]->(o:Occupation) RETURN DISTINCT o.id } AS worked_as
