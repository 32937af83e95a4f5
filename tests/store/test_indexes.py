"""The store's lookup indexes (schema version 2) change speed, never results: quote search by words and
speakers gives exactly what the LIKE patterns give, on new databases and on version-1 databases migrated."""
from __future__ import annotations

import pytest

from kronika.store import Store, schema
from kronika.store import store as store_module
from tests.store import corpus

WORDS = ["granicy", "Granica", "boimy", "Tuska", "budżet", "Budżetu", "numer", "gotowy", "jest", "nie", "a", "ó", "1",
         "12", "otwart", "skandal sejmie", "numer 7", "budżet numer 30", "powiedział", "100%", "a_b", "Gdańsku"]
SPEAKERS = ["Łukaszenka", "łukasz", "Nowak", "przywódca", "a", " ", "Wiśniewski", "Jan Wiśniewski", "ń", "zzz"]


def load_all(store: Store) -> None:
    corpus.load(store)
    for number, (analysis, text) in enumerate(corpus.synthetic(60)):
        if number % 7 == 0:
            analysis["date"] = None  # undated quotes sort last (SQLite) or first (PostgreSQL) when newest first
        store.save_document(analysis, text, tokens=[])


def unindexed(store: Store, monkeypatch: pytest.MonkeyPatch, **query) -> list[dict]:
    with monkeypatch.context() as patch:
        patch.setattr(Store, "_quote_candidates", lambda self, words: None)
        return store.find_quotes(**query)


def assert_same_as_patterns(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for words in WORDS:
        assert store.find_quotes(text=words) == unindexed(store, monkeypatch, text=words), words
        for limit in (1, 3):
            assert store.find_quotes(text=words, limit=limit) == unindexed(store, monkeypatch, text=words, limit=limit)
        assert store.find_quotes(text=words, since="2023-03-01", speaker="Jan") == \
            unindexed(store, monkeypatch, text=words, since="2023-03-01", speaker="Jan"), words
    for speaker in SPEAKERS:
        pattern = store_module._like(store_module.tx.fold(speaker))
        assert store.db.query("SELECT pk FROM quotes WHERE speaker_key IN (SELECT term FROM quote_terms "
                              "WHERE kind = 's' AND term LIKE ? ESCAPE '\\') ORDER BY pk", (pattern,)) == \
            store.db.query("SELECT pk FROM quotes WHERE speaker_key LIKE ? ESCAPE '\\' ORDER BY pk", (pattern,)), speaker
        assert store.find_quotes(speaker=speaker, text="budżet") == unindexed(store, monkeypatch, speaker=speaker,
                                                                              text="budżet")


def test_word_index_finds_exactly_what_the_patterns_find(store, monkeypatch):
    load_all(store)
    assert_same_as_patterns(store, monkeypatch)
    monkeypatch.setattr(store_module, "SHORTLIST_ABOVE", 0)  # the newest candidates by the date index
    assert_same_as_patterns(store, monkeypatch)
    monkeypatch.setattr(store_module, "MAX_CANDIDATES", 5)  # frequent words: the newest-first scan instead
    assert_same_as_patterns(store, monkeypatch)


def test_replaced_and_deleted_quotes_leave_the_index(store):
    corpus.load(store)
    changed = corpus.a1()
    changed["quotes"] = []
    store.save_document(changed, corpus.T1 + " Dopisek.")
    store.delete_document("a2")
    assert store.find_quotes(text="granica") == [] and store.find_quotes(text="boimy") == []
    assert store.db.scalar("SELECT count(*) FROM quote_postings WHERE quote NOT IN (SELECT pk FROM quotes)") == 0


def test_version_1_database_migrates_and_indexes_stored_quotes(db_url, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        patch.setattr(schema, "LATEST", 1)
        patch.setattr(store_module, "index_quotes", lambda db, quotes: None)  # version 1 had no quote index
        with Store.open(db_url) as old:
            load_all(old)
            assert old.version == 1
    with Store.open(db_url) as store:
        assert store.version == schema.LATEST == 2
        assert store.db.query("SELECT version FROM schema_version ORDER BY version") == [(1,), (2,)]
        assert_same_as_patterns(store, monkeypatch)
