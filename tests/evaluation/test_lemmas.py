"""`kronika evaluate lemmas` on a small sample of the UD dev treebank."""
from __future__ import annotations

from kronika.evaluation.lemmas import evaluate, place_words
from tests.conftest import shared


def test_multiword_tokens_are_placed_by_their_parts() -> None:
    rows = [["1-2", "Miałem", "_"], ["1", "Miał", "mieć"], ["2", "em", "być"], ["3", "psa", "pies"]]
    words = place_words("Miałem psa", rows, offset=10)
    assert [(w.start, w.end, w.lemma) for w in words] == [(10, 14, "mieć"), (14, 16, "być"), (17, 20, "pies")]


def test_sample_of_ud_pdb_meets_the_bar() -> None:
    figures = evaluate(shared("ud/pl_pdb-ud-dev.conllu"), limit=2)
    assert figures["gold_sentences"] == 100
    assert figures["token_alignment"] >= 0.98
    assert figures["lemma_accuracy"] >= 0.95
    assert figures["sentence_f1"] >= 0.95
