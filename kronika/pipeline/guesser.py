"""Readings for words Morfeusz does not know (`ign`): suffix rules learnt from Morfeusz itself.

For every word type of a training corpus that Morfeusz does know, each reading gives a rule
(suffix of the form -> strip n letters, append a string, Morfeusz tag, name classes). Rules are
counted per suffix (lengths 1..6), separately for capitalised forms (proper-noun readings only)
and lowercase ones. `guess` uses the longest suffix seen often enough and returns its most
frequent rules, so `Pieskow` gets the readings of Russian-type surnames (lemma `Pieskow`,
subst m1, ('nazwisko',)) and `blogerką` those of feminine nouns in -ką (lemma `blogerka`).
"""
from __future__ import annotations

import collections
import gzip
import json
import re
from functools import lru_cache
from pathlib import Path

from kronika.pipeline.morphology import Reading

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "guesser.json.gz"
MAX_SUFFIX = 6
MIN_TYPES = 3        # a suffix must be seen on at least this many word types
MAX_RULES = 6
MIN_SHARE = 0.08


def _kind(word: str) -> str:
    if word[:1].isupper():
        return "U" if word.isupper() and len(word) > 1 else "C"
    return "l"


@lru_cache(maxsize=1)
def _model() -> dict[str, list[list]]:
    try:
        with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        return {}


def _fallback(word: str) -> list[Reading]:
    kind = _kind(word)
    if any(ch.isdigit() for ch in word):
        return [Reading(word, "dig", ())]
    if not any(ch.isalpha() for ch in word):
        return [Reading(word, "interp", ())]
    if kind == "U":
        return [Reading(word, "subst:sg:nom.gen.dat.acc.inst.loc.voc:n", ("nazwa_organizacji",))]
    if kind == "C":
        return [Reading(word, "subst:sg:nom:m1", ("nazwisko",)), Reading(word, "subst:sg:nom:m3", ())]
    return [Reading(word, "subst:sg:nom:m3", ()), Reading(word, "xxx", ())]


@lru_cache(maxsize=50_000)
def guess_scored(word: str) -> tuple[tuple[Reading, float], ...]:
    """Likely readings of an unknown word with their share among the matching rules, best first."""
    out = suffix_scored(word)
    kind, low = _kind(word), word.lower()
    if kind != "U" and "-" not in word.strip("-") and out and out[0][0].lemma != word \
            and _FOREIGN.search(low) and not _POLISH.search(low):
        # foreign-looking spelling (`Andrew`, `Shumskiy`, `yiddish`): most often uninflected
        ident = Reading(word, "subst:sg:nom:m1" if kind == "C" else "subst:sg:nom:m3",
                        ("nazwisko",) if kind == "C" else ())
        return ((ident, 0.6),) + tuple((r, share * 0.4) for r, share in out)
    return out


@lru_cache(maxsize=50_000)
def suffix_scored(word: str) -> tuple[tuple[Reading, float], ...]:
    """Readings of an unknown word by the longest suffix the model knows, with their shares
    (no preference for foreign-looking words left as they are)."""
    kind = _kind(word)
    if kind == "U" or not any(ch.isalpha() for ch in word) or any(ch.isdigit() for ch in word):
        return _uniform(_fallback(word))
    if "-" in word.strip("-"):
        hyph = _hyphenated(word)
        if hyph:
            return hyph
    model, low = _model(), word.lower()
    for k in range(min(MAX_SUFFIX, len(word) - 1), 0, -1):
        rules = model.get(kind + "|" + low[-k:])
        if not rules:
            continue
        out: list[tuple[Reading, float]] = []
        total = sum(r[4] for r in rules)
        for cut, add, tag, names, n in rules:
            if cut >= len(word) - 1:
                continue
            lemma = word[: len(word) - cut] + add
            if kind == "C":
                lemma = lemma[:1].upper() + lemma[1:]
            out.append((Reading(lemma, tag, tuple(names)), n / total))
        if out:
            return tuple(out)
    return _uniform(_fallback(word))


_FOREIGN = re.compile(r"[qvx]|sh|th|ph|oo|ee|ou|[aeiou]y$|[aeo]w$|[^aeiouyn]y$|ie$|ae")
_POLISH = re.compile(r"[ąćęłńóśźż]")


