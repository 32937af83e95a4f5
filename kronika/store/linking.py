"""Cross-article entity linking: which corpus entity an article's entity is.

- A name whose key (`aleksandr łukaszenka`) or alias is known goes to that entity: user merges and
  splits are keys and aliases, so they survive re-ingest.
- A full person name goes to the one corpus person with the same surname or a spelling variant of it
  (`Łukaszenko`) and a compatible given name (`Alaksandr`, `A.`); two candidates: a new entity.
- A bare surname goes to the only person with it; among several (`Jarosław` / `Lech Kaczyński`) to the
  one the article's roles or co-mentioned people and organisations point to; else it stays apart.
- Organisations and places are also found by the acronyms the article pairs with them, and by their
  initials (`PiS`, `NBP`) when no other entity took that acronym first.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kronika.store import text as tx
from kronika.store.db import Database

ENTITY_REFERENCES = (("doc_entities", "entity"), ("entity_roles", "entity"), ("mentions", "entity"),
                     ("quotes", "speaker_entity"), ("event_participants", "entity"))
MIN_SUPPORT = 0.25  # a bare surname's namesake: co-mentions per article of theirs needed to link it
MARGIN = 1.5  # ... and by this factor more than the next namesake's
RECENT = 200  # a namesake's latest articles that count (bounds the work in a large corpus)


@dataclass(frozen=True)
class Mention:
    """An article's entity, as linking sees it."""

    type: str
    name: str
    roles: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()  # keys of acronyms the article uses for it
    neighbours: tuple[int, ...] = ()  # corpus entities the same article names (never merged away meanwhile)

    @property
    def key(self) -> str:
        return tx.name_key(self.name) or tx.fold(self.name) or "?"

    @property
    def bare_surname(self) -> bool:
        return tx.is_person(self.type) and len(self.key.split()) == 1


def link(db: Database, mention: Mention) -> int:
    """The corpus entity for `mention`, created when none fits."""
    if tx.is_person(mention.type):
        return _link_surname(db, mention) if mention.bare_surname else _link_person(db, mention)
    return _link_other(db, mention)


def merge(db: Database, keep: int, drop: int, keep_alias: bool) -> None:
    """Fold entity `drop` into `keep`; with `keep_alias`, `drop`'s names keep leading to `keep`."""
    for table, column in ENTITY_REFERENCES:
        db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (keep, drop))
    if keep_alias:
        db.execute("UPDATE entity_keys SET entity = ? WHERE entity = ?", (keep, drop))
    db.execute("DELETE FROM entity_keys WHERE entity = ?", (drop,))
    db.execute("DELETE FROM entities WHERE pk = ?", (drop,))


# == names ===========================================================================================
def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.replace("ł", "l")) if not unicodedata.combining(c))


def surname_variants(surname: str) -> list[str]:
    """The spellings of one surname the press and the dictionary use: `łukaszenka` <-> `łukaszenko`."""
    variants = [surname]
    for a, b in (("ka", "ko"), ("ko", "ka")):
        if surname.endswith(a) and len(surname) > 4:
            variants.append(surname[: -len(a)] + b)
    return variants


@lru_cache(maxsize=1)
def _given_name_groups() -> dict[str, int]:
    groups: dict[str, int] = {}
    lines = resources.files("kronika.resources").joinpath("given_names.tsv").read_text("utf-8").splitlines()
    for number, line in enumerate(lines):
        if line and not line.startswith("#"):
            for name in line.split("\t"):
                groups[tx.fold(name)] = number
    return groups


