"""Worker processes: same output as one process, input order kept, crashes and hangs skipped."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

from kronika.cli import main
from kronika.runner import FAULTS_VARIABLE, analyze_dask, analyze_parallel
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


def assert_faults_skipped(results: list) -> None:
    assert [r.id if isinstance(r, Failure) else r["id"] for r in results] == ["d0", "d1", "d2", "d3", "bad"]
    assert isinstance(results[0], dict) and isinstance(results[3], dict)
    assert "crashed" in results[1].reason
    assert "timed out" in results[2].reason


def test_a_crashing_and_a_hanging_document_are_reported_and_skipped(monkeypatch) -> None:
    monkeypatch.setenv(FAULTS_VARIABLE, "d1:crash,d2:hang")
    sources = [Source(f"d{i}", t) for i, t in enumerate(TEXTS)] + [Failure("bad", "empty document")]
    assert_faults_skipped(list(analyze_parallel(sources, workers=2, timeout=10)))


def test_on_a_local_dask_cluster_too_the_rest_completes_exactly_once(monkeypatch) -> None:
    monkeypatch.setenv(FAULTS_VARIABLE, "d1:crash,d2:hang")
    sources = [Source(f"d{i}", t) for i, t in enumerate(TEXTS)] + [Failure("bad", "empty document")]
    results = list(analyze_dask(sources, workers=2, timeout=5, batch_size=3))
    assert_faults_skipped(results)
    monkeypatch.delenv(FAULTS_VARIABLE)
    assert results[3] == list(analyze_parallel(sources[3:4], workers=1))[0]


def test_a_dask_cluster_of_separate_processes_gives_the_same_output(tmp_path, capsys) -> None:
    dask = str(Path(sys.executable).parent / "dask")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    processes = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                   "--dashboard-address", ":0"], stderr=subprocess.DEVNULL)]
    try:
        time.sleep(3)
        processes += [subprocess.Popen([dask, "worker", address, "--nworkers", "1", "--nthreads", "1",
                                        "--no-dashboard"], stderr=subprocess.DEVNULL) for _ in range(2)]
        assert main(["analyze", jsonl(tmp_path), "--workers", "1", "--tokens"]) == 0
        single = capsys.readouterr().out
        assert main(["analyze", jsonl(tmp_path), "--scheduler", address, "--tokens"]) == 0
        assert capsys.readouterr().out == single
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def test_output_does_not_depend_on_the_string_hash_seed(tmp_path) -> None:
    """Worker processes get different hash seeds: a set's order must never decide a result."""
    import os

    path = jsonl(tmp_path)
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-m", "kronika", "analyze", path, "--workers", "1"],
                                capture_output=True, text=True, check=True, env=env)
        outputs.add(result.stdout)
    assert len(outputs) == 1
