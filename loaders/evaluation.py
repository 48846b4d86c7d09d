"""Extraction quality as a number: score a graph against a hand-annotated gold file.

The gold file (format in ``docs/evaluation.md``) lists, per paper, the entities and
typed relations that a set of sentences states. Scoring is per paper:

* an entity is found when a node of its label resolves from the gold name and the
  paper ``MENTIONS`` it; a false hit is an entity the recogniser finds in an
  annotated sentence that the gold does not list for that paper;
* a relation is found (strict) when the edge (subject, type, object) carries an
  evidence record of that paper, and (lenient) when any typed edge joins the two
  entities in either direction; false hits are typed edges with evidence in an
  annotated sentence (or table row) that the gold does not list, so text nobody
  annotated never counts against the extractor;
* negation and hedging flags are scored over the strictly matched relations.

Pathways and mechanisms are both biological processes, and annotators split processes such as
apoptosis or senescence between them: a gold name of one of these two labels that no node of its
label has resolves to a node of the other, and a relation to it is scored in the wording that
label takes ("X MEDIATES apoptosis" as "X ACTIVATES apoptosis" where apoptosis is a pathway).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Union

from msckg.errors import GoldFileError
from msckg.graph import schema
from msckg.graph.knowledge_graph import Evidence, KnowledgeGraph
from msckg.graph.lookup import resolve_among
from msckg.loaders.document import Document
from msckg.loaders.entities import EntityRecognizer, normalise
from msckg.loaders.relations.claim import canonical_triple
from msckg.loaders.vocabulary import Term

GOLD_FORMAT = "msckg-gold"
GOLD_VERSION = 1
MAX_QUOTE_WORDS = 8
_TABLE_ROW = re.compile(r"t(\d+)r(\d+)")

#: Where a fact is stated: a sentence index, or ("table", table index, row index).
Locator = Union[int, tuple[str, int, int]]


# --------------------------------------------------------------------------- gold
@dataclass(frozen=True)
class GoldEntity:
    name: str
    label: str
    at: Locator


@dataclass(frozen=True)
class GoldRelation:
    subject: str
    type: str
    object: str
    at: Locator
    negated: bool = False
    hedged: bool = False


@dataclass
class GoldPaper:
    """The annotations of one paper, identified by its source file name."""

    source: str
    entities: list[GoldEntity] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)
    annotated: set = field(default_factory=set)  # every locator the annotator read


@dataclass
class GoldStandard:
    papers: list[GoldPaper]
    path: str = ""


def _locator(value: object, document: Document, where: str) -> Locator:
    """Turn a gold ``at`` value (index, ``"t0r3"``, or a short quote) into a locator."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise GoldFileError(f"{where}: 'at' must be a sentence number, \"t<table>r<row>\" or a short quote")
    if isinstance(value, int):
        if not 0 <= value < len(document.sentences):
            raise GoldFileError(f"{where}: sentence {value} out of range (the paper has "
                                f"{len(document.sentences)} sentences)")
        return value
    m = _TABLE_ROW.fullmatch(value.strip())
    if m:
        t, r = int(m.group(1)), int(m.group(2))
        if t >= len(document.tables) or r >= len(document.tables[t].rows):
            raise GoldFileError(f"{where}: no table row {value!r} in {Path(document.source).name}")
        return ("table", t, r)
    if len(value.split()) > MAX_QUOTE_WORDS:
        raise GoldFileError(f"{where}: quote locator longer than {MAX_QUOTE_WORDS} words: {value!r}")
    wanted = " ".join(value.split()).casefold()
    hits: list[Locator] = [s.index for s in document.sentences if wanted in " ".join(s.text.split()).casefold()]
    # a quote may also locate a table row, its cells joined by " | " ("Temcell | bone marrow MSCs")
    hits += [("table", t, r) for t, table in enumerate(document.tables) for r, row in enumerate(table.rows)
             if wanted in " ".join(" | ".join(c.strip() for c in row).split()).casefold()]
    if len(hits) != 1:
        problem = ("matches no sentence or table row" if not hits
                   else f"matches {len(hits)} sentences or rows {hits[:5]}")
        raise GoldFileError(f"{where}: quote {value!r} {problem}")
    return hits[0]


