"""Store fixtures: every `store` test runs on SQLite and on a throw-away PostgreSQL server.

The PostgreSQL server is started once per session from the Debian `postgresql` package's binaries
(initdb + pg_ctl in a temp dir, on a free port; as root through runuser). Set
KRONIKA_TEST_POSTGRES_URL=postgresql://user@host:port/db to use a running server instead.
Without binaries or URL the PostgreSQL variants are skipped with the reason.
"""
from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from kronika.store import Store

_counter = itertools.count()


def _bindir() -> Path | None:
    if os.environ.get("KRONIKA_PG_BINDIR"):
        return Path(os.environ["KRONIKA_PG_BINDIR"])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    which = shutil.which("initdb")
    return Path(which).parent if which else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    def __init__(self) -> None:
        bindir = _bindir()
        if bindir is None or not (bindir / "pg_ctl").exists():
            raise RuntimeError("PostgreSQL server binaries not found (apt-get install postgresql)")
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="kronika-pg-"))
        self.data, self.port = self.root / "data", _free_port()
        self.user = None
        if os.geteuid() == 0:  # initdb refuses root: run the server as the package's postgres user
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root but there is no 'postgres' user to run the server") from None
            self.user = "postgres"
            shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale",
                  "--no-sync")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-o", options, "-w", "-t", "60", "start")
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bindir / program), *args]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode:
            log = (self.root / "log").read_text() if (self.root / "log").exists() else ""
            raise RuntimeError(f"{program} failed: {result.stderr.strip() or result.stdout.strip()} {log[-500:]}")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_admin_url():
    """A PostgreSQL URL with rights to create databases (the session's throw-away server)."""
    if os.environ.get("KRONIKA_TEST_POSTGRES_URL"):
        yield os.environ["KRONIKA_TEST_POSTGRES_URL"]
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("PostgreSQL tests need psycopg 3 (pip install 'psycopg[binary]')")
    try:
        server = PostgresServer()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
        pytest.skip(f"PostgreSQL tests skipped: {error}")
    yield server.url
    server.stop()


def _new_postgres_db(admin_url: str) -> str:
    import psycopg

    name = f"kronika_test_{os.getpid()}_{next(_counter)}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A fresh, empty database URL of each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "kronika.db")
    return _new_postgres_db(request.getfixturevalue("postgres_admin_url"))


@pytest.fixture
def store(db_url):
    with Store.open(db_url) as opened:
        yield opened
