"""PDF issues to per-article extracted texts, page-aware, through poppler's `pdftohtml -xml`.

Stages: extract positioned lines, decode legacy fonts, drop running heads and page numbers,
order each page column by column, label titles, leads, headings and captions, split at titles,
and write each article as a clean text in reading order for the text converter.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bantin.convert.legacy import (
    TCVN3_CAPITALS,
    decode_legacy,
    detect_legacy,
    encoding_for_font,
    fix_c1_punctuation,
)
from bantin.exceptions import SourceError
from bantin.slug import slugify
from bantin.vietnamese import nfc
from bantin.yamlio import dump_yaml

log = logging.getLogger("bantin.pdf")

TITLE_RATIO = 1.45  # a line this much larger than the body text is a title
LEAD_RATIO = 1.08  # between body and title size, right after a title: the lead
CAPTION_RATIO = 0.92  # smaller than the body text: a caption
DROP_CAP_RATIO = 1.8  # one capital letter this much larger than the body: a drop cap
MARGIN_SHARE = 0.08  # top and bottom share of the page where running heads live
INDENT = 0.6  # a first line set in by this many ems opens a paragraph
PARAGRAPH_GAP = 0.8  # so does a vertical gap of this many line heights
MOSTLY = 0.6  # share of a line's letters a style needs to be the line's style
FRAGMENT_GAP = 0.5  # pieces of one line in different fonts are at most this many ems apart
COLUMN_GAP_SHARE = 0.12  # left edges further apart than this share of the page: new column
CAPTION_GAP = 1.2  # a caption starts within this many of its line heights under the image
_SMALL_CAPS = re.compile(r"(?i:small\s*caps)|[a-z]SC\b|Caps\b")
CAPTION_LEADING = 0.5  # and goes on while its lines are no further apart than this


@dataclass(frozen=True)
class Font:
    """One `fontspec` of pdftohtml: size in pixels at its zoom, family with any subset prefix."""

    size: float
    family: str


@dataclass(frozen=True)
class Line:
    """One positioned text line of one page, as pdftohtml gives it (decoded to Unicode)."""

    page: int
    top: float
    left: float
    width: float
    height: float
    font: Font
    bold: bool
    italic: bool
    text: str

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass
class Page:
    """The lines of one page and its size."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    images: list[Box] = field(default_factory=list)


@dataclass(frozen=True)
class Box:
    """Where an image sits on its page."""

    top: float
    left: float
    width: float
    height: float


@dataclass
class Piece:
    """One labelled paragraph of the issue in reading order: its role, text and pages."""

    role: str  # title, lead, heading, caption, body
    lines: list[str]
    page: int
    last_page: int = 0

    def __post_init__(self) -> None:
        self.last_page = max(self.last_page, self.page)


@dataclass
class PdfArticle:
    """One article cut from an issue: title, lead, body text in reading order, pages spanned."""

    title: str
    lead: str
    body: str
    first_page: int
    last_page: int

    @property
    def text(self) -> str:
        """The extracted-text source: the title, a blank line, then the body paragraphs."""
        return f"{self.title}\n\n{self.body}"


# -- extract -------------------------------------------------------------------------------


def run_pdftohtml(pdf: Path) -> str:
    """The XML of `pdftohtml -xml -stdout -nodrm` with images listed (files in a temp dir)."""
    tool = shutil.which("pdftohtml")
    if tool is None:
        raise SourceError(pdf, "pdftohtml not found: install poppler-utils")
    with tempfile.TemporaryDirectory(prefix="bantin-pdf-") as scratch:
        prefix = str(Path(scratch) / "page")
        command = [tool, "-xml", "-stdout", "-nodrm", "-q", str(pdf.resolve()), prefix]
        result = subprocess.run(command, capture_output=True, check=False, cwd=scratch)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip() or "unreadable PDF"
        raise SourceError(pdf, f"pdftohtml failed: {message}")
    return result.stdout.decode("utf-8", "replace")


