"""Entry points: build the pipeline once, analyse texts into `Document`s."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from kronika import extensions as ext
from kronika.document import Document
from kronika.offsets import normalize
from kronika.errors import InputError
from kronika.textio import Failure, Source, check_text
from kronika.pipeline import (  # noqa: F401  (register the stages' factories)
    entities,
    events,
    quotations,
    sentences,
    structure,
    tagging,
    time_expressions,
)
from kronika.pipeline import tokenizer  # noqa: F401  (registers kronika.MorfeuszTokenizer.v1)

NER_MODEL = Path(__file__).parent / "models" / "ner"
STAGES = (
    "kronika_morphology",
    "kronika_structure",
    "kronika_sentences",
    "ner",
    "kronika_entities",
    "kronika_quotations",
    "kronika_times",
    "kronika_events",
)


def build() -> Language:
    """A fresh Kronika pipeline: Morfeusz tokenizer, then one component per stage."""
    nlp = spacy.blank("pl", config={"nlp": {"tokenizer": {"@tokenizers": "kronika.MorfeuszTokenizer.v1"}}})
    for name in STAGES:
        if name == "ner":
            _add_ner(nlp)
        else:
            nlp.add_pipe(name)
    return nlp


def _add_ner(nlp: Language) -> None:
    """The trained `ner` component, built from its config and weights (no second pipeline loaded)."""
    config = spacy.util.load_config(NER_MODEL / "config.cfg", interpolate=True)["components"]["ner"]
    factory = config.pop("factory")
    nlp.add_pipe(factory, name="ner", config=config).from_disk(NER_MODEL / "ner", exclude=["vocab"])


@lru_cache(maxsize=1)
def load() -> Language:
    """The shared pipeline, loaded once per process (for `nlp.pipe` users)."""
    return build()


def analyze(text: str, date: dt.date | str | None = None, id: str = "") -> Document:
    """Analyse one text; `date` (the publication date) anchors relative time expressions."""
    date = dt.date.fromisoformat(date) if isinstance(date, str) else date
    return run(load(), Source(id, text, date))


def analyze_many(sources: Iterable[Source | Failure]) -> Iterator[Document | Failure]:
    """Analyse sources in order; a document that fails is returned as a `Failure`, the rest go on."""
    nlp = load()
    for source in sources:
        if isinstance(source, Failure):
            yield source
            continue
        try:
            yield run(nlp, source)
        except InputError as error:
            yield Failure(source.id, str(error))
        except Exception as error:  # one bad document never stops a batch
            yield Failure(source.id, f"analysis failed: {type(error).__name__}: {error}")


def run(nlp: Language, source: Source) -> Document:
    """Run every stage on one source (InputError if the text cannot be analysed: broken or too long).

    A blank text gives an empty analysis here; the readers of the front doors refuse blank documents.
    """
    if source.text.strip():
        check_text(source.text)
    normalised, offsets = normalize(source.text)
    doc = nlp.make_doc(normalised)
    doc._.set(ext.DATE, source.date)
    return Document(source.id, source.text, source.date, nlp(doc), offsets)
