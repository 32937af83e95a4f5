"""The morphology stage: one lemma and tag per token, chosen among Morfeusz's readings."""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kronika.extensions import READINGS
from kronika.pipeline.morphology import Reading


class Morphology:
    """Sets `token.lemma_` and `token.tag_` (NKJP tagset) from the disambiguator."""

    def __init__(self, model: str | None = None) -> None:
        from kronika.pipeline.tagger import Tagger

        self.tagger = Tagger.load(Path(model) if model else None)

    def __call__(self, doc: Doc) -> Doc:
        readings: list[tuple[Reading, ...]] = doc._.get(READINGS)
        index = [i for i, token in enumerate(doc) if not token.is_space]
        chosen = self.tagger.tag([doc[i].text for i in index], [readings[i] for i in index])
        for i, reading in zip(index, chosen):
            token = doc[i]
            token.lemma_ = reading.lemma
            token.tag_ = reading.tag
        return doc


@Language.factory(
    "kronika_morphology",
    requires=[f"doc._.{READINGS}"],
    assigns=["token.lemma", "token.tag"],
    default_config={"model": None},
)
def make_morphology(nlp: Language, name: str, model: str | None) -> Morphology:
    return Morphology(model)
