import json

import pytest

from kronika.evaluation.entities import (
    evaluate_spans, nfc_spans, normalise_type, outermost, read_nkjp_heldout, read_poleval_jsonl)
from kronika.pipeline.ner_features import split_of


def test_perfect():
    gold = [[(0, 5, "person"), (10, 16, "place")], []]
    res = evaluate_spans(gold, gold)
    assert res["exact_f1"] == res["overlap_f1"] == res["poleval"] == 1.0
    assert res["person_f1"] == 1.0 and res["geo_gold"] == 0


def test_overlap_vs_exact():
    gold = [[(0, 10, "person"), (20, 30, "organization")]]
    pred = [[(0, 4, "person"), (20, 30, "place"), (40, 45, "geo")]]
    res = evaluate_spans(gold, pred)
    assert res["exact_f1"] == 0.0
    # one overlap match of 3 predictions / 2 gold
    assert res["overlap_p"] == pytest.approx(1 / 3)
    assert res["overlap_r"] == pytest.approx(1 / 2)
    assert res["overlap_f1"] == pytest.approx(0.4)
    assert res["poleval"] == pytest.approx(0.8 * 0.4)
    assert res["person_f1"] == 1.0 and res["person_exact_f1"] == 0.0
    assert res["organization_r"] == 0.0 and res["geo_p"] == 0.0


def test_one_to_one_overlap():
    gold = [[(0, 5, "person"), (6, 12, "person")]]
    pred = [[(0, 12, "person")]]
    res = evaluate_spans(gold, pred)
    assert res["overlap_p"] == 1.0 and res["overlap_r"] == 0.5
    # the longer overlap wins
    gold = [[(0, 3, "place"), (4, 20, "place")]]
    pred = [[(2, 10, "place")]]
    assert evaluate_spans(gold, pred)["overlap_r"] == 0.5


def test_outermost_and_types():
    spans = [(0, 20, "organization"), (5, 12, "place"), (0, 20, "organization"), (30, 31, "date")]
    assert outermost(spans) == [(0, 20, "organization")]
    assert normalise_type("persName_forename") == "person"
    assert normalise_type("placeName-settlement") == "place"
    assert normalise_type("geogName") == "geo"
    assert normalise_type("date") is None
    res = evaluate_spans([spans], [[(0, 20, "organization")]])
    assert res["exact_f1"] == 1.0 and res["gold"] == 1


def test_doc_count_mismatch():
    with pytest.raises(ValueError):
        evaluate_spans([[]], [])


def test_poleval_reader(tmp_path):
    p = tmp_path / "x.jsonl"
    rows = [{"id": "d1", "text": "Jan Kowalski z Krakowa",
             "entities": [{"type": "persName", "start": 0, "end": 12},
                          {"type": "persName_forename", "start": 0, "end": 3},
                          {"type": "placeName_settlement", "start": 15, "end": 22},
                          {"type": "date", "start": 0, "end": 1}]}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    (doc_id, text, spans), = read_poleval_jsonl(str(p))
    assert doc_id == "d1"
    assert spans == [(0, 12, "person"), (15, 22, "place")]
    assert text[15:22] == "Krakowa"


def test_nfc_spans():
    text = "Zo\u0301sia i Ola"  # decomposed ó
    norm, spans = nfc_spans(text, [(0, 6, "person"), (9, 12, "person")])
    assert norm[spans[0][0]:spans[0][1]] == "Zósia"
    assert norm[spans[1][0]:spans[1][1]] == "Ola"


def test_nkjp_reader(tmp_path):
    # find a doc id that falls into the test part
    doc_id = next(f"t-{i}" for i in range(1000) if split_of(f"t-{i}") == "test")
    p = tmp_path / "x.iob"
    p.write_text(
        "-DOCSTART CONFIG FEATURES orth base ctag\n"
        f"-DOCSTART FILE ./{doc_id}\n"
        "Był\tbyć\tpraet:sg:m1:imperf\tO\nem\tbyć\taglt:sg:pri:imperf:wok\tO\n"
        "w\tw\tprep:loc:nwok\tO\nNowym\tnowy\tadj:sg:loc:m3:pos\tB-placeName-settlement\n"
        "Jorku\tJork\tsubst:sg:loc:m3\tI-placeName-settlement\n.\t.\tinterp:\tO\n\n",
        encoding="utf-8")
    (did, text, spans), = read_nkjp_heldout(str(p), "test")
    assert did == doc_id and text == "Byłem w Nowym Jorku."
    assert [(text[s:e], t) for s, e, t in spans] == [("Nowym Jorku", "place")]
