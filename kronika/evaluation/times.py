"""Temporal expressions: strict and relaxed span P/R/F1, type and value accuracy (EVALUATION.md "times")."""
from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kronika.evaluation.report import greedy_pairs, overlap, prf
from kronika.pipeline.time_expressions import TimeExpression


def pipeline_times(text: str, date: dt.date | None) -> list[TimeExpression]:
    """The time expressions the whole `analyze` pipeline reports for `text`."""
    from kronika.core import analyze

    return analyze(text, date).times

Span = tuple[int, int]


def load(path: str | Path, limit: int | None = None) -> Iterator[dict]:
    """Documents of a timex JSONL file: `text`, `doc_date`, `timexes`."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            if line.strip():
                yield json.loads(line)


def _date(value: str | None) -> dt.date | None:
    """`2008-05-08` as a date; None stays None."""
    return dt.date.fromisoformat(value[:10]) if value else None




def relaxed_pairs(pred: list[Span], gold: list[Span]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs of overlapping spans, greedy by overlap size."""
    return greedy_pairs(
        (-overlap(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold) if overlap(p, g) > 0
    )


def _strict(pred: list[Span], gold: list[Span]) -> int:
    """Number of identical spans (as multisets)."""
    remaining = list(gold)
    hits = 0
    for span in pred:
        if span in remaining:
            remaining.remove(span)
            hits += 1
    return hits


def score(docs: Iterable[dict], find: Callable = pipeline_times) -> dict:
    """Every figure of the times task over already loaded documents."""
    n = dict(docs=0, gold=0, predicted=0, strict_correct=0, relaxed_correct=0,
             type_correct=0, value_correct=0, value_scored=0, value_null_gold=0)
    for doc in docs:
        text = unicodedata.normalize("NFC", doc["text"])
        gold = doc["timexes"]
        pred = find(text, _date(doc.get("doc_date")))
        gold_spans = [(g["start"], g["end"]) for g in gold]
        pred_spans = [(p.start, p.end) for p in pred]
        n["docs"] += 1
        n["gold"] += len(gold)
        n["predicted"] += len(pred)
        n["strict_correct"] += _strict(pred_spans, gold_spans)
        for i, j in relaxed_pairs(pred_spans, gold_spans):
            n["relaxed_correct"] += 1
            n["type_correct"] += pred[i].type == gold[j]["type"]
            n["value_null_gold"] += gold[j].get("val") is None  # counted: only a null prediction equals it
            n["value_scored"] += 1
            n["value_correct"] += pred[i].value == gold[j].get("val")
    out: dict = {}
    for name in ("strict", "relaxed"):
        figures = prf(n[f"{name}_correct"], n["predicted"], n["gold"])
        out.update({f"{name}_{key}": value for key, value in figures.items()})
    out["type_accuracy"] = n["type_correct"] / n["relaxed_correct"] if n["relaxed_correct"] else 0.0
    out["value_accuracy"] = n["value_correct"] / n["value_scored"] if n["value_scored"] else 0.0
    out.update(n)
    return out


def evaluate(path: str | Path, find: Callable = pipeline_times, limit: int | None = None) -> dict:
    """Figures of `find` on a timex JSONL file (value accuracy skips gold timexes whose `val` is null)."""
    return score(load(path, limit), find)


def errors(path: str | Path, find: Callable = pipeline_times, limit: int | None = None) -> Iterator[tuple]:
    """(kind, doc id, gold, predicted) for every miss, false alarm and wrong type/value: for error analysis."""
    for doc in load(path, limit):
        text = unicodedata.normalize("NFC", doc["text"])
        gold = doc["timexes"]
        pred = find(text, _date(doc.get("doc_date")))
        pairs = relaxed_pairs([(p.start, p.end) for p in pred], [(g["start"], g["end"]) for g in gold])
        for i, j in pairs:
            g, p = gold[j], pred[i]
            if (g["start"], g["end"]) != (p.start, p.end) or g["type"] != p.type or g.get("val") != p.value:
                yield "diff", doc.get("id"), doc.get("doc_date"), (g["text"], g["type"], g.get("val")), (p.text, p.type, p.value)
        for j in set(range(len(gold))) - {j for _, j in pairs}:
            g = gold[j]
            yield "miss", doc.get("id"), doc.get("doc_date"), (g["text"], g["type"], g.get("val")), text[max(0, g["start"] - 40):g["end"] + 20]
        for i in set(range(len(pred))) - {i for i, _ in pairs}:
            p = pred[i]
            yield "false", doc.get("id"), doc.get("doc_date"), (p.text, p.type, p.value), text[max(0, p.start - 40):p.end + 20]
