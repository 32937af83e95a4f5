"""Unknown-word guesser: suffix rules alone and with the preference for foreign spellings."""
from __future__ import annotations

from kronika.pipeline.guesser import guess_scored, suffix_scored


def test_suffix_scored_leaves_foreign_spellings_to_the_rules() -> None:
    assert guess_scored("Shumskiy")[0][0].lemma == "Shumskiy"  # foreign-looking: kept first
    assert suffix_scored("Shumskiy")[0][0].lemma != "Shumskiy"


def test_suffix_scored_shares() -> None:
    scored = suffix_scored("Tikritem")
    assert scored[0][0].lemma == "Tikrit"
    assert abs(sum(share for _r, share in scored) - 1.0) < 1e-6
