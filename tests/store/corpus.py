"""Small hand-made analyses (the `kronika analyze` schema) with invented Polish news, for store tests."""
from __future__ import annotations

from typing import Any


def span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def mention(text: str, part: str, base: str, kind: str = "name", nth: int = 0) -> dict[str, Any]:
    start, end = span(text, part, nth)
    return {"start": start, "end": end, "text": part, "kind": kind, "base": base}


def analysis(doc_id: str, date: str | None, text: str, entities=(), quotes=(), times=(), events=()) -> dict[str, Any]:
    return {"id": doc_id, "date": date, "sections": [{"kind": "paragraph", "start": 0, "end": len(text)}],
            "sentences": [{"start": 0, "end": len(text)}], "entities": list(entities), "quotes": list(quotes),
            "times": list(times), "events": list(events)}


def quote(text: str, part: str, speaker: str, entity: str | None, cue: str) -> dict[str, Any]:
    start, end = span(text, part)
    return {"start": start, "end": end, "text": part, "kind": "direct", "speaker": speaker,
            "speaker_entity": entity, "speaker_mention": None, "cue": cue}


T1 = ("Prezydent Aleksandr Łukaszenka spotkał się w Mińsku z premierem Donaldem Tuskiem. "
      "„Granica pozostanie otwarta” – powiedział Łukaszenka.")
T2 = "Łukaszenka zapowiedział manewry. „Nie boimy się Tuska” – stwierdził przywódca Białorusi."
T3 = "Jan Nowak i Piotr Nowak z Sejmu skrytykowali rząd. Nowak dodał: „To skandal w sejmie”."
T4 = "Kowalczyk ogłosił start kampanii w Gdańsku."
T5 = "Posłanka Anna Kowalczyk otworzyła w Gdańsku biuro. „Wygramy” – zapewniła."


def a1() -> dict[str, Any]:
    return analysis("a1", "2024-03-01", T1, entities=[
        {"id": "e1", "type": "person", "name": "Aleksandr Łukaszenka", "roles": ["prezydent"],
         "mentions": [mention(T1, "Aleksandr Łukaszenka", "Aleksandr Łukaszenka"),
                      mention(T1, "Łukaszenka", "Łukaszenka", "surname", nth=1)]},
        {"id": "e2", "type": "person", "name": "Donald Tusk", "roles": ["premier"],
         "mentions": [mention(T1, "Donaldem Tuskiem", "Donald Tusk")]},
        {"id": "e3", "type": "place", "name": "Mińsk", "roles": [], "mentions": [mention(T1, "Mińsku", "Mińsk")]},
    ], quotes=[quote(T1, "Granica pozostanie otwarta", "Łukaszenka", "e1", "powiedział")],
        events=[{"type": "meeting", "cameo": "036", "participants": [
            {"entity": "e1", "name": "Aleksandr Łukaszenka", "role": "agent"},
            {"entity": "e2", "name": "Donald Tusk", "role": "patient"}],
            "time": None, "place": "Mińsk", "status": "happened", "start": 0, "end": 82,
            "mentions": [{"start": 0, "end": 82, "text": T1[:82]}]}])


def a2() -> dict[str, Any]:
    start, end = span(T2, "Tuska")
    return analysis("a2", "2024-03-05", T2, entities=[
        {"id": "e1", "type": "person", "name": "Łukaszenka", "roles": ["przywódca Białorusi"],
         "mentions": [mention(T2, "Łukaszenka", "Łukaszenka", "surname"),
                      mention(T2, "przywódca Białorusi", "przywódca Białorusi", "description")]},
        {"id": "e2", "type": "person", "name": "Donald Tusk", "roles": [],
         "mentions": [{"start": start, "end": end, "text": "Tuska", "kind": "surname", "base": "Tusk"}]},
    ], quotes=[quote(T2, "Nie boimy się Tuska", "przywódca Białorusi", "e1", "stwierdził")],
        times=[],
        events=[{"type": "military", "cameo": "152", "participants": [
            {"entity": "e1", "name": "Łukaszenka", "role": "agent"}], "time": None, "place": None,
            "status": "announced", "start": 0, "end": 32, "mentions": [{"start": 0, "end": 32, "text": T2[:32]}]}])


