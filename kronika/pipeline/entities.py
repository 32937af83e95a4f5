"""Who is who in one article: name mentions, base forms, roles, and mentions clustered into entities."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

from kronika.extensions import DATE, ENTITIES, READINGS
from kronika.pipeline.morphology import morfeusz
from kronika.pipeline.names import base_form
from kronika.pipeline.structure import boilerplate_mask

TYPES = ("person", "organization", "place", "geo", "other")
LABELS = {"persName": "person", "orgName": "organization", "placeName": "place", "geogName": "geo"}
# Nouns that name a function a person holds (`rzecznik Kremla Dmitrij Pieskow`).
ROLE_NOUNS = frozenset(
    "prezydent wiceprezydent premier wicepremier minister wiceminister przywódca dyktator rzecznik rzeczniczka"
    " szef szefowa kanclerz król królowa książę papież sekretarz dyrektor dyrektorka prezes prezeska wiceprezes"
    " przewodniczący przewodnicząca marszałek wicemarszałek poseł posłanka senator senatorka radny radna"
    " burmistrz wójt starosta wojewoda ambasador gubernator generał komendant prokurator sędzia trener lider"
    " liderka założyciel właściciel mer prymas biskup arcybiskup metropolita kardynał ksiądz ajatollah"
    " szejk emir car monarcha wicewójt wicestarosta wiceburmistrz wicewojewoda wiceprzewodniczący"
    " wiceprzewodnicząca członek delegat kierownik kierowniczka naczelnik komisarz koordynator rektor prorektor dziekan"
    " inspektor ordynator sołtys skarbnik zastępca pełnomocnik doradca".split()
)
# Words for the top office of a country: `przywódca Białorusi` is whoever holds `prezydent Białorusi`.
LEADER_NOUNS = frozenset({"przywódca", "dyktator", "lider", "szef"})
TOP_OFFICES = ("prezydent", "premier", "kanclerz")
# Heads of organisation names that may stand nested inside a longer name (`Rady … Związku Białorusi i Rosji`).
FIRST_NAMES = frozenset({"imię"})
PERSON_CLASSES = frozenset({"imię", "nazwisko", "nazwisko_(odmężowskie)", "nazwisko_(odojcowskie)", "pseudonim", "przydomek", "nazwa_własna_osoby", "patronimicum"})
ORG_CLASSES = frozenset({"nazwa_organizacji", "nazwa_instytucji", "nazwa_firmy", "człon_nazwy_organizacji"})
ORG_HEADS = frozenset(
    "związek rada unia komisja ministerstwo urząd sąd trybunał instytut uniwersytet akademia fundacja"
    " stowarzyszenie partia bank kancelaria komitet agencja wspólnota organizacja federacja liga kongres"
    " parlament zgromadzenie senat sejm rząd izba inspekcja policja prokuratura".split()
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an entity: kind is name, role or pronoun."""

    start: int
    end: int
    text: str
    kind: str
    base: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind, "base": self.base}


@dataclass(slots=True)
class Entity:
    """One person, organisation or place within an article, with every mention of it."""

    id: str
    type: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "roles": list(self.roles),
            "mentions": [m.to_json() for m in sorted(self.mentions, key=lambda m: m.start)],
        }


@dataclass(slots=True)
class _Candidate:
    """A name mention before clustering."""

    span: Span
    type: str
    base: str


