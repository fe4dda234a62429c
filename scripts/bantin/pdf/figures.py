"""The words drawn inside a chart or a diagram a page draws as vector paths: a chart's tick
numbers, axis titles and legend, a flow diagram's boxes, a schematic's labels. poppler gives
them as text among the running text, in pieces the layout rules may read as small tables,
short paragraphs or headings; the drawing itself tells them apart. pdfminer.six reads the
page's paths (`bantin.pdf.rules`); paths lying close together are one drawing, and a drawing
set right above its caption ("Hình 3", "Biểu đồ 2", or right under one that has none above
it) is the figure, whose words are its own, with the labels in smaller type set just outside
it (ticks and axis titles beside a chart's plotting area)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bantin.pdf import roles
from bantin.pdf.fonts import BodyType
from bantin.pdf.groups import Groups
from bantin.pdf.page import Box, Line
from bantin.pdf.reading import Para
from bantin.pdf.rules import BOX_MIN_HEIGHT, FRAME_SHARE, RULE_MAX_HEIGHT, Drawing, Drawn, Grid
from bantin.vietnamese import ends_sentence

if TYPE_CHECKING:
    from bantin.pdf.document import Document

# From rules.py: a rectangle BOX_MIN_HEIGHT tall is a drawing (a legend's box), one
# FRAME_SHARE of the page's height its frame; a rule is RULE_MAX_HEIGHT tall at the most.
#: Points: the side of the grid whose cells join paths into one drawing (two paths are
#: joined when their boxes, grown by a cell, share one: 4 to 12 points apart).
CELL = 4.0
DRAWING_MIN_WIDTH = 40.0  # points: a drawing, not a fraction's bar, an underline or a dot
DRAWING_MIN_HEIGHT = 20.0
RULE_MIN_SHARE = 0.6  # of the page's width: a rule across the page (under a running head)
BACKGROUND_LINES = 2.0  # a filled box at most this many lines high behind a line of text
CAPTION_REACH = 40.0  # points between a figure and its caption, at the most
TOUCH = 2.0  # points a word may stand past the drawing's edge and still be inside it
INSIDE_SHARE = 0.5  # of a paragraph's box inside the drawing: the drawing's
LABEL_REACH = 1.5  # of the body's size: labels in smaller type set this far outside it
LABEL_RATIO = 0.85  # of the body's size: a label's type outside the drawing, at the most
LABEL_WORDS = 4  # words of a label in the text's type (one half outside the drawing, at most)
SENTENCE_WORDS = 3  # words of a sentence ending next to the drawing: text, not a label
FILLED_CELLS = 0.5  # share of a ruled grid's cells holding words: a table, not a chart's grid
#: What the layout rules may have made of a figure's words.
_IN_FIGURES = frozenset(
    {roles.BODY, roles.HEADING, roles.TABLE, roles.EQUATION, roles.FIGURE, roles.FOOTNOTE}
)


def claim_figures(paras: Sequence[Para], doc: Document) -> None:
    """On the pages that caption a figure, the paragraphs inside the drawing the caption
    names are the figure's words."""
    captions = [p for p in paras if p.role == roles.CAPTION and roles.figure_caption(p)]
    pages = sorted(
        {c.page for c in captions if any(_may_be_label(p, c.page, doc.body) for p in paras)}
    )
    doc.read_drawings(pages)
    for number in pages:
        page = [p for p in paras if p.page == number]
        lines = [line for p in doc.pages if p.number == number for line in p.lines]
        drawn = drawn_regions(doc.drawing(number), lines)
        grids = doc.grids(number)
        for caption in (c for c in captions if c.page == number):
            for region in _drawings_of(caption, drawn, page, doc.body):
                _claim_words(region, page, lines, grids, doc.body, caption)


