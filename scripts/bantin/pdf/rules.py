"""Rules a page draws across its text: the lines a bulletin or newsletter sets between its
notices. poppler's text tools do not report drawings, so pdfminer.six reads the page's paths
(text and images skipped); a rule set as a picture (a long, flat image) counts too."""

from __future__ import annotations

import bisect
import itertools
import logging
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from bantin.pdf.groups import Groups
from bantin.pdf.page import Box, Page

log = logging.getLogger("bantin.pdf")

RULE_MAX_HEIGHT = 3.0  # points: a rule is a line, not a band or a box
RULE_MIN_WIDTH = 0.3  # of the page's width: a rule runs across the text, not under a word
IMAGE_RULE_MAX_HEIGHT = 20.0  # a rule set as a picture (an ornament) is flat...
IMAGE_RULE_MIN_RATIO = 8.0  # ...and this many times wider than high
IMAGE_RULE_MIN_WIDTH = 0.25  # of the page's width


class Drawn(NamedTuple):
    """One path a page draws: its box, whether it is a rectangle, whether it is stroked
    (a drawn outline, not only a filled area such as a cell's shading)."""

    box: Box
    rectangle: bool
    stroked: bool


Drawing = tuple[tuple[float, float], list[Drawn]]  # the page's size, its paths


def drawings(pdf: Path, numbers: Iterable[int]) -> dict[int, Drawing]:
    """The paths drawn on the pages `numbers` (1-based) of a PDF, in the page's coordinates
    (points from its top left corner), with each page's size; a PDF pdfminer cannot read
    has none."""
    wanted = sorted(set(numbers))
    found: dict[int, Drawing] = {number: ((0.0, 0.0), []) for number in wanted}
    if not wanted:
        return found
    try:
        for number, drawing in zip(wanted, _paths(pdf, wanted), strict=True):
            found[number] = drawing
    except Exception as error:
        log.debug("%s: drawings not read (%s)", pdf, error)
    return found


def drawn_rules(drawing: Drawing) -> list[Box]:
    """The horizontal rules a page draws across its text."""
    size, paths = drawing
    return _rules(paths, *size) if paths else []


def image_rules(page: Page) -> list[Box]:
    """Pictures that are rules: long and flat, across a good part of the page."""
    return [
        box
        for box in page.images
        if box.height <= IMAGE_RULE_MAX_HEIGHT
        and box.width >= IMAGE_RULE_MIN_RATIO * max(box.height, 1.0)
        and box.width >= IMAGE_RULE_MIN_WIDTH * page.width
    ]


BOX_MIN_HEIGHT = 10.0  # points: a box round a notice, not a thick line
FRAME_SHARE = 0.8  # of the page's height: a box this tall is the page's frame


def _rules(paths: Sequence[Drawn], width: float, height: float) -> list[Box]:
    """Lines across the text, and the top and bottom edges of rectangles drawn round a
    notice (as wide, not the page's frame)."""
    found = []
    for box, rectangle, _ in paths:
        if box.width < RULE_MIN_WIDTH * width:
            continue
        if box.height <= RULE_MAX_HEIGHT:
            found.append(box)
        elif rectangle and BOX_MIN_HEIGHT <= box.height < FRAME_SHARE * height:
            found += [Box(box.x0, box.y0, box.x1, box.y0), Box(box.x0, box.y1, box.x1, box.y1)]
    return sorted(found, key=lambda box: (box.y0, box.x0))


