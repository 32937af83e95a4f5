"""Named-entity metric (docs: /work/shared/EVALUATION.md, "entities").

Spans are (start, end, type) Python-str character offsets, end exclusive, with
types person / organization / place / geo; only outermost spans count.

* exact F1: span and type both equal;
* overlap F1: type equal and spans overlap, matched one-to-one (greedy by
  overlap length, longest first);
* PolEval-style score = 0.8 * overlap F1 + 0.2 * exact F1;
* per-type P/R/F1 (overlap matching, plus exact F1).
"""
from __future__ import annotations

import json
import unicodedata
from collections import Counter
from typing import Iterable, Iterator, Sequence

from kronika.evaluation.report import greedy_pairs, prf
from kronika.pipeline.ner_features import ENTITY_TYPES, TYPE_MAP, doc_char_spans, iter_split

Span = tuple[int, int, str]

# Accepted spellings of the four types in external data (NKJP / PolEval / Kronika).
_TYPE_ALIASES = {**TYPE_MAP, **{t: t for t in ENTITY_TYPES}}


def normalise_type(label: str) -> str | None:
    """`persName`, `persName_forename`, `placeName-settlement`, `person` ... -> Kronika type or None."""
    if label in _TYPE_ALIASES:
        return _TYPE_ALIASES[label]
    main = label.replace("-", "_").split("_", 1)[0]
    return TYPE_MAP.get(main)


def outermost(spans: Iterable[Span]) -> list[Span]:
    """Drop spans lying inside another span (and duplicates); keep the four types only."""
    kept = sorted({(s, e, t) for s, e, t in spans if t in ENTITY_TYPES and e > s},
                  key=lambda x: (x[0], -x[1], x[2]))
    out: list[Span] = []
    max_end = -1
    for s, e, t in kept:
        if out and s >= out[-1][0] and e <= max_end:
            continue  # nested inside an earlier (longer or equal) span
        out.append((s, e, t))
        max_end = max(max_end, e)
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """(P, R, F1) from counts, as `report.prf` computes them."""
    figures = prf(tp, n_pred, n_gold)
    return figures["precision"], figures["recall"], figures["f1"]


def _overlap_matches(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[Span, Span]]:
    """One-to-one matching of same-type overlapping spans, greedy by overlap length."""
    cands = []
    for gi, (gs, ge, gt) in enumerate(gold):
        for pi, (ps, pe, pt) in enumerate(pred):
            if gt == pt:
                ov = min(ge, pe) - max(gs, ps)
                if ov > 0:
                    # prefer longer overlap, then exact boundaries, then document order
                    cands.append((-ov, (gs, ge) != (ps, pe), gi, pi))
    return [(gold[gi], pred[pi]) for gi, pi in greedy_pairs(((ov, exact), gi, pi) for ov, exact, gi, pi in cands)]


def evaluate_spans(gold_docs: Sequence[Sequence[Span]], pred_docs: Sequence[Sequence[Span]]) -> dict:
    """Flat dict of figures for per-document lists of gold and predicted (start, end, type) spans."""
    if len(gold_docs) != len(pred_docs):
        raise ValueError(f"{len(gold_docs)} gold documents but {len(pred_docs)} predicted")
    n_gold: Counter = Counter()
    n_pred: Counter = Counter()
    tp_exact: Counter = Counter()
    tp_overlap: Counter = Counter()
    for gold, pred in zip(gold_docs, pred_docs):
        gold = outermost(gold)
        pred = outermost(pred)
        n_gold.update(t for _, _, t in gold)
        n_pred.update(t for _, _, t in pred)
        gset = set(gold)
        tp_exact.update(t for s, e, t in set(pred) if (s, e, t) in gset)
        tp_overlap.update(g[2] for g, _ in _overlap_matches(gold, pred))
    res: dict = {"documents": len(gold_docs), "gold": sum(n_gold.values()), "predicted": sum(n_pred.values())}
    ng, np_ = res["gold"], res["predicted"]
    res["exact_p"], res["exact_r"], res["exact_f1"] = _prf(sum(tp_exact.values()), np_, ng)
    res["overlap_p"], res["overlap_r"], res["overlap_f1"] = _prf(sum(tp_overlap.values()), np_, ng)
    res["poleval"] = 0.8 * res["overlap_f1"] + 0.2 * res["exact_f1"]
    for t in ENTITY_TYPES:
        p, r, f = _prf(tp_overlap[t], n_pred[t], n_gold[t])
        res[f"{t}_p"], res[f"{t}_r"], res[f"{t}_f1"] = p, r, f
        res[f"{t}_exact_f1"] = _prf(tp_exact[t], n_pred[t], n_gold[t])[2]
        res[f"{t}_gold"], res[f"{t}_predicted"] = n_gold[t], n_pred[t]
    return res


