import re

from kronika.pipeline.morphology import Reading
from kronika.pipeline.ner_features import (
    morph_feature, outer_spans, read_nkjp_iob, reconstruct, split_of, token_spaces)

FEATURE = re.compile(r"^[A-Za-z0-9_]+$")


def test_morph_feature_names_and_common_flag():
    readings = (
        Reading("Kowalski", "subst:sg:nom:m1", ("nazwisko",)),
        Reading("kowalski", "adj:sg:nom.voc:m1.m2.m3:pos", ()),
    )
    assert morph_feature("Kowalski", readings) == "subst_nazwisko_lc"
    # lowercase word: no `lc` flag
    assert morph_feature("kowalski", readings) == "subst_nazwisko_lc".replace("_lc", "")


def test_morph_feature_transliterates_and_sorts():
    readings = (
        Reading("Jan", "subst:sg:nom:m1", ("imię", "nazwisko")),
        Reading("Jany", "subst:pl:gen:n:pt", ("nazwa_geograficzna",)),
        Reading("Łódź", "subst:sg:nom:f", ("człon_nazwy_własnej",)),
    )
    f = morph_feature("Jan", readings)
    assert FEATURE.match(f)
    assert f.startswith("subst_") and "imie" in f and "geogr" in f and "nazwisko" in f
    assert "czlon_nazwy_wlasnej" in f


def test_morph_feature_unknown_and_punct():
    assert morph_feature("Xyzzyq", (Reading("Xyzzyq", "ign"),)) == "IGN"
    assert morph_feature("Xyzzyq", ()) == "IGN"
    assert morph_feature(".", (Reading(".", "interp"),)) == "interp"
    assert morph_feature("sejm", (Reading("sejm", "subst:sg:nom:m3", ("nazwa_pospolita",)),)) == "subst"


def test_morph_feature_real_morfeusz():
    from kronika.pipeline.ner_features import morph_feature_of

    assert "nazwisko" in morph_feature_of("Kaczyński")
    assert "org" in morph_feature_of("PZPR")
    for w in ["Warszawie", "Żółć", "ąę", "123", "—", "„"]:
        assert FEATURE.match(morph_feature_of(w)), w


def test_reconstruct_spacing():
    words = ["Jan", "(", "lat", "5", ")", "powiedział", ":", "„", "Tak", "”", ",", "a", '"', "nie", '"', "."]
    text, offsets, spaces = reconstruct(words)
    assert text == 'Jan (lat 5) powiedział: „Tak”, a "nie".'
    assert [text[s:e] for s, e in offsets] == words
    assert spaces[-1] is False


def test_reconstruct_glues_agglutinates():
    words = ["Zrobił", "by", "m", "to", ",", "słyszał", "em", "."]
    tags = ["praet:sg:m1:perf", "qub:", "aglt:sg:pri:imperf:nwok", "subst:sg:acc:n", "interp:",
            "praet:sg:m1:imperf", "aglt:sg:pri:imperf:wok", "interp:"]
    assert reconstruct(words, tags)[0] == "Zrobiłbym to, słyszałem."
    # `by` as a conjunction stays a word
    assert token_spaces(["wyszedł", ",", "by", "spać"], ["praet", "interp", "comp", "inf"]) == [False, True, True, False]


def test_outer_spans():
    labels = [
        "B-persName#B-persName-forename", "I-persName#B-persName-surname", "O",
        "B-orgName", "I-orgName#B-placeName-settlement", "B-placeName-country",
        "B-date", "I-date", "B-placeName-settlement", "I-placeName-settlement",
        "I-geogName", "O", "B-persName-surname",
    ]
    assert outer_spans(labels) == [
        (0, 2, "person"), (3, 5, "organization"), (5, 6, "place"), (8, 10, "place"),
        (10, 11, "geo"), (12, 13, "person"),
    ]


def test_read_iob_and_split(tmp_path):
    p = tmp_path / "x.iob"
    p.write_text(
        "-DOCSTART CONFIG FEATURES orth base ctag\n"
        "-DOCSTART FILE ./a-1\n"
        "Jan\tJan\tsubst:sg:nom:m1\tB-persName#B-persName-forename\n.\t.\tinterp:\tO\n\n"
        "Idzie\tiść\tfin:sg:ter:imperf\tO\n\n"
        "-DOCSTART FILE ./b-2\nOk\tok\tqub:\tO\n",
        encoding="utf-8")
    docs = list(read_nkjp_iob(str(p)))
    assert [d.doc_id for d in docs] == ["a-1", "b-2"]
    assert [len(s) for s in docs[0].sentences] == [2, 1]
    assert split_of("a-1") == split_of("a-1") in {"train", "dev", "test"}
