"""Lays out known articles as a magazine PDF with ReportLab, for the ingestion tests.

Columns, a title band across them, a lead, bold headings, photo placeholders with italic
captions, drop caps, running heads and page numbers; an article may be set in a TCVN3 font.
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
LEAD_SIZE = 11.0
CAPTION_SIZE = 8.0
RUNNING_HEAD = "BẢN TIN KHOA HỌC VÀ CÔNG NGHỆ"
_UNICODE_TO_TCVN3 = {letter: code for code, letter in TCVN3_TO_UNICODE.items()}
_UNICODE_TO_VNI = {letter: code for code, letter in VNI_TO_UNICODE.items()}


@dataclass
class Spec:
    """One article: paragraphs are (kind, text), kind body, heading, capitals, photo, figure."""

    title: str
    lead: str
    paragraphs: list[tuple[str, str]]
    columns: int = 2
    legacy: str | None = None  # "tcvn3" or "vni": the body is set in a font of that encoding
    drop_cap: bool = True


@dataclass
class _Flow:
    """Where the next line goes: page, column, height left."""

    canvas: Canvas
    columns: int
    page: int = 1
    column: int = 0
    y: float = 0.0
    top: float = PAGE_H - MARGIN - 20
    pages: list[int] = field(default_factory=list)

    @property
    def width(self) -> float:
        return (PAGE_W - 2 * MARGIN - GUTTER * (self.columns - 1)) / self.columns

    @property
    def x(self) -> float:
        return MARGIN + self.column * (self.width + GUTTER)


def register_fonts() -> None:
    """DejaVu for Unicode text; the same serif under a TCVN3 name for legacy text."""
    fonts = {
        "Body": "DejaVuSerif.ttf",
        "Bold": "DejaVuSerif-Bold.ttf",
        "Italic": "DejaVuSerif-Italic.ttf",
        "Sans": "DejaVuSans-Bold.ttf",
        ".VnTime": "DejaVuSerif.ttf",
        ".VnTimeH": "DejaVuSerif-Bold.ttf",
        "VNI-Times": "DejaVuSerif.ttf",
        ".VnTime-Bold": "DejaVuSerif-Bold.ttf",
        "VNI-Times-Bold": "DejaVuSerif-Bold.ttf",
    }
    for name, file in fonts.items():
        font = TTFont(name, str(FONT_DIR / file))
        if name.startswith((".Vn", "VNI")):
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
}


def build_pdf(path: Path, specs: list[Spec]) -> list[tuple[int, int]]:
    """Write the issue; return each article's first and last page."""
    register_fonts()
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    flow = _Flow(canvas, specs[0].columns)
    _page_furniture(flow)
    ranges = []
    for index, spec in enumerate(specs):
        if index:
            _new_page(flow)
        flow.columns = spec.columns
        first = flow.page
        _lay_out(flow, spec)
        ranges.append((first, flow.page))
    canvas.showPage()
    canvas.save()
    return ranges


def _lay_out(flow: _Flow, spec: Spec) -> None:
    body_font, bold_font, encode = LEGACY_FONTS.get(spec.legacy or "", ("Body", "Bold", str))
    full = PAGE_W - 2 * MARGIN
    flow.y = flow.top
    for line in _wrap(spec.title, "Sans", TITLE_SIZE, full):
        _draw(flow, MARGIN, line, "Sans", TITLE_SIZE)
        flow.y -= TITLE_SIZE * 1.25
    flow.y -= 6
    for line in _wrap(spec.lead, "Bold", LEAD_SIZE, full):
        _draw(flow, MARGIN, line, "Bold", LEAD_SIZE)
        flow.y -= LEAD_SIZE * 1.3
    flow.top, flow.y = flow.y - 10, flow.y - 10
    first_body = spec.drop_cap
    for kind, text in spec.paragraphs:
        if kind == "heading":
            _paragraph(flow, encode(text), bold_font, indent=False, gap=6)
        elif kind == "capitals":  # a TCVN3 capitals font: lower-case codes drawn as capitals
            _paragraph(flow, to_tcvn3(text.lower()), ".VnTimeH", indent=False, gap=6)
        elif kind == "photo":  # caption told by its italic type
            _photo(flow, text, "Italic", CAPTION_SIZE)
        elif kind == "figure":  # caption told only by its place under the image
            _photo(flow, text, "Body", BODY)
        elif first_body:
            _drop_cap(flow, encode(text), body_font)
            first_body = False
        else:
            _paragraph(flow, encode(text), body_font, indent=True, gap=0)
    flow.top = PAGE_H - MARGIN - 20


def _paragraph(flow: _Flow, text: str, font: str, indent: bool, gap: float) -> None:
    flow.y -= gap
    indent_by = 12.0 if indent else 0.0
    lines = _wrap(text, font, BODY, flow.width - indent_by)
    for number, line in enumerate(lines):
        _need(flow, LEADING)
        _draw(flow, flow.x + (indent_by if number == 0 else 0.0), line, font, BODY)
        flow.y -= LEADING
    flow.y -= gap


def _drop_cap(flow: _Flow, text: str, font: str) -> None:
    """The first letter three lines high, the first lines of text set beside it."""
    _need(flow, LEADING * 3)
    flow.canvas.setFont("Sans", BODY * 3)
    flow.canvas.drawString(flow.x, flow.y - LEADING * 2, text[0])
    beside = pdfmetrics.stringWidth(text[0], "Sans", BODY * 3) + 3
    first = _wrap(text[1:], font, BODY, flow.width - beside)
    for line in first[:3]:
        _draw(flow, flow.x + beside, line, font, BODY)
        flow.y -= LEADING
    rest = " ".join(first[3:])
    for line in _wrap(rest, font, BODY, flow.width) if rest else []:
        _need(flow, LEADING)
        _draw(flow, flow.x, line, font, BODY)
        flow.y -= LEADING


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


def _need(flow: _Flow, height: float) -> None:
    if flow.y - height < MARGIN + 10:
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
    _page_furniture(flow)


def _page_furniture(flow: _Flow) -> None:
    """Running head at the top and the page number at the bottom."""
    flow.canvas.setFont("Body", 7)
    flow.canvas.drawString(MARGIN, PAGE_H - 30, f"{RUNNING_HEAD} - SỐ 5/2021")
    flow.canvas.drawString(PAGE_W / 2, 25, str(flow.page))


def _draw(flow: _Flow, x: float, text: str, font: str, size: float) -> None:
    flow.canvas.setFont(font, size)
    flow.canvas.drawString(x, flow.y, text)


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
