"""Article structure: headline, lead, headings, boilerplate."""
from __future__ import annotations

import json

from kronika.pipeline.structure import find_sections


def kinds(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in find_sections(text)]


def test_headline_lead_heading_and_boilerplate() -> None:
    text = (
        "Burmistrz otwiera nowy most\n"
        "Most na Odrze jest gotowy. Otwarcie zaplanowano na sobotę.\n\n"
        "Kierowcy czekali trzy lata\n"
        "Budowa opóźniła się o rok. (PAP)\n"
        "Zobacz też:\n"
        "\"Nie damy rady\". Wykonawca o kłopotach\n"
        "REKLAMA\n"
        "Fot. Anna Wiśniewska\n"
        "Źródło: Urząd Miasta\n"
        "Koniec tekstu.\n"
        "(jk)\n"
    )
    assert kinds(text) == [
        ("headline", "Burmistrz otwiera nowy most"),
        ("lead", "Most na Odrze jest gotowy. Otwarcie zaplanowano na sobotę."),
        ("heading", "Kierowcy czekali trzy lata"),
        ("paragraph", "Budowa opóźniła się o rok."),
        ("boilerplate", "(PAP)"),
        ("boilerplate", "Zobacz też:"),
        ("boilerplate", "\"Nie damy rady\". Wykonawca o kłopotach"),
        ("boilerplate", "REKLAMA"),
        ("boilerplate", "Fot. Anna Wiśniewska"),
        ("boilerplate", "Źródło: Urząd Miasta"),
        ("paragraph", "Koniec tekstu."),
        ("boilerplate", "(jk)"),
    ]


def test_a_heading_with_a_colon_inside_is_a_heading() -> None:
    text = "Pierwszy akapit.\nKowalski: Nie zgadzam się z tym\nDrugi akapit."
    assert ("heading", "Kowalski: Nie zgadzam się z tym") in kinds(text)


def test_a_label_with_text_after_it_does_not_swallow_the_next_line() -> None:
    text = "Akapit.\nCzytaj więcej: inny tekst\nTo jest treść artykułu."
    assert kinds(text)[-1] == ("paragraph", "To jest treść artykułu.")


def test_seed_headings_and_boilerplate_match_gold(seed_path) -> None:
    gold = json.loads(seed_path.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))
    text = seed_path.read_text(encoding="utf-8")
    found = [(s.kind, s.start, s.end) for s in find_sections(text) if s.kind in ("heading", "boilerplate")]
    assert found == [(s["kind"], s["start"], s["end"]) for s in gold["sections"]]