def parse_xml(xml: str, pdf: Path | str) -> list[Page]:
    """Pages with their lines from pdftohtml's XML; fonts resolved, bold and italic noted."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as error:
        raise SourceError(pdf, f"pdftohtml gave unreadable XML: {error}") from error
    fonts: dict[str, Font] = {}
    pages = []
    for node in root.iter("page"):
        page = Page(int(node.get("number", "0")), _num(node, "width"), _num(node, "height"))
        for spec in node.iter("fontspec"):
            fonts[spec.get("id", "")] = Font(_num(spec, "size"), spec.get("family", ""))
        page.lines = [line for line in _lines(node, page.number, fonts) if line.text.strip()]
        page.images = [_box(image) for image in node.iter("image")]
        pages.append(page)
    return pages


def _box(node: ET.Element) -> Box:
    return Box(_num(node, "top"), _num(node, "left"), _num(node, "width"), _num(node, "height"))


def _num(node: ET.Element, name: str) -> float:
    return float(node.get(name, "0"))


def _lines(node: ET.Element, number: int, fonts: dict[str, Font]) -> list[Line]:
    """The `text` elements of one page as `Line`s."""
    lines = []
    for text in node.iter("text"):
        font = fonts.get(text.get("font", ""), Font(0.0, ""))
        content = "".join(text.itertext())
        bold = _mostly(text, "b", content) or "bold" in font.family.lower()
        italic = _mostly(text, "i", content) or _italic_family(font.family)
        top, left = _num(text, "top"), _num(text, "left")
        width, height = _num(text, "width"), _num(text, "height")
        lines.append(Line(number, top, left, width, height, font, bold, italic, content))
    return lines


def _mostly(text: ET.Element, tag: str, content: str) -> bool:
    """Most of the line's letters are inside <b> (or <i>): a bold word in a sentence is not."""
    inside = sum(len("".join(node.itertext()).strip()) for node in text.iter(tag))
    return inside > 0 and inside >= MOSTLY * len(content.strip())


def _italic_family(family: str) -> bool:
    return any(word in family.lower() for word in ("italic", "oblique"))


# -- decode legacy fonts -------------------------------------------------------------------


def decode_fonts(pages: list[Page]) -> None:
    """Lines in TCVN3 or VNI fonts become Unicode: by font name, else by the font's own text."""
    texts: dict[str, list[str]] = {}
    for line in _all_lines(pages):
        texts.setdefault(line.font.family, []).append(line.text)
    encodings = {family: _font_encoding(family, "\n".join(t)) for family, t in texts.items()}
    for page in pages:
        page.lines = [_decoded(line, encodings[line.font.family]) for line in page.lines]


def _font_encoding(family: str, text: str) -> str | None:
    encoding = encoding_for_font(family) or detect_legacy(text)
    if encoding:
        log.info("font %s: text in %s", family, encoding)
    return encoding


def _decoded(line: Line, encoding: str | None) -> Line:
    """Unicode text: legacy bytes decoded, C1 quotes repaired, soft hyphens dropped."""
    text = decode_legacy(line.text, encoding) if encoding else fix_c1_punctuation(line.text)
    return replace(line, text=nfc(text.replace("\xad", "")))


def _all_lines(pages: list[Page]) -> list[Line]:
    return [line for page in pages for line in page.lines]


# -- fragments -----------------------------------------------------------------------------


def merge_fragments(page: Page) -> None:
    """Join the pieces of one line that pdftohtml splits where the font changes."""
    merged: list[Line] = []
    for line in sorted(page.lines, key=lambda item: (round(item.top), item.left)):
        if merged and _continues(merged[-1], line):
            merged[-1] = _joined_line(merged[-1], line)
        else:
            merged.append(line)
    page.lines = merged


def _continues(before: Line, after: Line) -> bool:
    same_row = abs(before.top - after.top) <= 2 or abs(before.bottom - after.bottom) <= 2
    gap = after.left - before.right
    return same_row and -1 <= gap <= FRAGMENT_GAP * max(before.font.size, after.font.size)


def _joined_line(before: Line, after: Line) -> Line:
    """One line: the text of both, the type of the longer piece."""
    main = before if len(before.text.strip()) >= len(after.text.strip()) else after
    text = before.text + after.text
    width = after.right - before.left
    return replace(main, top=before.top, left=before.left, width=width, text=text)