def load_gold(path: str | Path, documents: dict[str, Document]) -> GoldStandard:
    """Read a gold file and locate its facts in ``documents`` (source file name -> Document).

    Raises :class:`GoldFileError` for a malformed file, an unknown label or type, a
    paper that is not among ``documents`` or a locator that points nowhere.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise GoldFileError(f"gold file {path} not found") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFileError(f"{path} is not a gold file (invalid JSON: {exc})") from exc
    if not isinstance(data, dict) or data.get("format") != GOLD_FORMAT:
        raise GoldFileError(f"{path} is not a gold file (no \"format\": \"{GOLD_FORMAT}\")")
    if data.get("version") != GOLD_VERSION:
        raise GoldFileError(f"{path}: gold format version {data.get('version')} is not supported "
                            f"(this msc-kg reads version {GOLD_VERSION})")
    papers = []
    for raw in data.get("papers") or []:
        source = str(raw.get("source", ""))
        if source not in documents:
            known = ", ".join(sorted(documents)) or "none"
            raise GoldFileError(f"{path}: gold paper {source!r} is not among the evaluated documents ({known})")
        papers.append(_gold_paper(raw, documents[source], f"{path.name}: {source}"))
    if not papers:
        raise GoldFileError(f"{path}: the gold file lists no papers")
    return GoldStandard(papers, str(path))


def _gold_paper(raw: dict, document: Document, where: str) -> GoldPaper:
    paper = GoldPaper(raw["source"])
    for value in raw.get("annotated") or []:
        paper.annotated.add(_locator(value, document, f"{where} annotated"))
    for i, ent in enumerate(raw.get("entities") or []):
        here = f"{where} entity {i} ({ent.get('name')!r})"
        label = ent.get("label")
        if label not in schema.ENTITY_LABELS:
            raise GoldFileError(f"{here}: unknown label {label!r} (one of {', '.join(schema.ENTITY_LABELS)})")
        if not ent.get("name"):
            raise GoldFileError(f"{here}: no name")
        at = _locator(ent.get("at"), document, here)
        paper.entities.append(GoldEntity(ent["name"], label, at))
        paper.annotated.add(at)
    for i, rel in enumerate(raw.get("relations") or []):
        here = f"{where} relation {i} ({rel.get('subject')!r} {rel.get('type')} {rel.get('object')!r})"
        if rel.get("type") not in schema.TYPED_RELATIONS:
            raise GoldFileError(f"{here}: unknown relationship type {rel.get('type')!r}")
        if not rel.get("subject") or not rel.get("object"):
            raise GoldFileError(f"{here}: needs a subject and an object")
        at = _locator(rel.get("at"), document, here)
        paper.relations.append(GoldRelation(rel["subject"], rel["type"], rel["object"], at,
                                            bool(rel.get("negated")), bool(rel.get("hedged"))))
        paper.annotated.add(at)
    return paper


# --------------------------------------------------------------------------- scores
@dataclass
class Score:
    """Counts of one label or type; precision, recall and F1 derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class FlagScore:
    """How often a flag (negated, hedged) on a matched relation agrees with the gold."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.accuracy, 4)}


@dataclass(frozen=True)
class Finding:
    """One miss or false hit, for the user to read."""

    kind: str        # "entity", "relation" or "flag" (a matched relation with a wrong flag)
    paper: str       # source file name
    at: str          # "s12" or "t1r3"
    what: str        # "IDO [Factor]" or "MSC -SECRETES-> IDO"
    note: str = ""   # why it missed, or what was found instead


@dataclass
class EvaluationReport:
    """Every score of one evaluation: per label, per type, totals, flags, misses and false hits."""

    entities: dict[str, Score] = field(default_factory=dict)
    strict: dict[str, Score] = field(default_factory=dict)
    lenient: dict[str, Score] = field(default_factory=dict)
    negation: FlagScore = field(default_factory=FlagScore)
    hedging: FlagScore = field(default_factory=FlagScore)
    misses: list[Finding] = field(default_factory=list)
    false_hits: list[Finding] = field(default_factory=list)
    papers: list[str] = field(default_factory=list)
    # extracted relations in annotated text by the confidence of their evidence there: true and false hits
    # (misses have no confidence), so that a user can see what a --min-confidence cut would keep
    by_confidence: dict[str, Score] = field(default_factory=dict)

    @staticmethod
    def _total(scores: dict[str, Score]) -> Score:
        total = Score()
        for score in scores.values():
            total.add(score)
        return total

    @property
    def entity_total(self) -> Score:
        return self._total(self.entities)

    @property
    def strict_total(self) -> Score:
        return self._total(self.strict)

    @property
    def lenient_total(self) -> Score:
        return self._total(self.lenient)

    def to_dict(self) -> dict:
        """A JSON-ready form (``msckg evaluate --format json``)."""
        return {
            "papers": self.papers,
            "entities": {k: v.to_dict() for k, v in sorted(self.entities.items())},
            "entities_total": self.entity_total.to_dict(),
            "relations_strict": {k: v.to_dict() for k, v in sorted(self.strict.items())},
            "relations_strict_total": self.strict_total.to_dict(),
            "relations_lenient": {k: v.to_dict() for k, v in sorted(self.lenient.items())},
            "relations_lenient_total": self.lenient_total.to_dict(),
            "negation": self.negation.to_dict(), "hedging": self.hedging.to_dict(),
            "relations_by_confidence": {k: {"tp": v.tp, "fp": v.fp, "precision": round(v.precision, 4)}
                                        for k, v in sorted(self.by_confidence.items())},
            "misses": [asdict(f) for f in self.misses], "false_hits": [asdict(f) for f in self.false_hits],
        }


# --------------------------------------------------------------------------- scoring
# lower bounds of the confidence bands of the precision-by-confidence table
CONFIDENCE_BANDS = (0.0, 0.6, 0.7, 0.8, 0.9)


def confidence_band(value: float) -> str:
    """The band a confidence falls in, as "0.70-0.79" ("0.00-0.59" for the lowest, "0.90-1.00" for the top)."""
    low = max(b for b in CONFIDENCE_BANDS if value >= b - 1e-9)
    high = next((b for b in CONFIDENCE_BANDS if b > low), 1.01) - 0.01
    return f"{low:.2f}-{min(high, 1.0):.2f}"


def _where(at: Locator) -> str:
    return f"s{at}" if isinstance(at, int) else f"t{at[1]}r{at[2]}"


#: the two labels of biological processes, each the other's stand-in when a name has no node of its own label
PROCESS_LABELS = {schema.PATHWAY: schema.MECHANISM, schema.MECHANISM: schema.PATHWAY}
#: a molecule that names its own pathway (Nrf2, Akt, NLRP3 inflammasome) is a factor to some annotators and a
#: pathway to others; the vocabulary keeps one row for it, and a gold name of either label with no node of its
#: own label is found among nodes of the other
SIGNAL_LABELS = {schema.FACTOR: schema.PATHWAY, schema.PATHWAY: schema.FACTOR}
#: how a relation to a process is worded for a process of each label
PROCESS_WORDING = {(schema.MECHANISM, "ACTIVATES"): "MEDIATES", (schema.PATHWAY, "MEDIATES"): "ACTIVATES"}


class _Resolver:
    """Gold names -> node ids, through one name index (resolve_node rescans the graph per call)."""

    def __init__(self, kg: KnowledgeGraph, recognizer: EntityRecognizer) -> None:
        g = kg.graph
        self.recognizer = recognizer
        self.index: dict[str, list[dict]] = defaultdict(list)
        for data in kg.nodes():
            if data["label"] == schema.PAPER:
                continue
            record = {**data, "degree": g.degree(data["id"])}
            for surface in {data["name"], *data.get("synonyms", ())}:
                self.index[normalise(surface)].append(record)
        self.ids = {d["id"] for d in kg.nodes()}

    def __call__(self, name: str, label: str | None) -> str | None:
        found = self._of_label(name, label)
        for stand_ins in (PROCESS_LABELS, SIGNAL_LABELS):
            if found is None and label in stand_ins:
                # "apoptosis" written as a mechanism where the graph keeps it as a pathway, "Nrf2" as a factor
                # where the graph has the pathway
                found = self._of_label(name, stand_ins[label])
        return found

    def _of_label(self, name: str, label: str | None) -> str | None:
        if name in self.ids:
            return name
        pool = self.index.get(normalise(name), [])
        pool = [c for c in pool if label is None or c["label"] == label]
        if not pool:
            # plurals and spelling variants the graph never saw written: ask the recogniser
            term = self.recognizer.lookup(name) or self._head_disease(name, label)
            if term is not None and term.id in self.ids and (label is None or term.label == label):
                return term.id
            return None
        return resolve_among(pool, name, (label,) if label else None)

    def _head_disease(self, name: str, label: str | None) -> Term | None:
        """The vocabulary disease a qualified disease name ends with, if any.

        The graph keeps diseases at the vocabulary's grain: "cisplatin-induced AKI",
        "moderate-to-severe ARDS" or "hepatic GvHD" are recorded as the disease the
        vocabulary knows, with the qualifier left in the evidence sentence. A gold name
        of that shape is therefore scored as its head disease. Where the vocabulary
        does draw the line ("knee osteoarthritis"), lookup finds the finer term first.
        """
        if label not in (None, schema.DISEASE):
            return None
        words = name.split()
        for i in range(1, len(words)):
            # the longest run of last words that names a disease: "liver fibrosis" in "carbon
            # tetrachloride-induced liver fibrosis", "MS" in "progressive MS"
            term = self.recognizer.lookup(" ".join(words[i:]))
            if term is not None and term.label == schema.DISEASE:
                return term
        return None


def _flag(record: Evidence, flag: str) -> bool:
    """A record's flag; a marker MSCs lack (EXPRESSES with ``negative: true``) counts as negated."""
    if flag == "negated" and dict(record.properties).get("negative"):
        return True
    return bool(getattr(record, flag))


