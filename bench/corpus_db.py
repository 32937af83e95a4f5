"""A large store from the real corpus: analyse each document once, then save copies under distinct ids.

Usage: .venv/bin/python -m bench.corpus_db [--docs 100000] [--db artifacts/bench/corpus-100k.db]
       [--cache artifacts/bench/corpus-analyses.jsonl] [CORPUS ...]

CORPUS: the PCC texts and the seed article by default. Each document is analysed once with the full
pipeline (`kronika.core.analyze_many`); the analyses (with tokens, for the lemma index) are cached in
`--cache`. Copy k of document D is saved by `Store.save_document` as `D#k`, dated by a hash of its id
(2015-2024: the corpus has no dates), until the database holds `--docs` documents. Both steps resume
where they stopped; a rerun on a complete database only checks it. Prints one JSON line of figures.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from bench.throughput import DEFAULT_CORPUS
from kronika.store import Store
from kronika.textio import Failure, Source, read_sources

ROOT = Path(__file__).resolve().parents[1]
SEED = DEFAULT_CORPUS.parents[1] / "seed"
DEFAULT_DB = ROOT / "artifacts" / "bench" / "corpus-100k.db"
DEFAULT_CACHE = ROOT / "artifacts" / "bench" / "corpus-analyses.jsonl"
FIRST_DAY, DAYS = dt.date(2015, 1, 1), 3653

Record = dict[str, Any]  # {"analysis": `analyze` object with tokens, "text": original text}


def progress() -> Progress:
    return Progress(TextColumn("[bold]{task.description}[/]"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), TimeRemainingColumn())


def read_cache(path: Path) -> dict[str, Record]:
    """Cached analyses by id; a line cut short by an interrupted run is ignored."""
    records: dict[str, Record] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            records[record["analysis"]["id"]] = record
    return records


def analyse_missing(sources: list[Source], path: Path) -> tuple[dict[str, Record], int, float]:
    """Analyse the sources not cached yet, appending each to the cache; (all records, analysed, seconds)."""
    from kronika.core import analyze_many

    records = read_cache(path)
    todo = [s for s in sources if s.id not in records]
    if not todo:
        return records, 0, 0.0
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with path.open("a", encoding="utf-8") as cache, progress() as bar:
        if cache.tell() and not path.read_bytes().endswith(b"\n"):
            cache.write("\n")
        task = bar.add_task("analyse", total=len(todo))
        for result in analyze_many(todo):
            bar.advance(task)
            if isinstance(result, Failure):
                print(f"failed {result.id}: {result.reason}")
                continue
            record = {"analysis": result.to_json(tokens=True), "text": result.text}
            cache.write(json.dumps(record, ensure_ascii=False) + "\n")
            records[result.id] = record
    return records, len(todo), time.perf_counter() - started


def day(doc_id: str) -> str:
    """A publication date spread over ten years by a hash of the id."""
    number = int(hashlib.sha1(doc_id.encode()).hexdigest()[:8], 16)
    return (FIRST_DAY + dt.timedelta(days=number % DAYS)).isoformat()


def copies(records: list[Record], total: int) -> Iterator[tuple[str, Record]]:
    """(copy id, record) for copies 0, 1, … of every record, `total` in all."""
    for number in range(total):
        record = records[number % len(records)]
        yield f"{record['analysis']['id']}#{number // len(records)}", record


def save_copies(store: Store, records: list[Record], total: int) -> tuple[int, float]:
    """Save the copies not stored yet; (how many were saved, seconds spent saving)."""
    saved, seconds = 0, 0.0
    with progress() as bar:
        task = bar.add_task("save", total=total)
        for copy_id, record in copies(records, total):
            bar.advance(task)
            if store.document_hash(copy_id) is not None:
                continue
            analysis = {**record["analysis"], "id": copy_id, "date": day(copy_id)}
            tokens = analysis.pop("tokens")
            started = time.perf_counter()
            store.save_document(analysis, record["text"], tokens=tokens)
            seconds += time.perf_counter() - started
            saved += 1
    return saved, seconds


def db_bytes(url: str) -> int | None:
    """Size of a SQLite database with its -wal and -shm files; None for a server."""
    if "://" in url:
        return None
    path = Path(url)
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", default=[str(DEFAULT_CORPUS), str(SEED)])
    parser.add_argument("--docs", type=int, default=100_000, help="documents in the database")
    parser.add_argument("--db", default=str(DEFAULT_DB), help="SQLite path or database URL")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="the analyses, one JSON line each")
    args = parser.parse_args()
    sources = [s for s in read_sources(args.corpus) if isinstance(s, Source)]
    records, analysed, analyse_s = analyse_missing(sources, args.cache)
    ordered = [records[s.id] for s in sources if s.id in records]
    if "://" not in args.db:
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    with Store.open(args.db) as store:
        saved, save_s = save_copies(store, ordered, args.docs)
        stats = store.stats()
    print(json.dumps({"sources": len(sources), "analysed": analysed, "analyse_s": round(analyse_s, 1),
                      "saved": saved, "save_s": round(save_s, 1),
                      "save_docs_per_s": round(saved / save_s, 1) if saved else None,
                      "db_bytes": db_bytes(args.db), "stats": stats}))


if __name__ == "__main__":
    main()
