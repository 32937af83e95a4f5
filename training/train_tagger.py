"""Build kronika/models/tagger.json.gz, tagger-context.json.gz and guesser.json.gz from NKJP text.

    .venv/bin/python training/train_tagger.py          # ~6 min on one core
    .venv/bin/python training/eval_tagger.py [--context]   # UD dev lemma/tag accuracy, speed

Why no supervised training: the base/ctag columns of shared/data/ner/nkjp-ner.iob are NOT the
NKJP disambiguation. They hold one interpretation drawn (apparently at random) from each token's
morphosyntactic candidates: `w` is `wiek brev:pun` as often as `w prep:loc`, `i` is `interj` in a
third of cases, `do` is the musical note `do subst:*:n` far more often than the preposition. So
we use only the *text* of NKJP and learn without gold:

* priors: leave-one-out EM over word types: P(reading | form) ∝ P(lemma) · P(tag) · label
  penalty, with candidate sets from Morfeusz (kronika.pipeline.morphology.analyse_word), dotted
  tags expanded to NKJP tags; a form's own tokens do not count as evidence for its (inflecting)
  lemmas; SGJP usage labels (archaic, dialectal...) lower a reading;
* context: averaged perceptrons predicting POS / case / number / gender of a token from its
  neighbours only (forms and ambiguity classes), trained on tokens whose value of that attribute
  Morfeusz leaves unambiguous (so the labels are certain);
* guesser: suffix rules learnt from Morfeusz analyses of corpus words (see guesser.py).

NKJP sentences whose text occurs in the UD dev files (the lemma evaluation) are excluded, and
every 10th document is held out.
"""
from __future__ import annotations

import argparse
import collections
import math
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kronika.pipeline import guesser as guesser_mod  # noqa: E402
from kronika.pipeline.morphology import analyse_word  # noqa: E402
from kronika.pipeline.tagger import _qualified  # noqa: E402
from kronika.pipeline.tagger import (  # noqa: E402
    ATTRS, MODEL_PATH, Tagger, clean_lemma, context_features, context_path, expand_tag, marked_readings,
    tag_attrs,
)

SHARED = ROOT.parent / "shared" / "data"
UD_DEV = [SHARED / "ud" / "pl_pdb-ud-dev.conllu", SHARED / "ud" / "pl_lfg-ud-dev.conllu"]
WINDOW = 30
UNINFLECTED = frozenset({"conj", "comp", "qub", "prep", "adv", "interj", "pred", "brev", "burk", "interp"})


def read_nkjp(path: Path) -> list[list[list[str]]]:
    """Documents -> sentences -> orths."""
    docs: list[list[list[str]]] = []
    sent: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART"):
                if sent:
                    docs[-1].append(sent)
                    sent = []
                if line.startswith("-DOCSTART FILE"):
                    docs.append([])
                continue
            if not line:
                if sent:
                    docs[-1].append(sent)
                sent = []
                continue
            sent.append(line.split("\t", 1)[0])
    if sent:
        docs[-1].append(sent)
    return docs


def ud_keys(paths: list[Path]) -> tuple[set[str], set[str]]:
    exact: set[str] = set()
    windows: set[str] = set()
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("# text = "):
                    key = "".join(line[9:].split())
                    exact.add(key)
                    for k in range(0, max(0, len(key) - WINDOW) + 1):
                        windows.add(key[k:k + WINDOW])
    return exact, windows


def overlaps(key: str, exact: set[str], windows: set[str]) -> bool:
    if key in exact:
        return True
    if len(key) < WINDOW:
        return False
    return any(key[k:k + WINDOW] in windows for k in range(0, len(key) - WINDOW + 1, 3))


def type_candidates(form: str) -> list[tuple[str, str]]:
    """(lemma, specific NKJP tag) pairs of a form."""
    out: dict[tuple[str, str], None] = {}
    for r in analyse_word(form):
        if r.tag == "ign":
            continue
        lemma = clean_lemma(r.lemma)
        for t in expand_tag(r.tag):
            out[(lemma, t)] = None
    return list(out)


