"""The web application: a typed JSON API under /api and server-rendered pages, over one store.

A request takes an open `Store` from a pool (opening one costs several queries) and gives it back when
done, so no store serves two requests at once; a store that saw an error is closed instead. Nothing
else is shared between worker threads except the analysis pipeline, which runs under a lock.
"""
# no `from __future__ import annotations`: FastAPI must resolve the local `Db` dependency alias at runtime

import datetime as dt
import hmac
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar
from urllib.parse import quote as urlquote
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Form, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from jinja2 import Environment, FileSystemLoader, select_autoescape

from kronika import __version__
from kronika.store import DocumentNotFound, EntityNotFound, Store, StoreError
from kronika.textio import Failure, Source
from kronika.web import highlight as hl
from kronika.web import models as m

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 10
T = TypeVar("T")

CSP = ("default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")

Since = Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive")]
Until = Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive")]
Limit = Annotated[int, Query(ge=1, le=1000)]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True,
                      default_for_string=True), trim_blocks=True, lstrip_blocks=True)
    env.filters["pathq"] = lambda value: urlquote(str(value), safe="")
    env.globals["qs"] = lambda **params: urlencode({k: v for k, v in params.items() if v not in (None, "")})
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)


def load_document(store: Store, doc_id: str) -> dict[str, Any]:
    """A stored analysis with its original text (`text`); DocumentNotFound if there is none."""
    analysis = store.get_document(doc_id)
    row = store.db.one("SELECT text FROM documents WHERE id = ?", (str(doc_id),))
    analysis["text"] = row[0] if row else ""
    return analysis


def entity_key(ident: str) -> str:
    """`/entities/12` means corpus entity #12; anything else is a name to resolve."""
    return f"#{ident}" if ident.isascii() and ident.isdigit() else ident


