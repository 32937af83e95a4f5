"""One thin connection layer over SQLite and PostgreSQL: `?` placeholders, transactions, dialect name.

All SQL in the store is written once with `?` placeholders and parameters only; for PostgreSQL the
placeholders become `%s`. Writers are serialised: SQLite by `BEGIN IMMEDIATE` (WAL mode, busy
timeout), PostgreSQL by a transaction-level advisory lock, so concurrent ingests never race.
An ingest moves SQLite's WAL checkpoints off the writer's path (`Database.background_checkpoints`).
Driver errors become named errors: `DiskFull` and `ReadOnlyDatabase` when the database takes no more
writes, `StoreError` otherwise.
"""
from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kronika.errors import KronikaError
from kronika.store.errors import DiskFull, ReadOnlyDatabase, StorageError, StoreError

DEFAULT_DB = "kronika.db"
WRITE_LOCK = 0x6B726F6E  # "kron": the PostgreSQL advisory lock id that serialises writers
BUSY_TIMEOUT_MS = 60_000
WAL_LIMIT = 16 * 1024 * 1024  # bytes: a writer with background checkpoints checkpoints itself beyond this
CHECKPOINT_INTERVAL = 1.0  # seconds: background checkpoints run at most this often
# Driver errors of a database that takes no more writes: SQLite result codes (extended, else primary), SQLSTATEs.
SQLITE_UNWRITABLE = {sqlite3.SQLITE_FULL: DiskFull, sqlite3.SQLITE_IOERR_WRITE: DiskFull,
                     sqlite3.SQLITE_IOERR_FSYNC: DiskFull, sqlite3.SQLITE_IOERR_TRUNCATE: DiskFull,
                     sqlite3.SQLITE_READONLY: ReadOnlyDatabase}
POSTGRES_UNWRITABLE = {"53100": DiskFull, "25006": ReadOnlyDatabase}  # disk_full, read_only_sql_transaction
ADVICE = {
    DiskFull: "The disk is full or failing (or over quota, or at a file size limit): free some space and run the "
              "command again. Documents stored before are whole.",
    ReadOnlyDatabase: "The database is read-only: give this user write access (for SQLite to the file and to its "
                      "directory, where the -wal and -shm files go), or work on a writable copy.",
}