# ---------------------------------------------------------------- tables


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Relational adjective lemma -> country (or region) base form: `rosyjski` -> `Rosja`."""
    table = {}
    for line in _resource_lines("countries.tsv"):
        country, adjective = line.split("\t")
        table.setdefault(adjective, country)
    return table


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    return frozenset(countries().values())


@dataclass(frozen=True, slots=True)
class Office:
    office: str
    person: str
    start: str
    end: str


@lru_cache(maxsize=1)
def offices() -> tuple[Office, ...]:
    """Known public offices and their holders (kronika/resources/officeholders.tsv)."""
    rows = []
    for line in _resource_lines("officeholders.tsv"):
        cells = line.split("\t") + ["", ""]
        rows.append(Office(cells[0], cells[1], cells[2], cells[3]))
    return tuple(rows)


def _resource_lines(name: str) -> list[str]:
    text = resources.files("kronika.resources").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=4096)
def genitive(name: str) -> str:
    """Genitive singular of a one-word name (`Rosja` -> `Rosji`); the name itself if unknown."""
    words = name.split()
    forms = [orth for orth, _lemma, tag, *_ in morfeusz().generate(words[0]) if ":sg:" in tag and "gen" in tag.split(":")[2].split(".")]
    head = forms[0] if forms else words[0]
    return " ".join([head, *words[1:]]) if len(words) == 1 else name


# ---------------------------------------------------------------- mentions


def name_candidates(doc: Doc, skip: list[bool]) -> list[_Candidate]:
    """Name mentions from the NER layer, plus nested organisations inside longer names."""
    found = []
    for ent in _join_hyphenated(list(doc.ents)):
        kind = LABELS.get(ent.label_, ent.label_ if ent.label_ in TYPES else "other")
        ent = _strip_marks(ent)
        if ent is None or any(skip[ent.start : ent.end]) or not any(ch.isalpha() for ch in ent.text):
            continue
        ent = _with_fragments(ent)
        if kind in ("place", "organization") and _full_person_name(ent):
            kind = "person"
        if _is_role_phrase(ent):
            continue  # `Dyktator Białorusi` opening a sentence: a role, resolved by attach_roles
        if kind == "organization":
            ent = _extend_coordination(ent)
            kind = "place" if _geographic(ent) else kind
        for span, span_kind in _split_trailing_person(ent, kind):
            if span_kind == "person" and (span[0].is_sent_start or len(span) > 1) and not _person_like(span):
                continue  # `Rok Języka Polskiego trwa`, `Rokiem Języka Rosyjskiego`: common words
            if span_kind == "person" and span.start and span.doc[span.start - 1].lemma_ in TERRITORIES \
                    and not _full_person_name(span):
                span_kind = "place"  # `gminy Tarłów`, `miasta Kalisz`: a place named after its kind
            found.append(_Candidate(span, span_kind, _entity_base(span, span_kind)))
            if span_kind == "organization":
                found.extend(_nested_organisation(span))
    return found + _country_adjectives(doc, skip, found)


def _country_adjectives(doc: Doc, skip: list[bool], found: list[_Candidate]) -> list[_Candidate]:
    """`rosyjskiego`, `białoruskiej` the NER left out: a country's relational adjective names the country
    (NKJP marks them as places: 116 of 117 such words in its dev part)."""
    taken = [False] * len(doc)
    for cand in found:
        taken[cand.span.start : cand.span.end] = [True] * len(cand.span)
    return [_Candidate(doc[t.i : t.i + 1], "place", _entity_base(doc[t.i : t.i + 1], "place")) for t in doc
            if not taken[t.i] and not skip[t.i] and t.text[:1].islower() and t.tag_.startswith("adj")
            and t.lemma_ in countries()]


def _join_hyphenated(ents: list[Span]) -> list[Span]:
    """Two names joined by a hyphen without spaces: two person names are one surname (`Kosiniak-Kamysz`), two towns
    one town (`Bielsko-Biała`), names of two types one firm (`Delic-Pol`); countries stay apart (`Polska-Niemcy` is
    a pairing)."""
    joined: list[Span] = []
    for ent in ents:
        label = _hyphenated_label(joined[-1], ent) if joined and _hyphen_between(joined[-1], ent) else None
        if label is None:
            joined.append(ent)
        else:
            joined[-1] = Span(ent.doc, joined[-1].start, ent.end, label=label)
    return joined


def _hyphenated_label(a: Span, b: Span) -> str | None:
    """The label of `a-b` as one name, or None to keep them apart."""
    if a.label != b.label:
        return "orgName"
    kind = LABELS.get(b.label_, b.label_)
    if kind == "person" or (kind == "place" and not _country(a) and not _country(b)):
        return b.label_
    return None


def _country(ent: Span) -> bool:
    """A country's name (`Polska`, `Niemiec`): its text or a Morfeusz base form of its first word."""
    names = country_names()
    readings = ent.doc._.get(READINGS) or ()
    return ent.text in names or (ent.start < len(readings) and any(r.lemma in names for r in readings[ent.start]))


