"""Events: who did what to whom, when and where (EVALUATION.md "events").

Kind: the CAMEO root (first two digits of `cameo`) or, for non-CAMEO kinds (election,
appointment, resignation, other), the `type` word. A predicted event matches a gold event when
the kinds are equal and the predicted span (`start`-`end`, or any of its `mentions`) overlaps the
gold evidence span; one-to-one, greedy by overlap. Figures: event P/R/F1; on matched events
participant F1 (micro, names agree as speakers do), time accuracy (TIMEX3 value equal, null ==
null) and place accuracy (names agree, null == null). Statements are quotes, not events: events of
type `statement` are dropped from both sides.

Data: a seed `.gold.json` (text in the sibling `.txt`), or a `.jsonl` of `{id, events}` whose
texts are read at run time from ../shared/data/corpus/pcc-texts.jsonl by id (documents whose text
is absent are skipped and counted).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from kronika.evaluation.quotes import speakers_agree
from kronika.evaluation.report import greedy_pairs, overlap, prf

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "pcc-texts.jsonl"
IGNORED_TYPES = frozenset({"statement"})
NON_CAMEO = frozenset({"election", "appointment", "resignation", "other"})


def kind(event: dict) -> str:
    cameo = event.get("cameo")
    if cameo and event.get("type") not in NON_CAMEO:
        return str(cameo)[:2]
    return str(event.get("type"))


@lru_cache(maxsize=1)
def _corpus_texts() -> dict[str, str]:
    texts = {}
    if CORPUS.exists():
        with open(CORPUS, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    texts[row["id"]] = row["text"]
    return texts


def load(path: str | Path, limit: int | None = None, skipped: list | None = None) -> Iterator[dict]:
    """Documents with `text` and gold `events`: a `.jsonl` (texts from the PCC corpus) or a seed `.gold.json`."""
    path = Path(path)
    if path.suffix == ".jsonl":
        count = 0
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                if limit is not None and count >= limit:
                    return
                doc = json.loads(line)
                if "text" not in doc:
                    text = _corpus_texts().get(doc["id"])
                    if text is None:
                        if skipped is not None:
                            skipped.append(doc["id"])
                        continue
                    doc = {**doc, "text": text}
                count += 1
                yield doc
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
        docs = data if isinstance(data, list) else [data]
        for doc in docs[:limit] if limit is not None else docs:
            if "text" not in doc:
                doc = {**doc, "text": path.with_name(path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")}
            yield doc


def predict(text: str, date: str | None = None) -> list[dict[str, Any]]:
    """Events of one text as JSON dicts, offsets into `text` itself."""
    from kronika.core import analyze

    return analyze(text, date).to_json()["events"]


def _spans(event: dict) -> list[tuple[int, int]]:
    spans = [(event["start"], event["end"])]
    spans += [(m["start"], m["end"]) for m in event.get("mentions") or []]
    return spans




def match(pred: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (pred, gold) index pairs: equal kinds and overlapping spans, greedy by overlap."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if kind(p) != kind(g):
                continue
            ov = max(overlap(s, (g["start"], g["end"])) for s in _spans(p))
            if ov:
                cands.append((-ov, i, j))
    return greedy_pairs(cands)


def _name(p: Any) -> str | None:
    return p.get("name") if isinstance(p, dict) else p


def participant_counts(pred: list, gold: list) -> tuple[int, int, int]:
    """(agreeing, predicted, gold) participant names, one-to-one."""
    p_names = [n for n in (_name(p) for p in pred) if n]
    g_names = [n for n in (_name(g) for g in gold) if n]
    used: set[int] = set()
    ok = 0
    for g in g_names:
        for k, p in enumerate(p_names):
            if k not in used and speakers_agree(p, g):
                used.add(k)
                ok += 1
                break
    return ok, len(p_names), len(g_names)


def score(docs, find: Callable[[str, str | None], list[dict]] = predict, errors: list | None = None) -> dict:
    n = Counter()
    by_kind: dict[str, Counter] = {}
    for doc in docs:
        n["documents"] += 1
        text = doc["text"]
        gold = [g for g in doc.get("events") or [] if g.get("type") not in IGNORED_TYPES]
        pred = [p for p in find(text, doc.get("date")) if p.get("type") not in IGNORED_TYPES]
        pairs = match(pred, gold)
        n["gold"] += len(gold)
        n["predicted"] += len(pred)
        n["matched"] += len(pairs)
        for g in gold:
            by_kind.setdefault(kind(g), Counter())["gold"] += 1
        for p in pred:
            by_kind.setdefault(kind(p), Counter())["predicted"] += 1
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        for i, j in pairs:
            p, g = pred[i], gold[j]
            by_kind[kind(g)]["matched"] += 1
            ok, np_, ng = participant_counts(p.get("participants") or [], g.get("participants") or [])
            n["part_ok"] += ok
            n["part_pred"] += np_
            n["part_gold"] += ng
            time_ok = (p.get("time") or None) == (g.get("time") or None)
            place_ok = speakers_agree(p.get("place"), g.get("place"))
            n["time_ok"] += time_ok
            n["place_ok"] += place_ok
            if errors is not None and (not time_ok or not place_ok or ok != np_ or ok != ng):
                errors.append(("ARG", doc.get("id"), kind(g), text[g["start"]:g["end"]][:70],
                               {"participants": ([_name(x) for x in p.get("participants") or []],
                                                 [_name(x) for x in g.get("participants") or []]),
                                "time": (p.get("time"), g.get("time")), "place": (p.get("place"), g.get("place"))}))
        if errors is not None:
            for i, p in enumerate(pred):
                if i not in matched_p:
                    errors.append(("FP", doc.get("id"), kind(p), p["trigger"]["text"],
                                   text[max(0, p["start"] - 40):p["end"] + 40].replace("\n", " ")))
            for j, g in enumerate(gold):
                if j not in matched_g:
                    errors.append(("FN", doc.get("id"), kind(g), text[g["start"]:g["end"]][:90].replace("\n", " "), ""))
    ev = prf(n["matched"], n["predicted"], n["gold"])
    part = prf(n["part_ok"], n["part_pred"], n["part_gold"])
    m = n["matched"]
    return {
        "documents": n["documents"], "gold": n["gold"], "predicted": n["predicted"], "matched": m,
        "event_precision": ev["precision"], "event_recall": ev["recall"], "event_f1": ev["f1"],
        "participant_precision": part["precision"], "participant_recall": part["recall"], "participant_f1": part["f1"],
        "time_accuracy": n["time_ok"] / m if m else 0.0,
        "place_accuracy": n["place_ok"] / m if m else 0.0,
        "by_kind": {k: dict(v) for k, v in sorted(by_kind.items())},
    }


def evaluate(path: str | Path, limit: int | None = None, errors: list | None = None) -> dict:
    """Figures of the events task over one data file (`.jsonl` dev set or seed `.gold.json`)."""
    skipped: list = []
    out = score(load(path, limit, skipped), errors=errors)
    out["skipped_without_text"] = len(skipped)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--errors", action="store_true", help="list unmatched and wrongly filled events")
    args = parser.parse_args(argv)
    errs: list = [] if args.errors else None
    figures = evaluate(args.path, args.limit, errs)
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    for e in errs or []:
        print(*e, sep="\t", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
