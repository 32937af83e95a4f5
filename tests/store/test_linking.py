"""Cross-article linking (kronika/store/linking.py) on both backends, with hand-made analyses."""
from __future__ import annotations

import re
from typing import Any

import pytest

from kronika.evaluation import linking as linking_evaluation
from kronika.store.linking import given_names_agree, initials, surname_variants
from tests.store.corpus import analysis


def person(text: str, name: str, *forms: str, roles: tuple[str, ...] = ()) -> dict[str, Any]:
    return entity(text, "person", name, *forms, roles=roles)


def entity(text: str, type_: str, name: str, *forms: str, roles: tuple[str, ...] = ()) -> dict[str, Any]:
    mentions = []
    for form in forms or (name,):
        start = text.index(form)
        mentions.append({"start": start, "end": start + len(form), "text": form, "kind": "name", "base": name})
    return {"id": name, "type": type_, "name": name, "roles": list(roles), "mentions": mentions}


def save(store, doc_id: str, text: str, *entities: dict[str, Any], date: str = "2024-05-01") -> None:
    store.save_document(analysis(doc_id, date, text, entities=list(entities)), text)


def entity_of(store, doc_id: str, local_id: str) -> int:
    pk = store.db.scalar("SELECT pk FROM documents WHERE id = ?", (doc_id,))
    return store.db.scalar("SELECT entity FROM doc_entities WHERE doc = ? AND local_id = ?", (pk, local_id))


def test_spelling_variants_of_one_person_are_one_entity(store):
    names = {"d1": "Aleksandr Łukaszenka", "d2": "Alaksandr Łukaszenka", "d3": "Łukaszenko", "d4": "A. Łukaszenka"}
    for doc_id, name in names.items():
        text = f"{name} przemawiał."
        save(store, doc_id, text, person(text, name))
    assert len({entity_of(store, doc_id, name) for doc_id, name in names.items()}) == 1
    assert [e["name"] for e in store.find_entities(type="person")] == ["Aleksandr Łukaszenka"]


def test_namesakes_stay_apart_and_a_bare_surname_follows_the_article_context(store):
    t1 = "Prezes PiS Jarosław Kaczyński zwołał kongres partii w Warszawie."
    t2 = "Prezydent Lech Kaczyński odwiedził Gdańsk."
    t3 = "Kaczyński, prezes PiS, zapowiedział kongres."
    t4 = "Kaczyński przemawiał."
    save(store, "k1", t1, person(t1, "Jarosław Kaczyński", roles=("prezes",)), entity(t1, "organization", "PiS"),
         entity(t1, "place", "Warszawa", "Warszawie"))
    save(store, "k2", t2, person(t2, "Lech Kaczyński", roles=("prezydent",)), entity(t2, "place", "Gdańsk"))
    save(store, "k3", t3, person(t3, "Kaczyński", roles=("prezes",)), entity(t3, "organization", "PiS"))
    save(store, "k4", t4, person(t4, "Kaczyński"))
    jaroslaw, lech = entity_of(store, "k1", "Jarosław Kaczyński"), entity_of(store, "k2", "Lech Kaczyński")
    assert jaroslaw != lech
    assert entity_of(store, "k3", "Kaczyński") == jaroslaw
    assert entity_of(store, "k4", "Kaczyński") not in {jaroslaw, lech}  # nothing says which: stays ambiguous


def test_an_initial_seen_first_takes_the_full_name_later(store):
    t1, t2 = "J. Kowalewski otworzył most.", "Jerzy Kowalewski zamknął most."
    save(store, "i1", t1, person(t1, "J. Kowalewski"))
    save(store, "i2", t2, person(t2, "Jerzy Kowalewski"))
    [one] = store.find_entities(type="person")
    assert one["name"] == "Jerzy Kowalewski" and one["documents"] == 2


def test_different_given_names_are_different_people(store):
    t1, t2 = "Anna Zielińska wygrała.", "Barbara Zielińska przegrała."
    save(store, "z1", t1, person(t1, "Anna Zielińska"))
    save(store, "z2", t2, person(t2, "Barbara Zielińska"))
    assert len(store.find_entities(type="person")) == 2


ACRONYM_CASES = {  # the article pairs the acronym with the name; the acronym is the name's initials
    "paired": ("Narodowy Bank Polski (NBP) podniósł stopy.", "Narodowy Bank Polski", ("Narodowy Bank Polski", "NBP"),
               "NBP obniżył stopy.", "NBP"),
    "initials": ("Posłowie Prawa i Sprawiedliwości wyszli z sali.", "Prawo i Sprawiedliwość",
                 ("Prawa i Sprawiedliwości",), "PiS złożył wniosek.", "PiS"),
}


