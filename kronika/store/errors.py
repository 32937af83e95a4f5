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
