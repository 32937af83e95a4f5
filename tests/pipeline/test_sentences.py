"""Sentence boundaries: abbreviations, initials, dialogue dashes, quotes, headings."""
from __future__ import annotations

import kronika


def sentences(text: str) -> list[str]:
    return [text[s["start"] : s["end"]] for s in kronika.analyze(text).to_json()["sentences"]]


def test_abbreviations_and_initials_do_not_split() -> None:
    text = "Spotkanie z prof. Nowakiem odbyło się przy ul. Długiej. Prowadził je R. Ciomka z Krakowa."
    assert sentences(text) == [
        "Spotkanie z prof. Nowakiem odbyło się przy ul. Długiej.",
        "Prowadził je R. Ciomka z Krakowa.",
    ]


def test_year_abbreviation_can_end_a_sentence() -> None:
    text = "Zakład zamknięto w 2002 r. Nikt go nie kupił."
    assert sentences(text) == ["Zakład zamknięto w 2002 r.", "Nikt go nie kupił."]


def test_dialogue_dashes() -> None:
    text = "– Poruszono wiele spraw – dodał rzecznik. – Rozmowy będą trwały. Tak zapowiedziano.– Dalej."
    assert sentences(text) == [
        "– Poruszono wiele spraw – dodał rzecznik.",
        "– Rozmowy będą trwały.",
        "Tak zapowiedziano.",
        "– Dalej.",
    ]


def test_quote_followed_by_attribution_stays_one_sentence() -> None:
    text = "„Nie wiem. Zobaczymy.” – powiedział minister. Potem wyszedł."
    assert sentences(text)[-2:] == ["Zobaczymy.” – powiedział minister.", "Potem wyszedł."]


def test_headings_are_their_own_sentences() -> None:
    text = "Pierwszy akapit tekstu.\nNowy tytuł bez kropki\nDrugi akapit tekstu."
    assert sentences(text) == ["Pierwszy akapit tekstu.", "Nowy tytuł bez kropki", "Drugi akapit tekstu."]


def test_list_numbers_do_not_split() -> None:
    assert sentences("Należy:\n1. Włączyć komputer.") == ["Należy:", "1. Włączyć komputer."]


def test_abbreviated_ranks_before_a_name_do_not_end_a_sentence() -> None:
    assert sentences("Sprawę prowadzi asp. szt. Józef Trojnar z Gorlic. Policja szuka sprawców.") == [
        "Sprawę prowadzi asp. szt. Józef Trojnar z Gorlic.", "Policja szuka sprawców."]
    assert len(sentences("Mówi mł. asp. Anna Zięba. Sprawę prowadzi podkom. J. Kowal.")) == 2
    assert len(sentences("Zaczął się post. Anna poszła do kościoła.")) == 2  # a word, not a rank
    assert len(sentences("Kupiliśmy 10 szt. Jan był zadowolony.")) == 2
