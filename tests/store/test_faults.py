"""The store under faults: a full disk, a read-only database, readers during an ingest.

`kronika ingest` runs in a subprocess with the hand-made analyses of `corpus.synthetic` standing in for
the pipeline (`worker.fake_analyzer`), so each run takes seconds; set-up ingests in this process. The
disk fills up for real: a small tmpfs (ENOSPC; needs root) or a file size limit (RLIMIT_FSIZE: EFBIG,
anyone). File modes bind root only without the capabilities that override them: as root the read-only
cases run under `setpriv` without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kronika.store import Store
from tests.store import worker
from tests.store.conftest import _new_postgres_db
from tests.store.corpus import synthetic
from tests.store.test_ingest import ROOT, run_worker, snapshot

CLI = ("import sys, kronika.core; from tests.store import worker; kronika.core.analyze_many = worker.fake_analyzer(0); "
       "from kronika.cli import main; sys.exit(main(sys.argv[1:]))")
LAYERS = ("SELECT d.id, d.analysis, " + ", ".join(f"(SELECT count(*) FROM {table} WHERE doc = d.pk)" for table in (
    "doc_entities", "mentions", "quotes", "times", "events")) + " FROM documents d")
DISK_BYTES = 1_000_000  # room for the schema and a few of the 400 documents
NO_OVERRIDE = ("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search",
               "--")


def ingest_cli(documents: Path, url: str, prefix: tuple[str, ...] = (), **options) -> subprocess.CompletedProcess:
    """`kronika ingest DOCUMENTS --db URL` in a subprocess (stand-in analyses), after the command `prefix`."""
    return subprocess.run([*prefix, sys.executable, "-c", CLI, "ingest", str(documents), "--db", url, "--quiet",
                           "--workers", "1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, **options)


def fill(url: str, first: int, last: int) -> None:
    """Ingest synthetic documents FIRST..LAST-1 in this process."""
    with Store.open(url) as store:
        worker.ingest(store, worker.sources(first, last), analyze=worker.fake_analyzer(0))


def write_input(path: Path, first: int = 0, last: int = worker.TOTAL) -> Path:
    """Synthetic documents FIRST..LAST-1 as JSON Lines {id, text, date}."""
    path.write_text("".join(json.dumps({"id": a["id"], "text": text, "date": a["date"]}, ensure_ascii=False) + "\n"
                            for a, text in synthetic(worker.TOTAL)[first:last]), encoding="utf-8")
    return path


def torn_documents(store: Store) -> list[str]:
    """Ids of stored documents whose entity, mention, quote, time or event rows disagree with their analysis."""
    torn = []
    for doc_id, analysis, *counts in store.db.query(LAYERS):
        data = json.loads(analysis)
        expected = [len(data["entities"]), sum(len(e["mentions"]) for e in data["entities"]), len(data["quotes"]),
                    len(data["times"]), len(data["events"])]
        if counts != expected:
            torn.append(doc_id)
    return torn


def assert_clear_error(result: subprocess.CompletedProcess, *phrases: str) -> None:
    """Exit code 2 and one line on stderr naming the problem: no traceback, no summary."""
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("kronika: error: ") and result.stderr.count("\n") == 1, result.stderr
    assert all(phrase in result.stderr for phrase in phrases), result.stderr
    assert "Traceback" not in result.stderr and not result.stdout


# -- a full disk -------------------------------------------------------------------------------------
class SmallDisk:
    """A directory with DISK_BYTES of room for `kronika` until `make_room()`: a tmpfs, or a file size limit."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path, self.kind, self.limited = path, kind, True
        path.mkdir()
        if kind == "tmpfs":
            self._mount(f"size={DISK_BYTES}")

    def _mount(self, options: str) -> None:
        command = ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(self.path)]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode:
            pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()}); the file size limit variant runs instead")

    def _limit(self) -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (DISK_BYTES, DISK_BYTES))

    def ingest(self, documents: Path, url: str) -> subprocess.CompletedProcess:
        limited = self.kind == "file size limit" and self.limited
        return ingest_cli(documents, url, preexec_fn=self._limit if limited else None)

    def make_room(self) -> None:
        self.limited = False
        if self.kind == "tmpfs":
            self._mount("remount,size=64m")

    def remove(self) -> None:
        if self.kind == "tmpfs":
            subprocess.run(["umount", str(self.path)], check=True)


