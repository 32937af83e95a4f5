"""Shared pieces of evaluation: P/R/F1 and the one-screen table."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table


def prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts."""
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def print_table(task: str, figures: dict) -> None:
    """Print a flat (or one-level nested) dict of figures as a table."""
    table = Table(title=f"kronika evaluate {task}")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for key, value in _flatten(figures):
        table.add_row(key, f"{value:.4f}" if isinstance(value, float) else str(value))
    Console().print(table)


def _flatten(figures: dict, prefix: str = "") -> list[tuple[str, object]]:
    rows = []
    for key, value in figures.items():
        if isinstance(value, dict):
            rows.extend(_flatten(value, f"{prefix}{key}."))
        else:
            rows.append((f"{prefix}{key}", value))
    return rows


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two (start, end) spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def greedy_pairs(candidates: Iterable[tuple[Any, int, int]]) -> list[tuple[int, int]]:
    """One-to-one (i, j) pairs from (sort key, i, j) candidates, taken best (lowest key) first."""
    used_i: set[int] = set()
    used_j: set[int] = set()
    pairs = []
    for _key, i, j in sorted(candidates, key=lambda c: (c[0], c[1], c[2])):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            pairs.append((i, j))
    return pairs
