"""PDF ingestion: generated issues (columns, title bands, drop caps, captions, running heads,
a TCVN3 font) go through `bantin ingest` and the text converter back to the known articles."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from reportlab.pdfgen.canvas import Canvas

from bantin.cli import main
from bantin.convert.text import convert_text
from bantin.exceptions import SourceError
from bantin.pdf.legacy_ingest import (
    Box,
    Font,
    IssueTarget,
    Line,
    Page,
    PdfArticle,
    decode_fonts,
    drop_running_heads,
    ingest_pdf,
    join_drop_caps,
    merge_fragments,
    parse_xml,
    pieces,
    reading_order,
    run_pdftohtml,
    sentence_case,
    split_articles,
    write_issue,
)
from pdfgen import RUNNING_HEAD, Spec, build_pdf, register_fonts, to_tcvn3

SENTENCES = [
    "Sở Khoa học và Công nghệ đã phối hợp với các huyện triển khai mô hình lúa chất lượng cao.",
    "Người dân được tập huấn kỹ thuật chăm sóc, bón phân hợp lý và phòng trừ sâu bệnh tổng hợp.",
    "Năng suất bình quân đạt 65 tạ/ha, cao hơn ruộng đối chứng khoảng 12%, lợi nhuận tăng rõ rệt.",
    "Kết quả này mở ra hướng nhân rộng mô hình tại các xã vùng trũng trong giai đoạn 2021-2025.",
    "Các doanh nghiệp cam kết bao tiêu sản phẩm, giúp nông dân yên tâm đầu tư sản xuất lâu dài.",
]


def _text(start: int, count: int) -> str:
    return " ".join(SENTENCES[(start + i) % len(SENTENCES)] for i in range(count))


LONG = Spec(
    title="Khoa học và công nghệ góp phần phát triển nông nghiệp bền vững ở địa phương",
    lead="Năm 2020, hoạt động KH&CN của tỉnh tập trung vào ứng dụng tiến bộ kỹ thuật.",
    paragraphs=[
        ("body", _text(0, 6)),
        ("body", _text(1, 5)),
        ("photo", "Ảnh: Cánh đồng lúa áp dụng quy trình canh tác mới."),
        ("heading", "Nhân rộng mô hình"),
        ("body", _text(2, 9)),
        ("body", _text(3, 8)),
        ("body", _text(4, 10)),
        ("body", _text(0, 9)),
    ],
    columns=2,
)
THREE = Spec(
    title="Ứng dụng công nghệ thông tin trong quản lý",
    lead="Phần mềm một cửa điện tử rút ngắn thời gian giải quyết thủ tục.",
    paragraphs=[
        ("body", _text(1, 8)),
        ("figure", "Cán bộ tiếp nhận hồ sơ tại bộ phận một cửa"),
        ("body", _text(2, 10)),
        ("body", _text(3, 8)),
    ],
    columns=3,
)
LEGACY = Spec(
    title="Bảo tồn nguồn gen cây dược liệu quý",
    lead="Một bài viết đặt trong phông chữ TCVN3.",
    paragraphs=[
        ("body", _text(2, 4)),
        ("capitals", "Kết quả bước đầu"),
        ("body", _text(4, 4)),
    ],
    columns=2,
    legacy="tcvn3",
)
VNI = Spec(
    title="Giống lúa mới cho vùng đất nhiễm mặn",
    lead="Một bài viết đặt trong phông chữ VNI.",
    paragraphs=[("body", _text(3, 4)), ("heading", "Triển vọng"), ("body", _text(1, 3))],
    columns=3,
    legacy="vni",
)
SPECS = [LONG, THREE, LEGACY, VNI]


def _expected(spec: Spec) -> list[str]:
    return [text for kind, text in spec.paragraphs]


@pytest.fixture(scope="module")
def issue(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[int, int]]]:
    path = tmp_path_factory.mktemp("pdf") / "issue.pdf"
    return path, build_pdf(path, SPECS)


@pytest.fixture(scope="module")
def articles(issue: tuple[Path, list[tuple[int, int]]]) -> list[PdfArticle]:
    return ingest_pdf(issue[0])


def test_one_article_per_title(articles: list[PdfArticle]) -> None:
    assert [a.title for a in articles] == [spec.title for spec in SPECS]
    assert [a.lead for a in articles] == [spec.lead for spec in SPECS]


def test_page_ranges(articles: list[PdfArticle], issue: tuple[Path, list[tuple[int, int]]]) -> None:
    assert [(a.first_page, a.last_page) for a in articles] == issue[1]
    assert issue[1][0][1] > issue[1][0][0], "the first article spans pages"


def test_running_heads_and_page_numbers_are_dropped(articles: list[PdfArticle]) -> None:
    for article in articles:
        assert RUNNING_HEAD not in article.text
        assert not any(line.strip().isdigit() for line in article.text.splitlines())


@pytest.mark.parametrize("index", range(len(SPECS)))
def test_converter_gives_back_the_article(articles: list[PdfArticle], index: int) -> None:
    converted = convert_text(articles[index].text, f"article-{index}.txt")
    assert converted.title == SPECS[index].title
    paragraphs = [block.text for block in converted.blocks]
    assert [p.casefold() for p in paragraphs] == [p.casefold() for p in _expected(SPECS[index])]


def test_drop_cap_rejoins_its_word(articles: list[PdfArticle]) -> None:
    body = articles[0].body
    assert body.startswith(SENTENCES[0].split()[0])


def test_tcvn3_and_vni_fonts_are_decoded(articles: list[PdfArticle]) -> None:
    text = articles[2].text
    assert "Người dân được tập huấn" in text
    assert "Kết quả này mở ra hướng nhân rộng" in " ".join(articles[3].text.split())
    assert "\n\nKết quả bước đầu\n\n" in text


# -- units on hand-made lines -----------------------------------------------------------------

BODY = Font(10.0, "Serif")


def _line(
    page: int, top: float, left: float, text: str, font: Font = BODY, width: float = 200
) -> Line:
    return Line(page, top, left, width, font.size, font, False, False, text)


def test_two_columns_are_read_column_by_column() -> None:
    page = Page(1, 600, 800)
    left = [_line(1, 100 + 12 * i, 50, f"left {i}") for i in range(3)]
    right = [_line(1, 100 + 12 * i, 320, f"right {i}") for i in range(3)]
    page.lines = [line for pair in zip(left, right, strict=True) for line in pair]
    assert [line.text for line in reading_order(page)] == [
        *(f"left {i}" for i in range(3)),
        *(f"right {i}" for i in range(3)),
    ]


def test_a_band_across_columns_comes_before_the_columns_under_it() -> None:
    page = Page(1, 600, 800)
    band = _line(1, 50, 50, "title band", Font(20.0, "Sans"), width=480)
    page.lines = [_line(1, 100, 320, "right"), band, _line(1, 100, 50, "left")]
    assert [line.text for line in reading_order(page)] == ["title band", "left", "right"]


def test_running_heads_repeat_in_the_margin() -> None:
    pages = [Page(n, 600, 800) for n in (1, 2)]
    for page in pages:
        page.lines = [
            _line(page.number, 10, 50, f"Bản tin số {page.number}"),
            _line(page.number, 400, 50, "Bản tin số 1 in the body stays"),
            _line(page.number, 780, 300, str(page.number + 10)),
        ]
    drop_running_heads(pages)
    assert [[line.text for line in page.lines] for page in pages] == [
        ["Bản tin số 1 in the body stays"],
        ["Bản tin số 1 in the body stays"],
    ]


def test_drop_cap_joins_the_line_beside_it() -> None:
    page = Page(1, 600, 800)
    cap = _line(1, 112, 50, "N", Font(30.0, "Sans"), width=20)
    page.lines = [cap, _line(1, 100, 72, "GAY sau khi"), _line(1, 112, 72, "hội nghị")]
    join_drop_caps(page, 10.0)
    assert [line.text for line in page.lines] == ["NGAY sau khi", "hội nghị"]


def test_parse_xml_reads_fonts_styles_and_legacy_names() -> None:
    xml = (
        '<pdf2xml><page number="1" width="600" height="800">'
        '<fontspec id="0" size="12" family="ABCDEF+.VnTime"/>'
        '<text top="10" left="20" width="100" height="12" font="0"><b>B\xb6o</b></text>'
        "</page></pdf2xml>"
    )
    pages = parse_xml(xml, "x.pdf")
    line = pages[0].lines[0]
    assert (line.text, line.bold, line.font.family) == ("B\xb6o", True, "ABCDEF+.VnTime")


def test_broken_xml_is_a_source_error() -> None:
    with pytest.raises(SourceError, match="unreadable XML"):
        parse_xml("<pdf2xml><page>", "x.pdf")


# -- the command ------------------------------------------------------------------------------


def test_ingest_command_writes_sources_sidecars_and_keeps_the_pdf(
    issue: tuple[Path, list[tuple[int, int]]], tmp_path: Path
) -> None:
    assert (
        main(["ingest", str(issue[0]), "--issue", "5", "--year", "2021", "--root", str(tmp_path)])
        == 0
    )
    folder = tmp_path / "sources" / "2021" / "05"
    assert (folder / "issue.pdf").read_bytes() == issue[0].read_bytes()
    sidecars = sorted(folder.glob("0*.yml"))
    articles = sorted(folder.glob("0*.pdf"))
    assert len(sidecars) == len(articles) == len(SPECS)
    first = yaml.safe_load(sidecars[0].read_text(encoding="utf-8"))
    assert first["pages"] == list(issue[1][0])
    assert articles[0].read_bytes().startswith(b"%PDF")
    issue_yml = yaml.safe_load((folder / "issue.yml").read_text(encoding="utf-8"))
    assert (issue_yml["issue"], issue_yml["year"]) == (5, 2021)


def test_sources_are_never_overwritten(tmp_path: Path) -> None:
    target = IssueTarget(tmp_path, 2021, 5)
    pdf = tmp_path / "in.pdf"
    pdf.write_bytes(b"%PDF-1.4 one")
    article = PdfArticle("Tiêu đề", "", "Nội dung.\n", 1, 1)
    write_issue(pdf, [article], target)
    write_issue(pdf, [article], target)  # the same content again is fine
    changed = PdfArticle("Tiêu đề", "", "Nội dung khác.\n", 1, 1)
    with pytest.raises(SourceError, match="never overwritten"):
        write_issue(pdf, [changed], target)


def test_ingest_needs_issue_and_year(
    issue: tuple[Path, list[tuple[int, int]]], tmp_path: Path
) -> None:
    assert main(["ingest", str(issue[0]), "--root", str(tmp_path)]) == 1


def test_capitals_font_text_is_sentence_cased_keeping_acronyms() -> None:
    assert sentence_case("VAI TRÒ CỦA KH&CN TẠI UBND TỈNH", {"KH&CN", "UBND"}) == (
        "Vai trò của KH&CN tại UBND tỉnh"
    )


def test_caption_under_an_image_is_its_own_paragraph() -> None:
    page = Page(1, 600, 800, images=[Box(100, 50, 200, 80)])
    page.lines = [
        _line(1, 80, 50, "text before the photo"),
        _line(1, 184, 50, "Caption set in body type"),
        _line(1, 230, 50, "text after it goes on"),
    ]
    roles = [(item.role, item.lines) for item in pieces([page])]
    assert roles == [
        ("body", ["text before the photo"]),
        ("caption", ["Caption set in body type"]),
        ("body", ["text after it goes on"]),
    ]


def test_small_caps_font_line_is_a_sentence_case_heading() -> None:
    page = Page(1, 600, 800)
    small_caps = Font(10.0, "ABCDEF+MinionPro-SemiboldSC")
    page.lines = [
        _line(1, 100, 50, "Ordinary text of the article set in body type."),
        _line(1, 130, 50, "KẾT QUẢ NGHIÊN CỨU", small_caps),
        _line(1, 160, 50, "More text of the article set in body type."),
    ]
    items = pieces([page])
    assert [(item.role, item.lines) for item in items][1] == ("heading", ["Kết quả nghiên cứu"])


TITLE = Font(22.0, "Sans-Bold")


def _body_column(left: float, top: float, words: list[str]) -> list[Line]:
    """Body lines, long enough that body type carries most characters of the page."""
    return [_line(1, top + 12 * i, left, f"dòng {w} của thân bài") for i, w in enumerate(words)]


def _words(article: PdfArticle) -> list[str]:
    return [line.split()[1] for line in article.body.splitlines() if line]


def test_a_title_inside_a_column_starts_the_next_article_there() -> None:
    page = Page(1, 600, 800)
    page.lines = [
        _line(1, 40, 50, "Bài thứ nhất", TITLE, width=150),
        *_body_column(50, 80, ["một", "hai", "ba", "bốn"]),
        *_body_column(320, 80, ["năm", "sáu"]),
        _line(1, 120, 320, "Bài thứ hai", TITLE, width=150),
        *_body_column(320, 160, ["bảy", "tám"]),
    ]
    articles = split_articles(pieces([page]), "x.pdf")
    assert [(a.title, _words(a)) for a in articles] == [
        ("Bài thứ nhất", ["một", "hai", "ba", "bốn", "năm", "sáu"]),
        ("Bài thứ hai", ["bảy", "tám"]),
    ]


def test_a_title_band_across_columns_mid_page_splits_above_and_below() -> None:
    page = Page(1, 600, 800)
    page.lines = [
        _line(1, 40, 50, "Bài thứ nhất", TITLE, width=150),
        *_body_column(50, 80, ["một", "hai"]),
        *_body_column(320, 80, ["ba", "bốn"]),
        _line(1, 300, 50, "Bài thứ hai có tiêu đề trải qua hai cột", TITLE, width=480),
        *_body_column(50, 340, ["năm", "sáu"]),
        *_body_column(320, 340, ["bảy"]),
    ]
    articles = split_articles(pieces([page]), "x.pdf")
    assert [_words(a) for a in articles] == [
        ["một", "hai", "ba", "bốn"],
        ["năm", "sáu", "bảy"],
    ]


def test_a_line_in_several_fonts_is_one_body_line(tmp_path: Path) -> None:
    register_fonts()
    path = tmp_path / "mixed.pdf"
    canvas = Canvas(str(path), pagesize=(595, 842))
    text = canvas.beginText(50, 700)
    for font, part in [("Body", "Đây là dòng có "), ("Bold", "chữ đậm"), ("Body", " và "),
                       (".VnTime", to_tcvn3("Bảo Thắng")), ("Body", " ở cuối.")]:  # fmt: skip
        text.setFont(font, 10)
        text.textOut(part)
    canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    pages = parse_xml(run_pdftohtml(path), path)
    decode_fonts(pages)
    merge_fragments(pages[0])
    [line] = pages[0].lines
    assert (line.text, line.bold) == ("Đây là dòng có chữ đậm và Bảo Thắng ở cuối.", False)


def test_paragraphs_go_on_across_columns_and_pages_unless_indented() -> None:
    first, second = Page(1, 600, 800), Page(2, 600, 800)
    first.lines = [
        _line(1, 40, 50, "Tiêu đề bài", TITLE, width=150),
        _line(1, 80, 62, "Đoạn một mở đầu, dòng một."),
        _line(1, 92, 50, "Đoạn một, dòng hai."),
        _line(1, 80, 320, "Đoạn một, dòng ba ở cột hai."),
        _line(1, 92, 332, "Đoạn hai mở đầu ở cột hai."),
    ]
    second.lines = [_line(2, 80, 50, "Đoạn hai tiếp ở trang sau.")]
    [article] = split_articles(pieces([first, second]), "x.pdf")
    assert article.body.split("\n\n") == [
        "Đoạn một mở đầu, dòng một.\nĐoạn một, dòng hai.\nĐoạn một, dòng ba ở cột hai.",
        "Đoạn hai mở đầu ở cột hai.\nĐoạn hai tiếp ở trang sau.\n",
    ]
    assert (article.first_page, article.last_page) == (1, 2)


def test_bold_body_type_across_columns_is_the_lead() -> None:
    page = Page(1, 600, 800)
    lead = Line(1, 70, 50, 480, 10, BODY, True, False, "Lời dẫn in đậm trải qua hai cột.")
    page.lines = [
        _line(1, 40, 50, "Tiêu đề bài", TITLE, width=150),
        lead,
        *_body_column(50, 100, ["một", "hai"]),
        *_body_column(320, 100, ["ba", "bốn"]),
    ]
    [article] = split_articles(pieces([page]), "x.pdf")
    assert (article.lead, _words(article)) == (lead.text, ["một", "hai", "ba", "bốn"])
