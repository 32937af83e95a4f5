"""The store on both backends: idempotency, atomic replacement, linking, queries, export, errors."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from kronika.store import DocumentNotFound, EntityNotFound, Store, StoreError
from kronika.store import store as store_module
from kronika.store.schema import LATEST
from kronika.store.export import export_graphml, export_jsonl, export_quotes_csv
from tests.store import corpus


def test_schema_is_versioned_and_reopening_does_not_migrate_again(db_url):
    with Store.open(db_url) as first:
        assert first.version == LATEST
        corpus.load(first, corpus.a1)
    with Store.open(db_url) as again:
        assert again.db.query("SELECT max(version), count(*) FROM schema_version") == [(LATEST, LATEST)]
        assert again.stats()["documents"] == 1


def test_saving_again_adds_nothing_and_changed_text_replaces(store):
    assert store.save_document(corpus.a1(), corpus.T1) == "added"
    before = store.stats()
    assert store.save_document(corpus.a1(), corpus.T1) == "unchanged"
    assert store.stats() == before
    changed = corpus.a1()
    changed["quotes"] = []
    assert store.save_document(changed, corpus.T1 + " Dopisek.") == "updated"
    after = store.stats()
    assert after["documents"] == 1 and after["quotes"] == 0 and after["entities"] == before["entities"]
    assert store.get_document("a1")["quotes"] == []
    assert store.search("Dopisek")[0]["document"] == "a1"


def test_replacing_a_document_drops_entities_no_longer_named(store):
    corpus.load(store, corpus.a3)
    store.save_document(corpus.analysis("a3", "2024-04-10", "Nic."), "Nic.")
    assert store.stats()["entities"] == 0 and store.stats()["mentions"] == 0


def test_a_failed_save_leaves_the_old_version_whole(store, monkeypatch):
    corpus.load(store, corpus.a1)
    before = (store.stats(), store.get_document("a1"), store.search("Granica"))

    def broken(*args, **kwargs):
        raise StoreError("disk full (simulated)")

    monkeypatch.setattr(store, "_save_layers", broken)
    changed = corpus.a1()
    changed["quotes"] = []
    with pytest.raises(StoreError, match="simulated"):
        store.save_document(changed, corpus.T1 + " Zmiana.")
    assert (store.stats(), store.get_document("a1"), store.search("Granica")) == before
    assert store.search("Zmiana") == []


def test_full_name_and_bare_surname_are_one_person(store):
    corpus.load(store, corpus.a1, corpus.a2)
    people = store.find_entities(type="person")
    assert [(p["name"], p["documents"]) for p in people] == [("Aleksandr Łukaszenka", 2), ("Donald Tusk", 2)]


def test_bare_surname_first_joins_the_full_name_later(store):
    corpus.load(store, corpus.b1, corpus.b2)
    [person] = store.find_entities(type="person")
    assert person["name"] == "Anna Kowalczyk" and person["documents"] == 2


def test_ambiguous_bare_surname_stays_separate(store):
    corpus.load(store, corpus.a3)
    names = sorted(e["name"] for e in store.find_entities(type="person"))
    assert names == ["Jan Nowak", "Nowak", "Piotr Nowak"]


def test_search_is_lemma_aware_and_ranked(store):
    corpus.load(store)
    assert [r["document"] for r in store.search("Łukaszenkę")] == ["a1", "a2"]  # a1 names him twice
    assert [r["document"] for r in store.search("Sejm")] == ["a3"]  # text has "Sejmu", "sejmie"
    assert [r["document"] for r in store.search("manewrów Łukaszenki")] == ["a2"]
    assert store.search("Warszawa") == []
    assert "[" in store.search("Gdańsk")[0]["snippet"]



def test_search_ranks_the_newest_matches_when_many_match_and_ties_go_to_the_newest(store, monkeypatch):
    texts = {"m1": "Rada Rada Rada obradowała.", "m2": "Rada obradowała.", "m3": "Rada Rada obradowała długo.",
             "m4": "Sejm obradował.", "m5": "Sejm obradował."}
    for doc_id, text in texts.items():
        store.save_document(corpus.analysis(doc_id, "2024-01-01", text), text)
    assert [r["document"] for r in store.search("Rada")][0] == "m1"
    assert [r["document"] for r in store.search("Sejm")] == ["m5", "m4"]
    monkeypatch.setattr(store_module, "RANKED_MATCHES", 2)
    assert sorted(r["document"] for r in store.search("Rada")) == ["m2", "m3"]  # m1 is not among the 2 newest

def test_quotes_by_speaker_text_date_and_topic(store):
    corpus.load(store)
    by = lambda **kw: [q["text"] for q in store.find_quotes(**kw)]  # noqa: E731
    assert by(speaker="Łukaszenki") == ["Nie boimy się Tuska", "Granica pozostanie otwarta"]
    assert by(speaker="Aleksandr Łukaszenka", since="2024-03-02") == ["Nie boimy się Tuska"]
    assert by(until="2024-02-28") == ["Wygramy"]
    assert by(text="granicy") == ["Granica pozostanie otwarta"]
    assert by(about="Donald Tusk") == ["Nie boimy się Tuska"]
    assert by(speaker="Nowak") == ["To skandal w sejmie"]
    assert by(speaker="Nikt Taki") == []
    q = store.find_quotes(speaker="Kowalczyk")[0]
    assert q["speaker_entity"] == "Anna Kowalczyk" and q["document"] == "b2" and q["date"] == "2024-02-03"


def test_entity_profile(store):
    corpus.load(store)
    profile = store.entity_profile("Łukaszenkę")
    assert profile["name"] == "Aleksandr Łukaszenka" and profile["documents"] == 2 and profile["quotes"] == 2
    assert profile["mention_kinds"] == {"surname": 2, "description": 1, "name": 1}
    assert set(profile["roles"]) == {"prezydent", "przywódca Białorusi"}
    assert profile["co_mentioned"][0] == {"id": profile["co_mentioned"][0]["id"], "type": "person",
                                          "name": "Donald Tusk", "documents": 2}
    assert profile["latest_quotes"][0]["text"] == "Nie boimy się Tuska"
    assert profile["events"] == {"meeting": 1, "military": 1}
    assert (profile["first_seen"], profile["last_seen"]) == ("2024-03-01", "2024-03-05")
    with pytest.raises(EntityNotFound, match="Nikogo"):
        store.entity_profile("Nikogo")


def test_events_and_timeline(store):
    corpus.load(store)
    assert [e["type"] for e in store.find_events()] == ["military", "meeting"]
    assert [e["document"] for e in store.find_events(type="036")] == ["a1"]
    met = store.find_events(with_="Tusk")
    assert [e["type"] for e in met] == ["meeting"]
    assert {p["name"] for p in met[0]["participants"]} == {"Aleksandr Łukaszenka", "Donald Tusk"}
    assert [e["type"] for e in store.find_events(with_="Łukaszenka", since="2024-03-02")] == ["military"]
    timeline = store.timeline("Łukaszenka")
    assert [(i["date"], i["what"]) for i in timeline] == [
        ("2024-03-01", "mentioned"), ("2024-03-01", "quote"), ("2024-03-01", "event meeting"),
        ("2024-03-05", "mentioned"), ("2024-03-05", "quote"), ("2024-03-05", "event military")]


def test_stats_is_a_stable_object(store):
    corpus.load(store)
    store.record_failure("zly.txt", "empty document")
    stats = store.stats()
    assert list(stats) == ["documents", "quotes", "entities", "mentions", "events", "times", "failed",
                           "first_date", "last_date", "backend", "schema_version"]
    assert (stats["documents"], stats["quotes"], stats["events"], stats["times"], stats["failed"]) == (5, 4, 2, 1, 1)
    assert store.failures()[0]["reason"] == "empty document"
    store.save_document(corpus.analysis("zly.txt", None, "Już dobry."), "Już dobry.")
    assert store.stats()["failed"] == 0


def test_exports(store):
    corpus.load(store)
    out = io.StringIO()
    assert export_jsonl(store, out) == 5
    exported = [json.loads(line) for line in out.getvalue().splitlines()]
    assert exported == [make() for make in sorted(corpus.ALL, key=lambda m: m.__name__)]
    out = io.StringIO()
    assert export_quotes_csv(store, out) == 4
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["document"] == "a1" and rows[0]["speaker_entity"] == "Aleksandr Łukaszenka"
    out = io.StringIO()
    nodes, edges = export_graphml(store, out)
    graph = ET.fromstring(out.getvalue())
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(graph.findall(".//g:node", ns)) == nodes == 9
    names = {n.get("id"): n.find("g:data[@key='name']", ns).text for n in graph.findall(".//g:node", ns)}
    weights = {frozenset((names[e.get("source")], names[e.get("target")])): int(e.find("g:data", ns).text)
               for e in graph.findall(".//g:edge", ns)}
    assert len(weights) == edges
    assert weights[frozenset(("Aleksandr Łukaszenka", "Donald Tusk"))] == 2


def test_merge_and_split(store):
    corpus.load(store, corpus.a3)
    merged = store.merge_entities("Jan Nowak", "#" + str(store.resolve("Nowak")[0]) if False else "Nowak")
    assert merged["name"] in {"Jan Nowak", "Piotr Nowak"}
    names = sorted(e["name"] for e in store.find_entities(type="person"))
    assert len(names) == 2
    split = store.split_entity(merged["name"], "Nowak")
    assert split["name"] == "Nowak"
    assert sorted(e["name"] for e in store.find_entities(type="person")) == ["Jan Nowak", "Nowak", "Piotr Nowak"]
    with pytest.raises(StoreError):
        store.merge_entities("Sejm", "Sejm")


def test_named_errors(store, tmp_path):
    with pytest.raises(DocumentNotFound, match="'brak'"):
        store.get_document("brak")
    with pytest.raises(StoreError, match="date"):
        store.find_quotes(since="wczoraj")
    with pytest.raises(StoreError, match="'id'"):
        store.save_document({"text": "x"}, "x")
    with pytest.raises(StoreError, match="unsupported database URL"):
        Store.open("mysql://localhost/db")
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(str(tmp_path / "no" / "such" / "dir.db"))


def test_bad_postgres_url_is_a_clear_error():
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL"):
        Store.open("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2")


def test_words_next_to_polish_quotes_and_dashes_are_found(store):
    text = "„Budżet jest gotowy” – powiedział minister."
    store.save_document(corpus.analysis("q1", "2024-01-02", text), text, tokens=[])  # no lemmas: text only
    assert [r["document"] for r in store.search("budżet gotowy")] == ["q1"]
