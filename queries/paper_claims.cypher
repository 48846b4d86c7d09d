// name: paper_claims
// description: What one paper states: every claim it supports, with its own sentences and how many other papers agree.
// param: paper (entity:Paper, required) the paper: its id (doi:..., pmid:...) or its title
// param: sentences (int 0..20, default 2) of the paper's sentences shown per claim
// param: limit (int 1..10000, default 500) claims returned
// example: msckg query paper_claims -p paper=doi:10.1186/s13287-021-02378-7
//
// statements, negated and hedged count this paper's records only; evidence_count counts every paper's.
MATCH (pp:Paper)
WHERE pp.id = $paper OR toLower(pp.name) = toLower($paper)
   OR any(s IN coalesce(pp.synonyms, []) WHERE toLower(s) = toLower($paper))
MATCH (a)-[r:SECRETES|EXPRESSES|ACTIVATES|INHIBITS|MODULATES|TARGETS|TREATS|INVESTIGATED_FOR|IMPLICATED_IN|DERIVED_FROM|APPROVED_FOR|MEDIATES]->(b)
WHERE pp.id IN r.papers
WITH pp, a, r, b, [i IN range(0, size(coalesce(r.evidence_papers, [])) - 1)
                   WHERE r.evidence_papers[i] = pp.id] AS mine
RETURN a.name AS subject, a.id AS subject_id, type(r) AS type, b.name AS object, b.id AS object_id,
       size(mine) AS statements,
       size([i IN mine WHERE r.evidence_negated[i]]) AS negated,
       size([i IN mine WHERE r.evidence_hedged[i]]) AS hedged,
       coalesce(r.evidence_count, 0) AS evidence_count, size(r.papers) - 1 AS other_papers,
       [i IN mine | r.evidence_sentences[i]][..$sentences] AS sentences
ORDER BY statements DESC, type ASC, subject_id ASC, object_id ASC, pp.id ASC
LIMIT $limit
