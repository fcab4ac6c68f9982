// Remove every mined NEXT transition before writing a fresh set.
MATCH (:Occupation)-[n:NEXT]->(:Occupation)
DELETE n
