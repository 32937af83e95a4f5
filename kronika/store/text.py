"""Keys, hashes and lemmas: how names and words are compared in the store."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

WORD = re.compile(r"\w+(?:-\w+)*", re.UNICODE)
_NOT_NAME = re.compile(r"[^\w\s-]+", re.UNICODE)
PERSON_TYPES = {"person", "persName", "per", "PER"}


def content_hash(text: str, date: str | None = None) -> str:
    """SHA-256 of the text and its date (the date anchors relative times, so it is content too)."""
    digest = hashlib.sha256()
    digest.update((date or "").encode())
    digest.update(b"\x00")
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()


def fold(value: str | None) -> str:
    """Case- and space-insensitive form: NFC, casefolded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", value or "").casefold().split())


def name_key(name: str | None) -> str:
    """`Aleksandr  Łukaszenka.` -> `aleksandr łukaszenka`: the key one corpus entity is found by."""
    return " ".join(_NOT_NAME.sub(" ", fold(name)).split())


def surname(key: str) -> str | None:
    """The last word of a multi-word person key; None for a single word."""
    words = key.split()
    return words[-1] if len(words) > 1 else None


def is_person(entity_type: str | None) -> bool:
    return (entity_type or "") in PERSON_TYPES or (entity_type or "").lower().startswith("pers")


@lru_cache(maxsize=100_000)
def word_lemmas(word: str) -> tuple[str, ...]:
    """Every base form Morfeusz knows for `word` as written, lower-cased and capitalised (casefolded)."""
    from kronika.pipeline.morphology import analyse_word

    found: list[str] = []
    for form in dict.fromkeys((word, word.lower(), word[:1].upper() + word[1:].lower())):
        try:
            readings = analyse_word(form)
        except Exception:  # Morfeusz unavailable or odd input: the word stands for itself
            readings = ()
        for reading in readings:
            if reading.pos != "ign":
                lemma = reading.lemma.split(":")[0] if len(reading.lemma) > 1 else reading.lemma
                found.append(lemma.casefold())
    return tuple(dict.fromkeys(found))


def query_variants(word: str) -> list[str]:
    """A query word and its base forms: `Łukaszenkę` -> [łukaszenkę, łukaszenka, łukaszenko]."""
    return list(dict.fromkeys([word.casefold(), *word_lemmas(word)]))


def query_words(words: str | Sequence[str]) -> list[str]:
    if isinstance(words, str):
        words = [words]
    return [w for phrase in words for w in WORD.findall(phrase)]


def token_lemmas(text: str, tokens: Iterable[dict[str, Any]] | None) -> list[tuple[int, int, str]]:
    """(start, end, lemma) per word: from the pipeline's tokens, or else Morfeusz's first base form."""
    if tokens is not None:
        return [(int(t["start"]), int(t["end"]), str(t.get("lemma") or t.get("text") or ""))
                for t in tokens if WORD.search(str(t.get("text") or text[t["start"]:t["end"]]))]
    result = []
    for match in WORD.finditer(text):
        lemmas = word_lemmas(match.group())
        result.append((match.start(), match.end(), lemmas[0] if lemmas else match.group()))
    return result


def lemma_text(lemmas: Sequence[tuple[int, int, str]], start: int = 0, end: int | None = None) -> str:
    """The lemmas of the words in [start, end), joined by spaces and casefolded."""
    return " ".join(l.casefold() for s, e, l in lemmas if s >= start and (end is None or e <= end))


CHUNK, LEMMA, SPEAKER = "w", "l", "s"  # kinds of quote terms


def quote_terms(text_key: str, lemmas: str) -> set[tuple[str, str]]:
    """What the quote word index holds for a quote: its text's space-separated chunks and its lemmas.

    For v without spaces: `text_key LIKE '%v%'` holds exactly when some chunk is LIKE '%v%',
    `(' ' || text_key) LIKE '% v%'` when some chunk is LIKE 'v%', and `(' ' || lemmas || ' ') LIKE '% v %'`
    when some lemma is LIKE 'v'.
    """
    return {(CHUNK, c) for c in text_key.split(" ") if c} | {(LEMMA, l) for l in lemmas.split(" ") if l}


_ENDING = re.compile(r"(?:owie|ami|ach|ego|emu|owi|om|ów|ej|ie|ią|ię|ę|ą|a|e|i|o|u|y)$")
MIN_STEM = 4


def stem(word: str) -> str | None:
    """A crude Polish stem for prefix matching: `Łukaszenkę` -> `łukaszenk`; None when too short.

    Morfeusz knows some names only in one spelling (`Łukaszenko`, not `Łukaszenka`), so the lemma
    alone does not always meet the text's lemma; the stem's prefix match closes that gap.
    """
    folded = word.casefold()
    cut = _ENDING.sub("", folded)
    if len(cut) >= MIN_STEM:
        return cut
    return folded if len(folded) >= MIN_STEM else None


def query_stems(word: str) -> list[str]:
    """Stems of the word and of its base forms, for prefix search."""
    return list(dict.fromkeys(s for s in (stem(v) for v in query_variants(word)) if s))
