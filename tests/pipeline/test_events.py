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


# ---------------------------------------------------------------- lexical coverage: new triggers and their guards


def kinds(events):
    return [metric.kind(e) for e in events]


def test_attacks_named_by_nouns_and_weapon_verbs(find):
    (ev,) = find("Nieznany sprawca ugodził nożem przechodnia w Opolu.")
    assert (ev["type"], ev["cameo"], ev["place"]) == ("attack", "180", "Opole")
    assert find("Jego decyzja ugodziła w interesy rolników.") == []  # figurative
    assert find("Sprinter pobił rekord kraju.") == []
    assert find("Jest też rekord milenijnej sztafety pływackiej 1000 x 50 m pobity 18 czerwca.") == []
    assert kinds(find("Terroryści wysadzili w powietrze most kolejowy.")) == ["18"]


def test_military_attacks_by_context_and_by_countries_as_actors(find):
    (ev,) = find("Rosja zaatakowała Ukrainę.")
    assert (ev["type"], ev["cameo"]) == ("military_attack", "190")
    assert kinds(find("W Czeczenii trwają ciężkie walki.")) == ["19"]
    assert find("Walka z korupcją jest priorytetem rządu.") == []


def test_lawsuits_are_accusations_coded_115(find):
    (ev,) = find("Orlen pozwał wydawcę gazety do sądu.")
    assert (ev["type"], ev["cameo"], metric.kind(ev)) == ("accusation", "115", "11")
    assert names(ev) == {"Orlen"}
    (ev,) = find("Wójt zaskarżył decyzję wojewody do sądu administracyjnego.")
    assert ev["cameo"] == "115"


def test_appeals_against_decisions_are_lawsuits_unless_not_made(find):
    (ev,) = find("Rada Gminy złożyła odwołanie od decyzji wojewody.")
    assert (ev["type"], ev["cameo"]) == ("accusation", "115") and names(ev) == {"Rada Gminy"}
    assert find("Odwołanie koncertu zaskoczyło fanów.") == []
    assert "115" in [e["cameo"] for e in find("Spółka Delta odwołała się od wyroku sądu.")]
    assert find("Burmistrz odwołał się do zdrowego rozsądku mieszkańców.") == []
    assert find("Szkoda, że handlowiec nie odwołał się od tej decyzji.") == []


def test_assaults_by_blows_with_a_weapon_terror_and_armed_intrusion(find):
    assert kinds(find("Trzech zamaskowanych mężczyzn sterroryzowało wczoraj pracowników sklepu.")) == ["18"]
    assert kinds(find("Napastnik uderzył kobietę kolbą karabinu.")) == ["18"]
    assert find("Potknął się i upadł. Uderzył głową o betonowe schody.") == []
    assert find("Premier uderzył w opozycję podczas debaty.") == []
    assert kinds(find("Do szkoły wtargnęli uzbrojeni terroryści.")) == ["18"]


def test_the_main_clause_after_a_leading_condition_is_hypothetical(find):
    assert find("Bo jeśli nawet dom się nie zawali, zabije mnie grzyb.") == []
    assert find("Jeżeli wojewoda nie zmieni zdania, związkowcy zablokują drogę krajową.") == []
    assert kinds(find("Związkowcy zablokowali drogę krajową, jeśli wierzyć policji.")) == ["14"]


def test_the_subject_of_signing_documents_tagged_genitive_is_a_party(find):
    (ev,) = find("Pomorska Kasa Chorych podpisała umowy ze szpitalami.")
    assert ev["type"] == "agreement" and names(ev) == {"Pomorska Kasa Chorych"}


def test_a_decision_in_the_first_person_of_a_quoted_office_holder(find):
    (ev,) = find("Marek Jarocki, burmistrz Kutna, nie ukrywa obaw. - Musimy zadecydować, co robić - mówi Jarocki.")
    assert ev["type"] == "other" and names(ev) == {"Marek Jarocki"}
    assert find("- Musimy zadecydować, co robić - mówi emerytka Anna Kowalska.") == []  # no office: a private choice


