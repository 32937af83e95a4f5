"""Base (nominative) forms of whole named-entity phrases.

`base_form("Najwyższej Rady Państwowej Związku Białorusi i Rosji", "organization")`
-> `"Najwyższa Rada Państwowa Związku Białorusi i Rosji"`.

Method: the phrase is split into tokens; the system finds the grammatical case and number
the phrase stands in (the one most of its head words agree on, nominative on ties), the head
span (leading adjectives, the head noun, adjectives agreeing with it; for people every name
word), and puts each head word into the nominative of the same number, with adjectives
taking the head noun's gender. Words Morfeusz does not know are handled by suffix rules
learned from a training file (`training/build_name_rules.py` -> `kronika/models/names.json.gz`).
Capitalisation follows the surface.
"""
from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kronika.pipeline.morphology import morfeusz, strip_homonym

KINDS = ("person", "organization", "place", "geo", "other")
_MODEL = Path(__file__).resolve().parent.parent / "models" / "names.json.gz"

_ADJ_POS = {"adj", "ppas", "pact"}
_NOUN_POS = {"subst", "depr"}
_NAME_CLASSES = {"imię", "nazwisko", "nazwa_geograficzna", "nazwa_organizacji", "nazwa_własna",
                 "człon_nazwy_geograficznej", "nazwa_obiektu"}
_PERSON_CLASSES = {"imię", "nazwisko"}
_PLACE_CLASSES = {"nazwa_geograficzna", "człon_nazwy_geograficznej"}
_WORD = re.compile(r"\w", re.UNICODE)
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
# lowercase words that end the inflected head of a name (prepositions, conjunctions, articles)
_STOP = {"w", "we", "z", "ze", "i", "oraz", "na", "nad", "pod", "przy", "do", "od", "dla", "im", "im.",
         "o", "po", "u", "za", "of", "the", "and", "de", "del", "della", "di", "da", "la", "le", "les",
         "du", "des", "von", "van", "der", "den", "al", "el", "y", "et", "for", "a", "an", "&", "zu",
         "bin", "ibn", "św.", "tzw.", "ul.", "al.", "pl."}
# lowercase name particles kept inside personal names
_PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "del", "della", "la", "le", "du", "des",
              "al", "el", "bin", "ibn", "ben", "y", "zu", "af", "ter", "ten", "dos", "das", "mac"}


@dataclass(frozen=True, slots=True)
class _R:
    """One reading with its tag parsed into sets."""

    raw: str  # lemma with homonym marker, for generation
    lemma: str
    pos: str
    nums: frozenset
    cases: frozenset
    genders: frozenset
    rest: tuple
    names: tuple
    prefix: str = ""  # `psychologiczno-` of a compound adjective; the reading is the last part's

    @property
    def proper(self) -> bool:
        return bool(_NAME_CLASSES.intersection(self.names))


def _parse(raw: str, tag: str, names) -> _R | None:
    parts = tag.split(":")
    pos = parts[0]
    if pos in _NOUN_POS or pos in _ADJ_POS:
        if len(parts) < 4:
            return None
        return _R(raw, strip_homonym(raw), pos, frozenset(parts[1].split(".")),
                  frozenset(parts[2].split(".")), frozenset(parts[3].split(".")),
                  tuple(parts[4:]), tuple(names))
    return _R(raw, strip_homonym(raw), pos, frozenset(), frozenset(), frozenset(), tuple(parts[1:]),
              tuple(names))


@lru_cache(maxsize=100_000)
def _readings(word: str) -> tuple[_R, ...]:
    """Readings of a word analysed as one segment; ign/frag give an empty tuple."""
    out = []
    for start, end, (orth, raw, tag, names, _q) in morfeusz().analyse(word):
        if start != 0 or orth != word or tag in ("ign", "frag"):
            continue
        r = _parse(raw, tag, names)
        if r is not None and r not in out:
            out.append(r)
    if not out and "-" in word[1:-1]:
        # compound adjective `Psychologiczno-Pedagogicznej`: the last part inflects
        head, _sep, last = word.rpartition("-")
        if head[-1:].lower() == "o" and _WORD.search(last):
            out = [_R(r.raw, r.lemma, r.pos, r.nums, r.cases, r.genders, r.rest, r.names, head + "-")
                   for r in _readings(last) if r.pos == "adj"]
    return tuple(out)


