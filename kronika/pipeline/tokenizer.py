"""Morfeusz-based tokenizer: text -> spaCy `Doc` with every reading of every token."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kronika.extensions import READINGS, STARTS, WORDS
from kronika.pipeline.morphology import Reading, Segment, analyse_chunk

_CHUNK = re.compile(r"\S+")
_SPACE = re.compile(r"\s+")
# Longer chunks (URLs, runs without spaces) are cut into words and single symbols first.
MAX_CHUNK = 64
_PIECE = re.compile(r"\w+|\S", re.UNICODE)

Token = tuple[int, int, tuple[Reading, ...]]  # start, end, readings


def choose_path(segments: tuple[Segment, ...]) -> list[list[Segment]]:
    """Pick one path through Morfeusz's segmentation graph, grouped by edge.

    Fewest segments wins, except that a past-tense verb + agglutinate (`miał`+`em`) split
    is preferred to a rare single word (`miałem` as instrumental of `miał`).
    """
    edges: dict[int, dict[int, list[Segment]]] = {}
    for seg in segments:
        edges.setdefault(seg.start_node, {}).setdefault(seg.end_node, []).append(seg)
    if all(len(targets) == 1 for targets in edges.values()):
        return [group for node in sorted(edges) for group in edges[node].values()]
    last = max(seg.end_node for seg in segments)
    best: dict[int, tuple[float, list[list[Segment]]]] = {0: (0.0, [])}
    for node in sorted(edges):
        if node not in best:
            continue
        score, path = best[node]
        for end, group in edges[node].items():
            bonus = _split_bonus(path[-1] if path else None, group)
            candidate = (score - 1.0 + bonus, path + [group])
            if end not in best or candidate[0] > best[end][0]:
                best[end] = candidate
    return best[last][1]


def _split_bonus(previous: list[Segment] | None, group: list[Segment]) -> float:
    if previous and any(s.reading.pos == "aglt" for s in group):
        if any(s.reading.pos == "praet" for s in previous):
            return 1.5
    return 0.0


def tokenize_chunk(chunk: str, offset: int) -> Iterator[Token]:
    """Tokens of one whitespace-free chunk, with offsets into the whole text."""
    if len(chunk) > MAX_CHUNK:
        for piece in _PIECE.finditer(chunk):
            if len(piece.group()) > MAX_CHUNK:  # one very long word: a single unknown token
                yield offset + piece.start(), offset + piece.end(), ()
            else:
                yield from tokenize_chunk(piece.group(), offset + piece.start())
        return
    position = 0
    for group in choose_path(analyse_chunk(chunk)):
        orth = group[0].orth
        if not chunk.startswith(orth, position):  # Morfeusz changed the text: keep the rest whole
            yield offset + position, offset + len(chunk), ()
            return
        readings = tuple(dict.fromkeys(seg.reading for seg in group))
        yield offset + position, offset + position + len(orth), readings
        position += len(orth)
    if position < len(chunk):
        yield offset + position, offset + len(chunk), ()


def tokenize(text: str) -> list[Token]:
    """All tokens of `text` (whitespace excluded)."""
    return [tok for m in _CHUNK.finditer(text) for tok in tokenize_chunk(m.group(), m.start())]


class MorfeuszTokenizer:
    """spaCy tokenizer: words and whitespace from Morfeusz; readings kept in `doc._.readings`."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        readings: list[tuple[Reading, ...]] = []
        position = 0
        for start, end, token_readings in tokenize(text):
            if start > position:
                _add_gap(text[position:start], words, spaces, readings)
            words.append(text[start:end])
            spaces.append(False)
            readings.append(token_readings)
            position = end
        if position < len(text):
            _add_gap(text[position:], words, spaces, readings)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc._.set(READINGS, readings)
        doc._.set(WORDS, words)
        doc._.set(STARTS, _starts(words, spaces))
        return doc

    def to_disk(self, path, **kwargs) -> None:  # nothing to save: Morfeusz ships its dictionary
        pass

    def from_disk(self, path, **kwargs) -> "MorfeuszTokenizer":
        return self


@spacy.registry.tokenizers("kronika.MorfeuszTokenizer.v1")
def create_tokenizer() -> Callable[[Language], MorfeuszTokenizer]:
    """For `[nlp.tokenizer]` in a config: spaCy then never builds its rule-based tokenizer."""
    return lambda nlp: MorfeuszTokenizer(nlp.vocab)


def _starts(words: list[str], spaces: list[bool]) -> list[int]:
    starts, position = [], 0
    for word, space in zip(words, spaces):
        starts.append(position)
        position += len(word) + space
    return starts


def _add_gap(gap: str, words: list[str], spaces: list[bool], readings: list) -> None:
    """Whitespace between tokens: one plain space joins the previous token, the rest is a space token."""
    if words and gap.startswith(" ") and not spaces[-1]:
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)
        readings.append(())
