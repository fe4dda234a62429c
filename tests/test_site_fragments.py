"""Files that list every article (oai.xml, catalogue.json, catalogue.csv) are assembled from
one part per article; a part the last build made for the same inputs is reused. Either way the
file is the one a single pass over every article prints (bantin.site.fragments)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bantin.metadata import FrontMatter
from bantin.site import exports, oai
from bantin.site.fragments import Fragments
from bantin.site.meta import SiteInfo
from bantin.site.pages import GeneratedFile

try:  # tests/ is a package in some layouts and a plain folder in others
    from tests.test_site_archive import FakeEntry
except ImportError:
    from test_site_archive import FakeEntry  # type: ignore[no-redef]

SITE = SiteInfo("https://luutru.example.vn/", 'Lưu trữ <Bản tin> & "KH"')
HARVEST = oai.HarvestSettings("luutru@example.vn", rights="CC BY 4.0")
#: Text with what XML, JSON and CSV each escape or quote, and what a spreadsheet would run.
TEXT = st.text(
    st.sampled_from("aăâ bcđ éệĐổ<>&\"',;\n\r\t=+-@\\/\u202e"), min_size=1, max_size=30
).filter(lambda t: t.strip())


def entry(number: int, title: str, lead: str, authors: list[str]) -> FakeEntry:
    slug = f"bai-{number}"
    front = FrontMatter(
        title=title,
        authors=authors,
        issue=1 + number % 12,
        year=2015 + number % 3,
        pages=[number + 1],
        slug=slug,
        lead=lead,
        section=lead[:5] or None,
        source=f"sources/2015/01/{slug}.txt",
        source_sha256="0" * 64,
        converter="test",
        date=dt.date(2015, 1, 1 + number % 28),
    )
    year, issue = front.year, front.issue
    return FakeEntry(front, [], Path(f"{year}/so-{issue}/{slug}.md"), f"{year}/so-{issue}/{slug}/")


ENTRIES = st.lists(st.tuples(TEXT, TEXT, st.lists(TEXT, max_size=3)), min_size=1, max_size=5).map(
    lambda drawn: [entry(n, *values) for n, values in enumerate(drawn)]
)


def plain_oai(entries: Sequence[Any]) -> GeneratedFile:
    """oai.xml as one ElementTree document holding every record."""
    records = [oai.record(e, "", SITE, HARVEST) for e in entries]
    return oai.oai_file(oai.document(entries, SITE, HARVEST, records))


def plain_json(entries: Sequence[Any]) -> GeneratedFile:
    rows = [exports.catalogue_row(e, SITE.site_url) for e in entries]
    text = json.dumps({"articles": rows}, ensure_ascii=False, indent=1, sort_keys=True)
    return GeneratedFile("catalogue.json", (text + "\n").encode("utf-8"))


def plain_csv(entries: Sequence[Any]) -> GeneratedFile:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=exports.CATALOGUE_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for found in entries:
        row = exports.catalogue_row(found, SITE.site_url)
        row["authors"] = "; ".join(row["authors"])
        writer.writerow({key: exports.csv_cell(value) for key, value in row.items()})
    return GeneratedFile("catalogue.csv", ("\ufeff" + buffer.getvalue()).encode("utf-8"))


MAKERS: dict[str, Callable[..., GeneratedFile]] = {
    "oai": lambda entries, *kept: oai.static_repository(entries, SITE, HARVEST, {}, *kept),
    "json": lambda entries, *kept: exports.catalogue_json(entries, SITE.site_url, *kept),
    "csv": lambda entries, *kept: exports.catalogue_csv(entries, SITE.site_url, *kept),
}
PLAIN = {"oai": plain_oai, "json": plain_json, "csv": plain_csv}


@settings(max_examples=60, deadline=None)
@given(entries=ENTRIES)
def test_a_file_assembled_from_parts_is_the_one_printed_at_once(entries: list[Any]) -> None:
    for kind, make in MAKERS.items():
        assert make(entries) == PLAIN[kind](entries), kind


@settings(max_examples=40, deadline=None)
@given(entries=ENTRIES, changed=st.integers(min_value=0), title=TEXT)
def test_only_the_changed_articles_part_is_made_again(
    entries: list[Any], changed: int, title: str
) -> None:
    """A build keeps the parts of the last one (in the files it wrote); one article changed
    (a new key): its part alone is made, and the file is the one printed at once."""
    keys = [f"key-{n}" for n in range(len(entries))]
    with tempfile.TemporaryDirectory() as folder:
        docs = Path(folder)
        last = Fragments("inputs", docs=docs)
        for make in MAKERS.values():
            written = make(entries, keys, last)
            (docs / written.path).write_bytes(written.content)
        at = changed % len(entries)
        old = entries[at]
        front = old.front.model_copy(update={"title": title})
        entries[at] = FakeEntry(front, [], old.path, old.url)
        keys[at] = "key-changed"
        now = Fragments("inputs", last.now, docs=docs)
        for kind, make in MAKERS.items():
            assert make(entries, keys, now) == PLAIN[kind](entries), kind
        assert now.made == len(MAKERS)


def written(found: Fragments, kind: str, parts: dict[str, str], name: str = "") -> bytes:
    """A file of `parts` (key: text) as a build assembles it, written where it goes."""
    name = name or f"{kind}.txt"
    made = [(key, found.part(kind, key, lambda text=text: text)) for key, text in parts.items()]
    content = found.assemble(kind, name, b"<", made, b">")
    assert found.docs is not None
    found.docs.mkdir(parents=True, exist_ok=True)
    (found.docs / name).write_bytes(content)
    return content


def reused(root: Path, kind: str, key: str, inputs: str = "inputs") -> bytes | None:
    """The part of `key` the next build takes from the last one (None: made again)."""
    found = Fragments.open(root, inputs, usable=True)
    text = found.part(kind, key, lambda: "\0made")
    return None if text == b"\0made" else text


def test_parts_are_kept_for_the_next_build_only_with_the_same_inputs(tmp_path: Path) -> None:
    found = Fragments.open(tmp_path, "inputs", usable=True)
    assert written(found, "oai", {"k": "made", "l": "Đổi"}) == "<madeĐổi>".encode()
    found.save(tmp_path)
    again = Fragments.open(tmp_path, "inputs", usable=True)
    assert again.part("oai", "k", lambda: "other") == b"made" and again.made == 0
    assert again.part("oai", "l", lambda: "other") == "Đổi".encode()
    assert again.part("oai", "new", lambda: "other") == b"other" and again.made == 1
    assert Fragments.open(tmp_path, "other inputs", usable=True).known == {}
    assert Fragments.open(tmp_path, "inputs", usable=False).known == {}
    # a file kept whole by a build (no part of it used) keeps its parts for the next
    again = Fragments.open(tmp_path, "inputs", usable=True)
    written(again, "json", {"j": "row"})
    again.save(tmp_path)
    assert reused(tmp_path, "oai", "k") == b"made" and reused(tmp_path, "json", "j") == b"row"


@pytest.mark.parametrize("edit", ["edited", "same size", "removed", "link", "folder", "pipe"])
def test_a_file_not_as_written_serves_no_part(tmp_path: Path, edit: str) -> None:
    """The file the spans describe edited by hand (even to the same size), removed, or
    replaced by a link, a folder or a pipe (never waited on): its parts are made again."""
    found = Fragments.open(tmp_path, "inputs", usable=True)
    written(found, "oai", {"k": "made", "l": "kept"}, "oai.xml")
    found.save(tmp_path)
    assert reused(tmp_path, "oai", "k") == b"made"
    path = tmp_path / "docs" / "oai.xml"
    if edit == "edited":
        path.write_bytes(b"<mad kept>")
    elif edit == "same size":
        path.write_bytes(b"<MADEkept>")
    else:
        path.unlink()
    if edit == "link":
        (tmp_path / "elsewhere").write_bytes(b"<madekept>")
        path.symlink_to(tmp_path / "elsewhere")
    elif edit == "folder":
        path.mkdir()
    elif edit == "pipe":
        os.mkfifo(path)
    assert reused(tmp_path, "oai", "k") is None and reused(tmp_path, "oai", "l") is None


def test_an_issues_feed_is_made_again_only_when_one_of_its_articles_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Feeds with the build's memo: the issue of the changed article gets a new feed, the
    other issues' feeds are the files already in docs/, and every feed is the plain one."""
    from bantin.site import feeds, generate

    docs = tmp_path / "docs"
    entries = [entry(n, f"Bài {n}", f"Tóm tắt {n}", ["Hải Hằng"]) for n in range(6)]
    memo = generate.ArticleMemo("inputs")

    def keys() -> dict[str, str]:  # each article's digest, as `ArticleKeys` gives it
        return {e.url: generate.digest(e.front.model_dump_json()) for e in entries}

    for made in generate.feed_files(entries, SITE, {}, docs, memo, keys()).files:
        (docs / made.path).parent.mkdir(parents=True, exist_ok=True)
        (docs / made.path).write_bytes(made.content)
    memo.save(tmp_path, docs)
    old = entries[4]
    entries[4] = FakeEntry(old.front.model_copy(update={"lead": "Sửa"}), [], old.path, old.url)
    made_for: list[tuple[int, int]] = []
    real = feeds.issue_feed

    def counting(year: int, issue: int, *args: Any) -> GeneratedFile:
        made_for.append((year, issue))
        return real(year, issue, *args)

    monkeypatch.setattr(feeds, "issue_feed", counting)
    memo = generate.ArticleMemo.open(tmp_path, "inputs", usable=True)
    found = generate.feed_files(entries, SITE, {}, docs, memo, keys())
    made = {f.path: f.content for f in found.files}
    assert made_for == [(old.front.year, old.front.issue)]
    assert set(made) | set(found.kept) == {f.path for f in feeds.all_feeds(entries, SITE)}
    for plain in feeds.all_feeds(entries, SITE):
        assert made.get(plain.path, (docs / plain.path).read_bytes()) == plain.content


