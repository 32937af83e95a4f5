"""Sentence boundaries for Polish: abbreviations, initials, dialogue dashes, quotes, headings."""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kronika.extensions import READINGS, SECTIONS

TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "?!.", "!!", "??", "!!!"})
CLOSERS = frozenset({'"', "”", "»", "«", "'", "’", ")", "]"})
OPENERS = frozenset({'"', "„", "«", "»", "(", "[", "'", "‘"})
DASHES = frozenset({"-", "–", "—", "―"})
# Abbreviations that are never the last word of a sentence (a title before a name, `ul.` before a street).
NEVER_FINAL = frozenset(
    "prof dr hab inż mgr lek med doc ks abp bp gen płk ppłk mjr kpt por ppor sierż kmdr adm św pp ob"
    " ul al pl os nr tel art ust pkt par rozdz str tzw tj np m.in ok ds wg im red godz min cd dot"
    " przyp zob por. vs dyr prez min. ambas mec".split()
)


def is_upper_start(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit()


def _is_abbreviation(doc: Doc, i: int) -> bool:
    """Token i (before a period) is an abbreviation or an initial."""
    word = doc[i].text
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True
    readings = doc._.get(READINGS)
    return bool(readings and any(r.tag.startswith("brev") for r in readings[i]))


def _next_word(doc: Doc, i: int) -> int | None:
    """Index of the next non-space token at or after i."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i if i < len(doc) else None


def _ends_sentence(doc: Doc, i: int) -> int | None:
    """If a sentence ends with token i (a terminal), the index of the next sentence's first token."""
    j = i + 1
    while j < len(doc) and doc[j].text in CLOSERS and not doc[j - 1].whitespace_:
        j += 1
    k = _next_word(doc, j)
    if k is None or "\n" in doc[j:k].text:
        return None  # the line ends here: sections split it
    if _after_abbreviation(doc, i):
        return None
    nxt = doc[k].text
    if nxt in DASHES or nxt in OPENERS:
        after = _next_word(doc, k + 1)
        if after is None:
            return None
        if not is_upper_start(doc[after].text) and (j > i + 1 or doc[i].text != "."):
            return None  # `"…" – powiedział`, `Co? – zapytał`: the attribution continues the sentence
        return k
    if is_upper_start(nxt) or (doc[i].text == "." and _plain_word(doc, i - 1) and nxt[:1].isalpha()):
        return k
    return None


def _after_abbreviation(doc: Doc, i: int) -> bool:
    """A period after `prof`, `ul`, an initial: not a sentence end."""
    if doc[i].text != "." or i == 0 or doc[i - 1].whitespace_ or not _is_abbreviation(doc, i - 1):
        return False
    word = doc[i - 1].text
    return word.lower() in NEVER_FINAL or (len(word) == 1 and word.isupper())


def _plain_word(doc: Doc, i: int) -> bool:
    """An ordinary word (not an abbreviation, number or initial) before a period."""
    if i < 0 or doc[i].whitespace_ or not doc[i].text.isalpha() or len(doc[i].text) < 2:
        return False
    return not _is_abbreviation(doc, i)


def sentence_starts(doc: Doc) -> list[bool]:
    """Per token: does a sentence start here? Sections (lines) always split."""
    starts = [False] * len(doc)
    for section in doc._.get(SECTIONS) or ():
        span = doc.char_span(section.start, section.end, alignment_mode="expand")
        if span is not None and len(span):
            starts[span.start] = True
    for i, token in enumerate(doc):
        if token.text in TERMINALS and not _list_number(doc, i, starts):
            k = _ends_sentence(doc, i)
            if k is not None:
                starts[k] = True
    return starts


def _list_number(doc: Doc, i: int, starts: list[bool]) -> bool:
    """`1.` opening a sentence is a list number, not a sentence."""
    return doc[i].text == "." and i > 0 and doc[i - 1].like_num and starts[i - 1]


@Language.component("kronika_sentences", requires=[f"doc._.{SECTIONS}"], assigns=["token.is_sent_start"])
def sentences_component(doc: Doc) -> Doc:
    """Set sentence starts (in one array write); whitespace tokens never start a sentence."""
    if not len(doc):
        return doc
    starts = sentence_starts(doc)
    starts[0] = True
    values = [1 if start and not token.is_space else -1 for token, start in zip(doc, starts)]
    values[0] = 1
    doc.from_array([SENT_START], numpy.array(values, dtype="int64").astype("uint64").reshape(-1, 1))
    return doc
