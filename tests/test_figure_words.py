"""The words drawn inside a chart or a diagram (bantin.pdf.figures), on pages built word by
word with the paths the page draws: the layouts measured on real articles of a university
journal, their texts invented."""

from __future__ import annotations

from pathlib import Path

from bantin.model import BlockKind
from bantin.pdf.document import Document
from bantin.pdf.figures import claim_figures
from bantin.pdf.page import Box, Line, Page
from bantin.pdf.reading import Para, document_columns, paragraphs
from bantin.pdf.roles import label_article
from bantin.pdf.rules import Drawn
from bantin.pdf.structure import body_blocks
from bantin.pdf.tables import claim_ruled_tables
from test_pdf_pages import BODY, PAGE_H, PAGE_W, body_lines, line, page


def stroke(x0: float, y0: float, x1: float, y1: float) -> Drawn:
    return Drawn(Box(x0, y0, x1, y1), False, True)


def filled(x0: float, y0: float, x1: float, y1: float) -> Drawn:
    """A filled rectangle, not outlined (a chart's background, a bar)."""
    return Drawn(Box(x0, y0, x1, y1), True, False)


def read(sheet: Page, paths: list[Drawn]) -> list[Para]:
    """The page's paragraphs with their roles, the page drawing `paths`, as convert.py
    labels an article."""
    columns = document_columns([sheet], BODY)
    paras = paragraphs(sheet, BODY, columns[sheet.number])
    label_article(paras, BODY)
    doc = Document(Path("figure.pdf"), [sheet], BODY, _drawings={1: ((PAGE_W, PAGE_H), paths)})
    claim_ruled_tables(paras, doc)
    claim_figures(paras, doc)
    return paras


def shown(paras: list[Para]) -> str:
    """Everything the article prints of the page."""
    return "\n".join(block.text for block in body_blocks(paras))


def small(text: str, x: float, y: float, size: float = 9.0) -> list[Line]:
    return [line(text, x, y, size)]


def chart(x0: float, y0: float, x1: float, y1: float) -> list[Drawn]:
    """A chart Word draws: its area's background, its plotting area with five gridlines,
    its axes and a line of data."""
    left, right, top, bottom = x0 + 40, x1 - 90, y0 + 10, y1 - 25
    step = (bottom - top) / 5
    grid = [stroke(left, top + step * n, right, top + step * n) for n in range(6)]
    return [
        filled(x0, y0, x1, y1),
        filled(left, top, right, bottom),
        *grid,
        stroke(left, top, left, bottom),
        stroke(left + 10, top + 20, right - 10, bottom - 30),
    ]


