"""Article structure: headline, lead, sub-headings, paragraphs and boilerplate, from lines."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from kronika.extensions import SECTIONS

HEADLINE, LEAD, HEADING, PARAGRAPH, BOILERPLATE = "headline", "lead", "heading", "paragraph", "boilerplate"

# A cross-reference label; when the line is only the label, the next line is its teaser.
_SEE_ALSO = re.compile(
    r"^(?:czytaj|zobacz|przeczytaj|sprawdź|polecamy|posłuchaj|obejrzyj)"
    r"(?:\s+(?:też|także|również|więcej|wideo|video|koniecznie))*\s*(?::|$|»|>)",
    re.IGNORECASE,
)
_SEE_ALSO_ONLY = re.compile(_SEE_ALSO.pattern + r"\s*$", re.IGNORECASE)
_BOILERPLATE_LINES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^reklama\s*$",
        r"^(?:fot|foto|zdj|zdjęcie|zdjęcia|fotografia|ilustracja)\s*[.:]",
        r"^(?:źródło|źródła|autor|autorka|oprac|opracowanie|tagi|tematy|udostępnij|komentarze)\s*[.:]",
        r"^(?:\(\s*)?(?:PAP|IAR|KAI|ISBnews|Reuters|AFP|AP|DPA)(?:\s*[/,]\s*[\w. -]{1,40})?(?:\s*\))?\s*$",
        r"^\(\s*[\w.,/ -]{1,20}\s*\)\s*$",
        r"^[-–—]*\s*(?:więcej|czytaj dalej)\s*(?:»|>>|\.\.\.)?\s*$",
    )
]
# A signature closing a paragraph: `… tekst. (PAP)`, `(mk)`, `(oprac. ab)`.
_TRAILING_SIGNATURE = re.compile(r"(?<=[.!?…”\"])\s*(\((?:PAP|IAR|KAI|[a-ząćęłńóśźż]{1,4}(?:/[A-Za-z]{1,5})?|oprac\.[^()]{1,20})\))\s*$")
_FINAL_PUNCTUATION = ".!?…:;,"
_CLOSERS = "\"'”«»)]"
MAX_HEADING_CHARS = 160


@dataclass(frozen=True, slots=True)
class Section:
    """A block of the article: kind is headline, lead, heading, paragraph or boilerplate."""

    kind: str
    start: int
    end: int

    def to_json(self) -> dict:
        return {"kind": self.kind, "start": self.start, "end": self.end}


def lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped of surrounding whitespace."""
    spans = []
    for match in re.finditer(r"[^\n\r\u2028\u2029]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + len(raw) - len(raw.lstrip())
            spans.append((start, start + len(stripped)))
    return spans


def is_heading_like(line: str) -> bool:
    """A short line without final punctuation: `Putin zaprosił Łukaszenkę na śniadanie`."""
    core = line.rstrip(_CLOSERS + " ")
    return (
        0 < len(line) <= MAX_HEADING_CHARS
        and not core.endswith(tuple(_FINAL_PUNCTUATION))
        and any(ch.isalpha() for ch in line)
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"„«»'")
    )


def is_boilerplate(line: str) -> bool:
    """Cross-references, adverts, photo credits, sources, signatures."""
    return bool(_SEE_ALSO.match(line)) or any(p.match(line) for p in _BOILERPLATE_LINES)


def find_sections(text: str) -> list[Section]:
    """Classify every non-blank line of `text`; a trailing signature becomes its own section."""
    spans = lines(text)
    sections: list[Section] = []
    teaser_next = False
    for index, (start, end) in enumerate(spans):
        line = text[start:end]
        if teaser_next or is_boilerplate(line):
            sections.append(Section(BOILERPLATE, start, end))
            teaser_next = bool(_SEE_ALSO_ONLY.match(line))
            continue
        body_end, signature = _split_signature(start, end, line)
        kind = _content_kind(text[start:body_end], index + 1 < len(spans), sections)
        sections.append(Section(kind, start, body_end))
        if signature:
            sections.append(Section(BOILERPLATE, signature, end))
    return sections


def _content_kind(line: str, has_next: bool, done: list[Section]) -> str:
    if not done and has_next and is_heading_like(line):
        return HEADLINE
    if done and done[-1].kind == HEADLINE and not is_heading_like(line):
        return LEAD
    if done and has_next and is_heading_like(line):
        return HEADING
    return PARAGRAPH


def _split_signature(start: int, end: int, line: str) -> tuple[int, int | None]:
    """End of the line's body and start of its trailing signature (None if it has none)."""
    match = _TRAILING_SIGNATURE.search(line)
    if not match or match.start(1) == 0:
        return end, None
    return start + len(line[: match.start(1)].rstrip()), start + match.start(1)


def boilerplate_mask(doc: Doc) -> list[bool]:
    """Per token: does it lie in boilerplate? Later stages skip such tokens."""
    mask = [False] * len(doc)
    for section in doc._.get(SECTIONS) or ():
        if section.kind == BOILERPLATE:
            span = doc.char_span(section.start, section.end, alignment_mode="expand")
            if span is not None:
                mask[span.start : span.end] = [True] * len(span)
    return mask


@Language.component("kronika_structure", assigns=[f"doc._.{SECTIONS}"])
def structure_component(doc: Doc) -> Doc:
    """Set `doc._.sections`."""
    doc._.set(SECTIONS, find_sections(doc.text))
    return doc
