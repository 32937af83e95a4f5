"""Sentence boundaries for Polish: abbreviations, initials, dialogue dashes, quotes, headings."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kronika.extensions import READINGS, SECTIONS, STARTS, WORDS
from kronika.pipeline.morphology import Reading

TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "?!.", "!!", "??", "!!!"})
CLOSERS = frozenset({'"', "”", "»", "«", "'", "’", ")", "]"})
OPENERS = frozenset({'"', "„", "«", "»", "(", "[", "'", "‘"})
DASHES = frozenset({"-", "–", "—", "―"})
# Abbreviations that are never the last word of a sentence (a title before a name, `ul.` before a street).
NEVER_FINAL = frozenset(
    "prof dr hab inż mgr lek med doc ks abp bp gen płk ppłk mjr kpt por ppor sierż kmdr adm św pp ob"
    " ul al pl os nr tel art ust pkt par rozdz str tzw tj np m.in ok ds wg im red godz min cd dot"
    " przyp zob por. vs dyr prez min. ambas mec jez woj pow gm".split()
)
# Police, military and fire-service ranks and a few offices, abbreviated before a name (`asp. szt. Józef Nowak`,
# `mł. asp.`, `podkom.`); Morfeusz knows most of them only as unknown or ordinary words (`asp`, `kom`, `post`).
RANKS = frozenset("asp mł podkom nadkom insp nadinsp podinsp kpr chor prok adw sierż kpt mjr płk ppłk ppor kmdr pchor".split())
# Also words or other abbreviations (`10 szt.`, `Zaczął się post.`): ranks only next to a rank (`st. asp.`, `asp. szt.`).
RANKS_IN_PAIRS = frozenset("st szt kom post plut bryg szer gen por dh".split())
ALL_RANKS = RANKS | RANKS_IN_PAIRS


@dataclass(frozen=True, slots=True)
class Tokens:
    """The tokens of a doc as plain lists (no spaCy `Token` objects on the hot path)."""

    words: list[str]
    starts: list[int]
    readings: list[tuple[Reading, ...]]

    def __len__(self) -> int:
        return len(self.words)

    def glued(self, i: int) -> bool:
        """No whitespace between token i and token i + 1."""
        return i + 1 < len(self.words) and self.starts[i] + len(self.words[i]) == self.starts[i + 1]

    def is_space(self, i: int) -> bool:
        return self.words[i].isspace()


def is_upper_start(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit()


def _is_abbreviation(tokens: Tokens, i: int) -> bool:
    """Token i (before a period) is an abbreviation or an initial."""
    word = tokens.words[i]
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True
    return any(r.tag.startswith("brev") for r in tokens.readings[i])


def _next_word(tokens: Tokens, i: int) -> int | None:
    """Index of the next non-space token at or after i."""
    while i < len(tokens) and tokens.is_space(i):
        i += 1
    return i if i < len(tokens) else None


def _ends_sentence(tokens: Tokens, i: int) -> int | None:
    """If a sentence ends with token i (a terminal), the index of the next sentence's first token."""
    words = tokens.words
    j = i + 1
    while j < len(tokens) and words[j] in CLOSERS and tokens.glued(j - 1):
        j += 1
    k = _next_word(tokens, j)
    if k is None or any("\n" in words[m] for m in range(j, k)):
        return None  # the line ends here: sections split it
    if _after_abbreviation(tokens, i) or _rank_before_name(tokens, i, k):
        return None
    nxt = words[k]
    if nxt in DASHES or nxt in OPENERS:
        after = _next_word(tokens, k + 1)
        if after is None:
            return None
        if not is_upper_start(words[after]) and (j > i + 1 or words[i] != "."):
            return None  # `"…" – powiedział`, `Co? – zapytał`: the attribution continues the sentence
        return k
    if is_upper_start(nxt) or (words[i] == "." and _plain_word(tokens, i - 1) and nxt[:1].isalpha()):
        return k
    return None


def _after_abbreviation(tokens: Tokens, i: int) -> bool:
    """A period after `prof`, `ul`, an initial: not a sentence end."""
    if tokens.words[i] != "." or i == 0 or not tokens.glued(i - 1) or not _is_abbreviation(tokens, i - 1):
        return False
    word = tokens.words[i - 1]
    return word.lower() in NEVER_FINAL or (len(word) == 1 and word.isupper())


def _rank_before_name(tokens: Tokens, i: int, k: int) -> bool:
    """`asp.` before another rank, an initial or a first name: `mł. asp. Anna Nowak`, `asp. szt. J. Kowal`."""
    if tokens.words[i] != "." or i == 0 or not tokens.glued(i - 1):
        return False
    word, nxt = tokens.words[i - 1].lower(), tokens.words[k].lower()
    if word not in ALL_RANKS:
        return False
    if word in RANKS_IN_PAIRS and not (nxt in ALL_RANKS or _rank_abbreviation(tokens, i - 3)):
        return False
    return (nxt in ALL_RANKS or (len(nxt) == 1 and tokens.words[k].isupper())
            or any("imię" in r.names for r in tokens.readings[k]))


def _rank_abbreviation(tokens: Tokens, j: int) -> bool:
    """Tokens j, j + 1 are a rank and its period (`asp.`)."""
    return j >= 0 and tokens.words[j].lower() in RANKS and tokens.words[j + 1] == "."


def _plain_word(tokens: Tokens, i: int) -> bool:
    """An ordinary word (not an abbreviation, number or initial) before a period."""
    if i < 0 or not tokens.glued(i):
        return False
    word = tokens.words[i]
    return word.isalpha() and len(word) >= 2 and not _is_abbreviation(tokens, i)


def _list_number(tokens: Tokens, i: int, starts: list[bool]) -> bool:
    """`1.` opening a sentence is a list number, not a sentence."""
    return tokens.words[i] == "." and i > 0 and tokens.words[i - 1].isdigit() and starts[i - 1]


def sentence_starts(doc: Doc) -> list[bool]:
    """Per token: does a sentence start here? Sections (lines) always split."""
    tokens = Tokens(doc._.get(WORDS), doc._.get(STARTS), doc._.get(READINGS))
    starts = [False] * len(tokens)
    for section in doc._.get(SECTIONS) or ():
        first = bisect_left(tokens.starts, section.start)
        if first < len(tokens):
            starts[first] = True
    for i, word in enumerate(tokens.words):
        if word in TERMINALS and not _list_number(tokens, i, starts):
            k = _ends_sentence(tokens, i)
            if k is not None:
                starts[k] = True
    for i, word in enumerate(tokens.words):
        if starts[i] and word.isspace():
            starts[i] = False
    return starts


@Language.component(
    "kronika_sentences", requires=[f"doc._.{SECTIONS}", f"doc._.{WORDS}"], assigns=["token.is_sent_start"]
)
def sentences_component(doc: Doc) -> Doc:
    """Set sentence starts in one array write; whitespace tokens never start a sentence."""
    if not len(doc):
        return doc
    values = [1 if start else -1 for start in sentence_starts(doc)]
    values[0] = 1
    doc.from_array([SENT_START], numpy.array(values, dtype="int64").astype("uint64").reshape(-1, 1))
    return doc
