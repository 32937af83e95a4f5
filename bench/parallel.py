"""One process vs N worker processes vs a local Dask cluster, over the same documents: wall time and docs/s.

Usage: .venv/bin/python bench/parallel.py [--limit 400] [--workers 2] [CORPUS]
Each mode runs `kronika analyze` as a separate process (start-up and model loads included), output to a file;
the outputs are compared byte for byte after sorting by id.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.throughput import DEFAULT_CORPUS


def run(args: list[str], out: Path) -> float:
    """Seconds `kronika ARGS…` takes as a separate process, its output to `out`."""
    started = time.perf_counter()
    with out.open("w") as sink:
        subprocess.run([sys.executable, "-m", "kronika", *args], stdout=sink, check=True)
    return time.perf_counter() - started


def write_sample(corpus: str, limit: int, path: Path) -> Path:
    """The first `limit` documents of a JSON Lines corpus, written to `path`."""
    with open(corpus, encoding="utf-8") as lines:
        path.write_text("".join(line for _, line in zip(range(limit), lines)), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    sample = write_sample(args.corpus, args.limit, tmp / "sample.jsonl")
    modes = {
        "1 process": ["--workers", "1"],
        f"{args.workers} workers": ["--workers", str(args.workers)],
        f"dask, {args.workers} workers": ["--dask", "--workers", str(args.workers)],
    }
    results, outputs = {}, {}
    for name, flags in modes.items():
        out = tmp / f"{len(results)}.jsonl"
        seconds = run(["analyze", str(sample), *flags], out)
        results[name] = {"seconds": round(seconds, 1), "docs_per_s": round(args.limit / seconds, 2)}
        outputs[name] = sorted(out.read_text(encoding="utf-8").splitlines(), key=lambda l: json.loads(l)["id"])
    first = next(iter(outputs.values()))
    print(json.dumps({"documents": args.limit, "modes": results,
                      "identical": all(o == first for o in outputs.values())}))


if __name__ == "__main__":
    main()