def _evidence_locator(record: Evidence, document: Document, starts: dict[int, int],
                      rows: dict[str, tuple[str, int, int]]) -> Locator | None:
    if record.start >= 0:
        return starts.get(record.start)
    return rows.get(" ".join(record.sentence.split()))


def evaluate(gold: GoldStandard, kg: KnowledgeGraph, documents: dict[str, tuple[Document, str]],
             recognizer: EntityRecognizer | None = None) -> EvaluationReport:
    """Score ``kg`` against ``gold``.

    ``documents`` maps each source file name to (its Document, its paper id in
    ``kg``). ``recognizer`` finds the entity mentions used for entity precision
    (default: one over the shipped vocabulary, the one builds use).
    """
    if recognizer is None:
        from msckg.loaders.vocabulary import load_vocabulary

        recognizer = EntityRecognizer(load_vocabulary())
    resolve = _Resolver(kg, recognizer)
    report = EvaluationReport(papers=[p.source for p in gold.papers])
    for paper in gold.papers:
        document, pid = documents[paper.source]
        _score_entities(report, paper, document, pid, kg, resolve, recognizer)
        _score_relations(report, paper, document, pid, kg, resolve)
    return report


def _score_entities(report: EvaluationReport, paper: GoldPaper, document: Document, pid: str,
                    kg: KnowledgeGraph, resolve: _Resolver, recognizer: EntityRecognizer) -> None:
    g = kg.graph
    gold_keys: dict[tuple[str, str], GoldEntity] = {}
    for ent in paper.entities:
        node = resolve(ent.name, ent.label)
        key = (g.nodes[node]["label"], node) if node is not None else (ent.label, f"?{normalise(ent.name)}")
        if key in gold_keys:
            continue
        gold_keys[key] = ent
        score = report.entities.setdefault(ent.label, Score())
        if node is not None and g.has_edge(pid, node, key="MENTIONS"):
            score.tp += 1
        else:
            score.fn += 1
            why = "no node of that label has this name" if node is None else "the paper does not mention it"
            report.misses.append(Finding("entity", paper.source, _where(ent.at), f"{ent.name} [{ent.label}]", why))
    sentences = {a for a in paper.annotated if isinstance(a, int)}
    predicted: dict[tuple[str, str], int] = {}
    for mention in recognizer.find(document):
        if mention.sentence in sentences:
            predicted.setdefault((mention.term.label, mention.term.id), mention.sentence)
    for (label, node), at in sorted(predicted.items(), key=lambda kv: (kv[1], kv[0])):
        if (label, node) not in gold_keys:
            report.entities.setdefault(label, Score()).fp += 1
            name = g.nodes[node]["name"] if node in g else node
            report.false_hits.append(Finding("entity", paper.source, _where(at), f"{name} [{label}]"))


