"""The curated vocabulary: one TSV file per node label in ``loaders/vocabulary/``.

Each file has the columns ``name``, ``curie``, ``kind``, ``synonyms`` (separated
by ``|``) and optional extra columns that become node properties (for example
``source`` and ``approvals`` on products). A ``curie`` is filled only where it
was verified against its ontology; otherwise the term gets a stable
``msckg:`` identifier made from its label and canonical name.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from msckg.graph import schema

VOCABULARY_DIR = Path(__file__).with_name("vocabulary")

#: File name per label.
FILES: dict[str, str] = {
    schema.MSC_SOURCE: "msc_sources.tsv",
    schema.FACTOR: "factors.tsv",
    schema.PATHWAY: "pathways.tsv",
    schema.DISEASE: "diseases.tsv",
    schema.PRODUCT: "products.tsv",
    schema.CELL_TYPE: "cell_types.tsv",
    schema.MECHANISM: "mechanisms.tsv",
}
REQUIRED_COLUMNS = ("name", "curie", "kind", "synonyms")
_CURIE = re.compile(r"^[A-Za-z][A-Za-z0-9_.]*:[A-Za-z0-9_.:-]+$")


class VocabularyError(ValueError):
    """A vocabulary file is malformed (bad header, duplicate id, bad CURIE)."""


def slug(text: str) -> str:
    """A lower-case ASCII slug: ``"TGF-β1"`` -> ``"tgf-beta1"``."""
    text = greek_to_latin(text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return text or "x"


_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "κ": "kappa",
    "λ": "lambda", "μ": "mu", "θ": "theta", "ω": "omega", "τ": "tau", "ζ": "zeta",
    "Α": "alpha", "Β": "beta", "Γ": "gamma", "Δ": "delta", "Κ": "kappa",
}


def greek_to_latin(text: str) -> str:
    """Spell Greek letters out (``β`` -> ``beta``), the form the matcher normalises to."""
    return "".join(_GREEK.get(ch, ch) for ch in text)


def term_id(label: str, name: str, curie: str | None) -> str:
    """The stable node id of a term: its verified CURIE, else ``msckg:<label>:<slug>``."""
    if curie:
        return curie
    return f"msckg:{label.lower()}:{slug(name)}"


@dataclass(frozen=True)
class Term:
    """One entity the recogniser can find."""

    id: str
    name: str
    label: str
    kind: str | None = None
    curie: str | None = None
    synonyms: tuple[str, ...] = ()
    generated: bool = False  # made by a pattern family, not the curated vocabulary
    properties: tuple[tuple[str, str], ...] = ()

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """The canonical name and every synonym."""
        return (self.name, *self.synonyms)


@dataclass
class Vocabulary:
    """All terms, indexed by id."""

    terms: list[Term] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_id: dict[str, Term] = {}
        for term in self.terms:
            if term.id in self._by_id:
                raise VocabularyError(f"duplicate vocabulary id {term.id} ({term.name!r})")
            self._by_id[term.id] = term

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self):
        return iter(self.terms)

    def get(self, term_id_: str) -> Term | None:
        return self._by_id.get(term_id_)

    def with_label(self, label: str) -> list[Term]:
        return [t for t in self.terms if t.label == label]


def read_vocabulary_file(path: Path, label: str) -> list[Term]:
    """Read one TSV file of terms for ``label``; raise :class:`VocabularyError` on bad rows."""
    schema.check_label(label)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        missing = [c for c in REQUIRED_COLUMNS if c not in (rows.fieldnames or ())]
        if missing:
            raise VocabularyError(f"{path.name}: missing column(s) {', '.join(missing)}")
        terms = []
        for lineno, row in enumerate(rows, start=2):
            name = (row.get("name") or "").strip()
            if not name:
                raise VocabularyError(f"{path.name} row {lineno}: empty name")
            curie = (row.get("curie") or "").strip() or None
            if curie and not _CURIE.match(curie):
                raise VocabularyError(f"{path.name} row {lineno}: {curie!r} is not a CURIE")
            synonyms = tuple(dict.fromkeys(
                s.strip() for s in (row.get("synonyms") or "").split("|") if s.strip() and s.strip() != name
            ))
            extra = tuple(sorted(
                (k, v.strip()) for k, v in row.items()
                if k not in REQUIRED_COLUMNS and k and v and v.strip()
            ))
            terms.append(Term(
                id=term_id(label, name, curie), name=name, label=label,
                kind=(row.get("kind") or "").strip() or None, curie=curie,
                synonyms=synonyms, properties=extra,
            ))
    return terms


@lru_cache(maxsize=4)
def load_vocabulary(directory: Path | None = None) -> Vocabulary:
    """Load every label's TSV file from ``directory`` (default: the shipped vocabulary)."""
    directory = Path(directory) if directory else VOCABULARY_DIR
    terms: list[Term] = []
    for label, filename in FILES.items():
        path = directory / filename
        if path.exists():
            terms.extend(read_vocabulary_file(path, label))
    if not terms:
        raise VocabularyError(f"no vocabulary files found in {directory}")
    return Vocabulary(terms)


