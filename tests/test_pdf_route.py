"""The PDF route on generated magazine PDFs: each layout trait a real issue showed (and the
route once got wrong) laid out with ReportLab, ingested with `bantin ingest` as an editor
would, converted, and read back from the Markdown articles."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from bantin.cli import main
from bantin.exceptions import SourceError
from bantin.markdown import ParsedArticle, read_article
from bantin.model import Article, BlockKind
from bantin.pdf.contents import _byline_before, _keep_list_numbers, _made_entry, read_contents
from bantin.pdf.convert import convert_pdf
from bantin.pdf.document import read_document
from bantin.pdf.ingest import IssueTarget, plan_issue, write_issue
from bantin.pdf.reading import interleaved_pages
from bantin.pipeline import convert_sources
from pdfgen import (
    CAPTION_SIZE,
    GUTTER,
    LEADING,
    MARGIN,
    PAGE_W,
    TCVN3_CAPITALS_FONT,
    TITLE_SIZE,
    Issue,
    Sheet,
    Spec,
    build_pdf,
)

SENTENCES = [
    "Sở Khoa học và Công nghệ tỉnh Nam Định đã phối hợp với các huyện triển khai mô hình lúa.",
    "Người dân được tập huấn kỹ thuật chăm sóc, bón phân hợp lý và phòng trừ sâu bệnh tổng hợp.",
    "Năng suất bình quân đạt 65 tạ/ha, cao hơn ruộng đối chứng khoảng 12%, lợi nhuận tăng rõ rệt.",
    "Kết quả này mở ra hướng nhân rộng mô hình tại các xã vùng trũng trong giai đoạn 2021-2025.",
    "Các doanh nghiệp cam kết bao tiêu sản phẩm, giúp nông dân yên tâm đầu tư sản xuất lâu dài.",
    "Theo báo cáo ngày 3/4/1975 của ngành, diện tích gieo cấy đã tăng gần gấp đôi so với trước.",
]


def text(start: int, count: int) -> str:
    return " ".join(SENTENCES[(start + i) % len(SENTENCES)] for i in range(count))


FIRST = Spec(
    title="Phát triển nông nghiệp bền vững ở Nam Định",
    title_caps=True,
    byline="Trung tướng, GS.TS. PHAN TÙNG SƠN",
    affiliation="Học viện Hậu cần",
    abstract=text(1, 4),
    paragraphs=[
        ("body", text(0, 6)),
        ("body", text(1, 5)),
        ("heading", "1. Nhân rộng mô hình"),
        ("body", text(2, 9)),
        ("equation", "∑ = x + y"),
        ("body", text(3, 7)),
        ("table", "Chỉ tiêu|2020|2021\nNăng suất|60|65\nLợi nhuận|12|14"),
        ("body", text(5, 8)),
    ],
    references=[
        "Nguyễn Văn An (2020), Giáo trình canh tác lúa, Nxb Nông nghiệp, Hà Nội.",
        "Trần Thị Bình (2021), Mô hình liên kết sản xuất, Tạp chí Nông nghiệp, số 4.",
    ],
)
SECOND = Spec(
    title="Vai trò của KH&CN trong phát triển kinh tế Nam Định",
    title_font=TCVN3_CAPITALS_FONT,
    banner="NGHIÊN CỨU - TRAO ĐỔI",
    byline="Đại tá, ThS. NGUYỄN TIẾN DŨNG",
    paragraphs=[
        ("body", text(2, 5)),
        ("tall", "Ông NGUYỄN VĂN BẢO cho biết Sở đã"),
        ("body", text(3, 12)),
        ("photo", "Ảnh: Cánh đồng lúa áp dụng quy trình canh tác mới."),
        ("body", text(4, 10)),
    ],
)
THIRD = Spec(
    title="Ứng dụng công nghệ sinh học trong chăn nuôi",
    byline="Thượng tá, TS. LÊ THỊ HOA; Trung tá, ThS. VŨ VĂN BÌNH",
    paragraphs=[("body", text(4, 7)), ("body", text(0, 6))],
    same_page=True,  # starts on the page where the second ends
)
SPECS = [FIRST, SECOND, THIRD]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The issue (contents page, page numbers at 91 % of the page height), ingested into a
    project and converted: the articles by their first words, with the plan and paths."""
    root = tmp_path_factory.mktemp("issue")
    pdf = root / "in.pdf"
    ranges = build_pdf(pdf, SPECS, Issue(contents=True, folio_at=0.91, dateline="Tháng 5 năm 2021"))
    assert main(["ingest", str(pdf), "--issue", "5", "--year", "2021", "--root", str(root)]) == 0
    report = convert_sources(root, root / "docs", workers=1)
    assert report.ok, report.problems
    articles = {a.front.title: a for a in map(read_article, (root / "docs").rglob("*.md"))}
    return {"root": root, "pdf": pdf, "ranges": ranges, "articles": articles}


def article(built: dict[str, object], title: str) -> ParsedArticle:
    articles = built["articles"]
    assert isinstance(articles, dict)
    assert title in articles, sorted(articles)
    found: ParsedArticle = articles[title]
    return found


def paragraphs(parsed: ParsedArticle) -> list[str]:
    return [b.text for b in parsed.blocks if b.kind is BlockKind.PARAGRAPH]


def all_text(parsed: ParsedArticle) -> str:
    return "\n".join(b.text for b in parsed.blocks)


def test_one_article_per_title_and_the_contents_page_is_none(built: dict[str, object]) -> None:
    assert sorted(built["articles"]) == sorted(spec.title for spec in SPECS)  # type: ignore[arg-type]


def test_titles_in_capitals_take_the_contents_page_case(built: dict[str, object]) -> None:
    first = article(built, FIRST.title)
    assert first.front.title == "Phát triển nông nghiệp bền vững ở Nam Định"


def test_a_tcvn3_capitals_font_with_a_suffix_is_read_as_capitals(built: dict[str, object]) -> None:
    """'.VnArialH.Bold0150' draws lower-case codes as capitals: never "BồI DƯỡNG"."""
    second = article(built, SECOND.title)
    assert second.front.title == SECOND.title


def test_bylines_give_names_with_rank_and_degree_apart(built: dict[str, object]) -> None:
    first = article(built, FIRST.title).front
    assert first.author_names == ["Phan Tùng Sơn"]
    info = first.author_info[0]
    assert (info.rank, info.degree) == ("Trung tướng", "GS.TS.")
    assert first.affiliations == ["Học viện Hậu cần"]
    third = article(built, THIRD.title).front
    assert third.author_names == ["Lê Thị Hoa", "Vũ Văn Bình"]
    texts = all_text(article(built, FIRST.title)) + first.lead
    assert "PHAN TÙNG SƠN" not in texts  # not a heading, not the lead


def test_the_abstract_set_smaller_is_the_lead_not_a_caption(built: dict[str, object]) -> None:
    first = article(built, FIRST.title)
    assert first.front.lead == text(1, 4)
    assert not [b for b in first.blocks if b.kind is BlockKind.FIGURE]


def test_columns_are_read_in_order_and_paragraphs_come_back_whole(
    built: dict[str, object],
) -> None:
    first = article(built, FIRST.title)
    expected = [t for kind, t in FIRST.paragraphs if kind == "body"]
    assert paragraphs(first) == expected
    assert interleaved_pages(read_document(built["pdf"])) == []  # type: ignore[arg-type]


def test_the_drop_cap_joins_the_first_body_line_not_the_title(
    built: dict[str, object],
) -> None:
    first = article(built, FIRST.title)
    assert paragraphs(first)[0].startswith("Sở Khoa học")
    assert first.front.title.startswith("Phát")


def test_headings_references_and_tables_keep_their_kinds(built: dict[str, object]) -> None:
    first = article(built, FIRST.title)
    kinds = [(b.kind, b.text) for b in first.blocks if b.kind is not BlockKind.PARAGRAPH]
    assert (BlockKind.HEADING, "1. Nhân rộng mô hình") in kinds
    assert (BlockKind.HEADING, "Tài liệu tham khảo") in kinds
    references = [t for k, t in kinds if k is BlockKind.REFERENCE]
    assert references == FIRST.references  # items, numbers off (the list numbers them)
    tables = [t for k, t in kinds if k is BlockKind.TABLE]
    assert tables == ["Chỉ tiêu | 2020 | 2021\nNăng suất | 60 | 65\nLợi nhuận | 12 | 14"]
    assert "Tài liệu tham khảo" not in first.front.lead


def test_a_large_display_equation_starts_no_article(built: dict[str, object]) -> None:
    first = article(built, FIRST.title)
    equations = [b.text for b in first.blocks if b.kind is BlockKind.EQUATION]
    assert equations == ["∑ = x + y"]


def test_a_figure_title_set_large_starts_no_article(tmp_path: Path) -> None:
    """Measured on a real article: a chart's title in 15-point italics over the chart,
    "Hình 9: Nhập khẩu/xuất khẩu (%)", was taken for the title of a second article."""
    pdf = tmp_path / "bai.pdf"
    paragraphs = [("body", text(0, 4)), ("equation", "Hình 9: Nhập khẩu (%)"), ("body", text(4, 4))]
    build_pdf(pdf, [Spec("Đầu tư nước ngoài ở Hải Dương", paragraphs)])
    _, plan = plan_issue(pdf)
    assert [item.title for item in plan.articles] == ["Đầu tư nước ngoài ở Hải Dương"]


def test_running_heads_and_page_numbers_leave_the_text(built: dict[str, object]) -> None:
    """Odd and even pages carry different running heads; the page number stands at 91 % of
    the page height, where a fixed margin band misses it."""
    for parsed in built["articles"].values():  # type: ignore[attr-defined]
        text_of = all_text(parsed)
        assert "SỐ 5/2021" not in text_of
        for block in parsed.blocks:
            assert not block.text.strip().isdigit(), block.text
            words = block.text.split()
            assert not (words and words[-1].isdigit() and len(words[-1]) == 1), block.text


def test_a_section_banner_goes_with_the_next_article(built: dict[str, object]) -> None:
    first = article(built, FIRST.title)
    assert "NGHIÊN CỨU - TRAO ĐỔI" not in all_text(first)
    assert "NGHIÊN CỨU" not in all_text(article(built, SECOND.title))


def test_a_line_in_pieces_of_two_sizes_keeps_its_order(built: dict[str, object]) -> None:
    second = article(built, SECOND.title)
    assert "Ông NGUYỄN VĂN BẢO cho biết Sở đã" in paragraphs(second)


def test_a_date_cited_in_the_body_is_never_the_article_date(built: dict[str, object]) -> None:
    for parsed in built["articles"].values():  # type: ignore[attr-defined]
        assert parsed.front.date != dt.date(1975, 4, 3)


def test_articles_sharing_a_page_are_cut_apart(built: dict[str, object]) -> None:
    """The third article starts where the second ends: each article's PDF holds the shared
    page, and each conversion keeps its own text."""
    second, third = article(built, SECOND.title), article(built, THIRD.title)
    assert paragraphs(third) == [text(4, 7), text(0, 6)]
    assert text(4, 7) not in paragraphs(second)
    assert second.front.pages[-1] == third.front.pages[0]


def test_ingest_writes_article_pdfs_sidecars_and_keeps_the_issue(
    built: dict[str, object],
) -> None:
    root = built["root"]
    assert isinstance(root, Path)
    folder = root / "sources" / "2021" / "05"
    assert (folder / "issue.pdf").read_bytes() == built["pdf"].read_bytes()  # type: ignore[attr-defined]
    pdfs = sorted(p for p in folder.glob("0*.pdf"))
    sidecars = [yaml.safe_load(p.with_suffix(".yml").read_text("utf-8")) for p in pdfs]
    assert len(pdfs) == len(SPECS) and all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    assert [s["contents"]["title"] for s in sidecars] == [spec.title for spec in SPECS]
    assert sidecars[0]["pages"] == list(built["ranges"][0])  # type: ignore[index]
    assert sidecars[2].get("start") == 2  # the second article starting in its own PDF
    # each sidecar names its article's own PDF: what the site links and cites
    assert [s["pdf"] for s in sidecars] == [p.relative_to(root).as_posix() for p in pdfs]
    issue = yaml.safe_load((folder / "issue.yml").read_text("utf-8"))
    assert (issue["issue"], issue["year"], issue["pdf"]) == (5, 2021, "sources/2021/05/issue.pdf")
    assert "SỐ 5/2021" in " ".join(issue["running_heads"])
    # "tháng 5 năm 2021" on the page before the first article: a month, not its first day
    assert issue["issue_month"] == 5 and "issue_date" not in issue


