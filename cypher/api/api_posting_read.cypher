// One posting as the API shows it: properties and required skills with evidence.
// Parameters: $id.
MATCH (p:Posting {id: $id})
RETURN p {
  .id, .title, .company, .occupation_id, .remote, .employment_type,
  .min_years_experience, .education_level, .education_field, .salary_min, .salary_max,
  .salary_currency, .salary_period, .city, .country, .description, .updated_at
} AS posting,
COLLECT {
  MATCH (p)-[r:REQUIRES]->(s:Skill)
  RETURN {id: s.id, name: s.name, importance: r.importance, min_years: r.min_years,
          evidence: r.evidence, confidence: r.confidence, snippet: r.snippet} AS skill
  ORDER BY skill.id
} AS skills
