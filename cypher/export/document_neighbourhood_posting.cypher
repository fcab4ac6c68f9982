// A posting's text vector and taxonomy neighbours, for its inductive GNN vector.
MATCH (d:Posting {id: $id})
RETURN d.text_embedding AS features,
       COLLECT { MATCH (d)-[:REQUIRES]->(s:Skill) RETURN s.id } AS requires,
       COLLECT { MATCH (d)-[:FOR_OCCUPATION]->(o:Occupation) RETURN DISTINCT o.id } AS for_occupation