def em_priors(counts: collections.Counter, iters: int = 8, alpha: float = 0.5):
    """counts: form -> tokens. Returns lemma/tag log-priors and their floors."""
    cands = {}
    for form in counts:
        c = type_candidates(form)
        if c:
            cands[form] = c
    # Leave-one-out EM: a form's own tokens do not count as evidence for its lemmas, otherwise a
    # lemma attested only by this form (`go` the game, `mi` the note, `oda` for `od`) feeds itself.
    lemma_c: collections.Counter = collections.Counter()
    tag_c: collections.Counter = collections.Counter()
    contrib: dict[str, list[float]] = {}
    for form, cs in cands.items():  # start: uniform split
        share = counts[form] / len(cs)
        contrib[form] = [share] * len(cs)
        for lemma, t in cs:
            lemma_c[lemma] += share
            tag_c[t] += share
    for it in range(iters):
        new_l: collections.Counter = collections.Counter()
        new_t: collections.Counter = collections.Counter()
        for form, cs in cands.items():
            own: dict[str, float] = {}
            for (lemma, _t), c in zip(cs, contrib[form]):
                own[lemma] = own.get(lemma, 0.0) + c
            # uninflected words (conj, prep, adv, ...) have no other forms to give evidence:
            # their own tokens count for them
            marks = _qualified(form)
            sc = [math.log((lemma_c[lemma] if t.split(":", 1)[0] in UNINFLECTED
                            else max(lemma_c[lemma] - own[lemma], 0.0)) + alpha) + math.log(tag_c[t] + alpha)
                  + marks.get((lemma, t), 0.0)
                  for lemma, t in cs]
            m = max(sc)
            ps = [math.exp(s - m) for s in sc]
            z = sum(ps)
            n = counts[form]
            new_contrib = []
            for (lemma, t), p in zip(cs, ps):
                new_l[lemma] += n * p / z
                new_t[t] += n * p / z
                new_contrib.append(n * p / z)
            contrib[form] = new_contrib
        lemma_c, tag_c = new_l, new_t
        print(f"  EM iteration {it + 1}", flush=True)
    lt = sum(lemma_c.values()) + alpha * len(lemma_c)
    tt = sum(tag_c.values()) + alpha * len(tag_c)
    # keep lemmas with some mass: rarer ones fall to the floor
    lp = {k: round(math.log((v + alpha) / lt), 3) for k, v in lemma_c.items() if v >= 0.05}
    tp = {k: round(math.log((v + alpha) / tt), 3) for k, v in tag_c.items()}
    return lp, round(math.log(alpha / lt), 3), tp, round(math.log(alpha / tt), 3)


