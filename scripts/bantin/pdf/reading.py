"""Reading order and paragraphs: drop caps joined, columns measured, blocks cut into paragraphs.

poppler already gives the blocks of a page in reading order (its flows read column by column);
here each block is cut where a paragraph ends inside it: a change of type, a first line set in,
or a short line ending a sentence. Which paragraphs continue across a column or a page is
decided once their roles are known (`join_continued`).
"""

from __future__ import annotations

import itertools
import logging
import re
import statistics
import string
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from bantin.pdf.fonts import BodyType
from bantin.pdf.page import Block, Box, Line, Page, Style, Word, dominant_style, union_of
from bantin.pdf.rules import Grid
from bantin.vietnamese import (
    BRACKETED_POINT,
    SUPERSCRIPT_FIGURES,
    ends_sentence,
    first_letter,
    is_syllable,
    is_vietnamese_letter,
)

log = logging.getLogger("bantin.pdf")

DROP_CAP_RATIO = 1.8  # a single capital this much larger than the body is a drop cap
INDENT_MIN = 0.7  # ems: a first line set in by at least this much opens a paragraph
INDENT_MAX = 6.0  # ems: set in further, the line is centred or a list, not indented
JUSTIFIED_SHARE = 0.6  # share of a column's lines ending at its right edge: justified
JUSTIFIED_SLACK = 0.6  # ems a justified line may stop short of the edge
RUNNING_WORDS = 6  # words of a paragraph of running text, at the least
MIN_COLUMN_LINES = 3  # lines of running text that start a column, at the least
COLUMN_SHARE = 0.1  # or this share of the page's lines of running text
COLUMN_WIDTH_SHARE = 0.25  # a column is at least this share of the text's width
VERY_SHORT = 0.33  # share of its column a line stops short by only at a paragraph's end
RAGGED_SLACK = 4.0  # ems a line of ragged text may stop short and still be full
RUN_ON_SHARE = 0.25  # of a column's lines: more ending far right than this is its real edge
OUTLIER_EMS = 3.0  # a line ending this far right of the column's middle right edge ran on


@dataclass(eq=False)
class Column:
    """A column of running text on one page: where its lines start and end."""

    left: float
    right: float
    slack: float  # how far before `right` a line may end and still fill the column

    def holds(self, line: Line, em: float) -> bool:
        return self.left - em <= line.box.x0 < self.right - em


@dataclass(eq=False)
class Para:
    """A paragraph-sized piece of one page in reading order, and its role once labelled."""

    lines: list[Line]
    page: int
    indented: bool = False
    role: str = ""
    column: Column | None = None
    pages: list[int] = field(default_factory=list)
    grid: Grid | None = None  # the ruled table it stands in, once its cells are claimed
    formula: bool = False  # the pieces of one formula, joined (bantin.pdf.roles)
    notes: list[Para] = field(default_factory=list)  # a caption's: its unit, its source
    written: str = ""  # a formula's text with its fractions on one line (bantin.pdf.fractions)

    def __post_init__(self) -> None:
        if not self.pages:
            self.pages = [self.page]

    @property
    def box(self) -> Box:
        return union_of([line.box for line in self.lines])

    @property
    def words(self) -> list[Word]:
        return [word for line in self.lines for word in line.words]

    @property
    def style(self) -> Style:
        return dominant_style(self.words)

    @property
    def text(self) -> str:
        return join_lines([line.text for line in self.lines])

    @property
    def last_full(self) -> bool:
        """Its last line fills its column: the paragraph may go on in the next one."""
        column, last = self.column, self.lines[-1]
        return column is not None and last.box.x1 >= column.right - column.slack


# -- text of lines -------------------------------------------------------------------------


def join_lines(texts: list[str]) -> str:
    """One line of text: one space between lines; a hyphen ending a line joins without one,
    and in a text without Vietnamese letters a word broken by a hyphen is mended."""
    pieces = [" ".join(text.split()) for text in texts if text.strip()]
    if not pieces:
        return ""
    english = not any(is_vietnamese_letter(c) and not c.isascii() for c in "".join(pieces))
    out = pieces[0]
    for piece in pieces[1:]:
        out = _join_pair(out, piece, english)
    return out


def _join_pair(left: str, right: str, english: bool) -> str:
    if len(left) >= 2 and left[-1] in "-‐" and left[-2].isalpha():
        if _ADDRESS_BROKEN.search(left):
            return left + right  # a web address broken at one of its own hyphens
        broken = english and left[-2].islower() and right[:1].islower()
        return left[:-1] + right if broken else left + right
    if "/" in left and _ADDRESS_END.search(left) and _ADDRESS_GOES_ON.match(right):
        return left + right  # "https://www.sintef.no/.../vrptw/s" + "olomon-benchmark/..."
    if _HOST_BROKEN.search(left) and _HOST_GOES_ON.match(right):
        return left + right  # "https://finance." + "vietstock.vn"
    if _SLUG_BROKEN.search(left) and _SLUG_GOES_ON.fullmatch(right):
        return left + right  # ".../how-to-implement-a-flip" + "ped-classroom-model"
    return f"{left} {right}"


#: A web address at a line's end, not closed by a full stop or a comma; and a line opening
#: with the rest of one: letters and figures of an address only, holding a letter and a
#: figure or one of its signs ("olomon-benchmark/100-customers/", "AR2C2fsaa9Q",
#: "o.org/english", "au-dau-tu-67405.htm," before the words after it), which the words
#: after an address ("truy cập ngày", "Accessed", a year "2019.") do not.
_ADDRESS_END = re.compile(r"(?:https?://|www\.)[^\s]*[^\s.,;]$")
_ADDRESS_BROKEN = re.compile(r"(?:https?://|www\.)\S*-$")
#: A web address broken inside its host's name, after one of its dots, and the rest of
#: the host (and its path) opening the next line.
_HOST_BROKEN = re.compile(r"(?:https?://|www\.)[A-Za-z0-9.-]*[A-Za-z0-9]\.$")
_HOST_GOES_ON = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?:/\S*)?(?:\s|$)")
#: A web address whose path is words and hyphens ("how-to-implement-a-flip") broken inside
#: a word, and a line that is nothing but the rest of it ("ped-classroom-model").
_SLUG_BROKEN = re.compile(r"(?:https?://|www\.)\S*/[^\s/]*-[a-z0-9]+$")
_SLUG_GOES_ON = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+/?[.,;)]?")
_ADDRESS_GOES_ON = re.compile(
    r"(?=\S*[A-Za-z])[A-Za-z0-9._~-]*[0-9/=&?%_#][A-Za-z0-9._~/?#=&%+:-]*[,;)]?(?:\s|$)"
)


