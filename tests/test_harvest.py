"""What libraries, aggregators and registries read: the OAI-PMH static repository, the JATS
XML of every article and the Crossref deposit, validated against their own XML schemas
(vendored in tests/schemas/, see its README; nothing is fetched at test time)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from bantin.metadata import FrontMatter
from bantin.model import Block, BlockKind

try:  # tests/ is a package in some layouts and a plain folder in others
    from tests.test_site_archive import FakeEntry, add_article, build, make_archive
except ImportError:
    from test_site_archive import (  # type: ignore[no-redef]
        FakeEntry,
        add_article,
        build,
        make_archive,
    )

SCHEMAS = Path(__file__).resolve().parent / "schemas"
SITE_URL = "https://luutru.example.vn/"
SR = "http://www.openarchives.org/OAI/2.0/static-repository"
OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
NS = {"sr": SR, "oai": OAI, "oai_dc": OAI_DC, "dc": DC}
FULL_URL = "2021/so-7/bai-day-du/"
SEED_URL = "2021/so-5/kh-cn-ngay-cang-khang-dinh-vi-the/"
MONTH_URL = "2021/so-6/bai-so-sau/"  # an issue dated by its month

FULL_BLOCKS = [
    Block(BlockKind.PARAGRAPH, "Đoạn mở đầu trước mọi đề mục.", anchor="p-mo-dau"),
    Block(BlockKind.HEADING, "1. Đặt vấn đề", anchor="1-dat-van-de"),
    Block(BlockKind.PARAGRAPH, "Nội dung <phần> một & hai.", anchor="p-noi-dung"),
    Block(BlockKind.TABLE, "Năm | Số đề tài\n2020 | 12\n2021 | 15", anchor="t-bang"),
    Block(BlockKind.FIGURE, "Hình 1. Sơ đồ.", anchor="f-hinh"),
    Block(BlockKind.EQUATION, "E = m × c²\n(1)", anchor="e-1"),
    Block(BlockKind.FOOTNOTE, "¹ Số liệu năm 2021.", anchor="n-1"),
    Block(BlockKind.HEADING, "2. Kết luận", anchor="2-ket-luan"),
    Block(BlockKind.PARAGRAPH, "Kết luận của bài.", anchor="p-ket-luan"),
    Block(BlockKind.HEADING, "Tài liệu tham khảo", anchor="tai-lieu-tham-khao"),
    Block(
        BlockKind.REFERENCE,
        "Nguyễn Văn A (2020). Một bài báo. Tạp chí X, 5(2), 1-10.",
        anchor="r-1",
    ),
    Block(BlockKind.REFERENCE, "Trần B (2019). Sách. NXB Y.", anchor="r-2"),
]


def add_full_article(root: Path) -> None:
    """An article with everything a scholarly record can carry, in an issue with an ISSN."""
    add_article(
        root,
        "sources/2021/07/001.txt",
        title="Bài đầy đủ về đổi mới sáng tạo",
        authors=[
            {"name": "Nguyễn Văn An", "rank": "Đại tá", "degree": "PGS.TS.", "affiliation": [1]},
            {"name": "Hải Hằng", "affiliation": [2]},
        ],
        affiliations=["Viện Khoa học A", "Trường Đại học B"],
        keywords=["đổi mới", "chính sách"],
        issue=7,
        pages=[21, 24],
        slug="bai-day-du",
        date=dt.date(2021, 6, 1),
        issue_date=dt.date(2021, 7, 15),
        issn="1859-4794",
        eissn="2434-561X",
        doi="10.1234/bt.2021.7.1",
        blocks=FULL_BLOCKS,
    )
    add_article(
        root,
        "sources/2021/07/002.txt",
        title="Tin ngắn không có DOI",
        authors=["Lê Thị Hoa"],
        issue=7,
        pages=[25],
        slug="tin-ngan",
        issue_date=dt.date(2021, 7, 15),
        issn="1859-4794",
        eissn="2434-561X",
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_archive(tmp_path_factory.mktemp("harvest"))
    add_full_article(root)
    result = build(root)
    assert result.ok and result.articles == 6
    return root


def load_schema(*imports: tuple[str, Path]) -> etree.XMLSchema:
    """One schema importing the given (namespace, file) pairs."""
    xs = "http://www.w3.org/2001/XMLSchema"
    driver = etree.Element(f"{{{xs}}}schema", nsmap={"xs": xs})
    for namespace, path in imports:
        etree.SubElement(
            driver, f"{{{xs}}}import", namespace=namespace, schemaLocation=path.as_uri()
        )
    return etree.XMLSchema(driver)


@pytest.fixture(scope="module")
def oai_schema() -> etree.XMLSchema:
    """OAI-PMH 2.0 responses with oai_dc records checked strictly (simple Dublin Core)."""
    return load_schema((OAI, SCHEMAS / "oai/OAI-PMH.xsd"), (OAI_DC, SCHEMAS / "oai/oai_dc.xsd"))


def as_response(part: etree._Element, verb: str, base_url: str) -> etree._Element:
    """What a static repository gateway answers for `verb`: the static repository's part,
    its children moved into an OAI-PMH response."""
    response = etree.Element(f"{{{OAI}}}OAI-PMH", nsmap={None: OAI})
    etree.SubElement(response, f"{{{OAI}}}responseDate").text = "2021-07-15T00:00:00Z"
    request = etree.SubElement(response, f"{{{OAI}}}request", verb=verb)
    request.text = base_url
    if verb == "ListRecords":
        request.set("metadataPrefix", "oai_dc")
    body = etree.SubElement(response, f"{{{OAI}}}{verb}")
    body.extend(etree.fromstring(etree.tostring(child)) for child in part)
    return response


@pytest.fixture(scope="module")
def repository(built: Path) -> etree._Element:
    return etree.parse(str(built / "site/oai.xml")).getroot()


def records(repository: etree._Element) -> dict[str, etree._Element]:
    """The oai_dc record of each article, by its page URL."""
    found = {}
    for dc in repository.iterfind("sr:ListRecords/oai:record/oai:metadata/oai_dc:dc", NS):
        url = next(i.text for i in dc.iterfind("dc:identifier", NS) if "doi.org" not in i.text)
        found[url.removeprefix(SITE_URL)] = dc
    return found


def values(dc: etree._Element, name: str) -> list[str]:
    return [element.text for element in dc.iterfind(f"dc:{name}", NS)]


def test_oai_static_repository_is_one_file_with_its_three_parts(
    repository: etree._Element,
) -> None:
    assert repository.tag == f"{{{SR}}}Repository"
    assert [child.tag for child in repository] == [
        f"{{{SR}}}Identify",
        f"{{{SR}}}ListMetadataFormats",
        f"{{{SR}}}ListRecords",
    ]
    assert repository.find("sr:ListRecords", NS).get("metadataPrefix") == "oai_dc"


@pytest.mark.parametrize("verb", ["Identify", "ListMetadataFormats", "ListRecords"])
def test_oai_static_repository_answers_are_valid_oai_pmh(
    repository: etree._Element, oai_schema: etree.XMLSchema, verb: str
) -> None:
    base_url = repository.findtext("sr:Identify/oai:baseURL", namespaces=NS)
    response = as_response(repository.find(f"sr:{verb}", NS), verb, base_url)
    assert oai_schema.validate(response), oai_schema.error_log


def test_oai_identify_follows_the_static_repository_rules(repository: etree._Element) -> None:
    identify = repository.find("sr:Identify", NS)
    assert identify.findtext("oai:baseURL", namespaces=NS) == SITE_URL + "oai.xml"
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:adminEmail", namespaces=NS)
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DD"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "no"
    # the earliest issue's day (issue 5 is dated 2021-05-15; issue 6 only by its month)
    assert identify.findtext("oai:earliestDatestamp", namespaces=NS) == "2021-05-15"


def test_every_article_has_one_oai_dc_record(repository: etree._Element) -> None:
    found = records(repository)
    assert len(found) == 6 and FULL_URL in found and SEED_URL in found
    identifiers = repository.findall("sr:ListRecords/oai:record/oai:header/oai:identifier", NS)
    assert len({i.text for i in identifiers}) == 6
    assert f"oai:luutru.example.vn:{FULL_URL.strip('/')}" in {i.text for i in identifiers}


def test_oai_dc_record_of_a_full_article(repository: etree._Element) -> None:
    dc = records(repository)[FULL_URL]
    assert values(dc, "title") == ["Bài đầy đủ về đổi mới sáng tạo"]
    assert values(dc, "creator") == ["Nguyễn Văn An", "Hải Hằng"]  # no rank, no degree
    assert values(dc, "subject") == ["Diễn đàn", "đổi mới", "chính sách"]
    assert values(dc, "date") == ["2021-07-15"]  # the issue's date, not the article's
    assert values(dc, "identifier") == [SITE_URL + FULL_URL, "https://doi.org/10.1234/bt.2021.7.1"]
    assert values(dc, "source") == [
        "Bản tin Thử nghiệm, Số 7/2021, tr. 21–24, ISSN 1859-4794, ISSN 2434-561X"
    ]
    assert values(dc, "language") == ["vi"]
    assert "Text" in values(dc, "type")
    assert values(dc, "description") == ["Một đoạn tóm tắt."]
    assert values(dc, "publisher") == []  # no publisher is known: none is made up


def test_oai_record_dates_come_from_the_issue_never_the_article(
    repository: etree._Element,
) -> None:
    dc = records(repository)[SEED_URL]  # article date 2021-04-09, issue of 2021-05-15
    assert values(dc, "date") == ["2021-05-15"]
    assert values(records(repository)[MONTH_URL], "date") == ["2021-06"]  # month, no day

    def datestamp(url: str) -> list[str]:
        found = repository.xpath(
            "sr:ListRecords/oai:record[oai:metadata/oai_dc:dc/dc:identifier="
            f"'{SITE_URL + url}']/oai:header/oai:datestamp",
            namespaces=NS,
        )
        return [h.text for h in found]

    assert datestamp(SEED_URL) == ["2021-05-15"]
    assert datestamp(MONTH_URL) == ["2021-06-01"]  # a day for the protocol: the month's first


def test_oai_record_links_the_articles_own_pdf_never_the_issues(
    repository: etree._Element,
) -> None:
    dc = records(repository)[SEED_URL]
    assert values(dc, "relation") == [
        SITE_URL + "nguon/2021/05/000_kh-cn-ngay-cang-khang-dinh-vi-the.pdf"
    ]
    assert "application/pdf" in values(dc, "format")
    whole_issue = records(repository)["2021/so-5/bai-thu-hai/"]  # issue.pdf#page=10
    assert values(whole_issue, "relation") == []


def test_home_page_links_the_static_repository(built: Path) -> None:
    home = (built / "site/index.html").read_text(encoding="utf-8")
    assert 'href="oai.xml"' in home


# JATS


JATS_SCHEMA = SCHEMAS / "jats-1.3/JATS-journalpublishing1-3-mathml3.xsd"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


@pytest.fixture(scope="module")
def jats_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(JATS_SCHEMA)))


def jats(built: Path, url: str) -> etree._Element:
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    return etree.parse(str(built / "site" / url / f"{slug}.jats.xml")).getroot()


def test_every_article_has_a_jats_file_linked_from_its_page(built: Path) -> None:
    pages = sorted(built.glob("site/2021/so-*/*/index.html"))
    assert len(pages) == 6
    for page in pages:
        slug = page.parent.name
        assert (page.parent / f"{slug}.jats.xml").is_file()
        assert f'href="{slug}.jats.xml"' in page.read_text(encoding="utf-8")


def test_jats_of_a_full_article_is_valid_jats_1_3(
    built: Path, jats_schema: etree.XMLSchema
) -> None:
    article = jats(built, FULL_URL)
    assert article.get("dtd-version") == "1.3"
    assert "Archiving and Interchange DTD v1.3" in article.getroottree().docinfo.doctype
    assert jats_schema.validate(article), jats_schema.error_log


def test_jats_of_every_article_is_valid(built: Path, jats_schema: etree.XMLSchema) -> None:
    """The archive's other articles have no ISSN, which Archiving allows and the stricter
    Publishing schema (the one vendored) requires: one is added before validating."""
    for page in sorted(built.glob("site/2021/so-*/*/*.jats.xml")):
        article = etree.parse(str(page)).getroot()
        meta = article.find("front/journal-meta")
        if meta.find("issn") is None:
            issn = etree.Element("issn")
            issn.text = "1859-4794"
            meta.find("journal-title-group").addnext(issn)
        assert jats_schema.validate(article), (page, jats_schema.error_log)


def test_jats_front_matter(built: Path) -> None:
    meta = jats(built, FULL_URL).find("front/article-meta")
    assert meta.findtext("article-id[@pub-id-type='doi']") == "10.1234/bt.2021.7.1"
    assert meta.findtext("title-group/article-title") == "Bài đầy đủ về đổi mới sáng tạo"
    first, second = meta.findall("contrib-group/contrib")
    assert first.findtext("name/surname") == "Nguyễn"
    assert first.findtext("name/given-names") == "Văn An"
    assert first.findtext("name/prefix") == "Đại tá"
    assert first.findtext("degrees") == "PGS.TS."
    assert first.find("xref").get("rid") == "aff1"
    assert second.findtext("string-name") == "Hải Hằng"  # a pen name is never split
    assert [a.findtext("institution") for a in meta.findall("aff")] == [
        "Viện Khoa học A",
        "Trường Đại học B",
    ]
    date = meta.find("pub-date")
    assert date.get("iso-8601-date") == "2021-07-15"  # the issue's, not the article's
    assert (meta.findtext("issue"), meta.findtext("fpage"), meta.findtext("lpage")) == (
        "7",
        "21",
        "24",
    )
    assert meta.findtext("abstract/p") == "Một đoạn tóm tắt."
    assert [k.text for k in meta.findall("kwd-group/kwd")] == ["đổi mới", "chính sách"]
    assert meta.find("self-uri").get(XLINK_HREF) == SITE_URL + FULL_URL
    journal = jats(built, FULL_URL).find("front/journal-meta")
    assert [i.text for i in journal.findall("issn")] == ["1859-4794", "2434-561X"]


def test_jats_body_sections_and_references(built: Path) -> None:
    article = jats(built, FULL_URL)
    body = article.find("body")
    assert body.findtext("p") == "Đoạn mở đầu trước mọi đề mục."
    sections = body.findall("sec")
    assert [s.findtext("title") for s in sections] == ["1. Đặt vấn đề", "2. Kết luận"]
    assert sections[0].findtext("p") == "Nội dung <phần> một & hai."
    assert sections[0].findtext("table-wrap/preformat").splitlines()[0] == "Năm | Số đề tài"
    assert sections[0].findtext("preformat[@preformat-type='equation']") == "E = m × c²\n(1)"
    assert sections[0].findtext("p[@content-type='footnote']") == "¹ Số liệu năm 2021."
    refs = article.find("back/ref-list")
    assert refs.findtext("title") == "Tài liệu tham khảo"
    assert [r.findtext("mixed-citation") for r in refs.findall("ref")] == [
        "Nguyễn Văn A (2020). Một bài báo. Tạp chí X, 5(2), 1-10.",
        "Trần B (2019). Sách. NXB Y.",
    ]


def test_jats_publication_date_is_the_issues_as_precise_as_it_is_known(built: Path) -> None:
    date = jats(built, SEED_URL).find("front/article-meta/pub-date")  # article date 2021-04-09
    assert [(child.tag, child.text) for child in date] == [
        ("day", "15"),
        ("month", "05"),
        ("year", "2021"),
    ]
    month = jats(built, MONTH_URL).find("front/article-meta/pub-date")
    assert [(child.tag, child.text) for child in month] == [("month", "06"), ("year", "2021")]


# Crossref


CR = "http://www.crossref.org/schema/5.3.1"
CR_NS = {"cr": CR, "jats": "http://www.ncbi.nlm.nih.gov/JATS1"}
DEPOSITOR = [
    "--depositor-name",
    "Ban biên tập",
    "--depositor-email",
    "bbt@example.vn",
    "--registrant",
    "Bản tin Thử nghiệm",
]


@pytest.fixture(scope="module")
def crossref_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "crossref-5.3.1/crossref5.3.1.xsd")))


def export(root: Path, *options: str) -> int:
    from bantin.cli import main

    return main(["export", "crossref", "--root", str(root), *options])


def test_crossref_deposit_of_an_issue_is_valid(
    built: Path, tmp_path: Path, crossref_schema: etree.XMLSchema
) -> None:
    out = tmp_path / "deposit.xml"
    assert export(built, "--issue", "2021/7", "--out", str(out), *DEPOSITOR) == 0
    batch = etree.parse(str(out)).getroot()
    assert crossref_schema.validate(batch), crossref_schema.error_log
    assert batch.get("version") == "5.3.1"


def test_crossref_deposit_content(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "deposit.xml"
    assert export(built, "--issue", "2021/7", "--out", str(out), *DEPOSITOR) == 0
    batch = etree.parse(str(out)).getroot()
    assert batch.findtext("cr:head/cr:timestamp", namespaces=CR_NS) == "20210715000000"
    assert batch.findtext("cr:head/cr:depositor/cr:email_address", namespaces=CR_NS) == (
        "bbt@example.vn"
    )
    journal = batch.find("cr:body/cr:journal", CR_NS)
    meta = journal.find("cr:journal_metadata", CR_NS)
    assert meta.findtext("cr:full_title", namespaces=CR_NS) == "Bản tin Thử nghiệm"
    assert [(i.get("media_type"), i.text) for i in meta.iterfind("cr:issn", CR_NS)] == [
        ("print", "1859-4794"),
        ("electronic", "2434-561X"),
    ]
    issue = journal.find("cr:journal_issue", CR_NS)
    assert issue.findtext("cr:issue", namespaces=CR_NS) == "7"
    date = issue.find("cr:publication_date", CR_NS)
    assert [c.text for c in date] == ["07", "15", "2021"]
    articles = journal.findall("cr:journal_article", CR_NS)
    assert len(articles) == 1  # the issue's article without a doi is left out
    article = articles[0]
    people = article.findall("cr:contributors/cr:person_name", CR_NS)
    assert [(p.get("sequence"), p.get("contributor_role")) for p in people] == [
        ("first", "author"),
        ("additional", "author"),
    ]
    assert people[0].findtext("cr:given_name", namespaces=CR_NS) == "Văn An"
    assert people[0].findtext("cr:surname", namespaces=CR_NS) == "Nguyễn"
    assert people[1].find("cr:given_name", CR_NS) is None
    assert people[1].findtext("cr:surname", namespaces=CR_NS) == "Hải Hằng"
    assert article.findtext("cr:pages/cr:first_page", namespaces=CR_NS) == "21"
    assert article.findtext("cr:pages/cr:last_page", namespaces=CR_NS) == "24"
    assert article.findtext("cr:doi_data/cr:doi", namespaces=CR_NS) == "10.1234/bt.2021.7.1"
    assert article.findtext("cr:doi_data/cr:resource", namespaces=CR_NS) == SITE_URL + FULL_URL


def test_crossref_deposit_is_the_same_on_every_run(built: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.xml", tmp_path / "b.xml"
    assert export(built, "--issue", "2021/7", "--out", str(first), *DEPOSITOR) == 0
    assert export(built, "--issue", "2021/7", "--out", str(second), *DEPOSITOR) == 0
    assert first.read_bytes() == second.read_bytes()
    batch_id = (
        etree.parse(str(first)).getroot().findtext("cr:head/cr:doi_batch_id", namespaces=CR_NS)
    )
    assert batch_id.startswith("bantin-2021-7-")


def test_crossref_batch_id_and_timestamp_can_be_given(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "deposit.xml"
    options = ["--batch-id", "so-7-lan-2", "--timestamp", "20220101120000"]
    assert export(built, "--issue", "2021/7", "--out", str(out), *DEPOSITOR, *options) == 0
    head = etree.parse(str(out)).getroot().find("cr:head", CR_NS)
    assert head.findtext("cr:doi_batch_id", namespaces=CR_NS) == "so-7-lan-2"
    assert head.findtext("cr:timestamp", namespaces=CR_NS) == "20220101120000"


def test_crossref_refuses_an_issue_without_doi_or_issn(
    built: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "deposit.xml"
    assert export(built, "--issue", "2021/6", "--out", str(out), *DEPOSITOR) == 1
    assert not out.exists()
    assert "has a doi" in caplog.text and "no issn or eissn" in caplog.text


def test_crossref_refuses_without_a_depositor(
    built: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "deposit.xml"
    assert export(built, "--issue", "2021/7", "--out", str(out)) == 1
    assert not out.exists()
    for option in ("--depositor-name", "--depositor-email", "--registrant"):
        assert option in caplog.text


def test_crossref_refuses_an_issue_with_no_article(
    built: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert export(built, "--issue", "2030/1", "--out", str(tmp_path / "x.xml"), *DEPOSITOR) == 1
    assert "no article of this issue" in caplog.text


def test_crossref_depositor_from_mkdocs_yml(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "copy"
    for folder in ("docs", "overrides"):
        shutil.copytree(built / folder, root / folder)
    config = (built / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "  oai:\n",
        "  crossref:\n    depositor_name: BBT\n    depositor_email: bbt@example.vn\n"
        "    registrant: Bản tin\n  oai:\n",
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert export(root, "--issue", "2021/7") == 0
    batch = etree.parse(str(root / "crossref-2021-so-7.xml")).getroot()
    assert batch.findtext("cr:head/cr:registrant", namespaces=CR_NS) == "Bản tin"


# OAI settings (mkdocs.yml extra)


def test_oai_settings_come_from_mkdocs_extra() -> None:
    from bantin.site.oai import HarvestSettings

    assert HarvestSettings.from_config({}) is None  # no contact address: no oai.xml
    extra = {
        "oai": {"admin_email": "bbt@example.vn", "gateway": "https://gw.example.org/oai/"},
        "license": {"url": "https://creativecommons.org/licenses/by/4.0/", "name": "CC BY 4.0"},
    }
    settings = HarvestSettings.from_config(extra)
    assert settings is not None
    assert settings.rights == "https://creativecommons.org/licenses/by/4.0/"
    assert settings.gateway == "https://gw.example.org/oai/"


def test_oai_base_url_goes_through_the_gateway() -> None:
    from bantin.site.oai import base_url

    file_url = "https://luutru.example.vn/oai.xml"
    assert base_url(file_url, "") == file_url
    assert base_url(file_url, "https://gw.example.org/oai/") == (
        "https://gw.example.org/oai/luutru.example.vn/oai.xml"
    )


def bare_front(**fields: Any) -> FrontMatter:
    """The front matter of article "bai" of issue 5 of 2021, with `fields` over it."""
    values: dict[str, Any] = {
        "title": "Bài",
        "issue": 5,
        "year": 2021,
        "slug": "bai",
        "source": "sources/2021/05/bai.txt",
        "source_sha256": "0" * 64,
        "converter": "0.2.0",
    }
    return FrontMatter(**{**values, **fields})


def test_oai_record_states_the_licence() -> None:
    from bantin.site.meta import SiteInfo
    from bantin.site.oai import HarvestSettings, dc_record

    front = bare_front()
    settings = HarvestSettings("bbt@example.vn", rights="CC BY 4.0")
    dc = dc_record(front, SITE_URL + "2021/so-5/bai/", "", SiteInfo(SITE_URL, "Lưu trữ"), settings)
    assert [e.text for e in dc.iter(f"{{{DC}}}rights")] == ["CC BY 4.0"]
    assert [e.text for e in dc.iter(f"{{{DC}}}date")] == ["2021"]


def test_characters_xml_forbids_are_left_out_of_every_xml_file() -> None:
    """A control character written as a YAML escape in front matter never breaks the XML."""
    from xml.etree import ElementTree as ET

    from bantin.cite.crossref import Article, Deposit, Depositor, deposit_xml
    from bantin.site.jats import article_xml
    from bantin.site.meta import SiteInfo
    from bantin.site.oai import HarvestSettings, dc_record

    front = bare_front(
        title="Bài\x0b thử\x00",
        authors=["Nguyễn Văn\x1b An"],
        lead="Tóm\x0c tắt",
        issn="1859-4794",
        doi="10.1234/bai",
    )
    site = SiteInfo(SITE_URL, "Lưu trữ")
    dc = dc_record(front, SITE_URL + "2021/so-5/bai/", "", site, HarvestSettings("a@b.vn"))
    parsed = etree.fromstring(ET.tostring(dc))
    assert parsed.findtext("dc:title", namespaces=NS) == "Bài thử"
    blocks = [Block(BlockKind.PARAGRAPH, "Đoạn\x01.")]
    entry = FakeEntry(front, blocks, Path("2021/so-5/bai.md"), "2021/so-5/bai/")
    assert etree.fromstring(article_xml(entry, site)).findtext("body/p") == "Đoạn."
    depositor = Depositor("BBT", "bbt@example.vn", "Bản tin")
    deposit = deposit_xml(
        Deposit(2021, 5, "Lưu trữ", SITE_URL, depositor), [Article(front, "2021/so-5/bai/", "x")]
    )
    assert etree.fromstring(deposit).findtext(".//cr:title", namespaces=CR_NS) == "Bài thử"


# The repository's own archive, converted from its sources (plus a synthetic issue)


def test_real_archive_oai_and_jats_are_valid(
    built_archive: object, oai_schema: etree.XMLSchema, jats_schema: etree.XMLSchema
) -> None:
    site: Path = built_archive.site  # type: ignore[attr-defined]
    repository = etree.parse(str(site / "oai.xml")).getroot()
    base_url = repository.findtext("sr:Identify/oai:baseURL", namespaces=NS)
    for verb in ("Identify", "ListMetadataFormats", "ListRecords"):
        response = as_response(repository.find(f"sr:{verb}", NS), verb, base_url)
        assert oai_schema.validate(response), (verb, oai_schema.error_log)
    pages = sorted(site.glob("[0-9][0-9][0-9][0-9]/so-*/*/index.html"))
    files = sorted(site.glob("[0-9][0-9][0-9][0-9]/so-*/*/*.jats.xml"))
    assert len(files) == len(pages) == len(records(repository)) > 1
    kinds: set[str] = set()
    for path in files:
        article = etree.parse(str(path)).getroot()
        kinds |= {element.tag for element in article.iter("sec", "table-wrap", "ref")}
        meta = article.find("front/journal-meta")
        if meta.find("issn") is None:  # optional in Archiving, required in Publishing
            issn = etree.Element("issn")
            issn.text = "1859-4794"
            meta.find("journal-title-group").addnext(issn)
        assert jats_schema.validate(article), (path, jats_schema.error_log)
    assert "sec" in kinds


def test_crossref_refuses_a_local_site_address(
    built: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = tmp_path / "copy"
    for folder in ("docs", "overrides"):
        shutil.copytree(built / folder, root / folder)
    config = (built / "mkdocs.yml").read_text(encoding="utf-8")
    local = config.replace(SITE_URL, "http://127.0.0.1:8000/")
    assert local != config
    (root / "mkdocs.yml").write_text(local, encoding="utf-8")
    assert export(root, "--issue", "2021/7", *DEPOSITOR) == 1
    assert "BANTIN_SITE_URL" in caplog.text
    assert not (root / "crossref-2021-so-7.xml").exists()
