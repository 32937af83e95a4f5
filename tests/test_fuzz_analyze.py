"""The atheris harness fuzz/fuzz_analyze.py, run for a bounded time (KRONIKA_FUZZ_SECONDS, default 60), finds nothing."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HARNESS = ROOT / "fuzz" / "fuzz_analyze.py"
SEEDS = ROOT / "fuzz" / "seeds"
SECONDS = int(os.environ.get("KRONIKA_FUZZ_SECONDS", "60"))


def test_fuzzing_analyze_finds_nothing(tmp_path: Path, record_property) -> None:
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    result = subprocess.run(
        [sys.executable, str(HARNESS), str(corpus), str(SEEDS), f"-max_total_time={SECONDS}", "-max_len=4096",
         "-timeout=60", "-print_final_stats=1", f"-artifact_prefix={tmp_path}/"],
        cwd=ROOT, capture_output=True, text=True, timeout=SECONDS + 300)
    found = re.search(r"stat::number_of_executed_units:\s*(\d+)", result.stderr)
    runs = int(found.group(1)) if found else 0
    record_property("fuzz_analyze_runs", runs)
    print(f"fuzz_analyze: {runs} inputs in {SECONDS} s")
    assert result.returncode == 0, result.stderr[-3000:]
    assert not list(tmp_path.glob("crash-*")) and not list(tmp_path.glob("timeout-*"))
    assert runs > len(list(SEEDS.iterdir())), "the fuzzer ran no more than its seeds"
