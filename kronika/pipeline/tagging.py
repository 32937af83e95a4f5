"""The morphology stage: one lemma and tag per token, chosen among Morfeusz's readings."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy
from spacy.attrs import LEMMA, MORPH, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kronika.extensions import READINGS, WORDS
from kronika.pipeline.morphology import Reading
from kronika.pipeline.ner_features import morph_feature


class Morphology:
    """Sets `token.lemma_`, `token.tag_` (NKJP tagset) and `token.morph` (`Mf=<name-class feature>`)."""

    def __init__(self, vocab: Vocab, model: str | None = None) -> None:
        from kronika.pipeline.tagger import Tagger

        self.vocab = vocab
        self.tagger = Tagger.load(Path(model) if model else None)
        self._feature = lru_cache(maxsize=200_000)(self._feature_hash)

    def __call__(self, doc: Doc) -> Doc:
        readings: list[tuple[Reading, ...]] = doc._.get(READINGS)
        words: list[str] = doc._.get(WORDS)
        index = [i for i, word in enumerate(words) if not word.isspace()]
        chosen = self.tagger.tag([words[i] for i in index], [readings[i] for i in index])
        add = self.vocab.strings.add
        space = (add("_SP"), add(" "), self._feature(" ", ()))
        values = [space] * len(words)
        for i, reading in zip(index, chosen):
            values[i] = (add(reading.tag), add(reading.lemma), self._feature(words[i], readings[i]))
        doc.from_array([TAG, LEMMA, MORPH], numpy.array(values, dtype="uint64").reshape(-1, 3))
        return doc

    def _feature_hash(self, word: str, readings: tuple[Reading, ...]) -> int:
        return self.vocab.morphology.add(f"Mf={morph_feature(word, readings)}")


@Language.factory(
    "kronika_morphology",
    requires=[f"doc._.{READINGS}", f"doc._.{WORDS}"],
    assigns=["token.lemma", "token.tag", "token.morph"],
    default_config={"model": None},
)
def make_morphology(nlp: Language, name: str, model: str | None) -> Morphology:
    return Morphology(nlp.vocab, model)
