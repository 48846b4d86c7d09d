"""The build pipeline: source files -> Documents -> mentions and claims -> KnowledgeGraph."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from msckg.errors import NoReadableSources, UnreadableSource
from msckg.graph import schema
from msckg.graph.knowledge_graph import Evidence, KnowledgeGraph
from msckg.loaders.document import Document, Reference
from msckg.loaders.entities import EntityRecognizer, Mention
from msckg.loaders.readers import iter_source_files, read_document
from msckg.loaders.relations import Claim, extract_claims
from msckg.loaders.vocabulary import Term, Vocabulary, load_vocabulary


@dataclass
class ReadDocument:
    """A document that was read, with the id its Paper node got."""

    path: Path
    document: Document
    paper: str


@dataclass
class BuildResult:
    """What a build produced: the graph, the documents read and every warning."""

    graph: KnowledgeGraph
    documents: list[ReadDocument] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def paper_id(document: Document) -> str:
    """``doi:`` id when the document gives a DOI, else ``pmid:``, else a hash of its text."""
    doi = document.metadata.get("doi")
    if doi:
        return f"doi:{doi.lower()}"
    pmid = document.metadata.get("pmid")
    if pmid:
        return f"pmid:{pmid}"
    return f"hash:{_digest(_normalised(document.text))}"


def reference_id(reference: Reference) -> str:
    """``doi:``/``pmid:`` id of a cited paper, else a hash of its reference text."""
    if reference.doi:
        return f"doi:{reference.doi.lower()}"
    if reference.pmid:
        return f"pmid:{reference.pmid}"
    return f"ref:{_digest(_normalised(reference.text))}"


class GraphBuilder:
    """Adds documents to a KnowledgeGraph, one at a time."""

    def __init__(self, vocabulary: Vocabulary | None = None, graph: KnowledgeGraph | None = None) -> None:
        self.vocabulary = vocabulary or load_vocabulary()
        self.recognizer = EntityRecognizer(self.vocabulary)
        self.graph = graph or KnowledgeGraph()

    def add_document(self, document: Document, *, source_sha256: str | None = None) -> str:
        """Add one document's paper, citations, mentions and claims; return its paper id."""
        kg = self.graph
        pid = paper_id(document)
        meta = document.metadata
        kg.add_node(
            pid, schema.PAPER, meta.get("title") or Path(document.source).stem,
            title=meta.get("title"), doi=meta.get("doi"), pmid=meta.get("pmid"),
            year=meta.get("year"), journal=meta.get("journal"), role="source",
            file=Path(document.source).name,
        )
        cited = self._add_references(document, pid)
        mentions = self.recognizer.find(document)
        self._add_mentions(pid, mentions)
        mentioned = {m.term.id for m in mentions} | self._add_table_mentions(pid, document)
        for claim in extract_claims(document, mentions, self.recognizer):
            self._add_claim(pid, claim, cited)
            for term in (claim.subject, claim.object):
                if term.id not in mentioned:  # named only in a table row: the paper still mentions it
                    mentioned.add(term.id)
                    self.graph.add_mentions(pid, term.id, 1)
        kg.sources.append({
            "path": document.source, "paper": pid, "format": document.format,
            "sha256": source_sha256 or hashlib.sha256(document.text.encode("utf-8")).hexdigest(),
        })
        return pid

    def _add_table_mentions(self, pid: str, document: Document) -> set[str]:
        """Entities named in table cells (the recogniser reads sentences): the paper mentions them too."""
        counts: dict[str, int] = {}
        for table in document.tables:
            for row in (table.header, *table.rows):
                for cell in row:
                    for _, _, term in self.recognizer.find_in_text(cell):
                        node = self._add_entity(term)
                        counts[node] = counts.get(node, 0) + 1
        for node in sorted(counts):
            self.graph.add_mentions(pid, node, counts[node])
        return set(counts)

    def _add_references(self, document: Document, pid: str) -> dict[int, str]:
        """Paper nodes and CITES edges for the reference list; returns number -> paper id.

        A document without a reference list still cites numbered references; each
        becomes a placeholder Paper ``<paper id>#ref<n>`` so claims keep their sources.
        """
        kg = self.graph
        by_number: dict[int, str] = {}
        for ref in document.references:
            rid = reference_id(ref)
            kg.add_node(rid, schema.PAPER, ref.title or ref.text[:120], title=ref.title, doi=ref.doi,
                        pmid=ref.pmid, year=ref.year, journal=ref.journal, citation=ref.text, role="cited")
            kg.add_citation(pid, rid)
            by_number[ref.number] = rid
        if not document.references:
            numbers = sorted({n for c in document.citations for n in c.numbers})
            for n in numbers:
                rid = f"{pid}#ref{n}"
                kg.add_node(rid, schema.PAPER, f"Reference {n} of {kg.node(pid)['name']}",
                            role="cited", unresolved=True)
                kg.add_citation(pid, rid)
                by_number[n] = rid
        return by_number

    def _add_entity(self, term: Term) -> str:
        props = dict(term.properties)
        props.pop("note", None)
        return self.graph.add_node(term.id, term.label, term.name, synonyms=term.synonyms, curie=term.curie,
                                   kind=term.kind, generated=term.generated, **props)

    def _add_mentions(self, pid: str, mentions: Iterable[Mention]) -> None:
        counts: dict[str, int] = {}
        surfaces: dict[str, set[str]] = {}
        for mention in mentions:
            node = self._add_entity(mention.term)
            counts[node] = counts.get(node, 0) + 1
            surfaces.setdefault(node, set()).add(mention.text)
        for node in sorted(counts):
            self.graph.add_synonyms(node, surfaces[node])
            self.graph.add_mentions(pid, node, counts[node])

    def _add_claim(self, pid: str, claim: Claim, cited: dict[int, str]) -> None:
        subject = self._add_entity(claim.subject)
        obj = self._add_entity(claim.object)
        evidence = Evidence(
            paper=pid, sentence=claim.sentence, section=claim.section, start=claim.start, end=claim.end,
            cited=tuple(sorted({cited[n] for n in claim.cited if n in cited})),
            negated=claim.negated, hedged=claim.hedged, confidence=claim.confidence,
            trigger=claim.trigger, properties=tuple(claim.properties),
        )
        self.graph.add_relation(claim.type, subject, obj, evidence)


