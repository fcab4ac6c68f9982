// Candidates and postings: how many, how many marked done (record digest
// stored) and how many carry a text vector.
MATCH (n)
WHERE n:Candidate OR n:Posting
RETURN CASE WHEN n:Candidate THEN 'Candidate' ELSE 'Posting' END AS label,
       count(*) AS nodes,
       count(n.record_digest) AS with_digest,
       count(n.text_embedding) AS with_text_vector
ORDER BY label
