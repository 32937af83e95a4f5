"""Where the time goes: seconds per stage over the PCC corpus (second pass, caches warm), and tokens/s.

Usage: .venv/bin/python bench/stages.py [--limit N] [CORPUS]
"""
from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict

from bench.throughput import DEFAULT_CORPUS
from kronika.core import build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in open(args.corpus, encoding="utf-8")]
    texts = texts[: args.limit] if args.limit else texts
    nlp = build()
    for passes in ("cold", "warm"):
        seconds: dict[str, float] = defaultdict(float)
        tokens = 0
        for text in texts:
            started = time.perf_counter()
            doc = nlp.make_doc(text)
            seconds["tokenizer"] += time.perf_counter() - started
            for name, proc in nlp.pipeline:
                started = time.perf_counter()
                doc = proc(doc)
                seconds[name] += time.perf_counter() - started
            tokens += sum(not w.isspace() for w in doc._.words)
        total = sum(seconds.values())
        print(json.dumps({"pass": passes, "tokens": tokens, "tokens_per_s": round(tokens / total),
                          "seconds": {k: round(v, 2) for k, v in seconds.items()}}))


if __name__ == "__main__":
    main()