# -- drop caps -----------------------------------------------------------------------------


def join_drop_caps(page: Page, body: BodyType) -> None:
    """A large single capital joins the first word set beside it ("N" + "GÀY" -> "NGÀY"); the
    lines beside it then start where it starts, so they do not look set in."""
    for cap_block in [b for b in page.blocks if _is_drop_cap(b, body)]:
        cap = cap_block.lines[0]
        beside = [line for line in page.lines if _beside(cap, line)]
        if not beside:
            continue
        first = min(beside, key=lambda line: line.box.y0)
        if first.box.y0 > cap.box.y0 + 1.5 * first.box.height:
            continue  # a large letter beside text that starts above it: not a drop cap
        letter = cap.text.strip()
        if first.words[0].text[:1].isupper():
            letter = letter.upper()  # a decorative font may name its capital glyph in lower case
        first.words[0].text = letter + first.words[0].text
        for line in beside:
            line.box = Box(cap.box.x0, line.box.y0, line.box.x1, line.box.y1)
        page.blocks.remove(cap_block)
        log.debug("page %d: drop cap %r joined to %r", page.number, cap.text, first.text)


# an affiliation's or a note's mark: "1", "*", "1,2", "(1)"
MARK = re.compile(r"[\d*†‡§]{1,2}|\d(?:,\d){1,3}|\(\d{1,2}\)")


def join_marks(page: Page) -> None:
    """A superscript mark poppler left as a line of its own joins the line it leans on
    ("1" + "Trung tâm Khảo thí" -> "1Trung tâm Khảo thí"): smaller type, no wider than a few
    figures, level with the upper part of a line that starts or ends right beside it. A
    raised mark of one or two signs set inside a line (a footnote's "1" after a word, the
    "o" of "160 oC") goes back between the words it stands between."""
    marks = [
        (b, ln)
        for b in page.blocks
        for ln in b.lines
        if MARK.fullmatch(ln.text.strip()) or _INNER_MARK.fullmatch(ln.text.strip())
    ]
    for mark_block, mark in marks:
        host = next((line for line in page.lines if _carries(line, mark)), None)
        inside = host is None
        if inside:
            host = next((line for line in page.lines if _holds(line, mark)), None)
        if host is None:
            continue
        if inside:
            at = sum(1 for word in host.words if word.box.cx < mark.box.cx)
            host.words[at:at] = mark.words  # a raised "o" there: a degree (_raised_degrees)
        elif mark.box.x1 <= host.box.x0 + 1:
            host.words[:0] = mark.words
        else:
            host.words.extend(mark.words)
        host.box = host.box.union(mark.box)
        mark_block.lines.remove(mark)
        if not mark_block.lines:
            page.blocks.remove(mark_block)
        log.debug("page %d: mark %r joined to %r", page.number, mark.text, host.text)
    for line in page.lines:
        _raised_degrees(line)
        _raised_powers(line)


def _raised_degrees(line: Line) -> None:
    """A raised "o" in smaller type that poppler set among its line's words after a figure
    or before "C" is the degree sign ("10" + "o" + "C."): the font had none."""
    words = line.words
    for at, word in enumerate(words):
        if word.text not in ("o", "0", "º") or at == 0:
            continue
        before = words[at - 1]
        if _raised_after(before, word) and _degree(before.text, words[at + 1 :]):
            word.text = "°"


#: Figures and signs with a superscript form: a power or a charge raised over a number, a
#: unit, a letter or a bracket is written with them ("10⁸", "m²", "R²", "Mn⁴⁺", "(XᵀX)⁻¹"),
#: so that it reads as printed and not as more figures ("108", "x12" for x₁²).
SUPERSCRIPTS = str.maketrans("0123456789+−-", SUPERSCRIPT_FIGURES + "⁻")
_POWER = re.compile(r"[−-]?[0-9]{1,3}|[0-9]{0,2}[+−-]")  # a power or a charge: "8", "-3", "4+"
_NUMBER_END = re.compile(r"[0-9)\]]$")  # a number's last figure, or a closing bracket
_NUMBER_POWER = re.compile(r"[−-]?[0-9]{1,3}")  # a number's power: "8", "-3", "12"
_POWER_BASE = re.compile(r"[^\W_]$|[)\]]$")  # a figure, a letter, a closing bracket
RAISED_SHARE = 0.2  # of the word's height before it: a power's bottom stands this far up
POWER_SIZE = 0.85  # of the size before it: a power is set this much smaller, at the most
GLUED = 0.15  # of the size before it: the widest gap between a power and its base


def _raised_powers(line: Line) -> None:
    """Figures raised in smaller type, glued to a number, a letter or a closing bracket, are
    a power or a charge (a raised "0" after a number, the degree sign a font did not have,
    `_raised_degrees` made "°" before). Over a number or a bracket it is written in
    superscript figures at once, as the roles read a formula's powers; over a unit, a letter
    or a subscript ("PO" "4" "3−": raised from the letters the subscript hangs on) it is
    marked, and written so once the roles are known (`write_powers`): the roles read those
    as the text layer gives them. A raised "TM" is the trade mark's sign."""
    words = line.words
    raised: Word | None = None  # the power just found, which a sign set apart may end
    for at in range(1, len(words)):
        before, word = words[at - 1], words[at]
        if word.box.x0 - before.box.x1 > GLUED * before.style.size:
            continue
        if word.text == "TM" and _raised_after(before, word):
            word.text = "™"  # a trade mark's sign set in raised capitals ("Web of Science")
            continue
        if not (_POWER.fullmatch(word.text) and _POWER_BASE.search(before.text)):
            continue
        base = words[at - 2] if at >= 2 and _lowered_after(words[at - 2], before) else before
        if _raised_after(base, word) or (before is raised and _ends_power(before, word)):
            if (
                base is before
                and before is not raised
                and _NUMBER_END.search(before.text)
                and _NUMBER_POWER.fullmatch(word.text)
            ):
                word.text = word.text.translate(SUPERSCRIPTS)
            else:
                word.power = True
            raised = word


def write_powers(paras: Iterable[Para]) -> None:
    """The powers and charges `_raised_powers` marked, in superscript figures."""
    for para in paras:
        for line in para.lines:
            for word in line.words:
                if word.power:
                    word.text = word.text.translate(SUPERSCRIPTS)
                    word.power = False


