"""Evaluate the tagger on UD dev files with gold tokenisation (lemma accuracy, tag accuracy vs
XPOS mapped to NKJP) and measure Tagger.tag speed.

    .venv/bin/python training/eval_tagger.py [--context] [--errors 30] [conllu ...]
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kronika.pipeline.morphology import analyse_chunk, analyse_word  # noqa: E402
from kronika.pipeline.tagger import Tagger, nkjp_tag  # noqa: E402

UD = ROOT.parent / "shared" / "data" / "ud"
AGLT = {"m", "em", "ś", "eś", "śmy", "eśmy", "ście", "eście"}


def ud_sents(path: Path):
    sent, mwt = [], None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent, mwt = [], None
                continue
            if line.startswith("#"):
                continue
            c = line.split("\t")
            if "-" in c[0]:
                a, b = map(int, c[0].split("-"))
                mwt = (a, b, c[1])
                continue
            if "." in c[0]:
                continue
            i = int(c[0])
            m = mwt[2] if mwt and mwt[0] <= i <= mwt[1] else None
            sent.append((c[1], c[2], c[4], m))
    if sent:
        yield sent


def readings_for(sent):
    out = []
    for k, (form, _l, _x, m) in enumerate(sent):
        chunk = m
        if chunk is None and form in AGLT and k > 0:  # LFG splits aglt without an MWT line
            chunk = sent[k - 1][0] + form
        rs = None
        if chunk:
            segs = analyse_chunk(chunk)
            rs = tuple(s.reading for s in segs if s.orth == form) or None
        out.append(rs if rs is not None else analyse_word(form))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path,
                    default=[UD / "pl_pdb-ud-dev.conllu", UD / "pl_lfg-ud-dev.conllu"])
    ap.add_argument("--errors", type=int, default=25)
    ap.add_argument("--ctx-weight", type=float, default=None)
    ap.add_argument("--context", action="store_true", help="also load the context model")
    args = ap.parse_args()
    tagger = Tagger.load(context=args.context)
    if args.ctx_weight is not None:
        tagger.ctx_weight = args.ctx_weight
    for path in args.files:
        sents = list(ud_sents(path))
        data = [([w for w, *_ in s], readings_for(s)) for s in sents]
        n = cs = ci = tag_ok = 0
        errs: collections.Counter = collections.Counter()
        t0 = time.perf_counter()
        outs = [tagger.tag(ws, rs) for ws, rs in data]
        first = time.perf_counter() - t0
        tagger._cache.clear()
        t0 = time.perf_counter()
        for ws, rs in data:
            tagger.tag(ws, rs)
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        for ws, rs in data:
            tagger.tag(ws, rs)
        warm = time.perf_counter() - t0
        for s, out in zip(sents, outs):
            for (form, lemma, xpos, _m), r in zip(s, out):
                assert "." not in r.tag or r.tag == "." , r
                n += 1
                cs += r.lemma == lemma
                ci += r.lemma.lower() == lemma.lower()
                tag_ok += r.tag == nkjp_tag(xpos)
                if r.lemma != lemma:
                    errs[(form, lemma, r.lemma)] += 1
        print(f"{path.name}: {n} tokens  lemma {cs / n:.4f}  lemma-ci {ci / n:.4f}  tag {tag_ok / n:.4f}  "
              f"speed cold {n / cold:,.0f} tok/s, warm {n / warm:,.0f} tok/s")
        if args.errors:
            print("  errors:", errs.most_common(args.errors))


if __name__ == "__main__":
    main()
