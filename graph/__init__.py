"""The graph: schema, the embedded networkx KnowledgeGraph, and backends."""
