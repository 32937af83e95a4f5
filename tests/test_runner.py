"""Worker processes: same output as one process, input order kept, crashes and hangs skipped."""
from __future__ import annotations

import json

from kronika.cli import main
from kronika.runner import FAULTS_VARIABLE, analyze_parallel
from kronika.textio import Failure, Source

TEXTS = [
    "Premier Anna Nowak odwiedziła we wtorek Lublin.",
    "– Nie zgadzam się – powiedział radny Jan Kot.",
    "Sąd w Opolu wydał wyrok 3 marca 2021 r.",
    "Drużyna wróciła do domu.",
]


def jsonl(tmp_path) -> str:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)))
    return str(path)


def test_two_workers_print_exactly_what_one_process_prints(tmp_path, capsys) -> None:
    assert main(["analyze", jsonl(tmp_path), "--workers", "1", "--tokens"]) == 0
    single = capsys.readouterr().out
    assert main(["analyze", jsonl(tmp_path), "--workers", "2", "--tokens"]) == 0
    assert capsys.readouterr().out == single
    assert [json.loads(line)["id"] for line in single.splitlines()] == ["d0", "d1", "d2", "d3"]


def test_a_crashing_and_a_hanging_document_are_reported_and_skipped(monkeypatch) -> None:
    monkeypatch.setenv(FAULTS_VARIABLE, "d1:crash,d2:hang")
    sources = [Source(f"d{i}", t) for i, t in enumerate(TEXTS)] + [Failure("bad", "empty document")]
    results = list(analyze_parallel(sources, workers=2, timeout=10))
    assert [r.id if isinstance(r, Failure) else r["id"] for r in results] == ["d0", "d1", "d2", "d3", "bad"]
    assert "crashed" in results[1].reason
    assert "timed out" in results[2].reason
    assert isinstance(results[3], dict)