def _hyphen_between(a: Span, b: Span) -> bool:
    hyphen = a.doc[a.end] if a.end < len(a.doc) else None
    return (b.start == a.end + 1 and hyphen is not None and hyphen.text == "-"
            and not a[-1].whitespace_ and not hyphen.whitespace_)


TERRITORIES = frozenset({"gmina", "miasto", "powiat", "województwo", "wieś", "osiedle", "dzielnica", "sołectwo", "miasteczko"})
TRAILING_WORDS = frozenset({"w", "we", "z", "ze", "na", "do", "i", "oraz", "a", "o", "od", "po", "przy", "dla"})
QUOTE_MARKS = frozenset('„”"«»‚’\'()[]')
PLACE_TRIGGERS = frozenset({"ul", "al", "pl", "plac", "ulica", "aleja", "rondo", "osiedle", "im", "imienia", "most"})


def _strip_marks(ent: Span) -> Span | None:
    """`„Solidarności”` is the name `Solidarności`: quote marks and brackets at the edges are not part of it."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].text in QUOTE_MARKS:
        start += 1
    while end > start and ent.doc[end - 1].text in QUOTE_MARKS:
        end -= 1
    if start == end:
        return None
    if start == ent.start and any(t.text in QUOTE_MARKS for t in ent.doc[start:end]):
        end = ent.end  # `Klub „Polonia”`: the closing mark pairs with one inside the name
    while end - start > 1 and ent.doc[end - 1].lower_ in TRAILING_WORDS:
        end -= 1  # `Centrum Gemini w`: a preposition the NER took with the name
    return ent if (start, end) == (ent.start, ent.end) else Span(ent.doc, start, end, label=ent.label)


def _fragment(token) -> bool:
    """A capitalised word Morfeusz knows only inside a multi-word name (`Sankt`, `Santa`)."""
    return token.text[:1].isupper() and any(r.tag == "frag" for r in token.doc._.get(READINGS)[token.i])


def _with_fragments(ent: Span) -> Span:
    """`Sankt` + `Petersburga`: name fragments right before or after a name belong to it."""
    doc, start, end = ent.doc, ent.start, ent.end
    while start > 0 and _fragment(doc[start - 1]):
        start -= 1
    while end < len(doc) and _fragment(doc[end]):
        end += 1
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label)


def _full_person_name(ent: Span) -> bool:
    """`Ewą Malinowską`: a first name and a capitalised word, not after `ul.`, `plac`, `im.`, is a person."""
    if len(ent) != 2 or not all(t.text[:1].isupper() for t in ent):
        return False
    before = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
    if before in PLACE_TRIGGERS or (ent.start > 1 and ent.doc[ent.start - 1].text == "." and
                                    ent.doc[ent.start - 2].lower_ in PLACE_TRIGGERS):
        return False
    return _has_name_class(ent[0], FIRST_NAMES) and (
        _has_name_class(ent[1], PERSON_CLASSES) or _unknown(ent[1]))


def _is_role_phrase(ent: Span) -> bool:
    """A name that is a role noun plus its complement (`Prezydent Rosji`), capitalised at a sentence start."""
    return ent[0].lemma_.lower() in ROLE_NOUNS and ent[0].is_sent_start and len(ent) > 1


def _geographic(ent: Span) -> bool:
    """An organisation-typed name that Morfeusz knows only as a place (`Sankt Petersburgu`).

    Not after a role noun: there a place name stands for its institution (`rzecznik Kremla`).
    """
    if ent.start > 0 and ent.doc[ent.start - 1].lemma_.lower() in ROLE_NOUNS:
        return False
    if any(t.lemma_.lower() in ORG_HEADS or not t.text[:1].isupper() or _all_capitals(t)
           for t in ent):
        return False  # a common word (`Starostwo … w Rybniku`) or an acronym (`MKKS Rybnik`): an institution
    return all(_only_a_place(token) for token in ent if not _fragment(token))  # `Sankt`: part of any name


def _only_a_place(token) -> bool:
    """Morfeusz knows the capitalised word as a geographic name and not as an organisation's.

    Every word of the name must be one: `Radio Wolna Europa`, `Juventus Turyn` end in a place name but are
    institutions."""
    readings = token.doc._.get(READINGS)[token.i]
    classes = {name for r in readings if r.lemma[:1].isupper() for name in r.names}
    return "nazwa_geograficzna" in classes and not classes & ORG_CLASSES


def _extend_coordination(ent: Span) -> Span:
    """`Związku Białorusi` + `i Rosji`: a name's genitive complement goes on after `i`.

    Not between acronyms: `AWS i UW` are two parties."""
    doc, end = ent.doc, ent.end
    while (
        end + 1 < len(doc)
        and doc[end].lower_ in ("i", "oraz")
        and _genitive(doc[end - 1])
        and doc[end + 1].text[:1].isupper()
        and _genitive(doc[end + 1])
        and not (_all_capitals(doc[end - 1]) or _all_capitals(doc[end + 1]))
    ):
        end += 2
    return doc[ent.start : end]


def _all_capitals(token) -> bool:
    return len(token) > 1 and token.text.isupper()


def _has_name_class(token, classes: frozenset[str]) -> bool:
    readings = token.doc._.get(READINGS)[token.i]
    return any(classes.intersection(r.names) for r in readings)


def _split_trailing_person(ent: Span, kind: str) -> list[tuple[Span, str]]:
    """`Kremla Dmitrij Pieskow` tagged as one name: the organisation, then the person; after a role
    noun also a lone surname (`rzecznik Kremla Pieskow`)."""
    if kind == "person" or len(ent) < 2:
        return [(ent, kind)]
    if _role_then_surname(ent):
        return [(ent[:-1], kind), (ent[-1:], "person")]
    if len(ent) < 3:
        return [(ent, kind)]
    for i in range(1, len(ent) - 1):
        first, last = ent[i], ent[i + 1]
        if not (first.text[:1].isupper() and last.text[:1].isupper()) or _unknown(ent[i - 1]) or _named_after(ent, i) \
                or ent[i - 1].text in QUOTE_MARKS:  # `Dom Samopomocy „Cogito Noster”`: a name in quotes
            continue
        if _has_name_class(first, FIRST_NAMES) or (_unknown(first) and (_unknown(last) or _surname(last))):
            return [(ent[:i], kind), (ent[i:], "person")]
    return [(ent, kind)]


def _surname(token) -> bool:
    """Morfeusz knows the word as a surname and only as proper names (`Suchanek`, `Horny` after `Karel`)."""
    readings = token.doc._.get(READINGS)[token.i]
    return any("nazwisko" in r.names for r in readings) \
        and all(r.names and "nazwa_pospolita" not in r.names for r in readings)


def _named_after(ent: Span, i: int) -> bool:
    """Token i comes after `ul.`, `im.`, `pl.`: a street or an institution named after a person (`ul. Władysława IV`,
    `Szkoła Podstawowa im. Jana Pawła II`)."""
    return any(t.lower_ in PLACE_TRIGGERS for t in ent[:i])


def _role_then_surname(ent: Span) -> bool:
    before, last = ent.doc[ent.start - 1] if ent.start else None, ent[-1]
    return (before is not None and before.lemma_.lower() in ROLE_NOUNS and last.text[:1].isupper()
            and (_unknown(last) or _has_name_class(last, PERSON_CLASSES - FIRST_NAMES))
            and not any(_unknown(t) or _has_name_class(t, PERSON_CLASSES) for t in ent[:-1]))


def _unknown(token) -> bool:
    readings = token.doc._.get(READINGS)[token.i]
    return not readings or all(r.pos == "ign" for r in readings)


def _person_like(span: Span) -> bool:
    """A word read as a proper name (`Putin`), unknown to Morfeusz (`Pieskow`), a capitalised word that can
    be a first name even where the tagger chose a common noun (`Pawła N.`), or an initial (`T. Szukała`, and
    `K.` for a suspect named before as `Tomasz K.`)."""
    if len(span) > 1 and len(span[0].text) == 1 and span[0].text.isupper() and span[1].text == ".":
        return True
    return any(
        _unknown(t) or (t.lemma_[:1].isupper() and _has_name_class(t, PERSON_CLASSES))
        or (t.text[:1].isupper() and _has_name_class(t, FIRST_NAMES)) for t in span
    )


def _entity_base(span: Span, kind: str) -> str:
    """Base form of a name; a relational adjective (`polskiego`) stands for its country."""
    if len(span) == 1 and span[0].text[:1].islower():
        country = countries().get(span[0].lemma_)
        if country:
            return country
    if kind == "person" and len(span) == 1 and span.text.endswith("a") and _unknown(span[0]) \
            and _feminine_subject(span):
        return span.text  # `Wanga przewidziała`: a woman's name in the nominative, not a man's genitive
    return base_form(span.text, kind)


def _feminine_subject(span: Span) -> bool:
    """A feminine singular past verb right after the name, or after one adverb (`Wanga wówczas powiedziała`)."""
    doc = span.doc
    for i in (span.end, span.end + 1):
        if i < len(doc) and doc[i].tag_.startswith("praet:sg:f"):
            return i == span.end or doc[span.end].text in ("już", "też", "jednak", "wówczas", "wtedy")
    return False


def _nested_organisation(ent: Span) -> list[_Candidate]:
    """`Najwyższej Rady Państwowej Związku Białorusi i Rosji` also names `Związek Białorusi i Rosji`."""
    nouns = [i for i, t in enumerate(ent) if t.tag_.startswith("subst")]
    for i in range(nouns[0] + 1 if nouns else 1, len(ent) - 1):
        token = ent[i]
        if token.text[:1].isupper() and token.lemma_.lower() in ORG_HEADS and token.tag_.startswith("subst"):
            nested = ent[i:]
            return [_Candidate(nested, "organization", base_form(nested.text, "organization"))]
    return []


def role_before(doc: Doc, start: int) -> Span | None:
    """The role phrase right before token `start`: `rzecznik Kremla` in `rzecznik Kremla Dmitrij Pieskow`."""
    for length in (3, 2, 1):
        begin = start - length
        if begin < 0:
            continue
        phrase = doc[begin:start]
        if phrase[0].lemma_.lower() in ROLE_NOUNS and all(_complement_word(t) for t in phrase[1:]):
            return phrase
    return None


def role_after(doc: Doc, end: int) -> Span | None:
    """The apposition right after a name ending at token `end`: `burmistrz Kutna` in `Marek Jarocki, burmistrz
    Kutna, powiedział`, closed by punctuation."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lemma_.lower() not in ROLE_NOUNS \
            or not doc[end + 1].text[:1].islower():
        return None
    first = end + 2
    readings = doc._.get(READINGS) or [()] * len(doc)
    while first < len(doc) and first - end < 4 and doc[first].text[:1].islower() \
            and any(r.tag.startswith("adj") for r in readings[first]):
        first += 1  # `rzecznik prasowy`, `sekretarz generalny`
    for stop in range(min(len(doc), first + 7), first - 1, -1):
        if _complement(doc[first:stop]) and _apposition_ends(doc, stop):
            return doc[end + 1 : stop] if stop > end + 2 else None
    return None