@pytest.fixture(params=["tmpfs", "file size limit"])
def small_disk(request, tmp_path: Path) -> Iterator[SmallDisk]:
    if request.param == "tmpfs" and os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; the file size limit variant runs instead")
    disk = SmallDisk(tmp_path / "disk", request.param)
    yield disk
    disk.remove()


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> Path:
    return write_input(tmp_path_factory.mktemp("faults") / "documents.jsonl")


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple:
    """What a store of all the documents looks like, ingested with room to spare."""
    url = str(tmp_path_factory.mktemp("reference") / "kronika.db")
    fill(url, 0, worker.TOTAL)
    return snapshot(url)


def test_a_full_disk_stops_ingest_with_a_clear_error_and_whole_documents(small_disk, documents, reference) -> None:
    url = str(small_disk.path / "kronika.db")
    result = small_disk.ingest(documents, url)
    assert_clear_error(result, f"cannot write to the database {url}", "free some space")
    with Store.open(url) as store:
        assert store.db.scalar("PRAGMA integrity_check") == "ok"
        assert 0 < store.stats()["documents"] < worker.TOTAL, "the disk did not fill up mid-way"
        assert torn_documents(store) == []
        assert store.failures() == [], "a full disk is no document's fault"
    small_disk.make_room()
    rerun = small_disk.ingest(documents, url)
    assert rerun.returncode == 0, rerun.stderr
    assert snapshot(url) == reference


# -- a read-only database ----------------------------------------------------------------------------
@pytest.fixture
def bound() -> tuple[str, ...]:
    """A command prefix under which file modes bind us: none, or as root `setpriv` without the override capabilities."""
    if os.geteuid() != 0:
        return ()
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv (util-linux): file modes cannot bind the command")
    return NO_OVERRIDE


def stored(url: str) -> tuple[int, list]:
    with Store.open(url) as store:
        return store.stats()["documents"], store.failures()


@pytest.mark.parametrize(("file_mode", "dir_mode", "problem"), [
    (0o444, 0o755, "The database is read-only"),
    (0o644, 0o555, "is read-only, and SQLite must create the database's -wal and -shm files there"),
], ids=["read-only file", "read-only directory"])
def test_a_read_only_database_is_a_clear_error(tmp_path: Path, bound, file_mode: int, dir_mode: int,
                                               problem: str) -> None:
    more, path = write_input(tmp_path / "more.jsonl", 5, 10), tmp_path / "db"
    path.mkdir()
    url = str(path / "kronika.db")
    fill(url, 0, 5)
    os.chmod(url, file_mode)
    path.chmod(dir_mode)
    try:
        assert_clear_error(ingest_cli(more, url, prefix=bound), url, problem)
    finally:
        path.chmod(0o755)
    assert stored(url) == (5, [])


def test_a_new_database_in_a_read_only_directory_is_a_clear_error(tmp_path: Path, bound) -> None:
    documents, path = write_input(tmp_path / "documents.jsonl", 0, 5), tmp_path / "db"
    path.mkdir(mode=0o555)
    url = str(path / "kronika.db")
    try:
        assert_clear_error(ingest_cli(documents, url, prefix=bound), f"cannot open SQLite database {url!r}",
                           f"its directory {path} is read-only")
    finally:
        path.chmod(0o755)
    assert not Path(url).exists()


def test_a_read_only_postgresql_database_is_a_clear_error(postgres_admin_url, tmp_path: Path) -> None:
    import psycopg

    url = _new_postgres_db(postgres_admin_url)
    fill(url, 0, 5)
    with psycopg.connect(postgres_admin_url, autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{url.rsplit("/", 1)[1]}" SET default_transaction_read_only = on')
    result = ingest_cli(write_input(tmp_path / "more.jsonl", 5, 10), url)
    assert_clear_error(result, f"cannot write to the database {url}", "read-only transaction",
                       "The database is read-only")
    assert stored(url) == (5, [])


# -- readers during an ingest ------------------------------------------------------------------------
def test_readers_during_an_ingest_see_only_whole_documents(db_url: str) -> None:
    with Store.open(db_url):
        pass  # the schema first: the reader polls from the start
    writer = run_worker(db_url, 0, worker.TOTAL)
    seen, torn = set(), set()
    with Store.open(db_url) as reader:
        while writer.poll() is None:
            seen.add(reader.stats()["documents"])
            torn.update(torn_documents(reader))
        _out, err = writer.communicate()
        assert writer.returncode == 0, err
        assert torn_documents(reader) == [] and reader.stats()["documents"] == worker.TOTAL
    assert any(0 < n < worker.TOTAL for n in seen), "the reader never read during the ingest"
    assert torn == set(), f"documents seen in part: {sorted(torn)[:10]}"
