"""Every operation of the app's own OpenAPI description, called with values generated from it.

Parameters get values of their declared type, random strings and hostile ones; request bodies are
built from their schema or are arbitrary JSON. No call may end in a server error, and every 200
response must validate against the response schema the description declares.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import quote

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kronika.web.app import create_app

HOSTILE = st.sampled_from(["' OR 1=1 --", "<script>alert(1)</script>", "%", "\x00", "Łukaszenkę", "a\u0301", "9" * 40])
ANY_TEXT = st.one_of(st.text(max_size=30), HOSTILE)
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
                    max_leaves=8)
SPEC = create_app(":memory:").openapi()
OPERATIONS = [(method, path, op) for path, ops in SPEC["paths"].items() for method, op in ops.items()]


def _schemas(schema: dict) -> list[dict]:
    return schema.get("anyOf", [schema])


def value_for(schema: dict) -> st.SearchStrategy:
    """Values of the parameter's declared type(s), plus random and hostile strings."""
    typed = []
    for option in _schemas(schema):
        kind, fmt = option.get("type"), option.get("format")
        if kind == "integer":
            typed.append(st.integers(min_value=-5, max_value=10**6).map(str))
        elif fmt == "date":
            typed.append(st.dates().map(str))
        elif kind == "string":
            typed.append(st.text(min_size=1, max_size=20))
    return st.one_of(*typed, ANY_TEXT)


def body_for(op: dict) -> st.SearchStrategy:
    """A body built from the request schema's properties, or any JSON at all."""
    ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    schema = SPEC["components"]["schemas"][ref.rsplit("/", 1)[1]]
    props = {name: value_for(prop) for name, prop in schema.get("properties", {}).items()}
    required = set(schema.get("required", []))
    return st.one_of(st.fixed_dictionaries({k: v for k, v in props.items() if k in required},
                                           optional={k: v for k, v in props.items() if k not in required}), JSON)


@st.composite
def request(draw, method: str, path: str, op: dict) -> tuple[str, dict, Any]:
    url, params = path, {}
    for param in op.get("parameters", []):
        value = draw(value_for(param["schema"]))
        if param["in"] == "path":
            url = url.replace("{" + param["name"] + "}", quote(value or "x", safe=""))
        elif param.get("required") or draw(st.booleans()):
            params[param["name"]] = value
    body = draw(body_for(op)) if "requestBody" in op else None
    return url, params, body


def check_response(op: dict, response) -> None:
    assert response.status_code < 500, (response.status_code, response.text[:300])
    declared = op["responses"].get(str(response.status_code), {}).get("content", {}).get("application/json")
    if response.status_code == 200 and declared:
        schema = {**declared["schema"], "components": SPEC["components"]}
        jsonschema.validate(response.json(), schema)


@pytest.mark.parametrize("method,path,op", OPERATIONS, ids=[f"{m.upper()} {p}" for m, p, _ in OPERATIONS])
def test_operation_never_fails_and_keeps_its_schema(client, method: str, path: str, op: dict) -> None:
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(call=request(method, path, op))
    def run(call: tuple[str, dict, Any]) -> None:
        url, params, body = call
        check_response(op, client.request(method.upper(), url, params=params, json=body))

    run()


def test_the_description_covers_the_api() -> None:
    paths = {path for _, path, _ in OPERATIONS}
    assert {"/api/quotes", "/api/search", "/api/entities/{ident}", "/api/documents/{doc_id}", "/api/analyze"} <= paths
