"""Kronika's store: analysed articles in SQLite (default) or PostgreSQL, linked entities, queries, export.

    from kronika.store import Store
    with Store.open("kronika.db") as store:
        store.save_document(analysis, text)
        store.find_quotes(speaker="Łukaszenka")
"""
from kronika.store.db import DEFAULT_DB
from kronika.store.errors import DiskFull, DocumentNotFound, EntityNotFound, ReadOnlyDatabase, StorageError, StoreError
from kronika.store.store import Store
from kronika.store.text import content_hash

__all__ = [
    "DEFAULT_DB", "DiskFull", "DocumentNotFound", "EntityNotFound", "ReadOnlyDatabase", "Store", "StorageError",
    "StoreError", "content_hash",
]