def _score_relations(report: EvaluationReport, paper: GoldPaper, document: Document, pid: str,
                     kg: KnowledgeGraph, resolve: _Resolver) -> None:
    g = kg.graph
    labels = {normalise(e.name): e.label for e in paper.entities}
    starts = {s.start: s.index for s in document.sentences}
    rows = {" ".join(" | ".join(row).split()): ("table", t, r)
            for t, table in enumerate(document.tables) for r, row in enumerate(table.rows)}

    def name(node: str) -> str:
        return g.nodes[node]["name"]

    def paper_records(s: str, rel_type: str, o: str) -> list[Evidence]:
        if not g.has_edge(s, o, key=rel_type):
            return []
        return [e for e in g.edges[s, o, rel_type].get("evidence", ()) if e.paper == pid]

    def typed_between(a: str, b: str) -> list[tuple[str, str, str]]:
        found = []
        for s, o in ((a, b), (b, a)):
            for key in (g.get_edge_data(s, o) or {}):
                if key in schema.TYPED_RELATIONS and paper_records(s, key, o):
                    found.append((s, key, o))
        return found

    gold_triples: dict[tuple[str, str, str], GoldRelation] = {}
    gold_pairs: set[frozenset] = set()
    for rel in paper.relations:
        s = resolve(rel.subject, labels.get(normalise(rel.subject)))
        o = resolve(rel.object, labels.get(normalise(rel.object)))
        what = f"{rel.subject} -{rel.type}-> {rel.object}"
        strict = report.strict.setdefault(rel.type, Score())
        lenient = report.lenient.setdefault(rel.type, Score())
        if s is None or o is None:
            strict.fn += 1
            lenient.fn += 1
            missing = [n for n, node in ((rel.subject, s), (rel.object, o)) if node is None]
            report.misses.append(Finding("relation", paper.source, _where(rel.at), what,
                                         f"no node named {', '.join(map(repr, missing))}"))
            continue
        # a statement the graph keeps in one of two wordings is scored in that wording ("X INHIBITS apoptosis"
        # as "X MEDIATES anti-apoptosis")
        rel_type = PROCESS_WORDING.get((g.nodes[o]["label"], rel.type), rel.type)
        triple = canonical_triple(s, rel_type, o)
        if triple in gold_triples:
            continue
        strict = report.strict.setdefault(triple[1], Score())
        lenient = report.lenient.setdefault(triple[1], Score())
        gold_triples[triple] = rel
        gold_pairs.add(frozenset((s, triple[2])))
        records = paper_records(*triple)
        others = typed_between(s, triple[2])
        lenient.tp += bool(others)
        lenient.fn += not others
        if records:
            strict.tp += 1
            here = [e for e in records if _evidence_locator(e, document, starts, rows) == rel.at] or records
            for flag, score, wanted in (("negated", report.negation, rel.negated),
                                        ("hedged", report.hedging, rel.hedged)):
                got = any(_flag(e, flag) for e in here)
                score.total += 1
                score.correct += got == wanted
                if got != wanted:
                    report.misses.append(Finding("flag", paper.source, _where(rel.at), what,
                                                 f"{flag} should be {str(wanted).lower()}"))
            continue
        strict.fn += 1
        note = "; ".join(f"found {name(a)} -{t}-> {name(b)}" for a, t, b in others) or "no typed edge between them"
        report.misses.append(Finding("relation", paper.source, _where(rel.at), what, note))

    predicted: dict[tuple[str, str, str], Locator] = {}
    for s, o, key, data in g.edges(keys=True, data=True):
        if key not in schema.TYPED_RELATIONS:
            continue
        for record in data.get("evidence", ()):
            if record.paper != pid:
                continue
            at = _evidence_locator(record, document, starts, rows)
            if at is not None and at in paper.annotated:
                predicted.setdefault((s, key, o), at)
                band = report.by_confidence.setdefault(confidence_band(record.confidence), Score())
                band.tp += (s, key, o) in gold_triples
                band.fp += (s, key, o) not in gold_triples
                break
    for (s, rel_type, o), at in sorted(predicted.items(), key=lambda kv: (_where(kv[1]), kv[0])):
        if (s, rel_type, o) not in gold_triples:
            report.strict.setdefault(rel_type, Score()).fp += 1
            report.false_hits.append(Finding("relation", paper.source, _where(at),
                                             f"{name(s)} -{rel_type}-> {name(o)}"))
        if frozenset((s, o)) not in gold_pairs:
            report.lenient.setdefault(rel_type, Score()).fp += 1


