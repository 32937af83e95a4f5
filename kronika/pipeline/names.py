"""Base (nominative) forms of whole named-entity phrases.

`base_form("Najwyższej Rady Państwowej Związku Białorusi i Rosji", "organization")`
-> `"Najwyższa Rada Państwowa Związku Białorusi i Rosji"`.

Method: the phrase is split into words and punctuation (raw text or text already tokenised
with spaces around punctuation); the system finds the grammatical case and number the phrase
stands in (the one most of its head words agree on; the singular nominative, then the kind's
own name readings on ties), the head span (leading adjectives, the head noun, adjectives
agreeing with it, a first name's surname; for people every name word), and puts each head
word into the nominative of the same number, with adjectives taking the head noun's gender.
Where Morfeusz offers several lemmas, the one names in an NE-annotated corpus have more often
wins (`Pruszkowa` -> `Pruszków`). Words Morfeusz does not know are handled by suffix rules
learned from a training file (`training/build_name_rules.py` -> `kronika/models/names.json.gz`),
with the Morfeusz-trained guesser (`kronika.pipeline.guesser`) voting too and, in a phrase whose
case is known, giving the reading in that case (`Leonem Kwarcińskim`). The training file also
gives the capitalisation of lone adjectives and first words and the spacing around punctuation
in tokenised input. Otherwise capitalisation and spacing follow the surface; a phrase quoted as a
CSV field (quotes doubled inside quotes) is handled inside its quotes.
"""
from __future__ import annotations

import gzip
import itertools
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kronika.pipeline.guesser import guess_scored, suffix_scored
from kronika.pipeline.morphology import morfeusz, strip_homonym

KINDS = ("person", "organization", "place", "geo", "other")
_MODEL = Path(__file__).resolve().parent.parent / "models" / "names.json.gz"

_ADJ_POS = {"adj", "ppas", "pact"}
_NOUN_POS = {"subst", "depr"}
_COMMON_CLASSES = {"", "nazwa_pospolita", "nazwa pospolita", "pospolita"}
_PERSON_CLASSES = {"imię", "nazwisko", "pseudonim", "przydomek", "nazwisko_(odmężowskie)",
                   "nazwisko_(odojcowskie)", "patronimicum", "nazwa_własna_osoby"}
_PLACE_CLASSES = {"nazwa_geograficzna", "człon_nazwy_geograficznej"}
_WORD = re.compile(r"\w", re.UNICODE)
_WORDS = re.compile(r"\w+")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
# cases a name may stand in; a form that could be a vocative (`Mario`, `Paulo`) is far more
# often a foreign nominative
_CASES = ("nom", "gen", "dat", "acc", "inst", "loc")
# lowercase words that end the inflected head of a name (prepositions, conjunctions, articles)
_STOP = {"w", "we", "z", "ze", "i", "oraz", "na", "nad", "pod", "przy", "do", "od", "dla", "im",
         "o", "po", "u", "za", "of", "the", "and", "de", "del", "della", "di", "da", "la", "le", "les",
         "du", "des", "von", "van", "der", "den", "al", "el", "y", "et", "for", "a", "an", "&", "zu",
         "bin", "ibn"}
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
        return any(n not in _COMMON_CLASSES for n in self.names)


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
        part = head.rpartition("-")[2]
        two_names = all(any(r.pos in _NOUN_POS and r.proper for r in _readings(w)) for w in (part, last))
        if head[-1:].lower() == "o" and _WORD.search(last) and not two_names:  # not `Bielsko-Biała`
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
        return orth[:1].upper() + (orth[1:].lower() if surface[1:].islower() else orth[1:])
    if surface.islower() and orth.isupper():
        return orth.lower()
    if surface[:1].islower() and orth[:1].isupper() and not orth[1:2].isupper():
        return orth[:1].lower() + orth[1:]
    return orth


# ---------------------------------------------------------------- learned tables


@lru_cache(maxsize=1)
def _tables() -> dict:
    """The learned tables (`training/build_name_rules.py`); empty ones without the model file."""
    if not _MODEL.exists():
        return prepare_tables({})
    with gzip.open(_MODEL, "rt", encoding="utf-8") as f:
        return prepare_tables(json.load(f))


def prepare_tables(tables: dict) -> dict:
    """Tables as loaded from JSON, with word lists made sets and missing tables empty."""
    tables = dict(tables)
    tables["gazetteer"] = {g: frozenset(ws) for g, ws in tables.get("gazetteer", {}).items()}
    tables["first"] = {g: {f: frozenset(ws) for f, ws in fs.items()}
                       for g, fs in tables.get("first", {}).items()}
    for name in ("suffix", "press", "lexicon", "words", "adj", "glue", "lemmas", "attested"):
        tables.setdefault(name, {})
    return tables


