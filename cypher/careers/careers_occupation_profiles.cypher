// Every occupation with what similarity needs: level, family, hierarchy,
// SAME_AS links and required skills (importance, weight).
MATCH (o:Occupation)
RETURN o.id AS id, o.title AS title, o.family AS family, o.source AS source,
       o.seniority AS seniority, o.job_zone AS job_zone, o.education AS education,
       COLLECT { MATCH (o)-[:BROADER]->(p:Occupation) RETURN p.id } AS broader,
       COLLECT { MATCH (o)-[:SAME_AS]-(x:Occupation) RETURN DISTINCT x.id } AS same_as,
       COLLECT {
         MATCH (o)-[r:REQUIRES]->(s:Skill)
         RETURN {id: s.id, name: s.name, importance: r.importance, weight: r.weight}
       } AS skills
ORDER BY id
