"""Citation record, formatted citations and exports, checked with the parsers reference
managers use (bibtexparser, rispy, citeproc-py) and with hostile metadata."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from html.parser import HTMLParser
from typing import Any

import bibtexparser
import pytest
import rispy
from bibtexparser import middlewares
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bantin.cite import (
    UnknownStyle,
    csl_item,
    display_authors,
    format_citation,
    format_citation_html,
    highwire_authors,
    parse_name,
    parse_names,
    to_bibtex,
    to_csl_json,
    to_ris,
)
from bantin.cite.text import one_line
from bantin.metadata import FrontMatter

SITE = "https://example.org/archive/"
HOSTILE = 'Tiêu đề "trích" {ngoặc} \\ 100% & <script>alert(1)</script> $x_1^2$ ~ #'


def front(**changes: Any) -> FrontMatter:
    """A complete front matter, with `changes` applied."""
    values: dict[str, Any] = {
        "title": "KH&CN đóng góp cho phát triển KT-XH",
        "authors": ["PGS.TS Nguyễn Hoàng Giang", "Hải Hằng"],
        "issue": 5,
        "year": 2021,
        "date": dt.date(2021, 5, 12),
        "pages": [8, 9],
        "lead": "Đoạn mở đầu của bài.",
        "slug": "kh-cn-dong-gop",
        "source": "sources/2021/05/001.txt",
        "source_sha256": "0" * 64,
        "converter": "bantin 0.2.0",
        "bulletin": "Bản tin Khoa học và Công nghệ",
        "issn": "1859-0004",
        "issue_date": dt.date(2021, 5, 15),
    }
    values.update(changes)
    return FrontMatter(**values)


def item(**changes: Any) -> dict[str, Any]:
    return csl_item(front(**changes), "2021/so-5/kh-cn-dong-gop/", SITE)


# Vietnamese names


@pytest.mark.parametrize(
    ("raw", "family", "given"),
    [
        ("Nguyễn Hoàng Giang", "Nguyễn", "Hoàng Giang"),
        ("PGS.TS Trần Văn Bình", "Trần", "Văn Bình"),
        ("PGS. TS. Trần Văn Bình", "Trần", "Văn Bình"),
        ("ThS. Lê Thị Thu", "Lê", "Thị Thu"),
        ("GS.TSKH Phạm Minh", "Phạm", "Minh"),
        ("Nhà báo Đỗ Văn An", "Đỗ", "Văn An"),
        ("TÔN THẤT MINH", "Tôn Thất", "Minh"),
        ("Mai Văn Tuấn", "Mai", "Văn Tuấn"),
        ("Lê Hà (Viện Hóa học)", "Lê", "Hà"),
        ("Nguỵ Như Kon Tum", "Nguỵ", "Như Kon Tum"),
        ("Huỳnh Thành Đạt", "Huỳnh", "Thành Đạt"),
    ],
)
def test_family_first_names_are_split(raw: str, family: str, given: str) -> None:
    name = parse_name(raw)
    assert (name.family, name.given, name.literal) == (family, given, "")
    assert name.csl() == {"family": family, "given": given}


@pytest.mark.parametrize(
    ("raw", "literal"),
    [
        ("Hải Hằng", "Hải Hằng"),
        ("Xuân Bình", "Xuân Bình"),
        ("Minh Anh", "Minh Anh"),
        ("Mai Anh", "Mai Anh"),
        ("Hà Linh", "Hà Linh"),
        ("P.V.", "P.V."),
        ("N.V. An", "N.V. An"),
        ("Nguyễn", "Nguyễn"),
        ("Nguyễn Thị Minh Khai Hoa", "Nguyễn Thị Minh Khai Hoa"),
        ("ThS. Hải Hằng", "Hải Hằng"),
        ("Nhóm PV 2", "Nhóm PV 2"),
    ],
)
def test_pen_names_and_abbreviations_stay_literal(raw: str, literal: str) -> None:
    name = parse_name(raw)
    assert name.csl() == {"literal": literal}
    assert name.inverted() == literal


def test_listed_pen_name_is_never_split() -> None:
    assert parse_name("Trần Đăng Khoa", ["Trần Đăng Khoa"]).csl() == {"literal": "Trần Đăng Khoa"}
    assert parse_name("Trần Đăng Khoa").csl() == {"family": "Trần", "given": "Đăng Khoa"}


def test_bylines_without_a_name_are_dropped() -> None:
    assert parse_names(["–", " , ", "\x1b", "Hải Hằng"]) == [parse_name("Hải Hằng")]


def test_names_come_out_nfc() -> None:
    name = parse_name(unicodedata.normalize("NFD", "Nguyễn Hoàng Giang"))
    assert name.family == "Nguyễn"
    assert unicodedata.is_normalized("NFC", name.given)


def test_byline_with_dash_holds_two_authors() -> None:
    names = parse_names(["Hải Hằng - Xuân Bình"])
    assert [n.csl() for n in names] == [{"literal": "Hải Hằng"}, {"literal": "Xuân Bình"}]


def test_highwire_authors_keep_pen_names_whole_in_zotero() -> None:
    assert highwire_authors(front()) == ["Nguyễn, Hoàng Giang", "Hải Hằng,"]
    assert highwire_authors(front(authors=["Nhóm PV, CTV"])) == ["Nhóm PV CTV,"]


def test_display_authors_are_family_name_first() -> None:
    assert display_authors(front()) == ["Nguyễn Hoàng Giang", "Hải Hằng"]


# the CSL-JSON record


def test_csl_item_fields() -> None:
    record = item()
    assert record == {
        "id": "kh-cn-dong-gop",
        "type": "article-journal",
        "title": "KH&CN đóng góp cho phát triển KT-XH",
        "author": [{"family": "Nguyễn", "given": "Hoàng Giang"}, {"literal": "Hải Hằng"}],
        "issued": {"date-parts": [[2021, 5, 15]]},
        "container-title": "Bản tin Khoa học và Công nghệ",
        "issue": "5",
        "page": "8-9",
        "ISSN": "1859-0004",
        "URL": "https://example.org/archive/2021/so-5/kh-cn-dong-gop/",
        "language": "vi",
        "abstract": "Đoạn mở đầu của bài.",
    }


def test_issued_is_the_issues_date_never_the_articles_own() -> None:
    """`date` is the day the article tells of (2021-05-12 here); it was published with its
    issue: the issue's date, else the issue's month and year, else the year."""
    assert item()["issued"] == {"date-parts": [[2021, 5, 15]]}
    assert item(date=None)["issued"] == {"date-parts": [[2021, 5, 15]]}
    assert item(issue_date=None, issue_month=5)["issued"] == {"date-parts": [[2021, 5]]}
    assert item(issue_date=None)["issued"] == {"date-parts": [[2021]]}


def test_publisher_doi_and_keywords_come_from_the_metadata_only() -> None:
    record = item(publisher="Viện Khoa học X", doi="10.12345/bt.2021.5.8", keywords=["a", "b"])
    assert record["publisher"] == "Viện Khoa học X"
    assert record["DOI"] == "10.12345/bt.2021.5.8"
    assert record["keyword"] == "a, b"
    assert not {"publisher", "DOI", "keyword"} & set(item())  # never the bulletin's name


def test_empty_values_are_left_out() -> None:
    record = csl_item(
        front(authors=[], pages=[], lead="", bulletin=None, issn=None), "/a/", "https://x.org"
    )
    assert not {"author", "page", "abstract", "container-title", "ISSN", "accessed"} & set(record)
    assert record["URL"] == "https://x.org/a/"


def test_caller_names_the_bulletin_when_front_matter_does_not() -> None:
    record = csl_item(front(bulletin=None), "a/", SITE, container_title="Bản tin X")
    assert record["container-title"] == "Bản tin X"
    assert item()["container-title"] == "Bản tin Khoa học và Công nghệ"


def test_single_page_and_absolute_url() -> None:
    record = csl_item(front(pages=[7]), "https://other.org/x/", SITE)
    assert record["page"] == "7"
    assert record["URL"] == "https://other.org/x/"


# formatted citations


def test_apa_citation() -> None:
    assert format_citation(item(), "apa") == (
        "Nguyễn, H. G., & Hải Hằng. (2021). KH&CN đóng góp cho phát triển KT-XH. "
        "Bản tin Khoa học và Công nghệ, (5), 8–9. "
        "https://example.org/archive/2021/so-5/kh-cn-dong-gop/"
    )


def test_vietnamese_citation() -> None:
    assert format_citation(item(), "vn") == (
        "Nguyễn Hoàng Giang và Hải Hằng (2021), “KH&CN đóng góp cho phát triển KT-XH”, "
        "Bản tin Khoa học và Công nghệ, số 5, tr. 8-9."
    )


def test_citations_show_the_doi_when_there_is_one() -> None:
    record = item(doi="10.12345/bt.2021.5.8")
    assert format_citation(record, "vn") == (
        "Nguyễn Hoàng Giang và Hải Hằng (2021), “KH&CN đóng góp cho phát triển KT-XH”, "
        "Bản tin Khoa học và Công nghệ, số 5, tr. 8-9. https://doi.org/10.12345/bt.2021.5.8"
    )
    assert format_citation(record, "apa").endswith(" https://doi.org/10.12345/bt.2021.5.8")


def test_vietnamese_citation_without_author_starts_with_title() -> None:
    text = format_citation(item(authors=[]), "vn")
    assert text.startswith("“KH&CN đóng góp cho phát triển KT-XH” (2021), Bản tin")


def test_html_citation_marks_up_the_journal() -> None:
    html = format_citation_html(item(), "vn")
    assert "<i>Bản tin Khoa học và Công nghệ</i>" in html
    assert "KH&amp;CN" in html


def test_unknown_style_is_an_error() -> None:
    with pytest.raises(UnknownStyle):
        format_citation(item(), "chicago")


class _Tags(HTMLParser):
    """Collects start tags and decoded text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


