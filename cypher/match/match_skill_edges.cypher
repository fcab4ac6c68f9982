// Every skill-to-skill link the scorer may follow, as stored (RELATED_TO is
// stored once and read in both directions by the scorer).
MATCH (a:Skill)-[r:SAME_AS|BROADER|RELATED_TO]->(b:Skill)
RETURN a.id AS source, b.id AS target, type(r) AS type, r.weight AS weight