# --------------------------------------------------------------------------- entry points
def evaluate_paths(gold_file: str | Path, paths: Iterable[str | Path]) -> EvaluationReport:
    """Build a graph from ``paths`` and score it against ``gold_file``."""
    from msckg.loaders.pipeline import build_graph

    result = build_graph(paths)
    documents = {d.path.name: (d.document, d.paper) for d in result.documents}
    gold = load_gold(gold_file, {k: v[0] for k, v in documents.items()})
    return evaluate(gold, result.graph, documents)


def check_gold(gold_file: str | Path, paths: Iterable[str | Path]) -> GoldStandard:
    """Read the documents of ``paths`` (no extraction) and load ``gold_file`` against them, so that a
    locator pointing nowhere raises :class:`GoldFileError`; for annotators checking their file."""
    from msckg.loaders.readers import iter_source_files, read_document

    documents = {path.name: read_document(path) for path in iter_source_files(paths)}
    return load_gold(gold_file, documents)


def evaluate_graph_file(gold_file: str | Path, graph_file: str | Path) -> EvaluationReport:
    """Score a saved graph against ``gold_file``, re-reading its source documents to locate sentences."""
    from msckg.loaders.readers import read_document

    kg = KnowledgeGraph.load(graph_file)
    documents: dict[str, tuple[Document, str]] = {}
    for source in kg.sources:
        path = Path(source["path"])
        if path.is_file():
            documents[path.name] = (read_document(path), source["paper"])
    gold = load_gold(gold_file, {k: v[0] for k, v in documents.items()})
    return evaluate(gold, kg, documents)