def describe(url: str) -> tuple[str, str]:
    """`kronika.db`, `sqlite:///path`, `postgresql://…` -> (dialect, target)."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql", url
    if url.startswith("sqlite:///"):
        return "sqlite", url[len("sqlite:///") :] or DEFAULT_DB
    if url.startswith("sqlite://"):
        raise StoreError(f"invalid SQLite URL {url!r}: use sqlite:///relative/path or sqlite:////absolute/path")
    if re.match(r"^[a-z][a-z0-9+.-]*://", url):
        raise StoreError(f"unsupported database URL {url!r}: use a file path, sqlite:///path or postgresql://…")
    return "sqlite", url


class Database:
    """A connection with `execute`, `query`, `one`, `scalar` and `transaction()`."""

    dialect: str

    def __init__(self, url: str) -> None:
        self.url = url
        self.dialect, target = describe(url)
        self.where = target if self.dialect == "sqlite" else _redact(target)
        self._depth = 0
        self._checkpointer: Checkpointer | None = None
        if self.dialect == "sqlite":
            self._conn = _open_sqlite(target)
        else:
            self._conn = _open_postgres(target)

    # -- statements -----------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self._conn.execute(self._sql(sql), tuple(params))
        except Exception as error:  # both drivers: re-raised as a named error with the statement's head
            raise self._named(error, sql) from error

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        try:
            if self.dialect == "sqlite":
                self._conn.executemany(sql, rows)
            else:
                with self._conn.cursor() as cursor:
                    cursor.executemany(self._sql(sql), rows)
        except Exception as error:
            raise self._named(error, sql) from error

    def _named(self, error: Exception, sql: str) -> KronikaError:
        """The named error for a driver's error in statement `sql`."""
        if isinstance(error, KronikaError):
            return error
        unwritable = _unwritable(error)
        if unwritable:
            return unwritable(f"cannot write to the database {self.where}: {str(error).strip()}. {ADVICE[unwritable]}")
        return StoreError(f"database error ({self.dialect}): {error} [in: {sql.strip()[:80]}]")

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return [tuple(row) for row in self.execute(sql, params).fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        row = self.execute(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.one(sql, params)
        return row[0] if row else None

    # -- transactions ---------------------------------------------------------------------------
    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[None]:
        """All or nothing; nested calls join the outer transaction. Writers are serialised."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            if self.dialect == "sqlite":
                self._conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            else:
                self._conn.execute("BEGIN")
                if write:
                    self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield
        except BaseException:
            self._depth = 0
            try:
                self._conn.execute("ROLLBACK")
            except Exception:
                pass
            raise
        else:
            self._depth = 0
            try:
                self._conn.execute("COMMIT")
            except Exception as error:
                raise self._named(error, "COMMIT") from error
            if self._checkpointer:
                self._checkpointer.committed(self._conn)

    @contextmanager
    def background_checkpoints(self) -> Iterator[None]:
        """While the block runs, SQLite WAL checkpoints run in a background thread (see `Checkpointer`)
        instead of in this connection's commits; nothing on PostgreSQL or an in-memory database."""
        target = describe(self.url)[1]
        if self.dialect != "sqlite" or target == ":memory:" or self._checkpointer:
            yield
            return
        automatic = self._conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        self._conn.execute("PRAGMA wal_autocheckpoint = 0")
        self._conn.execute(f"PRAGMA journal_size_limit = {WAL_LIMIT}")
        self._checkpointer = Checkpointer(target)
        try:
            yield
        finally:
            self._checkpointer.close()
            self._checkpointer = None
            self._conn.execute(f"PRAGMA wal_autocheckpoint = {automatic}")

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def close(self) -> None:
        try:
            self._conn.close()
        except Exception:
            pass


class Checkpointer:
    """WAL checkpoints off a writer's path: a thread with its own connection copies committed pages into
    the database file (PASSIVE: it neither waits for nor blocks readers and writers) at most every
    CHECKPOINT_INTERVAL seconds after commits, so commits no longer wait on the checkpoints' fsyncs.

    The WAL stays bounded: a commit that leaves it over WAL_LIMIT bytes checkpoints on the writer's
    connection (RESTART: waits for the background one and for readers, up to the busy timeout), and
    `journal_size_limit` truncates the file back when SQLite restarts the log from its start.
    """

    def __init__(self, path: str) -> None:
        self.wal = path + "-wal"
        self.lock = threading.Lock()  # one checkpoint at a time in this process
        self.wake, self.stop = threading.Event(), threading.Event()
        self.conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                    check_same_thread=False)
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.thread = threading.Thread(target=self._run, name="kronika-checkpoints", daemon=True)
        self.thread.start()

    def committed(self, writer: sqlite3.Connection) -> None:
        """Called after each commit on `writer`."""
        if os.path.exists(self.wal) and os.path.getsize(self.wal) > WAL_LIMIT:
            self._checkpoint(writer, "RESTART")
        self.wake.set()

    def _run(self) -> None:
        while self.wake.wait() and not self.stop.is_set():
            self.wake.clear()
            self._checkpoint(self.conn, "PASSIVE")
            self.stop.wait(CHECKPOINT_INTERVAL)

    def _checkpoint(self, conn: sqlite3.Connection, mode: str) -> None:
        """One checkpoint; its errors (a full disk) are left for the writer's next statement to report."""
        with self.lock:
            try:
                conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchall()
            except sqlite3.Error:
                pass

    def close(self) -> None:
        self.stop.set()
        self.wake.set()
        self.thread.join()
        self.conn.close()


def _open_sqlite(path: str) -> sqlite3.Connection:
    if path != ":memory:":
        parent = Path(path).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"cannot open SQLite database {path!r}: directory {parent} does not exist")
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        raise _cannot_open(path, error) from error
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
        conn.execute("DROP TABLE temp.fts5_probe")
    except sqlite3.OperationalError as error:
        raise StoreError(f"this SQLite ({sqlite3.sqlite_version}) has no FTS5: {error}") from error
    return conn


def _cannot_open(path: str, error: sqlite3.DatabaseError) -> StoreError:
    """Why SQLite cannot open `path`; a read-only directory is named as the cause."""
    parent = Path(path).expanduser().resolve().parent
    if path != ":memory:" and not os.access(parent, os.W_OK):
        return StoreError(f"cannot open SQLite database {path!r} ({error}): its directory {parent} is read-only, and "
                          "SQLite must create the database's -wal and -shm files there: make the directory writable, "
                          "or copy the database to a writable one")
    return StoreError(f"cannot open SQLite database {path!r}: {error}")


def _unwritable(error: Exception) -> type[StorageError] | None:
    """DiskFull or ReadOnlyDatabase when a driver's error means the database takes no more writes."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", 0)
        return SQLITE_UNWRITABLE.get(code) or SQLITE_UNWRITABLE.get(code & 0xFF)
    return POSTGRES_UNWRITABLE.get(getattr(error, "sqlstate", None) or "")


def _open_postgres(url: str) -> Any:
    try:
        import psycopg
    except ImportError as error:
        raise StoreError("PostgreSQL needs psycopg 3: pip install 'psycopg[binary]'") from error
    try:
        return psycopg.connect(url, autocommit=True)
    except psycopg.Error as error:
        raise StoreError(f"cannot connect to PostgreSQL at {_redact(url)}: {str(error).strip()}") from error


def _redact(url: str) -> str:
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)
