"""A reader's visit in headless chromium: browse home → year → issue → article, follow a
paragraph permalink, copy a citation, download the BibTeX, search without diacritics.
Every page visited must log no console error and make no failed or third-party request."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Protocol
from urllib.parse import quote, urlsplit

import bibtexparser
import pytest
from playwright.sync_api import Page, expect

# Written the way Vietnamese readers often type: no tones, no marks, đ as d.
FIXED_QUERY = "doi moi sang tao"
TITLE_WORDS_IN_QUERY = 4


class Watched(Protocol):
    def assert_clean(self) -> None: ...


class Following(Protocol):
    @property
    def paths(self) -> PathPatterns: ...

    def follow(self, page: Page, pattern: re.Pattern[str]) -> str: ...


class PathPatterns(Protocol):
    @property
    def year(self) -> re.Pattern[str]: ...
    @property
    def issue(self) -> re.Pattern[str]: ...
    @property
    def article(self) -> re.Pattern[str]: ...


class Archive(Protocol):
    @property
    def docs(self) -> Path: ...


def fold(text: str) -> str:
    """What a reader types without a Vietnamese keyboard: no marks, đ → d, lower case."""
    bare = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in bare if not unicodedata.combining(c)).lower()


@pytest.fixture(scope="module")
def article_path(built_archive: Archive) -> str:
    """URL path of the first article (docs/YEAR/ISSUE/SLUG.md → /YEAR/ISSUE/SLUG/)."""
    docs = built_archive.docs
    for md in sorted(docs.glob("[0-9][0-9][0-9][0-9]/*/*.md")):
        if md.name != "index.md":
            return "/" + md.relative_to(docs).with_suffix("").as_posix() + "/"
    raise AssertionError(f"no article under {docs}")


def meta(page: Page, name: str) -> list[str]:
    values: list[str] = page.eval_on_selector_all(
        f'meta[name="{name}"]', "tags => tags.map(t => t.content)"
    )
    return values


def open_article(page: Page, path: str) -> str:
    """Open an article page; return its citation_title."""
    page.goto(path.lstrip("/"))
    titles = meta(page, "citation_title")
    assert titles and titles[0].strip(), f"{path}: no citation_title"
    return titles[0]


def test_browse_home_year_issue_article_and_permalink(
    page: Page, watch: Watched, navigator: Following
) -> None:
    page.goto("")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    assert page.title().strip()
    navigator.follow(page, navigator.paths.year)
    navigator.follow(page, navigator.paths.issue)
    navigator.follow(page, navigator.paths.article)
    expect(page.locator("h1").first).to_be_visible()
    assert meta(page, "citation_title")

    paragraph = page.locator("p[id]:has(> a[href^='#'])").first
    pid = paragraph.get_attribute("id")
    assert pid, "no paragraph with an id and a permalink"
    paragraph.scroll_into_view_if_needed()
    paragraph.hover()
    paragraph.locator("> a[href^='#']").last.click()
    page.wait_for_url(re.compile(re.escape("#" + quote(pid, safe="")) + "$"))
    assert page.evaluate("document.querySelector(':target')?.id") == pid
    expect(page.locator(f"[id='{pid}']")).to_be_in_viewport()
    watch.assert_clean()


def test_permalink_opened_directly_targets_the_paragraph(
    page: Page, watch: Watched, article_path: str
) -> None:
    open_article(page, article_path)
    ids: list[str] = page.eval_on_selector_all("p[id]", "ps => ps.map(p => p.id)")
    assert len(ids) >= 2, "an article should have several paragraphs with ids"
    last = ids[-1]
    page.goto(article_path.lstrip("/") + "#" + quote(last, safe=""))
    assert page.evaluate("document.querySelector(':target')?.id") == last
    expect(page.locator(f"[id='{last}']")).to_be_in_viewport()
    watch.assert_clean()


def read_clipboard(page: Page) -> str:
    """The clipboard's text once the page's copy (a promise) has written something."""
    page.wait_for_function("async () => (await navigator.clipboard.readText()).length > 0")
    text: str = page.evaluate("navigator.clipboard.readText()")
    return text


def test_copy_citation(page: Page, watch: Watched, article_path: str) -> None:
    title = open_article(page, article_path)
    button = page.get_by_role("button", name=re.compile("Sao chép", re.IGNORECASE)).first
    button.scroll_into_view_if_needed()
    button.click()
    copied = read_clipboard(page)
    assert title in copied, f"copied citation {copied!r} lacks the title {title!r}"
    year = meta(page, "citation_publication_date")[0][:4]
    assert year in copied
    watch.assert_clean()


def test_download_bibtex(page: Page, watch: Watched, article_path: str) -> None:
    title = open_article(page, article_path)
    authors = meta(page, "citation_author")
    link = page.get_by_role("link", name="BibTeX").first
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.endswith(".bib")
    text = Path(download.path()).read_text(encoding="utf-8")
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, f"BibTeX did not parse:\n{text}"
    assert len(library.entries) == 1
    entry = library.entries[0]
    assert words(bibtex_plain(entry.fields_dict["title"].value)) == words(title)
    if authors:
        assert len(entry.fields_dict["author"].value.split(" and ")) == len(authors)
    watch.assert_clean()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def bibtex_plain(value: str) -> str:
    """A BibTeX field as text: braces and escaping backslashes removed."""
    return re.sub(r"\\([&%$#_{}])", r"\1", value).replace("{", "").replace("}", "")


def search(page: Page, query: str) -> list[str]:
    """Run a search through the search page's ?q= link; the result link paths."""
    page.goto("search/?q=" + quote(query))
    results = page.locator("#search-results a[href]")
    expect(results.first).to_be_visible()
    hrefs: list[str] = results.evaluate_all("links => links.map(a => a.href)")
    return [urlsplit(href).path for href in hrefs]


def test_search_without_diacritics_finds_the_article(
    page: Page, watch: Watched, article_path: str, navigator: Following
) -> None:
    title = open_article(page, article_path)
    query = " ".join(words(title)[:TITLE_WORDS_IN_QUERY])
    found = search(page, query)
    assert article_path in found, f"{query!r} found {found[:10]}, not {article_path}"
    result = page.locator(f"#search-results a[href*='{article_path.strip('/')}']").first
    result.click()
    page.wait_for_url(re.compile(re.escape(article_path)))
    assert meta(page, "citation_title") == [title]
    watch.assert_clean()


def test_search_fixed_accentless_query_opens_a_result(
    page: Page, watch: Watched, navigator: Following
) -> None:
    found = search(page, FIXED_QUERY)
    assert any(navigator.paths.article.match(path) for path in found), found[:10]
    page.locator("#search-results a[href]").first.click()
    page.wait_for_load_state()
    assert navigator.paths.article.match(urlsplit(page.url).path), page.url
    text = fold(page.locator("article").first.inner_text())
    assert all(word in text for word in FIXED_QUERY.split())
    watch.assert_clean()
