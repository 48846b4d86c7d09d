"""Run the named queries on either backend, and raw read-only Cypher on Neo4j.

A named query runs in three steps: its parameters are bound to their declared
types (defaults filled in), every entity parameter is resolved to a node id with
:func:`msckg.graph.lookup.resolve_among` (so any synonym, case, Greek or
spelled-out letter works, and an unknown name raises
:class:`~msckg.errors.UnknownEntity` with the closest names), then the template
runs on Neo4j or its twin in :mod:`msckg.graph.queries_embedded` runs on the
networkx graph. Rows from both are normalised alike (floats rounded to 3
places, nested maps with sorted keys), so the two backends print the same.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Union

from msckg.errors import CypherError
from msckg.graph import schema
from msckg.graph.knowledge_graph import KnowledgeGraph
from msckg.graph.lookup import resolve_among, resolve_node
from msckg.graph.queries_embedded import EMBEDDED
from msckg.queries import Query, get_query

if TYPE_CHECKING:  # pragma: no cover
    from msckg.graph.neo4j_backend import Neo4jBackend

Backend = Union[KnowledgeGraph, "Neo4jBackend"]
Row = dict[str, Any]

#: Decimal places of every float in a result row.
FLOAT_DIGITS = 3

# Node records for name resolution on Neo4j. The degree counts a self-loop twice, as networkx does,
# so ties between namesakes break the same way on both backends.
_ENTITY_CANDIDATES = """
MATCH (n:Entity)
RETURN n.id AS id, n.label AS label, n.name AS name, coalesce(n.synonyms, []) AS synonyms,
       coalesce(n.generated, false) AS generated, COUNT { (n)--() } + COUNT { (n)-->(n) } AS degree
"""
_PAPER_CANDIDATES = """
MATCH (n:Paper)
RETURN n.id AS id, n.label AS label, n.name AS name, coalesce(n.synonyms, []) AS synonyms,
       coalesce(n.generated, false) AS generated, COUNT { (n)--() } + COUNT { (n)-->(n) } AS degree
