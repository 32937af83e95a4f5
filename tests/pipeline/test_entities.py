"""Entities within one article: base forms, clustering, nested names, roles (NER spans given by hand)."""
from __future__ import annotations

from spacy.tokens import Span

from kronika.core import build
from kronika.pipeline.entities import find_entities
from kronika.pipeline.names import base_form

NLP = build()


def entities(text: str, names: list[tuple[str, str, int]]) -> dict[str, dict]:
    """Analyse `text` with the given (surface, label, occurrence) NER spans; entities by name."""
    doc = NLP.make_doc(text)
    for name, proc in NLP.pipeline:
        if name not in ("ner", "kronika_entities"):
            doc = proc(doc)
    spans = []
    for surface, label, occurrence in names:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(surface, start + 1)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = sorted(spans, key=lambda s: s.start)
    return {e.name: e.to_json() for e in find_entities(doc)}


def mentions(entity: dict) -> list[tuple[str, str]]:
    return [(m["text"], m["kind"]) for m in entity["mentions"]]


def test_inflected_mentions_of_one_person_and_apposition_role() -> None:
    text = "Rzecznik Kremla Dmitrij Pieskow mówił o Łukaszence. Pieskow dodał, że Łukaszenkę zaproszono."
    found = entities(
        text,
        [("Kremla", "organization", 0), ("Dmitrij Pieskow", "person", 0), ("Łukaszence", "person", 0),
         ("Pieskow", "person", 1), ("Łukaszenkę", "person", 0)],
    )
    assert found["Dmitrij Pieskow"]["roles"] == ["rzecznik Kremla"]
    assert mentions(found["Dmitrij Pieskow"]) == [("Dmitrij Pieskow", "name"), ("Pieskow", "name")]
    assert [m["base"] for m in found["Łukaszenka"]["mentions"]] == ["Łukaszenka", "Łukaszenka"]
    assert found["Kreml"]["type"] == "organization"


def test_an_organisation_with_a_person_glued_on_is_split() -> None:
    text = "Wypowiedział się rzecznik Kremla Dmitrij Pieskow."
    found = entities(text, [("Kremla Dmitrij Pieskow", "organization", 0)])
    assert set(found) == {"Kreml", "Dmitrij Pieskow"}
    assert found["Dmitrij Pieskow"]["type"] == "person"


def test_a_surname_glued_to_an_organisation_after_a_role_noun_is_split() -> None:
    text = "Zdanie to powtórzył rzecznik Kremla Pieskow."
    found = entities(text, [("Kremla Pieskow", "organization", 0)])
    assert set(found) == {"Kreml", "Pieskow"} and found["Pieskow"]["type"] == "person"


def test_hyphenated_surname_and_mixed_case_acronym() -> None:
    text = "Wicepremier Kosiniak-Kamysz skrytykował Prawo i Sprawiedliwość. PiS odpowiedział Kosiniakowi-Kamyszowi."
    found = entities(text, [("Kosiniak", "person", 0), ("Kamysz", "person", 0), ("Prawo i Sprawiedliwość", "organization", 0),
                            ("PiS", "organization", 0), ("Kosiniakowi", "person", 0), ("Kamyszowi", "person", 0)])
    assert mentions(found["Kosiniak-Kamysz"]) == [("Kosiniak-Kamysz", "name"), ("Kosiniakowi-Kamyszowi", "name")]
    assert mentions(found["Prawo i Sprawiedliwość"])[-1] == ("PiS", "name")


def test_acronym_nested_organisation_and_place_shorthand() -> None:
    text = (
        "Szczyt Wspólnoty Niepodległych Państw (WNP) odbył się w Sankt Petersburgu. "
        "Mówiono o Najwyższej Radzie Państwowej Związku Białorusi i Rosji. W Petersburgu padało."
    )
    found = entities(
        text,
        [("Wspólnoty Niepodległych Państw", "organization", 0), ("WNP", "organization", 0),
         ("Sankt Petersburgu", "place", 0), ("Najwyższej Radzie Państwowej Związku Białorusi", "organization", 0),
         ("Petersburgu", "place", 1)],
    )
    assert mentions(found["Wspólnota Niepodległych Państw"])[-1] == ("WNP", "name")
    assert "Związek Białorusi i Rosji" in found
    assert [m["text"] for m in found["Sankt Petersburg"]["mentions"]] == ["Sankt Petersburgu", "Petersburgu"]


