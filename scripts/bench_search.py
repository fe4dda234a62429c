"""Search benchmark: index N synthetic Vietnamese articles and measure a first query in Chromium.

    .venv/bin/python scripts/bench_search.py [--sizes 1000 10000] [--lunr 1000] [--out FILE]

For each size: indexing time, peak memory of the indexing process, files and bytes written,
then in Debian Chromium the bytes transferred and the time to first results of a first query,
typed into the search page (after the page has loaded) and opened as a ?q= link (cold).
With --lunr N, the size of mkdocs-material's search_index.json for the same N articles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import json
import multiprocessing
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from bantin.model import Block, BlockKind  # noqa: E402
from bantin.search import build_index  # noqa: E402
from test_search_data import Entry, Front, article_markdown, build_search_site  # noqa: E402

SEED_TEXT = REPO / "sources" / "2021" / "05" / "000_c2e97c40b65a00ea.txt"
WORDS_PER_ARTICLE = 1600
QUERIES = {
    "common_word": "khoa hoc",
    "accentless_words": "doi moi sang tao",
    "phrase": '"phát triển"',
    "rare_word": "quyet dinh",
}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RUNS = 3


def seed_words() -> list[str]:
    """The seed article's words in reading order: natural syllable pairs, tiny vocabulary."""
    text = SEED_TEXT.read_text(encoding="utf-8")
    return [w for w in re.split(r"\s+", text) if w]


