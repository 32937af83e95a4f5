"""Wall time of `kronika analyze` on one short file, start to finish: median of runs.

Also the CPU time (user + system) of each run, which a busy machine inflates less than wall time.

Usage: .venv/bin/python bench/startup.py [--runs 5]
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "wizyta-w-gdansku.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times, cpu = [], []
    for _ in range(args.runs):
        before = _children_cpu()
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kronika", "analyze", str(EXAMPLE)], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
        cpu.append(_children_cpu() - before)
    print(json.dumps({"runs": args.runs, "median_s": round(statistics.median(times), 3),
                      "all_s": [round(t, 3) for t in times],
                      "median_cpu_s": round(statistics.median(cpu), 3)}))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
