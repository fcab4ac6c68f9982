// One candidate as the API shows it: properties, skills with evidence, resolved
// jobs and (when stored) the contact block. The API drops the contact and the
// snippets for keys without the pii scope. Parameters: $id.
MATCH (c:Candidate {id: $id})
RETURN c {
  .id, .headline, .summary, .occupation_id, .experience_years, .total_experience_months,
  .education_level, .city, .country, .certifications, .languages, .uncatalogued_skills, .updated_at
} AS candidate,
COLLECT {
  MATCH (c)-[r:HAS_SKILL]->(s:Skill)
  RETURN {id: s.id, name: s.name, years: r.years, evidence: r.evidence,
          confidence: r.confidence, section: r.section, snippet: r.snippet} AS skill
  ORDER BY skill.id
} AS skills,
COLLECT {
  MATCH (c)-[w:WORKED_AT]->(:Employer)
  RETURN {order: w.order, title: w.title, employer: w.employer, start: w.start,
          end: w.end, current: w.current, months: w.months} AS job
  ORDER BY job.order
} AS jobs,
COLLECT {
  MATCH (c)-[w:WORKED_AS]->(o:Occupation)
  RETURN {order: w.order, title: w.title, occupation_id: o.id} AS job
  ORDER BY job.order
} AS resolved_jobs,
COLLECT {
  MATCH (c)-[:HAS_CONTACT]->(k:Contact)
  RETURN k {.name, .email, .phone, .links} AS contact
} AS contacts
