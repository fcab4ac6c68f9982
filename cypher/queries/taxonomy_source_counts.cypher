// Skills and occupations per source, for `jobgraph taxonomy stats`.
CALL () {
  MATCH (s:Skill) RETURN 'skills' AS kind, s.source AS source, count(*) AS count
  UNION ALL
  MATCH (o:Occupation) RETURN 'occupations' AS kind, o.source AS source, count(*) AS count
}
RETURN kind, source, count
ORDER BY kind, source
