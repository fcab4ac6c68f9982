// Answers: what does a posting ask for that a candidate lacks, and what does the
// candidate hold close to it (a narrower, broader or related skill)?
// Parameters: $candidate_id; $posting_id.
MATCH (p:Posting {id: $posting_id})-[req:REQUIRES]->(needed:Skill)
WHERE NOT EXISTS { MATCH (:Candidate {id: $candidate_id})-[:HAS_SKILL]->(needed) }
OPTIONAL MATCH (:Candidate {id: $candidate_id})-[:HAS_SKILL]->(near:Skill)
  -[:BROADER|RELATED_TO]-(needed)
RETURN needed.name AS missing, req.importance AS importance, req.min_years AS min_years,
       collect(DISTINCT near.name) AS closest_held
ORDER BY importance DESC, missing
