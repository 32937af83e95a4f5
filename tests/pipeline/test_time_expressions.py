"""Temporal expressions: recognition, TIMEX3 normalisation, anchoring, speed."""
from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from kronika.evaluation.times import evaluate
from kronika.pipeline.time_expressions import TimeExpression, find_times

SEED = Path("/work/shared/data/seed/000_ee61cc30a8ce32d2")
FRIDAY = dt.date(2023, 3, 10)


def found(text: str, date: dt.date | None = FRIDAY, **kwargs) -> dict[str, tuple[str, str]]:
    """{span text: (type, value)} of the expressions in `text`."""
    return {e.text: (e.type, e.value) for e in find_times(text, date, **kwargs)}


def test_offsets_are_str_indices():
    text = "Żółć: 5 stycznia 2023 r. o godz. 12.30 rozmawiali — zaś w środę znów."
    for expr in find_times(text, FRIDAY):
        assert isinstance(expr, TimeExpression)
        assert text[expr.start:expr.end] == expr.text


def test_seed_article_without_date():
    if not SEED.with_suffix(".txt").exists():
        pytest.skip("seed article not available")
    text = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    gold = json.loads(SEED.with_suffix(".gold.json").read_text(encoding="utf-8"))["times"]
    got = {(e.start, e.end): e for e in find_times(text, None)}
    for g in gold:
        expr = got.get((g["start"], g["end"]))
        assert expr is not None, g["text"]
        assert (expr.type, expr.value) == (g["type"], g["value"]), g["text"]
    assert got[(45, 55)].inferred  # 5 stycznia: year from the text, not from a date


def test_no_date_leaves_year_underspecified():
    exprs = find_times("Spotkanie odbyło się 5 stycznia, a kolejne w środę.", None)
    assert [(e.text, e.value, e.inferred) for e in exprs] == [
        ("5 stycznia", "xxxx-01-05", False), ("środę", "xxxx-Wxx-3", False)]  # KPWr: lower-case x


def test_no_date_infers_year_from_text():
    exprs = find_times("W 2021 roku zmieniono prawo. Ustawa weszła w życie 5 stycznia.", None)
    last = exprs[-1]
    assert (last.text, last.value, last.inferred) == ("5 stycznia", "2021-01-05", True)


@pytest.mark.parametrize("sentence, value", [
    ("Prezydent spotkał się z premierem 20 grudnia.", "2022-12-20"),  # past tense: last occurrence
    ("Szczyt odbędzie się 20 grudnia.", "2023-12-20"),  # future tense: next occurrence
    ("Ustawa weszła w życie w listopadzie.", "2022-11"),
    ("We wtorek minister powiedział, że to koniec.", "2023-03-07"),
    ("W środę rząd zajmie się projektem.", "2023-03-15"),
    ("Spotkamy się w Boże Narodzenie.", "2023-12-25"),
])
def test_anchor_and_tense(sentence, value):
    assert [e.value for e in find_times(sentence, FRIDAY)] == [value]


@pytest.mark.parametrize("sentence, span, value", [
    ("Wczoraj rzecznik zabrał głos.", "Wczoraj", "2023-03-09"),
    ("W przyszłym roku ceny wzrosną.", "przyszłym roku", "2024"),
    ("W ubiegłym miesiącu inflacja spadła.", "ubiegłym miesiącu", "2023-02"),
    ("Dziś rano doszło do wypadku.", "Dziś rano", "2023-03-10TMO"),
    ("Jutro o godz. 18.30 rozpocznie się debata.", "Jutro o godz. 18.30", "2023-03-11T18:30"),
    ("Do zdarzenia doszło 3.02.2023 r. w Gdańsku.", "3.02.2023 r.", "2023-02-03"),
    ("Wybory odbyły się w październiku 2019 roku.", "październiku 2019 roku", "2019-10"),
    ("W XX wieku miasto się rozrosło.", "XX wieku", "19"),
    ("W latach 90. zespół grał w klubach.", "latach 90.", "199"),
    ("Raport ukaże się w pierwszej połowie 2024 roku.", "pierwszej połowie 2024 roku", "2024-H1"),
    ("Zimą 2021 roku spadło dużo śniegu.", "Zimą 2021 roku", "2021-WI"),
])
def test_dates_and_times(sentence, span, value):
    assert found(sentence)[span][1] == value


