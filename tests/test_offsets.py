"""NFC normalisation keeps offsets true to the original text."""
from __future__ import annotations

import unicodedata

from kronika.offsets import normalize


def test_nfc_text_needs_no_map() -> None:
    assert normalize("Łódź") == ("Łódź", None)


def test_decomposed_text_maps_back() -> None:
    original = unicodedata.normalize("NFD", "Zażółć gęślą jaźń")
    text, offsets = normalize(original)
    assert text == "Zażółć gęślą jaźń"
    start = text.index("gęślą")
    end = start + len("gęślą")
    assert unicodedata.normalize("NFC", original[offsets(start) : offsets(end)]) == "gęślą"
    assert offsets(len(text)) == len(original)