def _complement(words: Span) -> bool:
    """Genitives, joined by `i` (`rolnictwa i rozwoju wsi`), maybe closed by a place (`… w Pabianicach`)."""
    k = len(words)
    if k >= 2 and words[k - 2].lower_ in ("w", "we") and words[k - 1].text[:1].isupper():
        k -= 2
    return all(_complement_word(t) or (t.lower_ == "i" and 0 < t.i - words.start < k - 1) for t in words[:k])


def _apposition_ends(doc: Doc, stop: int) -> bool:
    """Punctuation, or `oraz`/`i` before the next capitalised name (`prezes X oraz Władysław Serafin`)."""
    if stop == len(doc) or doc[stop].text in (",", ".", ";", ")", "–", "-", "—"):
        return True
    return doc[stop].lower_ in ("oraz", "i") and stop + 1 < len(doc) and doc[stop + 1].text[:1].isupper()


def _complement_word(token) -> bool:
    """A word of a role's genitive complement: `Kremla`, `spraw zagranicznych`, `PiS`, `Miejskiej Komendy` (a
    genitive reading the tagger passed over counts)."""
    if token.is_punct:
        return False
    readings = token.doc._.get(READINGS)
    genitive = _genitive(token) or bool(readings) and any(
        len(p := r.tag.split(":")) > 2 and "gen" in p[2].split(".") for r in readings[token.i])
    return genitive or _unknown(token) or token.text.isupper()


