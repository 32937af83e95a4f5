"""Morfeusz 2 adapter: every reading of a word, with homonym markers stripped."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import morfeusz2

_HOMONYM = re.compile(r"(?<=.):[A-Za-z][A-Za-z0-9~]*$")


class Reading(NamedTuple):  # a named tuple: built and hashed hundreds of thousands of times per corpus
    """One morphological reading: base form, Morfeusz tag (may hold dotted alternatives), name classes."""

    lemma: str
    tag: str
    names: tuple[str, ...] = ()

    @property
    def pos(self) -> str:
        return self.tag.split(":", 1)[0]


class Segment(NamedTuple):
    """One edge of the Morfeusz segmentation graph of a chunk."""

    start_node: int
    end_node: int
    orth: str
    reading: Reading


def strip_homonym(lemma: str) -> str:
    """`Łukaszenko:Sm1` -> `Łukaszenko`; a bare `:` stays as it is."""
    return _HOMONYM.sub("", lemma) if ":" in lemma[1:] else lemma


@lru_cache(maxsize=1)
def morfeusz() -> morfeusz2.Morfeusz:
    """The shared analyser (SGJP dictionary shipped in the wheel)."""
    return morfeusz2.Morfeusz(expand_tags=False)


@lru_cache(maxsize=200_000)
def analyse_chunk(chunk: str) -> tuple[Segment, ...]:
    """Every reading of a whitespace-free chunk, as Morfeusz's segmentation graph."""
    reading = _reading
    return tuple(  # the raw binding: no per-reading label lookups
        Segment(i.startNode, i.endNode, i.orth, reading(i.lemma, i.tagId, i.nameId))
        for i in morfeusz()._morfeusz_obj.analyse(chunk)
    )


@lru_cache(maxsize=400_000)
def _reading(lemma: str, tag_id: int, name_id: int) -> Reading:
    resolver = morfeusz()._morfeusz_obj.getIdResolver()
    names = resolver.getName(name_id)
    return Reading(strip_homonym(lemma), resolver.getTag(tag_id), tuple(names.split("|")) if names else ())


@lru_cache(maxsize=200_000)
def analyse_word(word: str) -> tuple[Reading, ...]:
    """Every reading of one word taken as a single segment (empty if Morfeusz splits it)."""
    segments = analyse_chunk(word)
    return tuple(s.reading for s in segments if s.start_node == 0 and s.orth == word)


def first_reading(word: str, readings: tuple[Reading, ...]) -> Reading:
    """The fallback choice when no tagger model is available: Morfeusz's first reading."""
    if readings and readings[0].pos != "ign":
        return Reading(readings[0].lemma, readings[0].tag.split(".")[0], readings[0].names)
    return Reading(word, "ign")