@pytest.mark.parametrize("case", ACRONYM_CASES)
@pytest.mark.parametrize("order", [("full", "short"), ("short", "full")])
def test_a_name_and_its_acronym_in_different_articles_are_one_organisation(store, case, order):
    full, name, forms, short, acronym = ACRONYM_CASES[case]
    docs = {"full": (full, entity(full, "organization", name, *forms)), "short": (short, entity(short, "organization", acronym))}
    for doc_id in order:
        save(store, doc_id, *docs[doc_id])
    [organisation] = store.find_entities(type="organization")
    assert organisation["name"] == name and organisation["documents"] == 2


def test_a_split_surname_stays_split_on_reingest(store):
    t1, t2 = "Marek Wiśniewski zbudował dom.", "Wiśniewski sprzedał dom."
    save(store, "w1", t1, person(t1, "Marek Wiśniewski"))
    save(store, "w2", t2, person(t2, "Wiśniewski"))
    assert len(store.find_entities(type="person")) == 1
    store.split_entity("Marek Wiśniewski", "Wiśniewski")
    t2b = t2 + " Tanio."
    save(store, "w2", t2b, person(t2b, "Wiśniewski"))
    assert sorted(e["name"] for e in store.find_entities(type="person")) == ["Marek Wiśniewski", "Wiśniewski"]


def test_name_rules():
    assert surname_variants("łukaszenka") == ["łukaszenka", "łukaszenko"]
    assert given_names_agree("włodzimierz", "wołodymyr") and given_names_agree("aleksander", "aleksandr")
    assert given_names_agree("j", "jarosław") and not given_names_agree("jarosław", "lech")
    assert not given_names_agree("marek", "marta")
    assert initials("Narodowy Bank Polski") == ("nbp",) and initials("Sejm") == () and initials("Sąd w Grodnie") == ("swg",)
    assert initials("Ministerstwo Spraw Zagranicznych w Warszawie") == ("mszww", "msz")


def test_roles_are_learned_with_their_dates_and_resolve_to_their_holder(store):
    t1, t2 = "Rzecznik Kremla Dmitrij Pieskow zaprzeczył.", "Dmitrij Pieskow, rzecznik Kremla, milczał."
    save(store, "r1", t1, person(t1, "Dmitrij Pieskow", roles=("rzecznik Kremla",)), date="2023-02-01")
    save(store, "r2", t2, person(t2, "Dmitrij Pieskow", roles=("rzecznik Kremla",)), date="2024-06-30")
    [pk] = store.role_holders("Rzecznik Kremla")
    assert store.resolve("rzecznik Kremla") == [pk] == [entity_of(store, "r1", "Dmitrij Pieskow")]
    profile = store.entity_profile("rzecznik Kremla")
    assert profile["name"] == "Dmitrij Pieskow"
    assert profile["role_periods"] == [{"role": "rzecznik Kremla", "since": "2023-02-01", "until": "2024-06-30",
                                        "documents": 2}]


ARTICLES = [  # [as written|entity]: invented news with name variants, through the whole pipeline
    ("v1", "2024-02-12", "Prezydent Białorusi [Aleksandr Łukaszenka|AŁ] przyjął w [Mińsku|Mińsk] delegację z "
     "[Moskwy|Moskwa]. [Łukaszenka|AŁ] zapewnił, że współpraca będzie rosła."),
    ("v2", "2024-03-04", "[Alaksandr Łukaszenka|AŁ] zapowiedział manewry. Rzecznik Kremla [Dmitrij Pieskow|DP] "
     "powiedział, że [Władimir Putin|WP] wie o planach [Łukaszenki|AŁ]."),
    ("v3", "2024-04-20", "[Łukaszenko|AŁ] spotkał się z [Putinem|WP] w [Soczi|Soczi]. [Pieskow|DP] nie ujawnił "
     "szczegółów rozmowy."),
    ("v4", "2024-05-06", "Posłowie [Prawa i Sprawiedliwości|PiS] skrytykowali rząd. Lider [PiS|PiS] "
     "[Jarosław Kaczyński|JK] zapowiedział protest w [Warszawie|Warszawa]."),
    ("v5", "2024-04-10", "W rocznicę katastrofy wspominano prezydenta [Lecha Kaczyńskiego|LK]."),
    ("v6", "2024-06-01", "Prezes [PiS|PiS] [Kaczyński|JK] przemawiał w [Krakowie|Kraków]. [Kaczyński|JK] "
     "zapowiedział kampanię."),
]


def marked(doc_id: str, date: str, source: str) -> dict[str, Any]:
    text, links, at = "", [], 0
    for match in re.finditer(r"\[([^|\]]+)\|([^\]]+)\]", source):
        text += source[at:match.start()]
        links.append({"start": len(text), "end": len(text) + len(match[1]), "text": match[1], "entity": match[2]})
        text += match[1]
        at = match.end()
    return {"id": doc_id, "date": date, "text": text + source[at:], "links": links}


def test_every_variant_lands_on_its_entity_through_the_whole_pipeline():
    figures = linking_evaluation.score([marked(*article) for article in ARTICLES])
    assert figures["coverage"] == 1.0, figures
    assert figures["pairwise"]["precision"] == figures["pairwise"]["recall"] == 1.0, figures["errors"]