def synthetic_entries(count: int, seed: int = 1) -> list[Entry]:
    """Articles built from runs of the seed's words, with issues, sections and authors."""
    rng, words = random.Random(seed), seed_words()
    sections = ["Chính sách", "Nghiên cứu", "Ứng dụng", "Tiêu chuẩn", "Sở hữu trí tuệ"]
    authors = [f"Tác giả {n}" for n in range(max(20, count // 10))]
    entries = []
    for number in range(count):
        year, issue = 2010 + number % 15, 1 + (number // 15) % 12
        paragraphs, total = [], 0
        while total < WORDS_PER_ARTICLE:
            start = rng.randrange(len(words) - 70)
            size = rng.randrange(30, 70)
            paragraphs.append(" ".join(words[start : start + size]))
            total += size
        start = rng.randrange(len(words) - 10)
        front = Front(
            title=" ".join(words[start : start + rng.randrange(5, 10)]).capitalize(),
            issue=issue,
            year=year,
            authors=[rng.choice(authors)],
            date=dt.date(year, issue, 1),
            section=rng.choice(sections),
            lead=paragraphs[0],
        )
        blocks = [
            Block(BlockKind.PARAGRAPH, text, anchor=f"p-{i}")
            for i, text in enumerate(paragraphs[1:], 1)
        ]
        entries.append(Entry(front, blocks, f"{year}/so-{issue}/bai-{number}/"))
    return entries


def index_job(count: int, site: str, queue: Any) -> None:
    """In a child process, so its peak memory is its own."""
    entries = synthetic_entries(count)
    started, cpu = time.perf_counter(), time.process_time()
    report = build_index(entries, Path(site), "http://127.0.0.1/")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {"index_s": round(seconds, 2), "index_cpu_s": round(cpu, 2)}
    queue.put({**figures, "peak_mb": round(peak_mb), **report_dict(report)})


def report_dict(report: Any) -> dict[str, Any]:
    return {
        "terms": report.terms,
        "bigrams": report.bigrams,
        "term_shards": report.term_shards,
        "bigram_shards": report.bigram_shards,
        "files": report.files,
        "index_mb": round(report.bytes / 1e6, 1),
    }


def build(count: int, root: Path) -> tuple[Path, dict[str, Any]]:
    site = build_search_site(root, [], pages=False)
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=index_job, args=(count, str(site), queue))
    child.start()
    figures = queue.get()
    child.join()
    return site, figures


@contextmanager
def serve(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_address[1]}/"
        server.shutdown()


class Meter:
    """Bytes received (headers and bodies) by one page since the last reset: all of them,
    and those of index files (search/ without the page itself)."""

    def __init__(self, page: Any) -> None:
        self.bytes = 0
        self.index_bytes = 0
        page.on("requestfinished", self.add)

    def add(self, request: Any) -> None:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        self.bytes += size
        if re.search(r"/search/[^?]+\.(z|json)$", request.url):
            self.index_bytes += size


def typed_query(browser: Any, base: str, query: str) -> tuple[float, float]:
    """Type into the loaded search page: (KB after typing, ms until the first result link)."""
    context = browser.new_context()
    page = context.new_page()
    meter = Meter(page)
    page.goto(base + "search/", wait_until="networkidle")
    meter.bytes = 0
    started = time.perf_counter()
    page.locator("main input[type=search]").fill(query)
    page.wait_for_selector("#search-results a", timeout=120_000)
    elapsed = (time.perf_counter() - started) * 1000
    page.wait_for_load_state("networkidle")
    kb = meter.bytes / 1024
    context.close()
    return kb, elapsed


def linked_query(browser: Any, base: str, query: str) -> tuple[float, float, float]:
    """Open search/?q= cold: (KB of page and index, ms until the first result, index KB)."""
    context = browser.new_context()
    page = context.new_page()
    meter = Meter(page)
    started = time.perf_counter()
    page.goto(base + "search/?q=" + quote(query), wait_until="commit")
    page.wait_for_selector("#search-results a", timeout=120_000)
    elapsed = (time.perf_counter() - started) * 1000
    page.wait_for_load_state("networkidle")
    kb = meter.bytes / 1024
    context.close()
    return kb, elapsed, meter.index_bytes / 1024


def engine_query(browser: Any, base: str, query: str) -> tuple[float, float]:
    """The engine alone on the loaded page (no debounce, no rendering): (KB, ms)."""
    context = browser.new_context()
    page = context.new_page()
    meter = Meter(page)
    page.goto(base + "search/", wait_until="networkidle")
    meter.bytes = 0
    elapsed = page.evaluate(
        """async q => { const t = performance.now();
        await window.bantinSearch.search(q, {}, false, 10); return performance.now() - t; }""",
        query,
    )
    page.wait_for_load_state("networkidle")
    kb = meter.bytes / 1024
    context.close()
    return kb, float(elapsed)


def median_pair(samples: list[tuple[float, ...]]) -> tuple[float, ...]:
    """Medians of each figure: KB to one decimal, ms whole."""
    return tuple(
        round(statistics.median(s[i] for s in samples), 1 if i != 1 else None)
        for i in range(len(samples[0]))
    )


def browser_figures(site: Path) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    figures: dict[str, Any] = {}
    with serve(site) as base, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for label, query in QUERIES.items():
            typed = median_pair([typed_query(browser, base, query) for _ in range(RUNS)])
            linked = median_pair([linked_query(browser, base, query) for _ in range(RUNS)])
            engine = median_pair([engine_query(browser, base, query) for _ in range(RUNS)])
            figures[label] = {
                "query": query,
                "typed_kb_ms": typed,
                "engine_kb_ms": engine,
                "link_kb_ms_index_kb": linked,
            }
        browser.close()
    return figures


def lunr_index_mb(count: int, root: Path) -> float:
    """mkdocs-material's built-in search index for the same articles (plain site)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    for entry in synthetic_entries(count):
        page = docs / (entry.url.rstrip("/") + ".md")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(article_markdown(entry), encoding="utf-8")
    config_text = (
        "site_name: baseline\ntheme:\n  name: material\n  features: [navigation.prune]\n"
        "plugins: [search]\nnav:\n  - index.md\nvalidation:\n  omitted_files: ignore\n"
    )
    (root / "mkdocs.yml").write_text(config_text, encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    mkdocs_build(config)
    return round((root / "site" / "search" / "search_index.json").stat().st_size / 1e6, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--lunr", type=int, nargs="*", default=[1000])
    parser.add_argument("--out", type=Path, default=REPO / "bench-out" / "search.json")
    args = parser.parse_args()
    results: dict[str, Any] = {}
    for count in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            site, figures = build(count, Path(folder))
            figures["browser"] = browser_figures(site)
            results[str(count)] = figures
            print(json.dumps({count: figures}, ensure_ascii=False, indent=1), flush=True)
    for count in args.lunr:
        with tempfile.TemporaryDirectory() as folder:
            results[f"lunr_{count}_mb"] = lunr_index_mb(count, Path(folder))
            print(
                f"lunr search_index.json at {count}: {results[f'lunr_{count}_mb']} MB", flush=True
            )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    shutil.rmtree(REPO / "bench-out" / "tmp", ignore_errors=True)


if __name__ == "__main__":
    main()
