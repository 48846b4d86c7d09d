// name: disease_profile
// description: What the graph holds on a disease: the sources, factors, pathways and products claimed to treat it, studied for it or implicated in it, approvals, and the papers that mention it.
// param: disease (entity:Disease, required) the disease: an id or any name
// param: sentences (int 0..20, default 1) evidence sentences shown per relationship
// param: limit (int 1..10000, default 200) rows returned
// example: msckg query disease_profile -p disease=graft-versus-host-disease
//
// Rows come in sections (MSC sources, factors, pathways, products, papers), strongest evidence
// first within each. Negated statements are listed with their negated count, never dropped.
MATCH (d:Disease)
WHERE d.id = $disease OR toLower(d.name) = toLower($disease)
   OR any(s IN coalesce(d.synonyms, []) WHERE toLower(s) = toLower($disease))
CALL (d) {
  MATCH (x)-[r:TREATS|INVESTIGATED_FOR|IMPLICATED_IN|APPROVED_FOR]->(d)
  RETURN x.label AS label, x.id AS id, x.name AS name, type(r) AS relation,
         coalesce(r.evidence_count, 0) AS evidence_count, coalesce(r.confidence, 0.0) AS confidence,
         coalesce(r.negated, 0) AS negated, coalesce(r.hedged, 0) AS hedged,
         CASE WHEN type(r) = 'APPROVED_FOR'
              THEN {agency: r.agency, country: r.country, year: r.year} END AS approval,
         COLLECT { MATCH (pp:Paper) WHERE pp.id IN r.papers
                   RETURN {id: pp.id, title: coalesce(pp.title, pp.name)} AS paper ORDER BY pp.id } AS papers,
         coalesce(r.sentences, [])[..$sentences] AS sentences
  UNION ALL
  MATCH (x:Paper)-[m:MENTIONS]->(d)
  RETURN 'Paper' AS label, x.id AS id, coalesce(x.title, x.name) AS name, 'MENTIONS' AS relation,
         coalesce(m.count, 0) AS evidence_count, null AS confidence, 0 AS negated, 0 AS hedged,
         null AS approval, [] AS papers, [] AS sentences
}
RETURN label, id, name, relation, evidence_count, confidence, negated, hedged, approval, papers, sentences
ORDER BY CASE label WHEN 'MSCSource' THEN 0 WHEN 'Factor' THEN 1 WHEN 'Pathway' THEN 2
                    WHEN 'Product' THEN 3 WHEN 'Paper' THEN 5 ELSE 4 END,
         evidence_count DESC, id ASC, relation ASC, d.id ASC
LIMIT $limit
