"""Store speed: save N synthetic analyses, then time the queries. Usage:

    .venv/bin/python bench/store_bench.py [--db URL] [--docs N]

Default: a fresh SQLite file in a temp dir, 20,000 documents (about 3 people, 1 quote, 1 event each).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kronika.store import Store  # noqa: E402
from tests.store.corpus import synthetic  # noqa: E402


def timed(label: str, call, repeat: int = 5) -> None:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - start)
    size = len(result) if hasattr(result, "__len__") else result
    print(f"{label:<45} {best * 1000:9.1f} ms   ({size} rows)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="database URL (default: temp SQLite file)")
    parser.add_argument("--docs", type=int, default=20_000)
    args = parser.parse_args()
    url = args.db or str(Path(tempfile.mkdtemp()) / "bench.db")
    docs = synthetic(args.docs)
    with Store.open(url) as store:
        start = time.perf_counter()
        for analysis, text in docs:
            store.save_document(analysis, text, tokens=[])
        elapsed = time.perf_counter() - start
        print(f"{store.dialect}: saved {len(docs)} documents in {elapsed:.1f} s = {len(docs) / elapsed:.0f} docs/s")
        start = time.perf_counter()
        unchanged = sum(store.document_hash(a["id"]) is not None for a, _ in docs)
        print(f"hash look-ups for re-ingest of {unchanged}: {time.perf_counter() - start:.2f} s")
        print(store.stats())
        timed("quotes --speaker 'Jan Wiśniewski' (limit 100)", lambda: store.find_quotes(speaker="Jan Wiśniewski"))
        timed("quotes --speaker Wiśniewskiego --since", lambda: store.find_quotes(speaker="Wiśniewskiego", since="2023-06-01"))
        timed("quotes --text budżetu (limit 100)", lambda: store.find_quotes(text="budżetu"))
        timed("quotes --about Gdańsk", lambda: store.find_quotes(about="Gdańsk"))
        timed("entity profile 'Anna Zielińska'", lambda: store.entity_profile("Anna Zielińska"))
        timed("events --with Kamiński --since 2023-11-01", lambda: store.find_events(with_="Kamiński", since="2023-11-01"))
        timed("timeline 'Ewa Dąbrowska' (all)", lambda: store.timeline("Ewa Dąbrowska", limit=100_000))
        timed("search 'budżet Gdańsku' (top 20)", lambda: store.search("budżet Gdańsku"))
        timed("search 'numer 12345'", lambda: store.search("numer 12345"))
        timed("stats", lambda: store.stats())


if __name__ == "__main__":
    main()
