// Before a changed posting is written again: drop everything it said last time.
UNWIND $ids AS id
MATCH (p:Posting {id: id})-[old:REQUIRES|FOR_OCCUPATION|REQUIRES_EDUCATION|LOCATED_IN|POSTED_BY]->()
DELETE old
