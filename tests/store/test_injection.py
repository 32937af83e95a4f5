"""SQL injection through every query parameter: treated as data, never as SQL, on both backends."""
from __future__ import annotations

import pytest

from kronika.store import StoreError
from kronika.store.errors import EntityNotFound
from tests.store import corpus

ATTACKS = ["' OR '1'='1", "x'; DROP TABLE documents; --", '" OR ""="', "%' --", "\\'; SELECT 1; --", "Łukaszenka')--"]


@pytest.fixture
def filled(store):
    for build, text in ((corpus.a1, corpus.T1), (corpus.a2, corpus.T2), (corpus.a3, corpus.T3)):
        store.save_document(build(), text)
    return store


@pytest.mark.parametrize("attack", ATTACKS)
def test_query_parameters_are_data(filled, attack: str) -> None:
    before = filled.stats()
    assert filled.find_quotes(speaker=attack) == []
    assert filled.find_quotes(about=attack) == []
    assert filled.find_events(type=attack) == []
    assert filled.find_events(with_=attack) == []
    assert filled.find_entities(name=attack) == []
    for lookup in (filled.entity_profile, filled.timeline):
        with pytest.raises((EntityNotFound, StoreError)):
            lookup(attack)
    for words_query in (lambda: filled.find_quotes(text=attack), lambda: filled.search(attack)):
        try:
            words_query()
        except StoreError as error:  # nothing but punctuation: a clear refusal, not SQL
            assert "word" in str(error)
    assert filled.stats() == before
