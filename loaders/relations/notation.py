"""Claims written in compact notation: arrows and field lines, as in lecture notes, slides and legends.

Arrows: "IFN-γ → IDO → T cell suppression" says IFN-γ induces IDO and IDO mediates the suppression;
"TSG-6 → NF-κB signalling ↓ in macrophages" that TSG-6 lowers NF-κB signalling and acts on
macrophages. Which relation a pair of labels gets, with the ↑/↓ sign on the object, is read from
``rules/arrows.tsv``.

Marker lines: "Positive (≥95% of cells): CD73, CD90, CD105" under a heading about MSCs lists the
markers the cells carry ("Negative: ..." those they lack).

Field lines: "Temcell HS Inj.: allogeneic BM-MSCs; Japan 2015; acute GvHD" names a product, then
the cells it is made of, where and when it was approved, and for what, as fields split by semicolons.

Marker shares: "CD73, CD90 and CD105 on more than 95% of cells and CD34 and CD45 on fewer than 2%" in
release testing says the cells carry the first and lack the second (ISCT: at most 2 % is a marker lacked).

Signed markers: "MSCs are CD73+, CD90+ and CD105+", "BM-MSCs were CD34-negative", "CD73+CD90+CD45− MSCs"
give the phenotype of the cells named before the copula (or right after the markers): + / "positive" carried,
− / "negative" lacked.

Indication fields: "Indication for use: Idiopathic pulmonary fibrosis" in a report on a product, or
"Proposed indication: ... knee osteoarthritis", says what the product is given for.
"""

from __future__ import annotations

from msckg.graph import schema
from msckg.loaders.relations.sentence_model import Group, Item, SentenceModel, share_lacked

ARROWS = {"\u2192", "\u27f6", "\u21d2", "\u2794", "\u279d"}      # → ⟶ ⇒ ➔ ➝
MARKS = {"\u2191": "up", "\u2193": "down"}                        # ↑ ↓
# a clause break ends a chain of arrows
BREAKS = {";", ".", ":", "?", "!"}
# "macrophages switch to M2": the state a cell is turned into is not what the factor acts on
STATE_WORDS = {"to", "toward", "towards", "into"}
STRENGTH = 0.7


def arrow_positions(model: SentenceModel) -> list[int]:
    """Item indices of the arrows of a sentence ("->" counts when its two characters touch)."""
    items = model.items
    found = []
    for i, it in enumerate(items):
        if it.kind != "punct":
            continue
        if it.text in ARROWS:
            found.append(i)
        elif it.text == "-" and i + 1 < len(items) and items[i + 1].text == ">" and items[i + 1].start == it.end:
            found.append(i)
    return found


def _segment(model: SentenceModel, start: int, stop: int) -> list[int]:
    """The entity items of ``items[start:stop]``."""
    return [i for i in range(start, stop) if model.items[i].kind == "ent"]


def _mark(model: SentenceModel, i: int, stop: int) -> str:
    """"IL-10 ↑", "↑ IL-10", "blocks NF-κB", "tryptophan depletion": the sign written on the entity at ``i``
    (before ``stop``) by an arrow mark or a word of the rules' ``arrow_down`` / ``arrow_up`` cues. A mark after
    the last of names joined by a slash, a comma or "and" is on each of them: "IRAK1/TRAF6 ↓"."""
    items = model.items
    while i + 2 < stop and items[i + 1].text in MEMBER_JOINS and items[i + 2].kind == "ent" \
            and not (i >= 1 and items[i - 1].text in MARKS):
        i += 2
    after = items[i + 1].text if i + 1 < stop else ""
    before = items[i - 1].text if i >= 1 else ""
    for word in (after, before):
        if word in MARKS:
            return MARKS[word]
    for word in (after, before):
        for sign in ("down", "up"):
            if word in model.rules.words(f"arrow_{sign}"):
                return sign
    return "none"


FLIPPED = {"up": "down", "down": "up", "none": "none"}
# what joins the names of one step: "IRAK1/TRAF6 ↓", "IL-1β and TNF-α"
MEMBER_JOINS = {"/", "and", ","}


