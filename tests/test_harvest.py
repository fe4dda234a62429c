"""What libraries, aggregators and registries read: the OAI-PMH static repository, the JATS
XML of every article and the Crossref deposit, validated against their own XML schemas
(vendored in tests/schemas/, see its README; nothing is fetched at test time)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from bantin.model import Block, BlockKind

try:  # tests/ is a package in some layouts and a plain folder in others
    from tests.test_site_archive import add_article, build, make_archive
except ImportError:
    from test_site_archive import add_article, build, make_archive  # type: ignore[no-redef]

SCHEMAS = Path(__file__).resolve().parent / "schemas"
SITE_URL = "https://luutru.example.vn/"
SR = "http://www.openarchives.org/OAI/2.0/static-repository"
OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
NS = {"sr": SR, "oai": OAI, "oai_dc": OAI_DC, "dc": DC}
FULL_URL = "2021/so-7/bai-day-du/"
SEED_URL = "2021/so-5/kh-cn-ngay-cang-khang-dinh-vi-the/"

FULL_BLOCKS = [
    Block(BlockKind.PARAGRAPH, "Đoạn mở đầu trước mọi đề mục.", anchor="p-mo-dau"),
    Block(BlockKind.HEADING, "1. Đặt vấn đề", anchor="1-dat-van-de"),
    Block(BlockKind.PARAGRAPH, "Nội dung <phần> một & hai.", anchor="p-noi-dung"),
    Block(BlockKind.TABLE, "Năm | Số đề tài\n2020 | 12\n2021 | 15", anchor="t-bang"),
    Block(BlockKind.FIGURE, "Hình 1. Sơ đồ.", anchor="f-hinh"),
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


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_archive(tmp_path_factory.mktemp("harvest"))
    add_full_article(root)
    result = build(root)
    assert result.ok and result.articles == 5
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
    # the earliest issue: 2021, issues without a date count from 1 January
    assert identify.findtext("oai:earliestDatestamp", namespaces=NS) == "2021-01-01"


def test_every_article_has_one_oai_dc_record(repository: etree._Element) -> None:
    found = records(repository)
    assert len(found) == 5 and FULL_URL in found and SEED_URL in found
    identifiers = repository.findall("sr:ListRecords/oai:record/oai:header/oai:identifier", NS)
    assert len({i.text for i in identifiers}) == 5
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
    dc = records(repository)[SEED_URL]  # article date 2021-04-09, issue without a date
    assert values(dc, "date") == ["2021"]
    header = repository.xpath(
        "sr:ListRecords/oai:record[oai:metadata/oai_dc:dc/dc:identifier="
        f"'{SITE_URL + SEED_URL}']/oai:header/oai:datestamp",
        namespaces=NS,
    )
    assert [h.text for h in header] == ["2021-01-01"]


def test_oai_record_links_the_pdf(repository: etree._Element) -> None:
    dc = records(repository)["2021/so-5/bai-thu-hai/"]
    assert values(dc, "relation") == [SITE_URL + "nguon/2021/05/issue.pdf"]
    assert "application/pdf" in values(dc, "format")


def test_home_page_links_the_static_repository(built: Path) -> None:
    home = (built / "site/index.html").read_text(encoding="utf-8")
    assert 'href="oai.xml"' in home