def a3() -> dict[str, Any]:
    return analysis("a3", "2024-04-10", T3, entities=[
        {"id": "e1", "type": "person", "name": "Jan Nowak", "roles": [], "mentions": [mention(T3, "Jan Nowak", "Jan Nowak")]},
        {"id": "e2", "type": "person", "name": "Piotr Nowak", "roles": [], "mentions": [mention(T3, "Piotr Nowak", "Piotr Nowak")]},
        {"id": "e3", "type": "person", "name": "Nowak", "roles": [], "mentions": [mention(T3, "Nowak", "Nowak", "surname", nth=2)]},
        {"id": "e4", "type": "organization", "name": "Sejm", "roles": [], "mentions": [mention(T3, "Sejmu", "Sejm")]},
    ], quotes=[quote(T3, "To skandal w sejmie", "Nowak", "e3", "dodał")],
        times=[{"start": 0, "end": 3, "text": T3[:3], "type": "date", "value": "2024-04-10"}])


def b1() -> dict[str, Any]:
    return analysis("b1", "2024-02-01", T4, entities=[
        {"id": "e1", "type": "person", "name": "Kowalczyk", "roles": [], "mentions": [mention(T4, "Kowalczyk", "Kowalczyk")]},
        {"id": "e2", "type": "place", "name": "Gdańsk", "roles": [], "mentions": [mention(T4, "Gdańsku", "Gdańsk")]}])


def b2() -> dict[str, Any]:
    return analysis("b2", "2024-02-03", T5, entities=[
        {"id": "e1", "type": "person", "name": "Anna Kowalczyk", "roles": ["posłanka"],
         "mentions": [mention(T5, "Anna Kowalczyk", "Anna Kowalczyk")]},
        {"id": "e2", "type": "place", "name": "Gdańsk", "roles": [], "mentions": [mention(T5, "Gdańsku", "Gdańsk")]}],
        quotes=[quote(T5, "Wygramy", "Anna Kowalczyk", "e1", "zapewniła")])


TEXTS = {"a1": T1, "a2": T2, "a3": T3, "b1": T4, "b2": T5}
ALL = [a1, a2, a3, b1, b2]


def load(store, *makers) -> None:
    for make in makers or ALL:
        doc = make()
        store.save_document(doc, TEXTS[doc["id"]])


def synthetic(n: int, seed: int = 0) -> list[tuple[dict[str, Any], str]]:
    """n generated articles with people, quotes and events (for kill, concurrency and speed tests)."""
    first = ["Jan", "Anna", "Piotr", "Maria", "Tomasz", "Ewa", "Krzysztof", "Zofia"]
    last = ["Wiśniewski", "Zielińska", "Wójcik", "Lewandowska", "Kamiński", "Dąbrowska", "Szymański", "Woźniak"]
    places = ["Gdańsk", "Kraków", "Poznań", "Lublin", "Wrocław"]
    docs = []
    for i in range(n):
        a, b = (i + seed) % 8, (i * 3 + 1 + seed) % 8
        p1, p2, place = f"{first[a]} {last[a]}", f"{first[b]} {last[b]}", places[i % 5]
        said = f"Budżet numer {i} jest gotowy"
        text = f"{p1} spotkał się w mieście {place} z {p2}. „{said}” – powiedział {p1}. Artykuł {i}."
        month, day = 1 + i % 12, 1 + i % 28
        entities = [
            {"id": "e1", "type": "person", "name": p1, "roles": ["minister"], "mentions": [mention(text, p1, p1)]},
            {"id": "e3", "type": "place", "name": place, "roles": [], "mentions": [mention(text, place, place)]}]
        if p2 != p1:
            entities.append({"id": "e2", "type": "person", "name": p2, "roles": [], "mentions": [mention(text, p2, p2)]})
        docs.append((analysis(f"s{i:05d}", f"2023-{month:02d}-{day:02d}", text, entities=entities,
                              quotes=[quote(text, said, p1, "e1", "powiedział")],
                              events=[{"type": "meeting", "cameo": "036", "participants": [
                                  {"entity": "e1", "name": p1, "role": "agent"}], "time": None, "place": place,
                                  "status": "happened", "start": 0, "end": 10, "mentions": []}]), text))
    return docs