def arrow_claims(model: SentenceModel, add) -> None:
    """Add the claims of each "A → B" step of the sentence's arrow chains through ``add``."""
    arrows = arrow_positions(model)
    if not arrows:
        return
    items = model.items
    width = {a: 2 if items[a].text == "-" else 1 for a in arrows}
    taken = {a + k for a in arrows for k in range(width[a])}     # the items the arrows are written with
    for arrow in arrows:
        start = arrow
        while start > 0 and items[start - 1].text not in BREAKS and start - 1 not in taken:
            start -= 1
        stop = arrow + width[arrow]
        end = stop
        while end < len(items) and items[end].text not in BREAKS and end not in taken:
            end += 1
        for s in _segment(model, start, arrow):
            if s + 1 < arrow and items[s + 1].kind == "ent" and items[s + 1].start == items[s].end + 1:
                continue    # "EV miR-146a →": the vesicles carry the microRNA, which is the step's subject
            for o in _segment(model, stop, end):
                if items[o].term.label == "CellType" and o >= 1 and items[o - 1].text in STATE_WORDS:
                    continue
                mark = _mark(model, o, end)
                if _mark(model, s, arrow) == "down":
                    mark = FLIPPED[mark]    # "blocks NF-κB → ↓ TNF-α": lowering NF-κB lowers TNF-α, so it raises it
                rel = model.rules.arrows.get((items[s].term.label, items[o].term.label, mark))
                if rel:
                    add((arrow, s, o), rel, items[s], items[o], "->" if width[arrow] == 2 else items[arrow].text, STRENGTH,
                        max(0, o - s - 2), False, False, clause=model.clause[arrow], structural=True)


BULLETS = {"-", "*", "\u2022", "\u2013", "\u2014"}
# a quotation mark opening a sentence: a speaker's words in a news report
OPENING_QUOTES = {"\"", "\u201c"}
FIELD_STRENGTH = 0.8
# punctuation inside a run-in label: "Notes - slide 4:", "priya_k:", "Dr. Lee:"
LABEL_PUNCT = {"-", "_", "."}


def line_start(model: SentenceModel) -> int:
    """Index of the first item after the list bullets ("- ", "• ") and the quotation mark that open the sentence."""
    items = model.items
    first = 0
    while first < len(items) and items[first].kind == "punct" and items[first].text in BULLETS | OPENING_QUOTES:
        first += 1
    return first


def _after_timestamp(model: SentenceModel, first: int) -> int:
    """Index after a clock time opening a line ("[09:05]", "(14:32)", "09:05", "09:31 —"), else ``first``."""
    items = model.items
    k = first + (first < len(items) and items[first].text in ("[", "("))
    if k + 2 < len(items) and items[k].text.isdigit() and items[k + 1].text == ":" and items[k + 2].text.isdigit():
        k += 3
        if k < len(items) and items[k].text in ("]", ")"):
            return k + 1
        if k - 3 == first and k < len(items) and items[k].text in ("\u2014", "\u2013", "-"):
            return k + 1    # a live-blog entry: "09:31 — They also secrete ..."
        return k if k - 3 == first else first
    return first


def after_label(model: SentenceModel, reach: int = 5) -> int:
    """Index of the first item after the bullets, a clock time and a run-in label of plain words ("Explanation:
    ...", "Notes - slide 4: ...", a chat line's "[09:05] priya_k: ..."), or after the bullets and clock time
    ("09:31 — They ...") when there is no such label."""
    items = model.items
    first = _after_timestamp(model, line_start(model))
    colon = next((k for k in range(first, min(len(items), first + reach)) if items[k].text == ":"), None)
    if colon is None or colon == first or not all(items[k].kind == "word" or items[k].text in LABEL_PUNCT
                                                  for k in range(first, colon)):
        return first
    return colon + 1