def test_a_first_person_act_of_an_unnamed_speaker_takes_nobody_else(find):
    text = ("- Musieliśmy poprosić mieszkańców o wyjście - mówi Anna Nowak, rzeczniczka policji.\n\n"
            "- Żądam pełnej informacji o tym, co mi grozi - krzyczała starsza pani.")
    found = {e["type"]: names(e) for e in find(text)}
    assert found == {"appeal": {"Anna Nowak"}, "demand": set()}  # `co mi grozi`: a risk, not a threat


def test_wanting_that_something_may_happen_is_a_hope_not_a_demand(find):
    assert find("Caritas chce, by mogło w tym roku przyjechać aż trzy tysiące dzieci.") == []
    assert kinds(find("Komisja chce, by kancelaria skorygowała błędy.")) == ["10"]


def test_coordinated_participants_past_an_apposition(find):
    (ev,) = find("W Opolu spotkali się Jan Nowak, prezes PZU, oraz Anna Kowal, szefowa NBP.")
    assert ev["type"] == "meeting" and names(ev) == {"Jan Nowak", "Anna Kowal"}


def test_an_order_issued_is_a_demand_but_not_a_standing_rule(find):
    (ev,) = find("Miasto wydało spółce Delta nakaz remontu basenu.")
    assert ev["type"] == "demand"
    assert find("Mimo nakazu ograniczenia prędkości kierowcy jeżdżą szybko.") == []
    found = find("Wyrok jest prawomocny i można się od niego odwołać jedynie przez kasację.")
    assert [e["trigger"]["lemma"] for e in found] == ["wyrok"]  # the ruling; the appeal is only possible


def test_an_inauguration_of_an_office_holder_is_an_appointment(find):
    (ev,) = find("W Mińsku odbyła się inauguracja prezydenta Jana Kowalskiego na trzecią kadencję.")
    assert ev["type"] == "appointment" and names(ev) == {"Jan Kowalski"}
    assert find("Inauguracja roku akademickiego odbyła się w auli.") == []


def test_the_cue_of_a_direct_quote_is_a_statement_not_an_event(find):
    assert find("– Proszę natychmiast oddać klucze – żąda kierowniczka Anna Nowak.") == []
    assert kinds(find("Kierowniczka Anna Nowak zażądała od najemcy oddania kluczy.")) == ["10"]


def test_support_is_praise_but_not_a_poll_figure_nor_a_vote_tally(find):
    (ev,) = find("Burmistrz Jan Kowalski wyraził poparcie dla protestujących rolników.")
    assert (ev["type"], ev["cameo"]) == ("praise", "051") and names(ev) == {"Jan Kowalski"}
    assert find("Poparcie dla partii wynosi 30 procent.") == []
    assert find("W głosowaniu poparło go 40 radnych.") == []
    assert kinds(find("Posłowie opowiedzieli się przeciwko ustawie.")) == ["11"]


def test_a_motion_is_a_demand_and_what_it_asks_for_is_no_event(find):
    (ev,) = find("Prokuratura złożyła wniosek o areszt dla Marka Kowalczyka.")  # no arrest (yet)
    assert ev["type"] == "demand" and names(ev) == {"Marek Kowalczyk"}
    assert find("Doszliśmy do wniosku, że trzeba zmienić ustawę.") == []
    assert find("Wnioski z kontroli są druzgocące.") == []
    assert kinds(find("Związkowcy wystąpili do ministra o podwyżki.")) == ["10"]
    assert find("Minister wystąpił o godzinie 12 w telewizji.") == []


def test_agreements_need_a_signing_verb(find):
    assert kinds(find("Gmina podpisała aneks do umowy z firmą Budimex.")) == ["05"]
    assert find("Umowa o pracę jest ważna przez rok.") == []


def test_protest_forms_riots_and_blockades(find):
    (ev,) = find("Rolnicy zablokowali drogę krajową.")
    assert (ev["type"], ev["cameo"]) == ("protest", "144")
    (ev,) = find("W centrum miasta doszło do zamieszek.")
    assert ev["cameo"] == "145"
    assert find("Rząd zablokował ustawę o podatkach.") == []
    assert find("Rozruch nowej linii produkcyjnej nastąpi w maju.") == []


def test_threats_and_what_they_threaten_with(find):
    evs = find("Związkowcy z Solidarności zagrozili strajkiem generalnym.")
    assert [e["type"] for e in evs] == ["threat"]  # the strike is only threatened
    assert find("Gminie grozi katastrofa finansowa.") == []


