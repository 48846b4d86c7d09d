"""The named queries of ``queries/*.cypher``, implemented over the embedded networkx graph.

Each function takes a :class:`KnowledgeGraph` and the query's parameters (entity
parameters already resolved to node ids by the runner) and returns the rows its
Cypher template returns on Neo4j: the same columns in the same order, the same
rows in the same order. Every rule of a template (which relationships count,
what is excluded, every ORDER BY key with its tie-breakers) is mirrored here;
change one and change the other, the parity test holds them together.

Conventions shared with the templates: a missing property reads as Cypher's
``coalesce`` default; papers are listed as ``{id, title}`` sorted by id, only
for ids that are Paper nodes; a node's title is ``coalesce(title, name)``.
Floats are left unrounded; the runner rounds rows from both backends alike.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

from msckg.graph import schema
from msckg.graph.knowledge_graph import KnowledgeGraph

Row = dict[str, Any]

#: Relationship types a factor-to-disease path may follow (either way along them).
PATH_TYPES = frozenset({"SECRETES", "EXPRESSES", "ACTIVATES", "INHIBITS", "MODULATES", "MEDIATES",
                        "TREATS", "INVESTIGATED_FOR", "IMPLICATED_IN"})
#: Labels a path may pass through (its ends excepted).
PATH_LABELS = frozenset({schema.MSC_SOURCE, schema.FACTOR, schema.PATHWAY, schema.MECHANISM})
BOOKKEEPING = frozenset({"MENTIONS", "CITES"})
DISEASE_EDGE_TYPES = frozenset({"TREATS", "INVESTIGATED_FOR", "IMPLICATED_IN", "APPROVED_FOR"})
_SECTION = {schema.MSC_SOURCE: 0, schema.FACTOR: 1, schema.PATHWAY: 2, schema.PRODUCT: 3, schema.PAPER: 5}


# ----------------------------------------------------------------------------- helpers
def _get(data: dict, key: str, default: Any) -> Any:
    """``coalesce(x.key, default)``: Neo4j stores no nulls, so a None reads as missing."""
    value = data.get(key)
    return default if value is None else value


def _title(node: dict) -> Any:
    return _get(node, "title", node.get("name"))


def _papers(kg: KnowledgeGraph, ids: Iterable[str] | None) -> list[Row]:
    """``COLLECT { MATCH (pp:Paper) WHERE pp.id IN ids RETURN {id, title} ORDER BY pp.id }``."""
    g = kg.graph
    return [{"id": pid, "title": _title(g.nodes[pid])}
            for pid in sorted(set(ids or ()))
            if pid in g and g.nodes[pid].get("label") == schema.PAPER]


def _sentences(data: dict, n: int) -> list[str]:
    return list(_get(data, "sentences", []))[:n]


def _is_claim(data: dict) -> bool:
    """Not only negated, and not a marker MSCs lack: a statement a path or comparison may rest on."""
    return _get(data, "negated", 0) < _get(data, "evidence_count", 0) and not _get(data, "negative", False)


def match_nodes(kg: KnowledgeGraph, value: str, labels: Iterable[str]) -> list[str]:
    """Ids of the nodes a template's ``WHERE n.id = $x OR toLower(n.name) = toLower($x) OR <synonym>`` keeps.

    An id of a node with one of ``labels`` is taken as is (the runner always passes resolved ids);
    a template would also keep a node whose name equals that id, which ids in CURIE or slug form
    never are.
    """
    g = kg.graph
    allowed = set(labels)
    if value in g and g.nodes[value]["label"] in allowed:
        return [value]
    lowered = value.lower()
    return [data["id"] for data in kg.nodes()
            if data["label"] in allowed
            and (str(data.get("name", "")).lower() == lowered
                 or any(str(s).lower() == lowered for s in _get(data, "synonyms", [])))]


def _incident(kg: KnowledgeGraph, node: str) -> Iterator[tuple[str, str, str, dict]]:
    """(subject, type, object, data) of every relationship touching ``node``; a self-loop once."""
    g = kg.graph
    for s, o, key, data in g.out_edges(node, keys=True, data=True):
        yield s, key, o, data
    for s, o, key, data in g.in_edges(node, keys=True, data=True):
        if s != o:
            yield s, key, o, data


def _edge_summary(data: dict) -> Row:
    return {
        "evidence_count": _get(data, "evidence_count", 0), "confidence": _get(data, "confidence", 0.0),
        "negated": _get(data, "negated", 0), "hedged": _get(data, "hedged", 0),
    }


# ----------------------------------------------------------------------------- queries
def factor_to_disease(kg: KnowledgeGraph, factor: str, disease: str, max_hops: int = 3,
                      sentences: int = 2, limit: int = 25) -> list[Row]:
    """Ranked paths from a factor (pathway, source) to a disease; see ``factor_to_disease.cypher``."""
    g = kg.graph
    starts = match_nodes(kg, factor, (schema.FACTOR, schema.PATHWAY, schema.MSC_SOURCE))
    targets = set(match_nodes(kg, disease, (schema.DISEASE,)))
    max_hops = min(max_hops, 4)  # the template's pattern stops at 4 hops
    found: list[tuple[tuple, list[str], list[tuple[str, str, str, dict]]]] = []

    def walk(path_nodes: list[str], hops: list[tuple[str, str, str, dict]]) -> None:
        here = path_nodes[-1]
        for s, key, o, data in _incident(kg, here):
            if key not in PATH_TYPES or not _is_claim(data):
                continue
            nxt = o if s == here else s
            if nxt in path_nodes:
                continue
            step = [*hops, (s, key, o, data)]
            if nxt in targets:
                found.append((_path_key(path_nodes + [nxt], step), path_nodes + [nxt], step))
            if len(step) < max_hops and g.nodes[nxt]["label"] in PATH_LABELS:
                walk(path_nodes + [nxt], step)

    for start in starts:
        walk([start], [])
    found.sort(key=lambda item: item[0])
    rows = []
    for _key, nodes, hops in found[:limit]:
        counts = [data["evidence_count"] for _, _, _, data in hops]
        confidence = 1.0
        for _, _, _, data in hops:
            confidence *= _get(data, "confidence", 0.0)
        text = g.nodes[nodes[0]]["name"]
        for i, (s, key, _o, _data) in enumerate(hops):
            arrow = f" -[{key}]-> " if s == nodes[i] else f" <-[{key}]- "
            text += arrow + g.nodes[nodes[i + 1]]["name"]
        rows.append({
            "hops": len(hops), "min_evidence": min(counts), "total_evidence": sum(counts),
            "confidence": confidence, "path": text,
            "steps": [{
                "subject": g.nodes[s]["name"], "subject_id": s, "type": key,
                "object": g.nodes[o]["name"], "object_id": o,
                "evidence_count": data["evidence_count"], "confidence": _get(data, "confidence", 0.0),
                "negated": _get(data, "negated", 0), "hedged": _get(data, "hedged", 0),
                "sentences": _sentences(data, sentences), "papers": _papers(kg, data.get("papers")),
            } for s, key, o, data in hops],
        })
    return rows


def _path_key(nodes: list[str], hops: list[tuple[str, str, str, dict]]) -> tuple:
    counts = [data["evidence_count"] for _, _, _, data in hops]
    confidence = 1.0
    for _, _, _, data in hops:
        confidence *= _get(data, "confidence", 0.0)
    return (-min(counts), len(hops), -sum(counts), -confidence, list(nodes),
            [f"{s} {key} {o}" for s, key, o, _ in hops])


def disease_profile(kg: KnowledgeGraph, disease: str, sentences: int = 1, limit: int = 200) -> list[Row]:
    """Sources, factors, pathways, products and papers for a disease; see ``disease_profile.cypher``."""
    g = kg.graph
    keyed = []
    for d in match_nodes(kg, disease, (schema.DISEASE,)):
        for x, _, key, data in g.in_edges(d, keys=True, data=True):
            node = g.nodes[x]
            if key in DISEASE_EDGE_TYPES:
                row = {
                    "label": node["label"], "id": x, "name": node["name"], "relation": key,
                    **_edge_summary(data),
                    "approval": ({"agency": data.get("agency"), "country": data.get("country"),
                                  "year": data.get("year")} if key == "APPROVED_FOR" else None),
                    "papers": _papers(kg, data.get("papers")), "sentences": _sentences(data, sentences),
                }
            elif key == "MENTIONS" and node["label"] == schema.PAPER:
                row = {
                    "label": schema.PAPER, "id": x, "name": _title(node), "relation": "MENTIONS",
                    "evidence_count": _get(data, "count", 0), "confidence": None, "negated": 0, "hedged": 0,
                    "approval": None, "papers": [], "sentences": [],
                }
            else:
                continue
            section = _SECTION.get(row["label"], 4)
            keyed.append(((section, -row["evidence_count"], row["id"], row["relation"], d), row))
    keyed.sort(key=lambda item: item[0])
    return [row for _, row in keyed[:limit]]


def source_secretome(kg: KnowledgeGraph, source: str, sentences: int = 1, limit: int = 200) -> list[Row]:
    """What an MSC source secretes or expresses; see ``source_secretome.cypher``."""
    g = kg.graph
    keyed = []
    for s in match_nodes(kg, source, (schema.MSC_SOURCE,)):
        for _, f, key, data in g.out_edges(s, keys=True, data=True):
            if key not in ("SECRETES", "EXPRESSES") or g.nodes[f]["label"] != schema.FACTOR:
                continue
            node = g.nodes[f]
            row = {
                "factor": node["name"], "factor_id": f, "kind": node.get("kind"), "relation": key,
                "negative": bool(_get(data, "negative", False)), **_edge_summary(data),
                "papers": _papers(kg, data.get("papers")), "sentences": _sentences(data, sentences),
            }
            keyed.append(((0 if key == "SECRETES" else 1, row["negative"], -row["evidence_count"],
                           -row["confidence"], f, s), row))
    keyed.sort(key=lambda item: item[0])
    return [row for _, row in keyed[:limit]]


def pathway_neighbourhood(kg: KnowledgeGraph, pathway: str, sentences: int = 1, limit: int = 200) -> list[Row]:
    """Every claim touching a pathway; see ``pathway_neighbourhood.cypher``."""
    g = kg.graph
    keyed = []
    for pw in match_nodes(kg, pathway, (schema.PATHWAY,)):
        for s, key, o, data in _incident(kg, pw):
            if key in BOOKKEEPING or s == o:
                continue
            x = o if s == pw else s
            node = g.nodes[x]
            direction = "out" if s == pw else "in"
            row = {
                "direction": direction, "relation": key, "label": node["label"], "name": node["name"], "id": x,
                **_edge_summary(data),
                "papers": _papers(kg, data.get("papers")), "sentences": _sentences(data, sentences),
            }
            keyed.append(((-row["evidence_count"], -row["confidence"], key, direction, x, pw), row))
    keyed.sort(key=lambda item: item[0])
    return [row for _, row in keyed[:limit]]


def products(kg: KnowledgeGraph, product: str = "", sentences: int = 1, limit: int = 200) -> list[Row]:
    """Products with their approvals and source tissue; see ``products.cypher``."""
    g = kg.graph
    if product:
        chosen = match_nodes(kg, product, (schema.PRODUCT,))
    else:
        chosen = [data["id"] for data in kg.nodes(schema.PRODUCT)]
    keyed = []
    for p in chosen:
        node = g.nodes[p]
        derived = sorted(((g.nodes[o]["name"], o) for _, o, key in g.out_edges(p, keys=True)
                          if key == "DERIVED_FROM" and g.nodes[o]["label"] == schema.MSC_SOURCE))
        approvals = [(o, data) for _, o, key, data in g.out_edges(p, keys=True, data=True)
                     if key == "APPROVED_FOR" and g.nodes[o]["label"] == schema.DISEASE]
        base = {
            "product": node["name"], "product_id": p, "developer": node.get("developer"),
            "kind": node.get("kind"), "source_tissue": node.get("source"),
            "derived_from": [name for name, _ in derived],
        }
        for d, data in approvals or [(None, {})]:
            row = {
                **base,
                "indication": g.nodes[d]["name"] if d else None, "indication_id": d,
                "agency": data.get("agency"), "country": data.get("country"), "year": data.get("year"),
                "evidence_count": data.get("evidence_count"),
                "papers": _papers(kg, data.get("papers")), "sentences": _sentences(data, sentences),
            }
            keyed.append(((node["name"], p, d or ""), row))
    keyed.sort(key=lambda item: item[0])
    return [row for _, row in keyed[:limit]]


def edge_evidence(kg: KnowledgeGraph, subject: str, object: str, type: str = "",  # noqa: A002 - template names
                  limit: int = 50) -> list[Row]:
    """Every sentence and paper behind the claims joining two entities; see ``edge_evidence.cypher``."""
    g = kg.graph
    wanted = type.upper()
    keyed = []
    for a in match_nodes(kg, subject, schema.ENTITY_LABELS):
        for b in match_nodes(kg, object, schema.ENTITY_LABELS):
            if a == b:
                continue
            edges = [(a, key, b, data) for key, data in (g.get_edge_data(a, b) or {}).items()]
            edges += [(b, key, a, data) for key, data in (g.get_edge_data(b, a) or {}).items()]
            for s, key, o, data in edges:
                if key in BOOKKEEPING or (wanted and key != wanted):
                    continue
                records = list(data.get("evidence") or [])
                row = {
                    "subject": g.nodes[s]["name"], "subject_id": s, "type": key,
                    "object": g.nodes[o]["name"], "object_id": o, **_edge_summary(data),
                    "evidence": [{
                        "paper": e.paper,
                        "title": (_title(g.nodes[e.paper])
                                  if e.paper in g and g.nodes[e.paper].get("label") == schema.PAPER else None),
                        "sentence": e.sentence, "negated": bool(e.negated), "hedged": bool(e.hedged),
                    } for e in records],
                    "cited_papers": _papers(kg, data.get("cited_papers")),
                }
                keyed.append(((key, s, o), row))
    keyed.sort(key=lambda item: item[0])
    return [row for _, row in keyed[:limit]]


def paper_claims(kg: KnowledgeGraph, paper: str, sentences: int = 2, limit: int = 500) -> list[Row]:
    """What one paper states; see ``paper_claims.cypher``."""
    g = kg.graph
    keyed = []
    for pp in match_nodes(kg, paper, (schema.PAPER,)):
        for s, o, key, data in g.edges(keys=True, data=True):
            if pp not in (data.get("papers") or ()):
                continue
            mine = [e for e in data.get("evidence") or () if e.paper == pp]
            row = {
                "subject": g.nodes[s]["name"], "subject_id": s, "type": key,
                "object": g.nodes[o]["name"], "object_id": o, "statements": len(mine),
                "negated": sum(1 for e in mine if e.negated), "hedged": sum(1 for e in mine if e.hedged),
                "evidence_count": _get(data, "evidence_count", 0), "other_papers": len(data["papers"]) - 1,
                "sentences": [e.sentence for e in mine][:sentences],
            }
            keyed.append(((-len(mine), key, s, o, pp), row))
    keyed.sort(key=lambda item: item[0])
    return [row for _, row in keyed[:limit]]


def shared_mechanisms(kg: KnowledgeGraph, a: str, b: str, limit: int = 50) -> list[Row]:
    """What two entities have in common; see ``shared_mechanisms.cypher``."""
    g = kg.graph

    def claims_by_neighbour(node: str) -> dict[str, dict[tuple[str, str, str], dict]]:
        found: dict[str, dict[tuple[str, str, str], dict]] = {}
        for s, key, o, data in _incident(kg, node):
            x = o if s == node else s
            if key in BOOKKEEPING or x == node or not _is_claim(data):
                continue
            if g.nodes[x]["label"] in schema.ENTITY_LABELS:
                found.setdefault(x, {})[(s, key, o)] = data
        return found

    keyed = []
    for first in match_nodes(kg, a, schema.ENTITY_LABELS):
        for second in match_nodes(kg, b, schema.ENTITY_LABELS):
            if first == second:
                continue
            near_a, near_b = claims_by_neighbour(first), claims_by_neighbour(second)
            for x in set(near_a) & set(near_b):
                if x in (first, second):
                    continue
                ras, rbs = near_a[x], near_b[x]
                ev_a = sum(data["evidence_count"] for data in ras.values())
                ev_b = sum(data["evidence_count"] for data in rbs.values())
                node = g.nodes[x]
                row = {
                    "label": node["label"], "name": node["name"], "id": x,
                    "relations_a": sorted({key for _, key, _ in ras}),
                    "relations_b": sorted({key for _, key, _ in rbs}),
                    "evidence_a": ev_a, "evidence_b": ev_b, "evidence": ev_a + ev_b,
                }
                keyed.append(((-(ev_a + ev_b), x, first, second), row))
    keyed.sort(key=lambda item: item[0])
    return [row for _, row in keyed[:limit]]


def hubs(kg: KnowledgeGraph, label: str = "", limit: int = 10) -> list[Row]:
    """The most connected entities per label; see ``hubs.cypher``."""
    by_label: dict[str, list[tuple[tuple, Row]]] = {}
    for node in kg.nodes():
        if node["label"] not in schema.ENTITY_LABELS or (label and node["label"] != label):
            continue
        counts = [_get(data, "evidence_count", 0) for _, key, _, data in _incident(kg, node["id"])
                  if key not in BOOKKEEPING]
        if not counts:
            continue
        hub = {"name": node["name"], "id": node["id"], "degree": len(counts), "evidence": sum(counts)}
        by_label.setdefault(node["label"], []).append(((-len(counts), -sum(counts), node["id"]), hub))
    rows = []
    for lab in sorted(by_label):
        ranked = [hub for _, hub in sorted(by_label[lab], key=lambda item: item[0])]
        for rank, hub in enumerate(ranked[:limit], start=1):
            rows.append({"label": lab, "rank": rank, **hub})
    return rows


#: Every named query's embedded implementation, by the name in its template header.
EMBEDDED: dict[str, Callable[..., list[Row]]] = {
    fn.__name__: fn for fn in (
        factor_to_disease, disease_profile, source_secretome, pathway_neighbourhood, products,
        edge_evidence, paper_claims, shared_mechanisms, hubs,
    )
}