def test_the_pages_template_data_reads_back_as_written(tmp_path: Path) -> None:
    """Each page's record is one line of docs/.bantin-pages.json: a record holding characters
    other programs take for line ends (U+2028, U+0085, a form feed) reads back whole."""
    from bantin.site import generate

    docs = tmp_path / "docs"
    docs.mkdir()
    records = {
        "2021/so-5/a.md": {"lead": "Dòng\u2028tách\x85và\x0cthêm", "title": "A\tB"},
        "2021/so-5/b.md": {"lead": "Thường"},
    }
    data = {uri: generate.record_json(r).encode("utf-8") for uri, r in records.items()}
    generate.write_site_files(docs, generate.SiteFiles([], data), set())
    found = generate.PageData.read(docs)
    assert dict(found.items()) == records
    assert [found.digest(uri) for uri in records] == [
        hashlib.sha256(data[uri]).hexdigest() for uri in records
    ]


def test_a_damaged_or_cut_database_reuses_nothing(tmp_path: Path) -> None:
    """A row not as written (a span past the file's end, a span list that is not one, a
    size that is not a number), a cut or overwritten database: nothing is reused, and the
    next build writes the cache afresh."""
    from bantin.site import cachedb

    found = Fragments.open(tmp_path, "inputs", usable=True)
    written(found, "oai", {"k": "<oai:record>Đổi mới\n</oai:record>"})
    written(found, "csv", {"c": "a,b\r\n"})
    found.save(tmp_path)
    path = cachedb.path_of(tmp_path)
    assert Fragments.open(tmp_path, "inputs", usable=True).known == found.now
    data = path.read_bytes()
    damaged = []
    for change in [
        "spans = '[[\"k\", 1, 99999]]'",
        "spans = '[[\"k\", 1]]'",
        "spans = 'not json'",
        "size = 'many'",
    ]:
        path.write_bytes(data)
        with sqlite3.connect(path) as connection:
            connection.execute(f"UPDATE spans SET {change} WHERE kind = 'oai'")
        connection.close()
        damaged.append(path.read_bytes())
    damaged += [data[: len(data) // 2], b"x" * len(data), data[:100]]
    for bytes_ in damaged:
        path.write_bytes(bytes_)
        again = Fragments.open(tmp_path, "inputs", usable=True)
        assert again.known == {} and not again.stored
        written(again, "oai", {"k": "made again"})
        again.save(tmp_path)
        assert reused(tmp_path, "oai", "k") == b"made again"
        assert reused(tmp_path, "csv", "c") is None


def test_a_build_writes_only_the_parts_and_records_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Of a cache of many articles, one correction writes the spans of the one file it
    assembled again (one row) and the one record of what it made; a file kept whole keeps
    its row."""
    from bantin.site import cachedb, generate

    docs = tmp_path / "docs"
    docs.mkdir()
    memo = generate.ArticleMemo("inputs", fragments=Fragments("inputs", docs=docs))
    assert memo.fragments is not None
    written(memo.fragments, "json", {f"key-{n}": f"row {n}" for n in range(50)})
    written(memo.fragments, "csv", {f"key-{n}": f"line {n}" for n in range(50)})
    for n in range(50):
        memo.remember(f"a{n}.md", f"key-{n}", [])
    memo.save(tmp_path, docs)
    records: list[tuple[str, cachedb.Change]] = []
    real = cachedb.write

    def recording(root: Path, table: str, inputs: str, change: cachedb.Change) -> None:
        records.append((table, change))
        real(root, table, inputs, change)

    monkeypatch.setattr(cachedb, "write", recording)
    again = generate.ArticleMemo.open(tmp_path, "inputs", usable=True)
    assert again.stored and again.fragments is not None and again.fragments.stored
    parts = {("key-new" if n == 7 else f"key-{n}"): f"row {n}" for n in range(50)}
    parts["key-new"] = "row 7, corrected"
    written(again.fragments, "json", parts)
    assert again.fragments.made == 1
    for n in range(50):
        if n == 7:
            again.remember("a7.md", "key-new", [])
        else:
            assert again.reuse(f"a{n}.md", f"key-{n}", docs, record=False) == []
    again.save(tmp_path, docs)
    changes = dict(records)
    assert changes["made"].put == [("a7.md", '["key-new", [], ""]')] and not changes["made"].afresh
    assert [row[:2] for row in changes["spans"].put] == [("json", "json.txt")]
    assert not changes["spans"].afresh and not list(changes["spans"].remove)
    final = generate.ArticleMemo.open(tmp_path, "inputs", usable=True)
    assert final.known == again.now and final.fragments is not None
    assert final.fragments.known == {**again.fragments.known, **again.fragments.now}
    assert reused(tmp_path, "json", "key-new") == b"row 7, corrected"
    assert reused(tmp_path, "csv", "key-7") == b"line 7"


def test_the_articles_memo_serves_only_its_inputs_and_survives_damage(tmp_path: Path) -> None:
    from bantin.site import cachedb, generate

    docs = tmp_path / "docs"
    docs.mkdir()
    assert generate.ArticleMemo.open(tmp_path, "inputs", usable=True).known == {}  # no cache
    memo = generate.ArticleMemo("inputs")
    memo.remember("a.md", "key", [])
    memo.save(tmp_path, docs)
    assert generate.ArticleMemo.open(tmp_path, "inputs", usable=True).known == {
        "a.md": ["key", [], ""]
    }
    assert generate.ArticleMemo.open(tmp_path, "other", usable=True).known == {}
    assert generate.ArticleMemo.open(tmp_path, "inputs", usable=False).known == {}
    with sqlite3.connect(cachedb.path_of(tmp_path)) as connection:
        connection.execute("UPDATE made SET entry = 'not json'")
    connection.close()
    broken = generate.ArticleMemo.open(tmp_path, "inputs", usable=True)
    assert broken.known == {} and not broken.stored
    cachedb.path_of(tmp_path).write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    assert generate.ArticleMemo.open(tmp_path, "inputs", usable=True).known == {}
    broken.remember("b.md", "key-b", [])
    broken.save(tmp_path, docs)
    assert generate.ArticleMemo.open(tmp_path, "inputs", usable=True).known == {
        "b.md": ["key-b", [], ""]
    }


def test_an_index_page_is_made_again_only_when_one_of_its_articles_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Index pages with the build's memo and each article's `ArticleKeys` digest: a new title
    (or a new last-changed day) makes again the pages of the issue, the authors and the section
    it is on and no other group's; every page is the plain one."""
    from bantin.site import generate, meta, pages, urls

    docs = tmp_path / "docs"
    entries = [entry(n, f"Bài {n}", f"Mục {n % 2}", [f"Tác giả {n}"]) for n in range(6)]

    def keys(lastmods: dict[str, str]) -> dict[str, str]:
        found = generate.ArticleKeys(tmp_path, SITE, urls.NameIndex(entries))
        siblings = meta.siblings_in_issue(entries)
        return {e.url: found.of(e, siblings[e.url], lastmods.get(e.url, "")) for e in entries}

    def build(lastmods: dict[str, str]) -> generate.SiteFiles:
        memo = generate.ArticleMemo.open(tmp_path, "inputs", usable=True)
        names = urls.NameIndex(entries)
        plain = pages.index_pages(entries, names, lastmods)
        made_for.clear()  # only what the build with the memo makes
        found = generate.index_pages(entries, names, docs, memo, lastmods, keys(lastmods))
        for made in found.files:
            (docs / made.path).parent.mkdir(parents=True, exist_ok=True)
            (docs / made.path).write_bytes(made.content)
        memo.save(tmp_path, docs)
        assert {f.path for f in found.files} | set(found.kept) == {f.path for f in plain}
        for page in plain:
            assert (docs / page.path).read_bytes() == page.content
        return found

    made_for: list[str] = []
    real_issue, real_listing = pages.issue_page, pages.listing_pages

    def issue_page(year: int, issue: int, *args: Any) -> GeneratedFile:
        made_for.append(f"issue {year}/{issue}")
        return real_issue(year, issue, *args)

    def listing_pages(listing: pages.Listing, *args: Any) -> list[GeneratedFile]:
        made_for.append(listing.name)
        return real_listing(listing, *args)

    monkeypatch.setattr(pages, "issue_page", issue_page)
    monkeypatch.setattr(pages, "listing_pages", listing_pages)
    build({})
    assert len(made_for) == 6 + 6 + 2  # every issue, author and section
    build({})
    assert made_for == []
    old = entries[4]
    entries[4] = FakeEntry(old.front.model_copy(update={"title": "Sửa"}), [], old.path, old.url)
    build({})
    assert made_for == [f"issue {old.front.year}/{old.front.issue}", "Tác giả 4", "Mục 0"]
    build({entries[3].url: "2024-01-02"})
    third = entries[3].front
    assert made_for == [f"issue {third.year}/{third.issue}", "Tác giả 3", "Mục 1"]


def test_csl_items_are_the_list_made_when_asked_for() -> None:
    """The CSL items of a build are the records `csl_item` gives, in catalogue order, each
    made only when asked for (a rebuild asks for those of the articles it makes again)."""
    import bantin.cite
    from bantin.site import generate

    entries = [entry(n, f"Bài {n}", f"Tóm tắt {n}", ["Hải Hằng"]) for n in range(5)]
    plain = [
        bantin.cite.csl_item(e.front, e.url, SITE.site_url, container_title=SITE.site_name)
        for e in entries
    ]
    asked: list[str] = []

    class Counting:
        def __getattr__(self, name: str) -> Any:
            return getattr(bantin.cite, name)

        def csl_item(self, front: Any, *args: Any, **kwargs: Any) -> Any:
            asked.append(front.slug)
            return bantin.cite.csl_item(front, *args, **kwargs)

    items = generate.csl_items(entries, Counting(), SITE)  # type: ignore[arg-type]
    assert len(items) == 5 and asked == []
    assert items[3] == plain[3] and items[-1] == plain[4] and asked == ["bai-3", "bai-4"]
    assert items[3] is items[3] and asked == ["bai-3", "bai-4"]
    assert list(items) == plain and items[1:3] == plain[1:3]
    with pytest.raises(IndexError):
        items[5]


@pytest.mark.parametrize("there", ["missing", "empty"])
def test_the_build_cache_database_is_never_written_through_a_link(
    tmp_path: Path, there: str
) -> None:
    """A symbolic link where the database or its journal goes is not followed: the file it
    points to is not made or written, nothing is read from it, and the cache is a file of
    its own."""
    from bantin.site import cachedb

    outside = tmp_path / "outside"
    outside.mkdir()
    target, journal_target = outside / "db", outside / "journal"
    if there == "empty":
        target.write_bytes(b"")
    root = tmp_path / "project"
    path = cachedb.path_of(root)
    path.parent.mkdir(parents=True)
    path.symlink_to(target)
    path.with_name(path.name + "-journal").symlink_to(journal_target)
    assert Fragments.open(root, "inputs", usable=True).known == {}
    found = Fragments("inputs", docs=root / "docs")
    written(found, "oai", {"k": "made"})
    found.save(root)
    assert sorted(p.name for p in outside.iterdir()) == (["db"] if there == "empty" else [])
    assert not target.exists() or target.read_bytes() == b""
    assert not path.is_symlink() and path.is_file()
    assert reused(root, "oai", "k") == b"made"


def test_the_cache_files_of_earlier_versions_go_once_the_database_is_written(
    tmp_path: Path,
) -> None:
    """An upgrade leaves no tens of megabytes of the old cache behind: neither the files of
    earlier versions nor the table of every part's text (`parts`)."""
    from bantin.site import cachedb

    folder = cachedb.path_of(tmp_path).parent
    folder.mkdir(parents=True)
    for name in cachedb.OBSOLETE:
        (folder / name).write_text("{}", encoding="utf-8")
    with sqlite3.connect(cachedb.path_of(tmp_path)) as connection:
        connection.execute("CREATE TABLE meta (name PRIMARY KEY, value)")
        connection.execute("INSERT INTO meta VALUES ('format', ?)", [cachedb.FORMAT])
        connection.execute("CREATE TABLE parts (kind, key, text, sha, PRIMARY KEY (kind, key))")
        connection.execute("INSERT INTO parts VALUES ('oai', 'k', x'00', x'00')")
    connection.close()
    found = Fragments("inputs", docs=tmp_path / "docs")
    written(found, "oai", {"k": "<oai:record/>"})
    found.save(tmp_path)
    assert [name for name in cachedb.OBSOLETE if (folder / name).exists()] == []
    assert Fragments.open(tmp_path, "inputs", usable=True).known == found.now
    with sqlite3.connect(cachedb.path_of(tmp_path)) as connection:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert "parts" not in tables and "spans" in tables
