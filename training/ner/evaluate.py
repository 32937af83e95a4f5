"""Evaluate a trained NER model on the held-out NKJP part and measure its speed.

    OMP_NUM_THREADS=1 .venv/bin/python training/ner/evaluate.py [--model kronika/models/ner] [--part test]
        [--input gold|morfeusz] [--json]

Documents are rebuilt from the gold NKJP tokens exactly as for training (same
`reconstruct`, tag_ / lemma_ from the corpus, morph from `morph_feature`);
with `--input tagger` tag_/lemma_ come from Kronika's own disambiguator
(kronika.pipeline.tagger, as at runtime), with `--input morfeusz` from the first
Morfeusz reading (a pessimistic stand-in).  Gold and predicted entities are
compared as character spans with `kronika.evaluation.entities.evaluate_spans`.
Speed = words/s of the ner component alone on one thread (docs pre-built).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from kronika.evaluation.entities import evaluate_spans, format_table  # noqa: E402
from kronika.pipeline.morphology import analyse_word  # noqa: E402
from kronika.pipeline.ner_features import (  # noqa: E402
    doc_char_spans, iter_split, make_doc, reconstruct, tagger_columns)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(ROOT / "kronika" / "models" / "ner"))
    ap.add_argument("--src", default="/work/shared/data/ner/nkjp-ner.iob")
    ap.add_argument("--part", default="test")
    ap.add_argument("--input", choices=["gold", "morfeusz", "tagger"], default="gold")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    nlp = spacy.load(args.model)
    if args.input == "tagger":
        from kronika.pipeline.tagger import Tagger

        tagger = Tagger.load()
    gold_spans, docs, offsets_all = [], [], []
    for d in iter_split(args.src, args.part):
        toks = d.tokens
        words = [t.orth for t in toks]
        tags = [t.ctag for t in toks]
        text, offsets, spaces = reconstruct(words, tags)
        _, spans = doc_char_spans(d)
        if args.input == "gold":
            lemmas = [t.base for t in toks]
        elif args.input == "tagger":
            tags, lemmas = tagger_columns(tagger, words)
        else:
            rs = [analyse_word(w) for w in words]
            tags = [r[0].tag if r else "ign" for r in rs]
            lemmas = [r[0].lemma if r else w for r, w in zip(rs, words)]
        doc = make_doc(nlp.vocab, words, tags, lemmas, spaces=spaces)
        assert doc.text == text
        docs.append(doc)
        gold_spans.append(spans)
        offsets_all.append(offsets)

    n_words = sum(len(d) for d in docs)
    ner = nlp.get_pipe("ner")
    # warm-up, then time
    list(ner.pipe((d.copy() for d in docs[:5]), batch_size=64))
    t0, c0 = time.perf_counter(), time.process_time()
    preds = list(ner.pipe(docs, batch_size=64))
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    pred_spans = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in preds]
    res = evaluate_spans(gold_spans, pred_spans)
    res["words"] = n_words
    res["words_per_s"] = n_words / dt
    res["words_per_cpu_s"] = n_words / cpu
    if args.json:
        print(json.dumps(res, indent=1))
    else:
        print(format_table(res))
        print(f"ner speed: {n_words} words in {dt:.2f}s wall = {n_words / dt:.0f} words/s; "
              f"{cpu:.2f}s CPU = {n_words / cpu:.0f} words/CPU-s")


if __name__ == "__main__":
    main()
