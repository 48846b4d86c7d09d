// name: pathway_neighbourhood
// description: Everything a signalling pathway is joined to by a claim, in either direction: what activates or inhibits it, what it acts on, the mechanisms it mediates and the diseases it takes part in.
// param: pathway (entity:Pathway, required) the pathway: an id or any name
// param: sentences (int 0..20, default 1) evidence sentences shown per relationship
// param: limit (int 1..10000, default 200) rows returned
// example: msckg query pathway_neighbourhood -p pathway=PI3K/AKT/eNOS
//
// direction is "in" for a relationship pointing at the pathway, "out" for one leaving it.
MATCH (pw:Pathway)
WHERE pw.id = $pathway OR toLower(pw.name) = toLower($pathway)
   OR any(s IN coalesce(pw.synonyms, []) WHERE toLower(s) = toLower($pathway))
MATCH (pw)-[r]-(x)
WHERE x <> pw AND NOT type(r) IN ['MENTIONS', 'CITES']
RETURN CASE WHEN startNode(r) = pw THEN 'out' ELSE 'in' END AS direction, type(r) AS relation,
       x.label AS label, x.name AS name, x.id AS id,
       coalesce(r.evidence_count, 0) AS evidence_count, coalesce(r.confidence, 0.0) AS confidence,
       coalesce(r.negated, 0) AS negated, coalesce(r.hedged, 0) AS hedged,
       COLLECT { MATCH (pp:Paper) WHERE pp.id IN r.papers
                 RETURN {id: pp.id, title: coalesce(pp.title, pp.name)} AS paper ORDER BY pp.id } AS papers,
       coalesce(r.sentences, [])[..$sentences] AS sentences
ORDER BY evidence_count DESC, confidence DESC, relation ASC, direction ASC, id ASC, pw.id ASC
LIMIT $limit
