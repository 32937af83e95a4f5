"""The JSON API under load: `kronika serve` on loopback, N concurrent clients, errors, latency and server memory.

Usage: .venv/bin/python -m bench.api_load [--db artifacts/bench/corpus-100k.db] [--clients 32] [--duration 60]
       [--plan 600] [--analyze-share 0.02] [--seed 1] [--json]

Plans `--plan` distinct requests: one to each endpoint of /api, the rest to the GET endpoints in equal
shares (parameters drawn from the database: frequent and rare words, entity names and ids, document
ids) or, for `--analyze-share` of them, POST /api/analyze of a 300-character passage. Starts `kronika
serve --db DB` on a free 127.0.0.1 port (bench.web_load.start_server) and runs `--clients` threads
(one keep-alive httpx client each, no think time): the warm-up sends every planned request once
(so caches hold what the run will ask for), the run sends random planned requests for `--duration`
seconds. Any status other than 200 or a transport error counts as an error. The server's resident
memory (RSS) is read after the warm-up, every second of the run and at its end. Bars: issue 10 (no
errors, RSS growth after warm-up at most 10%).
"""
from __future__ import annotations

import argparse
import json
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import httpx
import psutil

from bench.corpus_db import DEFAULT_DB
from bench.latency import print_table, summary
from bench.store_queries import frequent_and_rare, word_counts
from bench.web_load import free_port, start_server
from kronika.store import Store

MAX_GROWTH = 0.10  # RSS growth after warm-up the bar allows
ANALYZE = "POST /api/analyze"
Request = tuple[str, str, dict[str, Any] | None]  # (endpoint, path, JSON body of a POST or None)
Sample = tuple[str, float, bool]  # (endpoint, seconds, ok)


def parameters(db: str, rng: random.Random) -> dict[str, list]:
    """Words, entity names and ids, document ids and passages of the stored documents."""
    with Store.open(db) as store:
        texts = [r[0] for r in store.db.query("SELECT text FROM documents ORDER BY pk LIMIT 2000")]
        top = store.db.scalar("SELECT max(pk) FROM documents")
        picks = ", ".join(str(rng.randint(1, top)) for _ in range(200))
        ids = [r[0] for r in store.db.query(f"SELECT id FROM documents WHERE pk IN ({picks})")]
        entities = store.find_entities(limit=200)
    return {"words": frequent_and_rare(word_counts(texts), rng), "names": [e["name"] for e in entities],
            "entities": [e["id"] for e in entities], "documents": ids,
            "passages": [text[:300] for text in rng.sample(texts, min(50, len(texts))) if text[:300].strip()]}


def endpoints(values: dict[str, list], rng: random.Random) -> dict[str, Callable[[], Request]]:
    """`METHOD /path` of each API endpoint -> a maker of one random request to it."""
    def get(path: str, make: Callable[[], str]) -> tuple[str, Callable[[], Request]]:
        return f"GET {path}", lambda: (f"GET {path}", make(), None)

    def pick(key: str) -> str:
        return str(rng.choice(values[key]))

    return dict([
        get("/api/stats", lambda: "/api/stats"),
        get("/api/search", lambda: "/api/search?" + urlencode({"q": pick("words")})),
        get("/api/quotes", lambda: "/api/quotes?" + urlencode(
            rng.choice([{"speaker": pick("names")}, {"q": pick("words")}, {"about": pick("names")}]) | {"limit": 20})),
        get("/api/entities", lambda: "/api/entities?" + urlencode({"q": pick("names")})),
        get("/api/entities/{ident}", lambda: f"/api/entities/{pick('entities')}"),
        get("/api/events", lambda: "/api/events?" + urlencode({"with": pick("names"), "limit": 20})),
        get("/api/timeline/{ident}", lambda: f"/api/timeline/{pick('entities')}?limit=100"),
        get("/api/documents/{doc_id}", lambda: "/api/documents/" + quote(pick("documents"), safe="")),
        (ANALYZE, lambda: (ANALYZE, "/api/analyze", {"text": pick("passages")})),
    ])


def plan(makers: dict[str, Callable[[], Request]], size: int, analyze_share: float, seed: int) -> list[Request]:
    """One request to each endpoint, then more up to `size`: the GET endpoints in equal shares, POST
    /api/analyze in `analyze_share`."""
    rng = random.Random(seed)
    gets = [make for name, make in makers.items() if name != ANALYZE]
    return [make() for make in makers.values()] + [
        makers[ANALYZE]() if rng.random() < analyze_share else rng.choice(gets)() for _ in range(size - len(makers))]


def send(http: httpx.Client, request: Request) -> Sample:
    """(endpoint, seconds, ok) of one request: ok is a 200."""
    endpoint, path, body = request
    started = time.perf_counter()
    try:
        response = http.post(path, json=body) if body is not None else http.get(path)
        ok = response.status_code == 200
    except httpx.HTTPError:
        ok = False
    return endpoint, time.perf_counter() - started, ok


