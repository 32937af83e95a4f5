"""The store's commands: ingest, quotes, entity, entities, events, timeline, search, stats, export.

`kronika/cli.py` calls `add_commands(subparsers)` and, for a parsed command that has `store_handler`
set, `dispatch(args)`. `python -m kronika.store …` runs the same commands alone.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from kronika.store.db import DEFAULT_DB
from kronika.store.errors import DocumentNotFound, EntityNotFound, StorageError, StoreError

EXIT_OK, EXIT_SOME_FAILED, EXIT_ERROR = 0, 1, 2
DB_HELP = ("database: a file path or sqlite:///path (SQLite), or postgresql://user@host/db; "
           f"default $KRONIKA_DB or {DEFAULT_DB}")


def _db_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", default=None, metavar="URL", help=DB_HELP)
    return parent


def _output_parent(csv_too: bool = True) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help="print JSON")
    if csv_too:
        group.add_argument("--csv", action="store_true", help="print CSV")
    return parent


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add the store's subcommands to `kronika`'s argparse subparsers."""
    db, out, out_json = _db_parent(), _output_parent(), _output_parent(csv_too=False)

    p = subparsers.add_parser("ingest", parents=[db], help="analyse articles and store them (idempotent)",
                              description="Analyse and store articles. PATH: .txt file, directory of .txt, .jsonl, or -. "
                              "Unchanged documents (same id and content) are skipped; changed ones replaced. "
                              "Example: kronika ingest corpus/ --db kronika.db")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--date", help="publication date YYYY-MM-DD for documents that carry none")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    from kronika.cli import add_parallel_options  # imported here: kronika.cli imports this module

    add_parallel_options(p)
    p.set_defaults(store_handler=cmd_ingest)

    p = subparsers.add_parser("quotes", parents=[db, out], help="find quotes by speaker, words, dates, topic")
    p.add_argument("--speaker", metavar="NAME", help="who said it (any form of the name)")
    p.add_argument("--text", metavar="WORDS", help="words in the quote (any inflected form)")
    p.add_argument("--since", metavar="DATE", help="from YYYY-MM-DD")
    p.add_argument("--until", metavar="DATE", help="to YYYY-MM-DD")
    p.add_argument("--about", metavar="ENTITY", help="an entity named inside the quote")
    p.add_argument("--limit", type=int, default=100)
    p.set_defaults(store_handler=cmd_quotes)

    p = subparsers.add_parser("entity", parents=[db, out_json], help="profile of one entity across the corpus")
    p.add_argument("name", metavar="NAME", help="name (any form), surname, or #id")
    p.set_defaults(store_handler=cmd_entity)

    p = subparsers.add_parser("entities", help="list, merge or split corpus entities")
    actions = p.add_subparsers(dest="entities_action", required=True)
    q = actions.add_parser("list", parents=[db, out], help="entities, most documents first")
    q.add_argument("name", nargs="?", help="only those this name means")
    q.add_argument("--type", help="only this type (person, organization, place, …)")
    q.add_argument("--limit", type=int, default=50)
    q.set_defaults(store_handler=cmd_entities_list)
    q = actions.add_parser("merge", parents=[db, out_json], help="fold entity B into entity A")
    q.add_argument("keep", metavar="A")
    q.add_argument("drop", metavar="B")
    q.set_defaults(store_handler=cmd_entities_merge)
    q = actions.add_parser("split", parents=[db, out_json], help="give the articles naming NAME as VARIANT their own entity")
    q.add_argument("name", metavar="NAME")
    q.add_argument("variant", metavar="VARIANT")
    q.set_defaults(store_handler=cmd_entities_split)

    p = subparsers.add_parser("events", parents=[db, out], help="find events by type, participant, dates")
    p.add_argument("--type", metavar="T", help="event type or CAMEO code prefix")
    p.add_argument("--with", dest="with_", metavar="ENTITY", help="a participant")
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument("--limit", type=int, default=100)
    p.set_defaults(store_handler=cmd_events)

    p = subparsers.add_parser("timeline", parents=[db, out], help="an entity's mentions, quotes and events by date")
    p.add_argument("name", metavar="ENTITY")
    p.add_argument("--limit", type=int, default=500)
    p.set_defaults(store_handler=cmd_timeline)

    p = subparsers.add_parser("search", parents=[db, out], help="articles containing words (any inflected form), ranked")
    p.add_argument("words", nargs="+", metavar="WORD")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(store_handler=cmd_search)

    p = subparsers.add_parser("stats", parents=[db, out_json], help="counts of documents, quotes, entities, events, …")
    p.add_argument("--failures", action="store_true", help="also list failed documents with reasons")
    p.set_defaults(store_handler=cmd_stats)

    p = subparsers.add_parser("export", parents=[db], help="export analyses (JSONL), quotes (CSV), co-mentions (GraphML)")
    p.add_argument("--jsonl", metavar="FILE", help="every stored analysis, one JSON object per line")
    p.add_argument("--quotes-csv", metavar="FILE", help="every quote as CSV")
    p.add_argument("--graphml", metavar="FILE", help="entity co-mention graph")
    p.add_argument("--min-documents", type=int, default=1, help="GraphML: only edges seen in this many articles")
    p.set_defaults(store_handler=cmd_export)