def _may_be_label(para: Para, page: int, body: BodyType) -> bool:
    """A paragraph of the page that may be a figure's words read as something else (the
    page's drawings, slow to read, are read only where there is one)."""
    if para.page != page or para.role not in _IN_FIGURES or para.role == roles.FIGURE:
        return False
    if _text(para, body):
        return False
    small = body.ratio(para.style) < LABEL_RATIO
    return para.role != roles.BODY or small or len(para.text.split()) <= LABEL_WORDS


def drawn_regions(drawing: Drawing, lines: Sequence[Line]) -> list[Box]:
    """The boxes of the drawings on a page: its paths grouped with those a cell or so of
    `CELL` away, leaving out rules across the page, its frame and the filled boxes some
    writers set behind each line of text; each large enough to be a figure, or a box
    drawn as a rectangle (a chart's legend, between its plot and its caption)."""
    (width, height), paths = drawing
    kept = [d for d in paths if not _furniture(d, width, height, lines)]
    groups = Groups()
    first: dict[tuple[int, int], int] = {}
    for index, drawn in enumerate(kept):
        for cell in _cells(drawn.box):
            groups.join(index, first.setdefault(cell, index))
    found: dict[object, Box] = {}
    boxed: set[object] = set()
    for index, drawn in enumerate(kept):
        key = groups.find(index)
        found[key] = found[key].union(drawn.box) if key in found else drawn.box
        if drawn.rectangle and _large(drawn.box, BOX_MIN_HEIGHT):
            boxed.add(key)
    return [
        box
        for key, box in found.items()
        if box.height < FRAME_SHARE * height and (_large(box, DRAWING_MIN_HEIGHT) or key in boxed)
    ]


def _large(box: Box, least: float) -> bool:
    return box.width >= DRAWING_MIN_WIDTH and box.height >= least