def suffix_group(kind: str) -> str:
    """Table of the suffix rules a kind reads: people's and places' own, for the other kinds
    one learned from all kinds but people."""
    return kind if kind in ("person", "person:obl", "place") else "name"


def _group(kind: str) -> str:
    return kind if kind in ("person", "place", "organization", "person:obl") else "other"


_POLISH_LETTERS = set("ąćęłńóśźż")


def suffix_key(word: str) -> str:
    """Lowercase word with foreign diacritics dropped (`María` -> `maria`), Polish letters kept:
    the suffix rules treat foreign spellings like their plain letters."""
    return "".join(ch if ch in _POLISH_LETTERS else unicodedata.normalize("NFD", ch)[0]
                   for ch in word.lower())


# weights of the votes for an unknown word's base form: the word as it is, and the share of
# each guesser reading's lemma (the learned suffix rule votes with its share)
_KEEP = 0.5
_GUESS_WEIGHT = 0.5
_GAZ_WEIGHT = 1.0
_SURELY_OBLIQUE = re.compile(r"(?:ą|ę|owi|emu|rze|dzie)$", re.IGNORECASE)


def _suffix_rule(word: str, kind: str, oblique: bool = False, guess: bool = True) -> str:
    """Base form of an unknown word: a learned word, else the form with most votes from the
    learned suffix rule, the Morfeusz-trained guesser (unless not `guess`), keeping the word
    as it is and, for people, a form training gives as a name word. `oblique`: the other
    words of the phrase show it is not in the nominative."""
    group = _group(kind)
    learned = _learned(word, group)
    if learned is not None:
        return learned
    if oblique and group + ":obl" in _tables()["suffix"]:
        form, share = _suffix_match(word, group + ":obl")
        if share >= 0.5:
            return form
    form, share = _suffix_match(word, suffix_group(kind))
    # no nominative ends in -ą, -ę, -owi, -emu, nor (unknown words) in the locative -rze,
    # -dzie (`Darfurze`): keeping such a word needs a rule's vote
    votes = {word: 0.0 if _SURELY_OBLIQUE.search(word) else _KEEP}
    votes[form] = votes.get(form, 0.0) + share
    for r, g in suffix_scored(word) if guess else ():
        votes[r.lemma] = votes.get(r.lemma, 0.0) + _GUESS_WEIGHT * g
    if group == "person":  # a form training gives as a person's name word (`Gladwell`)
        gaz = _tables()["gazetteer"].get(group, frozenset())
        for cand in votes:
            votes[cand] += _GAZ_WEIGHT * (cand in gaz)
    return max(sorted(votes), key=votes.get)


def _learned(word: str, group: str) -> str | None:
    """The base form training gave an unknown word of the group, or the corpus attests."""
    known = _tables()["words"].get(group.split(":")[0], {}).get(word)
    return known if known is not None else _tables()["attested"].get(word)


def _suffix_match(word: str, group: str) -> tuple[str, float]:
    """The form the longest learned suffix of `word` gives, and that rule's share."""
    table = _tables()["suffix"].get(group, {})
    low = suffix_key(word)
    rule = next((table[low[-n:]] for n in range(min(6, len(low) - 1), 0, -1) if low[-n:] in table), None)
    if len(low) < 4 or rule is None:
        return word, 0.0
    cut, add, share = rule
    stem = word[: len(word) - cut] if cut else word
    return stem + (add.upper() if word.isupper() and len(word) > 1 else add.lower()), share


# ---------------------------------------------------------------- tokenising


# an inflectional ending written after an apostrophe (`Steve'a`) or after an acronym's hyphen (`ATX-a`)
_APOS_END = re.compile(r"^(\w.*?\w)['’´](?:a|owi|em|ego|iego|go|emu|mu|u|ie|cie|m|ów|ach|ami|om|y)$")
_ACRO_END = re.compile(r"^([A-ZÀ-ÖØ-ÞĄĆĘŁŃÓŚŹŻ0-9]{2,})-(?:a|u|em|owi|ie|y|ów|om|ami|ach|e)$")


def _ending_stem(tok: str) -> str | None:
    m = _APOS_END.match(tok) or _ACRO_END.match(tok)
    return m.group(1) if m else None


TOKEN = re.compile(r"\w+(?:['’´]\w+)*|[^\w\s]")
_APOSTROPHES = "'’´"


