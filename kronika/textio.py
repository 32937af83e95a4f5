"""Reading input documents: files, directories, JSON Lines, stdin; decoding legacy Polish encodings."""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from kronika.errors import InputError

MAX_CHARS = 1_000_000  # the pipeline's limit (spaCy's `nlp.max_length`, on the NFC text)
MAX_BYTES = 6 * MAX_CHARS  # bytes of MAX_CHARS characters at most (6: a JSON `\uXXXX` escape); more: refused unread
SURROGATE = re.compile(r"[\ud800-\udfff]")
POLISH_LETTERS = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
LEGACY_ENCODINGS = ("cp1250", "iso-8859-2")


@dataclass(frozen=True, slots=True)
class Source:
    """One document to analyse: id, text, optional date, and a decoding warning if any."""

    id: str
    text: str
    date: dt.date | None = None
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be read; reported and skipped."""

    id: str
    reason: str


def parse_date(value: str | None) -> dt.date | None:
    """`2023-01-05` -> date; None stays None; anything else is an InputError."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"invalid date {value!r}: expected YYYY-MM-DD") from None


def check_text(text: str) -> None:
    """InputError unless the pipeline can analyse `text`: not blank, valid Unicode, not too long."""
    if not text.strip():
        raise InputError("empty document")
    if surrogate := SURROGATE.search(text):
        raise InputError(f"invalid Unicode: unpaired surrogate U+{ord(surrogate.group()):04X} "
                         f"at character {surrogate.start():,}")
    if (length := len(unicodedata.normalize("NFC", text))) > MAX_CHARS:
        raise InputError(f"document too long: {length:,} characters (limit {MAX_CHARS:,})")


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes -> (text, warning). UTF-8 first, then cp1250 / iso-8859-2 chosen by Polish letters."""
    if not data.strip():
        raise InputError("empty document")
    if len(data) > MAX_BYTES:
        raise InputError(f"document too large: {len(data):,} bytes (limit {MAX_BYTES:,})")
    if b"\x00" in data:
        raise InputError("binary content (NUL bytes): not a text document")
    try:
        text, warning = data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        text, warning = _decode_legacy(data)
    if _control_share(text) > 0.05:
        raise InputError("binary content (control characters): not a text document")
    return text, warning


def _decode_legacy(data: bytes) -> tuple[str, str]:
    candidates = []
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((sum(ch in POLISH_LETTERS for ch in text), encoding, text))
    if not candidates:
        raise InputError("undecodable: neither UTF-8 nor cp1250 nor iso-8859-2")
    _score, encoding, text = max(candidates, key=lambda c: c[0])
    return text, f"not UTF-8: decoded as {encoding}"


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls / max(len(text), 1)


def read_text_file(path: Path) -> Source | Failure:
    """A .txt file; its id is the file name without extension."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return Failure(path.stem, str(error))
    return read_text(data, path.stem)


def read_text(data: bytes, doc_id: str) -> Source | Failure:
    """The bytes of one plain-text document."""
    try:
        text, warning = decode(data)
        check_text(text)
    except InputError as error:
        return Failure(doc_id, str(error))
    return Source(doc_id, text, None, warning)


def read_record(record: object, fallback_id: str) -> Source | Failure:
    """One JSON object `{"id", "text", "date"?}`."""
    if not isinstance(record, dict):
        return Failure(fallback_id, "expected a JSON object with 'id' and 'text'")
    doc_id = str(record.get("id") if record.get("id") is not None else fallback_id)
    text = record.get("text")
    if not isinstance(text, str):
        return Failure(doc_id, "missing or non-string 'text'")
    try:
        check_text(text)
        return Source(doc_id, text, parse_date(record.get("date")))
    except InputError as error:
        return Failure(doc_id, str(error))


def read_jsonl(lines: Iterable[bytes | str], name: str) -> Iterator[Source | Failure]:
    """JSON Lines; a malformed line is a Failure with id `name:line`."""
    for number, line in enumerate(lines, 1):
        if isinstance(line, bytes):
            try:
                line = decode(line)[0] if line.strip() else ""
            except InputError as error:
                yield Failure(f"{name}:{number}", str(error))
                continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Failure(f"{name}:{number}", f"malformed JSON line: {error.msg} (column {error.colno})")
            continue
        yield read_record(record, f"{name}:{number}")


def read_sources(paths: Iterable[str], stdin: IO[bytes] | None = None) -> Iterator[Source | Failure]:
    """Every document named by `paths`, in order: files, directories of .txt, .jsonl, or `-`."""
    for name in paths:
        if name == "-":
            yield from read_jsonl(stdin if stdin is not None else sys.stdin.buffer, "<stdin>")
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix == ".txt" and p.is_file())
            yield from (read_text_file(p) for p in files)
        elif not path.exists():
            yield Failure(path.stem or name, f"no such file or directory: {name}")
        elif path.suffix == ".jsonl":
            with path.open("rb") as lines:
                yield from read_jsonl(lines, path.name)
        else:
            yield read_text_file(path)
