"""Browser-side figures of the benchmark: first-search cost and page weight, in Debian Chromium.

Bytes are what Chromium reports as transferred on the wire (CDP `encodedDataLength`), so a
resource served from its cache counts as zero, as it does for a reader.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import statistics
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: A word on nearly every page and a rarer accentless phrase: the two shapes readers type.
QUERIES = ("khoa hoc", "doi moi sang tao")


#: How long a static host lets browsers reuse a file without asking (GitHub Pages: 10 min).
CACHE_CONTROL = "max-age=600"
#: Text types a static host compresses (GitHub Pages, Netlify, nginx's gzip_types do).
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".txt", ".svg")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static host as readers meet it: text compressed with gzip when the browser asks."""

    def log_message(self, format: str, *args: Any) -> None:
        return

    def end_headers(self) -> None:
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        if path.name == "index.html" and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # let the base class redirect to the slash URL
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free loopback port for the duration of the block."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _Meter:
    """Counts bytes on the wire for one page through the DevTools protocol."""

    def __init__(self, page: Any) -> None:
        self.bytes = 0
        self.urls: list[str] = []
        self.search_bytes = 0
        self._search_requests: set[str] = set()
        session = page.context.new_cdp_session(page)
        session.send("Network.enable")
        session.on("Network.loadingFinished", self._finished)
        session.on("Network.requestWillBeSent", self._sent)

    def _sent(self, event: dict[str, Any]) -> None:
        url = event["request"]["url"]
        self.urls.append(url)
        if event.get("type") != "Document" and "search" in urlsplit(url).path:
            self._search_requests.add(event["requestId"])

    def _finished(self, event: dict[str, Any]) -> None:
        size = int(event.get("encodedDataLength", 0))
        self.bytes += size
        if event.get("requestId") in self._search_requests:
            self.search_bytes += size

    def reset(self) -> None:
        self.bytes = 0
        self.urls = []
        self.search_bytes = 0
        self._search_requests = set()


