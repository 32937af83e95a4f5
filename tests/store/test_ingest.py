"""Ingest: idempotent reruns, SIGKILL mid-way then rerun, two concurrent ingests, the CLI, the real pipeline."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kronika.store import Store, db
from kronika.store.cli import main
from kronika.store.export import export_jsonl
from tests.store import worker
from tests.store.corpus import synthetic

ROOT = Path(__file__).resolve().parents[2]


def run_worker(url: str, first: int, last: int, pause: float = 0.0) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.store.worker", url, str(first), str(last), str(pause)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def snapshot(url: str) -> tuple:
    """Everything a user can see, independent of surrogate keys and timestamps."""
    import io

    with Store.open(url) as store:
        out = io.StringIO()
        export_jsonl(store, out)
        stats = {k: v for k, v in store.stats().items() if k != "backend"}
        entities = sorted((e["type"], e["name"], e["documents"], e["mentions"]) for e in store.find_entities(limit=10_000))
        quotes = sorted((q["document"], q["text"], q["speaker_entity"]) for q in store.find_quotes(limit=10_000))
        duplicates = store.db.query("SELECT id, count(*) FROM documents GROUP BY id HAVING count(*) > 1")
    return out.getvalue(), stats, entities, quotes, duplicates


def test_ingest_again_adds_nothing(db_url):
    with Store.open(db_url) as store:
        first = worker.ingest(store, worker.sources(0, 20), analyze=worker.fake_analyzer(0))
        again = worker.ingest(store, worker.sources(0, 20), analyze=worker.fake_analyzer(0))
    assert (first.added, first.unchanged) == (20, 0)
    assert (again.added, again.unchanged, again.updated) == (0, 20, 0)


def test_sigkill_mid_ingest_then_rerun_gives_the_same_database(db_url, tmp_path):
    n = 40
    with Store.open(db_url):
        pass  # schema first, so the killed process only writes documents
    process = run_worker(db_url, 0, n, 0.03)
    deadline = time.monotonic() + 60
    with Store.open(db_url) as store:
        while store.stats()["documents"] < 8 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.01)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        stored = store.stats()["documents"]
    assert 0 < stored < n, "the worker was not killed mid-way"
    rerun = run_worker(db_url, 0, n)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert f"unchanged {stored}" in out or f"unchanged {stored - 1}" in out  # the last one may have landed
    clean = str(tmp_path / "clean.db")
    reference = run_worker(clean, 0, n)
    assert reference.wait(timeout=120) == 0
    assert snapshot(db_url) == snapshot(clean)


def test_two_concurrent_ingests_of_overlapping_inputs_make_no_duplicates(db_url, tmp_path):
    with Store.open(db_url):
        pass
    a, b = run_worker(db_url, 0, 60), run_worker(db_url, 30, 90)
    for process in (a, b):
        _out, err = process.communicate(timeout=180)
        assert process.returncode == 0, err
    clean = str(tmp_path / "clean.db")
    assert run_worker(clean, 0, 90).wait(timeout=180) == 0
    mine, reference = snapshot(db_url), snapshot(clean)
    assert mine[4] == [] and mine[1]["documents"] == 90
    assert mine[0] == reference[0] and mine[2] == reference[2] and mine[3] == reference[3]


# -- WAL checkpoints off the writer's path (SQLite) ---------------------------------------------------
def sizes_while_ingesting(path: Path, documents: int, pause: float) -> list[tuple[int, int]]:
    """The WAL and database file sizes after each document."""
    sizes = []
    wal = Path(f"{path}-wal")
    with Store.open(str(path)) as store:
        worker.ingest(store, worker.sources(0, documents), analyze=worker.fake_analyzer(pause),
                      progress=lambda status, doc_id: sizes.append((wal.stat().st_size, path.stat().st_size)))
    return sizes


def wal_without_checkpoints(path: Path, documents: int) -> int:
    with Store.open(str(path)) as store:
        store.db.execute("PRAGMA wal_autocheckpoint = 0")
        for analysis, text in synthetic(worker.TOTAL)[:documents]:
            store.save_document(analysis, text)
        return Path(f"{path}-wal").stat().st_size


def test_the_writer_bounds_the_wal_when_background_checkpoints_lag(tmp_path, monkeypatch):
    monkeypatch.setattr(db, "WAL_LIMIT", 256 * 1024)
    monkeypatch.setattr(db, "CHECKPOINT_INTERVAL", 3600.0)  # one background checkpoint, then none
    assert wal_without_checkpoints(tmp_path / "plain.db", 200) > 8 * db.WAL_LIMIT
    wals = [wal for wal, _ in sizes_while_ingesting(tmp_path / "k.db", 200, 0.0)]
    document = max(b - a for a, b in zip(wals, wals[1:]))  # the most one document added at the end
    assert max(wals) <= db.WAL_LIMIT + document < 2 * db.WAL_LIMIT


def test_the_background_thread_checkpoints_during_an_ingest(tmp_path, monkeypatch):
    monkeypatch.setattr(db, "WAL_LIMIT", 1024**3)  # the writer never checkpoints itself
    monkeypatch.setattr(db, "CHECKPOINT_INTERVAL", 0.0)
    path = tmp_path / "k.db"
    sizes = sizes_while_ingesting(path, 100, 0.01)
    assert sizes[-1][1] > sizes[0][1], "no pages reached the database file during the ingest"
    with Store.open(str(path)) as store:
        store.db.execute("PRAGMA wal_autocheckpoint = 0")
        worker.ingest(store, worker.sources(100, 110), analyze=worker.fake_analyzer(0))
        assert store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0  # set back as it was


# -- the command line (SQLite) ---------------------------------------------------------------------
def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_end_to_end_through_the_real_pipeline(capsys, tmp_path):
    """Ingest on two worker processes and on a local Dask cluster; the stored analyses equal `analyze`'s."""
    corpus_dir = tmp_path / "teksty"
    corpus_dir.mkdir()
    (corpus_dir / "minsk.txt").write_text(
        "Prezydent Aleksandr Łukaszenka spotkał się w Mińsku z premierem. Wczoraj Łukaszenkę odwiedził gość.\n",
        encoding="utf-8")
    (corpus_dir / "sejm.txt").write_text("Sejm uchwalił ustawę o budżecie na przyszły rok.\n", encoding="utf-8")
    (corpus_dir / "pusty.txt").write_text("   \n", encoding="utf-8")
    db = str(tmp_path / "k.db")
    code, out, _ = cli(capsys, "ingest", str(corpus_dir), "--db", db, "--date", "2024-05-14", "--workers", "2")
    assert code == 1 and out.startswith("added 2, unchanged 0, updated 0, failed 1") and "pusty: empty document" in out
    on_dask = str(tmp_path / "dask.db")
    code, out, _ = cli(capsys, "ingest", str(corpus_dir), "--db", on_dask, "--date", "2024-05-14", "--dask")
    assert code == 1 and snapshot(on_dask) == snapshot(db)
    code, out, _ = cli(capsys, "ingest", str(corpus_dir), "--db", db, "--date", "2024-05-14", "--json")
    assert json.loads(out)["unchanged"] == 2 and json.loads(out)["added"] == 0
    code, out, _ = cli(capsys, "search", "Łukaszenki", "--db", db, "--json")
    assert code == 0 and [r["document"] for r in json.loads(out)] == ["minsk"]
    code, out, _ = cli(capsys, "search", "budżetu", "--db", db, "--csv")
    assert out.splitlines()[0] == "document,date,score,snippet" and out.splitlines()[1].startswith("sejm,2024-05-14")
    code, out, _ = cli(capsys, "stats", "--db", db, "--json")
    stats = json.loads(out)
    assert (stats["documents"], stats["failed"]) == (2, 1)
    code, out, _ = cli(capsys, "quotes", "--db", db)
    assert code == 0 and "quotes" in out
    jsonl = tmp_path / "all.jsonl"
    code, _, err = cli(capsys, "export", "--db", db, "--jsonl", str(jsonl), "--quotes-csv", str(tmp_path / "q.csv"),
                       "--graphml", str(tmp_path / "g.graphml"))
    assert code == 0 and "2 analyses" in err
    from kronika.core import analyze

    expected = analyze((corpus_dir / "minsk.txt").read_text(encoding="utf-8"), "2024-05-14", "minsk").to_json()
    assert json.loads(jsonl.read_text(encoding="utf-8").splitlines()[0]) == expected


