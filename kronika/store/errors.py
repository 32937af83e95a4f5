"""Named errors of the store, each with a message that says what failed and what to do."""
from __future__ import annotations

from kronika.errors import KronikaError


class StoreError(KronikaError):
    """The database cannot be opened, migrated or written, or a request to it is invalid."""


class DocumentNotFound(StoreError):
    """No stored document has the requested id."""

    def __init__(self, doc_id: str) -> None:
        super().__init__(f"no document with id {doc_id!r} in the store")
        self.doc_id = doc_id


class EntityNotFound(StoreError):
    """No corpus entity matches the requested name or id."""

    def __init__(self, name: str) -> None:
        super().__init__(f"no entity matches {name!r} in the store (try `kronika stats` or a shorter name)")
        self.name = name


class StorageError(KronikaError):
    """The database takes no more writes: the disk is full or failing, or the database is read-only.

    Deliberately not a StoreError: ingest skips a document whose save raises a StoreError and goes on,
    but these are no document's fault, so the run stops; documents stored before it stay whole.
    """


class DiskFull(StorageError):
    """A write failed for lack of space (or over a quota or a file size limit, or on an I/O error)."""


class ReadOnlyDatabase(StorageError):
    """The database file, its directory or the server accepts no writes."""