def _ends_power(power: Word, word: Word) -> bool:
    """`word`, glued to `power`, ends it: set in its type on its line, or a charge's sign
    alone ("Zn" "2" "+", the sign in the size of the text around in some titles)."""
    level = (
        abs(word.style.size - power.style.size) <= 0.1 * power.style.size
        and abs(word.box.y1 - power.box.y1) <= RAISED_SHARE * power.box.height
    )
    return level or word.text in ("+", "−", "-")


def _lowered_after(before: Word, word: Word) -> bool:
    """`word` is a subscript glued to `before`: in smaller type, its middle below the middle
    of `before`."""
    return (
        word.box.x0 - before.box.x1 <= GLUED * before.style.size
        and word.style.size <= POWER_SIZE * before.style.size
        and word.box.cy > before.box.cy
    )


def _raised_after(before: Word, word: Word) -> bool:
    """`word` is set raised after `before`: in smaller type, its bottom standing a fifth of
    the height of `before` above the bottom of `before` (a "±" or an accent may make `before`
    the taller at the top)."""
    return (
        word.style.size <= POWER_SIZE * before.style.size
        and word.box.y1 <= before.box.y1 - RAISED_SHARE * before.box.height
    )


#: A raised sign of one or two characters that stands inside a line: a figure, a letter or
#: the "o" of a degree; a formula's index in brackets ("ξ^{(p)}"); an ion's charge ("4+").
_INNER_MARK = re.compile(r"[\w°º*†‡§]{1,2}|\([\w+−-]{1,4}\)|\d[+−]")


def _degree(before: str, after: list[Word]) -> bool:
    """A raised "o" (or "0") after a figure, or before "C" or "F", is the degree sign a
    font did not have ("160 oC", "sin75⁰")."""
    return before[-1:].isdigit() or (bool(after) and after[0].text[:1] in ("C", "F"))


def _holds(line: Line, mark: Line) -> bool:
    """`mark` stands raised between two words of `line`, in smaller type."""
    return _raised_on(line, mark) and any(
        before.box.x1 - 1 <= mark.box.x0 and mark.box.x1 <= after.box.x0 + 1
        for before, after in itertools.pairwise(line.words)
    )


SPLIT_GAP = 0.2  # ems: a gap this narrow after a marked letter is no space between words
_TAIL = re.compile(r"^([^\W\d_]{1,2})([^\w\s]*)$")
_HEAD = re.compile(r"([^\W\d_]+)$")


def join_split_syllables(page: Page) -> None:
    """A syllable a font drew in two pieces, the second after a narrow gap ("củ" + "a",
    "Chú" + "a", "Ngọ" + "c."), is one word again: the piece before ends with a marked
    letter, the piece after is one or two letters, and the two make a Vietnamese syllable. A
    tone mark drawn as a glyph of its own over the piece before joins it first ("trươ" + "́"
    + "c")."""
    for line in page.lines:
        words = line.words
        index = 0
        while index < len(words) - 1:
            before, after = words[index], words[index + 1]
            if _mark_over(before, after):
                before.text = unicodedata.normalize("NFC", before.text + after.text)
                del words[index + 1]
                continue
            if _split_syllable(before, after):
                before.text += after.text
                before.box = before.box.union(after.box)
                del words[index + 1]
                continue
            index += 1


def _mark_over(before: Word, after: Word) -> bool:
    """A combining mark alone, drawn over the end of the word before (or right after it)."""
    if not after.text or not all(unicodedata.combining(char) for char in after.text):
        return False
    size = before.style.size or 10.0
    return before.box.x0 <= after.box.x0 <= before.box.x1 + SPLIT_GAP * size


SPLIT_OVERLAP = 1.0  # points: the piece after may start a hair left of the first's end


def _split_syllable(before: Word, after: Word) -> bool:
    size = min(before.style.size, after.style.size) or 10.0
    gap = after.box.x0 - before.box.x1
    if not -SPLIT_OVERLAP <= gap < SPLIT_GAP * size or before.style.font != after.style.font:
        return False
    tail, head = _TAIL.match(after.text), _HEAD.search(before.text)
    if tail is None or head is None or not tail.group(1).islower():
        return False
    last = unicodedata.normalize("NFD", head.group(1)[-1])
    return len(last) > 1 and is_syllable(head.group(1) + tail.group(1))


def _carries(line: Line, mark: Line) -> bool:
    """`mark` stands raised right before or right after `line`, in smaller type."""
    gap = line.style.size * 0.5
    before = -1 <= line.box.x0 - mark.box.x1 <= gap
    after = -1 <= mark.box.x0 - line.box.x1 <= gap
    return (before or after) and _raised_on(line, mark)


def _raised_on(line: Line, mark: Line) -> bool:
    """`mark`, in smaller type, stands level with the upper part of `line` (of two words or
    more)."""
    if line is mark or line.style.size <= mark.style.size * 1.1 or len(line.words) < 2:
        return False
    raised = max(1.0, mark.box.height / 2)  # a mark in brackets stands higher: "(1)"
    return line.box.y0 - raised <= mark.box.y0 and mark.box.cy <= line.box.cy + 1


def _is_drop_cap(block: Block, body: BodyType) -> bool:
    text = block.text.strip()
    style = block.style
    latin = text.isascii() or is_vietnamese_letter(text)
    return len(text) == 1 and text.isalpha() and latin and body.ratio(style) >= DROP_CAP_RATIO


def _beside(cap: Line, line: Line) -> bool:
    """A line starting just right of the cap, level with its upper part."""
    near = cap.box.x1 - 2 <= line.box.x0 <= cap.box.x1 + cap.box.height
    level = cap.box.y0 <= line.box.cy <= cap.box.y1
    return near and level and line is not cap


# -- columns -------------------------------------------------------------------------------


def find_columns(page: Page, body: BodyType) -> list[Column]:
    """Columns of running text: body lines grouped by where they start."""
    em = body.size or 10.0
    lines = sorted(
        (line for line in page.lines if body.is_body(line.style) and len(line.words) >= 3),
        key=lambda line: line.box.x0,
    )
    groups: list[list[Line]] = []
    for line in lines:
        if groups and line.box.x0 - groups[-1][0].box.x0 <= INDENT_MAX * em:
            groups[-1].append(line)
        else:
            groups.append([line])
    if not lines:
        return []
    width = max(line.box.x1 for line in lines) - min(line.box.x0 for line in lines)
    least = max(MIN_COLUMN_LINES, COLUMN_SHARE * len(lines))
    big = [group for group in groups if len(group) >= least]
    lefts = [group[0].box.x0 for group in big]
    columns = [_column(_beside_next(group, big, em), em, lefts) for group in big]
    # A column is a good part of the text's width: lines set in under a formula, or the
    # rows of a table, start further in without making one.
    return [c for c in columns if c.right - c.left >= COLUMN_WIDTH_SHARE * width]