@pytest.mark.parametrize(
    ("line", "date", "alone"),
    [
        ("Tháng 6 năm 2025", dt.date(2025, 6, 1), True),
        ("Hà Nội, ngày 15 tháng 6 năm 2025", dt.date(2025, 6, 15), True),
        ("December 10, 2017", dt.date(2017, 12, 10), True),
        ("Chủ nhật, ngày 29/1/2023", dt.date(2023, 1, 29), True),
        ("Số 38 - 10 March 2023", dt.date(2023, 3, 10), True),
        ("Ngày nhận bài: ngày 15 tháng 3 năm 2021", dt.date(2021, 3, 15), False),
        ("Hội nghị diễn ra vào ngày 2 tháng 9 năm 2021 tại Hà Nội", dt.date(2021, 9, 2), False),
        ("ngày 31 tháng 4 năm 2021", None, True),  # no such day
    ],
)
def test_a_masthead_date_is_read_and_a_labelled_one_is_not_alone(
    line: str, date: dt.date | None, alone: bool
) -> None:
    from bantin.pdf.ingest import _date_alone, _dates

    found = list(_dates(line))
    assert (found[0] if found else None) == date
    assert _date_alone(line) is alone


def test_an_articles_own_dates_are_never_the_issue_date(tmp_path: Path) -> None:
    received = "Ngày nhận bài: ngày 15 tháng 3 năm 2021; ngày duyệt đăng: ngày 31 tháng 4 năm 2021."
    spec = Spec("Một bài báo không có bìa", [("body", received), ("body", text(0, 120))])
    pdf = tmp_path / "bai.pdf"
    build_pdf(pdf, [spec])
    assert (
        main(["ingest", str(pdf), "--issue", "2", "--year", "2021", "--root", str(tmp_path)]) == 0
    )
    issue = yaml.safe_load((tmp_path / "sources/2021/02/issue.yml").read_text("utf-8"))
    assert "issue_date" not in issue


def test_a_cover_printing_the_day_gives_the_issue_date(tmp_path: Path) -> None:
    pdf = tmp_path / "so.pdf"
    build_pdf(pdf, SPECS[:1], Issue(contents=True, dateline="Hà Nội, ngày 15 tháng 5 năm 2021"))
    assert (
        main(["ingest", str(pdf), "--issue", "5", "--year", "2021", "--root", str(tmp_path)]) == 0
    )
    issue = yaml.safe_load((tmp_path / "sources/2021/05/issue.yml").read_text("utf-8"))
    assert issue["issue_date"] == dt.date(2021, 5, 15) and "issue_month" not in issue


def test_each_articles_pdf_holds_its_pages_the_same_bytes_on_every_run(
    built: dict[str, object], tmp_path: Path
) -> None:
    """Ingested again elsewhere, the same issue gives the same bytes: the cut PDFs carry no
    time stamp and a document ID computed from their content."""
    import pikepdf

    pdf, root = built["pdf"], built["root"]
    assert isinstance(pdf, Path) and isinstance(root, Path)
    doc, plan = plan_issue(pdf)
    again = write_issue(pdf, doc, plan, IssueTarget(tmp_path, 2021, 5))
    for path in again:
        assert path.read_bytes() == (root / path.relative_to(tmp_path)).read_bytes(), path.name
    ranges = built["ranges"]
    assert isinstance(ranges, list)
    for path, (first, last) in zip(
        sorted(p for p in again if p.name[0].isdigit() and p.suffix == ".pdf"), ranges, strict=True
    ):
        with pikepdf.open(path) as cut:
            assert len(cut.pages) == last - first + 1
            assert "/Info" not in cut.trailer


def test_ingest_is_deterministic_and_never_overwrites(
    built: dict[str, object], tmp_path: Path
) -> None:
    pdf = built["pdf"]
    assert isinstance(pdf, Path)
    doc, plan = plan_issue(pdf)
    target = IssueTarget(tmp_path, 2021, 5)
    first = {p: p.read_bytes() for p in write_issue(pdf, doc, plan, target)}
    again = write_issue(pdf, doc, plan, target)  # the same bytes again is fine
    assert again and all(first[p] == p.read_bytes() for p in again)
    assert len(first) == 2 * len(SPECS) + 2  # articles and sidecars, issue.pdf and issue.yml
    sidecar = next(p for p in first if p.suffix == ".yml" and p.name != "issue.yml")
    sidecar.write_text("title: sửa tay\n", encoding="utf-8")
    with pytest.raises(SourceError, match="never overwritten"):
        write_issue(pdf, doc, plan, target)
    assert sidecar.read_text(encoding="utf-8") == "title: sửa tay\n"


def test_the_contents_page_is_read(built: dict[str, object]) -> None:
    entries = read_contents(read_document(built["pdf"]))  # type: ignore[arg-type]
    assert [e.title for e in entries] == [spec.title for spec in SPECS]
    assert entries[0].authors == ["Trung tướng, GS.TS. PHAN TÙNG SƠN"]
    assert [e.page for e in entries] == [r[0] for r in built["ranges"]]  # type: ignore[attr-defined]


LONG = Spec(
    title="Ứng dụng công nghệ sinh học trong chăn nuôi bò sữa và lợn thịt tại các trang trại"
    " vừa và nhỏ ở đồng bằng sông Hồng",
    byline="ThS. TRẦN VĂN NAM",
    paragraphs=[("body", text(2, 8))],
)


@pytest.mark.parametrize(
    ("layout", "columns"),
    [
        ("right", 1),
        ("byline first", 1),
        ("byline: title", 1),
        ("right", 2),
        ("byline first", 2),
        ("right, first line", 1),
        ("right, first line", 2),
    ],
)
def test_a_contents_page_with_its_page_numbers_at_the_right_is_read(
    tmp_path: Path, layout: str, columns: int
) -> None:
    """Many magazines set a contents entry as its title, dot leaders and the page number at
    the right edge, the byline under the title (or over it, or before it and a colon); a
    wrapped title is one entry; two columns of entries are read one after the other."""
    issue = Issue(contents=True, contents_layout=layout, contents_columns=columns)
    _contents_read_as_built(tmp_path, issue)


@pytest.mark.parametrize("layout", ["right", "byline first", "byline: title", "right, first line"])
@pytest.mark.parametrize("numbered", ["1. ", "1 alone"])
def test_a_numbered_contents_list_is_read_by_its_page_numbers(
    tmp_path: Path, layout: str, numbered: str
) -> None:
    """Some contents pages number their entries ("1. ", "2. ", or a number alone on the
    left) and give the page at the right: that number is no page and no part of the title."""
    issue = Issue(
        contents=True,
        contents_layout=layout,
        contents_numbered=numbered == "1. ",
        contents_list_column=numbered == "1 alone",
    )
    _contents_read_as_built(tmp_path, issue)


@pytest.mark.parametrize(
    ("written", "titles"),
    [
        (["1. Phát triển", "2. Đổi mới", "3. Hội nhập"], ["Phát triển", "Đổi mới", "Hội nhập"]),
        (
            ["Phát triển", "Đổi mới", "3 nhà khoa học trẻ nhận giải"],
            ["Phát triển", "Đổi mới", "3 nhà khoa học trẻ nhận giải"],
        ),
        (["1 triệu tấn lúa xuất khẩu"], ["1 triệu tấn lúa xuất khẩu"]),
        (["1. Phát triển", "5. Đổi mới"], ["1. Phát triển", "5. Đổi mới"]),
    ],
)
def test_a_title_keeps_its_own_number_unless_the_list_counts_its_entries(
    written: list[str], titles: list[str]
) -> None:
    """A number opening entries is the list's when most entries open with their place from
    1; one that only happens to equal its entry's place is the title's own."""
    entries = [_made_entry(page, [text], []) for page, text in enumerate(written, 3)]
    kept = [entry for entry in entries if entry is not None]
    _keep_list_numbers(kept)
    assert [entry.title for entry in kept] == titles


def _contents_read_as_built(tmp_path: Path, issue: Issue) -> None:
    pdf = tmp_path / "in.pdf"
    specs = [FIRST, SECOND, THIRD, LONG]
    ranges = build_pdf(pdf, specs, issue)
    entries = read_contents(read_document(pdf))
    assert [e.title for e in entries] == [spec.title for spec in specs]
    assert [e.authors for e in entries] == [spec.byline.split("; ") for spec in specs]
    assert [e.page for e in entries] == [first for first, _ in ranges]


@pytest.mark.parametrize(
    ("written", "title", "bylines"),
    [
        ("NGUYỄN VĂN AN - Phát triển nông nghiệp", "Phát triển nông nghiệp", ["NGUYỄN VĂN AN"]),
        ("TS. Lê Văn Bình: Tư duy mới", "Tư duy mới", ["TS. Lê Văn Bình"]),
        ("Hà Nội: Những đổi thay", "Hà Nội: Những đổi thay", []),
        ("Nguyễn Văn An: Bàn về giáo dục", "Nguyễn Văn An: Bàn về giáo dục", []),
        ("Chủ tịch Hồ Chí Minh - Người thầy", "Chủ tịch Hồ Chí Minh - Người thầy", []),
        ("Đổi mới - sáng tạo trong KH&CN", "Đổi mới - sáng tạo trong KH&CN", []),
        ("Học viện Hậu cần: 70 năm xây dựng", "Học viện Hậu cần: 70 năm xây dựng", []),
    ],
)
def test_a_byline_run_into_a_contents_title_is_taken_out(
    written: str, title: str, bylines: list[str]
) -> None:
    """Names in capitals, or with a degree, before a colon or a dash are the byline; a place,
    a name written small or a title's own dash stay in the title."""
    assert _byline_before(written) == (title, bylines)


@pytest.mark.parametrize("layout", ["right", "byline first"])
def test_section_headings_of_a_contents_page_numbered_at_the_right(
    tmp_path: Path, layout: str
) -> None:
    """A heading in capitals between the entries names the section of those under it; it is
    no part of the next title."""
    pdf = tmp_path / "in.pdf"
    sections = {0: "NGHIÊN CỨU - TRAO ĐỔI", 2: "TIN TỨC - SỰ KIỆN"}
    issue = Issue(contents=True, contents_layout=layout, contents_sections=sections)
    build_pdf(pdf, [FIRST, SECOND, THIRD, LONG], issue)
    entries = read_contents(read_document(pdf))
    assert [e.title for e in entries] == [FIRST.title, SECOND.title, THIRD.title, LONG.title]
    assert [e.section for e in entries] == [sections[0]] * 2 + [sections[2]] * 2


def test_titles_in_capitals_take_the_case_of_a_contents_page_numbered_at_the_right(
    tmp_path: Path,
) -> None:
    pdf = tmp_path / "in.pdf"
    build_pdf(pdf, [FIRST, SECOND, LONG], Issue(contents=True, contents_layout="right"))
    _, plan = plan_issue(pdf)
    assert [a.entry.title if a.entry else None for a in plan.articles] == [
        FIRST.title,
        SECOND.title,
        LONG.title,
    ]
    assert not [note for note in plan.notes if "contents page" in note]


def test_a_contents_title_that_differs_is_reported(tmp_path: Path) -> None:
    pdf = tmp_path / "in.pdf"
    titles = {0: "Phát triển nông nghiệp hữu cơ ở Nam Định"}
    build_pdf(pdf, [FIRST, SECOND], Issue(contents=True, contents_titles=titles))
    _, plan = plan_issue(pdf)
    assert any("Phát triển nông nghiệp hữu cơ" in note for note in plan.notes)