@pytest.mark.parametrize("style", ["apa", "vn"])
def test_hostile_values_stay_text_in_html(style: str) -> None:
    record = item(title=HOSTILE, bulletin=HOSTILE, authors=["Lê <b>Văn</b> An", "A&B"])
    parser = _Tags()
    parser.feed(format_citation_html(record, style))
    assert set(parser.tags) <= {"i"}
    assert "<script>alert(1)</script>" in parser.text
    assert "Lê <b>Văn</b> An" in parser.text
    assert "A&B" in parser.text


@pytest.mark.parametrize("style", ["apa", "vn"])
def test_newlines_do_not_survive_in_citations(style: str) -> None:
    record = item(title="Dòng một\nDòng hai")
    assert "\n" not in format_citation(record, style)
    assert "Dòng một Dòng hai" in format_citation(record, style)


# BibTeX


def parse_bibtex(text: str) -> Any:
    library = bibtexparser.parse_string(
        text,
        append_middleware=[
            middlewares.SeparateCoAuthors(),
            middlewares.SplitNameParts(),
            middlewares.LatexDecodingMiddleware(),
        ],
    )
    assert not library.failed_blocks
    assert len(library.entries) == 1
    return library.entries[0]


def test_bibtex_parses_with_fields_and_names() -> None:
    entry = parse_bibtex(to_bibtex(item()))
    fields = entry.fields_dict
    assert entry.entry_type == "article"
    assert entry.key == "kh-cn-dong-gop"
    assert fields["title"].value == "KH&CN đóng góp cho phát triển KT-XH"
    assert fields["journal"].value == "Bản tin Khoa học và Công nghệ"
    assert fields["year"].value == "2021"
    assert fields["number"].value == "5"
    assert fields["issn"].value == "1859-0004"
    assert fields["langid"].value == "vietnamese"
    assert fields["url"].value == "https://example.org/archive/2021/so-5/kh-cn-dong-gop/"
    first, second = fields["author"].value
    assert (first.last, first.first) == (["Nguyễn"], ["Hoàng", "Giang"])
    assert (second.last, second.first) == (["{Hải Hằng}"], [])


