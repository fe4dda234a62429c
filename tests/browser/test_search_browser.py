"""The search page and header box in headless Chromium, against a small built site."""

from __future__ import annotations

import functools
import http.server
import re
import sys
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Dialog, Page, Route, expect

from bantin.search import parse_query
from bantin.search.encode import shard_of

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from test_search_data import ARTICLES, FOLD_CASES, QUERY_CASES, build_search_site

pytestmark = pytest.mark.browser
NO_MATCH = "Không tìm thấy kết quả"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def search_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test site served from a sub-path (/archive/), as it may be when published."""
    root = tmp_path_factory.mktemp("search-site")
    site = build_search_site(root, ARTICLES)
    served = root / "served"
    served.mkdir()
    site.rename(served / "archive")
    handler = functools.partial(Quiet, directory=str(served))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_address[1]}/archive/"
        server.shutdown()


@pytest.fixture()
def spage(browser: Browser, search_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=search_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors


def run(page: Page, query: str, extra: str = "") -> list[str]:
    page.goto("search/?q=" + quote(query) + extra)
    status = page.locator("#search-status")
    expect(status).not_to_be_empty()
    hrefs: list[str] = page.locator("#search-results a[href]").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname + new URL(a.href).hash)"
    )
    return hrefs


def test_fold_matches_python(spage: Page) -> None:
    spage.goto("search/")
    for text, folded in FOLD_CASES:
        assert spage.evaluate("t => window.bantinSearch.fold(t)", text) == folded
    for key in ("doi", "kh&cn", "doi moi", "chương", "year:2021"):
        assert spage.evaluate("k => window.bantinSearch.shardOf(k, 4096)", key) == shard_of(
            key, 4096
        )


@pytest.mark.parametrize(("text", "typing"), QUERY_CASES)
def test_query_parsing_matches_python(spage: Page, text: str, typing: bool) -> None:
    spage.goto("search/")
    parsed = spage.evaluate("([t, y]) => window.bantinSearch.parseQuery(t, y)", [text, typing])
    query = parse_query(text, typing)
    assert parsed == {
        "terms": query.terms,
        "phrases": query.phrases,
        "exactWords": query.exact_words,
        "last": query.last,
    }


def test_accentless_query_finds_accented_article(spage: Page) -> None:
    found = run(spage, "chuong trinh quoc gia")
    assert any("2021/so-5/doi-moi-sang-tao/" in href for href in found)
    assert any("2022/so-6/nang-luong-tai-tao/" in href for href in found)
    expect(spage.locator("#search-results mark").first).to_be_visible()


def test_d_and_nfd(spage: Page) -> None:
    assert any("doi-moi-sang-tao" in h for h in run(spage, "den nam 2030"))
    nfd = unicodedata.normalize("NFD", "đổi mới sáng tạo")
    assert run(spage, nfd)[0].startswith("/archive/2021/so-5/doi-moi-sang-tao/")


def test_exact_accents_rank_first(spage: Page) -> None:
    assert "doi-moi-sang-tao" in run(spage, "đổi mới")[0]
    assert "doi-moi-cong-nghe" in run(spage, "doi moi cong nghe")[0]


def test_deep_match_links_to_paragraph(spage: Page) -> None:
    assert run(spage, "phê duyệt") == ["/archive/2021/so-5/doi-moi-sang-tao/#p-3"]
    spage.locator("#search-results a").first.click()
    spage.wait_for_url("**/doi-moi-sang-tao/#p-3")


def test_phrase(spage: Page) -> None:
    found = run(spage, '"đổi mới sáng"')
    assert len(found) == 1 and "doi-moi-sang-tao" in found[0]


def test_filters_and_url(spage: Page) -> None:
    found = run(spage, "doi moi", "&year=2022")
    assert found and all("/2022/" in href for href in found)
    expect(spage.locator("#bantin-filter-year")).to_have_value("2022")
    spage.select_option("#bantin-filter-year", "2021")
    expect(spage).to_have_url(re.compile(r"[?&]year=2021"))
    expect(spage.locator("#search-results a[href*='/2021/']").first).to_be_visible()
    assert (
        run(spage, "", "&author=Nguyễn Văn An") and len(run(spage, "", "&section=Năng lượng")) == 1
    )


def test_no_match_message(spage: Page) -> None:
    assert run(spage, "xyzzy quux") == []
    expect(spage.locator("#search-status")).to_contain_text(NO_MATCH)


def test_markup_query_stays_text(spage: Page) -> None:
    hostile = "<img src=x onerror=alert(1)>"
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    spage.on("dialog", on_dialog)
    run(spage, hostile)
    expect(spage.locator("#search-status")).to_contain_text(hostile)
    assert spage.locator("#search-results img, #search-status img").count() == 0
    assert not dialogs


def test_typing_prefix_updates_url_and_announces(spage: Page) -> None:
    spage.goto("search/")
    box = spage.locator("main input[type=search]")
    box.focus()
    spage.keyboard.type("nang luo")
    expect(spage.locator("#search-results a").first).to_contain_text("Năng lượng")
    expect(spage).to_have_url(re.compile(r"[?&]q=nang\+luo$"))
    expect(spage.locator("#search-status")).to_have_attribute("aria-live", "polite")
    expect(spage.locator("#search-status")).to_contain_text("1 kết quả")


def test_header_box_keyboard(spage: Page) -> None:
    spage.goto("2021/so-5/do-luong-chat-luong/")
    box = spage.locator("#bantin-header-q")
    box.focus()
    spage.keyboard.type("nang luong")
    link = spage.locator(".bantin-header-search__list a").first
    expect(link).to_contain_text("Năng lượng")
    spage.keyboard.press("ArrowDown")
    expect(link).to_be_focused()
    spage.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    spage.keyboard.press("Enter")
    spage.wait_for_url("**/archive/search/?q=nang+luong")
    expect(spage.locator("#search-results a").first).to_contain_text("Năng lượng")


def test_the_best_hit_shows_while_the_others_are_on_their_way(spage: Page) -> None:
    """A new query shows its best hit as soon as that hit's fragment is in, not when the
    slowest of the page's fragments is: the others follow, best first, in the same order."""
    everything = run(spage, "chuong trinh quoc gia")
    assert len(everything) >= 2
    asked: list[str] = []
    spage.on("request", lambda r: asked.append(r.url) if "/search/d/" in r.url else None)
    run(spage, "chuong trinh quoc gia")
    held: list[Route] = []
    slow = asked[1]  # the second best hit's fragment (fragments are asked for best first)
    with spage.context.new_page() as page:
        page.route(slow, lambda route: held.append(route))
        page.goto("search/?q=" + quote("chuong trinh quoc gia"))
        expect(page.locator("#search-results a[href]")).to_have_count(1)
        expect(page.locator("#search-status")).to_be_empty()  # the query is not finished
        assert held
        held[0].continue_()
        expect(page.locator("#search-results a[href]")).to_have_count(len(everything))
        expect(page.locator("#search-status")).not_to_be_empty()
        shown = page.locator("#search-results a[href]").evaluate_all(
            "links => links.map(a => new URL(a.href).pathname + new URL(a.href).hash)"
        )
    assert shown == everything