def test_role_mentions_resolve_to_the_office_holder_named_in_the_article() -> None:
    text = "Władimir Putin przyjął gości. Prezydent Rosji mówił długo. Wizyta rosyjskiego prezydenta trwała dzień."
    found = entities(text, [("Władimir Putin", "person", 0)])
    assert mentions(found["Władimir Putin"]) == [
        ("Władimir Putin", "name"), ("Prezydent Rosji", "role"), ("rosyjskiego prezydenta", "role"),
    ]


def test_a_role_without_its_holder_in_the_article_stays_unresolved() -> None:
    found = entities("Prezydent Rosji mówił długo. Anna Nowak słuchała.", [("Anna Nowak", "person", 0)])
    assert mentions(found["Anna Nowak"]) == [("Anna Nowak", "name")]


def test_a_capitalised_common_noun_is_not_a_person() -> None:
    assert entities("Rok Języka Polskiego trwa.", [("Rok", "person", 0)]) == {}


def test_seed_entities_match_gold(seed_path) -> None:
    import json

    import kronika

    gold = json.loads(seed_path.with_name(seed_path.stem + ".gold.json").read_text(encoding="utf-8"))
    text = seed_path.read_text(encoding="utf-8")
    found = {e["name"]: e for e in kronika.analyze(text).to_json()["entities"]}
    teaser_start = gold["sections"][-1]["start"]
    for entity in gold["entities"]:
        assert entity["name"] in found, entity["name"]
        ours = found[entity["name"]]
        assert ours["type"] == entity["type"], entity["name"]
        assert set(entity["mentions"]) <= {m["text"] for m in ours["mentions"]}, entity["name"]
        assert set(entity["roles"]) <= set(ours["roles"]), entity["name"]
    assert all(m["start"] < teaser_start for e in found.values() for m in e["mentions"])


def test_quote_marks_are_not_part_of_a_name_and_a_first_name_makes_a_person() -> None:
    text = "Rozmawiał z prezydent miasta Ewą Malinowską i działaczami „Solidarności”. Mieszka przy ul. Jana Kowalskiego."
    found = entities(
        text,
        [("Ewą Malinowską", "place", 0), ("„Solidarności”", "organization", 0), ("Jana Kowalskiego", "geo", 0)],
    )
    assert found["Ewa Malinowska"]["type"] == "person"
    assert "Solidarność" in found and found["Solidarność"]["mentions"][0]["text"] == "Solidarności"
    [street] = [e for e in found.values() if e["mentions"][0]["text"] == "Jana Kowalskiego"]
    assert street["type"] == "geo"


def test_acronyms_joined_by_i_are_two_organisations() -> None:
    text = "Koalicję tworzą posłowie AWS i UW, a w opozycji są kluby PSL oraz SLD."
    found = entities(text, [("AWS", "organization", 0), ("UW", "organization", 0), ("PSL", "organization", 0),
                            ("SLD", "organization", 0)])
    assert sorted(found) == ["AWS", "PSL", "SLD", "UW"]
    assert all(entity["type"] == "organization" for entity in found.values())


def test_an_institution_named_after_a_place_stays_an_institution() -> None:
    text = "Komunikat nadało Radio Wolna Europa. Mecz wygrał Juventus Turyn, a Sankt Petersburg świętował."
    found = entities(text, [("Radio Wolna Europa", "organization", 0), ("Juventus Turyn", "organization", 0),
                            ("Sankt Petersburg", "organization", 0)])
    assert found["Radio Wolna Europa"]["type"] == "organization"
    assert found["Juventus Turyn"]["type"] == "organization"
    assert found["Sankt Petersburg"]["type"] == "place"  # every word a place name: the city, whatever the NER says


