// Answers: which occupations can people reach from a given one in one or two
// observed moves (mined NEXT transitions; run `jobgraph careers mine` first)?
// The likelihood of a two-move route is the product of its probabilities.
// Parameters: $occupation_id; $limit (rows).
MATCH route = (:Occupation {id: $occupation_id})-[:NEXT*1..2]->(o:Occupation)
WHERE o.id <> $occupation_id
WITH o, route,
     reduce(p = 1.0, step IN relationships(route) | p * step.probability) AS likelihood
ORDER BY likelihood DESC
WITH o, collect({moves: length(route), likelihood: likelihood,
                 via: [n IN nodes(route)[1..-1] | n.title]})[0] AS best
RETURN o.id AS occupation_id, o.title AS occupation, best.moves AS moves,
       round(best.likelihood, 4) AS likelihood, best.via AS via
ORDER BY likelihood DESC, occupation
LIMIT $limit
