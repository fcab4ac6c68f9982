// Every vector index with its label, property, dimensions and state.
SHOW VECTOR INDEXES YIELD name, labelsOrTypes, properties, options, state, populationPercent
RETURN name, labelsOrTypes[0] AS label, properties[0] AS property,
       options.indexConfig.`vector.dimensions` AS dimensions,
       options.indexConfig.`vector.similarity_function` AS similarity,
       state, populationPercent AS population
ORDER BY name
