"""The analysis JSON follows docs/analysis.schema.json, and every span is true to the text, for any input."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kronika
from tests.conftest import EXAMPLE
from tests.test_cli import assert_spans_true

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "docs" / "analysis.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

# Polish words, punctuation that drives quotes and sentences, and awkward Unicode.
PIECES = st.sampled_from(
    ["Putin", "powiedział", "że", "Łukaszenkę", "5", "stycznia", "2023", "r.", "prof.", "–", "-", "—", "„", "”",
     '"', "«", "»", ":", ".", ",", "?", "\n", "\n\n", " ", "Czytaj też:", "REKLAMA", "Fot.", "(PAP)",
     "\u200d", "\u200f", "e\u0301", "\u0000", "\t", "żółw", "Warszawie", "dodał", "ocenił", "wczoraj"]
)
TEXTS = st.one_of(st.lists(PIECES, max_size=40).map(" ".join), st.text(max_size=200))


def check(text: str) -> None:
    data = kronika.analyze(text).to_json(tokens=True)
    VALIDATOR.validate(data)
    assert_spans_true(data, text)


def test_the_example_and_the_seed_follow_the_schema(seed_path) -> None:
    for path in (EXAMPLE, seed_path):
        check(path.read_text(encoding="utf-8"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_valid_output_with_true_spans(text: str) -> None:
    check(text)


@pytest.mark.parametrize("text", ["„", "– – –", "\u0301" * 50, "a" * 5000, "Ala.\n" * 2000])
def test_degenerate_texts(text: str) -> None:
    check(text)


def test_a_lone_dash_after_a_name_and_dangling_abbreviations_do_not_crash() -> None:
    from kronika.core import analyze

    for text in ("Putin –", "Putin – który", "6 proc.", "asp.", "27 bm.", "– który –"):
        out = analyze(text).to_json()
        assert all(text[q["start"]:q["end"]] == q["text"] for q in out["quotes"])