def first_article_url(site: Path) -> tuple[str, str]:
    """Two article pages of the archive (year/so-N/slug/index.html), for first and later visits."""
    pages = sorted(p for p in site.glob("[0-9]*/so-*/*/index.html"))
    if len(pages) < 2:
        raise RuntimeError(f"{site}: fewer than two article pages to measure")
    first, later = pages[0], pages[len(pages) // 2]
    return (
        first.parent.relative_to(site).as_posix() + "/",
        later.parent.relative_to(site).as_posix() + "/",
    )


def page_weight(browser: Any, base: str, site: Path) -> dict[str, float]:
    """Transfer size of an article page on a first visit and of another on a later visit."""
    first, later = first_article_url(site)
    context = browser.new_context()
    page = context.new_page()
    meter = _Meter(page)
    page.goto(base + first, wait_until="networkidle")
    first_kb = meter.bytes / 1024
    meter.reset()
    page.goto(base + later, wait_until="networkidle")
    later_kb = meter.bytes / 1024
    context.close()
    return {"page_first_visit_kb": round(first_kb, 1), "page_later_visit_kb": round(later_kb, 1)}


#: Installed in a page before typing: the page's own clock at the first `input` event (the
#: reader's typing, as the page sees it) and when `answered()` first holds after it, so the
#: time taken by the automation to deliver the keys is not counted.
STOPWATCH = """answered => {
  const watch = window.__bantinWatch = { typed: null, answered: null };
  document.addEventListener("input", () => {
    if (watch.typed === null) watch.typed = performance.now();
  }, { capture: true });
  const check = () => {
    if (watch.typed !== null && watch.answered === null && answered()) {
      watch.answered = performance.now();
    }
  };
  new MutationObserver(check).observe(document.documentElement,
    { subtree: true, childList: true, characterData: true });
}"""
BANTIN_ANSWERED = "() => document.querySelector('#search-results a') !== null"


def _stopwatch(page: Any, answered: str) -> None:
    page.evaluate(f"({STOPWATCH})({answered})")


def _stopwatch_ms(page: Any) -> float:
    watch = page.evaluate("window.__bantinWatch")
    return float(watch["answered"] - watch["typed"])


def bantin_first_search(browser: Any, base: str, query: str) -> tuple[float, float, float]:
    """Type a query into the archive's search page; return (KB after typing, ms from typing to
    the first result in the page, the same ms as the automation sees it, key delivery
    included)."""
    context = browser.new_context()
    page = context.new_page()
    meter = _Meter(page)
    page.goto(base + "search/", wait_until="networkidle")
    meter.reset()
    box = page.locator("main input[type=search]").first
    _stopwatch(page, BANTIN_ANSWERED)
    started = time.perf_counter()
    box.fill(query)
    page.wait_for_selector("#search-results a", timeout=120_000)
    wall = (time.perf_counter() - started) * 1000
    page.wait_for_function("() => window.__bantinWatch.answered !== null")
    elapsed = _stopwatch_ms(page)
    page.wait_for_load_state("networkidle")
    kb = meter.bytes / 1024
    context.close()
    return kb, elapsed, wall


ANSWERED = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  return meta !== null && meta.textContent.includes("liên quan");
}"""


def material_first_search(browser: Any, base: str, query: str) -> tuple[float, float, int]:
    """The same for mkdocs-material's built-in (lunr) search on the baseline site.

    Material fetches its whole index as soon as a page loads, before anyone types, so the bytes
    are those of every search resource (index and search worker) since the page was opened;
    the reader starts typing as soon as the page is shown.
    """
    context = browser.new_context()
    page = context.new_page()
    meter = _Meter(page)
    page.goto(base, wait_until="domcontentloaded")
    _stopwatch(page, ANSWERED)
    page.keyboard.press("/")
    # Typed key by key: Material answers key presses, and a filled-in value is only searched
    # if its index happens to finish loading afterwards. Its result count line ("N tài liệu
    # liên quan", "Không tìm thấy tài liệu liên quan") shows that the query was answered.
    page.locator("input.md-search__input").press_sequentially(query)
    page.wait_for_function(ANSWERED, timeout=180_000)
    page.wait_for_function("() => window.__bantinWatch.answered !== null")
    elapsed = _stopwatch_ms(page)
    hits = page.locator(".md-search-result__item").count()
    page.wait_for_load_state("networkidle")
    kb = meter.search_bytes / 1024
    context.close()
    return kb, elapsed, hits


def _median_pair(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return (
        round(statistics.median(s[0] for s in samples), 1),
        round(statistics.median(s[1] for s in samples), 1),
    )


def measure(
    site: Path, baseline_site: Path, runs: int, material_search: bool = True
) -> dict[str, Any]:
    """All browser figures for one archive size, medians of `runs` fresh browser contexts.

    `material_search=False` skips querying the baseline's lunr search (at 10,000 pages its
    160 MB index takes minutes or crashes the tab); its index size is still reported.
    """
    from playwright.sync_api import sync_playwright

    figures: dict[str, Any] = {}
    with sync_playwright() as p, serve(site) as ours, serve(baseline_site) as theirs:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        weights = [page_weight(browser, ours, site) for _ in range(runs)]
        for key in weights[0]:
            figures[key] = round(statistics.median(w[key] for w in weights), 1)
        for query in QUERIES:
            label = query.replace(" ", "_")
            samples = [bantin_first_search(browser, ours, query) for _ in range(runs)]
            kb, ms = _median_pair([(kb, ms) for kb, ms, _ in samples])
            figures[f"search_{label}_kb"], figures[f"search_{label}_ms"] = kb, ms
            wall = round(statistics.median(wall for _, _, wall in samples), 1)
            figures[f"search_{label}_automation_ms"] = wall
            if not material_search:
                continue
            try:
                kb, ms, hits = material_first_search(browser, theirs, query)
            except Exception as error:  # the baseline tab can die at 10,000 pages
                figures[f"material_search_{label}_error"] = type(error).__name__
            else:
                figures[f"material_search_{label}_kb"] = round(kb, 1)
                figures[f"material_search_{label}_ms"] = round(ms, 1)
                figures[f"material_search_{label}_hits"] = hits
        browser.close()
    return figures
