"""Kronika on the web: a JSON API and server-rendered pages over a store (`kronika serve`).

`create_app(db_url, token=None, max_chars=200_000)` builds the FastAPI application; importing this
package does not import FastAPI (the `serve` command imports it lazily).
"""
from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from kronika.web.app import create_app

        return create_app
    raise AttributeError(f"module 'kronika.web' has no attribute {name!r}")
