// The candidates named in $ids, with everything the match scorer reads: skills
// held (with years and resume evidence), past roles, education, location and
// both vectors. Ids that do not exist are simply absent from the result.
UNWIND $ids AS wanted
MATCH (c:Candidate {id: wanted})
RETURN c.id AS id, c.headline AS headline, c.summary AS summary,
       c.occupation_id AS occupation_id, c.experience_years AS experience_years,
       c.education_level AS education_level, c.education_rank AS education_rank,
       c.city AS city, c.country AS country,
       COLLECT { MATCH (c)-[:LIVES_IN]->(l:Location) RETURN l.region }[0] AS region,
       c.text_embedding AS text_vector, c.gnn_embedding AS gnn_vector,
       COLLECT {
         MATCH (c)-[r:HAS_SKILL]->(s:Skill)
         RETURN {id: s.id, name: s.name, years: r.years, evidence: r.evidence,
                 snippet: r.snippet, section: r.section, start: r.start, end: r.end,
                 confidence: r.confidence}
       } AS skills,
       COLLECT {
         MATCH (c)-[w:WORKED_AS]->(o:Occupation)
         RETURN {id: o.id, title: w.title, order: w.order, months: w.months}
       } AS roles
