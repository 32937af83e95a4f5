"""Adversarial input the way `kronika analyze` reads it: a reader refuses a document with a reason, or the
analysis of what it read is valid output with true spans (`tests.test_schema.check`).

Invalid UTF-8 and lone surrogates (generated), a 5 MB single line, a line at the length limit, 100,000
tiny lines, deeply nested HTML. Arbitrary Unicode, control characters, RTL marks, zero-width joiners,
combining characters, unpaired quote marks and dashes: tests/test_schema.py and fuzz/fuzz_analyze.py.
"""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kronika
from kronika.cli import main
from kronika.textio import MAX_CHARS, Failure, Source, read_jsonl, read_text
from tests.test_cli import assert_spans_true
from tests.test_schema import VALIDATOR, check

POLISH = st.sampled_from(["Zażółć gęślą jaźń", "„Nie wiem” – powiedział", "Łukaszenka", "r.", "\n", " "])
# UTF-8 text broken by stray bytes: lone continuation bytes, truncated sequences, overlongs, encoded surrogates
BROKEN = st.lists(st.one_of(POLISH.map(str.encode), st.sampled_from(
    [b"\x80", b"\xbf", b"\xc5", b"\xe2\x80", b"\xf0\x9f\x98", b"\xc0\xaf", b"\xed\xa0\x80", b"\xff", b"\xfe"])),
    max_size=30).map(b"".join)
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def analysed_or_refused(result: Source | Failure) -> None:
    if isinstance(result, Failure):
        assert result.reason
    else:
        check(result.text)


def analysed(result: Source | Failure) -> None:
    assert isinstance(result, Source), result
    check(result.text)


@SETTINGS
@given(st.one_of(BROKEN, st.binary(max_size=200)))
def test_any_bytes_are_analysed_or_refused_with_a_reason(data: bytes) -> None:
    analysed_or_refused(read_text(data, "fuzz"))


@SETTINGS
@given(st.lists(st.one_of(st.characters(), st.characters(categories=["Cs"])), max_size=60).map("".join))
def test_any_json_string_is_analysed_or_refused_with_a_reason(text: str) -> None:
    line = json.dumps({"id": "x", "text": text}).encode()  # lone surrogates (st.text makes none) become \udxxx
    [result] = read_jsonl([line], "fuzz")
    analysed_or_refused(result)


def test_a_5_mb_single_line_is_refused_with_a_reason(tmp_path, capsys) -> None:
    line = ("Prezydent powiedział, że „granica pozostanie otwarta” – dodał minister. " * 70_000)[:5_000_000]
    path = tmp_path / "line.txt"
    path.write_text(line, encoding="utf-8")
    assert main(["analyze", str(path)]) == 1
    captured = capsys.readouterr()
    assert not captured.out
    assert f"skipped line: document too long: 5,000,000 characters (limit {MAX_CHARS:,})" in captured.err
    [record] = read_jsonl([json.dumps({"id": "j", "text": line})], "in.jsonl")
    assert isinstance(record, Failure) and "document too long" in record.reason


def test_a_single_line_at_the_length_limit_is_analysed() -> None:
    analysed(read_text(b"a" * MAX_CHARS, "line"))


def test_100_000_tiny_lines() -> None:
    """Every span is checked; the schema on the first and last 500 items of each list (jsonschema would take
    a minute over all 100,000 tokens and sentences, which the same code makes)."""
    source = read_text(b"a\n" * 100_000, "lines")
    assert isinstance(source, Source), source
    data = json.loads(json.dumps(kronika.analyze(source.text).to_json(tokens=True), ensure_ascii=False))
    assert len(data["sentences"]) == 100_000
    assert_spans_true(data, source.text)
    VALIDATOR.validate({key: value[:500] + value[-500:] if isinstance(value, list) else value
                        for key, value in data.items()})


def test_deeply_nested_html() -> None:
    depth = 500  # about where browsers stop nesting (Blink: 512)
    html = ("".join(f"{' ' * (n % 40)}<div class=\"d{n}\" data-x='„{n}'>\n" for n in range(depth))
            + "<p>Jan Nowak powiedział: „To <b>nie</b> koniec” – dodał.</p>\n" + "</div>\n" * depth)
    analysed(read_text(html.encode(), "html"))