def test_ranges_share_month_and_year():
    got = found("Festiwal potrwa od 3 do 10 sierpnia 2022 roku.")
    assert got["3"] == ("DATE", "2022-08-03")
    assert got["10 sierpnia 2022 roku"] == ("DATE", "2022-08-10")
    assert found("W latach 1987-94 grali w Jarocinie.") == {"1987": ("DATE", "1987"), "94": ("DATE", "1994")}


@pytest.mark.parametrize("sentence, span, value", [
    ("Rozmowy trwały przez pięćdziesiąt minut.", "pięćdziesiąt minut", "PT50M"),
    ("Nie widzieli się od trzech tygodni.", "trzech tygodni", "P3W"),
    ("Po dwóch latach wrócił do kraju.", "dwóch latach", "P2Y"),
    ("Zakończył pracę przed pięćdziesięciu dniami.", "pięćdziesięciu dniami", "P50D"),
    ("Spór z trzema sąsiadami trwał dwadzieścia pięć lat.", "dwadzieścia pięć lat", "P25Y"),
    ("Budowa potrwa półtora roku.", "półtora roku", "P1.5Y"),
    ("Zostało pół godziny.", "pół godziny", "PT0.5H"),
    ("To był dwudniowy szczyt.", "dwudniowy", "P2D"),
    ("Obiecał to w ciągu najbliższych dwóch miesięcy.", "w ciągu najbliższych dwóch miesięcy", "P2M"),
])
def test_durations_with_inflected_numerals(sentence, span, value):
    assert found(sentence)[span] == ("DURATION", value)


@pytest.mark.parametrize("sentence, span", [
    ("Czekali kilka godzin.", "kilka godzin"),
    ("Negocjacje trwały kilka dni.", "kilka dni"),
    ("Od lat mieszka pod Krakowem.", "lat"),
    ("Od miesięcy nikt nie płaci czynszu.", "miesięcy"),
    ("To wieloletnia współpraca obu gmin.", "wieloletnia"),
    ("Kilkanaście lat temu dom spłonął.", "Kilkanaście lat"),
    ("Przez kilka dni po wyborach trwały protesty.", "kilka dni"),
])
def test_vague_durations_follow_kpwr(sentence, span):
    assert found(sentence)[span] == ("DURATION", "VAGUE")


def test_vague_durations_can_keep_timex3_values():
    assert found("Czekali kilka godzin.", vague=None)["kilka godzin"] == ("DURATION", "PTXH")
    assert found("Negocjacje trwały kilka dni.", vague=None)["kilka dni"] == ("DURATION", "PXD")


def test_vague_offset_from_an_event_keeps_pxd():
    assert found("Umowę podpisano zaledwie kilka dni po wyborach.")["kilka dni"] == ("DURATION", "PXD")
    assert found("Zmarł kilka lat przed premierą filmu.")["kilka lat"] == ("DURATION", "PXY")


@pytest.mark.parametrize("sentence, span, value", [
    ("Komisja zbiera się co tydzień.", "co tydzień", "P1W"),
    ("Codziennie dojeżdża do pracy.", "Codziennie", "P1D"),
    ("Festiwal odbywa się co roku.", "co roku", "P1Y"),
    ("Targ jest czynny w każdy poniedziałek.", "w każdy poniedziałek", "XXXX-WXX-1"),
    ("Spotykają się dwa razy w roku.", "dwa razy w roku", "P1Y"),
])
def test_sets(sentence, span, value):
    assert found(sentence, set_values=True)[span] == ("SET", value)


def test_sets_have_no_value_by_default():
    assert found("Komisja zbiera się co tydzień, a targ jest czynny codziennie.") == {
        "co tydzień": ("SET", None), "codziennie": ("SET", None)}