class AvgPerceptron:
    def __init__(self) -> None:
        self.w: dict[str, dict[str, float]] = collections.defaultdict(dict)
        self.tot: dict[tuple[str, str], float] = collections.defaultdict(float)
        self.ts: dict[tuple[str, str], int] = collections.defaultdict(int)
        self.i = 0

    def predict(self, feats: list[str], classes: list[str]) -> str:
        sc = dict.fromkeys(classes, 0.0)
        for f in feats:
            wf = self.w.get(f)
            if wf:
                for c in classes:
                    v = wf.get(c)
                    if v:
                        sc[c] += v
        return max(classes, key=sc.__getitem__)

    def update(self, truth: str, guess: str, feats: list[str]) -> None:
        self.i += 1
        if truth == guess:
            return
        for f in feats:
            for c, d in ((truth, 1.0), (guess, -1.0)):
                wf = self.w[f]
                v = wf.get(c, 0.0)
                self.tot[(f, c)] += (self.i - self.ts[(f, c)]) * v
                self.ts[(f, c)] = self.i
                wf[c] = v + d

    def averaged(self, min_abs: float) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for f, wf in self.w.items():
            for c, v in wf.items():
                tot = self.tot[(f, c)] + (self.i - self.ts[(f, c)]) * v
                a = tot / self.i
                if abs(a) >= min_abs:
                    out.setdefault(f, {})[c] = round(a, 3)
        return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--nkjp", type=Path, default=SHARED / "ner" / "nkjp-ner.iob")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--max-tokens", type=int, default=300_000, help="context-model training tokens")
    ap.add_argument("--ctx-weight", type=float, default=2.0)
    ap.add_argument("--no-context", action="store_true")
    ap.add_argument("--priors-from", type=Path, help="take priors from this model, skip EM and guesser")
    args = ap.parse_args()
    t0 = time.time()

    docs = read_nkjp(args.nkjp)
    exact, windows = ud_keys(UD_DEV)
    train, held = [], []
    excluded = 0
    for d, doc in enumerate(docs):
        kept = []
        for s in doc:
            if overlaps("".join(s), exact, windows):
                excluded += 1
            else:
                kept.append(s)
        (held if d % 10 == 9 else train).append(kept)
    n_sent = sum(len(d) for d in docs)
    print(f"NKJP: {len(docs)} documents, {n_sent} sentences; excluded {excluded} sentences that occur "
          f"in the UD dev files; train {len(train)} docs, held-out {len(held)} docs", flush=True)

    counts: collections.Counter = collections.Counter(w for doc in train for s in doc for w in s)
    print(f"{sum(counts.values())} training tokens, {len(counts)} types", flush=True)

    if args.priors_from:  # reuse the priors of an existing model (to retrain the context only)
        old = Tagger.load(args.priors_from)
        lp, lf, tp, tf = old.lemma_logp, old.lemma_floor, old.tag_logp, old.tag_floor
    else:
        guesser_mod.train(counts, ROOT / "kronika" / "models" / "guesser.json.gz")
        print(f"guesser trained ({time.time() - t0:.0f}s)", flush=True)
        lp, lf, tp, tf = em_priors(counts)
    print(f"priors: {len(lp)} lemmas, {len(tp)} tags ({time.time() - t0:.0f}s)", flush=True)
    model = {"lemma_logp": lp, "lemma_floor": lf, "tag_logp": tp, "tag_floor": tf,
             "marked": marked_readings(counts), "ctx_weight": 0.0, "weights": {}}
    tagger = Tagger(model, context=True)

    if not args.no_context:
        percs = {a: AvgPerceptron() for a in ATTRS}
        values = {a: set() for a in ATTRS}
        sents = [s for doc in train for s in doc]
        random.Random(1).shuffle(sents)
        n_tok = 0
        for ep in range(args.epochs):
            for s in sents:
                if n_tok >= args.max_tokens * (ep + 1):
                    break
                entries = [tagger.candidates(w, analyse_word(w)) for w in s]
                classes = [e[1] for e in entries]
                for i, e in enumerate(entries):
                    n_tok += 1
                    feats = None
                    for k, a in enumerate(ATTRS):
                        vals = {tag_attrs(t)[k] for _, t, _ in e[0]}
                        if len(vals) != 1:
                            continue
                        (v,) = vals
                        if not v:
                            continue
                        if feats is None:
                            feats = context_features(s, classes, i)
                        label = f"{a}={v}"
                        values[a].add(label)
                        p = percs[a]
                        p.update(label, p.predict(feats, sorted(values[a])), feats)
                if n_tok % 100_000 < len(s):
                    print(f"  context: {n_tok} tokens ({time.time() - t0:.0f}s)", flush=True)
        weights: dict[str, dict[str, float]] = {}
        for a, p in percs.items():
            for f, wf in p.averaged(0.05).items():
                weights.setdefault(f, {}).update(wf)
        model["weights"] = weights
        model["ctx_weight"] = args.ctx_weight
        print(f"context model: {len(weights)} features ({time.time() - t0:.0f}s)", flush=True)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    Tagger(model).save(args.out)
    sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.1f} MB" for p in (args.out, context_path(args.out)) if p.exists())
    print(f"saved {sizes} in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
