"""Page stages of the PDF route on pages built word by word: the layouts measured on real
issues (positions, sizes and texts as poppler gives them), small enough to read in a test."""

from __future__ import annotations

from pathlib import Path

import pytest

from bantin.model import BlockKind
from bantin.pdf.articles import Span, advert_pages, news_items, starts, without_blank_tail
from bantin.pdf.fonts import BodyType, body_type
from bantin.pdf.furniture import remove_furniture
from bantin.pdf.page import Block, Box, Line, Page, Style, Word, union_of
from bantin.pdf.reading import (
    Column,
    Para,
    document_columns,
    join_lines,
    join_marks,
    paragraphs,
    write_powers,
)
from bantin.pdf.roles import (
    AFFILIATION,
    BYLINE,
    CAPTION,
    FOOTNOTE,
    HEADING,
    TABLE,
    _label_running_on,
    is_dateline,
    label_article,
)
from bantin.pdf.structure import Front, body_blocks, front_of, join_continued, reference_items

BODY = BodyType(12.0, "Times New Roman")
PAGE_W, PAGE_H = 595.0, 842.0
RUNNING = "câu văn của bài báo chạy dài hết cả dòng này"


def line(text: str, x: float, y: float, size: float = 12.0, bold: bool = False) -> Line:
    """One line of words from x, each word as wide as its letters at this size."""
    style = Style("Times New Roman" + (",Bold" if bold else ""), size, bold=bold)
    words, left = [], x
    for piece in text.split():
        width = 0.5 * size * len(piece)
        words.append(Word(piece, Box(left, y, left + width, y + size), style))
        left += width + 0.3 * size
    return Line(words, Box(x, y, words[-1].box.x1, y + size))


def body_lines(top: float, count: int, x: float = 50.0) -> list[Line]:
    return [line(RUNNING, x, top + 15 * n) for n in range(count)]


def page(number: int, *blocks: list[Line]) -> Page:
    return Page(number, PAGE_W, PAGE_H, [Block(lines) for lines in blocks])


def labelled(sheet: Page) -> list[Para]:
    """The page's paragraphs in reading order, each with its role, as one article's."""
    paras = paragraphs(sheet, BODY)
    label_article(paras, BODY)
    return paras


def after_two_column_pages(last: Page) -> list[Para]:
    """The paragraphs of an article whose pages before `last` are two full columns, each
    page read by the issue's columns, with their roles."""
    pages = [page(n, body_lines(60, 40), body_lines(60, 40, x=320)) for n in range(1, last.number)]
    sheets = [*pages, last]
    columns = document_columns(sheets, BODY)
    paras = [p for n, sheet in enumerate(sheets, 1) for p in paragraphs(sheet, BODY, columns[n])]
    label_article(paras, BODY)
    return paras


def cells(rows: list[tuple[str, ...]], lefts: tuple[float, ...], top: float) -> list[list[Line]]:
    """A table's cells, a block each, row under row (18 points apart) from `top`."""
    return [
        [line(text, left, top + 18 * n)]
        for n, row in enumerate(rows)
        for text, left in zip(row, lefts, strict=True)
    ]


def lines_set_apart(texts: list[str], *after: list[Line]) -> Page:
    """A paragraph that ends, then `texts` as justified lines each a block of its own (as
    some PDFs set every line apart), 19 points apart from 200, then the blocks `after`."""
    blocks = [[justified(text, 200 + 19 * n)] for n, text in enumerate(texts)]
    return page(1, [*body_lines(60, 8), line("và câu kết thúc.", 50, 180)], *blocks, *after)


def justified(text: str, y: float) -> Line:
    """A line of running text whose words are spread from 50 to the edge of the column that
    `body_lines` fill, as a justified line is set."""
    full = line(RUNNING, 50, 0).box.x1
    plain = line(text, 50, y)
    spare = (full - plain.box.x1) / (len(plain.words) - 1)
    words = [
        Word(w.text, Box(w.box.x0 + n * spare, y, w.box.x1 + n * spare, y + 12), w.style)
        for n, w in enumerate(plain.words)
    ]
    return Line(words, union_of([w.box for w in words]))


def front_of_page(*lines: Line | list[Line], body_at: float = 200) -> Front:
    """The front matter of a first page: its lines (a list: lines of one block) over 20 lines
    of running text from `body_at` down."""
    blocks = [item if isinstance(item, list) else [item] for item in lines]
    return front_of(labelled(page(1, *blocks, body_lines(body_at, 20))))


def texts(pages: list[Page]) -> dict[int, list[str]]:
    return {p.number: [ln.text for ln in p.lines] for p in pages}


def test_running_heads_go_and_what_stands_further_in_stays() -> None:
    """Measured on real issues: a title's last line that another title repeats, a table's
    figures at the top of a page and a table header repeated over one page break stood in a
    page's top zone and were taken for running heads."""
    pages = []
    for number in range(1, 11):
        blocks = [
            [line("TẠP CHÍ KHOA HỌC & CÔNG NGHỆ SỐ 20", 300, 20, 10)],
            [line(str(27 + number), 50, 812, 10)],
            body_lines(200, 20),
        ]
        if number in (3, 7):  # titles ending with the same words, under the running head
            blocks += [
                [line("HẬU CẦN CHIẾN DỊCH", 100, 50, 20, bold=True)],
                [line("TRONG CHIẾN TRANH BẢO VỆ TỔ QUỐC", 100, 120, 20, bold=True)],
            ]
        if number == 5:  # a table's row right under the running head
            blocks += [[line("3", 55, 60)], [line("Cập nhật kiến thức mới", 120, 60)]]
        if number in (2, 4, 6):  # a series banner in large type at the very top
            blocks.append([line("KỶ NIỆM NGÀY TRUYỀN THỐNG", 100, 40, 15, bold=True)])
        if number in (8, 9):  # a table's header, repeated over the page break
            blocks += [
                [line("Tên biến", 60, 60, bold=True)],
                [line("Thang đo", 300, 60, bold=True)],
            ]
        pages.append(page(number, *blocks))
    furniture = remove_furniture(pages, BODY)
    left = texts(pages)
    heads = ("TẠP CHÍ KHOA HỌC & CÔNG NGHỆ SỐ 20", "KỶ NIỆM NGÀY TRUYỀN THỐNG")
    assert not any(head in found for head in heads for found in left.values())
    assert [furniture[n].folio for n in range(1, 11)] == list(range(28, 38))
    assert "TRONG CHIẾN TRANH BẢO VỆ TỔ QUỐC" in left[3] and "HẬU CẦN CHIẾN DỊCH" in left[7]
    assert "3" in left[5] and "Cập nhật kiến thức mới" in left[5]
    assert "Tên biến" in left[8] and "Thang đo" in left[9]


def test_a_year_ending_the_text_over_the_page_number_is_no_page_number() -> None:
    """Measured on an unseen article: a reference's last line "2003." at the foot of its page,
    over the running foot and the page number, was taken for a page number and dropped, and
    with it every line standing at its height on the other pages: a sentence's last word
    ("pháp.") and a figure's caption on the first. A page number stands apart from the text:
    a number within a line's height under the text's last line is text."""
    pages = []
    for number in range(1, 6):
        blocks = [
            [line("TẠP CHÍ KHOA HỌC & CÔNG NGHỆ SỐ 23", 50, 812, 10)],
            [line(str(8 + number), 520, 812, 10)],
            body_lines(100, 44),
        ]
        if number == 1:
            blocks += [[line("pháp.", 50, 760)], [line("Hình 1. Mài phẳng bằng đá", 340, 760, 9)]]
        if number == 5:
            blocks.append([line("2003.", 80, 760, 9)])  # a line under the text's last
        pages.append(page(number, *blocks))
    furniture = remove_furniture(pages, BODY)
    left = texts(pages)
    assert [furniture[n].folio for n in range(1, 6)] == list(range(9, 14))
    assert "pháp." in left[1] and "Hình 1. Mài phẳng bằng đá" in left[1], left[1]
    assert "2003." in left[5], left[5]


def test_a_heading_level_with_a_small_figure_on_another_page_stays() -> None:
    """Measured on an unseen article: a small raised "0" of a formula near the top of one page
    was taken for a page number, and the section heading "3. ĐỀ XUẤT THUẬT TOÁN ..." standing
    at its height on another page was dropped as a running head level with it. A page number
    is set in a type near the text's; a line is level with another when most of each stands
    beside the other."""
    pages = []
    for number in range(1, 6):
        blocks = [[line("KHOA HỌC - CÔNG NGHỆ", 300, 20, 10)], body_lines(110, 40)]
        if number == 3:
            blocks.append([line("3. ĐỀ XUẤT THUẬT TOÁN GIẢI MÃ MỀM", 320, 60, 11, bold=True)])
        if number == 5:
            blocks.append([line("0", 200, 61, 4)])
        pages.append(page(number, *blocks))
    remove_furniture(pages, BODY)
    left = texts(pages)
    assert "3. ĐỀ XUẤT THUẬT TOÁN GIẢI MÃ MỀM" in left[3], left[3]
    assert not any("KHOA HỌC - CÔNG NGHỆ" in left[n] for n in range(1, 6))


def test_a_superscript_mark_set_apart_joins_the_line_it_leans_on() -> None:
    """Measured on a real article: poppler gave each affiliation's mark a line of its own,
    the affiliations looked unmarked and the marks like page numbers."""
    mark = line("1", 160, 212, 7)
    affiliation = line("Trung tâm Khảo thí, Trường Đại học Kinh tế", 164, 212, 10.7)
    byline = line("Vũ Thị Thu Huyền1, Trần Thị Hương2", 220, 194, 10.7, bold=True)
    sheet = page(1, [byline], [affiliation], [mark], body_lines(300, 10))
    join_marks(sheet)
    assert [ln.text for ln in sheet.lines][:2] == [
        "Vũ Thị Thu Huyền1, Trần Thị Hương2",
        "1Trung tâm Khảo thí, Trường Đại học Kinh tế",
    ]
    assert len(sheet.blocks) == 3


def test_an_ions_charge_poppler_set_as_a_line_of_its_own_goes_back_after_its_ion() -> None:
    """Measured on a real article: the raised charges of "K2SiF6:Mn4+" and "Mn3+" were lines
    of their own and ended the abstract ("... 8,5%. 4+ 3+"), the ions left bare."""
    ion = line("bột huỳnh quang K2SiF6:Mn", 50, 212, 10)
    box = Box(ion.box.x1, 209, ion.box.x1 + 5.5, 215.5)  # raised, after the ion
    rest = line("đỏ và sản phẩm phụ", box.x1 + 3, 212, 10)
    text = Line(ion.words + rest.words, ion.box.union(rest.box))
    charge = Line([Word("4+", box, Style("Times New Roman", 6.5))], box)
    sheet = page(1, [text, charge], body_lines(300, 10))
    join_marks(sheet)
    assert sheet.blocks[0].lines[0].text == "bột huỳnh quang K2SiF6:Mn4+ đỏ và sản phẩm phụ"


def test_a_mark_poppler_set_as_a_line_inside_a_block_joins_its_line() -> None:
    """Measured on a real article: the third affiliation's mark stood as a line of its own
    inside the block of affiliations, and the affiliation list got an empty entry."""
    second = line("2Khoa Khoa học cơ bản, Trường Đại học Kinh tế", 158, 170, 10)
    mark = line("3", 121.5, 181.3, 6.2)
    third = line("Khoa Hệ thống thông tin, Trường Đại học Ngân hàng", 125.0, 181.7, 10)
    sheet = page(1, [second, mark, third], body_lines(300, 10))
    join_marks(sheet)
    assert [ln.text for ln in sheet.blocks[0].lines] == [
        "2Khoa Khoa học cơ bản, Trường Đại học Kinh tế",
        "3Khoa Hệ thống thông tin, Trường Đại học Ngân hàng",
    ]


def affiliations_of(lines: list[Line]) -> list[str]:
    """The affiliations the front matter reads from one affiliation paragraph of `lines`."""
    para = Para(lines, 1)
    para.role = AFFILIATION
    return front_of([para]).affiliations


def test_an_affiliation_ends_without_the_separator_printed_after_it() -> None:
    """Measured on unseen articles: the first of two marked affiliations ended with the comma
    that separated it from the next ("..., Trường Đại học Bách khoa Hà Nội,"), a lone one
    with a full stop; a list entry keeps neither, but an abbreviation keeps its full stop."""
    lines = [
        line("1", 120, 150, 6),
        line("Viện Cơ khí, Trường Đại học Bách khoa Hà Nội,", 124, 151, 10),
        line("2", 110, 164, 6),
        line("Khoa Cơ khí, Trường Đại học Kinh tế - Kỹ thuật Công nghiệp", 114, 165, 10),
    ]
    assert affiliations_of(lines) == [
        "Viện Cơ khí, Trường Đại học Bách khoa Hà Nội",
        "Khoa Cơ khí, Trường Đại học Kinh tế - Kỹ thuật Công nghiệp",
    ]
    lone = [line("Khoa Công nghệ thông tin, Trường Đại học Kinh tế - Kỹ thuật.", 90, 150, 10)]
    assert affiliations_of(lone) == ["Khoa Công nghệ thông tin, Trường Đại học Kinh tế - Kỹ thuật"]
    company = [line("Phòng Kỹ thuật, Công ty Cổ phần Thép An Phú Co., Ltd.", 90, 150, 10)]
    assert affiliations_of(company) == ["Phòng Kỹ thuật, Công ty Cổ phần Thép An Phú Co., Ltd."]


def test_a_mark_left_alone_leads_the_affiliation_after_it_and_none_is_empty() -> None:
    """Measured on a real article: an affiliation's mark that stayed a line of its own made an
    empty affiliation, and the article failed to convert."""
    lines = [
        line("1Khoa Toán kinh tế, Trường Đại học Kinh tế", 160, 150, 10),
        line("3", 121, 165, 6),
        line("Khoa Hệ thống thông tin, Trường Đại học Ngân hàng", 125, 166, 10),
        line("2", 300, 180, 6),
    ]
    assert affiliations_of(lines) == [
        "Khoa Toán kinh tế, Trường Đại học Kinh tế",
        "Khoa Hệ thống thông tin, Trường Đại học Ngân hàng",
    ]


def test_a_marked_affiliations_second_line_without_a_mark_goes_on_with_it() -> None:
    """Measured on a real article: the second of two marked affiliations ran over two lines,
    "Phòng thí nghiệm ... phát triển xanh" over "Trường Đại học Khoa học tự nhiên, ...", and
    the line without a mark became a third affiliation, no author's."""
    lines = [
        line("1", 60, 150, 6),
        line("Trung tâm Nghiên cứu VKTech, Viện Công nghệ cao NTT", 64, 151, 10),
        line("2", 60, 164, 6),
        line("Phòng thí nghiệm trọng điểm Vật liệu tiên tiến ứng dụng", 64, 165, 10),
        line("Trường Đại học Khoa học tự nhiên, Đại học Quốc gia Hà Nội", 64, 178, 10),
    ]
    assert affiliations_of(lines) == [
        "Trung tâm Nghiên cứu VKTech, Viện Công nghệ cao NTT",
        "Phòng thí nghiệm trọng điểm Vật liệu tiên tiến ứng dụng Trường Đại học Khoa học tự "
        "nhiên, Đại học Quốc gia Hà Nội",
    ]
    unmarked = [
        line("Khoa Cơ khí, Trường Đại học A", 60, 150, 10),
        line("Viện Nghiên cứu B", 60, 163, 10),
    ]
    assert affiliations_of(unmarked) == [
        "Khoa Cơ khí, Trường Đại học A",
        "Viện Nghiên cứu B",
    ]
    # a line under the mark, not under the words, is an affiliation of its own
    glued = [
        line("1Trường Đại học A", 60, 150, 10),
        line("2Viện Nghiên cứu B", 60, 163, 10),
        line("Trường Đại học Cần Thơ", 60, 176, 10),
        line("3Khoa Hóa, Trường Đại học Khoa học Tự nhiên,", 60, 189, 10),
        line("Đại học Quốc gia Hà Nội", 66, 202, 10),
    ]
    assert affiliations_of(glued) == [
        "Trường Đại học A",
        "Viện Nghiên cứu B",
        "Trường Đại học Cần Thơ",
        "Khoa Hóa, Trường Đại học Khoa học Tự nhiên, Đại học Quốc gia Hà Nội",
    ]


def test_the_next_mark_glued_to_a_word_after_a_comma_starts_the_next_affiliation() -> None:
    """Measured on a real article: "1" over "Khoa Vật lý - Lý Sinh, Học viện Quân y, 2Viện
    Mô phôi ..., Học viện Quân y" was one affiliation, and the author marked 2 had none; a
    house number after a comma is no mark."""
    lines = [
        line("1", 60, 150, 6),
        line("Khoa Vật lý - Lý Sinh, Học viện Quân y, 2Viện Mô phôi, Học viện Quân y", 64, 151),
        line("3Học viện Ngân hàng, 12 Chùa Bộc, 4Học viện Tài chính", 64, 165),
    ]
    assert affiliations_of(lines) == [
        "Khoa Vật lý - Lý Sinh, Học viện Quân y",
        "Viện Mô phôi, Học viện Quân y",
        "Học viện Ngân hàng, 12 Chùa Bộc",
        "Học viện Tài chính",
    ]


def test_a_label_hanging_left_of_its_text_names_that_text() -> None:
    """Measured on a real article: "Từ khóa:" and "Keywords:" stood in a narrow column of
    their own left of what they name; the keywords were read before their label and taken
    for more of the abstract."""
    abstract = [
        line("Chuyển động quay là một trong những chuyển động phức tạp trong trò", 133, 238, 10),
        line("chơi điện tử, bài báo giải thích cách dùng ma trận để tạo nên nó.", 133, 252, 10),
    ]
    sheet = page(
        1,
        [line("TIÊU ĐỀ CỦA MỘT BÀI BÁO KHOA HỌC", 120, 60, 16, bold=True)],
        [line("Nguyễn Văn An1, Trần Thị Bình2", 180, 100, 11, bold=True)],
        abstract,
        [line("Phép quay, ma trận.", 133, 286.5, 10)],
        [
            line("Rotation is one of the most complex movements in video games and", 133, 306, 10),
            line("this paper explains how matrices are used to make rotations.", 133, 320, 10),
        ],
        [line("Rotation, matrix.", 133, 341.7, 10)],
        [line("Tóm tắt:", 71, 239.7, 10, bold=True)],
        [line("Từ khóa:", 71, 286.6, 10, bold=True)],
        [line("Abstracts:", 71, 306.3, 10, bold=True)],
        [line("Keywords:", 71, 341.8, 10, bold=True)],
        [line("1. ĐẶT VẤN ĐỀ", 50, 380, 12, bold=True)],
        body_lines(400, 12),
    )
    paras = labelled(sheet)
    front = front_of(paras)
    assert front.keywords == ["Phép quay", "ma trận"]
    assert front.keywords_en == ["Rotation", "matrix"]
    assert front.abstract.startswith("Chuyển động quay") and front.abstract.endswith("nên nó.")
    assert front.abstract_en.startswith("Rotation is one") and "Phép" not in front.abstract


def test_an_abstracts_label_whose_first_letter_the_text_layer_lost_is_its_label() -> None:
    """Measured on an unseen article: the text layer gave "Tóm tắt:" as "óm tắt:" (its "T"
    drawn apart, with no letter named), which was run into the affiliation above it
    ("... Kỹ thuật Công nghiệp óm tắt:") and the abstract left unlabelled."""
    sheet = page(
        1,
        [line("TIÊU ĐỀ CỦA MỘT BÀI BÁO KHOA HỌC", 120, 60, 16, bold=True)],
        [line("Nguyễn Văn An", 220, 100, 11, bold=True)],
        [line("Khoa Cơ khí, Trường Đại học Kinh tế - Kỹ thuật Công nghiệp", 150, 118, 10)],
        [line("óm tắt:", 65, 247, 10, bold=True)],
        [
            line("Hiện nay các phương pháp mô phỏng số đang được sử dụng rộng rãi", 133, 247, 10),
            line("để nghiên cứu các cơ hệ trong kỹ thuật ô tô hiện đại.", 133, 261, 10),
        ],
        [line("1. ĐẶT VẤN ĐỀ", 50, 300, 12, bold=True)],
        body_lines(320, 12),
    )
    front = front_of(labelled(sheet))
    assert front.affiliations == ["Khoa Cơ khí, Trường Đại học Kinh tế - Kỹ thuật Công nghiệp"]
    assert front.abstract.startswith("Hiện nay các phương pháp"), front.abstract


def spaced(words: list[str], x: float, y: float, gap: float, size: float = 12.0) -> list[Line]:
    """One bold line of a justified heading that poppler cut at every wide space."""
    style = Style("Times New Roman,Bold", size, bold=True)
    pieces, left = [], x
    for text in words:
        width = 0.5 * size * len(text)
        box = Box(left, y, left + width, y + size)
        pieces.append(Line([Word(text, box, style)], box))
        left += width + gap
    return pieces


def test_a_justified_heading_poppler_cut_at_its_wide_spaces_is_one_heading() -> None:
    """Measured on a real article: "2. ĐỐI TƯỢNG VÀ PHƯƠNG PHÁP / NGHIÊN CỨU", set bold and
    justified in a narrow column, came out as four headings and a table cell."""
    first, *rest = spaced(["2.", "ĐỐI", "TƯỢNG", "VÀ", "PHƯƠNG", "PHÁP"], 50, 300, 20.4)
    first.words += rest[0].words + rest[1].words
    first.box = first.box.union(rest[1].box)
    second = line("NGHIÊN CỨU", 50, 318, 12, bold=True)
    sheet = page(
        1,
        body_lines(100, 13),
        [first, second],
        *([piece] for piece in rest[2:]),
        body_lines(340, 20),
        body_lines(100, 40, x=320),
    )
    paras = labelled(sheet)
    headings = [para.text for para in paras if para.role == HEADING]
    assert headings == ["2. ĐỐI TƯỢNG VÀ PHƯƠNG PHÁP NGHIÊN CỨU"]


def test_a_tables_header_row_and_rows_wider_than_its_caption_are_the_tables() -> None:
    """Measured on a real article: the bold header cells of a table became headings and
    the rows outside the centred caption's width stayed running text."""
    sheet = page(
        1,
        [line("Tiêu đề của bài báo khoa học", 50, 60, 18, bold=True)],
        body_lines(100, 12),
        [line("Bảng 1. Các tiêu chí đánh giá giảng viên", 200, 300, 9, bold=True)],
        [line("STT", 55, 320, 11, bold=True)],
        [line("Tên tiêu chí", 250, 320, 11, bold=True)],
        [line("Lĩnh vực", 480, 320, 11, bold=True)],
        [line("1", 60, 340, 11)],
        [line("Đổi mới phương pháp giảng dạy, đa dạng hóa", 110, 340, 11)],
        [line("2", 60, 360, 11)],
        [line("Biết được trình độ của người học", 110, 360, 11)],
        body_lines(400, 12),
    )
    paras = labelled(sheet)
    role = {para.text: para.role for para in paras}
    assert role["Bảng 1. Các tiêu chí đánh giá giảng viên"] == CAPTION
    cells = ["STT", "Tên tiêu chí", "Lĩnh vực", "1", "Đổi mới phương pháp giảng dạy, đa dạng hóa"]
    assert [role[cell] for cell in cells] == [TABLE] * len(cells)
    assert HEADING not in role.values()


def test_numbered_headings_in_one_block_stay_apart_and_codes_are_no_headings() -> None:
    """Measured on real articles: a section's heading in capitals and its first
    subsection's heading right under it became one heading; a chart's company codes in bold
    became headings; a references heading in capitals was signed as the byline."""
    sheet = page(
        1,
        [line("Tiêu đề của bài báo khoa học", 50, 60, 18, bold=True)],
        body_lines(100, 8),
        [line("2. TỔNG QUAN NGHIÊN CỨU", 50, 230, 11, bold=True)],
        [line("2.1. Ý định", 50, 246, 11, bold=True)],
        body_lines(270, 8),
        [line("KMR EVE", 120, 400, 9, bold=True)],
        [line("3. Tính phản xứng: Nếu", 50, 412, 11, bold=True)],
        body_lines(420, 8),
        [line("TÀI LIỆU THAM KHẢO", 50, 560, 11, bold=True)],
        [line("[1] Nguyễn Văn An (2019), Khởi nghiệp, Nhà xuất bản Trẻ.", 50, 580, 10)],
    )
    paras = labelled(sheet)
    role = {para.text: para.role for para in paras if para.role}
    assert role["2. TỔNG QUAN NGHIÊN CỨU"] == HEADING and role["2.1. Ý định"] == HEADING
    assert role["KMR EVE"] != HEADING
    assert role["3. Tính phản xứng: Nếu"] != HEADING  # a sentence going on, not a heading
    assert role["TÀI LIỆU THAM KHẢO"] == HEADING
    assert BYLINE not in role.values()


def test_the_items_of_a_list_broken_by_a_column_stay_apart() -> None:
    """Measured on a real article: an item that happened to fill its column's line, with the
    next item at the top of the next column, became one paragraph with it."""

    first = body_lines(100, 20)
    right = first[0].box.x1
    item = line("b. Chọn dầm có liên kết tương ứng", 50, 420)
    stretch = (right - item.box.x1) / (len(item.words) - 1)
    for index, word in enumerate(item.words):  # justified: the item's line fills the column
        word.box = Box(
            word.box.x0 + index * stretch, word.box.y0, word.box.x1 + index * stretch, word.box.y1
        )
    item.box = Box(item.box.x0, item.box.y0, right, item.box.y1)
    second = right + 20
    sheet = page(
        1,
        [*first, line("Các bước làm như sau.", 50, 400)],
        [item],
        [line("c. Đặt chiều dài dầm (2 m)", second, 100)],
        [line("d. Đặt tải trọng phân bố.", second, 120)],
    )
    paras = labelled(sheet)
    joined = [para.text for para in join_continued(paras, indent=False)]
    assert "b. Chọn dầm có liên kết tương ứng" in joined, joined
    assert "c. Đặt chiều dài dầm (2 m)" in joined


def test_a_line_a_third_short_ends_its_paragraph_and_a_tall_formula_is_an_equation() -> None:
    """Measured on a real article: "Ví dụ 4: ... (hình 9a)" stopped far short of the column
    and "Lời giải:" under it joined it for want of a full stop; an equation editor's pieces
    stacked six lines high were running text."""
    example = "Ví dụ 4: Vẽ biểu đồ (hình 9a)"
    answer = "Lời giải: câu văn của bài báo chạy dài"
    formula = ["EJ 3 3EJ EJ EJ", "δ13 = δ31 = − 14976", "+ × 30 × 30 × (30 + 30) = 40572"]
    text = [*body_lines(100, 4), line(example, 50, 160), line(answer, 50, 175)]
    sheet = page(
        1,
        [*text, *body_lines(190, 4)],
        [line(formula[n % 3], 120, 260 + 14 * n) for n in range(6)],
        body_lines(360, 10),
    )
    paras = labelled(sheet)
    role = {para.text: para.role for para in paras}
    assert any(t.endswith(example) and r == "body" for t, r in role.items()), role
    assert [r for t, r in role.items() if t.startswith("EJ")] == ["equation"]


def test_a_footnote_has_words_and_a_tables_figures_at_the_foot_are_none() -> None:
    """Measured on real articles: the rows of a results table set small at the foot of its
    pages ("10-c-c-0", "43.9503", "0.00") became 174 footnotes, and a subsection's heading
    at the foot of a column, set a little smaller than the body, a footnote."""
    from bantin.pdf.roles import FOOTNOTE

    sheet = page(
        1,
        body_lines(100, 30),
        [line("1 Tác giả liên hệ: Nguyễn Văn An, Khoa Cơ khí", 50, 700, 8)],
        [line("10-c-c-0", 50, 740, 8)],
        [line("43.9503", 200, 740, 8)],
        [line("0.00", 300, 740, 8)],
        [line("2.1. Thiết kế thùng phân loại phôi", 50, 770, 11, bold=True)],
    )
    paras = labelled(sheet)
    role = {para.text: para.role for para in paras}
    assert role["1 Tác giả liên hệ: Nguyễn Văn An, Khoa Cơ khí"] == FOOTNOTE
    assert FOOTNOTE not in (role["10-c-c-0"], role["43.9503"], role["0.00"])
    assert role["2.1. Thiết kế thùng phân loại phôi"] == HEADING  # a section's number


def test_an_english_title_set_first_is_the_english_title() -> None:
    """Measured on a real article written in English: its English title, set first and
    larger, and the Vietnamese one under it became one title."""
    from bantin.pdf.structure import front_of

    sheet = page(
        1,
        [line("THE EFFECTIVENESS OF TEXTBOOKS IN LANGUAGE TEACHING", 60, 60, 15, bold=True)],
        [line("HIỆU QUẢ CỦA GIÁO TRÌNH TRONG GIẢNG DẠY NGÔN NGỮ", 60, 90, 14)],
        [line("Nguyễn Thị Thanh Hà", 200, 120, 10.7, bold=True)],
        body_lines(160, 30),
    )
    paras = labelled(sheet)
    front = front_of(paras)
    assert front.title == "HIỆU QUẢ CỦA GIÁO TRÌNH TRONG GIẢNG DẠY NGÔN NGỮ"
    assert front.title_en == "THE EFFECTIVENESS OF TEXTBOOKS IN LANGUAGE TEACHING"


def test_a_tables_numbered_rows_are_no_contents_page_but_a_contents_page_is() -> None:
    """Measured on a real article: a page of a parts table ("1 Thùng phân loại", "2 Mặt
    bích", ...) passed for a contents page, and the page's text left the article."""
    from pathlib import Path

    from bantin.pdf.contents import contents_pages
    from bantin.pdf.document import Document
    from bantin.pdf.furniture import Furniture

    def numbered(numbers: list[int]) -> list[Line]:
        return [
            line(f"{n} Chi tiết máy bằng thép không gỉ", 60, 100 + 20 * i)
            for i, n in enumerate(numbers)
        ]

    cover = page(1, body_lines(100, 20))
    table = page(4, numbered(list(range(1, 9))), body_lines(300, 10))
    contents = page(2, numbered([3, 9, 15, 22, 30, 41]))
    doc = Document(
        Path("x.pdf"),
        [cover, contents, page(3, body_lines(100, 20)), table],
        BODY,
        furniture={4: Furniture(folio=31), 2: Furniture(folio=2)},
    )
    assert contents_pages(doc) == frozenset({2})


def test_a_syllable_drawn_in_two_pieces_is_one_word_again() -> None:
    """Measured on a real bulletin: a font that draws marked letters from pieces left
    "củ a", "Chú a", "nộ i" with a narrow gap; real words after a narrow space stay apart."""
    from bantin.pdf.reading import join_split_syllables

    style = Style("Cambria", 10.7)

    def words(*pieces: tuple[str, float]) -> Line:
        found, left = [], 50.0
        for text, gap in pieces:
            found.append(Word(text, Box(left, 100, left + 5.0 * len(text), 111), style))
            left += 5.0 * len(text) + gap
        return Line(found, Box(50, 100, left, 111))

    split = words(
        ("theo", 2.5), ("ý", 2.5), ("xin", 2.5), ("củ", 1.4), ("a", 2.3), ("Chú", 1.4), ("a.", 2.5)
    )
    spaced = words(("là", 1.5), ("hệ", 1.5), ("thống", 2.5), ("dư", 1.5), ("nợ", 2.5))
    sheet = page(1, [split], [spaced])
    join_split_syllables(sheet)
    assert [w.text for w in split.words] == ["theo", "ý", "xin", "của", "Chúa."]
    assert [w.text for w in spaced.words] == ["là", "hệ", "thống", "dư", "nợ"]


def test_formula_lines_set_in_make_no_column_and_the_columns_read_in_order() -> None:
    """Measured on a real article: two formula lines set in within the second column made a
    third "column", and a lone word at its edge then cut the page in bands: the first
    column's end was read after the second column's start."""
    from bantin.pdf.reading import find_columns

    left = body_lines(60, 40)
    right_x = left[0].box.x1 + 20
    right = body_lines(60, 8, x=right_x)
    formula = [line("xI = yI và xS = yS", right_x + 160, 190 + 14 * n) for n in range(2)]
    rest = body_lines(260, 30, x=right_x)
    sheet = page(2, left, right, formula, rest)
    assert [round(c.left) for c in find_columns(sheet, BODY)] == [50, round(right_x)]
    order = [para.box.x0 < right_x for para in paragraphs(sheet, BODY)]
    assert order == sorted(order, reverse=True)  # the whole first column, then the second


def test_the_rest_of_a_sentence_at_two_column_tops_is_no_table_row() -> None:
    """Measured on real articles: "nhau." and "supremum của khoảng." (or "12%, lợi nhuận
    tăng."), each ending a sentence broken by a column, stood level at the tops of two
    columns and became a table."""
    first = page(1, [*body_lines(60, 40), line("khi chấm điểm chỉ có một kết quả như", 50, 660)])
    left = [line("nhau.", 50, 60), *body_lines(80, 40)]
    right_x = left[1].box.x1 + 20
    right = [line("12%, lợi nhuận tăng.", right_x, 60), *body_lines(80, 40, x=right_x)]
    paras = paragraphs(first, BODY) + paragraphs(page(2, left, right), BODY)
    label_article(paras, BODY)
    role = {para.text: para.role for para in paras}
    assert role["nhau."] != TABLE and role["12%, lợi nhuận tăng."] != TABLE


def test_a_charts_title_over_its_figures_starts_no_article() -> None:
    """Measured on a real article: "LO SS", a chart's title in large bold type, over the
    chart's scale ("0.18", "0.16"...), was taken for a second article's title."""
    first = page(
        1,
        [line("TIÊU ĐỀ CỦA MỘT BÀI BÁO KHOA HỌC", 100, 60, 18, bold=True)],
        [line("Nguyễn Văn An, Trần Thị Bình", 180, 100, 11, bold=True)],
        body_lines(140, 30),
    )
    scale = [[line(f"0.{18 - 2 * n:02d}", 83, 420 + 17 * n, 10.3)] for n in range(8)]
    second = page(
        2,
        body_lines(60, 20),
        [line("LO SS", 280, 375, 15.7, bold=True)],
        [line("NIVIDA", 228, 405, 10.3)],
        *scale,
        body_lines(600, 10),
    )
    paras = paragraphs(first, BODY) + paragraphs(second, BODY)
    assert [paras[index].text for index in starts(paras, BODY)] == [
        "TIÊU ĐỀ CỦA MỘT BÀI BÁO KHOA HỌC"
    ]


def test_an_article_with_its_english_title_and_byline_is_no_page_of_news() -> None:
    """Measured on a real article: its English title, bold at the body's size, was taken for
    a news item's heading and the article cut into four at its bold run-in headings."""

    def italic(text: str, x: float, y: float) -> Line:
        found = line(text, x, y, 12)
        for word in found.words:
            word.style = Style("Times New Roman,Italic", 12, italic=True)
        return found

    sheet = page(
        1,
        [line("NGHIÊN CỨU CÔNG NGHỆ ÉP CHẢY CHI TIẾT VỎ BUGI", 60, 100, 16, bold=True)],
        [line("RESEARCH FORGING TECHNOLOGY FOR SPARK PLUG SHELLS", 68, 150, 12, bold=True)],
        [line("Vũ Hoài Anh", 264, 197, 12, bold=True)],
        [italic("Khoa Cơ khí, Trường Đại học Kinh tế", 148, 213)],
        [line("Đến Tòa soạn ngày 9/4/2016, chấp nhận đăng ngày 11/5/2016", 145, 232, 12)],
        body_lines(260, 4),
        [line("Lực và công biến dạng", 50, 330, 12, bold=True)],
        body_lines(345, 5),
        [line("Mô hình vật liệu cho chày", 50, 430, 12, bold=True)],
        body_lines(445, 5),
        [line("Mô hình vật liệu cho phôi", 50, 530, 12, bold=True)],
        body_lines(545, 5),
    )
    spans = news_items(Span(paragraphs(sheet, BODY)), BODY)
    assert len(spans) == 1


def test_four_marked_affiliations_in_one_block_are_the_affiliations() -> None:
    """Measured on a real article: four affiliations, each opening with its mark, made one
    block of four lines; it was taken for an unlabelled abstract."""
    affiliations = [
        line(f"{n}Khoa số {n}, Trường Đại học Kinh tế - Kỹ thuật Công nghiệp", 80, 140 + 13 * n, 10)
        for n in range(1, 5)
    ]
    sheet = page(
        1,
        [line("NGHIÊN CỨU ĐA DẠNG HÓA CÁC SẢN PHẨM TỪ CỎ NGỌT", 60, 60, 16, bold=True)],
        [line("Nguyễn Thị Hương1*, Phạm Thị Hoài2, Đặng Yến Linh3, Phạm Hằng4", 70, 110, 11)],
        affiliations,
        [line("Đến Tòa soạn ngày 17/10/2022, chấp nhận đăng ngày 14/11/2022", 100, 215, 10)],
        body_lines(260, 20),
    )
    paras = labelled(sheet)
    assert [p.role for p in paras if p.text.startswith("1Khoa")] == [AFFILIATION]
    assert len(front_of(paras).affiliations) == 4


def test_a_byline_in_the_bodys_type_over_a_received_line_is_the_byline() -> None:
    """Measured on a real article: the author's name set like the body, centred, and the
    affiliation in one block with the "received" line: the whole front was read as body."""
    sheet = page(
        1,
        [line("MÔ HÌNH NGHIÊN CỨU VÀ VIỆC ÁP DỤNG CHO DOANH NGHIỆP", 60, 60, 16, bold=True)],
        [line("Phạm Thúy Hồng", 250, 110)],
        [
            line("Khoa Marketing - Đại học Thương mại", 190, 126),
            line("Đến Tòa soạn ngày 20/4/2017, chấp nhận đăng ngày 25/5/2017", 120, 141),
        ],
        [
            line(
                "Tóm tắt. Thành tựu của hoạt động bán lẻ là kết quả của một chuỗi các", 60, 170, 10
            ),
            line(
                "hoạt động, phản ánh nỗ lực của các nhà bán lẻ và mức độ đóng góp vào", 60, 182, 10
            ),
            line("sự tăng trưởng của nền kinh tế.", 60, 194, 10),
        ],
        [line("Từ khóa: Bán lẻ, hoạt động bán lẻ", 60, 210, 10)],
        [line("1. ĐẶT VẤN ĐỀ", 50, 240, 12, bold=True)],
        body_lines(260, 20),
    )
    paras = labelled(sheet)
    front = front_of(paras)
    assert [author.name for author in front.authors] == ["Phạm Thúy Hồng"]
    assert front.affiliations == ["Khoa Marketing - Đại học Thương mại"]
    assert front.abstract.startswith("Thành tựu") and front.keywords == [
        "Bán lẻ",
        "hoạt động bán lẻ",
    ]


