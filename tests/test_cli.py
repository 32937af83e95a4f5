"""The `kronika analyze` front door: files, directories, JSON Lines, stdin, bad input, offsets."""
from __future__ import annotations

import io
import json
import subprocess
import sys

from kronika.cli import main
from tests.conftest import EXAMPLE


def run_cli(capsys, *args: str) -> tuple[int, list[dict], str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


def assert_spans_true(obj: object, text: str) -> None:
    """Every span with a text satisfies text[start:end] == its text."""
    if isinstance(obj, list):
        for item in obj:
            assert_spans_true(item, text)
    elif isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
            assert 0 <= obj["start"] <= obj["end"] <= len(text)
            if isinstance(obj.get("text"), str):
                assert text[obj["start"] : obj["end"]] == obj["text"]
        for value in obj.values():
            assert_spans_true(value, text)


def test_analyze_file_has_the_schema_and_true_offsets(capsys) -> None:
    code, [doc], _ = run_cli(capsys, "analyze", str(EXAMPLE), "--tokens", "--date", "2024-05-14")
    assert code == 0
    assert list(doc)[:4] == ["id", "date", "sections", "sentences"]
    assert {"tokens", "entities", "quotes", "times", "events"} <= set(doc)
    assert doc["id"] == "wizyta-w-gdansku" and doc["date"] == "2024-05-14"
    text = EXAMPLE.read_text(encoding="utf-8")
    assert_spans_true(doc, text)
    assert {t["text"]: t["lemma"] for t in doc["tokens"]}["odwiedził"] == "odwiedzić"
    assert all("." not in t["tag"] for t in doc["tokens"])


def test_directory_jsonl_and_stdin_keep_input_order(capsys, tmp_path, monkeypatch) -> None:
    (tmp_path / "b.txt").write_text("Drugi.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Pierwszy.", encoding="utf-8")
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text('{"id": "j1", "text": "Trzeci.", "date": "2020-01-02"}\n', encoding="utf-8")
    code, docs, _ = run_cli(capsys, "analyze", str(tmp_path), str(jsonl))
    assert code == 0 and [d["id"] for d in docs] == ["a", "b", "j1"]
    assert docs[2]["date"] == "2020-01-02"
    stdin = io.TextIOWrapper(io.BytesIO(b'{"id": "s", "text": "Z wej\\u015bcia."}\n'))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, [doc], _ = run_cli(capsys, "analyze", "-")
    assert code == 0 and doc["id"] == "s"


def test_bad_documents_are_reported_and_skipped(capsys, tmp_path) -> None:
    (tmp_path / "1-empty.txt").write_bytes(b"")
    (tmp_path / "2-binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 10)
    (tmp_path / "3-legacy.txt").write_bytes("Zażółć gęślą jaźń.".encode("cp1250"))
    (tmp_path / "4-good.txt").write_text("Dobry tekst.", encoding="utf-8")
    code, docs, err = run_cli(capsys, "analyze", str(tmp_path))
    assert code == 1
    assert [d["id"] for d in docs] == ["3-legacy", "4-good"]
    assert "1-empty: empty document" in err and "2-binary: binary" in err
    assert "3-legacy: not UTF-8: decoded as cp1250" in err


def test_bad_date_is_a_usage_error(capsys) -> None:
    assert main(["analyze", str(EXAMPLE), "--date", "14.05.2024"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_text_and_pretty_formats(capsys) -> None:
    assert main(["analyze", str(EXAMPLE), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "[headline] Minister Nowak odwiedził stocznię w Gdańsku" in out
    assert "[boilerplate] Czytaj też:" in out
    assert main(["analyze", str(EXAMPLE), "--pretty"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "wizyta-w-gdansku"


def test_decomposed_unicode_offsets_point_into_the_input(capsys, tmp_path) -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Łódź leży w Polsce. Żółw śpi.")
    path = tmp_path / "nfd.txt"
    path.write_text(text, encoding="utf-8")
    code, [doc], _ = run_cli(capsys, "analyze", str(path), "--tokens")
    assert code == 0
    assert_spans_true(doc, text)
    assert [t["text"] for t in doc["tokens"]][0] == text[: text.index(" ")]


def test_the_installed_command_runs_as_a_process() -> None:
    result = subprocess.run([sys.executable, "-m", "kronika", "analyze", str(EXAMPLE), "-"], input="{oops\n",
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert json.loads(result.stdout)["id"] == "wizyta-w-gdansku"
    assert "<stdin>:1: malformed JSON line" in result.stderr


def test_base_forms_adds_base_and_keeps_order(capsys, monkeypatch) -> None:
    lines = [
        {"text": "Sankt Petersburga", "type": "place"},
        {"text": "Dmitrija Pieskowa", "type": "person"},
        {"text": "Muzeum Rosyjskim", "type": "organization"},
    ]
    stdin = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines) + "not json\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code, out, err = run_cli(capsys, "base-forms")
    assert code == 1 and "line 4" in err
    assert [(o["text"], o["base"]) for o in out] == [
        ("Sankt Petersburga", "Sankt Petersburg"),
        ("Dmitrija Pieskowa", "Dmitrij Pieskow"),
        ("Muzeum Rosyjskim", "Muzeum Rosyjskie"),
    ]
