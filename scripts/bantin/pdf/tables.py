"""Tables drawn as ruled cells, read by their grid: the paragraphs inside a grid are the
table's, whatever they looked like (bold header cells are no headings), and each word goes
to the cell it stands in, so a cell's wrapped lines stay one cell."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bantin.pdf import roles
from bantin.pdf.page import Line, Word
from bantin.pdf.reading import Para, join_lines
from bantin.pdf.rules import TOUCH, Grid

if TYPE_CHECKING:
    from bantin.pdf.document import Document

#: What a ruled grid's paragraphs may have been labelled before the grid was seen (a
#: cell's "Nguồn: ..." looks like a caption, a short one like a footnote).
_IN_TABLES = frozenset(
    {
        roles.BODY,
        roles.HEADING,
        roles.TABLE,
        roles.FIGURE,
        roles.EQUATION,
        roles.CAPTION,
        roles.FOOTNOTE,
    }
)


def claim_ruled_tables(paras: Sequence[Para], doc: Document) -> None:
    """On the pages that show a table (a caption "Bảng 2", cells found by their layout),
    the paragraphs inside a ruled grid become that table's cells."""
    pages = sorted(
        {
            para.page
            for para in paras
            if para.role == roles.TABLE
            or (para.role == roles.CAPTION and roles.table_caption(para))
        }
    )
    doc.read_drawings(pages)
    for page in pages:
        grids = doc.grids(page)
        for para in paras:
            if para.page != page or para.role not in _IN_TABLES:
                continue
            grid = next((g for g in grids if all(g.holds(line.box) for line in para.lines)), None)
            if grid is not None:
                para.role = roles.TABLE
                para.grid = grid
        _figure_words_under_a_grid([p for p in paras if p.page == page])


def _figure_words_under_a_grid(page: Sequence[Para]) -> None:
    """A table's caption takes the lines under it as the table's rows until a figure's
    caption stops it: under a ruled table, those past its rules, running on to a figure's
    caption, are words drawn in that figure (a diagram's labels set under the table). Only
    the lines right after that table's own cells: an unruled table lower on the page, under
    its own caption, keeps its rows though a ruled table stands higher up."""
    run: list[Para] = []
    grid: Grid | None = None  # the ruled table whose cells the run follows
    for para in page:
        if not para.role:
            continue  # a line merged into the paragraph before it
        if para.role == roles.TABLE and para.grid is None:
            run.append(para)
            continue
        caption = para.role == roles.CAPTION and roles.figure_caption(para)
        if caption and run and grid is not None and all(_under(cell, grid) for cell in run):
            for cell in run:
                cell.role = roles.FIGURE
        run = []
        grid = para.grid if para.role == roles.TABLE else None


def _under(para: Para, grid: Grid) -> bool:
    """Set under a ruled grid, across it."""
    return para.box.y0 >= grid.box.y1 - TOUCH and para.box.x_overlap(grid.box) > 0


def grid_text(cells: list[Para]) -> str:
    """A ruled table's rows as lines, its cells separated by " | " (a row with no text
    left out): each cell's words, line by line, joined as running text. A ruled row whose
    cells all hold the same number of lines, level with each other, is rows the table left
    unruled ("three-line" tables rule only their header and their foot)."""
    grid = cells[0].grid
    assert grid is not None
    found: dict[tuple[int, int], list[Line]] = {}
    for line in (line for cell in cells for line in cell.lines):
        for place, words in _by_cell(line.words, grid).items():  # poppler's line, cut
            found.setdefault(place, []).append(Line.of(words))
    rows = []
    widths = [right - left for left, right in itertools.pairwise(grid.columns)]
    for row in range(len(grid.rows) - 1):
        columns = [_level(found.get((row, column), [])) for column in range(len(grid.columns) - 1)]
        for lines in _unruled_rows(columns, widths):
            texts = [join_lines([line.text for line in cell]) for cell in lines]
            if any(texts):
                rows.append(" | ".join(texts))
    return "\n".join(rows)


def _unruled_rows(columns: list[list[Line]], widths: list[float]) -> list[list[list[Line]]]:
    """The rows a ruled row holds: one, or one per line where every cell with text holds
    that many lines, each level with the others' (two rows at least, in two cells at least),
    and no line of any cell was wrapped (the next line's first word would have fitted)."""
    filled = [cell for cell in columns if cell]
    count = len(filled[0]) if filled else 0
    if len(filled) < 2 or count < 2 or any(len(cell) != count for cell in filled):
        return [columns]
    if any(_wrapped(cell, width) for cell, width in zip(columns, widths, strict=True)):
        return [columns]
    for index in range(count):
        first = filled[0][index].box
        if any(cell[index].box.y_overlap(first) < 0.5 * first.height for cell in filled[1:]):
            return [columns]
    return [[[cell[index]] if cell else [] for cell in columns] for index in range(count)]


CELL_MARGIN = 0.9  # of a cell's width: what its text may fill


def _wrapped(lines: list[Line], width: float) -> bool:
    """A line of the cell stops where the next line's first word would not have fitted."""
    for line, following in itertools.pairwise(lines):
        word = following.words[0].box
        space = 0.3 * word.height
        if line.box.width + space + word.width > CELL_MARGIN * width:
            return True
    return False


def _by_cell(words: list[Word], grid: Grid) -> dict[tuple[int, int], list[Word]]:
    """A line's words by the cell each stands in (a superscript stays with its line)."""
    cells: dict[tuple[int, int], list[Word]] = {}
    for word in words:
        cells.setdefault(grid.cell(word.box), []).append(word)
    return cells


def _level(lines: list[Line]) -> list[Line]:
    """A cell's lines top to bottom, a line standing partly level with the one before it
    (a superscript "a" poppler set apart) joined to it."""
    joined: list[Line] = []
    for line in sorted(lines, key=lambda line: line.box.y0):
        before = joined[-1] if joined else None
        low = min(line.box.height, before.box.height) if before else 0.0
        if before is not None and line.box.y_overlap(before.box) > 0.2 * low:
            words = sorted([*before.words, *line.words], key=lambda word: word.box.x0)
            joined[-1] = Line(words, before.box.union(line.box))
        else:
            joined.append(line)
    return joined