def given_names_agree(a: str, b: str) -> bool:
    """`aleksandr` ~ `alaksandr` ~ `a`; `jarosław` !~ `lech`."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    groups = _given_name_groups()
    if a in groups and groups.get(a) == groups.get(b):
        return True
    return min(len(a), len(b)) >= 5 and _edit_distance(_plain(a), _plain(b)) <= 1


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


# == people ==========================================================================================
def _link_person(db: Database, mention: Mention) -> int:
    key = mention.key
    found = _by_key(db, mention.type, key)
    if found is not None:
        _name_as_most_articles_do(db, found, mention)
        return found
    given, family = key.split()[0], key.split()[-1]
    same = [pk for pk, other in _people(db, mention.type, family) if given_names_agree(given, other.split()[0])]
    if len(same) == 1:
        _add_key(db, mention.type, key, same[0])
        _name_as_most_articles_do(db, same[0], mention)
        return same[0]
    pk = _new(db, mention.type, mention.name, key, family)
    _fold_bare_surname(db, mention, family, pk)
    return pk


def _name_as_most_articles_do(db: Database, pk: int, mention: Mention) -> None:
    """A person's corpus name is the full spelling most articles use, on a tie the one with the surname
    most articles use (`Aleksandr Łukaszenka`, not the first seen `Aleksander Łukaszenko`); never an initial."""
    name, key = db.one("SELECT name, key FROM entities WHERE pk = ?", (pk,))
    if key == mention.key or (mention.bare_surname and key.split()[-1] == mention.key):
        return
    counts = Counter(dict(db.query("SELECT name, count(*) FROM doc_entities WHERE entity = ? GROUP BY name", (pk,))))
    counts[mention.name] += 1
    surnames: Counter[str] = Counter()
    for written, count in counts.items():
        surnames[tx.name_key(written).split()[-1]] += count

    def rank(candidate: str) -> tuple[bool, int, int]:
        words = tx.name_key(candidate).split()
        return len(words[0]) > 1, counts[candidate], surnames[words[-1]]

    best = max((n for n in counts if len(tx.name_key(n).split()) > 1), key=lambda n: (rank(n), n), default=name)
    if rank(best) > rank(name):
        db.execute("UPDATE entities SET name = ?, key = ? WHERE pk = ?", (best, tx.name_key(best), pk))


def _fold_bare_surname(db: Database, mention: Mention, family: str, pk: int) -> None:
    """Earlier articles that named only the surname: theirs is this person when no other has it."""
    if any(other != pk for other, _ in _people(db, mention.type, family)):
        return
    for variant in surname_variants(family):
        bare = db.scalar("SELECT pk FROM entities WHERE type = ? AND key = ? AND surname IS NULL", (mention.type, variant))
        if bare is not None and bare not in mention.neighbours:
            merge(db, pk, bare, keep_alias=False)


def _link_surname(db: Database, mention: Mention) -> int:
    key = mention.key
    found = _by_key(db, mention.type, key)
    if found is not None and not _is_bare(db, found, key):
        return found  # a user's merge made this surname an alias
    people = [pk for pk, _ in _people(db, mention.type, key)]
    chosen = people[0] if len(people) == 1 and found is None else _supported(db, people, mention)
    if chosen is not None:
        _name_as_most_articles_do(db, chosen, mention)
        return chosen
    spelled = (found, *(_by_key(db, mention.type, variant) for variant in surname_variants(key)[1:]))
    found = next((pk for pk in spelled if pk is not None), None)
    return found if found is not None else _new(db, mention.type, mention.name, key, None)


def _supported(db: Database, people: Sequence[int], mention: Mention) -> int | None:
    """Among namesakes, the one this article points to: the only one holding one of its roles, else
    the one named together with its people and organisations clearly more often than the others."""
    if len(people) < 2:
        return None
    roles = {tx.fold(role) for role in mention.roles}
    holders = [pk for pk in people if roles & _roles(db, pk)]
    if len(holders) == 1:
        return holders[0]
    scores = sorted(((_named_together(db, pk, mention.neighbours), pk) for pk in people), reverse=True)
    (best, pk), (second, _) = scores[0], scores[1]
    return pk if best >= MIN_SUPPORT and best > MARGIN * second else None


def _roles(db: Database, pk: int) -> set[str]:
    return {tx.fold(role) for (role,) in db.query("SELECT DISTINCT role FROM entity_roles WHERE entity = ?", (pk,))}


def _named_together(db: Database, pk: int, neighbours: Sequence[int]) -> float:
    """How often the person's latest articles also name these entities (places aside: too common to tell)."""
    if not neighbours:
        return 0.0
    latest = [doc for (doc,) in db.query("SELECT doc FROM doc_entities WHERE entity = ? ORDER BY date DESC, doc DESC "
                                         "LIMIT ?", (pk, RECENT))]
    if not latest:
        return 0.0
    shared = db.scalar(f"SELECT count(*) FROM doc_entities WHERE doc IN ({', '.join('?' * len(latest))}) AND entity IN "
                       f"({', '.join('?' * len(neighbours))}) AND type <> 'place'", (*latest, *neighbours))
    return (shared or 0) / len(latest)


