"""The JSON API: every endpoint's happy path and its bad input (404 / 422 / 413 / 401)."""
from __future__ import annotations

import pytest

from tests.store import corpus
from tests.web.conftest import MAX_CHARS, TOKEN


def test_openapi_lists_every_endpoint(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/analyze", "/api/documents/{doc_id}", "/api/quotes", "/api/entities", "/api/entities/{ident}",
                 "/api/events", "/api/search", "/api/timeline/{ident}"):
        assert path in schema["paths"], path
    assert "/api/ingest" not in schema["paths"]  # no token, no write endpoint
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


def test_analyze(client):
    response = client.post("/api/analyze", json={"text": "Premier Donald Tusk powiedział we wtorek: „Nie oddamy ani guzika”.",
                                                 "date": "2024-03-05"})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["date"] == "2024-03-05" and data["text"].startswith("Premier")
    assert any(e["name"] == "Donald Tusk" for e in data["entities"])
    assert data["quotes"] and data["quotes"][0]["text"] == "Nie oddamy ani guzika"


@pytest.mark.parametrize("body", [{"text": "x", "date": "2024-13-01"}, {"text": "x", "date": "wczoraj"}, {"text": "   "},
                                  {}, {"text": 5}, {"text": "x", "extra": 1}])
def test_analyze_bad_input_is_422(client, body):
    assert client.post("/api/analyze", json=body).status_code == 422


def test_analyze_too_long_is_413(client):
    response = client.post("/api/analyze", json={"text": "a" * (MAX_CHARS + 1)})
    assert response.status_code == 413
    assert "limit" in response.json()["detail"]


def test_document(client):
    data = client.get("/api/documents/a1").json()
    assert data["id"] == "a1" and data["text"] == corpus.T1 and data["quotes"][0]["speaker"] == "Łukaszenka"
    assert client.get("/api/documents/xss/1").json()["id"] == "xss/1"  # ids with slashes


def test_unknown_document_is_404(client):
    response = client.get("/api/documents/nope")
    assert response.status_code == 404 and "nope" in response.json()["detail"]


def test_quotes(client):
    quotes = client.get("/api/quotes", params={"speaker": "Łukaszenka"}).json()
    assert {q["text"] for q in quotes} == {"Granica pozostanie otwarta", "Nie boimy się Tuska"}
    assert [q["text"] for q in client.get("/api/quotes", params={"q": "granicy"}).json()] == ["Granica pozostanie otwarta"]
    assert [q["text"] for q in client.get("/api/quotes", params={"about": "Tusk"}).json()] == ["Nie boimy się Tuska"]
    dated = client.get("/api/quotes", params={"since": "2024-03-02", "until": "2024-03-31"}).json()
    assert [q["document"] for q in dated] == ["a2"]


@pytest.mark.parametrize("params", [{"since": "2024-02-30"}, {"until": "jutro"}, {"limit": 0}])
def test_quotes_bad_input_is_422(client, params):
    assert client.get("/api/quotes", params=params).status_code == 422


def test_entities_and_profile(client):
    rows = client.get("/api/entities", params={"q": "Łukaszenki"}).json()
    assert rows[0]["name"] == "Aleksandr Łukaszenka" and rows[0]["documents"] == 2
    everything = client.get("/api/entities").json()
    assert len(everything) >= 5
    by_name = client.get("/api/entities/Łukaszenka").json()
    by_id = client.get(f"/api/entities/{rows[0]['id']}").json()
    assert by_name == by_id
    assert by_name["roles"]["prezydent"] == 1 and by_name["quotes"] == 2
    assert {"role": "prezydent", "since": "2024-03-01", "until": "2024-03-01", "documents": 1} in by_name["role_periods"]
    assert client.get("/api/entities/prezydent").json()["id"] == by_id["id"]  # a role finds its holder


def test_unknown_entity_is_404(client):
    assert client.get("/api/entities/Nieistniejący Człowiek").status_code == 404
    assert client.get("/api/entities/999999").status_code == 404
    assert client.get("/api/timeline/Nieistniejący").status_code == 404
    assert client.get("/api/entities", params={"q": "Nieistniejący"}).json() == []


def test_events(client):
    events = client.get("/api/events").json()
    assert {e["type"] for e in events} >= {"meeting", "military"}
    meeting = client.get("/api/events", params={"type": "meeting", "with": "Tusk"}).json()
    assert [e["document"] for e in meeting] == ["a1"]
    assert {p["name"] for p in meeting[0]["participants"]} == {"Aleksandr Łukaszenka", "Donald Tusk"}
    assert client.get("/api/events", params={"since": "2024-03-02"}).json()[-1]["document"] == "a2"
    assert client.get("/api/events", params={"since": "03/02/2024"}).status_code == 422


def test_search(client):
    hits = client.get("/api/search", params={"q": "Łukaszenkę"}).json()
    assert {h["document"] for h in hits} == {"a1", "a2"}
    assert all("[" in h["snippet"] for h in hits)
    assert client.get("/api/search", params={"q": "zzzyxx"}).json() == []
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    assert client.get("/api/search", params={"q": "!!!"}).status_code == 400


def test_timeline(client):
    items = client.get("/api/timeline/Łukaszenka").json()
    assert [i["date"] for i in items] == sorted(i["date"] for i in items)
    assert {"mentioned", "quote"} <= {i["what"] for i in items}


def test_stats(client):
    assert client.get("/api/stats").json()["documents"] == 4


def test_ingest_needs_the_token(writer):
    body = {"id": "n1", "text": "Minister Piotr Nowak odwiedził w piątek Gdańsk.", "date": "2024-06-07"}
    assert writer.post("/api/ingest", json=body).status_code == 401
    assert writer.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert writer.post("/api/ingest", json=body, headers={"Authorization": TOKEN}).status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = writer.post("/api/ingest", json=body, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json() == {"id": "n1", "status": "added", "failures": []}
    assert writer.post("/api/ingest", json=body, headers=auth).json()["status"] == "unchanged"
    assert writer.get("/api/documents/n1").json()["text"] == body["text"]
    assert writer.post("/api/ingest", json={**body, "text": "x" * (MAX_CHARS + 1)}, headers=auth).status_code == 413
    assert writer.post("/api/ingest", json={**body, "date": "2024-02-31"}, headers=auth).status_code == 422
    assert "/api/ingest" in writer.get("/openapi.json").json()["paths"]


def test_ingest_a_quoted_article(writer):
    body = {"id": "n2", "text": "„Nie odpuścimy” – powiedział Marek Zieliński w Gdańsku.", "date": "2024-06-07"}
    response = writer.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.json()["status"] == "added", response.text


def test_analyze_lone_surrogate_is_422_not_500(client):
    body = b'{"text": "Ala \\ud800 ma kota"}'  # valid JSON, invalid Unicode
    response = client.post("/api/analyze", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert "surrogate" in response.text


@pytest.mark.parametrize("ident", ["%C2%B2", "9" * 40])
def test_entity_ids_that_are_not_plain_numbers_are_names(client, ident):
    assert client.get(f"/api/entities/{ident}").status_code == 404