def product_label(model: SentenceModel) -> tuple[int, int] | None:
    """(product, colon) when a line opens with a product's name as its label: "Temcell HS Inj.: ...",
    "Alofisel (darvadstrocel): ..."."""
    items = model.items
    first = line_start(model)
    if first >= len(items) or items[first].kind != "ent" or items[first].term.label != schema.PRODUCT:
        return None
    colon = first + 1       # "Temcell HS Inj.:": a few words of the product's name may follow the match
    if colon + 2 < len(items) and items[colon].text == "(" and items[colon + 1].kind == "ent" \
            and items[colon + 1].term.id == items[first].term.id and items[colon + 2].text == ")":
        colon += 3          # its other name in brackets
    while colon < min(len(items), first + 4) and items[colon].kind != "ent" and items[colon].text not in (":", ";"):
        colon += 1
    if colon >= len(items) or items[colon].text != ":":
        return None
    return first, colon


# a dash between spaces that separates the fields of a line: "Temcell (BM) – Japan 2015 – acute GvHD"
FIELD_DASHES = {"-", "\u2013", "\u2014"}


def field_dashes(model: SentenceModel) -> list[int]:
    """Items that are dashes set off by spaces on both sides."""
    items = model.items
    return [i for i in range(1, len(items)) if items[i].text in FIELD_DASHES and items[i - 1].end < items[i].start
            and (i + 1 == len(items) or items[i].end < items[i + 1].start)]


def _fields(model: SentenceModel, start: int, separator) -> list[list[int]]:
    """The items from ``start`` on, parted into fields at the items ``separator(i)`` accepts."""
    fields: list[list[int]] = [[]]
    for i in range(start, len(model.items)):
        if separator(i):
            fields.append([])
        else:
            fields[-1].append(i)
    return fields


def _dash_fields(model: SentenceModel) -> tuple[int, list[list[int]]] | None:
    """(product, fields) when a line opens with a product's name and two or more spaced dashes part its
    fields: "Prochymal (BM) – Canada 2012 – paediatric aGvHD" (the first field is what follows the name)."""
    items = model.items
    first = line_start(model)
    dashes = set(field_dashes(model))
    if first >= len(items) or items[first].kind != "ent" or items[first].term.label != schema.PRODUCT \
            or len(dashes) < 2:
        return None
    return first, _fields(model, first + 1, dashes.__contains__)


def field_line_claims(model: SentenceModel, add, approval_properties) -> None:
    """"Product: source; country year; indication" (or the fields parted by spaced dashes, the source in
    brackets after the name: "Temcell (BM) – Japan 2015 – acute GvHD"): DERIVED_FROM the source,
    APPROVED_FOR the diseases named after the field that gives the approval (a year and a country or agency;
    its properties come from ``approval_properties(first, last)`` of the field's items). A line without such
    a field states no approval."""
    items = model.items
    labelled = product_label(model)
    dashed = _dash_fields(model) if labelled is None else None
    if dashed is not None:
        first, fields = dashed
    elif labelled is not None:
        first, colon = labelled
        fields = _fields(model, colon + 1, lambda i: items[i].text in (";", ":"))
    else:
        return
    product = items[first]
    if len(fields) < 2:
        # "Temcell: bone marrow MSCs, approved in Japan in 2015 for ...": the cells before the first comma
        cells = fields[0][:next((n for n, i in enumerate(fields[0]) if items[i].text == ","), len(fields[0]))]
        named = [i for i in cells if items[i].kind == "ent"]
        if named and all(items[i].term.label == schema.MSC_SOURCE for i in named):
            for i in named:
                add((i, first, i), "DERIVED_FROM", product, items[i], ":", FIELD_STRENGTH, 0, False, False,
                    structural=True)
        return
    approval: tuple | None = None
    for field in fields:
        if not field:
            continue
        for i in field:
            it = items[i]
            if it.kind != "ent":
                continue
            if it.term.label == schema.MSC_SOURCE:
                add((i, first, i), "DERIVED_FROM", product, it, ":", FIELD_STRENGTH, 0, False, False,
                    structural=True)
            elif it.term.label == schema.DISEASE and approval is not None:
                add((i, first, i), "APPROVED_FOR", product, it, ";", FIELD_STRENGTH, 0, False, False,
                    approval, structural=True)
        if approval is None:
            props = dict(approval_properties(field[0], field[-1]))
            if "year" in props and ("country" in props or "agency" in props):
                approval = tuple(sorted(props.items()))