def test_bibtex_month_is_the_bare_macro_and_language_is_beside_langid() -> None:
    text = to_bibtex(item(publisher="Viện Khoa học X", doi="10.12345/bt.2021.5.8"))
    assert "  month = may,\n" in text
    assert "  langid = {vietnamese},\n  language = {vietnamese},\n" in text
    entry = parse_bibtex(text)
    fields = entry.fields_dict
    assert fields["month"].value == "may"  # a macro: no braces, no quotes, no number
    assert (fields["year"].value, fields["date"].value) == ("2021", "2021-05-15")
    assert fields["publisher"].value == "Viện Khoa học X"
    assert fields["doi"].value == "10.12345/bt.2021.5.8"
    resolved = bibtexparser.parse_string(text, append_middleware=[middlewares.MonthIntMiddleware()])
    assert resolved.entries[0].fields_dict["month"].value == 5
    april = to_bibtex(item(issue_date=dt.date(2021, 4, 30)))
    assert "  month = apr,\n" in april
    year_only = to_bibtex(item(issue_date=None))
    assert "month" not in year_only and "  date = {2021},\n" in year_only


def test_bibtex_keeps_unicode_and_protects_acronyms() -> None:
    text = to_bibtex(item())
    assert "Nguyễn, Hoàng Giang and {Hải Hằng}" in text
    assert "title = {{KH}\\&{CN} đóng góp cho phát triển {KT}-{XH}}" in text
    assert "pages = {8--9}" in text


