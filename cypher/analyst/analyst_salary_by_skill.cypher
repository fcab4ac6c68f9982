// Answers: what do postings that require a skill pay, where they state a yearly
// salary? The midpoint of each posting's range is averaged per skill and currency.
// Parameters: $min_postings (fewest postings for a skill to be listed); $limit (rows).
MATCH (p:Posting)-[:REQUIRES]->(s:Skill)
WHERE p.salary_period = 'year' AND p.salary_min IS NOT NULL
WITH s, p.salary_currency AS currency,
     (p.salary_min + coalesce(p.salary_max, p.salary_min)) / 2.0 AS midpoint
WITH s, currency, count(*) AS postings, avg(midpoint) AS average, min(midpoint) AS lowest,
     max(midpoint) AS highest
WHERE postings >= $min_postings
RETURN s.id AS skill_id, s.name AS skill, currency, postings, round(average) AS average_salary,
       round(lowest) AS lowest, round(highest) AS highest
ORDER BY average_salary DESC, skill
LIMIT $limit