def test_a_first_name_with_an_initial_and_an_initial_with_a_surname_are_people() -> None:
    text = "Policja zatrzymała Pawła N. Sprawę opisał T. Szukała."
    found = entities(text, [("Pawła N.", "person", 0), ("T. Szukała", "person", 0)])
    assert found["Paweł N."]["type"] == "person" and mentions(found["Paweł N."]) == [("Pawła N.", "name")]
    assert "T. Szukała" in found


def test_a_suspects_initial_alone_is_the_same_person() -> None:
    text = "Policja zatrzymała Tomasza K. z Opola. Według prokuratury K. nie przyznał się do winy."
    found = entities(text, [("Tomasza K.", "person", 0), ("Opola", "place", 0), ("K.", "person", 1)])
    assert mentions(found["Tomasz K."]) == [("Tomasza K.", "name"), ("K.", "name")]


def test_the_head_noun_of_an_organisation_alone_is_a_mention_of_it() -> None:
    text = ("Pomorska Kasa Chorych podpisała umowy. Kasa zapłaci szpitalom w marcu. Sąd Okręgowy w Gdańsku oddalił "
            "pozew. Wyrok Sądu nie jest prawomocny.")
    found = entities(text, [("Pomorska Kasa Chorych", "organization", 0), ("Sąd Okręgowy w Gdańsku", "organization", 0),
                            ("Sądu", "organization", 0)])
    assert mentions(found["Pomorska Kasa Chorych"]) == [("Pomorska Kasa Chorych", "name"), ("Kasa", "name")]
    assert [m["text"] for m in found["Sąd Okręgowy w Gdańsku"]["mentions"]] == ["Sąd Okręgowy w Gdańsku", "Sądu"]
    assert set(found) == {"Pomorska Kasa Chorych", "Sąd Okręgowy w Gdańsku"}


def test_a_head_noun_shared_by_two_organisations_stays_unresolved() -> None:
    text = "Rada Miasta Opola zebrała się rano. Rada Gminy Dobrzeń obradowała wieczorem. Rada odrzuciła projekt."
    found = entities(text, [("Rada Miasta Opola", "organization", 0), ("Rada Gminy Dobrzeń", "organization", 0)])
    assert [len(e["mentions"]) for e in found.values()] == [1, 1]


def test_an_apposition_after_a_name_is_its_role() -> None:
    text = "Marek Jarocki, burmistrz Kutna, nie ukrywa obaw. Burmistrz Kutna czeka na decyzję."
    found = entities(text, [("Marek Jarocki", "person", 0), ("Kutna", "place", 0), ("Kutna", "place", 1)])
    assert found["Marek Jarocki"]["roles"] == ["burmistrz Kutna"]
    assert ("Burmistrz Kutna", "role") in mentions(found["Marek Jarocki"])
    assert "Kutno" in found  # a town, not the surname `Kutna`


def test_names_glued_by_a_hyphen() -> None:
    text = "Firma Delic-Pol wygrała. Jechał z Bielska-Białej. Mecz Polska-Niemcy odwołano."
    found = entities(text, [("Delic", "place", 0), ("Pol", "person", 0), ("Bielska", "place", 0),
                            ("Białej", "place", 0), ("Polska", "place", 0), ("Niemcy", "place", 0)])
    assert found["Delic-Pol"]["type"] == "organization"
    assert "Bielsko-Biała" in found
    assert {"Polska", "Niemcy"} <= set(found)  # a pairing of countries