def test_council_and_court_decisions(find):
    evs = find("Radni przyjęli budżet na 2001 rok, a Sejm odrzucił projekt ustawy.")
    assert [e["trigger"]["lemma"] for e in evs] == ["przyjąć", "odrzucić"]
    assert {e["type"] for e in evs} == {"other"}
    assert find("Marek Kowalczyk przyjął propozycję współpracy.") == []
    (ev,) = find("Sąd skazał Marka Kowalczyka na rok więzienia. Nałożył też grzywnę.")
    assert len(ev["mentions"]) == 1  # one ruling
    assert kinds(find("Prokuratura umorzyła śledztwo w sprawie przetargu.")) == ["other"]
    assert find("Marek Kowalczyk uchylił się od odpowiedzi.") == []


def test_arrests_by_participle_and_internment(find):
    evs = find("Zatrzymany przez policję Marek Kowalczyk usłyszał zarzuty.")
    assert [e["type"] for e in evs] == ["arrest", "accusation"]
    assert kinds(find("Władze internowały działaczy Solidarności.")) == ["17"]


def test_appointments_and_dismissals(find):
    (ev,) = find("Marek Kowalczyk stanął na czele komisji śledczej.")
    assert ev["type"] == "appointment" and names(ev) == {"Marek Kowalczyk"}
    evs = find("Marek Kowalczyk został mianowany ambasadorem w Rosji.")
    assert [e["type"] for e in evs] == ["appointment"]  # `został` is the auxiliary, not a second event
    assert find("Wojewoda powołał komisję do zbadania sprawy.") == []  # a body set up
    assert find("Sąd wyznaczył termin rozprawy na maj.") == []
    assert kinds(find("Minister Jan Kowalski zwolnił dyrektora szpitala.")) == ["resignation"]
    assert find("Sąd zwolnił z aresztu Jana Kowalskiego.") == []


def test_calls_complaints_and_speech_cues(find):
    assert kinds(find("Wojewoda wezwał mieszkańców do zachowania spokoju.")) == ["02"]
    assert find("Sąsiedzi wezwali policję do awantury.") == []
    assert find("– Nikt nic z tym nie robi – skarży się mieszkanka Anna Nowak.") == []  # a statement
    assert find("Trzeba zatrzymać tę ustawę.") == []  # obligation, no event


def test_visit_noun_with_its_destination_after_the_visitor(find):
    (ev,) = find("Przyjazd premiera Jana Kowalskiego do Gdańska zaplanowano na piątek.")
    assert (metric.kind(ev), ev["place"]) == ("04", "Gdańsk") and names(ev) == {"Jan Kowalski"}


def test_nouns_done_by_their_predicate_date_or_idiom(find):
    assert kinds(find("Pomimo sprzeciwu radnej Anny Nowak uchwały te zostały podjęte.")) == ["other"]
    assert kinds(find("Wyrok nie jest prawomocny.")) == ["other"]
    assert kinds(find("Zatrzymania dokonano na wniosek Prokuratury Okręgowej w Gdańsku.")) == ["17", "10"]
    evs = find("W 1998 roku Agencja Rolna zawarła umowę z firmą Agromax. W aneksie z 6 maja 2002 roku zmieniono stawki.")
    assert kinds(evs) == ["05", "05"] and evs[1]["time"] == "2002-05-06"
    assert names(evs[1]) == names(evs[0]) != set()  # an annex binds the same parties


def test_offices_taken_by_future_be_and_seats_won(find):
    (ev,) = find("Nowym prezesem spółki będzie Jan Kowalski.")
    assert (ev["type"], ev["status"]) == ("appointment", "intended") and names(ev) == {"Jan Kowalski"}
    (ev,) = find("Jan Kowalski po raz pierwszy wszedł do Sejmu w 1997 roku.")
    assert (ev["type"], ev["time"]) == ("election", "1997")
    assert find("Jan Kowalski nadal będzie prezesem spółki.") == []
    assert find("Jan Kowalski powołał się na ustawę o samorządzie.") == []  # invoking, not appointing


