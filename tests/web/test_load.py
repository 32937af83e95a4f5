"""A short run of bench/api_load.py: `kronika serve` on loopback under 8 concurrent clients for 5 s, no errors."""
from __future__ import annotations

import random

import pytest

from bench.api_load import endpoints, run
from kronika.store import Store
from kronika.web.app import create_app
from tests.store import corpus


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory) -> str:
    url = str(tmp_path_factory.mktemp("load") / "kronika.db")
    with Store.open(url) as store:
        corpus.load(store)
        for analysis, text in corpus.synthetic(200):
            store.save_document(analysis, text)
    return url


def test_the_load_covers_every_api_endpoint(filled_db: str) -> None:
    paths = create_app(filled_db).openapi()["paths"]
    api = {f"{method.upper()} {path}" for path, operations in paths.items() if path.startswith("/api/")
           for method in operations}
    assert api == set(endpoints({}, random.Random()))


def test_eight_clients_for_five_seconds_get_no_errors(filled_db: str) -> None:
    results = run(filled_db, clients=8, duration=5, size=100, analyze_share=0.02, seed=1)
    print(results)
    assert results["warm_up_errors"] == 0 and results["total"]["errors"] == 0, results["endpoints"]
    assert set(results["endpoints"]) == set(endpoints({}, random.Random()))
    assert all(row["n"] > 0 for row in results["endpoints"].values())