def test_a_single_article_pdf_converts_without_ingest(tmp_path: Path) -> None:
    """An editor may drop one article's PDF into an issue folder."""
    pdf = tmp_path / "sources" / "2021" / "05" / "bai.pdf"
    pdf.parent.mkdir(parents=True)
    build_pdf(pdf, [SECOND])
    converted = convert_pdf(pdf)
    assert converted.title == SECOND.title
    assert [a.name for a in converted.authors] == ["Nguyễn Tiến Dũng"]
    report = convert_sources(tmp_path, tmp_path / "docs", workers=1)
    assert report.ok and len(report.converted) == 1


@pytest.mark.parametrize(
    ("printed", "meant"),
    [
        ("Suy Niệm", "Suy niệm"),  # a bulletin's items, set in English headline style
        ("Hỏi & Đáp với Lm. Phi Quang", "Hỏi & đáp với Lm. Phi Quang"),  # a name after a title
        ("HỎI & ĐÁP VỚI LM. PHI QUANG", "Hỏi & đáp với Lm. Phi Quang"),
    ],
)
def test_a_title_in_headline_style_takes_sentence_case_and_keeps_names(
    tmp_path: Path, printed: str, meant: str
) -> None:
    pdf = tmp_path / "bai.pdf"
    build_pdf(pdf, [Spec(printed, [("body", text(0, 3)), ("body", text(3, 3))], columns=1)])
    assert convert_pdf(pdf).title == meant


def test_a_heading_number_glued_to_its_words_is_set_apart_and_capitals_restored(
    tmp_path: Path,
) -> None:
    """Measured on real articles: "2.THIẾT KẾ THIẾT BỊ" came out as "2.thiết kế thiết bị",
    and a heading in capitals that goes on in small letters stayed in capitals."""
    pdf = tmp_path / "bai.pdf"
    paragraphs = [
        ("body", text(0, 3)),
        ("heading", "2.THIẾT KẾ THIẾT BỊ"),
        ("body", text(3, 3)),
        ("heading", "3. THUẬT TOÁN CẢI TIẾN (Simulated Annealing)"),
        ("body", text(6, 3)),
        ("heading", "4.KẾT LUẬN"),  # two words, a number glued: no formula
        ("body", text(9, 3)),
    ]
    build_pdf(pdf, [Spec("Phương pháp thiết kế thiết bị rung", paragraphs, columns=1)])
    headings = [b.text for b in convert_pdf(pdf).blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        "2. Thiết kế thiết bị",
        "3. Thuật toán cải tiến (Simulated Annealing)",
        "4. Kết luận",
    ]


def test_a_lettered_heading_keeps_its_case(tmp_path: Path) -> None:
    """Measured on real articles: "a. Phép tịnh tiến" came out as "A. phép tịnh tiến" (the
    letter taken for the heading's first word), 14 headings of three unseen articles."""
    pdf = tmp_path / "bai.pdf"
    paragraphs = [
        ("body", text(0, 3)),
        ("heading", "a. Phép tịnh tiến"),
        ("body", text(3, 3)),
        ("heading", "b) Trường hợp K2 nằm trên cung IJ"),
        ("body", text(6, 3)),
        ("heading", "C. PHÉP BIẾN ĐỔI KẾT HỢP"),
        ("body", text(9, 3)),
        ("heading", "CHƯƠNG 2. CÔNG THỨC TỶ SỐ CỦA SÓNG MẶT"),  # a thesis's chapter
        ("body", text(12, 3)),
    ]
    build_pdf(pdf, [Spec("Tối ưu hóa góc quay các khớp", paragraphs, columns=1)])
    headings = [b.text for b in convert_pdf(pdf).blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        "a. Phép tịnh tiến",
        "b) Trường hợp K2 nằm trên cung IJ",
        "C. Phép biến đổi kết hợp",
        "Chương 2. Công thức tỷ số của sóng mặt",
    ]
    # Measured on a real thesis: "CHƯƠNG 2. CÔNG THỨC TỶ SỐ H/V ..." became "Chương 2.
    # công thức tỷ số H/V ...": the chapter's label is a mark, as a number is.
    from bantin.convert.roles import split_heading_mark

    assert split_heading_mark("CHƯƠNG 2. CÔNG THỨC") == ("Chương 2. ", "CÔNG THỨC")
    assert split_heading_mark("Phần II: Kết quả") == ("Phần II: ", "Kết quả")
    assert split_heading_mark("Chương trình đào tạo") == ("", "Chương trình đào tạo")
    assert split_heading_mark("PHẦN XI MĂNG") == ("Phần XI ", "MĂNG")  # (capitals: a number)
    assert split_heading_mark("Phần vi sinh vật") == ("", "Phần vi sinh vật")


def test_three_narrow_justified_columns_come_back_whole_and_in_order(tmp_path: Path) -> None:
    """Three columns: poppler cuts a justified line of a narrow column where its spaces grow
    wide, the last column may hold too few lines to be found, and a column may open with the
    rest of a sentence in figures ("12%, lợi nhuận...")."""
    pdf = tmp_path / "ba-cot.pdf"
    paragraphs = [("body", text(3 * n, 3)) for n in range(10)]
    build_pdf(pdf, [Spec("Ba cột trên một trang", paragraphs, byline="Nguyễn Văn An", columns=3)])
    converted = convert_pdf(pdf)
    got = [b.text for b in converted.blocks if b.kind is BlockKind.PARAGRAPH]
    assert got == [t for _, t in paragraphs]


def test_blank_pages_after_an_article_are_not_its_pages(tmp_path: Path) -> None:
    """An article's PDF cut from the printed issue ends with blank pages that print only the
    running head, the page number and a stray mark: they were its last pages ("pages: 59-66"
    for an article printed on 59-64) and the mark one of its paragraphs."""
    pdf = tmp_path / "bai.pdf"
    spec = Spec(SECOND.title, [("body", text(n, 8)) for n in range(8)], byline=SECOND.byline)
    ranges = build_pdf(pdf, [spec], Issue(blank_pages=2))
    _, plan = plan_issue(pdf)
    assert [(item.first_page, item.last_page) for item in plan.articles] == ranges
    converted = convert_pdf(pdf)
    assert converted.pages == [ranges[0][0], ranges[0][1]]
    assert [b.text for b in converted.blocks if b.kind is BlockKind.PARAGRAPH] == [
        t for _, t in spec.paragraphs
    ]


def test_a_title_in_capitals_names_for_review_the_words_its_text_never_writes(
    tmp_path: Path,
) -> None:
    """Every title printed in capitals was listed with the same reason: now the words whose
    case the text does not settle are named, and weigh more, so such an article comes first."""
    from bantin.review import confidence

    pdf = tmp_path / "bai.pdf"
    paragraphs = [("body", text(n, 8)) for n in range(6)]
    title = "Mô hình lúa ở Nam Định"  # every word of it written in the text
    settled = Spec(title, paragraphs, byline=FIRST.byline, title_caps=True)
    unsettled = Spec(
        title + " thời kỳ Pleistocen", paragraphs, byline=FIRST.byline, title_caps=True
    )
    reviews = []
    for spec in (settled, unsettled):
        build_pdf(pdf, [spec])
        reviews.append(convert_pdf(pdf).review)
    assert "title restored from capitals" in reviews[0]
    assert (
        "title restored from capitals: check the case of 'thời', 'kỳ', 'pleistocen'" in reviews[1]
    )
    assert confidence(reviews[1]) < confidence(reviews[0])


def test_legacy_fonts_in_the_body_are_decoded(tmp_path: Path) -> None:
    """By the font's name, or, named as a printer driver names fonts ("TT1A2Bo00"), by the
    text it sets, which reads as Vietnamese only once decoded."""
    for legacy in ("tcvn3", "vni", "tcvn3 unnamed", "vni unnamed"):
        pdf = tmp_path / f"{legacy.replace(' ', '-')}.pdf"
        spec = Spec(SECOND.title, [("body", text(0, 6)), ("body", text(2, 5))], legacy=legacy)
        build_pdf(pdf, [spec])
        converted = convert_pdf(pdf)
        body = [b.text for b in converted.blocks if b.kind is BlockKind.PARAGRAPH]
        assert body == [text(0, 6), text(2, 5)], legacy


def test_the_section_is_the_banner_the_running_heads_repeat(tmp_path: Path) -> None:
    """A single article's pages print the journal's name and issue on one side and the
    section's banner on the other: the banner is its section, never the journal's name."""
    spec = Spec(SECOND.title, [("body", text(n, 12)) for n in range(14)], byline=SECOND.byline)
    for heads, section in [
        (("TẠP CHÍ KHOA HỌC & CÔNG NGHỆ . SỐ 7 - 2019", "KINH TẾ - XÃ HỘI"), "KINH TẾ - XÃ HỘI"),
        (("TẠP CHÍ KHOA HỌC & CÔNG NGHỆ . SỐ 7 - 2019", "TẠP CHÍ KHOA HỌC & CÔNG NGHỆ"), None),
        (("ĐẠI HỌC QUỐC GIA HÀ NỘI", "TRƯỜNG ĐẠI HỌC KHOA HỌC TỰ NHIÊN"), None),
    ]:
        pdf = tmp_path / "bai.pdf"
        pages = build_pdf(pdf, [spec], Issue(running_heads=heads))
        assert pages[0][1] - pages[0][0] >= 2  # the banner is printed on two pages at least
        assert convert_pdf(pdf).section == section, heads


def test_an_unreadable_pdf_is_an_error_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.4 not really a pdf")
    with pytest.raises(SourceError, match=r"hong\.pdf"):
        convert_pdf(bad)
    assert (
        main(["ingest", str(bad), "--issue", "1", "--year", "2021", "--root", str(tmp_path)]) == 1
    )
    assert not (tmp_path / "sources").exists()


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "empty file"),
        (b"<html><body>404</body></html>", "not a PDF"),
        (b"%PDF-1.4 not really a pdf", "damaged PDF"),
    ],
)
def test_an_unreadable_pdf_says_why(tmp_path: Path, content: bytes, why: str) -> None:
    """Found on a real download: an empty file was refused as an "unreadable PDF"."""
    bad = tmp_path / "so-3.pdf"
    bad.write_bytes(content)
    with pytest.raises(SourceError, match=rf"so-3\.pdf.*{why}"):
        convert_pdf(bad)


def test_a_pdf_that_needs_a_password_says_so(tmp_path: Path) -> None:
    """An issue saved with a password to open it was refused as a "damaged PDF"."""
    import pikepdf
    from reportlab.pdfgen.canvas import Canvas

    plain = tmp_path / "mo.pdf"
    canvas = Canvas(str(plain), pagesize=(595, 842), invariant=True)
    canvas.drawString(72, 760, "Tạp chí khoa học")
    canvas.save()
    locked = tmp_path / "so-4.pdf"
    with pikepdf.open(plain) as document:
        document.save(locked, encryption=pikepdf.Encryption(owner="chu", user="mat-khau", R=6))
    with pytest.raises(SourceError, match=r"so-4\.pdf.*needs a password"):
        convert_pdf(locked)
    assert (
        main(["ingest", str(locked), "--issue", "1", "--year", "2021", "--root", str(tmp_path)])
        == 1
    )
    assert not (tmp_path / "sources").exists()


