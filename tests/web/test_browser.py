"""The pages in a real browser: Playwright driving Debian's chromium against `kronika serve` on loopback.

Screenshots go to artifacts/screenshots/ (kept by CI as test artifacts). Skipped when chromium or
Playwright is missing; test.sh installs both.
"""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from kronika.store import Store
from kronika.store.ingest import ingest
from kronika.textio import Source
from tests.conftest import EXAMPLE, ROOT, SEED

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
SEED_ID = "000_ee61cc30a8ce32d2"

sync_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> str:
    if not SEED.exists():
        pytest.skip("shared seed article not available")
    from kronika.web.app import create_app

    db = str(tmp_path_factory.mktemp("browser") / "kronika.db")
    with Store.open(db) as store:
        ingest(store, [Source(SEED_ID, SEED.read_text(encoding="utf-8")),
                       Source("wizyta", EXAMPLE.read_text(encoding="utf-8"))])
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(base_url):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        page = browser.new_page()
        yield page
        browser.close()


def test_search_finds_the_seed(page, base_url) -> None:
    page.goto(f"{base_url}/?q=Łukaszenka")
    page.screenshot(path=str(SCREENSHOTS / "search.png"), full_page=True)
    assert page.get_by_role("link", name=SEED_ID).is_visible()
    assert page.get_by_text("rozmawiali telefonicznie", exact=False).first.is_visible()


def test_article_shows_highlighted_quotes_with_speakers(page, base_url) -> None:
    page.goto(f"{base_url}/documents/{SEED_ID}")
    page.screenshot(path=str(SCREENSHOTS / "article.png"), full_page=True)
    quote = page.locator("mark.quote", has_text="Poruszono szeroki zakres spraw").first
    assert quote.is_visible()
    assert "Pieskow" in quote.get_attribute("title")
    assert page.locator("mark.quote").count() >= 14


def test_entity_page_for_putin(page, base_url) -> None:
    page.goto(f"{base_url}/entities/Putin")
    page.screenshot(path=str(SCREENSHOTS / "entity-putin.png"), full_page=True)
    assert page.get_by_text("prezydent Rosji").first.is_visible()
    assert page.get_by_text("Musimy sobie z nimi radzić", exact=False).first.is_visible()


def test_analyse_a_pasted_article(page, base_url) -> None:
    page.goto(f"{base_url}/analyze")
    page.fill("textarea[name=text]", EXAMPLE.read_text(encoding="utf-8"))
    page.fill("input[name=date]", "2024-05-14")
    page.locator("form button, form input[type=submit]").first.click()
    page.wait_for_load_state()
    page.screenshot(path=str(SCREENSHOTS / "analyze.png"), full_page=True)
    assert page.locator("mark.quote", has_text="Ta inwestycja jest dla regionu").first.is_visible()
    assert page.get_by_text("Piotr Nowak").first.is_visible()