def closing_bracket(model: SentenceModel, k: int, reach: int = 13) -> int | None:
    """The index of the ")" that closes the "(" at ``k`` within ``reach`` items, or None (no bracket at ``k``,
    another opening first, or none close enough)."""
    items = model.items
    if k >= len(items) or items[k].text != "(":
        return None
    close = next((x for x in range(k + 1, min(len(items), k + 1 + reach)) if items[x].text in (")", "(")), None)
    return close if close is not None and items[close].text == ")" else None


def bracket_approval_claims(model: SentenceModel, add, approval_properties) -> None:
    """"Neuronata-R (ALS, Korea, 2014) and Stemirac (spinal cord injury, Japan, 2018)": brackets after a product
    that give a disease with a year and a country or agency state its approval for that disease (properties from
    ``approval_properties(first, last)`` of the bracket's items)."""
    items = model.items
    for i, it in enumerate(items):
        if it.kind != "ent" or it.term.label != schema.PRODUCT:
            continue
        close = closing_bracket(model, i + 1, reach=12)
        if close is None or close == i + 2:
            continue
        diseases = [k for k in range(i + 2, close) if items[k].kind == "ent" and items[k].term.label == schema.DISEASE]
        props = dict(approval_properties(i + 2, close - 1))
        if diseases and "year" in props and ("country" in props or "agency" in props):
            for k in diseases:
                add((k, i, k), "APPROVED_FOR", it, items[k], "()", FIELD_STRENGTH, 0, False, False,
                    tuple(sorted(props.items())), structural=True)


MARKER_LINES = {"positive": False, "negative": True, "pos": False, "neg": True}     # "neg." in terse notes
MARKER_STRENGTH = 0.75


def marker_line_claims(model: SentenceModel, add, subject) -> None:
    """"Positive (≥95%): CD73, CD90" / "Negative markers: CD45, CD34": ``subject`` (the MSC source the
    text is about) EXPRESSES each Factor listed after the colon, negative for a "Negative" line."""
    items = model.items
    first = line_start(model)
    if first >= len(items) or items[first].text not in MARKER_LINES:
        return
    colon = next((k for k in range(first + 1, min(len(items), first + 12)) if items[k].text == ":"), None)
    if colon is None:
        return
    named = [k for k in range(first, colon) if items[k].kind == "ent"]
    if any(items[k].term.label != schema.MSC_SOURCE for k in named):
        return
    if named:
        subject = items[named[-1]]      # "Positive markers, ≥95% of MSCs: CD73, CD90, CD105"
    listed = [k for k in range(colon + 1, len(items)) if items[k].kind == "ent"]
    if not listed or any(items[k].term.label != schema.FACTOR for k in listed):
        return
    props = (("negative", True),) if MARKER_LINES[items[first].text] else ()
    for k in listed:
        add((k, -1, k), "EXPRESSES", subject, items[k], items[first].text, MARKER_STRENGTH, 0, True, False, props,
            structural=True)


def _field_product(model: SentenceModel, k: int, product) -> tuple[list[int], object]:
    """The products the line names before the field label at ``k``, and the field's subject: the last of them,
    else ``product`` (the document's, or None)."""
    items = model.items
    named = [x for x in range(k) if items[x].kind == "ent" and items[x].term.label == schema.PRODUCT]
    return named, items[named[-1]] if named else product


# "Indication:", "Indication for use:", "Proposed indications:"; an "Approved indication:" states an approval
INDICATION_WORDS = {"indication", "indications"}


