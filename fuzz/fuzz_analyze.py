"""Coverage-guided fuzzing of `analyze` (atheris/libFuzzer) on bytes read the way `kronika analyze` reads them.

    .venv/bin/python fuzz/fuzz_analyze.py [NEW_CORPUS_DIR] fuzz/seeds [-runs=N] [-max_total_time=S]

The first byte chooses the reader (a `.txt` file or a JSON Lines record), the next two a publication
date (or none); the rest is the document (see `read`). The reader may refuse it (a `Failure`, which
the CLI reports and skips); otherwise the analysis must not raise, and what the CLI prints must be
JSON of docs/analysis.schema.json whose every span satisfies 0 <= start <= end <= len(text) and
text[start:end] == its text. Any exception or failed check is a finding: libFuzzer stops and saves
the input (`-artifact_prefix=DIR/`). tests/test_fuzz_analyze.py runs this for a bounded time.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with atheris.instrument_imports(include=["kronika"]):
    from kronika.core import analyze
    from kronika.textio import Source, read_jsonl, read_text

from tests.test_cli import assert_spans_true  # noqa: E402
from tests.test_schema import VALIDATOR  # noqa: E402

FIRST_DAY = dt.date(1990, 1, 1)


def read(data: bytes) -> Source | None:
    """The document the CLI would analyse from `data`, or None when its reader refuses it.

    Byte 0: the reader (odd: a JSON Lines record, even: a `.txt` file); bytes 1-2: the publication
    date as days after 1989-12-31 (0: none); the rest: the document.
    """
    route, days, raw = data[:1], int.from_bytes(data[1:3], "little"), data[3:]
    results = list(read_jsonl([raw], "fuzz") if route and route[0] & 1 else [read_text(raw, "fuzz")])
    if len(results) != 1 or not isinstance(results[0], Source):
        return None
    source = results[0]
    if source.date is None and days:
        source = Source(source.id, source.text, FIRST_DAY + dt.timedelta(days=days - 1), source.warning)
    return source


def check(source: Source) -> None:
    """Analyse as the CLI does and assert the output's invariants."""
    data = analyze(source.text, source.date, source.id).to_json(tokens=True)
    printed = json.loads(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    VALIDATOR.validate(printed)
    assert_spans_true(printed, source.text)


def test_one_input(data: bytes) -> None:
    source = read(data)
    if source is not None:
        check(source)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
