"""Kronika: who said what, when and what happened, from Polish news."""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "analyze", "load"]


def __getattr__(name: str):
    """Import the pipeline lazily, so that `import kronika` stays cheap."""
    if name in ("analyze", "load", "analyze_many"):
        from kronika import core

        return getattr(core, name)
    raise AttributeError(f"module 'kronika' has no attribute {name!r}")