def dispatch(args: argparse.Namespace) -> int:
    """Run a parsed store command; named store errors become one-line messages and exit codes."""
    try:
        return args.store_handler(args)
    except (EntityNotFound, DocumentNotFound) as error:
        print(f"kronika: {error}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except (StoreError, StorageError) as error:
        print(f"kronika: error: {error}", file=sys.stderr)
        return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kronika", description="Kronika's store commands.")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    try:
        return dispatch(args)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def _store(args: argparse.Namespace):
    from kronika.store import Store

    return Store.open(args.db or os.environ.get("KRONIKA_DB") or DEFAULT_DB)


# -- output ------------------------------------------------------------------------------------------
def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit(args: argparse.Namespace, rows: list[dict[str, Any]], columns: list[str], title: str | None = None) -> None:
    """Rows as a rich table (default), JSON (--json) or CSV (--csv)."""
    if getattr(args, "json", False):
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if getattr(args, "csv", False):
        writer = csv.DictWriter(sys.stdout, columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({c: _cell(r.get(c)) for c in columns} for r in rows)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold", max_width=80 if column in ("text", "snippet", "detail") else None)
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    Console().print(table)
    if not rows:
        print("(nothing found)", file=sys.stderr)


# -- commands ----------------------------------------------------------------------------------------
def cmd_ingest(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    from kronika.errors import InputError
    from kronika.store.ingest import count_sources, ingest
    from kronika.textio import parse_date, read_sources

    try:
        default_date = parse_date(args.date)
    except InputError as error:
        print(f"kronika: --date: {error}", file=sys.stderr)
        return EXIT_ERROR
    console = Console(stderr=True)
    counts = {"added": 0, "updated": 0, "unchanged": 0, "failed": 0}
    with _store(args) as store, Progress(
            SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.description}"), TimeElapsedColumn(), TimeRemainingColumn(),
            console=console, disable=args.quiet or not console.is_terminal) as progress:
        task = progress.add_task("", total=count_sources(args.paths))

        def report(status: str, doc_id: str) -> None:
            counts[status] += 1
            progress.update(task, advance=1, description=" ".join(f"{k} {v}" for k, v in counts.items()))

        summary = ingest(store, read_sources(args.paths), _analyzer(args), progress=report, default_date=default_date)
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False, indent=2))
    else:
        print(f"added {summary.added}, unchanged {summary.unchanged}, updated {summary.updated}, "
              f"failed {len(summary.failed)}")
        for doc_id, reason in summary.failed:
            print(f"  failed {doc_id}: {reason}")
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


def _analyzer(args: argparse.Namespace):
    """None (analyse in this process) or an analyzer over worker processes or a Dask cluster."""
    from kronika.cli import parallel_runner
    from kronika.store.ingest import json_analyzer

    run = parallel_runner(args, tokens=True)
    return None if run is None else json_analyzer(run)


def cmd_quotes(args: argparse.Namespace) -> int:
    with _store(args) as store:
        rows = store.find_quotes(speaker=args.speaker, text=args.text, since=args.since, until=args.until,
                                 about=args.about, limit=args.limit)
    emit(args, rows, ["date", "document", "speaker", "speaker_entity", "text", "cue"], "quotes")
    return EXIT_OK


