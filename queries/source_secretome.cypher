// name: source_secretome
// description: What an MSC source secretes or expresses (markers it lacks flagged negative), with evidence counts, sentences and papers.
// param: source (entity:MSCSource, required) the MSC source: an id or any name
// param: sentences (int 0..20, default 1) evidence sentences shown per relationship
// param: limit (int 1..10000, default 200) rows returned
// example: msckg query source_secretome -p "source=umbilical cord"
//
// Secreted factors first, then expressed markers (present before absent); strongest evidence first.
MATCH (s:MSCSource)
WHERE s.id = $source OR toLower(s.name) = toLower($source)
   OR any(syn IN coalesce(s.synonyms, []) WHERE toLower(syn) = toLower($source))
MATCH (s)-[r:SECRETES|EXPRESSES]->(f:Factor)
RETURN f.name AS factor, f.id AS factor_id, f.kind AS kind, type(r) AS relation,
       coalesce(r.negative, false) AS negative,
       coalesce(r.evidence_count, 0) AS evidence_count, coalesce(r.confidence, 0.0) AS confidence,
       coalesce(r.negated, 0) AS negated, coalesce(r.hedged, 0) AS hedged,
       COLLECT { MATCH (pp:Paper) WHERE pp.id IN r.papers
                 RETURN {id: pp.id, title: coalesce(pp.title, pp.name)} AS paper ORDER BY pp.id } AS papers,
       coalesce(r.sentences, [])[..$sentences] AS sentences
ORDER BY CASE relation WHEN 'SECRETES' THEN 0 ELSE 1 END, negative ASC, evidence_count DESC,
         confidence DESC, factor_id ASC, s.id ASC
LIMIT $limit
