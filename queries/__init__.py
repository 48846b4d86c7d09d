"""Named Cypher query templates (one .cypher file per query) and their catalogue."""