def test_a_scanned_issue_without_text_is_refused_with_what_to_do(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from PIL import Image
    from reportlab.pdfgen.canvas import Canvas

    picture = tmp_path / "trang.png"
    Image.new("L", (300, 420), 255).save(picture)
    pdf = tmp_path / "scan.pdf"
    canvas = Canvas(str(pdf), pagesize=(595, 842), invariant=True)
    for _ in range(2):
        canvas.drawImage(str(picture), 0, 0, 595, 842)
        canvas.showPage()
    canvas.save()
    assert (
        main(["ingest", str(pdf), "--issue", "1", "--year", "2020", "--root", str(tmp_path)]) == 1
    )
    error = caplog.text
    assert "scan.pdf" in error and "no text layer" in error and "OCR" in error
    assert not (tmp_path / "sources").exists()


def test_ingest_needs_issue_and_year(built: dict[str, object], tmp_path: Path) -> None:
    assert main(["ingest", str(built["pdf"]), "--root", str(tmp_path)]) == 1


def test_numbered_lines_under_a_content_heading_are_no_contents_page(tmp_path: Path) -> None:
    """An article's own "Nội dung" section listing numbered steps is not an issue's contents."""
    steps = [("heading", "NỘI DUNG"), *[("body", f"{n} {text(n, 1)}") for n in range(1, 5)]]
    spec = Spec(SECOND.title, [*steps, ("body", text(0, 9))], byline=SECOND.byline)
    pdf = tmp_path / "bai.pdf"
    build_pdf(pdf, [spec])
    assert read_contents(read_document(pdf)) == []
    converted = convert_pdf(pdf)
    assert [b.text for b in converted.blocks if b.kind is BlockKind.PARAGRAPH][-1] == text(0, 9)


def test_a_documents_own_table_of_contents_does_not_cut_it(tmp_path: Path) -> None:
    """A thesis lists its sections' pages: no article starts there, so it stays one article."""
    body = [("body", text(n, 12)) for n in range(12)]
    thesis = Spec("Một số bài toán về mô hình lúa ở Nam Định", body, byline="NGUYỄN THỊ LAN")
    sections = [(3, "Tình hình nghiên cứu"), (4, "Phương pháp nghiên cứu")]
    pdf = tmp_path / "luan-an.pdf"
    ranges = build_pdf(pdf, [thesis], Issue(contents=True, extra_entries=sections))
    assert ranges[0][1] >= 4  # the thesis runs over the pages its contents lists
    _, plan = plan_issue(pdf)
    assert len(plan.articles) == 1
    assert any("table of contents of one document" in note for note in plan.notes)


def test_the_article_page_shows_the_byline_affiliation_and_the_articles_own_pdf(
    built: dict[str, object],
) -> None:
    """Built into a site: the rank and degree stand before the linked name, the affiliation
    under it, and the article's own PDF is the page's PDF (and citation_pdf_url)."""
    from test_site_archive import REPO, build, copy_hand_written_pages

    root = built["root"]
    assert isinstance(root, Path)
    shutil.copytree(REPO / "overrides", root / "overrides", dirs_exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    hook = REPO / "scripts/bantin/site/mkdocs_hook.py"
    config = config.replace("  - scripts/bantin/site/mkdocs_hook.py", f"  - {hook}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    copy_hand_written_pages(REPO / "docs", root / "docs")
    result = build(root)
    assert result.ok, result
    slug = article(built, FIRST.title).front.slug
    page = (root / "site/2021/so-5" / slug / "index.html").read_text(encoding="utf-8")
    assert '<span class="bantin-rank">Trung tướng, GS.TS.</span>' in page
    assert 'rel="author">Phan Tùng Sơn</a>' in page
    assert "<li>Học viện Hậu cần</li>" in page
    source = article(built, FIRST.title).front.source.removeprefix("sources/")
    assert 'type="application/pdf">Bản PDF của bài</a>' in page
    assert f'name="citation_pdf_url" content="http://127.0.0.1:8000/nguon/{source}"' in page
    assert (root / "site/nguon" / source).read_bytes().startswith(b"%PDF")
    assert (root / "site/tac-gia/phan-tung-son/index.html").is_file()
    assert '<table id="t-' in page and "<td>Năng suất</td><td>60</td><td>65</td>" in page
    assert "<ol>" in page


def test_review_lists_the_articles_to_check_least_confident_first(
    built: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    root = built["root"]
    assert isinstance(root, Path)
    assert main(["review", "--docs", str(root / "docs")]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    scores = [float(row.split()[0]) for row in rows]
    assert scores and scores == sorted(scores)
    first = article(built, FIRST.title).front
    assert first.review and first.confidence is not None and first.confidence < 1
    assert any("has tables" in reason for reason in first.review)


def test_explain_reads_an_article_pdf(
    built: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    root = built["root"]
    assert isinstance(root, Path)
    pdf = sorted((root / "sources/2021/05").glob("000_*.pdf"))[0]
    assert main(["convert", "--explain", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert f"title: {FIRST.title}" in out and "authors: Phan Tùng Sơn" in out


NEWS = Spec(
    title="Tin tức - Sự kiện",
    drop_cap=False,
    columns=1,
    paragraphs=[
        ("heading", "Hội nghị tổng kết mô hình lúa chất lượng cao"),
        ("body", text(0, 4)),
        ("heading", "Tập huấn kỹ thuật chăm sóc lúa cho nông dân"),
        ("body", text(1, 3)),
        ("body", text(2, 2)),
        ("heading", "Ký kết hợp tác tiêu thụ sản phẩm"),
        ("body", text(4, 3)),
    ],
)


def test_a_page_of_news_items_gives_one_article_per_item(tmp_path: Path) -> None:
    """Under a page heading with no byline, short items each under a bold heading: each item
    is an article, the page heading their section."""
    pdf = tmp_path / "tin.pdf"
    build_pdf(pdf, [NEWS])
    _, plan = plan_issue(pdf)
    titles = [item.title for item in plan.articles]
    assert titles == [t for kind, t in NEWS.paragraphs if kind == "heading"]
    assert {item.span.section for item in plan.articles} == {"Tin tức - Sự kiện"}
    # each item's PDF is the same page: its sidecar's start tells them apart, none is a copy
    assert (
        main(["ingest", str(pdf), "--issue", "3", "--year", "2022", "--root", str(tmp_path)]) == 0
    )
    report = convert_sources(tmp_path, tmp_path / "docs", workers=1)
    assert report.ok, report.problems
    converted = {read_article(p).front.title for p in (tmp_path / "docs").rglob("*.md")}
    assert set(titles) <= converted


def test_an_article_with_a_byline_keeps_its_headings(tmp_path: Path) -> None:
    pdf = tmp_path / "bai.pdf"
    signed = Spec(**{**NEWS.__dict__, "title": "Nông nghiệp Nam Định", "byline": SECOND.byline})
    build_pdf(pdf, [signed])
    _, plan = plan_issue(pdf)
    assert [item.title for item in plan.articles] == ["Nông nghiệp Nam Định"]


def test_words_drawn_by_symbol_and_accent_tricks_read_as_printed() -> None:
    from bantin.pdf.fonts import clean_word

    assert clean_word("(\uf06d = 0,001 \uf0b8 0,05)", "Symbol") == "(μ = 0,001 ÷ 0,05)"
    # Wingdings' bullets keep their shapes where Unicode has them, so that two lists' bullets
    # stay apart (a real article's "❖" items over "▪" items); the others draw "•"
    assert [clean_word(c, "Wingdings") for c in "\uf0a7\uf076\uf0b7"] == ["▪", "❖", "•"]
    # Measured on a real article: a process's steps joined by Wingdings' arrows ("Rau cần ta
    # → Rửa → Để ráo") read as bullets: its arrows are arrows
    assert [clean_word(c, "Wingdings") for c in "\uf0e0\uf0e1\uf0f0"] == ["➔", "↑", "⇨"]
    # the end of Symbol's table: an integral and the pieces of tall brackets (a real article's
    # "\uf0f2 M1Mp ds" was left in private use)
    assert clean_word("\uf0f2 M\uf0e6\uf0f6\uf0f1", "Times New Roman") == "∫ M⎛⎞〉"
    assert clean_word("Δ1=\uf0442= 0", "Times New Roman") == "Δ1=Δ2= 0"  # a Symbol glyph inside
    # Measured on a real article: Symbol's letters inside a word of another font came out as
    # bullets ("W.cos•", "937,5 •m"), and the Latin letters of a word that took the Symbol
    # font from its first glyph as Greek ("Ω.σινθ" for "W.sinθ"); a font that gives its
    # glyphs at private-use codes draws no ASCII letter
    assert clean_word("W.cos\uf071", "Times New Roman") == "W.cosθ"
    assert clean_word("\uf06dm", "Times New Roman") == "μm"
    assert clean_word("\uf070Dtbcotg\uf077", "Times New Roman") == "πDtbcotgω"
    assert clean_word("\uf071)+W.sin\uf071=30,9.sin(", "Symbol") == "θ)+W.sinθ=30,9.sin("
    assert clean_word("(q = 0,1)", "Symbol") == "(θ = 0,1)"  # a Symbol font's own bytes
    assert clean_word("\uf06c", "Times New Roman") == "●"  # a bullet: a word of its own
    assert clean_word("\uf0a7Rửa", "Times New Roman") == "▪Rửa"  # or opening one
    assert clean_word("\uf0a7rửa", "Times New Roman") == "▪rửa"  # no letter in Symbol
    # Measured on a real article: a table's arrows glued after a value ("6.84↑", "RBC↑↓")
    # read as bullets ("6.84•", "RBC••"), the direction of each change lost: a bullet opens
    # an item, it never ends a word
    assert clean_word("6.84\uf0ad", "Times New Roman") == "6.84↑"
    assert clean_word("RBC\uf0ad\uf0af,", "Times New Roman") == "RBC↑↓,"
    # a unit's or a variable's few ASCII letters after a Symbol letter; a word after a bullet
    assert [clean_word(t, "Arial") for t in ("\uf06dM", "\uf06dS/cm", "\uf070D", "\uf06dmol")] == [
        "μM",
        "μS/cm",
        "πD",
        "μmol",
    ]
    assert clean_word("\uf072(w)", "Arial") == "ρ(w)"  # before a bracket or a figure
    assert [clean_word(t, "Arial") for t in ("\uf06ccác", "\uf076Trong", "\uf06cĐể")] == [
        "●các",
        "❖Trong",
        "●Để",
    ]
    assert clean_word("gia đı\u0300nh") == "gia đình"  # dotless i under a tone mark
    assert clean_word("ıt") == "ıt"  # a dotless i alone stays what it is
    assert clean_word("ha\u0300nh\u00adchi\u0301nh") == "hànhchính"  # NFC, soft hyphen out
    assert clean_word("Đầu tƣ nƣớc ngoài, CHƢƠNG") == "Đầu tư nước ngoài, CHƯƠNG"  # "ƣ" for "ư"


def test_a_drop_cap_joins_the_line_level_with_it_not_the_abstract_above() -> None:
    """Measured on a real issue: the abstract's last line ends just above the drop cap and
    starts right of it; the cap's letter belongs to the first body line beside it."""
    from bantin.pdf.fonts import BodyType
    from bantin.pdf.page import Block, Box, Line, Page, Style, Word
    from bantin.pdf.reading import join_drop_caps

    def line(text_: str, x0: float, y0: float, size: float = 11.0, width: float = 200) -> Line:
        box = Box(x0, y0, x0 + width, y0 + size * 1.3)
        return Line([Word(text_, box, Style("ArialMT", size))], box)

    abstract = line("ứng yêu cầu xây dựng quân đội trong tình hình mới.", 111.5, 253.5)
    cap = line("N", 54.1, 269.5, size=52.0, width=34.5)
    first, second = line("GÀY 21/9/1957, Đại tướng đã", 88.6, 284.7), line("Lễ Khai", 88.6, 299.7)
    page = Page(8, 552.8, 765.4, [Block([abstract]), Block([cap]), Block([first, second])])
    join_drop_caps(page, BodyType(11.0, "ArialMT"))
    assert first.text.startswith("NGÀY") and abstract.text.startswith("ứng")
    assert len(page.blocks) == 2  # the cap is gone into its word


def test_a_centred_last_line_does_not_open_a_paragraph() -> None:
    """A centred abstract's short last line starts right of the others: it is no first line
    set in (it does not reach the right edge)."""
    from bantin.pdf.fonts import BodyType
    from bantin.pdf.page import Block, Box, Line, Page, Style, Word
    from bantin.pdf.reading import paragraphs

    style = Style("Arial-BoldItalicMT", 10.0, bold=True, italic=True)

    def line(text_: str, x0: float, x1: float, y0: float) -> Line:
        box = Box(x0, y0, x1, y0 + 13)
        return Line([Word(text_, box, style)], box)

    block = Block(
        [
            line("Thực hiện bản Huấn thị của Đại tướng, 68 năm qua, cán bộ", 103.5, 448.5, 169),
            line("luôn đoàn kết, sáng tạo, chủ động khắc phục mọi khó khăn", 103.5, 448.5, 183),
            line("ứng yêu cầu xây dựng quân đội trong tình hình mới.", 119.5, 432.1, 197),
        ]
    )
    page = Page(8, 552.8, 765.4, [block])
    found = paragraphs(page, BodyType(11.0, "ArialMT"))
    assert len(found) == 1 and len(found[0].lines) == 3


def test_a_display_equation_stays_where_it_is_set(built: dict[str, object]) -> None:
    first = article(built, FIRST.title)
    kinds = [b.kind for b in first.blocks]
    at = kinds.index(BlockKind.EQUATION)
    assert kinds[at - 1] is BlockKind.PARAGRAPH and kinds[at + 1] is BlockKind.PARAGRAPH
    assert first.blocks[at - 1].text == text(2, 9) and first.blocks[at + 1].text == text(3, 7)


@pytest.mark.parametrize(
    ("words", "equation"),
    [
        ("EJ 2 3 3EJ EJ", True),  # what an equation editor leaves as text
        ("≈ kN δ11 5EJ 8 5", True),
        ("(26)", True),  # an equation's number set apart
        ("Tính Δ1P, Δ2P dùng bảng tính M1Mpds; [5]", False),
        ("Năng suất đạt 65 tạ/ha = 12% cao hơn", False),
        ("1. GIỚI THIỆU", False),  # a heading in capitals is words, not variables
        ("2.1. Ý định", False),  # a section number is no mathematics
        ("2.3. KẾT QUẢ VÀ THẢO LUẬN", False),
    ],
)
def test_equations_are_symbols_numbers_and_variables(words: str, equation: bool) -> None:
    from bantin.pdf import roles
    from bantin.pdf.fonts import BodyType
    from bantin.pdf.page import Box, Line, Style, Word
    from bantin.pdf.reading import Para

    box = Box(100, 100, 300, 112)
    para = Para([Line([Word(words, box, Style("Times", 12.0))], box)], 1)
    assert roles._is_equation(para, BodyType(12.0, "Times")) is equation


def test_a_line_poppler_built_across_the_gutter_is_cut_into_its_columns() -> None:
    """Measured on a real page: a chart's labels aligned two columns' lines, and poppler
    made one line of words from both; each column gets its words back."""
    from bantin.pdf.fonts import BodyType
    from bantin.pdf.page import Block, Box, Line, Page, Style, Word
    from bantin.pdf.reading import mixed_pages, paragraphs

    style = Style("Times New Roman", 12.0)

    def words(texts: list[str], x0: float, y0: float) -> list[Word]:
        found, x = [], x0
        for piece in texts:
            width = 6.0 * len(piece)
            found.append(Word(piece, Box(x, y0, x + width, y0 + 14), style))
            x += width + 4
        return found

    left = [
        words(["câu", "bên", "trái", "số", str(n), "vẫn", "còn", "tiếp"], 65, 100 + 15 * n)
        for n in range(4)
    ]
    right = [
        words(["dòng", "bên", "phải", "số", str(n), "cũng", "còn", "nữa"], 306, 100 + 15 * n)
        for n in range(4)
    ]
    lines = [Line(w, Box(w[0].box.x0, w[0].box.y0, w[-1].box.x1, w[0].box.y1)) for w in left]
    lines += [Line(w, Box(w[0].box.x0, w[0].box.y0, w[-1].box.x1, w[0].box.y1)) for w in right]
    mixed = left[3] + right[3]
    lines[3] = Line(mixed, Box(mixed[0].box.x0, mixed[0].box.y0, mixed[-1].box.x1, mixed[0].box.y1))
    del lines[7]
    page = Page(5, 595, 842, [Block(lines[:4]), Block(lines[4:])])
    body = BodyType(12.0, "Times New Roman")
    assert mixed_pages([page], body) == [5]
    texts = [para.text for para in paragraphs(page, body)]
    assert all("trái" not in t or "phải" not in t for t in texts), texts
    assert mixed_pages([page], body) == []


def test_names_signed_at_the_end_are_the_byline(tmp_path: Path) -> None:
    """A news article signs at its end, right-aligned: the pen names are its authors."""
    pdf = tmp_path / "tin.pdf"
    spec = Spec(
        "Hội nghị tổng kết hoạt động KH&CN năm 2020",
        [("body", text(0, 8)), ("body", text(2, 6))],
        signature="Hải Hằng - Xuân Bình",
    )
    build_pdf(pdf, [spec])
    converted = convert_pdf(pdf)
    assert [a.name for a in converted.authors] == ["Hải Hằng", "Xuân Bình"]
    body = [b.text for b in converted.blocks if b.kind is BlockKind.PARAGRAPH]
    assert body == [text(0, 8), text(2, 6)]


def test_an_english_title_in_capitals_keeps_the_names_its_abstract_writes() -> None:
    """Measured on real articles: "ANALYSIS OF THE COMPETITIVENESS OF HANOI CITY..." became
    "Analysis of the competitiveness of hanoi city..."; the English abstract writes "Hanoi"."""
    from bantin.model import Article
    from bantin.pdf.convert import Hints, restore_case_of

    article = Article()
    article.title = "Phân tích năng lực cạnh tranh điểm đến du lịch"
    article.title_en = "ANALYSIS OF THE COMPETITIVENESS OF HANOI CITY TOURISM IN VIETNAM"
    article.abstract_en = (
        "This article analyzes the competitiveness of Hanoi as a tourism destination. "
        "Tourism in Vietnam grows fast, and the city competes with others."
    )
    restore_case_of(article, Hints())
    assert article.title_en == "Analysis of the competitiveness of Hanoi city tourism in Vietnam"


def test_a_table_of_rising_figures_is_no_contents_page_and_its_page_is_read(
    tmp_path: Path,
) -> None:
    """Measured on a real article: a table whose first column rose like page numbers (10, 16,
    25, 40, 63) was taken for a contents page; the contents listed no article, yet the page
    was left out of the article."""
    pdf = tmp_path / "bai.pdf"
    table = (
        "10 x 10 mm | 0,1\n16 x 16 mm | 0,2\n25 x 25 mm | 0,3\n40 x 40 mm | 0,4\n63 x 63 mm | 0,5"
    )
    spec = Spec(
        "Nghiên cứu chế độ cắt khi tiện tinh thép hợp kim",
        [("body", text(0, 5)), ("table", table), ("body", text(1, 12)), ("body", text(2, 12))],
        byline="Đỗ Anh Tuấn",
    )
    build_pdf(pdf, [spec])
    doc, plan = plan_issue(pdf)
    assert len(plan.articles) == 1
    assert plan.articles[0].span.pages == [page.number for page in doc.pages]


def test_a_document_numbered_after_its_cover_is_ingested_without_a_page_below_one(
    tmp_path: Path,
) -> None:
    """Measured on a real thesis: its pages are numbered from the third, so its first page
    came out as page -1 and the sidecar was refused (pages start at 1)."""
    pdf = tmp_path / "luan-an.pdf"
    body = [("body", text(n, 12)) for n in range(24)]
    thesis = Spec("Một số bài toán về mô hình lúa ở Nam Định", body, byline="NGUYỄN THỊ LAN")
    ranges = build_pdf(pdf, [thesis], Issue(folio_offset=-2))
    assert ranges[0][1] >= 6  # pages numbered 1 to 4 or more
    assert (
        main(["ingest", str(pdf), "--issue", "1", "--year", "2020", "--root", str(tmp_path)]) == 0
    )
    report = convert_sources(tmp_path, tmp_path / "docs", workers=1)
    assert report.ok, report.problems
    (article,) = (tmp_path / "docs").rglob("*.md")
    assert all(page >= 1 for page in read_article(article).front.pages)


def test_a_contents_title_spelling_a_tone_the_older_way_is_the_same_title() -> None:
    """Measured on a real issue: the contents page writes "hoả lực", "nguỵ trang" where the
    article's page writes "HỎA LỰC", "NGỤY TRANG": the same words, so the contents page's
    title is taken as it is, and nothing is listed for review."""
    from bantin.model import Article
    from bantin.pdf.convert import Hints, restore_case_of

    article = Article()
    article.title = "BIỆN PHÁP NGỤY TRANG SƯ ĐOÀN BIÊN CHẾ HỎA LỰC MẠNH"
    contents = "Biện pháp nguỵ trang sư đoàn biên chế hoả lực mạnh"
    restore_case_of(article, Hints(title=contents))
    assert article.title == contents
    assert article.review == []


def test_a_contents_title_gets_the_capitals_of_the_names_it_writes_small() -> None:
    """Measured on a real issue: its contents page writes "đánh mỹ, thắng mỹ" and "của
    đảng", which the article writes "đánh Mỹ", "của Đảng" every time; the contents page's
    title is taken with these names' capitals, the rest as it writes it."""
    from bantin.pdf.convert import Hints, restore_case_of

    article = _article_in_capitals()
    contents = "Quyết tâm đánh mỹ, thắng mỹ của đảng và cơ sở đảng"
    restore_case_of(article, Hints(title=contents))
    assert article.title == "Quyết tâm đánh Mỹ, thắng Mỹ của Đảng và cơ sở đảng"


def _article_in_capitals(ending: str = "") -> Article:
    """An article titled in capitals whose text writes "Mỹ" and "Đảng" with capitals."""
    from bantin.model import Block

    article = Article()
    article.title = "QUYẾT TÂM ĐÁNH MỸ, THẮNG MỸ CỦA ĐẢNG VÀ CƠ SỞ ĐẢNG"
    text = (
        "Đảng ta xác định quyết tâm đánh Mỹ, thắng Mỹ. Sức mạnh của Đảng và nhân dân; "
        "quyết tâm đánh Mỹ của Đảng và ý chí thắng Mỹ. Mọi cơ sở đảng đều vững mạnh, "
        f"toàn Đảng đoàn kết, trong Đảng thống nhất, và quân Mỹ thua{ending}."
    )
    article.blocks = [Block(BlockKind.PARAGRAPH, text)]
    return article


@pytest.mark.parametrize(
    "contents",
    [
        "QUYẾT TÂM ĐÁNH MỸ, THẮNG MỸ CỦA ĐẢNG VÀ CƠ SỞ ĐẢNG",  # the page's words, in capitals
        "QUYẾT TÂM ĐÁNH MỸ, THẮNG MỸ CỦA ĐẢNG VÀ CƠ SỞ ĐẢNG HÔM NAY",  # other words
    ],
)
def test_a_contents_page_in_capitals_gives_words_not_case(contents: str) -> None:
    """Many contents pages set their titles in capitals: their words are the title's, the
    case still comes from the article's own text."""
    from bantin.pdf.convert import Hints, restore_case_of

    article = _article_in_capitals(" hôm nay")
    used = restore_case_of(article, Hints(title=contents))
    expected = "Quyết tâm đánh Mỹ, thắng Mỹ của Đảng và cơ sở đảng"
    assert article.title == expected
    assert used == expected + (" hôm nay" if contents.endswith("NAY") else "")


def test_a_title_in_capitals_with_one_word_typed_otherwise_is_restored() -> None:
    """Measured on a real article: its title in a TCVN3 capitals font held one word typed
    partly in small letters ("fe3O4-AG"), and stayed all in capitals."""
    from bantin.model import Article, Block, BlockKind
    from bantin.pdf.convert import Hints, restore_case_of

    article = Article()
    article.title = "SO SÁNH KHẢ NĂNG KHÁNG KHUẨN CỦA VẬT LIỆU NANO TỔ HỢP fe3O4-AG VÀ NANO AG"
    article.blocks = [
        Block(BlockKind.PARAGRAPH, "Vật liệu nano tổ hợp Fe3O4-Ag được tổng hợp từ nano Ag."),
    ]
    restore_case_of(article, Hints())
    assert article.title == (
        "So sánh khả năng kháng khuẩn của vật liệu nano tổ hợp Fe3O4-Ag và nano Ag"
    )


def test_a_title_in_capitals_keeps_the_names_of_species_and_formulas_written_in_their_case() -> (
    None
):
    """Measured on real articles: "... CÂY XÀ LÁCH (Lactuca sativa L.) ..." and "... THIN
    FILMS ZnO:Mn" stayed in capitals; the words written in their own case keep it."""
    from bantin.model import Article, Block, BlockKind
    from bantin.pdf.convert import Hints, restore_case_of

    article = Article()
    article.title = "ẢNH HƯỞNG CỦA CHẾ PHẨM VI SINH ĐẾN CÂY XÀ LÁCH (Lactuca sativa L.) Ở HẢI DƯƠNG"
    article.title_en = "EFFECTS OF MANGAN (Mn) ON MAGNETISM OF THIN FILMS ZnO:Mn IN HAI DUONG"
    article.blocks = [Block(BlockKind.PARAGRAPH, "Thí nghiệm được làm ở Hải Dương năm 2020.")]
    restore_case_of(article, Hints())
    assert article.title == (
        "Ảnh hưởng của chế phẩm vi sinh đến cây xà lách (Lactuca sativa L.) ở Hải Dương"
    )
    assert (
        article.title_en == "Effects of mangan (Mn) on magnetism of thin films ZnO:Mn in Hai Duong"
    )


def _cover_and_body(path: Path) -> None:
    """A thesis summary: a cover in letter size (title, author, the institution's lines)
    bound to a body set on A5 pages."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    from pdfgen import register_fonts

    register_fonts()
    canvas = Canvas(str(path), pagesize=(612, 792), invariant=True)
    canvas.setFont("Sans", 16)
    canvas.drawString(150, 560, "MỘT SỐ BÀI TOÁN TRUYỀN SÓNG")
    canvas.setFont("Body", 13)
    canvas.drawString(235, 620, "Trương Thị Thùy Dung")
    cover = [
        "Chuyên ngành: Cơ học vật rắn",
        "Công trình được hoàn thành tại: Trường Đại học Khoa học Tự nhiên",
        "Người hướng dẫn khoa học: TS. Trần Thanh Tuấn",
        "Có thể tìm hiểu luận án tại: Thư viện Quốc gia Việt Nam",
    ]
    for number, line in enumerate(cover):
        canvas.drawString(108, 400 - 30 * number, line)
    canvas.showPage()
    width, left, size = 300.0, 60.0, 10.0
    for page in range(3):
        canvas.setPageSize((420, 595))
        y = 540.0
        if page == 0:
            canvas.setFont("Bold", size)
            canvas.drawString(180, y, "MỞ ĐẦU")
            y -= 20
        for paragraph in range(3):
            words = text(page + paragraph, 3).split()
            lines: list[list[str]] = [[]]
            for word in words:
                if stringWidth(" ".join([*lines[-1], word]), "Body", size) > width:
                    lines.append([])
                lines[-1].append(word)
            for number, line in enumerate(lines):
                canvas.setFont("Body", size)
                if number == len(lines) - 1:
                    canvas.drawString(left, y, " ".join(line))
                else:
                    used = sum(stringWidth(w, "Body", size) for w in line)
                    space, x = (width - used) / (len(line) - 1), left
                    for word in line:
                        canvas.drawString(x, y, word)
                        x += stringWidth(word, "Body", size) + space
                y -= 13
            y -= 8
        canvas.showPage()
    canvas.save()


def test_a_cover_in_another_page_size_holds_no_paragraphs_of_the_body(tmp_path: Path) -> None:
    """Measured on a thesis summary: its cover and inside cover, letter-size pages bound to an
    A5 body, gave twelve paragraphs ("Chuyên ngành: ...", "Người hướng dẫn khoa học: ...")
    before the body's first heading."""
    pdf = tmp_path / "luan-an.pdf"
    _cover_and_body(pdf)
    article = convert_pdf(pdf)
    paragraphs = [b.text for b in article.blocks if b.kind is BlockKind.PARAGRAPH]
    assert not [t for t in paragraphs if "Chuyên ngành" in t or "Người hướng dẫn" in t], paragraphs
    assert len(paragraphs) >= 6 and paragraphs[0].startswith(SENTENCES[0][:30]), paragraphs


def test_a_page_of_small_print_is_read_against_the_issues_body_type(tmp_path: Path) -> None:
    """Measured on a real bulletin: a one-page schedule, a title over rows of small print
    with small bold headings, was cut from the issue whole, but read alone its small print
    passed for the body, its small headings for news items, and the article came out titled
    by its English subtitle. An article PDF is read against the body type of its issue."""
    from reportlab.pdfgen.canvas import Canvas

    from pdfgen import register_fonts

    register_fonts()
    pdf = tmp_path / "issue.pdf"
    canvas = Canvas(str(pdf), pagesize=(595, 842))
    for page in range(2):
        y = 780.0
        if page == 0:
            canvas.setFont("Sans", 18)
            canvas.drawString(50, y, "Nông nghiệp sạch ở đồng bằng")
            canvas.setFont("Bold", 10)
            canvas.drawString(50, y - 26, "NGUYỄN VĂN AN")
            y -= 60
        canvas.setFont("Body", 10)
        while y > 60:
            canvas.drawString(50, y, SENTENCES[int(y) % len(SENTENCES)][:88])
            y -= 13
        canvas.showPage()
    canvas.setFont("Sans", 20)
    canvas.drawString(50, 780, "Lịch sinh hoạt trong tuần")
    canvas.setFont("Italic", 16)
    canvas.drawString(50, 758, "Weekly schedule")
    y = 730.0
    for day in ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"):
        canvas.setFont("Bold", 8)
        canvas.drawString(50, y, f"Lịch {day} trong tuần này")
        canvas.setFont("Body", 8)
        for line in range(3):
            canvas.drawString(50, y - 10 * (line + 1), SENTENCES[line][:100])
        y -= 50
    canvas.showPage()
    canvas.save()
    assert (
        main(["ingest", str(pdf), "--issue", "2", "--year", "2023", "--root", str(tmp_path)]) == 0
    )
    issue = yaml.safe_load((tmp_path / "sources/2023/02/issue.yml").read_text("utf-8"))
    assert issue["body_type"]["size"] == 10
    report = convert_sources(tmp_path, tmp_path / "docs", workers=1)
    assert report.ok, report.problems
    titles = sorted(read_article(path).front.title for path in (tmp_path / "docs").rglob("*.md"))
    assert titles == ["Lịch sinh hoạt trong tuần", "Nông nghiệp sạch ở đồng bằng"]


def test_news_items_on_a_page_after_their_section_heading_are_converted_as_ingest_cut_them(
    tmp_path: Path,
) -> None:
    """Measured on a real bulletin: a page of news items under a section heading went on over
    the next page; ingest cut every item, but the next page's PDF read alone has no heading,
    so its first item swallowed the second and the second came out as a copy of the first.
    The sidecars carry where each article opens and where the next one does."""
    from reportlab.pdfgen.canvas import Canvas

    from pdfgen import register_fonts

    register_fonts()
    pdf = tmp_path / "issue.pdf"
    canvas = Canvas(str(pdf), pagesize=(595, 842))
    items = [
        ["Hội thảo nông nghiệp xanh", "Lớp tập huấn kỹ thuật mới"],
        ["Ngày hội sáng tạo trẻ", "Triển lãm sản phẩm địa phương"],
    ]
    for page, headings in enumerate(items):
        y = 780.0
        if page == 0:
            canvas.setFont("Sans", 22)
            canvas.drawString(50, y, "Tin tức trong tuần")
            y -= 40
        for number, heading in enumerate(headings):
            canvas.setFont("Bold", 10)  # set as the text is, in bold: no title of its own
            canvas.drawString(50, y, heading)
            y -= 16
            canvas.setFont("Body", 10)
            for line in range(12):
                canvas.drawString(50, y, SENTENCES[(page + number + line) % len(SENTENCES)][:88])
                y -= 13
            y -= 20
        canvas.showPage()
    canvas.save()
    assert (
        main(["ingest", str(pdf), "--issue", "3", "--year", "2023", "--root", str(tmp_path)]) == 0
    )
    report = convert_sources(tmp_path, tmp_path / "docs", workers=1)
    assert report.ok, report.problems
    found = {a.front.title: a for a in map(read_article, (tmp_path / "docs").rglob("*.md"))}
    assert sorted(found) == sorted(heading for headings in items for heading in headings)
    for heading in found:  # each item holds its own text, not the next item's heading
        others = [h for h in found if h != heading]
        assert not any(other in all_text(found[heading]) for other in others), heading


RULED = (
    "Bảng 1. AI và các ứng dụng trong tài chính thông minh\n"
    "Sense (nhận biết) | Comprehend (hiểu) | Action (hành động)\n"
    "Bằng việc ứng dụng AI các hệ thống máy tính có thể nhận thức thế giới xung quanh"
    " | AI giúp phân tích và hiểu các thông tin đã được thu thập"
    " | AI có thể ứng dụng để ra các quyết định hành động trong thế giới thực\n"
    "Ví dụ | Nhận dạng hình ảnh | Tự động hóa\n"
    "Ghi chú: ba bước nối tiếp nhau trong một chu trình | < | Nguồn: tác giả"
)


def converted_with_table(
    tmp_path: Path, title: str, kind: str, table: str, columns: int = 1
) -> Article:
    """An article of two paragraphs around a table laid out as `kind`, converted."""
    pdf = tmp_path / "bang.pdf"
    body = [("body", text(0, 6)), (kind, table), ("body", text(1, 6))]
    build_pdf(pdf, [Spec(title, body, byline="Lê Văn An", columns=columns)])
    return convert_pdf(pdf)


def blocks_of(article: Article, kind: BlockKind) -> list[str]:
    return [block.text for block in article.blocks if block.kind is kind]


@pytest.mark.parametrize("columns", [1, 2])
def test_a_ruled_table_is_read_by_its_grid(tmp_path: Path, columns: int) -> None:
    """Measured on a real article: a table drawn with ruled cells came out as headings (its
    bold header cells) and two pieces of preformatted lines, each cell's wrapped lines on rows
    of their own. The grid gives the cells: one row of whole cells per row of the table, a
    cell merged over two columns in the first of them."""
    title = "Ứng dụng công nghệ AI trong lĩnh vực kế toán"
    converted = converted_with_table(tmp_path, title, "ruled", RULED, columns)
    tables = blocks_of(converted, BlockKind.TABLE)
    rows = [[cell.strip() for cell in row.split("|")] for row in RULED.split("\n")[1:]]
    rows = [["" if cell == "<" else cell for cell in row] for row in rows]  # merged: empty
    assert tables == ["\n".join(" | ".join(row) for row in rows)]
    assert blocks_of(converted, BlockKind.HEADING) == []
    assert blocks_of(converted, BlockKind.PARAGRAPH) == [text(0, 6), text(1, 6)]
    assert not [reason for reason in converted.review if "tables" in reason]  # read by its grid


def test_a_ruled_table_going_on_over_a_page_break_is_one_table(tmp_path: Path) -> None:
    """Measured on unseen articles: a ruled table whose rows run on from a page's foot to the
    next page's top, its header not printed again, came out as two tables (the header and a
    row, then the other rows): each page's grid was a table. A table right after a table over
    a break, with as many cells in a row, goes on."""
    first = "Bảng 3. Kết quả thực nghiệm\nT(p) | Thỏ 1 | Thỏ 2\n10 | BT | BT\n20 | BT | XLN"
    rest = "\n".join(f"{n}0 | XLM, TC | RN" for n in range(3, 48))
    pdf = tmp_path / "bang.pdf"
    body = [("body", text(0, 6)), ("ruled", first), ("ruled", rest), ("body", text(1, 6))]
    build_pdf(pdf, [Spec("Thực nghiệm chiếu xạ trên thỏ", body, byline="Lê Văn An", columns=1)])
    tables = blocks_of(convert_pdf(pdf), BlockKind.TABLE)
    assert len(tables) == 1 and tables[0].endswith("470 | XLM, TC | RN"), tables


def test_a_ruled_table_with_merged_rows_and_unruled_rows_is_read_by_its_grid(
    tmp_path: Path,
) -> None:
    """Measured on real articles: a cell merged over the rows beside it ("Ý định trở thành
    Freelancer" by four statements) was cut line by line into those rows; a table that rules
    its header and foot only had all its figures run into one cell per column."""
    table = (
        "Bảng 2. Thang đo\n"
        "Tên biến | Kí hiệu | Thang đo\n"
        " | YD1 | Mục tiêu của tôi\n"
        "^Ý định trở thành người làm nghề tự do | YD2 | Tôi đã suy nghĩ nghiêm túc\n"
        "^ | YD3 | Tôi phải cố gắng\n"
        "Năm | Số lượng | Tỷ lệ\n"
        "2019 | 147 | 2,3\n"
        "~2020 | 151 | 2,7\n"
        "~2021 | 216 | 2,8"
    )
    title = "Nghiên cứu ý định làm nghề tự do của sinh viên"
    converted = converted_with_table(tmp_path, title, "ruled", table)
    assert blocks_of(converted, BlockKind.TABLE) == [
        "Tên biến | Kí hiệu | Thang đo\n"
        "Ý định trở thành người làm nghề tự do | YD1 | Mục tiêu của tôi\n"
        " | YD2 | Tôi đã suy nghĩ nghiêm túc\n"
        " | YD3 | Tôi phải cố gắng\n"
        "Năm | Số lượng | Tỷ lệ\n"
        "2019 | 147 | 2,3\n"
        "2020 | 151 | 2,7\n"
        "2021 | 216 | 2,8"
    ]


def test_a_table_ruled_only_across_under_its_caption_is_read_by_its_columns(
    tmp_path: Path,
) -> None:
    """A "three-line" table rules over its header, under it and under its last row, and
    draws no rule down: under a table's caption, its columns are the gaps its rows share."""
    table = (
        "Bảng 3. Dư nợ tín dụng xanh\n"
        "Chỉ tiêu | 2019 | 2020 | 2021\n"
        "Nông nghiệp xanh | 147,3 | 151,7 | 216,3\n"
        "~Năng lượng tái tạo | 48,0 | 60,6 | 81,7\n"
        "~Các lĩnh vực khác | 80,1 | 91,0 | 129,8"
    )
    title = "Phát triển tín dụng xanh tại các ngân hàng thương mại"
    converted = converted_with_table(tmp_path, title, "three-line", table)
    assert blocks_of(converted, BlockKind.TABLE) == [
        "Chỉ tiêu | 2019 | 2020 | 2021\n"
        "Nông nghiệp xanh | 147,3 | 151,7 | 216,3\n"
        "Năng lượng tái tạo | 48,0 | 60,6 | 81,7\n"
        "Các lĩnh vực khác | 80,1 | 91,0 | 129,8"
    ]
    assert blocks_of(converted, BlockKind.PARAGRAPH) == [text(0, 6), text(1, 6)]


DEFINITIONS = [
    "F - lực kéo tác dụng lên mẫu thử, [N];",
    "εp - độ giãn dài tương đối của mẫu, %;",
    "σtd - ứng suất tương đương của các thành phần ứng suất trong mặt phẳng cắt, [N/mm2];",
    "k: hệ số an toàn của kết cấu (k=1,5);",
    "v: vận tốc trung bình của dòng khí trong ống, v = 12 m/s",
    "d: đường kính trong của ống dẫn; d = 0,06 m",
    "ytb: giá trị trung bình của các lần đo tại mỗi điểm.",
]


@pytest.mark.parametrize("columns", [1, 2])
def test_lines_defining_symbols_each_stay_a_paragraph(tmp_path: Path, columns: int) -> None:
    """Measured on real articles: under "Trong đó:", the lines that define a formula's
    symbols, each set on its own line and ending short ("σ - ứng suất ..., [N/mm2];" over
    "εp - biến dạng dẻo, %;", "α: ... α = 1,473" over "ge: Suất tiêu hao ..."), were run
    into one paragraph: a line ending short with a semicolon ends its item, and a line
    opening with a symbol and its definition's mark opens one."""
    pdf = tmp_path / "dinh-nghia.pdf"
    body = [
        ("body", text(0, 6)),
        ("flush", "Trong đó:"),
        *[("flush", line) for line in DEFINITIONS],
        ("body", text(1, 6)),
    ]
    build_pdf(pdf, [Spec("Mô phỏng quá trình kéo mẫu thử", body, columns=columns)])
    paragraphs_ = blocks_of(convert_pdf(pdf), BlockKind.PARAGRAPH)
    assert paragraphs_ == [text(0, 6), "Trong đó:", *DEFINITIONS, text(1, 6)]


def test_the_next_lettered_note_opens_its_own_paragraph_under_a_full_line(
    tmp_path: Path,
) -> None:
    """Measured on a real article: a statistics table's notes, "a. Predictors: ..." filling
    its line and "b. Dependent Variable: ..." under it, were one paragraph. A line opening
    with the letter or number after the one that opened the paragraph ("a." then "b.") is
    the next item, however far the line before it runs."""
    notes = (
        "a. Biến độc lập: (Hằng số), chất lượng, giá cả, dịch vụ, niềm tin\nb. Biến phụ thuộc: SHL"
    )
    pdf = tmp_path / "ghi-chu.pdf"
    body = [("body", text(0, 6)), ("flush", notes), ("body", text(1, 6))]
    build_pdf(pdf, [Spec("Sự hài lòng của khách hàng", body, columns=1)])
    paragraphs_ = blocks_of(convert_pdf(pdf), BlockKind.PARAGRAPH)
    assert paragraphs_ == [text(0, 6), *notes.split("\n"), text(1, 6)]


ITEMS = [
    ("• Thiết bị: máy nén khí trục vít kiểu SA-22 (Nhật Bản).", ""),
    (
        "• Hệ thống đo áp suất và lưu lượng khí nén gồm các bộ phận sau:",
        "PT-100, bộ khuếch đại tín hiệu, card thu thập dữ liệu USB-6009 và phần mềm ghi số "
        "liệu trên máy tính của phòng thí nghiệm.",
    ),
    ("• Mẫu thử: thép C45 đã tôi, kích thước:", "(L×b×h) = (120×20×15) mm."),
    ("• Chế độ thử: áp suất từ 2 đến 8 bar, lưu lượng 0,5 m3/ph.", ""),
]


@pytest.mark.parametrize("columns", [1, 2])
def test_an_items_lines_set_apart_between_two_items_go_on_with_it(
    tmp_path: Path, columns: int
) -> None:
    """Measured on a real article: in a bulleted list, an item ending with a colon ("... gồm:",
    "... kích thước:") went on in a paragraph set apart under it, unbulleted, before the
    next item ("9257BA, hộp điều khiển ...", "(L×b×h) = (100×10×20) mm."); the rest was a
    paragraph of its own or an equation. Between two items of one list, what an item's
    colon announces is the item's."""
    pdf = tmp_path / "danh-sach.pdf"
    flush = [("flush", part) for item in ITEMS for part in item if part]
    body = [("body", text(0, 6)), *flush, ("body", text(1, 6))]
    build_pdf(pdf, [Spec("Thử nghiệm độ bền mỏi của thép C45", body, columns=columns)])
    converted = convert_pdf(pdf)
    items = [" ".join(part for part in item if part).removeprefix("• ") for item in ITEMS]
    assert blocks_of(converted, BlockKind.ITEM) == items
    assert blocks_of(converted, BlockKind.PARAGRAPH) == [text(0, 6), text(1, 6)]
    assert blocks_of(converted, BlockKind.EQUATION) == []


def test_a_floats_note_goes_into_its_caption_and_makes_no_figure(tmp_path: Path) -> None:
    """Measured on real articles: a table's or a figure's note ("Nguồn: ...", "(Nguồn:
    ...)", "Đơn vị: Triệu đồng") came out as a figure of its own holding nothing but the
    note, then run into the caption's title. The note belongs to the float it stands under:
    it goes into that float's caption, which stands next to the table, each note a line of
    its own under the title."""
    table = "Bảng 1. Dư nợ cho vay theo kỳ hạn\nKỳ hạn | 2019 | 2020\nNgắn hạn | 147 | 151"
    pdf = tmp_path / "nguon.pdf"
    body = [
        ("body", text(0, 6)),
        ("ruled", table),
        ("note", "Nguồn: Báo cáo thường niên của ngân hàng"),
        ("note", "Ghi chú: kỳ hạn tính theo hợp đồng tín dụng"),
        ("body", text(1, 6)),
        ("photo", "Hình 1. Cơ cấu dư nợ theo ngành kinh tế"),
        ("note", "(Nguồn: Tác giả tổng hợp, 2021)"),
        ("body", text(2, 6)),
    ]
    build_pdf(pdf, [Spec("Tín dụng ngắn hạn tại ngân hàng thương mại", body, columns=1)])
    converted = convert_pdf(pdf)
    assert blocks_of(converted, BlockKind.FIGURE) == [
        "Bảng 1. Dư nợ cho vay theo kỳ hạn\nNguồn: Báo cáo thường niên của ngân hàng\n"
        "Ghi chú: kỳ hạn tính theo hợp đồng tín dụng",
        "Hình 1. Cơ cấu dư nợ theo ngành kinh tế\n(Nguồn: Tác giả tổng hợp, 2021)",
    ]
    kinds = [block.kind for block in converted.blocks]
    assert kinds[kinds.index(BlockKind.FIGURE) + 1] is BlockKind.TABLE  # the caption over it
    assert blocks_of(converted, BlockKind.PARAGRAPH) == [text(0, 6), text(1, 6), text(2, 6)]


# -- text level with a float in the other column ----------------------------------------------

COLUMN_W = (PAGE_W - 2 * MARGIN - GUTTER) / 2
RIGHT_X = MARGIN + COLUMN_W + GUTTER
CONCLUSION = (
    "Chúng tôi đã chế tạo thành công vật liệu nano tổ hợp bằng phương pháp thủy nhiệt hai "
    "bước. Các phép phân tích hình thái học cho thấy sự tồn tại của các hạt nano có cấu trúc "
    "lập phương trong lớp vỏ cácbon, có thể dùng để hấp phụ ion kim loại nặng trong nước."
)


def _picture_page(
    pdf: Path, title: str, height: float, caption: str, font: str
) -> tuple[Sheet, float]:
    """A front page, then a page opening with a picture atop the left column and its caption
    under it: the sheet, and where the caption ends."""
    sheet = Sheet(pdf)
    _front_page(sheet, title)
    sheet.next_page()
    y = sheet.picture(MARGIN, 60, COLUMN_W, height)
    return sheet, sheet.text(MARGIN, y + 4, COLUMN_W, caption, font, CAPTION_SIZE, indent=0)


def _front_page(sheet: Sheet, title: str) -> None:
    """A first page: the title across the page, two columns of running text under it."""
    sheet.line(MARGIN, 60, title, "Sans", TITLE_SIZE)
    sheet.line(MARGIN, 90, "NGUYỄN VĂN AN, TRẦN THỊ BÌNH", "Bold")
    for x, start in ((MARGIN, 0), (RIGHT_X, 3)):
        y = sheet.line(x, 120, f"{start // 3 + 1}. MỞ ĐẦU", "Bold")
        for paragraph in range(3):
            y = sheet.text(x, y, COLUMN_W, text(start + paragraph, 4))


def test_text_beside_a_picture_over_full_width_references_keeps_its_column(
    tmp_path: Path,
) -> None:
    """Measured on a real article's last page: a picture and its caption atop the left
    column, the paragraph about it under them going on atop the right column, then the
    conclusion beside the picture; the references set across the page under both columns,
    in the body's type, start where the left column starts. The left column was measured
    as wide as the page: its lines and the right column's were read as one line each, and
    the conclusion beside the picture was lost."""
    pdf = tmp_path / "bai.pdf"
    sheet, y = _picture_page(
        pdf,
        "Chế tạo vật liệu nano tổ hợp",
        160,
        "Hình 6: Tính chất từ của các mẫu vật liệu.",
        "Italic",
    )
    about = (
        "Hình 6 là kết quả đo tính chất từ bằng máy đo từ kế mẫu rung ở nhiệt độ phòng của "
        "mẫu vật liệu nano tổ hợp. Có thể nhận thấy đường cong từ hóa gần như tuyến tính "
        "trong khoảng trên năm nghìn. Khảo sát này không cho biết giá trị từ độ bão hòa của "
        "mẫu ngay cả ở từ trường cao nhất. Kết quả khảo sát cho thấy"
    )
    bottom = sheet.text(MARGIN, y + 6, COLUMN_W, about)
    y = sheet.text(
        RIGHT_X,
        60,
        COLUMN_W,
        "mẫu vật liệu có tính sắt từ yếu với từ dư nhỏ và lực kháng từ lớn ở nhiệt độ phòng.",
        indent=0,
    )
    y = sheet.line(RIGHT_X, y + 6, "4. KẾT LUẬN", "Bold")
    y = sheet.text(RIGHT_X, y, COLUMN_W, CONCLUSION)
    y = sheet.line(RIGHT_X, y + 6, "LỜI CẢM ƠN", "Bold")
    thanks = "Công trình này được thực hiện với sự hỗ trợ về tài chính của Đề tài cấp Bộ "
    sheet.text(RIGHT_X, y, COLUMN_W, thanks + text(2, 3))  # level with the paragraph at left
    y = sheet.line(PAGE_W / 2 - 50, bottom + 20, "TÀI LIỆU THAM KHẢO", "Bold")
    for number in range(1, 6):
        y = sheet.text(
            MARGIN, y + 4, PAGE_W - 2 * MARGIN, f"[{number}] " + text(number, 2), indent=0
        )
    sheet.save()

    article = convert_pdf(pdf)
    texts = [block.text for block in article.blocks]
    assert CONCLUSION in texts, texts
    assert about + " mẫu vật liệu có tính sắt từ yếu" in "\n".join(texts)
    assert not any("Công trình" in t and "Hình 6 là" in t for t in texts), texts
    heading = next(i for i, t in enumerate(texts) if t.startswith("4. Kết luận"))
    assert texts[heading + 1] == CONCLUSION


def test_a_paragraphs_last_line_level_with_a_note_in_the_other_column_ends_the_paragraph(
    tmp_path: Path,
) -> None:
    """Measured on a real article's last page: a picture, its caption and a note in small
    italics under it fill the left column; the conclusion in the right column ends with a
    short line opening with a one-letter word ("ở 10°C."), level with the note's last line.
    That line was read as a formula and, with the note, as a table's row ("... | ở 10°C.")."""
    pdf = tmp_path / "bai.pdf"
    sheet, y = _picture_page(
        pdf,
        "Bảo quản măng tây sau thu hoạch",
        200,
        "Hình 3. Khả năng kháng vi sinh vật gây bệnh.",
        "Bold",
    )
    note = (
        "Chú thích: nồng độ dung dịch (1): 5; (2): 4; (3): 3; (4): 2; (5): 1 mg/l; (A): vi "
        "khuẩn thứ nhất; (B): vi khuẩn thứ hai; (C): vi khuẩn thứ ba; (D): vi khuẩn thứ tư; "
        "(E): vi khuẩn thứ năm; (F): vi khuẩn thứ sáu; (G): vi khuẩn thứ bảy; (H): vi khuẩn "
        "thứ tám; (I): vi khuẩn thứ chín; (K): vi khuẩn thứ mười."
    )
    note_end = sheet.text(
        MARGIN, y + 4, COLUMN_W, note, "Italic", CAPTION_SIZE, indent=0, leading=CAPTION_SIZE * 1.3
    )
    conclusion = (
        "Từ những kết quả thu được trong quá trình nghiên cứu quy mô phòng thí nghiệm cho thấy "
        "bảo quản măng tây bằng chế phẩm là một phương pháp tiềm năng nhằm kéo dài thời gian "
        "tồn trữ cho nông sản tươi sau thu hoạch. Sử dụng chế phẩm với nồng độ 3 mg/l xử lý "
        "măng tây trước bảo quản giúp giảm tỷ lệ thối hỏng và kéo dài thời gian bảo quản "
        "được hơn 10 ngày so với phương pháp bảo quản lạnh thông thường của các nông hộ trong vùng"
    )
    # its last line, "ở 10°C.", set a little apart (poppler makes it a block of its own), on
    # the note's last line's baseline
    baseline = note_end - CAPTION_SIZE * 0.3
    top = baseline - LEADING * (sheet.lines(conclusion, COLUMN_W) + 1) - 6
    sheet.line(RIGHT_X, top - LEADING - 6, "4. KẾT LUẬN VÀ KIẾN NGHỊ", "Bold")
    sheet.text(RIGHT_X, top, COLUMN_W, conclusion, goes_on=True)
    bottom = sheet.line(RIGHT_X, baseline - LEADING, "ở 10°C.")
    conclusion += " ở 10°C."
    y = sheet.line(PAGE_W / 2 - 50, max(bottom, note_end) + 20, "TÀI LIỆU THAM KHẢO", "Bold")
    sheet.text(MARGIN, y + 4, PAGE_W - 2 * MARGIN, "[1] " + text(1, 2), indent=0)
    sheet.save()

    blocks = convert_pdf(pdf).blocks
    texts = [block.text for block in blocks]
    assert conclusion in texts, texts
    assert not any("Chú thích" in t and "10°C" in t for t in texts), texts
    # a note, no table's cell: it goes with the caption of the figure it stands under
    noted = [block for block in blocks if "Chú thích" in block.text]
    assert [block.kind for block in noted] == [BlockKind.FIGURE], texts
    assert noted[0].text.startswith("Hình 3.")


def test_formulas_over_a_picture_are_not_the_figures_words(tmp_path: Path) -> None:
    """Measured on a real article: numbered formulas and a lead-in to them, then a picture
    and its caption under them in one column; the caption took everything over it up to
    the running text as the figure's words, and the formulas were lost."""
    pdf = tmp_path / "bai.pdf"
    sheet = Sheet(pdf)
    _front_page(sheet, "Thuật toán bám quỹ đạo cho robot")
    sheet.next_page()
    lead = (
        "Thuật toán được thiết lập dựa trên các thông tin hình học của đường tròn nối giữa vị "
        "trí robot hiện tại và điểm nhìn trước. Các công thức để tìm ra được bán kính R:"
    )
    y = sheet.text(MARGIN, 60, COLUMN_W, lead)
    formulas = [
        ("Δx2 + Δy2 = L2", "(9)"),
        ("h2 + Δy2 = R2", "(10)"),
        ("h + Δx = R", "(11)"),
        ("Thay (11) vào (10):", ""),
        ("(R − Δx)2 + Δy2 = R2", "(12)"),
    ]
    for formula, number in formulas:
        sheet.line(MARGIN + (20 if number else 0), y + 4, formula)
        if number:
            sheet.line(MARGIN + COLUMN_W - 20, y + 4, number)
        y += LEADING + 6
    y = sheet.picture(MARGIN + 20, y + 10, COLUMN_W - 40, 150)
    y = sheet.text(
        MARGIN, y + 4, COLUMN_W, "Hình 2. Mô tả thuật toán.", "Italic", CAPTION_SIZE, indent=60
    )
    sheet.text(MARGIN, y + 6, COLUMN_W, text(2, 3))
    sheet.text(RIGHT_X, 60, COLUMN_W, text(3, 8))
    sheet.save()

    texts = [block.text for block in convert_pdf(pdf).blocks]
    shown = "\n".join(texts)
    for formula, _ in formulas:
        assert formula in shown, texts


def test_numbered_formulas_level_with_a_diagrams_labels_keep_their_numbers(
    tmp_path: Path,
) -> None:
    """Measured on a real article: numbered formulas in the left column stand level with
    the boxes of a flow chart in the right one, whose labels are lines of words in smaller
    type; each formula and a label made a table's row, which kept the formula apart from
    its number."""
    pdf = tmp_path / "bai.pdf"
    sheet = Sheet(pdf)
    _front_page(sheet, "Thuật toán bám quỹ đạo cho robot")
    sheet.next_page()
    lead = "Các công thức thiết lập để tìm ra được bán kính R của đường tròn nối hai điểm:"
    y = sheet.text(MARGIN, 60, COLUMN_W, lead)
    formulas = [
        ("Δx2 + Δy2 = L2", "(9)", "Đặt khoảng cách nhìn trước L"),
        ("h2 + Δy2 = R2", "(10)", "Tính toán điểm nhìn trước A"),
        ("h + Δx = R", "(11)", "Tính vận tốc góc tương ứng"),
        ("Thay (11) vào (10):", "", "Thuật toán bám quỹ đạo"),
        ("(R − Δx)2 + Δy2 = R2", "(12)", "Mô hình động học của robot"),
    ]
    for formula, number, label in formulas:
        sheet.line(MARGIN + (20 if number else 0), y + 10, formula)
        if number:
            sheet.line(MARGIN + COLUMN_W - 20, y + 10, number)
        sheet.line(RIGHT_X + 30, y + 11, label, size=CAPTION_SIZE)
        y += LEADING + 12
    sheet.text(MARGIN, y + 6, COLUMN_W, text(2, 4))
    sheet.text(RIGHT_X, y + 6, COLUMN_W, text(3, 4))
    sheet.save()

    texts = [block.text for block in convert_pdf(pdf).blocks]
    for formula, number, _ in formulas:
        assert f"{formula} {number}".strip() in texts, texts


def test_an_invisible_direction_mark_leaves_the_word() -> None:
    """Measured on an unseen article: a left-to-right mark (U+200E) drawn between "l" and "ý"
    of an affiliation ("Viện Vật l\u200eý kỹ thuật") stayed in the text: the word is not found,
    nor matched. Direction marks and joiners, no letters of Vietnamese, leave it."""
    from bantin.pdf.fonts import clean_word

    assert clean_word("l\u200eý") == "lý"
    assert clean_word("\u200fa\u2060b\u200c\u200dc\u200b\xad") == "abc"


def test_a_display_fraction_is_written_on_one_line(tmp_path: Path) -> None:
    """Measured on unseen articles: a display formula's fraction set by an equation editor
    (the numerator over a drawn bar, the denominator under it) came out as three lines, "W"
    over "P =" over "A× t"; the bar the page draws says which pieces make the fraction."""
    body = [
        ("body", text(0, 4) + " Tốc độ thấm được tính bằng công thức:"),
        ("fraction", "P =|W|A × t|(3)"),
        ("body", "trong đó W là thể tích thấm qua và A là diện tích bề mặt. " + text(4, 4)),
    ]
    pdf = tmp_path / "bai.pdf"
    build_pdf(pdf, [Spec(SECOND.title, body, byline=SECOND.byline)])
    article = convert_pdf(pdf)
    equations = [b.text for b in article.blocks if b.kind is BlockKind.EQUATION]
    assert equations == ["P = W/(A × t) (3)"], equations


def test_a_fraction_inside_a_line_of_text_is_written_into_it(tmp_path: Path) -> None:
    """Measured on unseen articles and a thesis: a fraction set inside a line of text (its
    numerator over the line, its denominator under it) was read as lines of their own, a
    table's row or an equation, which cut the paragraph in two and left "ai = với" behind."""
    body = [
        ("body", text(0, 4)),
        ("inline-fraction", "trong đó ta sử dụng ký hiệu a =|1 − q|1 + q|với q là"),
        ("flush", "hệ số trở kháng giữa hai lớp của bán không gian."),
        ("body", text(4, 4)),
    ]
    pdf = tmp_path / "bai.pdf"
    build_pdf(pdf, [Spec(SECOND.title, body, byline=SECOND.byline)])
    article = convert_pdf(pdf)
    paragraphs = [b.text for b in article.blocks if b.kind is BlockKind.PARAGRAPH]
    wanted = "ký hiệu a = (1 − q)/(1 + q) với q là hệ số trở kháng giữa hai lớp"
    assert any(wanted in paragraph for paragraph in paragraphs), paragraphs