# -- running heads and page numbers --------------------------------------------------------


def drop_running_heads(pages: list[Page]) -> None:
    """Remove page numbers and lines in the margins that repeat (digits aside) on other pages."""
    margin = [line for page in pages for line in page.lines if _in_margin(line, page)]
    seen = Counter(_shape(line.text) for line in margin)
    for page in pages:
        kept = []
        for line in page.lines:
            repeated = _in_margin(line, page) and (seen[_shape(line.text)] > 1 or _is_number(line))
            if repeated:
                log.info("page %d: running head or page number %r dropped", page.number, line.text)
            else:
                kept.append(line)
        page.lines = kept


def _in_margin(line: Line, page: Page) -> bool:
    band = page.height * MARGIN_SHARE
    return line.bottom <= band or line.top >= page.height - band


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).casefold())


def _is_number(line: Line) -> bool:
    return bool(re.fullmatch(r"[\s\-–—]*\d{1,4}[\s\-–—]*", line.text))


# -- reading order -------------------------------------------------------------------------


def reading_order(page: Page) -> list[Line]:
    """Lines of a page column by column; lines across columns open a new band of columns."""
    columns = _column_edges(page)
    bands: list[list[Line]] = [[]]
    order: list[Line] = []
    for line in sorted(page.lines, key=lambda item: (item.top, item.left)):
        if _spans(line, columns):
            order += [*_by_column(bands[-1], columns), line]
            bands.append([])
        else:
            bands[-1].append(line)
    return order + _by_column(bands[-1], columns)


def _column_edges(page: Page) -> list[float]:
    """Left edges of the columns: clusters of line starts far enough apart."""
    gap = page.width * COLUMN_GAP_SHARE
    edges: list[float] = []
    for left in sorted(line.left for line in page.lines):
        if not edges or left - edges[-1] > gap:
            edges.append(left)
    return edges


def _column_of(line: Line, edges: list[float]) -> int:
    return max((i for i, edge in enumerate(edges) if line.left >= edge - 1), default=0)


def _spans(line: Line, edges: list[float]) -> bool:
    """A line that reaches well into the next column's start belongs to no single column."""
    column = _column_of(line, edges)
    return column + 1 < len(edges) and line.right > edges[column + 1] + 2


def _by_column(lines: list[Line], edges: list[float]) -> list[Line]:
    return sorted(lines, key=lambda line: (_column_of(line, edges), line.top, line.left))


# -- roles ---------------------------------------------------------------------------------


