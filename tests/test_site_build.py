"""The built archive: pages, escaping, meta tags, JSON-LD, feeds, sitemap, registry, atomicity
and reproducibility, on a small archive built end to end with MkDocs."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

import bantin.cite
from bantin.exceptions import BuildError, Problem
from bantin.site import linking
from bantin.site.build import BuildOptions, Stages, build_site
from bantin.site.checks import third_party_in

SEED_URL = "2021/so-5/kh-cn-ngay-cang-khang-dinh-vi-the/"
HOSTILE_URL = "2021/so-5/bai-hiem-doc/"
SITE_URL = "https://luutru.example.vn/"

try:  # tests/ is a package in some layouts and a plain folder in others
    from tests.test_site_archive import (
        HOSTILE,
        HOSTILE_AUTHOR,
        HOSTILE_LEAD,
        add_article,
        build,
        make_archive,
        read_fixture_catalogue,
    )
    from tests.test_site_archive import (
        services as archive_services,
    )
except ImportError:
    from test_site_archive import (
        HOSTILE,
        HOSTILE_AUTHOR,
        HOSTILE_LEAD,
        add_article,
        build,
        make_archive,
        read_fixture_catalogue,
    )  # type: ignore[no-redef]
    from test_site_archive import (
        services as archive_services,
    )


class HeadParser(HTMLParser):
    """Collects meta tags, JSON-LD scripts and the <html> lang of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.json_ld: list[str] = []
        self.lang = ""
        self.scripts: list[str] = []
        self._in_script = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = values.get("lang", "")
        if tag == "meta" and "content" in values:
            key = values.get("name") or values.get("property") or ""
            self.meta.append((key, values["content"]))
        if tag == "script":
            self._in_script = values.get("type", "text/javascript")
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            if self._in_script == "application/ld+json":
                self.json_ld.append(self.scripts[-1])
            self._in_script = ""

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data

    def values(self, key: str) -> list[str]:
        return [v for k, v in self.meta if k == key]


def parse_page(path: Path) -> HeadParser:
    parser = HeadParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_archive(tmp_path_factory.mktemp("archive"))
    result = build(root)
    assert result.ok and result.articles == 4
    return root


def test_pages_exist(built: Path) -> None:
    site = built / "site"
    for page in (
        "index.html",
        "gioi-thieu/index.html",
        "2021/index.html",
        "2021/so-5/index.html",
        "2021/so-6/index.html",
        f"{SEED_URL}index.html",
        "tac-gia/index.html",
        "tac-gia/hai-hang/index.html",
        "chuyen-muc/index.html",
        "chuyen-muc/dien-dan/index.html",
        "404.html",
        "feed.xml",
        "2021/so-5/feed.xml",
        "catalogue.json",
        "catalogue.csv",
        "robots.txt",
        "sitemap.xml",
        "nguon/2021/05/000_c2e97c40b65a00ea.txt",
        f"{SEED_URL}kh-cn-ngay-cang-khang-dinh-vi-the.bib",
        f"{SEED_URL}kh-cn-ngay-cang-khang-dinh-vi-the.ris",
        f"{SEED_URL}kh-cn-ngay-cang-khang-dinh-vi-the.json",
    ):
        assert (site / page).is_file(), page
    assert not list(built.glob(".site-*")), "temporary folders must be gone"
    assert site.stat().st_mode & 0o777 == 0o755
    assert (built / "docs/index.md").stat().st_mode & 0o777 == 0o644


def test_home_page_lists_latest_issue_years_and_count(built: Path) -> None:
    text = (built / "site/index.html").read_text(encoding="utf-8")
    assert "Kho lưu trữ có 4 bài viết." in text
    assert 'href="2021/so-6/"' in text
    assert 'href="2021/"' in text