@pytest.mark.parametrize("sentence, span, value", [
    ("W przyszłym tygodniu ruszy budowa.", "przyszłym tygodniu", "2023-Wxx"),
    ("W ubiegłym tygodniu padał deszcz.", "ubiegłym tygodniu", "2023-Wxx"),
    ("Na długi weekend wyjedziemy nad morze.", "długi weekend", "2023-Wxx-WE"),
    ("W ostatnich latach ceny rosły.", "ostatnich latach", "xxxx"),
    ("W ostatnich miesiącach ceny spadały.", "ostatnich miesiącach", "xxxx-xx"),
    ("W najbliższych dniach zapadnie decyzja.", "najbliższych dniach", "xxxx-xx-xx"),
    ("Któregoś dnia zadzwonił sąsiad.", "Któregoś dnia", "xxxx-xx-xx"),
    ("W drugiej połowie XIX wieku powstał dworzec.", "drugiej połowie XIX wieku", "18-H2"),
    ("Ostatnia niedziela września była ciepła.", "Ostatnia niedziela września", "2022-09-25"),
    ("Rada zbierze się w pierwszy wtorek kwietnia.", "pierwszy wtorek kwietnia", "2023-04-04"),
    ("Dziś po północy posłowie zagłosują.", "Dziś po północy", "2023-03-11TNI"),
])
def test_kpwr_conventions(sentence, span, value):
    assert found(sentence)[span][1] == value


@pytest.mark.parametrize("sentence, span, value", [
    ("Koncert jak co tydzień zacznie się o godz. 19.", "godz. 19", "T19:00"),  # no day named: the day is unknown
    ("Gabinet jest czynny w godzinach 8-16.", "16", "T16:00"),
    ("Około godz. 7 przy ul. Długiej zderzyły się auta.", "Około godz. 7", "2023-03-10T07:00"),  # reported past event
    ("Rano na ul. Polnej spadł śnieg.", "Rano", "2023-03-10TMO"),
    ("W piątek 17 marca ruszy kiermasz. W tym samym tygodniu, w środę 15 marca, ruszą zapisy (od godz. 9).",
     "godz. 9", "2023-03-15T09:00"),  # the day of its own sentence, not the earlier event's
])
def test_time_of_day_takes_a_named_day_only(sentence, span, value):
    assert found(sentence)[span] == ("TIME", value)


@pytest.mark.parametrize("sentence, date, span, value", [
    ("Tego dnia padał deszcz.", FRIDAY, "Tego dnia", "2023-xx-xx"),  # no day named before it
    ("Rozmowy zakończono 5 maja. Tego dnia padał deszcz.", None, "Tego dnia", "xxxx-05-05"),
    ("Rozmowy zakończono 5 maja. O godz. 12 padał deszcz.", None, "godz. 12", "xxxx-05-05T12:00"),
    ("Festiwal odbywa się rokrocznie w lipcu.", FRIDAY, "lipcu", "xxxx-07"),  # habitual: any July
    ("Pracownia jest zazwyczaj otwarta w sobotę.", FRIDAY, "sobotę", "xxxx-Wxx-6"),
    ("W listopadzie kradzieży było więcej niż zwykle.", FRIDAY, "listopadzie", "2022-11"),  # not habitual
])
def test_unknown_days_stay_underspecified(sentence, date, span, value):
    assert found(sentence, date)[span][1] == value


def test_inferred_day_marks_the_times_that_use_it():
    text = "W 2021 roku 5 maja otwarto most. Tego dnia o godz. 12 przecięto wstęgę."
    got = {e.text: (e.value, e.inferred) for e in find_times(text, None)}
    assert got["Tego dnia o godz. 12"] == ("2021-05-05T12:00", True)


@pytest.mark.parametrize("sentence, span, value", [
    ("Między 5 a 10 maja odbędą się targi.", "5", "2023-05-05"),
    ("Akcja potrwa do jutra.", "jutra", "2023-03-11"),
    ("W 450 r. p.n.e. spisano prawo.", "450 r. p.n.e.", "BC0450"),
    ("Samochody sprzed 1997 rokiem nie wjadą.", "1997 rokiem", "1997"),
    ("Wieczorem policja zatrzymała sprawcę.", "Wieczorem", "2023-03-10TEV"),
])
def test_more_forms(sentence, span, value):
    assert found(sentence)[span][1] == value


