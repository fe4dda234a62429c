"""The built archive read as a researcher's tools read it: the meta tags as Zotero's page reader
takes them, the page's JSON-LD, Open Graph and Dublin Core with extruct, the downloads with
bibtexparser and rispy, CSL-JSON against the variables of the CSL-JSON schema; the sitemap's
lastmod, the issue feed's link, the PDF links, the licence and `bantin serve`'s content types.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import threading
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import bibtexparser
import extruct
import pytest
import rispy
from bibtexparser import middlewares

from bantin.exceptions import BuildError

try:  # tests/ is a package in some layouts and a plain folder in others
    from tests.test_site_archive import (
        AFFILIATIONS,
        DOI,
        EXTERNAL_PDF,
        ISSUE_6_LICENSE,
        PUBLISHER,
        REFERENCES,
        SEED_PDF,
        add_article,
        build,
        make_archive,
    )
except ImportError:
    from test_site_archive import (  # type: ignore[no-redef]
        AFFILIATIONS,
        DOI,
        EXTERNAL_PDF,
        ISSUE_6_LICENSE,
        PUBLISHER,
        REFERENCES,
        SEED_PDF,
        add_article,
        build,
        make_archive,
    )

SITE_URL = "https://luutru.example.vn/"
SEED_URL = "2021/so-5/kh-cn-ngay-cang-khang-dinh-vi-the/"
SEED_SLUG = "kh-cn-ngay-cang-khang-dinh-vi-the"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_archive(tmp_path_factory.mktemp("citable"))
    assert build(root).ok
    return root


def page_html(root: Path, url: str) -> str:
    return (root / "site" / url / "index.html").read_text(encoding="utf-8")


# -- the meta tags as Zotero's page reader (its "Embedded Metadata" translator) takes them --


class MetaReader(HTMLParser):
    """Every <meta name|property content> of a page's head, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        name = values.get("name") or values.get("property")
        if tag == "meta" and name and values.get("content"):
            self.tags.append((name, values["content"]))


HIGHWIRE_FIELDS = (  # Embedded Metadata.js HIGHWIRE_MAPPINGS, in its order
    ("citation_title", "title"),
    ("citation_publication_date", "date"),
    ("citation_date", "date"),
    ("citation_journal_title", "publicationTitle"),
    ("citation_journal_abbrev", "journalAbbreviation"),
    ("citation_volume", "volume"),
    ("citation_issue", "issue"),
    ("citation_publisher", "publisher"),
    ("citation_abstract", "abstractNote"),
    ("citation_doi", "DOI"),
    ("citation_language", "language"),
)


def zotero_item(html: str) -> dict[str, Any]:
    """The item Zotero's Embedded Metadata translator saves from these tags: a field is every
    tag whose name ends with the key (joined as its XPath text is); an author is split at a
    comma into last and first name, and one value holds several authors only when both sides
    of its comma hold a space; pages are first-last; the first citation_pdf_url is attached
    as the full text."""
    reader = MetaReader()
    reader.feed(html)
    tags = reader.tags

    def values(key: str) -> list[str]:
        return [content for name, content in tags if name.endswith(key)]

    item: dict[str, Any] = {"creators": [], "tags": [], "attachments": []}
    names = {name for name, _ in tags}
    if "citation_journal_title" in names:
        item["itemType"] = "journalArticle"
    for key, field in HIGHWIRE_FIELDS:
        found = values(key)
        if found:
            item[field] = " ".join(", ".join(found).split())
    for value in values("citation_author"):
        authors = re.split(r"\s*;\s*", value)
        if len(authors) == 1:
            by_comma = re.split(r"\s*,\s*", authors[0])
            if len(by_comma) > 1 and " " in by_comma[0] and " " in by_comma[1]:
                authors = by_comma
        for author in authors:
            last, _, first = author.strip().partition(",")
            item["creators"].append({"lastName": last.strip(), "firstName": first.strip()})
    for value in values("citation_keywords"):
        item["tags"] += [tag.strip() for tag in value.split(";") if tag.strip()]
    first, last = values("citation_firstpage"), values("citation_lastpage")
    if first:
        item["pages"] = first[0] + (f"-{last[0]}" if last else "")
    issn = values("citation_issn") or values("citation_eIssn")
    if issn:
        item["ISSN"] = issn[0]
    pdf = values("citation_pdf_url")
    if pdf:
        item["attachments"].append({"title": "Full Text PDF", "url": pdf[0]})
    return item


