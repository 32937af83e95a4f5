"""Throughput of the analysis pipeline over the PCC corpus: docs/s and tokens/s, median of runs.

Usage: .venv/bin/python bench/throughput.py [--until STAGE] [--runs 3] [--limit 0] [CORPUS]
`--until kronika_sentences` stops after that stage (tokens+morphology+structure+sentences).
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from pathlib import Path

from kronika.core import build

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "pcc-texts.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--until", help="last stage to run (default: all)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in open(args.corpus, encoding="utf-8")]
    texts = texts[: args.limit] if args.limit else texts
    nlp = build()
    if args.until:
        names = nlp.pipe_names
        for name in names[names.index(args.until) + 1 :]:
            nlp.remove_pipe(name)
    rates, tokens = [], 0
    for _ in range(args.runs):
        started = time.perf_counter()
        tokens = sum(sum(not t.is_space for t in nlp(text)) for text in texts)
        rates.append((len(texts) / (time.perf_counter() - started), tokens / (time.perf_counter() - started)))
    docs_s = statistics.median(r[0] for r in rates)
    tokens_s = statistics.median(r[1] for r in rates)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"stages": nlp.pipe_names, "documents": len(texts), "tokens": tokens, "runs": args.runs,
                      "docs_per_s": round(docs_s, 1), "tokens_per_s": round(tokens_s), "peak_rss_mb": round(peak),
                      "all_runs_tokens_per_s": [round(r[1]) for r in rates]}))


if __name__ == "__main__":
    main()
