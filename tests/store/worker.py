"""A separate ingest process for kill and concurrency tests: `python -m tests.store.worker URL FIRST LAST [SLEEP]`.

Ingests synthetic articles FIRST..LAST-1 through `kronika.store.ingest.ingest` with a stand-in analyser
(the hand-made analyses of `corpus.synthetic`), sleeping SLEEP seconds per document to leave time to kill it.
"""
from __future__ import annotations

import datetime as dt
import sys
import time

from kronika.store import Store
from kronika.store.ingest import ingest
from kronika.textio import Source
from tests.store.corpus import synthetic

TOTAL = 400


class FakeDocument:
    def __init__(self, analysis: dict, text: str) -> None:
        self.id, self.text, self.analysis = analysis["id"], text, analysis

    def to_json(self, tokens: bool = False) -> dict:
        return dict(self.analysis)


def sources(first: int, last: int) -> list[Source]:
    return [Source(a["id"], text, dt.date.fromisoformat(a["date"])) for a, text in synthetic(TOTAL)[first:last]]


def fake_analyzer(pause: float):
    by_id = {a["id"]: (a, text) for a, text in synthetic(TOTAL)}

    def analyze(items):
        for source in items:
            time.sleep(pause)
            yield FakeDocument(*by_id[source.id])
    return analyze


def main(url: str, first: int, last: int, pause: float = 0.0) -> None:
    with Store.open(url) as store:
        summary = ingest(store, sources(first, last), analyze=fake_analyzer(pause))
    print(f"added {summary.added} unchanged {summary.unchanged} updated {summary.updated} failed {len(summary.failed)}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]) if len(sys.argv) > 4 else 0.0)
