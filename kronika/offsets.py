"""NFC normalisation that keeps offsets true to the original text."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in the normalised text back to the original text."""

    to_original: tuple[int, ...]  # len(normalised) + 1 entries

    def __call__(self, offset: int) -> int:
        return self.to_original[offset]


def normalize(text: str) -> tuple[str, OffsetMap | None]:
    """NFC text and the map back to `text` (None when `text` is already NFC)."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    parts: list[str] = []
    positions: list[int] = []
    start = 0
    for end in range(1, len(text) + 1):
        if end < len(text) and unicodedata.combining(text[end]):
            continue
        cluster = unicodedata.normalize("NFC", text[start:end])
        parts.append(cluster)
        positions.extend([start] * len(cluster))
        start = end
    positions.append(len(text))
    return "".join(parts), OffsetMap(tuple(positions))