# --- product approvals -------------------------------------------------------------------------

APPROVALS_FILE = "product_approvals.tsv"
APPROVAL_COLUMNS = ("product", "agency", "country", "year", "indication", "status", "note")
#: Allowed ``status`` values of an approval row.
APPROVAL_STATUSES = ("full", "conditional", "provisional", "limited", "approved", "hospital exemption", "withdrawn")


@dataclass(frozen=True)
class Approval:
    """One regulatory decision on an MSC product, resolved against the vocabulary."""

    product: str  # canonical Product name
    agency: str
    country: str
    year: int
    indication: str  # canonical Disease name
    status: str
    note: str = ""
    product_id: str = ""  # node id of the Product term
    indication_id: str = ""  # node id of the Disease term


def load_product_approvals(directory: Path | None = None) -> list[Approval]:
    """Read ``product_approvals.tsv`` from ``directory`` (default: the shipped vocabulary).

    Every ``product`` must be the canonical name of a Product term and every ``indication``
    the canonical name of a Disease term of the vocabulary in the same directory; ``year`` must
    be a four-digit year and ``status`` one of :data:`APPROVAL_STATUSES`. Returns an empty list
    when the directory has no approvals file; raises :class:`VocabularyError` on a bad row.
    """
    directory = Path(directory) if directory else VOCABULARY_DIR
    path = directory / APPROVALS_FILE
    if not path.exists():
        return []
    vocabulary = load_vocabulary(directory)
    products = {t.name: t for t in vocabulary.with_label(schema.PRODUCT)}
    diseases = {t.name: t for t in vocabulary.with_label(schema.DISEASE)}
    approvals: list[Approval] = []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        missing = [c for c in APPROVAL_COLUMNS if c not in (rows.fieldnames or ())]
        if missing:
            raise VocabularyError(f"{path.name}: missing column(s) {', '.join(missing)}")
        for lineno, row in enumerate(rows, start=2):
            values = {c: (row.get(c) or "").strip() for c in APPROVAL_COLUMNS}
            where = f"{path.name} row {lineno}"
            for column in ("product", "agency", "country", "year", "indication", "status"):
                if not values[column]:
                    raise VocabularyError(f"{where}: empty {column}")
            product = products.get(values["product"])
            if product is None:
                raise VocabularyError(f"{where}: {values['product']!r} is not the name of a product in products.tsv")
            indication = diseases.get(values["indication"])
            if indication is None:
                raise VocabularyError(
                    f"{where}: {values['indication']!r} is not the name of a disease in diseases.tsv")
            if not re.fullmatch(r"(19|20)\d\d", values["year"]):
                raise VocabularyError(f"{where}: year {values['year']!r} is not a four-digit year")
            if values["status"] not in APPROVAL_STATUSES:
                raise VocabularyError(
                    f"{where}: status {values['status']!r} is not one of {', '.join(APPROVAL_STATUSES)}")
            approvals.append(Approval(
                product=product.name, agency=values["agency"], country=values["country"],
                year=int(values["year"]), indication=indication.name, status=values["status"],
                note=values["note"], product_id=product.id, indication_id=indication.id,
            ))
    return approvals
