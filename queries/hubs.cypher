// name: hubs
// description: The most connected entities of each label, by number of claims (MENTIONS and CITES not counted), with their total evidence.
// param: label (label, default "") only this label (e.g. Factor); empty for every label
// param: limit (int 1..10000, default 10) entities per label
// example: msckg query hubs -p label=Factor -p limit=5
MATCH (n:Entity)
WHERE $label = '' OR n.label = $label
WITH n, [(n)-[r]-() WHERE NOT type(r) IN ['MENTIONS', 'CITES'] | coalesce(r.evidence_count, 0)] AS counts
WITH n, size(counts) AS degree, reduce(s = 0, c IN counts | s + c) AS evidence
WHERE degree > 0
ORDER BY n.label ASC, degree DESC, evidence DESC, n.id ASC
WITH n.label AS label, collect({id: n.id, name: n.name, degree: degree, evidence: evidence}) AS ranked
UNWIND range(0, size(ranked) - 1) AS i
WITH label, i, ranked[i] AS hub
WHERE i < $limit
RETURN label, i + 1 AS rank, hub.name AS name, hub.id AS id, hub.degree AS degree, hub.evidence AS evidence
ORDER BY label ASC, rank ASC
