"""The `kronika` command: argument parsing only; the work is done by the library."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import partial

from kronika.spacy_import import import_spacy

import_spacy()  # before anything below imports spaCy: skips its command-line package (start-up time)

from kronika import __version__  # noqa: E402
from kronika.errors import InputError, KronikaError  # noqa: E402
from kronika.store import cli as store_cli  # noqa: E402
from kronika.web import cli as web_cli  # noqa: E402
from kronika.textio import Failure, Source, parse_date, read_sources  # noqa: E402

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_ERROR = 2  # the command could not do its work (as the store's commands)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kronika", description="Structured facts from Polish news.")
    parser.add_argument("--version", action="version", version=f"kronika {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    analyze = commands.add_parser(
        "analyze",
        help="analyse articles, print one JSON object per document",
        description="Analyse articles. PATH: a .txt file, a directory of .txt files, a .jsonl file of "
        '{"id", "text", "date"?}, or - for JSON Lines on stdin. Example: kronika analyze article.txt --pretty',
    )
    analyze.add_argument("paths", nargs="*", default=["-"], metavar="PATH")
    analyze.add_argument("--date", help="publication date YYYY-MM-DD for documents that carry none")
    analyze.add_argument("--tokens", action="store_true", help="include tokens with lemmas and tags")
    analyze.add_argument("--pretty", action="store_true", help="indented JSON, for humans")
    analyze.add_argument("--format", choices=("json", "text"), default="json", help="output format")
    add_parallel_options(analyze)

    commands.add_parser(
        "base-forms",
        help="base forms of names: JSON Lines {text, type} on stdin -> the same with 'base'",
    )

    evaluate = commands.add_parser("evaluate", help="measure quality as defined in EVALUATION.md")
    evaluate.add_argument("task", choices=("lemmas", "names", "times", "entities", "quotes", "events", "linking"))
    evaluate.add_argument("data", nargs="+", help="data file(s) for the task")
    evaluate.add_argument("--json", action="store_true", help="print the figures as JSON")
    evaluate.add_argument("--limit", type=int, help="only the first N documents (quick checks)")
    store_cli.add_commands(commands)
    web_cli.add_serve_command(commands)
    return parser


def add_parallel_options(parser: argparse.ArgumentParser) -> None:
    """`--workers`, `--timeout`, `--scheduler`, `--dask`: for `analyze` and `ingest`."""
    parser.add_argument("--workers", type=int, help="worker processes (default: all cores; one file: in-process)")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds per document with --workers > 1 or on Dask; past it the worker is restarted")
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="run on this Dask distributed cluster")
    parser.add_argument("--dask", action="store_true", help="run on a local Dask cluster of --workers processes")


def parallel_runner(args: argparse.Namespace, tokens: bool) -> Callable[[Iterable], Iterator[dict | Failure]] | None:
    """What `add_parallel_options` asked for: None to analyse in this process (one worker, or one .txt file
    without --workers), else sources -> JSON objects or Failures from worker processes or a Dask cluster."""
    single_file = len(args.paths) == 1 and args.paths[0].endswith(".txt")
    workers = args.workers or (1 if single_file else len(os.sched_getaffinity(0)))
    if workers <= 1 and not (args.scheduler or args.dask):
        return None
    from kronika.runner import analyze_json  # worker processes: only imported when used

    return partial(analyze_json, workers=workers, scheduler=args.scheduler, dask=args.dask, tokens=tokens,
                   timeout=args.timeout)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "store_handler", None):
        handler = store_cli.dispatch
    else:
        handler = {
            "analyze": cmd_analyze,
            "base-forms": cmd_base_forms,
            "evaluate": cmd_evaluate,
            "serve": web_cli.serve,
        }[args.command]
    try:
        return handler(args)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except KronikaError as error:  # e.g. the disk is full or the database read-only: one line, no traceback
        print(f"kronika: error: {error}", file=sys.stderr)
        return EXIT_ERROR


def cmd_analyze(args: argparse.Namespace) -> int:
    from kronika.render import render_text

    try:
        default_date = parse_date(args.date)
    except InputError as error:
        print(f"kronika: --date: {error}", file=sys.stderr)
        return EXIT_USAGE
    failed = 0
    sources = _warn(_with_default_date(s, default_date) for s in read_sources(args.paths))
    for result in _analyses(args, sources):
        if isinstance(result, Failure):
            failed += 1
            print(f"kronika: skipped {result.id}: {result.reason}", file=sys.stderr)
        elif args.format == "text":
            print(render_text(result))
        else:
            data = result if isinstance(result, dict) else result.to_json(tokens=args.tokens)
            print(json.dumps(data, ensure_ascii=False, indent=2 if args.pretty else None), flush=True)
    if failed:
        print(f"kronika: {failed} document(s) failed", file=sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _analyses(args: argparse.Namespace, sources: Iterator[Source | Failure]) -> Iterator:
    """Documents (one process) or JSON objects (worker processes), in input order."""
    from kronika.core import analyze_many

    if args.format == "text":  # the text view needs the whole Document: stay in this process
        return analyze_many(sources)
    run = parallel_runner(args, args.tokens)
    return analyze_many(sources) if run is None else run(sources)


def _with_default_date(source: Source | Failure, date: dt.date | None) -> Source | Failure:
    if isinstance(source, Failure) or source.date or not date:
        return source
    return replace(source, date=date)


def _warn(sources: Iterable[Source | Failure]) -> Iterator[Source | Failure]:
    for source in sources:
        if not isinstance(source, Failure) and source.warning:
            print(f"kronika: warning: {source.id}: {source.warning}", file=sys.stderr)
        yield source


def cmd_base_forms(args: argparse.Namespace) -> int:
    from kronika.pipeline.names import base_form

    failed = 0
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            record["base"] = base_form(record["text"], record.get("type") or "other")
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
            failed += 1
            print(f"kronika: skipped line {number}: {type(error).__name__}: {error}", file=sys.stderr)
            continue
        print(json.dumps(record, ensure_ascii=False), flush=True)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    from kronika.evaluation import run_task
    from kronika.evaluation.report import print_table

    figures = run_task(args.task, args.data, limit=args.limit)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        print_table(args.task, figures)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