def test_receptions_risks_and_injuries(find):
    assert kinds(find("Działania rządu spotkały się z potępieniem Komisji Europejskiej.")) == ["11"]
    assert find("Czy grozi nam wybór wójtów przez radnych?") == []  # a risk, not a threat
    assert kinds(find("Konkubent złamał jej rękę, a potem nożem ugodził ją w brzuch.")) == ["18", "18"]
    assert find("Jan Kowalski złamał nogę na nartach.") == []


def test_participants_beyond_the_clause(find):
    (ev,) = find("Stefan Niesiołowski, senator Platformy Obywatelskiej, gościł w płońskim saloniku politycznym.")
    assert (ev["type"], names(ev)) == ("visit", {"Stefan Niesiołowski"})  # the subject before the apposition
    evs = find("Sąd Okręgowy w Łodzi skazał Jana Nowaka za zabójstwo sąsiada.")
    assert kinds(evs) == ["other", "18"] and "Jan Nowak" in names(evs[1])  # the one sentenced did the killing


def test_chronicle_entries_take_their_date_line(find):
    text = ("14 marca 2006\n\nPremier Jan Kowalski spotkał się z Anną Nowak.\n\n"
            "15 marca 2006\n\nSejm przyjął rezolucję wzywającą rząd do poszanowania prawa.")
    evs = find(text)
    assert [(metric.kind(e), e["time"]) for e in evs] == [("04", "2006-03-14"), ("other", "2006-03-15"),
                                                          ("02", "2006-03-15")]


def test_aspect_partners_readings_and_decisions(find):
    assert kinds(find("Firma Budimex kwestionuje wysokość odszkodowania.")) == ["11"]  # `zakwestionować`'s partner
    (ev,) = find("Negocjacje z marszałkiem obiecała poseł Anna Nowak.")  # lemma `negocjacje`: the reading `negocjacja`
    assert (ev["type"], ev["status"]) == ("intent_to_meet", "intended")  # promised
    assert kinds(find("Małopolski kurator oświaty zaakceptował likwidację szkoły.")) == ["other"]
    assert kinds(find("Decyzją miejskich radnych w 2002 roku pozostawiono im bonifikatę.")) == ["other"]
    assert find("Jan Kowalski zdecydował się kupić dom.") == []  # a personal choice, no deciding body


def test_wishes_conditions_kinds_and_idioms(find):
    assert kinds(find("Sejmowa komisja chce też, by kancelaria skorygowała budżet.")) == ["10"]
    assert find("– Chcemy, żeby było rodzinnie – mówi Jan Kowalski.") == []  # the speaker's own wish
    assert find("Jeśli minister skarbu znów unieważni przetarg, firma odejdzie.") == []  # hypothetical
    assert find("Nie ma przepisów, które nakazywałyby odbierać koncesje.") == []  # the conditional mood
    assert find("Im dłuższa była lista żądań i roszczeń, tym gorzej.") == []  # kinds of acts
    assert find("To im się chwali!") == []
    assert kinds(find("Lekarz oskarżając mnie o szantaż wybiegł do poczekalni.")) == ["11"]  # not the alleged threat
    assert kinds(find("Zasłużonym dawcom krwi wręczono odznaczenia.")) == ["05"]


# ---------------------------------------------------------------- fourth round: participants and triggers


def test_a_colon_after_the_verb_opens_its_list_of_names(find):
    (ev,) = find("Na zebranie zapraszają: Anna Lis i Jan Nowak.")
    assert ev["type"] == "invitation" and names(ev) == {"Anna Lis", "Jan Nowak"}


def test_a_group_of_officers_from_a_unit_is_its_organisation(find):
    (ev,) = find("Policjanci z gdańskiej delegatury Urzędu Ochrony Państwa zatrzymali Adama Lisa.")
    assert roles(ev) == {("Urząd Ochrony Państwa", "source"), ("Adam Lis", "target")}


def test_an_arrest_of_unnamed_people_takes_those_named_next(find):
    text = ("Policjanci z Sopotu zatrzymali wczoraj trzech mężczyzn. Zatrzymani 25-letni Marek K. i 31-letni "
            "Tomasz W. byli pijani.")
    (ev,) = find(text)
    assert roles(ev) == {("Marek K.", "target"), ("Tomasz W.", "target")}
    (ev,) = find("Policjanci zatrzymali Jana Nowaka. Anna Lis była świadkiem.")
    assert names(ev) == {"Jan Nowak"}  # a named target: nobody else


