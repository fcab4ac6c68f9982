// Every occupation with its title, family, broader occupations and SAME_AS
// entries, for occupation fit.
MATCH (o:Occupation)
RETURN o.id AS id, o.title AS title, o.family AS family,
       COLLECT { MATCH (o)-[:BROADER]->(b:Occupation) RETURN b.id } AS broader,
       COLLECT { MATCH (o)-[:SAME_AS]-(x:Occupation) RETURN DISTINCT x.id } AS same_as
