"""poppler's two views of a PDF joined into `Page`s: words in reading order, each with its font.

Words, lines, blocks and flows come from `pdftotext -bbox-layout`; each word takes the style of
the `pdftohtml -xml` span its centre falls in (fonts are named there, not in the word list).
"""

from __future__ import annotations

import bisect
import itertools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from bantin.exceptions import SourceError
from bantin.pdf import glyphs, poppler
from bantin.pdf.groups import Groups
from bantin.pdf.page import (
    NO_STYLE,
    Block,
    Box,
    Line,
    Page,
    Style,
    Word,
    dominant_style,
)

_XHTML = "{http://www.w3.org/1999/xhtml}"
_SUBSET = re.compile(r"^[A-Z]{6}\+")
# Weight and slope in a font's name; TeX's fonts say them in letters: CMBX10 (bold extended),
# VNTI10 (text italic), CMSL10 (slanted).
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|^[A-Z]{2,4}BX?\d+$", re.I)
_ITALIC_NAME = re.compile(r"italic|oblique|^[A-Z]{2,4}(?:TI|SL|BXTI)\d+$", re.I)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MOSTLY = 0.6  # share of a span's letters inside <b> (or <i>) for the span to be bold


@dataclass(frozen=True, slots=True)
class Span:
    """One `text` element of pdftohtml: a run of one font on one line."""

    box: Box
    style: Style


def read_pdf(pdf: Path, first: int | None = None, last: int | None = None) -> list[Page]:
    """The pages of a PDF (or of its pages first..last) with styled words."""
    with glyphs.readable(pdf) as readable:
        words = poppler.bbox_layout(readable, first, last, source=pdf)
        fonts = poppler.fonts_xml(readable, first, last, source=pdf)
    pages = parse_words(words, pdf, first or 1)
    spans, images = parse_spans(fonts, pdf)
    for page in pages:
        attach_styles(page, spans.get(page.number, []))
        leave_out_hidden(page)
        page.images = images.get(page.number, [])
    return pages


# -- pdftotext -bbox-layout ------------------------------------------------------------------


def parse_words(xhtml: str, pdf: Path | str, first: int = 1) -> list[Page]:
    """Pages, flows, blocks, lines and words of pdftotext's XHTML, numbered from `first`."""
    root = _parse(xhtml, pdf, "pdftotext")
    pages = []
    for index, node in enumerate(root.iter(f"{_XHTML}page")):
        page = Page(first + index, _num(node, "width"), _num(node, "height"))
        for flow_index, flow in enumerate(node.iter(f"{_XHTML}flow")):
            for block in flow.iter(f"{_XHTML}block"):
                lines = _rejoined(
                    [line for line in map(_line, block.iter(f"{_XHTML}line")) if line]
                )
                if lines:
                    page.blocks.append(Block(lines, flow_index))
        pages.append(page)
    return pages