def test_zotero_saves_the_article_as_published_in_its_issue(built: Path) -> None:
    item = zotero_item(page_html(built, SEED_URL))
    assert item["itemType"] == "journalArticle"
    assert item["title"] == "KH&CN ngày càng khẳng định vị thế"
    # pen names kept whole: the trailing comma makes Zotero keep the name as one field
    assert item["creators"] == [
        {"lastName": "Hải Hằng", "firstName": ""},
        {"lastName": "Xuân Bình", "firstName": ""},
    ]
    assert item["date"] == "2021/05/15"  # the issue's date; the article tells of 2021-04-09
    assert item["publicationTitle"] == "Bản tin Thử nghiệm"
    assert "journalAbbreviation" not in item
    assert (item["issue"], item["pages"]) == ("5", "8-9")
    assert item["publisher"] == PUBLISHER
    assert item["DOI"] == DOI
    assert item["language"] == "vi"
    assert item["tags"] == ["khoa học", "công nghệ", "science"]
    assert item["attachments"] == [
        {"title": "Full Text PDF", "url": SITE_URL + "nguon/" + SEED_PDF.removeprefix("sources/")}
    ]


def test_family_names_are_split_as_zotero_splits_them(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    add_article(
        root,
        "sources/2021/05/009.txt",
        title="Bài có tên đầy đủ",
        authors=["Nguyễn Hoàng Giang"],
        slug="bai-co-ten-day-du",
        issue_date=dt.date(2021, 5, 15),
    )
    build(root)
    item = zotero_item(page_html(root, "2021/so-5/bai-co-ten-day-du/"))
    assert item["creators"] == [{"lastName": "Nguyễn", "firstName": "Hoàng Giang"}]
    assert "publisher" not in item  # no publisher in its metadata: none is made up
    assert "attachments" in item and item["attachments"] == []


def test_ojs_fields_institutions_references_and_urls(built: Path) -> None:
    reader = MetaReader()
    reader.feed(page_html(built, SEED_URL))
    tags = reader.tags
    authors = [(n, c) for n, c in tags if n in ("citation_author", "citation_author_institution")]
    assert authors == [
        ("citation_author", "Hải Hằng,"),
        ("citation_author_institution", AFFILIATIONS[0]),
        ("citation_author", "Xuân Bình,"),
        ("citation_author_institution", AFFILIATIONS[0]),
        ("citation_author_institution", AFFILIATIONS[1]),
    ]
    assert [c for n, c in tags if n == "citation_reference"] == REFERENCES
    assert [c for n, c in tags if n == "citation_abstract_html_url"] == [SITE_URL + SEED_URL]
    assert [c for n, c in tags if n == "DC.rights"] == [
        "https://creativecommons.org/licenses/by/4.0/"
    ]
    assert [c for n, c in tags if n == "DC.identifier"] == [SITE_URL + SEED_URL, DOI]
    assert [c for n, c in tags if n == "DC.publisher"] == [PUBLISHER]
    assert [c for n, c in tags if n.endswith("article:published_time")] == ["2021-05-15"] * 2
    assert [c for n, c in tags if n == "article:author"] == [
        SITE_URL + "tac-gia/hai-hang/",
        SITE_URL + "tac-gia/xuan-binh/",
    ]


def test_no_publisher_is_made_up_from_the_bulletins_name(built: Path) -> None:
    reader = MetaReader()
    reader.feed(page_html(built, "2021/so-6/bai-so-sau/"))
    names = {name for name, _ in reader.tags}
    assert not {"DC.publisher", "citation_publisher"} & names
    assert zotero_item(page_html(built, "2021/so-6/bai-so-sau/"))["date"] == "2021/06"


# -- JSON-LD, Open Graph and Dublin Core as extruct reads them --------------------------------

#: The schema.org types the archive uses and the properties it gives each (all schema.org's).
SCHEMA_ORG = {
    "ScholarlyArticle": {
        "@context", "headline", "name", "author", "datePublished", "dateModified",
        "inLanguage", "url", "isPartOf", "publisher", "identifier", "sameAs", "license",
        "abstract", "keywords", "articleSection", "pageStart", "pageEnd", "encoding",
        "citation",
    },
    "Person": {"name", "affiliation"},
    "Organization": {"name"},
    "PublicationIssue": {"issueNumber", "datePublished", "isPartOf"},
    "Periodical": {"name", "issn", "publisher"},
    "PropertyValue": {"propertyID", "value"},
    "MediaObject": {"encodingFormat", "contentUrl"},
}  # fmt: skip


def schema_org_nodes(node: Any) -> list[dict[str, Any]]:
    """Every typed node of a JSON-LD tree, checked against SCHEMA_ORG on the way."""
    if isinstance(node, list):
        return [found for item in node for found in schema_org_nodes(item)]
    if not isinstance(node, dict):
        return []
    kind = node.get("@type")
    assert kind in SCHEMA_ORG, kind
    assert set(node) - {"@type"} <= SCHEMA_ORG[kind], (kind, set(node) - SCHEMA_ORG[kind])
    found = [node]
    for value in node.values():
        found += schema_org_nodes(value)
    return found


def extracted(root: Path, url: str) -> dict[str, Any]:
    data: dict[str, Any] = extruct.extract(
        page_html(root, url),
        base_url=SITE_URL + url,
        syntaxes=["json-ld", "opengraph", "dublincore"],
        uniform=True,
    )
    return data


def test_json_ld_is_a_schema_org_scholarly_article(built: Path) -> None:
    (article,) = extracted(built, SEED_URL)["json-ld"]
    assert article["@context"] == "https://schema.org"
    schema_org_nodes(article)
    assert article["@type"] == "ScholarlyArticle"
    assert article["datePublished"] == "2021-05-15"
    issue = article["isPartOf"]
    assert (issue["@type"], issue["issueNumber"], issue["datePublished"]) == (
        "PublicationIssue",
        "5",
        "2021-05-15",
    )
    assert issue["isPartOf"]["@type"] == "Periodical"
    assert article["publisher"] == {"@type": "Organization", "name": PUBLISHER}
    assert article["identifier"] == {"@type": "PropertyValue", "propertyID": "DOI", "value": DOI}
    assert article["sameAs"] == "https://doi.org/" + DOI
    assert article["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert article["author"][1]["affiliation"] == [
        {"@type": "Organization", "name": name} for name in AFFILIATIONS
    ]
    assert article["citation"] == REFERENCES
    assert article["encoding"]["contentUrl"].endswith(Path(SEED_PDF).name)
    assert article["dateModified"] == "2021-05-15"


def test_every_article_page_has_valid_json_ld_open_graph_and_dublin_core(built: Path) -> None:
    for page in sorted((built / "site/2021").glob("so-*/*/index.html")):
        url = page.parent.relative_to(built / "site").as_posix() + "/"
        data = extracted(built, url)
        (article,) = data["json-ld"]
        assert schema_org_nodes(article)[0]["@type"] == "ScholarlyArticle"
        (graph,) = data["opengraph"]
        assert graph["@type"] == "article" and graph["og:url"] == SITE_URL + url
        assert graph["article:published_time"] == article["datePublished"]
        (dublin,) = data["dublincore"]
        dates = [e["content"] for e in dublin["elements"] if e["name"] == "DC.date"]
        assert dates == [article["datePublished"]]


def test_the_issue_6_licence_and_month(built: Path) -> None:
    (article,) = extracted(built, "2021/so-6/bai-so-sau/")["json-ld"]
    assert article["datePublished"] == "2021-06"
    assert article["license"] == ISSUE_6_LICENSE
    html = page_html(built, "2021/so-6/bai-so-sau/")
    assert f'<a href="{ISSUE_6_LICENSE}" rel="license">{ISSUE_6_LICENSE}</a>' in html
    assert 'Xuất bản: <time datetime="2021-06">tháng 6/2021</time>' in html


def test_the_footer_shows_the_archives_licence(built: Path) -> None:
    home = (built / "site/index.html").read_text(encoding="utf-8")
    link = '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>'
    assert link in home
    assert link in page_html(built, SEED_URL)


# -- the downloads, read with the parsers reference managers use -------------------------


def download(root: Path, url: str, slug: str, ext: str) -> str:
    return (root / "site" / url / f"{slug}.{ext}").read_text(encoding="utf-8")


def test_bibtex_download(built: Path) -> None:
    text = download(built, SEED_URL, SEED_SLUG, "bib")
    assert "  month = may,\n" in text
    library = bibtexparser.parse_string(
        text, append_middleware=[middlewares.MonthIntMiddleware(), middlewares.SeparateCoAuthors()]
    )
    assert not library.failed_blocks
    (entry,) = library.entries
    fields = {key: field.value for key, field in entry.fields_dict.items()}
    assert (fields["year"], fields["month"], fields["date"]) == ("2021", 5, "2021-05-15")
    assert fields["publisher"] == PUBLISHER and fields["doi"] == DOI
    assert fields["langid"] == fields["language"] == "vietnamese"
    assert fields["keywords"] == "khoa học, công nghệ"
    assert fields["journal"] == "Bản tin Thử nghiệm"


def test_ris_download(built: Path) -> None:
    (record,) = rispy.loads(download(built, SEED_URL, SEED_SLUG, "ris"))
    assert record["date"] == "2021/05/15" and record["year"] == "2021"
    assert record["secondary_title"] == record["alternate_title3"] == "Bản tin Thử nghiệm"
    assert "journal_name" not in record
    assert record["publisher"] == PUBLISHER and record["doi"] == DOI
    assert record["keywords"] == ["khoa học", "công nghệ"]
    (other,) = rispy.loads(download(built, "2021/so-6/bai-so-sau/", "bai-so-sau", "ris"))
    assert other["date"] == "2021/06/" and "publisher" not in other


def words(text: str) -> set[str]:
    return set(text.split())


#: The CSL-JSON schema's variables (csl-data.json), by kind.
CSL_NAME_VARIABLES = words(
    """
    author chair collection-editor compiler composer container-author contributor curator
    director editor editorial-director executive-producer guest host interviewer illustrator
    narrator organizer original-author performer producer recipient reviewed-author
    script-writer series-creator translator
    """
)
CSL_DATE_VARIABLES = words("accessed available-date event-date issued original-date submitted")
CSL_NUMBER_VARIABLES = words(
    """
    chapter-number citation-number collection-number edition first-reference-note-number
    issue locator number number-of-pages number-of-volumes page page-first part-number
    printing-number section supplement-number version volume
    """
)
CSL_STRING_VARIABLES = words(
    """
    abstract annote archive archive_collection archive_location archive-place authority
    call-number citation-key citation-label collection-title container-title
    container-title-short dimensions division DOI event event-title event-place genre ISBN
    ISSN jurisdiction keyword language license medium note original-publisher
    original-publisher-place original-title part-title PMCID PMID publisher publisher-place
    references reviewed-genre reviewed-title scale source status title title-short URL
    volume-title year-suffix
    """
)
CSL_NAME_PARTS = words(
    """
    family given dropping-particle non-dropping-particle suffix comma-suffix static-ordering
    literal parse-names
    """
)


def check_csl_item(item: dict[str, Any]) -> None:
    """One item against the CSL-JSON schema: required id and type, every key a variable of
    the schema with the value its kind allows (no additional properties)."""
    assert isinstance(item["id"], str | int) and item["type"] == "article-journal"
    for key, value in item.items():
        if key in ("id", "type"):
            continue
        if key in CSL_NAME_VARIABLES:
            assert isinstance(value, list) and value
            for name in value:
                assert isinstance(name, dict) and set(name) <= CSL_NAME_PARTS, name
                assert ("literal" in name) != ("family" in name), name
        elif key in CSL_DATE_VARIABLES:
            assert set(value) <= {"date-parts", "season", "circa", "literal", "raw"}
            parts = value["date-parts"]
            assert 1 <= len(parts) <= 2 and all(1 <= len(p) <= 3 for p in parts)
            assert all(isinstance(n, int) for p in parts for n in p)
        elif key in CSL_NUMBER_VARIABLES:
            assert isinstance(value, str | int) and str(value)
        else:
            assert key in CSL_STRING_VARIABLES, f"{key} is not a CSL-JSON variable"
            assert isinstance(value, str) and value


def test_csl_json_download(built: Path) -> None:
    (item,) = json.loads(download(built, SEED_URL, SEED_SLUG, "json"))
    check_csl_item(item)
    assert item["issued"] == {"date-parts": [[2021, 5, 15]]}
    assert (item["DOI"], item["publisher"]) == (DOI, PUBLISHER)
    (other,) = json.loads(download(built, "2021/so-6/bai-so-sau/", "bai-so-sau", "json"))
    check_csl_item(other)
    assert other["issued"] == {"date-parts": [[2021, 6]]}


def test_the_cite_box_shows_the_doi(built: Path) -> None:
    html = page_html(built, SEED_URL)
    box = html[html.index('id="trich-dan"') :]
    assert f'DOI: <a href="https://doi.org/{DOI}">https://doi.org/{DOI}</a>' in box
    assert f"https://doi.org/{DOI}" in box[box.index("Kiểu Việt Nam") :]  # in the citation
    assert f'class="bantin-doi">{DOI}</a>' in html


# -- sitemap lastmod: the day each page's content last changed ----------------------------


def lastmods(root: Path) -> dict[str, str | None]:
    tree = ET.parse(root / "site/sitemap.xml")
    found: dict[str, str | None] = {}
    for node in tree.getroot().iter(f"{SITEMAP}url"):
        loc = node.findtext(f"{SITEMAP}loc", "").removeprefix(SITE_URL)
        found[loc] = node.findtext(f"{SITEMAP}lastmod")
    return found


def test_sitemap_lastmod_is_each_pages_own(built: Path) -> None:
    found = lastmods(built)
    assert found[SEED_URL] == "2021-05-15"
    assert found["2021/so-6/bai-so-sau/"] == "2021-06-01"
    assert found["2021/so-5/"] == "2021-05-15"  # an issue: its newest article's
    assert found[""] == found["2021/"] == "2021-06-01"
    assert found["tac-gia/tran-thi-binh/"] == "2021-05-15"
    assert found["gioi-thieu/"] is None  # a hand-written page: no day recorded, none claimed


def test_a_changed_article_gets_the_builds_day_and_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_archive(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build(root)
    path = root / "docs/2021/so-5/bai-thu-hai.md"
    path.write_text(path.read_text("utf-8").replace("Đoạn hai", "Đoạn hai đã sửa"), "utf-8")
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(dt.datetime(2024, 3, 7, tzinfo=dt.UTC).timestamp()))
    )
    build(root)
    found = lastmods(root)
    assert found["2021/so-5/bai-thu-hai/"] == "2024-03-07"
    assert found["2021/so-5/"] == found[""] == "2024-03-07"
    assert found[SEED_URL] == "2021-05-15"  # unchanged pages keep their day
    line = next(
        line
        for line in (root / "published-urls.txt").read_text("utf-8").splitlines()
        if line.startswith("2021/so-5/bai-thu-hai/")
    )
    assert line.endswith("\t2024-03-07")
    site = {
        p.relative_to(root / "site"): p.read_bytes()
        for p in (root / "site").rglob("*")
        if p.is_file()
    }
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    build(root)  # another day, the same sources and registry: the same site
    again = {
        p.relative_to(root / "site"): p.read_bytes()
        for p in (root / "site").rglob("*")
        if p.is_file()
    }
    assert lastmods(root) == found
    assert {k for k in site if site[k] != again.get(k)} <= {Path("sitemap.xml.gz")}
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(root / "site/2021/so-5/feed.xml").getroot()
    entry = next(
        e for e in feed.iter(f"{atom}entry") if "bai-thu-hai" in e.findtext(f"{atom}id", "")
    )
    assert entry.findtext(f"{atom}updated") == "2024-03-07T00:00:00+00:00"
    assert entry.findtext(f"{atom}published") == "2021-05-15T00:00:00+00:00"
    assert feed.findtext(f"{atom}updated") == "2024-03-07T00:00:00+00:00"


