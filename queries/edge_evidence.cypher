// name: edge_evidence
// description: Every sentence and paper behind the claims joining two entities (either direction), with the primary references those sentences cite.
// param: subject (entity, required) one end: an id or any name
// param: object (entity, required) the other end: an id or any name
// param: type (string, default "") only this relationship type (e.g. SECRETES); empty for every type
// param: limit (int 1..10000, default 50) relationships returned
// example: msckg query edge_evidence -p subject=MSC -p object=exosomes
//
// One row per relationship; evidence lists each supporting record (paper, sentence, negated,
// hedged) in the paper's reading order; cited_papers are the references the sentences cite.
MATCH (a:Entity)
WHERE a.id = $subject OR toLower(a.name) = toLower($subject)
   OR any(s IN coalesce(a.synonyms, []) WHERE toLower(s) = toLower($subject))
MATCH (b:Entity)
WHERE b.id = $object OR toLower(b.name) = toLower($object)
   OR any(s IN coalesce(b.synonyms, []) WHERE toLower(s) = toLower($object))
MATCH (a)-[r]-(b)
WHERE a <> b AND NOT type(r) IN ['MENTIONS', 'CITES'] AND ($type = '' OR type(r) = toUpper($type))
RETURN startNode(r).name AS subject, startNode(r).id AS subject_id, type(r) AS type,
       endNode(r).name AS object, endNode(r).id AS object_id,
       coalesce(r.evidence_count, 0) AS evidence_count, coalesce(r.confidence, 0.0) AS confidence,
       coalesce(r.negated, 0) AS negated, coalesce(r.hedged, 0) AS hedged,
       [i IN range(0, size(coalesce(r.evidence_papers, [])) - 1) | {
          paper: r.evidence_papers[i],
          title: head(COLLECT { MATCH (pp:Paper {id: r.evidence_papers[i]})
                                RETURN coalesce(pp.title, pp.name) AS title }),
          sentence: r.evidence_sentences[i], negated: r.evidence_negated[i], hedged: r.evidence_hedged[i]
       }] AS evidence,
       COLLECT { MATCH (pp:Paper) WHERE pp.id IN r.cited_papers
                 RETURN {id: pp.id, title: coalesce(pp.title, pp.name)} AS paper ORDER BY pp.id } AS cited_papers
ORDER BY type ASC, subject_id ASC, object_id ASC
LIMIT $limit