def test_bibtex_hostile_values_stay_data() -> None:
    hostile = HOSTILE + "\n}, @misc{evil, title = {x"
    entry = parse_bibtex(to_bibtex(item(title=hostile, lead=hostile, bulletin=hostile)))
    expected = " ".join(hostile.split())
    # pylatexenc decodes \textasciicircum{} to U+02C6, the modifier letter circumflex
    assert entry.fields_dict["abstract"].value.replace("\u02c6", "^") == expected
    assert entry.fields_dict["journal"].value.replace("\u02c6", "^") == expected
    assert "<script>alert(1)</script>" in entry.fields_dict["title"].value


def test_bibtex_url_cannot_break_out() -> None:
    record = csl_item(front(), "a b/{x}\\/", "https://x.org/")
    entry = parse_bibtex(to_bibtex(record))
    assert entry.fields_dict["url"].value == "https://x.org/a%20b/%7Bx%7D%5C/"


# RIS


def zotero_ris_fields(text: str) -> dict[str, Any]:
    """The fields Zotero's RIS importer (RIS.js) fills from a JOUR record, for the tags bantin
    writes: T2 is the publication title of a journal article, JF its older full-title tag;
    JO, JA and J2 are the journal's abbreviation; DA is the date, PY only a fallback."""
    mapping = {
        "TI": "title", "T2": "publicationTitle", "JF": "publicationTitle",
        "JO": "journalAbbreviation", "JA": "journalAbbreviation", "J2": "journalAbbreviation",
        "IS": "issue", "PB": "publisher", "SN": "ISSN", "DO": "DOI", "UR": "url",
        "LA": "language", "AB": "abstractNote", "DA": "date",
    }  # fmt: skip
    fields: dict[str, Any] = {"creators": [], "tags": []}
    backup_date = ""
    for line in text.splitlines():
        tag, _, value = line.partition("  - ")
        if tag == "AU":
            fields["creators"].append(value)
        elif tag == "KW":
            fields["tags"].append(value)
        elif tag == "PY":
            backup_date = value
        elif tag == "SP":
            fields["pages"] = value
        elif tag == "EP":
            fields["pages"] += "-" + value
        elif tag in mapping:
            fields.setdefault(mapping[tag], value)
    fields.setdefault("date", backup_date)
    return fields


def test_ris_parses_with_rispy() -> None:
    (record,) = rispy.loads(to_ris(item()))
    assert record["type_of_reference"] == "JOUR"
    assert record["title"] == "KH&CN đóng góp cho phát triển KT-XH"
    assert record["authors"] == ["Nguyễn, Hoàng Giang", "Hải Hằng"]
    assert record["year"] == "2021"
    assert record["date"] == "2021/05/15"  # the issue's date, not the article's own (05/12)
    assert record["secondary_title"] == "Bản tin Khoa học và Công nghệ"  # T2
    assert record["alternate_title3"] == "Bản tin Khoa học và Công nghệ"  # JF
    assert "journal_name" not in record  # JO: Zotero takes it for the abbreviation
    assert "publisher" not in record  # none in the metadata: the bulletin is not its publisher
    assert (record["number"], record["start_page"], record["end_page"]) == ("5", "8", "9")
    assert record["issn"] == "1859-0004"
    assert record["urls"] == ["https://example.org/archive/2021/so-5/kh-cn-dong-gop/"]
    assert record["language"] == "vi"
    assert record["abstract"] == "Đoạn mở đầu của bài."


