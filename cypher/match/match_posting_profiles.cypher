// The postings named in $ids, with everything the match scorer reads: skills
// asked (importance, minimum years, evidence), occupation, experience and
// education asked, location, remote mode and both vectors.
UNWIND $ids AS wanted
MATCH (p:Posting {id: wanted})
RETURN p.id AS id, p.title AS title, p.company AS company,
       p.occupation_id AS occupation_id, p.remote AS remote,
       p.min_years_experience AS min_years, p.education_level AS education_level,
       p.education_rank AS education_rank, p.city AS city, p.country AS country,
       COLLECT { MATCH (p)-[:LOCATED_IN]->(l:Location) RETURN l.region }[0] AS region,
       p.text_embedding AS text_vector, p.gnn_embedding AS gnn_vector,
       COLLECT {
         MATCH (p)-[r:REQUIRES]->(s:Skill)
         RETURN {id: s.id, name: s.name, importance: r.importance, min_years: r.min_years,
                 evidence: r.evidence, snippet: r.snippet}
       } AS skills
