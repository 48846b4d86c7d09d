// name: products
// description: Named MSC products with their approvals (agency, country, year, indication) and source tissue; one row per approval.
// param: product (entity:Product, default "") one product (an id or any name); empty for every product
// param: sentences (int 0..20, default 1) evidence sentences shown per approval
// param: limit (int 1..10000, default 200) rows returned
// example: msckg query products -p product=Ryoncil
//
// A product with no recorded approval still gets one row, with empty approval columns.
MATCH (p:Product)
WHERE $product = '' OR p.id = $product OR toLower(p.name) = toLower($product)
   OR any(s IN coalesce(p.synonyms, []) WHERE toLower(s) = toLower($product))
OPTIONAL MATCH (p)-[a:APPROVED_FOR]->(d:Disease)
RETURN p.name AS product, p.id AS product_id, p.developer AS developer, p.kind AS kind,
       p.source AS source_tissue,
       COLLECT { MATCH (p)-[:DERIVED_FROM]->(s:MSCSource) RETURN s.name AS source ORDER BY s.name, s.id }
         AS derived_from,
       d.name AS indication, d.id AS indication_id, a.agency AS agency, a.country AS country,
       a.year AS year, a.evidence_count AS evidence_count,
       COLLECT { MATCH (pp:Paper) WHERE pp.id IN a.papers
                 RETURN {id: pp.id, title: coalesce(pp.title, pp.name)} AS paper ORDER BY pp.id } AS papers,
       coalesce(a.sentences, [])[..$sentences] AS sentences
ORDER BY product ASC, product_id ASC, coalesce(indication_id, '') ASC
LIMIT $limit
