"""Lays out known articles as magazine PDFs with ReportLab, for the PDF route's tests.

Each layout trait a real magazine shows (and the PDF route once got wrong) can be asked for:
columns, a contents page, titles in capitals or in a TCVN3 capitals font, bylines with ranks
and degrees, an abstract in smaller italic type, a section banner over a title, headings,
photos with captions, a table, a display equation in large type, a drop cap, references,
running heads that differ on odd and even pages, a page number placed anywhere, and articles
that start on the page where the previous one ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from bantin.convert.legacy import TCVN3_TO_UNICODE, VNI_TO_UNICODE

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
PAGE_W, PAGE_H = 595.0, 842.0
MARGIN = 50.0
GUTTER = 16.0
BODY, LEADING = 9.5, 12.5
TITLE_SIZE = 18.0
ABSTRACT_SIZE = 8.5
CAPTION_SIZE = 8.0
RUNNING_HEADS = ("BẢN TIN KHOA HỌC VÀ CÔNG NGHỆ", "NGHIÊN CỨU - TRAO ĐỔI")
TCVN3_CAPITALS_FONT = ".VnArialH.Bold0150"
_UNICODE_TO_TCVN3 = {letter: code for code, letter in TCVN3_TO_UNICODE.items()}
_UNICODE_TO_VNI = {letter: code for code, letter in VNI_TO_UNICODE.items()}


@dataclass
class Spec:
    """One article. Paragraphs are (kind, text): body, heading, photo (an image and its
    caption), table (rows of cells separated by "|", one row per line), equation (a display
    line in large type), tall (a body line whose accented words are set larger), flush (a
    paragraph set from the column's edge with a little space over and under it, as a
    definition's line or a list's item is; a line broken by hand at a "\n" is justified),
    note (a float's note, a line in small italics)."""

    title: str
    paragraphs: list[tuple[str, str]]
    lead: str = ""  # bold lead under the title
    byline: str = ""
    affiliation: str = ""
    abstract: str = ""  # smaller italic type, full width, under the byline
    references: list[str] = field(default_factory=list)
    banner: str = ""  # a section band over the title
    signature: str = ""  # names signed at the end, right-aligned in bold
    title_caps: bool = False
    title_font: str = "Sans"  # TCVN3_CAPITALS_FONT: the title's codes in a TCVN3 capitals font
    columns: int = 2
    legacy: str | None = None  # "tcvn3" or "vni": the body is set in a font of that encoding
    drop_cap: bool = True
    same_page: bool = False  # starts right under the previous article, on its last page


@dataclass
class Issue:
    """What the pages carry besides the articles."""

    contents: bool = False  # a contents page first: page number, title, byline per article
    contents_titles: dict[int, str] = field(default_factory=dict)  # article index -> title
    extra_entries: list[tuple[int, str]] = field(default_factory=list)  # (page, title) listed
    folio_at: float = 0.97  # where the page number stands, as a share of the page height
    running_heads: tuple[str, str] = RUNNING_HEADS  # odd pages, even pages
    dateline: str = ""  # the issue's date, under the contents page's heading
    folio_offset: int = 0  # the number printed on a page is its place plus this (a cover: -2)
    # How the contents page sets an entry: "left" (the page number, then the title and the
    # byline), "right" (the title, dot leaders and the page number at the right edge, the
    # byline under it in italics), "byline first" (the byline over the title, the page number
    # at the right edge of the title's last line), "byline: title" (one run of text) or
    # "right, first line" (as "right", the number on the first line of a wrapped title).
    contents_layout: str = "left"
    contents_columns: int = 1  # entries numbered at the right, in this many columns
    contents_sections: dict[int, str] = field(default_factory=dict)  # heading over an entry
    contents_numbered: bool = False  # each entry opens with its number in the list: "3. "
    contents_list_column: bool = False  # that number stands alone left of the entry's text
    blank_pages: int = 0  # pages after the last article with only their furniture and a "."


@dataclass
class _Flow:
    """Where the next line goes: page, column, height left."""

    canvas: Canvas
    columns: int
    issue: Issue
    page: int = 1
    column: int = 0
    y: float = 0.0
    top: float = PAGE_H - MARGIN - 20
    lowest: float = PAGE_H  # the lowest line drawn on this page, in any column

    @property
    def width(self) -> float:
        return (PAGE_W - 2 * MARGIN - GUTTER * (self.columns - 1)) / self.columns

    @property
    def x(self) -> float:
        return MARGIN + self.column * (self.width + GUTTER)


def register_fonts() -> None:
    """DejaVu for Unicode text; the same faces under TCVN3 and VNI names for legacy text."""
    fonts = {
        "Body": "DejaVuSerif.ttf",
        "Bold": "DejaVuSerif-Bold.ttf",
        "Italic": "DejaVuSerif-Italic.ttf",
        "Sans": "DejaVuSans-Bold.ttf",
        ".VnTime": "DejaVuSerif.ttf",
        ".VnTimeH": "DejaVuSerif-Bold.ttf",
        TCVN3_CAPITALS_FONT: "DejaVuSans-Bold.ttf",
        "VNI-Times": "DejaVuSerif.ttf",
        ".VnTime-Bold": "DejaVuSerif-Bold.ttf",
        "VNI-Times-Bold": "DejaVuSerif-Bold.ttf",
        "TT1A2Bo00": "DejaVuSerif.ttf",  # a legacy font as a printer driver names it
        "TT1A2Co00": "DejaVuSerif-Bold.ttf",
    }
    for name, file in fonts.items():
        font = TTFont(name, str(FONT_DIR / file))
        if name.startswith((".Vn", "VNI", "TT1A2")):
            font.face.name = name.encode()  # the PDF names the font as the legacy font
        pdfmetrics.registerFont(font)


def to_tcvn3(text: str) -> str:
    """Unicode text as the Latin-1 characters of its TCVN3 bytes."""
    return "".join(_UNICODE_TO_TCVN3.get(char, char) for char in text)


def to_vni(text: str) -> str:
    """Unicode text as the Latin-1 characters of its VNI bytes."""
    return "".join(_UNICODE_TO_VNI.get(char, char) for char in text)


LEGACY_FONTS = {
    "tcvn3": (".VnTime", ".VnTime-Bold", to_tcvn3),
    "vni": ("VNI-Times", "VNI-Times-Bold", to_vni),
    # the same encodings in fonts whose names say nothing of them
    "tcvn3 unnamed": ("TT1A2Bo00", "TT1A2Co00", to_tcvn3),
    "vni unnamed": ("TT1A2Bo00", "TT1A2Co00", to_vni),
}


def build_pdf(path: Path, specs: list[Spec], issue: Issue | None = None) -> list[tuple[int, int]]:
    """Write the issue; return each article's first and last physical page."""
    issue = issue or Issue()
    ranges = _render(path, specs, issue, [])
    if issue.contents:  # again, now that the pages the contents page lists are known
        ranges = _render(path, specs, issue, ranges)
    return ranges


def _render(
    path: Path, specs: list[Spec], issue: Issue, known: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    register_fonts()
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=True)
    flow = _Flow(canvas, specs[0].columns, issue)
    _page_furniture(flow)
    if issue.contents:
        _contents_page(flow, specs, issue, known)
        _new_page(flow)
    ranges = []
    for index, spec in enumerate(specs):
        if index and not spec.same_page:
            _new_page(flow)
        first = flow.page
        _lay_out(flow, spec)
        ranges.append((first, flow.page))
    for _ in range(issue.blank_pages):  # the printer's blank pages that end a signature
        _new_page(flow)
        flow.y = flow.top - 40
        _draw(flow, flow.x, ".", "Body", 10)
    canvas.showPage()
    canvas.save()
    return ranges


def _contents_page(
    flow: _Flow, specs: list[Spec], issue: Issue, known: list[tuple[int, int]]
) -> None:
    """ "MỤC LỤC", then per article: its page number, its title in sentence case, its byline."""
    flow.y = flow.top
    _draw(flow, MARGIN, "MỤC LỤC", "Sans", 14)
    if issue.dateline:
        flow.y -= 16
        _draw(flow, MARGIN, issue.dateline, "Body", 9)
    flow.y -= 30
    if issue.contents_layout != "left":
        _contents_right(flow, specs, issue, known)
        return
    for index, spec in enumerate(specs):
        page = known[index][0] if known else index + 2
        _draw(flow, MARGIN, str(page), "Bold", 10)
        title = issue.contents_titles.get(index, spec.title)
        for line in _wrap(title + ".", "Body", 10, PAGE_W - 2 * MARGIN - 30):
            _draw(flow, MARGIN + 30, line, "Body", 10)
            flow.y -= 13
        if spec.byline:
            _draw(flow, MARGIN + 30, spec.byline, "Bold", 9)
            flow.y -= 13
        flow.y -= 8
    for page, title in issue.extra_entries:
        _draw(flow, MARGIN, str(page), "Bold", 10)
        _draw(flow, MARGIN + 30, title, "Body", 10)
        flow.y -= 21


def _contents_right(
    flow: _Flow, specs: list[Spec], issue: Issue, known: list[tuple[int, int]]
) -> None:
    """Entries with the page number at the right edge, after dot leaders; in two columns,
    the second half of the entries in the right one."""
    columns = issue.contents_columns
    width = (PAGE_W - 2 * MARGIN - GUTTER * (columns - 1)) / columns
    top = flow.y
    half = -(-len(specs) // columns)
    for index, spec in enumerate(specs):
        if index and index % half == 0:
            flow.y = top
        left = MARGIN + (index // half) * (width + GUTTER)
        right = left + width
        page = known[index][0] if known else index + 2
        title = issue.contents_titles.get(index, spec.title)
        if index in issue.contents_sections:  # a section's heading in capitals, set apart
            flow.y -= 4
            _draw(flow, left, issue.contents_sections[index], "Sans", 10)
            flow.y -= 17
        if spec.byline and issue.contents_layout == "byline first":
            _draw(flow, left, spec.byline, "Italic", 9)
            flow.y -= 13
        if spec.byline and issue.contents_layout == "byline: title":
            title = f"{spec.byline}: {title}"
        if issue.contents_numbered:
            title = f"{index + 1}. {title}"
        lines = _wrap(title, "Body", 10, width - 60)
        numbered = 0 if issue.contents_layout == "right, first line" else len(lines) - 1
        indent = 20 if issue.contents_list_column else 0
        if issue.contents_list_column:
            _draw(flow, left, str(index + 1), "Body", 10)
        for number, line in enumerate(lines):
            _draw(flow, left + indent, line, "Body", 10)
            if number == numbered:
                used = left + indent + pdfmetrics.stringWidth(line, "Body", 10) + 6
                dots = int((right - 20 - used) / pdfmetrics.stringWidth(" .", "Body", 10))
                _draw(flow, used, " ." * dots, "Body", 10)
                flow.canvas.drawRightString(right, flow.y, str(page))
            flow.y -= 13
        if spec.byline and issue.contents_layout.startswith("right"):
            _draw(flow, left + 20, spec.byline, "Italic", 9)
            flow.y -= 13
        flow.y -= 8


def _lay_out(flow: _Flow, spec: Spec) -> None:
    body_font, bold_font, encode = LEGACY_FONTS.get(spec.legacy or "", ("Body", "Bold", str))
    full = PAGE_W - 2 * MARGIN
    flow.columns = spec.columns
    flow.column = 0
    if spec.same_page:  # under everything the page holds so far, across the columns
        flow.top = flow.y = flow.lowest - 24
    else:
        flow.y = flow.top
    _front(flow, spec, full)
    flow.top, flow.y = flow.y - 10, flow.y - 10
    first_body = spec.drop_cap
    for kind, text in spec.paragraphs:
        if kind == "heading":
            _paragraph(flow, encode(text), bold_font, indent=False, gap=6)
        elif kind == "photo":
            _photo(flow, text, "Italic", CAPTION_SIZE)
        elif kind == "table":
            _table(flow, text)
        elif kind == "ruled":
            _ruled_table(flow, text)
        elif kind == "three-line":
            _ruled_table(flow, text, down=False)
        elif kind == "equation":
            _equation(flow, text)
        elif kind == "fraction":
            _fraction(flow, text)
        elif kind == "inline-fraction":
            _inline_fraction(flow, text)
        elif kind == "tall":
            _tall_line(flow, text)
        elif kind == "flush":
            _paragraph(flow, encode(text), body_font, indent=False, gap=3)
        elif kind == "note":
            _note(flow, text)
        elif first_body:
            _drop_cap(flow, encode(text), body_font)
            first_body = False
        else:
            _paragraph(flow, encode(text), body_font, indent=True, gap=0)
    if spec.signature:
        _need(flow, LEADING * 2)
        flow.y -= 4
        width = pdfmetrics.stringWidth(spec.signature, "Bold", BODY)
        _draw(flow, flow.x + flow.width - width, spec.signature, "Bold", BODY)
        flow.y -= LEADING
    if spec.references:
        _paragraph(flow, "Tài liệu tham khảo", "Bold", indent=False, gap=6)
        for number, item in enumerate(spec.references, 1):
            _paragraph(flow, f"{number}. {item}", "Italic", indent=False, gap=1, size=8.0)
    flow.top = PAGE_H - MARGIN - 20


def _front(flow: _Flow, spec: Spec, full: float) -> None:
    """Banner, title, byline and affiliation (right aligned), lead and abstract, full width."""
    if spec.banner:
        _draw(flow, MARGIN, spec.banner, "Bold", 8)
        flow.y -= 24
    title = spec.title.upper() if spec.title_caps or spec.title_font != "Sans" else spec.title
    for line in _wrap(title, "Sans", TITLE_SIZE, full):
        shown = to_tcvn3(line.lower()) if spec.title_font == TCVN3_CAPITALS_FONT else line
        _draw(flow, MARGIN, shown, spec.title_font, TITLE_SIZE)
        flow.y -= TITLE_SIZE * 1.25
    flow.y -= 6
    for text, font in ((spec.byline, "Bold"), (spec.affiliation, "Italic")):
        if text:
            width = pdfmetrics.stringWidth(text, font, BODY)
            _draw(flow, PAGE_W - MARGIN - width, text, font, BODY)
            flow.y -= LEADING
    for line in _wrap(spec.lead, "Bold", 11.0, full):
        _draw(flow, MARGIN, line, "Bold", 11.0)
        flow.y -= 11.0 * 1.3
    if spec.abstract:
        flow.y -= 4
        for line in _wrap(spec.abstract, "Italic", ABSTRACT_SIZE, full - 60):
            _draw(flow, MARGIN + 30, line, "Italic", ABSTRACT_SIZE)
            flow.y -= ABSTRACT_SIZE * 1.3


def _paragraph(
    flow: _Flow, text: str, font: str, indent: bool, gap: float, size: float = BODY
) -> None:
    flow.y -= gap
    indent_by = 12.0 if indent else 0.0
    pieces = [_wrap(piece, font, size, flow.width - indent_by) for piece in text.split("\n")]
    lines = [line for piece in pieces for line in piece]
    for number, line in enumerate(lines):
        _need(flow, LEADING)
        words = line.split()
        x = flow.x + (indent_by if number == 0 else 0.0)
        last = number == len(lines) - 1
        if last or len(words) < 2:
            _draw(flow, x, line, font, size)
        else:
            _justify(flow, x, words, font, size, flow.width - (x - flow.x))
        flow.y -= LEADING if size >= BODY else size * 1.3
    flow.y -= gap


def _justify(flow: _Flow, x: float, words: list[str], font: str, size: float, width: float) -> None:
    """A line set to the full width of its column, as magazines set running text."""
    used = sum(pdfmetrics.stringWidth(word, font, size) for word in words)
    space = (width - used) / (len(words) - 1)
    for word in words:
        _draw(flow, x, word, font, size)
        x += pdfmetrics.stringWidth(word, font, size) + space


def _drop_cap(flow: _Flow, text: str, font: str) -> None:
    """The first letter three lines high (from the first line's capitals to the third line's
    baseline), the first lines of text set beside it."""
    _need(flow, LEADING * 3)
    size = (2 * LEADING + 0.73 * BODY) / 0.73
    flow.canvas.setFont("Sans", size)
    flow.canvas.drawString(flow.x, flow.y - LEADING * 2, text[0])
    beside = pdfmetrics.stringWidth(text[0], "Sans", size) + 3
    first = _wrap(text[1:], font, BODY, flow.width - beside)
    for line in first[:3]:
        _justify(flow, flow.x + beside, line.split(), font, BODY, flow.width - beside)
        flow.y -= LEADING
    rest = " ".join(first[3:])
    if rest:
        _paragraph(flow, rest, font, indent=False, gap=0)


def _photo(flow: _Flow, caption: str, font: str, size: float) -> None:
    """A tiny grey image standing for a photo, with its caption under it."""
    _need(flow, 110)
    photo = ImageReader(Image.new("L", (4, 3), 160))
    flow.canvas.drawImage(photo, flow.x, flow.y - 80, flow.width, 80)
    flow.y -= 80 + size + 4
    for line in _wrap(caption, font, size, flow.width):
        _draw(flow, flow.x, line, font, size)
        flow.y -= size * 1.3
    flow.y -= 8


def _table(flow: _Flow, text: str) -> None:
    """Rows of short cells in smaller type, each cell in its own slot of the column."""
    rows = [row.split("|") for row in text.split("\n")]
    _need(flow, 14 * len(rows) + 10)
    flow.y -= 4
    slot = flow.width / max(len(row) for row in rows)
    for row in rows:
        for index, cell in enumerate(row):
            _draw(flow, flow.x + index * slot, cell.strip(), "Body", 8.0)
        flow.y -= 12
    flow.y -= 8


CELL_SIZE, CELL_LEADING, CELL_PAD = 8.0, 10.0, 3.0


def _ruled_table(flow: _Flow, text: str, down: bool = True) -> None:
    """A table as a word processor draws it: its caption over it ("Bảng 1. ..."), then a grid
    of ruled cells across the column, each cell's text wrapped in it, the first row in bold.
    Rows are lines, cells separated by "|", a cell "<" merged into the one on its left, one
    opening with "^" into the one above (no rule between them), a row opening with "~" not
    ruled off from the one above; the rules are thin filled rectangles (verticals, row by
    row) and stroked lines (horizontals, cell by cell); the header's lines are shaded
    (filled, no rule). Without `down`, a "three-line" table: rules across only, over the
    header, under it and under the last row."""
    lines = text.split("\n")
    caption = lines.pop(0) if lines[0].startswith("Bảng") else ""
    unruled = [line.startswith("~") for line in lines]
    marked = [[cell.strip() for cell in row.lstrip("~").split("|")] for row in lines]
    above = [[cell.startswith("^") for cell in row] for row in marked]  # no rule above
    rows = [[cell.removeprefix("^").strip() or cell for cell in row] for row in marked]
    slot = flow.width / max(len(row) for row in rows)
    spans = [[_span(row, c) for c in range(len(row))] for row in rows]
    wrapped = [
        [
            _wrap(cell, "Bold" if r == 0 else "Body", CELL_SIZE, slot * span - 2 * CELL_PAD)
            if cell not in ("<", "^")
            else []
            for cell, span in zip(row, spans[r], strict=True)
        ]
        for r, row in enumerate(rows)
    ]
    heights = [max(len(cell) for cell in row) * CELL_LEADING + 2 * CELL_PAD for row in wrapped]
    _need(flow, sum(heights) + (20 if caption else 6))
    if caption:
        flow.y -= 4
        _draw(flow, flow.x, caption, "Bold", CELL_SIZE)
        flow.y -= 8
    canvas, top = flow.canvas, flow.y
    canvas.setLineWidth(0.5)
    for r, row in enumerate(wrapped):
        for c in range(len(row)):
            if r == 0 or (down and not (unruled[r] or above[r][c])) or (not down and r == 1):
                canvas.line(flow.x + c * slot, flow.y, flow.x + (c + 1) * slot, flow.y)
        for c, cell in enumerate(row):
            y = flow.y - CELL_PAD - CELL_SIZE
            for line in cell:
                if r == 0:  # the header's lines shaded one by one across the cell
                    canvas.setFillGray(0.9)
                    x, width = flow.x + c * slot + 0.5, slot * spans[r][c] - 1
                    canvas.rect(x, y - 2, width, CELL_LEADING - 1, stroke=0, fill=1)
                    canvas.setFillGray(0)
                canvas.setFont("Bold" if r == 0 else "Body", CELL_SIZE)
                canvas.drawString(flow.x + c * slot + CELL_PAD, y, line)
                y -= CELL_LEADING
        for c in range(len(row) + 1) if down else ():
            if c == len(row) or rows[r][c] != "<":
                x = flow.x + c * slot - 0.25
                canvas.rect(x, flow.y - heights[r], 0.5, heights[r], stroke=0, fill=1)
        flow.y -= heights[r]
    canvas.line(flow.x, flow.y, flow.x + flow.width, flow.y)
    flow.lowest = min(flow.lowest, min(flow.y, top))
    flow.y -= 12


def _span(row: list[str], column: int) -> int:
    """How many columns a ruled table's cell runs over: itself and the "<" after it."""
    span = 1
    while column + span < len(row) and row[column + span] == "<":
        span += 1
    return span


def _equation(flow: _Flow, text: str) -> None:
    """A display line in large type, centred in its column."""
    _need(flow, 40)
    flow.y -= 14
    width = pdfmetrics.stringWidth(text, "Sans", 26)
    _draw(flow, flow.x + (flow.width - width) / 2, text, "Sans", 26)
    flow.y -= 26


def _fraction(flow: _Flow, text: str) -> None:
    """A display formula with a fraction, "LEFT|NUMERATOR|DENOMINATOR|NUMBER": the left side
    on the line, the numerator over a drawn bar and the denominator under it, centred on
    each other, the formula's number at the column's right edge (an equation editor's
    layout, which a text layer gives as three lines)."""
    left, numerator, denominator, number = text.split("|")
    _need(flow, 50)
    flow.y -= 18
    x = flow.x + 30
    _draw(flow, x, left, "Body", BODY)
    x += pdfmetrics.stringWidth(left + " ", "Body", BODY)
    _stacked(flow, x, numerator, denominator, BODY)
    width = pdfmetrics.stringWidth(number, "Body", BODY)
    _draw(flow, flow.x + flow.width - width, number, "Body", BODY)
    flow.y -= 24


def _stacked(flow: _Flow, x: float, numerator: str, denominator: str, size: float) -> float:
    """A fraction from `x` on the line at `flow.y`: the numerator over a bar drawn at the
    line's middle, the denominator under it, centred on each other; the bar's width."""
    widths = [pdfmetrics.stringWidth(part, "Body", size) for part in (numerator, denominator)]
    bar = max(widths) + 3
    axis = flow.y + BODY * 0.3
    flow.canvas.setLineWidth(0.5)
    flow.canvas.line(x, axis, x + bar, axis)
    flow.canvas.setFont("Body", size)
    flow.canvas.drawString(x + (bar - widths[0]) / 2, axis + 2.5, numerator)
    flow.canvas.drawString(x + (bar - widths[1]) / 2, axis - size - 1.0, denominator)
    return bar


def _inline_fraction(flow: _Flow, text: str) -> None:
    """A line of running text holding a fraction, "BEFORE|NUMERATOR|DENOMINATOR|AFTER": the
    numerator over a drawn bar and the denominator under it, set in smaller type inside the
    line (as an equation editor sets an inline formula), the line's words on either side."""
    before, numerator, denominator, after = text.split("|")
    small = BODY * 0.8
    _need(flow, LEADING * 2)
    flow.y -= 6
    x = flow.x
    _draw(flow, x, before, "Body", BODY)
    x += pdfmetrics.stringWidth(before + " ", "Body", BODY)
    x += _stacked(flow, x, numerator, denominator, small)
    x += pdfmetrics.stringWidth(" ", "Body", BODY)
    _draw(flow, x, after, "Body", BODY)
    flow.y -= LEADING + 6


def _note(flow: _Flow, text: str) -> None:
    """A float's note ("Nguồn: ...") in small italics, from the column's edge."""
    _need(flow, CAPTION_SIZE * 2)
    _draw(flow, flow.x, text, "Italic", CAPTION_SIZE)
    flow.y -= CAPTION_SIZE * 1.3 + 8


def _tall_line(flow: _Flow, text: str) -> None:
    """One line whose words alternate between the body size and a larger size (taller
    accented capitals): one line on the page, in pieces of two sizes."""
    _need(flow, LEADING + 4)
    x = flow.x
    for index, word in enumerate(text.split()):
        size = BODY + 3 if index % 3 == 1 else BODY
        _draw(flow, x, word, "Body", size)
        x += pdfmetrics.stringWidth(word + " ", "Body", size)
    assert x <= flow.x + flow.width, f"the line does not fit its column: {text!r}"
    flow.y -= LEADING + 4


def _need(flow: _Flow, height: float) -> None:
    bottom = max(MARGIN + 10, PAGE_H * (1 - flow.issue.folio_at) + 15)
    if flow.y - height < bottom:
        if flow.column + 1 < flow.columns:
            flow.column += 1
        else:
            _new_page(flow)
        flow.y = flow.top


def _new_page(flow: _Flow) -> None:
    flow.canvas.showPage()
    flow.page += 1
    flow.column = 0
    flow.top = PAGE_H - MARGIN - 20
    flow.y = flow.top
    flow.lowest = PAGE_H
    _page_furniture(flow)


def _page_furniture(flow: _Flow) -> None:
    """Running head at the top (odd and even pages differ) and the page number."""
    flow.canvas.setFont("Body", 7)
    head = flow.issue.running_heads[(flow.page + 1) % 2]
    flow.canvas.drawString(MARGIN, PAGE_H - 30, f"{head} - SỐ 5/2021")
    folio = flow.page + flow.issue.folio_offset
    if folio >= 1:  # unnumbered pages (a cover, its back) print none
        flow.canvas.drawString(PAGE_W / 2, PAGE_H * (1 - flow.issue.folio_at), str(folio))


def _draw(flow: _Flow, x: float, text: str, font: str, size: float) -> None:
    flow.canvas.setFont(font, size)
    flow.canvas.drawString(x, flow.y, text)
    flow.lowest = min(flow.lowest, flow.y)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and pdfmetrics.stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


class Sheet:
    """Pages laid out by hand, for layouts the flow of `build_pdf` does not make: each
    paragraph, picture or drawing set at a place, `top` measured down from the page's top
    edge (as poppler measures). The methods return the height under what they set."""

    def __init__(self, path: Path) -> None:
        register_fonts()
        self.canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=True)
        self.page = 1
        self.last = 0.0
        _sheet_furniture(self.canvas, self.page)

    def text(
        self,
        x: float,
        top: float,
        width: float,
        text: str,
        font: str = "Body",
        size: float = BODY,
        indent: float = 12.0,
        leading: float = LEADING,
        goes_on: bool = False,
    ) -> float:
        """A paragraph justified to `width`, its first line set in by `indent`, its last
        line flush left (justified too when the paragraph `goes_on` in a line set apart)."""
        lines = _wrap(text, font, size, width - indent)
        y = top
        for number, line in enumerate(lines):
            y += leading
            shift = indent if number == 0 else 0.0
            words = line.split()
            if (number == len(lines) - 1 and not goes_on) or len(words) < 2:
                self.canvas.setFont(font, size)
                self.canvas.drawString(x + shift, PAGE_H - y, line)
            else:
                self._justify(x + shift, PAGE_H - y, words, font, size, width - shift)
        self.last = y  # the last line's baseline
        return y + leading - size

    def lines(
        self, text: str, width: float, font: str = "Body", size: float = BODY, indent: float = 12.0
    ) -> int:
        """How many lines `text` takes set by `text`."""
        return len(_wrap(text, font, size, width - indent))

    def line(
        self, x: float, top: float, text: str, font: str = "Body", size: float = BODY
    ) -> float:
        """One line as it is, its baseline a line under `top`."""
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, PAGE_H - top - LEADING, text)
        return top + LEADING

    def picture(self, x: float, top: float, width: float, height: float) -> float:
        """A grey image standing for a photo or a chart."""
        photo = ImageReader(Image.new("L", (4, 3), 160))
        self.canvas.drawImage(photo, x, PAGE_H - top - height, width, height)
        return top + height

    def next_page(self) -> None:
        self.canvas.showPage()
        self.page += 1
        _sheet_furniture(self.canvas, self.page)

    def save(self) -> None:
        self.canvas.showPage()
        self.canvas.save()

    def _justify(
        self, x: float, y: float, words: list[str], font: str, size: float, width: float
    ) -> None:
        used = sum(pdfmetrics.stringWidth(word, font, size) for word in words)
        space = (width - used) / (len(words) - 1)
        self.canvas.setFont(font, size)
        for word in words:
            self.canvas.drawString(x, y, word)
            x += pdfmetrics.stringWidth(word, font, size) + space


def _sheet_furniture(canvas: Canvas, page: int) -> None:
    canvas.setFont("Body", 7)
    canvas.drawString(MARGIN, PAGE_H - 30, f"{RUNNING_HEADS[(page + 1) % 2]} - SỐ 5/2021")
    canvas.drawString(PAGE_W / 2, PAGE_H * 0.03, str(page))
