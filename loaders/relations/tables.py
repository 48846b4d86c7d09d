"""Claims of a Document's tables: approved products, clinical applications, surface markers."""

from __future__ import annotations

import re
from dataclasses import replace

from msckg.graph import schema
from msckg.loaders.document import Table
from msckg.loaders.relations.claim import Claim, confidence
from msckg.loaders.relations.rules import tokens
from msckg.loaders.relations.sentence_model import ISCT_NEGATIVE_SHARE
from msckg.loaders.vocabulary import Term


# a column of prose: cells of at least this many words that end like a sentence
PROSE_WORDS = 6
# columns whose prose states what the text denies or asks, not what it claims
DENIED_COLUMNS = ("myth", "misconception", "question", "rumour", "rumor")


class TableClaims:
    """The table half of the extractor (mixed into it): needs ``document``, ``recognizer``, ``rules``,
    ``generic``, the approval helpers and ``_text_claims`` (the claims of a piece of prose) of the sentence half."""

    def _table_claims(self, table: Table) -> list[Claim]:
        header = [h.lower() for h in table.header]
        if _column(header, ("product",)) is not None and \
                _column(header, ("indication", "approved", "agency", "approval")) is not None:
            return self._products_table(table, header)
        if _column(header, PIPELINE_NAME) is not None and _column(header, ("indication",)) is not None \
                and _column(header, ("stage", "phase", "status")) is not None:
            # a development pipeline ("Program | Source | Indication | Stage"): what each candidate is tested for
            return self._products_table(table, header, approved=False)
        first = header[0] if header else ""
        if any(w in first for w in ("application", "disease", "indication", "condition", "area")) \
                and _column(header, ("key point", "finding", "outcome", "summary")) is not None:
            return self._clinical_table(table, header)
        columns = [_column(header, words) for words in (STUDY_SOURCE, STUDY_CONDITION, STUDY_FINDING)]
        if None not in columns and len(set(columns)) == 3:
            return self._study_table(table, *columns)
        if None not in columns[:2] and columns[0] != columns[1] and _column(header, STUDY_REGISTRY) is not None:
            # a table of registered trials ("Registry ID | Phase | MSC source | Condition | Status"): no finding
            return self._study_table(table, columns[0], columns[1], None)
        col_cargo = _column(header, CARGO_COLUMN)
        if columns[0] is not None and col_cargo is not None and col_cargo != columns[0]:
            return self._cargo_table(table, columns[0], col_cargo, columns[1], _column(header, MARKER_COLUMN))
        if any(w in first for w in ("marker", "antigen", "surface", "phenotype")) and len(header) >= 2:
            return self._marker_table(table)
        if any(w in first for w in MEDIATOR_HEADS) and any(_column_role(h) for h in header[1:]):
            return self._mediator_table(table, header)
        return self._prose_table(table, header)

    def _prose_table(self, table: Table, header: list[str]) -> list[Claim]:
        """A table of no kind above whose columns hold prose ("Myth | Fact" with sentences in the cells): what
        each prose cell claims, read as text, as evidence of its row (a column of myths states what is denied)."""
        columns = [c for c, h in enumerate(header) if not any(w in h for w in DENIED_COLUMNS)
                   and 2 * sum(_is_prose(row[c]) for row in table.rows if c < len(row)) >= max(1, len(table.rows))]
        claims = []
        for r, row in enumerate(table.rows):
            evidence = " | ".join(c.strip() for c in row)
            cited = table.row_citations[r] if r < len(table.row_citations) else ()
            for c in columns:
                if c < len(row) and _is_prose(row[c]):
                    claims.extend(self._cell_claims(row[c], evidence, table.section or table.caption, cited))
        return claims

    def _cell_claims(self, text: str, evidence: str, section: str, cited: tuple[int, ...]) -> list[Claim]:
        """The claims of one cell's text read as prose, as evidence of the cell's row."""
        return [replace(c, sentence=evidence, section=section, start=-1, end=-1, cited=tuple(cited))
                for c in self._text_claims(text)]

    def _mediator_table(self, table: Table, header: list[str]) -> list[Claim]:
        """Rows of mediators ("Mediator | Induced mainly by | Main target | Pathway engaged | Effect"): what
        induces each (ACTIVATES), the cells it acts on (TARGETS), the pathway it engages (ACTIVATES, INHIBITS when
        the cell says so; a pathway that induces the mediator in the MSCs activates it) and its effect."""
        claims = []
        trigger = f"table:{table.caption or table.header[0]}"
        for row in table.rows:
            if not row:
                continue
            # "miR-146a (EVs)": the mediator, not the vesicles that carry it
            mediators = self._terms_in(re.sub(r"\([^)]*\)", " ", row[0]), schema.FACTOR)
            evidence = " | ".join(c.strip() for c in row)

            def claim(rel: str, subject: Term, obj: Term) -> None:
                claims.append(Claim(
                    type=rel, subject=subject, object=obj, sentence=evidence, section=table.section or table.caption,
                    start=-1, end=-1, cited=(), negated=False, hedged=False, trigger=trigger, confidence=0.75))

            for c, head in enumerate(header[1:len(row)], start=1):
                role, cell = _column_role(head), row[c]
                words = tokens(cell)
                lowered = any(w.startswith(LOWERING) for w in words)
                for mediator in mediators:
                    if role == "inducer":
                        for inducer in self._terms_in(cell, schema.FACTOR):
                            claim("ACTIVATES", inducer, mediator)
                    if role in ("target", "effect"):
                        for cells in self._terms_in(cell, schema.CELL_TYPE):
                            claim("TARGETS", mediator, cells)
                    if role in ("pathway", "effect"):
                        induced = any(w.startswith("induc") for w in words)
                        for pathway in self._terms_in(cell, schema.PATHWAY):
                            if induced:
                                claim("ACTIVATES", pathway, mediator)   # "induced via JAK/STAT in MSCs"
                            else:
                                claim("INHIBITS" if lowered else "ACTIVATES", mediator, pathway)
                    if role == "effect":
                        for start, _, factor in self.recognizer.find_in_text(cell):
                            if factor.label != schema.FACTOR or factor.id == mediator.id:
                                continue
                            if re.search(r"\b(?:via|through)\s+$", cell[:start]):
                                claim("ACTIVATES", mediator, factor)    # "Dampens effector function via PD-1"
                            elif lowered or any(w.startswith(RAISING) for w in words):
                                claim("INHIBITS" if lowered else "ACTIVATES", mediator, factor)
                        for mechanism in self._terms_in(cell, schema.MECHANISM):
                            claim("MEDIATES", mediator, mechanism)
        return claims

    def _marker_table(self, table: Table) -> list[Claim]:
        """Rows of markers, one column per MSC source (or one result column for the paper's main source):
        "CD73 | 98%" is expressed, "CD34 | <1%" or "not detected" is a marker the cells lack (ISCT: <= 2%)."""
        columns: dict[int, Term] = {}
        for c, head in enumerate(table.header[1:], start=1):
            found = self._terms_in(head, schema.MSC_SOURCE)
            if found:
                columns[c] = found[0]
        if not columns and self._main_source() is not None:
            columns = {c: self._main_source() for c in range(1, len(table.header))}
        claims = []
        for row in table.rows:
            markers = self._terms_in(row[0], schema.FACTOR) if row else []
            evidence = " | ".join(c.strip() for c in row)
            if markers and SECRETION_ROW.search(row[0]):
                # "PGE2 secretion | ELISA | 4.2 ng/10^6 cells": a measured product of the cells, not a marker
                for source in {t.id: t for t in columns.values()}.values():
                    claims.extend(Claim(
                        type="SECRETES", subject=source, object=factor, sentence=evidence,
                        section=table.section or table.caption, start=-1, end=-1, cited=(), negated=False,
                        hedged=False, trigger=f"table:{table.caption or table.header[0]}", confidence=0.8,
                        properties=()) for factor in markers)
                continue
            for c, source in sorted(columns.items()):
                state = _marker_state(row[c]) if c < len(row) else 0
                if not state:
                    continue
                for marker in markers:
                    claims.append(Claim(
                        type="EXPRESSES", subject=source, object=marker, sentence=evidence,
                        section=table.section or table.caption, start=-1, end=-1, cited=(), negated=False,
                        hedged=False, trigger=f"table:{table.caption or table.header[0]}", confidence=0.85,
                        properties=(("negative", True),) if state < 0 else (),
                    ))
        return claims

    def _main_source(self) -> Term | None:
        """The MSC source the paper names most often (a tissue before the generic MSC on a tie)."""
        counts: dict[str, tuple[int, Term]] = {}
        for mentions in self.by_sentence.values():
            for m in mentions:
                if m.term.label == schema.MSC_SOURCE:
                    n, _ = counts.get(m.term.id, (0, m.term))
                    counts[m.term.id] = (n + 1, m.term)
        if not counts:
            return None
        return max(counts.values(), key=lambda nt: (nt[0], nt[1].id != self.generic.id, nt[1].id))[1]

    def _products_table(self, table: Table, header: list[str], approved: bool = True) -> list[Claim]:
        """Rows of products: DERIVED_FROM the source column; APPROVED_FOR the indication (year and agency from
        their columns), or INVESTIGATED_FOR it in a pipeline of candidates (``approved`` False)."""
        col_product = _column(header, ("product", "name") if approved else PIPELINE_NAME)
        col_disease = _column(header, ("indication", "disease", "condition"))
        col_year = _column(header, ("year",))
        col_agency = _column(header, ("agency", "regulat", "authority", "country"))
        col_ref = _column(header, ("ref",))
        col_source = _column(header, ("source", "tissue", "origin", "cell type", "cells"))
        col_status = _column(header, ("status", "stage", "phase"))
        col_factors = _column(header, ("factor", "secret", "cargo"))
        if col_source == col_product:
            col_source = None
        claims = []
        for row in table.rows:
            cell = lambda c: row[c].strip() if c is not None and c < len(row) else ""
            product = self._product_term(cell(col_product))
            if product is None:
                continue
            row_approved = _approval_status(cell(col_status), approved)
            sources = self._terms_in(cell(col_source), schema.MSC_SOURCE) if col_source is not None else []
            tissues = [t for t in sources if t.id != self.generic.id] or sources
            for tissue in tissues:
                # "| Temcell | bone marrow MSCs | ...": the product is made from that source
                claims.append(Claim(
                    type="DERIVED_FROM", subject=product, object=tissue, sentence=" | ".join(c.strip() for c in row),
                    section=table.section or table.caption, start=-1, end=-1, cited=_ref_numbers(cell(col_ref)),
                    negated=False, hedged=False, trigger=f"table:{table.caption}", confidence=0.9,
                ))
            for tissue in tissues if col_factors is not None else []:
                # "| Key secreted factors | IL-1Ra, TSG-6": what the row's cells release
                claims.extend(Claim(
                    type="SECRETES", subject=tissue, object=factor, sentence=" | ".join(c.strip() for c in row),
                    section=table.section or table.caption, start=-1, end=-1, cited=_ref_numbers(cell(col_ref)),
                    negated=False, hedged=False, trigger=f"table:{table.caption}", confidence=0.8,
                ) for factor in self._terms_in(cell(col_factors), schema.FACTOR))
            diseases = self._terms_in(cell(col_disease), schema.DISEASE)
            props: dict[str, object] = {}
            year = re.search(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", cell(col_year) or " ".join(row))
            if year:
                props["year"] = int(year.group(1))
            props.update(self._agency_cell(cell(col_agency)))
            evidence = " | ".join(c.strip() for c in row)
            for disease in diseases:
                claims.append(Claim(
                    type="APPROVED_FOR" if row_approved else "INVESTIGATED_FOR", subject=product, object=disease,
                    sentence=evidence, section=table.section or table.caption, start=-1, end=-1,
                    cited=_ref_numbers(cell(col_ref)), negated=False, hedged=False,
                    trigger=f"table:{table.caption}", confidence=0.9 if row_approved else 0.8,
                    properties=tuple(sorted(props.items())) if row_approved else (),
                ))
        return claims

    def _agency_cell(self, text: str) -> dict[str, object]:
        props: dict[str, object] = {}
        inside = re.search(r"\(([^)]*)\)", text)
        outside = re.sub(r"\([^)]*\)", " ", text)
        for agency, country, spellings in self.rules.agencies:
            if any(re.search(rf"(?<![A-Za-z]){re.escape(s)}(?![A-Za-z])", outside) for s in spellings):
                props["agency"], props["country"] = agency, country
                break
        if inside:
            for country, spellings in self.rules.countries:
                if any(s.lower() == inside.group(1).strip().lower() for s in spellings):
                    props["country"] = country
                    break
        if "country" not in props:
            for country, spellings in self.rules.countries:
                if any(re.search(rf"(?<![A-Za-z]){re.escape(s)}(?![A-Za-z])", text) for s in spellings):
                    props["country"] = country
                    break
        return props

    def _product_term(self, text: str) -> Term | None:
        name = re.sub(r"[®™*]", "", text).strip()
        if not name:
            return None
        for _, _, term in self.recognizer.find_in_text(name):
            if term.label == schema.PRODUCT:
                return term
        term = self.recognizer.lookup(name)
        if term is not None and term.label == schema.PRODUCT:
            return term
        # the row of a products table names a product even when the vocabulary does not know it
        from msckg.loaders.vocabulary import term_id
        return Term(id=term_id(schema.PRODUCT, name, None), name=name, label=schema.PRODUCT, generated=True)

    def _terms_in(self, text: str, label: str) -> list[Term]:
        seen: dict[str, Term] = {}
        for _, _, term in self.recognizer.find_in_text(text):
            if term.label == label:
                seen.setdefault(term.id, term)
        return list(seen.values())

    def _clinical_table(self, table: Table, header: list[str]) -> list[Claim]:
        col_area = 0
        col_key = _column(header, ("key point", "finding", "outcome", "summary"))
        col_ref = _column(header, ("ref",))
        benefit = self.rules.cue("benefit")
        investigation = self.rules.cue("investigation")
        hedge = self.rules.cue("hedge")
        negation = self.rules.cue("negation")
        claims = []
        for row in table.rows:
            cell = lambda c: row[c].strip() if c is not None and c < len(row) else ""
            key_text = cell(col_key)
            if not key_text:
                continue
            cited = _ref_numbers(cell(col_ref))
            per_clause: list[tuple[Term, str, bool, bool]] = []
            for clause in re.split(r";", key_text):
                words = tokens(clause)
                diseases = self._terms_in(clause, schema.DISEASE)
                rel = "TREATS" if _contains(words, benefit) else "INVESTIGATED_FOR"
                for d in diseases:
                    per_clause.append((d, rel, _contains(words, hedge), _contains(words, negation)))
            if not per_clause:
                words = tokens(key_text)
                rel = "TREATS" if _contains(words, benefit) else "INVESTIGATED_FOR"
                if rel == "INVESTIGATED_FOR" and not _contains(words, investigation):
                    continue
                for d in self._terms_in(cell(col_area), schema.DISEASE):
                    per_clause.append((d, rel, _contains(words, hedge), _contains(words, negation)))
            seen = set()
            for disease, rel, hedged, negated in per_clause:
                if (rel, disease.id) in seen:
                    continue
                seen.add((rel, disease.id))
                strength = 0.75 if rel == "TREATS" else 0.7
                claims.append(Claim(
                    type=rel, subject=self.generic, object=disease, sentence=key_text,
                    section=table.section or table.caption, start=-1, end=-1, cited=cited, negated=negated,
                    hedged=hedged, trigger=f"table:{table.caption}", confidence=confidence(strength, hedged, 0, False),
                ))
        return claims

    def _cargo_table(self, table: Table, col_source: int, col_cargo: int, col_condition: int | None,
                     col_markers: int | None = None) -> list[Claim]:
        """Rows of MSC sources and the cargo of their vesicles or secretome ("Bone marrow | miR-21-5p, TGF-β1 |
        Anti-apoptosis | Myocardial infarction"): each source secretes the factors of its cargo cell, expresses
        the markers of a markers cell ("HLA-G; HLA-DR negative": lacks the ones said to be absent) and, with a
        column of disease models or clinical settings, is investigated for them (a table of sources claims no
        benefit)."""
        claims = []
        for r, row in enumerate(table.rows):
            cell = lambda c: row[c].strip() if c < len(row) else ""
            sources = self._terms_in(cell(col_source), schema.MSC_SOURCE)
            tissues = [t for t in sources if t.id != self.generic.id] or sources
            cited = table.row_citations[r] if r < len(table.row_citations) else ()
            if col_markers is not None and col_markers not in (col_source, col_cargo):
                for part in re.split(r"[,;]", cell(col_markers)):
                    lacked = _lacked_marker(part)
                    claims.extend(Claim(
                        type="EXPRESSES", subject=tissue, object=marker, sentence=" | ".join(c.strip() for c in row),
                        section=table.section or table.caption, start=-1, end=-1, cited=cited, negated=False,
                        hedged=False, trigger=f"table:{table.caption or table.header[0]}", confidence=0.8,
                        properties=(("negative", True),) if lacked else ())
                        for tissue in tissues for marker in self._terms_in(part, schema.FACTOR))
            claims.extend(Claim(
                type="SECRETES", subject=tissue, object=factor, sentence=" | ".join(c.strip() for c in row),
                section=table.section or table.caption, start=-1, end=-1, cited=cited, negated=False, hedged=False,
                trigger=f"table:{table.caption or table.header[0]}", confidence=0.8)
                for tissue in tissues for factor in self._terms_in(cell(col_cargo), schema.FACTOR))
        if col_condition is not None and col_condition not in (col_source, col_cargo):
            claims.extend(self._study_table(table, col_source, col_condition, None))
        return claims

    def _study_table(self, table: Table, col_source: int, col_condition: int,
                     col_finding: int | None) -> list[Claim]:
        """A table of studies ("Study | Design | MSC source | Dose | Condition | Main finding"): what each row gave
        (the products, else the vesicles, else the MSC sources of its source cell) treats each disease of its
        condition cell when the finding's first clause claims a benefit, is denied to treat it when that clause
        opens with a denial ("No difference from placebo"), and is otherwise only investigated for it; with no
        finding column (a table of registered trials) it is investigated for it. Vesicles of a named source
        ("Exosomes from adipose tissue MSCs") are that source's secretion. With no disease in the condition cell
        ("NOD mice") the finding's disease is the one; a mechanism column is read as well (hedged when its header
        says the mechanism is proposed), and so is what the source cell states ("PD-L1-overexpressing MSCs")."""
        benefit = self.rules.cue("benefit")
        hedge = self.rules.cue("hedge")
        header = [h.lower() for h in table.header]
        col_mechanism = _column(header, STUDY_MECHANISM)
        if col_mechanism in (col_source, col_condition, col_finding):
            col_mechanism = None
        proposed = col_mechanism is not None and any(w in header[col_mechanism] for w in PROPOSED)
        section = table.section or table.caption
        claims = []
        for r, row in enumerate(table.rows):
            cell = lambda c: row[c].strip() if c is not None and c < len(row) else ""
            found = [t for _, _, t in self.recognizer.find_in_text(cell(col_source))]
            sources = [t for t in found if t.label == schema.MSC_SOURCE and t.id != self.generic.id] \
                or [t for t in found if t.label == schema.MSC_SOURCE]
            vesicles = [t for t in found if t.kind == "vesicle"]
            # a product named in the source cell, else in the row's other cells ("Protocol 280 (remestemcel-L) |
            # Bone marrow, allogeneic | ...")
            products = [t for t in found if t.label == schema.PRODUCT] or [
                t for c in range(len(row)) if c not in (col_source, col_condition, col_finding)
                for t in self._terms_in(cell(c), schema.PRODUCT)]
            given = products or vesicles or sources
            # the disease of the condition cell, else the one the finding names ("NOD mice" | "Delayed onset of
            # diabetes"), else the one the caption names ("Selected studies of MSCs in steroid-refractory acute
            # GVHD")
            diseases = self._terms_in(cell(col_condition), schema.DISEASE) \
                or self._terms_in(cell(col_finding), schema.DISEASE) or self._terms_in(table.caption, schema.DISEASE)
            finding = re.split(r"[;.]", cell(col_finding))[0]
            words = tokens(finding)
            denied = bool(words) and (words[0] in FINDING_DENIALS or ("did", "not") in zip(words, words[1:]))
            # a benefit in any clause of the finding that denies nothing ("Macrophages shifted to M2; less lung
            # injury", not "Safety only; no efficacy endpoint")
            clauses = [tokens(clause) for clause in re.split(r"[;.]", cell(col_finding))]
            benefits = any(_contains(c, benefit) for c in clauses if c and c[0] not in FINDING_DENIALS)
            rel = "TREATS" if denied or benefits else "INVESTIGATED_FOR"
            hedged = _contains(words, hedge)
            evidence = " | ".join(c.strip() for c in row)
            cited = table.row_citations[r] if r < len(table.row_citations) else ()
            if not denied:
                claims.extend(self._finding_effects(given, cell(col_finding), evidence, section, cited,
                                                    f"table:{table.caption}"))
            if col_mechanism is not None:
                claims.extend(replace(c, hedged=c.hedged or proposed) for c in self._mechanism_effects(
                    given, sources, cell(col_mechanism), evidence, section, cited, f"table:{table.caption}"))
            # what the source cell itself states: "PD-L1-overexpressing MSCs", "MSC-derived exosomes" (vesicles of
            # a source the cell names are that source's, below)
            made = {(c.subject.id, c.object.id) for c in claims if c.type == "SECRETES"}
            claims.extend(c for c in self._cell_claims(cell(col_source).rstrip(".") + ".", evidence, section, cited)
                          if c.type in ("SECRETES", "EXPRESSES") and (c.subject.id, c.object.id) not in made
                          and not (c.type == "SECRETES" and vesicles and sources))
            if vesicles and given == vesicles:
                claims.extend(Claim(
                    type="SECRETES", subject=source, object=vesicle, sentence=evidence,
                    section=section, start=-1, end=-1, cited=cited, negated=False,
                    hedged=False, trigger=f"table:{table.caption}", confidence=0.8)
                    for source in dict.fromkeys(sources) for vesicle in dict.fromkeys(vesicles))
            for subject in dict.fromkeys(given):
                for disease in diseases:
                    claims.append(Claim(
                        type=rel, subject=subject, object=disease, sentence=evidence,
                        section=section, start=-1, end=-1, cited=cited, negated=denied,
                        hedged=hedged, trigger=f"table:{table.caption}",
                        confidence=confidence(0.75 if rel == "TREATS" else 0.7, hedged, 0, False)))
            claims.extend(self._product_row_claims(products, sources, diseases, cell(col_finding), evidence,
                                                   section, cited, f"table:{table.caption}"))
        return claims

    def _product_row_claims(self, products: list[Term], sources: list[Term], diseases: list[Term], finding: str,
                            evidence: str, section: str, cited: tuple[int, ...], trigger: str) -> list[Claim]:
        """A study row that names products: each is made from the row's MSC source ("TEMCELL (JR-031) | Bone
        marrow, allogeneic") and approved for its diseases when a clause of the finding says it was approved and
        denies nothing ("Approved in Japan in 2015; 60% overall response")."""
        approval = self.rules.cue("approval")
        approved = any(_contains(tokens(clause), approval) for clause in re.split(r"[;.]", finding)
                       if tokens(clause) and tokens(clause)[0] not in FINDING_DENIALS)
        tissues = [t for t in sources if t.id != self.generic.id]
        out = []
        for product in dict.fromkeys(products):
            out.extend(Claim(type="DERIVED_FROM", subject=product, object=tissue, sentence=evidence, section=section,
                             start=-1, end=-1, cited=cited, negated=False, hedged=False, trigger=trigger,
                             confidence=0.8) for tissue in dict.fromkeys(tissues))
            out.extend(Claim(type="APPROVED_FOR", subject=product, object=disease, sentence=evidence, section=section,
                             start=-1, end=-1, cited=cited, negated=False, hedged=False, trigger=trigger,
                             confidence=0.8, properties=tuple(sorted(self._agency_cell(finding).items())))
                       for disease in (diseases if approved else []))
        return out

    def _mechanism_effects(self, given: list[Term], sources: list[Term], text: str, evidence: str, section: str,
                           cited: tuple[int, ...], trigger: str) -> list[Claim]:
        """What a study row's mechanism cell says ("VEGF-driven angiogenesis", "IL-10 and TGF-β1 secretion",
        "Lower IL-17 and IFN-γ"): the effects of what was given, as in a finding; what the cell states on its
        own; and the row's MSCs secreting the factors of a clause about secretion."""
        if not text.strip():
            return []
        claims = self._finding_effects(given, text, evidence, section, cited, trigger)
        claims.extend(self._cell_claims(text.rstrip(".") + ".", evidence, section, cited))
        for clause in re.split(r"[,;]", text):
            if SECRETION_ROW.search(clause):
                claims.extend(Claim(
                    type="SECRETES", subject=source, object=factor, sentence=evidence, section=section, start=-1,
                    end=-1, cited=cited, negated=False, hedged=False, trigger=trigger, confidence=0.7)
                    for source in dict.fromkeys(sources) for factor in self._terms_in(clause, schema.FACTOR))
        return claims

    def _finding_effects(self, agents: list[Term], finding: str, evidence: str, section: str,
                         cited: tuple[int, ...], trigger: str) -> list[Claim]:
        """What a study row's agents did by its finding ("Reduced neutrophil influx; lower TNF-α", "NF-κB inhibited
        in alveolar macrophages"): they act on the cells it names (TARGETS; not the state cells are shifted to,
        "shifted to M2") and lower or raise the factors and pathways of a clause that says so."""
        down, up = self.rules.cue("arrow_down"), self.rules.cue("arrow_up")
        claims = []
        for clause in re.split(r"[;.]", finding):
            words = tokens(clause)
            change = "INHIBITS" if _contains(words, down) else "ACTIVATES" if _contains(words, up) else None
            found = [(start, term) for start, _, term in self.recognizer.find_in_text(clause)]
            for start, term in found:
                before = tokens(clause[:start])[-1:]
                if term.label == schema.CELL_TYPE and before not in (("to",), ("towards",)):
                    rel = "TARGETS"
                elif term.label in (schema.FACTOR, schema.PATHWAY) and change is not None:
                    rel = change
                else:
                    continue
                for agent in agents:
                    if agent.label in schema.RELATIONS[rel].subjects and agent.id != term.id:
                        claims.append(Claim(
                            type=rel, subject=agent, object=term, sentence=evidence, section=section, start=-1,
                            end=-1, cited=cited, negated=False, hedged=False, trigger=trigger,
                            confidence=confidence(0.65, False, 0, False)))
        return claims


# the column of a table of sources that lists what their cells or vesicles carry ("Source | Enriched cargo | ...")
CARGO_COLUMN = ("cargo", "secreted", "secretome")
# a column of the markers that set each source apart, in a table of sources and their cargo
MARKER_COLUMN = ("marker", "phenotype", "antigen")
# the columns of a table of studies: what was given, in what condition, and what was found
STUDY_SOURCE = ("msc source", "cell source", "source", "intervention", "cells")
STUDY_CONDITION = ("condition", "disease", "indication", "population", "clinical setting", "model")
STUDY_FINDING = ("main finding", "finding", "outcome", "result")
# the column of a table of studies that says how the cells worked, and the header words that make it a proposal
STUDY_MECHANISM = ("mechanism", "mode of action")
PROPOSED = ("proposed", "putative", "possible", "suggested", "hypothesi")
# a column that makes a table one of registered trials
STUDY_REGISTRY = ("registry", "nct", "trial id", "phase")
# a finding that opens with one of these denies the benefit ("No difference from placebo")
FINDING_DENIALS = {"no", "not", "none", "neither"}


#: header words of a first column that lists secreted mediators
MEDIATOR_HEADS = ("mediator", "factor", "molecule", "cytokine", "effector", "protein")
# words of a cell that lower what it names ("Inhibits NF-κB signalling", "NF-κB (inhibited)") or raise it
LOWERING = ("inhibit", "suppress", "dampen", "block", "reduc", "attenuat", "blunt", "lower", "decreas", "halt")
RAISING = ("activat", "induc", "promot", "increas", "stimulat", "enhanc", "rais")


def _column_role(head: str) -> str | None:
    """What a column of a mediators table holds, by its header."""
    head = head.lower()
    if any(w in head for w in ("induced", "inducer", "stimul", "trigger", "licens")):
        return "inducer"
    if "target" in head or "cell" in head:
        return "target"
    if "pathway" in head or "signal" in head:
        return "pathway"
    if any(w in head for w in ("effect", "action", "function", "mechanism", "role")):
        return "effect"
    return None


#: header words of the column naming a development pipeline's candidates
PIPELINE_NAME = ("product", "program", "candidate", "asset")

_NEGATIVE_CELL = {"not detected", "negative", "neg", "absent", "no", "none", "nd", "n.d.", "-", "\u2212", "\u2013"}
_POSITIVE_CELL = {"positive", "pos", "+", "yes", "present", "detected", "expressed", "high", "bright", "++", "+++"}


# a row that measures what the cells release: "PGE2 secretion", "VEGF release", "IL-6 production"
SECRETION_ROW = re.compile(r"\b(?:secretion|release|production|secreted)\b", re.I)


def _lacked_marker(text: str) -> bool:
    """A marker named in a list as one the cells lack: "HLA-DR negative", "CD34−", "no HLA-DR"."""
    value = " ".join(text.lower().split())
    return bool(re.search(r"\b(?:negative|absent|lacking)\b|[\u2212-]$|^(?:no|lacks?)\b", value))


def _marker_state(text: str) -> int:
    """+1 a marker the cells express, -1 one they lack, 0 unreadable. Percentages: <= 2 % is negative (ISCT)."""
    value = " ".join(text.lower().split())
    if value in _NEGATIVE_CELL:
        return -1
    if value in _POSITIVE_CELL:
        return 1
    m = re.fullmatch(r"([<\u2264>\u2265]?)\s*(\d+(?:\.\d+)?)\s*%", value)
    if m:
        return -1 if float(m.group(2)) <= ISCT_NEGATIVE_SHARE else 1
    return 0


def _approval_status(status: str, default: bool) -> bool:
    """Whether a row's status cell reports an approval ("approved, Japan, 2015", "conditionally approved") or a
    stage of development ("phase 2", "preclinical", "phase 1, terminated"); ``default`` when it says neither."""
    text = status.lower()
    if re.search(r"\b(?:not|never|withdrawn|refused|rejected)\b", text):
        return False
    if re.search(r"\b(?:approved|authori[sz]ed|licensed|marketed|registered)\b", text):
        return True
    if re.search(r"\b(?:phase|preclinical|pre-clinical|trial|terminated|discontinued|ind|recruiting)\b", text):
        return False
    return default


def _is_prose(cell: str) -> bool:
    """A cell that reads as a sentence: enough words, ending with a full stop."""
    return len(cell.split()) >= PROSE_WORDS and cell.strip().endswith(".")


def _column(header: list[str], words: tuple[str, ...]) -> int | None:
    for i, h in enumerate(header):
        if any(w in h for w in words):
            return i
    return None


def _contains(words: tuple[str, ...], phrases: frozenset[tuple[str, ...]]) -> bool:
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if words[i:i + n] == phrase:
                return True
    return False


def _ref_numbers(text: str) -> tuple[int, ...]:
    numbers: list[int] = []
    for a, b in re.findall(r"(\d+)\s*(?:[-\u2013]\s*(\d+))?", text):
        lo = int(a)
        hi = int(b) if b else lo
        if hi < lo or hi - lo > 200:
            hi = lo
        numbers.extend(range(lo, hi + 1))
    return tuple(dict.fromkeys(numbers))
