// Every candidate's jobs that resolved to an occupation (order 0 = most recent),
// the input of transition mining.
MATCH (c:Candidate)-[w:WORKED_AS]->(o:Occupation)
RETURN c.id AS candidate_id,
       collect({occupation_id: o.id, order: w.order, start: w.start, end: w.end,
                months: w.months}) AS spells
ORDER BY candidate_id