def test_cli_errors_are_one_line_messages(capsys, tmp_path):
    db = str(tmp_path / "k.db")
    code, _, err = cli(capsys, "entity", "Nikt", "--db", db)
    assert code == 1 and err.strip() == "kronika: no entity matches 'Nikt' in the store (try `kronika stats` or a shorter name)"
    code, _, err = cli(capsys, "quotes", "--since", "jutro", "--db", db)
    assert code == 2 and "expected YYYY-MM-DD" in err
    code, _, err = cli(capsys, "stats", "--db", "mysql://x/y")
    assert code == 2 and "unsupported database URL" in err


def test_cli_queries_on_fixture_corpus(capsys, tmp_path):
    from tests.store import corpus

    db = str(tmp_path / "k.db")
    with Store.open(db) as store:
        corpus.load(store)
    code, out, _ = cli(capsys, "entity", "Łukaszenka", "--db", db)
    assert code == 0 and "Aleksandr Łukaszenka" in out and "Donald Tusk" in out
    code, out, _ = cli(capsys, "quotes", "--speaker", "Łukaszenka", "--csv", "--db", db)
    assert out.splitlines()[1].startswith("2024-03-05,a2,przywódca Białorusi,Aleksandr Łukaszenka,Nie boimy się Tuska")
    code, out, _ = cli(capsys, "events", "--with", "Tusk", "--json", "--db", db)
    assert [e["type"] for e in json.loads(out)] == ["meeting"]
    code, out, _ = cli(capsys, "timeline", "Tusk", "--json", "--db", db)
    assert [i["document"] for i in json.loads(out)] == ["a1", "a1", "a2"]
    code, out, _ = cli(capsys, "entities", "list", "--type", "person", "--json", "--db", db)
    assert len(json.loads(out)) == 6
    code, out, _ = cli(capsys, "entities", "merge", "Jan Nowak", "Nowak", "--db", db)
    assert code == 0 and out.startswith("merged 'Nowak' into")


@pytest.mark.parametrize("name", ["sqlite:///{tmp}/x.db", "{tmp}/x.db"])
def test_sqlite_urls(tmp_path, name):
    with Store.open(name.format(tmp=tmp_path)) as store:
        assert store.dialect == "sqlite"
    assert (tmp_path / "x.db").exists()