GRID_PAGES = 3  # pages of two columns or more that must agree before their grid is the issue's
GRID_SHARE = 0.5  # of those pages
GUTTER_CROSSING = 0.1  # of a page's lines may run across the grid's gutter (titles, figures)


def document_columns(pages: list[Page], body: BodyType) -> dict[int, list[Column]]:
    """Each page's columns: those found on it, or, where it holds too few lines in one column
    to find them (a last page, a page of tables), the columns most of its pages share when its
    lines stand in them."""
    em = body.size or 10.0
    found = {page.number: find_columns(page, body) for page in pages}
    grid = _common_grid([columns for columns in found.values() if len(columns) >= 2], em)
    if grid is None:
        return found
    for page in pages:
        if len(found[page.number]) < len(grid) and _fits(page, grid, body):
            found[page.number] = grid
        else:
            found[page.number] = [_to_grid(column, grid, em) for column in found[page.number]]
    return found


def _to_grid(column: Column, grid: list[Column], em: float) -> Column:
    """A column found where one of the grid's starts but ending short of its edge (a column
    of short list items, of lines cut by a figure) is the grid's: its lines still run to it."""
    for other in grid:
        if abs(column.left - other.left) <= em and other.left < column.right < other.right - em:
            return other
    return column


def _common_grid(grids: list[list[Column]], em: float) -> list[Column] | None:
    """The columns most multi-column pages share (same count, edges within an em)."""
    if len(grids) < GRID_PAGES:
        return None

    def same(a: list[Column], b: list[Column]) -> bool:
        return len(a) == len(b) and all(
            abs(x.left - y.left) <= em and abs(x.right - y.right) <= em
            for x, y in zip(
                sorted(a, key=lambda c: c.left), sorted(b, key=lambda c: c.left), strict=True
            )
        )

    best = max(grids, key=lambda grid: sum(same(grid, other) for other in grids))
    agreeing = sum(same(best, other) for other in grids)
    return sorted(best, key=lambda c: c.left) if agreeing >= GRID_SHARE * len(grids) else None


def _fits(page: Page, grid: list[Column], body: BodyType) -> bool:
    """Running text seldom runs across the grid's gutters, and stands in every column of the
    grid but one, which holds other lines inside it (a figure's caption beside the text)."""
    em = body.size or 10.0
    lines = [line for line in page.lines if body.is_body(line.style) and len(line.words) >= 3]
    if not lines:
        return False
    gutters = [(a.right, b.left) for a, b in itertools.pairwise(grid) if b.left > a.right]

    def crosses(line: Line) -> bool:
        return any(line.box.x0 < start and line.box.x1 > end for start, end in gutters)

    crossing = sum(1 for line in lines if crosses(line))
    held = {id(column_of(line.box, grid, em)) for line in lines}
    others = {id(column_of(line.box, grid, em)) for line in page.lines if not crosses(line)}
    empty = [c for c in grid if id(c) not in held]
    placed = len(empty) <= 1 and all(id(c) in others for c in empty)
    return crossing <= GUTTER_CROSSING * len(lines) and (not empty or placed)


def _beside_next(group: list[Line], groups: list[list[Line]], em: float) -> list[Line]:
    """The lines that measure a column. With another column starting right of it, a column
    some of whose lines end flush at one edge a gutter before that one starts (a justified
    column's) is measured from its lines that stop short of it: those running past it are
    set across the columns (references under the last columns, which, starting where the
    first column starts, would make it as wide as the page)."""
    start = group[0].box.x0
    nexts = [_start(other) for other in groups if other[0].box.x0 > start]
    if not nexts:
        return group
    edge = min(nexts)
    short = [line for line in group if line.box.x1 < edge]
    if len(short) == len(group) or not _flush(short, edge - GUTTER_EMS * em):
        return group
    return short