# == organisations and places ==========================================================================
def initials(name: str) -> tuple[str, ...]:
    """The acronym a name of several capitalised words may go by: `Prawo i Sprawiedliwość` -> `pis`,
    `Ministerstwo Spraw Zagranicznych w Warszawie` -> `mszww` and `msz`."""
    found = []
    for part in (name, re.split(r" (?:w|we|na|z|ze) (?=[A-ZĄĆĘŁŃÓŚŹŻ])", name)[0]):
        words = tx.name_key(part).replace("-", " ").split()
        if len(words) >= 2 and sum(word[:1].isupper() for word in part.split()) >= 2:
            found.append("".join(word[0] for word in words))
    return tuple(dict.fromkeys(found))


def _link_other(db: Database, mention: Mention) -> int:
    key = mention.key
    found = _by_key(db, mention.type, key)
    if found is None:
        named = (_by_key(db, mention.type, acronym) for acronym in mention.acronyms)
        found = next((pk for pk, acronym in zip(named, mention.acronyms)
                      if pk is not None and not _is_bare(db, pk, acronym)), None)
        if found is not None:
            _add_key(db, mention.type, key, found)
    if found is None:
        found = _new(db, mention.type, mention.name, key, None)
    for acronym in (*mention.acronyms, *initials(mention.name)):
        other = _by_key(db, mention.type, acronym)
        if other is None:
            _add_key(db, mention.type, acronym, found)
        elif other != found and other not in mention.neighbours and _is_bare(db, other, acronym):
            # an earlier article named only the acronym
            merge(db, found, other, keep_alias=False)
            _add_key(db, mention.type, acronym, found)
    return found


# == rows ==============================================================================================
def _by_key(db: Database, entity_type: str, key: str) -> int | None:
    return db.scalar("SELECT entity FROM entity_keys WHERE type = ? AND key = ?", (entity_type, key))


def _is_bare(db: Database, pk: int, key: str) -> bool:
    """The entity is the one created for this very key (not a full name the key is an alias of)."""
    return db.scalar("SELECT 1 FROM entities WHERE pk = ? AND key = ? AND surname IS NULL", (pk, key)) is not None


def _people(db: Database, entity_type: str, family: str) -> list[tuple[int, str]]:
    """Full-named corpus people whose surname is `family` or a spelling variant of it."""
    variants = surname_variants(family)
    marks = ", ".join("?" * len(variants))
    return [(pk, key) for pk, key in db.query(
        f"SELECT pk, key FROM entities WHERE type = ? AND surname IN ({marks}) ORDER BY pk", (entity_type, *variants))]


def _add_key(db: Database, entity_type: str, key: str, pk: int) -> None:
    db.execute("INSERT INTO entity_keys (type, key, entity) VALUES (?, ?, ?)", (entity_type, key, pk))


def _new(db: Database, entity_type: str, name: str, key: str, family: str | None) -> int:
    pk = db.scalar("INSERT INTO entities (type, name, key, surname) VALUES (?, ?, ?, ?) RETURNING pk",
                   (entity_type, name, key, family))
    _add_key(db, entity_type, key, pk)
    return pk
