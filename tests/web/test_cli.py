"""`kronika serve`: argument parsing and the uvicorn call (uvicorn itself is replaced)."""
from __future__ import annotations

import argparse

import pytest

from kronika.web import cli


def parse(argv):
    parser = argparse.ArgumentParser(prog="kronika")
    cli.add_serve_command(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def test_defaults():
    args = parse(["serve"])
    assert (args.db, args.host, args.port, args.token, args.web_handler) == (None, "127.0.0.1", 8000, None, cli.serve)


def test_serve_runs_uvicorn(monkeypatch, tmp_path):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.delenv("KRONIKA_TOKEN", raising=False)
    args = parse(["serve", "--db", str(tmp_path / "k.db"), "--port", "8123", "--token", "t"])
    assert cli.serve(args) == 0
    app, options = calls[0]
    assert options == {"host": "127.0.0.1", "port": 8123, "log_level": "info"}
    assert "/api/ingest" in app.openapi()["paths"]
    assert (tmp_path / "k.db").exists()


def test_serve_rejects_bad_port_and_bad_db(capsys, tmp_path):
    assert cli.serve(parse(["serve", "--port", "70000"])) == 2
    assert "--port" in capsys.readouterr().err
    assert cli.serve(parse(["serve", "--db", "mysql://nope"])) == 2
    assert "kronika serve:" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["serve", "--port", "x"]])
def test_bad_arguments_exit_2(argv):
    with pytest.raises(SystemExit) as exit_info:
        parse(argv)
    assert exit_info.value.code == 2