# Endings written after a hyphen on acronyms and foreign words: `GROM-u`, `VRML-owi`, `SMS-ów`.
_HYPHEN_ENDINGS = {
    "u": "subst:sg:gen.dat.loc:m3", "a": "subst:sg:gen:m3", "owi": "subst:sg:dat:m3",
    "em": "subst:sg:inst:m3", "ie": "subst:sg:loc:m3", "y": "subst:pl:nom.acc:m3",
    "ów": "subst:pl:gen:m3", "om": "subst:pl:dat:m3", "ami": "subst:pl:inst:m3",
    "ach": "subst:pl:loc:m3", "ze": "subst:sg:loc:m3", "cie": "subst:sg:loc:m3",
}


def _hyphenated(word: str) -> tuple[tuple[Reading, float], ...]:
    """`GROM-u` -> GROM; `SS-owskiej` -> SS-owski (inflection of the last part only)."""
    from kronika.pipeline.morphology import analyse_word, strip_homonym

    head, tail = word.rsplit("-", 1)
    tag = _HYPHEN_ENDINGS.get(tail.lower())
    if tag:
        return ((Reading(head, tag, ()), 1.0),)
    known = [r for r in analyse_word(tail) if r.tag != "ign"] or analyse_word(tail.lower())
    known = [r for r in known if r.tag != "ign"]
    if known:
        scored = tuple((r, 1.0 / len(known)) for r in known)
    else:
        scored = guess_scored(tail.lower()) if tail[:1].islower() else guess_scored(tail)
    out = []
    for r, share in scored:
        lemma = strip_homonym(r.lemma).split(":", 1)[0] or r.lemma
        if tail[:1].isupper():
            lemma = lemma[:1].upper() + lemma[1:]
        out.append((Reading(head + "-" + lemma, r.tag, r.names), share))
    return tuple(out)


def _uniform(readings: list[Reading]) -> tuple[tuple[Reading, float], ...]:
    return tuple((r, 1.0 / len(readings)) for r in readings)


def guess(word: str) -> list[Reading]:
    """Likely readings of an unknown word (Morfeusz tags, possibly dotted), best first."""
    return [r for r, _share in guess_scored(word)]


def train(counts: "collections.Counter[str]", out_path: Path = MODEL_PATH) -> None:
    """Learn the suffix rules from the Morfeusz readings of the corpus's known word types."""
    from kronika.pipeline.morphology import analyse_word, strip_homonym

    table: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for form in counts:
        if len(form) < 3 or not form.isalpha():
            continue
        kind = _kind(form)
        if kind == "U":
            continue
        readings = [r for r in analyse_word(form) if r.tag != "ign"]
        if kind == "C":  # proper-noun readings only: a capitalised common word teaches nothing
            readings = [r for r in readings if r.lemma[:1].isupper()]
        if not readings:
            continue
        low = form.lower()
        rules: set[tuple] = set()
        for r in readings:
            lemma = strip_homonym(r.lemma).split(":", 1)[0] or r.lemma
            llow = lemma.lower()
            p = 0
            while p < min(len(low), len(llow)) and low[p] == llow[p]:
                p += 1
            if p < 2:
                continue
            rules.add((len(low) - p, llow[p:], r.tag, tuple(r.names)))
        if not rules:
            continue
        w = 1.0 / len(rules)
        for k in range(1, min(MAX_SUFFIX, len(low) - 1) + 1):
            c = table[kind + "|" + low[-k:]]
            for rule in rules:
                c[rule] += w
    model: dict[str, list[list]] = {}
    for key, c in table.items():
        total = sum(c.values())
        if total < MIN_TYPES:
            continue
        # the same transformation with different name classes counts once, under its commonest names
        merged: collections.Counter = collections.Counter()
        names_of: dict[tuple, collections.Counter] = collections.defaultdict(collections.Counter)
        for (cut, add, tag, names), n in c.items():
            merged[(cut, add, tag)] += n
            names_of[(cut, add, tag)][names] += n
        best = [(rule, n) for rule, n in merged.most_common(MAX_RULES) if n / total >= MIN_SHARE]
        model[key] = [[rule[0], rule[1], rule[2], list(names_of[rule].most_common(1)[0][0]), round(n, 1)]
                      for rule, n in best]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out_path, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(model, fh, ensure_ascii=False, separators=(",", ":"))
    _model.cache_clear()
    guess_scored.cache_clear()
    suffix_scored.cache_clear()
