// The taxonomy stamp (version of the compiled taxonomy in force, and the entry counts
// when it was written) beside the live counts; counts come from the count store.
CALL () { MATCH (s:Skill) RETURN count(s) AS skills }
CALL () { MATCH (o:Occupation) RETURN count(o) AS occupations }
CALL () { MATCH ()-[r:SAME_AS]->() RETURN count(r) AS same_as }
OPTIONAL MATCH (t:TaxonomyStamp {id: $stamp_id})
RETURN skills, occupations, same_as, t.version AS version, t.skills AS stamp_skills,
       t.occupations AS stamp_occupations, t.same_as AS stamp_same_as