def test_a_converter_upgrade_alone_changes_no_lastmod(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    build(root)
    path = root / "docs/2021/so-5/bai-thu-hai.md"
    path.write_text(
        path.read_text("utf-8").replace("converter: 0.2.0", "converter: 0.3.0"), "utf-8"
    )
    registry = (root / "published-urls.txt").read_text("utf-8")
    build(root)
    assert (root / "published-urls.txt").read_text("utf-8") == registry


# -- the PDFs ------------------------------------------------------------------------------


def test_a_missing_pdf_is_an_error_naming_the_sidecar(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    missing = "sources/2021/05/khong-co.pdf"
    (root / "sources/2021/05/002.yml").write_text(f"title: Bài thứ hai\npdf: {missing}\n", "utf-8")
    add_article(
        root, "sources/2021/05/002.txt", title="Bài thứ hai", slug="bai-thu-hai", pdf=missing
    )
    with pytest.raises(
        BuildError,
        match=r"sources/2021/05/002\.yml:2: pdf: 'sources/2021/05/khong-co\.pdf' names no file",
    ):
        build(root)
    assert not (root / "site").exists()


def test_a_missing_pdf_is_an_error_naming_the_front_matter(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    missing = "sources/2021/05/khong-co.pdf"
    add_article(
        root, "sources/2021/05/002.txt", title="Bài thứ hai", slug="bai-thu-hai", pdf=missing
    )
    (root / "sources/2021/06/001.yml").write_text(
        "pdf: sources/2021/06/cung-khong-co.pdf\n", "utf-8"
    )
    add_article(
        root,
        "sources/2021/06/001.txt",
        title="Bài số sáu",
        slug="bai-so-sau",
        issue=6,
        pdf="sources/2021/06/cung-khong-co.pdf",
    )
    with pytest.raises(BuildError) as raised:
        build(root)
    message = str(raised.value)
    assert re.search(
        r"docs/2021/so-5/bai-thu-hai\.md:\d+: pdf: 'sources/2021/05/khong-co\.pdf'", message
    )
    assert "sources/2021/06/001.yml:1: pdf:" in message  # every missing PDF, in one report


def test_the_pdf_copy_is_the_articles_own_file(built: Path) -> None:
    copy = built / "site/nguon" / SEED_PDF.removeprefix("sources/")
    assert copy.read_bytes() == (built / SEED_PDF).read_bytes()
    html = page_html(built, SEED_URL)
    assert "Bản PDF của cả số" not in html
    assert EXTERNAL_PDF not in html


# -- feeds -----------------------------------------------------------------------------------


def test_issue_feed_links_its_issue_page(built: Path) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(built / "site/2021/so-5/feed.xml").getroot()
    links = {
        link.get("rel"): link.get("href") for link in feed.iter(f"{atom}link") if link in list(feed)
    }
    assert links == {"self": SITE_URL + "2021/so-5/feed.xml", "alternate": SITE_URL + "2021/so-5/"}
    main = ET.parse(built / "site/feed.xml").getroot()
    assert [link.get("href") for link in main.findall(f"{atom}link[@rel='alternate']")] == [
        SITE_URL
    ]


# -- bantin serve's content types --------------------------------------------------------------


def test_serve_sends_citation_files_with_their_types(tmp_path: Path) -> None:
    from bantin.commands.serve import make_server

    for name in ("a.ris", "a.bib", "a.json", "a.txt", "index.html", "feed.xml", "a.pdf", "a.css"):
        (tmp_path / name).write_bytes(b"x")
    server = make_server(tmp_path, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        types = {}
        for name in (
            "a.ris",
            "a.bib",
            "a.json",
            "a.txt",
            "index.html",
            "feed.xml",
            "a.pdf",
            "a.css",
        ):
            with urllib.request.urlopen(base + name, timeout=10) as response:
                types[name] = response.headers["Content-Type"]
    finally:
        server.shutdown()
        server.server_close()
    assert types == {
        "a.ris": "application/x-research-info-systems; charset=utf-8",
        "a.bib": "application/x-bibtex; charset=utf-8",
        "a.json": "application/json",
        "a.txt": "text/plain; charset=utf-8",
        "index.html": "text/html; charset=utf-8",
        "feed.xml": "application/xml; charset=utf-8",
        "a.pdf": "application/pdf",
        "a.css": "text/css; charset=utf-8",
    }


def test_mkdocs_yml_license_is_checked(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    config = (root / "mkdocs.yml").read_text("utf-8")
    start = config.index("  license:\n")
    (root / "mkdocs.yml").write_text(config[:start] + "  license: {url: khong-phai-url}\n", "utf-8")
    with pytest.raises(BuildError, match=r"mkdocs\.yml: extra\.license"):
        build(root)
    shutil.rmtree(root)


def test_the_pages_with_pdfs_dois_and_licences_are_valid_html(built: Path) -> None:
    """The Nu Html Checker on the article pages that show an article's own PDF, an http(s)
    PDF and a whole issue's PDF (the alternate and licence links, the English keywords)."""
    try:
        from tests.test_html_valid import describe, is_theme_markup, run_vnu
    except ImportError:
        from test_html_valid import describe, is_theme_markup, run_vnu  # type: ignore[no-redef]

    pages = [
        built / "site" / url / "index.html"
        for url in (SEED_URL, "2021/so-6/bai-so-sau/", "2021/so-5/bai-thu-hai/", "")
    ]
    errors = [
        m
        for m in run_vnu(pages)
        if (m.get("type") == "error" or m.get("subType") == "fatal") and not is_theme_markup(m)
    ]
    assert not errors, "\n".join(describe(m) for m in errors)


def test_catalogue_dates_are_publication_dates(built: Path) -> None:
    data = json.loads((built / "site/catalogue.json").read_text(encoding="utf-8"))
    seed = next(row for row in data["articles"] if row["slug"] == SEED_SLUG)
    assert (seed["date"], seed["article_date"], seed["doi"]) == ("2021-05-15", "2021-04-09", DOI)
    june = next(row for row in data["articles"] if row["slug"] == "bai-so-sau")
    assert (june["date"], june["article_date"], june["doi"]) == ("2021-06", "2021-06-02", "")
