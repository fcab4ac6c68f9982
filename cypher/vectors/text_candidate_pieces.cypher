// One page (keyset on id) of candidates with what their text vector is built
// from: headline, occupation, skills (confidence, years), jobs by recency.
// $ids, when not null, restricts the page to those candidates.
MATCH (c:Candidate)
WHERE c.id > $after
  AND ($ids IS NULL OR c.id IN $ids)
  AND (NOT $only_missing OR c.text_embedding IS NULL)
WITH c ORDER BY c.id LIMIT $limit
RETURN c.id AS id,
       c.headline AS headline,
       c.occupation_id AS occupation_id,
       COLLECT { MATCH (c)-[r:HAS_SKILL]->(s:Skill)
                 RETURN {id: s.id, confidence: r.confidence, years: r.years} } AS skills,
       COLLECT { MATCH (c)-[w:WORKED_AS]->(o:Occupation)
                 RETURN {order: w.order, id: o.id, title: w.title} } AS jobs
ORDER BY id
