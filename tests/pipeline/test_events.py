"""Event layer: triggers by lemma, participants, time, place, status, later mentions; the metric."""
from __future__ import annotations

from pathlib import Path

import pytest

from kronika.evaluation import events as metric
from kronika.evaluation.quotes import speakers_agree

SEED_GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed" / "000_ee61cc30a8ce32d2.gold.json"


@pytest.fixture(scope="module")
def find():
    return metric.predict


def names(event):
    return {p["name"] for p in event["participants"]}


def test_phone_call_with_time_and_participants(find):
    (ev,) = find("Jan Kowalski i Anna Nowak rozmawiali telefonicznie 5 marca 2021 roku.")
    assert (ev["type"], ev["cameo"], ev["time"]) == ("phone_call", "041", "2021-03-05")
    assert names(ev) == {"Jan Kowalski", "Anna Nowak"}
    assert ev["trigger"]["lemma"] == "rozmawiać"


def test_meeting_with_place_and_later_mention(find):
    text = ("Premier Jan Kowalski spotkał się z Anną Nowak w Warszawie 3 maja 2020 roku. "
            "Spotkanie trwało dwie godziny.")
    (ev,) = find(text)
    assert ev["type"] == "meeting" and ev["time"] == "2020-05-03"
    assert {"Jan Kowalski", "Anna Nowak"} <= names(ev)
    assert [text[m["start"]:m["end"]] for m in ev["mentions"]] == ["Spotkanie"]


def test_planned_meeting_is_an_intent(find):
    (ev,) = find("Jan Kowalski zapowiedział spotkanie z Anną Nowak.")
    assert (ev["type"], ev["cameo"], ev["status"]) == ("intent_to_meet", "036", "intended")


def test_arrest_and_negation(find):
    (ev,) = find("Policja zatrzymała Jana Kowalskiego w Gdańsku.")
    assert (ev["type"], ev["cameo"], ev["place"]) == ("arrest", "173", "Gdańsk")
    assert "Jan Kowalski" in names(ev)
    (neg,) = find("Nie udało się zatrzymać złodziei, choć policja szukała ich przez tydzień.")
    assert neg["status"] == "negated"


def test_thanks_and_invitation(find):
    evs = find("Jan Kowalski zaprosił Annę Nowak do Warszawy. Anna Nowak podziękowała Janowi Kowalskiemu za pomoc.")
    assert [e["type"] for e in evs] == ["invitation", "praise"]
    assert evs[0]["place"] == "Warszawa"
    assert [p["role"] for p in evs[1]["participants"]] == ["source", "target"]


def test_no_statements_and_no_sports(find):
    assert find("– Budżet zostanie przyjęty w marcu – powiedział minister Jan Kowalski.") == []
    assert find("Piłkarze Legii pokonali Wisłę 2:1, a trener pochwalił drużynę po meczu.") == []


def test_appointment_and_resignation(find):
    evs = find("Jan Kowalski został prezesem spółki. Anna Nowak podała się do dymisji.")
    assert [(e["type"], e["cameo"]) for e in evs] == [("appointment", None), ("resignation", None)]
    assert names(evs[0]) == {"Jan Kowalski"} and names(evs[1]) == {"Anna Nowak"}


# ---------------------------------------------------------------- participants: case, agreement, reference


def roles(event):
    return {(p["name"], p["role"]) for p in event["participants"]}


def test_passive_subjects_are_targets_and_przez_is_the_source(find):
    (ev,) = find("Burmistrz Adam Wolski i radna Ewa Lis zostali zatrzymani przez policję w Opolu.")
    assert ev["type"] == "arrest" and roles(ev) == {("Adam Wolski", "target"), ("Ewa Lis", "target")}
    (ev,) = find("Radny Adam Wolski został pobity przez Jana Nowaka.")
    assert roles(ev) == {("Adam Wolski", "target"), ("Jan Nowak", "source")}


def test_role_nouns_and_datives_resolve_to_people(find):
    evs = find("Radna Ewa Lis skrytykowała burmistrza Adama Wolskiego. Radna zarzuca burmistrzowi niegospodarność.")
    assert [e["type"] for e in evs] == ["criticism", "accusation"]
    assert roles(evs[1]) == {("Ewa Lis", "source"), ("Adam Wolski", "target")}


def test_patient_participle_refers_to_an_earlier_event(find):
    evs = find("Policja zatrzymała Jana Nowaka i Adama Wolskiego. Prokuratura postawiła obu zatrzymanym zarzuty korupcji.")
    assert [e["type"] for e in evs] == ["arrest", "accusation"]
    assert roles(evs[1]) == {("Jan Nowak", "target"), ("Adam Wolski", "target")}


def test_relative_pronoun_and_noun_complements(find):
    (ev,) = find("Głos zabrał starosta Marek Kruk, który zaapelował do mieszkańców o spokój.")
    assert roles(ev) == {("Marek Kruk", "source")}
    appointment = find("Nominacja Piotra Zająca (PSL) wywołała protesty opozycji.")[0]
    assert roles(appointment) == {("Piotr Zając", "target")}  # not the party in brackets


def test_subject_of_a_noun_trigger_and_a_pronoun(find):
    election, complaint = find("Poseł Tomasz Mróz wygrał wybory w okręgu. Wcześniej złożył on skargę do sądu.")
    assert (election["type"], complaint["type"]) == ("election", "accusation")
    assert names(election) == names(complaint) == {"Tomasz Mróz"}


# ---------------------------------------------------------------- the metric


def test_kind_and_matching():
    gold = [{"type": "meeting", "cameo": "043", "start": 10, "end": 30},
            {"type": "appointment", "cameo": None, "start": 40, "end": 50}]
    pred = [{"type": "visit", "cameo": "042", "start": 0, "end": 5, "mentions": [{"start": 12, "end": 20}]},
            {"type": "resignation", "cameo": None, "start": 41, "end": 45},
            {"type": "statement", "cameo": "010", "start": 10, "end": 30}]
    assert metric.kind(gold[0]) == "04" and metric.kind(gold[1]) == "appointment"
    assert metric.match(pred, gold) == [(0, 0)]
    assert metric.participant_counts([{"name": "Władimir Putin"}], ["Putin", "Łukaszenka"]) == (1, 1, 2)
    assert speakers_agree("Sankt Petersburg", "Sankt Petersburg")


def test_seed(find):
    if not SEED_GOLD.exists():
        pytest.skip("seed not available")
    import json

    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    text = SEED_GOLD.with_name(SEED_GOLD.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    pred = find(text, gold.get("date"))
    pairs = metric.match(pred, gold["events"])
    full = 0
    for i, j in pairs:
        p, g = pred[i], gold["events"][j]
        ok, n_p, n_g = metric.participant_counts(p["participants"], g["participants"])
        if ok == n_p == n_g and p["time"] == g["time"] and speakers_agree(p["place"], g["place"]):
            full += 1
    assert full >= 6
    assert len(pred) - len(pairs) <= 2
