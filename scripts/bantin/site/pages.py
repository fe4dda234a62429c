"""Index pages written into docs/ before MkDocs runs: home, years, issues, authors, sections."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from bantin.site import urls
from bantin.site.markup import (
    PAGE_KIND,
    bullet_list,
    esc,
    link,
    markdown_page,
    page_range,
    table,
    tag,
)
from bantin.site.urls import Entry

PER_PAGE = 50
_NONE: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class GeneratedFile:
    """One file bantin writes into docs/ (path relative to docs/, POSIX)."""

    path: str
    content: bytes
    #: What the file is made from (named when two generated files want one path).
    origin: str = field(default="", compare=False)


@dataclass(frozen=True)
class Listing:
    """A named list of articles with its own pages (an author or a section)."""

    name: str
    url: str
    entries: tuple[Entry, ...]


def issue_label(issue: int, year: int) -> str:
    return f"Số {issue}/{year}"


def article_item(entry: Entry, here: str, with_issue: bool = True) -> str:
    """One article in a list: linked title, authors, issue and pages."""
    front = entry.front
    parts = [link(urls.relative(here, entry.url), front.title)]
    if front.author_names:
        parts.append(tag("span", esc(", ".join(front.author_names)), "bantin-authors"))
    if with_issue:
        label = issue_label(front.issue, front.year)
        parts.append(link(urls.relative(here, urls.issue_url(front.year, front.issue)), label))
    if front.pages:
        parts.append(tag("span", esc("tr. " + page_range(front.pages)), "bantin-pages"))
    return " · ".join(parts)


#: Front matter key of a generated page: the day its content last changed (its sitemap
#: `<lastmod>`), the newest of its articles'.
LASTMOD_KEY = "bantin_lastmod"


def newest(entries: Iterable[Entry], lastmods: Mapping[str, str]) -> str:
    """The newest last-changed day of `entries` ('' when none is known)."""
    return max((lastmods.get(entry.url, "") for entry in entries), default="")


def _page(
    url: str,
    title: str,
    blocks: Sequence[str],
    feed: str = "",
    lastmod: str = "",
    origin: str = "",
) -> GeneratedFile:
    extra: dict[str, object] = {PAGE_KIND: "index"}
    if feed:
        extra["bantin_feed"] = feed
    if lastmod:
        extra[LASTMOD_KEY] = lastmod
    text = markdown_page(title, blocks, extra)
    return GeneratedFile(urls.md_path(url), text.encode("utf-8"), origin)


def by_issue(entries: Sequence[Entry]) -> dict[tuple[int, int], list[Entry]]:
    groups: dict[tuple[int, int], list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[(entry.front.year, entry.front.issue)].append(entry)
    return dict(sorted(groups.items()))


def home_page(
    entries: Sequence[Entry],
    names: urls.NameIndex,
    lastmods: Mapping[str, str] = _NONE,
    harvest: str = "",
) -> GeneratedFile:
    """Latest issue, the years, the number of articles; `harvest` is the OAI-PMH static
    repository's URL, when the site has one."""
    issues = by_issue(entries)
    blocks = [tag("p", esc(f"Kho lưu trữ có {len(entries)} bài viết."), "bantin-count")]
    if issues:
        year, issue = max(issues)
        latest = link(urls.issue_url(year, issue), issue_label(issue, year))
        blocks.append(tag("h2", "Số mới nhất") + tag("p", latest))
        blocks.append(issue_table(issues[(year, issue)], "", names))
    years = sorted({y for y, _ in issues}, reverse=True)
    year_links = [link(urls.year_url(y), f"Năm {y}") for y in years]
    blocks.append(tag("h2", "Các năm") + bullet_list(year_links, "bantin-years"))
    browse = [link(urls.AUTHORS_DIR + "/", "Tác giả"), link(urls.SECTIONS_DIR + "/", "Chuyên mục")]
    if harvest:
        browse.append(link(harvest, "Siêu dữ liệu cho thư viện (kho tĩnh OAI-PMH)"))
    blocks.append(tag("h2", "Tra cứu") + bullet_list(browse))
    return _page("", "Trang chủ", blocks, lastmod=newest(entries, lastmods))


def year_pages(
    entries: Sequence[Entry], lastmods: Mapping[str, str] = _NONE
) -> list[GeneratedFile]:
    by_year: dict[int, dict[tuple[int, int], list[Entry]]] = defaultdict(dict)
    for (year, issue), group in by_issue(entries).items():
        by_year[year][(year, issue)] = group
    return [_year_page(year, by_year[year], lastmods) for year in sorted(by_year)]


def _year_page(
    year: int, issues: dict[tuple[int, int], list[Entry]], lastmods: Mapping[str, str]
) -> GeneratedFile:
    """The issues of one year (`issues`: that year's, by year and number)."""
    here = urls.year_url(year)
    items = [
        link(urls.relative(here, urls.issue_url(y, n)), issue_label(n, y))
        + esc(f" ({len(group)} bài)")
        for (y, n), group in sorted(issues.items(), reverse=True)
    ]
    listed = [e for group in issues.values() for e in group]
    blocks = [bullet_list(items, "bantin-issues")]
    return _page(here, f"Năm {year}", blocks, lastmod=newest(listed, lastmods))


def issue_table(entries: Sequence[Entry], here: str, names: urls.NameIndex) -> str:
    """Table of contents of one issue: section, title, authors, pages."""
    rows = []
    for entry in entries:
        front = entry.front
        section = (
            link(urls.relative(here, names.section(front.section)), front.section)
            if front.section
            else ""
        )
        authors = ", ".join(
            link(urls.relative(here, names.author(a)), a) for a in front.author_names
        )
        title = link(urls.relative(here, entry.url), front.title)
        rows.append([section, title, authors, esc(page_range(front.pages))])
    headers = ["Chuyên mục", "Bài viết", "Tác giả", "Trang"]
    return table(headers, rows, "bantin-toc")


