"""A crawl of the built site/: every internal link and #anchor resolves, and every sitemap URL
is a page with a <title> (and, for articles, Highwire citation tags)."""

from __future__ import annotations

import posixpath
import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urljoin, urlsplit

import pytest

# The address tests/conftest.py builds the archive for (its site_url).
SITE_URL = "http://127.0.0.1:8000/"


class BuiltArchive(Protocol):
    """The `built_archive` fixture of tests/conftest.py."""

    @property
    def site(self) -> Path: ...
    @property
    def docs(self) -> Path: ...
    @property
    def public_url(self) -> str: ...


LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}
NOT_FETCHED = ("mailto:", "tel:", "data:")
# Articles live at docs/YEAR/ISSUE/SLUG.md (CONTRIBUTING.md); index pages are index.md.
ARTICLE_SOURCE = re.compile(r"^\d{4}/[^/]+/(?!index\.md$)[^/]+\.md$")
SHOWN = 40


@dataclass
class PageFacts:
    """What the crawl needs from one HTML page."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    title: str = ""
    meta: dict[str, list[str]] = field(default_factory=dict)


class FactParser(HTMLParser):
    """Collects ids, outgoing links, the <title> text and <meta name> values."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.facts.ids.add(values[key])
        wanted = LINK_ATTRIBUTES.get(tag)
        if wanted and wanted in values and not self.is_hint(tag, values):
            self.facts.links.append(values[wanted])
        if tag == "meta" and values.get("name"):
            self.facts.meta.setdefault(values["name"], []).append(values.get("content", ""))
        self.in_title = tag == "title" or self.in_title

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.facts.title += data

    @staticmethod
    def is_hint(tag: str, values: dict[str, str]) -> bool:
        """<link rel=canonical/alternate> may name the public URL, not a file of this build."""
        return tag == "link" and values.get("rel", "") in {"canonical", "preconnect"}


@cache
def read_facts(path: Path) -> PageFacts:
    parser = FactParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.facts


def url_path_of(site: Path, html: Path) -> str:
    """The URL path a file is served at ('/2021/so-5/bai/' for .../bai/index.html)."""
    relative = html.relative_to(site).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def file_for(site: Path, url_path: str) -> Path | None:
    """The file a static server would answer `url_path` with, or None."""
    target = site / unquote(url_path).lstrip("/")
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() and target.resolve().is_relative_to(site.resolve()) else None


def internal_target(page_url: str, href: str) -> tuple[str, str] | None:
    """(path, fragment) of an internal link, None for links that leave the site."""
    if href.startswith(NOT_FETCHED) or href.startswith("javascript:"):
        return None
    absolute = urljoin(page_url, href)
    parts = urlsplit(absolute)
    if f"{parts.scheme}://{parts.netloc}/" != SITE_URL:
        return None
    path = posixpath.normpath(parts.path or "/")
    if parts.path.endswith("/") and path != "/":
        path += "/"
    return path, parts.fragment


def has_id(page: Path, fragment: str) -> bool:
    return unquote(fragment) in read_facts(page).ids


def link_problems(site: Path, html: Path) -> list[str]:
    """Every broken link or anchor of one page, as 'page: href (why)'."""
    page_url = urljoin(SITE_URL, url_path_of(site, html).lstrip("/"))
    problems = []
    for href in read_facts(html).links:
        if href.strip().lower().startswith("javascript:"):
            problems.append(f"{html.relative_to(site)}: {href} (javascript: link)")
            continue
        target = internal_target(page_url, href)
        if target is None:
            continue
        path, fragment = target
        found = file_for(site, path)
        if found is None:
            problems.append(f"{html.relative_to(site)}: {href} (no file for {path})")
        elif fragment and found.suffix == ".html" and not has_id(found, fragment):
            problems.append(f"{html.relative_to(site)}: {href} (no id {fragment!r})")
    return problems


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def report(problems: list[str]) -> str:
    more = f"\n... and {len(problems) - SHOWN} more" if len(problems) > SHOWN else ""
    return "\n".join(problems[:SHOWN]) + more


def sitemap_urls(site: Path) -> list[str]:
    tree = ET.parse(site / "sitemap.xml")
    return [loc.text or "" for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]


