"""Morfeusz-based tokenization: abbreviations, numbers, glued punctuation, quotes and dashes."""
from __future__ import annotations

import pytest

from kronika.pipeline.tokenizer import MAX_CHUNK, tokenize


def words(text: str) -> list[str]:
    return [text[start:end] for start, end, _ in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("m.in. o godz. 10.30", ["m.in", ".", "o", "godz", ".", "10.30"]),
        ("Petersburga.– Miasto", ["Petersburga", ".", "–", "Miasto"]),
        ('Pieskow:"Wiem"', ["Pieskow", ":", '"', "Wiem", '"']),
        ("„Tak” — powiedział - «nie»", ["„", "Tak", "”", "—", "powiedział", "-", "«", "nie", "»"]),
        ("w 2002 r. tj. wczoraj", ["w", "2002", "r", ".", "tj", ".", "wczoraj"]),
        ("Miałem coś", ["Miał", "em", "coś"]),
    ],
)
def test_segmentation(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_offsets_match_text_and_long_chunks_are_cut() -> None:
    text = "x" * (MAX_CHUNK * 3) + " http://example.org/" + "a-b" * 40 + " koniec."
    for start, end, _ in tokenize(text):
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
    assert words(text)[-2:] == ["koniec", "."]


def test_unknown_words_keep_their_ign_reading() -> None:
    [(_, _, readings)] = tokenize("Pieskow")
    assert [r.pos for r in readings] == ["ign"]
