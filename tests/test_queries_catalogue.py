"""The query catalogue: every template's header against its body, parameter typing and binding."""

from __future__ import annotations

import re

import pytest

from msckg.errors import QueryParameterError, UnknownQuery
from msckg.graph.queries_embedded import EMBEDDED
from msckg.queries import (TemplateError, catalogue, get_query, parse_template, referenced_parameters,
                           strip_comments)

REQUIRED_QUERIES = {"factor_to_disease", "disease_profile", "source_secretome", "pathway_neighbourhood",
                    "products", "edge_evidence", "paper_claims", "shared_mechanisms", "hubs"}


def test_catalogue_holds_the_required_queries_each_with_an_embedded_twin():
    names = set(catalogue())
    assert REQUIRED_QUERIES <= names
    assert names == set(EMBEDDED)


@pytest.mark.parametrize("name", sorted(REQUIRED_QUERIES))
def test_header_declares_exactly_the_parameters_the_body_uses(name):
    query = get_query(name)
    declared = {p.name for p in query.parameters}
    assert declared == referenced_parameters(query.cypher), name
    assert query.description and len(query.description) > 30
    assert query.example.startswith(f"msckg query {name}")
    # every parameter of the example is declared, and every required one is given
    example = query.example_parameters()
    assert set(example) <= declared
    assert {p.name for p in query.parameters if p.required} <= set(example)
    query.bind(example)  # the example's values have the declared types


@pytest.mark.parametrize("name", sorted(REQUIRED_QUERIES))
def test_templates_use_parameters_not_formatting(name):
    body = get_query(name).body
    assert "{0}" not in body and "%s" not in body and "{}" not in body
    assert not re.search(r"\{[a-z_]+\}", body), "looks like str.format placeholders"
    assert "ORDER BY" in body  # a total order is defined in every query


def test_embedded_signatures_match_the_headers():
    import inspect

    for name, query in catalogue().items():
        params = list(inspect.signature(EMBEDDED[name]).parameters)
        assert params[0] == "kg"
        assert params[1:] == [p.name for p in query.parameters], name


def test_parameter_check_sees_a_mismatch():
    text = ("// name: broken\n// description: a query whose header forgets one of its parameters\n"
            "// param: a (string, required) the first\n// example: msckg query broken -p a=x\n"
            "MATCH (n) WHERE n.id = $a OR n.name = $b RETURN n\n")
    query = parse_template(text)
    assert referenced_parameters(query.cypher) == {"a", "b"}
    assert {p.name for p in query.parameters} == {"a"}


def test_comment_lines_do_not_count_as_parameter_uses():
    assert referenced_parameters("// uses $ghost in a comment\nRETURN $real") == {"real"}
    assert strip_comments("// x\nRETURN 1") == "RETURN 1"


@pytest.mark.parametrize("header, message", [
    ("// name: q\n// param: a (string, required) x\n// example: msckg query q\nRETURN $a", "description"),
    ("// name: q\n// description: d\n// param: a (text, required) x\n// example: e\nRETURN $a", "type"),
    ("// name: q\n// description: d\n// param: a string required\n// example: e\nRETURN $a", "malformed"),
])
def test_malformed_headers_are_refused(header, message):
    with pytest.raises(TemplateError, match=message):
        parse_template(header)


def test_parameter_types_defaults_and_ranges():
    query = get_query("factor_to_disease")
    bound = query.bind({"factor": "TGF-β", "disease": "OA", "max_hops": "2"})
    assert bound == {"factor": "TGF-β", "disease": "OA", "max_hops": 2, "sentences": 2, "limit": 25}
    factor = query.parameter("factor")
    assert factor.is_entity and factor.labels == ("Factor", "Pathway", "MSCSource")
    with pytest.raises(QueryParameterError, match="between 1 and 4"):
        query.bind({"factor": "x", "disease": "y", "max_hops": "5"})
    with pytest.raises(QueryParameterError, match="integer"):
        query.bind({"factor": "x", "disease": "y", "max_hops": "three"})
    with pytest.raises(QueryParameterError, match="needs -p disease"):
        query.bind({"factor": "x"})
    with pytest.raises(QueryParameterError, match="no parameter colour"):
        query.bind({"factor": "x", "disease": "y", "colour": "red"})
    assert get_query("products").bind({}) == {"product": "", "sentences": 1, "limit": 200}


def test_label_parameters_take_any_case_and_refuse_unknown_labels():
    hubs = get_query("hubs")
    assert hubs.bind({"label": "mscsource"})["label"] == "MSCSource"
    with pytest.raises(QueryParameterError, match="no node label 'Cells'"):
        hubs.bind({"label": "Cells"})


def test_unknown_query_lists_close_names():
    with pytest.raises(UnknownQuery, match="did you mean hubs"):
        get_query("hub")
