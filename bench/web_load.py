"""Web pages under load: `kronika serve` on loopback, N concurrent clients, p50/p95 per page.

Usage: .venv/bin/python -m bench.web_load [--db artifacts/bench/corpus-100k.db] [--clients 8] [--duration 60]
       [--seed 1] [--json]

Starts `kronika serve --db DB` in a subprocess on a free 127.0.0.1 port, waits until it answers, then
runs `--clients` threads (one keep-alive httpx client each, no think time): 5 s of warm-up, not counted,
then `--duration` seconds. Each request is a search page (`/?q=…`, the content words
`bench.store_queries` searches for: one or two words, frequent and rare in the articles) or an article
page (`/documents/{id}`, a random stored document), half and half. Any status other than 200 or a
transport error counts as an error. Bars: issue 8 (p95, ms). Also reported: the server's CPU time per
request over the measured seconds (both pages; a steadier figure than latency on a shared machine) and the
cores it used. The server's log goes next to the database (`web_load-server.log`).
"""
from __future__ import annotations

import argparse
import json
import random
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx
import psutil

from bench.corpus_db import DEFAULT_DB
from bench.latency import print_table, summary
from bench.store_queries import SAMPLE, texts, word_queries
from kronika.store import Store

BARS = {"search page": 150.0, "article page": 100.0}
Request = tuple[str, str]  # (page, path)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def requests(db: str, rng: random.Random, count: int = 400) -> list[Request]:
    """Search pages and article pages, half and half, with parameters drawn from the database."""
    with Store.open(db) as store:
        sample = texts(store, "documents", SAMPLE // 10)
        top = store.db.scalar("SELECT max(pk) FROM documents")
        ids = [r[0] for r in store.db.query("SELECT id FROM documents WHERE pk IN (" + ", ".join(
            str(rng.randint(1, top)) for _ in range(count // 2)) + ")")]
    words, _common = word_queries(sample, rng)
    return ([("search page", "/?" + urlencode({"q": q})) for q in rng.choices(words, k=count // 2)]
            + [("article page", "/documents/" + quote(i, safe="")) for i in ids])


def start_server(db: str, port: int, log: Path) -> subprocess.Popen:
    """`kronika serve` on loopback; returns once it answers (or raises)."""
    with log.open("w") as sink:
        server = subprocess.Popen([sys.executable, "-m", "kronika", "serve", "--db", db, "--port", str(port)],
                                  stdout=sink, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"kronika serve exited with {server.returncode}: see {log}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=60).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.5)
    server.terminate()
    raise RuntimeError(f"kronika serve did not answer within 120 s: see {log}")


def server_cpu(server: subprocess.Popen) -> float:
    """CPU seconds (user + system) the server process has used so far."""
    times = psutil.Process(server.pid).cpu_times()
    return times.user + times.system


def client(base: str, plan: list[Request], deadline: float, seed: int) -> list[tuple[str, float, bool]]:
    """Request random pages of the plan back to back until the deadline: (page, seconds, ok) each."""
    rng, done = random.Random(seed), []
    with httpx.Client(base_url=base, timeout=30) as http:
        while time.monotonic() < deadline:
            page, path = rng.choice(plan)
            started = time.perf_counter()
            try:
                ok = http.get(path).status_code == 200
            except httpx.HTTPError:
                ok = False
            done.append((page, time.perf_counter() - started, ok))
    return done


def load(base: str, plan: list[Request], clients: int, duration: float, seed: int) -> dict[str, dict]:
    """Run the clients in threads; per page: latency summary, errors, requests per second."""
    deadline = time.monotonic() + duration
    with ThreadPoolExecutor(clients) as pool:
        done = [r for rs in pool.map(lambda n: client(base, plan, deadline, seed + n), range(clients)) for r in rs]
    return {page: {**summary([s for p, s, _ in done if p == page]),
                   "errors": sum(not ok for p, _, ok in done if p == page),
                   "req/s": round(sum(p == page for p, _, _ in done) / duration, 1)} for page in BARS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(DEFAULT_DB))
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    plan = requests(args.db, random.Random(args.seed))
    port = free_port()
    log = Path(args.db).with_name("web_load-server.log") if "://" not in args.db else Path("web_load-server.log")
    server = start_server(args.db, port, log)
    try:
        base = f"http://127.0.0.1:{port}"
        load(base, plan, args.clients, min(5.0, args.duration), args.seed + 1000)  # warm-up, not counted
        before = server_cpu(server)
        results = load(base, plan, args.clients, args.duration, args.seed)
        cpu = server_cpu(server) - before
    finally:
        server.terminate()
        server.wait(timeout=30)
    served = sum(page["n"] for page in results.values())
    usage = {"server_cpu_ms_per_request": round(1000 * cpu / max(served, 1), 1),
             "server_cores": round(cpu / args.duration, 2)}
    if args.json:
        print(json.dumps({"clients": args.clients, "duration_s": args.duration, "pages": results, **usage}))
    else:
        print_table(f"{args.clients} clients, {args.duration:g} s, {args.db}", results, BARS)
        print(", ".join(f"{name}: {value}" for name, value in usage.items()))


if __name__ == "__main__":
    main()
