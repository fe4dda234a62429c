"""Unit tests of the site modules: URLs, pagination, registry rules, escaping, serving."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import threading
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from bantin.exceptions import BuildError
from bantin.metadata import FrontMatter
from bantin.site import pages, registry, urls
from bantin.site.markup import esc, markdown_page, vn_date

try:  # tests/ is a package in some layouts and a plain folder in others
    from tests.test_site_archive import FakeEntry
except ImportError:
    from test_site_archive import FakeEntry  # type: ignore[no-redef]


def entry(slug: str, *, source: str = "", authors: tuple[str, ...] = ("Hải Hằng",)) -> FakeEntry:
    front = FrontMatter(
        title=f"Bài {slug}",
        authors=list(authors),
        issue=5,
        year=2021,
        pages=[1],
        slug=slug,
        source=source or f"sources/2021/05/{slug}.txt",
        source_sha256="0" * 64,
        converter="test",
        date=dt.date(2021, 5, 1),
    )
    return FakeEntry(front, [], Path(f"2021/so-5/{slug}.md"), f"2021/so-5/{slug}/")


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("2021/so-5/a/", "2021/so-5/b/", "../b/"),
        ("", "2021/", "2021/"),
        ("2021/", "", "../"),
        ("2021/so-5/a/", "2021/so-5/a/", "./"),
        ("2021/so-5/a/", "2021/so-5/a/a.bib", "a.bib"),
        ("tac-gia/x/trang-2/", "tac-gia/x/", "../"),
    ],
)
def test_relative_links(source: str, target: str, expected: str) -> None:
    assert urls.relative(source, target) == expected


def test_relative_links_agree_with_posixpath() -> None:
    import itertools
    import posixpath

    places = ["", "2021/", "2021/so-5/", "2021/so-5/a/", "2021/so-5/a/a.bib", "tac-gia/x/trang-2/"]
    places += ["2021/so-12/b/", "nguon/2021/05/a.txt", "2021/so-5/../so-6/", "./2021/"]
    for here, there in itertools.product(places, repeat=2):
        start = posixpath.dirname(here) if not here.endswith("/") else here
        expected = posixpath.relpath("/" + there, "/" + start)
        assert urls._relpath(there, start) == expected, (here, there)


def test_names_get_ascii_urls() -> None:
    assert urls.author_url("Đặng Thị Ánh") == "tac-gia/dang-thi-anh/"
    assert urls.section_url("Khoa học & Đời sống") == "chuyen-muc/khoa-hoc-doi-song/"
    assert urls.source_copy_url("sources/2021/05/a.txt") == "nguon/2021/05/a.txt"


def test_author_pages_are_paginated() -> None:
    many = [entry(f"bai-{n:03d}") for n in range(120)]
    files = {f.path: f.content.decode() for f in pages.browse_pages(many, urls.NameIndex(many))}
    assert "tac-gia/hai-hang/index.md" in files
    assert "tac-gia/hai-hang/trang-2/index.md" in files
    assert "tac-gia/hai-hang/trang-3/index.md" in files
    assert "tac-gia/hai-hang/trang-4/index.md" not in files
    first, last = files["tac-gia/hai-hang/index.md"], files["tac-gia/hai-hang/trang-3/index.md"]
    assert first.count("<li>") == pages.PER_PAGE and last.count("<li>") == 20
    assert 'href="trang-2/"' in first
    assert 'href="../"' in last and 'href="../trang-2/"' in last


def test_generated_page_keeps_values_inert() -> None:
    text = markdown_page('A "b" <i>', [esc("x\n\n<script>{{ y }}")])
    assert "<script>" not in text and "{{" not in text
    assert text.startswith('---\ntitle: A "b" <i>\n')
    assert "\n\n<div" in text and text.count("\n\n") == 1, "one raw HTML block, no blank lines"


def test_vietnamese_date() -> None:
    assert vn_date(dt.date(2021, 4, 9)) == "09/04/2021"


def test_registry_rules() -> None:
    a, b = entry("a"), entry("b")
    check = registry.check_registry({}, [a, b])
    assert check.added == ["2021/so-5/a/", "2021/so-5/b/"] and not check.problems
    moved = entry("a-moi", source=a.front.source)
    check = registry.check_registry(dict(check.registry), [moved, b])
    assert [(r.old, r.target) for r in check.redirects] == [("2021/so-5/a/", "2021/so-5/a-moi/")]
    assert not check.problems
    gone = registry.check_registry({"2021/so-5/a/": a.front.source}, [b])
    assert "would disappear" in str(gone.problems.items[0])
    taken = registry.check_registry({"2021/so-5/b/": "sources/other.txt"}, [b])
    assert "now belongs to" in str(taken.problems.items[0])


def test_registry_lines_are_checked(tmp_path: Path) -> None:
    path = tmp_path / registry.REGISTRY_NAME
    path.write_text("2021/so-5/a/\tsources/a.txt\nkhong-hop-le\n", "utf-8")
    with pytest.raises(BuildError, match=r"published-urls.txt:2"):
        registry.read_registry(path)


def test_serve_uses_the_site_404_page(tmp_path: Path) -> None:
    from bantin.commands.serve import make_server

    (tmp_path / "index.html").write_text("<p>trang chủ</p>", "utf-8")
    (tmp_path / "404.html").write_text("<h1>Không tìm thấy trang</h1>", "utf-8")
    server = make_server(tmp_path, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        for path, status, text in (("/", 200, "trang chủ"), ("/khong-co/", 404, "Không tìm thấy")):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            response = connection.getresponse()
            assert response.status == status
            assert text in response.read().decode("utf-8")
            connection.close()
    finally:
        server.shutdown()
        server.server_close()


def test_entry_paths_are_posix() -> None:
    assert PurePosixPath(entry("a").url).parts[-1] == "a"


def test_names_whose_slugs_collide_get_their_own_pages() -> None:
    first = entry("a", authors=("Lê Văn Hải",))
    second = entry("b", authors=("Lê Văn Hài", "Lê Văn Hải"))
    names = urls.NameIndex([first, second])
    assert names.author("Lê Văn Hải") == "tac-gia/le-van-hai/"
    assert names.author("Lê Văn Hài") == "tac-gia/le-van-hai-2/"
    found = pages.listings([first, second], "author", names)
    assert sorted((f.name, len(f.entries)) for f in found) == [("Lê Văn Hài", 1), ("Lê Văn Hải", 2)]


def test_citations_formatted_in_background_equal_direct_formatting(tmp_path: Path) -> None:
    import bantin.cite
    from bantin.site.citecache import citations_for_templates, formatted_in_background

    many = [entry(f"bai-{n}", authors=(f"Nguyễn Văn {n}",)) for n in range(5)]
    items = [bantin.cite.csl_item(e.front, e.url, "https://x.vn/") for e in many]
    path = tmp_path / "cache" / "c.json"
    with formatted_in_background(bantin.cite, path, items):
        cache = citations_for_templates(bantin.cite, path)
        assert len(cache.known) == 5 * 4, "every style and form of every item, from the worker"
    for item in items[:3]:
        assert cache.format(item, "apa", "html") == bantin.cite.format_citation_html(item, "apa")
        assert cache.format(item, "vn", "text") == bantin.cite.format_citation(item, "vn")
    with formatted_in_background(bantin.cite, path, items[:2]):
        pass
    again = citations_for_templates(bantin.cite, path)
    assert len(again.known) == 2 * 4, "only the citations the last build used are kept"


def cached_front(found: FakeEntry) -> FakeEntry:
    """The entry as the catalogue cache gives it: with its front matter's JSON text."""
    object.__setattr__(found, "front_json", found.front.model_dump_json())
    return found


