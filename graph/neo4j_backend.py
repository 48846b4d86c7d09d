"""The Neo4j backend: the same graph in a Neo4j 5 server, written in batched, idempotent transactions.

Loading works in three steps: read back what the server already holds for the
nodes and relationships about to be written, merge the new graph into it with
the embedded graph's own merge rules (synonyms unioned, evidence records
unioned, provenance recomputed), and write the merged result with
``UNWIND $rows ... MERGE ... SET x = row.props`` batches, nodes before
relationships, one managed write transaction per batch. Loading the same graph
twice therefore changes nothing, loading A then B equals loading A and B
together, and a load cut off half-way ends, when run again, where one clean
load would.

Labels and relationship types are written into the Cypher text only from
``graph.schema`` (never from input); every value travels as a parameter.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from msckg.errors import BackendUnavailable
from msckg.graph import schema
from msckg.graph.knowledge_graph import Evidence, KnowledgeGraph

#: Rows per write transaction.
DEFAULT_BATCH_SIZE = 500
FULLTEXT_INDEX = "entity_names"
SUPPORTED_MAJOR = 5

ProgressCallback = Callable[[int], None]


@dataclass
class ServerInfo:
    """What ``msckg db status`` prints about the server."""

    uri: str
    version: str
    edition: str
    database: str
    nodes_per_label: dict[str, int]
    edges_per_type: dict[str, int]


def check_server_version(version: str, uri: str) -> None:
    """Refuse servers older than Neo4j 5 (``IF NOT EXISTS`` DDL, ``CALL {} IN TRANSACTIONS``)."""
    head = version.split(".")[0]
    major = int(head) if head.isdigit() else 0
    if major < SUPPORTED_MAJOR:
        raise BackendUnavailable(
            f"Neo4j {version} at {uri} is not supported: msc-kg needs Neo4j 5.x (5.26 LTS) or newer")


def _label(label: str) -> str:
    return schema.check_label(label)


def _chunks(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _node_props(data: dict) -> dict:
    """Node attributes as Neo4j properties (no nulls: Neo4j stores none)."""
    return {k: v for k, v in data.items() if v is not None}


def _edge_props(data: dict) -> dict:
    props = {k: v for k, v in data.items() if k != "evidence" and v is not None}
    if "evidence" in data:
        props["evidence_json"] = json.dumps([e.to_dict() for e in data["evidence"]], sort_keys=True,
                                            ensure_ascii=False)
        # The same records as aligned lists, one entry per record: Cypher cannot parse JSON, and the
        # query templates need each sentence with its paper (e.g. what one paper states).
        props["evidence_papers"] = [e.paper for e in data["evidence"]]
        props["evidence_sentences"] = [e.sentence for e in data["evidence"]]
        props["evidence_negated"] = [bool(e.negated) for e in data["evidence"]]
        props["evidence_hedged"] = [bool(e.hedged) for e in data["evidence"]]
    return props


class Neo4jBackend:
    """A connection to one Neo4j database holding an msc-kg graph."""

    def __init__(self, uri: str, user: str = "neo4j", password: str | None = None,
                 database: str | None = None) -> None:
        try:
            import neo4j
        except ImportError as exc:  # pragma: no cover - neo4j is a core dependency
            raise BackendUnavailable("the neo4j driver is not installed: pip install neo4j") from exc
        self._neo4j = neo4j
        self.uri = uri
        self.user = user
        self.database = database
        if password is None:
            raise BackendUnavailable("no Neo4j password: pass --password or set NEO4J_PASSWORD")
        try:
            # the server warns about relationship types not yet in the database; that is expected here
            self.driver = neo4j.GraphDatabase.driver(uri, auth=(user, password), notifications_min_severity="OFF")
        except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
            raise BackendUnavailable(f"bad Neo4j URI {uri!r}: {exc}") from exc
        try:
            self.driver.verify_connectivity()
            self.version, self.edition = self._components()
        except BaseException as exc:
            self.driver.close()
            raise self._translate(exc) from exc
        try:
            check_server_version(self.version, uri)
        except BackendUnavailable:
            self.driver.close()
            raise

    # ------------------------------------------------------------ plumbing
    def _translate(self, exc: BaseException) -> BaseException:
        """Driver exceptions -> one clear BackendUnavailable line."""
        errors = self._neo4j.exceptions
        if isinstance(exc, errors.AuthError):
            return BackendUnavailable(f"Neo4j at {self.uri} refused the credentials of user {self.user!r}"
                                      " (check --user/--password or NEO4J_USER/NEO4J_PASSWORD)")
        if isinstance(exc, (errors.ServiceUnavailable, errors.SessionExpired, OSError)):
            return BackendUnavailable(f"cannot reach Neo4j at {self.uri}: is the server running? ({exc})")
        if isinstance(exc, errors.Neo4jError):
            code = getattr(exc, "code", "") or ""
            if "DatabaseNotFound" in code:
                return BackendUnavailable(f"database {self.database!r} does not exist on {self.uri}")
            return BackendUnavailable(f"Neo4j error {code}: {getattr(exc, 'message', exc)}")
        if isinstance(exc, errors.DriverError):
            return BackendUnavailable(f"Neo4j driver error talking to {self.uri}: {exc}")
        return exc

    def _components(self) -> tuple[str, str]:
        records, _, _ = self.driver.execute_query(
            "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition",
            database_=self.database, routing_=self._neo4j.RoutingControl.READ)
        for rec in records:
            if rec["name"] == "Neo4j Kernel":
                return rec["versions"][0], rec["edition"]
        rec = records[0]
        return rec["versions"][0], rec["edition"]

    def read(self, cypher: str, **params: Any) -> list[dict]:
        """Run a read query; return the rows as dicts."""
        try:
            records, _, _ = self.driver.execute_query(
                cypher, params, database_=self.database, routing_=self._neo4j.RoutingControl.READ)
        except BaseException as exc:
            raise self._translate(exc) from exc
        return [rec.data() for rec in records]

    def _write(self, cypher: str, **params: Any) -> None:
        def work(tx):
            tx.run(cypher, params).consume()

        try:
            with self.driver.session(database=self.database) as session:
                session.execute_write(work)
        except BaseException as exc:
            raise self._translate(exc) from exc

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> "Neo4jBackend":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --------------------------------------------------------------- schema
    def ensure_schema(self) -> None:
        """Uniqueness constraints on ``id`` per label, indexes on ``name``, one full-text index."""
        for label in schema.LABELS:
            lab = _label(label)
            self._write(f"CREATE CONSTRAINT {lab.lower()}_id IF NOT EXISTS "
                        f"FOR (n:{lab}) REQUIRE n.id IS UNIQUE")
            self._write(f"CREATE INDEX {lab.lower()}_name IF NOT EXISTS FOR (n:{lab}) ON (n.name)")
        self._write(f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS "
                    f"FOR (n:{schema.ENTITY}) ON EACH [n.name, n.synonyms]")
        self._write("CREATE FULLTEXT INDEX paper_titles IF NOT EXISTS "
                    f"FOR (n:{schema.PAPER}) ON EACH [n.name, n.title]")
        self._write("CALL db.awaitIndexes(300)")

    # ------------------------------------------------------------- reading
    def fetch_subgraph(self, kg: KnowledgeGraph, batch_size: int = DEFAULT_BATCH_SIZE) -> KnowledgeGraph:
        """What the server already holds for the nodes and relationships of ``kg``."""
        existing = KnowledgeGraph()
        by_label: dict[str, list[str]] = defaultdict(list)
        for node in kg.nodes():
            by_label[node["label"]].append(node["id"])
        for label, ids in sorted(by_label.items()):
            lab = _label(label)
            for chunk in _chunks(ids, batch_size):
                for row in self.read(f"MATCH (n:{lab}) WHERE n.id IN $ids RETURN properties(n) AS p", ids=chunk):
                    props = dict(row["p"])
                    node_id, name = props.pop("id"), props.pop("name", row["p"]["id"])
                    props.pop("label", None)
                    existing.add_node(node_id, label, name, **props)
        for (rel_type, s_label, o_label), rows in sorted(self._edge_groups(kg).items()):
            for chunk in _chunks(rows, batch_size):
                pairs = [{"s": s, "o": o} for s, o, _ in chunk]
                found = self.read(
                    f"UNWIND $pairs AS pair MATCH (a:{s_label} {{id: pair.s}})-[r:{rel_type}]->"
                    f"(b:{o_label} {{id: pair.o}}) RETURN pair.s AS s, pair.o AS o, properties(r) AS p",
                    pairs=pairs)
                for row in found:
                    self._absorb_edge(existing, kg, rel_type, row["s"], row["o"], dict(row["p"]))
        return existing

    @staticmethod
    def _absorb_edge(existing: KnowledgeGraph, kg: KnowledgeGraph, rel_type: str, s: str, o: str,
                     props: dict) -> None:
        for end in (s, o):
            if not existing.has_node(end):  # endpoint known to the new graph; add a shell to hang the edge on
                data = kg.node(end)
                existing.add_node(end, data["label"], data["name"])
        if rel_type == "MENTIONS":
            existing.add_mentions(s, o, int(props.get("count", 0)))
        elif rel_type == "CITES":
            existing.add_citation(s, o)
        else:
            for record in json.loads(props.get("evidence_json", "[]")):
                existing.add_relation(rel_type, s, o, Evidence.from_dict(record))

    @staticmethod
    def _edge_groups(kg: KnowledgeGraph) -> dict[tuple[str, str, str], list[tuple[str, str, dict]]]:
        groups: dict[tuple[str, str, str], list] = defaultdict(list)
        for s, o, data in kg.edges():
            s_label, o_label = kg.node(s)["label"], kg.node(o)["label"]
            schema.check_relation(data["type"], s_label, o_label)
            groups[(data["type"], s_label, o_label)].append((s, o, data))
        return groups

    # ------------------------------------------------------------- writing
    def load(self, kg: KnowledgeGraph, *, batch_size: int = DEFAULT_BATCH_SIZE,
             on_progress: ProgressCallback | None = None) -> KnowledgeGraph:
        """Write ``kg`` into the database, merged with what is already there; return what was written."""
        self.ensure_schema()
        merged = self.fetch_subgraph(kg, batch_size)
        merged.merge(kg)
        self.write_graph(merged, batch_size=batch_size, on_progress=on_progress)
        return merged

    def write_graph(self, kg: KnowledgeGraph, *, batch_size: int = DEFAULT_BATCH_SIZE,
                    on_progress: ProgressCallback | None = None) -> None:
        """Write every node then every relationship of ``kg`` as it is (``SET x = props``)."""
        self.write_nodes(kg, batch_size=batch_size, on_progress=on_progress)
        self.write_relationships(kg, batch_size=batch_size, on_progress=on_progress)

    def write_nodes(self, kg: KnowledgeGraph, *, batch_size: int = DEFAULT_BATCH_SIZE,
                    on_progress: ProgressCallback | None = None) -> None:
        """``UNWIND $rows ... MERGE`` the nodes of ``kg``, ``batch_size`` rows per write transaction."""
        by_label: dict[str, list[dict]] = defaultdict(list)
        for node in kg.nodes():
            by_label[node["label"]].append({"id": node["id"], "props": _node_props(node)})
        for label, rows in sorted(by_label.items()):
            lab = _label(label)
            extra = f" SET n:{schema.ENTITY}" if label in schema.ENTITY_LABELS else ""
            cypher = f"UNWIND $rows AS row MERGE (n:{lab} {{id: row.id}}) SET n = row.props{extra}"
            self._write_batches(cypher, rows, batch_size, on_progress)

    def write_relationships(self, kg: KnowledgeGraph, *, batch_size: int = DEFAULT_BATCH_SIZE,
                            on_progress: ProgressCallback | None = None) -> None:
        """``UNWIND $rows ... MERGE`` the relationships of ``kg`` (their nodes must exist)."""
        for (rel_type, s_label, o_label), edges in sorted(self._edge_groups(kg).items()):
            cypher = (f"UNWIND $rows AS row MATCH (a:{s_label} {{id: row.s}}) MATCH (b:{o_label} {{id: row.o}}) "
                      f"MERGE (a)-[r:{rel_type}]->(b) SET r = row.props")
            rows = [{"s": s, "o": o, "props": _edge_props(data)} for s, o, data in edges]
            self._write_batches(cypher, rows, batch_size, on_progress)

    def _write_batches(self, cypher: str, rows: list[dict], batch_size: int,
                       on_progress: ProgressCallback | None) -> None:
        for chunk in _chunks(rows, batch_size):
            self._write(cypher, rows=chunk)
            if on_progress:
                on_progress(len(chunk))

    # ------------------------------------------------------------ inspection
    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """Nodes per schema label and relationships per type, as the server holds them."""
        nodes = {}
        for label in schema.LABELS:
            (row,) = self.read(f"MATCH (n:{_label(label)}) RETURN count(n) AS c")
            if row["c"]:
                nodes[label] = row["c"]
        edges = {}
        for rel_type in schema.RELATIONS:
            (row,) = self.read(f"MATCH ()-[r:{rel_type}]->() RETURN count(r) AS c")
            if row["c"]:
                edges[rel_type] = row["c"]
        return nodes, edges

    def status(self) -> ServerInfo:
        nodes, edges = self.counts()
        return ServerInfo(self.uri, self.version, self.edition, self.database or "(default)", nodes, edges)

    def wipe(self) -> int:
        """Delete every node and relationship (constraints and indexes stay); return nodes deleted."""
        (row,) = self.read("MATCH (n) RETURN count(n) AS c")
        try:
            with self.driver.session(database=self.database) as session:
                session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS").consume()
        except BaseException as exc:
            raise self._translate(exc) from exc
        return row["c"]

    def read_graph(self) -> KnowledgeGraph:
        """The whole database as a KnowledgeGraph (for comparisons and exports)."""
        kg = KnowledgeGraph()
        for label in schema.LABELS:
            for row in self.read(f"MATCH (n:{_label(label)}) RETURN properties(n) AS p ORDER BY n.id"):
                props = dict(row["p"])
                node_id, name = props.pop("id"), props.pop("name", row["p"]["id"])
                props.pop("label", None)
                kg.add_node(node_id, label, name, **props)
        for rel_type in schema.RELATIONS:
            rows = self.read(f"MATCH (a)-[r:{rel_type}]->(b) RETURN a.id AS s, b.id AS o, properties(r) AS p "
                             "ORDER BY s, o")
            for row in rows:
                self._absorb_edge(kg, kg, rel_type, row["s"], row["o"], dict(row["p"]))
        return kg


def open_backend(uri: str, user: str, password: str | None, database: str | None = None) -> Neo4jBackend:
    """Connect to Neo4j, raising :class:`BackendUnavailable` with one clear line on failure."""
    return Neo4jBackend(uri, user, password, database)

