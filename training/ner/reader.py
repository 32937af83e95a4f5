"""spaCy corpus reader that keeps the token features of the stored Docs.

spaCy's own `spacy.Corpus.v1` rebuilds the predicted side of each Example from
the text, which drops `tag_`, `lemma_` and `morph`, so a model embedding TAG,
LEMMA and MORPH would train on empty features and meet real ones only at run
time.  This reader copies the words, spaces and features of each stored Doc
into the predicted Doc (entities stay on the reference only).

    spacy train training/ner/config.cfg --code training/ner/reader.py
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example


def _features_only(ref: Doc) -> Doc:
    return Doc(
        ref.vocab,
        words=[t.text for t in ref],
        spaces=[bool(t.whitespace_) for t in ref],
        tags=[t.tag_ for t in ref],
        lemmas=[t.lemma_ for t in ref],
        morphs=[str(t.morph) for t in ref],
    )


@spacy.registry.readers("kronika.FeatureCorpus.v1")
def feature_corpus(path: Path) -> Callable[[Language], Iterator[Example]]:
    def read(nlp: Language) -> Iterator[Example]:
        for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
            if len(ref):
                yield Example(_features_only(ref), ref)

    return read
