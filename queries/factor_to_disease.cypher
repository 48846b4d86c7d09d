// name: factor_to_disease
// description: How could a factor act on a disease? Paths through sources, factors, pathways and mechanisms, best-supported first, every hop with its sentences and papers.
// param: factor (entity:Factor|Pathway|MSCSource, required) the factor (or pathway, or MSC source): an id or any name
// param: disease (entity:Disease, required) the disease: an id or any name
// param: max_hops (int 1..4, default 3) longest path, in relationships
// param: sentences (int 0..20, default 2) evidence sentences shown per hop
// param: limit (int 1..10000, default 25) paths returned
// example: msckg query factor_to_disease -p factor=TGF-β -p disease=osteoarthritis
//
// A path may run along or against each relationship (a source secretes the factor, the same source
// treats the disease), never through a paper, cell type, product or another disease, never twice
// through one node, and never along a statement that is only negated or a marker MSCs lack.
// Ranking: the weakest hop's evidence count (desc), then fewer hops, then total evidence (desc),
// then the product of the hops' confidences (desc), then node ids and hops (a total order).
MATCH (f:Factor|Pathway|MSCSource)
WHERE f.id = $factor OR toLower(f.name) = toLower($factor)
   OR any(s IN coalesce(f.synonyms, []) WHERE toLower(s) = toLower($factor))
MATCH (d:Disease)
WHERE d.id = $disease OR toLower(d.name) = toLower($disease)
   OR any(s IN coalesce(d.synonyms, []) WHERE toLower(s) = toLower($disease))
CALL (f, d) {
  // up to three hops; the four-hop branch runs only when asked for (bounds cannot be parameters)
  MATCH p = (f)-[:SECRETES|EXPRESSES|ACTIVATES|INHIBITS|MODULATES|MEDIATES|TREATS|INVESTIGATED_FOR|IMPLICATED_IN*1..3]-(d)
  WHERE length(p) <= $max_hops
    AND all(n IN nodes(p) WHERE n = d OR n:MSCSource OR n:Factor OR n:Pathway OR n:Mechanism)
    AND all(r IN relationships(p)
            WHERE coalesce(r.negated, 0) < coalesce(r.evidence_count, 0) AND NOT coalesce(r.negative, false))
  RETURN p
  UNION ALL
  WITH f, d WHERE $max_hops >= 4
  MATCH p = (f)-[:SECRETES|EXPRESSES|ACTIVATES|INHIBITS|MODULATES|MEDIATES|TREATS|INVESTIGATED_FOR|IMPLICATED_IN*4..4]-(d)
  WHERE all(n IN nodes(p) WHERE n = d OR n:MSCSource OR n:Factor OR n:Pathway OR n:Mechanism)
    AND all(r IN relationships(p)
            WHERE coalesce(r.negated, 0) < coalesce(r.evidence_count, 0) AND NOT coalesce(r.negative, false))
  RETURN p
}
WITH p WHERE all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
WITH p, [r IN relationships(p) | r.evidence_count] AS counts
WITH p,
     reduce(m = counts[0], c IN counts | CASE WHEN c < m THEN c ELSE m END) AS min_evidence,
     reduce(t = 0, c IN counts | t + c) AS total_evidence,
     reduce(x = 1.0, r IN relationships(p) | x * coalesce(r.confidence, 0.0)) AS confidence,
     [n IN nodes(p) | n.id] AS ids,
     [r IN relationships(p) | startNode(r).id + ' ' + type(r) + ' ' + endNode(r).id] AS hop_keys
ORDER BY min_evidence DESC, length(p) ASC, total_evidence DESC, confidence DESC, ids ASC, hop_keys ASC
LIMIT $limit
RETURN length(p) AS hops, min_evidence, total_evidence, confidence,
       reduce(s = nodes(p)[0].name, i IN range(0, length(p) - 1) |
              s + CASE WHEN startNode(relationships(p)[i]) = nodes(p)[i]
                       THEN ' -[' + type(relationships(p)[i]) + ']-> '
                       ELSE ' <-[' + type(relationships(p)[i]) + ']- ' END
                + nodes(p)[i + 1].name) AS path,
       [r IN relationships(p) | {
          subject: startNode(r).name, subject_id: startNode(r).id, type: type(r),
          object: endNode(r).name, object_id: endNode(r).id,
          evidence_count: r.evidence_count, confidence: coalesce(r.confidence, 0.0),
          negated: coalesce(r.negated, 0), hedged: coalesce(r.hedged, 0),
          sentences: coalesce(r.sentences, [])[..$sentences],
          papers: COLLECT { MATCH (pp:Paper) WHERE pp.id IN r.papers
                            RETURN {id: pp.id, title: coalesce(pp.title, pp.name)} AS paper ORDER BY pp.id }
       }] AS steps
