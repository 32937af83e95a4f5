"""Random query parameters, path segments and bodies against every API endpoint: never a server error."""
from __future__ import annotations

from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["2024-01-01", "2024-13-45", "' OR 1=1 --", "Łukaszenkę", "%", "_", "\\", "\x00", "ab\u0301c"]),
)
GETS = ["/api/quotes", "/api/entities", "/api/events", "/api/search"]
PARAMS = ["q", "speaker", "about", "since", "until", "type", "with", "limit"]
PATHS = ["/api/documents/{}", "/api/entities/{}", "/api/timeline/{}", "/documents/{}", "/entities/{}"]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(endpoint=st.sampled_from(GETS), params=st.dictionaries(st.sampled_from(PARAMS), TEXT, max_size=4))
def test_query_parameters(client, endpoint: str, params: dict) -> None:
    assert client.get(endpoint, params=params).status_code < 500


@FUZZ
@given(template=st.sampled_from(PATHS), segment=TEXT.filter(lambda s: s not in ("", ".", "..")))
def test_path_segments(client, template: str, segment: str) -> None:
    assert client.get(template.format(quote(segment, safe=""))).status_code < 500


@FUZZ
@given(body=st.one_of(
    st.fixed_dictionaries({"text": TEXT}, optional={"date": TEXT}),
    st.dictionaries(st.text(max_size=8), TEXT, max_size=3),
    st.lists(st.integers(), max_size=3),
))
def test_analyze_bodies(client, body) -> None:
    assert client.post("/api/analyze", json=body).status_code < 500
