// What a posting asks for that a candidate lacks, and what the candidate has
// close to it (a narrower, broader or related skill).
MATCH (p:Posting {id: $posting_id})-[req:REQUIRES]->(needed:Skill)
WHERE NOT EXISTS { MATCH (:Candidate {id: $candidate_id})-[:HAS_SKILL]->(needed) }
OPTIONAL MATCH (:Candidate {id: $candidate_id})-[:HAS_SKILL]->(near:Skill)
  -[:BROADER|RELATED_TO]-(needed)
RETURN needed.name AS missing, req.importance AS importance, req.min_years AS min_years,
       collect(DISTINCT near.name) AS closest_held
ORDER BY importance DESC, missing
