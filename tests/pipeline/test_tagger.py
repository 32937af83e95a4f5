"""Disambiguator and unknown-word guesser (uses the shipped model in kronika/models/)."""
from __future__ import annotations

import pytest

from kronika.pipeline.guesser import guess
from kronika.pipeline.morphology import Reading, analyse_word
from kronika.pipeline.tagger import Tagger, clean_lemma, expand_tag, nkjp_tag


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load()


def run(tagger: Tagger, sentence: str) -> list[Reading]:
    words = sentence.split()
    return tagger.tag(words, [analyse_word(w) for w in words])


def test_expand_tag_to_nkjp() -> None:
    assert expand_tag("subst:sg:nom.acc.voc:n:ncol") == ("subst:sg:nom:n", "subst:sg:acc:n", "subst:sg:voc:n")
    assert expand_tag("part") == ("qub",)
    assert nkjp_tag("subst:pl:gen:n:pt") == "subst:pl:gen:n"
    assert nkjp_tag("interp:") == "interp"
    assert clean_lemma("rok:Sm3~lata") == "rok" and clean_lemma(":") == ":"


def test_lemmas_in_a_sentence(tagger: Tagger) -> None:
    out = run(tagger, "Rosjanie spotkali się z Łukaszenką , a drzwi były zamknięte .")
    lemmas = [r.lemma for r in out]
    assert lemmas[4] == "Łukaszenko"
    assert out[4].tag.startswith("subst:sg:inst")
    assert lemmas[1] == "spotkać" and lemmas[2] == "się"
    assert lemmas[8] == "być"
    assert lemmas[9] in ("zamknąć", "zamknięty")
    assert out[-1].tag == "interp"


def test_accusative_and_names(tagger: Tagger) -> None:
    out = run(tagger, "Premier spotkał Łukaszenkę w Mińsku .")
    assert out[2].lemma == "Łukaszenko" and "nazwisko" in out[2].names
    assert out[4].lemma == "Mińsk"


def test_tags_are_specific(tagger: Tagger) -> None:
    out = run(tagger, "Od lat mówi mi , że to miasto ma wiele do zaoferowania .")
    for r in out:
        assert "." not in r.tag or r.tag == "."
        assert ":ncol" not in r.tag and not r.tag.startswith("part")
    lemmas = [r.lemma for r in out]
    assert lemmas[:4] == ["od", "rok", "mówić", "ja"]
    assert lemmas[6] == "ten" and lemmas[7] == "miasto" and lemmas[8] == "mieć"


def test_closed_class_and_capitalisation(tagger: Tagger) -> None:
    out = run(tagger, "Jak to zrobić , nie wiem , ale dałem mu szansę w Polsce .")
    by_word = {w: r.lemma for w, r in zip("Jak to zrobić , nie wiem , ale dałem mu szansę w Polsce .".split(), out)}
    assert by_word["Jak"] == "jak" and by_word["mu"] == "on" and by_word["ale"] == "ale"
    assert by_word["Polsce"] == "Polska" and by_word["wiem"] == "wiedzieć"


def test_unknown_surname_is_guessed(tagger: Tagger) -> None:
    readings = guess("Pieskow")
    assert readings and readings[0].lemma == "Pieskow" and readings[0].tag.startswith("subst")
    out = run(tagger, "Rzecznik Kremla Pieskow powiedział to wczoraj .")
    assert out[2].lemma == "Pieskow" and out[2].tag.startswith("subst:sg")
    assert "nazwisko" in out[2].names


def test_guesser_common_suffixes() -> None:
    lemmas = {r.lemma for r in guess("blogerką")}
    assert "blogerka" in lemmas
    assert any(r.tag.startswith("subst") for r in guess("blogerką"))
    assert guess("2026")[0].tag == "dig"


def test_empty_readings_and_abbreviations(tagger: Tagger) -> None:
    out = tagger.tag(["W", "2020", "r", "."], [analyse_word("W"), analyse_word("2020"), (), analyse_word(".")])
    assert [r.lemma for r in out][2] == "rok"
    assert tagger.tag([], []) == []


def test_usage_labels_and_closed_classes(tagger: Tagger) -> None:
    out = run(tagger, "Dzięki temu patrzy na to , co ma do zrobienia .")
    lemmas = [r.lemma for r in out]
    assert lemmas[0] == "dzięki" and out[0].tag.startswith("prep")  # not the archaic noun `dzięka`
    assert lemmas[1] == "temu" or lemmas[1] == "to"
    assert lemmas[2] == "patrzeć"
    assert out[8].lemma == "do" and out[8].tag.startswith("prep")  # not the musical note


def test_compound_adjective_before_hyphen(tagger: Tagger) -> None:
    out = run(tagger, "Spotkanie polsko - niemieckie odbyło się wczoraj .")
    assert out[1].lemma == "polski" and out[1].tag == "adja"


def test_context_model_keeps_lemmas_and_tags_specific() -> None:
    ctx = Tagger.load(context=True)
    words = "Wczoraj w Warszawie prezydent spotkał się z ministrami .".split()
    out = ctx.tag(words, [analyse_word(w) for w in words])
    assert [r.lemma for r in out][:5] == ["wczoraj", "w", "Warszawa", "prezydent", "spotkać"]
    assert out[2].tag == "subst:sg:loc:f" and out[1].tag.startswith("prep:loc")
    assert all("." not in r.tag or r.tag == "." for r in out)


def test_abbreviations_before_a_full_stop_and_roman_numerals() -> None:
    from kronika.pipeline.morphology import analyse_word
    from kronika.pipeline.tagger import Tagger

    words = ["Wzrost", "o", "5", "proc", ".", "w", "II", "kwartale", "przy", "ul", "."]
    chosen = Tagger.load().tag(words, [analyse_word(w) for w in words])
    assert [chosen[i].lemma for i in (3, 6, 9)] == ["procent", "II", "ulica"]