def issue_pages(
    entries: Sequence[Entry], names: urls.NameIndex, lastmods: Mapping[str, str] = _NONE
) -> list[GeneratedFile]:
    return [
        issue_page(year, issue, group, names, lastmods)
        for (year, issue), group in by_issue(entries).items()
    ]


def issue_page(
    year: int,
    issue: int,
    group: Sequence[Entry],
    names: urls.NameIndex,
    lastmods: Mapping[str, str] = _NONE,
) -> GeneratedFile:
    """The table of contents of one issue."""
    here = urls.issue_url(year, issue)
    title = f"{issue_label(issue, year)}: mục lục"
    up = link(urls.relative(here, urls.year_url(year)), f"Năm {year}")
    feed = link("feed.xml", "Nguồn tin Atom của số này")
    blocks = [tag("p", up + " · " + feed, "bantin-up"), issue_table(group, here, names)]
    return _page(here, title, blocks, "feed.xml", newest(group, lastmods))


def listings(entries: Sequence[Entry], key: str, names: urls.NameIndex) -> list[Listing]:
    """Group articles by author (`key="author"`) or by section, sorted by URL."""
    groups: dict[str, tuple[str, list[Entry]]] = {}
    for entry in entries:
        found = entry.front.author_names if key == "author" else [entry.front.section or ""]
        for name in found:
            if not name:
                continue
            url = names.author(name) if key == "author" else names.section(name)
            groups.setdefault(url, (name, []))[1].append(entry)
    return [Listing(name, url, tuple(found)) for url, (name, found) in sorted(groups.items())]


def page_count(items: int, size: int = PER_PAGE) -> int:
    """Pages needed for `items` items; an empty list still has its first page."""
    return max(1, -(-items // size))


def pager(base: str, page: int, count: int) -> str:
    """Links to the other pages of a paginated list, relative to page `page`."""
    if count <= 1:
        return ""
    here = urls.paged_url(base, page)
    items = [
        tag("strong", esc(n))
        if n == page
        else link(urls.relative(here, urls.paged_url(base, n)), str(n))
        for n in range(1, count + 1)
    ]
    return tag("nav", "Trang: " + " ".join(items), "bantin-pager")


def paged_list(
    base: str,
    title: str,
    items_at: list[list[str]],
    intro: str = "",
    lastmod: str = "",
    origin: str = "",
) -> list[GeneratedFile]:
    """Pages of at most PER_PAGE items; `items_at[i]` holds page i+1's items."""
    files = []
    for number, items in enumerate(items_at, start=1):
        page_title = title if number == 1 else f"{title} (trang {number})"
        nav = pager(base, number, len(items_at))
        blocks = [intro, bullet_list(items, "bantin-list"), nav]
        page_url = urls.paged_url(base, number)
        files.append(_page(page_url, page_title, blocks, lastmod=lastmod, origin=origin))
    return files


def listing_pages(
    listing: Listing, label: str, lastmods: Mapping[str, str] = _NONE
) -> list[GeneratedFile]:
    count = page_count(len(listing.entries))
    pages: list[list[str]] = []
    for number in range(1, count + 1):
        here = urls.paged_url(listing.url, number)
        window = listing.entries[(number - 1) * PER_PAGE : number * PER_PAGE]
        pages.append([article_item(e, here) for e in window])
    intro = tag("p", esc(f"{len(listing.entries)} bài viết."))
    lastmod = newest(listing.entries, lastmods)
    sources = sorted({entry.front.source for entry in listing.entries})
    origin = f"the page of {listing.name!r} (from {', '.join(sources)})"
    return paged_list(listing.url, f"{label}: {listing.name}", pages, intro, lastmod, origin)


def directory_pages(
    found: Sequence[Listing], base: str, title: str, lastmod: str = ""
) -> list[GeneratedFile]:
    """The index of all authors (or sections), paginated."""
    count = page_count(len(found))
    pages: list[list[str]] = []
    for number in range(1, count + 1):
        here = urls.paged_url(base, number)
        window = found[(number - 1) * PER_PAGE : number * PER_PAGE]
        pages.append(
            [link(urls.relative(here, f.url), f.name) + esc(f" ({len(f.entries)})") for f in window]
        )
    return paged_list(base, title, pages, lastmod=lastmod)


BROWSE = (
    ("author", urls.AUTHORS_DIR + "/", "Tác giả", "Tác giả"),
    ("section", urls.SECTIONS_DIR + "/", "Chuyên mục", "Chuyên mục"),
)


def browse_pages(
    entries: Sequence[Entry], names: urls.NameIndex, lastmods: Mapping[str, str] = _NONE
) -> list[GeneratedFile]:
    """Every author and section page and their directories."""
    files: list[GeneratedFile] = []
    for key, base, title, label in BROWSE:
        found = listings(entries, key, names)
        listed = [entry for listing in found for entry in listing.entries]
        files.extend(directory_pages(found, base, title, newest(listed, lastmods)))
        for listing in found:
            files.extend(listing_pages(listing, label, lastmods))
    return files


def index_pages(
    entries: Sequence[Entry],
    names: urls.NameIndex,
    lastmods: Mapping[str, str] = _NONE,
    harvest: str = "",
) -> list[GeneratedFile]:
    """Every index page; `lastmods` gives each article's last-changed day by URL; `harvest`,
    the OAI-PMH static repository's URL, when the site has one."""
    return [
        home_page(entries, names, lastmods, harvest),
        *year_pages(entries, lastmods),
        *issue_pages(entries, names, lastmods),
        *browse_pages(entries, names, lastmods),
    ]
