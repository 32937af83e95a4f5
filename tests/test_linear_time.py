"""Analysis time grows at most linearly with length, also on adversarial inputs (no pathological regexes)."""
from __future__ import annotations

import gc
import time

import pytest

import kronika

PATTERNS = {
    "unclosed quotes": "„Nie wiem – powiedział ",
    "dashes and colons": "– : – : ",
    "digits and dots": "1.2.3.4.5.6.7.8.9 ",
    "speech verbs": "powiedział, że dodał, iż ",
    "capitalised words": "Jan Nowak Anna Kowalska ",
}


def seconds(text: str) -> float:
    started = time.perf_counter()
    kronika.analyze(text)
    return time.perf_counter() - started


@pytest.mark.parametrize("pattern", PATTERNS.values(), ids=PATTERNS.keys())
def test_four_times_longer_takes_at_most_about_four_times_longer(pattern: str) -> None:
    kronika.analyze(pattern)  # load the pipeline outside the timing
    short = min(seconds(pattern * 150) for _ in range(2))
    long = min(seconds(pattern * 600) for _ in range(2))
    assert long < 8 * short + 0.2


@pytest.mark.parametrize("stage", ["kronika_quotations", "kronika_events"])
def test_the_quote_and_event_stages_alone_stay_linear_on_many_quotes(stage: str) -> None:
    """Many quotes and speaker mentions on one line: every lookup is indexed, none scans all quotes."""
    nlp = kronika.load()
    line = "„Zrobimy to” – powiedział Jan Nowak. Według niego Anna Kowalska „nie zgodzi się”. "

    def stage_seconds(reps: int) -> float:
        """Best of three runs of the stage on one document prepared by the stages before it."""
        doc = nlp.make_doc(line * reps)
        for name, proc in nlp.pipeline:
            if name == stage:
                return min(_cpu_seconds(proc, doc) for _ in range(3))
            doc = proc(doc)
        raise AssertionError(f"no stage {stage}")

    short, long = stage_seconds(300), stage_seconds(1200)
    assert long < 8 * short + 0.05


def _cpu_seconds(proc, doc) -> float:
    gc.collect()
    started = time.process_time()
    proc(doc)
    return time.process_time() - started
