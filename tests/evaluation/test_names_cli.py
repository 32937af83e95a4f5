"""`kronika evaluate names` through the command line, on a sample."""
from __future__ import annotations

import json

from kronika.cli import main
from tests.conftest import shared


def test_evaluate_names_on_a_sample(capsys) -> None:
    assert main(["evaluate", "names", str(shared("names/kpwr-ne-lemma-tune.tsv")), "--limit", "200", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["count"] == 200
    assert figures["accuracy"] >= 0.85