def indication_field_claims(model: SentenceModel, add, product) -> None:
    """"Suspect product: Lipostrocel ... Indication for use: Idiopathic pulmonary fibrosis": the product named
    before the field (else ``product``, the document's, or None) is given for each disease in the field, up to
    the next field's colon: APPROVED_FOR after "Approved indication", else INVESTIGATED_FOR."""
    items = model.items
    for k, it in enumerate(items):
        if it.kind != "word" or it.text not in INDICATION_WORDS:
            continue
        colon = k + 1
        while colon < min(len(items), k + 4) and items[colon].kind == "word" and items[colon].text in ("for", "use"):
            colon += 1
        if colon >= len(items) or items[colon].text != ":":
            continue
        named, subject = _field_product(model, k, product)
        if subject is None:
            return
        approved = k > 0 and items[k - 1].text == "approved"
        for o in range(colon + 1, len(items)):
            if items[o].text == ":":
                break
            if items[o].kind == "ent" and items[o].term.label == schema.DISEASE:
                add((k, named[-1] if named else -1, o), "APPROVED_FOR" if approved else "INVESTIGATED_FOR",
                    subject, items[o], " ".join(x.text for x in items[k:colon + 1]), FIELD_STRENGTH, 0,
                    not named, False, structural=True)


# "Cell source:", "Tissue source:", "Starting material:", "Tissue of origin:": what a product is made from
SOURCE_FIELDS = {"source", "origin", "material"}


def source_field_claims(model: SentenceModel, add, product) -> None:
    """"1.1 Cell source: umbilical cord tissue (Wharton's jelly), one donor per batch": the product named before
    the field (else ``product``, the document's) is made from the MSC sources in the field, the bracketed one
    where it narrows the source before it."""
    items = model.items
    for k, it in enumerate(items[:-1]):
        if it.kind != "word" or it.text not in SOURCE_FIELDS or items[k + 1].text != ":":
            continue
        named, subject = _field_product(model, k, product)
        if any(items[x].kind == "ent" for x in range(named[-1] + 1 if named else 0, k)):
            continue        # "IL-6 source:" names no product's field
        if subject is None:
            return
        stop = next((x for x in range(k + 2, len(items)) if items[x].text == ":"), len(items))
        sources = [x for x in range(k + 2, stop) if items[x].kind == "ent" and items[x].term.label == schema.MSC_SOURCE]
        narrowed = {x for x in sources if any(
            items[y].text == "(" and y + 1 in sources for y in range(x + 1, min(stop, x + 3)))}
        for x in sources:
            if x not in narrowed:
                add((k, named[-1] if named else -1, x), "DERIVED_FROM", subject, items[x],
                    " ".join(i.text for i in items[max(0, k - 1):k + 2]), FIELD_STRENGTH, 0, not named, False,
                    structural=True)
        return


# words that may stand between "on" and the share: "on more than 95%", "on at least 90 %", "on < 2%"
SHARE_WORDS = {"more", "less", "fewer", "than", "over", "under", "below", "at", "least", "most", "about",
               "approximately", "around", "up", "to", "no", "not", "<", ">", "\u2264", "\u2265", "~"}


def marker_share_claims(model: SentenceModel, groups: list[Group], add, subject) -> None:
    """"CD73 and CD90 on more than 95% of cells and CD34 on fewer than 2%": the MSC source the sentence names
    before them (else ``subject``, the one the text is about) EXPRESSES each surface marker listed before "on"
    a share of the cells, negative for a share of at most 2 % that is not a lower bound."""
    items = model.items
    for group in groups:
        k = group.last + 1
        if k >= len(items) or items[k].text != "on":
            continue
        markers = [m for m in group.members if items[m].term.label == schema.FACTOR
                   and items[m].term.kind == "surface_marker"]
        if not markers:
            continue
        j = k + 1
        while j < len(items) and items[j].kind != "ent" and items[j].text in SHARE_WORDS:
            j += 1
        if j >= len(items) or not items[j].text.isdigit():
            continue
        share, end = float(items[j].text), j + 1
        if end + 1 < len(items) and items[end].text == "." and items[end + 1].text.isdigit():
            share, end = float(f"{items[j].text}.{items[end + 1].text}"), end + 2     # "1.5" is read as 1 . 5
        if end >= len(items) or items[end].text != "%":
            continue
        named = [x for x in range(group.first) if items[x].kind == "ent" and items[x].term.label == schema.MSC_SOURCE]
        source = items[named[-1]] if named else subject      # "Release testing of the BM-MSCs showed CD73 on"
        props = (("negative", True),) if share_lacked(share, tuple(x.text for x in items[k + 1:j])) else ()
        for m in markers:
            add((k, named[-1] if named else -1, m), "EXPRESSES", source, items[m], "on %", MARKER_STRENGTH, 0,
                not named, False, props, structural=True)


