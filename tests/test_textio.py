"""Reading input: encodings, bad documents, JSON Lines."""
from __future__ import annotations

import io

import pytest

from kronika.errors import InputError
from kronika.textio import Failure, Source, decode, read_jsonl, read_sources

POLISH = "Zażółć gęślą jaźń. Święty Łukasz ślubował w Źródłach."


@pytest.mark.parametrize("encoding", ["cp1250", "iso-8859-2"])
def test_legacy_encodings_are_detected(encoding: str) -> None:
    text, warning = decode(POLISH.encode(encoding))
    assert text == POLISH
    assert encoding in warning


def test_utf8_with_bom() -> None:
    assert decode(("\ufeff" + POLISH).encode("utf-8")) == (POLISH, None)


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty"), (b"   \n\t", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"), (bytes(range(1, 32)) * 20, "binary")],
)
def test_bad_bytes_raise_clear_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(data)


def test_jsonl_reports_bad_lines_and_keeps_the_rest() -> None:
    lines = [
        b'{"id": "a", "text": "Jeden.", "date": "2024-03-01"}\n',
        b"{not json\n",
        b'{"id": "c"}\n',
        b'{"id": "d", "text": "Dwa.", "date": "wczoraj"}\n',
        b"\n",
        b'{"id": "e", "text": "Trzy."}\n',
    ]
    results = list(read_jsonl(lines, "in.jsonl"))
    assert [type(r) for r in results] == [Source, Failure, Failure, Failure, Source]
    assert results[0].date.isoformat() == "2024-03-01"
    assert results[1].id == "in.jsonl:2" and "malformed JSON" in results[1].reason
    assert "text" in results[2].reason
    assert "date" in results[3].reason


def test_directory_is_read_in_name_order(tmp_path) -> None:
    (tmp_path / "b.txt").write_text("Drugi tekst.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Pierwszy tekst.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("pominięty", encoding="utf-8")
    assert [s.id for s in read_sources([str(tmp_path)])] == ["a", "b"]


def test_missing_path_is_a_failure(tmp_path) -> None:
    [result] = read_sources([str(tmp_path / "brak.txt")])
    assert isinstance(result, Failure) and "no such file" in result.reason


def test_stdin_jsonl() -> None:
    stdin = io.BytesIO('{"id": "x", "text": "Ala ma kota."}\n'.encode())
    [source] = read_sources(["-"], stdin=stdin)
    assert source.id == "x" and source.text == "Ala ma kota."