def _attached(prev: str, sep: str, nxt: str) -> bool:
    """`Harry ’ ego`, `O ’ Reilly`, `Children ’ s`, `ATX - a`, `Psychologiczno - Pedagogicznej`:
    one word split by the tokeniser."""
    whole = prev + sep + nxt
    if sep in _APOSTROPHES:
        return _ending_stem(whole) is not None or (len(prev) == 1 and nxt[:1].isupper()) or nxt == "s"
    if sep != "-":
        return False
    return _ACRO_END.match(whole) is not None or (
        prev[-1:] == "o" and _WORDS.fullmatch(prev) is not None and bool(_readings(whole)))


def split_tokens(text: str) -> tuple[list[str], list[bool]]:
    """Words and punctuation of a phrase, with whether each stood apart (a space before it).
    A word split at an apostrophe or an acronym's hyphen is put back together."""
    tokens: list[str] = []
    spaced: list[bool] = []
    for chunk in text.split():
        for j, m in enumerate(TOKEN.finditer(chunk)):
            tokens.append(m.group())
            spaced.append(j == 0)
    i = len(tokens) - 1
    while i >= 2:  # right to left: `Produkcyjno-Handlowo-Usługowego` joins from its inflected end
        if _attached(tokens[i - 2], tokens[i - 1], tokens[i]):
            tokens[i - 2: i + 1] = [tokens[i - 2] + tokens[i - 1] + tokens[i]]
            spaced[i - 1: i + 1] = []
            i -= 2
        else:
            i -= 1
    return tokens, spaced


def _is_word(tok: str) -> bool:
    return bool(_WORD.search(tok)) and not tok.isdigit()


_JOIN_BOTH = {"-", "/", "@", "+"}
_JOIN_LEFT = {".", ",", ":", ";", "!", "?", ")", "»", "”"}
_JOIN_RIGHT = {"(", "«", "“", "„"}


def _token_class(tok: str) -> str:
    """Shape of a token for the spacing table: punctuation as itself, `x` letters with
    punctuation, `d` digits, `U`/`u` one letter, `A` acronym, `W`/`w` capitalised/lowercase word."""
    if not _WORD.search(tok):
        return tok
    if not _WORDS.fullmatch(tok):
        return "x"
    if tok.isdigit():
        return "d"
    if len(tok) == 1:
        return "U" if tok.isupper() else "u"
    if tok.isupper():
        return "A"
    return "W" if tok[:1].isupper() else "w"


def glue_keys(tokens: list[str], i: int) -> list[str]:
    """Keys of the boundary before `tokens[i]`, widest context first (learned spacing table)."""
    c = ["^", "^"] + [_token_class(t) for t in tokens[max(0, i - 2): i + 2]] + ["$"]
    c = c[min(i, 2):]  # two classes before the boundary, two after
    return [" ".join(c[:4]), " ".join(c[:3]), " ".join(c[1:3])]


def spaced_pair(prev: str, cur: str) -> bool:
    """Neither token is punctuation alone: one space between them, as in the surface."""
    return bool(_WORD.search(prev) and _WORD.search(cur))


def _default_glue(prev: str, cur: str) -> str:
    if cur in _JOIN_BOTH or prev in _JOIN_BOTH or cur in _JOIN_LEFT or prev in _JOIN_RIGHT:
        return ""
    return " "


def _detok(tokens: list[str], surface: list[str], spaced: list[bool]) -> str:
    """Join tokens as the surface had them; in tokenised text (every punctuation mark standing
    apart) the spaces around punctuation are set as the training base forms have them (learned
    per token-shape context), else by the mark's usual side."""
    table = _tables()["glue"]
    tokenised = all(spaced[1:])
    out = tokens[0] if tokens else ""
    for i in range(1, len(tokens)):
        glue = " " if spaced[i] else ""
        if tokenised and not spaced_pair(surface[i - 1], surface[i]):
            glue = _quote_glue(surface, i)
            if glue is None:
                glue = next((table[k] for k in glue_keys(surface, i) if k in table),
                            _default_glue(surface[i - 1], surface[i]))
        out += glue + tokens[i]
    return out


def _quote_glue(surface: list[str], i: int) -> str | None:
    """No space after an opening straight quote or before a closing one (`" Orzeł "` ->
    `"Orzeł"`, `„ Orzeł "` -> `„Orzeł"`); None where neither token is a straight quote."""
    def opened(j: int) -> bool:  # an opening mark before token j is not closed yet
        return sum(t in ('"', "„") for t in surface[:j]) % 2 == 1

    if surface[i] == '"' and opened(i):
        return ""
    if surface[i - 1] == '"' and not opened(i - 1):
        return ""
    return None