def test_a_first_person_verb_of_a_noun_trigger_and_do_for_a_demand(find):
    (ev,) = find("– Wystąpiliśmy z wnioskiem do Urzędu Gminy w Baranowie o remont drogi – mówi Jan Nowak, sołtys wsi.")
    assert roles(ev) == {("Jan Nowak", "source"), ("Urząd Gminy w Baranowie", "target")}
    (ev,) = find("– Złożyliśmy skargę na burmistrza – mówi Anna Lis, przewodnicząca stowarzyszenia.")
    assert names(ev) == {"Anna Lis"}


def test_reported_speech_gives_its_speaker_or_nobody(find):
    (ev,) = find("Jan Nowak powiedział, że w maju spotka się z uczniami.")
    assert (ev["type"], names(ev)) == ("intent_to_meet", {"Jan Nowak"})
    evs = find("Anna Lis pochwaliła Jana Nowaka. Żona burmistrza powiedziała, że w maju spotka się z uczniami.")
    assert [names(e) for e in evs] == [{"Anna Lis", "Jan Nowak"}, set()]  # the speaker is no entity


def test_the_author_of_what_is_judged_is_the_target(find):
    (ev,) = find("Wojewoda zaskarżył uchwałę Rady Miasta Opola w sprawie podatków.")
    assert roles(ev) == {("Rada Miasta Opola", "target")}


def test_a_place_after_an_oblique_noun_is_no_actor(find):
    (ev,) = find("Po zakończeniu Maastricht II zaczną się negocjacje.")
    assert ev["participants"] == []


def test_what_a_rule_requires_is_no_demand(find):
    assert find("Ustawa nakazuje gminom przeprowadzenie przetargu.") == []
    assert find("Przepisy nakazują nam jeszcze zorganizowanie przetargu.") == []


def test_a_decision_named_with_its_decider(find):
    assert kinds(find("Mimo decyzji wojewody budowa nie ruszyła.")) == ["other"]
    assert find("Czekamy na decyzję wojewody w tej sprawie.") == []  # awaited, not made


def test_a_fronted_object_has_its_verb_and_subject_after_it(find):
    (ev,) = find("Interpelację w sprawie remontu szkoły złożył radny Jan Nowak.")
    assert (ev["type"], names(ev)) == ("demand", {"Jan Nowak"})


def test_taking_part_in_a_conference_and_one_to_come(find):
    (ev,) = find("Jan Nowak wziął udział w konferencji poświęconej ochronie środowiska.")
    assert (ev["type"], names(ev)) == ("meeting", {"Jan Nowak"})
    (ev,) = find("Udział w konferencji organizowanej przez Urząd Miasta będzie bezpłatny.")
    assert (ev["type"], ev["status"]) == ("intent_to_meet", "intended")


def test_a_name_after_a_classifying_noun_takes_its_case(find):
    (ev,) = find("Taką wysokość odszkodowania kwestionuje firma Budimex.")
    assert roles(ev) == {("Budimex", "source")}


def test_z_of_another_participle_is_no_co_participant(find):
    (ev,) = find("Jan Nowak spotkał się z firmą Budimex.")
    assert roles(ev) == {("Jan Nowak", "source"), ("Budimex", "co-participant")}
    (ev,) = find("Jan Nowak spotkał się z pracownikami związanymi z firmą Budimex.")
    assert names(ev) == {"Jan Nowak"}


def test_another_act_of_the_same_type_is_another_event(find):
    evs = find("Jan Nowak oskarżył burmistrza o kradzież. Potem Jan Nowak złożył skargę do sądu na burmistrza.")
    assert [e["cameo"] for e in evs] == ["112", "115"]  # an accusation, then a lawsuit


def test_the_object_of_a_participle_trigger_is_no_complement_of_the_noun_before(find):
    evs = find("Sejmik przyjął rezolucję wzywającą PZU do wypłaty odszkodowań.")
    assert [(e["type"], roles(e)) for e in evs if e["type"] == "appeal"] == [("appeal", {("PZU", "target")})]
