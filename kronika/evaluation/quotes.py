"""Quotes: who said what (EVALUATION.md "quotes").

Figures: quote P/R/F1 (spans matched by >= 50% mutual overlap after stripping quote marks,
dashes and spaces at the edges, one-to-one, greedy by overlap), speaker accuracy over matched
quotes with a gold speaker, attributed-quote P/R/F1 (match AND speaker agreement; a null gold
speaker needs a null prediction), the same broken down by gold kind and by implicit/explicit
speaker (gold `speaker_text` null or not). Gold quotes marked `uncertain` count neither way.

Breakdowns: a subset's gold and its matched predictions are those of the gold quotes in it;
unmatched predictions count against the kind they were predicted with (by kind) and against
no subset of the implicit/explicit split (whether a wrong prediction's speaker is implicit is
not defined), so that split's precision is over matched predictions only.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kronika.evaluation.report import greedy_pairs, overlap, prf

STRIP = "„”\"«»‹›'" + "-–—" + " "
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def load(path: str | Path, limit: int | None = None) -> Iterator[dict]:
    """Documents of a `.jsonl` file (one per line) or a seed `.gold.json` file."""
    path = Path(path)
    if path.suffix == ".jsonl":
        with open(path, encoding="utf-8") as handle:
            count = 0
            for line in handle:
                if not line.strip():
                    continue
                if limit is not None and count >= limit:
                    return
                count += 1
                yield json.loads(line)
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
        docs = data if isinstance(data, list) else [data]
        for doc in docs[:limit] if limit is not None else docs:
            if "text" not in doc:
                txt = path.with_name(path.name.replace(".gold.json", ".txt"))
                doc = {**doc, "text": txt.read_text(encoding="utf-8")}
            yield doc


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without quote marks, dialogue dashes and spaces at its edges."""
    while start < end and (text[start] in STRIP or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in STRIP or text[end - 1].isspace()):
        end -= 1
    return start, end




def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (pred, gold) index pairs overlapping by >= half of each, greedy by overlap."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = overlap(p, g)
            if ov and ov >= 0.5 * (g[1] - g[0]) and ov >= 0.5 * (p[1] - p[0]):
                cands.append((-ov, i, j))
    return greedy_pairs(cands)


def _words(name: str) -> list[str]:
    return _PUNCT.sub(" ", unicodedata.normalize("NFC", name).casefold()).split()


def speakers_agree(pred: str | None, gold: str | None) -> bool:
    """EVALUATION.md: equal after case-folding and removing punctuation, or every word of the
    shorter name in the longer one. Null gold needs null prediction."""
    if gold is None:
        return pred is None
    if pred is None:
        return False
    p, g = _words(pred), _words(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    short, long_ = (p, g) if len(p) <= len(g) else (g, p)
    return all(w in long_ for w in short)


def predict(text: str) -> list[dict[str, Any]]:
    """Quotes of one NFC text as JSON dicts."""
    from kronika.core import analyze

    return analyze(text).to_json()["quotes"]


class _Tally:
    def __init__(self) -> None:
        self.n = dict(gold=0, predicted=0, matched=0, attributed=0, speaker_gold=0, speaker_ok=0)

    def figures(self) -> dict[str, float | int]:
        n = self.n
        q = prf(n["matched"], n["predicted"], n["gold"])
        a = prf(n["attributed"], n["predicted"], n["gold"])
        return {
            "gold": n["gold"], "predicted": n["predicted"], "matched": n["matched"],
            "quote_precision": q["precision"], "quote_recall": q["recall"], "quote_f1": q["f1"],
            "speaker_accuracy": n["speaker_ok"] / n["speaker_gold"] if n["speaker_gold"] else 0.0,
            "attributed_precision": a["precision"], "attributed_recall": a["recall"],
            "attributed_f1": a["f1"],
        }


def score(docs, find: Callable[[str], list[dict]] = predict, errors: list | None = None) -> dict:
    """Every figure of the quotes task over loaded documents."""
    total = _Tally()
    by_kind: dict[str, _Tally] = {k: _Tally() for k in ("direct", "indirect", "mixed")}
    by_implicit = {"implicit": _Tally(), "explicit": _Tally()}
    n_docs = 0
    ignored = 0
    for doc in docs:
        n_docs += 1
        text = unicodedata.normalize("NFC", doc["text"])
        gold = doc.get("quotes") or []
        pred = find(text)
        g_spans = [strip_span(text, g["start"], g["end"]) for g in gold]
        p_spans = [strip_span(text, p["start"], p["end"]) for p in pred]
        pairs = match(p_spans, g_spans)
        matched_p = {i: j for i, j in pairs}
        matched_g = {j: i for i, j in pairs}
        for i, p in enumerate(pred):
            j = matched_p.get(i)
            if j is not None and gold[j].get("uncertain"):
                ignored += 1
                continue
            tallies = [total]
            if j is not None:
                g = gold[j]
                tallies.append(by_kind.setdefault(g["kind"], _Tally()))
                tallies.append(by_implicit["implicit" if g.get("speaker_text") is None else "explicit"])
            else:
                tallies.append(by_kind.setdefault(p.get("kind") or "direct", _Tally()))
                if errors is not None:
                    errors.append(("FP", doc.get("id"), p["kind"], text[p["start"]:p["end"]][:90], p.get("speaker")))
            for t in tallies:
                t.n["predicted"] += 1
        for j, g in enumerate(gold):
            if g.get("uncertain"):
                continue
            tallies = [total, by_kind.setdefault(g["kind"], _Tally()),
                       by_implicit["implicit" if g.get("speaker_text") is None else "explicit"]]
            i = matched_g.get(j)
            for t in tallies:
                t.n["gold"] += 1
            if i is None:
                if errors is not None:
                    errors.append(("FN", doc.get("id"), g["kind"], g["text"][:90], g.get("speaker")))
                continue
            ok = speakers_agree(pred[i].get("speaker"), g.get("speaker"))
            if errors is not None and not ok:
                errors.append(("SPK", doc.get("id"), g["kind"], g["text"][:60],
                               f"pred={pred[i].get('speaker')!r} gold={g.get('speaker')!r}"))
            for t in tallies:
                t.n["matched"] += 1
                if g.get("speaker") is not None:
                    t.n["speaker_gold"] += 1
                    t.n["speaker_ok"] += ok
                t.n["attributed"] += ok
    out: dict[str, Any] = {"documents": n_docs, "ignored_uncertain_matches": ignored}
    out.update(total.figures())
    for kind, tally in by_kind.items():
        out[f"kind_{kind}"] = tally.figures()
    for name, tally in by_implicit.items():
        out[name] = tally.figures()
    return out


def evaluate(path: str | Path, limit: int | None = None) -> dict:
    """Figures of the quotes task over one data file (`.jsonl` or seed `.gold.json`)."""
    return score(load(path, limit))
