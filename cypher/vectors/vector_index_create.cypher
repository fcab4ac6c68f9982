// Template: __LABEL__ and __PROPERTY__ are replaced by graph/vector_store.py only
// after both are checked against its allow-list; everything else is a $parameter.
CREATE VECTOR INDEX $name IF NOT EXISTS
FOR (n:__LABEL__) ON (n.__PROPERTY__)
OPTIONS {indexConfig: {
  `vector.dimensions`: $dimensions,
  `vector.similarity_function`: 'cosine'
}}
