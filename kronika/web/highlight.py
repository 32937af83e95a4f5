"""The article text as HTML with quotes, entity mentions and time expressions as <mark> spans.

Safety: every piece of article text goes through `markupsafe.escape` between span boundaries, and every
attribute value (title, class) is escaped too; no raw article text is ever inserted. Spans may nest or
overlap: the text is cut at every span boundary and each piece is wrapped in the marks that cover it
(outermost first), so the HTML is always well-formed.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

ORDER = {"quote": 0, "entity": 1, "time": 2}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    layer: str  # quote | entity | time
    css: str
    title: str
    anchor: str | None = None


@dataclass(frozen=True)
class Block:
    kind: str
    start: int
    end: int
    html: Markup


def _offsets(item: Any, size: int) -> tuple[int, int] | None:
    if not isinstance(item, dict):
        return None
    start, end = item.get("start"), item.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        return None
    start, end = max(0, start), min(size, end)
    return (start, end) if start < end else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get("text") or "")
    return str(value)


def spans(analysis: dict[str, Any], size: int) -> list[Span]:
    """The marks of one analysis (the `kronika analyze` object), clipped to a text of `size` characters."""
    found: list[Span] = []
    for n, quote in enumerate(analysis.get("quotes") or []):
        where = _offsets(quote, size)
        if where is None:
            continue
        speaker = _text(quote.get("speaker")) or "?"
        cue = _text(quote.get("cue"))
        title = f"quote ({quote.get('kind') or '?'}), speaker: {speaker}" + (f", cue: {cue}" if cue else "")
        found.append(Span(*where, "quote", f"quote quote-{quote.get('kind') or 'other'}", title, f"q{n + 1}"))
    for entity in analysis.get("entities") or []:
        if not isinstance(entity, dict):
            continue
        etype, name = str(entity.get("type") or "entity"), _text(entity.get("name"))
        for mention in entity.get("mentions") or []:
            where = _offsets(mention, size)
            if where is None:
                continue
            base = _text(mention.get("base")) or name
            title = f"{etype}: {name}; base form: {base}"
            if mention.get("kind"):
                title += f"; mention: {mention['kind']}"
            found.append(Span(*where, "entity", f"entity entity-{etype}", title))
    for time in analysis.get("times") or []:
        where = _offsets(time, size)
        if where is None:
            continue
        value = _text(time.get("value")) or "?"
        title = f"{time.get('type') or 'time'}: {value}" + (" (inferred)" if time.get("inferred") else "")
        found.append(Span(*where, "time", "time", title))
    return found


def _open(span: Span, anchored: set[str]) -> str:
    anchor = ""
    if span.anchor and span.anchor not in anchored:
        anchored.add(span.anchor)
        anchor = f' id="{escape(span.anchor)}"'
    return f'<mark class="{escape(span.css)}" title="{escape(span.title)}"{anchor}>'


def highlight(text: str, marks: Sequence[Span], start: int = 0, end: int | None = None,
              anchored: set[str] | None = None) -> Markup:
    """Text[start:end] as escaped HTML with the marks overlapping it."""
    end = len(text) if end is None else end
    anchored = set() if anchored is None else anchored
    inside = [s for s in marks if s.start < end and s.end > start]
    cuts = sorted({start, end} | {max(start, s.start) for s in inside} | {min(end, s.end) for s in inside})
    inside.sort(key=lambda s: (s.start, -s.end, ORDER.get(s.layer, 9)))
    out: list[str] = []
    active: list[Span] = []
    pending = 0
    for a, b in zip(cuts, cuts[1:]):
        while pending < len(inside) and inside[pending].start <= a:
            active.append(inside[pending])
            pending += 1
        active = [s for s in active if s.end > a]
        piece = str(escape(text[a:b]))
        if active:
            opened = "".join(_open(s, anchored) for s in active)
            piece = opened + piece + "</mark>" * len(active)
        out.append(piece)
    return Markup("".join(out))


def blocks(text: str, analysis: dict[str, Any]) -> list[Block]:
    """The article as its sections (headline, lead, paragraph, boilerplate, ...), each highlighted."""
    marks = spans(analysis, len(text))
    anchored: set[str] = set()
    sections = sorted((w + (str(s.get("kind") or "paragraph"),) for s in analysis.get("sections") or []
                       if (w := _offsets(s, len(text))) is not None), key=lambda t: t[0])
    result: list[Block] = []
    position = 0
    for start, end, kind in sections:
        if start < position:  # overlapping sections: keep the text once
            start = position
            if start >= end:
                continue
        if text[position:start].strip():
            result.append(Block("other", position, start, highlight(text, marks, position, start, anchored)))
        result.append(Block(kind, start, end, highlight(text, marks, start, end, anchored)))
        position = end
    if text[position:].strip() or not result:
        result.append(Block("other" if sections else "paragraph", position, len(text),
                            highlight(text, marks, position, len(text), anchored)))
    return result


def entity_counts(analysis: dict[str, Any]) -> list[dict[str, Any]]:
    """The document's entities for the side list: name, type, roles, number of mentions."""
    rows = []
    for entity in analysis.get("entities") or []:
        if isinstance(entity, dict):
            rows.append({"name": _text(entity.get("name")), "type": str(entity.get("type") or ""),
                         "roles": [_text(r) for r in entity.get("roles") or []],
                         "mentions": len(entity.get("mentions") or [])})
    rows.sort(key=lambda r: (-r["mentions"], r["name"]))
    return rows


def names(items: Iterable[Any]) -> str:
    return ", ".join(_text(i.get("name") if isinstance(i, dict) else i) for i in items)