def test_a_charts_words_across_both_columns_are_the_figures() -> None:
    """Measured on a real article: a chart set across both columns, under a sentence in each,
    left its years as a table ("1997-2000 | 2001-2005"), its ticks and its legend as
    paragraphs: read column by column, the words in the left column come
    before the right column's text, which stopped the caption's claim on them."""
    ticks = [small(str(n), 60, 200 + 20 * (5 - n // 2), 11) for n in range(0, 11, 2)]
    years = [small(f"{y}-{y + 4}", x, 318, 11) for y, x in ((2001, 100), (2006, 200))]
    right = [small(f"{y}-{y + 4}", x, 318, 11) for y, x in ((2011, 330), (2016, 420))]
    legend = [small("Chỉ số ngoài vốn", 480, 210, 9), small("Chỉ số của vốn", 480, 250, 9)]
    sheet = page(
        1,
        [*body_lines(60, 7), line("hệ số giảm nhanh trong giai đoạn này.", 50, 165)],
        *ticks,
        *years,
        [*body_lines(60, 7, x=320), line("việc sử dụng vốn có hiệu quả (hình 2).", 320, 165)],
        *right,
        *legend,
        [line("Hình 2. Hệ số của tỉnh giai đoạn 2001-2020", 180, 340, 9, bold=True)],
        body_lines(370, 10),
        body_lines(370, 10, x=320),
    )
    paras = read(sheet, chart(48, 190, 562, 335))
    text = shown(paras)
    for words in ("2001-2005", "2016-2020", "Chỉ số ngoài vốn", "Chỉ số của vốn"):
        assert words not in text, text
    assert "\n8\n" not in f"\n{text}\n" and "\n10\n" not in f"\n{text}\n", text
    assert "việc sử dụng vốn có hiệu quả (hình 2)." in text
    assert "hệ số giảm nhanh trong giai đoạn này." in text
    assert "Hình 2. Hệ số của tỉnh giai đoạn 2001-2020" in text


def test_a_plots_gridlines_make_no_table_of_its_legend() -> None:
    """Measured on real articles: a plot drawn by a numerical package, its box and dashed
    gridlines ruling cells, made its title and legend (in small type, without diacritics)
    a ruled table's rows; its ticks in small type stand outside the box. A ruled table on
    the page, its cells full, stays a table."""
    left, top, right, bottom = 110.0, 80.0, 280.0, 240.0
    across = [stroke(left, top + 32 * n, right, top + 32 * n + 0.3) for n in range(6)]
    down = [stroke(left + 34 * n, top, left + 34 * n + 0.3, bottom) for n in range(6)]
    table_rules = [stroke(320, y, 560, y + 0.5) for y in (120, 140, 160)]
    table_rules += [stroke(x, 120, x + 0.5, 160) for x in (320, 440, 560)]
    sheet = page(
        1,
        body_lines(40, 2),
        small("Ty le loi bit cua ma khoi", 150, 84, 6),
        small("Giai ma mem", 230, 120, 5),
        small("Thuat toan moi", 230, 128, 5),
        *[small(f"10-{n}", 92, top + 32 * n, 5) for n in range(1, 6)],
        small("So buoc lap", 180, 246, 6),
        [line("Hình 2. Chất lượng giải mã của thuật toán", 90, 262, 9, bold=True)],
        body_lines(290, 12),
        [line("Bảng 1. Thời gian giải mã", 380, 100, 9, bold=True)],
        [line("Mã", 330, 124, 11)],
        [line("Thời gian", 450, 124, 11)],
        [line("C(7, 4)", 330, 144, 11)],
        [line("0,47 ms", 450, 144, 11)],
        body_lines(290, 12, x=320),
    )
    paras = read(sheet, [*across, *down, *table_rules])
    text = shown(paras)
    for words in ("Ty le loi bit", "Giai ma mem", "Thuat toan moi", "So buoc lap", "10-3"):
        assert words not in text, text
    assert "Mã | Thời gian\nC(7, 4) | 0,47 ms" in text, text


def test_a_diagrams_boxes_are_no_headings_and_the_list_around_them_stays() -> None:
    """Measured on a real article: the three boxes of a diagram, a word or two each in bold,
    became three headings between a list's items; without them the items, one before the
    figure and one after it, stay two items."""
    boxes = [filled(x, 360, x + 50, 385) for x in (330, 410, 490)]
    arrows = [stroke(380, 372, 410, 373), stroke(460, 372, 490, 373)]
    frame = [Drawn(Box(x, 360, x + 50, 385), True, True) for x in (330, 410, 490)]
    sheet = page(
        1,
        body_lines(60, 20),
        [*body_lines(60, 16, x=320), line("• Cấu trúc của một môđun: (hình 1)", 320, 322)],
        [line("Đầu ra", 498, 366, 10.7, bold=True)],
        [line("Xử lý", 418, 369, 10.7, bold=True)],
        [line("Đầu vào", 335, 370, 10.7, bold=True)],
        [line("Hình 1. Cấu trúc môđun dạy học [2]", 355, 400, 9, bold=True)],
        [line("- Đầu vào của môđun: [2]", 320, 421)],
        body_lines(440, 10, x=320),
    )
    paras = read(sheet, [*boxes, *frame, *arrows])
    blocks = body_blocks(paras)
    texts = [block.text for block in blocks]
    assert not {"Đầu ra", "Xử lý", "Đầu vào"} & set(texts), texts
    items = [block.text for block in blocks if block.kind is BlockKind.ITEM]
    assert items[0] == "Cấu trúc của một môđun: (hình 1)", items  # its bullet taken off
    assert items[1].startswith("Đầu vào của môđun: [2]"), items


def test_a_ruled_table_under_a_pictures_caption_stays_a_table() -> None:
    """Measured on a real article: a table without a caption of its own right under a
    photograph's caption, the picture no drawing, is the text's table, not the
    photograph's words."""
    rules = [stroke(50, y, 290, y + 0.5) for y in (210, 230, 250, 270)]
    rules += [stroke(x, 210, x + 0.5, 270) for x in (50, 130, 210, 290)]
    sheet = page(
        1,
        body_lines(40, 6),
        [line("Hình 6. Bộ truyền động ba cấp", 90, 190, 11, bold=True)],
        *[
            [line(text, x, y, 11)]
            for y, row in (
                (214, ("Trục", "Động cơ", "Công tác")),
                (234, ("P (kW)", "0,058", "0,016")),
                (254, ("n (v/ph)", "1440", "120")),
            )
            for text, x in zip(row, (55, 135, 215), strict=True)
        ],
        body_lines(290, 10),
    )
    paras = read(sheet, rules)
    assert "Trục | Động cơ | Công tác\nP (kW) | 0,058 | 0,016" in shown(paras)


def test_text_inside_a_box_or_beside_a_figure_stays_text() -> None:
    """A box drawn round a paragraph over a caption (a framed note; a figure whose paths run
    past its clip into the text) is no figure: the text in it stays; a drawing under the
    text keeps its own words."""
    note = [*body_lines(200, 4), line("như khung trên cho thấy.", 50, 260)]
    sheet = page(
        1,
        body_lines(40, 8),
        note,
        [line("BỘ ĐIỀU KHIỂN", 120, 298, 11, bold=True)],  # a box's label, in bold capitals
        [line("Hình 3. Khung ghi chú và sơ đồ", 90, 330, 9, bold=True)],
        body_lines(360, 10),
    )
    paths = [Drawn(Box(45, 195, 300, 320), True, True), stroke(100, 290, 250, 315)]
    text = shown(read(sheet, paths))
    assert "như khung trên cho thấy." in text
    assert "BỘ ĐIỀU KHIỂN" not in text, text  # cut under the text, the drawing's words


def test_a_captions_second_line_set_apart_stays_with_the_caption() -> None:
    """Measured on a real article: a chart in a frame over its caption, the caption's
    second line ("bằng ... tại các tuyến") set by poppler as a block of its own just under
    the first, in the caption's small bold type, a tick of the chart hidden behind the
    caption read between them: taken for a label of the chart, the line was lost. A line
    that goes on from a caption, in its type, right under it, is no word of the chart."""
    bars = [filled(x, 250 - h, x + 14, 250) for x, h in ((90, 40), (150, 60), (210, 90))]
    sheet = page(
        1,
        body_lines(40, 8),
        *[small(f"{n}%", 60, 250 - 20 * n // 10, 8) for n in (20, 30, 40)],
        [line("Hình 1. Tỉ lệ người bệnh được khám chữa", 80, 262, 9, bold=True)],
        small("15%", 60, 269, 8),  # the chart's lowest tick, behind the caption's box
        [line("bằng thuốc nam tại các tuyến", 110, 273, 9, bold=True)],
        body_lines(300, 10),
    )
    paras = read(sheet, [*chart(48, 150, 290, 284), *bars])
    text = shown(paras)
    assert "bằng thuốc nam tại các tuyến" in text, text
    assert "\n30%\n" not in f"\n{text}\n", text


def test_a_charts_ticks_and_axis_title_in_small_type_just_outside_it_are_its_words() -> None:
    """Measured on real articles: a bar chart's ticks set left of its drawn area and its
    axis title under it, in type smaller than the text, stand outside the drawing: they are
    its words all the same; a sentence of the text beside the chart in the body's type
    stays."""
    bars = [filled(x, 250 - h, x + 14, 250) for x, h in ((120, 40), (170, 60), (220, 90))]
    sheet = page(
        1,
        body_lines(40, 6),
        *[small(f"{n}0", 90, 250 - 2 * n * 10, 7) for n in (2, 4, 6)],
        small("Doanh thu theo năm", 150, 258, 7),
        [line("Hình 4. Doanh thu của doanh nghiệp", 110, 276, 9, bold=True)],
        body_lines(300, 8),
    )
    paras = read(sheet, [filled(104, 150, 290, 252), *bars])
    text = shown(paras)
    for words in ("Doanh thu theo năm", "\n40\n", "\n60\n"):
        assert words not in f"\n{text}\n", text
    assert "Hình 4. Doanh thu của doanh nghiệp" in text


def bar_chart(x0: float, top: float, bottom: float) -> list[Drawn]:
    """Three bars standing on an axis, from `x0`, between `top` and `bottom`."""
    heights = enumerate((20.0, 35.0, 50.0))
    bars = [filled(x0 + 30 * n, bottom - h, x0 + 30 * n + 14, bottom) for n, h in heights]
    axes = [stroke(x0 - 4, top, x0 - 3.7, bottom), stroke(x0 - 4, bottom, x0 + 220, bottom + 0.3)]
    return [*axes, *bars]


def legend(text: str, top: float) -> list[Line]:
    """A legend of several words in small type, set inside a chart's drawing."""
    return small(text, 100, top, 7)


def test_the_pages_frame_joins_no_drawing_to_the_others() -> None:
    """A page framed by a rectangle round all of it, a chart under its caption: the frame
    is no drawing, and the chart's paths do not join the others through it (all would be
    one drawing as tall as the page, no figure's): the chart's legend is its own."""
    sheet = page(
        1,
        body_lines(40, 6),
        [line("Hình 5. Sản lượng của các hộ theo quý", 90, 132, 9, bold=True)],
        legend("Sản lượng lúa của các hộ trong xã", 160),
        body_lines(240, 10),
    )
    frame = Drawn(Box(20, 20, PAGE_W - 20, PAGE_H - 20), False, True)
    text = shown(read(sheet, [frame, *bar_chart(80, 150, 210)]))
    assert "Sản lượng lúa của các hộ trong xã" not in text, text
    assert "Hình 5. Sản lượng của các hộ theo quý" in text


def test_panels_stacked_under_one_caption_give_it_all_their_words() -> None:
    """Two plots set one under the other beneath one caption, a gap between them wider than
    a drawing's own: the lower panel's legend is the figure's too."""
    sheet = page(
        1,
        body_lines(40, 4),
        [line("Hình 2. Hai đồ thị của cùng một phép đo", 90, 104, 9, bold=True)],
        legend("Đo bằng thiết bị thứ nhất tại phòng thí nghiệm", 130),
        legend("Đo bằng thiết bị thứ hai tại hiện trường", 220),
        body_lines(300, 10),
    )
    paths = [*bar_chart(80, 120, 180), *bar_chart(80, 205, 265)]
    text = shown(read(sheet, paths))
    assert "thiết bị thứ nhất" not in text, text
    assert "thiết bị thứ hai" not in text, text


def test_a_diagrams_labels_under_a_ruled_table_are_the_diagrams() -> None:
    """Measured on a real article: a ruled table under its caption ("Bảng 1"), a diagram
    under it labelled in the text's type ("1", "L") and the diagram's caption under that: the
    table's caption takes the rows down to the figure's caption, but a ruled table's rows are
    inside its rules; the labels past them are the diagram's, not a table of their own."""
    rules = [stroke(300, y, 560, y + 0.5) for y in (120, 140, 160)]
    rules += [stroke(x, 120, x + 0.5, 160) for x in (300, 430, 560)]
    sheet = page(
        1,
        body_lines(40, 20),
        [line("Bảng 1. Các yêu cầu kỹ thuật", 360, 100, 9, bold=True)],
        [line("Dải thông", 310, 124, 11)],
        [line("3600 MHz", 440, 124, 11)],
        [line("Độ gợn", 310, 144, 11)],
        [line("1 dB", 440, 144, 11)],
        [line("1", 380, 186, 11)],
        [line("L", 450, 196, 11)],
        [line("Hình 6. Sơ đồ của bộ lọc", 370, 240, 9, bold=True)],
        body_lines(270, 10, x=300),
    )
    text = shown(read(sheet, rules))
    assert "Dải thông | 3600 MHz\nĐộ gợn | 1 dB" in text, text
    assert "\nL\n" not in f"\n{text}\n", text


def test_an_unruled_tables_rows_under_a_ruled_table_higher_up_stay_its_rows() -> None:
    """A ruled table at the top of the page, text, then an unruled table under its own
    caption ("Bảng 2") set over a chart printed as a picture (no words of its own) and the
    chart's caption: the rows of "Bảng 2" stand under the ruled table's grid, across it, but
    they follow their own caption, not that table's cells; they stay the rows of "Bảng 2"."""
    rules = [stroke(50, y, 560, y + 0.5) for y in (80, 100, 120)]
    rules += [stroke(x, 80, x + 0.5, 120) for x in (50, 300, 560)]
    rows = [
        [line(" ".join(f"{n + r}.{n * 7 % 10}{r}4" for n in range(8)), 50, 322 + 12 * r, 8)]
        for r in range(6)
    ]
    sheet = page(
        1,
        body_lines(20, 2),
        [line("Bảng 1. Các yêu cầu kỹ thuật", 200, 62, 9, bold=True)],
        [line("Dải thông", 60, 84, 11)],
        [line("3600 MHz", 310, 84, 11)],
        [line("Độ gợn", 60, 104, 11)],
        [line("1 dB", 310, 104, 11)],
        body_lines(140, 12),
        [line("Bảng 2: Kết quả đo một số đỉnh tiêu biểu trong quá trình khảo sát", 50, 306, 9)],
        *rows,
        [line("Hình 1: Phân bố công suất của thiết bị theo tần số", 120, 580, 9)],
        body_lines(610, 10),
    )
    text = shown(read(sheet, rules))
    assert "Dải thông | 3600 MHz\nĐộ gợn | 1 dB" in text, text
    for row in rows:
        assert row[0].text in text, text
