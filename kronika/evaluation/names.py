"""Evaluation of name base forms (EVALUATION.md, task `names`).

Data: KPWr-style TSV, col 1 gold base form, col 2 surface form, col 6 KPWr category.
Input to the system is the surface phrase and its kind; accuracy is exact, case-sensitive
equality with the gold base form, over all rows and per kind.
"""
from __future__ import annotations

import time
import unicodedata
from pathlib import Path
from typing import Callable, Iterator

KIND_NAMES = ("person", "place", "organization", "other")


def kind_of(category: str) -> str:
    """KPWr category -> kind: nam_liv_person* person, nam_loc* place, nam_org* organization."""
    if category.startswith("nam_liv_person"):
        return "person"
    if category.startswith("nam_loc"):
        return "place"
    if category.startswith("nam_org"):
        return "organization"
    return "other"


def read_rows(path: str | Path) -> Iterator[tuple[str, str, str]]:
    """(gold, surface, kind) for every row (tab-separated, no quoting)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) < 6:
                continue
            gold = unicodedata.normalize("NFC", cols[0])
            surface = unicodedata.normalize("NFC", cols[1])
            yield gold, surface, kind_of(cols[5])


def evaluate(path: str | Path, predict: Callable[[str, str], str] | None = None,
             errors: list | None = None, limit: int | None = None) -> dict:
    """Flat dict of accuracy overall and per kind, with counts and speed."""
    if predict is None:
        from kronika.pipeline.names import base_form as predict
    total = {k: 0 for k in KIND_NAMES}
    right = {k: 0 for k in KIND_NAMES}
    started = time.perf_counter()
    for number, (gold, surface, kind) in enumerate(read_rows(path)):
        if limit is not None and number >= limit:
            break
        pred = unicodedata.normalize("NFC", predict(surface, kind))
        total[kind] += 1
        if pred == gold:
            right[kind] += 1
        elif errors is not None:
            errors.append((kind, surface, gold, pred))
    elapsed = time.perf_counter() - started
    n = sum(total.values())
    out: dict = {"accuracy": sum(right.values()) / n if n else 0.0}
    for k in KIND_NAMES:
        out[f"accuracy_{k}"] = right[k] / total[k] if total[k] else 0.0
    out["count"] = n
    out["correct"] = sum(right.values())
    for k in KIND_NAMES:
        out[f"count_{k}"] = total[k]
    out["seconds"] = round(elapsed, 3)
    out["phrases_per_second"] = round(n / elapsed, 1) if elapsed > 0 else 0.0
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse
    import json

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("data", nargs="+")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors")
    args = ap.parse_args(argv)
    for path in args.data:
        errs: list = []
        res = evaluate(path, errors=errs)
        if args.json:
            print(json.dumps({"data": str(path), **res}, ensure_ascii=False))
        else:
            print(f"names  {path}")
            print(f"  accuracy      {res['accuracy']:.4f}  ({res['correct']}/{res['count']})")
            for k in KIND_NAMES:
                print(f"  {k:<13} {res['accuracy_' + k]:.4f}  (n={res['count_' + k]})")
            print(f"  speed         {res['phrases_per_second']} phrases/s")
        for e in errs[: args.errors]:
            print("\t".join(e))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
