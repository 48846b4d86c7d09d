"""Named Cypher query templates (one .cypher file per query) and their catalogue.

Every ``queries/<name>.cypher`` opens with a comment header::

    // name: factor_to_disease
    // description: one line saying what the query answers
    // param: factor (entity:Factor|Pathway|MSCSource, required) what the value means
    // param: max_hops (int 1..4, default 3) what the value means
    // example: msckg query factor_to_disease -p factor=TGF-β -p disease=osteoarthritis

Parameter types: ``string``, ``int`` (optionally with a range ``int 1..4``), ``float``, ``bool``,
``label`` (a node label of the schema, any case, or empty), ``entity`` (any non-paper node) or ``entity:Label|Label`` (a node of one of those labels). An entity
value is a node id or any name of the node; the runner resolves it to the id before the query runs,
and the template itself matches an id or a name (case-insensitively), so the same text also works
pasted into the Neo4j Browser with ``:param``.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

from msckg.errors import QueryParameterError, UnknownQuery

_HEADER = re.compile(r"^//\s*(name|description|param|example):\s*(.*?)\s*$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*\(\s*(?P<type>[^,()]+?)\s*,\s*"
    r"(?:(?P<required>required)|default\s+(?P<default>[^()]*?))\s*\)\s*(?P<help>.*)$"
)
_TYPE = re.compile(r"^(?P<base>string|int|float|bool|entity|label)(?::(?P<labels>[A-Za-z|]+))?"
                   r"(?:\s+(?P<low>-?\d+)\.\.(?P<high>-?\d+))?$")
#: ``$name`` parameter references in a Cypher body (not inside ``//`` comments, which are stripped first).
PARAMETER_REFERENCE = re.compile(r"\$([A-Za-z_]\w*)")
_TRUE = {"1", "true", "yes", "y", "on"}
_FALSE = {"0", "false", "no", "n", "off"}


class TemplateError(ValueError):
    """A .cypher file's header is malformed (a bug in the shipped templates, not user input)."""


@dataclass(frozen=True)
class Parameter:
    """One typed parameter of a named query."""

    name: str
    type: str  # string | int | float | bool | label | entity
    required: bool
    default: Any
    help: str
    labels: tuple[str, ...] | None = None  # entity parameters: allowed node labels (None: any entity)
    low: int | None = None
    high: int | None = None

    @property
    def is_entity(self) -> bool:
        return self.type == "entity"

    def describe(self) -> str:
        """``name (type, default X)`` as printed by ``msckg query --list``."""
        kind = self.type + (":" + "|".join(self.labels) if self.labels else "")
        if self.low is not None:
            kind += f" {self.low}..{self.high}"
        tail = "required" if self.required else f"default {self.default!r}"
        return f"{self.name} ({kind}, {tail})"

    def convert(self, value: Any) -> Any:
        """``value`` (a string from the command line, or already typed) as this parameter's type."""
        try:
            if self.type == "int":
                if isinstance(value, bool):
                    raise ValueError
                converted: Any = int(value)
            elif self.type == "float":
                converted = float(value)
            elif self.type == "bool":
                if isinstance(value, bool):
                    converted = value
                elif str(value).strip().lower() in _TRUE:
                    converted = True
                elif str(value).strip().lower() in _FALSE:
                    converted = False
                else:
                    raise ValueError
            else:
                if not isinstance(value, str):
                    raise ValueError
                converted = value.strip()
                if self.type == "label" and converted:
                    converted = _schema_label(converted)
        except (TypeError, ValueError):
            raise QueryParameterError(f"parameter {self.name} must be {_article(self.type)}, "
                                      f"not {value!r}") from None
        if self.low is not None and not self.low <= converted <= self.high:
            raise QueryParameterError(f"parameter {self.name} must be between {self.low} and {self.high}, "
                                      f"not {converted}")
        if self.required and converted == "":
            raise QueryParameterError(f"parameter {self.name} must not be empty")
        return converted


def _schema_label(text: str) -> str:
    from msckg.graph import schema

    for label in schema.ENTITY_LABELS:
        if label.lower() == text.lower():
            return label
    raise QueryParameterError(f"no node label {text!r}; labels: {', '.join(schema.ENTITY_LABELS)}")


def _article(type_name: str) -> str:
    return {"int": "an integer", "float": "a number", "bool": "true or false",
            "entity": "an entity name or id", "label": "a node label"}.get(type_name, "a string")


