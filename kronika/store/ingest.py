"""Ingest: read sources, skip unchanged ones unanalysed, analyse the rest, store each in one transaction."""
from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kronika.store.store import Store
from kronika.store.text import content_hash
from kronika.textio import Failure, Source

Analyzer = Callable[[Iterable[Source | Failure]], Iterator[Any]]
Progress = Callable[[str, str], None]  # (status, document id)


@dataclass
class IngestSummary:
    added: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.added + self.unchanged + self.updated + len(self.failed)

    def to_json(self) -> dict[str, Any]:
        return {"added": self.added, "unchanged": self.unchanged, "updated": self.updated,
                "failed": len(self.failed), "failures": [{"id": i, "reason": r} for i, r in self.failed]}


def source_hash(source: Source) -> str:
    return content_hash(source.text, source.date.isoformat() if source.date else None)


@dataclass
class Analysed:
    """A document's analysis as JSON (from a worker process or Dask), with the text it was made from."""

    id: str
    text: str
    data: dict

    def to_json(self, tokens: bool = True) -> dict:
        return self.data


def json_analyzer(run: Callable[[Iterable[Source | Failure]], Iterator[dict | Failure]]) -> Analyzer:
    """An `Analyzer` over a runner that gives JSON objects or Failures in input order, one per source."""

    def analyze(sources: Iterable[Source | Failure]) -> Iterator[Analysed | Failure]:
        sent: deque[Source | Failure] = deque()

        def remembered() -> Iterator[Source | Failure]:
            for source in sources:
                sent.append(source)
                yield source

        for result in run(remembered()):
            source = sent.popleft()
            yield result if isinstance(result, Failure) else Analysed(source.id, source.text, result)

    return analyze


def ingest(store: Store, sources: Iterable[Source | Failure], analyze: Analyzer | None = None,
           progress: Progress | None = None, default_date: dt.date | None = None) -> IngestSummary:
    """Store every source's analysis. Unchanged documents (same id and content hash) are not re-analysed.

    `analyze` maps sources to `Document`s or `Failure`s in order (default: `kronika.core.analyze_many`);
    anything with `.id`, `.text` and `.to_json(tokens=True)` will do.
    """
    summary = IngestSummary()
    hashes: dict[str, str] = {}
    report = progress or (lambda status, doc_id: None)

    def fail(doc_id: str, reason: str) -> None:
        store.record_failure(doc_id, reason)
        summary.failed.append((doc_id, reason))
        report("failed", doc_id)

    def pending() -> Iterator[Source | Failure]:
        for source in sources:
            if isinstance(source, Failure):
                fail(source.id, source.reason)
                continue
            if default_date and not source.date:
                source = replace(source, date=default_date)
            digest = source_hash(source)
            if store.document_hash(source.id) == digest:
                summary.unchanged += 1
                report("unchanged", source.id)
                continue
            hashes[source.id] = digest
            yield source

    def save(result: Any) -> None:
        if isinstance(result, Failure):
            hashes.pop(result.id, None)
            fail(result.id, result.reason)
            return
        data = result.to_json(tokens=True)
        tokens = data.pop("tokens", None)
        try:
            status = store.save_document(data, result.text, hashes.pop(result.id, None), tokens)
        except Exception as error:  # noqa: BLE001 - one bad document never stops a batch
            from kronika.store.errors import StoreError
            if not isinstance(error, StoreError):
                raise
            fail(result.id, str(error))
            return
        setattr(summary, status, getattr(summary, status) + 1)
        report(status, result.id)

    if analyze is None:
        from kronika.core import analyze_many as analyze
    with store.db.background_checkpoints():  # commits never wait on a checkpoint's fsyncs
        for result in analyze(pending()):
            save(result)
    return summary


def count_sources(paths: Iterable[str]) -> int | None:
    """How many documents `read_sources(paths)` will give, when cheap to know (None for stdin)."""
    total = 0
    for name in paths:
        path = Path(name)
        if name == "-":
            return None
        if path.is_dir():
            total += sum(1 for p in path.iterdir() if p.suffix == ".txt" and p.is_file())
        elif path.suffix == ".jsonl" and path.is_file():
            with path.open("rb") as lines:
                total += sum(1 for line in lines if line.strip())
        else:
            total += 1
    return total
