"""Quote detection: direct, dash dialogue, indirect, mixed, headline form; speakers and cues."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika import extensions as ext
from kronika.evaluation.quotes import match, speakers_agree, strip_span
from kronika.pipeline import quotations  # noqa: F401  (registers the component)
from kronika.pipeline.quotations import Quote

SEED_GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed" / "000_ee61cc30a8ce32d2.gold.json"


@pytest.fixture(scope="module")
def nlp():
    from kronika.core import build

    pipeline = build()
    if "kronika_quotations" not in pipeline.pipe_names:
        pipeline.add_pipe("kronika_quotations")
    return pipeline


def quotes(nlp, text: str) -> list[Quote]:
    return nlp(text)._.get(ext.QUOTES)


def test_dash_quote_with_attribution_after(nlp):
    text = "– Budżet zostanie przyjęty w marcu – powiedział minister Jan Kowalski."
    (q,) = quotes(nlp, text)
    assert q.text == "Budżet zostanie przyjęty w marcu"
    assert (q.kind, q.speaker) == ("direct", "Jan Kowalski")
    assert q.cue.text == "powiedział" and q.cue.lemma == "powiedzieć"
    assert text[q.speaker_mention[0]:q.speaker_mention[1]] == "Jan Kowalski"


def test_continuation_after_attribution_keeps_the_speaker(nlp):
    text = "– Nie zgadzamy się z tym – dodała Anna Nowak. – Złożymy odwołanie w sądzie."
    first, second = quotes(nlp, text)
    assert first.text == "Nie zgadzamy się z tym"
    assert second.text.startswith("Złożymy odwołanie")
    assert first.speaker == second.speaker == "Anna Nowak"
    assert second.cue is None


def test_dash_without_spaces_and_dropped_subject(nlp):
    text = ("Maria Zielińska odwiedziła wczoraj szpital miejski.– Lekarze pracują ponad siły – oceniła.\n\n"
            "Podkreśliła, że brakuje pielęgniarek.")
    found = quotes(nlp, text)
    assert [q.kind for q in found] == ["direct", "indirect"]
    assert all(q.speaker == "Maria Zielińska" for q in found)
    assert found[1].text == "brakuje pielęgniarek"


def test_dropped_subject_follows_verb_gender(nlp):
    text = ("Jan Nowak rozmawiał z Ewą Kowalską o remoncie. "
            "Kowalska przyznała, że prace się opóźnią. Dodała, że wykonawca zapłaci karę.")
    found = quotes(nlp, text)
    assert len(found) == 2
    assert all(speakers_agree(q.speaker, "Ewa Kowalska") for q in found)


def test_indirect_with_role_speaker(nlp):
    (q,) = quotes(nlp, "Rzecznik policji poinformował, że sprawca został zatrzymany.")
    assert (q.kind, q.text) == ("indirect", "sprawca został zatrzymany")
    assert speakers_agree(q.speaker, "rzecznik policji")
    assert q.cue.lemma == "poinformować"


def test_mixed_quote_is_one_quote(nlp):
    text = 'Prezes Adam Wiśniewski ocenił, że rozmowy były "bardzo trudne i długie".'
    (q,) = quotes(nlp, text)
    assert q.kind == "mixed"
    assert q.text == 'rozmowy były "bardzo trudne i długie"'
    assert q.speaker == "Adam Wiśniewski"


def test_quote_marks_with_attribution(nlp):
    text = '„Ta decyzja jest po prostu błędna” – stwierdził Piotr Malinowski.'
    (q,) = quotes(nlp, text)
    assert (q.kind, q.text, q.speaker) == ("direct", "Ta decyzja jest po prostu błędna", "Piotr Malinowski")


def test_colon_before_dash(nlp):
    text = "Na spotkaniu głos zabrała mieszkanka osiedla Ewa Lis: – Nie mamy gdzie parkować."
    (q,) = quotes(nlp, text)
    assert q.text == "Nie mamy gdzie parkować."
    assert q.speaker == "Ewa Lis"


def test_titles_and_scare_quotes_are_not_quotes(nlp):
    text = ('Artykuł ukazał się w "Gazecie Wyborczej". Film „Ostatni dzień lata” pokazano w kinie. '
            'To była tak zwana „reforma”.')
    assert quotes(nlp, text) == []


def test_according_to(nlp):
    (q,) = quotes(nlp, "Według ekspertów ceny mieszkań wzrosną w przyszłym roku.")
    assert q.kind == "indirect" and q.text == "ceny mieszkań wzrosną w przyszłym roku"
    assert speakers_agree(q.speaker, "eksperci")


def test_jak_attribution(nlp):
    (q,) = quotes(nlp, "Jak powiedział nam burmistrz Jan Kowalski, remont potrwa do jesieni.")
    assert q.text == "remont potrwa do jesieni"
    assert q.speaker == "Jan Kowalski"


def test_headline_form(nlp):
    text = "Kowalski: Nie oddam mandatu\n\nPoseł nie zamierza rezygnować z funkcji."
    (q,) = quotes(nlp, text)
    assert (q.text, q.speaker, q.cue.text) == ("Nie oddam mandatu", "Kowalski", ":")


def test_interrupted_quote_is_two_quotes(nlp):
    text = "– W takich sprawach – przyznaje Tomasz Wrona – nie ma prostych odpowiedzi."
    first, second = quotes(nlp, text)
    assert first.text == "W takich sprawach"
    assert second.text.startswith("nie ma prostych")
    assert first.speaker == second.speaker == "Tomasz Wrona"


def test_role_resolved_to_earlier_name(nlp):
    text = ("Wojewoda pomorski Roman Kowalczyk odwiedził budowę.\n\n"
            "– Most będzie gotowy w terminie – zapewnił wojewoda.")
    (q,) = quotes(nlp, text)
    assert q.speaker == "Roman Kowalczyk"


def test_journalist_and_impersonal_frames_are_not_quotes(nlp):
    text = "Zapytaliśmy, czy remont się opóźni. Przed laty uważano, że to niemożliwe."
    assert quotes(nlp, text) == []


def test_to_json_shape(nlp):
    (q,) = quotes(nlp, "– Wracamy do pracy – powiedział Jan Kowalski.")
    data = q.to_json()
    assert set(data) == {"start", "end", "text", "kind", "speaker", "speaker_entity", "speaker_mention", "cue"}
    assert set(data["cue"]) == {"start", "end", "text", "lemma"}
    assert set(data["speaker_mention"]) == {"start", "end"}
    json.dumps(data)


def test_match_helpers():
    text = "„Tak” – powiedział."
    assert strip_span(text, 0, 5) == (1, 4)
    assert match([(0, 10)], [(2, 12)]) == [(0, 0)]
    assert match([(0, 10)], [(8, 30)]) == []
    assert speakers_agree("Pieskow", "Dmitrij Pieskow") and not speakers_agree(None, "Putin")
    assert speakers_agree(None, None)


def test_seed_article(nlp):
    if not SEED_GOLD.exists():
        pytest.skip("shared seed not available")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    text = gold["text"]
    found = quotes(nlp, text)
    teaser = next(s for s in gold["sections"] if s["kind"] == "boilerplate" and s.get("note"))
    assert not [q for q in found if q.start < teaser["end"] and teaser["start"] < q.end]
    assert len(found) == len(gold["quotes"]) == 14
    pairs = match([strip_span(text, q.start, q.end) for q in found],
                  [strip_span(text, g["start"], g["end"]) for g in gold["quotes"]])
    assert len(pairs) == 14
    for i, j in pairs:
        q, g = found[i], gold["quotes"][j]
        assert (q.start, q.end) == (g["start"], g["end"])
        assert q.kind == g["kind"]
        assert speakers_agree(q.speaker, g["speaker"]), (q.text, q.speaker, g["speaker"])


def test_speaker_mapped_to_the_entity_covering_the_mention(nlp):
    from types import SimpleNamespace

    from kronika.pipeline.quotations import find_quotes

    text = "Władimir Putin spotkał się z gośćmi.\n\n– To ważny dzień – powiedział prezydent Rosji."
    doc = nlp(text)
    role = text.index("prezydent Rosji")
    entity = SimpleNamespace(id="E1", name="Władimir Putin", mentions=[
        SimpleNamespace(start=0, end=14, kind="name"),
        SimpleNamespace(start=role, end=role + len("prezydent Rosji"), kind="role")])
    doc._.set(ext.ENTITIES, [entity])
    (q,) = find_quotes(doc)
    assert (q.speaker, q.speaker_entity) == ("Władimir Putin", "E1")
    assert q.speaker_mention == (role, role + len("prezydent Rosji"))


def test_a_role_with_its_own_complement_is_its_own_speaker() -> None:
    import kronika

    text = ("– Wrócimy tu za miesiąc – zapowiedział Marek Zieliński. "
            "Jak poinformował rzecznik ministerstwa, kolejne rozmowy odbędą się w Warszawie.")
    quotes = kronika.analyze(text).to_json()["quotes"]
    assert [(q["speaker"], q["kind"]) for q in quotes] == [
        ("Marek Zieliński", "direct"), ("rzecznik ministerstwa", "indirect"),
    ]


def test_quoted_organisation_inside_the_speaker_phrase(nlp):
    text = ("Szefowa kolejowego „Związku Maszynistów” Joanna Wrona oceniła, że rozmowy utknęły. "
            "Według niej zarząd nie ma planu.")
    found = quotes(nlp, text)
    assert [(q.kind, q.speaker) for q in found] == [("indirect", "Joanna Wrona"), ("indirect", "Joanna Wrona")]


def test_dialogue_turns_with_verbs_of_objecting_and_asking_are_separate_quotes(nlp):
    text = ("– Co pan robi? Przecież tu duszno – sprzeciwia się młody człowiek. – Ja mam chore kości – odpowiada "
            "starszy pan.\n\n– Proszę usiąść – prosi kierowca Jan Nowak.")
    found = quotes(nlp, text)
    assert [q.text for q in found] == ["Co pan robi? Przecież tu duszno", "Ja mam chore kości", "Proszę usiąść"]
    assert [q.cue.lemma for q in found] == ["sprzeciwiać", "odpowiadać", "prosić"]
    assert found[2].speaker == "Jan Nowak"


def test_a_speaker_after_an_abbreviated_rank_is_found(nlp):
    text = ("Policja zatrzymała dwóch mężczyzn, których wskazał świadek Jan Nowak. – Obaj byli notowani – mówi kpt. "
            "Adam Wiśniewski z komendy. – Sprawcy uciekli – dodaje mł. asp. Anna Zięba.")
    assert [q.speaker for q in quotes(nlp, text)] == ["Adam Wiśniewski", "Anna Zięba"]


def test_the_speaker_after_prepositional_phrases_and_an_apposition(nlp):
    text = ("Grajewski uznał, że to złe miejsce.\n\n– Warunki były takie same – mówił w tym czasie w parku maszyn "
            "jeden z żużlowców, Tomasz Piszcz.\n\n– Nie wiem – mówi w rozmowie z nami prezes spółki Jan Nowak.")
    assert [q.speaker for q in quotes(nlp, text)][1:] == ["Tomasz Piszcz", "Jan Nowak"]


def test_a_name_and_its_apposition_before_a_colon_speak(nlp):
    text = "Sędzia Jan Nowak odmówił komentarza.\n\nPaweł Kapsa, bramkarz klubu: – To nie jest w porządku."
    (q,) = quotes(nlp, text)
    assert (q.speaker, q.text) == ("Paweł Kapsa", "To nie jest w porządku.")


def test_the_writers_first_person_names_no_speaker_nor_does_its_continuation(nlp):
    text = ("– Nie można z nich korzystać – usłyszeliśmy w spółdzielni. – Zgłaszaliśmy to strażakom.\n\n"
            "– W Łodzi nie doszło do tragedii – mówi Piotr Jóźwiak.")
    assert [q.speaker for q in quotes(nlp, text)] == [None, None, "Piotr Jóźwiak"]


def test_a_dash_insertion_in_narrative_is_no_quote(nlp):
    text = ("Wysyłane pisma są profesjonalnie przygotowane. Przesyłka zawiera pismo, w którym koordynator – który "
            "niewyraźnie podpisał się pod wstępem – informuje o utworzeniu nowego biura.")
    assert quotes(nlp, text) == []


def test_a_share_of_a_group_says_it_and_a_name_after_a_descriptive_subject(nlp):
    text = ("– Rada będzie wydawać opinie – mówi dyrektor Jan Małecki. Tylko 6 proc. z nich przyznaje, że ogląda "
            "reklamy. „Reklama powinna szokować” – twierdził twórca reklam Benettona, Oliviero Toscani.")
    assert [q.speaker for q in quotes(nlp, text)] == ["Jan Małecki", "6 proc. z nich", "Oliviero Toscani"]