@dataclass(frozen=True)
class Query:
    """A named query: its header and its Cypher text."""

    name: str
    description: str
    parameters: tuple[Parameter, ...]
    example: str
    cypher: str

    @property
    def body(self) -> str:
        """The Cypher without its comment lines."""
        return strip_comments(self.cypher)

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)

    def bind(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Typed values for every parameter: ``values`` converted, defaults filled in.

        Raises :class:`QueryParameterError` for an unknown or missing parameter or a bad value.
        """
        known = {p.name for p in self.parameters}
        unknown = sorted(set(values) - known)
        if unknown:
            raise QueryParameterError(
                f"query {self.name} has no parameter {', '.join(unknown)}; "
                f"its parameters: {', '.join(p.name for p in self.parameters)}")
        bound: dict[str, Any] = {}
        for param in self.parameters:
            if param.name in values and values[param.name] is not None:
                bound[param.name] = param.convert(values[param.name])
            elif param.required:
                raise QueryParameterError(f"query {self.name} needs -p {param.name}=... ({param.help})")
            else:
                bound[param.name] = param.default
        return bound

    def example_parameters(self) -> dict[str, str]:
        """The ``-p key=value`` pairs of the header's example call."""
        words = shlex.split(self.example)
        pairs: dict[str, str] = {}
        for flag, value in zip(words, words[1:]):
            if flag in ("-p", "--param") and "=" in value:
                key, _, val = value.partition("=")
                pairs[key] = val
        return pairs


def strip_comments(cypher: str) -> str:
    """Cypher text with whole-line ``//`` comments removed."""
    return "\n".join(line for line in cypher.splitlines() if not line.lstrip().startswith("//"))


def referenced_parameters(cypher: str) -> set[str]:
    """Names of the ``$parameters`` a Cypher text uses (comment lines ignored)."""
    return set(PARAMETER_REFERENCE.findall(strip_comments(cypher)))


def _default(text: str, type_name: str) -> Any:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    if type_name == "int":
        return int(text)
    if type_name == "float":
        return float(text)
    if type_name == "bool":
        return text.lower() in _TRUE
    return text


def parse_parameter(spec: str) -> Parameter:
    """A ``// param:`` line's text as a :class:`Parameter` (raises :class:`TemplateError`)."""
    match = _PARAM.match(spec)
    if not match:
        raise TemplateError(f"malformed param line {spec!r}: expected 'name (type, required|default X) help'")
    type_match = _TYPE.match(match["type"])
    if not type_match:
        raise TemplateError(f"unknown parameter type {match['type']!r} in {spec!r}")
    base = type_match["base"]
    labels = tuple(type_match["labels"].split("|")) if type_match["labels"] else None
    if labels and base != "entity":
        raise TemplateError(f"only entity parameters take labels: {spec!r}")
    low = int(type_match["low"]) if type_match["low"] is not None else None
    high = int(type_match["high"]) if type_match["high"] is not None else None
    required = match["required"] is not None
    default = None if required else _default(match["default"], base)
    return Parameter(match["name"], base, required, default, match["help"].strip(), labels, low, high)


def parse_template(text: str, source: str = "<template>") -> Query:
    """A template's header and text as a :class:`Query` (raises :class:`TemplateError`)."""
    fields: dict[str, str] = {}
    params: list[Parameter] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        match = _HEADER.match(line.strip())
        if not match:
            if line.lstrip().startswith("//"):
                continue
            break  # the header ends at the first line of Cypher
        key, value = match.groups()
        if key == "param":
            params.append(parse_parameter(value))
        elif key in fields:
            raise TemplateError(f"{source}: '{key}' given twice in the header")
        else:
            fields[key] = value
    missing = [k for k in ("name", "description", "example") if not fields.get(k)]
    if missing:
        raise TemplateError(f"{source}: header lacks {', '.join(missing)}")
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise TemplateError(f"{source}: a parameter is declared twice")
    return Query(fields["name"], fields["description"], tuple(params), fields["example"], text)


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Query]:
    """Every shipped query, by name (parsed once per process)."""
    found: dict[str, Query] = {}
    for entry in sorted(resources.files(__name__).iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".cypher"):
            continue
        query = parse_template(entry.read_text(encoding="utf-8"), entry.name)
        if query.name != entry.name.removesuffix(".cypher"):
            raise TemplateError(f"{entry.name}: header names it {query.name!r}")
        found[query.name] = query
    return found


def get_query(name: str) -> Query:
    """The named query; raise :class:`UnknownQuery` listing the names there are."""
    queries = catalogue()
    if name not in queries:
        import difflib

        close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(close)}? " if close else ""
        raise UnknownQuery(f"no query named {name!r}; {hint}known queries: {', '.join(queries)}")
    return queries[name]


__all__ = ["Parameter", "Query", "TemplateError", "catalogue", "get_query", "parse_template",
           "referenced_parameters", "strip_comments"]