@pytest.mark.parametrize("sentence", [
    "Firma ma siedzibę przy ul. 3 Maja w Krakowie.",
    "Mówi Jan Piątek, sołtys wsi.",
    "Do 50 minuty gospodarze prowadzili.",
    "To szkoła jutra.",
    "Ptaki odleciały na południe.",
])
def test_names_ordinals_and_directions_are_not_times(sentence):
    assert found(sentence) == {}


def test_time_of_day_without_any_day():
    assert found("Wolał dyżury nocne.", None) == {"nocne": ("TIME", "TNI")}


@pytest.mark.parametrize("sentence", [
    "Nie wiadomo, czy się zgodzi.",
    "Polska ma 38 mln mieszkańców i 2000 km granic.",
    "Zatrzymano 38-letniego mężczyznę.",
    "Drugi z napastników (w wieku 42 lat) uciekł.",
    "Maja Nowak wygrała, a wynik meczu to 3:1.",
    "Samochód kosztował 2.500 zł, czyli 10.50 za dzień.",
])
def test_no_false_alarms(sentence):
    assert found(sentence) == {}


def test_linear_time_on_adversarial_input():
    unit = "1 000 co w ciągu najbliższych dnia 12.12. 2020- od 10 do XX w wieku 6-7 lat kilka "
    timings = []
    for size in (20_000, 80_000):
        text = (unit * (size // len(unit) + 1))[:size]
        start = time.perf_counter()
        find_times(text, FRIDAY)
        timings.append(time.perf_counter() - start)
    assert timings[1] < 8 * timings[0] + 0.05  # 4x the text: well under quadratic (16x)


def test_evaluate_counts(tmp_path):
    doc = {"text": "Wczoraj minęło pięć lat.", "doc_date": "2023-03-10", "timexes": [
        {"type": "DATE", "start": 0, "end": 7, "val": "2023-03-09"},
        {"type": "DURATION", "start": 15, "end": 19, "val": "P4Y"}]}
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    scores = evaluate(path)
    assert scores["strict_correct"] == 1 and scores["relaxed_correct"] == 2
    assert scores["relaxed_f1"] == 1.0 and scores["strict_f1"] == 0.5
    assert scores["type_accuracy"] == 1.0 and scores["value_accuracy"] == 0.5


def test_without_a_date_birth_years_give_no_anchor() -> None:
    text = ("Początek rozgrywek zaplanowano na 27 stycznia, finały - 30 stycznia. Grają roczniki 1987 i młodsi, "
            "1993 i młodsi. Wcześniej, 17 stycznia rozpocznie się turniej.")
    assert [t.value for t in find_times(text) if "stycznia" in t.text] == ["xxxx-01-27", "xxxx-01-30", "xxxx-01-17"]
    text = "Urodzony w 1950 r. Jan Nowak zmarł 17 stycznia. W 2003 roku zarząd zebrał się 5 marca."
    values = {t.text: t.value for t in find_times(text)}
    assert (values["17 stycznia"][:4], values["5 marca"]) == ("2003", "2003-03-05")  # the year said in its sentence


def test_days_of_this_and_last_month_and_this_year_abbreviated() -> None:
    date = dt.date(2003, 10, 20)
    assert [t.value for t in find_times("Sesja odbędzie się w poniedziałek, 27 bm.", date)] == ["2003-10-27"]
    assert [t.value for t in find_times("Spotkanie odbyło się 12 ub.m. w Opolu.", date)] == ["2003-09-12"]
    assert [t.value for t in find_times("Spotkanie odbyło się 12 ub.m. w Opolu.")] == ["xxxx-xx-12"]
    assert [t.value for t in find_times("Do 15 marca br. trzeba złożyć wniosek.")] == ["xxxx-03-15"]