def cmd_entity(args: argparse.Namespace) -> int:
    with _store(args) as store:
        profile = store.entity_profile(args.name)
    if args.json:
        print(json.dumps(profile, ensure_ascii=False, indent=2))
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]{profile['name']}[/] ({profile['type']}, #{profile['id']}): {profile['documents']} article(s), "
                  f"{profile['mentions']} mention(s), {profile['quotes']} quote(s), "
                  f"{profile['first_seen'] or '?'} – {profile['last_seen'] or '?'}")
    for title, mapping in (("mention kinds", profile["mention_kinds"]), ("written as", profile["variants"]),
                           ("events", profile["events"])):
        if mapping:
            console.print(f"{title}: " + ", ".join(f"{k} ({v})" for k, v in mapping.items()))
    if profile["role_periods"]:
        console.print("roles: " + ", ".join(f"{r['role']} ({r['documents']}, {r['since'] or '?'} – {r['until'] or '?'})"
                                            for r in profile["role_periods"]))
    if profile["co_mentioned"]:
        table = Table(title="named together with")
        for column in ("name", "type", "documents"):
            table.add_column(column)
        for row in profile["co_mentioned"]:
            table.add_row(row["name"], row["type"], str(row["documents"]))
        console.print(table)
    if profile["latest_quotes"]:
        table = Table(title="latest quotes")
        for column in ("date", "document", "text"):
            table.add_column(column, overflow="fold")
        for row in profile["latest_quotes"]:
            table.add_row(_cell(row["date"]), row["document"], row["text"])
        console.print(table)
    if profile["also_matches"]:
        console.print("also matching: " + ", ".join(f"{e['name']} ({e['type']}, #{e['id']})" for e in profile["also_matches"]))
    return EXIT_OK


def cmd_entities_list(args: argparse.Namespace) -> int:
    with _store(args) as store:
        rows = store.find_entities(args.name, args.type, args.limit)
    emit(args, rows, ["id", "type", "name", "documents", "mentions"], "entities")
    return EXIT_OK


def cmd_entities_merge(args: argparse.Namespace) -> int:
    with _store(args) as store:
        entity = store.merge_entities(args.keep, args.drop)
    print(json.dumps(entity, ensure_ascii=False) if args.json else f"merged {args.drop!r} into {entity['name']} (#{entity['id']})")
    return EXIT_OK


def cmd_entities_split(args: argparse.Namespace) -> int:
    with _store(args) as store:
        entity = store.split_entity(args.name, args.variant)
    print(json.dumps(entity, ensure_ascii=False) if args.json else f"split off {entity['name']} (#{entity['id']})")
    return EXIT_OK


def cmd_events(args: argparse.Namespace) -> int:
    with _store(args) as store:
        rows = store.find_events(type=args.type, with_=args.with_, since=args.since, until=args.until, limit=args.limit)
    if not args.json:
        for row in rows:
            row["participants"] = "; ".join(f"{p['name']} ({p['role']})" if p.get("role") else p["name"]
                                            for p in row["participants"])
    emit(args, rows, ["date", "document", "type", "cameo", "participants", "place", "time", "text"], "events")
    return EXIT_OK


def cmd_timeline(args: argparse.Namespace) -> int:
    with _store(args) as store:
        rows = store.timeline(args.name, args.limit)
    emit(args, rows, ["date", "document", "what", "detail"], f"timeline: {args.name}")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    with _store(args) as store:
        rows = store.search(args.words, args.limit)
    emit(args, rows, ["document", "date", "score", "snippet"], "search: " + " ".join(args.words))
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    with _store(args) as store:
        stats = store.stats()
        failures = store.failures() if args.failures else []
    if args.json:
        print(json.dumps({**stats, "failures": failures} if args.failures else stats, ensure_ascii=False, indent=2))
        return EXIT_OK
    for key, value in stats.items():
        print(f"{key:>15}: {_cell(value)}")
    for failure in failures:
        print(f"  failed {failure['id']}: {failure['reason']}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from kronika.store.export import export_graphml, export_jsonl, export_quotes_csv

    if not (args.jsonl or args.quotes_csv or args.graphml):
        print("kronika: export: give --jsonl FILE, --quotes-csv FILE and/or --graphml FILE", file=sys.stderr)
        return EXIT_ERROR
    with _store(args) as store:
        if args.jsonl:
            print(f"{export_jsonl(store, _target(args.jsonl))} analyses -> {args.jsonl}", file=sys.stderr)
        if args.quotes_csv:
            print(f"{export_quotes_csv(store, _target(args.quotes_csv))} quotes -> {args.quotes_csv}", file=sys.stderr)
        if args.graphml:
            nodes, edges = export_graphml(store, _target(args.graphml), args.min_documents)
            print(f"{nodes} entities, {edges} co-mention edges -> {args.graphml}", file=sys.stderr)
    return EXIT_OK


def _target(name: str):
    return sys.stdout if name == "-" else name