def formatted_again(path: Path, entries: list[FakeEntry], code: str) -> tuple[Any, Any]:
    """One build's formatting of the citations of `entries` (as the citations' process does
    it): the items it made, and the cache."""
    import bantin.cite
    from bantin.site.citecache import CitationCache
    from bantin.site.generate import csl_items
    from bantin.site.meta import SiteInfo

    items = csl_items(entries, bantin.cite, SiteInfo("https://x.vn/", "Bản tin"), code)
    cache = CitationCache.open(bantin.cite, path)
    cache.open_sources()
    cache.format_all(items)
    cache.save()
    return items, cache


def test_an_item_made_from_what_it_was_made_from_last_time_is_not_made_again(
    tmp_path: Path,
) -> None:
    import bantin.cite

    path = tmp_path / "cache" / "c.json"
    many = [cached_front(entry(f"bai-{n}", authors=(f"Trần Văn {n}",))) for n in range(3)]
    first, _ = formatted_again(path, many, "v1")
    assert len(first.made) == 3
    again, cache = formatted_again(path, many, "v1")
    assert again.made == {}, "nothing changed: no item is made, every citation is kept"
    assert len(json.loads(path.read_text("utf-8"))) == 3 * 4
    many[1] = cached_front(entry("bai-1", authors=("Lê Thị Sửa",)))
    changed, cache = formatted_again(path, many, "v1")
    assert list(changed.made) == [1], "only the corrected article's item is made"
    item = changed[1]
    assert cache.format(item, "apa", "text") == bantin.cite.format_citation(item, "apa")
    assert "Lê" in cache.format(item, "vn", "text")
    other_code, _ = formatted_again(path, many, "v2")
    assert len(other_code.made) == 3, "other code may make other items: all made again"
    sources = path.with_name("c.sources.json")
    sources.write_text("{damaged", encoding="utf-8")
    after_damage, cache = formatted_again(path, many, "v2")
    assert len(after_damage.made) == 3
    assert len(cache.known) == 3 * 4


def test_failed_background_formatting_is_a_build_error(tmp_path: Path) -> None:
    import bantin.cite
    from bantin.site.citecache import formatted_in_background

    class Broken:
        def __getattr__(self, name: str) -> object:
            return getattr(bantin.cite, name)

        def format_citation_html(self, item: object, style: str) -> str:
            raise ValueError("style file unreadable")

    item = bantin.cite.csl_item(entry("a").front, "2021/so-5/a/", "https://x.vn/")
    broken: Any = Broken()
    failed = pytest.raises(BuildError, match="citations failed: ValueError: style file unreadable")
    with failed, formatted_in_background(broken, tmp_path / "c.json", [item]):
        pass


def test_paths_cannot_leave_their_folder(tmp_path: Path) -> None:
    from bantin.site.exports import Folder, source_copy

    assert Folder(tmp_path).path("a/b.txt") == (tmp_path / "a/b.txt").resolve()
    with pytest.raises(BuildError, match="path leaves"):
        Folder(tmp_path).path("../outside.txt")
    sneaky = entry("a", source="sources/../../etc/passwd")
    with pytest.raises(BuildError, match="not a source file under sources/"):
        source_copy(sneaky, Folder(tmp_path))
