"""Web fixtures: one SQLite store per session with hand-made analyses (tests/store/corpus.py) plus an
article full of HTML, and one app/TestClient over it. The analysis model loads once (for /analyze)."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from kronika.store import Store  # noqa: E402
from kronika.web.app import create_app  # noqa: E402
from tests.store import corpus  # noqa: E402

TOKEN = "s3cret-token"
MAX_CHARS = 2_000

XSS_NAME = '<script>alert(1)</script>"onmouseover=alert(2) Kowalski'
XSS_TEXT = ('<b>Nagłówek</b> & co\n'
            f'{XSS_NAME} powiedział w Gdańsku: „<script>alert(1)</script>" onmouseover="alert(3)”.\n'
            'Fot. <img src=x onerror=alert(4)>')


def xss_analysis() -> dict:
    text = XSS_TEXT
    first = text.index("\n")
    last = text.rindex("\n")
    q_start = text.index("„") + 1
    q_end = text.index("”")
    name_start = text.index(XSS_NAME)
    return {"id": "xss/1", "date": "2024-05-01",
            "sections": [{"kind": "headline", "start": 0, "end": first},
                         {"kind": "paragraph", "start": first + 1, "end": last},
                         {"kind": "boilerplate", "start": last + 1, "end": len(text)}],
            "sentences": [{"start": 0, "end": len(text)}],
            "entities": [{"id": "e1", "type": "person", "name": XSS_NAME, "roles": ['<i>"rola"</i>'],
                          "mentions": [{"start": name_start, "end": name_start + len(XSS_NAME), "text": XSS_NAME,
                                        "kind": "name", "base": XSS_NAME}]},
                         {"id": "e2", "type": "place", "name": "Gdańsk", "roles": [],
                          "mentions": [corpus.mention(text, "Gdańsku", "Gdańsk")]}],
            "quotes": [{"start": q_start, "end": q_end, "text": text[q_start:q_end], "kind": "direct",
                        "speaker": XSS_NAME, "speaker_entity": "e1", "speaker_mention": None,
                        "cue": '"><script>alert(5)</script>'}],
            "times": [{"start": 0, "end": 8, "text": text[:8], "type": "DATE", "value": '"><script>alert(6)</script>'}],
            "events": [{"type": "<script>alert(7)</script>", "cameo": "010", "participants": [
                {"entity": "e1", "name": XSS_NAME, "role": "source"}], "time": None, "place": None,
                "status": "occurred", "start": 0, "end": 8, "mentions": [{"start": 0, "end": 8, "text": text[:8]}]}]}


@pytest.fixture(scope="session")
def db_url(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("web") / "kronika.db"
    with Store.open(str(path)) as store:
        for build, text in ((corpus.a1, corpus.T1), (corpus.a2, corpus.T2), (corpus.a3, corpus.T3)):
            store.save_document(build(), text)
        store.save_document(xss_analysis(), XSS_TEXT)
    return str(path)


@pytest.fixture(scope="session")
def client(db_url) -> TestClient:
    with TestClient(create_app(db_url, max_chars=MAX_CHARS)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def writer(tmp_path_factory) -> TestClient:
    path = tmp_path_factory.mktemp("web-write") / "kronika.db"
    with TestClient(create_app(str(path), token=TOKEN, max_chars=MAX_CHARS)) as test_client:
        yield test_client
