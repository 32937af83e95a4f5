"""Character spans indexed by start: the ones that overlap a range in O(log n + hits)."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """(start, end, item) rows, for the rows sharing a character with a range."""

    def __init__(self, rows: Iterable[tuple[int, int, T]]) -> None:
        self.rows = sorted(rows, key=lambda row: row[0])
        self.starts = [row[0] for row in self.rows]
        self.longest = max((end - start for start, end, _ in self.rows), default=0)

    def __len__(self) -> int:
        return len(self.rows)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, T]]:
        """Rows whose span shares at least one character with [start, end), in order of their start."""
        first = bisect_left(self.starts, start - self.longest)
        return [row for row in self.rows[first:bisect_left(self.starts, end)] if row[1] > start]
