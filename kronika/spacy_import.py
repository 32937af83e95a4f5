"""Import spaCy without its command-line package, for a fast `kronika` start.

`import spacy` runs `from .cli.info import info`, which imports every spaCy command (typer,
weasel, the project and download machinery): about a third of spaCy's import time, none of
it needed to analyse text.  `import_spacy()` imports spaCy with placeholder `spacy.cli`
modules, then removes them, so a later `import spacy.cli` loads the real package and
`spacy.info` still works (it imports the real command on first call).
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

_PLACEHOLDERS = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, loaded on first use."""
    return importlib.import_module("spacy.cli.info").info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """`spacy`, imported without `spacy.cli` unless something imported it already."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        raise ImportError("spaCy is not installed")
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = [str(Path(spec.origin).parent / "cli")]
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        import spacy
    finally:
        for name in _PLACEHOLDERS:
            if sys.modules.get(name) in (cli, info):
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli
    return spacy
