"""Latency figures shared by the load benchmarks: percentiles of samples, printed as a rich table."""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any


def percentile(samples: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1) of non-empty samples."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summary(seconds: Sequence[float]) -> dict[str, Any]:
    """{n, p50_ms, p95_ms, max_ms} of timings in seconds."""
    if not seconds:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "max_ms": None}
    return {"n": len(seconds), "p50_ms": round(percentile(seconds, 0.5) * 1000, 1),
            "p95_ms": round(percentile(seconds, 0.95) * 1000, 1), "max_ms": round(max(seconds) * 1000, 1)}


def print_table(title: str, rows: Mapping[str, Mapping[str, Any]], bars: Mapping[str, float] | None = None) -> None:
    """One line per name: n, p50, p95, max, other columns, and the p95 bar (✓/✗) where one is set."""
    from rich.console import Console
    from rich.table import Table

    extra = list(dict.fromkeys(k for row in rows.values() for k in row if k not in ("n", "p50_ms", "p95_ms", "max_ms")))
    table = Table(title=title)
    for column in ["", "n", "p50 ms", "p95 ms", "max ms", *extra, "bar (p95)"]:
        table.add_column(column, justify="left" if not column else "right")
    for name, row in rows.items():
        bar = (bars or {}).get(name)
        verdict = "" if bar is None or row["p95_ms"] is None else f"< {bar:g} {'✓' if row['p95_ms'] < bar else '✗'}"
        table.add_row(name, *(str(row.get(k)) for k in ("n", "p50_ms", "p95_ms", "max_ms", *extra)), verdict)
    Console(width=160).print(table)