def _csv_unquoted(text: str) -> str | None:
    """A phrase written as a CSV field, quotes doubled inside quotes, unquoted (`Klub "X"`);
    None if it is not one."""
    inner = text[1:-1]
    if len(text) > 2 and text[0] == text[-1] == '"' and '""' in inner \
            and '"' not in inner.replace('""', ""):
        return inner.replace('""', '"')
    return None


# ---------------------------------------------------------------- the core


def _agree(r: _R, num: str, case: str) -> bool:
    return num in r.nums and case in r.cases


def _ethnonym(r: _R) -> bool:
    """`Polak`, `Słowianin`: a common noun for people with a capitalised lemma."""
    return r.pos == "subst" and "m1" in r.genders and r.lemma[:1].isupper() and not r.proper


def _quality(r: _R, kind: str) -> int:
    """How well a reading fits a name of the kind: 2 the kind's own name class (people's
    names, places, ethnonyms for organisations), 1 another name, -1 a person's name elsewhere."""
    q = 0
    if kind == "person" and _PERSON_CLASSES.intersection(r.names):
        q = 2
    elif kind == "organization" and _ethnonym(r):
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
    """Prefer readings whose lemma is a known base-form word of the kind (learned), then names
    fitting the kind."""

    freq = _tables()["lemmas"]
    gaz = _tables()["gazetteer"].get(_group(kind), frozenset())

    def score(r: _R) -> tuple:
        known = r.lemma[:1].upper() + r.lemma[1:] in gaz
        return (known, _quality(r, kind), r.proper, -len(r.cases) > -6, freq.get(r.lemma, 0))

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


def _noun_follows(words: list, num: str, case: str) -> bool:
    """Whether the words agreeing in (number, case) after an adjective hold the head noun: an
    agreeing noun reading, or an unknown word (`drogą krajową nr 7`: `drogą` is the noun)."""
    for _idx, _tok, rs in words:
        if not rs:
            return rs is not None
        agree = [r for r in rs if _agree(r, num, case)]
        if any(r.pos in _NOUN_POS for r in agree):
            return True
        if not agree:
            return False
    return False


def _fitting(nouns: list[_R], after: list, num: str, case: str) -> list[_R]:
    """The noun readings whose gender an agreeing adjective right after takes, if any does
    (`Ogrodzie Zoologicznym`: `ogród`, not `ogroda`)."""
    if len(nouns) < 2:
        return nouns
    adjs = [r for _i, _t, rs in after for r in rs or () if r.pos in _ADJ_POS and _agree(r, num, case)]
    return [r for r in nouns if any(a.genders & r.genders for a in adjs)] or nouns


def _personal(r) -> bool:
    """A reading that names or denotes a person (a name may follow it in apposition)."""
    return isinstance(r, _R) and r.pos in _NOUN_POS \
        and ("m1" in r.genders or bool(_PERSON_CLASSES.intersection(r.names)))


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
        # a noun after adjectives shares their gender (`drogą krajową nr`: not `nr`)
        nouns = [r for r in agree if r.pos in _NOUN_POS
                 and (seen_noun or gender is None or gender & r.genders)]
        if not rs:  # unknown word
            if seen_noun:
                break
            plan.append((idx, "wild"))
            i += 1
            continue
        if not seen_noun:
            if adjs and (not nouns or _noun_follows(words[i + 1:], num, case)):
                r = _pick(adjs, kind)
                plan.append((idx, r))
                gender = r.genders if gender is None else gender & r.genders
                score += 1
            elif nouns:
                r = _pick(_fitting(nouns, words[i + 1: i + 2], num, case), kind)
                plan.append((idx, r))
                gender = r.genders
                seen_noun = True
                score += 1
            else:
                break
        else:
            adjs = [r for r in adjs if not gender or gender.intersection(r.genders)]
            # a man's or a first name's name agrees with it: `Rolanda Garrosa` -> `Roland Garros`,
            # `Pana Wołodyjowskiego` -> `Pan Wołodyjowski`
            surnames = [r for r in nouns
                        if _PERSON_CLASSES.intersection(r.names) and gender.intersection(r.genders)]
            if adjs:
                plan.append((idx, _pick(adjs, kind)))
                score += 1
            elif surnames and num == "sg" and _personal(plan[-1][1]) \
                    and not any(r.pos in _NOUN_POS and not r.proper for r in rs):
                plan.append((idx, _pick(surnames, "person")))
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