@lru_cache(maxsize=50_000)
def _paradigm(raw: str) -> tuple[tuple[str, str], ...]:
    """Forms of a lemma, plain forms before those with qualifiers (archaic, rare, ...)."""
    try:
        forms = [(bool(q), orth, tag) for orth, lem, tag, _n, q in morfeusz().generate(raw)
                 if lem == raw or strip_homonym(lem) == raw]
        return tuple((orth, tag) for _q, orth, tag in sorted(forms, key=lambda f: f[0]))
    except Exception:  # noqa: BLE001 - Morfeusz raises on unknown lemmas
        return ()


@lru_cache(maxsize=100_000)
def _nominative(raw: str, pos: str, num: str, genders: frozenset, rest: tuple) -> str | None:
    """The nominative of `raw` in number `num`, one of `genders`, same degree/aspect."""
    best = None
    for orth, tag in _paradigm(raw):
        p = tag.split(":")
        if p[0] != pos or len(p) < 4:
            continue
        if num not in p[1].split(".") or "nom" not in p[2].split("."):
            continue
        if genders and not genders.intersection(p[3].split(".")):
            continue
        if pos in _ADJ_POS and rest and tuple(p[4:5]) != rest[:1]:
            continue
        if pos in ("ppas", "pact") and "neg" in p[4:] and "neg" not in rest:
            continue
        if best is None or orth == strip_homonym(raw):
            best = orth
    return best


def _match_case(orth: str, surface: str) -> str:
    """Give `orth` the capitalisation pattern of `surface`."""
    if not orth:
        return orth
    if surface.isupper() and len(surface) > 1:
        return orth.upper()
    if surface[:1].isupper():
        return orth[:1].upper() + orth[1:]
    if surface[:1].islower() and orth[:1].isupper() and not orth[1:2].isupper():
        return orth[:1].lower() + orth[1:]
    return orth


# ---------------------------------------------------------------- learned tables


@lru_cache(maxsize=1)
def _tables() -> dict:
    if _MODEL.exists():
        with gzip.open(_MODEL, "rt", encoding="utf-8") as f:
            tables = json.load(f)
        tables["gazetteer"] = {g: frozenset(ws) for g, ws in tables.get("gazetteer", {}).items()}
        return tables
    return {"suffix": {}, "press": {}, "lexicon": {}, "gazetteer": {}, "words": {}}


def _group(kind: str) -> str:
    return kind if kind in ("person", "place", "organization", "person:obl") else "other"


def _suffix_rule(word: str, kind: str, min_count: int = 2, oblique: bool = False) -> str | None:
    """Apply the longest learned suffix rule for an unknown word; None when no confident rule.
    `oblique`: the other words of the phrase show it is not in the nominative."""
    group = _group(kind)
    known = _tables().get("words", {}).get(group.split(":")[0], {}).get(word)
    if known is not None:
        return known
    if oblique and group + ":obl" in _tables()["suffix"]:
        hit = _suffix_rule(word, group + ":obl", min_count)
        if hit is not None:
            return hit
    table = _tables()["suffix"].get(group if group in _tables()["suffix"] else kind, {})
    low = word.lower()
    if len(low) < 4:
        return None
    for n in range(min(6, len(low) - 1), 0, -1):
        rule = table.get(low[-n:])
        if rule is None:
            continue
        cut, add, count, total = rule
        if total < min_count:
            continue
        if count / total < 0.5:
            return None
        if cut == 0 and not add:
            return word
        stem = word[: len(word) - cut] if cut else word
        return stem + (add.upper() if word.isupper() and len(word) > 1 else add.lower())
    return None


# ---------------------------------------------------------------- tokenising


def _tokens(text: str) -> list[str]:
    return [t for t in text.split(" ") if t]


def _is_word(tok: str) -> bool:
    return bool(_WORD.search(tok)) and not tok.isdigit()


_JOIN_BOTH = {"-", "/", "@", "+"}
_JOIN_LEFT = {".", ",", ":", ";", "!", "?", ")", "»", "”"}
_JOIN_RIGHT = {"(", "«", "“", "„"}


