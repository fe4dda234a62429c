"""Headless Debian chromium driven by Playwright, and a page that records every console error,
failed request, HTTP error and request leaving 127.0.0.1 while a test uses it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Frame,
    Page,
    Playwright,
    Request,
    Response,
    sync_playwright,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000
LOCAL_HOSTS = {"127.0.0.1"}
ABORTED_BY_NAVIGATION = "net::ERR_ABORTED"
# URL paths of the archive (CONTRIBUTING.md): /YEAR/, /YEAR/ISSUE/, /YEAR/ISSUE/SLUG/.
YEAR_PATH = re.compile(r"^/\d{4}/$")
ISSUE_PATH = re.compile(r"^/\d{4}/[^/]+/$")
ARTICLE_PATH = re.compile(r"^/\d{4}/[^/]+/[^/]+/$")


@dataclass
class Watch:
    """Problems seen on one page: console errors, failed or non-local requests, HTTP >= 400."""

    problems: list[str] = field(default_factory=list)
    visited: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text} ({message.location})")

    def on_page_error(self, error: Exception) -> None:
        self.problems.append(f"uncaught exception: {error}")

    def on_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https"} and parts.hostname not in LOCAL_HOSTS:
            self.problems.append(f"third-party request: {request.url}")

    def on_request_failed(self, request: Request) -> None:
        # Chromium aborts what is still loading when the page navigates away (a click on a
        # link): that is the reader leaving, not a broken resource. A missing file is a 404.
        if request.failure != ABORTED_BY_NAVIGATION:
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def on_navigation(self, url: str) -> None:
        self.visited.append(url)

    def assert_clean(self) -> None:
        assert not self.problems, (
            "on " + " → ".join(self.visited) + ":\n" + "\n".join(self.problems)
        )


def record_main_frame(page: Page, frame: Frame, watch: Watch) -> None:
    if frame == page.main_frame:
        watch.on_navigation(frame.url)


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    """Debian's chromium, never a downloaded browser build."""
    assert CHROMIUM.is_file(), f"{CHROMIUM} missing: apt-get install chromium (make test does)"
    launched = playwright_driver.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )
    yield launched
    launched.close()


@pytest.fixture()
def watch() -> Watch:
    return Watch()


@pytest.fixture()
def page(browser: Browser, site_url: str, watch: Watch) -> Iterator[Page]:
    """A fresh context allowed to use the clipboard, with every problem recorded in `watch`."""
    context = browser.new_context(
        base_url=site_url,
        locale="vi-VN",
        viewport={"width": 1280, "height": 900},
        accept_downloads=True,
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    opened = context.new_page()
    opened.set_default_timeout(TIMEOUT_MS)
    opened.on("console", watch.on_console)
    opened.on("pageerror", watch.on_page_error)
    opened.on("request", watch.on_request)
    opened.on("requestfailed", watch.on_request_failed)
    opened.on("response", watch.on_response)
    opened.on("framenavigated", lambda frame: record_main_frame(opened, frame, watch))
    yield opened
    context.close()


VISIBLE_LINKS = """links => links
    .filter(a => a.getClientRects().length > 0 && !a.closest('.md-sidebar, .md-header'))
    .map(a => [a.getAttribute('href'), new URL(a.href).pathname])"""


def visible_link_to(page: Page, pattern: re.Pattern[str]) -> str:
    """The href attribute of the first visible content link whose URL path matches `pattern`."""
    hrefs: list[list[str]] = page.eval_on_selector_all("a[href]", VISIBLE_LINKS)
    for href, path in hrefs:
        if pattern.match(path):
            return href
    raise AssertionError(f"no visible link matching {pattern.pattern} on {page.url}")


def follow(page: Page, pattern: re.Pattern[str]) -> str:
    """Click the first visible link to a URL path matching `pattern`; return the new path."""
    href = visible_link_to(page, pattern)
    with page.expect_navigation():
        page.locator(f'a[href="{href}"]').locator("visible=true").first.click()
    path = urlsplit(page.url).path
    assert pattern.match(path), f"clicked {href!r} and arrived at {page.url}"
    return path


@dataclass(frozen=True)
class Paths:
    """The URL path patterns of the archive's page kinds, for tests to navigate by."""

    year: re.Pattern[str] = YEAR_PATH
    issue: re.Pattern[str] = ISSUE_PATH
    article: re.Pattern[str] = ARTICLE_PATH


@dataclass(frozen=True)
class Navigator:
    """Clicks through the site the way a reader does."""

    paths: Paths = field(default_factory=Paths)

    def follow(self, page: Page, pattern: re.Pattern[str]) -> str:
        return follow(page, pattern)


@pytest.fixture()
def navigator() -> Navigator:
    return Navigator()
