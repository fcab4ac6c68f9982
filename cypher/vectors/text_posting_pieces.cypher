// One page (keyset on id) of postings with what their text vector is built
// from: title, occupation (confidence), skills (importance, confidence).
// $ids, when not null, restricts the page to those postings.
MATCH (p:Posting)
WHERE p.id > $after
  AND ($ids IS NULL OR p.id IN $ids)
  AND (NOT $only_missing OR p.text_embedding IS NULL)
WITH p ORDER BY p.id LIMIT $limit
RETURN p.id AS id,
       p.title AS title,
       COLLECT { MATCH (p)-[r:REQUIRES]->(s:Skill)
                 RETURN {id: s.id, importance: r.importance, confidence: r.confidence} } AS skills,
       COLLECT { MATCH (p)-[f:FOR_OCCUPATION]->(o:Occupation)
                 RETURN {id: o.id, confidence: f.confidence} } AS occupations
ORDER BY id