def test_issue_table_of_contents(built: Path) -> None:
    text = (built / "site/2021/so-5/index.html").read_text(encoding="utf-8")
    order = [
        text.index(f'href="{slug}/"')
        for slug in ("kh-cn-ngay-cang-khang-dinh-vi-the", "bai-thu-hai", "bai-hiem-doc")
    ]
    assert order == sorted(order), "articles in page order"
    assert "<td>8–9</td>" in text
    feed_link = 'type="application/atom+xml" title="Nguồn tin của số này" href="feed.xml">'
    assert feed_link in text
    assert 'href="../../tac-gia/hai-hang/"' in text


def test_article_page_header_and_links(built: Path) -> None:
    text = (built / "site" / SEED_URL / "index.html").read_text(encoding="utf-8")
    assert "<h1>KH&amp;CN ngày càng khẳng định vị thế</h1>" in text
    assert '<a href="../../../tac-gia/hai-hang/" rel="author">Hải Hằng</a>' in text
    assert 'Xuất bản: <time datetime="2021-05-15">15/05/2021</time>' in text
    assert 'Ngày nêu trong bài: <time datetime="2021-04-09">09/04/2021</time>' in text
    assert 'class="bantin-lead"' in text
    assert 'href="../bai-thu-hai/" rel="next"' in text
    assert 'href="../../../nguon/2021/05/000_c2e97c40b65a00ea.txt"' in text
    assert "Trích dẫn" in text and 'class="md-button bantin-copy"' in text
    assert 'href="kh-cn-ngay-cang-khang-dinh-vi-the.bib" download' in text
    assert 'id="p-doan-mot"' in text


def test_meta_tags_of_an_article(built: Path) -> None:
    page = parse_page(built / "site" / SEED_URL / "index.html")
    assert page.lang == "vi"
    assert page.values("citation_title") == ["KH&CN ngày càng khẳng định vị thế"]
    front = read_fixture_catalogue(built / "docs").entries[0].front
    assert page.values("citation_author") == bantin.cite.highwire_authors(front)
    assert len(page.values("citation_author")) == 2
    assert page.values("citation_publication_date") == ["2021/05/15"]  # the issue's date
    assert page.values("citation_date") == ["2021/05/15"]
    assert page.values("DC.date") == ["2021-05-15"]
    assert page.values("citation_journal_title") == ["Bản tin Thử nghiệm"]
    assert page.values("citation_issue") == ["5"]
    assert page.values("citation_firstpage") == ["8"]
    assert page.values("citation_lastpage") == ["9"]
    assert page.values("citation_language") == ["vi"]
    assert page.values("citation_abstract") == ["Một đoạn tóm tắt."]
    assert page.values("DC.title") == ["KH&CN ngày càng khẳng định vị thế"]
    assert page.values("DC.language") == ["vi"]
    assert page.values("og:type") == ["article"]
    assert page.values("og:url") == [SITE_URL + SEED_URL]
    assert page.values("og:locale") == ["vi_VN"]


def test_json_ld_is_a_scholarly_article_in_an_issue(built: Path) -> None:
    page = parse_page(built / "site" / SEED_URL / "index.html")
    (raw,) = page.json_ld
    data = json.loads(raw)
    assert data["@type"] == "ScholarlyArticle"
    assert data["headline"] == "KH&CN ngày càng khẳng định vị thế"
    assert data["isPartOf"]["@type"] == "PublicationIssue"
    assert data["isPartOf"]["issueNumber"] == "5"
    assert data["isPartOf"]["isPartOf"]["@type"] == "Periodical"
    assert [a["name"] for a in data["author"]] == ["Hải Hằng", "Xuân Bình"]