def _cells(box: Box) -> list[tuple[int, int]]:
    """The cells of a `CELL` grid the box, grown by a cell on each side, covers."""
    x0, x1 = int(box.x0 // CELL) - 1, int(box.x1 // CELL) + 1
    y0, y1 = int(box.y0 // CELL) - 1, int(box.y1 // CELL) + 1
    return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


def _furniture(drawn: Drawn, width: float, height: float, lines: Sequence[Line]) -> bool:
    """A rule across the page, the page's frame, or a filled box behind a line of text."""
    box = drawn.box
    if box.height <= RULE_MAX_HEIGHT and box.width >= RULE_MIN_SHARE * width:
        return True
    if box.height >= FRAME_SHARE * height:
        return True  # (a chart may be as wide as the page's text)
    return drawn.rectangle and not drawn.stroked and _behind_text(box, lines)


def _behind_text(box: Box, lines: Sequence[Line]) -> bool:
    """A filled box no taller than a line or two, a word of text standing in it (a line's
    background, a word's highlight)."""
    return any(
        line.box.y0 < box.y1
        and box.y0 < line.box.y1
        and box.height <= BACKGROUND_LINES * line.box.height
        and any(
            box.x0 - TOUCH <= word.box.cx <= box.x1 + TOUCH
            and box.y0 - TOUCH <= word.box.cy <= box.y1 + TOUCH
            for word in line.words
        )
        for line in lines
    )


def _drawings_of(caption: Para, drawn: list[Box], page: list[Para], body: BodyType) -> list[Box]:
    """The drawings a caption names: those right above it (or round it), else those right
    under it, no other caption between them and no table's caption beside them; each cut
    short of the running text its box may reach into (paths a drawing clips)."""
    captions = [p for p in page if p.role == roles.CAPTION and roles.is_caption_text(p.text)]
    above = [box for box in drawn if _above(box, caption.box, captions)]
    under = [box for box in drawn if _under(box, caption.box, captions)]
    if above:
        stacked = _stacked(above, drawn, page, body, upwards=True)
        regions = [_cut_above(box, caption, page, body) for box in stacked]
    else:
        stacked = _stacked(under, drawn, page, body, upwards=False)
        regions = [_cut_under(box, caption, page, body) for box in stacked]
    return [region for region in regions if not _tabled(region, captions)]


def _stacked(
    chosen: list[Box], drawn: list[Box], page: list[Para], body: BodyType, upwards: bool
) -> list[Box]:
    """The drawings found, and the panels stacked on them away from the caption (the plots
    of one figure set one above the other over its one caption): each within
    `CAPTION_REACH` of one found, over or under it, no caption and no text between."""
    found = list(chosen)
    grown = True
    while grown:
        grown = False
        for box in drawn:
            if box in found:
                continue
            if any(_panel_of(box, near, page, body, upwards) for near in found):
                found.append(box)
                grown = True
    return found


def _panel_of(box: Box, near: Box, page: list[Para], body: BodyType, upwards: bool) -> bool:
    """`box` stands right over `near` (or under it, going down), nothing of the text or a
    caption between them."""
    top, bottom = (box, near) if upwards else (near, box)
    if not _beside(box, near) or not 0 <= bottom.y0 - top.y1 + TOUCH <= CAPTION_REACH:
        return False
    return not any(
        (p.role == roles.CAPTION or _text(p, body))
        and _beside(p.box, near)
        and top.y1 - TOUCH <= p.box.y0
        and p.box.y1 <= bottom.y0 + TOUCH
        for p in page
    )


def _tabled(region: Box, captions: list[Para]) -> bool:
    """A table's caption stands right above or under the drawing: it is the table's."""
    return any(
        roles.table_caption(other)
        and (_above(region, other.box, captions) or _under(region, other.box, captions))
        for other in captions
    )


def _beside(box: Box, caption: Box) -> bool:
    """Over or under each other for at least half the narrower one's width."""
    return box.x_overlap(caption) >= 0.5 * min(box.width, caption.width)


def _above(box: Box, caption: Box, captions: list[Para]) -> bool:
    """The drawing ends right above the caption (or runs round it), no caption between."""
    if not _beside(box, caption) or box.y0 >= caption.y0 or caption.y0 - box.y1 > CAPTION_REACH:
        return False
    return not any(
        _beside(other.box, caption)
        and box.y1 - TOUCH <= other.box.y0
        and other.box.y1 <= caption.y0
        for other in captions
    )


def _under(box: Box, caption: Box, captions: list[Para]) -> bool:
    """The drawing starts right under the caption, no caption between."""
    if not _beside(box, caption) or box.y0 < caption.y0 - TOUCH or box.y1 <= caption.y1:
        return False
    if box.y0 - caption.y1 > CAPTION_REACH:
        return False
    return not any(
        _beside(other.box, caption)
        and caption.y1 <= other.box.y0
        and other.box.y1 <= box.y0 + TOUCH
        for other in captions
    )


def _cut_above(box: Box, caption: Para, page: list[Para], body: BodyType) -> Box:
    """The drawing above a caption, from under the last running text inside its box, down
    to the caption's foot (what it draws further down is clipped, or another figure's)."""
    top = max(
        (p.box.y1 for p in _running(page, box, body) if p.box.y1 <= caption.box.y0),
        default=box.y0,
    )
    return Box(box.x0, max(box.y0, top), box.x1, min(box.y1, caption.box.y1))


def _cut_under(box: Box, caption: Para, page: list[Para], body: BodyType) -> Box:
    """The drawing under a caption, from the caption's head down to the first running text
    inside its box."""
    bottom = min(
        (p.box.y0 for p in _running(page, box, body) if p.box.y0 >= caption.box.y1),
        default=box.y1,
    )
    return Box(box.x0, max(box.y0, caption.box.y0), box.x1, min(box.y1, bottom))


def _running(page: list[Para], box: Box, body: BodyType) -> list[Para]:
    """Paragraphs of the article's text inside the box: running text (two lines at least)
    or a section's numbered heading."""
    return [p for p in page if _text(p, body) and _mostly_inside(p.box, box)]


#: A section's number opening a heading: "3.2.2.", "2.1", "IV.".
_SECTION = re.compile(r"^\s*(?:\d{1,2}\.(?:\d{1,2}\.?)*|[IVX]{1,5}\.)\s+\S")


def _text(para: Para, body: BodyType) -> bool:
    """The article's own text, never a figure's: running text, a section's heading."""
    if para.role == roles.HEADING:
        return bool(_SECTION.match(para.text))
    return len(para.lines) >= 2 and roles.running_text(para, body)


def _inside(box: Box, region: Box, margin: float) -> bool:
    """Wholly inside the region grown by `margin` on each side."""
    return (
        region.x0 - margin <= box.x0
        and box.x1 <= region.x1 + margin
        and region.y0 - margin <= box.y0
        and box.y1 <= region.y1 + margin
    )


def _claim_words(
    region: Box,
    page: list[Para],
    lines: Sequence[Line],
    grids: list[Grid],
    body: BodyType,
    caption: Para,
) -> None:
    """The paragraphs inside the drawing, and those in smaller type just outside it, are
    the figure's words; unless running text stands inside it (a box round text, not a
    figure) or it holds a table ruled as a grid whose cells are mostly filled."""
    if _running(page, region, body) or any(
        _inside(grid.box, region, TOUCH) and _filled(grid, lines) for grid in grids
    ):
        return
    reach = LABEL_REACH * body.size
    for para in page:
        if para.role not in _IN_FIGURES or _text(para, body) or _goes_on(caption, para):
            continue
        if _words_inside(para, region) or (
            para.role != roles.FOOTNOTE and _label(para, body) and _inside(para.box, region, reach)
        ):
            para.role = roles.FIGURE
            para.grid = None


#: Lines of the caption's height between a caption and the line that goes on from it.
CAPTION_GAP = 1.5


def _goes_on(caption: Para, para: Para) -> bool:
    """The caption's next line set apart: in its type, under it and across it, opening in
    small letters ("bằng ... tại các tuyến" under "Hình 1. Mục tiêu ..."), whatever of the
    drawing poppler read between them."""
    style, box, head = para.style, caption.box, para.text.lstrip()[:1]
    if (style.bold, style.italic) != (caption.style.bold, caption.style.italic):
        return False
    if abs(style.size - caption.style.size) > 0.5 or not head.islower():
        return False
    height = caption.lines[-1].box.height
    under = box.y1 - height / 2 <= para.box.y0 <= box.y1 + CAPTION_GAP * height
    return under and para.box.x_overlap(box) > 0


def _words_inside(para: Para, region: Box) -> bool:
    """Inside the drawing; or a few words, more than half of them inside it (a label over
    an arrow's tail, set a little past the drawing's edge)."""
    return _inside(para.box, region, TOUCH) or (
        len(para.text.split()) <= LABEL_WORDS and _mostly_inside(para.box, region)
    )


def _mostly_inside(box: Box, region: Box) -> bool:
    """More than half of the box inside the region."""
    width, height = box.x_overlap(region), box.y_overlap(region)
    area = box.width * box.height
    return width > 0 and height > 0 and width * height > INSIDE_SHARE * area


def _label(para: Para, body: BodyType) -> bool:
    """In smaller type than the text, and no sentence ("... xem hình 4." over the chart)."""
    text = para.text.strip()
    sentence = ends_sentence(text) and len(text.split()) >= SENTENCE_WORDS
    return body.ratio(para.style) < LABEL_RATIO and not sentence


def _filled(grid: Grid, lines: Sequence[Line]) -> bool:
    """Most of the grid's cells hold a word: a table's, not a chart's plotting area."""
    cells = (len(grid.rows) - 1) * (len(grid.columns) - 1)
    held = {grid.cell(word.box) for line in lines for word in line.words if grid.holds(word.box)}
    return cells > 0 and len(held) >= FILLED_CELLS * cells