def test_ris_publisher_doi_and_keywords_as_zotero_imports_them() -> None:
    text = to_ris(
        item(publisher="Viện Khoa học X", doi="10.12345/bt.2021.5.8", keywords=["a", "b c"])
    )
    (record,) = rispy.loads(text)
    assert record["publisher"] == "Viện Khoa học X"
    assert record["doi"] == "10.12345/bt.2021.5.8"
    assert record["keywords"] == ["a", "b c"]
    zotero = zotero_ris_fields(text)
    assert zotero["publicationTitle"] == "Bản tin Khoa học và Công nghệ"
    assert "journalAbbreviation" not in zotero
    assert zotero["date"] == "2021/05/15" and zotero["pages"] == "8-9"
    assert (zotero["publisher"], zotero["DOI"]) == ("Viện Khoa học X", "10.12345/bt.2021.5.8")
    assert zotero["tags"] == ["a", "b c"]


def test_ris_partial_dates() -> None:
    assert "DA  - 2021//\n" in to_ris(item(issue_date=None))
    assert "DA  - 2021/05/\n" in to_ris(item(issue_date=None, issue_month=5))
    assert "PY  - 2021\n" in to_ris(item(issue_date=None, issue_month=5))


def test_ris_newlines_cannot_open_a_record() -> None:
    hostile = "Tiêu đề\nER  - \nTY  - BOOK\nTI  - giả"
    records = rispy.loads(to_ris(item(title=hostile, lead=HOSTILE)))
    assert len(records) == 1
    assert records[0]["title"] == " ".join(hostile.split())
    assert records[0]["abstract"] == HOSTILE


# CSL-JSON


def test_csl_json_round_trip_through_citeproc() -> None:
    records = [item(), item(slug="bai-khac", title=HOSTILE)]
    text = to_csl_json(records)
    assert json.loads(text) == records
    for loaded, original in zip(json.loads(text), records, strict=True):
        for style in ("apa", "vn"):
            assert format_citation(loaded, style) == format_citation(original, style)


def test_csl_json_is_deterministic_and_embeddable() -> None:
    records = [item(title=HOSTILE)]
    text = to_csl_json(records)
    assert text == to_csl_json([item(title=HOSTILE)])
    assert not {"<", ">", "&"} & set(text)
    keys = list(json.loads(text)[0])
    assert keys == sorted(keys)


def test_every_format_is_deterministic() -> None:
    first, second = item(), item()
    assert first == second
    for export in (to_bibtex, to_ris):
        assert export(first) == export(second)
    for style in ("apa", "vn"):
        assert format_citation_html(first, style) == format_citation_html(second, style)


# any metadata at all stays data in every format

_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",)),
    min_size=1,
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=_TEXT, lead=_TEXT, bulletin=_TEXT, authors=st.lists(_TEXT, max_size=3))
def test_any_metadata_stays_data(title: str, lead: str, bulletin: str, authors: list[str]) -> None:
    record = item(title=title, lead=lead, bulletin=bulletin, authors=authors)
    library = bibtexparser.parse_string(to_bibtex(record))
    assert not library.failed_blocks
    assert len(library.entries) == 1
    ris = rispy.loads(to_ris(record))
    assert len(ris) == 1
    assert ris[0].get("title", "") == one_line(title)
    assert len(ris[0].get("authors", [])) == len(record.get("author", []))
    assert json.loads(to_csl_json([record])) == [record]
    for style in ("apa", "vn"):
        parser = _Tags()
        parser.feed(format_citation_html(record, style))
        parser.close()
        assert set(parser.tags) <= {"i"}