def test_hostile_metadata_stays_text(built: Path) -> None:
    site = built / "site"
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text, path
        assert "<b>A</b>" not in text, path
        assert "</script><script>" not in text, path
        assert "<b>B</b>" not in text and 'href="javascript:' not in text, path
    page = parse_page(site / HOSTILE_URL / "index.html")
    assert page.values("citation_title") == [HOSTILE]
    assert page.values("DC.creator") == [HOSTILE_AUTHOR]
    assert page.values("citation_abstract") == [HOSTILE_LEAD]
    (raw,) = page.json_ld
    data = json.loads(raw)
    assert data["headline"] == HOSTILE and data["abstract"] == HOSTILE_LEAD
    title = re.search(r"<title>(.*?)</title>", (site / HOSTILE_URL / "index.html").read_text())
    assert title and "&lt;script&gt;" in title.group(1)


def test_feeds_parse(built: Path) -> None:
    feed = feedparser.parse((built / "site/feed.xml").read_bytes())
    assert not feed.bozo
    assert feed.entries[0].link == SITE_URL + "2021/so-6/bai-so-sau/"
    assert len(feed.entries) == 4
    assert feed.feed.updated.startswith("2021-06-01")  # issue 6: June 2021, no day printed
    assert feed.feed.link == SITE_URL
    issue = feedparser.parse((built / "site/2021/so-5/feed.xml").read_bytes())
    assert not issue.bozo and len(issue.entries) == 3
    assert issue.feed.link == SITE_URL + "2021/so-5/"  # the issue's page, not the home page
    assert any(e.title == HOSTILE for e in issue.entries)
    assert {e.published[:10] for e in issue.entries} == {"2021-05-15"}