"""


def is_embedded(backend: Backend) -> bool:
    return isinstance(backend, KnowledgeGraph)


class QueryRunner:
    """Runs named queries on one backend; caches entity names it has resolved."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self._resolved: dict[tuple[str, tuple[str, ...]], str] = {}
        self._candidates: dict[str, list[dict]] = {}

    @property
    def resolved_ids(self) -> list[str]:
        """Ids of the entities the parameters named, in the order they were resolved."""
        return list(dict.fromkeys(self._resolved.values()))

    @property
    def backend_name(self) -> str:
        return "embedded" if is_embedded(self.backend) else "neo4j"

    def resolve(self, value: str, labels: Iterable[str] | None) -> str:
        """The id of the node ``value`` names (any synonym, case, Greek or spelled-out letters)."""
        wanted = tuple(labels) if labels else schema.ENTITY_LABELS
        key = (value, wanted)
        if key not in self._resolved:
            if is_embedded(self.backend):
                self._resolved[key] = resolve_node(self.backend, value, wanted)
            else:
                self._resolved[key] = resolve_among(self._neo4j_candidates(wanted), value, wanted)
        return self._resolved[key]

    def _neo4j_candidates(self, labels: tuple[str, ...]) -> list[dict]:
        rows: list[dict] = []
        for group, cypher in (("entity", _ENTITY_CANDIDATES), ("paper", _PAPER_CANDIDATES)):
            members = schema.ENTITY_LABELS if group == "entity" else (schema.PAPER,)
            if not set(labels) & set(members):
                continue
            if group not in self._candidates:
                self._candidates[group] = self.backend.read(cypher)
            rows.extend(self._candidates[group])
        return rows

    def bind(self, query: Query, params: Mapping[str, Any] | None) -> dict[str, Any]:
        """Typed parameter values with defaults, entity names resolved to ids."""
        bound = query.bind(params or {})
        for param in query.parameters:
            if param.is_entity and bound[param.name]:
                bound[param.name] = self.resolve(bound[param.name], param.labels)
        return bound

    def run(self, name: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Rows of the named query (raises UnknownQuery, QueryParameterError, UnknownEntity)."""
        query = get_query(name)
        bound = self.bind(query, params)
        if is_embedded(self.backend):
            rows = EMBEDDED[query.name](self.backend, **bound)
        else:
            rows = self.backend.read(query.cypher, **bound)
        return normalise_rows(rows)


def run_query(backend: Backend, name: str, params: Mapping[str, Any] | None = None) -> list[Row]:
    """Run one named query on ``backend`` (a KnowledgeGraph or a Neo4jBackend); return its rows."""
    return QueryRunner(backend).run(name, params)


def normalise_value(value: Any) -> Any:
    """A result value as plain JSON-able data: floats rounded, maps with sorted keys, tuples as lists."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        return round(value, FLOAT_DIGITS)
    if _is_graph_entity(value):  # nodes and relationships are mappings too: keep labels and type
        return _driver_value(value)
    if isinstance(value, Mapping):
        return {str(k): normalise_value(value[k]) for k in sorted(value, key=str)}
    if isinstance(value, (list, tuple)):
        return [normalise_value(v) for v in value]
    return _driver_value(value)


def normalise_rows(rows: Iterable[Mapping[str, Any]]) -> list[Row]:
    """Rows with every value normalised; the columns keep their order."""
    return [{key: normalise_value(value) for key, value in row.items()} for row in rows]


def _is_graph_entity(value: Any) -> bool:
    try:
        from neo4j import graph as neo4j_graph
    except ImportError:  # pragma: no cover
        return False
    return isinstance(value, (neo4j_graph.Node, neo4j_graph.Relationship, neo4j_graph.Path))


def _driver_value(value: Any) -> Any:
    """Neo4j driver values (nodes, relationships, paths, temporal, spatial) as JSON-able data."""
    try:
        from neo4j import graph as neo4j_graph
    except ImportError:  # pragma: no cover
        return str(value)
    if isinstance(value, neo4j_graph.Node):
        return {"labels": sorted(value.labels), **normalise_value(dict(value))}
    if isinstance(value, neo4j_graph.Relationship):
        return {"type": value.type, "start": value.start_node.get("id") if value.start_node else None,
                "end": value.end_node.get("id") if value.end_node else None, **normalise_value(dict(value))}
    if isinstance(value, neo4j_graph.Path):
        return {"nodes": [_driver_value(n) for n in value.nodes],
                "relationships": [_driver_value(r) for r in value.relationships]}
    if hasattr(value, "iso_format"):  # neo4j.time values
        return value.iso_format()
    if isinstance(value, (datetime.date, datetime.time, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): normalise_value(value[k]) for k in sorted(value, key=str)}
    return str(value)


def run_cypher(backend: "Neo4jBackend", cypher: str, params: Mapping[str, Any] | None = None,
               limit: int | None = None) -> list[Row]:
    """Run raw Cypher on Neo4j in a read transaction (read access mode): the server refuses writes.

    Raises :class:`CypherError` with the server's one-line reason for a statement it refuses
    (a syntax error, a write clause), :class:`BackendUnavailable` when the server cannot be reached.
    """
    import neo4j

    def work(tx) -> list[Row]:
        rows = []
        for record in tx.run(cypher, dict(params or {})):
            rows.append({key: normalise_value(record[key]) for key in record.keys()})
            if limit is not None and len(rows) >= limit:
                break
        return rows

    try:
        with backend.driver.session(database=backend.database,
                                    default_access_mode=neo4j.READ_ACCESS) as session:
            return session.execute_read(work)
    except neo4j.exceptions.ClientError as exc:
        message = (getattr(exc, "message", None) or str(exc)).strip().splitlines()[0]
        code = getattr(exc, "code", "") or ""
        if code.endswith("AccessMode") or code.endswith("ForbiddenDueToTransactionType"):
            raise CypherError(f"refused: msckg cypher runs read-only, and the server reports: {message}") from exc
        raise CypherError(f"Neo4j refused the query ({code.rsplit('.', 1)[-1] or 'error'}): {message}") from exc
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as exc:
        raise backend._translate(exc) from exc
