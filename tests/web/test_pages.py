"""Server-rendered pages: each page renders, bad input gives an error page, and nothing is unescaped."""
from __future__ import annotations

import re

import pytest

from tests.store import corpus
from tests.web.conftest import MAX_CHARS, XSS_NAME, XSS_TEXT

RAW = ("<script>", "<img", "<b>", '"onmouseover=', '" onmouseover=', "<i>")


def assert_escaped(html: str) -> None:
    for raw in RAW:
        assert raw not in html, raw
    assert "&lt;script&gt;" in html


def test_index_and_search_paging(client):
    home = client.get("/")
    assert home.status_code == 200 and 'name="q"' in home.text and "4 article(s)" in home.text
    assert "Content-Security-Policy" in home.headers and "script-src 'none'" in home.headers["Content-Security-Policy"]
    found = client.get("/", params={"q": "Łukaszenkę"})
    assert found.status_code == 200
    assert 'href="/documents/a1"' in found.text and 'href="/documents/a2"' in found.text
    assert "/entities/" in found.text  # the matching entity is listed too
    second = client.get("/", params={"q": "Łukaszenkę", "page": 2})
    assert second.status_code == 200 and "No articles found" in second.text and 'rel="prev"' in second.text
    assert client.get("/", params={"q": "!!!"}).status_code == 200  # an error message, not a crash
    assert client.get("/", params={"page": 0}).status_code == 422


def test_static_css_is_local(client):
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "mark.quote" in css.text
    assert "http" not in client.get("/").text.split("<body>")[0]  # no CDN in <head>


def test_document_page_highlights(client):
    html = client.get("/documents/a1").text
    assert '<mark class="quote quote-direct" title="quote (direct), speaker: Łukaszenka, cue: powiedział" id="q1">' \
           'Granica pozostanie otwarta</mark>' in html
    assert 'title="person: Aleksandr Łukaszenka; base form: Aleksandr Łukaszenka; mention: name">' \
           'Aleksandr Łukaszenka</mark>' in html
    assert 'href="/entities/Donald%20Tusk"' in html
    assert '<p class="section section-paragraph"' in html


def test_document_page_marks_times_and_boilerplate(client):
    html = client.get("/documents/a3").text
    assert '<mark class="time" title="date: 2024-04-10">Jan</mark>' in html
    xss = client.get("/documents/xss/1").text
    assert 'class="section section-boilerplate"' in xss
    assert '<h2 class="section section-headline">' in xss


def test_unknown_pages_are_404(client):
    for path in ("/documents/nope", "/entities/Nieistniejący", "/entities/99999"):
        response = client.get(path)
        assert response.status_code == 404 and "<h1>Error 404</h1>" in response.text, path


def test_entity_page(client):
    html = client.get("/entities/Łukaszenki").text
    assert "<h1>Aleksandr Łukaszenka" in html
    assert "prezydent" in html and "Granica pozostanie otwarta" in html and "Nie boimy się Tuska" in html
    assert 'href="/documents/a2"' in html


def test_events_page(client):
    html = client.get("/events").text
    assert "meeting" in html and "military" in html
    filtered = client.get("/events", params={"type": "military"}).text
    assert "military" in filtered and ">meeting<" not in filtered
    bad = client.get("/events", params={"since": "2024-02-30"})
    assert bad.status_code == 422 and "invalid since date" in bad.text


def test_analyze_form_and_result(client):
    form = client.get("/analyze")
    assert form.status_code == 200 and '<form method="post" action="/analyze"' in form.text
    result = client.post("/analyze", data={"text": "Premier Donald Tusk powiedział we wtorek: „Nie oddamy ani guzika”.",
                                           "date": "2024-03-05"})
    assert result.status_code == 200
    assert '<mark class="quote quote-direct"' in result.text and "Nie oddamy ani guzika" in result.text
    assert 'title="DATE: 2024-03-05"' in result.text  # the time expression with its normalised value
    assert client.get("/api/stats").json()["documents"] == 4  # nothing stored


@pytest.mark.parametrize("data, status", [({"text": "x" * (MAX_CHARS + 1)}, 413), ({"text": "  "}, 422),
                                          ({"text": "Tekst.", "date": "2024-02-30"}, 422)])
def test_analyze_page_bad_input(client, data, status):
    response = client.post("/analyze", data=data)
    assert response.status_code == status and 'class="error"' in response.text


def test_stored_article_with_html_is_escaped(client):
    html = client.get("/documents/xss/1").text
    assert_escaped(html)
    assert '<mark class="time" title="DATE: &#34;&gt;&lt;script&gt;alert(6)&lt;/script&gt;">&lt;b&gt;Nagłó</mark>wek&lt;/b&gt; &amp; co' in html
    assert "&#34;onmouseover=alert(2) Kowalski" in html
    # every mark tag is one of ours: class and title attributes only (plus our anchors)
    for tag in re.findall(r"<mark[^>]*>", html):
        assert re.fullmatch(r'<mark class="[a-z -]+" title="[^"<>]*"( id="q\d+")?>', tag), tag


def test_entity_and_events_pages_escape_names(client):
    profile = client.get("/api/entities", params={"q": "Kowalski"}).json()
    assert profile, "the XSS entity is stored"
    assert_escaped(client.get(f"/entities/{profile[0]['id']}").text)
    assert_escaped(client.get("/events").text)
    assert_escaped(client.get("/", params={"q": "Kowalski"}).text)


def test_analyze_page_escapes_the_text(client):
    response = client.post("/analyze", data={"text": XSS_TEXT})
    assert response.status_code == 200
    assert_escaped(response.text)
    assert "&lt;img src=x onerror=alert(4)&gt;" in response.text


def test_xss_name_round_trips_in_json(client):
    data = client.get("/api/documents/xss/1").json()
    assert data["entities"][0]["name"] == XSS_NAME and data["text"] == XSS_TEXT
    assert corpus.T1 in client.get("/api/documents/a1").text