def leave_out_hidden(page: Page) -> None:
    """Words of a smaller size that stand mostly under the letters of the page's body text
    (a chart's legend clipped out of sight under a paragraph, a figure's label under the
    text) cannot be read on the page: they are left out. Of two texts over each other in a
    figure, neither in the body's type, which shows cannot be told: both stay. A superscript
    beside a word, a limit under a sum or small words in clear space cover too little of a
    word's letters. Where small words and the larger words over them (and the words on
    their lines) hold the same word, which of the two shows cannot be told either."""
    words = [word for line in page.lines for word in line.words]
    body = dominant_style(words)
    letters = sorted(
        (
            word
            for word in words
            if sum(map(str.isalpha, word.text)) >= 2
            and word.style.font == body.font
            and abs(word.style.size - body.size) < SAME_SIZE
        ),
        key=lambda word: word.box.y0,
    )
    if not letters:
        return
    tops = [word.box.y0 for word in letters]
    tallest = max(word.box.height for word in letters)
    groups = Groups()  # words lying over each other
    for line in page.lines:  # a line's words stand or fall together
        for before, after in zip(line.words, line.words[1:], strict=False):
            groups.join(id(after), id(before))
    candidates: list[Word] = []
    same: list[int] = []  # words under the same word
    for word in words:
        box = word.box
        if box.height <= 0 or box.width <= 0 or HIDDEN_SIZE * box.height > tallest:
            continue
        covered = 0.0
        start = bisect.bisect_left(tops, box.y0 - tallest)
        for other in letters[start:]:
            if other.box.y0 >= box.y1:
                break
            if other is word or other.box.height < HIDDEN_SIZE * box.height:
                continue
            across, down = other.box.x_overlap(box), other.box.y_overlap(box)
            if across > 0 and down >= HIDDEN_DEPTH * box.height:
                covered += across * down
                groups.join(id(other), id(word))
                if other.text.casefold() == word.text.casefold():
                    same.append(id(word))
        if covered >= HIDDEN_SHARE * box.width * box.height:
            candidates.append(word)
    doubt = {groups.find(key) for key in same}
    hidden = {id(word) for word in candidates if groups.find(id(word)) not in doubt}
    if not hidden:
        return
    _spread_hidden(words, hidden)
    blocks = []
    for block in page.blocks:
        lines = []
        for line in block.lines:
            kept = [word for word in line.words if id(word) not in hidden]
            if kept:
                lines.append(Line.of(kept))
        if lines:
            blocks.append(Block(lines, block.flow))
    page.blocks = blocks


def _spread_hidden(words: list[Word], hidden: set[int]) -> None:
    """The rest of a hidden run of words, sticking out from under the text into a margin or
    a column's gap ("nền" hidden under a word, "kinh tế" beside it): words of the same style
    on the same baseline, each close beside a hidden one, are hidden too."""
    runs: dict[tuple[Style, int], list[Word]] = {}
    for word in words:
        runs.setdefault((word.style, round(word.box.y1)), []).append(word)
    for run in runs.values():
        if not any(id(word) in hidden for word in run):
            continue
        run.sort(key=lambda word: word.box.x0)
        for _ in range(2):  # rightwards, then leftwards
            for before, after in itertools.pairwise(run):
                if (id(before) in hidden) == (id(after) in hidden):
                    continue
                gap = max(before.box.x0, after.box.x0) - min(before.box.x1, after.box.x1)
                if gap <= RUN_GAP * before.box.height:
                    hidden.add(id(before))
                    hidden.add(id(after))
            run.reverse()


RUN_GAP = 0.6  # heights of its words: the widest gap between two words of one run


SAME_SIZE = 0.25  # points two sizes of the body's type may differ by
HIDDEN_SIZE = 1.25  # times the hidden word's height the words over it are at least
HIDDEN_DEPTH = 0.8  # share of the hidden word's height inside the words over it
HIDDEN_SHARE = 0.4  # share of the hidden word's box under the letters of larger words


def _line(node: ET.Element) -> Line | None:
    words: list[Word] = []
    for element in node.iter(f"{_XHTML}word"):
        word = Word(element.text or "", _box(element, "xMin", "yMin", "xMax", "yMax"))
        if word.text.strip() and not (words and _overprints(words[-1], word)):
            words.append(word)
    return Line.of(words) if words else None


def _rejoined(lines: list[Line]) -> list[Line]:
    """A line poppler started over the end of the line before, on the same baseline, because
    its first word was drawn again over that line's last word: one line, the word once."""
    out: list[Line] = []
    for line in lines:
        before = out[-1] if out else None
        if (
            before is not None
            and before.box.y_overlap(line.box) >= 0.8 * min(before.box.height, line.box.height)
            and _overprints(before.words[-1], line.words[0])
        ):
            words = before.words + line.words[1:]
            out[-1] = Line.of(words)
        else:
            out.append(line)
    return out


OVERPRINT_SLACK = 0.5  # points a word drawn again may stand out of the first drawing


def _overprints(before: Word, word: Word) -> bool:
    """A word drawn again over the word before it, whole or its end ("Gospel" then "spel"
    over it): what a PDF overprints, to embolden a word or by a word processor's slip, is
    read once."""
    inside = (
        word.box.x0 >= before.box.x0 - OVERPRINT_SLACK
        and word.box.x1 <= before.box.x1 + OVERPRINT_SLACK
    )
    return inside and before.text.endswith(word.text)