def adj_options(tok: str, kind: str) -> dict[str, str]:
    """Base forms a one-word name that is an adjective may take: `low` the lowercase masculine
    lemma (`polski`), `nom` the nominative of the same gender and number with the surface's
    capitals (`Listopadowej` -> `Listopadowa`). None for a word that is also a proper noun of
    the kind (for `other` names, a person's name: `Dąbrowskiego` is a street)."""
    adj = [r for r in _readings(tok) if r.pos == "adj"]
    nouns = [r for r in _readings(tok) if r.pos in _NOUN_POS]
    if not adj or any(_PERSON_CLASSES.intersection(r.names) if kind == "other" else r.proper for r in nouns):
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
    opts = adj_options(tok, kind)
    if not opts:
        return None
    table = _tables()["adj"].get(_group(kind), {})
    key = adj_key(tok)
    choice = next((table[key[-n:]] for n in range(len(key), 0, -1) if key[-n:] in table), None)
    return tok if choice == "keep" else opts.get(choice)


def adj_key(tok: str) -> str:
    """Key of the lone-adjective table: the lowercase word, then `^` if it was capitalised."""
    return tok.lower() + ("^" if tok[:1].isupper() else "_")


def _person_readings(word: str) -> list[_R]:
    """Singular name readings of a word, only those of people's names where it has some; for
    a word with no name reading, its readings as a common noun for a man."""
    rs = [r for r in _readings(word)
          if r.proper and "sg" in r.nums and (r.pos == "subst" or r.pos in _ADJ_POS)]
    people = [r for r in rs if _PERSON_CLASSES.intersection(r.names)]
    titles = [r for r in _readings(word) if r.pos == "subst" and "sg" in r.nums and "m1" in r.genders
              and "nazwa_pospolita" in r.names]  # `Stwórca`, `Prymasa`
    return people or rs or titles


def _unknown(word: str, group: str) -> bool:
    """A word the learned suffix rules decide: Morfeusz does not know it; for people, it has no
    singular name reading."""
    if group == "person":
        return not _person_readings(word)
    return not any(r.pos in _NOUN_POS or r.pos in _ADJ_POS for r in _readings(word))


def _person_slots(tokens: list[str]) -> list[int]:
    slots = []
    for i, tok in enumerate(tokens):
        if not _is_word(tok) or tok.lower() in _PARTICLES or _ROMAN.match(tok) \
                or (i + 1 < len(tokens) and tokens[i + 1] == ".") or not tok[:1].isupper():
            continue
        slots.append(i)
    return slots


def _owa(word: str, female: bool) -> str | None:
    """An unknown surname in -owa/-ewa outside a feminine phrase is the genitive of an -ow/-ew
    surname (`Pieskowa` -> `Pieskow`); Polish wives' names (`Ciołkoszowa`, `Pancewiczowa`) keep it."""
    low = word.lower()
    if female or len(low) < 6 or not low.endswith(("owa", "ewa")) or low[-5:-3] in ("cz", "sz", "rz"):
        return None
    return word[:-1]


def _nominative_ending(word: str) -> bool:
    """Unknown names in -ij/-iej/-yj (Dmitrij, Siergiej) are nominative: no Polish oblique case
    ends so, but for the adjectives' -kiej/-giej (`Fatimskiej`); so are families in -scy/-ccy/-dzcy
    (`Arłamowscy`)."""
    return word.endswith(("ij", "iej", "yj", "scy", "ccy", "dzcy")) \
        and not word.endswith(("kiej", "giej"))


# endings no nominative of a name has (`Condoleezą`, `Keenem`, `Jobsowi`)
_OBLIQUE = re.compile(r"(?:ą|ę|owi|em|emu|ego)$")
_GUESS_SHARE = 0.2  # share of a guessed reading sure enough to give an unknown word's lemma
_SURE = 0.8  # share of a suffix rule sure enough to tell a word's case


def _person_key(gaz: int, qual: int, g: str, c: str) -> tuple:
    """Ranking of (case, gender) hypotheses for a personal name that the words' agreement
    leaves tied: words that are known name base forms (learned), name-class fit, masculine,
    nominative, feminine."""
    return (gaz, qual, g == "m1", c == "nom", g == "f")


def _person_case(tokens: list[str], slots: list[int], known: dict, keep_votes: int,
                 change_votes: int) -> tuple[str, str] | None:
    """The (case, gender) most name words agree on; unknown words vote by their suffix rules
    (a rule leaving the word as it is speaks for the nominative, one changing it against)."""
    last = slots[-1]
    gazetteer = _tables()["gazetteer"].get("person", frozenset())

    def fit(i: int, r: _R) -> int:
        q = 2 if "imię" in r.names and (i != last or len(slots) == 1) else 0
        return max(q, 1) if "nazwisko" in r.names and (i == last or len(slots) == 1) else q

    best = None
    cands = {(c, g) for rs in known.values() for r in rs for c in r.cases for g in r.genders if c in _CASES}
    for c, g in sorted(cands):
        s = qual = gaz = 0
        for i, rs in known.items():
            agree = [r for r in rs if c in r.cases and g in r.genders]
            s -= not agree  # `Henryka Traczyk`: the surname cannot be a man's genitive
            if agree:
                s += any(len(r.cases) < len(_CASES) for r in agree)  # indeclinable: no evidence
                qual += max(fit(i, r) for r in agree)
                form = tokens[i] if c == "nom" else _inflect(tokens[i], _pick(agree, "person"), "sg",
                                                             frozenset([g]))
                gaz += form in gazetteer
        key = (s, keep_votes if c == "nom" else change_votes) + _person_key(gaz, qual, g, c)
        if best is None or key > best[0]:
            best = (key, c, g)
    return None if best is None else best[1:]


