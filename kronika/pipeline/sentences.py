"""Sentence boundaries for Polish: abbreviations, initials, dialogue dashes, quotes, headings."""
from __future__ import annotations

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
    nxt = doc[k].text
    if nxt in DASHES or nxt in OPENERS:
        after = _next_word(doc, k + 1)
        if after is None or not is_upper_start(doc[after].text):
            return None  # `"…" – powiedział`: the attribution continues the sentence
        return k
    if not is_upper_start(nxt):
        return None
    if doc[i].text == "." and i > 0 and not doc[i - 1].whitespace_ and _is_abbreviation(doc, i - 1):
        word = doc[i - 1].text
        if word.lower() in NEVER_FINAL or (len(word) == 1 and word.isupper()):
            return None
    return k


def sentence_starts(doc: Doc) -> list[bool]:
    """Per token: does a sentence start here? Sections (lines) always split."""
    starts = [False] * len(doc)
    for section in doc._.get(SECTIONS) or ():
        span = doc.char_span(section.start, section.end, alignment_mode="expand")
        if span is not None and len(span):
            starts[span.start] = True
    for i, token in enumerate(doc):
        if token.text in TERMINALS or (token.text == ":" and _dash_follows(doc, i)):
            k = _ends_sentence(doc, i)
            if k is not None:
                starts[k] = True
    return starts


def _dash_follows(doc: Doc, i: int) -> bool:
    """`Pieskow: – Wiem…`: a colon before a dialogue dash opens a new sentence."""
    k = _next_word(doc, i + 1)
    return k is not None and doc[k].text in DASHES


@Language.component("kronika_sentences", requires=[f"doc._.{SECTIONS}"], assigns=["token.is_sent_start"])
def sentences_component(doc: Doc) -> Doc:
    """Set sentence starts; whitespace tokens never start a sentence."""
    starts = sentence_starts(doc)
    if doc:
        starts[0] = True
    for token, start in zip(doc, starts):
        token.is_sent_start = start and not token.is_space
    return doc