def test_names_after_ul_and_im_stay_whole_and_a_trailing_preposition_is_dropped() -> None:
    text = "Mieszka przy ul. Władysława IV w Gdyni. Uczy się w Szkole Podstawowej im. Jana Pawła II. Kino jest w Centrum Gemini w Gdyni."
    found = entities(text, [("ul. Władysława IV", "geo", 0), ("Gdyni", "place", 0),
                            ("Szkole Podstawowej im. Jana Pawła II", "organization", 0), ("Centrum Gemini w", "organization", 0),
                            ("Gdyni", "place", 1)])
    assert {"ul. Władysława IV", "Szkoła Podstawowa im. Jana Pawła II", "Centrum Gemini"} <= set(found)
    assert "Władysław IV" not in found and "Paweł II" not in found


def test_an_unknown_name_in_a_before_a_feminine_verb_is_a_woman_in_the_nominative() -> None:
    assert base_form("Wanga", "person") == "Wang"  # alone: read as a man's genitive
    found = entities("W 1995 roku Wanga przewidziała groźną chorobę.", [("Wanga", "person", 0)])
    assert list(found) == ["Wanga"]
    found = entities("Wczoraj Wanga przyszedł do urzędu.", [("Wanga", "person", 0)])
    assert list(found) == ["Wang"]


def test_a_foreign_first_name_and_a_surname_glued_to_an_organisation_are_split() -> None:
    text = "Mówił trener Dworów Karel Suchanek. Działa Dom Samopomocy „Cogito Noster”."
    found = entities(text, [("Dworów Karel Suchanek", "organization", 0),
                            ("Dom Samopomocy „Cogito Noster”", "organization", 0)])
    assert found["Karel Suchanek"]["type"] == "person" and "Dwory" in found
    assert [e["type"] for e in found.values()].count("person") == 1  # a name in quotes stays the organisation's


def test_a_longer_apposition_with_an_adjective_and_a_genitive_name() -> None:
    text = "Mówi Piotr Jóźwiak, rzecznik prasowy Miejskiej Komendy PSP."
    found = entities(text, [("Piotr Jóźwiak", "person", 0), ("Miejskiej Komendy PSP", "organization", 0)])
    assert found["Piotr Jóźwiak"]["roles"] == ["rzecznik prasowy Miejskiej Komendy PSP"]


def test_appositions_with_conjunctions_places_and_following_names_and_places_named_after_their_kind() -> None:
    text = ("Patronat sprawują: Wojciech Olejniczak, minister rolnictwa i rozwoju wsi, Jan Ardanowski, prezes Krajowej "
            "Rady Izb Rolniczych oraz Czesław Dzierżawski, przewodniczący Powiatowej Izby Rolniczej w Pabianicach. "
            "Przybędzie Alfred Skura, wicewójt gminy Tarłów.")
    found = entities(text, [("Wojciech Olejniczak", "person", 0), ("Jan Ardanowski", "person", 0),
                            ("Krajowej Rady Izb Rolniczych", "organization", 0), ("Czesław Dzierżawski", "person", 0),
                            ("Powiatowej Izby Rolniczej w Pabianicach", "organization", 0), ("Alfred Skura", "person", 0),
                            ("Tarłów", "person", 0)])
    assert found["Wojciech Olejniczak"]["roles"] == ["minister rolnictwa i rozwoju wsi"]
    assert found["Jan Ardanowski"]["roles"] == ["prezes Krajowej Rady Izb Rolniczych"]
    assert found["Czesław Dzierżawski"]["roles"] == ["przewodniczący Powiatowej Izby Rolniczej w Pabianicach"]
    assert found["Alfred Skura"]["roles"] == ["wicewójt gminy Tarłów"]
    assert found["Tarłów"]["type"] == "place"


def test_more_offices_in_appositions() -> None:
    text = "Mówi Olcha Sikorska, komisarz targów. Jan Nowak, zastępca burmistrza Opola, odmówił."
    found = entities(text, [("Olcha Sikorska", "person", 0), ("Jan Nowak", "person", 0), ("Opola", "place", 0)])
    assert (found["Olcha Sikorska"]["roles"], found["Jan Nowak"]["roles"]) == (["komisarz targów"], ["zastępca burmistrza Opola"])
