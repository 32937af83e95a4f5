"""`kronika serve`: the web app (JSON API + pages) over a store, run by uvicorn.

Wiring in kronika/cli.py: `add_serve_command(commands)` in build_parser(), and "serve": web_cli.serve in
main()'s handler table. FastAPI and uvicorn are imported only when the command runs.
"""
from __future__ import annotations

import argparse
import os
import sys

EXIT_OK, EXIT_USAGE = 0, 2


def add_serve_command(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    serve_parser = subparsers.add_parser(
        "serve",
        help="serve the store over HTTP: JSON API under /api, pages for people",
        description="Serve a store: a JSON API (/api/..., OpenAPI at /openapi.json) and pages for search, "
        "articles, entities, events and ad-hoc analysis. Example: kronika serve --db kronika.db --port 8000",
    )
    serve_parser.add_argument("--db", metavar="URL", help="store URL (default $KRONIKA_DB or kronika.db)")
    serve_parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    serve_parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve_parser.add_argument("--token", help="enable POST /api/ingest with this bearer token "
                              "(default $KRONIKA_TOKEN; without one the server never writes)")
    serve_parser.add_argument("--max-chars", type=int, default=200_000, help="longest text /analyze accepts")
    serve_parser.set_defaults(web_handler=serve)
    return serve_parser


def serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from kronika.web.app import create_app
    except ImportError as error:
        print(f"kronika serve: missing dependency ({error.name}): pip install 'kronika[web]'", file=sys.stderr)
        return EXIT_USAGE
    from kronika.store import StoreError

    if not 0 < args.port < 65536:
        print(f"kronika serve: --port {args.port}: expected 1-65535", file=sys.stderr)
        return EXIT_USAGE
    url = args.db or os.environ.get("KRONIKA_DB") or "kronika.db"
    token = args.token or os.environ.get("KRONIKA_TOKEN") or None
    try:
        app = create_app(url, token=token, max_chars=args.max_chars)
    except StoreError as error:
        print(f"kronika serve: {error}", file=sys.stderr)
        return EXIT_USAGE
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return EXIT_OK