def role_phrases(doc: Doc, skip: list[bool]) -> list[Span]:
    """Singular role phrases: a role noun with a genitive name (`prezydent Rosji`) or a relational adjective."""
    found = []
    for token in doc:
        if skip[token.i] or token.lemma_.lower() not in ROLE_NOUNS or ":sg:" not in token.tag_ + ":":
            continue
        if token.i > 0 and doc[token.i - 1].lemma_ in countries() and doc[token.i - 1].text[:1].islower():
            found.append(doc[token.i - 1 : token.i + 1])
        elif token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper() and _genitive(doc[token.i + 1]):
            if _coordinated(doc, token.i + 2):
                continue  # `przywódcy Rosji i Białorusi`: several people
            found.append(doc[token.i : token.i + 2])
    return found


def _coordinated(doc: Doc, i: int) -> bool:
    """`… i Białorusi`: a second capitalised complement joined by a conjunction."""
    return i + 1 < len(doc) and doc[i].lower_ in ("i", "oraz", "a") and doc[i + 1].text[:1].isupper()


def _genitive(token) -> bool:
    parts = token.tag_.split(":")
    return len(parts) > 2 and parts[2] == "gen"


def role_key(span: Span) -> str:
    """`prezydenta Rosji`, `rosyjskiego prezydenta` -> `prezydent Rosji`; `Dyktator Białorusi` -> `dyktator Białorusi`."""
    nouns = [t for t in span if t.lemma_.lower() in ROLE_NOUNS]
    noun = nouns[0].lemma_.lower()
    if span[0].text[:1].islower() and span[0].lemma_ in countries():
        return f"{noun} {genitive(countries()[span[0].lemma_])}"
    rest = span[nouns[0].i - span.start + 1 :]
    return " ".join([noun, *(t.text for t in rest)])


