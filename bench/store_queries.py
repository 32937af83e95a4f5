"""Query latency on a real store: p50/p95/max per query type, over varied parameters drawn from the database.

Usage: .venv/bin/python -m bench.store_queries [--db artifacts/bench/corpus-100k.db] [--runs 200] [--seed 1]
       [--only "entity profile" ...] [--json]

Build the database first (`python -m bench.corpus_db`). Parameters come from the database itself:
the most frequent speakers, entities, event types and words, and rare ones (half and half), written
as users would (canonical names and the inflected forms the articles use); one word query in six is
two words. Words that occur, or one of whose base forms occurs, in more than a tenth of the sampled
texts work as stop words (`jest`, `niego`) and are measured on their own ("common words"). Each query
type runs `--runs` times on one connection after a short warm-up; the `cpu` columns are the process's
CPU time per query (the machine may be shared). Bars: issue 7 (p95 wall time, ms).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from bench.corpus_db import DEFAULT_DB
from bench.latency import print_table, summary
from kronika.store import Store
from kronika.store.text import query_variants

BARS = {"quotes by speaker": 50.0, "quotes by words": 50.0, "entity profile": 200.0}
WORD = re.compile(r"[^\W\d_]{4,}")  # words queries are drawn from
ANY_WORD = re.compile(r"[^\W\d_]+")
SAMPLE = 20_000  # rows the parameters are drawn from (the earliest stored)
TOP = 25  # how many of the most frequent values count as "frequent"
COMMON = 0.1  # words (or base forms) in more than this share of the sampled texts are "common words"

Query = Callable[[Store], Any]


def frequent_and_rare(counts: Counter, rng: random.Random, size: int = 60) -> list[str]:
    """Half the most frequent values, half drawn from the rest."""
    ordered = [value for value, _ in counts.most_common()]
    top, rest = ordered[:TOP], ordered[TOP:]
    return top + rng.sample(rest, min(len(rest), size - len(top)))


def entity_names(store: Store, counts: Counter, rng: random.Random) -> list[str]:
    """Names of the chosen entities, each as stored or as one of its mentions (an inflected form) that
    the store resolves to some entity."""
    names = []
    for pk in frequent_and_rare(counts, rng):
        name = store.db.scalar("SELECT name FROM entities WHERE pk = ?", (pk,))
        forms = [r[0] for r in store.db.query("SELECT DISTINCT text FROM mentions WHERE entity = ? AND kind = 'name' "
                                              "LIMIT 4", (pk,))]
        names.append(rng.choice([name, *(f for f in forms if store.resolve(f))]))
    return names


def counted(store: Store, sql: str) -> Counter:
    return Counter(dict(store.db.query(sql, (SAMPLE,))))


def word_counts(texts: list[str], word: re.Pattern = WORD) -> Counter:
    """In how many of the texts each (casefolded) word occurs; counted in order of first occurrence, so that
    ties in `most_common` (and the words drawn from it) do not depend on the string hash seed."""
    return Counter(w for text in texts for w in dict.fromkeys(word.findall(text.casefold())))


def word_queries(rows: list[tuple[str, str]], rng: random.Random) -> tuple[list[str], list[str]]:
    """(content words, frequent and rare; common words) of (text, lemmas) rows, one query in six of two words.

    A word is common when it or one of its base forms (what the store also searches for) occurs in more
    than COMMON of the rows: `niego` is, by its base form `on`.
    """
    surface = word_counts([text for text, _ in rows])
    either = word_counts([f"{text} {lemmas}" for text, lemmas in rows], ANY_WORD)
    share = {w: max(either[v] for v in query_variants(w)) / len(rows) for w in surface}
    common = Counter({w: c for w, c in surface.items() if share[w] > COMMON})
    pools = frequent_and_rare(surface - common, rng), [w for w, _ in common.most_common(TOP)]
    return tuple([f"{w} {rng.choice(pool)}" if rng.random() < 1 / 6 else w for w in pool] for pool in pools)


def texts(store: Store, table: str, rows: int) -> list[tuple[str, str]]:
    return store.db.query(f"SELECT text, lemmas FROM {table} ORDER BY pk LIMIT ?", (rows,))


def queries(store: Store, rng: random.Random) -> dict[str, list[Query]]:
    """Query type -> varied calls of it."""
    speakers = entity_names(store, counted(
        store, "SELECT speaker_entity, count(*) FROM (SELECT speaker_entity FROM quotes ORDER BY pk LIMIT ?) q "
               "WHERE speaker_entity IS NOT NULL GROUP BY speaker_entity"), rng)
    entities = entity_names(store, counted(
        store, "SELECT entity, count(*) FROM (SELECT entity FROM doc_entities ORDER BY doc LIMIT ?) d GROUP BY entity"), rng)
    quote_words, common_quote_words = word_queries(texts(store, "quotes", SAMPLE), rng)
    doc_words, common_doc_words = word_queries(texts(store, "documents", SAMPLE // 10), rng)
    types = [r[0] for r in store.db.query("SELECT DISTINCT type FROM events WHERE type IS NOT NULL")]
    since = store.db.scalar("SELECT min(date) FROM documents")
    return {
        "quotes by speaker": [lambda s, n=n: s.find_quotes(speaker=n) for n in speakers],
        "quotes by words": [lambda s, w=w: s.find_quotes(text=w) for w in quote_words],
        "quotes by common words": [lambda s, w=w: s.find_quotes(text=w) for w in common_quote_words],
        "entity profile": [lambda s, n=n: s.entity_profile(n) for n in entities],
        "events": [lambda s, t=t: s.find_events(type=t) for t in types]
                  + [lambda s, n=n: s.find_events(with_=n, since=since) for n in entities],
        "search": [lambda s, w=w: s.search(w) for w in doc_words],
        "search common words": [lambda s, w=w: s.search(w) for w in common_doc_words],
    }


def measure(store: Store, calls: list[Query], runs: int, rng: random.Random) -> dict[str, Any]:
    """Latency over `runs` calls drawn from `calls` (after a warm-up of 5), and the mean rows returned."""
    for call in rng.sample(calls, min(5, len(calls))):
        call(store)
    seconds, cpu, rows = [], [], 0
    for call in rng.choices(calls, k=runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = call(store)
        seconds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        rows += len(result) if isinstance(result, list) else 1
    on_cpu = summary(cpu)
    return {**summary(seconds), "cpu p50 ms": on_cpu["p50_ms"], "cpu p95 ms": on_cpu["p95_ms"],
            "mean rows": round(rows / runs, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(DEFAULT_DB))
    parser.add_argument("--runs", type=int, default=200, help="calls per query type")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", action="append", metavar="QUERY", help="only this query type (repeatable)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with Store.open(args.db) as store:
        documents = store.stats()["documents"]
        results = {name: measure(store, calls, args.runs, rng) for name, calls in queries(store, rng).items()
                   if not args.only or name in args.only}
    if args.json:
        print(json.dumps({"documents": documents, "queries": results}, ensure_ascii=False))
    else:
        print_table(f"store queries, {documents:,} documents", results, BARS)


if __name__ == "__main__":
    main()
