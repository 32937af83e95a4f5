"""Shared fixtures: paths to the bundled example and to the shared data (skipped when absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
EXAMPLE = ROOT / "examples" / "wizyta-w-gdansku.txt"
SEED = SHARED / "seed" / "000_ee61cc30a8ce32d2.txt"


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("shared seed article not available")
    return SEED


def shared(relative: str) -> Path:
    """A file under ../shared/data, or skip the test."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path
