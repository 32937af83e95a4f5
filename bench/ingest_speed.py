"""`kronika ingest` vs `kronika analyze` over the same documents, each a separate process: docs/s and ratio.

Usage: .venv/bin/python -m bench.ingest_speed [--limit 300] [--runs 1] [--workers 1] [--into DB] [CORPUS]

`analyze --workers N` writes its JSON Lines to a file and `ingest --workers N` (N = 1 by default: both
analyse in one process; alone they would use every core) stores into a fresh SQLite file, or into
a copy of `--into DB` (e.g. the 100,000-document bench database) made and synced to disk before each
run. Runs alternate between the two commands; start-up and model loads are included in both. Bar
(issue 7): ingest within 20 % of analyze, i.e. ratio ≥ 0.8.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from bench.parallel import run, write_sample
from bench.throughput import DEFAULT_CORPUS


def fresh_db(into: str | None, folder: Path) -> Path:
    """An empty database path, or a copy of `into` (with its WAL, if any) written out to disk: else the
    ingest's first fsync would also wait for the copy's gigabytes to reach the disk."""
    target = folder / "ingest.db"
    for path in folder.glob("ingest.db*"):
        path.unlink()
    for suffix in ("", "-wal") if into else ():
        if Path(into + suffix).exists():
            shutil.copyfile(into + suffix, str(target) + suffix)
            with open(str(target) + suffix, "rb+") as copy:
                os.fsync(copy.fileno())
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1, help="`--workers` of both commands (default 1)")
    parser.add_argument("--into", metavar="DB", help="ingest into a copy of this SQLite database")
    args = parser.parse_args()
    seconds: dict[str, list[float]] = {"analyze": [], "ingest": []}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        sample = write_sample(args.corpus, args.limit, tmp / "sample.jsonl")
        for _ in range(args.runs):
            seconds["analyze"].append(run(["analyze", str(sample), "--workers", str(args.workers)],
                                          tmp / "analyses.jsonl"))
            db = fresh_db(args.into, tmp)
            seconds["ingest"].append(run(["ingest", str(sample), "--db", str(db), "--quiet", "--workers", str(args.workers)], tmp / "ingest.out"))
    rates = {name: round(args.limit / statistics.median(times), 2) for name, times in seconds.items()}
    print(json.dumps({"documents": args.limit, "analyze_workers": args.workers, "into": args.into, "docs_per_s": rates,
                      "seconds": {name: [round(t, 1) for t in times] for name, times in seconds.items()},
                      "ingest_vs_analyze": round(rates["ingest"] / rates["analyze"], 3)}))


if __name__ == "__main__":
    main()
