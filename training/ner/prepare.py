"""NKJP NER layer -> spaCy DocBin files (train/dev/test by a stable hash of the document id).

    .venv/bin/python training/ner/prepare.py [--src /work/shared/data/ner/nkjp-ner.iob] [--out training/corpus/ner]

Each Doc carries the gold NKJP tokens, tag_ and lemma_ from Kronika's own tagger
(as at run time; `--input corpus` takes the corpus columns instead, which are
automatic and noisy), morph = "Mf=<morph_feature(orth, Morfeusz readings)>",
sentence starts, and the outermost persName/orgName/placeName/geogName spans as
entities person/organization/place/geo.
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

from kronika.pipeline.ner_features import nkjp_to_doc, read_nkjp_iob, split_of, tagger_columns  # noqa: E402
from kronika.pipeline.tagger import Tagger  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default="/work/shared/data/ner/nkjp-ner.iob")
    ap.add_argument("--out", default=str(ROOT / "training" / "corpus" / "ner"))
    ap.add_argument("--input", choices=["tagger", "corpus"], default="tagger")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    nlp = spacy.blank("pl")
    bins = {p: DocBin(store_user_data=False) for p in ("train", "dev", "test")}
    feats: dict[str, str] = {}
    n_docs = collections.Counter()
    n_toks = collections.Counter()
    n_sents = collections.Counter()
    n_ents: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    tagger = Tagger.load() if args.input == "tagger" else None
    for d in read_nkjp_iob(args.src):
        part = split_of(d.doc_id)
        doc = nkjp_to_doc(nlp.vocab, d, feats, tagged=tagger and tagger_columns(tagger, [t.orth for t in d.tokens]))
        bins[part].add(doc)
        n_docs[part] += 1
        n_toks[part] += len(doc)
        n_sents[part] += len(d.sentences)
        for e in doc.ents:
            n_ents[part][e.label_] += 1
    for part, db in bins.items():
        db.to_disk(out / f"{part}.spacy")
        ents = n_ents[part]
        print(f"{part:5s} docs={n_docs[part]:5d} sents={n_sents[part]:6d} tokens={n_toks[part]:8d} "
              f"ents={sum(ents.values()):6d} " + " ".join(f"{k}={ents[k]}" for k in sorted(ents)))
    print(f"distinct word forms: {len(feats)}; wrote {out}; {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