def client(base: str, requests: list[Request], deadline: float | None, seed: int) -> list[Sample]:
    """Without a deadline each request once, in order; else random ones back to back until the deadline."""
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=60) as http:
        if deadline is None:
            return [send(http, request) for request in requests]
        done = []
        while time.monotonic() < deadline:
            done.append(send(http, rng.choice(requests)))
        return done


def warm_up(base: str, requests: list[Request], clients: int) -> list[Sample]:
    """Every request of the plan once, spread over the clients."""
    with ThreadPoolExecutor(clients) as pool:
        return [r for rs in pool.map(lambda n: client(base, requests[n::clients], None, n), range(clients)) for r in rs]


def load(base: str, requests: list[Request], clients: int, duration: float, seed: int) -> list[Sample]:
    """Random requests of the plan from every client for `duration` seconds."""
    deadline = time.monotonic() + duration
    with ThreadPoolExecutor(clients) as pool:
        return [r for rs in pool.map(lambda n: client(base, requests, deadline, seed + n), range(clients)) for r in rs]


def sample_rss(process: psutil.Process, stop: threading.Event, samples: list[int]) -> None:
    while not stop.wait(1.0):
        samples.append(process.memory_info().rss)


def figures(done: list[Sample], duration: float) -> dict[str, Any]:
    """Latency summary, errors and requests per second of some requests."""
    return {**summary([seconds for _, seconds, _ in done]), "errors": sum(not ok for _, _, ok in done),
            "req/s": round(len(done) / duration, 1)}


def measure(base: str, pid: int, requests: list[Request], clients: int, duration: float,
            seed: int) -> tuple[list[Sample], list[Sample], list[int]]:
    """Warm up, then load: the requests of each, and the server's RSS in bytes after the warm-up, every
    second of the load and at its end."""
    process = psutil.Process(pid)
    warm = warm_up(base, requests, clients)
    rss, stop = [process.memory_info().rss], threading.Event()
    sampler = threading.Thread(target=sample_rss, args=(process, stop, rss))
    sampler.start()
    try:
        done = load(base, requests, clients, duration, seed)
    finally:
        stop.set()
        sampler.join()
    rss.append(process.memory_info().rss)
    return warm, done, rss


def run(db: str, clients: int, duration: float, size: int, analyze_share: float, seed: int) -> dict[str, Any]:
    """Serve `db` and measure; figures per endpoint, in total, of the warm-up, and of the server's RSS (MB)."""
    makers = endpoints(parameters(db, random.Random(seed)), random.Random(seed))
    port = free_port()
    log = Path(db).with_name("api_load-server.log") if "://" not in db else Path("api_load-server.log")
    server = start_server(db, port, log)
    try:
        warm, done, rss = measure(f"http://127.0.0.1:{port}", server.pid, plan(makers, size, analyze_share, seed),
                                  clients, duration, seed)
    finally:
        server.terminate()
        server.wait(timeout=30)
    mb = [round(value / 2 ** 20, 1) for value in rss]
    return {"clients": clients, "duration_s": duration, "warm_up_requests": len(warm),
            "warm_up_errors": sum(not ok for _, _, ok in warm),
            "endpoints": {name: figures([r for r in done if r[0] == name], duration) for name in sorted(makers)},
            "total": figures(done, duration),
            "rss_mb": {"after_warm_up": mb[0], "end": mb[-1], "peak": max(mb),
                       "growth_pct": round(100 * (rss[-1] - rss[0]) / rss[0], 1), "every_10_s": mb[::10]}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(DEFAULT_DB))
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of measured load")
    parser.add_argument("--plan", type=int, default=600, help="distinct requests; the warm-up sends each once")
    parser.add_argument("--analyze-share", type=float, default=0.02, help="share of POST /api/analyze requests")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    results = run(args.db, args.clients, args.duration, args.plan, args.analyze_share, args.seed)
    if args.json:
        print(json.dumps(results))
        return
    print_table(f"{args.clients} clients, {args.duration:g} s, {args.db}", {**results["endpoints"], "all": results["total"]})
    rss, errors = results["rss_mb"], results["total"]["errors"] + results["warm_up_errors"]
    verdict = "✓" if rss["growth_pct"] <= 100 * MAX_GROWTH and not errors else "✗"
    print(f"warm-up: {results['warm_up_requests']} requests, {results['warm_up_errors']} errors; server RSS: "
          f"{rss['after_warm_up']} MB after warm-up, {rss['end']} MB at the end (peak {rss['peak']} MB), growth "
          f"{rss['growth_pct']}% (bar: no errors, at most {100 * MAX_GROWTH:g}%) {verdict}")


if __name__ == "__main__":
    main()
