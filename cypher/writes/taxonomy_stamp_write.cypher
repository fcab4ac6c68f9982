// Record which compiled taxonomy is in force, with the entry counts it was compiled from.
MERGE (t:TaxonomyStamp {id: $stamp_id})
SET t.version = $version, t.skills = $skills, t.occupations = $occupations,
    t.same_as = $same_as, t.written_at = datetime()