def _detok(tokens: list[str], surface_tokens: list[str]) -> str:
    """Join tokens, undoing the tokeniser's spaces around punctuation."""
    out = ""
    for i, tok in enumerate(tokens):
        if i == 0:
            out = tok
            continue
        prev = surface_tokens[i - 1]
        cur = surface_tokens[i]
        glue = " "
        if cur in _JOIN_BOTH or prev in _JOIN_BOTH:
            glue = ""
        elif cur in _JOIN_LEFT:
            glue = ""
        elif prev in _JOIN_RIGHT:
            glue = ""
        elif prev == "." and i >= 2 and surface_tokens[i - 2].isdigit() and cur.isdigit():
            glue = ""  # 2 . 0 -> 2.0
        elif prev == "." and i >= 2 and len(surface_tokens[i - 2]) == 1 and len(cur) == 1 \
                and cur.isalpha() and cur.islower():
            glue = ""  # o . o . -> o.o.
        elif prev in (":",) and i >= 2 and surface_tokens[i - 2].isdigit() is False and cur[:1].isdigit():
            glue = ""
        out += glue + tok
    return out


# ---------------------------------------------------------------- the core


def _agree(r: _R, num: str, case: str) -> bool:
    return num in r.nums and case in r.cases


def _quality(r: _R, kind: str) -> int:
    q = 0
    if kind == "person" and _PERSON_CLASSES.intersection(r.names):
        q = 2
    elif kind in ("place", "geo") and _PLACE_CLASSES.intersection(r.names):
        q = 2
    elif kind in ("organization", "other", "place", "geo") and _PERSON_CLASSES.intersection(r.names) \
            and not _PLACE_CLASSES.intersection(r.names):
        q = -1
    elif r.proper:
        q = 1
    if r.pos == "depr":
        q -= 2
    return q


def _pick(cands: list[_R], kind: str) -> _R:
    """Prefer readings that are names fitting the kind."""

    def score(r: _R) -> tuple:
        return (_quality(r, kind), r.proper, -len(r.cases) > -6)

    return max(cands, key=score)


def _inflect(tok: str, r: _R, num: str, gender: frozenset | None) -> str:
    genders = gender if gender else r.genders
    if r.pos in _ADJ_POS and gender and not genders:
        genders = r.genders
    form = _nominative(r.raw, r.pos, num, frozenset(genders), r.rest)
    if form is None and r.pos in _ADJ_POS:
        form = _nominative(r.raw, r.pos, num, r.genders, r.rest)
    if form is None:
        return tok
    if r.prefix:
        return r.prefix + _match_case(form, tok[len(r.prefix):])
    if r.pos in _NOUN_POS and r.lemma in _tables()["press"]:
        form = _tables()["press"][r.lemma] if form == r.lemma else form
    return _match_case(form, tok)


def _head_plan(words: list[tuple[int, str, tuple[_R, ...]]], num: str, case: str, kind: str):
    """Walk the head span for one (number, case); returns (score, plan)."""
    plan = []  # (index, reading or None)
    gender: frozenset | None = None
    score = 0
    seen_noun = False
    i = 0
    while i < len(words):
        idx, tok, rs = words[i]
        if rs is None:  # hyphen inside a compound: the next part agrees on its own
            plan.append((idx, None))
            seen_noun, gender = False, None
            i += 1
            continue
        agree = [r for r in rs if _agree(r, num, case)]
        adjs = [r for r in agree if r.pos in _ADJ_POS]
        nouns = [r for r in agree if r.pos in _NOUN_POS]
        if not rs:  # unknown word
            if seen_noun:
                break
            plan.append((idx, "wild"))
            i += 1
            continue
        if not seen_noun:
            nxt = words[i + 1][2] if i + 1 < len(words) else None
            nxt_ok = nxt is not None and (not nxt or any(_agree(r, num, case) for r in nxt))
            if adjs and (nxt_ok or not nouns):
                plan.append((idx, _pick(adjs, kind)))
                score += 1
            elif nouns:
                r = _pick(nouns, kind)
                plan.append((idx, r))
                gender = r.genders
                seen_noun = True
                score += 1
            else:
                break
        else:
            adjs = [r for r in adjs if not gender or gender.intersection(r.genders)]
            if adjs:
                plan.append((idx, _pick(adjs, kind)))
                score += 1
            else:
                break
        i += 1
    qual = sum(_quality(r, kind) for _i, r in plan if isinstance(r, _R))
    return score, qual, plan, gender