def _paths(pdf: Path, numbers: list[int]) -> Iterable[Drawing]:
    """Per page asked for: its size and the paths it draws."""
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.layout import LTCurve, LTFigure, LTPage, LTRect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    class _Paths(PDFLayoutAnalyzer):
        """pdfminer's page analyser that keeps the paths only (text and images are poppler's)."""

        page: LTPage | None = None

        def render_string(self, *args: Any, **kwargs: Any) -> None:
            return None

        def render_image(self, *args: Any, **kwargs: Any) -> None:
            return None

        def receive_layout(self, ltpage: LTPage) -> None:
            self.page = ltpage

    def boxes(items: Iterable[Any], top: float, left: float) -> Iterable[Drawn]:
        for item in items:
            if isinstance(item, LTCurve):  # lines and rectangles are curves too
                box = Box(item.x0 - left, top - item.y1, item.x1 - left, top - item.y0)
                yield Drawn(box, isinstance(item, LTRect), bool(item.stroke))
            elif isinstance(item, LTFigure):
                yield from boxes(item, top, left)

    manager = PDFResourceManager()
    device = _Paths(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    with pdf.open("rb") as handle:
        pages = PDFPage.get_pages(handle, pagenos=[n - 1 for n in numbers])
        for page in pages:
            interpreter.process_page(page)
            result = device.page
            if result is None:
                yield (0.0, 0.0), []
                continue
            x0, y0, x1, y1 = result.bbox
            yield (x1 - x0, y1 - y0), list(boxes(result, y1, x0))


# -- ruled tables ----------------------------------------------------------------------------

RULE_THICKNESS = 2.5  # points: a table's rule is a line or a thin filled rectangle
RULE_MIN_LENGTH = 4.0  # ... longer than this (not a dot, not a tick)
TOUCH = 2.0  # points: rules this close meet
GRID_MIN_RULES = 3  # a table has at least two rows and two columns of cells
EDGE_COVER = 0.9  # its top and bottom rules run along this share of its width
MAX_RULES = 3000  # more strokes than this: a page of drawings (a chart's curves), not tables


@dataclass(frozen=True)
class Grid:
    """A table drawn as ruled cells: where its horizontal and vertical rules stand."""

    box: Box
    rows: tuple[float, ...]  # the y of each horizontal rule, top to bottom
    columns: tuple[float, ...]  # the x of each vertical rule, left to right
    down: tuple[Box, ...] = ()  # the vertical rules as drawn (a merged cell has a gap)
    across: tuple[Box, ...] = ()  # the horizontal rules as drawn

    def cell(self, box: Box) -> tuple[int, int]:
        """The row and column of the cell the middle of `box` stands in: a cell merged over
        several columns or rows (no rule between them) is the first of them."""
        row = min(max(bisect.bisect_right(self.rows, box.cy) - 1, 0), len(self.rows) - 2)
        column = min(max(bisect.bisect_right(self.columns, box.cx) - 1, 0), len(self.columns) - 2)
        middle = (self.rows[row] + self.rows[row + 1]) / 2
        while column > 0 and not _crossed(self.down, self.columns[column], middle):
            column -= 1
        centre = (self.columns[column] + self.columns[column + 1]) / 2
        while row > 0 and not _crossed(self.across, self.rows[row], centre, across=True):
            row -= 1
        return row, column

    def holds(self, box: Box) -> bool:
        return (
            self.box.x0 - TOUCH <= box.cx <= self.box.x1 + TOUCH
            and self.box.y0 - TOUCH <= box.cy <= self.box.y1 + TOUCH
        )


def _crossed(rules: Sequence[Box], at: float, where: float, across: bool = False) -> bool:
    """A rule stands at `at` (an x, or a y for rules across) and runs past `where`."""
    for rule in rules:
        place, start, end = (rule.cy, rule.x0, rule.x1) if across else (rule.cx, rule.y0, rule.y1)
        if abs(place - at) <= TOUCH and start - TOUCH <= where <= end + TOUCH:
            return True
    return False


def ruled_tables(drawing: Drawing) -> list[Grid]:
    """The tables a page draws as a grid of ruled cells: rules that meet, three or more
    across and columns between them, the top and bottom ones across the whole (boxes and
    arrows of a diagram rarely are), not as tall as the page (rules parting its columns and
    its parts)."""
    _, paths = drawing
    across: list[Box] = []
    down: list[Box] = []
    for box, rectangle, stroked in paths:
        if box.height <= RULE_THICKNESS and box.width >= RULE_MIN_LENGTH:
            across.append(box)
        elif box.width <= RULE_THICKNESS and box.height >= RULE_MIN_LENGTH:
            down.append(box)
        elif rectangle and stroked and min(box.width, box.height) >= RULE_MIN_LENGTH:
            # a cell drawn as an outlined rectangle (a shaded one, filled only, draws no rule)
            across += [Box(box.x0, box.y0, box.x1, box.y0), Box(box.x0, box.y1, box.x1, box.y1)]
            down += [Box(box.x0, box.y0, box.x0, box.y1), Box(box.x1, box.y0, box.x1, box.y1)]
    if len(across) < GRID_MIN_RULES or not down or len(across) + len(down) > MAX_RULES:
        return []
    (_, height), grids = drawing[0], [_grid(*group) for group in _meeting(across, down)]
    return sorted(
        (grid for grid in grids if grid is not None and grid.box.height < FRAME_SHARE * height),
        key=lambda grid: grid.box.y0,
    )


def _meeting(across: list[Box], down: list[Box]) -> list[tuple[list[Box], list[Box]]]:
    """The rules grouped by the ones they meet: each group's rules across, and down."""
    groups = Groups()  # rules across by their index, rules down by their index after them
    for a, line in enumerate(across):
        for d, column in enumerate(down, len(across)):
            if (
                line.x0 - TOUCH <= column.cx <= line.x1 + TOUCH
                and column.y0 - TOUCH <= line.cy <= column.y1 + TOUCH
            ):
                groups.join(a, d)
    # a rule drawn in pieces, one per row or per cell, is one rule
    ordered = sorted(range(len(down)), key=lambda i: (round(down[i].cx), down[i].y0))
    for first, second in itertools.pairwise(ordered):
        upper, lower = down[first], down[second]
        if (
            abs(upper.cx - lower.cx) <= TOUCH
            and lower.y0 <= upper.y1 + TOUCH
            and upper.y0 <= lower.y1 + TOUCH
        ):
            groups.join(len(across) + first, len(across) + second)
    found: dict[Hashable, tuple[list[Box], list[Box]]] = {}
    for index, rule in enumerate(across):
        found.setdefault(groups.find(index), ([], []))[0].append(rule)
    for index, rule in enumerate(down, len(across)):
        found.setdefault(groups.find(index), ([], []))[1].append(rule)
    return list(found.values())


def _grid(across: list[Box], down: list[Box]) -> Grid | None:
    """The grid the rules draw, when their top and bottom ones run across the whole of it
    (its sides may be open: the outer columns then end where the rules across do)."""
    if not across or not down:
        return None
    rows = _levels([rule.cy for rule in across])
    left, right = min(rule.x0 for rule in across), max(rule.x1 for rule in across)
    columns = _levels([left, *(rule.cx for rule in down), right])
    if len(rows) < GRID_MIN_RULES or len(columns) < GRID_MIN_RULES:
        return None
    box = Box(columns[0], rows[0], columns[-1], rows[-1])
    top = _cover([r for r in across if abs(r.cy - rows[0]) <= TOUCH], "x", box.width)
    bottom = _cover([r for r in across if abs(r.cy - rows[-1]) <= TOUCH], "x", box.width)
    if min(top, bottom) < EDGE_COVER:
        return None
    sides = [Box(x, box.y0, x, box.y1) for x in (columns[0], columns[-1])]
    return Grid(box, tuple(rows), tuple(columns), (*down, *sides), tuple(across))


def _levels(values: list[float]) -> list[float]:
    """Positions closer than `TOUCH` taken as one (a rule drawn in pieces, or twice)."""
    levels: list[float] = []
    for value in sorted(values):
        if not levels or value - levels[-1] > TOUCH:
            levels.append(value)
    return levels


def _cover(rules: list[Box], axis: str, length: float) -> float:
    """The share of `length` the rules run along (pieces that overlap counted once)."""
    spans = sorted((r.x0, r.x1) if axis == "x" else (r.y0, r.y1) for r in rules)
    covered, end = 0.0, float("-inf")
    for start, stop in spans:
        start = max(start, end)
        if stop > start:
            covered += stop - start
            end = stop
    return covered / length if length > 0 else 0.0