# ---------------------------------------------------------------- clustering


def cluster(candidates: list[_Candidate]) -> list[Entity]:
    """Group name mentions: same base form, a surname after a full name, an acronym after its name."""
    entities: list[Entity] = []
    for cand in sorted(candidates, key=lambda c: (-len(c.base.split()), c.span.start_char)):
        entity = _find(entities, cand)
        mention = Mention(cand.span.start_char, cand.span.end_char, cand.span.text, "name", cand.base)
        if entity is None:
            entity = Entity("", cand.type, cand.base)
            entities.append(entity)
        entity.mentions.append(mention)
    for entity in entities:
        entity.type = _majority_type(entity, candidates)
    _number(entities)
    return entities


def _number(entities: list[Entity]) -> None:
    """Entities in order of their first mention, numbered `e1`, `e2`, …"""
    entities.sort(key=lambda e: min(m.start for m in e.mentions))
    for number, entity in enumerate(entities, 1):
        entity.id = f"e{number}"


def _majority_type(entity: Entity, candidates: list[_Candidate]) -> str:
    """The type most of an entity's mentions were recognised as (the first on a tie)."""
    starts = {m.start for m in entity.mentions}
    kinds = [c.type for c in sorted(candidates, key=lambda c: c.span.start_char) if c.span.start_char in starts]
    return max(kinds, key=kinds.count) if kinds else entity.type


