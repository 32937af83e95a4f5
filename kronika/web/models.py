"""Pydantic models of the JSON API (they make /openapi.json describe every response)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from kronika.errors import InputError
from kronika.textio import check_text


class Open(BaseModel):
    """A model that keeps fields it does not name (the analysis schema may grow)."""

    model_config = ConfigDict(extra="allow")


class AnalyzeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="the article text (plain text, UTF-8)")
    date: dt.date | None = Field(None, description="publication date YYYY-MM-DD; anchors relative times")

    @field_validator("text")
    @classmethod
    def not_blank(cls, value: str) -> str:
        if "\x00" in value:
            raise ValueError("text contains NUL characters")
        try:
            check_text(value)  # blank, broken Unicode (lone surrogates), too long for the pipeline
        except InputError as error:
            raise ValueError(str(error)) from error
        return value


class IngestRequest(AnalyzeRequest):
    id: str = Field(min_length=1, max_length=500, description="document id (same id replaces the stored version)")


class Section(Open):
    kind: str
    start: int
    end: int


class Mention(Open):
    start: int
    end: int
    text: str
    kind: str | None = None
    base: str | None = None


class Entity(Open):
    id: str
    type: str
    name: str
    roles: list[str] = []
    mentions: list[Mention] = []


class Quote(Open):
    start: int
    end: int
    text: str
    kind: str | None = None
    speaker: str | None = None
    speaker_entity: str | None = None
    speaker_mention: dict[str, Any] | None = None
    cue: dict[str, Any] | str | None = None


class TimeExpression(Open):
    start: int
    end: int
    text: str
    type: str | None = None
    value: str | None = None


class Analysis(Open):
    """One analysed article: the `kronika analyze` object (docs/data-model.md) plus its text."""

    id: str
    date: str | None = None
    text: str | None = None
    sections: list[Section] = []
    sentences: list[dict[str, int]] = []
    entities: list[Entity] = []
    quotes: list[Quote] = []
    times: list[TimeExpression] = []
    events: list[dict[str, Any]] = []


class QuoteHit(BaseModel):
    date: str | None
    document: str
    speaker: str | None
    speaker_entity: str | None
    text: str
    cue: str | None
    kind: str | None
    start: int | None
    end: int | None


class EntityRow(BaseModel):
    id: int
    type: str
    name: str
    documents: int
    mentions: int


class EntityRef(BaseModel):
    id: int
    type: str
    name: str


class CoMention(EntityRef):
    documents: int


class LatestQuote(BaseModel):
    date: str | None
    document: str
    text: str


class RolePeriod(BaseModel):
    role: str
    since: str | None
    until: str | None
    documents: int


class EntityProfile(BaseModel):
    id: int
    type: str
    name: str
    documents: int
    mentions: int
    first_seen: str | None
    last_seen: str | None
    mention_kinds: dict[str, int]
    variants: dict[str, int]
    roles: dict[str, int]
    role_periods: list[RolePeriod]
    co_mentioned: list[CoMention]
    quotes: int
    latest_quotes: list[LatestQuote]
    events: dict[str, int]
    also_matches: list[EntityRef]


class Participant(BaseModel):
    name: str | None
    role: str | None
    entity: int | None


class EventHit(BaseModel):
    date: str | None
    document: str
    type: str | None
    cameo: str | None
    time: str | None
    place: str | None
    status: str | None
    participants: list[Participant]
    text: str


class SearchHit(BaseModel):
    document: str
    date: str | None
    score: float
    snippet: str


class TimelineItem(BaseModel):
    date: str | None
    document: str
    what: str
    detail: str | None


class IngestResult(BaseModel):
    id: str
    status: str
    failures: list[dict[str, str]] = []
