// One batch of skills; idempotent on the stable id.
UNWIND $rows AS row
MERGE (s:Skill {id: row.id})
SET s.name = row.name,
    s.kind = row.kind,
    s.category = row.category,
    s.aliases = row.aliases,
    s.aliases_text = row.aliases_text,
    s.source = row.source,
    s.families = row.families,
    s.description = row.description,
    s.hot = row.hot
