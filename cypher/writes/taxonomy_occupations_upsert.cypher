// One batch of occupations, each linked to its family when it has one.
UNWIND $rows AS row
MERGE (o:Occupation {id: row.id})
SET o.title = row.title,
    o.alt_titles = row.alt_titles,
    o.alt_titles_text = row.alt_titles_text,
    o.group_code = row.group_code,
    o.family = row.family,
    o.source = row.source,
    o.description = row.description,
    o.seniority = row.seniority,
    o.job_zone = row.job_zone,
    o.education = row.education,
    o.experience_years = row.experience_years
WITH o, row
WHERE row.family <> ''
MERGE (f:Family {id: row.family})
  ON CREATE SET f.name = row.family
MERGE (o)-[:IN_FAMILY]->(f)
