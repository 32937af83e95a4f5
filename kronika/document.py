"""The analysed document and its JSON form (the `kronika analyze` schema)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from kronika import extensions as ext
from kronika.offsets import OffsetMap


@dataclass
class Document:
    """One analysed article: its id, original text, date, and the spaCy `Doc` of its NFC text."""

    id: str
    text: str
    date: dt.date | None
    doc: Doc
    offsets: OffsetMap | None = None

    @property
    def sections(self) -> list:
        return self.doc._.get(ext.SECTIONS) or []

    @property
    def entities(self) -> list:
        return self.doc._.get(ext.ENTITIES) or []

    @property
    def quotes(self) -> list:
        return self.doc._.get(ext.QUOTES) or []

    @property
    def times(self) -> list:
        return self.doc._.get(ext.TIMES) or []

    @property
    def events(self) -> list:
        return self.doc._.get(ext.EVENTS) or []

    def to_json(self, tokens: bool = False) -> dict[str, Any]:
        """The object `kronika analyze` prints (with `tokens` when asked)."""
        data: dict[str, Any] = {
            "id": self.id,
            "date": self.date.isoformat() if self.date else None,
            "sections": [s.to_json() for s in self.sections],
            "sentences": [_span(s) for s in self.doc.sents if not _blank(s)] if len(self.doc) else [],
        }
        if tokens:
            data["tokens"] = [_token(t) for t in self.doc if not t.is_space]
        data["entities"] = [e.to_json() for e in self.entities]
        data["quotes"] = [q.to_json() for q in self.quotes]
        data["times"] = [t.to_json() for t in self.times]
        data["events"] = [e.to_json() for e in self.events]
        if self.offsets is not None:
            _remap(data, self.offsets, self.text)
        return data


def _blank(span) -> bool:
    return all(t.is_space for t in span)


def _span(span) -> dict[str, int]:
    """A sentence's character span without surrounding whitespace."""
    words = [t for t in span if not t.is_space]
    return {"start": words[0].idx, "end": words[-1].idx + len(words[-1].text)}


def _token(token) -> dict[str, Any]:
    return {
        "start": token.idx,
        "end": token.idx + len(token.text),
        "text": token.text,
        "lemma": token.lemma_,
        "tag": token.tag_,
    }


def _remap(node: Any, offsets: OffsetMap, text: str) -> None:
    """Rewrite every start/end to original-text offsets and every span's text to the original."""
    if isinstance(node, list):
        for item in node:
            _remap(item, offsets, text)
    elif isinstance(node, dict):
        for value in node.values():
            _remap(value, offsets, text)
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            node["start"], node["end"] = offsets(node["start"]), offsets(node["end"])
            if "text" in node:
                node["text"] = text[node["start"] : node["end"]]