# -- pdftohtml -xml --------------------------------------------------------------------------


def parse_spans(xml: str, pdf: Path | str) -> tuple[dict[int, list[Span]], dict[int, list[Box]]]:
    """Styled spans and image boxes by page number, in points."""
    root = _parse(xml, pdf, "pdftohtml")
    styles: dict[str, Style] = {}
    spans: dict[int, list[Span]] = {}
    images: dict[int, list[Box]] = {}
    for page in root.iter("page"):
        number = int(page.get("number", "0"))
        for spec in page.iter("fontspec"):
            styles[spec.get("id", "")] = _style(spec)
        spans[number] = [_span(text, styles) for text in page.iter("text")]
        images[number] = [_scaled_box(image) for image in page.iter("image")]
    return spans, images


def _style(spec: ET.Element) -> Style:
    name = _SUBSET.sub("", spec.get("family", ""))
    size = _num(spec, "size") / poppler.ZOOM
    color = spec.get("color", "#000000")
    return Style(name, size, bool(_BOLD_NAME.search(name)), bool(_ITALIC_NAME.search(name)), color)


def _span(text: ET.Element, styles: dict[str, Style]) -> Span:
    style = styles.get(text.get("font", ""), NO_STYLE)
    content = "".join(text.itertext())
    bold = style.bold or _mostly(text, "b", content)
    italic = style.italic or _mostly(text, "i", content)
    if bold != style.bold or italic != style.italic:
        style = Style(style.font, style.size, bold, italic, style.color)
    return Span(_scaled_box(text), style)


def _mostly(text: ET.Element, tag: str, content: str) -> bool:
    """Most of the span's letters are inside <b> (or <i>)."""
    inside = sum(len("".join(node.itertext()).strip()) for node in text.iter(tag))
    return inside > 0 and inside >= MOSTLY * len(content.strip())


def _scaled_box(node: ET.Element) -> Box:
    top, left = _num(node, "top"), _num(node, "left")
    width, height = _num(node, "width"), _num(node, "height")
    zoom = poppler.ZOOM
    return Box(left / zoom, top / zoom, (left + width) / zoom, (top + height) / zoom)


# -- joining the two -------------------------------------------------------------------------


def attach_styles(page: Page, spans: list[Span]) -> None:
    """Each word takes the style of the span holding its centre (else the nearest span's);
    of two spans over each other, the one of the word's height."""
    rows: dict[int, list[Span]] = {}
    for span in spans:
        for row in range(int(span.box.y0) - 1, int(span.box.y1) + 2):
            rows.setdefault(row, []).append(span)
    for line in page.lines:
        for word in line.words:
            word.style = _span_of(word.box, rows.get(int(word.box.cy), [])).style


def _span_of(box: Box, candidates: list[Span]) -> Span:
    inside = [s for s in candidates if s.box.x0 - 1 <= box.cx <= s.box.x1 + 1]
    pool = inside or candidates
    if not pool:
        return Span(box, NO_STYLE)
    return min(
        pool,
        key=lambda s: (
            abs(s.box.cy - box.cy) + _x_distance(s.box, box.cx) + abs(s.box.height - box.height)
        ),
    )


def _x_distance(box: Box, x: float) -> float:
    return max(box.x0 - x, 0.0, x - box.x1)


# -- XML helpers ---------------------------------------------------------------------------


def _parse(text: str, pdf: Path | str, tool: str) -> ET.Element:
    """poppler writes the control characters some fonts map glyphs to; XML forbids them."""
    try:
        return ET.fromstring(_NOT_XML.sub("", text))
    except ET.ParseError as error:
        raise SourceError(pdf, f"{tool} gave unreadable XML: {error}") from error


def _num(node: ET.Element, name: str) -> float:
    try:
        return float(node.get(name, "0"))
    except ValueError:
        return 0.0


def _box(node: ET.Element, *names: str) -> Box:
    x0, y0, x1, y1 = (_num(node, name) for name in names)
    return Box(x0, y0, x1, y1)