def test_an_english_title_in_the_bodys_size_under_the_title_is_the_english_title() -> None:
    """Measured on a real article: the English title, bold at the body's size, ended the
    front; the byline and affiliation under it became headings."""
    sheet = page(
        1,
        [line("NGHIÊN CỨU CÔNG NGHỆ ÉP CHẢY CHI TIẾT VỎ BUGI", 60, 60, 16, bold=True)],
        [
            line("RESEARCH FORGING TECHNOLOGY FOR MANUFACTURING", 68, 100, 12, bold=True),
            line("SPARK PLUG SHELLS BY NUMERICAL SIMULATION", 90, 114, 12, bold=True),
        ],
        [line("Vũ Hoài Anh", 264, 140, 12, bold=True)],
        [line("Khoa Cơ khí, Trường Đại học Kinh tế", 148, 156, 12)],
        [line("Đến Tòa soạn ngày 9/4/2016, chấp nhận đăng ngày 11/5/2016", 120, 172, 12)],
        [line("1. GIỚI THIỆU", 50, 200, 12, bold=True)],
        body_lines(220, 20),
    )
    paras = labelled(sheet)
    front = front_of(paras)
    assert front.title_en.startswith("RESEARCH FORGING") and front.title_en.endswith("SIMULATION")
    assert [author.name for author in front.authors] == ["Vũ Hoài Anh"]
    assert front.affiliations == ["Khoa Cơ khí, Trường Đại học Kinh tế"]


def test_a_notes_mark_beside_a_title_word_is_not_part_of_the_title() -> None:
    """Measured on a real article: "AERO" with its note's mark "1" set small beside it made
    the title read "AERO1"."""
    title = line("MÔ HÌNH NGHIÊN CỨU AERO", 120, 60, 16, bold=True)
    mark = line("1", title.box.x1, 58, 9.5)  # raised
    rest = line("VÀ VIỆC ÁP DỤNG TRÊN NỀN TIO", mark.box.x1 + 5, 60, 16, bold=True)
    low = line("2", rest.box.x1, 68, 9.5)  # a subscript: TiO₂
    title.words += mark.words + rest.words + low.words
    title.box = title.box.union(low.box)
    sheet = page(1, [title], [line("Phạm Thúy Hồng", 250, 110, bold=True)], body_lines(150, 20))
    join_marks(sheet)  # the mark is a superscript figure by then
    paras = labelled(sheet)
    write_powers(paras)
    assert front_of(paras).title == "MÔ HÌNH NGHIÊN CỨU AERO VÀ VIỆC ÁP DỤNG TRÊN NỀN TIO2"


def test_a_figure_glued_to_a_formula_in_a_title_is_no_notes_mark() -> None:
    """Measured on an unseen article: the English title "... PROPERTIES OF CsPbBr3 PEROVSKITE
    NANO CRYSTALS", its "3" set small and high against "CsPbBr", read "CsPbBr perovskite":
    a figure glued to a chemical formula (symbols in mixed case) is the formula's."""
    title = line("TINH THỂ PEROVSKITE CsPbBr", 120, 60, 16, bold=True)
    three = line("3", title.box.x1 + 0.1, 61, 9.5)  # high in the line, as the PDF sets it
    title.words += three.words
    title.box = title.box.union(three.box)
    sheet = page(1, [title], [line("Phạm Thúy Hồng", 250, 110, bold=True)], body_lines(150, 20))
    assert front_of(labelled(sheet)).title == "TINH THỂ PEROVSKITE CsPbBr3"


def test_an_ions_raised_charge_in_a_title_is_no_notes_mark() -> None:
    """Measured on a real article: "ZN" with its charge's "2" set small and raised and "+"
    beside it made the title read "Zn +": the "2" was taken for a note's mark."""
    title = line("PHỨC CHẤT CỦA ION ZN", 120, 60, 16, bold=True)
    charge = line("2", title.box.x1, 58, 9.5)  # raised
    plus = line("+", charge.box.x1, 60, 16, bold=True)  # glued to it, in the title's size
    rest = line("VỚI GLYXIN", plus.box.x1 + 5, 60, 16, bold=True)
    title.words += charge.words + plus.words + rest.words
    sheet = page(1, [title], [line("Phạm Thúy Hồng", 250, 110, bold=True)], body_lines(150, 20))
    assert front_of(labelled(sheet)).title == "PHỨC CHẤT CỦA ION ZN2+ VỚI GLYXIN"
    join_marks(sheet)  # as the pipeline reads it: a superscript charge
    paras = labelled(sheet)
    write_powers(paras)
    assert front_of(paras).title == "PHỨC CHẤT CỦA ION ZN²⁺ VỚI GLYXIN"


def test_a_page_with_too_few_lines_in_one_column_reads_by_the_issues_columns() -> None:
    """Measured on a real article: the last page's left column held a table, a heading and
    one line of text, too little to be found as a column; the right column was read first."""
    pages = [page(n, body_lines(60, 40), body_lines(60, 40, x=320)) for n in range(1, 5)]
    last = page(
        5,
        [line("Xà phòng hoá", 60, 100, 11), line("196", 200, 100, 11)],
        [line("4. KẾT LUẬN", 60, 200, 12, bold=True)],
        [line("Nhóm nghiên cứu đã tổng hợp được chất béo nhờ", 50, 219)],
        [line("chức năng từ dầu đậu nành với chất xúc tác đã", 320, 60), *body_lines(75, 10, 320)],
    )
    columns = document_columns([*pages, last], BODY)
    order = [para.text for para in paragraphs(last, BODY, columns[5])]
    assert order.index("4. KẾT LUẬN") < order.index("Nhóm nghiên cứu đã tổng hợp được chất béo nhờ")
    assert order.index("Nhóm nghiên cứu đã tổng hợp được chất béo nhờ") < next(
        index for index, text in enumerate(order) if text.startswith("chức năng")
    )
    assert [len(columns[n]) for n in range(1, 6)] == [2, 2, 2, 2, 2]


def test_a_bold_line_going_on_in_small_letters_below_is_a_run_in_heading() -> None:
    """Measured on real articles: a paragraph opening with a bold phrase over a whole line
    ("Phép quay quanh trục Oy: Tương tự như" / "góc α, nếu ta giữ...") became a heading and
    a paragraph starting in small letters."""
    sheet = page(
        1,
        [line("TIÊU ĐỀ CỦA MỘT BÀI BÁO KHOA HỌC", 100, 40, 18, bold=True)],
        body_lines(80, 6),
        [line("Phép quay quanh trục Oy: Tương tự như", 50, 175, bold=True)],
        [line("góc α, nếu ta giữ nguyên trục Oy và quay mặt phẳng", 50, 190), *body_lines(205, 4)],
        [line("2. KẾT LUẬN", 50, 300, bold=True)],
        [line("Câu văn của bài báo chạy dài hết cả dòng này", 50, 320), *body_lines(335, 5)],
    )
    paras = labelled(sheet)
    blocks = body_blocks(paras)
    assert [b.text for b in blocks if b.kind.name == "HEADING"] == ["2. KẾT LUẬN"]
    assert any(b.text.startswith("Phép quay quanh trục Oy: Tương tự như góc α") for b in blocks)


def test_a_numbered_heading_over_a_paragraph_opening_with_a_symbol_stays_a_heading() -> None:
    """Measured on a real article: "2.3. Phonological characteristics ... of θ, ð, tʃ, dʒ"
    over "/θ, ð, tʃ, dʒ/ belong to consonant system ..." was joined to that paragraph (its
    first letter a small Greek one), and 2.3.1 to 2.3.3 lost their section."""
    sheet = page(
        1,
        [line("TIÊU ĐỀ CỦA MỘT BÀI BÁO KHOA HỌC", 100, 40, 18, bold=True)],
        body_lines(80, 6),
        [line("2.3. Phonological characteristics and manner of θ, ð, tʃ", 50, 175, bold=True)],
        [
            line("/θ, ð, tʃ, dʒ/ belong to consonant system of English", 50, 190),
            *body_lines(205, 4),
        ],
    )
    blocks = body_blocks(labelled(sheet))
    headings = [b.text for b in blocks if b.kind.name == "HEADING"]
    assert headings == ["2.3. Phonological characteristics and manner of θ, ð, tʃ"], headings


def test_a_phrase_set_apart_at_a_columns_foot_going_on_in_the_next_opens_a_paragraph() -> None:
    """Measured on a real article: "* Tác động tích cực của muối ăn với con" ended the left
    column and "người: Muối NaCl..." opened the right one; the first became a heading."""
    sheet = page(
        1,
        [line("TIÊU ĐỀ CỦA MỘT BÀI BÁO KHOA HỌC", 100, 40, 18, bold=True)],
        body_lines(80, 20),
        [line("* Tác động tích cực của muối ăn với con", 50, 390, bold=True)],
        [
            line("người: Muối chứa natri, là thành phần cần thiết", 320, 80),
            *body_lines(95, 20, 320),
        ],
    )
    paras = labelled(sheet)
    blocks = body_blocks(paras)
    assert not [b.text for b in blocks if b.kind.name == "HEADING"]
    assert any(b.text.startswith("* Tác động tích cực của muối ăn với con người:") for b in blocks)


def test_a_latin_name_in_brackets_under_the_title_is_part_of_the_title() -> None:
    """Measured on a real article: "(STEVIA REBAUDIANA)", the title's second line, was taken
    for its English title."""
    sheet = page(
        1,
        [line("NGHIÊN CỨU ĐA DẠNG HÓA CÁC SẢN PHẨM TỪ CỎ NGỌT", 60, 60, 16, bold=True)],
        [line("(STEVIA REBAUDIANA)", 200, 82, 16)],  # in italics, at the title's size
        [line("RESEARCH TO DIVERSIFY PRODUCTS FROM STEVIA", 90, 110, 12, bold=True)],
        [line("Nguyễn Thị Mai Hương1, Phạm Thị Thu Hoài2", 120, 140, 11)],
        [line("Đến Tòa soạn ngày 17/10/2022, chấp nhận đăng ngày 14/11/2022", 100, 160, 10)],
        body_lines(200, 20),
    )
    paras = labelled(sheet)
    front = front_of(paras)
    assert front.title == "NGHIÊN CỨU ĐA DẠNG HÓA CÁC SẢN PHẨM TỪ CỎ NGỌT (STEVIA REBAUDIANA)"
    assert front.title_en == "RESEARCH TO DIVERSIFY PRODUCTS FROM STEVIA"


def test_the_body_type_is_the_running_texts_not_the_tables() -> None:
    """Measured on a real article: its tables, set at 10 points in cells of a word or two,
    held more letters than its running text at 12, and every paragraph looked like a title."""
    rows = [
        [line(f"Thành phần {n}", 60, 60 + 7 * n, 6), line("Chiều sâu cắt", 150, 60 + 7 * n, 6)]
        for n in range(100)
    ]
    sheets = [page(n, *rows, body_lines(100, 20, x=320)) for n in range(1, 3)]
    assert body_type(sheets).size == 12.0


def test_pieces_set_in_fonts_of_mathematics_are_an_equation_not_paragraphs() -> None:
    """Measured on a real thesis set with TeX: a formula's pieces ("VS", "h", "γ") in CMMI10
    stood as paragraphs of one word between the paragraphs of text."""

    def math(text: str, x: float, y: float) -> Line:
        found = line(text, x, y)
        for word in found.words:
            word.style = Style("RLEYQQ+CMMI10", 12)
        return found

    sheet = page(
        1,
        [line("TIÊU ĐỀ CỦA MỘT BÀI BÁO KHOA HỌC", 100, 40, 18, bold=True)],
        body_lines(80, 8),
        [math("VS", 250, 210)],
        [math("h", 260, 228)],
        [line("Câu văn của bài báo chạy dài hết cả dòng này", 50, 250), *body_lines(265, 6)],
    )
    paras = labelled(sheet)
    roles = {para.text: para.role for para in paras}
    assert roles["VS"] == roles["h"] == "equation"


def test_a_block_poppler_made_of_lines_from_two_columns_is_read_per_column() -> None:
    """Measured on a real article: a chart's labels in the left column and a paragraph of the
    right column made one block; the paragraph lost its column and its lines became cells."""
    text = [
        line(f"Câu văn {n} bài báo chạy dài hết cả dòng này", 320, 400 + 15 * n) for n in range(6)
    ]
    labels = [line("95.90%", 300, 475, 9), line("Năm 2020", 120, 430, 9)]
    sheet = page(
        1,
        body_lines(60, 40),
        body_lines(60, 20, 320),
        [*text[:3], labels[1], *text[3:], labels[0]],
        body_lines(500, 15, 320),
    )
    paras = labelled(sheet)
    (found,) = [p for p in paras if p.text.startswith("Câu văn 0")]
    assert found.role == "body" and len(found.lines) == 6 and found.column is not None


def test_a_name_whose_family_name_is_rare_over_a_received_line_is_the_byline() -> None:
    """Measured on a real article: "Đường Thị Thanh Hải", bold at the body's size, over the
    affiliation and the "received" line, became a heading: "Đường" is no common family name."""
    front = front_of_page(
        line("MÔ HÌNH HỒI QUY NGHIÊN CỨU CÁC YẾU TỐ TÁC ĐỘNG", 60, 60, 15, bold=True),
        line("REGRESSION MODEL FOR RESEARCHING THE FACTORS", 70, 90, 13.7),
        line("Đường Thị Thanh Hải", 240, 120, 10.7, bold=True),
        line("Khoa Tài chính Ngân hàng, Trường Đại học Kinh tế", 150, 136, 10.7),
        line("Đến Tòa soạn ngày 30/03/2021, chấp nhận đăng ngày 13/04/2021", 120, 152, 10.7),
    )
    assert [author.name for author in front.authors] == ["Đường Thị Thanh Hải"]


def test_an_english_title_line_with_a_formula_is_no_byline() -> None:
    """Measured on a real article: "MODIFIED WITH MoS2 NANOSHEET", the last line of its
    English title in capitals, was read as a byline (a name "MoS" with an affiliation mark 2);
    and a byline ending with the corresponding author's star after a comma ("Quang1,*") was
    taken for a heading."""
    front = front_of_page(
        line("CẢM BIẾN ĐIỆN HÓA PHÁT HIỆN CHLORAMPHENICOL", 60, 60, 16, bold=True),
        line("A SENSOR FOR DETECTION OF CHLORAMPHENICOL IN PORK", 60, 90, 14),
        line("MODIFIED WITH MoS2 NANOSHEET", 150, 108, 14),
        line("Ngô Xuân Đinh1, Hoàng Văn Tuấn2, Chu Xuân Quang1,*", 120, 140, 11, bold=True),
        line("1Viện Nghiên cứu nano, Trường Đại học Phenikaa", 120, 156, 11),
        line("Đến Tòa soạn ngày 17/10/2022, chấp nhận đăng ngày 14/11/2022", 100, 175, 10),
    )
    assert front.title_en == (
        "A SENSOR FOR DETECTION OF CHLORAMPHENICOL IN PORK MODIFIED WITH MoS2 NANOSHEET"
    )
    assert [a.name for a in front.authors] == ["Ngô Xuân Đinh", "Hoàng Văn Tuấn", "Chu Xuân Quang"]


def test_names_written_without_marks_under_the_titles_are_the_byline() -> None:
    """Measured on a real article in English: its authors' names, written without their
    Vietnamese marks and bold like its English title ("Vo Thanh Duoc1, Duong Thi Thuy
    Trang1"), were joined to that title."""
    front = front_of_page(
        line("HIGHLY SENSITIVE H2S GAS SENSOR BASED ON SnO2 THIN FILM", 60, 60, 15, bold=True),
        line("NGHIÊN CỨU CHẾ TẠO CẢM BIẾN KHÍ H2S TRÊN MÀNG MỎNG", 60, 90, 14),
        line("Vo Thanh Duoc1, Duong Thi Thuy Trang1, Nguyen Van Toan2", 100, 120, 11, bold=True),
        line("1Hanoi University of Science and Technology", 120, 140, 11),
        line("Đến Tòa soạn ngày 28/10/2021, chấp nhận đăng ngày 15/11/2021", 100, 160, 10),
    )
    assert front.title_en == "HIGHLY SENSITIVE H2S GAS SENSOR BASED ON SnO2 THIN FILM"
    assert [a.name for a in front.authors] == [
        "Vo Thanh Duoc",
        "Duong Thi Thuy Trang",
        "Nguyen Van Toan",
    ]


def test_a_formula_set_large_in_greek_letters_starts_no_article() -> None:
    """Measured on a real article: a display formula set large ("= Ρ δξ"), its letters Greek,
    followed by running text, was taken for a second article's title."""
    first = page(
        1,
        [line("TIÊU ĐỀ CỦA MỘT BÀI BÁO KHOA HỌC", 100, 60, 18, bold=True)],
        [line("Nguyễn Văn An, Trần Thị Bình", 180, 100, 11, bold=True)],
        body_lines(140, 30),
    )
    second = page(2, body_lines(60, 20), [line("= Ρ δξ", 250, 375, 18)], body_lines(420, 20))
    paras = paragraphs(first, BODY) + paragraphs(second, BODY)
    assert [paras[index].text for index in starts(paras, BODY)] == [
        "TIÊU ĐỀ CỦA MỘT BÀI BÁO KHOA HỌC"
    ]


def test_a_titles_last_line_that_reads_like_a_name_stays_in_the_title() -> None:
    """Measured on real articles: a title's last line in capitals, "CAO TẦNG" ("... từ chung
    cư / cao tầng") or "THẠCH CHÂU DẠNG MATCHA", was cut from the title as a byline, because
    it begins with a family name; the byline under the English title was then lost."""
    title = [
        line("NGHIÊN CỨU CÔNG NGHỆ XỬ LÝ NƯỚC THẢI SINH HOẠT", 80, 60, 15, bold=True),
        line("PHÁT SINH TỪ CÁC KHU CHUNG CƯ", 150, 80, 15, bold=True),
        line("CAO TẦNG", 250, 100, 15, bold=True),
    ]
    front = front_of_page(
        title,
        line("A STUDY ON TREATING APARTMENT DOMESTIC WASTEWATER", 90, 125, 14),
        line("Bùi Thị Ngân1, Trần Hùng Thuận1, Chu Xuân Quang1,*", 100, 150, 11, bold=True),
        line("1Trung tâm Công nghệ vật liệu, Viện Ứng dụng công nghệ", 120, 166, 11),
        line("Đến Tòa soạn ngày 17/11/2020, chấp nhận đăng ngày 26/12/2020", 100, 185, 10),
    )
    assert front.title.endswith("CHUNG CƯ CAO TẦNG")
    assert [a.name for a in front.authors] == ["Bùi Thị Ngân", "Trần Hùng Thuận", "Chu Xuân Quang"]


def test_a_comma_set_after_a_subscript_closes_up_to_it() -> None:
    """Measured on a LaTeX thesis: "độ dày h_j, mối" with the comma 0.9 pt after the 7 pt
    subscript read "hj , mối"; a closing mark nearer than a word space belongs to the word
    before it. Marks a word space apart stay apart."""
    body, sub = Style("VNR10", 10.0), Style("CMMI7", 7.0)
    words = [
        Word("dày", Box(140.3, 262.4, 155.8, 274.5), body),
        Word("h", Box(158.3, 264.5, 164.0, 274.5), Style("CMMI10", 10.0)),
        Word("j", Box(164.0, 268.2, 167.3, 275.2), sub),
        Word(",", Box(168.2, 262.4, 171.0, 274.5), body),
        Word("mối", Box(173.5, 262.4, 189.5, 274.5), body),
        Word("(", Box(192.0, 262.4, 195.0, 274.5), body),
        Word("x", Box(197.5, 262.4, 203.0, 274.5), body),
        Word(")", Box(205.5, 262.4, 208.5, 274.5), body),
    ]
    assert Line(words, Box(140.3, 262.4, 208.5, 275.2)).text == "dày hj, mối ( x )"


def test_a_short_line_before_a_figure_ends_its_paragraph_when_a_capital_follows() -> None:
    """Measured on real articles: "Ví dụ: cho dầm (hình 2a), ... (hình 2b)" stopped short
    above a figure and "Gọi δ11, δ12 ..." under its caption joined it for want of a full stop.
    A line that fills the column above the figure still goes on under it."""
    full = body_lines(100, 3)
    sheet = page(
        1,
        [*full, line("lực liên kết (hình 2b)", 50, 145)],
        [line("Hình 2. Sơ đồ dầm siêu tĩnh", 120, 240, 10, bold=True)],
        [line("Gọi δ11, δ12 là chuyển vị đơn vị", 50, 270), *body_lines(285, 3)],
        [line("Hình 3. Biểu đồ mômen uốn", 120, 360, 10, bold=True)],
        [line("Như vậy câu văn của bài báo chạy dài", 50, 390), *body_lines(405, 3)],
    )
    paras = labelled(sheet)

    joined = [para.text for para in join_continued(paras, indent=False)]
    ends = [text.split()[-1] for text in joined if not text.startswith("Hình")]
    assert ends == ["2b)", "này"], joined
    assert any(text.startswith("Gọi δ11") and "Như vậy" in text for text in joined), joined


def test_a_page_of_short_lines_between_formulas_is_still_justified() -> None:
    """Measured on a LaTeX thesis: a page where lead-ins to formulas and headings stop short
    as often as lines fill the column was read as ragged text, so "... trong lớp." ending
    three ems short did not end its paragraph before "Nghiệm của phương trình ... là"."""
    full = body_lines(60, 2)
    right = full[0].box.x1
    leads = [line(f"Phương trình số {n} có dạng sau đây", 50, 100 + 40 * n) for n in range(6)]
    ends = line("trong đó c2 là vận tốc sóng trong lớp.", 50, 360)
    short = right - ends.box.x1
    assert 2 * BODY.size < short < 4 * BODY.size
    sheet = page(
        1,
        full,
        *[[lead] for lead in leads],
        [ends, line("Nghiệm của phương trình T44 = 0 là", 50, 375)],
        body_lines(420, 6),
    )
    texts_ = [para.text for para in paragraphs(sheet, BODY)]
    assert "Nghiệm của phương trình T44 = 0 là" in texts_, texts_


def test_a_formulas_number_at_the_margin_ends_it_and_the_text_under_it_is_a_paragraph() -> None:
    """Measured on a LaTeX thesis: poppler put a display formula, its number "(16)" at the
    right margin and the "trong đó" opening the next paragraph in one block, set in the same
    font: "B1chε1 + B2shε1 (16) trong đó" was one equation and the words were lost."""
    formula = line("B1chε1chε2 + B2shε1shε2 + B3chε1shε2", 100, 410)
    number = line("(16)", 266, 420)
    sheet = page(
        1,
        body_lines(300, 6),
        [formula, number, line("trong đó", 50, 432), line("A0 = −β1β2 (γ1 + γ2)", 75, 454)],
        body_lines(480, 6),
    )
    assert sheet.blocks[1].lines[1].box.x1 >= sheet.blocks[0].lines[0].box.x1 - 1
    texts_ = [para.text for para in paragraphs(sheet, BODY)]
    assert not any(text.startswith("(16)") or "(16) trong" in text for text in texts_), texts_
    assert any(text.startswith("trong đó") for text in texts_), texts_