# the sign glued to a surface marker: "CD73+", "CD45−", "CD34⁻", "CD105-positive", "HLA-DR-negative"
MARKER_SIGNS = {"+": False, "\u207a": False, "-": True, "\u2212": True, "\u207b": True, "\u2013": True}
SIGN_WORDS = {"positive": False, "negative": True}
# what may stand between the cells and their signed markers: "MSCs were uniformly CD73+", "with a CD73+ phenotype"
PHENOTYPE_CONTEXT = {"are", "were", "is", "was", "be", "been", "being", "remained", "stayed", "all", "uniformly",
                     "consistently", "typically", "phenotypically", "strongly", "both", "a", "an", "the", "with",
                     "of", "phenotype", "immunophenotype", "profile", "showed", "displayed", "exhibited", "had",
                     "that", "which", "came", "turned", "out", "proved", "appeared", "looked", "tested", "must", "should",
                     "(", ":", ","}
PHENOTYPE_REACH = 8
# a label right before a run of signed markers: "...; phenotype CD73+, CD90+, CD45-"
PHENOTYPE_LABELS = {"phenotype", "immunophenotype", "immunophenotyping", "markers", "profile"}
# what may join signed markers into one run: "CD73+, CD90+ and CD105+", "CD73+/CD90+", "CD34− but CD44+"
RUN_JOINERS = {",", "/", "and", "but", "or", ";"}
# subjects that speak of the cells the text is about: "the cells were CD73+", "they were CD45−"
PRONOUN_CELLS = {"cells", "they"}


def _marker_sign(model: SentenceModel, k: int) -> tuple[bool, int] | None:
    """(lacked, index after the sign) when surface marker ``k`` carries a glued sign, else None."""
    items = model.items
    it = items[k]
    if it.kind != "ent" or it.term.label != schema.FACTOR or it.term.kind != "surface_marker" \
            or k + 1 >= len(items) or items[k + 1].start != it.end or items[k + 1].text not in MARKER_SIGNS:
        return None
    sign = k + 1
    glued_next = sign + 1 < len(items) and items[sign + 1].start == items[sign].end
    if glued_next and items[sign + 1].kind == "word":
        word = items[sign + 1].text        # "CD105-positive"; "CD73-expressing", "CD34+cells" are no signs
        return (SIGN_WORDS[word], sign + 2) if items[sign].text == "-" and word in SIGN_WORDS else None
    return MARKER_SIGNS[items[sign].text], sign + 1


# how many signed markers a bracketed run needs to be a profile of the cells ("(CD73+, CD90+, CD105+)")
BRACKETED_RUN = 3