class SecurityHeaders:
    """ASGI middleware: nosniff and same-origin referrers on every response, the CSP on HTML ones
    (plain ASGI: cheaper per request than a `BaseHTTPMiddleware`)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "same-origin")
                if headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", CSP)
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)


class StorePool:
    """Open stores kept between requests: a request takes an idle one (or opens one) and lends it back."""

    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self.idle: queue.SimpleQueue[Store] = queue.SimpleQueue()

    def take(self) -> Store:
        try:
            return self.idle.get_nowait()
        except queue.Empty:
            return Store.open(self.db_url)

    @contextmanager
    def lend(self, store: Store) -> Iterator[Store]:
        """Use a taken store; it goes back to the pool unless an error (other than "not found") may have broken it."""
        try:
            yield store
        except BaseException as error:
            if isinstance(error, (DocumentNotFound, EntityNotFound)) or getattr(error, "status_code", None) == 404:
                self.idle.put(store)
            else:
                store.close()
            raise
        self.idle.put(store)

    @contextmanager
    def store(self) -> Iterator[Store]:
        with self.lend(self.take()) as store:
            yield store


def create_app(db_url: str, token: str | None = None, max_chars: int = 200_000) -> FastAPI:
    """The Kronika web app over the store at `db_url`. With `token`, POST /api/ingest accepts
    `Authorization: Bearer <token>`; without it no endpoint writes to the store."""
    app = FastAPI(title="Kronika", version=__version__, docs_url=None, redoc_url=None,
                  description="Who said what, when and what happened, from Polish news.")
    app.state.db_url, app.state.max_chars = db_url, max_chars
    templates = _templates()
    analysis_lock = threading.Lock()
    Store.open(db_url).close()  # fail early (bad URL, unreachable database), and create/migrate the schema
    pool = StorePool(db_url)

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        """422 without the input echoed back: it may be a whole article, or text that is not valid Unicode."""
        details = [{k: v for k, v in item.items() if k not in ("input", "ctx")} for item in error.errors()]
        return JSONResponse({"detail": details}, status_code=422)

    def get_store() -> Iterator[Store]:
        try:
            store = pool.take()
        except StoreError as error:
            raise HTTPException(503, f"store unavailable: {error}") from None
        with pool.lend(store):
            yield store

    Db = Annotated[Store, Depends(get_store)]

    def api(call: Callable[[], T]) -> T:
        try:
            return call()
        except (DocumentNotFound, EntityNotFound) as error:
            raise HTTPException(404, str(error)) from None
        except StoreError as error:
            raise HTTPException(400, str(error)) from None

    def analyse(text: str, date: dt.date | None) -> dict[str, Any]:
        from kronika.core import analyze

        with analysis_lock:
            document = analyze(text, date)
        data = document.to_json()
        data["text"] = document.text
        return data

    def check_length(text: str) -> None:
        if len(text) > max_chars:
            raise HTTPException(413, f"text too long: {len(text):,} characters (limit {max_chars:,})")

    # == JSON API =====================================================================================
    @app.post("/api/analyze", response_model=m.Analysis, tags=["api"],
              responses={413: {"description": "text longer than the server's limit"}})
    def api_analyze(body: m.AnalyzeRequest) -> dict[str, Any]:
        """Analyse one text without storing it."""
        check_length(body.text)
        return analyse(body.text, body.date)

    @app.get("/api/documents/{doc_id:path}", response_model=m.Analysis, tags=["api"])
    def api_document(doc_id: str, store: Db) -> dict[str, Any]:
        return api(lambda: load_document(store, doc_id))

    @app.get("/api/quotes", response_model=list[m.QuoteHit], tags=["api"])
    def api_quotes(store: Db, speaker: str | None = None, q: str | None = None, about: str | None = None,
                   since: Since = None, until: Until = None, limit: Limit = 100) -> list[dict[str, Any]]:
        """Quotes, newest first: by speaker, words in the quote (lemma-aware), entity mentioned inside, dates."""
        return api(lambda: store.find_quotes(speaker=speaker, text=q, since=_iso(since), until=_iso(until),
                                             about=about, limit=limit))

    @app.get("/api/entities", response_model=list[m.EntityRow], tags=["api"])
    def api_entities(store: Db, q: str | None = None, type: str | None = None,
                     limit: Limit = 50) -> list[dict[str, Any]]:
        return api(lambda: store.find_entities(name=q, type=type, limit=limit))

    @app.get("/api/entities/{ident:path}", response_model=m.EntityProfile, tags=["api"])
    def api_entity(ident: str, store: Db) -> dict[str, Any]:
        """The profile of one entity: a corpus id (`12`) or a name (any inflected form)."""
        return api(lambda: store.entity_profile(entity_key(ident)))

    @app.get("/api/events", response_model=list[m.EventHit], tags=["api"])
    def api_events(store: Db, type: str | None = None,
                   with_: Annotated[str | None, Query(alias="with")] = None,
                   since: Since = None, until: Until = None, limit: Limit = 100) -> list[dict[str, Any]]:
        return api(lambda: store.find_events(type=type, with_=with_, since=_iso(since), until=_iso(until),
                                             limit=limit))

    @app.get("/api/search", response_model=list[m.SearchHit], tags=["api"])
    def api_search(store: Db, q: Annotated[str, Query(min_length=1)],
                   limit: Annotated[int, Query(ge=1, le=200)] = 20) -> list[dict[str, Any]]:
        """Articles containing every word (any inflected form), best first; `[...]` marks the match in snippets."""
        return api(lambda: store.search(q, limit=limit))

    @app.get("/api/timeline/{ident:path}", response_model=list[m.TimelineItem], tags=["api"])
    def api_timeline(ident: str, store: Db, limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> list[dict[str, Any]]:
        return api(lambda: store.timeline(entity_key(ident), limit=limit))

    @app.get("/api/stats", tags=["api"])
    def api_stats(store: Db) -> dict[str, Any]:
        return api(store.stats)

    if token:
        def authorised(authorization: Annotated[str | None, Header()] = None) -> None:
            scheme, _, given = (authorization or "").partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
                raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is required",
                                    headers={"WWW-Authenticate": "Bearer"})

        @app.post("/api/ingest", response_model=m.IngestResult, tags=["api"], dependencies=[Depends(authorised)],
                  responses={401: {"description": "missing or wrong token"}, 413: {"description": "text too long"}})
        def api_ingest(body: m.IngestRequest, store: Db) -> dict[str, Any]:
            """Analyse and store one document (replacing an older version with the same id)."""
            from kronika.core import analyze_many
            from kronika.store.ingest import ingest

            check_length(body.text)

            def locked(sources: Iterable[Source | Failure]) -> Iterator[Any]:
                for source in sources:
                    with analysis_lock:
                        results = list(analyze_many([source]))
                    yield from results

            summary = api(lambda: ingest(store, [Source(body.id, body.text, body.date)], analyze=locked))
            status = "failed" if summary.failed else next(
                s for s in ("added", "updated", "unchanged") if getattr(summary, s))
            return {"id": body.id, "status": status, "failures": summary.to_json()["failures"]}

    # == pages ========================================================================================
    def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    def error_page(request: Request, status: int, message: str) -> HTMLResponse:
        return page(request, "error.html", status, title=f"Error {status}", status=status, message=message)

    def parse_day(value: str | None, what: str) -> str | None:
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise ValueError(f"invalid {what} {value!r}: expected YYYY-MM-DD") from None

    def with_store(request: Request, build: Callable[[Store], HTMLResponse]) -> HTMLResponse:
        try:
            with pool.store() as store:
                return build(store)
        except (DocumentNotFound, EntityNotFound) as error:
            return error_page(request, 404, str(error))
        except (StoreError, ValueError) as error:
            return error_page(request, 400, str(error))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, q: str = "", page_no: Annotated[int, Query(alias="page", ge=1, le=100)] = 1):
        def build(store: Store) -> HTMLResponse:
            hits, entities, more, error = [], [], False, None
            if q.strip():
                try:
                    found = store.search(q, limit=page_no * PAGE_SIZE + 1)
                except StoreError as problem:
                    found, error = [], str(problem)
                hits = found[(page_no - 1) * PAGE_SIZE: page_no * PAGE_SIZE]
                more = len(found) > page_no * PAGE_SIZE
                entities = store.find_entities(name=q, limit=10) if page_no == 1 else []
            return page(request, "index.html", title="Kronika", q=q, hits=hits, entities=entities,
                        page_no=page_no, more=more, error=error, stats=None if q else store.stats())
        return with_store(request, build)

    def document_context(analysis: dict[str, Any]) -> dict[str, Any]:
        text = analysis.get("text") or ""
        return {"analysis": analysis, "blocks": hl.blocks(text, analysis),
                "entities": hl.entity_counts(analysis), "names": hl.names}

    @app.get("/documents/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str):
        return with_store(request, lambda store: page(
            request, "document.html", title=doc_id, stored=True, **document_context(load_document(store, doc_id))))

    @app.get("/entities/{ident:path}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, ident: str):
        def build(store: Store) -> HTMLResponse:
            profile = store.entity_profile(entity_key(ident))
            quotes = store.find_quotes(speaker=f"#{profile['id']}", limit=50)
            timeline = store.timeline(f"#{profile['id']}", limit=100)
            return page(request, "entity.html", title=profile["name"], profile=profile, quotes=quotes,
                        timeline=timeline)
        return with_store(request, build)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, type: str = "", with_: Annotated[str, Query(alias="with")] = "",
                    since: str = "", until: str = ""):
        def build(store: Store) -> HTMLResponse:
            filters = {"type": type, "with": with_, "since": since, "until": until}
            try:
                start, end = parse_day(since, "since date"), parse_day(until, "until date")
            except ValueError as problem:
                return page(request, "events.html", 422, title="Events", events=[], filters=filters,
                            error=str(problem))
            found = store.find_events(type=type or None, with_=with_ or None, since=start, until=end, limit=200)
            return page(request, "events.html", title="Events", events=found, filters=filters, error=None)
        return with_store(request, build)

    @app.get("/analyze", response_class=HTMLResponse, include_in_schema=False)
    def analyze_form(request: Request):
        return page(request, "analyze.html", title="Analyse a text", text="", date="", error=None,
                    max_chars=max_chars)

    @app.post("/analyze", response_class=HTMLResponse, include_in_schema=False)
    def analyze_page(request: Request, text: Annotated[str, Form()] = "", date: Annotated[str, Form()] = ""):
        def form(status: int, error: str) -> HTMLResponse:
            return page(request, "analyze.html", status, title="Analyse a text", text=text[:max_chars],
                        date=date, error=error, max_chars=max_chars)
        if len(text) > max_chars:
            return form(413, f"The text is too long: {len(text):,} characters (limit {max_chars:,}).")
        if not text.strip():
            return form(422, "Paste a text to analyse.")
        try:
            day = dt.date.fromisoformat(date) if date.strip() else None
        except ValueError:
            return form(422, f"Invalid date {date!r}: expected YYYY-MM-DD.")
        analysis = analyse(text, day)
        return page(request, "analyze.html", title="Analysis", text=text, date=date, error=None,
                    max_chars=max_chars, stored=False, **document_context(analysis))

    return app
