// Answers: for each occupation, how many postings seek it and how many candidates
// currently work in it (their most recent job)?
// Parameters: $limit (rows).
MATCH (o:Occupation)
WITH o, COUNT { (:Posting)-[:FOR_OCCUPATION]->(o) } AS postings,
     COUNT { (:Candidate)-[:WORKED_AS {order: 0}]->(o) } AS candidates
WHERE postings > 0 OR candidates > 0
RETURN o.id AS occupation_id, o.title AS occupation, o.family AS family, postings, candidates
ORDER BY postings - candidates DESC, postings DESC, occupation
LIMIT $limit