def _case_votes(tokens: list[str], unknown: list[int]) -> tuple[int, int]:
    """Unknown words whose suffix rule is sure: how many it leaves as they are, how many it changes."""
    keep = change = 0
    for i in unknown:
        form, share = _suffix_match(tokens[i], "person")
        if share >= _SURE:
            keep += form == tokens[i]
            change += form != tokens[i]
    return keep, change


def _unknown_base(word: str, best: tuple[str, str] | None, kind: str, oblique: bool) -> str:
    """Base form of a name word with no singular name reading, the phrase's known words standing
    in the (case, gender) `best` (None: there are none); `oblique`: the phrase is not nominative."""
    if _nominative_ending(word) or any(r.proper and r.nums == {"pl"} and "nom" in r.cases
                                       for r in _readings(word)):
        return word  # a nominative (`Dmitrij`), a family's name in the plural (`Sokołowscy`)
    if best is not None and _readings(word):
        # a common word inflects if it agrees; a noun's genitive is a dependent (`Mistrz Kierownicy`)
        common = _common_base(word, best)
        if common is not None:
            return common
        if any(r.pos in _NOUN_POS and "gen" in r.cases for r in _readings(word)):
            return word
    female = best is not None and best[1] == "f"
    return _learned(word, "person") or (best and _guess_in(word, *best)) or _owa(word, female) \
        or _suffix_rule(word, kind, oblique=oblique)


def _common_base(word: str, best: tuple[str, str]) -> str | None:
    """The nominative of a common noun or adjective agreeing with a name in (case, gender)
    `best` (`Karola Wielkiego` -> `Wielki`); None if it does not agree."""
    case, gender = best
    genders = {gender, "m2"} if gender == "m1" else {gender}  # `Jana Sokoła`: an animal's name
    adjs = [r for r in _readings(word) if r.pos in _ADJ_POS and "sg" in r.nums and case in r.cases
            and gender in r.genders]
    if adjs:
        return _inflect(word, adjs[0], "sg", frozenset([gender]))
    nouns = [r for r in _readings(word) if r.pos == "subst" and "sg" in r.nums and case in r.cases
             and genders.intersection(r.genders)]
    return _inflect(word, nouns[0], "sg", None) if nouns else None