def signed_marker_claims(model: SentenceModel, add, topic) -> None:
    """"MSCs are CD73+, CD90+ and CD105+" / "CD73+CD90+CD34− MSCs": the MSC source named before the run of
    signed markers (only phenotype words between) or right after it EXPRESSES each marker, negative for
    a minus or "negative"; "the cells were CD73+" / "they were CD73+" speak of ``topic`` (the source the text
    is about). Markers describing cells ("CD4+ T cells") and runs with no such subject give nothing."""
    items = model.items
    k = 0
    while k < len(items):
        signed = _marker_sign(model, k)
        if signed is None or model.described_cell(k) is not None:
            k += 1
            continue
        run = [(k, signed[0])]
        j = signed[1]
        while j < len(items):
            n = j
            while n < len(items) and items[n].kind != "ent" and items[n].text in RUN_JOINERS:
                n += 1
            nxt = _marker_sign(model, n) if n < len(items) else None
            if nxt is None or model.described_cell(n) is not None:
                break
            run.append((n, nxt[0]))
            j = nxt[1]
        source = None
        if j < len(items) and items[j].kind == "ent" and items[j].term.label == schema.MSC_SOURCE:
            source = j
        else:
            b = k - 1
            while b >= max(0, k - PHENOTYPE_REACH) and items[b].kind != "ent" and items[b].text in PHENOTYPE_CONTEXT:
                b -= 1
            if b >= 0 and b < k - 1 and items[b].kind == "ent" and items[b].term.label == schema.MSC_SOURCE:
                source = b
            elif b >= 0 and b < k - 1 and items[b].kind == "word" and items[b].text in PRONOUN_CELLS:
                source = -1
            elif k > 0 and items[k - 1].text == "(" and len(run) >= BRACKETED_RUN:
                # "ADSCs were ... characterised by flow cytometry (CD73+, CD90+, CD105+, CD34-, CD45-)": a
                # bracketed profile is that of the cells the sentence named before it, else of the text's
                named = [x for x in range(k) if items[x].kind == "ent" and items[x].term.label == schema.MSC_SOURCE]
                source = named[-1] if named else -1
            elif k > 0 and items[k - 1].text in PHENOTYPE_LABELS and len(run) > 1:
                # "bone marrow MSCs from third-party donors; passage 3-4; phenotype CD73+, CD90+, CD45-": a
                # labelled phenotype is that of the cells the sentence named before it, else of the text's
                named = [x for x in range(k) if items[x].kind == "ent" and items[x].term.label == schema.MSC_SOURCE]
                source = named[-1] if named else -1
        if source is not None:
            subject = items[source] if source >= 0 else topic
            for m, lacked in run:
                add((m, source, m), "EXPRESSES", subject, items[m], "marker sign", MARKER_STRENGTH, 0,
                    source < 0, False, (("negative", True),) if lacked else (), structural=True)
        k = j


# the panel that tells MSCs apart (the ISCT minimal criteria and the markers often added to them): a sentence naming
# two or more of them with a word of expression or of lack speaks of the cells' identity
IDENTITY_MARKERS = {"CD73", "CD90", "CD105", "CD44", "CD29", "CD146", "CD166", "CD13", "CD271", "STRO-1",
                    "CD34", "CD45", "CD14", "CD11b", "CD79\u03b1", "CD19", "HLA-DR", "CD31"}
PROFILE_MIN = 2
# what else carries such markers: "particles positive for CD63 and CD81" (vesicles the vocabulary names are entities)
PARTICLE_WORDS = {"particle", "particles", "vesicle", "vesicles"}
# the word before a run of markers that says whether the cells have them ("express CD73", "lack CD45"); a sign
# word after the run ("CD73 and CD90 positive") says it too
HAVING_WORDS = {"express", "expresses", "expressed", "expressing", "carry", "carries", "carried", "carrying",
                "bear", "bears", "display", "displays", "displayed", "positive"}
LACKING_WORDS = {"lack", "lacks", "lacked", "lacking", "negative", "absent", "without"}
DENIALS = {"not", "no", "never", "nor", "neither", "don't", "doesn't", "didn't", "don\u2019t", "doesn\u2019t",
           "didn\u2019t"}
# how many words back from a marker its word of having or lacking may stand, and from that word a denial or a share
PROFILE_REACH = 12
PROFILE_LEAD = 6