def article_url_paths(docs: Path) -> set[str]:
    """URL paths of the article pages, from their Markdown files in docs/."""
    paths = set()
    for md in docs.rglob("*.md"):
        relative = md.relative_to(docs).as_posix()
        if ARTICLE_SOURCE.match(relative):
            paths.add("/" + relative[: -len(".md")] + "/")
    return paths


def test_site_has_pages(built_archive: BuiltArchive) -> None:
    assert built_archive.public_url == SITE_URL
    pages = html_pages(built_archive.site)
    assert len(pages) >= 5, f"only {len(pages)} HTML pages in {built_archive.site}"
    assert article_url_paths(built_archive.docs), "no article Markdown under docs/YEAR/ISSUE/"


def test_every_internal_link_and_anchor_resolves(built_archive: BuiltArchive) -> None:
    site = built_archive.site
    problems = [p for html in html_pages(site) for p in link_problems(site, html)]
    assert not problems, f"{len(problems)} broken internal links:\n{report(problems)}"


def test_every_page_links_somewhere(built_archive: BuiltArchive) -> None:
    """A crawl that finds no links proves nothing: every page reaches at least one other."""
    site = built_archive.site
    lonely = [str(h.relative_to(site)) for h in html_pages(site) if not read_facts(h).links]
    assert not lonely, f"pages without any link: {lonely[:SHOWN]}"


def test_sitemap_urls_are_titled_pages(built_archive: BuiltArchive) -> None:
    site = built_archive.site
    urls = sitemap_urls(site)
    assert urls, "sitemap.xml lists no URL"
    problems = []
    for url in urls:
        if not url.startswith(SITE_URL):
            problems.append(f"{url}: not under {SITE_URL}")
            continue
        page = file_for(site, "/" + url[len(SITE_URL) :])
        if page is None:
            problems.append(f"{url}: no page in site/")
        elif not read_facts(page).title.strip():
            problems.append(f"{url}: page has no <title>")
    assert not problems, report(problems)


def test_every_article_is_in_the_sitemap_with_citation_tags(built_archive: BuiltArchive) -> None:
    site, articles = built_archive.site, article_url_paths(built_archive.docs)
    listed = {"/" + url[len(SITE_URL) :] for url in sitemap_urls(site)}
    problems = [f"{path}: not in sitemap.xml" for path in sorted(articles - listed)]
    for path in sorted(articles & listed):
        page = file_for(site, path)
        meta = read_facts(page).meta if page else {}
        for name in ("citation_title", "citation_journal_title", "citation_publication_date"):
            if not any(value.strip() for value in meta.get(name, [])):
                problems.append(f"{path}: no <meta name={name}>")
    assert not problems, report(problems)


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("../bai/#p-1", ("/2021/bai/", "p-1")),
        ("/assets/x.css", ("/assets/x.css", "")),
        ("https://example.org/", None),
        ("mailto:a@b.c", None),
        ("../../", ("/", "")),
    ],
)
def test_internal_target_resolution(href: str, expected: tuple[str, str] | None) -> None:
    assert internal_target(SITE_URL + "2021/so-5/", href) == expected


def test_parser_finds_ids_links_title_and_meta() -> None:
    parser = FactParser()
    parser.feed(
        '<title>T &amp; U</title><meta name="citation_title" content="X">'
        '<p id="p1"><a href="a/#p1" name="n">x</a></p><link rel="canonical" href="http://h/">'
    )
    facts = parser.facts
    assert facts.title == "T & U"
    assert facts.ids == {"p1", "n"}
    assert facts.links == ["a/#p1"]
    assert facts.meta == {"citation_title": ["X"]}


def test_every_file_a_build_writes_into_docs_is_ignored_by_git(
    built_archive: BuiltArchive,
) -> None:
    """An editor's `git status` after `make serve` shows only what they wrote: every file the
    build generated into docs/ (listed in docs/.bantin-generated.txt) is ignored."""
    listing = built_archive.docs / ".bantin-generated.txt"
    generated = [f"docs/{line}" for line in listing.read_text("utf-8").split("\n") if line]
    assert any(path.endswith("oai.xml") for path in generated)
    checked = subprocess.run(
        [
            "git",
            "-C",
            str(Path(__file__).resolve().parent.parent),
            "check-ignore",
            "--no-index",
            "--stdin",
        ],
        input="\n".join(generated),
        capture_output=True,
        text=True,
        check=False,
    )
    ignored = set(checked.stdout.split("\n"))
    assert [path for path in generated if path not in ignored] == []