def _declined_singular(tag: str, pos: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(cases, genders) of a guessed singular reading of one of the parts of speech that is not
    indeclinable; empty lists for any other reading."""
    p = tag.split(":")
    if p[0] not in pos or len(p) < 4 or "sg" not in p[1].split(".") or len(p[2].split(".")) >= len(_CASES):
        return [], []
    return p[2].split("."), p[3].split(".")


def _guessed_case(words: list[str]) -> tuple[str, str] | None:
    """The oblique (case, gender) the guesser's readings of unknown name words support most."""
    support: dict[tuple[str, str], float] = {}
    for word in words:
        best: dict[tuple[str, str], float] = {}
        for r, share in suffix_scored(word):
            cases, genders = _declined_singular(r.tag, ("subst",))
            for key in itertools.product(cases, genders):
                best[key] = max(best.get(key, 0.0), share)
        for key, share in best.items():
            support[key] = support.get(key, 0.0) + share
    fit = sorted((share, key) for key, share in support.items() if key[0] in _CASES[1:])
    return fit[-1][1] if fit else None


def _guess_in(word: str, case: str, gender: str) -> str | None:
    """The lemma of the guesser's likeliest singular declined reading of an unknown word in the
    case and gender (`Kwarcińskim` in the instrumental masculine: `Kwarciński`), if likely enough."""
    fits = [(share, r.lemma) for r, share in guess_scored(word) if share >= _GUESS_SHARE
            and case in (cg := _declined_singular(r.tag, ("subst", "adj")))[0] and gender in cg[1]]
    return max(fits)[1] if fits else None


def _family(word: str) -> str | None:
    """A family's name in the plural genitive, with no singular personal reading, in the singular
    (`Sapiehów` -> `Sapieha`)."""
    readings = _readings(word)
    if not word.endswith("ów") or any("sg" in r.nums and _PERSON_CLASSES.intersection(r.names)
                                      for r in readings):
        return None
    family = [r for r in readings if r.pos == "subst" and r.nums == {"pl"} and "gen" in r.cases
              and "m1" in r.genders and _PERSON_CLASSES.intersection(r.names)]
    return _match_case(_pick(family, "person").lemma, word) if family else None


def _person(tokens: list[str], kind: str) -> list[str]:
    """Every name word inflects in the case (and gender) the words agree on."""
    slots = _person_slots(tokens)
    if not slots:
        return tokens
    # a family's name ends the phrase, not after a preposition (`z Sapiehów`)
    families = {i: f for i in slots[-1:]
                if (i == 0 or not tokens[i - 1].islower()) and (f := _family(tokens[i])) is not None}
    slots = [i for i in slots if i not in families]
    known = {i: _person_readings(tokens[i]) for i in slots if not _unknown(tokens[i], "person")}
    unknown = [i for i in slots if i not in known]
    keep, change = _case_votes(tokens, unknown)
    best = _person_case(tokens, slots, known, keep, change) if slots else None
    out = [families.get(i, tok) for i, tok in enumerate(tokens)]
    if best is not None and best[0] == "nom":
        return out
    if best is None and len(slots) > 1:
        # every word unknown: a first word its rules leave as it is marks a nominative phrase,
        # unless more words are surely oblique
        first = tokens[slots[0]]
        # (the guesser takes many a man's genitive in -a for a woman's nominative: `Pedra`)
        if _nominative_ending(first) or (keep > change and not any(_OBLIQUE.search(tokens[i]) for i in unknown)) \
                or (_suffix_rule(first, kind, guess=False) == first and keep >= change):
            return out
        best = _guessed_case([tokens[i] for i in unknown])
    for i in unknown:
        out[i] = _unknown_base(tokens[i], best, kind, best is not None or change > keep)
    for i, rs in known.items():
        agree = [r for r in rs if best is not None and best[0] in r.cases and best[1] in r.genders]
        if agree:
            out[i] = _inflect(tokens[i], _pick(agree, "person"), "sg", frozenset([best[1]]))
        elif best is not None and not any(_PERSON_CLASSES.intersection(r.names) for r in rs):
            out[i] = _common_base(tokens[i], best) or tokens[i]
    for i in range(1, len(tokens)):  # a lowercase epithet agrees too (`Anny pięknej`)
        if best is not None and i - 1 in slots and tokens[i].islower() \
                and any(r.pos in _ADJ_POS for r in _readings(tokens[i])):
            out[i] = _common_base(tokens[i], best) or tokens[i]
    return out


def _head_words(tokens: list[str]) -> list[tuple[int, str, tuple[_R, ...] | None]]:
    """Words that may form the head, with their readings (None for a compound's hyphen): after
    leading numbers and punctuation, up to a stop word, punctuation or an abbreviation."""
    words: list = []
    start = 0
    while start < len(tokens) and (not _is_word(tokens[start]) or _ROMAN.match(tokens[start])):
        start += 1
    for i in range(start, len(tokens)):
        tok = tokens[i]
        if tok in ("-", "–") and words and i + 1 < len(tokens):
            if _is_word(tokens[i + 1]) and _readings(tokens[i + 1]):
                words.append((i, tok, None))
                continue
            words.pop()  # `FAB-500`, `Manco-Capac`: a compound whose last part does not inflect
            break
        if not _is_word(tok) or tok.lower() in _STOP or (i + 1 < len(tokens) and tokens[i + 1] == "."):
            break
        words.append((i, tok, _readings(tok)))
    while words and words[-1][2] is None:
        words.pop()
    return words


def _foreign_head(plan: list, tokens: list[str]) -> bool:
    """A lone plural genitive head before a capitalised word with no declined genitive reading
    (nor a plural genitive adjective's ending) is a foreign word (`West Ham`, `New Hampshire`), not a
    genitive (`Sióstr Miłosierdzia`)."""
    if len(plan) != 1 or not isinstance(plan[0][1], _R) or plan[0][0] + 1 >= len(tokens):
        return False
    nxt = tokens[plan[0][0] + 1]
    return _is_word(nxt) and len(nxt) > 1 and nxt[:1].isupper() \
        and not nxt.endswith(("kich", "gich", "nich", "ych")) \
        and not any("gen" in r.cases and len(r.cases) < len(_CASES) for r in _readings(nxt))


def _best_plan(words: list, tokens: list[str], kind: str) -> tuple | None:
    """(number, case, plan, gender) of the head reading that scores best: words agreeing, a
    head noun, known base forms, the singular nominative, the kind's name readings."""
    # `X i Y` where Y ends the phrase: Y must stand in the same case and number as X
    j = words[-1][0]
    coord = None
    if j + 3 == len(tokens) and tokens[j + 1] in ("i", "oraz") and tokens[j + 2][:1].isupper():
        coord = [r for r in _readings(tokens[j + 2]) if r.pos in _NOUN_POS]
    best = None
    for n, c in _candidates(words):
        score, qual, plan, gender = _head_plan(words, n, c, kind)
        if (n, c) == ("pl", "gen") and _foreign_head(plan, tokens):
            continue
        if coord and any(i == j for i, r in plan) and any(_agree(r, n, c) for r in coord):
            score += 1
        readings = [(i, r if c != "nom" else None) for i, r in plan if isinstance(r, _R)]
        gaz = _gaz_score(readings, tokens, n, gender, kind)
        has_noun = any(isinstance(r, _R) and r.pos in _NOUN_POS for _i, r in plan)
        own_kind = kind in ("place", "geo") and len(tokens) == 1 and qual >= 2  # `Kutna`: Kutno, not a surname
        key = (score, has_noun, gaz, own_kind, (n, c) == ("sg", "nom"), qual, n == "sg", c == "nom")
        if best is None or key > best[0]:
            best = (key, n, c, plan, gender)
    return None if best is None else best[1:]


def _town(readings: tuple[_R, ...] | None) -> bool:
    """Whether a word may be a place name in the singular nominative."""
    return any(r.pos == "subst" and "nom" in r.cases and "sg" in r.nums
               and _PLACE_CLASSES.intersection(r.names) for r in readings or ())


def _phrase(tokens: list[str], kind: str) -> list[str]:
    """A name that is not a person's: its head words inflect in the case and number they agree on."""
    words = _head_words(tokens)
    if kind == "organization" and len(words) > 1 and words[-1][0] + 1 == len(tokens) \
            and _town(words[-1][2]) and words[-2][1][:1].isupper():
        words = words[:-1]  # a club's town: `Interu Mediolan` -> `Inter Mediolan`
    if not words:
        return tokens
    out = list(tokens)
    if len(words) == 1 and not words[0][2]:
        i, tok, _ = words[0]
        out[i] = _suffix_rule(tok, kind)
        return out
    if kind == "place" and len(tokens) == 1 and not any(
            _PLACE_CLASSES.intersection(r.names) or "sg" in r.nums for r in words[0][2]):
        return out  # only plurals of other words, none a place: a foreign name
    best = _best_plan(words, tokens, kind)
    if best is None:
        for i, tok, rs in words:
            if rs == ():
                out[i] = _suffix_rule(tok, kind)
        return out
    n, c, plan, gender = best
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
                out[i] = _suffix_rule(tokens[i], kind)
            continue
        out[i] = _inflect(tokens[i], r, n, gender if r.pos in _ADJ_POS else None)
    return out


def _first_word_case(word: str, kind: str) -> str:
    """Learned capitalisation of a multi-word name's first word (`plac`, `Ustawa`)."""
    first = _tables()["first"].get(_group(kind), {})
    if word[:1].isupper() and not word.isupper() and word.lower() in first.get("l", ()):
        return word[:1].lower() + word[1:]
    if word[:1].islower() and word.lower() in first.get("u", ()):
        return word[:1].upper() + word[1:]
    return word


@lru_cache(maxsize=50_000)
def base_form(text: str, kind: str = "other") -> str:
    """The base (nominative) form of a name phrase of the given kind."""
    text = " ".join(text.split())
    if not text:
        return text
    lex = _tables()["lexicon"].get(_group(kind), {}).get(text)
    if lex is not None:
        return lex
    inner = _csv_unquoted(text)
    if inner is not None:
        return '"' + base_form(inner, kind).replace('"', '""') + '"'
    tokens, spaced = split_tokens(text)
    if len(tokens) > 1 and all(len(t) == 1 and t.isupper() for t in tokens):
        return "".join(tokens)  # an acronym spelt out (`P K P`)
    if kind != "person" and len(tokens) == 1:
        lone = _lone_adj(tokens[0], kind)
        if lone is not None:
            return lone
    if kind == "person":
        out = _person(tokens, kind)
    else:
        out = _phrase(tokens, kind)
        if len(out) > 1:
            out[0] = _first_word_case(out[0], kind)
    for i, tok in enumerate(tokens):
        stem = _ending_stem(tok)
        if stem is not None:
            out[i] = stem
    return _detok(out, tokens, spaced)

