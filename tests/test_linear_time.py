"""Analysis time grows at most linearly with length, also on adversarial inputs (no pathological regexes)."""
from __future__ import annotations

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
