"""The store: analysed documents in SQLite or PostgreSQL, linked entities across articles, and queries.

    with Store.open("kronika.db") as store:            # or "postgresql://user@host/db"
        store.save_document(analysis, text, content_hash)  # -> "added" | "updated" | "unchanged"
        store.find_quotes(speaker="Łukaszenka", since="2024-01-01")

Every document is written in one transaction: a reader never sees half of one.
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from kronika.store import linking
from kronika.store import text as tx
from kronika.store.db import DEFAULT_DB, Database
from kronika.store.errors import DocumentNotFound, EntityNotFound, StoreError
from kronika.store.schema import index_quotes, migrate

Status = str  # "added" | "updated" | "unchanged"
MAX_TERMS = 1000  # index terms a query word may match and still narrow the quotes searched
MAX_CANDIDATES = 5000  # quotes the query words may narrow the search to; more: scan newest first instead
SHORTLIST_ABOVE = 1000  # more candidates than this: shortlist the newest by the date index before reading them
RANKED_MATCHES = 2000  # full-text matches ranked per search: the most recently stored when more match


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _date(value: Any, what: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise StoreError(f"invalid {what} {value!r}: expected YYYY-MM-DD") from None


class Store:
    """A connection to one Kronika database (schema migrated on open)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.version = migrate(db)

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """`kronika.db` / `sqlite:///path` / `postgresql://…`; None means `kronika.db` here."""
        return cls(Database(url or DEFAULT_DB))

    @property
    def dialect(self) -> str:
        return self.db.dialect

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # == writing ====================================================================================
    def document_hash(self, doc_id: str) -> str | None:
        """The stored content hash of a document, or None: lets ingest skip unchanged input unanalysed."""
        return self.db.scalar("SELECT content_hash FROM documents WHERE id = ?", (str(doc_id),))

    def save_document(self, analysis: dict[str, Any], text: str, content_hash: str | None = None,
                      tokens: Sequence[dict[str, Any]] | None = None) -> Status:
        """Store one analysis (the `kronika analyze` object) atomically; replaces an older version.

        `tokens` ({start, end, text, lemma} in `text` offsets, as `to_json(tokens=True)` gives) feed
        the lemma index; without them Morfeusz's first base form of each word is used.
        """
        if not isinstance(analysis, dict) or analysis.get("id") in (None, ""):
            raise StoreError("an analysis must be a JSON object with a non-empty 'id'")
        if not isinstance(text, str):
            raise StoreError(f"document {analysis['id']!r}: text must be a string")
        doc_id = str(analysis["id"])
        date = _date(analysis.get("date"), f"date of document {doc_id!r}")
        digest = content_hash or tx.content_hash(text, date)
        stored = {k: v for k, v in analysis.items() if k != "tokens"}
        payload = json.dumps(stored, ensure_ascii=False)
        lemmas = tx.token_lemmas(text, tokens if tokens is not None else analysis.get("tokens"))
        doc_lemmas = tx.lemma_text(lemmas)
        with self.db.transaction():
            row = self.db.one("SELECT pk, content_hash FROM documents WHERE id = ?", (doc_id,))
            if row and row[1] == digest:
                self.db.execute("DELETE FROM failures WHERE id = ?", (doc_id,))
                return "unchanged"
            old_entities: list[int] = []
            if row:
                pk = row[0]
                old_entities = [r[0] for r in self.db.query("SELECT DISTINCT entity FROM doc_entities WHERE doc = ?", (pk,))]
                self._clear_document(pk)
                self.db.execute("UPDATE documents SET content_hash = ?, date = ?, text = ?, lemmas = ?, analysis = ?, "
                                "ingested_at = ? WHERE pk = ?", (digest, date, text, doc_lemmas, payload, _now(), pk))
                status = "updated"
            else:
                pk = self.db.scalar("INSERT INTO documents (id, content_hash, date, text, lemmas, analysis, ingested_at) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING pk",
                                    (doc_id, digest, date, text, doc_lemmas, payload, _now()))
                status = "added"
            if self.dialect == "sqlite":
                self.db.execute("INSERT INTO documents_fts (rowid, text, lemmas) VALUES (?, ?, ?)", (pk, text, doc_lemmas))
            self._save_layers(pk, date, stored, lemmas)
            self.db.execute("DELETE FROM failures WHERE id = ?", (doc_id,))
            self._collect_garbage(old_entities)
        return status

    def record_failure(self, doc_id: str, reason: str) -> None:
        """Remember a document that could not be read or analysed (shown by `stats`)."""
        with self.db.transaction():
            self.db.execute("DELETE FROM failures WHERE id = ?", (str(doc_id),))
            self.db.execute("INSERT INTO failures (id, reason, failed_at) VALUES (?, ?, ?)", (str(doc_id), reason, _now()))

    def delete_document(self, doc_id: str) -> None:
        with self.db.transaction():
            pk = self.db.scalar("SELECT pk FROM documents WHERE id = ?", (str(doc_id),))
            if pk is None:
                raise DocumentNotFound(str(doc_id))
            old = [r[0] for r in self.db.query("SELECT DISTINCT entity FROM doc_entities WHERE doc = ?", (pk,))]
            self._clear_document(pk)
            self.db.execute("DELETE FROM documents WHERE pk = ?", (pk,))
            self._collect_garbage(old)

    def _clear_document(self, pk: int) -> None:
        if self.dialect == "sqlite":
            self.db.execute("DELETE FROM documents_fts WHERE rowid = ?", (pk,))
        self.db.execute("DELETE FROM quote_postings WHERE quote IN (SELECT pk FROM quotes WHERE doc = ?)", (pk,))
        self.db.execute("DELETE FROM event_participants WHERE event IN (SELECT pk FROM events WHERE doc = ?)", (pk,))
        for table in ("events", "times", "quotes", "mentions", "entity_roles", "doc_entities"):
            self.db.execute(f"DELETE FROM {table} WHERE doc = ?", (pk,))

    def _save_layers(self, pk: int, date: str | None, analysis: dict[str, Any],
                     lemmas: list[tuple[int, int, str]]) -> None:
        local: dict[str, int] = {}
        names: dict[str, str] = {}
        roles, mentions, doc_entities = [], [], []
        for local_id, entity, mention in self._linking_order(analysis.get("entities") or []):
            found = entity.get("mentions") or []
            corpus = linking.link(self.db, replace(mention, neighbours=tuple(dict.fromkeys(local.values()))))
            local[local_id], names[local_id] = corpus, mention.name
            doc_entities.append((pk, local_id, corpus, mention.type, mention.name, tx.name_key(mention.name), len(found), date))
            roles.extend((pk, corpus, role) for role in mention.roles)
            mentions.extend((pk, corpus, _int(m.get("start")) or 0, _int(m.get("end")) or 0, str(m.get("text") or ""),
                             m.get("kind"), m.get("base")) for m in found)
        self.db.executemany("INSERT INTO doc_entities (doc, local_id, entity, type, name, name_key, mention_count, date) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", doc_entities)
        self.db.executemany("INSERT INTO entity_roles (doc, entity, role) VALUES (?, ?, ?)", roles)
        self.db.executemany("INSERT INTO mentions (doc, entity, start_char, end_char, text, kind, base) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)", mentions)
        quotes = []
        for number, quote in enumerate(analysis.get("quotes") or []):
            start, end = _int(quote.get("start")) or 0, _int(quote.get("end")) or 0
            speaker = quote.get("speaker")
            speaker_entity = local.get(str(quote.get("speaker_entity"))) if quote.get("speaker_entity") is not None else None
            quote_text = str(quote.get("text") or "")
            quotes.append((pk, number, start, end, quote_text, tx.fold(quote_text), tx.lemma_text(lemmas, start, end),
                           quote.get("kind"), speaker, tx.fold(speaker), speaker_entity, _cue_text(quote.get("cue")), date))
        self.db.executemany("INSERT INTO quotes (doc, ord, start_char, end_char, text, text_key, lemmas, kind, speaker, "
                            "speaker_key, speaker_entity, cue, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", quotes)
        if quotes:
            index_quotes(self.db, self.db.query("SELECT pk, text_key, lemmas, speaker_key FROM quotes WHERE doc = ?", (pk,)))
        self.db.executemany("INSERT INTO times (doc, ord, start_char, end_char, text, type, value) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [(pk, n, _int(t.get("start")) or 0, _int(t.get("end")) or 0, str(t.get("text") or ""),
                              t.get("type"), None if t.get("value") is None else str(t.get("value")))
                             for n, t in enumerate(analysis.get("times") or [])])
        for number, event in enumerate(analysis.get("events") or []):
            event_pk = self.db.scalar(
                "INSERT INTO events (doc, ord, type, cameo, event_time, place, status, start_char, end_char, date, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk",
                (pk, number, event.get("type"), _text(event.get("cameo")), _text(event.get("time")),
                 _text(event.get("place")), _text(event.get("status")), _int(event.get("start")), _int(event.get("end")),
                 date, json.dumps(event, ensure_ascii=False)))
            participants = []
            for participant in event.get("participants") or []:
                local_id = participant.get("entity")
                entity = local.get(str(local_id)) if local_id is not None else None
                name = participant.get("name") or names.get(str(local_id)) or ""
                participants.append((event_pk, entity, name, tx.name_key(name), participant.get("role")))
            self.db.executemany("INSERT INTO event_participants (event, entity, name, name_key, role) VALUES (?, ?, ?, ?, ?)",
                                participants)

    # == cross-article entity linking (kronika/store/linking.py) =========================================
    @staticmethod
    def _linking_order(entities: Sequence[dict[str, Any]]) -> list[tuple[str, dict[str, Any], linking.Mention]]:
        """(local id, entity, what linking needs) per distinct entity; bare surnames last, to see the others."""
        seen: dict[str, tuple[str, dict[str, Any], linking.Mention]] = {}
        for number, entity in enumerate(entities):
            local_id = str(entity.get("id") if entity.get("id") is not None else f"#{number}")
            found = entity.get("mentions") or []
            name = str(entity.get("name") or (found[0].get("base") or found[0].get("text") if found else "") or local_id)
            acronyms = tuple(dict.fromkeys(tx.name_key(m.get("text")) for m in found if _acronym(m)))
            mention = linking.Mention(str(entity.get("type") or "other"), name,
                                      tuple(dict.fromkeys(str(r) for r in entity.get("roles") or [])),
                                      tuple(a for a in acronyms if a and a != tx.name_key(name)))
            seen.setdefault(local_id, (local_id, entity, mention))
        return sorted(seen.values(), key=lambda item: item[2].bare_surname)

    def _collect_garbage(self, candidates: Sequence[int]) -> None:
        for pk in candidates:
            if self.db.scalar("SELECT 1 FROM doc_entities WHERE entity = ? LIMIT 1", (pk,)) is None:
                self.db.execute("DELETE FROM entity_keys WHERE entity = ?", (pk,))
                self.db.execute("DELETE FROM entities WHERE pk = ?", (pk,))

    def merge_entities(self, keep: str, drop: str) -> dict[str, Any]:
        """Fold entity `drop` into `keep` (names or ids); later articles naming `drop` link to `keep`."""
        with self.db.transaction():
            a, b = self._one_entity(keep), self._one_entity(drop)
            if a == b:
                raise StoreError(f"{keep!r} and {drop!r} are already the same entity")
            linking.merge(self.db, a, b, keep_alias=True)
            return self._entity_row(a)

    def split_entity(self, name: str, variant: str) -> dict[str, Any]:
        """Give the articles that call entity `name` by `variant` their own entity again."""
        with self.db.transaction():
            pk = self._one_entity(name)
            entity = self._entity_row(pk)
            key = tx.name_key(variant)
            rows = self.db.query("SELECT doc, local_id FROM doc_entities WHERE entity = ? AND name_key = ?", (pk, key))
            if not rows:
                raise StoreError(f"entity {entity['name']!r} has no articles that name it {variant!r}")
            if key == tx.name_key(entity["name"]):
                raise StoreError(f"{variant!r} is the entity's own name: split off the other variant instead")
            self.db.execute("DELETE FROM entity_keys WHERE type = ? AND key = ?", (entity["type"], key))
            new = self.db.scalar("INSERT INTO entities (type, name, key, surname) VALUES (?, ?, ?, ?) RETURNING pk",
                                 (entity["type"], variant, key,
                                  tx.surname(key) if tx.is_person(entity["type"]) else None))
            self.db.execute("INSERT INTO entity_keys (type, key, entity) VALUES (?, ?, ?)", (entity["type"], key, new))
            for doc, _local in rows:
                for table, column in linking.ENTITY_REFERENCES:
                    if table == "quotes":
                        self.db.execute("UPDATE quotes SET speaker_entity = ? WHERE doc = ? AND speaker_entity = ?", (new, doc, pk))
                    elif table == "event_participants":
                        self.db.execute("UPDATE event_participants SET entity = ? WHERE entity = ? AND event IN "
                                        "(SELECT pk FROM events WHERE doc = ?)", (new, pk, doc))
                    else:
                        self.db.execute(f"UPDATE {table} SET {column} = ? WHERE doc = ? AND {column} = ?", (new, doc, pk))
            return self._entity_row(new)

    # == looking entities up ==========================================================================
    def resolve(self, name: str) -> list[int]:
        """Corpus entities a user's NAME means, most mentioned first (id `#12`, key, base forms, surname, part)."""
        name = (name or "").strip()
        if name.startswith("#") and _entity_number(name[1:]):
            return [int(name[1:])] if self.db.scalar("SELECT pk FROM entities WHERE pk = ?", (int(name[1:]),)) else []
        key = tx.name_key(name)
        if not key:
            return []
        keys = [key]
        words = key.split()
        if len(words) <= 4:
            variants = [tx.query_variants(w)[:4] for w in words]
            keys += [" ".join(combo) for combo in itertools.islice(itertools.product(*variants), 32)]
        keys = list(dict.fromkeys(keys))
        found = [r[0] for r in self.db.query(f"SELECT DISTINCT entity FROM entity_keys WHERE key IN ({_marks(keys)})", keys)]
        if not found and len(words) == 1:
            found = [r[0] for r in self.db.query(f"SELECT pk FROM entities WHERE surname IN ({_marks(keys)})", keys)]
        if not found and len(words) == 1:
            stems = tx.query_stems(words[0])
            if stems:
                found = [r[0] for r in self.db.query(
                    "SELECT pk FROM entities WHERE " + " OR ".join(["surname LIKE ? ESCAPE '\\'"] * len(stems)),
                    [_like(s)[1:] for s in stems])]
        if not found:
            found = [r[0] for r in self.db.query("SELECT pk FROM entities WHERE key LIKE ? ESCAPE '\\'", (_like(key),))]
        if not found:
            return self.role_holders(name)
        counts = dict(self.db.query(f"SELECT entity, count(*) FROM doc_entities WHERE entity IN ({_marks(found)}) "
                                    "GROUP BY entity", found))
        return sorted(found, key=lambda pk: (-counts.get(pk, 0), pk))

    def role_holders(self, role: str) -> list[int]:
        """Entities the corpus calls by `role` (`rzecznik Kremla`, `prezydent Rosji`), the most often so called first."""
        role = " ".join(role.split())
        # `+entity`: SQLite scans the table (2 ms for 21,000 roles), not the entity index row by row (6 ms)
        rows = self.db.query("SELECT +entity AS holder, count(DISTINCT doc) FROM entity_roles WHERE role IN (?, ?) "
                             "GROUP BY holder ORDER BY count(DISTINCT doc) DESC, holder", (role, role[:1].lower() + role[1:]))
        return [row[0] for row in rows]

    def _one_entity(self, name: str) -> int:
        found = self.resolve(name)
        if not found:
            raise EntityNotFound(name)
        return found[0]

    def _entity_row(self, pk: int) -> dict[str, Any]:
        row = self.db.one("SELECT pk, type, name FROM entities WHERE pk = ?", (pk,))
        if row is None:
            raise EntityNotFound(f"#{pk}")
        return {"id": row[0], "type": row[1], "name": row[2]}

    def find_entities(self, name: str | None = None, type: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Corpus entities (all, or those NAME means), with their document and mention counts."""
        where, params = [], []
        if name:
            ids = self.resolve(name)
            if not ids:
                return []
            where.append(f"e.pk IN ({_marks(ids)})")
            params += ids
        if type:
            where.append("e.type = ?")
            params.append(type)
        sql = ("SELECT e.pk, e.type, e.name, count(d.doc), coalesce(sum(d.mention_count), 0) FROM entities e "
               "LEFT JOIN doc_entities d ON d.entity = e.pk " + (f"WHERE {' AND '.join(where)} " if where else "") +
               "GROUP BY e.pk, e.type, e.name ORDER BY count(d.doc) DESC, e.name LIMIT ?")
        return [{"id": r[0], "type": r[1], "name": r[2], "documents": r[3], "mentions": int(r[4])}
                for r in self.db.query(sql, params + [limit])]

    # == queries ======================================================================================
    def get_document(self, doc_id: str) -> dict[str, Any]:
        row = self.db.one("SELECT analysis FROM documents WHERE id = ?", (str(doc_id),))
        if row is None:
            raise DocumentNotFound(str(doc_id))
        return json.loads(row[0])

    def find_quotes(self, speaker: str | None = None, text: str | None = None, since: str | None = None,
                    until: str | None = None, about: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Quotes, newest first, filtered by speaker, words (lemma-aware), dates, and entity mentioned inside."""
        where, params = [], []
        if speaker:
            ids = self.resolve(speaker)
            clause = "q.speaker_key IN (SELECT term FROM quote_terms WHERE kind = ? AND term LIKE ? ESCAPE '\\')"
            if ids:
                clause = f"(q.speaker_entity IN ({_marks(ids)}) OR {clause})"
            where.append(clause)
            params += [*ids, tx.SPEAKER, _like(tx.fold(speaker))]
        words = tx.query_words(text or "")
        narrowed = self._quote_candidates(words)
        for word in words:
            if narrowed is not None and word in narrowed[1]:
                continue  # the candidates hold exactly the quotes that match it
            alternatives = []
            for variant in tx.query_variants(word):
                alternatives.append("q.text_key LIKE ? ESCAPE '\\' OR (' ' || q.lemmas || ' ') LIKE ? ESCAPE '\\'")
                params += [_like(variant), _like(f" {variant} ")]
            for prefix in tx.query_stems(word):
                alternatives.append("(' ' || q.text_key) LIKE ? ESCAPE '\\'")
                params.append(_like(f" {prefix}"))
            where.append("(" + " OR ".join(alternatives) + ")")
        if about:
            ids = self.resolve(about)
            alternatives = []
            if ids:
                alternatives.append(f"EXISTS (SELECT 1 FROM mentions m WHERE m.doc = q.doc AND m.entity IN ({_marks(ids)}) "
                                    "AND m.start_char >= q.start_char AND m.end_char <= q.end_char)")
                params += ids
            last = tx.query_words(about)[-1:] or [about]
            for variant in tx.query_variants(last[0]):
                alternatives.append("(' ' || q.lemmas || ' ') LIKE ? ESCAPE '\\'")
                params.append(_like(f" {variant} "))
            for prefix in tx.query_stems(last[0]):
                alternatives.append("(' ' || q.text_key) LIKE ? ESCAPE '\\'")
                params.append(_like(f" {prefix}"))
            where.append("(" + " OR ".join(alternatives) + ")")
        self._date_filter(where, params, "q.date", since, until)
        if narrowed is not None:
            shortlist = self._newest_quotes(where, params, sorted(narrowed[0]), limit) if narrowed[0] else []
            if not shortlist:
                return []
            where.append(f"q.pk IN ({_marks(shortlist)})")
            params += shortlist
        sql = ("SELECT q.date, d.id, q.speaker, e.name, q.text, q.cue, q.kind, q.start_char, q.end_char FROM quotes q "
               "JOIN documents d ON d.pk = q.doc LEFT JOIN entities e ON e.pk = q.speaker_entity "
               + (f"WHERE {' AND '.join(where)} " if where else "") + "ORDER BY q.date DESC, d.id, q.ord LIMIT ?")
        return [{"date": r[0], "document": r[1], "speaker": r[2], "speaker_entity": r[3], "text": r[4], "cue": r[5],
                 "kind": r[6], "start": r[7], "end": r[8]} for r in self.db.query(sql, params + [limit])]

    def _quote_candidates(self, words: Sequence[str]) -> tuple[set[int], set[str]] | None:
        """(quotes that match the words the index narrows down, those words), from the quote word index;
        None when it narrows none down (then a newest-first scan is faster)."""
        terms = {word: found for word in words if (found := self._word_terms(word)) is not None}
        if not terms:
            return None
        if not all(terms.values()):
            return set(), set(terms)
        few = {word: quotes for word, found in terms.items() if (quotes := self._quotes_with(found)) is not None}
        if few:
            return set.intersection(*few.values()), set(few)
        if len(terms) > 1:  # frequent words can still be rare together
            together = self._quotes_with(*terms.values())
            return None if together is None else (together, set(terms))
        return None

    def _quotes_with(self, *groups: list[int]) -> set[int] | None:
        """Quotes that have a term of every group, or None if more than MAX_CANDIDATES."""
        rows = self.db.query(" INTERSECT ".join(f"SELECT DISTINCT quote FROM quote_postings WHERE term IN ({_marks(g)})"
                                                for g in groups) + " LIMIT ?",
                             [*itertools.chain(*groups), MAX_CANDIDATES + 1])
        return {r[0] for r in rows} if len(rows) <= MAX_CANDIDATES else None

    def _newest_quotes(self, where: list[str], params: list[Any], candidates: list[int], limit: int) -> list[int]:
        """The candidates that can be among the `limit` newest quotes matching `where`: the `limit` newest,
        found by walking the date index, and all as new as the last of them (ties are broken by document id)."""
        if len(candidates) <= SHORTLIST_ABOVE:
            return candidates
        # `+`: a membership test (first, before reading the row for the other clauses) while walking by date
        clauses = " AND ".join([f"+q.pk IN ({_marks(candidates)})", *where])
        top = self.db.query(f"SELECT q.pk, q.date FROM quotes q WHERE {clauses} ORDER BY q.date DESC LIMIT ?",
                            [*candidates, *params, limit])
        if not top or len(top) < limit:
            return [pk for pk, _ in top]
        last = top[-1][1]
        ties = self.db.query(f"SELECT q.pk FROM quotes q WHERE {clauses} AND "
                             + ("q.date IS NULL" if last is None else "q.date = ?"),
                             [*candidates, *params, *([] if last is None else [last])])
        return sorted({pk for pk, _ in top} | {r[0] for r in ties})

    def _word_terms(self, word: str) -> list[int] | None:
        """The quote index terms a query word matches as `find_quotes`' patterns would; None if too many or none apply.

        Index terms and query variants are both casefolded, so substring, prefix and equality tests on the
        terms agree with the LIKE patterns on the quotes (see `text.quote_terms`).
        """
        variants, stems = tx.query_variants(word), tx.query_stems(word)
        if any(not v or " " in v for v in variants + stems):
            return None
        inside = [v for v in variants if not any(u != v and u in v for u in variants)]
        starts = [s for s in stems if not any(u in s for u in inside)]
        contains = "instr(term, ?) > 0" if self.dialect == "sqlite" else "strpos(term, ?) > 0"
        chunk_tests = " OR ".join([contains] * len(inside) + ["substr(term, 1, ?) = ?"] * len(starts))
        terms = [r[0] for r in self.db.query(
            f"SELECT pk FROM quote_terms WHERE (kind = ? AND ({chunk_tests})) OR (kind = ? AND term IN ({_marks(variants)})) "
            "LIMIT ?", [tx.CHUNK, *inside, *(x for s in starts for x in (len(s), s)), tx.LEMMA, *variants, MAX_TERMS + 1])]
        return terms if len(terms) <= MAX_TERMS else None

    @staticmethod
    def _date_filter(where: list[str], params: list[Any], column: str, since: str | None, until: str | None) -> None:
        if since:
            where.append(f"{column} >= ?")
            params.append(_date(since, "--since date"))
        if until:
            where.append(f"{column} <= ?")
            params.append(_date(until, "--until date"))

    def entity_profile(self, name: str, quotes: int = 5, related: int = 10) -> dict[str, Any]:
        """What the corpus says about one entity: mentions by kind, roles, co-mentions, latest quotes, events."""
        found = self.resolve(name)
        if not found:
            raise EntityNotFound(name)
        pk = found[0]
        entity = self._entity_row(pk)
        docs, mentions, first, last = self.db.one(
            "SELECT count(*), coalesce(sum(mention_count), 0), min(date), max(date) FROM doc_entities WHERE entity = ?", (pk,))
        kinds = self.db.query("SELECT coalesce(kind, '-'), count(*) FROM mentions WHERE entity = ? GROUP BY kind "
                              "ORDER BY count(*) DESC, coalesce(kind, '-')", (pk,))
        variants = self.db.query("SELECT text, count(*) FROM mentions WHERE entity = ? GROUP BY text "
                                 "ORDER BY count(*) DESC, text LIMIT 10", (pk,))
        roles = self.db.query("SELECT role, count(*) FROM entity_roles WHERE entity = ? GROUP BY role "
                              "ORDER BY count(*) DESC, role LIMIT 10", (pk,))
        periods = self.db.query("SELECT r.role, min(d.date), max(d.date), count(DISTINCT r.doc) FROM entity_roles r "
                                "JOIN doc_entities d ON d.doc = r.doc AND d.entity = r.entity WHERE r.entity = ? "
                                "GROUP BY r.role ORDER BY count(DISTINCT r.doc) DESC, min(d.date), r.role LIMIT 10", (pk,))
        co = self.db.query("SELECT e.pk, e.type, e.name, c.documents FROM (SELECT entity, count(DISTINCT doc) AS documents "
                           "FROM doc_entities WHERE doc IN (SELECT doc FROM doc_entities WHERE entity = ?) AND entity <> ? "
                           "GROUP BY entity) c JOIN entities e ON e.pk = c.entity ORDER BY c.documents DESC, e.name LIMIT ?",
                           (pk, pk, related))
        latest = self.db.query("SELECT q.date, d.id, q.text FROM quotes q JOIN documents d ON d.pk = q.doc "
                               "WHERE q.speaker_entity = ? ORDER BY q.date DESC, d.id DESC, q.ord LIMIT ?", (pk, quotes))
        said = self.db.scalar("SELECT count(*) FROM quotes WHERE speaker_entity = ?", (pk,))
        events = self.db.query("SELECT coalesce(ev.type, '-'), count(DISTINCT ev.pk) FROM event_participants p "
                               "JOIN events ev ON ev.pk = p.event WHERE p.entity = ? GROUP BY ev.type "
                               "ORDER BY count(DISTINCT ev.pk) DESC, coalesce(ev.type, '-')", (pk,))
        also = [self._entity_row(other) for other in found[1:6]]
        return {**entity, "documents": docs, "mentions": int(mentions), "first_seen": first, "last_seen": last,
                "mention_kinds": dict(kinds), "variants": dict(variants), "roles": dict(roles),
                "role_periods": [{"role": r[0], "since": r[1], "until": r[2], "documents": r[3]} for r in periods],
                "co_mentioned": [{"id": r[0], "type": r[1], "name": r[2], "documents": r[3]} for r in co],
                "quotes": said, "latest_quotes": [{"date": r[0], "document": r[1], "text": r[2]} for r in latest],
                "events": dict(events), "also_matches": also}

    def find_events(self, type: str | None = None, with_: str | None = None, since: str | None = None,
                    until: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Events, newest first: by type (or CAMEO code prefix), participant entity, dates."""
        where, params = [], []
        if type:
            where.append("(ev.type = ? OR ev.cameo LIKE ? ESCAPE '\\')")
            params += [type, _like(type)[1:]]
        if with_:
            ids = self.resolve(with_)
            clause = "p.name_key LIKE ? ESCAPE '\\'"
            args: list[Any] = [_like(tx.name_key(with_))]
            if ids:
                clause = f"(p.entity IN ({_marks(ids)}) OR {clause})"
                args = ids + args
            where.append(f"EXISTS (SELECT 1 FROM event_participants p WHERE p.event = ev.pk AND {clause})")
            params += args
        self._date_filter(where, params, "ev.date", since, until)
        rows = self.db.query("SELECT ev.pk, ev.date, d.id, ev.type, ev.cameo, ev.event_time, ev.place, ev.status, ev.data "
                             "FROM events ev JOIN documents d ON d.pk = ev.doc "
                             + (f"WHERE {' AND '.join(where)} " if where else "")
                             + "ORDER BY ev.date DESC, d.id, ev.ord LIMIT ?", params + [limit])
        participants: dict[int, list[dict[str, Any]]] = {r[0]: [] for r in rows}
        if rows:
            keys = list(participants)
            for event, name, role, entity in self.db.query(
                    "SELECT p.event, coalesce(e.name, p.name), p.role, p.entity FROM event_participants p "
                    f"LEFT JOIN entities e ON e.pk = p.entity WHERE p.event IN ({_marks(keys)})", keys):
                participants[event].append({"name": name, "role": role, "entity": entity})
        return [{"date": r[1], "document": r[2], "type": r[3], "cameo": r[4], "time": r[5], "place": r[6], "status": r[7],
                 "participants": participants[r[0]], "text": _event_text(r[8])} for r in rows]

    def timeline(self, name: str, limit: int = 500) -> list[dict[str, Any]]:
        """Everything dated about one entity, oldest first: articles naming it, its quotes, its events."""
        pk = self._one_entity(name)
        items = [{"date": r[0], "document": r[1], "what": "mentioned", "detail": f"{r[2]} mention(s) as {r[3]}"}
                 for r in self.db.query("SELECT de.date, d.id, de.mention_count, de.name FROM doc_entities de "
                                        "JOIN documents d ON d.pk = de.doc WHERE de.entity = ?", (pk,))]
        items += [{"date": r[0], "document": r[1], "what": "quote", "detail": r[2]}
                  for r in self.db.query("SELECT q.date, d.id, q.text FROM quotes q JOIN documents d ON d.pk = q.doc "
                                         "WHERE q.speaker_entity = ?", (pk,))]
        items += [{"date": r[0], "document": r[1], "what": f"event {r[2] or '?'}", "detail": _event_text(r[4]) or (r[3] or "")}
                  for r in self.db.query("SELECT DISTINCT ev.date, d.id, ev.type, p.role, ev.data, ev.ord FROM events ev "
                                         "JOIN documents d ON d.pk = ev.doc JOIN event_participants p ON p.event = ev.pk "
                                         "WHERE p.entity = ?", (pk,))]
        order = {"mentioned": 0, "quote": 1}
        items.sort(key=lambda i: (i["date"] or "9999", i["document"], order.get(i["what"], 2)))
        return items[:limit]

    def search(self, words: str | Sequence[str], limit: int = 20) -> list[dict[str, Any]]:
        """Articles containing every word (any inflected form: `Łukaszenkę` finds `Łukaszenka`), best first
        (ties: the most recently stored first). When more than RANKED_MATCHES articles match, the best of
        the RANKED_MATCHES most recently stored ones are returned: ranking costs time per match."""
        words = tx.query_words(words)
        if not words:
            raise StoreError("search needs at least one word")
        groups = [(tx.query_variants(w), [s for s in tx.query_stems(w) if s.isalnum()]) for w in words]
        rows = self._search_sqlite(groups, limit) if self.dialect == "sqlite" else self._search_postgres(groups, limit)
        return [{"document": r[0], "date": r[1], "score": round(float(r[2]), 6), "snippet": " ".join(str(r[3]).split())}
                for r in rows]

    def _search_sqlite(self, groups: list[tuple[list[str], list[str]]], limit: int) -> list[tuple]:
        """(id, date, score, snippet) of the best FTS5 matches among the newest RANKED_MATCHES: the rowid
        constraint bounds bm25 and the sort; snippets are made for the returned rows only."""
        quote = lambda term: '"' + term.replace('"', '""') + '"'  # noqa: E731
        match = " AND ".join("(" + " OR ".join([quote(v) for v in terms] + [quote(s) + "*" for s in stems]) + ")"
                             for terms, stems in groups)
        with self.db.transaction(write=False):  # one snapshot for the three statements
            oldest = self.db.scalar("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? "
                                    "ORDER BY rowid DESC LIMIT 1 OFFSET ?", (match, RANKED_MATCHES - 1))
            hits = self.db.query("SELECT rowid, -bm25(documents_fts) AS score, "
                                 "snippet(documents_fts, 0, '[', ']', '…', 16) FROM documents_fts "
                                 "WHERE documents_fts MATCH ? AND rowid >= ? ORDER BY score DESC, rowid DESC LIMIT ?",
                                 (match, oldest or 0, limit))
            keys = [pk for pk, _, _ in hits]
            documents = {r[0]: r[1:] for r in self.db.query(
                f"SELECT pk, id, date FROM documents WHERE pk IN ({_marks(keys)})", keys)} if keys else {}
        return [(*documents[pk], score, snippet) for pk, score, snippet in hits]

    def _search_postgres(self, groups: list[tuple[list[str], list[str]]], limit: int) -> list[tuple]:
        """(id, date, score, snippet) as `_search_sqlite`: ts_rank over the newest RANKED_MATCHES matches,
        ts_headline for the returned rows only."""
        parts, params = [], []
        for terms, stems in groups:
            alternatives = ["plainto_tsquery('simple', ?)"] * len(terms) + ["to_tsquery('simple', ?)"] * len(stems)
            parts.append("(" + " || ".join(alternatives) + ")")
            params += terms + ["'" + s.replace("'", "''") + "':*" for s in stems]
        return self.db.query(
            f"WITH q AS (SELECT {' && '.join(parts)} AS q), "
            "matches AS MATERIALIZED (SELECT d.pk FROM documents d, q WHERE d.tsv @@ q.q), "  # by the GIN index
            "newest AS (SELECT pk FROM matches ORDER BY pk DESC LIMIT ?), "
            "best AS (SELECT d.pk, d.id, d.date, d.text, ts_rank(d.tsv, q.q) AS score FROM newest m "
            "JOIN documents d ON d.pk = m.pk, q ORDER BY score DESC, d.pk DESC LIMIT ?) "
            "SELECT b.id, b.date, b.score, "
            "ts_headline('simple', b.text, q.q, 'MaxWords=24, MinWords=10, StartSel=[, StopSel=]') "
            "FROM best b, q ORDER BY b.score DESC, b.pk DESC", params + [RANKED_MATCHES, limit])

    def stats(self) -> dict[str, Any]:
        """Counts of everything, as a stable object."""
        count = lambda table: int(self.db.scalar(f"SELECT count(*) FROM {table}") or 0)  # noqa: E731
        dates = self.db.one("SELECT min(date), max(date) FROM documents")
        return {"documents": count("documents"), "quotes": count("quotes"), "entities": count("entities"),
                "mentions": count("mentions"), "events": count("events"), "times": count("times"),
                "failed": count("failures"), "first_date": dates[0], "last_date": dates[1],
                "backend": self.dialect, "schema_version": self.version}

    def failures(self) -> list[dict[str, str]]:
        return [{"id": r[0], "reason": r[1], "failed_at": r[2]}
                for r in self.db.query("SELECT id, reason, failed_at FROM failures ORDER BY id")]

    # == export =======================================================================================
    def iter_analyses(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every stored analysis, by document id."""
        last = ""
        while True:
            rows = self.db.query("SELECT id, analysis FROM documents WHERE id > ? ORDER BY id LIMIT ?", (last, batch))
            if not rows:
                return
            for doc_id, analysis in rows:
                yield json.loads(analysis)
            last = rows[-1][0]

    def iter_quotes(self) -> Iterator[dict[str, Any]]:
        rows = self.db.query("SELECT d.id, q.date, q.start_char, q.end_char, q.speaker, e.name, q.cue, q.kind, q.text "
                             "FROM quotes q JOIN documents d ON d.pk = q.doc LEFT JOIN entities e ON e.pk = q.speaker_entity "
                             "ORDER BY d.id, q.ord")
        for r in rows:
            yield {"document": r[0], "date": r[1], "start": r[2], "end": r[3], "speaker": r[4], "speaker_entity": r[5],
                   "cue": r[6], "kind": r[7], "text": r[8]}

    def comention_graph(self, min_documents: int = 1) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Nodes (entities with document counts) and edges (pairs named in the same articles, weighted)."""
        nodes = [{"id": r[0], "type": r[1], "name": r[2], "documents": r[3]} for r in self.db.query(
            "SELECT e.pk, e.type, e.name, count(d.doc) FROM entities e JOIN doc_entities d ON d.entity = e.pk "
            "GROUP BY e.pk, e.type, e.name ORDER BY e.pk")]
        edges = [{"source": r[0], "target": r[1], "weight": r[2]} for r in self.db.query(
            "SELECT a.entity, b.entity, count(DISTINCT a.doc) FROM doc_entities a JOIN doc_entities b "
            "ON b.doc = a.doc AND a.entity < b.entity GROUP BY a.entity, b.entity HAVING count(DISTINCT a.doc) >= ? "
            "ORDER BY a.entity, b.entity", (min_documents,))]
        return nodes, edges


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _event_text(data: str | None) -> str:
    try:
        event = json.loads(data or "{}")
    except json.JSONDecodeError:
        return ""
    mentions = event.get("mentions") or []
    if mentions and isinstance(mentions[0], dict):
        return str(mentions[0].get("text") or "")
    return str(event.get("text") or "")


def _cue_text(cue: dict | str | None) -> str | None:
    """The cue as stored: its text (`analyze` gives {start, end, text, lemma})."""
    return cue.get("text") if isinstance(cue, dict) else cue


def _acronym(mention: dict[str, Any]) -> bool:
    """`PiS`, `NBP`, `WNP`: a name mention of two or more capitals and no spaces."""
    text = str(mention.get("text") or "")
    return mention.get("kind", "name") == "name" and " " not in text and sum(c.isupper() for c in text) >= 2 \
        and len(text) <= 8


def _entity_number(text: str) -> bool:
    """`12` in `#12`: ASCII digits that fit a database integer (not `²`, not forty nines)."""
    return text.isascii() and text.isdigit() and len(text) <= 18