def _gaz_score(plan, tokens, n, gender, kind) -> int:
    """How many of the plan's output words are known base-form words of this kind (learned)."""
    gaz = _tables()["gazetteer"].get(_group(kind), {})
    if not gaz:
        return 0
    s = 0
    for i, r in plan:
        form = tokens[i] if r is None else _inflect(tokens[i], r, n, gender if r.pos in _ADJ_POS else None)
        s += 1 if form in gaz else 0
    return s


def _candidates(words) -> list[tuple[str, str]]:
    seen = set()
    for _i, _t, rs in words:
        for r in rs or ():
            for n in r.nums:
                for c in r.cases:
                    if c in _CASES:
                        seen.add((n, c))
    order = sorted(seen, key=lambda nc: (_CASES.index(nc[1]), nc[0] != "sg"))
    return order


def _adj_options(tok: str) -> dict[str, str]:
    """Base forms a lone adjective may take: `low` the lowercase masculine lemma (`polski`),
    `nom` the nominative of the same gender and number with the surface's capitals
    (`Listopadowej` -> `Listopadowa`)."""
    adj = [r for r in _readings(tok) if r.pos == "adj"]
    if not adj:
        return {}
    out = {"low": (adj[0].prefix + adj[0].lemma).lower()}
    for r in adj:
        for n in sorted(r.nums):
            form = _nominative(r.raw, "adj", n, r.genders, r.rest)
            if form:
                out.setdefault("nom", r.prefix + _match_case(form, tok[len(r.prefix):]))
                break
    return out


def _lone_adj(tok: str, kind: str) -> str | None:
    """Learned choice for a phrase that is one adjective (suffix -> option)."""
    opts = _adj_options(tok)
    if not opts:
        return None
    if kind != "other" and any(r.proper for r in _readings(tok) if r.pos in _NOUN_POS):
        return None
    table = _tables().get("adj", {}).get(_group(kind), {})
    low = ("^" if tok[:1].isupper() else "_") + tok.lower()
    for n in range(len(low), 0, -1):
        choice = table.get(low[-n:] if n < len(low) else low)
        if choice is None:
            continue
        if choice == "keep":
            return tok
        return opts.get(choice)
    return None


def _person_readings(word: str) -> list[_R]:
    return [r for r in _readings(word) if r.proper and "sg" in r.nums
            and (r.pos == "subst" or r.pos in _ADJ_POS)]


def _unknown(word: str, group: str) -> bool:
    """A word the learned suffix rules decide: Morfeusz does not know it; for people, it has no
    singular name reading."""
    if group == "person":
        return not _person_readings(word)
    return not any(r.pos in _NOUN_POS or r.pos in _ADJ_POS for r in _readings(word))


def _person_slots(tokens: list[str]) -> list[int]:
    slots = []
    for i, tok in enumerate(tokens):
        if not _is_word(tok) or tok.lower() in _PARTICLES or _ROMAN.match(tok) or tok.endswith(".") \
                or (i + 1 < len(tokens) and tokens[i + 1] == ".") or not tok[:1].isupper():
            continue
        slots.append(i)
    return slots


_ALL_UNKNOWN_NOM = True


def _owa(word: str, female: bool) -> str | None:
    """An unknown surname in -owa/-ewa outside a feminine phrase is the genitive of an -ow/-ew
    surname (`Pieskowa` -> `Pieskow`); Polish wives' names (`Ciołkoszowa`, `Pancewiczowa`) keep it."""
    low = word.lower()
    if female or len(low) < 6 or not low.endswith(("owa", "ewa")) or low[-5:-3] in ("cz", "sz", "rz"):
        return None
    return word[:-1]


# Unknown first names in -ij/-iej (Dmitrij, Siergiej) are nominative: no Polish oblique case ends so.
_NOMINATIVE_ENDINGS = ("ij", "iej", "yj")