def _profile_sign(model: SentenceModel, k: int, markers: set[int]) -> bool | None:
    """Whether the cells lack marker ``k`` (True), have it (False), or the sentence does not say (None): the sign
    word after the run of markers ``k`` is in, else the nearest word of having or lacking before it, turned by a
    denial ("do not carry") or by a share of at most 2 % ("fewer than 2% express") before that word."""
    items = model.items
    j = k + 1
    while j < len(items) and (j in markers or items[j].kind != "ent" and items[j].text in RUN_JOINERS):
        j += 1
    if j < len(items) and items[j].kind == "word" and items[j].text in SIGN_WORDS:
        return SIGN_WORDS[items[j].text]
    words = 0
    denied = False      # "express CD73 and CD90 but not CD34"
    b = k - 1
    while b >= 0 and words < PROFILE_REACH:
        it = items[b]
        if it.kind == "ent" and b not in markers and it.term.label != schema.MSC_SOURCE:
            return None     # "IFN-γ induces HLA-DR": another entity acts on the marker
        if it.text in (".", "?", "!") or b > 0 and it.start == items[b - 1].end and it.text in SIGN_WORDS:
            return None     # "CD34-positive, CD45": the sign is CD34's own
        if it.kind == "word" and (it.text in HAVING_WORDS or it.text in LACKING_WORDS):
            lacked = it.text in LACKING_WORDS
            lead = [x.text for x in items[max(0, b - PROFILE_LEAD):b]]
            if any(w in DENIALS for w in lead[-3:]):
                lacked = not lacked
            else:
                share = next((n for n in range(len(lead) - 1, 0, -1) if lead[n] == "%" and lead[n - 1].isdigit()),
                             None)
                if share is not None and not lacked:
                    lacked = share_lacked(float(lead[share - 1]), tuple(lead[:share - 1]))
                elif _denied_before(model, b - 3):
                    return None     # "You have no data showing that your cells express CD73"
            return lacked != denied
        if it.kind == "word" and it.text in DENIALS:
            denied = True
        if it.kind != "ent":
            words += 1
        b -= 1
    return None


def _denied_before(model: SentenceModel, end: int) -> bool:
    """Whether a denial that is no upper bound ("no more than") stands in the sentence before item ``end``."""
    items = model.items
    return any(items[x].kind == "word" and items[x].text in DENIALS
               and not (x + 1 < len(items) and items[x + 1].text in ("more", "less", "fewer", "greater"))
               for x in range(max(0, end)))


def marker_profile_claims(model: SentenceModel, found: list, add, topic) -> None:
    """"Every lot expresses CD73, CD90 and CD105 and lacks CD34 and CD45", "at least 95% of the cells must express
    CD73 ... and fewer than 2% CD34", "CD73, CD90 and CD105 positive; CD34 and CD45 negative": a sentence naming
    two or more identity markers, none of them describing other cells, speaks of the MSCs' profile. Each marker
    that no other reading claimed and whose having or lacking the sentence states is EXPRESSES of the source the
    sentence's other marker claims name, else of the last source named before the marker, else of ``topic``.
    Markers named after vesicles or particles are left alone (those carry markers of their own)."""
    items = model.items
    vesicles = [k for k, it in enumerate(items)
                if it.kind == "ent" and it.term.kind == "vesicle" or it.kind == "word" and it.text in PARTICLE_WORDS]
    markers = [k for k, it in enumerate(items) if it.kind == "ent" and it.term.label == schema.FACTOR
               and it.term.name in IDENTITY_MARKERS and model.described_cell(k) is None
               and _marker_sign(model, k) is None      # "CD73+" is read by signed_marker_claims, or left alone
               and not (vesicles and vesicles[0] < k)]    # "exosomes positive for CD73 and CD90" are no cells
    if len({items[k].term.id for k in markers}) < PROFILE_MIN:
        return
    expressed = [c for _, c in found if c.type == "EXPRESSES"]
    claimed = {c.object.id for c in expressed}
    subjects = list({c.subject.id: c.subject for c in expressed}.values())
    at = set(markers)
    for k in markers:
        if items[k].term.id in claimed:
            continue
        lacked = _profile_sign(model, k, at)
        if lacked is None:
            continue
        named = [x for x in range(k) if items[x].kind == "ent" and items[x].term.label == schema.MSC_SOURCE]
        if len(subjects) == 1:
            subject, source = Item("ent", subjects[0].name, items[k].start, items[k].start, subjects[0],
                                   indirect=True), -1
        elif subjects:
            continue        # the sentence's marker claims name two sources: which one lacks it is not clear
        elif named:
            subject, source = items[named[-1]], named[-1]
        else:
            subject, source = topic, -1
        add((k, source, k), "EXPRESSES", subject, items[k], "identity markers", MARKER_STRENGTH, 0, source < 0, False,
            (("negative", True),) if lacked else (), structural=True)
        claimed.add(items[k].term.id)
