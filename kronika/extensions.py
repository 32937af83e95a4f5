"""Every `doc._` extension Kronika sets, registered once at import."""
from __future__ import annotations

from spacy.tokens import Doc

READINGS = "readings"  # per token: every Morfeusz reading (tuple of Reading)
WORDS = "words"  # per token: its text, and STARTS its character offset (plain lists, no Token objects)
STARTS = "starts"
SECTIONS = "sections"  # list[Section]
ENTITIES = "entities"  # list[Entity]
QUOTES = "quotes"  # list[Quote]
TIMES = "times"  # list[TimeExpression]
EVENTS = "events"  # list[Event]
DATE = "date"  # document date (datetime.date | None)

for _name in (READINGS, WORDS, STARTS, SECTIONS, ENTITIES, QUOTES, TIMES, EVENTS, DATE):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