def test_sitemap_and_robots(built: Path) -> None:
    sitemap = (built / "site/sitemap.xml").read_text(encoding="utf-8")
    for url in (SEED_URL, HOSTILE_URL, "2021/so-6/bai-so-sau/"):
        assert f"<loc>{SITE_URL}{url}</loc>" in sitemap
    robots = (built / "site/robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots


def test_catalogue_exports(built: Path) -> None:
    data = json.loads((built / "site/catalogue.json").read_text(encoding="utf-8"))
    assert data["articles"][0]["url"] == SITE_URL + SEED_URL
    assert len(data["articles"]) == 4
    csv_text = (built / "site/catalogue.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("url,title,authors")
    assert len(csv_text.splitlines()) == 5


def test_registry_records_every_article(built: Path) -> None:
    lines = (built / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == 4
    url, source, sha, day = next(line for line in lines if line.startswith(SEED_URL)).split("\t")
    assert (url, source) == (SEED_URL, "sources/2021/05/000_c2e97c40b65a00ea.txt")
    assert len(sha) == 64 and day == "2021-05-15"  # first seen: its issue's publication day


def test_no_third_party_resources(built: Path) -> None:
    for path in sorted((built / "site").rglob("*")):
        if path.suffix in (".html", ".css"):
            text = path.read_text(encoding="utf-8")
            assert third_party_in(text, "luutru.example.vn") == [], path


def test_third_party_detection() -> None:
    page = (
        '<script src="https://cdn.example.com/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.googleapis.com/css">'
        '<a href="https://elsewhere.example/">a link loads nothing</a>'
        '<img src="https://luutru.example.vn/a.png">'
    )
    assert third_party_in(page, "luutru.example.vn") == [
        "//fonts.googleapis.com/css",
        "https://cdn.example.com/x.js",
    ]
    assert third_party_in("@import 'https://x.example/a.css';", "y") == ["https://x.example/a.css"]


def test_generated_downloads_are_linked_into_the_site(built: Path) -> None:
    """Generated files are hard links to docs/ (replaced by rename there, never rewritten in
    place); MkDocs writes the pages themselves."""
    for name in (
        f"{SEED_URL}kh-cn-ngay-cang-khang-dinh-vi-the.bib",
        "nguon/2021/05/000_c2e97c40b65a00ea.txt",
        "catalogue.csv",
    ):
        assert os.path.samefile(built / "site" / name, built / "docs" / name), name
    assert not os.path.samefile(built / "site/gioi-thieu/index.html", built / "docs/gioi-thieu.md")


def test_hand_written_files_are_copied_and_no_links_means_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_archive(tmp_path)
    drawing = root / "docs/hinh/so-do.svg"
    drawing.parent.mkdir(parents=True)
    drawing.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n', encoding="utf-8")
    build(root)
    published = root / "site/hinh/so-do.svg"
    assert published.read_bytes() == drawing.read_bytes()
    assert not os.path.samefile(published, drawing), "an editor's file is copied, not linked"
    before = tree_digest(root / "site")

    def no_links(source: object, target: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(linking.os, "link", no_links)
    build(root, clean=True)
    bib = f"{SEED_URL}kh-cn-ngay-cang-khang-dinh-vi-the.bib"
    assert not os.path.samefile(root / "site" / bib, root / "docs" / bib)
    assert tree_digest(root / "site") == before


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = make_archive(tmp_path / "one")
    build(first)
    before = tree_digest(first / "site")
    build(first)
    assert tree_digest(first / "site") == before
    build(first, clean=True)
    assert tree_digest(first / "site") == before
    assert (first / ".cache/bantin/citations.json").is_file()
    second = make_archive(tmp_path / "two")
    build(second)
    assert tree_digest(second / "site") == before


def test_the_collector_runs_less_often_outside_mkdocs_and_as_usual_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stages that read and write what lives until the build ends collect rarely;
    MkDocs, which drops each page's objects, and whatever runs after the build, as usual."""
    import gc

    import mkdocs.commands.build as mkdocs_build

    from bantin.site import build as site_build

    seen: dict[str, tuple[int, int, int]] = {}
    services = archive_services()
    real_catalogue, real_mkdocs = services.load_catalogue, mkdocs_build.build

    def catalogue(docs: Path) -> object:
        seen["catalogue"] = gc.get_threshold()
        return real_catalogue(docs)

    def mkdocs(*args: object, **kwargs: object) -> None:
        seen["mkdocs"] = gc.get_threshold()
        real_mkdocs(*args, **kwargs)

    services.load_catalogue = catalogue
    monkeypatch.setattr(mkdocs_build, "build", mkdocs)
    usual = gc.get_threshold()
    root = make_archive(tmp_path)
    site_build.build_site(BuildOptions(root=root), services, Stages())
    assert seen == {"catalogue": site_build.BUILD_COLLECTIONS, "mkdocs": usual}
    assert site_build.BUILD_COLLECTIONS[0] > usual[0]
    assert gc.get_threshold() == usual
    (root / "docs/gioi-thieu.md").write_text("# Giới thiệu\n\n[hỏng](khong-co.md)\n", "utf-8")
    with pytest.raises(BuildError):
        build(root)
    assert gc.get_threshold() == usual, "a failed build leaves the collector as it was"


def test_failed_build_leaves_site_untouched(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    build(root)
    before = tree_digest(root / "site")
    (root / "docs/gioi-thieu.md").write_text("# Giới thiệu\n\n[hỏng](khong-co.md)\n", "utf-8")
    with pytest.raises(BuildError, match="mkdocs build failed"):
        build(root)
    assert tree_digest(root / "site") == before
    assert not list(root.glob(".site-*"))


def test_failed_search_index_fails_the_build_and_leaves_site_untouched(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    build(root)
    before = tree_digest(root / "site")

    def broken_index(*args: object) -> None:
        raise OSError("disk full")

    services = archive_services()
    services.build_index = broken_index
    with pytest.raises(BuildError, match=r"search index failed: .*OSError: disk full"):
        build_site(BuildOptions(root=root), services, Stages())
    assert tree_digest(root / "site") == before
    assert not list(root.glob(".search-build-*"))


def test_vanished_url_fails_the_build(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    build(root)
    before = tree_digest(root / "site")
    registry_before = (root / "published-urls.txt").read_text(encoding="utf-8")
    (root / "docs/2021/so-5/bai-thu-hai.md").unlink()
    with pytest.raises(BuildError, match="2021/so-5/bai-thu-hai/ would disappear"):
        build(root)
    assert tree_digest(root / "site") == before
    assert (root / "published-urls.txt").read_text(encoding="utf-8") == registry_before


def test_changed_slug_leaves_a_redirect(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    build(root)
    (root / "docs/2021/so-5/bai-thu-hai.md").unlink()
    add_article(
        root,
        "sources/2021/05/002.txt",
        title="Bài thứ hai",
        authors=["Trần Thị Bình"],
        pages=[10],
        slug="bai-thu-hai-moi",
    )
    result = build(root)
    assert result.redirects == 1
    old = (root / "site/2021/so-5/bai-thu-hai/index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../bai-thu-hai-moi/">' in old
    assert f'<link rel="canonical" href="{SITE_URL}2021/so-5/bai-thu-hai-moi/">' in old
    assert '<a href="../bai-thu-hai-moi/">' in old
    lines = (root / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    assert "2021/so-5/bai-thu-hai/\tsources/2021/05/002.txt" in lines
    assert any(
        line.startswith("2021/so-5/bai-thu-hai-moi/\tsources/2021/05/002.txt\t") for line in lines
    )
    assert (root / "site/2021/so-5/bai-thu-hai-moi/index.html").is_file()
    sitemap = (root / "site/sitemap.xml").read_text(encoding="utf-8")
    assert "so-5/bai-thu-hai-moi/</loc>" in sitemap
    assert "so-5/bai-thu-hai/</loc>" not in sitemap, "redirect pages are not listed"


def test_generated_files_never_overwrite_hand_written_pages(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    (root / "docs/robots.txt").write_text("tự viết\n", "utf-8")
    with pytest.raises(BuildError, match="refusing to overwrite"):
        build(root)
    assert (root / "docs/robots.txt").read_text("utf-8") == "tự viết\n"
    assert not (root / "site").exists()


def test_stale_generated_files_are_removed(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    build(root)
    assert (root / "docs/2021/so-6/index.md").exists()
    shutil.rmtree(root / "docs/2021/so-6")
    (root / "published-urls.txt").write_text(
        "".join(
            line + "\n"
            for line in (root / "published-urls.txt").read_text("utf-8").splitlines()
            if "so-6" not in line
        ),
        "utf-8",
    )
    build(root)
    assert not (root / "docs/2021/so-6").exists()
    assert not (root / "site/2021/so-6").exists()


def test_source_date_epoch_is_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs's build date (the gzipped sitemap's timestamp) is SOURCE_DATE_EPOCH, else the
    newest day an article was published or changed: never the clock."""
    import gzip

    root = make_archive(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build(root)
    with gzip.open(root / "site/sitemap.xml.gz") as stream:
        assert stream.read()
        assert stream.mtime == 1622505600  # 2021-06-01, when issue 6 came out
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1620000000")
    build(root)
    with gzip.open(root / "site/sitemap.xml.gz") as stream:
        assert stream.read()
        assert stream.mtime == 1620000000


def test_plain_mkdocs_strict_build_passes_after_bantin_build(built: Path, tmp_path: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(built / "mkdocs.yml"), site_dir=str(tmp_path / "out"), strict=True)
    mkdocs_build(config)
    assert (tmp_path / "out" / SEED_URL / "index.html").is_file()


@dataclass
class FakeReport:
    problems: list[Problem]


def test_keep_going_builds_the_rest_and_reports(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    bad = Problem("sources/2021/05/hong.txt", "not decodable text", 1)
    services = archive_services()
    services.convert_sources = lambda *args, **kwargs: FakeReport([bad])
    with pytest.raises(BuildError, match="1 problem"):
        build_site(BuildOptions(root=root), services, Stages())
    assert not (root / "site").exists()
    result = build_site(BuildOptions(root=root, keep_going=True), services, Stages())
    assert not result.ok and result.problems.items == [bad]
    assert (root / "site" / SEED_URL / "index.html").is_file()


def test_the_whole_issues_pdf_is_linked_but_never_cited_as_the_articles(built: Path) -> None:
    """`pdf: sources/2021/05/issue.pdf#page=10`: a page of the whole issue, which a reference
    manager would attach as the article's full text: linked as the issue's PDF only."""
    path = built / "site/2021/so-5/bai-thu-hai/index.html"
    page = parse_page(path)
    assert page.values("citation_pdf_url") == []
    text = path.read_text("utf-8")
    assert 'href="../../../nguon/2021/05/issue.pdf#page=10"' in text
    assert "Bản PDF của cả số" in text and 'type="application/pdf" title=' not in text
    assert (built / "site/nguon/2021/05/issue.pdf").read_bytes().startswith(b"%PDF")


def test_the_articles_own_pdf_is_linked_and_cited(built: Path) -> None:
    path = built / "site" / SEED_URL / "index.html"
    page = parse_page(path)
    pdf = "nguon/2021/05/000_kh-cn-ngay-cang-khang-dinh-vi-the.pdf"
    assert page.values("citation_pdf_url") == [SITE_URL + pdf]
    text = path.read_text("utf-8")
    assert f'href="../../../{pdf}" type="application/pdf">Bản PDF của bài</a>' in text
    assert (
        f'<link rel="alternate enclosure" type="application/pdf" title="Bản PDF của bài" '
        f'href="../../../{pdf}">'
    ) in text
    assert (built / "site" / pdf).read_bytes() == (
        built / "sources/2021/05" / Path(pdf).name
    ).read_bytes()


def test_an_http_pdf_is_linked_and_cited_not_dropped(built: Path) -> None:
    url = "https://tap-chi.example.org/pdf/bai-so-sau.pdf"
    path = built / "site/2021/so-6/bai-so-sau/index.html"
    assert parse_page(path).values("citation_pdf_url") == [url]
    text = path.read_text("utf-8")
    assert f'<a href="{url}" type="application/pdf">Bản PDF của bài</a>' in text
    assert f'type="application/pdf" title="Bản PDF của bài" href="{url}">' in text


BUILD_IN_SUBPROCESS = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from test_site_archive import build, make_archive
build(make_archive(Path(sys.argv[2])))
"""


def test_builds_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    digests = []
    for seed in ("1", "2"):
        root = tmp_path / f"seed-{seed}"
        root.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env.pop("SOURCE_DATE_EPOCH", None)
        subprocess.run(
            [sys.executable, "-c", BUILD_IN_SUBPROCESS, str(Path(__file__).parent), str(root)],
            check=True,
            env=env,
            capture_output=True,
            timeout=300,
        )
        digests.append(tree_digest(root / "site"))
    assert digests[0] and digests[0] == digests[1]


def test_search_index_is_part_of_the_site(built: Path) -> None:
    assert (built / "site/search/manifest.json").is_file()


GIVE_BACK = """
import sys
from bantin.site.build import give_back_memory

def resident_mb():
    with open("/proc/self/statm") as stat:
        return int(stat.read().split()[1]) * 4096 // 2**20

pieces = [bytes(1000) + str(n).encode() for n in range(200_000)]  # 200 MB in the C heap
kept = pieces[::100]  # pieces still in use between the others: free() gives nothing back
del pieces
before = resident_mb()
asked = give_back_memory()
print(asked, before, resident_mb())
"""


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs Linux's /proc")
def test_the_memory_a_build_freed_goes_back_to_the_system() -> None:
    """What the pages stage freed would otherwise count in the build's size through MkDocs
    (about 450 MB at 10,000 articles)."""
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", GIVE_BACK], capture_output=True, text=True, check=True
    ).stdout.split()
    asked, before, after = out[0] == "True", int(out[1]), int(out[2])
    assert asked
    assert before - after >= 100, (before, after)