def _person(tokens: list[str], kind: str) -> list[str]:
    """Every name word inflects in the case (and gender) the words agree on."""
    slots = _person_slots(tokens)
    if not slots:
        return tokens
    rmap = {}
    unknown = set()
    for i in slots:
        if _unknown(tokens[i], "person"):
            unknown.add(i)
        else:
            rmap[i] = _person_readings(tokens[i])
    out = list(tokens)
    cands = set()
    for rs in rmap.values():
        for r in rs:
            for c in r.cases:
                for g in r.genders:
                    if c in _CASES:
                        cands.add((c, g))
    last = slots[-1]

    def quality(i: int, r: _R) -> int:
        q = 0
        if "imię" in r.names and (i != last or len(slots) == 1):
            q = 2
        if "nazwisko" in r.names and (i == last or len(slots) == 1):
            q = max(q, 1)
        return q

    best = None
    for c, g in sorted(cands):
        s = 0
        qual = 0
        for i in rmap:
            agree = [quality(i, r) for r in rmap[i] if c in r.cases and g in r.genders]
            if agree:
                s += 1
                qual += max(agree)
        gaz = 0
        known = _tables()["gazetteer"].get("person", frozenset())
        for i in rmap:
            agree = [r for r in rmap[i] if c in r.cases and g in r.genders]
            if agree:
                r = _pick(agree, "person")
                form = tokens[i] if c == "nom" else _inflect(tokens[i], r, "sg", frozenset([g]))
                gaz += form in known
        key = _person_key(s, gaz, qual, g, c)
        if best is None or key > best[0]:
            best = (key, c, g)
    if best is None or best[1] != "nom":
        female = best is not None and best[2] == "f"
        nominative = False
        if best is None and len(slots) > 1 and _ALL_UNKNOWN_NOM:
            # every word unknown: a first word its rules leave as it is marks a nominative phrase
            first = slots[0]
            nominative = tokens[first].endswith(_NOMINATIVE_ENDINGS) or (
                (_suffix_rule(tokens[first], kind) or tokens[first]) == tokens[first])
            female = nominative and tokens[first].lower().endswith("a")
        for i in unknown:
            if nominative:
                continue
            common = []
            if best is not None:
                common = [r for r in _readings(tokens[i]) if "sg" in r.nums and best[1] in r.cases
                          and best[2] in r.genders and (r.pos == "subst" or r.pos in _ADJ_POS)]
            if common:
                r = max(common, key=lambda r: r.pos in _ADJ_POS)
                out[i] = _inflect(tokens[i], r, "sg", frozenset([best[2]]))
            else:
                out[i] = _owa(tokens[i], female) or \
                    _suffix_rule(tokens[i], kind, oblique=best is not None) or tokens[i]
    if best is None:
        return out
    _key, c, g = best
    if c == "nom":
        return out
    for i, rs in rmap.items():
        agree = [r for r in rs if c in r.cases and g in r.genders]
        if agree:
            r = _pick(agree, "person")
            out[i] = _inflect(tokens[i], r, "sg", frozenset([g]))
    return out