def _find(entities: list[Entity], cand: _Candidate) -> Entity | None:
    base = cand.base.lower()
    for entity in entities:
        name = entity.name.lower()
        if base == name or (len(base.split()) == 1 and _shortened(base, name, cand.type, entity.type)):
            return entity
        if cand.type == entity.type == "person" and _initialled(base, name):
            return entity
        if _is_acronym(cand.span.text, entity.name):
            return entity
    return None


def _shortened(word: str, name: str, word_type: str, name_type: str) -> bool:
    """`Pieskow` after `Dmitrij Pieskow`; `Petersburg` after `Sankt Petersburg`."""
    if word_type == name_type == "person":
        return _same_word(word, name.split()[-1])
    places = {"place", "geo"}
    return word_type in places and name_type in places and word == name.split()[-1]


def _initialled(a: str, b: str) -> bool:
    """`k. mikołajczyk` and `krystyna mikołajczyk`: the same first letter, the same surname."""
    short, full = (a, b) if "." in a else (b, a)
    short_words, full_words = short.split(), full.split()
    return (
        len(short_words) == len(full_words) == 2
        and short_words[0].endswith(".")
        and full_words[0][:1] == short_words[0][:1]
        and _same_word(short_words[1], full_words[1])
    )


def _same_word(a: str, b: str) -> bool:
    """Equal, or two forms of one unknown surname (`pieskowa` / `pieskow`)."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    common = len(_common_prefix(a, b))
    return shorter >= 4 and common >= shorter - 1 and abs(len(a) - len(b)) <= 3


def _common_prefix(a: str, b: str) -> str:
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[:i]


def _is_acronym(text: str, name: str) -> bool:
    """`WNP` for `Wspólnota Niepodległych Państw`, `PiS` for `Prawo i Sprawiedliwość`."""
    words = name.split()
    if len(words) < 2 or not re.fullmatch(r"\w{2,8}", text) or sum(c.isupper() for c in text) < 2:
        return False
    capitals = "".join(w[0] for w in words if w[:1].isupper())
    return text == capitals or text.casefold() == "".join(w[0] for w in words).casefold()


# ---------------------------------------------------------------- roles


def attach_roles(doc: Doc, entities: list[Entity], roles: list[Span]) -> None:
    """Roles from appositions; role mentions resolved to the person that holds the role."""
    by_start = {m.start: e for e in entities if e.type == "person" for m in e.mentions}
    for entity in entities:
        if entity.type != "person":
            continue
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for role in (role_before(doc, span.start), role_after(doc, span.end)) if span is not None else ():
                if role is not None and role_key(role) not in entity.roles:
                    entity.roles.append(role_key(role))
    holders = _role_holders(entities, doc._.get(DATE))
    for phrase in roles:
        if phrase.end < len(doc) and doc[phrase.end].idx in by_start:
            continue  # an apposition, already attached
        person = holders.get(role_key(phrase)) or holders.get(_leader_key(role_key(phrase)))
        if person is None:
            continue
        person.mentions.append(Mention(phrase.start_char, phrase.end_char, phrase.text, "role", role_key(phrase)))
        if role_key(phrase) not in person.roles:
            person.roles.append(role_key(phrase))


def _leader_key(key: str) -> str:
    noun, _, rest = key.partition(" ")
    return f"leader {rest}" if noun in LEADER_NOUNS else key


def _role_holders(entities: list[Entity], date: dt.date | None) -> dict[str, Entity]:
    """Role key -> person in this article: from its appositions, else from the known office holders."""
    holders: dict[str, Entity] = {}
    people = [e for e in entities if e.type == "person"]
    for office in offices():
        if date and not _in_office(office, date):
            continue
        person = next((p for p in people if _same_person(p.name, office.person)), None)
        if person is not None:
            holders.setdefault(office.office, person)
            noun, _, rest = office.office.partition(" ")
            if noun in TOP_OFFICES:
                holders.setdefault(f"leader {rest}", person)
    for person in people:
        for role in person.roles:
            holders[role] = person
    return holders


def _same_person(name: str, known: str) -> bool:
    """`Łukaszenka` (as the article names him) is `Aleksandr Łukaszenka`."""
    words, known_words = name.lower().split(), known.lower().split()
    return words[-1] == known_words[-1] and set(words) <= set(known_words)


def _in_office(office: Office, date: dt.date) -> bool:
    day = date.isoformat()
    return office.start[:10] <= day and (not office.end or day < office.end.ljust(10, "~"))


# ---------------------------------------------------------------- stage


def find_entities(doc: Doc) -> list[Entity]:
    """Every entity of the article (boilerplate excluded), with name and role mentions."""
    skip = boilerplate_mask(doc)
    entities = cluster(name_candidates(doc, skip))
    for entity in entities:
        entity.name = _canonical_name(entity)
    _head_references(doc, skip, entities)
    attach_roles(doc, entities, role_phrases(doc, skip))
    return entities


def _head_references(doc: Doc, skip: list[bool], entities: list[Entity]) -> None:
    """`Kasa podpisała` after `Pomorska Kasa Chorych`, `Sąd uznał` after `Sąd Okręgowy w Krakowie`: a capitalised
    noun alone that is the head of exactly one organisation's name given earlier is a mention of it."""
    heads: dict[str, list[tuple[Entity, int]]] = {}
    for entity in entities:
        longest = max((m for m in entity.mentions if m.kind == "name"), key=lambda m: m.end - m.start)
        span = doc.char_span(longest.start, longest.end) if entity.type == "organization" else None
        if span is None or len(span) < 2:
            continue
        head = next((t for t in span if t.tag_.startswith("subst") and t.text[:1].isupper()), None)
        if head is not None:
            heads.setdefault(head.lemma_.lower(), []).append((entity, min(m.end for m in entity.mentions)))
    for entity in list(entities):
        owners = heads.get(entity.name.lower(), [])
        if entity.type == "organization" and len(owners) == 1 and owners[0][0] is not entity \
                and min(m.start for m in entity.mentions) >= owners[0][1]:
            owners[0][0].mentions.extend(entity.mentions)  # `Wyrok Sądu` the NER found alone
            entities.remove(entity)
    _number(entities)
    taken = [False] * len(doc)
    for entity in entities:
        for m in entity.mentions:
            for token in doc.char_span(m.start, m.end, alignment_mode="expand") or ():
                taken[token.i] = True
    for token in doc:
        owners = heads.get(token.lemma_.lower())
        if not owners or len(owners) > 1 or taken[token.i] or skip[token.i] or not token.text[:1].isupper() \
                or token.idx < owners[0][1] or token.ent_iob_ in ("B", "I") or _name_continues(doc, token.i):
            continue
        owners[0][0].mentions.append(Mention(token.idx, token.idx + len(token.text), token.text, "name", token.lemma_))
    for entity in entities:
        entity.mentions.sort(key=lambda m: m.start)


def _name_continues(doc: Doc, i: int) -> bool:
    """The next word is capitalised (`Kasa Chorych`, another name), not a sentence's end."""
    return i + 1 < len(doc) and doc[i + 1].text[:1].isupper() and not doc[i + 1].is_sent_start


def _canonical_name(entity: Entity) -> str:
    """The longest base form among the name mentions (`Dmitrij Pieskow`), written out in full rather than
    with an initial (`Krystyna`, not `K.`), a nominative mention as written winning ties."""
    mentions = [m for m in entity.mentions if m.kind == "name"]
    names = [m.base for m in mentions]
    nominative = {m.base for m in mentions if m.base == m.text}

    def key(name: str) -> tuple:
        return (len(name.split()), "." not in name, name in nominative, names.count(name), -names.index(name))

    return max(names, key=key)


@Language.component("kronika_entities", requires=["doc.ents"], assigns=[f"doc._.{ENTITIES}"])
def entities_component(doc: Doc) -> Doc:
    """Set `doc._.entities`."""
    doc._.set(ENTITIES, find_entities(doc))
    return doc