def _start(lines: list[Line]) -> float:
    """Where most of a column's lines start (a line or two may start left of it)."""
    lefts = sorted(line.box.x0 for line in lines)
    return lefts[len(lefts) // 4]


GUTTER_EMS = 4.0  # the widest gutter between two columns, in ems
FLUSH = 1.5  # points: lines of a justified column end this close to each other


def _flush(lines: list[Line], least: float) -> bool:
    """Enough lines ending at one edge (a justified column's), right of `least`."""
    rights = sorted(line.box.x1 for line in lines if line.box.x1 >= least)
    return any(
        rights[index + MIN_COLUMN_LINES - 1] - rights[index] <= FLUSH
        for index in range(len(rights) - MIN_COLUMN_LINES + 1)
    )


def _column(lines: list[Line], em: float, starts: list[float]) -> Column:
    """`starts`: where the page's columns of lines start (this one's among them)."""
    rights = sorted(line.box.x1 for line in lines)
    middle = rights[len(rights) // 2]
    kept = [r for r in rights if r <= middle + OUTLIER_EMS * em]
    # Lines ending far right of most are lines run into the next column; unless no column
    # starts beyond where most end and many do (a page of formulas set from the margin,
    # with fewer lines of text reaching the edge).
    next_column = any(start > middle - em for start in starts)
    if next_column or len(rights) - len(kept) < RUN_ON_SHARE * len(rights):
        rights = kept
    right = rights[int(len(rights) * 0.9)]
    # Justified text: of the lines that come near the edge, most end right on it. Lines that
    # stop far short (a paragraph's end, a lead-in to a formula, a heading) tell nothing.
    near = [r for r in rights if r >= right - RAGGED_SLACK * em]
    justified = sum(1 for r in near if r >= right - 1.5) >= JUSTIFIED_SHARE * len(near)
    slack = (JUSTIFIED_SLACK if justified else RAGGED_SLACK) * em
    return Column(_start(lines), right, slack)


def column_of(box: Box, columns: list[Column], em: float) -> Column | None:
    """The column a box stands in: it starts inside the column and ends before its edge."""
    holding = [
        c for c in columns if c.left - em <= box.x0 < c.right - em and box.x1 <= c.right + em
    ]
    if not holding:
        return None
    return min(holding, key=lambda c: abs(box.x0 - c.left))


# -- paragraphs ----------------------------------------------------------------------------


def paragraphs(page: Page, body: BodyType, columns: list[Column] | None = None) -> list[Para]:
    """The page's blocks cut into paragraphs, in reading order; `columns`, the page's columns
    where they are known (`document_columns`), else found on the page."""
    em = body.size or 10.0
    columns = find_columns(page, body) if columns is None else columns
    split_across_gutters(page, columns)
    join_line_pieces(page, columns, body)
    join_caption_labels(page)
    out: list[Para] = []
    for block in page.blocks:
        if _on_page(block.box, page):
            out += _cut(block, page.number, columns, em)
    return reading_order(out, columns, em, page.images)


#: A caption's label alone on its line: "Bảng 3.", "Hình 2:", "Biểu đồ 1".
_CAPTION_LABEL = re.compile(
    r"(?:hình|bảng|biểu\s*đồ|sơ\s*đồ|đồ\s*thị|figure|fig\.|table)\s*\d+[\d.]*[a-z]?\s*[.:]?",
    re.I,
)
LABEL_GAP = 3.0  # ems of the label's type: the widest space between a label and its title


def join_caption_labels(page: Page) -> None:
    """A caption's label that poppler set apart from its title on its line, at the wide
    space after it ("Bảng 3." / "Kết quả phân tích hồi quy", a caption across the page), is
    one line with it: the nearest line level with it on its right, in its type."""
    for line in list(page.lines):
        if not _CAPTION_LABEL.fullmatch(line.text.strip()):
            continue
        size = line.words[-1].style.size or 10.0
        beside = [
            other
            for other in page.lines
            if other is not line
            and 0 <= other.box.x0 - line.box.x1 <= LABEL_GAP * size
            and other.box.y_overlap(line.box) > 0.6 * min(other.box.height, line.box.height)
            and abs(other.words[0].style.size - size) <= 0.5
            and other.words[0].style.bold == line.words[-1].style.bold
        ]
        if not beside:
            continue
        title = min(beside, key=lambda other: other.box.x0)
        line.words = [*line.words, *title.words]
        line.box = line.box.union(title.box)
        take_out(page, [title])


def take_out(page: Page, gone: list[Line]) -> None:
    """The page's blocks without the lines `gone` (joined to another line), and without the
    blocks those leave empty."""
    for block in page.blocks:
        block.lines = [line for line in block.lines if all(line is not out for out in gone)]
    page.blocks = [block for block in page.blocks if block.lines]


def split_across_gutters(page: Page, columns: list[Column]) -> None:
    """A line poppler built from words of two columns (a gap as wide as the gutter between
    them, at the gutter) becomes two lines, and a block holding lines of two columns one
    block per column."""
    ordered = sorted(columns, key=lambda c: c.left)
    gutters = [(a.right, b.left) for a, b in itertools.pairwise(ordered) if b.left > a.right]
    if not gutters:
        return
    blocks: list[Block] = []
    for block in page.blocks:
        lines = [piece for line in block.lines for piece in _split_line(line, gutters)]
        sides: dict[int, list[Line]] = {}
        across = sum(1 for line in lines if _over_gutter(line, gutters))
        for line in lines:  # by where it starts: a label standing in the gutter is no text
            side = sum(1 for _, end in gutters if line.box.x0 >= end - 2)
            if across and 2 * across < len(lines) and _over_gutter(line, gutters):
                side = ACROSS  # (a block mostly set across the page, a lead, stays one)
            sides.setdefault(side, []).append(line)
        if len(sides) == 1 and len(lines) == len(block.lines):
            blocks.append(block)  # (a block of lines from two columns is cut in two as well)
            continue
        blocks += [
            Block(sorted(group, key=lambda line: line.box.y0), block.flow)
            for _, group in sorted(sides.items())
        ]
    page.blocks = blocks


ACROSS = -1  # the side of a line set across a gutter (a centred heading over both columns)


def _over_gutter(line: Line, gutters: list[tuple[float, float]]) -> bool:
    """The line runs from one column into the next over the gutter: among the lines of a
    block of the columns' text ("TÀI LIỆU THAM KHẢO" centred under them), it stands apart
    from both, no column's line."""
    x0, x1 = line.box.x0, line.box.x1
    return any(x0 < start - 2 and x1 > end + 2 for start, end in gutters)


PIECE_GAP = 3.0  # ems: the widest space a justified line of a narrow column may hold


def join_line_pieces(page: Page, columns: list[Column], body: BodyType) -> None:
    """A justified line of a narrow column that poppler cut where its spaces grew wide is one
    line again: running-text pieces level with each other, in one column, that together
    fill it from edge to edge; then such a line whose last piece runs into the gutter by
    less than an em (a justified heading's last word)."""
    em = body.size or 10.0
    for spill in (2.0, em):
        for column in columns:
            inside = [
                line
                for line in page.lines
                if column.left - 2 <= line.box.x0 and line.box.x1 <= column.right + spill
            ]
            for row in _rows_of(inside):
                if spill > 2 and row[-1].box.x1 <= column.right + 2:
                    continue  # (read as it stands in the first round)
                if len(row) < 2:
                    continue
                in_body_type = all(body.is_body(line.style) for line in row)
                in_text = (
                    in_body_type
                    and not EQUATION_NUMBER.match(row[-1].text.strip())  # a formula's "(10)"
                    and _under_text(row, inside, column, body)
                )
                if not _fills(row, column, em, TEXT_PIECE_GAP if in_text else PIECE_GAP):
                    continue
                if not in_body_type and not _evenly_spaced(row):
                    continue
                first, rest = row[0], row[1:]
                first.words = [word for line in row for word in line.words]
                first.box = union_of([line.box for line in row])
                take_out(page, rest)


def _rows_of(lines: list[Line]) -> list[list[Line]]:
    """Lines standing level with each other, left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda line: (line.box.y0, line.box.x0)):
        row = rows[-1] if rows else None
        if row is not None and all(
            other.box.y_overlap(line.box) >= 0.7 * min(other.box.height, line.box.height)
            for other in row
        ):
            row.append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda line: line.box.x0) for row in rows]


EVEN_SPACING = 0.25  # a justified line's spaces are all this close to their median


def _evenly_spaced(row: list[Line]) -> bool:
    """Pieces in another type than the body's (a bold heading) make one justified line when
    the spaces between them are the same as the spaces inside them; a table's cells stand
    further apart than their words do."""
    style = row[0].style
    if any(line.style.font != style.font or line.style.size != style.size for line in row):
        return False
    words = [word for line in row for word in line.words]
    gaps = [b.box.x0 - a.box.x1 for a, b in itertools.pairwise(words)]
    if len(gaps) < 3:
        return False
    middle = statistics.median(gaps)
    return middle > 0 and all(abs(gap - middle) <= EVEN_SPACING * middle for gap in gaps)


def _fills(row: list[Line], column: Column, em: float, widest: float = PIECE_GAP) -> bool:
    reaches = row[0].box.x0 <= column.left + em and row[-1].box.x1 >= column.right - em
    gaps = [b.box.x0 - a.box.x1 for a, b in itertools.pairwise(row)]
    return reaches and all(0 <= gap <= widest * em for gap in gaps)


#: ems: the widest space a justified line of running text may hold right under a full line
#: of it (few words and a long one: "thấy, nấm" ... "L. psalliotae sinh trưởng").
TEXT_PIECE_GAP = 6.0
LINE_OF_TEXT_WORDS = 6  # words of running text in a line that fills its column


def _under_text(row: list[Line], lines: list[Line], column: Column, body: BodyType) -> bool:
    """A line of running text in the body's type, filling the column from edge to edge,
    stands right over the row: the row is that paragraph's next line, no table's row (a
    table stands under its caption or its header, not under a sentence's line)."""
    top, height = min(line.box.y0 for line in row), max(line.box.height for line in row)
    em = body.size or 10.0
    return any(
        0 <= top - line.box.y1 <= height
        and line.box.x0 <= column.left + em
        and line.box.x1 >= column.right - em
        and len(line.words) >= LINE_OF_TEXT_WORDS
        and body.is_body(line.style)
        for line in lines
        if line not in row
    )


def _split_line(line: Line, gutters: list[tuple[float, float]]) -> list[Line]:
    pieces = [[line.words[0]]]
    for before, word in itertools.pairwise(line.words):
        if any(_across_gap(before, word, gutter) for gutter in gutters):
            pieces.append([word])
        else:
            pieces[-1].append(word)
    if len(pieces) == 1:
        return [line]
    return [Line.of(words) for words in pieces]


SPILL_GAP = 0.4  # of the type's size: wider than a space between words of one line


def _across_gap(before: Word, after: Word, gutter: tuple[float, float]) -> bool:
    """Two words of one line poppler made are of two columns: the gutter's width between them,
    or a word of one column run into the gutter (a justified heading's last) and a word in
    another weight or size where the next column starts, more than a space apart."""
    start, end = gutter
    if after.box.x0 < end - 2:
        return False
    gap = after.box.x0 - before.box.x1
    if before.box.x1 <= start + 2:
        return gap >= 0.8 * (end - start)
    one, other = before.style, after.style  # (in italics or not: a title in a line's words)
    return (  # (here the word before ends inside the gutter)
        before.box.x0 < start
        and (one.bold != other.bold or round(one.size) != round(other.size))
        and gap >= SPILL_GAP * one.size
    )


def _on_page(box: Box, page: Page) -> bool:
    """Text drawn outside the page's box (printers' marks, clipped objects) is not read."""
    return 0 <= box.cx <= page.width and 0 <= box.cy <= page.height


def reading_order(
    paras: list[Para], columns: list[Column], em: float, pictures: Sequence[Box] = ()
) -> list[Para]:
    """Bands cut by what spans the columns (text, or a picture over most of each column),
    read top to bottom; inside a band, column by column, each from top to bottom. A page of
    one column keeps poppler's order."""
    if len(columns) < 2:
        return paras
    ordered = sorted(columns, key=lambda c: c.left)
    spanning = [p for p in paras if p.column is None and _spans(p.box, ordered)]
    across: list[tuple[float, Para | None]] = [(p.box.y0, p) for p in spanning]
    across += [(box.y0, None) for box in pictures if _covers(box, ordered)]
    for top, bottom in _rows_across(paras, ordered, em):  # a table set across the columns
        # what opens under its last row is after it, a column opening a little higher too
        across += [(top - em, None), (bottom - em / 2, None)]
    across.sort(key=lambda cut: cut[0])
    cuts = [y for y, _ in across]
    bands: list[list[list[Para]]] = [[[] for _ in range(len(ordered) + 1)] for _ in [*cuts, 0]]
    last = ordered[-1].right
    for para in paras:
        if para in spanning:
            continue
        band = sum(1 for cut in cuts if para.box.y0 > cut + em / 2)  # level with it: before
        # Running text right of the last column found is a column of its own, read last (a
        # last column with too few lines to be found, where an article ends).
        beyond = para.box.x0 >= last and len(para.text.split()) >= RUNNING_WORDS
        bands[band][len(ordered) if beyond else _nearest(para.box, ordered)].append(para)
    out: list[Para] = []
    for index, band_columns in enumerate(bands):
        for column in band_columns:
            out += sorted(column, key=lambda p: p.box.y0)
        cut = across[index][1] if index < len(across) else None
        if cut is not None:
            out.append(cut)
    return out


ROW_CELL_SHARE = 0.6  # a table's cell is narrower than this share of the column it stands in


def _rows_across(paras: list[Para], columns: list[Column], em: float) -> list[tuple[float, float]]:
    """Rows of a table set across the columns: short paragraphs level with each other, two
    or more on each side of a gutter (running text has one line there, the column's), in a
    table one of whose rows has a cell reaching into the gutter from both sides (two tables
    side by side, one in each column, have none); from the top of each row to its bottom, so
    the rows are read one after the other and the text under the table after it."""
    widths = [column.right - column.left for column in columns]
    narrow = [p for p in paras if p.box.width < ROW_CELL_SHARE * widths[_nearest(p.box, columns)]]
    rows: list[tuple[float, float, bool]] = []
    for para in narrow:
        level = [
            other
            for other in narrow
            if other.page == para.page
            and other.box.y_overlap(para.box) > 0.5 * min(other.box.height, para.box.height)
        ]
        for left, right in itertools.pairwise(columns):
            before = sum(1 for other in level if other.box.x1 <= left.right + em)
            after = sum(1 for other in level if other.box.x0 >= right.left - em)
            over = any(o.box.x0 < right.left - 1 and o.box.x1 > left.right + 1 for o in level)
            if before >= 2 and after >= 2:
                top, bottom = min(o.box.y0 for o in level), max(o.box.y1 for o in level)
                rows.append((top, bottom, over))
                break
    rows.sort()
    kept = [over for _, _, over in rows]
    for _ in range(2):  # a table's rows go on from a row over the gutter, up and down
        for index in [*range(1, len(rows)), *range(len(rows) - 2, -1, -1)]:
            for near in (index - 1, index + 1):
                if (
                    0 <= near < len(rows)
                    and kept[near]
                    and _rows_touch(rows[index], rows[near], em)
                ):
                    kept[index] = True
    return [(top, bottom) for (top, bottom, _), keep in zip(rows, kept, strict=True) if keep]


def _rows_touch(
    one: tuple[float, float, bool], other: tuple[float, float, bool], em: float
) -> bool:
    """Two rows of one table: the gap between them under two lines."""
    upper, lower = sorted((one, other))
    return lower[0] - upper[1] <= 2 * em


def _covers(box: Box, columns: list[Column]) -> bool:
    """A picture over the greater part of two neighbouring columns (a chart set across the
    page); one a little wider than its own column does not cut the other."""
    return any(
        min(box.x1, c.right) - max(box.x0, c.left) > 0.5 * (c.right - c.left)
        and min(box.x1, d.right) - max(box.x0, d.left) > 0.5 * (d.right - d.left)
        for c, d in itertools.pairwise(columns)
    )


def _spans(box: Box, columns: list[Column]) -> bool:
    """A box across the gap between two columns."""
    return any(
        box.x0 < left.right - 1 and box.x1 > right.left + 1
        for left, right in itertools.pairwise(columns)
    )


def _nearest(box: Box, columns: list[Column]) -> int:
    """The column holding most of the box (by its centre when it overlaps none)."""
    overlaps = [min(box.x1, c.right) - max(box.x0, c.left) for c in columns]
    best = max(range(len(columns)), key=lambda i: overlaps[i])
    if overlaps[best] > 0:
        return best
    return min(
        range(len(columns)), key=lambda i: abs(box.cx - (columns[i].left + columns[i].right) / 2)
    )


def _cut(block: Block, page: int, columns: list[Column], em: float) -> list[Para]:
    column = column_of(block.box, columns, em)
    measure = column or _own_column(block, em)
    paras: list[Para] = []
    for index, line in enumerate(block.lines):
        indented = _set_in(line, measure, em)
        hung_out = line.box.x0 <= measure.left - INDENT_MIN * em  # "Đáp: ..." out at the margin
        if index and _hangs_under(paras[-1], block.lines[index - 1], line, em):
            paras[-1].lines.append(line)
        elif (
            index == 0
            or hung_out
            or _breaks(block.lines[index - 1], line, measure, indented)
            or next_label(paras[-1].lines[0].text, line.text)
        ):
            paras.append(Para([line], page, indented, column=column))
        else:
            paras[-1].lines.append(line)
    return paras


HANG_TOLERANCE = 0.5  # ems: how far from the text of its item an item's next line may start


def _hangs_under(item: Para, before: Line, line: Line, em: float) -> bool:
    """A list item's next line, set under the item's text right of its bullet or number
    ("♦ Ban Khánh tiết ..." over "và phục vụ ..."): the item goes on, whatever its indent. A
    bold item is a heading, whose lines the headings' own stage joins."""
    opening = item.lines[0]
    if opening.style.bold or not (starts_item(opening.text) or starts_enumerated(opening.text)):
        return False
    if len(opening.words) < 2 or starts_item(line.text) or starts_enumerated(line.text):
        return False
    if _style_class(before.style)[1:] != _style_class(line.style)[1:]:
        return False  # another weight or family (a size smaller is still the item's)
    text_at = opening.words[1].box.x0
    return all(abs(x.box.x0 - text_at) <= HANG_TOLERANCE * em for x in [*item.lines[1:], line])


def _set_in(line: Line, column: Column, em: float) -> bool:
    """A first line set in: it starts right of the column's edge and, as the first line of a
    justified paragraph does, reaches the other edge (a centred last line does not)."""
    set_in = INDENT_MIN * em <= line.box.x0 - column.left <= INDENT_MAX * em
    return set_in and line.box.x1 >= column.right - max(column.slack, em)


def _own_column(block: Block, em: float) -> Column:
    """A block outside the page's columns measured against itself: its left edge is where
    its lines after the first start (the first may be set in, or hung out in the margin from
    its label: "Đáp: ..." over lines set in under its text)."""
    left = _start(block.lines[1:]) if len(block.lines) > 1 else block.lines[0].box.x0
    right = max(line.box.x1 for line in block.lines)
    return Column(left, right, JUSTIFIED_SLACK * em if len(block.lines) > 2 else 0.0)


def _breaks(before: Line, line: Line, column: Column, indented: bool) -> bool:
    """A paragraph ends between two lines of one block."""
    if _style_class(before.style) != _style_class(line.style):
        return indented or not _run_in_lead(before, line, column)
    if starts_item(line.text) and not _flow_arrow(before, line, column):
        return True
    if EQUATION_NUMBER.match(before.text.strip()):
        return True  # a display formula's number at the margin ends the formula
    short = before.box.x1 < column.right - column.slack
    if short and starts_enumerated(line.text):
        return True  # "1. ...", "b) ...": a list's next item
    if indented or (short and ends_sentence(before.text)):
        return True
    if short and from_the_edge(before, column) and ends_item(before.text, line.text):
        return True  # "σ - ứng suất ...;" over "εp - biến dạng dẻo, %": items, definitions
    # A line that stops a third of the column short ended its paragraph, with or without a
    # full stop ("Ví dụ 4: ... (hình 9a)" over "Lời giải:"), when a capital opens the next.
    width = column.right - column.left
    very_short = before.box.x1 < column.right - max(column.slack, VERY_SHORT * width)
    return very_short and first_letter(line.text).isupper()


def _run_in_lead(before: Line, line: Line, column: Column) -> bool:
    """`before` is a paragraph's run-in lead that happens to fill its line ("Biến tỷ lệ chi
    trả cổ tức (LDPS)." in bold italics over the paragraph's text): set in bold or italics
    of the text's size, it reaches the column's edge as a justified line does and ends
    with a full stop or a colon, over a line of the text's own type not set in (a heading
    stops short of the edge, or is numbered; a paragraph of its own over a paragraph set in
    is what it is)."""
    style, text = before.style, before.text.strip()
    if not (style.bold or style.italic) or line.style.bold or line.style.italic:
        return False
    if round(style.size) != round(line.style.size) or starts_enumerated(text):
        return False
    return text[-1:] in ".:" and before.box.x1 >= column.right - column.slack


def _flow_arrow(before: Line, line: Line, column: Column) -> bool:
    """An arrow opening `line` is a step of a process the sentence names ("từ nguồn (S)" over
    "➔ thông điệp (M) ➔ kênh (C)"), no list's bullet: the same arrow stands again inside
    the line, and the line before fills the column without ending a clause."""
    opening = line.text.lstrip()[:1]
    if opening not in ARROWS or opening not in line.text.lstrip()[1:]:
        return False
    text = before.text.rstrip()
    ended = not text or text[-1] in ".:;!?"
    return not ended and before.box.x1 >= column.right - column.slack


EQUATION_NUMBER = re.compile(r"^\(\d{1,3}[a-z]?\)$")
#: The bullets a list's items open with; a list of dashes opens its items with a dash and a
#: space (`BULLET_OR_DASH`), a minus sign and a space being a bullet of its own.
BULLETS = "•▪■□◆◇♦●○➢►▸✓❖➔➜⇨"
ARROWS = "➔➜⇨"  # bullets that may also be the steps of a process inside a sentence
_ITEM = re.compile(rf"^(?:[{BULLETS}]|−\s)")
BULLET_OR_DASH = re.compile(rf"^(?:[{BULLETS}]\s*|[-−–]\s+)")


_ENUMERATED = re.compile(
    rf"^(?:(?:\d{{1,2}}|[a-zđ])[.)]|\d{{1,2}}(?:\.\d{{1,2}})+\.?|{BRACKETED_POINT})\s+\S"
)


def starts_enumerated(text: str) -> bool:
    """A line opened by an item's number or letter, or a section's: "2. ", "b) ", "2.1 ",
    "(2) ", "(iv) "."""
    return bool(_ENUMERATED.match(text.lstrip()))


#: A symbol (a letter, with its index or a prime: "σeff", "ytbu", "tn", "α") and the mark
#: that defines it: "σ - ứng suất ...", "n: số vòng quay ...", "tn : nhiệt độ ...".
_DEFINITION = re.compile(r"^[^\W\d_][\w'′]{0,5}(?:\s?:|\s[-–−])\s+(\S+)")


#: An item's letter or number and its mark: "a.", "b)", "2.".
_LABEL = re.compile(r"^(?:([a-zđ])|(\d{1,2}))([.)])\s+\S")
#: A letter and the one after it in a list's lettering (Vietnamese lists may letter "đ"
#: after "d", or go on with "e").
_FOLLOWS = frozenset({*itertools.pairwise(string.ascii_lowercase), ("d", "đ"), ("đ", "e")})


def next_label(opening: str, text: str) -> bool:
    """`text` opens with the letter or number after the one `opening` opens with, and the
    same mark ("a. ..." then "b. ...", "1) ..." then "2) ..."): the list's next item."""
    first, then = _LABEL.match(opening.lstrip()), _LABEL.match(text.lstrip())
    if first is None or then is None or first.group(3) != then.group(3):
        return False
    if first.group(2) and then.group(2):
        return int(then.group(2)) == int(first.group(2)) + 1
    return (first.group(1), then.group(1)) in _FOLLOWS


def next_definition(before: str, text: str) -> bool:
    """`text` opens with a symbol and the words defining it, as the lines under "Trong đó:"
    do, after a line of words (not a formula's piece: "⎛ x y z ⎞" over "V: x ≥ 0; ...")."""
    end = before.rstrip()[-1:]
    if not (end.isalnum() or end in ".,;:)]%"):
        return False
    found = _DEFINITION.match(text.lstrip())
    return found is not None and _is_word(found.group(1).rstrip(".,;:"))


def _is_word(token: str) -> bool:
    """Two letters or more of the Vietnamese or Latin alphabet: a definition's first word, not
    a formula's next term ("cosψ − μS sinψ")."""
    return len(token) >= 2 and all(map(is_vietnamese_letter, token))


def ends_item(before: str, text: str) -> bool:
    """A line stopping short of its column from its edge (`from_the_edge`) ends an item of a
    list or a definition when it ends with a semicolon, or when `text` defines the next
    symbol (`next_definition`)."""
    return before.rstrip().endswith(";") or next_definition(before, text)


def from_the_edge(line: Line, column: Column) -> bool:
    """The line starts at its column's left edge, as a list's or a definition's lines do (a
    centred line starts further in)."""
    return line.box.x0 - column.left < INDENT_MIN * (line.style.size or 10.0)


def starts_item(text: str) -> bool:
    """A line opened by a bullet starts a list item."""
    return bool(_ITEM.match(text.lstrip()))


def _style_class(style: Style) -> tuple[float, bool, str]:
    """Size, weight and family: italics may change inside a paragraph, these do not."""
    return (round(style.size), style.bold, family(style.font))


def family(font: str) -> str:
    """A font's family without its weight and slope ("Times New Roman,Italic" -> "times new
    roman", "Arial-BoldMT" -> "arial")."""
    return _STYLE_SUFFIX.sub("", font).lower()


_STYLE_SUFFIX = re.compile(r"(?:[-,. ]?(?:Bold|Italic|Oblique|Regular|MT|PS|\d+))+$", re.I)


def interleaved_pages(doc: DocumentLike) -> list[int]:
    """Pages where one line of text holds words of two columns: a gap as wide as the gutter
    between two of its words, at the gutter (the reading order would mix the columns)."""
    return mixed_pages(doc.pages, doc.body)


def mixed_pages(pages: list[Page], body: BodyType) -> list[int]:
    """`interleaved_pages` over pages: before `split_across_gutters` mends them, where poppler
    mixed two columns; after, where lines still do."""
    found = []
    for page in pages:
        columns = sorted(find_columns(page, body), key=lambda c: c.left)
        gutters = [(a.right, b.left) for a, b in itertools.pairwise(columns) if b.left > a.right]
        if any(_across(line, gutter) for line in page.lines for gutter in gutters):
            found.append(page.number)
    return found


def _across(line: Line, gutter: tuple[float, float]) -> bool:
    return any(_across_gap(a, b, gutter) for a, b in itertools.pairwise(line.words))


class DocumentLike(Protocol):
    """What `interleaved_pages` reads of a document."""

    @property
    def pages(self) -> list[Page]: ...
    @property
    def body(self) -> BodyType: ...
