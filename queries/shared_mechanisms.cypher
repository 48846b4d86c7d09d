// name: shared_mechanisms
// description: What two entities (two diseases, two MSC sources, ...) have in common: the entities both are joined to by claims, most evidence first.
// param: a (entity, required) the first entity: an id or any name
// param: b (entity, required) the second entity: an id or any name
// param: limit (int 1..10000, default 50) shared entities returned
// example: msckg query shared_mechanisms -p a=osteoarthritis -p "b=graft-versus-host disease"
//
// Claims only (no MENTIONS or CITES), and none that is only negated or a marker MSCs lack.
// relations_a lists the relationship types between a and the shared entity, evidence_a their evidence.
MATCH (a:Entity)
WHERE a.id = $a OR toLower(a.name) = toLower($a)
   OR any(s IN coalesce(a.synonyms, []) WHERE toLower(s) = toLower($a))
MATCH (b:Entity)
WHERE b.id = $b OR toLower(b.name) = toLower($b)
   OR any(s IN coalesce(b.synonyms, []) WHERE toLower(s) = toLower($b))
MATCH (a)-[ra]-(x:Entity)-[rb]-(b)
WHERE a <> b AND x <> a AND x <> b
  AND NOT type(ra) IN ['MENTIONS', 'CITES'] AND NOT type(rb) IN ['MENTIONS', 'CITES']
  AND coalesce(ra.negated, 0) < coalesce(ra.evidence_count, 0) AND NOT coalesce(ra.negative, false)
  AND coalesce(rb.negated, 0) < coalesce(rb.evidence_count, 0) AND NOT coalesce(rb.negative, false)
WITH a, b, x, collect(DISTINCT ra) AS ras, collect(DISTINCT rb) AS rbs
WITH a, b, x, ras, rbs,
     reduce(s = 0, r IN ras | s + r.evidence_count) AS evidence_a,
     reduce(s = 0, r IN rbs | s + r.evidence_count) AS evidence_b
RETURN x.label AS label, x.name AS name, x.id AS id,
       COLLECT { UNWIND ras AS r RETURN DISTINCT type(r) AS t ORDER BY t } AS relations_a,
       COLLECT { UNWIND rbs AS r RETURN DISTINCT type(r) AS t ORDER BY t } AS relations_b,
       evidence_a, evidence_b, evidence_a + evidence_b AS evidence
ORDER BY evidence DESC, id ASC, a.id ASC, b.id ASC
LIMIT $limit
