"""One process vs N worker processes vs a local Dask cluster, over the same documents.

Usage: .venv/bin/python -m bench.parallel [--limit 400] [--workers 2] [--runs 3] [CORPUS]
Each mode runs `kronika analyze` as a separate process (start-up and model loads included), output to a file;
modes alternate within each run. Per mode, medians over the runs: wall seconds, documents/s, tokens/s and
tokens/s per core (tokens: the Morfeusz tokenizer's count), seconds to the first output line (start-up plus
the first document), and the peak resident memory of each analysing process (polled every 0.2 s). The
outputs are compared byte for byte after sorting by id.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from bench.throughput import DEFAULT_CORPUS

POLL = 0.2
HELPERS = ("resource_tracker", "semaphore_tracker")  # multiprocessing's own processes: not analysing


@dataclass
class Run:
    seconds: float
    first_result: float
    peak_rss_mb: dict[int, float] = field(default_factory=dict)  # pid -> peak RSS of an analysing process


def run(args: list[str], out: Path) -> Run:
    """`kronika ARGS…` as a separate process, its output to `out`, watched until it ends."""
    started = time.perf_counter()
    first = None
    peaks: dict[int, float] = {}
    with out.open("w") as sink:
        process = subprocess.Popen([sys.executable, "-m", "kronika", *args], stdout=sink)
        root = psutil.Process(process.pid)
        while process.poll() is None:
            _record_peaks(root, peaks)
            if first is None and out.stat().st_size:
                first = time.perf_counter() - started
            time.sleep(POLL)
    if process.returncode:
        raise SystemExit(f"kronika {' '.join(args)} exited with {process.returncode}")
    seconds = time.perf_counter() - started
    return Run(seconds, first if first is not None else seconds, peaks)


def _record_peaks(root: psutil.Process, peaks: dict[int, float]) -> None:
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return
    for process in processes:
        try:
            if any(name in " ".join(process.cmdline()) for name in HELPERS):
                continue
            peaks[process.pid] = max(peaks.get(process.pid, 0.0), process.memory_info().rss / 2**20)
        except psutil.Error:
            continue


def count_tokens(path: Path) -> int:
    from kronika.pipeline.tokenizer import tokenize

    with path.open(encoding="utf-8") as lines:
        return sum(len(tokenize(json.loads(line)["text"])) for line in lines)


def write_sample(corpus: str, limit: int, path: Path) -> Path:
    """The first `limit` documents of a JSON Lines corpus, written to `path`."""
    with open(corpus, encoding="utf-8") as lines:
        path.write_text("".join(line for _, line in zip(range(limit), lines)), encoding="utf-8")
    return path


def summary(runs: list[Run], documents: int, tokens: int, cores: int) -> dict:
    seconds = statistics.median(r.seconds for r in runs)
    return {
        "seconds": round(seconds, 1),
        "all_seconds": [round(r.seconds, 1) for r in runs],
        "docs_per_s": round(documents / seconds, 2),
        "tokens_per_s": round(tokens / seconds),
        "tokens_per_s_per_core": round(tokens / seconds / cores),
        "first_result_s": round(statistics.median(r.first_result for r in runs), 1),
        "peak_rss_mb_per_process": round(statistics.median(max(r.peak_rss_mb.values()) for r in runs)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    sample = write_sample(args.corpus, args.limit, tmp / "sample.jsonl")
    documents = sum(1 for _ in sample.open(encoding="utf-8"))
    tokens = count_tokens(sample)
    modes = {
        "1 process": (["--workers", "1"], 1),
        f"{args.workers} workers": (["--workers", str(args.workers)], args.workers),
        f"dask, {args.workers} workers": (["--dask", "--workers", str(args.workers)], args.workers),
    }
    runs: dict[str, list[Run]] = {name: [] for name in modes}
    outputs: dict[str, list[str]] = {}
    for _ in range(args.runs):
        for name, (flags, _cores) in modes.items():
            out = tmp / f"{len(outputs)}.jsonl"
            runs[name].append(run(["analyze", str(sample), *flags], out))
            outputs[name] = sorted(out.read_text(encoding="utf-8").splitlines(), key=lambda l: json.loads(l)["id"])
    first = next(iter(outputs.values()))
    results = {name: summary(runs[name], documents, tokens, cores) for name, (_flags, cores) in modes.items()}
    print(json.dumps({"documents": documents, "tokens": tokens, "runs": args.runs, "modes": results,
                      "identical": all(o == first for o in outputs.values())}))


if __name__ == "__main__":
    main()