def test_a_theses_list_of_the_authors_publications_is_a_list_of_references() -> None:
    """Measured on a thesis summary: the items under "DANH MỤC CÔNG TRÌNH KHOA HỌC ĐÃ CÔNG
    BỐ" (the author's publications, which every Vietnamese thesis lists) were paragraphs of
    the body, each line of an item a paragraph of its own."""
    sheet = page(
        1,
        body_lines(60, 6),
        [line("DANH MỤC CÔNG TRÌNH KHOA HỌC ĐÃ CÔNG BỐ", 90, 160, bold=True)],
        [
            line("1. P.C. Vinh, T.T. Tuan, L.T. Hue (2019).", 50, 180),
            line("Exact formula for the H/V ratio. JASA, 146(2).", 50, 195),
            line("2. T.T.T. Dung, T.T. Tuan (2020). An", 50, 210),
            line("approximate formula, JMMS, Vol. 15, pp. 61-74.", 50, 225),
        ],
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    assert ("HEADING", "DANH MỤC CÔNG TRÌNH KHOA HỌC ĐÃ CÔNG BỐ") in kinds, kinds
    items = [text for kind, text in kinds if kind == "REFERENCE"]
    assert len(items) == 2 and items[1].startswith("T.T.T. Dung"), kinds


def test_a_row_of_dots_between_the_lines_of_a_formula_is_part_of_it() -> None:
    """Measured on real articles: the "......" standing for the rows left out of a system of
    equations, and a bracket's pieces drawn in a symbol font, were paragraphs of the body."""
    system = [
        [line("δ11X1 + δ12X2 + ... + δ1nXn + Δ1P = 0", 60, 160)],
        [line("δ21X1 + δ22X2 + ... + δ2nXn + Δ2P = 0", 60, 180)],
        [line("......", 60, 200)],
        [line("δn1X1 + δn2X2 + ... + δnnXn + ΔnP = 0", 60, 215)],
    ]
    sheet = page(1, body_lines(60, 6), *system, body_lines(240, 6))
    roles_ = {para.text: para.role for para in labelled(sheet)}
    assert roles_["......"] == "equation", roles_


def test_a_line_ending_short_at_a_columns_foot_ends_its_paragraph_when_a_capital_follows() -> None:
    """Measured on real articles: the last item of a list of places ("Khu du lịch Làng
    Bè"), short at the foot of a column, and "Sau 3 tháng thu thập..." at the top of the
    next were one paragraph for want of a full stop. A full line at the foot still goes on
    in the next column, though a capital opens it ("... lập trình" / "NC theo biên dạng")."""

    right = 320.0
    first = page(
        1,
        [*body_lines(100, 20), line("Khu du lịch Làng Bè", 50, 400)],
        [line("Sau 3 tháng thu thập dữ liệu thu về được", right, 100), *body_lines(115, 20, right)],
    )
    second = page(
        2,
        body_lines(100, 21),
        [line("NC theo biên dạng, gia công một số chi", right, 100), *body_lines(115, 20, right)],
    )
    paras = labelled(first) + labelled(second)
    joined = [para.text for para in join_continued(paras, indent=False)]
    assert any(text.endswith("Khu du lịch Làng Bè") for text in joined), joined
    assert any(text.startswith("Sau 3 tháng") for text in joined), joined
    assert not any(text.startswith("NC theo") for text in joined), joined


def test_a_cover_is_a_first_page_of_another_size_not_one_a_fraction_of_a_point_off() -> None:
    """Measured on real articles: a first page 842.04 pt high over pages 841.92 pt high is
    no cover (nor is one 841.4 pt over 841.6); a letter-size first page over A5 pages is."""
    from pathlib import Path

    from bantin.pdf.convert import cover_pages
    from bantin.pdf.document import Document

    def doc(*sizes: tuple[float, float]) -> Document:
        pages = [Page(n, w, h) for n, (w, h) in enumerate(sizes, start=1)]
        return Document(Path("x.pdf"), pages, BODY)

    assert cover_pages(doc((595.32, 842.04), *[(595.32, 841.92)] * 5)) == set()
    assert cover_pages(doc((595.3, 841.4), *[(595.3, 841.6)] * 5)) == set()
    assert cover_pages(doc((612, 792), (612, 792), *[(420, 595)] * 5)) == {1, 2}
    assert cover_pages(doc(*[(612, 792)] * 5, (595.32, 842.04))) == set()  # a last page


def test_a_page_of_more_formula_lines_than_text_lines_keeps_its_texts_right_edge() -> None:
    """Measured on a LaTeX thesis: on a page where lines of formulas set from the left
    margin outnumbered the lines of text, the text's full lines were taken for lines run into
    a next column, the column ended where the formulas do and its paragraphs were cut."""
    from bantin.pdf.reading import find_columns

    text = body_lines(60, 6)
    right = text[0].box.x1
    formulas = [[line(f"trong đó p{n} = (−2b + κ)2p1p2", 50, 160 + 14 * n)] for n in range(10)]
    inner = [[line(f"y{n} = c + d", 130, 320 + 14 * n)] for n in range(4)]
    sheet = page(1, text, *formulas, *inner, body_lines(400, 3))
    columns = find_columns(sheet, BODY)
    assert [round(c.right) for c in columns if c.left < 60] == [round(right)], columns


def test_a_line_opening_with_a_relation_sign_is_a_formula() -> None:
    """Measured on a real article: "⇒ Uchăn, Ucối = 0." set on a line of its own was a
    paragraph of the body: no sentence opens with "⇒". A sentence after an arrow stays."""
    sheet = page(
        1,
        body_lines(60, 6),
        [line("⇒ Uchăn, Ucối = 0.", 120, 160)],
        body_lines(180, 4),
        [line("⇒ Kết luận: hệ làm việc ổn định.", 50, 250)],
        body_lines(270, 4),
    )
    roles_ = {para.text: para.role for para in labelled(sheet)}
    assert roles_["⇒ Uchăn, Ucối = 0."] == "equation", roles_
    assert roles_["⇒ Kết luận: hệ làm việc ổn định."] == "body", roles_


def test_a_byline_with_marks_in_brackets_is_the_byline_and_its_marks_lead_affiliations() -> None:
    """Measured on real articles: a byline whose affiliation marks are set in brackets
    ("Hạnh(1), Thùy(2)") was no byline but a heading; each affiliation's mark "(1)", raised
    above the line it leads, stood as a paragraph of its own, read as an equation."""
    sheet = page(
        1,
        [line("NGHIÊN CỨU CHẾ BIẾN MỨT QUẢ TRÊN THIẾT BỊ MỚI", 80, 60, 14, bold=True)],
        [line("STUDY ON PROCESSING FRUIT JAMS ON A NEW DEVICE", 90, 85, 13)],
        [line("Lê Thị Minh An(1), Phạm Văn Bình(2)", 160, 112, 11)],
        [
            line("(1)", 128.5, 129.5, 6.3),
            line("Phòng Khoa học, Trường Đại học Công nghiệp", 138, 132, 9.5),
        ],
        [
            line("(2)", 128.5, 147.5, 6.3),
            line("Khoa Công nghệ thực phẩm, Trường Đại học Công nghiệp", 138, 150, 9.5),
        ],
        [line("Đến Tòa soạn ngày 13/04/2022, chấp nhận đăng ngày 09/05/2022", 100, 170, 10)],
        body_lines(200, 20),
    )
    join_marks(sheet)
    front = front_of(labelled(sheet))
    assert [(a.name, a.marks) for a in front.authors] == [
        ("Lê Thị Minh An", (1,)),
        ("Phạm Văn Bình", (2,)),
    ]
    assert front.affiliations == [
        "Phòng Khoa học, Trường Đại học Công nghiệp",
        "Khoa Công nghệ thực phẩm, Trường Đại học Công nghiệp",
    ]


def test_an_english_title_naming_a_vietnamese_place_is_the_english_title() -> None:
    """Measured on real articles: an English title ending with a place written with its
    Vietnamese marks ("... IN ĐẮK LẮK PROVINCE") was read as more of the Vietnamese title."""
    front = front_of_page(
        [
            line("ĐÁNH GIÁ CHẤT LƯỢNG QUẢ CÀ PHÊ TRONG GIAI ĐOẠN", 80, 60, 15, bold=True),
            line("THU HOẠCH TẠI TỈNH ĐẮK LẮK", 150, 78, 15, bold=True),
        ],
        [
            line("ASSESSING THE QUALITY OF COFFEE FRUIT DURING THE", 90, 100, 14),
            line("HARVEST STAGE IN ĐẮK LẮK PROVINCE", 150, 116, 14),
        ],
        [line("Lê Văn Minh, Trần Thị Hoa", 180, 140, 11, bold=True)],
        [line("Viện Khoa học nông nghiệp Tây Nguyên", 150, 156, 11)],
        [line("Đến Tòa soạn ngày 15/02/2021, chấp nhận đăng ngày 05/04/2021", 100, 175, 10)],
        body_at=210,
    )
    assert (
        front.title == "ĐÁNH GIÁ CHẤT LƯỢNG QUẢ CÀ PHÊ TRONG GIAI ĐOẠN THU HOẠCH TẠI TỈNH ĐẮK LẮK"
    )
    assert front.title_en == (
        "ASSESSING THE QUALITY OF COFFEE FRUIT DURING THE HARVEST STAGE IN ĐẮK LẮK PROVINCE"
    )


def test_english_is_told_from_vietnamese_by_its_words_not_only_its_letters() -> None:
    from bantin.pdf.roles import is_english

    assert is_english("Factors affecting employer motivation at commercial banks in Nam Định")
    assert is_english("ASSESSING THE QUALITY OF COFFEE FRUIT IN ĐẮK LẮK PROVINCE")
    assert not is_english("THU HOẠCH TẠI TỈNH ĐẮK LẮK")
    assert not is_english("Tối ưu chế độ cắt khi gia công thép C40 trên máy tiện CNC")
    assert not is_english("NGHIÊN CỨU IN ẤN TRÊN MÁY IN OFFSET CỦA TO AN")


def test_an_abstract_labelled_in_the_other_language_goes_by_the_language_of_its_text() -> None:
    """Measured on real articles: an article in English printed "Tóm tắt:" over its English
    abstract and "Abstract:" over its Vietnamese one (or "Abstract:" over both); the English
    abstract became the lead and the Vietnamese one the English abstract."""
    front = front_of_page(
        [line("A STUDY OF WATER TREATMENT WITH GRAPHITE ANODES", 80, 60, 15, bold=True)],
        [line("NGHIÊN CỨU XỬ LÝ NƯỚC THẢI BẰNG ĐIỆN CỰC GRAPHITE", 90, 85, 14)],
        [line("Le Van Minh1, Tran Thi Hoa2", 180, 110, 11, bold=True)],
        [line("1Institute for Tropical Technology", 150, 126, 11)],
        [line("Đến Tòa soạn ngày 12/10/2022, chấp nhận đăng ngày 04/11/2022", 100, 145, 10)],
        [
            line("Tóm tắt: In this study, saline wastewater is treated by the", 60, 170, 10),
            line("oxidation of organic matter with two types of electrodes and", 60, 182, 10),
            line("the results show that the graphite electrode works well.", 60, 194, 10),
        ],
        [line("Từ khóa: Electrochemical oxidation, saline wastewater.", 60, 212, 10)],
        [
            line("Abstract: Trong nghiên cứu này, nước thải mặn được xử lý bằng", 60, 232, 10),
            line("phương pháp oxy hóa điện hóa với hai loại điện cực khác nhau", 60, 244, 10),
            line("và kết quả cho thấy điện cực graphite cho hiệu quả tốt.", 60, 256, 10),
        ],
        [line("Keywords: Oxy hóa điện hóa, nước thải mặn.", 60, 274, 10)],
        body_at=300,
    )
    assert front.abstract.startswith("Trong nghiên cứu này"), front.abstract
    assert front.abstract_en.startswith("In this study"), front.abstract_en
    assert front.keywords == ["Oxy hóa điện hóa", "nước thải mặn"]
    assert front.keywords_en == ["Electrochemical oxidation", "saline wastewater"]


def test_a_byline_going_on_after_a_comma_keeps_its_rarer_names() -> None:
    """Measured on a real article: a byline of seven names over two lines, the first ending
    with a comma; the second line's names ("Tưởng Thị Nguyệt Ánh", a rarer family name)
    were taken for an affiliation and two authors were lost."""
    front = front_of_page(
        [line("NGHIÊN CỨU XỬ LÝ NƯỚC THẢI NUÔI TÔM ĐỘ MẶN THẤP", 80, 60, 15, bold=True)],
        [line("TREATMENT OF LOW-SALINITY SHRIMP AQUACULTURE WASTEWATER", 90, 85, 13)],
        [line("Nguyễn Văn An, Chu Xuân Bình, Đoàn Văn Cường,", 100, 110, 10.7, bold=True)],
        [line("Lò Văn Dũng, Tưởng Thị Nguyệt Hoa", 180, 124, 10.7, bold=True)],
        [line("Trung tâm Công nghệ vật liệu, Viện Ứng dụng công nghệ", 120, 140, 10.7)],
        [line("Đến Tòa soạn ngày 20/05/2023, chấp nhận đăng ngày 10/06/2023", 100, 158, 10)],
        body_at=190,
    )
    assert [a.name for a in front.authors] == [
        "Nguyễn Văn An",
        "Chu Xuân Bình",
        "Đoàn Văn Cường",
        "Lò Văn Dũng",
        "Tưởng Thị Nguyệt Hoa",
    ]
    assert front.affiliations == ["Trung tâm Công nghệ vật liệu, Viện Ứng dụng công nghệ"]


def test_keywords_without_marks_under_their_vietnamese_label_stay_the_keywords() -> None:
    """Measured on real articles: Vietnamese keywords that have no marks ("β-glucan,
    pullulan", "RESTful, JSON") were taken for English keywords once labels went by the
    language of their text; only an abstract in English prose moves, and keywords with it."""
    front = front_of_page(
        [line("NGHIÊN CỨU LÊN MEN SẢN XUẤT BETA GLUCAN TỪ NẤM MEN", 80, 60, 15, bold=True)],
        [line("RESEARCH ON THE FERMENTATION OF BETA GLUCAN FROM YEAST", 90, 85, 13)],
        [line("Lê Văn Minh1, Trần Thị Hoa2", 180, 110, 11, bold=True)],
        [line("1Trường Đại học Công nghiệp", 150, 126, 11)],
        [line("Đến Tòa soạn ngày 12/10/2022, chấp nhận đăng ngày 04/11/2022", 100, 145, 10)],
        [
            line("Tóm tắt: Trong nghiên cứu này, điều kiện lên men sản xuất", 60, 170, 10),
            line("beta glucan từ chủng nấm men đã được xác định và tối ưu hóa.", 60, 182, 10),
        ],
        [line("Từ khóa: β-glucan, pullulan, RESTful, JSON.", 60, 200, 10)],
        [
            line("Abstract: In this study, the conditions of the fermentation", 60, 220, 10),
            line("of beta glucan from a yeast strain were found and optimised.", 60, 232, 10),
        ],
        [line("Keywords: β-glucan, pullulan, yeast.", 60, 250, 10)],
        body_at=280,
    )
    assert front.keywords == ["β-glucan", "pullulan", "RESTful", "JSON"]
    assert front.keywords_en == ["β-glucan", "pullulan", "yeast"]
    assert front.abstract.startswith("Trong nghiên cứu này"), front.abstract


def test_a_paragraph_hung_from_its_label_is_one_paragraph() -> None:
    """Measured on a real bulletin: questions and answers set with a hanging indent ("Đáp:"
    out in the margin, the rest of the paragraph set in under its text) came back one
    paragraph per line, each line taken for an indented first line."""
    blocks = []
    for number in range(3):
        top = 100 + 100 * number
        first = line("Đáp: " + RUNNING, 50, top)
        under = first.words[1].box.x0
        blocks.append([first, *(line(RUNNING, under, top + 15 * n) for n in range(1, 5))])
    paras = paragraphs(page(1, *blocks), BODY)
    assert [len(para.lines) for para in paras] == [5, 5, 5]
    assert all(para.text.startswith("Đáp: ") for para in paras)
    # a question and its answer in one block: the answer's label, hung out, starts its own
    lines = [line for block in blocks[:2] for line in block]
    assert [len(para.lines) for para in paragraphs(page(1, lines), BODY)] == [5, 5]


def test_a_page_of_advertisements_holds_no_article() -> None:
    """Measured on a real bulletin: its last page, business cards in boxes (pictures, a dozen
    kinds of type, no running text), was glued to the end of the article before it."""
    article = page(1, [line("TIN TỨC TRONG TUẦN", 50, 60, 20, bold=True)], body_lines(100, 30))
    ads = page(2)
    for number in range(12):
        x, y = 50 + 170 * (number % 3), 60 + 180 * (number // 3)
        ads.images.append(Box(x, y, x + 150, y + 90))
        ads.blocks.append(Block([line(f"Cửa hàng số {number + 1}", x, y + 100, 8 + number)]))
        ads.blocks.append(Block([line("Điện thoại 0123", x, y + 130, 7)]))
    photos = page(3, body_lines(60, 30))  # pictures in an article with its text: kept
    photos.images = [Box(50, 500 + 20 * n, 90, 515 + 20 * n) for n in range(12)]
    assert advert_pages([article, ads, photos], BODY) == {2}
    assert advert_pages([ads], BODY) == set()  # a document of nothing else is read as it is


def test_a_word_drawn_again_over_itself_is_read_once() -> None:
    """Measured on a real bulletin: "Gospel" followed by "spel" drawn over its end came out
    "Gospel spel"; a word printed twice in place (a fake bold) likewise."""
    from bantin.pdf.extract import parse_words

    def word(x0: float, x1: float, text: str) -> str:
        return f'<word xMin="{x0}" yMin="100" xMax="{x1}" yMax="112">{text}</word>'

    words = [
        word(50, 70, "Suy"),
        word(72, 100, "Gospel"),
        word(85.2, 100.1, "spel"),  # the end of "Gospel" again
        word(103, 120, "niệm"),
        word(103.3, 120.3, "niệm"),  # the whole word again, a third of a point to the right
        word(122, 128, "a"),
        word(124, 130, "a"),  # the next word, not inside this one: kept
    ]
    xhtml = (
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><doc>'
        '<page width="595" height="842"><flow><block><line xMin="50" yMin="100" xMax="130" '
        f'yMax="112">{"".join(words)}</line></block></flow></page></doc></body></html>'
    )
    [sheet] = parse_words(xhtml, "x.pdf")
    assert [w.text for w in sheet.lines[0].words] == ["Suy", "Gospel", "niệm", "a", "a"]
    # poppler may start a new line at the word drawn again: the two are one line
    split = [*words[:2], '</line><line xMin="85" yMin="100" xMax="130" yMax="112">', *words[2:]]
    [sheet] = parse_words(xhtml.replace("".join(words), "".join(split)), "x.pdf")
    assert [[w.text for w in line.words] for line in sheet.lines] == [
        ["Suy", "Gospel", "niệm", "a", "a"]
    ]


def test_small_words_printed_under_the_text_are_left_out() -> None:
    """Measured on a real journal: a chart's legend, clipped out of sight, lies under a
    paragraph in a smaller size, and poppler read both ("của nợ NHNN, cơ cấu tín dư dụng").
    Words of a smaller size standing mostly under the letters of the body's text are left
    out, and so is the rest of their run beside them; a superscript beside a word, a limit
    under a sum and small words in clear space stay, and so do two texts of a figure over
    each other (a box's label over a hidden one: which shows cannot be told)."""
    from bantin.pdf.extract import leave_out_hidden

    body, chart = Style("Times New Roman", 11), Style("Calibri", 7)
    label = Style("Times New Roman", 10)

    def words(style: Style, *items: tuple[float, float, float, float, str]) -> Block:
        found = [Word(text, Box(x0, y0, x1, y1), style) for x0, y0, x1, y1, text in items]
        return Block([Line(found, union_of([word.box for word in found]))])

    def kept(*blocks: Block) -> list[str]:
        sheet = Page(1, PAGE_W, PAGE_H, list(blocks))
        leave_out_hidden(sheet)
        return [line.text for line in sheet.lines]

    text = words(
        body,
        (65, 636.6, 90, 649.9, "Theo"),
        (95, 636.6, 113, 649.9, "quy"),
        (118, 636.6, 139, 649.9, "định"),
        (144, 636.6, 161, 649.9, "của"),
        (166, 636.6, 204, 649.9, "NHNN,"),
        (209, 636.6, 214, 649.9, "∑"),
        (214.5, 636.6, 224, 649.9, "x"),
    )
    more = words(body, (65, 660, 300, 673.3, "câu văn của bài báo chạy dài hết cả dòng này"))
    legend = words(chart, (119, 638.9, 127, 647.2, "Tỷ"), (150, 638.9, 159, 647.2, "nợ"))
    # the rest of a hidden run, beside it in the clear: "nền" hidden, "kinh tế" after it
    rest = words(
        chart,
        (190, 638.9, 202, 647.2, "nền"),
        (203.5, 638.9, 215, 647.2, "kinh"),
        (216.5, 638.9, 224, 647.2, "tế"),
    )
    beside = words(
        chart,
        (224.2, 634, 228, 641, "2"),  # a superscript after "x"
        (208, 646, 215, 652, "i=1"),  # a limit under the sum
        (300, 638.9, 330, 647.2, "nguồn"),  # small words in clear space
    )
    assert kept(text, more, legend, rest, beside) == [
        "Theo quy định của NHNN, ∑x",
        "câu văn của bài báo chạy dài hết cả dòng này",
        "2 i=1 nguồn",
    ]
    # poppler may set the hidden words on the line of the words over them
    mixed = words(
        body,
        (95, 636.6, 113, 649.9, "quy"),
        (114.5, 638.9, 122.4, 647.2, "Tỷ"),
        (117.8, 636.6, 139.2, 649.9, "định"),
    )
    mixed.lines[0].words[1].style = chart
    assert kept(mixed, more) == ["quy định", "câu văn của bài báo chạy dài hết cả dòng này"]
    # in a figure, a box's label over a larger text hidden behind it: both stay
    box = words(chart, (109.7, 582.4, 122.4, 589.6, "Lựa"), (124, 582.4, 140, 589.6, "chọn"))
    behind = words(label, (113.8, 579.5, 135.9, 589.6, "Biểu"))
    assert kept(text, more, box, behind) == [
        "Theo quy định của NHNN, ∑x",
        "câu văn của bài báo chạy dài hết cả dòng này",
        "Lựa chọn",
        "Biểu",
    ]
    # the same words in two sizes over each other: which shows cannot be told, all stay
    small = words(chart, (118, 638, 127, 646, "quy"), (128, 638, 140, 646, "định"))
    assert kept(text, more, small)[-1] == "quy định"


def test_a_word_under_a_smaller_span_takes_the_style_of_its_own_height() -> None:
    """Two spans over each other (a chart's legend under a paragraph): each word takes the
    style of the span of its height, not of the one whose middle happens to lie nearer."""
    from bantin.pdf.extract import Span, attach_styles

    body, chart = Style("Times New Roman", 13.3), Style("Calibri", 8)
    word = Word("định", Box(117.8, 636.6, 139.2, 649.9))
    small = Word("Tỷ", Box(114.5, 638.9, 122.4, 647.2))
    spans = [
        Span(Box(65, 636.6, 291, 649.9), body),
        Span(Box(114.6, 638.7, 180, 646.7), chart),
    ]
    sheet = page(1, [Line([word], word.box)], [Line([small], small.box)])
    attach_styles(sheet, spans)
    assert (word.style, small.style) == (body, chart)


def test_a_title_with_a_short_english_half_after_a_bar_is_split() -> None:
    """Measured on a real bulletin: "Cầu Nguyện | Prayers" stayed one title ("Prayers" was
    too short to tell as English); the half after the bar is the English title."""
    sheet = page(
        1,
        [line("Cầu Nguyện | Prayers", 60, 60, 16, bold=True)],
        body_lines(100, 30),
    )
    front = front_of(labelled(sheet))
    assert (front.title, front.title_en) == ("Cầu Nguyện", "Prayers")


def _italic(text: str, x: float, y: float, size: float = 12.0) -> Line:
    found = line(text, x, y, size)
    for word in found.words:
        word.style = Style("Times New Roman,Italic", size, italic=True)
    return found


def test_the_readings_under_a_page_heading_are_one_article() -> None:
    """Measured on a parish bulletin: the page "Lời Chúa" (the Mass readings, each under a
    heading that cites its passage: "Bài Đọc I  Xp 2, 3 ; 3, 12-13") was cut into one
    article per reading, its passage reference another; the page's reflection that follows,
    under a heading of its own, is an article."""
    sheet = page(
        4,
        [line("Lời Chúa", 50, 40, 20, bold=True)],
        [_italic("Word of God", 50, 64, 16)],
        [line("Bài Đọc I", 56, 90, 12, bold=True)],
        [_italic("Xp 2, 3 ; 3, 12-13", 140, 90)],
        body_lines(110, 5),
        [line("Đáp Ca", 56, 220, 12, bold=True)],
        [_italic("Tv 145, 7, 8-9a. 9bc-10", 140, 220)],
        body_lines(240, 4),
        [line("Bài Đọc II", 56, 330, 12, bold=True)],
        [_italic("1 Cr 1, 26-31", 140, 330)],
        body_lines(350, 5),
        [line("Tin Mừng Mt 5, 1-12a", 56, 440, 12, bold=True)],
        body_lines(460, 5),
        [line("Suy Niệm Lời Chúa | Gospel Reflections", 56, 560, 12, bold=True)],
        body_lines(580, 6),
    )
    spans = news_items(Span(paragraphs(sheet, BODY)), BODY)
    assert [span.paras[0].text for span in spans] == [
        "Lời Chúa",
        "Suy Niệm Lời Chúa | Gospel Reflections",
    ]
    assert spans[1].section == "Lời Chúa Word of God"
    assert sum(p.text.startswith(RUNNING) for p in spans[0].paras) == 4


def test_an_article_after_one_that_runs_onto_its_page_is_found_by_its_opening_words() -> None:
    """Measured on a parish bulletin: the readings ran from page 4 onto page 5, where the
    reflection starts; page 5 read alone shows no start before the reflection, so its PDF was
    read from the top and the readings' end taken for the reflection's title and text."""
    from bantin.pdf.ingest import _start_in_pdf

    readings = Span([], pages=[4, 5])
    reflection = Span([], pages=[5])
    assert _start_in_pdf([readings, reflection], 1) == 2
    assert _start_in_pdf([Span([], pages=[3]), reflection], 1) == 1


def _justified(found: Line, right: float) -> Line:
    """The line's words spread to reach `right`, as a justified line's are."""
    stretch = (right - found.box.x1) / (len(found.words) - 1)
    for index, word in enumerate(found.words):
        shift = index * stretch
        word.box = Box(word.box.x0 + shift, word.box.y0, word.box.x1 + shift, word.box.y1)
    found.box = Box(found.box.x0, found.box.y0, right, found.box.y1)
    return found


def test_a_list_items_line_set_under_its_text_goes_on_with_the_item() -> None:
    """Measured on a parish bulletin: a bulleted item's second line, set under the item's text
    (right of the bullet), and a numbered verse's second line set the same way, were taken for
    indented first lines and each item cut in two (one set a size smaller too)."""
    right = 480.0
    body = [_justified(found, right) for found in body_lines(40, 4)]
    first = _justified(line("♦ Hội Knight of Columbus ngoài việc phục vụ thức", 60, 100), right)
    hang = first.words[1].box.x0
    verse = line("1. Chúa xét xử công minh cho người.", 60, 200)
    under = verse.words[1].box.x0
    sheet = page(
        1,
        body,
        [
            first,
            _justified(
                line("thiện nguyện viên giúp cho các game chơi ngày Tết", hang, 115), right - 8
            ),
            _justified(line("♦ Các anh chị trong ban tổ chức, ban trật", 60, 130), right),
            line("tự đã cùng nhau.", hang, 145),
        ],
        [
            verse,
            line("Ngài nâng đỡ những ai thất vọng. –Đáp", under, 215),
            line("2. Chúa sẽ tỏ thiện nhan cho người mù.", 60, 230),
            line("Người công chính Chúa luôn yêu thương. –Đáp", under, 245, 10.5),
        ],
        [_justified(found, right) for found in body_lines(290, 4)],
    )
    items = [p.text for p in paragraphs(sheet, BODY) if not p.text.startswith("câu")]
    assert items == [
        "♦ Hội Knight of Columbus ngoài việc phục vụ thức thiện nguyện viên giúp cho các game"
        " chơi ngày Tết",
        "♦ Các anh chị trong ban tổ chức, ban trật tự đã cùng nhau.",
        "1. Chúa xét xử công minh cho người. Ngài nâng đỡ những ai thất vọng. –Đáp",
        "2. Chúa sẽ tỏ thiện nhan cho người mù. Người công chính Chúa luôn yêu thương. –Đáp",
    ], items


def test_a_bilingual_label_gives_the_title_and_its_english() -> None:
    """Measured on a parish bulletin: a notice's heading names it in both languages, the
    English after a bar ("Cầu Nguyện | Prayers", a word too short to be told English by its
    letters) or first, both framed (":: Announcements / Thông Báo ::"); the whole label was
    taken for the title."""
    from bantin.pdf.structure import _bilingual

    assert _bilingual("Cầu Nguyện | Prayers") == ("Cầu Nguyện", "Prayers")
    assert _bilingual(":: Announcements / Thông Báo ::") == ("Thông Báo", "Announcements")
    assert _bilingual("Tài Chính của Giáo Xứ | Parish Finance") == (
        "Tài Chính của Giáo Xứ",
        "Parish Finance",
    )
    assert _bilingual(":: Ban Giáo Lý và Việt Ngữ thông báo ::") == (
        "Ban Giáo Lý và Việt Ngữ thông báo",
        "",
    )
    assert _bilingual("Phân tích SWOT / PEST của doanh nghiệp") == (
        "Phân tích SWOT / PEST của doanh nghiệp",
        "",
    )
    assert _bilingual("Mô hình IS | LM") == ("Mô hình IS | LM", "")


def _styled(text: str, x: float, y: float, size: float = 12.0, **kind: bool) -> Line:
    """A line in bold and/or italic type."""
    found = line(text, x, y, size, bold=kind.get("bold", False))
    if kind.get("italic"):
        for word in found.words:
            word.style = Style(word.style.font + ",Italic", size, word.style.bold, italic=True)
    return found


def test_the_notices_of_a_page_of_news_part_at_drawn_rules_and_bilingual_labels() -> None:
    """Measured on a parish bulletin: under "Tin Tức Trong Giáo Xứ / Parish News" three
    notices, parted by drawn rules: one headed by a bilingual label set larger (taken into the
    page's heading), its lines of figures in bold and italic at the body's size (each taken
    for a notice), one under a framed label and one under a bold heading."""
    sheet = page(
        6,
        [line("Tin Tức Trong Giáo Xứ", 50, 40, 24, bold=True)],
        [_styled("Parish News", 50, 66, 18, italic=True)],
        [line("Tài Chính của Giáo Xứ | Parish Finance", 56, 92, 14, bold=True)],
        [line("Đóng Góp trong Chúa Nhật", 66, 112, bold=True)],
        [_styled("Sunday Contribution", 66, 126, italic=True)],
        [line("$3,065.00", 300, 112, bold=True)],
        [line("Tết Nguyên Đán", 66, 144, bold=True)],
        [_styled("Lunar New Year", 66, 158, italic=True)],
        [line("$1,307.00", 300, 144)],
        [line("Cảm tạ quý ông bà và anh chị em.", 380, 112)],
        [line("Goal – Chỉ Tiêu $13,800.00", 66, 176)],
        [line(":: Announcements / Thông Báo ::", 76, 220, bold=True)],
        body_lines(240, 4, x=84),
        [line("Thư cảm ơn chương trình Hội Chợ Tết và Dạ Vũ", 84, 340, bold=True)],
        [_styled("Mừng Xuân Quý Mão 2023", 84, 354, bold=True, italic=True)],
        body_lines(372, 8, x=84),
    )
    rules = {6: [Box(146, 205, 466, 205), Box(146, 325, 466, 325)]}
    spans = news_items(Span(paragraphs(sheet, BODY)), BODY, lambda n: rules.get(n, []))
    assert [span.paras[0].text for span in spans] == [
        "Tài Chính của Giáo Xứ | Parish Finance",
        ":: Announcements / Thông Báo ::",
        "Thư cảm ơn chương trình Hội Chợ Tết và Dạ Vũ",
    ]
    assert {span.section for span in spans} == {"Tin Tức Trong Giáo Xứ Parish News"}


def test_a_callout_beside_a_page_heading_is_no_notice_and_a_rule_drawn_as_a_picture_parts() -> None:
    """Measured on a parish bulletin: a boxed callout ("MỞ HÔM NAY / OPEN TODAY") set beside
    the page's heading, and the first notice's heading, were taken into the page's heading;
    the notices under bilingual labels, and an article under a rule set as a picture on the
    next page, all stayed one article."""
    small = 11.0
    first = page(
        6,
        [line("Tin Tức Trong Giáo Xứ", 50, 40, 24, bold=True)],
        [_styled("Parish News", 50, 66, 18, italic=True)],
        [line("MỞ HÔM NAY", 380, 70, 14, bold=True), line("OPEN TODAY", 380, 86, 14, bold=True)],
        [line("Hội Trường Thánh Gia", 56, 90, 14, bold=True)],
        [line("(630) 984-6883", 56, 106, small, bold=True)],
        body_lines(126, 3, x=66),
        [line("Ghi Danh trong Giáo Xứ | Registration within Parish", 56, 230, small)],
        [line("Gia Nhập Giáo Xứ", 66, 248, bold=True)],
        body_lines(266, 5, x=66),
        [line(":: BAN GIÁO LÝ VÀ VIỆT NGỮ THÔNG BÁO ::", 56, 400, small, bold=True)],
        body_lines(418, 3, x=66),
    )
    second = page(
        7,
        [line("Tài Chính của Giáo Xứ | Parish Finance", 56, 40, small, bold=True)],
        [line("Đóng Góp trong Chúa Nhật", 66, 58, bold=True)],
        [_styled("Sunday Contribution", 66, 72, italic=True)],
        [line("Bài giáo lý của Đức Thánh Cha về Thánh Lễ", 56, 130, bold=True)],
        [line("24/11/2017 — Phaolô Phạm Xuân Khôi chuyển ngữ", 56, 146)],
        body_lines(164, 10, x=56),
    )
    rules = {7: [Box(212, 100, 397, 113)]}
    paras = paragraphs(first, BODY) + paragraphs(second, BODY)
    spans = news_items(Span(paras), BODY, lambda n: rules.get(n, []))
    assert [span.paras[0].text for span in spans] == [
        "Hội Trường Thánh Gia",
        "Ghi Danh trong Giáo Xứ | Registration within Parish",
        ":: BAN GIÁO LÝ VÀ VIỆT NGỮ THÔNG BÁO ::",
        "Tài Chính của Giáo Xứ | Parish Finance",
        "Bài giáo lý của Đức Thánh Cha về Thánh Lễ",
    ]
    assert not any("MỞ HÔM NAY" in p.text for span in spans for p in span.paras)
    assert spans[0].section == "Tin Tức Trong Giáo Xứ Parish News"


def test_rules_drawn_across_a_page_are_read_and_short_ones_are_not(tmp_path: Path) -> None:
    """The rules a bulletin draws between its notices, in the page's coordinates, and the
    edges of a box drawn round a notice; a line under a word, a callout's box and the page's
    frame are none."""
    from reportlab.pdfgen.canvas import Canvas

    from bantin.pdf.rules import drawings, drawn_rules

    pdf = tmp_path / "rules.pdf"
    canvas = Canvas(str(pdf), pagesize=(612, 792))
    canvas.setLineWidth(2)
    canvas.line(146, 792 - 263, 466, 792 - 263)  # across the text
    canvas.line(56, 792 - 300, 120, 792 - 300)  # under a word
    canvas.rect(370, 792 - 110, 100, 60)  # a callout's box, narrow
    canvas.showPage()
    canvas.line(146, 792 - 593, 466, 792 - 593)
    canvas.rect(50, 792 - 400, 500, 100)  # a notice boxed: its edges part it from the rest
    canvas.rect(20, 20, 572, 752)  # the page's frame parts nothing
    canvas.save()
    found = {page: drawn_rules(drawing) for page, drawing in drawings(pdf, [1, 2]).items()}
    assert [(round(b.x0), round(b.y0), round(b.x1)) for b in found[1]] == [(146, 263, 466)]
    assert [round(b.y0) for b in found[2]] == [300, 400, 593]


def test_a_notice_heading_the_next_page_of_news_is_a_notice() -> None:
    """Measured on a parish bulletin: the page of news went on over the page, where a
    notice's heading in bold at the body's size (no label, no rule) opened the next page; it
    was read as part of the notice before, whose signature then no longer closed it."""
    first = page(
        6,
        [line("Tin Tức Trong Giáo Xứ", 50, 40, 24, bold=True)],
        [_styled("Parish News", 50, 66, 18, italic=True)],
        [line("Tài Chính của Giáo Xứ | Parish Finance", 56, 92, 14, bold=True)],
        body_lines(110, 3, x=66),
        [line(":: Announcements / Thông Báo ::", 76, 220, bold=True)],
        body_lines(240, 4, x=84),
    )
    second = page(
        7,
        [line("Hỏi & Đáp với Lm. Phi Quang", 40, 40, bold=True)],
        [line("http://www.tinmung.net/HOI%20DAP/HoiDapINDEX.htm", 40, 52)],
        body_lines(70, 6, x=47),
    )
    paras = paragraphs(first, BODY) + paragraphs(second, BODY)
    spans = news_items(Span(paras), BODY)
    assert [span.paras[0].text for span in spans][-1] == "Hỏi & Đáp với Lm. Phi Quang"


def test_a_name_set_level_with_another_cell_is_no_closing_signature() -> None:
    """Measured on a parish bulletin: a notice closing on a row of two short cells (a heading
    and its English, "Hôn Phối" beside "Marriage"; "Sunday Contribution" beside "Thank
    you!") took the first for its author; a name alone on its line still signs, and the line
    over it that signs on behalf of a body ("TM Ban tổ chức") is the signature's, not text."""
    from bantin.pdf.roles import label_closing_byline

    sheet = page(
        1,
        [line("Ghi Danh trong Giáo Xứ", 50, 40, 16, bold=True)],
        body_lines(70, 5),
        [line("Hôn Phối", 50, 200, bold=True)],
        [line("Marriage", 320, 200, bold=True)],
    )
    paras = labelled(sheet)
    label_closing_byline(paras, BODY)
    assert not [p.text for p in paras if p.role == BYLINE]
    signed = page(
        1,
        [line("Thư cảm ơn chương trình Hội Chợ", 50, 40, 16, bold=True)],
        body_lines(70, 5),
        [line("TM Ban tổ chức", 50, 200)],
        [line("Hùng Trịnh", 50, 215, bold=True)],
    )
    paras = labelled(signed)
    label_closing_byline(paras, BODY)
    assert [p.text for p in paras if p.role == BYLINE] == ["TM Ban tổ chức", "Hùng Trịnh"]


def test_a_quoted_sentence_on_a_line_of_its_own_is_no_heading() -> None:
    """Measured on a parish bulletin: a reading's motto, a sentence in quotes set in italic on
    its own line ('"Hãy dọn đường Chúa.”'), was taken for a run-in heading; an italic line
    that is no sentence still heads."""
    sheet = page(
        1,
        [line("Lời Chúa", 50, 40, 20, bold=True)],
        body_lines(80, 4),
        [_styled("“Hãy dọn đường Chúa.”", 50, 150, italic=True)],
        body_lines(170, 4),
        [_styled("Phương pháp nghiên cứu", 50, 240, italic=True)],
        body_lines(260, 4),
    )
    role = {p.text: p.role for p in labelled(sheet)}
    assert role["“Hãy dọn đường Chúa.”"] != HEADING
    assert role["Phương pháp nghiên cứu"] == HEADING


def test_a_tone_mark_drawn_apart_joins_its_syllable_and_the_rest_of_it() -> None:
    """Measured on a parish bulletin: a font drew a syllable's tone mark as a glyph of its own
    between the syllable's two pieces ("trươ" + "́" + "c", "rư" + "̉" + "a", the last piece
    a hair left of the first's end); the text read "trướ c", "rử a"."""
    from bantin.pdf.reading import join_split_syllables

    def word(text: str, x0: float, x1: float) -> Word:
        return Word(text, Box(x0, 100, x1, 111), Style("Cambria", 10.7))

    pieces = [
        word("đi", 144.2, 152.9),
        word("trươ", 155.8, 176.5),
        word("\u0301", 174.3, 174.3),
        word("c", 176.5, 181.2),
        word("rư", 406.9, 417.8),
        word("\u0309", 415.4, 415.4),
        word("a", 417.7, 422.8),
        word("g", 443.8, 448.9),
        word("\u0301", 455.9, 455.9),  # the letter it sat on was not drawn: left alone
        word("i", 458.1, 461.1),
    ]
    sheet = page(1, [Line(pieces, Box(144.2, 100, 461.1, 111))])
    join_split_syllables(sheet)
    assert [w.text for w in sheet.lines[0].words] == ["đi", "trước", "rửa", "g", "\u0301", "i"]


def test_an_italic_line_of_two_sentences_is_text_not_a_heading() -> None:
    """Measured on a parish bulletin: a reader's question on one italic line ("Hỏi 77: Xin
    cho biết ý nghĩa lá cờ Tòa Thánh. Cách treo cờ hai màu ở các nhà thờ?") was taken for a
    run-in heading; a short italic heading with an abbreviation still heads."""
    question = "Hỏi 77: Xin cho biết ý nghĩa lá cờ Tòa Thánh. Cách treo cờ ở đâu?"
    sheet = page(
        1,
        [line("Hỏi & Đáp", 50, 40, 20, bold=True)],
        body_lines(80, 4),
        [_styled(question, 50, 150, italic=True)],
        body_lines(170, 4),
        [_styled("Kinh tế Tp. Hồ Chí Minh", 50, 240, italic=True)],
        body_lines(260, 4),
    )
    role = {p.text: p.role for p in labelled(sheet)}
    assert role[question] != HEADING
    assert role["Kinh tế Tp. Hồ Chí Minh"] == HEADING


def _rule(x0: float, y0: float, x1: float, y1: float, rectangle: bool = False) -> object:
    from bantin.pdf.rules import Drawn

    return Drawn(Box(x0, y0, x1, y1), rectangle, True)


def test_a_table_ruled_across_with_open_sides_is_a_grid() -> None:
    """Many tables draw no rule down their outer sides: their columns end where the rules
    across do."""
    from bantin.pdf.rules import ruled_tables

    across = [_rule(50, y, 300, y + 0.5) for y in (100, 120, 140, 160)]
    down = [_rule(x, 100, x + 0.5, 160) for x in (120, 200)]
    grids = ruled_tables(((595, 842), [*across, *down]))  # type: ignore[list-item]
    assert len(grids) == 1
    grid = grids[0]
    assert [round(x) for x in grid.columns] == [50, 120, 200, 300]
    assert grid.cell(Box(60, 125, 80, 135)) == (1, 0)
    assert grid.cell(Box(250, 145, 280, 155)) == (2, 2)


def test_boxes_of_a_diagram_and_a_box_round_a_text_are_no_table() -> None:
    """Two boxes of a flowchart joined by an arrow, a frame round an abstract, the rules
    parting a page's columns and parts, or a chart's thousands of strokes rule no cells."""
    from bantin.pdf.rules import ruled_tables

    frame = [_rule(50, 100, 300, 200, rectangle=True)]
    chart = [
        _rule(100, 300, 200, 340, rectangle=True),
        _rule(150, 340, 150.5, 380),  # the arrow
        _rule(60, 380, 260, 420, rectangle=True),
        _rule(60, 400, 260, 400.5),  # a rule inside the lower box
    ]
    page = [_rule(40, y, 555, y + 1) for y in (40, 400, 800)] + [_rule(297, 40, 298, 800)]
    assert ruled_tables(((595, 842), page)) == []  # type: ignore[arg-type]
    assert ruled_tables(((595, 842), frame)) == []  # type: ignore[arg-type]
    curve = [_rule(50 + i % 400, 300 + i // 400, 56 + i % 400, 301 + i // 400) for i in range(4000)]
    assert ruled_tables(((595, 842), [*curve, *page])) == []  # type: ignore[list-item]
    assert ruled_tables(((595, 842), chart)) == []  # type: ignore[arg-type]


def test_two_tables_one_over_the_other_are_two_grids() -> None:
    """Measured on a real page: rules drawn row by row are joined into one rule, but two
    tables whose sides stand at nearly the same x, one far under the other, stayed apart."""
    from bantin.pdf.rules import ruled_tables

    def table(top: float, left: float) -> list[object]:
        across = [_rule(left, top + 20 * i, 300, top + 20 * i + 0.5) for i in range(4)]
        down = [
            _rule(x, top + 20 * i, x + 0.5, top + 20 * (i + 1))  # one piece per row
            for x in (left, 150, 300)
            for i in range(3)
        ]
        return [*across, *down]

    grids = ruled_tables(((595, 842), [*table(100, 51.6), *table(400, 50.7)]))  # type: ignore[list-item]
    assert [(round(g.box.y0), round(g.box.y1)) for g in grids] == [(100, 160), (400, 460)]


def test_a_superscript_set_apart_in_a_ruled_cell_stays_with_its_figure() -> None:
    """Measured on a real table: poppler set the letters of significance ("22,5ᵃ") as lines
    of their own over their figures, and the cells read "a 22,5"."""
    from bantin.pdf.reading import Para
    from bantin.pdf.rules import Grid
    from bantin.pdf.tables import grid_text

    down = tuple(Box(x, 100, x, 140) for x in (50.0, 150.0, 250.0))
    across = tuple(Box(50, y, 250, y) for y in (100.0, 120.0, 140.0))
    grid = Grid(Box(50, 100, 250, 140), (100.0, 120.0, 140.0), (50.0, 150.0, 250.0), down, across)
    head = [line("Giống", 55, 104), line("Chiều cao", 155, 104)]
    figure, mark = line("22,5", 155, 125), line("a", 179.2, 121, size=7.0)
    cells = [Para(head[:1], 1), Para(head[1:], 1), Para([line("CT1", 55, 125)], 1)]
    cells += [Para([mark], 1), Para([figure], 1)]
    for cell in cells:
        cell.grid = grid
    assert grid_text(cells) == "Giống | Chiều cao\nCT1 | 22,5a"


def test_a_column_of_short_list_items_keeps_the_issues_column_edge() -> None:
    """Measured on a real article: a page whose left column held mostly short list items
    was found a column ending where the items end; the sentence going on at its top from the
    page before fell outside it and, level with a paragraph's last line atop the right
    column, was read as a row of a table."""
    pages = [page(n, body_lines(60, 40), body_lines(60, 40, x=320)) for n in range(1, 5)]
    going_on = [line(RUNNING, 50, 60), line("(TensionLoadcell).", 50, 75)]
    items = [[line(f"- Phân loại theo hình dạng số {n}", 50, 100 + 15 * n)] for n in range(12)]
    right = [line("trình PLC.", 320, 60)]
    last = page(5, going_on, *items, right, body_lines(80, 30, x=320))
    columns = document_columns([*pages, last], BODY)
    assert [(round(c.left), round(c.right)) for c in columns[5]] == [
        (round(c.left), round(c.right)) for c in columns[1]
    ]
    role = {para.text: para.role for para in after_two_column_pages(last) if para.page == 5}
    assert role[f"{RUNNING} (TensionLoadcell)."] != TABLE
    assert role["trình PLC."] != TABLE


def test_a_paragraphs_last_line_level_with_a_tables_row_is_no_cell() -> None:
    """Measured on a real article: lines of running text set wide apart came out one
    paragraph each; the last, "tăng.", stood level with a row of the table in the next
    column and was read as one of its cells."""
    rows = [(str(2006 + n), f"{9.1 + n:.4f}") for n in range(14)]
    text = [[line(RUNNING, 320, 100 + 20 * n)] for n in range(4)]
    last = page(
        5,
        *cells(rows, (60, 160), 100),
        *text,
        [line("tăng.", 320, 172)],  # level with the fifth row
        [line("5.2. Kết quả hồi quy", 320, 210, bold=True)],
        body_lines(230, 20, x=320),
    )
    paras = after_two_column_pages(last)
    assert {p.text: p.role for p in paras if p.page == 5}["tăng."] != TABLE
    texts = [block.text for block in body_blocks(paras)]
    assert any(text.endswith(" ".join([RUNNING] * 4 + ["tăng."])) for text in texts)


def test_a_tables_unit_line_holds_no_paragraph_apart() -> None:
    """Measured on a real article: "Đơn vị tính: triệu đồng" over a table was read as a
    heading, and the sentence broken from the left column's foot to the right column's,
    under the table, was cut in two around it."""
    rows = [(f"Kinh tế nhóm {n}", f"{3.5 + n:.3f}") for n in range(6)]
    last = page(
        5,
        body_lines(40, 3),
        body_lines(40, 3, x=320),
        [line("Bảng 2. Tiền thưởng bình quân của người lao động theo năm", 120, 100, 10, True)],
        [line("Đơn vị tính: triệu đồng", 430, 118, 10)],
        *cells(rows, (60, 340), 140),
        [line("Nguồn: Bộ Lao động, Thương binh và Xã hội", 360, 250, 10)],
        body_lines(280, 4),
        [
            line("nghiệp lựa chọn là phụ cấp nhà ở và phụ cấp.", 320, 280),
            *body_lines(295, 3, x=320),
        ],
    )
    texts = [block.text for block in body_blocks(after_two_column_pages(last))]
    going_on = next(text for text in texts if "nghiệp lựa chọn là" in text)
    assert f"{RUNNING} nghiệp lựa chọn là phụ cấp nhà ở" in going_on


def test_a_wrapped_line_opening_with_a_number_stays_in_a_bracket_numbered_reference() -> None:
    """Measured on an unseen article: in a list numbered "[1]", "[2]" (each number a line of
    its own, left of the hanging indent), a reference's last line wrapped at its volume's
    number ("4. Tr. 155–163.") and was cut off as an item of its own; a list numbers its
    items one way, so a number written another way is the item's text."""
    lines = [
        line("[1]", 70.9, 341.9, 8.3),
        line("Lê Văn A, Trần B. Tối ưu thuật toán chuyển mạch trong nghịch lưu", 99.3, 340.3, 10),
        line("ba pha. Tạp chí Khoa học Kỹ thuật, 2016, Tập 23, Số 3, Tr. 12–20.", 99.3, 353.2, 10),
        line("[2]", 70.9, 374.0, 8.3),
        line("Lê Văn A, Trần B. Điều chế véc tơ không gian loại bỏ dòng trùng", 99.3, 372.3, 10),
        line("dẫn trong nghịch lưu. Tạp chí Khoa học Kỹ thuật, 2017, Tập 24, Số", 99.3, 385.3, 10),
        line("4. Tr. 155–163.", 99.3, 398.2, 10),
        line("[3]", 70.9, 418.9, 8.3),
        line("Phạm Văn C. Điều khiển số truyền động điện. Nhà xuất bản D, 2012.", 99.3, 417.2, 10),
    ]
    items = reference_items([Para(lines, 8)])
    assert len(items) == 3
    assert items[1].endswith("Tập 24, Số 4. Tr. 155–163.")


def test_a_references_heading_in_the_singular_opens_the_references() -> None:
    """Measured on a real article: under "REFERENCE", the items' numbers set apart ("[1]")
    were taken for figures and the lines their entries wrap onto for equations."""
    items = [
        (
            "Richard Day & Julian Bamford (2002). Top ten principles for teaching",
            "language, 14(2), 136-141.",
        ),
        ("Claire Ikumi Hitosugi & Richard Day (2004). Extensive reading in", "16(1), 20-30."),
    ]
    blocks = [[line(f"[{n}]", 50, 300 + 40 * n, 10)] for n in range(1, 3)]
    blocks += [
        [line(first, 80, 300 + 40 * n, 10), line(second, 80, 313 + 40 * n, 10)]
        for n, (first, second) in enumerate(items, 1)
    ]
    sheet = page(1, body_lines(60, 14), [line("REFERENCE", 250, 290, 12, bold=True)], *blocks)
    paras = labelled(sheet)
    found = [b.text for b in body_blocks(paras) if b.kind.name == "REFERENCE"]
    assert found == [f"{first} {second}" for first, second in items]
    # an entry's first line given in two pieces (a wide justified gap), the second first
    first, gap = items[1][0].rsplit(" ", 2)[0], " ".join(items[1][0].split()[-2:])
    piece = line(first, 80, 380, 10)
    pieces = [[line(gap, piece.box.x1 + 25, 380, 10)], [line("[2]", 50, 380, 10)], [piece]]
    shuffled = [blocks[0], pieces[0], blocks[2], pieces[1], pieces[2], [blocks[3][1]]]
    sheet = page(1, body_lines(60, 14), [line("REFERENCE", 250, 290, 12, bold=True)], *shuffled)
    found = [b.text for b in body_blocks(labelled(sheet)) if b.kind.name == "REFERENCE"]
    assert found == [f"{first} {second}" for first, second in items]
    # a paragraph of lines beside an entry (a table's cell) is no piece of its line
    cell = [line("mức từ hoàn toàn", 400, 340, 10), line("không đồng ý", 400, 353, 10)]
    sheet = page(1, body_lines(60, 14), [line("REFERENCE", 250, 290, 12, bold=True)], *blocks, cell)
    found = [b.text for b in body_blocks(labelled(sheet)) if b.kind.name == "REFERENCE"]
    assert found[0] == f"{items[0][0]} {items[0][1]}"
    # an entry that prints its number again beside the number set apart keeps one of them
    blocks[2][0] = line(f"[1] {items[0][0]}", 80, 340, 10)
    sheet = page(1, body_lines(60, 14), [line("REFERENCE", 250, 290, 12, bold=True)], *blocks)
    found = [b.text for b in body_blocks(labelled(sheet)) if b.kind.name == "REFERENCE"]
    assert found == [f"{first} {second}" for first, second in items]


def test_a_sentence_over_a_tables_caption_is_no_part_of_the_table() -> None:
    """Measured on a real article: the end of a sentence atop the right column, over
    "Bảng 6" whose table opens with a bold header, and a short sentence over "Bảng 7", were
    taken for the tables' rows."""
    values = [("LIA", "1.535"), ("LIB", "1.366"), ("LID", "1.145")]
    last = page(
        5,
        body_lines(60, 10),
        [line("phân tích hồi quy là phù hợp.", 320, 60)],
        [line("Bảng 6. Bảng kết quả kiểm tra đa cộng tuyến", 335, 80, 10, True)],
        [line("(Constant)", 350, 100, bold=True)],
        [line("VIF", 480, 100, bold=True)],
        *cells(values, (330, 500), 120),
        [line("Kết quả hồi qui: Xem bảng 7.", 320, 200)],
        [line("Bảng 7. Kết quả hồi qui", 250, 230, 10, True)],
        *cells([(f"Bước {n}", f"{290 + n}") for n in range(3)], (60, 330), 260),
    )
    role = {p.text: p.role for p in after_two_column_pages(last) if p.page == 5}
    assert role["phân tích hồi quy là phù hợp."] != TABLE
    assert role["Kết quả hồi qui: Xem bảng 7."] != TABLE


def test_the_name_beside_a_contact_label_is_the_contacts_not_the_last_reference() -> None:
    """Measured on a real article: the author's name set level with "Thông tin liên hệ:" on
    its right came before the label in poppler's order and ended the last reference."""
    sheet = page(
        1,
        body_lines(60, 14),
        [line("TÀI LIỆU THAM KHẢO", 250, 290, 12, bold=True)],
        [line("[1] Richard Day (2002). Top ten principles for teaching.", 50, 320, 10)],
        [line("[2] Claire Hitosugi (2004). Extensive reading in Japanese.", 50, 340, 10)],
        [line("Nguyễn Thị Thanh Hà", 160, 398, bold=True)],
        [line("Thông tin liên hệ:", 60, 400, 10)],
        [line("Điện thoại: 092 162 8666 - Email: ha@uneti.edu.vn", 160, 415, 10)],
    )
    paras = labelled(sheet)
    references = [b.text for b in body_blocks(paras) if b.kind.name == "REFERENCE"]
    assert references[-1] == "Claire Hitosugi (2004). Extensive reading in Japanese."


def test_a_heading_in_bold_capitals_after_the_references_ends_them() -> None:
    """Measured on an unseen article: a questionnaire set after the references under "SURVEY
    QUESTIONAIRES" in bold capitals (its subtitle, its lead-in, its questions) became the
    references' items, the title and lead-in run into the last one. A heading in bold
    capitals ends the references, as an appendix's does."""
    sheet = page(
        1,
        body_lines(60, 14),
        [line("TÀI LIỆU THAM KHẢO", 250, 290, 12, bold=True)],
        [line("[1] Richard Day (2002). Top ten principles for teaching.", 50, 320, 10)],
        [line("[2] Claire Hitosugi (2004). Extensive reading in Japanese.", 50, 340, 10)],
        [line("SURVEY QUESTIONAIRES", 243, 400, 11, bold=True)],
        [line("We are from the Practical Language Group of the faculty.", 50, 420)],
        body_lines(436, 3),
    )
    blocks = body_blocks(labelled(sheet))
    references = [b.text for b in blocks if b.kind.name == "REFERENCE"]
    assert references[-1] == "Claire Hitosugi (2004). Extensive reading in Japanese.", references
    assert ("HEADING", "SURVEY QUESTIONAIRES") in [(b.kind.name, b.text) for b in blocks]
    # a heading of the references' own, over references, keeps them going
    sheet = page(
        1,
        body_lines(60, 14),
        [line("TÀI LIỆU THAM KHẢO", 250, 290, 12, bold=True)],
        [line("[1] Nguyễn Văn An (2002). Quản trị doanh nghiệp.", 50, 320, 10)],
        [line("TIẾNG ANH", 60, 340, 11, bold=True)],
        [line("[2] Claire Hitosugi (2004). Extensive reading in Japanese.", 50, 360, 10)],
    )
    references = [b.text for b in body_blocks(labelled(sheet)) if b.kind.name == "REFERENCE"]
    assert references[-1] == "Claire Hitosugi (2004). Extensive reading in Japanese.", references


def test_abstracts_set_after_the_references_are_the_articles_abstracts() -> None:
    """Measured on a real article of an older layout: "TÓM TẮT" and "SUMMARY" in bold
    capitals after the references, each over its abstract, were read as the last
    reference's words (and, once a heading in capitals ended the references, as headings
    over paragraphs): an article with no abstract at its head has them at its end."""
    vietnamese = "Chủ nghĩa cá nhân là một nguyên nhân có tác hại đối với cá nhân."
    english = "Egoism in various forms is a barrier to the successful development."
    sheet = page(
        1,
        body_lines(60, 14),
        [line("TÀI LIỆU THAM KHẢO", 250, 290, 12, bold=True)],
        [line("1. Hồ Chí Minh, Toàn tập, NXB CTQG, HN 1995, T9", 50, 320, 10)],
        [line("TÓM TẮT", 270, 350, 11, bold=True)],
        [line(vietnamese, 50, 370)],
        [line("SUMMARY", 270, 400, 11, bold=True)],
        [line(english, 50, 420)],
    )
    paras = labelled(sheet)
    front = front_of(paras)
    assert (front.abstract, front.abstract_en) == (vietnamese, english), [
        (p.role, p.text) for p in paras
    ]
    references = [b.text for b in body_blocks(paras) if b.kind.name == "REFERENCE"]
    assert references == ["Hồ Chí Minh, Toàn tập, NXB CTQG, HN 1995, T9"], references


def test_a_formulas_piece_under_a_full_line_does_not_go_on_with_it() -> None:
    """Measured on a real article: a line cut by an inline formula ("sẽ hội tụ khi",
    "pg = pdata ⇔ D(x) =", "1/2") gave pieces starting further in; the formula's piece is no
    rest of the sentence above it, whose next line comes after the formula's."""
    sheet = page(
        1,
        body_lines(60, 6),
        [line("pg = pdata ⇔ D( x) =", 150, 149)],
        [line("sẽ hội tụ khi", 50, 155)],
        [line("1", 262, 150, 9)],
        [line("⇔ D", 280, 152)],
        [line("không thể phân biệt được 1 sample là thật hay giả.", 50, 175)],
        body_lines(195, 6),
    )
    texts = [block.text for block in body_blocks(labelled(sheet))]
    assert not any(f"{RUNNING} pg = pdata" in text for text in texts)


def test_a_footnote_with_its_mark_raised_apart_under_one_column_is_a_footnote() -> None:
    """Measured on a real article: a note under the left column, its mark "4" raised and
    given apart, was read as a figure and a paragraph of text, cutting in two the sentence
    that goes on from the foot of the column to the top of the next; the right column's text
    runs lower than the note."""
    left = body_lines(60, 40)
    mark = line("4", 50, 668, 7)
    note = line("Tỉnh ủy - UBND tỉnh Quảng Ninh, Địa chí, 2003.", 55, 670, 9)
    right = [
        line("cập giáo dục, đẩy mạnh nâng cao chất lượng", 320, 60),
        *body_lines(75, 44, x=320),
    ]
    paras = after_two_column_pages(page(4, left, [mark], [note], right))
    notes = [p for p in paras if p.role == FOOTNOTE]
    assert [p.text for p in notes] == [f"4 {note.text}"]
    texts = [block.text for block in body_blocks(paras)]
    assert any(f"{RUNNING} cập giáo dục" in text for text in texts)


def test_a_picture_across_both_columns_cuts_the_page_in_bands() -> None:
    """Measured on a real article: a chart set as one picture across both columns, with no
    text of its own, left the text under it read as the end of the left column above it,
    cutting in two the sentence going on from the left column's foot to the right's top."""
    sheet = page(
        1,
        body_lines(60, 20),
        [line("Đối với các khoản vay đầu tư dự án thông", 50, 520), *body_lines(535, 3)],
        [line("phải thu, hàng tồn kho, tài sản cố định", 320, 60), *body_lines(75, 19, x=320)],
        [line("rủi ro đối với các ngân hàng cao hơn các", 320, 520), *body_lines(535, 3, x=320)],
    )
    sheet.images.append(Box(81, 380, 514, 500))
    order = [para.text for para in paragraphs(sheet, BODY)]
    starts = [
        next(i for i, text in enumerate(order) if text.startswith(s))
        for s in ("phải thu", "Đối với các khoản", "rủi ro")
    ]
    assert starts == sorted(starts)


def test_a_tables_unit_under_its_caption_leaves_the_line_over_the_caption_alone() -> None:
    """Measured on a real article: "Đơn vị: triệu người" under "Bảng 2" stopped the caption
    from taking the rows under it, and it took the list item over it instead."""
    rows = [(f"Năm {2016 + n}", f"{20 + n}") for n in range(5)]
    sheet = page(
        1,
        body_lines(60, 6),
        [line("• Xét về quy mô giao dịch", 50, 150)],
        [line("Bảng 2. Số lượng khách hàng đăng kí sử dụng dịch vụ", 60, 168, 10, True)],
        [line("Đơn vị: triệu người", 200, 183, 10)],
        *cells(rows, (60, 200), 200),
        [line("(Nguồn: Phòng Kế toán của công ty)", 150, 292, 10)],
        [line("• Xử lý thông tin thực hiện", 50, 308)],
        body_lines(325, 6),
    )
    role = {p.text: p.role for p in labelled(sheet)}
    assert role["• Xét về quy mô giao dịch"] != TABLE
    assert role["Năm 2016"] == TABLE and role["20"] == TABLE
    assert role["• Xử lý thông tin thực hiện"] != TABLE  # under the source's note


def test_a_small_figure_beside_running_text_is_no_notes_mark() -> None:
    """Measured on real articles: a table's cell ("40") at the edge of one column, and the
    "2" of a formula, each smaller and set a little higher than the running text beside
    them, opened that text as if they were notes' marks."""
    cell = line("40", 280, 98, 9)
    text = [
        line("Đường thải của động cơ D243 lắp trên máy kéo", 300, 100),
        *body_lines(115, 3, 300),
    ]
    sheet = page(1, body_lines(40, 3), [cell], text)
    texts = [para.text for para in labelled(sheet)]
    assert not any(text.startswith("40 Đường") for text in texts)


def test_a_notes_mark_lower_than_the_notes_accents_still_opens_it() -> None:
    """Measured on a real article: the mark "1" stood above the note's baseline but its top
    under the top of the note's accented letters; the note stayed a paragraph of text."""
    note = line("Ellen MacArthur Foundation, báo cáo số 1 năm 2019.", 327, 733, 10)
    sheet = page(1, body_lines(60, 40), [line("1", 319, 734.5, 6.3)], [note])
    notes = [p.text for p in labelled(sheet) if p.role == FOOTNOTE]
    assert notes == [f"1 {note.text}"]


def test_a_tables_last_figure_over_a_numbered_heading_is_no_notes_mark() -> None:
    """Measured on a real article: a table's last figure ("19"), set a little higher than
    the numbered heading beside it, opened the heading as if it were a note's mark."""
    heading = line("4.3.1. Đánh giá các yếu tố khách du lịch quan tâm", 50, 300, 11, bold=True)
    sheet = page(1, body_lines(60, 14), [line("19", 30, 299, 8)], [heading], body_lines(320, 6))
    texts = [para.text for para in labelled(sheet)]
    assert heading.text in texts


def test_a_table_across_both_columns_is_read_row_by_row_before_the_text_under_it() -> None:
    """Measured on a real article: a table of six columns set across the page's two columns,
    without a caption, left the sentence broken from the left column's top to the right's
    ("... vốn kinh" / "doanh.") read after the text under the table."""
    header = ("Biến lớn", "Biến nhỏ", "Biến", "GT", "PT thống kê", "PT hồi quy")
    rows = [(f"Nhóm {n}", f"Tỷ lệ {n}", f"X{n}", "+", "Chưa rõ", "Có") for n in range(5)]
    sheet = page(
        1,
        [*body_lines(60, 10)[:-1], line("hệ tỷ lệ nghịch với hiệu quả vốn kinh", 50, 195)],
        [line("doanh.", 320, 60), *body_lines(80, 9, x=320)],
        *cells([header], (60, 150, 292, 380, 420, 480), 230),  # "Biến" over the gutter
        *cells(rows, (60, 150, 322, 380, 420, 480), 248),
        [line("Kết quả đạt được", 50, 360, bold=True)],
        body_lines(380, 8),
        [line("Một số hạn chế", 320, 360, bold=True)],
        body_lines(380, 8, x=320),
    )
    order = [para.text for para in paragraphs(sheet, BODY)]
    assert order.index("doanh.") < order.index("Biến lớn") < order.index("Kết quả đạt được")
    assert order.index("X4") < order.index("Kết quả đạt được")  # the rows under it too
    first_row = [order.index(text) for text in header]
    assert first_row == list(range(first_row[0], first_row[0] + len(header)))
    # two tables side by side, one in each column, are read column by column
    left = cells([("Ký hiệu", "Tên biến"), ("TAX", "Tax")], (60, 150), 60)
    right = cells(
        [("Tên biến", "Trung bình", "Lớn nhất"), ("LIQ", "2.644", "45.08")], (330, 400, 480), 60
    )
    sheet = page(1, *left, body_lines(100, 20), *right, body_lines(100, 20, x=320))
    order = [para.text for para in paragraphs(sheet, BODY)]
    text = next(index for index, para in enumerate(order) if para.startswith(RUNNING))
    assert order.index("Tax") < text < order.index("Trung bình")


def test_a_column_opening_a_little_higher_under_a_table_across_is_read_after_the_left() -> None:
    """Measured on a real article: under a table set across the page, the right column's
    first line stood 3 points higher than the left column's; read in the table's band, the
    rest of the left column's last sentence ("Cứ sau" / "10 phút chúng tôi ...") came before
    the whole left column."""
    header = ("Stt", "Tên thiết bị", "10 cm", "20 cm", "30 cm", "40 cm")
    rows = [(f"{n}", f"Thiết bị {n}", "0,50", "0,29", "0,18", "0,11") for n in range(5)]
    sheet = page(
        1,
        *cells([header], (60, 150, 292, 380, 420, 480), 60),
        *cells(rows, (60, 150, 322, 380, 420, 480), 78),
        [line("Kết quả khảo sát trên các thiết bị cho thấy công", 50, 170), *body_lines(185, 8)],
        [line("sau mỗi lần chiếu. Cứ sau", 50, 305)],
        [line("10 phút chúng tôi lại quan sát và ghi nhận.", 320, 165), *body_lines(180, 8, x=320)],
    )
    order = [para.text for para in paragraphs(sheet, BODY)]
    left = next(i for i, text in enumerate(order) if text.startswith("Kết quả khảo sát"))
    right = next(i for i, text in enumerate(order) if text.startswith("10 phút"))
    assert order.index("0,11") < left < right, order


def test_a_last_page_with_a_figure_alone_in_one_column_reads_by_the_issues_columns() -> None:
    """Measured on a real article: on the last page the left column held a figure and its
    caption only, the right one the conclusion, references across the page under both; the
    page was read as one column and the figure went after the conclusion's heading, into
    the conclusion."""
    sheet = page(
        4,
        [line("4. KẾT LUẬN", 320, 91, 11, bold=True)],
        [
            line("Kết quả nghiên cứu thực nghiệm cho thấy rằng", 320, 112),
            *body_lines(127, 13, x=320),
        ],
        [line("Hình 6. Ảnh hưởng của phun mồi đến độ rung", 60, 309, 9, bold=True)],
        [line("TÀI LIỆU THAM KHẢO", 225, 355, 12, bold=True)],
        *[
            [
                line(
                    f"[{n}] Nguyễn Văn A, Tên bài báo số {n} trên tạp chí khoa học",
                    60,
                    389 + 20 * n,
                    9,
                )
            ]
            for n in range(1, 6)
        ],
    )
    order = [para.text for para in after_two_column_pages(sheet) if para.page == 4]
    figure = next(i for i, text in enumerate(order) if text.startswith("Hình 6."))
    assert figure < order.index("4. KẾT LUẬN"), order


def test_the_pieces_of_a_display_formula_are_one_equation_not_tables_and_paragraphs() -> None:
    """Measured on real articles: a formula an equation editor left as text (the numerator
    raised over "GT =", the denominator under it, the unit and the number at the margin) came
    out as a small table, a paragraph "Q.ρ nl t" and an equation "(4)"; the denominator of the
    next formula ("Sc") was a paragraph of its own."""
    sheet = page(
        1,
        body_lines(60, 6),
        [line("Phương trình tiêu hao nhiên liệu của ô tô GT [1].", 50, 160)],
        [line("Q.ρ nl", 100, 178)],
        [line("GT =", 60, 186)],
        [line("(kg/h)", 160, 186)],
        [line("t", 112, 194)],
        [line("(4)", 300, 186)],
        [line("Mức tiêu hao nhiên liệu cho một đơn vị quãng đường chạy qd:", 50, 214)],
        [line("Q", 112, 232)],
        [line("qd = 100.", 60, 240)],
        [line("(lit/100km)", 160, 240)],
        [line("(5)", 300, 240)],
        [line("Sc", 112, 248)],
        [line("Suy ra lượng tiêu hao nhiên liệu:", 50, 268)],
        body_lines(290, 6),
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    assert [kind for kind, _ in kinds] == [
        "PARAGRAPH",
        "EQUATION",
        "PARAGRAPH",
        "EQUATION",
        "PARAGRAPH",
        "PARAGRAPH",
    ], kinds
    assert kinds[1][1] == "Q.ρ nl\nGT = (kg/h) (4)\nt", kinds
    assert kinds[3][1] == "Q\nqd = 100. (lit/100km) (5)\nSc", kinds


def test_a_tables_row_with_a_formula_stays_in_its_table() -> None:
    """A row of a captioned table that reads like a formula ("R2 = | 0,85") is no equation."""
    sheet = page(
        1,
        body_lines(60, 6),
        [line("Bảng 1. Kết quả ước lượng mô hình", 80, 160)],
        *cells([("Chỉ tiêu", "Giá trị"), ("Hệ số", "0,12"), ("R2 =", "0,85")], (60, 200), 190),
        body_lines(260, 6),
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    tables = [text for kind, text in kinds if kind == "TABLE"]
    assert tables == ["Chỉ tiêu | Giá trị\nHệ số | 0,12\nR2 = | 0,85"], kinds
    assert "EQUATION" not in [kind for kind, _ in kinds], kinds


def test_a_formula_set_within_a_line_of_text_leaves_the_sentence_whole() -> None:
    """Measured on a real article: pieces of a formula set in a sentence ("ví dụ tính Δ1P,
    do nhân ...") became an equation that cut the paragraph in two; set within the line of
    the text around them, they stay apart from it and the sentence goes on past them."""
    sheet = page(
        1,
        [
            line("Khi hệ có bậc siêu tĩnh lớn, việc tính các đại lượng", 50, 160),
            line("khá phức tạp, ví dụ tính , do nhân biểu đồ thực hiện", 50, 175),
        ],
        [line("Δ = ∑ ∫", 180, 173)],
        [line("EJ", 230, 178)],
        [line("trên suốt chiều dài dầm nên khối lượng tính lớn.", 50, 190)],
        body_lines(220, 6),
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    paragraphs = [text for kind, text in kinds if kind == "PARAGRAPH"]
    assert any("ví dụ tính , do nhân biểu đồ thực hiện trên suốt" in text for text in paragraphs)


def marks_joined(words: list[Word]) -> list[str]:
    """The words of one line of `words` once the page's marks are joined."""
    sheet = page(1, [Line(words, union_of([w.box for w in words]))], body_lines(300, 10))
    join_marks(sheet)
    return [word.text for word in sheet.lines[0].words]


def test_a_raised_o_poppler_set_in_its_line_after_a_figure_is_the_degree_sign() -> None:
    """Measured on a real article: "ở 10" + a raised "o" in small type + "C." stood in one
    line; the text read "10oC." (a raised "o" level with the line is no degree). On unseen
    articles, "−30±2" + a raised "o" + "C" read "−30±2oC" (the "±" stands taller than the "o",
    whose top is lower than the word's before it), and "20° ≤ 2θ ≤ 70o" the same: a raised
    "o" is one whose bottom stands well above the line's, as a power's does."""
    style, small = Style("Times New Roman", 12), Style("Times New Roman", 7)
    words = [
        Word("ở", Box(440, 247, 450, 259), style),
        Word("10", Box(453, 247, 465, 259), style),
        Word("o", Box(465, 246, 469, 252), small),
        Word("C.", Box(469, 247, 481, 259), style),
        Word("và", Box(484, 247, 496, 259), style),
        Word("o", Box(499, 250, 506, 259), style),
        Word("ở", Box(509, 247, 519, 259), style),
        Word("o", Box(520, 246, 524, 252), small),
        Word("C", Box(524, 247, 532, 259), style),
    ]
    assert marks_joined(words) == ["ở", "10", "°", "C.", "và", "o", "ở", "°", "C"]
    tall = [
        Word("độ", Box(432.7, 151.4, 444.7, 164.7), style),
        Word("−30±2", Box(450.5, 150.1, 481.6, 164.7), style),
        Word("o", Box(481.7, 152.1, 485.7, 159.3), Style("Times New Roman", 8)),
        Word("C", Box(485.6, 153.9, 493.6, 164.7), style),
    ]
    assert marks_joined(tall) == ["độ", "−30±2", "°", "C"]


def test_a_raised_mark_poppler_set_apart_inside_a_line_goes_back_where_it_stands() -> None:
    """Measured on a real article: the raised "o" of "160 oC" in a caption's second line
    stood as a line of its own; it was dropped from the text and, read between the caption's
    two lines, kept the second ("bằng phương pháp thủy nhiệt ở 160 C/8 giờ") out of the
    caption, a paragraph of its own. A footnote's mark inside a line goes back in too."""
    caption = line("Hình 2. Ảnh phổ FT-IR của TiO2 tổng hợp", 330, 535, 9)
    second = Line(
        [
            Word("bằng", Box(323.5, 546, 345.0, 556), Style("Times New Roman", 9)),
            Word("160", Box(463.3, 546, 478.4, 556), Style("Times New Roman", 9)),
            Word("C/8", Box(482.0, 546, 496.0, 556), Style("Times New Roman", 9)),
            Word("giờ", Box(498.6, 546, 513.0, 556), Style("Times New Roman", 9)),
        ],
        Box(323.5, 546, 513.0, 556),
    )
    degree = Line(
        [Word("o", Box(478.3, 545.1, 482.0, 550.7), Style("Times New Roman", 5.5))],
        Box(478.3, 545.1, 482.0, 550.7),
    )
    noted = line("theo lý thuyết của Luthans và các cộng sự", 50, 400)
    mark = Line(
        [Word("1", Box(129.3, 399.0, 131.2, 405.0), Style("Times New Roman", 7))],
        Box(129.3, 399.0, 131.2, 405.0),
    )
    sheet = page(1, [caption, degree, second], [noted], [mark], body_lines(600, 10))
    join_marks(sheet)
    texts_ = [ln.text for ln in sheet.lines]
    assert "bằng 160°C/8 giờ" in texts_, texts_  # the raised "o" is the degree sign
    assert "o" not in texts_ and "1" not in texts_, texts_
    assert any(text.startswith("theo lý thuyết1 của") for text in texts_), texts_


def test_a_phrase_ending_its_column_over_a_band_across_the_page_opens_a_paragraph() -> None:
    """Measured on a real article: "Nghiên cứu này được thực hiện trong khuôn" (italic)
    ended the left column above "TÀI LIỆU THAM KHẢO", set across both columns, and "khổ đề
    tài cấp Bộ..." opened the right column; the references under the band stand in the left
    column too, so the phrase was taken for a heading over a paragraph in small letters. A
    heading ending its column ("PHỤ LỤC") stays one."""
    italic = Style("Times New Roman,Italic", 12.0, italic=True)

    def slanted(text: str, x: float, y: float) -> Line:
        plain = line(text, x, y)
        return Line([Word(w.text, w.box, italic) for w in plain.words], plain.box)

    sheet = page(
        1,
        [line("TIÊU ĐỀ CỦA MỘT BÀI BÁO KHOA HỌC", 100, 40, 18, bold=True)],
        body_lines(80, 6),
        [line("LỜI CẢM ƠN", 50, 180, bold=True)],
        [slanted("Nghiên cứu này được thực hiện trong khuôn", 61, 200)],
        [
            slanted("khổ đề tài cấp Bộ Khoa học và Công nghệ năm", 320, 80),
            slanted("2021-2023 của Trường Đại học Kinh tế.", 320, 95),
        ],
        [line("TÀI LIỆU THAM KHẢO", 240, 240, bold=True)],
        [line("[1] H. Q. Luc, Report on shrimp sector in 2016-2021.", 50, 265, 9)],
        [line("[2] P. Barman, Application of the methods, 2019.", 50, 280, 9)],
    )
    blocks = body_blocks(labelled(sheet))
    headings = [b.text for b in blocks if b.kind.name == "HEADING"]
    assert "Nghiên cứu này được thực hiện trong khuôn" not in headings, headings
    assert any(
        b.text.startswith("Nghiên cứu này được thực hiện trong khuôn khổ đề tài") for b in blocks
    ), [(b.kind.name, b.text) for b in blocks]
    appendix = page(
        1,
        [line("TIÊU ĐỀ CỦA MỘT BÀI BÁO KHOA HỌC", 100, 40, 18, bold=True)],
        body_lines(80, 6),
        [line("PHỤ LỤC", 50, 200, bold=True)],
        [line("đạt tương đối cao (20,48±0,15 g/L).", 320, 80), *body_lines(110, 4, 320)],
        [line("TÀI LIỆU THAM KHẢO", 240, 240, bold=True)],
        [line("[1] H. Q. Luc, Report on shrimp sector in 2016-2021.", 50, 265, 9)],
    )
    headings = [b.text for b in body_blocks(labelled(appendix)) if b.kind.name == "HEADING"]
    assert "PHỤ LỤC" in headings, headings


def test_a_line_of_figures_and_units_inside_a_sentence_stays_in_its_paragraph() -> None:
    """Measured on a real article, whose lines poppler gave one block each: "rev/min, S =
    0,065 mm/rev, t = 0,3 mm)", a full line of the sentence, was read as an equation and
    cut the paragraph in three; "(DCMT11T302 của hãng Mitsubishi)," right under a full line
    opened a paragraph of its own."""
    lines = [
        "Nhóm tác giả đã lựa chọn ra bộ thông số chế",
        "độ cắt hợp lý (Vc = 150 m/min, n = 1940 vòng",
        "rev/min, S = 0,065 mm/rev, t = 0,3 mm) có",
        "ảnh hưởng tới độ nhám bề mặt khi tiện tinh",
        "thép hợp kim 9XC bằng dao tiện phủ TiN loại",
        "(DCMT11T302 của hãng Mitsubishi), trên máy.",
    ]
    blocks = [[justified(text, 200 + 19 * n)] for n, text in enumerate(lines[:-1])]
    sheet = page(1, body_lines(60, 8), *blocks, [line(lines[-1], 50, 295)], body_lines(330, 8))
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    assert "EQUATION" not in [kind for kind, _ in kinds], kinds
    assert any(
        text.startswith("Nhóm tác giả") and text.endswith("trên máy.") for _, text in kinds
    ), kinds


def test_lines_of_text_poppler_set_apart_under_a_table_are_no_rows_of_it() -> None:
    """Measured on a real article whose every line is a block of its own: the caption
    "Bảng 5" took the twelve lines of the two paragraphs under its table as rows (a one-line
    paragraph was never running text); a line across its column, nearly all words, is."""
    lines = [
        "Từ bảng 5 nhóm tác giả xử lý, kết quả",
        "ANOVA cho thấy trị thống kê F của mô hình",
        "với mức ý nghĩa một phần trăm cho thấy mô",
        "hình hồi quy tuyến tính bội phù hợp với dữ",
        "liệu, các biến độc lập có quan hệ với biến.",
    ]
    sheet = page(
        1,
        [*body_lines(60, 4), line("và câu văn kết thúc ở đây.", 50, 120)],
        [line("Bảng 5. Kết quả hồi quy", 120, 135, 9, bold=True)],
        *cells(
            [("Biến", "Hệ số", "Sig."), ("GD", "0,626", "0,000"), ("CD", "0,012", "0,870")],
            (60, 150, 230),
            150,
        ),
        *[[justified(text, 220 + 19 * n)] for n, text in enumerate(lines[:-1])],
        [line(lines[-1], 50, 220 + 19 * 4)],
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    tables = [text for kind, text in kinds if kind == "TABLE"]
    assert tables == ["Biến | Hệ số | Sig.\nGD | 0,626 | 0,000\nCD | 0,012 | 0,870"], kinds
    assert any(text.startswith("Từ bảng 5") and text.endswith("với biến.") for _, text in kinds), (
        kinds
    )


def test_lines_set_apart_after_a_full_line_join_only_a_sentence_going_on() -> None:
    """Each line a block of its own: a full line that ends a list's item (";"), a sentence
    with its citation ("IoT). [7]") or a formula's number ("(2)") is followed by a line of
    its own, as is an item opened by a bullet ("+ Công ty ...") and the line after an item
    ("• Về chính sách ...")."""
    lines = [
        "+ Công ty phát triển sản phẩm du lịch tốt;",
        "+ Công ty quan tâm văn hóa địa phương ở đây.",
        "nơi gần với nguồn phát sinh dữ liệu IoT). [7]",
        "Mô hình điện toán biên được thiết kế như sau",
        "Qt arget (s,a) = r (s,a) + γ max Q (st,a') (2)",
        "Trong đó r là phần thưởng nhận được khi đi.",
        "• Về chính sách tín dụng ưu đãi tạo việc làm",
        "Từ năm 2010 đến năm 2020 chính sách ưu đãi.",
    ]
    sheet = lines_set_apart(lines)
    texts_ = [b.text for b in body_blocks(labelled(sheet))]
    for text in ["+ Công ty quan tâm", "Mô hình điện toán", "Trong đó r là", "Từ năm 2010"]:
        assert any(t.startswith(text) for t in texts_), (text, texts_)


def test_a_bold_phrase_set_in_as_a_first_line_goes_on_in_the_lines_under_it() -> None:
    """Measured on a real article: "Tăng trưởng kinh tế: Tốc độ tăng" in bold, its first
    line set in like every paragraph's, went on in small letters at the column's edge under
    it ("trưởng kinh tế là tiền đề ..."); it stayed a heading over a paragraph in small
    letters, for the line under it did not start where it did."""
    sheet = page(
        1,
        [line("TIÊU ĐỀ CỦA MỘT BÀI BÁO KHOA HỌC", 100, 40, 18, bold=True)],
        [*body_lines(80, 5), line("và câu văn kết thúc ở đây.", 50, 155)],
        [line("Tăng trưởng kinh tế: Tốc độ tăng", 68, 175, bold=True)],
        [line("trưởng kinh tế là tiền đề quan trọng để thị", 50, 190), *body_lines(205, 4)],
    )
    blocks = body_blocks(labelled(sheet))
    assert not [b.text for b in blocks if b.kind.name == "HEADING"], [b.text for b in blocks]
    assert any(
        b.text.startswith("Tăng trưởng kinh tế: Tốc độ tăng trưởng kinh tế là") for b in blocks
    )


def test_a_headings_lines_ending_with_and_or_the_open_the_heading_under_them() -> None:
    """Measured on a real article: "2. Thách thức từ thị trường bán lẻ và" / "một số khuyến
    nghị đối với các" / "doanh nghiệp thương mại bán lẻ Việt Nam", a bold heading whose lines
    poppler set apart, came out as two paragraphs over a heading: a line ending with "và" or
    "các" is no heading alone."""
    sheet = page(
        1,
        [line("TIÊU ĐỀ CỦA MỘT BÀI BÁO KHOA HỌC", 100, 40, 18, bold=True)],
        [*body_lines(80, 5), line("và câu văn kết thúc ở đây.", 50, 155)],
        [line("2. Thách thức từ thị trường bán lẻ và", 68, 175, bold=True)],
        [line("một số khuyến nghị đối với các", 86, 189, bold=True)],
        [line("doanh nghiệp thương mại bán lẻ Việt Nam", 86, 203, bold=True)],
        [line("Sự phát triển của thị trường bán lẻ phụ", 50, 225), *body_lines(240, 4)],
    )
    headings = [b.text for b in body_blocks(labelled(sheet)) if b.kind.name == "HEADING"]
    assert headings == [
        "2. Thách thức từ thị trường bán lẻ và một số khuyến nghị đối với các doanh nghiệp"
        " thương mại bán lẻ Việt Nam"
    ], headings


def test_a_tables_references_column_opens_no_references_before_the_real_ones() -> None:
    """Measured on a real article: a table whose last column is headed "Tài liệu tham khảo"
    (the sources its rows cite, "[15]") opened the references there: the rest of the body,
    two numbered sections, came out as reference entries."""
    sheet = page(
        1,
        body_lines(60, 4),
        [line("Vật liệu", 50, 130, bold=True)],
        [line("Ứng dụng", 200, 130, bold=True)],
        [line("Tài liệu", 420, 124, bold=True), line("tham khảo", 420, 136, bold=True)],
        [line("Cu/TiO2", 50, 160)],
        [line("Loại bỏ vi khuẩn", 200, 160)],
        [line("[15]", 440, 160)],
        [line("5. KẾT LUẬN", 50, 200, bold=True)],
        body_lines(220, 4),
        [line("TÀI LIỆU THAM KHẢO", 50, 300, bold=True)],
        [line("[1] A. Hajjaji, M. Elabidi (2018). Bacterial adhesion.", 50, 320)],
        [line("[2] C. Cao, Y. Wang (2020). Composite films.", 50, 335)],
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    references = [text for kind, text in kinds if kind == "REFERENCE"]
    assert [text[:6] for text in references] == ["A. Haj", "C. Cao"], kinds
    assert [kind for kind, text in kinds if "KẾT LUẬN" in text] == ["PARAGRAPH"], kinds


def test_a_full_line_of_a_long_item_or_ending_with_a_dash_goes_on_under_it() -> None:
    """Measured on real articles: the last full line of a bulleted item of several lines
    ("... của máy tiện" / "CNC CLK6140D/2 khi ...") and a full line ending with a dash
    ("(Fuzzy Inference System -" / "FIS) nhưng ...") were paragraphs' ends, the rest of
    the sentence a paragraph of its own; a one-line item is still no paragraph's start."""
    lines = [
        "• Với phương pháp nghiên cứu lý thuyết",
        "và gia công trên máy tiện của xưởng",
        "CNC CLK6140D/2 khi kiết xuất chương trình.",
        "Phần chính là hệ suy luận (Fuzzy System -",
        "FIS) nhưng các hàm thuộc được chọn trước.",
        "• Về chính sách tín dụng ưu đãi tạo việc làm",
        "Từ năm 2010 đến năm 2020 chính sách ưu đãi.",
    ]
    sheet = lines_set_apart(lines)
    found = body_blocks(labelled(sheet))
    texts_ = [b.text for b in found]
    assert any(t.endswith("xưởng CNC CLK6140D/2 khi kiết xuất chương trình.") for t in texts_), (
        texts_
    )
    assert any(t.startswith("Phần chính") and "- FIS) nhưng" in t for t in texts_), texts_
    assert any(t.startswith("Từ năm 2010") for t in texts_), texts_
    # a bulleted paragraph is a list's item, its bullet taken off
    items = [b.kind.name for b in found if b.text.startswith(("Với phương", "Về chính"))]
    assert items == ["ITEM", "ITEM"], found


def test_a_lettered_point_under_a_heading_does_not_take_the_heading_in() -> None:
    """Measured on real articles: "2.1. Chỉ tiêu định lượng" over "a. Tỷ lệ tăng trưởng
    ..." (and "3.1. ..." over "a) Xét ...") became one paragraph: the point's letter was
    taken for the heading's sentence going on in small letters."""
    for point in ("a. Tỷ lệ tăng trưởng dư nợ cho vay", "a) Xét phương trình có dạng"):
        sheet = page(
            1,
            body_lines(60, 6),
            [line("2.1. Chỉ tiêu định lượng", 50, 160, bold=True)],
            [line(point, 50, 178), *body_lines(193, 2)],
        )
        kinds = [(b.kind.name, b.text[:24]) for b in body_blocks(labelled(sheet))]
        assert ("HEADING", "2.1. Chỉ tiêu định lượng") in kinds, kinds
        assert ("PARAGRAPH", point[:24]) in kinds, kinds


def test_a_long_numbered_heading_in_bold_is_a_heading() -> None:
    """Measured on real articles: numbered headings in bold of four or five lines ("3.3.
    Một số vấn đề đặt ra và giải pháp bảo đảm lợi ích ...", 31 words: Vietnamese counts
    each syllable a word) were paragraphs; a numbered sentence in bold is still none."""
    heading = [
        "3.3. Một số vấn đề đặt ra và giải pháp bảo",
        "đảm lợi ích kinh tế của người lao động",
        "trong các doanh nghiệp tư nhân ở Việt Nam",
        "hiện nay và trong những năm tới đây",
    ]
    for last, kind in (("", "HEADING"), (".", "PARAGRAPH")):
        lines = [
            line(text + (last if n == 3 else ""), 50, 160 + 14 * n, bold=True)
            for n, text in enumerate(heading)
        ]
        under = [line("Các doanh nghiệp đã có nhiều đóng góp.", 50, 225)]
        sheet = page(1, body_lines(60, 6), lines, under)
        kinds = [(b.kind.name, b.text[:10]) for b in body_blocks(labelled(sheet))]
        assert (kind, "3.3. Một s") in kinds, kinds


def test_a_heading_naming_a_greek_variable_is_a_heading() -> None:
    """Measured on a real article: "4. THỰC NGHIỆM ... CỦA KHE HỞ PHÓNG ĐIỆN δ VÀO IP, TON"
    came out a paragraph: one Greek letter among a heading's many words made it a formula's
    line. A line of a formula ("δ = 0,5 Ip") stays no heading."""
    heading = "4. KHE HỞ PHÓNG ĐIỆN δ VÀO DÒNG ĐIỆN VÀ THỜI GIAN PHÓNG"
    for text, heads in ((heading, True), ("Δ = 0,5 Ip", False)):
        sheet = page(
            1,
            body_lines(60, 6),
            [line(text, 50, 160, bold=True)],
            [line("Các thí nghiệm được làm trên máy cắt dây.", 50, 178)],
        )
        kinds = [(b.kind.name, b.text[:10]) for b in body_blocks(labelled(sheet))]
        assert (("HEADING", text[:10]) in kinds) is heads, kinds


def test_a_heading_spilling_into_the_gutter_keeps_its_words_from_the_next_column() -> None:
    """Measured on a real page: a justified heading in capitals, its words spread to the
    column's edge, ran its last word ("PHÁP") into the gutter, and poppler made one line of it
    and the line of the next column level with it ("của giá trị hợp lý"): the gap was narrower
    than the gutter, the heading lost its word and the next column's sentence was cut."""
    bold = Style("Times New Roman,Bold", 12.0, bold=True)
    regular = Style("Times New Roman", 12.0)
    right_x = 310.0

    def spread(texts: list[str], x0: float, x1: float, y: float, style: Style) -> list[Word]:
        widths = [0.5 * 12 * len(t) for t in texts]
        gap = (x1 - x0 - sum(widths)) / (len(texts) - 1)
        found, x = [], x0
        for text, width in zip(texts, widths, strict=True):
            found.append(Word(text, Box(x, y, x + width, y + 12), style))
            x += width + gap
        return found

    heading = spread(["II.", "ĐỐI", "TƯỢNG", "VÀ", "PHƯƠNG", "PHÁP"], 50, 301, 200, bold)
    other = spread(["của", "giá", "trị", "hợp", "lý."], right_x, right_x + 120, 200, regular)
    merged = Line(heading + other, union_of([w.box for w in heading + other]))
    sheet = page(
        1,
        body_lines(60, 9),
        [merged],
        [line("NGHIÊN CỨU", 50, 215, bold=True)],
        [line("Đối tượng được đề cập đến để nghiên cứu.", 50, 235), *body_lines(250, 8)],
        [*body_lines(60, 9, x=right_x), line("biến động", right_x, 185)],
        body_lines(215, 10, x=right_x),
    )
    blocks = body_blocks(labelled(sheet))
    texts_ = [block.text for block in blocks]
    assert not any("PHÁP" in t and "của giá" in t for t in texts_), texts_
    assert any("biến động của giá trị hợp lý." in t for t in texts_), texts_
    headings = [block.text for block in blocks if block.kind.name == "HEADING"]
    assert headings == ["II. ĐỐI TƯỢNG VÀ PHƯƠNG PHÁP NGHIÊN CỨU"], headings
    # A reference set across the page, a journal's name in italics from the next column's
    # edge (a word of the same weight and size before it), stays one line.
    italic = Style("Times New Roman,Italic", 12.0, italic=True)
    words = spread(["Lee,", "K.T.,", "Immobilized", "lipase", "positions,"], 50, 303, 300, regular)
    words += spread(["Journal", "of", "Oil", "Chemists,", "73"], right_x, 540, 300, italic)
    sheet = page(
        1,
        body_lines(60, 15),
        [Line(words, union_of([w.box for w in words]))],
        body_lines(60, 15, x=right_x),
    )
    texts_ = [para.text for para in labelled(sheet)]
    assert any("positions, Journal of Oil" in t for t in texts_), texts_


def test_a_heading_in_capitals_set_a_little_smaller_than_the_body_is_a_heading() -> None:
    """Measured on real articles: "LỜI CẢM ƠN" in bold italic capitals of 10 points over a
    body of 12 was taken for a figure's label and dropped (seven of 89 articles of one
    journal); a short line in small type without capitals is still no heading."""
    for text, heads in (("LỜI CẢM ƠN", True), ("Lời cảm ơn", False)):
        heading = line(text, 50, 200, 10, bold=True)
        sheet = page(
            1,
            [*body_lines(60, 8), line("và câu kết thúc.", 50, 180)],
            [heading],
            [line("Nghiên cứu này được thực hiện trong khuôn khổ đề tài.", 50, 218)],
        )
        kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
        assert (("HEADING", text) in kinds) is heads, kinds


def test_an_italic_point_of_two_lines_is_a_heading_as_one_of_one_line_is() -> None:
    """Measured on a real article: of five lettered points in italics heading their
    paragraphs, "c. Hệ thống thông tin và truyền thông chi phí sản xuất" (two lines in a
    narrow column) and "Thứ tư, về hoạt động ..." were paragraphs, the others headings; an
    italic point of two lines ending its sentence is still a paragraph."""
    for last, heads in (("", True), (".", False)):
        for first in ("c. Hệ thống thông tin và truyền", "Thứ tư, về hoạt động kiểm soát"):
            lines = [
                _italic(first, 64, 200),
                _italic("thông chi phí sản xuất" + last, 50, 214),
            ]
            sheet = page(
                1,
                [*body_lines(60, 8), line("và câu kết thúc.", 50, 180)],
                lines,
                [line("Hệ thống thông tin đóng vai trò rất quan trọng.", 50, 232)],
            )
            kinds = [(b.kind.name, b.text[:12]) for b in body_blocks(labelled(sheet))]
            assert (("HEADING", first[:12]) in kinds) is heads, kinds


def test_an_italic_heading_of_two_lines_stops_short_a_sentence_going_on_does_not() -> None:
    """Measured on real articles: "Cơ chế bảo lãnh thông qua Ngân hàng Phát triển Việt
    Nam", in italics on two lines, was a paragraph where its one-line siblings were headings;
    "Thứ nhất, gián đoạn ... ở Việt" (its second line full, the sentence going on: "Nam bị
    trì trệ.") and "Lý thuyết Trật tự phân hạng (Pecking" (a bracket left open: "Order
    Theory): ...") were headings cutting their sentences."""
    cases = [
        (["Cơ chế bảo lãnh thông qua Ngân hàng", "Phát triển Việt Nam"], True),
        (["2. Looking at the way I live, do I rely on", "my brain instead?"], False),
        (["Looking at the way I live, do I rely on", "my brain?"], False),
        (["Thứ nhất, gián đoạn chuỗi cung ứng khu", "vực dẫn đến sản xuất ở Việt"], False),
        (["Lý thuyết Trật tự phân hạng (Pecking"], False),
    ]
    for texts_, heads in cases:
        lines = [_italic(text, 64 if n == 0 else 50, 200 + 14 * n) for n, text in enumerate(texts_)]
        if texts_[0].startswith("Thứ nhất"):  # the second line runs to the column's edge
            lines[1] = justified(texts_[1], 214)
            for word in lines[1].words:
                word.style = lines[0].words[0].style
        sheet = page(
            1,
            [*body_lines(60, 8), line("và câu kết thúc.", 50, 180)],
            lines,
            [line("Nam bị trì trệ, nhiều doanh nghiệp phải dừng sản xuất.", 50, 232)],
        )
        kinds = [(b.kind.name, b.text[:12]) for b in body_blocks(labelled(sheet))]
        assert (("HEADING", texts_[0][:12]) in kinds) is heads, kinds

    def bold_to_the_edge_over(text: str, under: str) -> list[tuple[str, str]]:
        label = justified(text, 200)
        for word in label.words:
            word.style = Style("Times New Roman,Bold", 12.0, bold=True)
        sheet = page(
            1,
            [*body_lines(60, 8), line("và câu kết thúc.", 50, 180)],
            [label],
            [line(under, 50, 214)],
        )
        return [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]

    # in bold, a line running to the column's edge over the rest of its sentence
    kinds = bold_to_the_edge_over(
        "Lý thuyết Trật tự phân hạng của cấu (Pecking", "Order Theory): lý thuyết về cấu trúc vốn."
    )
    sentence = (
        "Lý thuyết Trật tự phân hạng của cấu (Pecking Order Theory): lý thuyết về cấu trúc vốn."
    )
    assert ("PARAGRAPH", sentence) in kinds, kinds
    # an item in italics stays a list's item, and a heading over one keeps it apart
    item = [
        _italic("• Lựa chọn các điểm tham quan du lịch cần", 50, 200),
        _italic("đầu tư nâng cấp", 60, 214),
    ]
    sheet = page(1, [*body_lines(60, 8), line("và câu kết thúc.", 50, 180)], item)
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    assert ("ITEM", "Lựa chọn các điểm tham quan du lịch cần đầu tư nâng cấp") in kinds, kinds
    kinds = bold_to_the_edge_over(
        "Phương pháp xác định độ nhớt của dịch sữa sau", "• Để xác định độ nhớt của dịch sữa."
    )
    assert [kind for kind, _ in kinds[-2:]] == ["HEADING", "ITEM"], kinds
    # measured on unseen articles: a bold label ending with its colon, justified to the
    # edge over its text ("Hệ thống thanh tra và kiểm tra nội bộ:" / "Thanh tra và ..."),
    # opens the paragraph, as its siblings set on one line with their text do
    kinds = bold_to_the_edge_over(
        "Hệ thống thanh tra và kiểm tra nội bộ:", "Thanh tra và kiểm tra đảm bảo tuân thủ."
    )
    sentence = "Hệ thống thanh tra và kiểm tra nội bộ: Thanh tra và kiểm tra đảm bảo tuân thủ."
    assert ("PARAGRAPH", sentence) in kinds, kinds


def test_a_captions_title_set_apart_from_its_label_on_its_line_joins_it() -> None:
    """Measured on an unseen article: "Bảng 3." and "Kết quả phân tích hồi quy", one line of
    a caption across the page that poppler cut at the wide space after the label, came out
    as a caption of its label alone and a paragraph of its title."""
    label = line("Bảng 3.", 237, 400, 9, bold=True)
    title = line("Kết quả phân tích hồi quy", 278.7, 400, 9, bold=True)
    rows = [("Mô hình", "Tổng bình phương", "Bậc tự do"), ("Hồi quy", "84,3", "6")]
    sheet = page(
        1,
        body_lines(60, 22),
        body_lines(60, 22, x=320),
        [label],
        [title],
        *cells(rows, (60, 240, 420), 420),
        body_lines(480, 10),
        body_lines(480, 10, x=320),
    )
    blocks = body_blocks(labelled(sheet))
    captions = [b.text for b in blocks if b.kind.name == "FIGURE"]
    assert captions == ["Bảng 3. Kết quả phân tích hồi quy"], blocks
    assert "Kết quả phân tích hồi quy" not in [b.text for b in blocks if b.kind.name != "FIGURE"]


def test_a_starred_note_in_small_letters_is_no_heading() -> None:
    """Measured on an unseen article: "* là giá trị trung bình của 3 lần lặp lại" under a
    table, in italics, was a heading ("\\* Là giá trị ..." once its case was restored): a
    star's note opening in small letters explains a mark, it heads nothing; "* Thiết bị", a
    starred line opening with a capital, may."""
    sheet = page(
        2,
        body_lines(60, 40),
        [*body_lines(60, 6, x=320), line("và câu kết thúc.", 320, 150)],
        [_italic("* là giá trị trung bình của 3 lần lặp lại", 320, 170)],
        [line("Kết quả cho thấy rằng mứt xoài đạt chất lượng tốt.", 320, 190)],
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(after_two_column_pages(sheet))]
    assert not [text for kind, text in kinds if kind == "HEADING"], kinds


def test_a_numbered_label_like_its_headed_siblings_is_a_heading() -> None:
    """Measured on an unseen article: "Thí nghiệm 1: ..." and "Thí nghiệm 3: ..." in italics
    were headings, "Thí nghiệm 2: Xác định các yếu tố ... mứt nhuyễn xoài." between them, in
    the same italics but on three lines ending with a full stop, a paragraph. Lines opened
    by the same label and a number, in one face, are headings of one level when two or more
    of them are; a label counted again ("Bước 1" twice) makes no such list."""
    from bantin.pdf.roles import _labels_alike

    def para(text: str, role: str, y: float) -> Para:
        return Para([_italic(text, 50, y)], 1, role=role)

    paras = [
        para("Thí nghiệm 1: Xác định một số thành phần hoá học", HEADING, 100),
        para("Thí nghiệm 2: Xác định các yếu tố ảnh hưởng.", "body", 200),
        para("Thí nghiệm 3: Đánh giá chất lượng sản phẩm", HEADING, 300),
    ]
    _labels_alike(paras, BODY)
    assert [p.role for p in paras] == [HEADING, HEADING, HEADING]
    again = [
        para("Bước 1: Chọn mẫu nghiên cứu", HEADING, 100),
        para("Bước 2: Thu thập dữ liệu", HEADING, 150),
        para("Bước 1: Làm sạch dữ liệu thu được.", "body", 200),
    ]
    _labels_alike(again, BODY)
    assert [p.role for p in again] == [HEADING, HEADING, "body"]
    defined = [
        para("Định nghĩa 1. Đồ thị có nhãn", HEADING, 100),
        para("Định nghĩa 2. Cây DFS", HEADING, 150),
        para("Định nghĩa 3. Đồ thị G = (V, E) là", "body", 200),
    ]
    _labels_alike(defined, BODY)  # a sentence going on under it is no heading's
    assert defined[-1].role == "body"
    # measured on an unseen article: bare numbers in italics, the first at a page's top
    bare = [
        para("1. Dự báo mòn đá theo chế độ mài:", "body", 100),
        para("2. Thử nghiệm chức năng giám sát theo tín hiệu rung động", HEADING, 200),
        para("3. Xây dựng mô hình giám sát trực tuyến mòn đá", HEADING, 300),
    ]
    _labels_alike(bare, BODY)
    assert [p.role for p in bare] == [HEADING, HEADING, HEADING]
    steps = [  # an algorithm's steps, numbered with colons, are no headings
        para("5: for i = 1 to n do", HEADING, 100),
        para("6: Pi = Di Ni", "body", 120),
        para("7: end for", HEADING, 140),
    ]
    _labels_alike(steps, BODY)
    assert steps[1].role == "body"
    upright = [
        Para([line("Định nghĩa 1. Đồ thị G là", 50, 100)], 1, role=HEADING),
        Para([line("Định nghĩa 2. Cây DFS", 50, 150)], 1, role=HEADING),
        Para([line("Định nghĩa 3. Mã DFS của đồ thị G là", 50, 200)], 1, role="body"),
    ]
    _labels_alike(upright, BODY)  # in the text's own type: the labels open paragraphs
    assert upright[-1].role == "body"


def test_a_paragraph_opening_with_a_formula_in_small_letters_is_no_headings_rest() -> None:
    """Measured on an unseen article: the bold subheading "Quy trình tổng hợp vật liệu
    g-C3N4" over "g-C3N4 được tổng hợp bằng cách nung melamine ..." was run into the
    paragraph: a line opening with a small letter goes on with the heading over it, but a
    formula ("g-C3N4", capitals and figures in it) opens a sentence of its own."""
    sheet = page(
        1,
        [*body_lines(60, 6), line("và câu kết thúc.", 50, 150)],
        [line("Quy trình tổng hợp vật liệu g-C3N4", 50, 170, bold=True)],
        [
            line("g-C3N4 được tổng hợp bằng cách nung melamine ở nhiệt", 50, 188),
            *body_lines(203, 3),
        ],
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    assert ("HEADING", "Quy trình tổng hợp vật liệu g-C3N4") in kinds, kinds
    from bantin.pdf.structure import _opens_with_formula

    assert _opens_with_formula("pH của dung dịch") and _opens_with_formula("g-C3N4 được")
    # a program's name or a word in small letters goes on with the line over it
    assert not _opens_with_formula("dbo.TH_DUBAO.SODONHANG, dbo.TH_DUBAO.NGAYLAM")
    assert not _opens_with_formula("góc α được xác định")


def test_a_numbered_heading_of_two_letter_syllables_is_a_heading() -> None:
    """Measured on a real article: "3.4. Vi xử lý" in bold was a table's row: none of its
    words had three letters, as a chart's codes ("C1", "KMR") have none; a Vietnamese
    syllable of two letters with its mark is a word."""
    sheet = page(
        1,
        [*body_lines(60, 6), line("và câu kết thúc.", 50, 150)],
        [line("3.4. Vi xử lý", 50, 170, 11, bold=True)],
        [line("Arduino là một bo mạch vi xử lý được dùng để lập trình.", 50, 188)],
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    assert ("HEADING", "3.4. Vi xử lý") in kinds, kinds
    for formula in ("V − bω", "Uа"):  # a Greek or Cyrillic letter makes no syllable
        sheet = page(
            1,
            [*body_lines(60, 6), line("và câu kết thúc.", 50, 150)],
            [line(formula, 120, 170, bold=True)],
            [line("Arduino là một bo mạch vi xử lý được dùng để lập trình.", 50, 188)],
        )
        kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
        assert ("HEADING", formula) not in kinds, kinds


def test_a_short_bulleted_item_among_longer_ones_is_an_item() -> None:
    """Measured on a real article: of five bulleted properties ("• Hệ số ma sát ... thấp;",
    "• Đủ độ bền;", ...), the short one was a table's cell and cut the list in two."""
    items = [
        "• Hệ số ma sát giữa lót ổ và ngõng trục thấp;",
        "• Đủ độ bền;",
        "• Có khả năng chống mòn và chống dính;",
        "• Dễ tạo thành màng dầu bôi trơn.",
    ]
    sheet = page(
        1,
        [*body_lines(60, 6), line("vật liệu lót ổ cần có các tính chất sau:", 50, 150)],
        *([line(text, 50, 171 + 21 * n)] for n, text in enumerate(items)),
        body_lines(270, 4),
        # the other column: a paragraph's short last line level with the short item
        [*body_lines(60, 8, x=320), line("nhiệt độ cao.", 320, 180)],
        [line("Khi ổ làm việc", 320, 192)],
        body_lines(213, 6, x=320),
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    assert [kind for kind, text in kinds if not text.startswith("câu")].count("ITEM") == 4, kinds


def test_a_bold_label_running_into_its_sentence_is_no_heading() -> None:
    """Measured on a real article: "Địa điểm nghiên cứu:" in bold, its sentence going on in
    the body's type on the same line and the next ("3 xã Cẩm Văn, Cẩm" / "Vũ, Đức Chính -
    huyện Cẩm Giàng"), was a heading over the rest of its sentence."""
    first = line("Địa điểm nghiên cứu: 3 xã Cẩm Văn, Cẩm", 64, 170)
    for word in first.words[:4]:
        word.style = Style("Times New Roman,Bold", 12.0, bold=True)
    sheet = page(
        1,
        [*body_lines(60, 6), line("và câu kết thúc.", 50, 150)],
        [first],
        [line("Vũ, Đức Chính - huyện Cẩm Giàng - Hải Dương.", 50, 185)],
        [line("Bố trí thí nghiệm:", 50, 210, bold=True)],
        [line("Thí nghiệm được bố trí ngẫu nhiên.", 50, 228)],
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    assert (
        "PARAGRAPH",
        "Địa điểm nghiên cứu: 3 xã Cẩm Văn, Cẩm Vũ, Đức Chính - huyện Cẩm Giàng - Hải Dương.",
    ) in kinds, kinds
    assert ("HEADING", "Bố trí thí nghiệm:") in kinds, kinds


def test_a_ruled_table_going_on_over_a_page_under_its_header_repeated_is_one_table() -> None:
    """Measured on real articles: a ruled table running over a page break, its header rows
    printed again on the next page, came out as two tables, the second without its caption
    (five of 17 articles read); two tables whose header differs stay two."""
    from bantin.pdf.rules import Grid

    def ruled(number: int, rows: list[tuple[str, str]]) -> list[Para]:
        top = 100.0
        bottom = top + 20 * len(rows)
        ys, xs = tuple(top + 20 * n for n in range(len(rows) + 1)), (50.0, 150.0, 300.0)
        grid = Grid(
            Box(50, top, 300, bottom),
            ys,
            xs,
            down=tuple(Box(x - 0.5, top, x + 0.5, bottom) for x in xs),
            across=tuple(Box(50, y - 0.5, 300, y + 0.5) for y in ys),
        )
        cells = []
        for n, row in enumerate(rows):
            for text, left in zip(row, (55, 155), strict=True):
                cell = Para([line(text, left, top + 20 * n + 4, 10)], number, role=TABLE)
                cell.grid = grid
                cells.append(cell)
        return cells

    header = [("Nguồn nitơ", "Mật độ (bào tử/mL)")]
    first = ruled(1, [*header, ("NaNO3", "5,02 ± 0,26")])
    second = ruled(2, [*header, ("Urea", "5,37 ± 0,15"), ("NH4NO3", "5,16 ± 0,31")])
    tables = [b.text for b in body_blocks([*first, *second]) if b.kind.name == "TABLE"]
    assert tables == [
        "Nguồn nitơ | Mật độ (bào tử/mL)\nNaNO3 | 5,02 ± 0,26\nUrea | 5,37 ± 0,15"
        "\nNH4NO3 | 5,16 ± 0,31"
    ], tables
    other = ruled(2, [("Ure (%)", "Mật độ (bào tử/mL)"), ("0,12", "4,92 ± 0,29")])
    tables = [b.text for b in body_blocks([*first, *other]) if b.kind.name == "TABLE"]
    assert len(tables) == 2, tables


def test_a_table_of_one_cell_is_a_paragraph_an_equation_or_nothing() -> None:
    """Measured on real articles: a line standing alone level with another column's short
    line ("Trong đó:", "For example:", "Thay các số liệu vào ta có:") came out as a table of
    one cell (70 in 38 of 142 articles): a line of words is a paragraph, a formula's piece
    an equation, a bullet alone nothing; a table of two cells stays a table."""
    cases = {
        "Thay các số liệu vào ta có:": ("PARAGRAPH", "Thay các số liệu vào ta có:"),
        "n − k": ("EQUATION", "n − k"),
        "cos θm": ("EQUATION", "cos θm"),
        "• Áp dụng: C = E(P)": ("ITEM", "Áp dụng: C = E(P)"),
        "•": None,
        "Nhiệt độ chai ra: | 34oC": ("TABLE", "Nhiệt độ chai ra: | 34oC"),
    }
    for text, wanted in cases.items():
        cells = [
            Para([line(piece, 50 + 200 * n, 300)], 1, role=TABLE)
            for n, piece in enumerate(text.split(" | "))
        ]
        found = [(b.kind.name, b.text) for b in body_blocks(cells)]
        assert found == ([wanted] if wanted else []), found


def test_a_charts_axis_labels_are_the_charts() -> None:
    """Measured on real articles: a chart drawn as lines and text (Word's charts) left its
    axis labels ("10,000", "9,000", ..., "1,000") as paragraphs and table cells between a
    sentence's two halves; a table's column of figures beside its rows' labels stays."""
    labels = [f"{n},000" for n in range(10, 0, -1)]  # set flush right, as an axis's are
    ticks = [[line(label, 140 - 6 * len(label), 200 + 20 * n)] for n, label in enumerate(labels)]
    sheet = page(
        1,
        [*body_lines(60, 8), line("Ở vị trí dẫn đầu, năm 2019 SSI vẫn duy", 50, 180)],
        *ticks,
        [line("trì cách biệt lớn với các công ty còn lại.", 50, 420)],
    )
    roles_ = {para.text: para.role for para in labelled(sheet)}
    assert {roles_[f"{n},000"] for n in range(1, 11)} == {"figure"}, roles_
    for label in ("Công ty số {n}", "CT{n}", "201{n}"):  # rows labelled by words, codes, years
        rows = [[line(label.format(n=n), 50, 200 + 20 * n)] for n in range(5)]
        figures = [[line(f"{n},5", 250, 200 + 20 * n)] for n in range(5)]
        sheet = page(1, [*body_lines(60, 8), line("như bảng sau.", 50, 180)], *rows, *figures)
        roles_ = {para.text: para.role for para in labelled(sheet)}
        assert "figure" not in {roles_[f"{n},5"] for n in range(5)}, roles_
    # labels a little off one edge (poppler's jitter) are one axis still
    jittered = [
        [line(lab, 140 - 6 * len(lab) + 0.1 * (n % 2), 200 + 20 * n)]
        for n, lab in enumerate(labels)
    ]
    sheet = page(
        1, [*body_lines(60, 8), line("Ở vị trí dẫn đầu, năm 2019 SSI vẫn duy", 50, 180)], *jittered
    )
    assert {p.role for p in labelled(sheet) if p.text in labels} == {"figure"}


def test_a_caption_right_under_another_is_its_own() -> None:
    """Measured on a real article: a figure's caption and the next table's, one right
    under the other in the same type ("Hình 7. Tham quan thực tế 5S" / "Bảng 1. Mẫu đề xuất
    cải tiến 5S"), became one caption; a caption's second line still joins it."""
    sheet = page(
        1,
        [*body_lines(60, 6), line("và câu kết thúc.", 50, 150)],
        [line("Hình 7. Tham quan thực tế 5S tại", 80, 300, 9, bold=True)],
        [line("doanh nghiệp", 80, 311, 9, bold=True)],
        [line("Bảng 1. Mẫu đề xuất cải tiến 5S", 80, 322, 9, bold=True)],
        *cells([("STT", "Nội dung"), ("1", "Sàng lọc")], (60, 200), 340),
        body_lines(400, 4),
    )
    captions = [p.text for p in labelled(sheet) if p.role == CAPTION]
    assert captions == [
        "Hình 7. Tham quan thực tế 5S tại doanh nghiệp",
        "Bảng 1. Mẫu đề xuất cải tiến 5S",
    ], captions


def test_a_tables_legend_is_no_heading() -> None:
    """Measured on a real article: "Chú thích: (*) hệ số trọng lượng" under each of three
    tables was a heading of the article (a table's legend, as "Ghi chú:" and "Nguồn:" are)."""
    rows = [(f"Sản phẩm {n}", f"{3.5 + n:.1f}") for n in range(4)]
    sheet = page(
        1,
        body_lines(40, 4),
        [line("Bảng 2. Điểm đánh giá cảm quan các sản phẩm", 120, 110, 10, True)],
        *cells(rows, (60, 340), 130),
        [line("Chú thích: (*) hệ số trọng lượng", 60, 200, 10, True)],
        [line("Note. Significant at (0.05)", 60, 215, 10)],
        [line("Đơn vị tính(%)", 300, 228, 10)],
        body_lines(245, 4),
    )
    roles_ = {para.text: para.role for para in labelled(sheet)}
    assert roles_["Chú thích: (*) hệ số trọng lượng"] == "caption", roles_
    assert roles_["Note. Significant at (0.05)"] == "caption", roles_  # APA's "Note."
    assert roles_["Đơn vị tính(%)"] == "caption", roles_


def test_an_italic_line_filling_the_foot_of_its_column_is_no_heading() -> None:
    """Measured on a real article: a paragraph opening in italics, its first line filling
    the foot of the column ("ANFIS là viết tắt của Adaptive Neural Fuzzy" / "Inference
    System kết hợp ..."), was a heading over the rest; an italic heading is short."""
    from dataclasses import replace

    first = justified("ANFIS là viết tắt của Adaptive Neural Fuzzy", 740)
    for word in first.words:
        word.style = replace(word.style, italic=True)
    short = line("Khái quát về ANFIS", 50, 740)
    for word in short.words:
        word.style = replace(word.style, italic=True)
    point = justified("b. Thành lập công thức tọa độ điểm Mi(xi,yi)", 740)
    for word in point.words:
        word.style = replace(word.style, italic=True)
    for opening, kind in ((first, "PARAGRAPH"), (short, "HEADING"), (point, "HEADING")):
        sheet = page(
            1,
            [*body_lines(60, 30), line("và câu kết thúc.", 50, 510)],
            [line("2.3. Khái quát về ANFIS", 50, 720, bold=True)],
            [opening],
            [
                line("Inference System kết hợp giữa mạng nơron.", 320, 60),
                *body_lines(75, 30, x=320),
            ],
        )
        kinds = [(b.kind.name, b.text[:14]) for b in body_blocks(labelled(sheet))]
        assert (kind, opening.text[:14]) in kinds, kinds


def test_a_line_within_a_ragged_columns_slack_does_not_span_it() -> None:
    """Measured on a real article: in a column whose lines end anywhere within 48 points
    of its edge, short italic headings ("• Kết quả kiểm định mô hình lý thuyết") counted as
    lines filling it (its slack says a ragged line may end there) and were taken for the
    first line of a paragraph. Whether a line spans its column is measured edge to edge."""
    from dataclasses import replace

    from bantin.pdf import roles as pdf_roles
    from bantin.pdf.reading import Column

    sheet = page(1, body_lines(60, 6), [line("Kết quả kiểm định mô hình lý thuyết", 50, 160)])
    paras = paragraphs(sheet, BODY)
    short, full = paras[-1], paras[0]
    ragged = Column(50.0, full.box.x1, 48.0)
    short.column = full.column = ragged
    assert short.last_full  # within the slack
    assert not pdf_roles._fills(short)
    full.lines = full.lines[-1:]
    assert pdf_roles._fills(full)
    short.column = replace(ragged, left=20.0)
    assert not pdf_roles._fills(short)


def test_a_dash_item_at_a_columns_top_is_the_next_item() -> None:
    """Measured on real articles: an item opened by a dash at the top of a column ("- Hệ số
    rho_A: > 0,7.") was glued to the item ending the column before it ("...(AVE): ≥ 0,5;");
    a dash opening a line after words that leave the sentence open is no item's ("Trường
    Đại học Kinh tế" / "- Kỹ thuật Công nghiệp")."""
    for foot, top, apart in (
        ("- Giá trị phương sai trích (AVE): ≥ 0,5;", "- Hệ số rho_A: > 0,7.", True),
        ("các sinh viên của Trường Đại học Kinh tế", "- Kỹ thuật Công nghiệp đã tham gia.", False),
    ):
        sheet = page(
            1,
            [*body_lines(60, 39), line("và câu kết thúc.", 50, 645)],
            [justified(foot, 660)],
            [line(top, 320, 60), *body_lines(75, 3, x=320)],
        )
        texts_ = [b.text for b in body_blocks(labelled(sheet))]
        glued = any(foot.lstrip("- ") in t and top.lstrip("- ") in t for t in texts_)
        assert glued != apart, texts_


def test_a_plus_item_at_a_columns_top_is_the_next_item_where_paragraphs_are_set_in() -> None:
    """Measured on a real article: under "- Hạn chế còn tồn tại:", items opened by "+" ("+
    Lập kế hoạch phân tích sơ sài." ending a column, "+ Hầu hết ..." at the next one's top,
    then two more) came out as one paragraph: where paragraphs are set in, a flush line
    after a break went on with the text before it."""
    sheet = page(
        1,
        [*body_lines(60, 38), line("- Hạn chế còn tồn tại:", 50, 630)],
        [line("+ Lập kế hoạch phân tích sơ sài.", 50, 645)],
        [line("+ Hầu hết các trường mới chỉ dừng lại ở đó.", 320, 60)],
        [line("+ Đối với việc phân tích, còn sơ sài.", 320, 80)],
    )
    joined = [para.text for para in join_continued(labelled(sheet), indent=True)]
    assert "+ Lập kế hoạch phân tích sơ sài." in joined, joined
    assert sum(text.startswith("+ ") for text in joined) == 3, joined


def test_an_italic_heading_broken_across_columns_is_one_heading() -> None:
    """Measured on real articles: an italic heading filling the foot of a column and going
    on in small letters at the top of the next ("Thứ tư, đa dạng hóa các hoạt động ngoại
    khóa" / "tạo môi trường rèn luyện KNM cho SV") was a paragraph over a heading."""
    from dataclasses import replace

    def italic(made: Line) -> Line:
        for word in made.words:
            word.style = replace(word.style, italic=True)
        return made

    heading = "Thứ tư, đa dạng hóa các hoạt động ngoại tạo môi trường rèn luyện KNM cho SV"
    # (at 75, measured on an unseen article: with the paragraph right under its second part,
    # the heading, measured against the first column's edge, seemed to run on into it)
    for top in (86, 75):
        sheet = page(
            1,
            [*body_lines(60, 39), line("và câu kết thúc.", 50, 645)],
            [italic(justified("Thứ tư, đa dạng hóa các hoạt động ngoại", 660))],
            [italic(line("tạo môi trường rèn luyện KNM cho SV", 320, 60))],
            [line("Đa dạng hóa các hoạt động.", 320, top), *body_lines(top + 15, 3, x=320)],
        )
        kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
        assert ("HEADING", heading) in kinds, (top, kinds)


def test_a_numbered_step_over_a_figure_is_no_part_of_the_figure() -> None:
    """Measured on a real article: a numbered step in the body's type right above a figure
    ("2.2. Bước 2: Chọn bộ post-processor có sẵn" / "tương ứng với máy tiện CNC ...") was
    taken for words drawn in the figure and dropped with it."""
    sheet = page(
        1,
        [*body_lines(60, 6), line("và câu kết thúc.", 50, 150)],
        [line("2.2. Bước 2: Chọn bộ post-processor có sẵn", 50, 170)],
        [line("tương ứng với máy tiện CNC CLK6140D/2", 50, 185)],
        [line("Generic Fanuc", 80, 230, 8)],
        [line("Lathe", 160, 250, 8)],
        [line("Hình 2. Các bộ Post-processor có sẵn trong Mastercam", 60, 300, 9, bold=True)],
        body_lines(320, 4),
    )
    roles_ = {para.text: para.role for para in labelled(sheet)}
    assert roles_["2.2. Bước 2: Chọn bộ post-processor có sẵn"] != "figure", roles_
    assert roles_["tương ứng với máy tiện CNC CLK6140D/2"] != "figure", roles_
    assert roles_["Generic Fanuc"] == "figure", roles_


def test_a_line_of_one_column_level_with_a_tables_row_in_the_other_is_no_cell() -> None:
    """Measured on real articles: "Công suất của biến tần là:" in the right column, level
    with a row of a small table set in the left one ("Phạm vi công suất" | "550"), was taken
    for one of its cells and left its paragraph."""

    def small(rows: list[tuple[str, str]], top: float) -> list[list[Line]]:
        return [
            [line(text, left, top + 18 * n, 10)]
            for n, row in enumerate(rows)
            for text, left in zip(row, (80, 200), strict=True)
        ]

    rows = [("Điện áp (V)", "49,95"), ("Dòng đạt được (A)", "14"), ("Phạm vi công suất", "550")]
    last = page(
        5,
        body_lines(40, 6),
        [line("Bảng 2. Thông số hệ thống pin năng lượng", 80, 140, 9, True)],
        *small(rows, 160),
        body_lines(240, 4),
        body_lines(40, 8, x=320),
        [line("Công suất của biến tần là:", 320, 196)],
        [line("Pbt = Ptt×1,2 =9,6×1,2= 11,52 (kWh)", 320, 215)],
        body_lines(235, 4, x=320),
    )
    role = {p.text: p.role for p in after_two_column_pages(last) if p.page == 5}
    assert role["Công suất của biến tần là:"] != "table", role
    assert role["Phạm vi công suất"] == "table", role


def test_a_last_line_of_citations_is_no_equation() -> None:
    """Measured on a real article (every line a block of its own): a paragraph's last line
    "rãi [2], [7]." was taken for an equation for its figures, cutting it off its sentence."""
    lines = [
        "Mô hình này được ứng dụng trong nhiều lĩnh",
        "vực khác nhau của kỹ thuật một cách rộng",
    ]
    sheet = lines_set_apart(lines, [line("rãi [2], [7].", 50, 238)], body_lines(265, 3))
    roles_ = {para.text: para.role for para in labelled(sheet)}
    assert roles_["rãi [2], [7]."] == "body", roles_
    texts_ = [b.text for b in body_blocks(labelled(sheet))]
    assert any(t.endswith("một cách rộng rãi [2], [7].") for t in texts_), texts_


def test_a_diagrams_label_between_a_sentences_two_halves_stays_out_of_it() -> None:
    """Measured on a real article: a diagram's box label in small bold type ("Hành vi của
    giảng viên"), read between the foot of a column ending mid-sentence ("... Phiếu khảo")
    and the top of the next ("sát được xây dựng ..."), took the sentence's second half as
    its own paragraph."""
    sheet = page(
        1,
        [*body_lines(60, 30), justified("trong ba tháng của năm học. Phiếu khảo", 510)],
        [line("Hành vi của giảng viên", 90, 540, 9, bold=True)],
        [line("sát được xây dựng trên thang đo năm mức.", 320, 60), *body_lines(75, 3, x=320)],
    )
    texts_ = [b.text for b in body_blocks(labelled(sheet))]
    assert any("Phiếu khảo sát được xây dựng" in t for t in texts_), texts_


def test_an_equation_and_its_number_set_apart_on_its_line_are_one_equation() -> None:
    """Measured on a real article: "R HH (Δ t) =1.5J 0 (2π f D Δ t)" and its number "(10)" at
    the margin, level with it, came out as two equations (they had been joined only while a
    subscript of the other column made the formula a table's cell)."""
    sheet = page(
        1,
        [*body_lines(60, 4), line("và câu kết thúc như sau:", 50, 120)],
        [line("R HH (Δ t) =1.5J 0 (2π f D Δ t)", 70, 140)],
        [line("(10)", 262, 140)],
        [line("Với: fD là tần số Doppler và J0(.) là hàm Bessel.", 50, 165), *body_lines(180, 3)],
    )
    equations = [b.text for b in body_blocks(labelled(sheet)) if b.kind.name == "EQUATION"]
    assert len(equations) == 1 and equations[0].endswith("(10)"), equations


def test_a_formulas_pieces_in_two_sizes_across_the_columns_still_pair() -> None:
    """Measured on a real article: once a line of one column stopped pairing with a row of
    the other in another size, a formula's pieces in two sizes ("[δ H ] = H lim .KHL" and
    its subscript "δ o") that the columns' edges fall between stopped pairing too and the
    formula came apart. Only a line of words is kept from another size's cells."""
    from bantin.pdf import roles as pdf_roles
    from bantin.pdf.reading import Column

    sheet = page(
        1,
        [line("[δ H ] = H lim .KHL", 200, 100)],
        [line("δ o", 330, 104, 7)],
        [line("Công suất của biến tần là:", 400, 300)],
        [line("550", 200, 300, 10)],
    )
    formula, subscript, text, cell = paragraphs(sheet, BODY)
    formula.column = cell.column = Column(50.0, 290.0, 6.0)
    subscript.column = text.column = Column(320.0, 560.0, 6.0)
    assert pdf_roles._same_table(formula, subscript)
    assert not pdf_roles._same_table(text, cell)


def test_a_point_numbered_in_brackets_after_a_short_line_is_the_next_point() -> None:
    """Measured on a real article: "(iii) ... công việc dễ dàng hơn" (no full stop, the line
    stopping short) and "(iv) Nhóm khuyến nghị ..." under it were one paragraph."""
    points = [
        line("(iii) Nhóm khuyến nghị nhằm hạn chế sự căng thẳng đối với", 50, 160),
        line("công việc dễ dàng hơn", 50, 175),
        line("(iv) Nhóm khuyến nghị nhằm hạn chế ý định nghỉ việc của", 50, 190),
        line("nhân viên nhà quản lý nên làm tốt", 50, 205),
        line("(2) Nhóm đề xuất cuối cùng của bài viết này", 50, 220),
    ]
    sheet = page(1, [*body_lines(100, 4), *points, *body_lines(235, 10)])
    texts_ = [para.text for para in labelled(sheet)]
    assert any(t.startswith("(iv) Nhóm") for t in texts_), texts_
    assert any(t.startswith("(2) Nhóm") for t in texts_), texts_
    assert any(t.endswith("công việc dễ dàng hơn") for t in texts_), texts_


def test_a_sentences_end_naming_a_table_at_a_columns_top_is_no_equation() -> None:
    """Measured on a real article: "(bảng 10)." at the top of the right column, the end of
    the left column's last sentence, was set apart as an equation."""

    first = body_lines(100, 20)
    right = first[0].box.x1 + 20
    sheet = page(
        1,
        first,
        [line("(bảng 10).", right, 100)],
        body_lines(130, 10, x=right),
    )
    paras = labelled(sheet)
    tail = [para for para in paras if para.text == "(bảng 10)."]
    assert tail and tail[0].role == "body", [(p.role, p.text[:20]) for p in paras]
    joined = [para.text for para in join_continued(paras, indent=False)]
    assert any(text.endswith("dòng này (bảng 10).") for text in joined), joined
    from bantin.pdf.roles import _NAMED_TAIL

    tails = ["(Bảng 2, 3).", "(hình 2a, 2b).", "[bảng 10].", "(bảng 10)", "hình 3 và 4;"]
    assert all(_NAMED_TAIL.match(tail) for tail in tails)
    assert not any(_NAMED_TAIL.match(t) for t in ["(bảng 10) = 5", "hình 3 x 4", "(10)."])


def test_a_heading_of_words_joined_by_a_slash_or_a_hyphen_is_a_heading() -> None:
    """Measured on a real article: "a. Preparation/ Warm-up" in bold italics, between its
    siblings "b. Dictation" and "c. Reconstruction", was dropped as a figure's label: none of
    its words counted as one ("Preparation/", "Warm-up")."""
    heads = []
    for text, y in (("a. Preparation/ Warm-up", 160), ("b. Dictation", 235)):
        plain = line(text, 50, y, size=11.0)
        style = Style("Arial,BoldItalic", 11.0, bold=True, italic=True)
        for word in plain.words:
            word.style = style
        heads.append(plain)
    sheet = page(
        1,
        body_lines(100, 4),
        [heads[0]],
        body_lines(175, 4),
        [heads[1]],
        body_lines(250, 10),
    )
    role = {para.text: para.role for para in labelled(sheet)}
    assert role["b. Dictation"] == HEADING, role
    assert role["a. Preparation/ Warm-up"] == HEADING, role


def test_a_lists_short_items_over_a_picture_are_text_and_its_labels_the_figures() -> None:
    """Measured on a real article: "Kho mực tồn OPP: 12.750 kg;" and the two items under it,
    set in the body's type over a photograph and its caption, were taken for the figure's
    words and dropped; a label over the caption without a clause's end still is one."""
    items = [
        line("Kho mực tồn OPP: 12.750 kg;", 50, 175),
        line("Kho mực tồn PET: 4.364 kg;", 50, 190),
        line("Kho mực DPE: 1.127 kg.", 50, 205),
    ]
    sheet = page(
        1,
        [*body_lines(100, 4), line("Tổng lượng mực hiện còn tồn tại kho:", 50, 160)],
        *[[item] for item in items],
        [line("• Chiều dày cắt lớn nhất [2]:", 50, 285)],
        [line("Lợi nhuận sau thuế", 120, 300)],
        [line("Tỷ suất.", 120, 315)],
        [line("Doanh thu năm", 120, 330, 10)],
        [line("Hình 1: Hiện trạng bảo quản mực", 90, 345, 9, bold=True)],
        body_lines(380, 10),
    )
    role = {para.text: para.role for para in labelled(sheet)}
    assert all(role[item.text] == "body" for item in items), role
    assert role["Doanh thu năm"] == "figure", role
    assert role["Lợi nhuận sau thuế"] == role["Tỷ suất."] == "figure", role  # labels in its type
    assert role["• Chiều dày cắt lớn nhất [2]:"] == "body", role  # a list's item above them
    # the end of a sentence over a figure's caption, on a line of its own (a real article:
    # "• “Load” - một thanh kim loại chịu tải có tính" over "đàn hồi.")
    full = justified("• “Load” - một thanh kim loại chịu tải có tính chất", 175)
    sheet = page(
        1,
        [*body_lines(100, 4), full],
        [line("đàn hồi.", 50, 190)],
        [line("Hình 2. Cấu tạo cảm biến tải trọng", 90, 345, 9, bold=True)],
        body_lines(380, 10),
    )
    role = {para.text: para.role for para in labelled(sheet)}
    assert role["đàn hồi."] == "body", role


def test_a_section_number_of_four_levels_at_a_pages_foot_is_no_notes_mark() -> None:
    """Measured on an unseen article: "2.1.1.2. Mô hình dao động liên kết" in italics a point
    smaller than the text, the last line of its page, was a footnote (its "2" taken for a
    note's mark), and "4.2.2.3. Ảnh hưởng của khối lượng thân xe" was lost with it: a
    section's number of four levels is a section's, as one of three is."""
    sheet = page(
        1,
        [*body_lines(60, 40), line("và câu kết thúc.", 50, 660)],
        [_italic("2.1.1.2. Mô hình dao động liên kết", 50, 720, 11)],
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    assert ("HEADING", "2.1.1.2. Mô hình dao động liên kết") in kinds, kinds


def test_a_named_value_on_a_line_of_its_own_is_text_not_an_equation() -> None:
    """Measured on an unseen article: "Sknewness: 0.23378." under "Element quality:
    0.82815;" was an equation (one word and a number): a name, its colon and its value are
    a line of text, as the line over it was."""
    sheet = page(
        1,
        [*body_lines(60, 6), line("chất lượng lưới được đánh giá qua hai chỉ số:", 50, 150)],
        [line("Element quality: 0.82815;", 50, 168)],
        [line("Sknewness: 0.23378.", 50, 186)],
        body_lines(210, 6),
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    assert not [text for kind, text in kinds if kind == "EQUATION"], kinds


def test_a_short_line_of_code_in_a_monospaced_font_is_kept() -> None:
    """Measured on a real article: the first line of each listing, "int Pksent(){" in
    Courier New, short and no sentence, was dropped as a figure's label."""
    code = line("int Pksent(){", 50, 175, 9)
    comment = line("//Ps là số gói tin đã gửi.", 50, 186, 9)
    for piece in (code, comment):
        for word in piece.words:
            word.style = Style("Courier New,Bold", 9.0, bold=True)
    sheet = page(1, body_lines(100, 5), [code], [comment], body_lines(210, 10))
    role = {para.text: para.role for para in labelled(sheet)}
    assert role["int Pksent(){"] != "figure", role
    # a screenshot's words in a tiny monospaced type are a figure's (a real article)
    for word in code.words:
        word.style = Style("Courier New", 4.0)
    sheet = page(1, body_lines(100, 5), [code], body_lines(210, 10))
    role = {para.text: para.role for para in labelled(sheet)}
    assert role["int Pksent(){"] == "figure", role
    from bantin.pdf.fonts import monospaced

    fonts = ["Courier New", "DejaVuSansMono", "NimbusMonPS-Regular", "Consolas", "Monaco"]
    assert all(monospaced(font) for font in fonts)
    assert not any(monospaced(font) for font in ["MonotypeCorsiva", "Times New Roman"])


def test_an_appendix_after_the_references_ends_them() -> None:
    """Measured on a real article: "PHỤ LỤC: THANG ĐO CỦA CÁC BIẾN NGHIÊN CỨU" after the
    references, and its table, became 31 more reference entries."""
    items = [
        "[1] Nguyễn Văn An (2019). Khởi nghiệp của sinh viên. Tạp chí Kinh tế, 3, 12-20.",
        "[2] Trần Thị Bình (2020). Ý định kinh doanh. Tạp chí Khoa học, 5, 30-41.",
    ]
    sheet = page(
        1,
        body_lines(60, 14),
        [line("TÀI LIỆU THAM KHẢO", 200, 290, 12, bold=True)],
        *[[line(text, 50, 310 + 20 * n, 10)] for n, text in enumerate(items)],
        [line("PHỤ LỤC: THANG ĐO CỦA CÁC BIẾN NGHIÊN CỨU", 150, 370, 12, bold=True)],
        [line("Sẵn sàng kinh doanh", 50, 390, 10)],
        [line("Tôi sẵn sàng làm bất cứ điều gì để kinh doanh.", 200, 390, 10)],
    )
    paras = labelled(sheet)
    role = {para.text: para.role for para in paras}
    assert [role[text] for text in items] == ["reference", "reference"], role
    assert role["PHỤ LỤC: THANG ĐO CỦA CÁC BIẾN NGHIÊN CỨU"] == HEADING, role
    assert role["Tôi sẵn sàng làm bất cứ điều gì để kinh doanh."] != "reference", role


def test_an_italic_note_set_flush_right_under_a_table_is_no_heading() -> None:
    """Measured on a real article: the program's name under each table, in italics set
    flush right (from 473 to the column's edge at 540, in the body's type of 12 points),
    was a heading of the article; so was a source's note in smaller italics starting at the
    column's left ("Nguồn: tác giả ..."). A float's note goes with the float; an italic
    heading at the left, or numbered in smaller type, stays."""
    rows = [(f"Biến số {n}", f"0,{800 + n}") for n in range(4)]
    right = line(RUNNING, 50, 0).box.x1
    note = _styled("Phần mềm PLS", 0, 0, italic=True)
    flush = right - note.box.x1
    sheet = page(
        1,
        body_lines(40, 4),
        [line("Bảng 1. Giá trị tin cậy của thang đo", 120, 110, 10, True)],
        *cells(rows, (60, 340), 130),
        [_styled("Phần mềm PLS", flush, 206, italic=True)],
        body_lines(224, 4),
        [_styled("Nguồn tác giả tự tính toán bằng phần mềm", 52, 290, 11, italic=True)],
        body_lines(306, 3),
        [_styled("Ảnh hưởng của nhiệt độ sấy", 50, 356, italic=True)],
        body_lines(372, 3),
        [_styled("3.1. Về công tác quy hoạch", 50, 422, 11, italic=True)],
        body_lines(438, 3),
    )
    roles_ = {para.text: para.role for para in labelled(sheet)}
    assert roles_["Phần mềm PLS"] == CAPTION, roles_
    assert roles_["Nguồn tác giả tự tính toán bằng phần mềm"] == CAPTION, roles_
    assert roles_["Ảnh hưởng của nhiệt độ sấy"] == HEADING, roles_
    assert roles_["3.1. Về công tác quy hoạch"] == HEADING, roles_


def test_a_source_note_with_a_comma_under_a_table_is_its_note() -> None:
    """Measured on a real article: "Nguồn, <an agency> ..." (a comma slipped in for the
    colon), in italics of the body's size filling the column under a table's rows, was read as
    running text and joined to the paragraph after the table. A source's note goes with its
    float whatever mark follows "Nguồn"; running text does not open with "Nguồn,"."""
    rows = [(f"Ngành số {n}", f"+{12 + n},5%") for n in range(4)]
    note = "Nguồn, Sở Kế hoạch và Đầu tư tỉnh năm 2020"
    right = line(RUNNING, 50, 0).box.x1
    flush = right - _styled(note, 0, 0, italic=True).box.x1
    sheet = page(
        1,
        body_lines(40, 4),
        [line("Bảng 1. Tỷ trọng doanh nghiệp theo ngành", 120, 110, 10, True)],
        *cells(rows, (60, 340), 130),
        [_styled(note, flush, 206, italic=True)],
        body_lines(226, 4),
    )
    roles_ = {para.text: para.role for para in labelled(sheet)}
    assert roles_[note] == CAPTION, roles_


SOURCE_NOTE = "(Nguồn: Kết quả xử lý của tác giả)"


def under_a_tables_note(after: list[list[Line]], resumes: float) -> dict[str, str]:
    """The roles of a page holding a regression table, its source note under it, then the
    blocks `after` and the running text again from `resumes`."""
    rows = [(f"Biến số {n}", f"0,{800 + n}") for n in range(4)]
    sheet = page(
        1,
        body_lines(40, 4),
        [line("Bảng 3. Kết quả ước lượng của mô hình", 120, 110, 10, True)],
        *cells(rows, (60, 340), 130),
        [_styled(SOURCE_NOTE, 52, 210, 12, italic=True)],
        *after,
        body_lines(resumes, 4),
    )
    roles_ = {para.text: para.role for para in labelled(sheet)}
    assert roles_[SOURCE_NOTE] == CAPTION, roles_
    assert roles_["Biến số 3"] == TABLE, roles_
    return roles_


def test_a_small_note_under_a_tables_source_is_its_note_not_figure_words() -> None:
    """Measured on a real article: under a regression table and its source note, three
    short lines in small bold type (8 points over a body of 13: the model test chosen, the
    test's name and its statistic, "... 0,0902") were the words drawn inside a figure, two
    dropped and the first glued to the paragraph after the table. No figure is there: short
    lines in small type following a table's rows, before the text resumes, are its note."""
    note = [
        _styled("Phép thử chọn mô hình phù hợp", 52, 232, 8, bold=True),
        _styled("Kiểm định 0,0417", 52, 241, 8, bold=True),
        _styled("Wooldridge", 52, 250, 8, bold=True),
    ]
    roles_ = under_a_tables_note([note], 266)
    assert "figure" not in roles_.values(), roles_
    assert roles_["Phép thử chọn mô hình phù hợp Kiểm định 0,0417 Wooldridge"] == CAPTION, roles_


def test_a_section_and_its_text_in_smaller_type_after_a_tables_note_are_no_note() -> None:
    """Measured on a real article whose columns mix two typefaces, the running text of one
    column a size under the body's: after a table's rows and its source note, the numbered
    heading of the next section and its paragraph of four lines were taken into the table's
    note. A note's lines are few and numbered no section: the run of the note ends there."""
    text = "dòng chữ của đoạn văn chạy dài ở cỡ chữ nhỏ hơn chữ thân bài một chút"
    heading = [_styled("4.2. Phân tích hồi quy", 52, 232, 9.5, bold=True)]
    paragraph = [_styled(text, 52, 246 + 11 * n, 9.5) for n in range(4)]
    roles_ = under_a_tables_note([heading, paragraph], 300)
    assert roles_.get("4.2. Phân tích hồi quy") not in (CAPTION, None), roles_
    assert not any(role == CAPTION and text.split()[0] in key for key, role in roles_.items())


def test_a_lead_in_in_smaller_type_after_a_tables_note_is_no_note() -> None:
    """The same article further on: after a table's source note, two lines of running text
    ending with a colon that announces the equation under them were taken into the note, as
    one paragraph or as lines poppler set apart. A note announces nothing (a line ending with
    a colon leads into what follows), and its lines are short: a line of many words across
    its column is running text, whatever its type."""
    first = "Từ bảng kết quả ước lượng ở trên ta có phương trình sau"
    lead = [
        _styled(first, 50, 232, 9.5),
        _styled("theo phương pháp bình phương nhỏ nhất như sau:", 50, 243, 9.5),
    ]
    for apart in (False, True):
        roles_ = under_a_tables_note([[one] for one in lead] if apart else [lead], 280)
        assert not any(role == CAPTION and "phương" in key for key, role in roles_.items())


def test_a_tables_unit_abbreviated_under_its_caption_is_its_note() -> None:
    """Measured on real articles: "ĐVT: Triệu đồng" (đơn vị tính, the unit) in italics
    under a table's caption was a heading; it is the table's note, as "Đơn vị:" is, and the
    rows under it are still the table's."""
    rows = [(f"Năm {2015 + n}", f"{120 + n}") for n in range(4)]
    sheet = page(
        1,
        body_lines(40, 4),
        [line("Bảng 1. Cơ cấu doanh thu giai đoạn 2015-2019", 120, 110, 10, True)],
        [_styled("ĐVT: Triệu đồng", 120, 124, 12, italic=True)],
        *cells(rows, (60, 200), 142),
        body_lines(224, 4),
    )
    roles_ = {para.text: para.role for para in labelled(sheet)}
    assert roles_["ĐVT: Triệu đồng"] == CAPTION, roles_
    assert roles_["Năm 2015"] == TABLE and roles_["123"] == TABLE, roles_


def test_a_menu_path_in_capitals_is_no_heading() -> None:
    """Measured on a real article: the steps of setting up a device, each a menu path in
    capitals ("SETUP > RESET > YES", "DRV APPL P96 > OK"), were headings of the article; a
    path of choices, its words joined by ">", names no section."""
    sheet = page(
        1,
        [*body_lines(40, 4), line("Bước 2: Chuyển sang chế độ", 50, 100)],
        [line("SETUP > RESET > YES", 50, 118)],
        [line("DRV APPL P96 > OK", 50, 136)],
        body_lines(156, 4),
    )
    roles_ = {para.text: para.role for para in labelled(sheet)}
    assert roles_["SETUP > RESET > YES"] != HEADING, roles_
    assert roles_["DRV APPL P96 > OK"] != HEADING, roles_


def test_two_fractions_one_under_another_are_two_equations_each_with_its_number() -> None:
    """Measured on a real article: two formulas "ω = (vR − vL) / b" set one under the other,
    each numbered at the margin, came out as tables of their pieces ("vR − vL b", "ω =") with
    the numbers "(5)" and "(6)" as equations of their own: subscripted variables ("vR") read
    as words, and each formula's pieces stopped the other's gathering as a table's."""
    right = line(RUNNING, 50, 0).box.x1
    number_x = right - 18
    sheet = page(
        1,
        body_lines(60, 6),
        [line("Tốc độ quay được tính theo công thức:", 50, 150)],
        [line("vA − vB", 75, 170), line("b", 90, 188)],
        [line("ω =", 52, 178)],
        [line("ω =", 52, 220)],
        [line("(ωA − ωB) r", 72, 206)],
        [line("b", 95, 230)],
        [line("(5)", number_x, 180)],
        [line("(6)", number_x, 222)],
        [line("Từ (5) và (6) ta có vận tốc từng trục.", 50, 252)],
        body_lines(270, 6),
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    assert [kind for kind, _ in kinds if kind != "PARAGRAPH"] == ["EQUATION", "EQUATION"], kinds
    equations = [text for kind, text in kinds if kind == "EQUATION"]
    assert equations == ["vA − vB\nω = (5)\nb", "(ωA − ωB) r\nω = (6)\nb"], kinds
    assert kinds[-2][1].startswith("Từ (5) và (6)"), kinds


def test_numbers_set_in_a_column_beside_formula_lines_number_each_line() -> None:
    """Measured on a real article: formulas set as one paragraph, their numbers in a block of
    their own at the margin, came out as a paragraph and equations holding only a number."""
    right = line(RUNNING, 50, 0).box.x1
    formulas = ["Pa = Pa(u, w) hay Pa = Pa(h)", "Pb = Pb(u, w) hay Pb = Pb(h)"]
    sheet = page(
        1,
        body_lines(60, 6),
        [line("Các đại lượng phụ thuộc vào chế độ cắt, dạng:", 50, 150)],
        [line(formulas[0], 50, 170), line(formulas[1], 50, 188), line("Rz = R(u, w)", 50, 206)],
        [line(f"({n})", right - 18, 170 + 18 * (n - 2)) for n in range(2, 5)],
        [line("Các quan hệ trên được dùng để giám sát quá trình.", 50, 230)],
        body_lines(248, 6),
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    equations = [text for kind, text in kinds if kind == "EQUATION"]
    lines = "\n".join(equations).splitlines()
    assert lines == [f"{formulas[0]} (2)", f"{formulas[1]} (3)", "Rz = R(u, w) (4)"], kinds


def test_a_number_under_a_long_formula_numbers_the_formula_above_it() -> None:
    """Measured on a real article: two long sums, each too wide to leave room for its number,
    had "(1)" and "(2)" set on lines of their own under them; the pieces of both and their
    numbers were one equation (then, gathered by the nearest number, the second sum took
    "(1)")."""
    right = line(RUNNING, 50, 0).box.x1
    sheet = page(
        1,
        body_lines(60, 6),
        [line("Theo định nghĩa ta có:", 50, 150)],
        [line("1 n", 80, 168)],
        [line("Sa = ∑∏(−1) q(x + y)", 50, 174)],
        [line("t=0 j=1", 76, 192)],
        [line("(1)", right - 18, 206)],
        [line("1 n", 80, 222)],
        [line("Sb = ∑∏(−1) p(x − y)", 50, 228)],
        [line("t=0 j=1", 76, 246)],
        [line("(2)", right - 18, 260)],
        [line("Hai tổng này được tính lần lượt cho từng bit của mã.", 50, 280)],
        body_lines(298, 6),
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    equations = [text for kind, text in kinds if kind == "EQUATION"]
    assert equations == [
        "1 n\nSa = ∑∏(−1) q(x + y)\nt=0 j=1\n(1)",
        "1 n\nSb = ∑∏(−1) p(x − y)\nt=0 j=1\n(2)",
    ], kinds


def test_a_lead_in_over_a_numbered_formula_stays_a_paragraph() -> None:
    """Measured on real articles: "Do đó," and "Ta có" over a formula (a capital and a
    letter read as a variable) and "Ở đây: Y = ln(hs)" under it went into the equation."""
    right = line(RUNNING, 50, 0).box.x1
    sheet = page(
        1,
        body_lines(60, 6),
        [line("Do đó,", 50, 150)],
        [line("Clen ∈ [0,1]", 90, 168)],
        [line("(5)", right - 18, 168)],
        [line("Ở đây: Y = ln(h); x1 = ln(t)", 50, 186)],
        body_lines(204, 6),
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    assert ("EQUATION", "Clen ∈ [0,1] (5)") in kinds, kinds
    assert not any(kind == "EQUATION" and "Do đó" in text for kind, text in kinds), kinds
    assert not any("Clen" in text and "Ở đây" in text for _, text in kinds), kinds


def test_a_formula_named_with_two_letter_variables_takes_its_number() -> None:
    """Measured on real articles: "Ra = Ra (vs, vw, a, Fn)" and "xi (t) = xi (t −1) + vi
    (t)Δt", each with its number at the margin, stayed paragraphs beside an equation "(8)":
    their variables of two letters ("vs", "xi") counted as words of running text."""
    right = line(RUNNING, 50, 0).box.x1
    sheet = page(
        1,
        body_lines(60, 6),
        [line("Các quan hệ này có dạng:", 50, 150)],
        [line("Pz = Pz (vs, vw, b, Fq)", 90, 170)],
        [line("(8)", right - 18, 170)],
        [line("yi (t) = yi (t −1) + ui (t)Δt", 90, 190)],
        [line("(9)", right - 18, 190)],
        [line("Nếu máy được điều khiển số thì chế độ cắt thay đổi.", 50, 212)],
        body_lines(230, 6),
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    equations = [text for kind, text in kinds if kind == "EQUATION"]
    assert equations == ["Pz = Pz (vs, vw, b, Fq) (8)", "yi (t) = yi (t −1) + ui (t)Δt (9)"], kinds


@pytest.mark.parametrize("denominator", ["(σv δw CL )cd", "σv"])
def test_a_denominator_of_variables_with_greek_letters_is_a_piece_of_its_formula(
    denominator: str,
) -> None:
    """Measured on a real article: a fraction numbered "(6)", its denominator a product of
    variables with Greek letters and two-letter names in brackets with an index, came out as
    a table, the number and a paragraph holding the denominator: with no relation sign of
    its own, its variables read as words (a Greek variable alone too, as words of a
    Vietnamese letter alone are)."""
    right = line(RUNNING, 50, 0).box.x1
    sheet = page(
        1,
        body_lines(60, 6),
        [line("Tỷ số chuyển tiếp được xác định như sau:", 50, 150)],
        [line("(p − pk)cd", 76, 166)],
        [line("kq =", 50, 176)],
        [line("(6)", right - 18, 178)],
        [line(denominator, 74, 188)],
        [line("Quá trình truyền nhiệt diễn ra trong xi lanh.", 50, 212)],
        body_lines(230, 6),
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    equations = [text for kind, text in kinds if kind == "EQUATION"]
    assert equations == [f"(p − pk)cd\nkq = (6)\n{denominator}"], kinds


def test_a_tables_rows_over_a_picture_are_not_the_pictures_words() -> None:
    """Measured on a real article: a table without rules under its caption ("Bảng 1"), a
    chart printed as a picture under the table and its caption ("Hình 1") under the chart:
    going up from "Hình 1" over what stands between it and the text, the figure took the
    table's rows as words drawn in it, and the table was printed empty. The rows are the
    table's; the words between the rows and the figure's caption stay the figure's."""
    rows = [
        [line(" ".join(f"{n + r}.{n * 7 % 10}{r}4" for n in range(8)), 50, 322 + 12 * r, 8)]
        for r in range(6)
    ]
    sheet = page(
        1,
        body_lines(60, 16),
        [line("Bảng 1: Kết quả đo một số đỉnh tiêu biểu trong quá trình khảo sát", 50, 306, 9)],
        *rows,
        [line("Tần số (GHz)", 250, 560, 8)],  # the chart's axis title, over its caption
        [line("Hình 1: Phân bố công suất của thiết bị theo tần số", 120, 580, 9)],
        body_lines(610, 10),
    )
    paras = labelled(sheet)
    blocks = body_blocks(paras)
    shown = "\n".join(block.text for block in blocks)
    for row in rows:
        assert row[0].text in shown, shown
    assert [p.role for p in paras if p.text == "Tần số (GHz)"] == ["figure"]


def italic_line(text: str, x: float, y: float, size: float = 12.0) -> Line:
    found = line(text, x, y, size)
    for word in found.words:
        word.style = Style("Times New Roman,Italic", size, italic=True)
    return found


def test_a_received_line_with_a_misspelt_opening_is_no_affiliation() -> None:
    """Measured on an unseen article: "Đến toàn soạn ngày ..., chấp nhận đăng ngày ..." (a
    typing slip for "tòa soạn") was not taken for the "received" line, and became the
    article's second affiliation; the acceptance it states after the comma tells it too."""
    front = front_of_page(
        line("ĐÀO TẠO NGHỀ CHO LAO ĐỘNG NÔNG THÔN TẠI ĐỊA PHƯƠNG", 80, 115, 17.6, bold=True),
        line("VOCATIONAL TRAINING FOR RURAL WORKERS IN THE PROVINCE", 87, 174, 16.5, bold=True),
        line("Trần Văn Minh", 258, 221, 12, bold=True),
        italic_line("Khoa Quản trị kinh doanh, Trường Đại học Kinh tế - Kỹ thuật", 142, 237),
        line("Đến toàn soạn ngày 05/03/2021, chấp nhận đăng ngày 02/04/2021", 158, 255, 12),
        line("Tóm tắt: Đề án về đào tạo nghề cho lao động nông thôn ra đời trong bối", 65, 280),
        line("cảnh nước ta ngày càng hội nhập sâu rộng với các nước trong khu vực.", 120, 295),
        body_at=330,
    )
    assert front.affiliations == ["Khoa Quản trị kinh doanh, Trường Đại học Kinh tế - Kỹ thuật"]


@pytest.mark.parametrize(
    "received",
    [
        "Đến toàn soạn: 05/03/2021, chấp nhận đăng: 02/04/2021",
        "Đến toàn soạn 05/03/2021; chấp nhận đăng bài: 2/4/2021",
        "Đến toàn soạn ngày 22/3/2018, đăng ngày 16/4/2018",
    ],
)
def test_a_received_line_stating_its_acceptance_after_a_colon_is_no_affiliation(
    received: str,
) -> None:
    """The acceptance a "received" line states is written with a colon as often as without
    ("chấp nhận đăng: 02/04/2021"), however its opening words are misspelt."""
    assert is_dateline(received)
    assert not is_dateline("Khoa Quản trị kinh doanh, Trường Đại học Kinh tế - Kỹ thuật")


def _paragraph_at_a_columns_foot(last: Line, *floats: list[Line]) -> Page:
    """A left column of paragraphs ending in short lines, the last one ending at the column's
    foot with `last`, its sentence ended; the right column opens with `floats`, then a line
    opening with a capital."""
    blocks = [
        [*body_lines(100 + 70 * n, 3), line("và câu kết thúc ở đây.", 50, 145 + 70 * n)]
        for n in range(4)
    ]
    right = body_lines(0, 1)[0].box.x1 + 20
    return page(
        1,
        *blocks,
        [*body_lines(380, 3), last],
        *floats,
        [
            line("Ngoài ra câu văn của bài báo chạy dài hết dòng", right, 140),
            *body_lines(155, 20, x=right),
        ],
    )


def test_a_stretched_line_at_a_columns_foot_goes_on_in_the_next_column() -> None:
    """Measured on unseen articles: a full stop at the end of a column's last line, a capital
    at the top of the next, and the paragraph was cut in two, though the line's spaces were
    stretched to fill the column (4.0 points where the type's own are 3.0): a justified line,
    which a paragraph's last line never is. A line filled by its words at their own spacing
    ends its paragraph there, as before."""

    stretched = justified("Câu văn của đoạn này kết thúc.", 425)
    natural = line("câu văn của bài báo chạy dài hết cả dòng đó.", 50, 425)
    assert natural.box.x1 == stretched.box.x1  # both fill the column
    for last, goes_on in ((stretched, True), (natural, False)):
        paras = labelled(_paragraph_at_a_columns_foot(last))
        joined = [para.text for para in join_continued(paras, indent=False)]
        together = any(". Ngoài ra câu văn" in text for text in joined)
        assert together is goes_on, [text[-60:] for text in joined]


def test_a_stretched_lead_in_over_a_float_ends_its_paragraph() -> None:
    """Measured on an unseen article: "... Khi đó:" stretched at a column's foot, a figure at
    the top of the next, then "Do ma trận ..." opening a paragraph: the colon announced what
    stands under it, the text after the float does not go on from it."""

    right = body_lines(0, 1)[0].box.x1 + 20
    caption = [line("Hình 2. Sơ đồ khối của hệ thống", right + 30, 110, 10, bold=True)]
    for lead_in, goes_on in (("Khi đó ta có công thức sau:", False), ("Câu văn kết thúc.", True)):
        paras = labelled(_paragraph_at_a_columns_foot(justified(lead_in, 425), caption))
        assert any(p.role == CAPTION for p in paras), [(p.role, p.text[:30]) for p in paras]
        joined = [para.text for para in join_continued(paras, indent=False)]
        together = any(lead_in[-8:] + " Ngoài ra" in text for text in joined)
        assert together is goes_on, [text[-60:] for text in joined]


def test_a_tables_rows_far_apart_in_one_column_stay_its_rows() -> None:
    """Measured on a real article: a program's output set as a table, its left column
    empty for several rows ("Random effects ..." and, five rows down, "Integration method
    ..."), read column by column, under its caption and over the text: no figure follows it,
    so however far apart its rows stand they are all the table's."""
    left = [
        [line(text, 60, y, 9)]
        for text, y in (
            ("Random-effects regression", 300),
            ("Group variable: id", 315),
            ("Random effects Gaussian", 330),
            ("Integration method: mvaghermite", 390),
            ("Log likelihood = 255.19", 420),
        )
    ]
    right = [[line(f"nhóm {n} = {8 * n}", 330, 300 + 15 * n, 9)] for n in range(6)]
    sheet = page(
        1,
        body_lines(60, 15),
        [line("Bảng 3. Kết quả mô hình hồi quy của các ngân hàng trong giai đoạn", 60, 284, 9)],
        *left,
        *right,
        body_lines(450, 12),
    )
    paras = labelled(sheet)
    shown = "\n".join(block.text for block in body_blocks(paras))
    for words in ("Integration method: mvaghermite", "Log likelihood = 255.19"):
        assert words in shown, shown


def test_a_tables_rows_far_apart_stay_its_rows_under_a_figure_in_the_next_column() -> None:
    """A table read column by column at the foot of the left column ("Integration method
    ..." five rows under "Random effects ..."), a chart and its caption ("Hình 2") atop the
    right column: the caption that follows the rows in reading order is no figure set under
    the table, so the gap in the table's column does not end its rows, and none of them
    become the chart's words."""
    left = [
        [line(text, 60, y, 9)]
        for text, y in (
            ("Random-effects regression", 540),
            ("Group variable: id", 555),
            ("Random effects Gaussian", 570),
            ("Integration method: mvaghermite", 630),
            ("Log likelihood = 255.19", 645),
        )
    ]
    sheet = page(
        3,
        body_lines(60, 30),
        [line("Bảng 3. Kết quả mô hình hồi quy", 60, 524, 9, bold=True)],
        *left,
        [line("Doanh thu", 400, 70, 8)],
        [line("2019 2020 2021", 360, 150, 8)],
        [line("Hình 2. Doanh thu của các ngân hàng", 340, 170, 9)],
        body_lines(200, 30, x=320),
    )
    paras = after_two_column_pages(sheet)
    for row in left:
        assert [p.role for p in paras if p.text == row[0].text] == [TABLE], row[0].text


def test_a_tables_first_row_under_a_long_unit_note_is_its_row() -> None:
    """A table's unit note of two lines between its caption and its rows ("Đơn vị: ..."),
    a figure's caption under the rows: the note goes on from the caption, so the gap its
    first row may not exceed is measured from the note's foot, not from the caption's first
    line (the first row, three lines of type under it, would have been cut off)."""
    rows = [
        [line(f"Năm {2018 + r} | {120 + 5 * r} | {80 + r}", 60, 336 + 12 * r, 9)] for r in range(3)
    ]
    sheet = page(
        1,
        body_lines(60, 15),
        [line("Bảng 2. Số lượng sinh viên theo năm của các khoa trong trường", 60, 290, 9)],
        [
            line("Đơn vị: người, tính theo số sinh viên có mặt vào", 120, 302, 9),
            line("cuối mỗi năm học của các khoa", 120, 313, 9),
        ],
        *rows,
        [line("Hình 4. Số sinh viên của các khoa theo năm học", 60, 520, 9)],
        body_lines(560, 12),
    )
    paras = labelled(sheet)
    assert [p.role for p in paras if p.text.startswith("Năm 2018")] == [TABLE]


def test_an_unnumbered_formula_with_a_fraction_of_variables_is_one_equation() -> None:
    """Measured on real articles: a display formula without a number ("ird = ψ'sd + Lr/Lm
    cosϕ ir"), its fraction's numerator and the factors after it one paragraph, the
    denominator another, came out as a small table of its pieces: its variables ("Lr",
    "cosϕ", "ir") counted as words, so the numerator was no piece of the formula."""
    sheet = page(
        1,
        body_lines(60, 6),
        [line("Theo [2] ta có:", 50, 150)],
        [line("Lr", 122, 166), line("cosϕ ir", 136, 171)],
        [line("ird =ψ sd' +", 52, 170)],
        [line("Lm", 122, 183)],
        [line("Ta thấy dòng ird quyết định mô men của máy.", 50, 205)],
        body_lines(223, 6),
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    assert [kind for kind, _ in kinds if kind != "PARAGRAPH"] == ["EQUATION"], kinds
    assert [text for kind, text in kinds if kind == "EQUATION"] == [
        "ird =ψ sd' + Lr cosϕ ir\nLm"
    ], kinds


def test_a_lead_in_level_with_a_system_of_formulas_stays_text_before_it() -> None:
    """Measured on a real article: "Đặt:" set at the column's left, level with a system of
    two formulas in braces and its number "(5)", the top of the braces standing higher than
    the word, came out as a table of one row ("Đặt: | ⎧x = u -s | ⇒ ⎨ | ⎧s = u -x"), the
    number an equation of its own and the rest of the system a table ending with the next
    lead-in "trong đó:". The lead-ins are text, the system one equation after the first."""
    right = line(RUNNING, 50, 0).box.x1
    sheet = page(
        1,
        body_lines(60, 6),
        [line("Sai lệch bám được định nghĩa như sau.", 50, 150)],
        [line("⎧x = u -s", 95, 168), line("⎧s = u -x", 185, 168)],
        [line("Đặt:", 50, 171)],
        [line("⇒ ⎨", 160, 173)],
        [line("(5)", right - 18, 173)],
        [line("⎨", 95, 177)],
        [line("x = u -s", 101, 186)],
        [line("⎩s = u -x", 185, 186)],
        [line("⎩", 95, 186)],
        [line("trong đó:", 50, 210)],
        [line("u = ud + Λ(ud -x) = ud + Λe;", 52, 230)],
        body_lines(252, 6),
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    assert not [text for kind, text in kinds if kind == "TABLE"], kinds
    at = kinds.index(("PARAGRAPH", "Đặt:"))
    assert kinds[at + 1][0] == "EQUATION", kinds
    assert all(piece in kinds[at + 1][1] for piece in ("⎧x = u -s", "(5)", "⎩s = u -x")), kinds
    assert kinds[at + 2] == ("PARAGRAPH", "trong đó:"), kinds


def test_a_lead_in_of_four_words_level_with_a_system_stays_text_before_it() -> None:
    """The lead-in the constant's comment names, "Khi đó ta có:" (four words), set at the
    column's left level with a braced system, is text like "Đặt:": it was a cell of a table
    of the system's pieces, LEAD_IN_MAX_WORDS being three."""
    right = line(RUNNING, 50, 0).box.x1
    sheet = page(
        1,
        body_lines(60, 6),
        [line("Sai lệch bám được định nghĩa như sau.", 50, 150)],
        [line("⎧x = u -s", 135, 168), line("⎧s = u -x", 225, 168)],
        [line("Khi đó ta có:", 50, 171)],
        [line("⇒ ⎨", 200, 173)],
        [line("(5)", right - 18, 173)],
        [line("⎨", 135, 177)],
        [line("x = u -s", 141, 186)],
        [line("⎩s = u -x", 225, 186)],
        [line("⎩", 135, 186)],
        [line("trong đó:", 50, 210)],
        [line("u = ud + Λ(ud -x) = ud + Λe;", 52, 230)],
        body_lines(252, 6),
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    assert not [text for kind, text in kinds if kind == "TABLE"], kinds
    at = kinds.index(("PARAGRAPH", "Khi đó ta có:"))
    assert kinds[at + 1][0] == "EQUATION", kinds


def test_a_captioned_tables_row_label_with_a_colon_stays_in_its_table() -> None:
    """A row label ending with a colon at the column's left ("Tổng:"), level with a value
    holding a sign ("+0,85"), is the table's cell, not a lead-in to a formula: _lead_ins
    made it text and moved it out, onto the end of the paragraph before the table, the row
    left without its label."""
    sheet = page(
        1,
        body_lines(60, 6),
        [line("Bảng 1. Kết quả ước lượng mô hình", 80, 160)],
        *cells(
            [("Chỉ tiêu", "Giá trị"), ("Hệ số", "0,12"), ("Tổng:", "+0,85"), ("Mẫu", "250")],
            (50, 200),
            190,
        ),
        body_lines(280, 6),
    )
    kinds = [(b.kind.name, b.text) for b in body_blocks(labelled(sheet))]
    tables = [text for kind, text in kinds if kind == "TABLE"]
    assert tables == ["Chỉ tiêu | Giá trị\nHệ số | 0,12\nTổng: | +0,85\nMẫu | 250"], kinds


def test_a_note_under_a_float_across_the_columns_stays_with_it() -> None:
    """Measured on real articles: "Nguồn: ..." set flush right under a chart or table across
    both columns stands in the right column of the band under it, so it was read after the
    left column's text there, and followed the paragraph going on from the left column into
    the right (or the left column's every paragraph), apart from its float. It goes into its
    float's caption."""
    ended = "Các quỹ đã rót vốn vào nhiều dự án."
    sheet = page(
        1,
        [*body_lines(60, 11), line(ended, 50, 225)],
        [*body_lines(60, 11, x=320), line(ended, 320, 225)],
        [line("Biểu đồ 1. Quy mô vốn đầu tư qua các năm", 170, 250, 10, True)],
        [line("Nguồn: Tổng hợp của nhóm tác giả", 372, 396, 10)],
        body_lines(420, 12),
        [*body_lines(420, 6, x=320), line("các doanh nghiệp khởi nghiệp trong nước.", 320, 510)],
    )
    sheet.images.append(Box(60, 265, 530, 390))
    texts = [block.text for block in body_blocks(labelled(sheet))]
    note = texts.index("Biểu đồ 1. Quy mô vốn đầu tư qua các năm\nNguồn: Tổng hợp của nhóm tác giả")
    assert texts[note + 1].startswith(RUNNING), texts
    assert texts[note + 1].endswith("trong nước."), texts


def test_a_figures_key_under_its_caption_is_no_running_text() -> None:
    """Measured on real articles: the key set under a figure's caption in its small type
    ("(1) Bể chứa ...; (2) Bơm ...", "a) khi ...; b) khi ...", "a, b, c: Biểu diễn sự khác
    nhau ...") became paragraphs of running text, one a line, between the caption and the
    text resuming under it."""
    sheet = page(
        1,
        [*body_lines(60, 14), line("Sơ đồ hệ thống được thể hiện trên hình 1.", 50, 270)],
        [line("Hình 1. Mô hình xử lý nước thải", 200, 480, 9, True)],
        [line("bằng công nghệ tích hợp hai bể", 205, 491, 9, True)],
        [line("(1) Bể chứa nước thải đầu vào; (2) Bơm nước thải;", 170, 512, 9)],
        [line("(3) Van nước; (4) Bể phản ứng; (5) Bơm sục khí", 172, 527, 9)],
        [line("(6) Bể chứa nước thải đầu ra", 215, 542, 9)],
        [*body_lines(570, 6), line("Các mẫu được lấy sau mỗi mẻ xử lý.", 50, 660)],
    )
    blocks = body_blocks(labelled(sheet))
    kinds = [(block.kind.name, block.text[:20]) for block in blocks]
    assert not any(b.text.startswith(("(1)", "(3)", "(6)")) for b in blocks), kinds
    caption = next(b for b in blocks if b.text.startswith("Hình 1."))
    assert caption.text.endswith("(6) Bể chứa nước thải đầu ra"), caption.text
    assert [k for k, _ in kinds].count("PARAGRAPH") == 2, kinds


def test_a_figures_key_at_a_pages_foot_is_no_footnote() -> None:
    """Measured on a real article: a figure's numbered key at the foot of its page, right
    under the caption, read as footnotes ("(1) Bể chứa ...")."""
    sheet = page(
        1,
        [*body_lines(60, 14), line("Sơ đồ hệ thống được thể hiện trên hình 1.", 50, 270)],
        body_lines(300, 20),
        [line("Hình 1. Mô hình xử lý nước thải", 200, 720, 9, True)],
        [line("bằng công nghệ tích hợp hai bể", 205, 731, 9, True)],
        [line("(1) Bể chứa nước thải đầu vào; (2) Bơm nước thải;", 170, 752, 9)],
        [line("(3) Van nước; (4) Bể phản ứng; (5) Bơm sục khí", 172, 767, 9)],
        [line("(6) Bể chứa nước thải đầu ra", 215, 782, 9)],
    )
    paras = labelled(sheet)
    assert FOOTNOTE not in {para.role for para in paras}
    caption = next(para for para in paras if para.role == CAPTION)
    assert caption.text.endswith("(6) Bể chứa nước thải đầu ra"), caption.text


def test_a_paragraph_gone_on_into_the_next_column_takes_its_next_block_there() -> None:
    """Measured on a real article: a paragraph going on from the left column's foot into
    the right column's first line took that line, but not the block poppler began on the
    line under it with a number ("63,24% cho biết ..."): the paragraph's lines in the left
    column, not those in the right, were measured for the line under to start where they do."""

    sheet = page(
        1,
        [line("Kết quả phân tích như sau.", 50, 45), *body_lines(60, 20)],
        [line("phân tích nhân tố và cả phương sai trích đạt", 320, 60)],
        [
            line("63,24% cho biết bốn nhân tố được rút ra từ", 320, 78),
            *body_lines(93, 2, x=320),
            line("của dữ liệu (bảng 4).", 320, 123),
        ],
        body_lines(150, 18, x=320),
    )
    joined = [para.text for para in join_continued(labelled(sheet), indent=False)]
    assert not any(text.startswith("63,24%") for text in joined), joined
    assert any("trích đạt 63,24% cho biết" in text for text in joined), joined


def test_a_formulas_accent_crossed_relation_and_root_sign_read_as_they_show() -> None:
    """Measured on a LaTeX thesis summary (vntex): poppler read "\\tilde I" as "I˜", "\\neq"
    as "6=" (CMSY's slash of no width over "="), a root's sign from CMEX as a tall "p" on a
    line of its own, read before the sentence that holds the root, and put a space after
    TeX's index ("c_{66} /ρ"); a word processor's index keeps the space after it."""
    from bantin.pdf.mathglyphs import mend_math_glyphs

    text, maths, symbols = Style("VNR10", 10.0), Style("CMMI10", 10.0), Style("CMSY10", 10.0)
    roman, small = Style("CMR10", 10.0), Style("CMR7", 7.0)

    def word(value: str, x0: float, x1: float, y0: float, y1: float, style: Style) -> Word:
        return Word(value, Box(x0, y0, x1, y1), style)

    accented = Line.of(
        [
            word("khi", 229.0, 244.5, 362.6, 374.6, text),
            word("I", 248.4, 252.8, 364.7, 374.6, maths),
            word("˜", 249.6, 254.6, 362.1, 372.1, roman),
            word("=", 257.4, 265.1, 364.7, 374.6, roman),
            word("0", 268.9, 274.1, 364.7, 374.6, roman),
        ]
    )
    crossed = Line.of(
        [
            word("rằng", 88.0, 108.0, 269.0, 281.0, text),
            word("U", 111.0, 118.0, 271.0, 281.0, maths),
            word("1", 118.0, 122.0, 275.0, 282.0, small),
            word("(0)", 122.0, 135.0, 271.0, 281.0, roman),
            word("6", 137.8, 137.8, 271.3, 288.3, symbols),
            word("=", 138.0, 146.0, 271.0, 281.0, roman),
            word("0,", 148.0, 156.0, 271.0, 281.0, roman),
        ]
    )
    sign = Line.of([word("p", 119.0, 129.0, 405.0, 435.0, text)])
    rooted = Line.of(
        [
            word("với", 57.0, 80.0, 404.0, 416.0, text),
            word("c", 97.0, 101.0, 406.0, 416.0, maths),
            word("=", 109.0, 116.0, 406.0, 416.0, roman),
            word("c", 129.0, 133.0, 406.0, 416.0, maths),
            word("66", 133.0, 141.0, 410.0, 417.0, small),
            word("/ρ", 142.0, 152.0, 406.0, 416.0, maths),
            word("là", 155.0, 163.0, 404.0, 416.0, text),
        ]
    )
    plain = line("phương pháp p và q của lớp", 57.0, 440.0, 10.0)
    word_processor = Line.of(  # an index a word processor set: its space may be small
        [
            word("khi", 57.0, 72.0, 460.0, 472.0, Style("Times New Roman", 10.0)),
            word("N", 75.0, 82.0, 460.0, 472.0, Style("Times New Roman", 10.0)),
            word("e", 82.0, 85.0, 465.0, 473.0, Style("Times New Roman", 7.0)),
            word("=", 86.5, 92.0, 460.0, 472.0, Style("Times New Roman", 10.0)),
            word("40", 95.0, 105.0, 460.0, 472.0, Style("Times New Roman", 10.0)),
        ]
    )
    sheet = page(1, [accented, crossed], [sign, rooted, plain, word_processor])
    mend_math_glyphs(sheet)
    assert [ln.text for ln in sheet.lines] == [
        "khi Ĩ = 0",
        "rằng U1(0) ≠ 0,",
        "với c = √c66/ρ là",
        "phương pháp p và q của lớp",
        "khi Ne = 40",
    ]


def test_a_sentence_of_text_mostly_in_formulas_is_no_equation() -> None:
    """Measured on a LaTeX thesis summary: lines that open a sentence at the column's left
    edge in the text's font ("với K_m = K_1 − K_2, X = ρc², F = k²j.", "trong đó a = λ + 2µ
    + κ, ...") but are mostly set in TeX's fonts of mathematics were display equations, and
    one joined the formula above it; the piece of a display set beside a matrix ("khi n =
    −1, 1, 3.") is still the formula's, and a variable defined ("ge = 183 g/ml.h") no
    sentence."""
    text, maths, roman = Style("VNR10", 10.0), Style("CMMI10", 10.0), Style("CMR10", 10.0)

    def formula_line(pieces: list[tuple[str, Style]], x: float, y: float) -> Line:
        words, left = [], x
        for value, style in pieces:
            width = 5.0 * len(value)
            words.append(Word(value, Box(left, y, left + width, y + 10), style))
            left += width + 3.3
        return Line.of(words)

    body_at_ten = BodyType(10.0, "VNR10")
    running = [
        formula_line([(w, text) for w in RUNNING.split()], 57, 60 + 12 * n) for n in range(8)
    ]
    maths_words = "Km = K1 − K2, X = ρc2, F = k2j."
    sentence = formula_line(
        [("với", text)] + [(w, roman if w in "=−" else maths) for w in maths_words.split()],
        57,
        170,
    )
    beside = formula_line(
        [("khi", text)]
        + [(w, roman if w[0] in "=−13" else maths) for w in ["n", "=", "−1,", "1,", "3."]],
        220,
        200,
    )
    defined = formula_line([("ge", text), ("=", text), ("183", text), ("g/ml.h", text)], 57, 215)
    function = formula_line(
        [("sin", text), ("α", maths), ("=", roman), ("x", maths), ("/", roman), ("y", maths)],
        57,
        230,
    )
    after = [formula_line([(w, text) for w in RUNNING.split()], 57, 245 + 12 * n) for n in range(4)]
    blocks = [running, [sentence], [beside], [defined], [function], after]
    sheet = Page(1, 420.0, 600.0, [Block(lines) for lines in blocks])
    paras = paragraphs(sheet, body_at_ten)
    label_article(paras, body_at_ten)
    roles = {para.text: para.role for para in paras}
    assert roles["với Km = K1 − K2, X = ρc2, F = k2j."] == "body", roles
    assert roles["khi n = −1, 1, 3."] == "equation", roles
    assert roles["ge = 183 g/ml.h"] == "equation", roles
    assert roles["sin α = x / y"] == "equation", roles  # a function's name, no word


def test_a_bold_label_running_into_regular_words_is_no_heading() -> None:
    """Measured on a LaTeX thesis summary: under "Cấu trúc của luận án" each chapter is
    listed as "Chương 1. Tổng quan", only "Chương 1." in bold; the shortest, as many letters
    in bold as not, was taken for a heading, then, too short for running text, for a figure's
    words and dropped. A heading in bold throughout stays one."""
    bold, plain = Style("VNBX10", 10.0, bold=True), Style("VNR10", 10.0)

    def run_in(pieces: list[tuple[str, Style]], y: float) -> Line:
        words, left = [], 57.0
        for value, style in pieces:
            words.append(Word(value, Box(left, y, left + 5.0 * len(value), y + 10), style))
            left += 5.0 * len(value) + 3.3
        return Line.of(words)

    body_at_ten = BodyType(10.0, "VNR10")
    running = [run_in([(w, plain) for w in RUNNING.split()], 60 + 12 * n) for n in range(8)]
    listed = run_in([("Chương", bold), ("1.", bold), ("Tổng", plain), ("quan", plain)], 170)
    heading = run_in([("Chương", bold), ("2.", bold), ("Tổng", bold), ("quan", bold)], 200)
    after = [run_in([(w, plain) for w in RUNNING.split()], 220 + 12 * n) for n in range(4)]
    sheet = Page(1, 420.0, 600.0, [Block(running), Block([listed]), Block([heading]), Block(after)])
    paras = paragraphs(sheet, body_at_ten)
    label_article(paras, body_at_ten)
    roles = {para.text: para.role for para in paras}
    assert roles["Chương 1. Tổng quan"] == "body", roles
    assert roles["Chương 2. Tổng quan"] == "heading", roles
    # a bold abbreviation before plain words labels nothing: "TS." is no "Chương 1."
    abbreviation = run_in([("TS.", bold), ("Nguyễn", plain), ("Văn", plain), ("An", plain)], 300)
    found = paragraphs(Page(1, 420.0, 600.0, [Block([abbreviation])]), body_at_ten)
    assert [_label_running_on(para) for para in found] == [False]
    assert [_label_running_on(para) for para in paras if para.text.startswith("Chương 1.")] == [
        True
    ]


def test_a_superscript_set_over_a_subscript_follows_it() -> None:
    """Measured on a LaTeX thesis summary: "T^{(n)}_{12}" in a sentence, its "(n)" set over
    the "12", was a line of its own over the sentence ("(n) (n)" read before "Với n ≥ 2, các
    giá trị của T12 và T22"); the index follows the subscript it stands on."""
    from bantin.pdf.mathglyphs import mend_math_glyphs

    text, maths, small = Style("VNR10", 10.0), Style("CMMI10", 10.0), Style("CMR7", 7.0)
    index = Style("CMMI7", 7.0)

    def word(value: str, x0: float, x1: float, y0: float, y1: float, style: Style) -> Word:
        return Word(value, Box(x0, y0, x1, y1), style)

    marks = [
        Line.of([word("(n)", 177.5, 188.6, 177.4, 184.4, index)]),
        Line.of([word("(n)", 212.7, 223.9, 177.4, 184.4, index)]),
    ]
    sentence = Line.of(
        [
            word("của", 152.0, 166.9, 178.3, 190.3, text),
            word("T", 170.3, 176.1, 180.4, 190.3, maths),
            word("12", 176.1, 184.0, 185.3, 192.3, small),
            word("và", 192.5, 202.2, 178.3, 190.3, text),
            word("T", 205.5, 211.3, 180.4, 190.3, maths),
            word("22", 211.3, 219.3, 185.3, 192.3, small),
            word("được", 227.7, 248.5, 178.3, 190.3, text),
        ]
    )
    footnote = [line("1", 57.0, 400.0, 7.0), line("Ghi chú của trang", 62.0, 402.0, 9.0)]
    # a word poppler set apart over a formula, in the type of the line under it, stays
    apart = Line.of([word("hàm", 340.8, 361.0, 312.9, 326.2, Style("Times New Roman", 12.0))])
    brace, roman = Style("Symbol", 16.0), Style("Times New Roman", 12.0)
    formula = Line.of(
        [
            word("exp", 300.0, 320.0, 329.0, 343.0, roman),
            word("{", 322.0, 330.0, 324.0, 346.0, brace),
            word("iμt", 338.0, 356.0, 329.5, 343.5, roman),
        ]
    )
    sheet = page(1, [*marks, sentence], footnote, [apart, formula])
    mend_math_glyphs(sheet)
    assert [ln.text for ln in sheet.lines] == [
        "của T12(n) và T22(n) được",
        "1",
        "Ghi chú của trang",
        "hàm",
        "exp { iμt",
    ]


def test_a_formulas_bracketed_index_set_apart_goes_back_after_its_sign() -> None:
    """Measured on a LaTeX thesis summary: the "(p)" of "ξ^{(p)}" inside a sentence was a
    line of its own over it, read as an equation between two paragraphs, and the sentence
    read "vector riêng ξ tương ứng"."""
    text, maths, index = Style("VNR10", 10.0), Style("CMMI10", 10.0), Style("CMMI7", 7.0)
    mark = Line.of([Word("(p)", Box(232.9, 238.4, 243.2, 245.4), index)])
    sentence = Line.of(
        [
            Word("vector", Box(172.8, 238.6, 199.4, 250.6), text),
            Word("riêng", Box(202.7, 238.6, 224.3, 250.6), text),
            Word("ξ", Box(227.6, 240.7, 232.9, 250.6), maths),
            Word("tương", Box(246.5, 238.6, 272.0, 250.6), text),
            Word("ứng", Box(275.3, 238.6, 291.4, 250.6), text),
        ]
    )
    sheet = page(1, [mark, sentence], body_lines(300, 6))
    join_marks(sheet)
    assert sheet.lines[0].text == "vector riêng ξ(p) tương ứng", [ln.text for ln in sheet.lines]


def _para_on(page: int, text: str) -> Para:
    words = [Word(w, Box(50 + 30 * i, 100, 75 + 30 * i, 110)) for i, w in enumerate(text.split())]
    return Para([Line.of(words)], page)


def test_a_last_page_of_furniture_only_is_no_page_of_the_article() -> None:
    """Pages that print only the running head, the journal's name, the page number or a stray
    mark end the article before them; a last page of figures with headings in capitals (a
    table of numbers), or with a written word, stays."""
    body = [_para_on(1, "Nội dung bài viết ở trang một."), _para_on(2, "Trang hai còn viết tiếp.")]
    blank = [_para_on(3, "TẠP CHÍ KHOA HỌC & CÔNG NGHỆ . SỐ 24 - 2020"), _para_on(3, "65")]
    stray = [_para_on(4, ".")]
    assert without_blank_tail(Span([*body, *blank, *stray])).pages == [1, 2]
    assert without_blank_tail(Span([*body, *blank, *stray])).paras == body
    figures = [_para_on(3, "BẢNG 5 " + " ".join(str(n) for n in range(60)))]
    assert without_blank_tail(Span([*body, *figures])).pages == [1, 2, 3]
    written = [_para_on(3, "TẠP CHÍ KHOA HỌC"), _para_on(3, "Lời cảm ơn")]
    assert without_blank_tail(Span([*body, *written])).pages == [1, 2, 3]
    assert without_blank_tail(Span(blank)).pages == [3]  # a span of one page keeps it


def test_centred_lines_ending_with_a_semicolon_stay_one_paragraph() -> None:
    """Measured on a real issue: a verse set centred in two lines, the first ending with a
    semicolon ("... cho ngay thẳng;" over "và mọi người ..."), is one paragraph: a line
    ending short with a semicolon ends a list's item or a definition only when it starts at
    its column's edge, as those do."""
    verse = [
        line("Hãy mở lòng đón nhận lời hằng sống;", 72, 300),
        line("và mọi người sẽ thấy điều tốt lành.", 76, 315),
    ]
    definitions = [line("x: số lượng mẫu đo;", 50, 360), line("y: giá trị trung bình.", 50, 375)]
    sheet = page(1, body_lines(60, 15), verse, definitions, body_lines(400, 10))
    texts = [para.text for para in paragraphs(sheet, BODY)]
    assert "Hãy mở lòng đón nhận lời hằng sống; và mọi người sẽ thấy điều tốt lành." in texts
    assert "x: số lượng mẫu đo;" in texts and "y: giá trị trung bình." in texts


def test_numbered_bold_headings_with_a_sign_a_smaller_size_or_a_year_line_are_headings() -> None:
    """Measured on real articles: a section's numbered heading in bold naming a condition
    ("2.2. Xây dựng ... khi Ne = const") or ions ("... Co2+, Ni2+") became running text for
    its sign; one set in 10 points over a body of 12 became text, and "LỜI CẢM ƠN" in bold
    of 9 a figure's label; a heading in capitals whose last line is a year range ("... GIAI
    ĐOẠN" / "2019-2022") lost that line to a figure."""

    def text(top: float) -> list[Line]:
        return [line("Đoạn văn mở đầu chạy dài hết cả dòng này", 50, top), *body_lines(top + 15, 2)]

    sheet = page(
        1,
        [line("Tiêu đề của bài báo khoa học", 50, 40, 18, bold=True)],
        body_lines(80, 4),
        [line("2.2. Xây dựng đường đặc tính khi Ne = const", 50, 145, 11, bold=True)],
        text(162),
        [line("3.3. Tính kháng khuẩn của ion Co2+, Ni2+ và Zn2+", 50, 212, 11, bold=True)],
        text(229),
        [line("3.1. Thực trạng chất lượng dịch vụ ngân hàng", 50, 279, 10, bold=True)],
        text(295),
        [line("4. THỰC TRẠNG CÁC NHÓM SẢN PHẨM", 50, 345, 11, bold=True)],
        [line("DU LỊCH ĐÊM TẠI HÀ NỘI GIAI ĐOẠN", 50, 359, 11, bold=True)],
        [line("2019-2022", 50, 373, 11, bold=True)],
        text(392),
        [line("Q = 2 + 3", 50, 440, 11, bold=True)],
        text(458),
        [line("3.2. Tính chất quang học của K2SiF6: Mn4+", 50, 508, 11, bold=True)],
        text(525),
        [line("3. Phương trình chính tắc của hệ: δX + Δ = 0", 50, 575, 11, bold=True)],
        text(592),
        [line("LỜI CẢM ƠN", 50, 640, 9, bold=True)],
        text(655),
        [line("KMR EVE", 50, 705, 9, bold=True)],
        text(720),
    )
    headings = [b.text for b in body_blocks(labelled(sheet)) if b.kind.name == "HEADING"]
    assert headings == [
        "2.2. Xây dựng đường đặc tính khi Ne = const",
        "3.3. Tính kháng khuẩn của ion Co2+, Ni2+ và Zn2+",
        "3.1. Thực trạng chất lượng dịch vụ ngân hàng",
        "4. THỰC TRẠNG CÁC NHÓM SẢN PHẨM DU LỊCH ĐÊM TẠI HÀ NỘI GIAI ĐOẠN 2019-2022",
        "3.2. Tính chất quang học của K2SiF6: Mn4+",
        "LỜI CẢM ƠN",
    ], headings


def test_a_sentences_tail_with_a_sign_at_the_next_columns_top_ends_its_paragraph() -> None:
    """Measured on real articles: the last words of a paragraph broken at a column's foot,
    alone at the next column's top ("(p ≤ 0,05).", "DU1, DU2, DU4, PT5."), became an
    equation for their sign or codes, and the paragraph lost its end."""
    for tail in ["(p ≤ 0,05).", "DU1, DU2, DU4, PT5."]:
        right = [
            [line(tail, 320, 60)],
            [line("Đoạn văn tiếp theo mở đầu chạy dài hết cả", 320, 78), *body_lines(93, 3, x=320)],
            [line("và câu kết thúc.", 320, 138)],
            [line("Q = 2 + 3", 380, 160)],
            [
                line("Đoạn văn mở đầu chạy dài hết cả dòng này", 320, 180),
                *body_lines(195, 8, x=320),
            ],
            [line("và câu kết thúc.", 320, 318)],
        ]
        paras = after_two_column_pages(page(2, body_lines(60, 40), *right))
        kinds = [(b.kind.name, b.text[-20:]) for b in body_blocks(paras)]
        assert ("PARAGRAPH", f"dòng này {tail}"[-20:]) in kinds, kinds
        assert ("EQUATION", "Q = 2 + 3") in kinds, kinds  # a formula of its own stays one
        assert not any(tail in text for kind, text in kinds if kind != "PARAGRAPH"), kinds


def test_a_sentence_going_on_with_a_figures_name_in_small_letters_is_no_caption() -> None:
    """Measured on a real article: "... được trình bày trong" ended a column and the next
    opened with "hình 1. Lượng CLA ... tăng dần"; in the text's type and small letters, it
    was taken for the caption of figure 1 and moved away from its sentence."""
    sheets = [
        page(1, body_lines(60, 40), body_lines(60, 40, x=320)),
        page(
            2,
            body_lines(60, 40),
            [
                line("hình 1. Lượng chất liên kết tăng dần theo thời gian", 320, 60),
                line("của phản ứng và", 320, 75),
            ],
        ),
        page(
            3,
            [line("sau 48 giờ thì lượng chất liên kết cao nhất.", 50, 60)],
            [line("Đoạn văn mở đầu chạy dài hết cả dòng này", 50, 80), *body_lines(95, 30)],
        ),
    ]
    columns = document_columns(sheets, BODY)
    paras = [p for n, sheet in enumerate(sheets, 1) for p in paragraphs(sheet, BODY, columns[n])]
    label_article(paras, BODY)
    assert CAPTION not in {para.role for para in paras}
    texts = [b.text for b in body_blocks(paras) if b.kind.name == "PARAGRAPH"]
    assert any("dòng này hình 1. Lượng chất liên kết" in text for text in texts), texts


def test_a_source_note_without_its_colon_under_a_table_is_its_note() -> None:
    """Measured on real articles: "Nguồn <the reports it names>" (no colon after "Nguồn") in
    italics smaller than the text, under a table's rows, going on in a second line, was read
    as one of the table's rows or as running text, its second line as a caption of its own.
    The note's type says what the missing colon would: the source's note, whole, goes under
    the table's caption, a line of its own; running text in the body's type opening with
    "Nguồn" stays running text."""
    rows = [(f"Ngân hàng số {n}", f"0,{80 + n}") for n in range(4)]
    note = ("Nguồn Báo cáo thường niên của các ngân hàng", "thương mại cổ phần, 2016-2020")
    sheet = page(
        1,
        body_lines(40, 4),
        [line("Bảng 1. Tỷ lệ lợi nhuận trên tổng tài sản", 120, 110, 10, True)],
        *cells(rows, (60, 340), 130),
        [_styled(note[0], 80, 206, 11, italic=True), _styled(note[1], 120, 219, 11, italic=True)],
        body_lines(240, 4),
        [line("Nguồn nhân lực của các ngân hàng còn thiếu.", 50, 310)],
        body_lines(325, 3),
    )
    blocks = body_blocks(labelled(sheet))
    figures = [b.text for b in blocks if b.kind is BlockKind.FIGURE]
    assert figures == [f"Bảng 1. Tỷ lệ lợi nhuận trên tổng tài sản\n{' '.join(note)}"], blocks
    texts = [b.text for b in blocks if b.kind is BlockKind.PARAGRAPH]
    assert any("Nguồn nhân lực của các ngân hàng còn thiếu." in text for text in texts), texts
    assert not any("Báo cáo thường niên" in text for text in texts), texts


def test_a_note_under_a_table_going_on_over_a_page_stays_under_it() -> None:
    """Measured on a real article: a ruled table across both columns going on at the top of
    the next page, its note ("Nguồn: ...") flush right under it, was read column by column:
    the table's left cells, the left column's text under the table, then its right cells
    and the note. The note followed that text, a paragraph of its own, away from its table
    (whose caption is on the page before). A note standing under a float whose parts are
    read after the text under it goes back under the float, into its caption."""
    from bantin.pdf.rules import Grid

    def grid(number: int, top: float, rows: int) -> Grid:
        ys = tuple(top + 20 * n for n in range(rows + 1))
        xs = (50.0, 300.0, 420.0, 540.0)
        bottom = ys[-1]
        return Grid(
            Box(50, top, 540, bottom),
            ys,
            xs,
            down=tuple(Box(x - 0.5, top, x + 0.5, bottom) for x in xs),
            across=tuple(Box(50, y - 0.5, 540, y + 0.5) for y in ys),
        )

    left, right = Column(50, 290, 6), Column(310, 550, 6)

    def cells(number: int, found: Grid, texts: list[str], x: float) -> list[Para]:
        out = []
        for n, text in enumerate(texts):
            cell = Para([line(text, x, found.box.y0 + 20 * n + 4, 10)], number, role=TABLE)
            cell.grid, cell.column = found, left if x < right.left else right
            out.append(cell)
        return out

    def text(number: int, lines: list[Line], column: Column) -> Para:
        return Para(lines, number, role="body", column=column)

    caption = Para([line("Bảng 1. Thu nhập bình quân theo năm", 120, 600, 10, True)], 1)
    caption.role = CAPTION
    first, second = grid(1, 620, 3), grid(2, 60, 3)
    paras = [
        text(1, [*body_lines(60, 30), line("đều tăng.", 50, 510)], left),
        caption,
        *cells(1, first, [f"Nhóm {n}" for n in range(3)], 55),
        *cells(1, first, [f"{n},50" for n in range(3)], 305),
        *cells(2, second, [f"Loại {n}" for n in range(3)], 55),
        text(2, [line("• Thu nhập dưới hình thức tiền thưởng", 50, 135)], left),
        text(2, [*body_lines(150, 4), line("và doanh nghiệp tư", 50, 210)], left),
        *cells(2, second, [f"{n},75" for n in range(3)], 305),
        Para([_styled("Nguồn: Tổng cục Thống kê", 320, 124, 10, italic=True)], 2, column=right),
        text(2, [line("nhân đều tăng.", 320, 150), *body_lines(165, 3, x=320)], right),
    ]
    paras[-2].role = CAPTION
    blocks = body_blocks(paras)
    assert [b.text for b in blocks if b.kind.name == "FIGURE"] == [
        "Bảng 1. Thu nhập bình quân theo năm\nNguồn: Tổng cục Thống kê"
    ], blocks
    # the rows going on at the next page's top are the table's: one table
    assert [b.kind.name for b in blocks] == ["PARAGRAPH", "FIGURE", "TABLE", "ITEM"]


def test_a_tables_notes_under_its_source_stay_its_notes() -> None:
    """Measured on a real article: under a table's rows and its source's note, a test's
    name and statistic in small type, then "Ghi chú: ..." in the text's type listing what
    the stars mean, its last item on a line set a little apart: the test's line was a
    caption of its own that took "Ghi chú" into it, and the last item was running text.
    Each is the table's note, a line of its own under its caption's title; a note ending
    with a semicolon goes on in the short line of its type right under it."""
    rows = [(f"Biến số {n}", f"0,{800 + n}***") for n in range(4)]
    stars = ["Ghi chú: Mức ý nghĩa (*): p < 0,1 có ý nghĩa", "thấp; (**): p < 0,05 trung bình;"]
    sheet = page(
        1,
        body_lines(40, 4),
        [line("Bảng 1. Kết quả ước lượng của mô hình", 120, 110, 10, True)],
        *cells(rows, (60, 340), 130),
        [_styled("(Nguồn: Kết quả xử lý trên phần mềm)", 50, 204, 11, italic=True)],
        [line("Kiểm định Hausman 0,0902", 50, 222, 9, True)],
        [line(stars[0], 50, 238), line(stars[1], 50, 253)],
        [line("(***): p < 0,01 có ý nghĩa cao", 50, 282)],
        [line("Với mức ý nghĩa là 0,05, kết quả kiểm định cho thấy.", 50, 310)],
        body_lines(325, 3),
    )
    blocks = body_blocks(labelled(sheet))
    assert [b.text for b in blocks if b.kind is BlockKind.FIGURE] == [
        "Bảng 1. Kết quả ước lượng của mô hình\n(Nguồn: Kết quả xử lý trên phần mềm)\n"
        f"Kiểm định Hausman 0,0902\n{' '.join(stars)} (***): p < 0,01 có ý nghĩa cao"
    ], blocks
    texts = [b.text for b in blocks if b.kind is BlockKind.PARAGRAPH]
    assert any("Với mức ý nghĩa là 0,05, kết quả" in text for text in texts), texts
    assert not any("(***)" in text for text in texts), texts


def test_a_charts_note_opening_a_bracket_over_its_source_is_its_note() -> None:
    """Measured on a real article: under a chart, its key's note in italics of the text's
    size opening a bracket ("(KQT: ...; KNĐ: ...") over the source's note that closes it
    ("Nguồn: ... 2022)") was running text, run into the next paragraph. The line whose
    bracket the note closes is the note's first line: both go under the chart's caption."""
    key, source = "(KQT: Khách quốc tế; KNĐ: Khách nội địa", "Nguồn: Kết quả khảo sát, 2022)"
    right = line(RUNNING, 50, 0).box.x1
    sheet = page(
        1,
        body_lines(40, 4),
        [line("Biểu đồ 1. Mức độ hài lòng của du khách", 150, 110, 10, True)],
        [_styled(key, right - _styled(key, 0, 0, italic=True).box.x1, 240, italic=True)],
        [_styled(source, right - _styled(source, 0, 0, italic=True).box.x1, 256, italic=True)],
        [line("Thực trạng sản phẩm du lịch được phân tích như sau.", 50, 290)],
        body_lines(305, 3),
    )
    sheet.images.append(Box(60, 125, 530, 235))
    blocks = body_blocks(labelled(sheet))
    assert [b.text for b in blocks if b.kind is BlockKind.FIGURE] == [
        f"Biểu đồ 1. Mức độ hài lòng của du khách\n{key}\n{source}"
    ], blocks
    texts = [b.text for b in blocks if b.kind is BlockKind.PARAGRAPH]
    assert not any("KQT" in text for text in texts), texts


def raised(base: Line, text: str, size: float = 7.0, rise: float = -4.0) -> Line:
    """`base` with `text` set after it, glued, smaller and raised by `rise` (lowered when
    positive), as a power, a charge or a subscript is printed."""
    last = base.words[-1]
    top = last.box.y0 + rise
    box = Box(last.box.x1, top, last.box.x1 + 0.5 * size * len(text), top + size)
    words = [*base.words, Word(text, box, Style("Times New Roman", size))]
    return Line(words, union_of([w.box for w in words]))


def test_a_raised_power_or_charge_is_written_in_superscript_figures() -> None:
    """Measured on real articles: "(5,02 ± 0,26)×10" with "8" raised read "×108" (every
    value off by orders of magnitude), "360" with a raised "0" "3600"; a unit's power
    "m2" for m², R² "R2" (a reader takes it for R₂), an ion's charge "Mn4+", a phosphate's
    "PO43−" (its subscript and charge run together); a trade mark's raised "TM" is "™"; a
    subscript ("H" "2" "O") stays as it is."""
    power = raised(line("mật độ đạt (6,75 ± 0,26)×10", 50, 230), "9")
    power.words.append(line("bào tử/mL.", power.box.x1 + 4, 230).words[0])
    area = raised(line("trên diện tích 2.000 m", 50, 245), "2")
    ion = raised(line("phức chất của ion Mn", 50, 260), "4+")
    ion.words.append(line("góc 360", ion.box.x1 + 4, 260).words[0])
    ion.words.append(line("360", ion.box.x1 + 30, 260).words[0])
    ion = raised(ion, "0")
    water = raised(line("trong dung dịch H", 50, 275), "2", rise=4.0)
    phosphate = raised(raised(line("nồng độ ion PO", 50, 290), "4", rise=4.0), "3−")
    zinc = raised(raised(line("và ion Zn", 300, 290), "2"), "+", rise=0.0)  # level
    science = raised(line("trên Web of Science", 50, 305), "TM")  # a trade mark's sign
    phosphate.words += zinc.words
    sheet = page(
        1,
        [line("Tiêu đề của bài báo khoa học", 50, 40, 18, bold=True)],
        body_lines(80, 8),
        [power, area, ion, water, phosphate, science, line("và câu kết thúc.", 50, 320)],
        body_lines(340, 8),
    )
    join_marks(sheet)
    paras = labelled(sheet)
    write_powers(paras)
    text = " ".join(b.text for b in body_blocks(paras))
    assert "(6,75 ± 0,26)×10⁹ bào" in text, text
    assert "2.000 m²" in text and "ion Mn⁴⁺" in text and "dịch H2" in text, text
    assert "góc 360°" in text, text
    assert "ion PO4³⁻" in text and "ion Zn²⁺" in text and "Web of Science™" in text, text


def test_a_heading_across_the_gutter_in_the_columns_block_leaves_them_their_columns() -> None:
    """Measured on a real article: poppler gave both columns' lines and the references'
    heading centred under them as one block; read as a side of the left column, the heading
    left its paragraphs with no column: a paragraph broken at a justified line was cut in
    two and a dash item level with the next column's heading became a table's cell."""
    left = [
        line("Một là, các doanh nghiệp cần nhanh chóng hình", 50, 60),
        *body_lines(75, 6),
        line("nguồn vốn. Đến năm 2020, tỷ lệ này có thể đạt", 50, 165),
        line("trên sáu mươi phần trăm.", 50, 180),
        line("- Các doanh nghiệp cần huy động mọi nguồn", 50, 198),
        *body_lines(213, 2),
        line("vốn cho đầu tư phát triển.", 50, 243),
        line("- Tạo điều kiện thuận lợi cho đầu tư của mọi", 50, 261),
        *body_lines(276, 1),
        line("thành phần kinh tế.", 50, 291),
    ]
    right = [
        line("Hai là, các doanh nghiệp cần tận dụng những ưu", 320, 60),
        *body_lines(75, 10, x=320),
        line("5. KẾT LUẬN", 320, 228, 11, bold=True),
        line("Cạnh tranh là một đặc trưng của nền kinh tế thị", 320, 246),
        *body_lines(261, 2, x=320),
        line("trong môi trường kinh tế hiện nay.", 320, 291),
    ]
    heading = line("TÀI LIỆU THAM KHẢO", 240, 312, 12, bold=True)
    block = sorted([*left, *right, heading], key=lambda one: (one.box.y0, one.box.x0))
    sheets = [page(1, body_lines(60, 40), body_lines(60, 40, x=320)), page(2, block)]
    columns = document_columns(sheets, BODY)
    paras = [p for n, one in enumerate(sheets, 1) for p in paragraphs(one, BODY, columns[n])]
    assert all(para.column is not None for para in paras if para.page == 2 and para.box.x1 < 300)
    label_article(paras, BODY)
    assert TABLE not in {para.role for para in paras}
    texts = [b.text for b in body_blocks(paras)]
    assert any("tỷ lệ này có thể đạt trên sáu mươi phần trăm." in text for text in texts), texts


def test_the_words_of_a_cell_set_sideways_keep_their_spaces() -> None:
    """Measured on real articles: a table's header cells printed sideways came out as
    "Giácquan", "Khoảngcách(cm)": poppler gives their words one over the other, at one
    left edge, and the line closed them up as the pieces of one word."""
    style = Style("Times New Roman", 11.0)
    words = [
        Word("Khoảng", Box(93.1, 280.6, 102.0, 312.3), style),
        Word("cách", Box(93.1, 259.2, 102.0, 278.0), style),
        Word("(cm)", Box(93.1, 238.4, 102.0, 256.7), style),
    ]
    assert Line(words, union_of([w.box for w in words])).text == "Khoảng cách (cm)"
    power = raised(line("mật độ 10", 50, 230), "9")
    assert power.text == "mật độ 109"  # a raised figure still closes up to its base
    ion = raised(raised(line("ion NH", 50, 250), "4", rise=5.0), "+", rise=-9.0)
    assert ion.text == "ion NH4+"  # a charge raised over a subscript beside it, too
    small = Style("Times New Roman", 7.0)
    indices = [
        Word("x", Box(50, 230, 56, 242), style),
        Word("1", Box(56, 236, 59.5, 243), small),  # x₁², the indices set one over the other
        Word("2", Box(56, 226, 59.5, 233), small),
    ]
    assert Line(indices, union_of([w.box for w in indices])).text == "x12"


def test_two_syllables_poppler_set_apart_by_a_tight_space_keep_it() -> None:
    """Measured on real articles: a tightly justified line's narrow spaces (0.06-0.12 em)
    read as the joins of a word set in two pieces: "nỗ lực vàduy trì", "mối quanhệ"; two
    pieces that are each a syllable and together none, 0.095 em apart or more, are two
    words, where a syllable's pieces ("Tha" "nh", "ti" "êu"), a word's ("v" "ector") and a
    name's a broken font set 0.089 em apart ("Giê" "su") close up."""
    style = Style("Times New Roman", 12.0)

    def pair(first: str, second: str, gap: float) -> str:
        left = Word(first, Box(50, 100, 50 + 6 * len(first), 112), style)
        x = left.box.x1 + gap
        right = Word(second, Box(x, 100, x + 6 * len(second), 112), style)
        return Line([left, right], left.box.union(right.box)).text

    assert pair("và", "duy", 1.4) == "và duy"
    assert pair("quan", "hệ", 1.3) == "quan hệ"
    assert pair("Tỷ", "lệ", 1.2) == "Tỷ lệ"
    assert pair("Giê", "su", 1.07) == "Giêsu"  # a name's pieces a broken font set apart
    assert pair("Tha", "nh", 1.25) == "Thanh"
    assert pair("ti", "êu", 1.25) == "tiêu"
    assert pair("v", "ector", 1.0) == "vector"
    assert pair("Đ", "iều", 0.5) == "Điều"


def test_a_sentences_tail_level_with_the_other_columns_heading_is_no_table_cell() -> None:
    """Measured on a real article: "(l/100 km);", the tail of an item broken at the left
    column's foot, opened the right column level with the left one's heading "4. KẾT
    LUẬN"; the two made a table's row and the item lost its end."""
    sheet = page(
        2,
        body_lines(60, 20),
        [line("4. KẾT LUẬN", 50, 370, 11, bold=True)],
        [line("Đoạn văn mở đầu chạy dài hết cả dòng này", 50, 390), *body_lines(405, 14)],
        [line("(l/100 km);", 320, 370)],
        [line("Tay số bảy mở đầu chạy dài hết cả dòng này", 320, 390), *body_lines(405, 3, x=320)],
        [line("và câu kết thúc.", 320, 450)],
        [line("Đoạn văn mở đầu chạy dài hết cả dòng này", 320, 470), *body_lines(485, 8, x=320)],
        [line("và câu kết thúc.", 320, 605)],
    )
    paras = after_two_column_pages(sheet)
    assert TABLE not in {para.role for para in paras}
    texts = [b.text for b in body_blocks(paras)]
    assert any(text.endswith("dòng này (l/100 km);") for text in texts), texts


def test_a_justified_line_of_few_words_with_a_very_wide_space_is_one_line() -> None:
    """Measured on a real article: a justified line of few words and a long Latin name
    ("thấy, nấm" ... "L. psalliotae sinh trưởng"), its space stretched to almost four ems,
    came out as two lines, and the paragraph was cut at "nấm". A table's two cells as far
    apart under its caption stay two."""
    full = line(RUNNING, 50, 0).box.x1
    right = line("L. psalliotae sinh trưởng", 0, 0)
    width = right.box.x1 - right.box.x0
    text = [
        line("Nghiên cứu của các tác giả khác nhau cho", 50, 200),
        *body_lines(215, 2),
    ]
    row = [line("thấy, nấm", 50, 245), line("L. psalliotae sinh trưởng", full - width, 245)]
    cells = [line("Cảm nhận", 50, 340), line("0,928 và 0,682", full - width, 340)]
    formula = [line("Ra = R(t); F = F(t); G = G(t)", 50, 275), line("(10)", full - 24, 275)]
    sheet = page(
        1,
        body_lines(60, 8),
        [*text, row[0]],
        [row[1], *body_lines(260, 1)],
        [formula[0]],
        [formula[1]],
        [line("Bảng 1. Độ tin cậy của thang đo và hệ số", 50, 320, 10, bold=True)],
        [cells[0]],
        [cells[1]],
        body_lines(380, 8),
    )
    gap = (row[1].box.x0 - row[0].box.x1) / BODY.size
    assert 3.0 < gap < 6.0, gap  # wider than a narrow column's justified space may be
    paragraphs(sheet, BODY)
    lines = [ln.text for ln in sheet.lines]
    assert "thấy, nấm L. psalliotae sinh trưởng" in lines, lines
    assert "Cảm nhận" in lines and "0,928 và 0,682" in lines, lines
    assert "(10)" in lines, lines  # a formula's number stays apart from the formula
    assert 3.0 < (formula[1].box.x0 - formula[0].box.x1) / BODY.size < 6.0


def test_a_citation_right_under_a_full_line_goes_on_its_sentence() -> None:
    """Measured on a real article: "[1]:" right under "Áp dụng công thức tính momen động cơ",
    a full line of the sentence, opened a paragraph of its own; a sentence's citation goes
    on with it as a bracket does."""
    blocks = [
        [justified("Các bước tính toán như sau. Áp dụng công thức", 200)],
        [justified("tính mô men xoắn của trục động cơ đốt trong", 219)],
        [line("[1]:", 50, 238)],
    ]
    sheet = page(1, body_lines(60, 8), *blocks, body_lines(270, 8))
    texts = [b.text for b in body_blocks(labelled(sheet))]
    assert any(text.endswith("trục động cơ đốt trong [1]:") for text in texts), texts


def test_a_caption_of_a_lettered_figure_is_a_caption() -> None:
    """Measured on unseen articles: "Hình 3a. Chất lượng thuật toán giải mã IDDC" and "Hình
    3b. ..." under two charts, and "Hình 5a", "Hình 16b" in another paper, stayed paragraphs
    of the text: a figure's number may carry the letter of its part."""
    sheet = page(
        1,
        body_lines(100, 12),
        [line("Hình 3a. Chất lượng thuật toán giải mã IDDC", 120, 300, 10)],
        body_lines(330, 12),
    )
    role = {para.text: para.role for para in labelled(sheet)}
    assert role["Hình 3a. Chất lượng thuật toán giải mã IDDC"] == CAPTION, role


def test_bulleted_lines_are_one_lists_items_whatever_their_type() -> None:
    """Measured on unseen articles: "• Bước 2: chế tạo nano Fe3O4-TiO2" and "• Bước 3: ..."
    in bold were headings while "• Bước 1: ..." in italics was an item; "▪ We can use
    Vietnamese impersonal sentences" a heading beside its sibling items. Lines opened by one
    bullet are items of one list where any of them is text; a paper that opens each of its
    headings of a level with a bullet, in bold, keeps them as headings, beside the items of
    other words it opens with the same bullet."""
    sheet = page(
        1,
        body_lines(100, 6),
        [italic_line("• Bước 1: chế tạo nano Fe3O4", 60, 200)],
        body_lines(220, 4),
        [line("• Bước 2: chế tạo nano Fe3O4-TiO2", 60, 300, bold=True)],
        body_lines(320, 4),
        [line("▪ Năng lực tài chính", 60, 400, bold=True)],
        body_lines(420, 4),
        [line("▪ Năng lực quản trị rủi ro", 60, 500, bold=True)],
        body_lines(520, 4),
        [line("▪ Xây dựng đề án quản trị chi phí", 60, 600)],
        body_lines(620, 4),
    )
    role = {para.text: para.role for para in labelled(sheet)}
    assert role["• Bước 1: chế tạo nano Fe3O4"] != HEADING, role
    assert role["• Bước 2: chế tạo nano Fe3O4-TiO2"] != HEADING, role
    assert role["▪ Năng lực tài chính"] == role["▪ Năng lực quản trị rủi ro"] == HEADING, role


def test_a_lead_in_to_a_figure_over_its_labels_is_text() -> None:
    """Measured on unseen articles: "Kết quả thực nghiệm như hình 1:" and "Cấu trúc tiểu
    môđun gồm bốn phần:", lines of the body's type leading into the figure under them, and
    "- Hệ ra của môđun bao gồm: (hình 4)", were taken for the figure's words and dropped. A
    line of words ending with a colon, or pointing to a figure (in any type), is the text's;
    a figure's labels do neither."""
    sheet = page(
        1,
        [*body_lines(100, 4)],
        [line("Kết quả thực nghiệm như hình 1:", 50, 175, 11)],  # smaller, as the paper's
        [line("- Hệ ra của môđun bao gồm: (hình 4)", 50, 200)],
        [line("Lợi nhuận sau thuế", 120, 300)],
        [line("Doanh thu năm", 120, 330, 10)],
        [line("Hình 1: Hiện trạng bảo quản mực", 90, 345, 9, bold=True)],
        body_lines(380, 10),
    )
    role = {para.text: para.role for para in labelled(sheet)}
    assert role["Kết quả thực nghiệm như hình 1:"] == "body", role
    assert role["- Hệ ra của môđun bao gồm: (hình 4)"] == "body", role
    assert role["Lợi nhuận sau thuế"] == role["Doanh thu năm"] == "figure", role


def test_a_bulleted_line_under_a_tables_note_is_no_part_of_it() -> None:
    """Measured on an unseen article: "Nguồn: http://i-tip.wto.org/" under a table, in italics
    of the body's size, and the bulleted subheading in the same italics under it ("• Thực
    trạng áp dụng các hàng rào phi thuế ...") became one caption, the subheading lost from the
    text, twice. A bullet opens an item, never a caption's next line."""
    sheet = page(
        1,
        body_lines(60, 4),
        [line("Bảng 2. Số lượng các biện pháp phi thuế quan", 120, 130, 9, bold=True)],
        [line("Năm", 60, 150, 10)],
        [line("2019", 300, 150, 10)],
        [line("SPS", 60, 165, 10)],
        [line("1250", 300, 165, 10)],
        [italic_line("Nguồn: http://i-tip.wto.org/", 300, 185)],
        [italic_line("• Thực trạng áp dụng các hàng rào phi thuế ở một số", 50, 200)],
        body_lines(230, 10),
    )
    paras = labelled(sheet)
    texts_ = [p.text for p in paras if p.role]
    assert "• Thực trạng áp dụng các hàng rào phi thuế ở một số" in texts_, texts_


SINTEF = "https://www.sintef.no/projectweb/top/vrptw/s"
WTO = "http://i-tip.wto.org/"


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        # measured on unseen articles: a reference's address broken over two lines
        ([SINTEF, "olomon-benchmark/100-"], SINTEF + "olomon-benchmark/100-"),
        (["https://x.com/a?fbclid=Iw", "AR2C2fsaa9Q"], "https://x.com/a?fbclid=IwAR2C2fsaa9Q"),
        (["http://www.wt", "o.org/english/tratop_e"], "http://www.wto.org/english/tratop_e"),
        # an address that ends its line: the words after it stay words
        ([WTO, "truy cập ngày 12/3/2021"], WTO + " truy cập ngày 12/3/2021"),
        (["https://data.gov.vn/home.", "Accessed 2021"], "https://data.gov.vn/home. Accessed 2021"),
        ([WTO, "2019."], WTO + " 2019."),
        # measured on an unseen article: the rest of an address with a comma after it
        (
            [
                "http://tapchicongthuong.vn/bai-viet/chinh-sach-tai-co-c",
                "au-dau-tu-67405.htm, truy",
            ],
            "http://tapchicongthuong.vn/bai-viet/chinh-sach-tai-co-cau-dau-tu-67405.htm, truy",
        ),
        # measured on an unseen article: an address broken at one of its hyphens keeps it
        (
            ["https://vnexpress.net/nhung-dot-pha-trong-", "dao-tao-20200216082509740.htm"],
            "https://vnexpress.net/nhung-dot-pha-trong-dao-tao-20200216082509740.htm",
        ),
        # measured on unseen articles: an address broken after a dot of its host, and one
        # broken inside a word of its path of words and hyphens
        (
            ["Thu thập từ https://finance.", "vietstock.vn"],
            "Thu thập từ https://finance.vietstock.vn",
        ),
        (
            ["https://a.edu/162-what-why-and-how-to-implement-a-flip", "ped-classroom-model"],
            "https://a.edu/162-what-why-and-how-to-implement-a-flipped-classroom-model",
        ),
        # ... but not the words after an address that ends a sentence, or a word after it
        (
            ["https://data.gov.vn/home.", "data.gov.vn lists it"],
            "https://data.gov.vn/home. data.gov.vn lists it",
        ),
        (
            ["https://a.edu/how-to-flip", "well-known model"],
            "https://a.edu/how-to-flip well-known model",
        ),
    ],
)
def test_an_address_broken_over_two_lines_is_one(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_the_text_under_a_heading_in_small_italics_is_no_floats_note() -> None:
    """Measured on an unseen article: the acknowledgement under "LỜI CẢM ƠN", set in italics
    smaller than the body's on a page of no columns ("Công trình được tài trợ bởi Bộ Khoa học
    và Công" / "nghệ thông qua Đề tài ..."), had its first line taken for a float's note
    (a caption) and its rest for a table. A float's note stands under a float, never right
    under a section's heading."""
    small_italic = [
        italic_line("Công trình được tài trợ bởi Bộ Khoa học và Công nghệ", 50, 120, 11),
    ]
    sheet = page(
        1,
        body_lines(40, 4, x=50),
        [line("LỜI CẢM ƠN", 50, 100, 10, bold=True)],
        small_italic,
        [line("TÀI LIỆU THAM KHẢO", 200, 160, 12, bold=True)],
    )
    role = {para.text: para.role for para in labelled(sheet)}
    assert role["LỜI CẢM ƠN"] == HEADING, role
    assert role["Công trình được tài trợ bởi Bộ Khoa học và Công nghệ"] == "body", role


def test_a_dash_at_the_next_columns_top_goes_on_with_a_bulleted_item_filling_its_line() -> None:
    """Measured on an unseen article: "• Trong bối cảnh chiến tranh thương mại Mỹ" ending
    the left column on a full line, and "– Trung đã tác động nhiều mặt ..." opening the right
    column ("Mỹ – Trung", the trade war), were two items of the list. After an item that
    fills its line with no mark ending it, a dash goes on with its sentence; after one that
    stops short ("• Cấu trúc (hình 1)") it opens the next item."""
    right = [line("– Trung đã tác động nhiều mặt tới nền kinh", 320, 60)]
    right += [line(RUNNING, 320, 75 + 15 * n) for n in range(10)]
    sheet = page(
        1,
        [*body_lines(60, 40)[:-1], justified("• Trong bối cảnh chiến tranh thương mại Mỹ", 645)],
        right,
    )
    texts_ = [b.text for b in body_blocks(labelled(sheet))]
    assert any("thương mại Mỹ – Trung đã tác động" in text for text in texts_), texts_


def test_an_affiliation_marked_for_several_authors_loses_all_its_marks() -> None:
    """Measured on an unseen article: "1,2,4Viện Vật lý kỹ thuật - Trường Đại học Bách khoa Hà
    Nội" (the institute of authors 1, 2 and 4) became the affiliation ",2,4Viện Vật lý ...":
    an affiliation's mark may list several authors."""
    sheet = page(
        1,
        [line("NGHIÊN CỨU CHẾ TẠO VẬT LIỆU NANO", 80, 60, 14, bold=True)],
        [line("Lưu Danh Anh1, Nguyễn Tiến Hậu2, Mai Hữu Thuấn4", 120, 112, 11)],
        [
            line("1,2,4", 128.5, 129.5, 6.3),
            line("Viện Vật lý kỹ thuật - Trường Đại học Bách khoa Hà Nội", 142, 132, 9.5),
        ],
        [line("Đến Tòa soạn ngày 13/04/2022, chấp nhận đăng ngày 09/05/2022", 100, 170, 10)],
        body_lines(200, 20),
    )
    join_marks(sheet)
    front = front_of(labelled(sheet))
    assert front.affiliations == ["Viện Vật lý kỹ thuật - Trường Đại học Bách khoa Hà Nội"]


def test_a_long_numbered_heading_in_bold_capitals_is_a_heading() -> None:
    """Measured on an unseen article (a law paper): "3. CÁC BIỆN PHÁP ĐẢM BẢO THỐNG NHẤT CÁCH
    PHÂN CHIA DI SẢN THỪA KẾ ..." in bold capitals, 45 words over nine lines of its column,
    was a paragraph while its siblings 1, 2 and 4 were headings. Running text is never set
    so: numbered, in bold and in capitals, a heading may be that long."""
    text = (
        "3. CÁC BIỆN PHÁP ĐẢM BẢO THỐNG NHẤT CÁCH PHÂN CHIA DI SẢN THỪA KẾ TRONG TRƯỜNG HỢP "
        "NGƯỜI LẬP DI CHÚC CHỈ ĐỊNH ĐOẠT MỘT PHẦN TÀI SẢN TRONG DI CHÚC VÀ CÓ NGƯỜI THỪA KẾ "
        "KHÔNG PHỤ THUỘC NỘI DUNG DI CHÚC"
    )
    words = text.split(" ")
    full = line(RUNNING, 50, 0).box.x1
    heading = []
    for n, at in enumerate(range(0, len(words), 6)):
        plain = line(" ".join(words[at : at + 6]), 50, 300 + 15 * n, bold=True)
        spare = (full - plain.box.x1) / (len(plain.words) - 1) if at + 6 < len(words) else 0
        spread = [
            Word(
                w.text, Box(w.box.x0 + i * spare, w.box.y0, w.box.x1 + i * spare, w.box.y1), w.style
            )
            for i, w in enumerate(plain.words)
        ]
        heading.append(Line(spread, union_of([w.box for w in spread])))
    sheet = page(1, body_lines(100, 12), heading, body_lines(460, 12))
    found = [(para.role, para.text) for para in labelled(sheet) if para.text.startswith("3.")]
    assert found == [(HEADING, " ".join(words))], found


def test_a_caption_with_no_mark_after_its_number_is_a_caption() -> None:
    """Measured on an unseen article: "Hình 3 Kết quả sau các quá trình chồn phôi", a photo's
    caption with no full stop or colon after its number, was a heading. A figure's number and
    a capital make a caption; "Hình 3 cho thấy ..." opens a sentence about it."""
    sheet = page(
        1,
        body_lines(100, 12),
        [line("Hình 3 Kết quả sau các quá trình chồn phôi", 120, 300, 10, bold=True)],
        body_lines(330, 6),
        [line("Hình 3 cho thấy kết quả sau các quá trình chồn phôi", 50, 430)],
        body_lines(450, 6),
    )
    role = {para.text: para.role for para in labelled(sheet)}
    assert role["Hình 3 Kết quả sau các quá trình chồn phôi"] == CAPTION, role
    assert all(r != CAPTION for t, r in role.items() if "cho thấy" in t), role


def test_a_page_number_close_under_the_text_and_outermost_is_a_page_number() -> None:
    """Measured on the development corpus (a whole issue): each page's number stands 10
    points under the text's last line, less than a line's height, at the column's left edge,
    with nothing under it: a page number still, not the text's last line (38 page numbers
    were left in the articles' text)."""
    pages = [
        page(number, body_lines(155, 40), [line(str(number + 2), 50, 760, 10)])
        for number in range(1, 5)
    ]
    furniture = remove_furniture(pages, BODY)
    assert [furniture[n].folio for n in range(1, 5)] == [3, 4, 5, 6]


def test_a_bulleted_line_opening_with_a_word_is_an_item_not_an_equation() -> None:
    """Measured on unseen articles: the item "- Phôi: CT38;" under "Điều kiện thực nghiệm"
    and "▪ Ngoài ra, R(n,φ) = R(-n, -φ)." were equations (few words, figures and signs). A
    line a bullet or a dash opens, whose first token is a word, is a list's item."""
    sheet = page(
        1,
        body_lines(100, 6),
        [line("- Phôi: CT38;", 50, 200)],
        [line("- Dao: T15K6;", 50, 215)],
        body_lines(240, 4),
        [line("▪ Ngoài ra, R(n,φ) = R(-n, -φ).", 50, 310)],
        body_lines(330, 6),
    )
    role = {para.text: para.role for para in labelled(sheet)}
    assert role["- Phôi: CT38;"] == role["- Dao: T15K6;"] == "body", role
    assert role["▪ Ngoài ra, R(n,φ) = R(-n, -φ)."] == "body", role


def test_a_dash_item_after_a_dash_item_stopping_short_over_a_figure_is_the_next() -> None:
    """Measured on an unseen article: "- Với sự hỗ trợ của bảng tính ... trực tiếp trên máy"
    (its last line short, no mark ending it), a figure and its caption, then "- Hệ thống thay
    dao nhanh ...": one item ("... trên máy - Hệ thống thay dao ..."). An item of a list of
    dashes that stops short ends there; the next dash opens the next item."""
    first = [
        justified("- Với sự hỗ trợ của bảng tính trên máy", 100),
        line("tính toán trực tiếp trên máy", 50, 115),
    ]
    second = [
        justified("- Hệ thống thay dao nhanh trên máy", 200),
        line("cho phép lắp dao nhanh.", 50, 215),
    ]
    sheet = page(
        1,
        body_lines(40, 4),
        first,
        [line("Hình 8. Bảng tính trên máy tiện", 90, 160, 9, bold=True)],
        second,
        body_lines(240, 10),
    )
    texts_ = [b.text for b in body_blocks(labelled(sheet))]
    assert not any("trên máy - Hệ thống" in text for text in texts_), texts_
    assert any(text.startswith("Hệ thống thay dao nhanh") for text in texts_), texts_


def test_an_items_description_on_the_line_under_its_label_is_the_items() -> None:
    """Measured on an unseen article: in a list of "• Khối Adder: Cộng nhiễu vào tín hiệu.",
    the item "• Khối Dow converter & Low band filter:" filled its line and its description,
    "Tách tín hiệu và lọc thông thấp.", stood on the line under it, a paragraph of its own.
    Where the list's items describe their label after the colon with a capital, a sentence
    under an item ending with the colon is its description."""
    sheet = page(
        1,
        body_lines(40, 4),
        [line("• Khối Adder: Cộng nhiễu vào tín hiệu.", 50, 110)],
        [line("• Khối Dow converter & Low band filter:", 50, 128)],
        [line("Tách tín hiệu và lọc thông thấp.", 50, 143)],
        [line("• Khối OFDM Demod: Khối giải điều chế.", 50, 161)],
        body_lines(190, 10),
    )
    texts_ = [b.text for b in body_blocks(labelled(sheet))]
    wanted = "Khối Dow converter & Low band filter: Tách tín hiệu và lọc thông thấp."
    assert wanted in texts_, texts_


def test_a_figures_lettered_key_under_its_caption_is_kept_with_it() -> None:
    """Measured on an unseen article: "a, b, c, d, e, f: Biểu diễn sự khác nhau có ý nghĩa
    ..." under "Hình 5. ..." (a little further under it than a key's next line) was taken
    for the words of the figure below it, and dropped, twice on a page. A key of letters
    under a caption is the caption's."""
    sheet = page(
        1,
        body_lines(40, 10),
        [line("Hình 5. Khả năng dập tắt gốc tự do DPPH", 60, 200, 9, bold=True)],
        [line("a, b, c, d, e, f: Biểu diễn sự khác nhau có ý nghĩa", 60, 222, 9)],
        [line("0,5", 60, 260, 8)],
        [line("1,0", 60, 290, 8)],
        [line("Mẫu 1", 120, 320, 8)],
        [line("Hình 6. Hàm lượng polyphenol tổng số", 60, 340, 9, bold=True)],
        body_lines(370, 10),
    )
    blocks = body_blocks(labelled(sheet))
    captions = [b.text for b in blocks if b.kind.name == "FIGURE"]
    assert any("a, b, c, d, e, f: Biểu diễn sự khác nhau" in text for text in captions), captions


def test_a_keys_lettered_points_under_a_caption_are_no_equations() -> None:
    """Measured on an unseen article: under "Hình 5. Dạng đường CV ... khi thay đổi tốc độ
    quét thế;", its key "a) 20mV/s; b) 40mV/s; c) 50mV/s; d) 60mV/s;" / "e) 100mV/s; f)
    150mV/s)" in small type read as two equations: points opened by a letter or a figure in
    brackets under a caption are its key."""
    sheet = page(
        1,
        body_lines(40, 10),
        [
            line("Hình 5. Dạng đường CV của điện cực trong dung dịch", 60, 200, 9, True),
            line("chứa phenol khi thay đổi tốc độ quét thế;", 60, 211, 9, True),
        ],
        [line("a) 20mV/s; b) 40mV/s; c) 50mV/s; d) 60mV/s;", 70, 225, 9)],
        [line("e) 100mV/s; f) 150mV/s)", 110, 236, 9)],
        body_lines(260, 10),
    )
    blocks = body_blocks(labelled(sheet))
    assert not [b for b in blocks if b.kind.name == "EQUATION"], blocks
    captions = [b.text for b in blocks if b.kind.name == "FIGURE"]
    assert captions and captions[0].endswith("e) 100mV/s; f) 150mV/s)"), captions


def test_a_keys_last_line_set_apart_over_the_next_figure_stays_in_the_key() -> None:
    """Measured on an unseen article: the last line of a lettered key under a caption
    ("... ở các tỉ lệ" / "nước/nguyên liệu khác nhau với độ tin cậy là 95%."), a block of its
    own right under the key's first lines, went with the words of the figure under it and
    was lost."""
    sheet = page(
        1,
        body_lines(40, 10),
        [
            line("Hình 7. Hàm lượng polyphenol và saponin tổng số có trong", 60, 189, 9, True),
            line("dịch trích ly từ lá đinh lăng ở các tỉ lệ nước pha", 60, 200, 9, bold=True),
        ],
        [
            _styled("a, b, c, d: Biểu diễn sự khác nhau có ý nghĩa của", 60, 212, 9, italic=True),
            _styled("các mẫu dịch trích ly ở các tỉ lệ", 60, 223, 9, italic=True),
        ],
        [_styled("nước/nguyên liệu khác nhau với độ tin cậy là 95%.", 68, 234, 9, italic=True)],
        [line("0,5", 60, 260, 8)],
        [line("1,0", 60, 290, 8)],
        [line("Mẫu 1", 120, 320, 8)],
        [line("Hình 8. Khả năng dập tắt gốc tự do DPPH", 60, 340, 9, bold=True)],
        body_lines(370, 10),
    )
    paras = paragraphs(sheet, BODY)
    label_article(paras, BODY, {1: [Box(62, 252, 288, 332)]})  # the picture of Hình 8
    captions = [b.text for b in body_blocks(paras) if b.kind.name == "FIGURE"]
    assert any(text.endswith("với độ tin cậy là 95%.") for text in captions), captions


def test_a_figures_key_of_variables_over_its_caption_is_kept_with_it() -> None:
    """Measured on an unseen article: the key of a plot's axes set right over its caption
    ("A: tỉ lệ diện tích màng/ khối lượng và B: nhiệt độ bảo quản") became a heading in the
    body's italics under one figure, and was dropped with the drawing's words in small type
    under the next. A key of two variables or more right over a caption is the caption's."""
    from dataclasses import replace

    italic = line("A: tỉ lệ diện tích màng/ khối lượng và B: nhiệt độ bảo quản", 60, 300)
    for word in italic.words:
        word.style = replace(word.style, italic=True)
    sheet = page(
        1,
        body_lines(40, 10),
        [line("0,5", 60, 200, 8)],
        [line("1,0", 60, 260, 8)],
        [italic],
        [line("Hình 1. Sự tương tác của các yếu tố", 60, 318, 9, bold=True)],
        body_lines(340, 6),
        [line("0,5", 60, 440, 8)],
        [line("1,0", 60, 480, 8)],
        [line("A: tỉ lệ diện tích màng/ khối lượng; B: nhiệt độ", 80, 520, 9)],
        [line("Hình 2. Sự tương tác của các yếu tố", 60, 535, 9, bold=True)],
        body_lines(560, 6),
    )
    blocks = body_blocks(labelled(sheet))
    captions = [b.text for b in blocks if b.kind.name == "FIGURE"]
    assert len(captions) == 2, captions
    assert "B: nhiệt độ bảo quản" in captions[0] and "B: nhiệt độ" in captions[1], captions
    assert not [b for b in blocks if b.kind.name == "HEADING"], blocks


def test_a_caption_whose_title_opens_with_a_figure_is_a_caption() -> None:
    """Measured on an unseen article: "Biểu đồ 1. 11 công ty chứng khoán có doanh thu ..." (a
    chart's caption whose words open with a number) must stay a caption when a caption's
    number may also be followed by a space and a capital."""
    sheet = page(
        1,
        body_lines(100, 12),
        [line("Biểu đồ 1. 11 công ty chứng khoán có doanh thu cao nhất", 80, 300, 10, bold=True)],
        body_lines(330, 6),
    )
    role = {para.text: para.role for para in labelled(sheet)}
    assert role["Biểu đồ 1. 11 công ty chứng khoán có doanh thu cao nhất"] == CAPTION, role


def test_a_lettered_heading_at_the_next_columns_top_is_the_next_heading() -> None:
    """Measured on an unseen article: "c. Viết chương trình Maple vẽ khai triển trụ" at the
    foot of a column and "d. Thực hành khai triển hình" at the top of the next became one
    heading, four times ("... khai triển trụ d. Thực hành ..."): a heading going on in small
    letters at the next column's top does not open with its own letter."""
    right = [line("d. Thực hành khai triển hình", 320, 60, bold=True)]
    text = [line("Bản vẽ khai triển được in ra giấy.", 320, 80)]
    sheet = page(
        1,
        [*body_lines(60, 36), line("kết thúc đoạn văn.", 50, 600)],
        [line("c. Viết chương trình Maple vẽ khai triển trụ", 50, 625, bold=True)],
        right,
        [*text, *[line(RUNNING, 320, 95 + 15 * n) for n in range(10)]],
    )
    headings = [b.text for b in body_blocks(labelled(sheet)) if b.kind.name == "HEADING"]
    assert headings == [
        "c. Viết chương trình Maple vẽ khai triển trụ",
        "d. Thực hành khai triển hình",
    ], headings


def test_a_figures_legend_of_many_words_over_its_caption_is_kept() -> None:
    """Measured on unseen articles: "Các cụm thiết bị chính là: 1- Thân máy; 2 - Phần thân
    máy; 3 - Bộ phận ...; 12 - Tủ điều khiển", four lines in small type between a drawing
    and its caption, was taken for the drawing's words and dropped. A block of many words
    over several lines is text (the figure's legend), not labels drawn in the figure."""
    legend = [
        "Các cụm thiết bị chính là: 1- Thân máy; 2 - Phần",
        "thân máy; 3 - Bộ phận căng dây; 4 - Bàn máy; 5 -",
        "Nguồn phát xung; 6 - Dây cắt; 12 - Tủ điều khiển",
    ]
    labels = [line("Thân máy", 330, 100, 8), line("Bàn máy", 450, 150, 8)]
    texts_ = _texts_over_a_caption(labels, legend, "Hình 1. Sơ đồ máy cắt dây tia lửa điện")
    assert any("Các cụm thiết bị chính là: 1- Thân máy" in text for text in texts_), texts_


def _texts_over_a_caption(labels: list[Line], block: list[str], caption: str) -> list[str]:
    """The texts of a page whose right column holds a drawing's labels, then a block of three
    lines in small type and the drawing's caption over running text."""
    lines = [line(text, 320, 200 + 11 * n, 9) for n, text in enumerate(block)]
    sheet = page(
        1,
        body_lines(40, 40),
        *([label] for label in labels),
        lines,
        [line(caption, 340, 240, 9, bold=True)],
        [line(RUNNING, 320, 270 + 15 * n) for n in range(20)],
    )
    return [b.text for b in body_blocks(labelled(sheet))]


def test_a_lettered_note_under_a_tables_rows_is_kept() -> None:
    """Measured on an unseen article: "a. Dependent Variable: ydmuax", the note a statistics
    program prints under its table, in small type right under the rows, was taken for a
    figure's words and dropped. A lettered note with a colon under a table's rows is its."""
    sheet = page(
        1,
        body_lines(40, 4),
        [line("Bảng 3. Kết quả hồi quy với biến thái độ", 120, 120, 9, bold=True)],
        [line("Model", 60, 140, 9)],
        [line("Beta", 300, 140, 9)],
        [line("TD", 60, 155, 9)],
        [line("0,512", 300, 155, 9)],
        [line("a. Dependent Variable: ydmuax", 60, 172, 9)],
        body_lines(200, 10),
    )
    texts_ = [b.text for b in body_blocks(labelled(sheet))]
    assert any("a. Dependent Variable: ydmuax" in text for text in texts_), texts_


def test_a_diagrams_boxes_over_its_caption_stay_its_words() -> None:
    """Measured on an unseen article: the words of a diagram's boxes read as one block of
    three lines ("Nghịch lưu phía lưới Nghịch lưu phía máy phát Máy đóng ngắt ...") are the
    diagram's, not a legend: a legend parts its entries with colons or semicolons."""
    boxes = [
        "Nghịch lưu phía lưới Nghịch lưu",
        "phía máy phát Máy đóng ngắt Biến",
        "thế lưới điện Máy phát điện gió",
    ]
    labels = [line("Biến thế uN", 330, 150, 8)]
    texts_ = _texts_over_a_caption(labels, boxes, "Hình 1. Sơ đồ hệ thống phát điện sức gió")
    assert not any("Nghịch lưu phía lưới" in text for text in texts_), texts_
    assert not any("Biến thế uN" in text for text in texts_), texts_


def test_an_items_own_items_under_another_bullet_are_its_list() -> None:
    """Measured on unseen articles: "▪ Để sử dụng dịch vụ VCB-Mobile Banking, khách hàng
    cần:" and the dash items under it ("- Có tài khoản thanh toán ...") came out as one list
    of one level, in five articles (▪ / -, ❖ / ▪, • / –). Items opened by another bullet
    under an item announcing them are its own list, until its bullet comes back."""
    sheet = page(
        1,
        body_lines(40, 4),
        [line("▪ Để sử dụng dịch vụ, khách hàng cần:", 50, 110)],
        [line("- Có tài khoản thanh toán;", 62, 128)],
        [line("- Có điện thoại thông minh.", 62, 146)],
        [line("▪ Giải pháp về mức độ đồng cảm của ngân hàng.", 50, 164)],
        body_lines(190, 10),
    )
    items = [(b.level, b.text) for b in body_blocks(labelled(sheet)) if b.kind.name == "ITEM"]
    assert items == [
        (0, "Để sử dụng dịch vụ, khách hàng cần:"),
        (1, "Có tài khoản thanh toán;"),
        (1, "Có điện thoại thông minh."),
        (0, "Giải pháp về mức độ đồng cảm của ngân hàng."),
    ], items


def test_items_in_italics_over_items_of_another_bullet_head_their_lists() -> None:
    """Measured on an unseen article: "❖ Lựa chọn các điểm tham quan du lịch cần đầu tư nâng
    cấp" in italics, over "▪" items in upright type, seven times: each came out level with
    the items under it, and twice as an item of the short item before it. An item set in
    italics or bold over items of another bullet in upright type heads them; its bullet
    coming back is the list's first level again."""
    from dataclasses import replace

    def italic(made: Line) -> Line:
        for word in made.words:
            word.style = replace(word.style, italic=True)
        return made

    sheet = page(
        1,
        body_lines(40, 4),
        [italic(line("❖ Lựa chọn các điểm tham quan du lịch cần đầu tư nâng cấp", 50, 110))],
        [line("▪ Nâng cấp hạ tầng các điểm tham quan.", 50, 128)],
        [line("▪ Triển khai tập huấn", 50, 146)],
        [italic(line("❖ Xúc tiến, tuyên truyền, quảng bá du lịch", 50, 164))],
        [line("▪ Quảng bá trên các kênh truyền thông.", 50, 182)],
        body_lines(210, 10),
    )
    items = [(b.level, b.text) for b in body_blocks(labelled(sheet)) if b.kind.name == "ITEM"]
    assert [level for level, _ in items] == [0, 1, 1, 0, 1], items


def test_a_headings_second_line_in_the_same_face_under_another_name_joins_it() -> None:
    """Measured on an unseen article: "3.1. Thực trạng chất lượng dịch vụ ngân hàng" in
    "Arial,Bold" and its second line "bán lẻ tại Ngân hàng TMCP An Bình Hà Nội" in "Arial
    Bold,Bold" (the same face named twice) were a heading and a line of text, then one
    paragraph: a heading's lines are of one face, whatever the PDF calls it."""

    def named(text: str, y: float, font: str) -> Line:
        found = line(text, 320, y, 10, bold=True)
        for word in found.words:
            word.style = Style(font, 10, bold=True)
        return found

    sheet = page(
        1,
        body_lines(60, 10),
        [named("3.1. Thực trạng chất lượng dịch vụ ngân hàng", 240, "Arial,Bold")],
        [named("bán lẻ tại Ngân hàng TMCP An Bình Hà Nội", 252, "Arial Bold,Bold")],
        body_lines(280, 10),
    )
    headings = [b.text for b in body_blocks(labelled(sheet)) if b.kind.name == "HEADING"]
    assert headings == [
        "3.1. Thực trạng chất lượng dịch vụ ngân hàng bán lẻ tại Ngân hàng TMCP An Bình Hà Nội"
    ], headings


def test_a_formulas_piece_poppler_read_after_the_text_under_it_goes_back_into_it() -> None:
    """Measured on a LaTeX thesis: the end of a display formula ("− k², m = 1, n.", after a
    root sign) came last in poppler's order of a one-column page, after the paragraph under
    the formula: it stood between that paragraph and its end on the next page, which were
    then two paragraphs, and the formula lost its end."""
    sheet = page(
        1,
        body_lines(60, 10),
        [line("1", 170, 290, 9)],  # a fraction's numerator, its denominator under the sign
        [line("θm = ηmhm, am = −", 72, 300)],
        [line(", ηm = √kS(m)", 195, 300)],
        [line("Mmηm", 164, 310, 9)],
        [line("(45)", 345, 300)],
        [line("với các đại lượng", 50, 330)],
        body_lines(350, 6),
        [line("− k², m = 1, n.", 264, 300)],  # the formula's end, read last
    )
    blocks = body_blocks(labelled(sheet))
    equations = [b.text for b in blocks if b.kind is BlockKind.EQUATION]
    assert len(equations) == 1 and "m = 1, n." in equations[0], equations
    assert blocks[-1].kind is BlockKind.PARAGRAPH, [(b.kind.name, b.text) for b in blocks]


def test_arrows_of_a_process_opening_lines_of_a_sentence_are_no_bullets() -> None:
    """Measured on an unseen article: a sentence naming a process's steps with arrows
    ("từ nguồn (S) ➔ thông điệp (M) ➔ kênh truyền thông (C) ➔ ...") broken where an arrow
    opens a line was a paragraph and two list items, the arrows lost. An arrow opening a
    line after a full line, and standing again inside the line, goes on with the sentence."""
    sheet = page(
        1,
        [
            *body_lines(60, 4),
            justified("trải qua 5 quá trình từ nguồn (S)", 120),
            justified("➔ thông điệp (M) ➔ kênh (C)", 135),
            justified("➔ Người nhận (R) ➔ Hiệu quả (F). Khi", 150),
            line("dùng các kênh truyền thông trực tiếp.", 50, 165),
        ],
        body_lines(200, 6),
    )
    blocks = [b for b in body_blocks(labelled(sheet)) if "➔" in b.text or "nguồn" in b.text]
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH], [(b.kind, b.text) for b in blocks]
    assert "từ nguồn (S) ➔ thông điệp (M) ➔ kênh (C) ➔ Người nhận" in blocks[0].text


def test_a_bold_run_in_lead_filling_its_line_opens_the_paragraph_under_it() -> None:
    """Measured on an unseen article: "Biến tỷ lệ chi trả cổ tức (LDPS)." in bold italics,
    a paragraph's run-in lead that happened to fill its line, was a paragraph of its own,
    where its siblings ("Biến sở hữu nhà nước (GRO): DN ...") ran on into their text."""
    lead = justified("Biến tỷ lệ chi trả cổ tức (LDPS).", 150)
    for word in lead.words:
        word.style = Style("Times New Roman,BoldItalic", 12, bold=True, italic=True)
    sheet = page(
        1,
        [
            *body_lines(60, 6),
            line("và câu kết thúc.", 50, 135),
            lead,
            *[
                justified("Tỷ lệ chi trả cổ tức năm trước ảnh hưởng", 165 + 15 * n)
                for n in range(3)
            ],
            line("tích cực đến tỷ lệ năm nay.", 50, 210),
        ],
        body_lines(240, 6),
    )
    texts_ = [b.text for b in body_blocks(labelled(sheet))]
    assert any(t.startswith("Biến tỷ lệ chi trả cổ tức (LDPS). Tỷ lệ chi trả") for t in texts_), (
        texts_
    )


def test_two_notes_of_a_table_in_one_block_are_two_lines_of_its_caption() -> None:
    """Measured on an unseen article: "Nguồn: Tác giả tổng hợp" and, under it, "Ghi chú: *,
    **, *** tương ứng với mức ý nghĩa 10%, 5%, 1%" under a table, one block for poppler,
    were run together on one line of the caption."""
    sheet = page(
        1,
        body_lines(60, 6),
        [line("Bảng 2. Kết quả hồi quy", 60, 168, 10, True)],
        *cells([(f"Biến {n}", f"0,{345 + n}") for n in range(5)], (60, 200), 185),
        [
            line("Nguồn: Tác giả tổng hợp", 200, 275, 10),
            line("Ghi chú: *, **, *** tương ứng với mức ý nghĩa 10%", 50, 288, 10),
        ],
        body_lines(310, 6),
    )
    captions = [b.text for b in body_blocks(labelled(sheet)) if b.kind is BlockKind.FIGURE]
    assert any(
        "\nNguồn: Tác giả tổng hợp\nGhi chú: *, **, ***" in caption for caption in captions
    ), captions