def format_table(res: dict) -> str:
    """One-screen text table of `evaluate_spans` figures."""
    lines = [
        f"documents {res['documents']}  gold {res['gold']}  predicted {res['predicted']}",
        f"PolEval-style {res['poleval']:.4f}   (0.8*overlap F1 + 0.2*exact F1)",
        f"{'':14s} {'P':>7s} {'R':>7s} {'F1':>7s}",
        f"{'overlap':14s} {res['overlap_p']:7.4f} {res['overlap_r']:7.4f} {res['overlap_f1']:7.4f}",
        f"{'exact':14s} {res['exact_p']:7.4f} {res['exact_r']:7.4f} {res['exact_f1']:7.4f}",
        f"{'type':14s} {'P':>7s} {'R':>7s} {'F1':>7s} {'exactF1':>8s} {'gold':>6s}",
    ]
    for t in ENTITY_TYPES:
        lines.append(f"{t:14s} {res[t + '_p']:7.4f} {res[t + '_r']:7.4f} {res[t + '_f1']:7.4f} "
                     f"{res[t + '_exact_f1']:8.4f} {res[t + '_gold']:6d}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Readers: each yields (doc_id, text, gold spans) with NFC-normalised text.
# ---------------------------------------------------------------------------


def nfc_spans(text: str, spans: Iterable[Span]) -> tuple[str, list[Span]]:
    """NFC-normalise `text` and move span offsets accordingly."""
    spans = list(spans)
    norm = unicodedata.normalize("NFC", text)
    if norm == text:
        return text, spans
    cache: dict[int, int] = {}

    def at(i: int) -> int:
        if i not in cache:
            cache[i] = len(unicodedata.normalize("NFC", text[:i]))
        return cache[i]

    return norm, [(at(s), at(e), t) for s, e, t in spans]


def read_nkjp_heldout(path: str, part: str = "test") -> Iterator[tuple[str, str, list[Span]]]:
    """The held-out part of the NKJP IOB file (fixed split `split_of`), text rebuilt by `reconstruct`."""
    for d in iter_split(path, part):
        text, spans = doc_char_spans(d)
        text, spans = nfc_spans(text, spans)
        yield d.doc_id, text, outermost(spans)


def read_poleval_jsonl(path: str) -> Iterator[tuple[str, str, list[Span]]]:
    """PolEval-style JSONL: `{id, text, entities: [{type, start, end}]}`; outermost spans of the four types."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if not line.strip():
                continue
            obj = json.loads(line)
            spans = []
            for ent in obj.get("entities", []):
                t = normalise_type(str(ent.get("type", "")))
                if t is not None:
                    spans.append((int(ent["start"]), int(ent["end"]), t))
            text, spans = nfc_spans(obj["text"], spans)
            yield str(obj.get("id", n)), text, outermost(spans)


def predicted_spans(text: str) -> list[Span]:
    """Outermost name mentions of the four main types that the whole pipeline finds in `text`."""
    from kronika.core import analyze

    entities = analyze(text).to_json()["entities"]
    spans = [(m["start"], m["end"], e["type"]) for e in entities for m in e["mentions"] if m["kind"] == "name"]
    return outermost(s for s in spans if s[2] in ENTITY_TYPES)


def evaluate(path: str, limit: int | None = None) -> dict:
    """`kronika evaluate entities`: NKJP IOB (its held-out test part) or PolEval-style JSONL."""
    docs = read_poleval_jsonl(path) if str(path).endswith(".jsonl") else read_nkjp_heldout(path, part="test")
    gold, pred = [], []
    for number, (_doc_id, text, spans) in enumerate(docs):
        if limit is not None and number >= limit:
            break
        gold.append(spans)
        pred.append(predicted_spans(text))
    return evaluate_spans(gold, pred)