def body_size(pages: list[Page]) -> float:
    """The font size that carries most characters: the body text."""
    weights: Counter[float] = Counter()
    for line in _all_lines(pages):
        weights[line.font.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def role_of(line: Line, body: float) -> str:
    """Title, lead, heading, caption, drop cap or body, from size, weight, style and font."""
    size = line.font.size
    text = line.text.strip()
    if size >= body * DROP_CAP_RATIO and len(text) == 1 and text.isupper():
        return "dropcap"
    if size >= body * TITLE_RATIO:
        return "title"
    if size >= body * LEAD_RATIO:
        return "lead"
    if line.italic or size <= body * CAPTION_RATIO:
        return "caption"
    if line.bold or _capitals_font(line):
        return "heading"
    return "body"


def join_drop_caps(page: Page, body: float) -> None:
    """A large single capital joins the first line set beside it ("N" + "GAY sau" -> "NGAY sau")."""
    for cap in [line for line in page.lines if role_of(line, body) == "dropcap"]:
        beside = [line for line in page.lines if _beside(cap, line)]
        if not beside:
            continue
        first = min(beside, key=lambda line: line.top)
        moved = {id(line): _moved_left(line, cap, first) for line in beside}
        page.lines = [moved.get(id(line), line) for line in page.lines if line is not cap]
        log.info("page %d: drop cap %r joined to %r", page.number, cap.text, first.text)


def _moved_left(line: Line, cap: Line, first: Line) -> Line:
    """Lines beside a drop cap start where the cap starts; the first takes the cap's letter."""
    text = cap.text.strip() + line.text if line is first else line.text
    return replace(line, left=cap.left, width=line.right - cap.left, text=text)


def _beside(cap: Line, line: Line) -> bool:
    """A line starting just right of the cap, level with it (the cap's box starts below its top)."""
    near = cap.right - 1 <= line.left <= cap.right + cap.font.size
    level = line.top < cap.bottom and line.bottom > cap.top - cap.height * 0.6
    return near and level and line is not cap


def captions_under_images(page: Page) -> set[int]:
    """Ids of the lines set right under an image and across it: its caption."""
    found: set[int] = set()
    for image in page.images:
        below = sorted((line for line in page.lines if _under(image, line)), key=_top)
        if below and below[0].top - (image.top + image.height) <= below[0].height * CAPTION_GAP:
            found.update(id(line) for line in _caption_block(below))
    return found


def _caption_block(below: list[Line]) -> list[Line]:
    """The first line under the image and the lines that follow it closely in the same type."""
    block = [below[0]]
    for line in below[1:]:
        previous = block[-1]
        same_type = line.font == previous.font and line.italic == previous.italic
        if not same_type or line.top - previous.bottom > line.height * CAPTION_LEADING:
            break
        block.append(line)
    return block


def _top(line: Line) -> float:
    return line.top


def _under(image: Box, line: Line) -> bool:
    overlap = min(line.right, image.left + image.width) - max(line.left, image.left)
    return line.top >= image.top + image.height - 1 and overlap > line.width / 2


def pieces(pages: list[Page]) -> list[Piece]:
    """The issue's paragraphs in reading order and labelled."""
    body = body_size(pages)
    acronyms = _acronyms(pages)
    out: list[Piece] = []
    previous: Line | None = None
    for page in pages:
        join_drop_caps(page, body)
        captions = captions_under_images(page)
        edges = _column_edges(page)
        for line in reading_order(page):
            role = "caption" if id(line) in captions else role_of(line, body)
            if role == "heading" and _spans(line, edges):
                role = "lead"  # bold body type across the columns: the lead under a title band
            text = line.text.strip()
            if _capitals_font(line):
                text = sentence_case(text, acronyms)
            indented = line.left > _column_left(line, edges) + line.font.size * INDENT
            starts = _starts_paragraph(line, previous, role, out, indented)
            _add(out, role, text, page.number, starts)
            previous = line
    return out


def _column_left(line: Line, edges: list[float]) -> float:
    """Where the line's column starts; a line across columns is its own column."""
    return line.left if _spans(line, edges) else edges[_column_of(line, edges)]


def _capitals_font(line: Line) -> bool:
    """A font that sets every letter as a capital: TCVN3 capitals fonts and small caps."""
    family = line.font.family.split("+")[-1]
    return encoding_for_font(family) == TCVN3_CAPITALS or bool(_SMALL_CAPS.search(family))


def _acronyms(pages: list[Page]) -> set[str]:
    """Words set in capitals inside ordinary text (KH&CN, UBND): they keep their capitals."""
    words: set[str] = set()
    for line in _all_lines(pages):
        if not _capitals_font(line):
            words.update(w for w in re.findall(r"[\w&]+", line.text) if _is_acronym(w))
    return words


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper() and not word.isdigit()


def sentence_case(text: str, acronyms: set[str]) -> str:
    """Text whose case the font lost, in sentence case; known acronyms keep their capitals."""
    words = text.split(" ")
    out = [w if w.strip(".,:;!?()") in acronyms else w.lower() for w in words]
    joined = " ".join(out)
    return joined[:1].upper() + joined[1:]


def _starts_paragraph(
    line: Line, previous: Line | None, role: str, out: list[Piece], indented: bool
) -> bool:
    """A new role, an indented first line or a wide vertical gap opens a paragraph."""
    if not out or out[-1].role != role or previous is None or role == "heading":
        return True
    if line.page != previous.page or line.top < previous.top:  # next column or page
        return indented and role == "body"
    gap = line.top - previous.bottom
    return gap > line.height * PARAGRAPH_GAP or (indented and role == "body")


def _add(out: list[Piece], role: str, text: str, page: int, starts: bool) -> None:
    if starts:
        out.append(Piece(role, [text], page))
    else:
        out[-1].lines.append(text)
        out[-1].last_page = page


# -- articles ------------------------------------------------------------------------------


def split_articles(items: list[Piece], pdf: Path | str) -> list[PdfArticle]:
    """One article per title, with every paragraph up to the next title."""
    groups: list[list[Piece]] = []
    for item in items:
        if item.role == "title" and not (groups and groups[-1][-1].role == "title"):
            groups.append([])
        if not groups:
            log.warning("%s: page %d: text before the first title dropped", pdf, item.page)
            continue
        groups[-1].append(item)
    return [_article(group) for group in groups]


def _article(group: list[Piece]) -> PdfArticle:
    title = _joined(item for item in group if item.role == "title")
    lead = _joined(item for item in group if item.role == "lead")
    body = [item for item in group if item.role not in ("title", "lead")]
    paragraphs = "\n\n".join("\n".join(item.lines) for item in body)
    pages = [page for item in group for page in (item.page, item.last_page)]
    return PdfArticle(title, lead, paragraphs + "\n", min(pages), max(pages))


def _joined(items: Iterable[Piece]) -> str:
    """The lines of a title or lead as one line of text."""
    return " ".join(" ".join(line.split()) for item in items for line in item.lines)


def ingest_pdf(pdf: Path) -> list[PdfArticle]:
    """Run the stages on one PDF issue: extract, decode, clean, order, label, split."""
    pages = parse_xml(run_pdftohtml(pdf), pdf)
    decode_fonts(pages)
    for page in pages:
        merge_fragments(page)
    drop_running_heads(pages)
    return split_articles(pieces(pages), pdf)


# -- sources -------------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueTarget:
    """Where an issue's sources go: the repository root, the issue folder, year and number."""

    root: Path
    year: int
    issue: int

    @property
    def folder(self) -> Path:
        return self.root / "sources" / str(self.year) / f"{self.issue:02d}"

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


def write_issue(pdf: Path, articles: list[PdfArticle], target: IssueTarget) -> list[Path]:
    """Keep the PDF as issue.pdf, write one text and one sidecar per article; paths written."""
    target.folder.mkdir(parents=True, exist_ok=True)
    kept = target.folder / "issue.pdf"
    _write_once(kept, pdf.read_bytes())
    written = [kept, *_write_issue_yml(target, kept)]
    for index, article in enumerate(articles):
        name = f"{index:03d}_{slugify(article.title, 48) or 'bai'}"
        text_path = target.folder / f"{name}.txt"
        _write_once(text_path, article.text.encode("utf-8"))
        sidecar = _sidecar(article, target.relative(kept))
        _write_once(target.folder / f"{name}.yml", dump_yaml(sidecar).encode("utf-8"))
        written += [text_path, target.folder / f"{name}.yml"]
    return written


def _sidecar(article: PdfArticle, pdf: str) -> dict[str, Any]:
    """Title and lead as the layout shows them, the page range and the kept PDF at its page."""
    data: dict[str, Any] = {"title": article.title}
    if article.lead:
        data["lead"] = article.lead
    data["pages"] = [article.first_page, article.last_page]
    data["pdf"] = f"{pdf}#page={article.first_page}"
    return data


def _write_issue_yml(target: IssueTarget, kept: Path) -> list[Path]:
    """An issue.yml naming the issue and its PDF, unless one is already there."""
    path = target.folder / "issue.yml"
    if path.exists():
        return []
    data = {"issue": target.issue, "year": target.year, "pdf": target.relative(kept)}
    path.write_text(dump_yaml(data), encoding="utf-8")
    return [path]


def _write_once(path: Path, data: bytes) -> None:
    """Sources are never modified: write a new file, accept an identical one, refuse others."""
    if path.exists():
        if path.read_bytes() == data:
            return
        raise SourceError(path, "exists with other content: sources are never overwritten")
    path.write_bytes(data)