def _phrase(tokens: list[str], kind: str) -> list[str]:
    # words that may form the head: skip leading numbers/punctuation, split at stop words
    words = []
    start = 0
    while start < len(tokens) and (not _is_word(tokens[start]) or _ROMAN.match(tokens[start])):
        start += 1
    for i in range(start, len(tokens)):
        tok = tokens[i]
        if tok in ("-", "–") and words and i + 1 < len(tokens) and _is_word(tokens[i + 1]):
            words.append((i, tok, None))
            continue
        if not _is_word(tok) or tok.lower() in _STOP or (i + 1 < len(tokens) and tokens[i + 1] == "."):
            break
        words.append((i, tok, _readings(tok)))
    while words and words[-1][2] is None:
        words.pop()
    if not words:
        return tokens
    out = list(tokens)
    if len(words) == 1 and not words[0][2]:
        i, tok, _ = words[0]
        out[i] = _suffix_rule(tok, kind) or tok
        return out
    # `X i Y` where Y ends the phrase: Y must stand in the same case and number as X
    j = words[-1][0]
    coord = None
    if j + 3 == len(tokens) and tokens[j + 1] in ("i", "oraz") and tokens[j + 2][:1].isupper():
        coord = [r for r in _readings(tokens[j + 2]) if r.pos in _NOUN_POS]
    best = None
    for n, c in _candidates(words):
        score, qual, plan, gender = _head_plan(words, n, c, kind)
        if coord and any(i == j for i, r in plan) and any(_agree(r, n, c) for r in coord):
            score += 1
        gaz = _gaz_score([(i, r) for i, r in plan if isinstance(r, _R)], tokens, n, gender, kind) \
            if c != "nom" else _gaz_score([(i, None) for i, r in plan if isinstance(r, _R)], tokens, n,
                                          gender, kind)
        key = (score, gaz, qual, n == "sg", c == "nom")
        if best is None or key > best[0]:
            best = (key, n, c, plan, gender)
    if best is None:
        for i, tok, rs in words:
            if rs == ():
                out[i] = _suffix_rule(tok, kind) or tok
        return out
    _key, n, c, plan, gender = best
    if c == "nom":
        return out
    # coordinated head nouns: `Prawa i Sprawiedliwości` -> `Prawo i Sprawiedliwość`
    last = max((i for i, r in plan if r is not None), default=None)
    if last is not None and last + 2 < len(tokens) and tokens[last + 1] in ("i", "oraz") \
            and last + 3 == len(tokens) and tokens[last + 2][:1].isupper():
        nxt = [r for r in _readings(tokens[last + 2]) if r.pos in _NOUN_POS and _agree(r, n, c)]
        if nxt:
            plan = plan + [(last + 2, _pick(nxt, kind))]
    for i, r in plan:
        if r is None:
            continue
        if r == "wild":
            if len(plan) == 1:
                out[i] = _suffix_rule(tokens[i], kind) or tokens[i]
            continue
        out[i] = _inflect(tokens[i], r, n, gender if r.pos in _ADJ_POS else None)
    return out


# an inflectional ending written after an apostrophe (`Steve'a`) or after an acronym's hyphen (`ATX-a`)
_APOS_END = re.compile(r"^(\w.*?\w)['’](?:a|owi|em|ego|go|emu|mu|u|ie|m|ów|ach|ami|om)$")
_ACRO_END = re.compile(r"^([A-ZÀ-ÖØ-ÞĄĆĘŁŃÓŚŹŻ0-9]{2,})-(?:a|u|em|owi|ie|y|ów|om|ami|ach|ach|e)$")


def _ending_stem(tok: str) -> str | None:
    m = _APOS_END.match(tok) or _ACRO_END.match(tok)
    return m.group(1) if m else None


@lru_cache(maxsize=50_000)
def base_form(text: str, kind: str = "other") -> str:
    """The base (nominative) form of a name phrase of the given kind."""
    text = " ".join(text.split())
    if not text:
        return text
    tokens = _tokens(text)
    lex = _tables()["lexicon"].get(_group(kind), {}).get(text)
    if lex is not None:
        return lex
    if kind != "person" and len(tokens) == 1:
        lone = _lone_adj(tokens[0], kind)
        if lone is not None:
            return lone
    if kind == "person":
        out = _person(tokens, kind)
    else:
        out = _phrase(tokens, kind)
        if len(out) > 1:
            casing = _tables().get("first", {}).get(_group(kind), {}).get(out[0].lower())
            if casing == "l" and out[0][:1].isupper() and not out[0].isupper():
                out[0] = out[0][:1].lower() + out[0][1:]
            elif casing == "u" and out[0][:1].islower():
                out[0] = out[0][:1].upper() + out[0][1:]
    for i, tok in enumerate(tokens):
        stem = _ending_stem(tok)
        if stem is not None and i < len(out):
            out[i] = stem
    return _detok(out, tokens)



def _person_key(s, gaz, qual, g, c):
    """Ranking of (case, gender) hypotheses for a personal name: words agreeing, words that are
    known name base forms (learned), name-class fit, masculine, nominative, feminine."""
    return (s, gaz, qual, g == "m1", c == "nom", g == "f")