def build_graph(paths: Iterable[str | Path], *, vocabulary: Vocabulary | None = None,
                graph: KnowledgeGraph | None = None,
                on_document: Callable[[Path], None] | None = None) -> BuildResult:
    """Read every document under ``paths`` and build (or extend) a knowledge graph.

    A file named explicitly that cannot be read raises :class:`UnreadableSource`;
    an unreadable file found inside a folder is skipped with a warning. Raises
    :class:`NoReadableSources` when nothing could be read.

    >>> result = build_graph(["examples/"])          # doctest: +SKIP
    >>> result.graph.summary().nodes_per_label       # doctest: +SKIP
    """
    paths = [Path(p) for p in paths]
    for path in paths:
        if not path.exists():
            raise UnreadableSource(f"{path}: no such file or folder")
    explicit = {p.resolve() for p in paths if p.is_file()}
    files = iter_source_files(paths)
    if not files:
        raise NoReadableSources(f"no readable document in {', '.join(str(p) for p in paths)}")
    builder = GraphBuilder(vocabulary, graph)
    result = BuildResult(builder.graph)
    for path in files:
        if on_document:
            on_document(path)
        try:
            document = read_document(path)
        except UnreadableSource as exc:
            if path.resolve() in explicit:
                raise
            result.warnings.append(f"skipped {exc}")
            continue
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        pid = builder.add_document(document, source_sha256=sha)
        result.documents.append(ReadDocument(path, document, pid))
        result.warnings.extend(f"{path.name}: {w}" for w in document.warnings)
    if not result.documents:
        raise NoReadableSources(
            f"no readable document in {', '.join(str(p) for p in paths)} ({len(result.warnings)} skipped: "
            + "; ".join(result.warnings[:3]) + ")")
    return result
