"""Fractions of a display formula, written on one line.

An equation editor sets a fraction as its numerator over a bar and its denominator under it,
or, skewed, the numerator up left of a slash and the denominator down right of it; poppler
gives the pieces at their heights ("W" over "P =" over "A× t"), which read as three lines.
Where the page draws a bar (a flat path) with pieces right over it and right under it, all
within its width, or a slash between two pieces, those pieces are a fraction: "P = W/(A× t)".
Slashes and the narrowest bars first, so that a fraction of fractions is written with its
parts in brackets: "(yw/ya)/(xw/xa)". A formula in which no fraction is found is written as
before, its rows one under another.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bantin.pdf.page import Box, Line, Page, Word, union_of
from bantin.pdf.reading import Column, take_out
from bantin.pdf.rules import Drawing

BAR_MAX_HEIGHT = 1.5  # points: a fraction's bar is a line (a wider band is a box or a cell)
BAR_MIN_WIDTH = 3.0  # points: narrower is a mark (a minus sign drawn, a dot)
NEAR = 0.8  # of a piece's type size: how far over or under its bar a numerator stands at most
STACKED = 0.5  # of a piece's type size: the gap between two rows of one numerator, at most
PIECE_GAP = 1.0  # of a word's height: a wider gap between two words of a line parts them
SLASH_REACH = 0.5  # of a piece's height: how far from a slash its two parts may stand
EDGE = 0.3  # of a piece's height: how far past its bar's ends a numerator may stand
MARGIN = 4.0  # points around a formula inside which its bars are looked for


@dataclass
class _Piece:
    text: str
    box: Box
    axis: float = 0.0  # the height its row is read at: its middle, or its fraction's bar
    size: float = 0.0  # the size of its type (the largest of its words')

    def __post_init__(self) -> None:
        self.axis = self.axis or self.box.cy


def strokes(drawing: Drawing, box: Box) -> tuple[list[Box], list[Box]]:
    """The bars and the slashes a page draws inside `box`: flat paths as wide as a few
    points at least, and slanted strokes (drawn lines as high as wide, or nearly)."""
    bars: list[Box] = []
    slashes: list[Box] = []
    for path in drawing[1]:
        found = path.box
        if not (
            box.x0 - MARGIN <= found.x0
            and found.x1 <= box.x1 + MARGIN
            and box.y0 - MARGIN <= found.y0
            and found.y1 <= box.y1 + MARGIN
        ):
            continue
        if found.height <= BAR_MAX_HEIGHT and found.width >= BAR_MIN_WIDTH:
            bars.append(found)
        elif path.stroked and not path.rectangle and _slanted(found):
            slashes.append(found)
    return bars, slashes


def _slanted(box: Box) -> bool:
    """A stroke as high as wide, or nearly, and a few points long: a slash."""
    return box.width >= BAR_MIN_WIDTH and box.width <= 3 * box.height <= 9 * box.width


def stacked(lines: Sequence[Line]) -> bool:
    """Some of the lines stand over others: the formula may hold a fraction."""
    return any(a.box.y1 <= b.box.cy and a.box.x_overlap(b.box) > 0 for a in lines for b in lines)


def written(lines: Sequence[Line], bars: Sequence[Box], slashes: Sequence[Box] = ()) -> str:
    """The formula of `lines` with its fractions on one line ("" when none is found); its
    rows one under another when something else stands over or under them (a system, a
    matrix, a sum's limits)."""
    pieces = [piece for line in lines for piece in _parts(line)]
    if any(_MATRIX.search(piece.text) for piece in pieces):
        return ""  # a matrix's rows and columns are read as its rows, one under another
    pieces = _tall_brackets(pieces)
    found = False
    for slash in sorted(slashes, key=lambda box: box.width):
        pieces, made = _skewed(pieces, slash)
        found = found or made
    for bar in sorted(bars, key=lambda box: box.width):
        pieces, made = _stacked(pieces, bar)
        found = found or made
    if not found:
        return ""
    return "\n".join(" ".join(piece.text for piece in row) for row in _rows(pieces))


def _parts(line: Line) -> list[_Piece]:
    """A line's words in runs, parted where a gap wider than PIECE_GAP stands between two,
    and around the pieces of a tall bracket ("⎛", "⎜", "⎝") and the relation signs standing
    alone ("="), each a run of its own."""
    runs: list[list[Word]] = []
    for word in [piece for printed in line.words for piece in _tall_apart(printed)]:
        alone = word.text in _TALL or word.text in _RELATIONS
        close = runs and _close(runs[-1][-1], word)
        before = runs[-1][-1].text if runs else ""
        if close and not alone and before not in _TALL and before not in _RELATIONS:
            runs[-1].append(word)
        else:
            runs.append([word])
    return [
        _Piece(
            Line.of(run).text,
            union_of([word.box for word in run]),
            size=max(word.style.size for word in run),
        )
        for run in runs
    ]


def _tall_apart(word: Word) -> list[Word]:
    """A word with a tall bracket's piece glued to it ("⎜1+") as that piece and the rest,
    each as wide as its share of the letters."""
    text = word.text
    if len(text) < 2 or not (text[0] in _TALL or text[-1] in _TALL):
        return [word]
    cut = 1 if text[0] in _TALL else len(text) - 1
    box = word.box
    at = box.x0 + box.width * cut / len(text)
    return [
        replace(word, text=text[:cut], box=Box(box.x0, box.y0, at, box.y1)),
        replace(word, text=text[cut:], box=Box(at, box.y0, box.x1, box.y1)),
    ]


def _close(before: Word, word: Word) -> bool:
    """Two words of one run: a gap narrower than PIECE_GAP, and, between words of two sizes
    (a limit of an integral or a sum after a fraction), next to none (a script's)."""
    gap = word.box.x0 - before.box.x1
    if gap > PIECE_GAP * word.box.height:
        return False
    sizes = sorted((before.style.size, word.style.size))
    return sizes[0] >= SAME_SIZE * sizes[1] or gap <= TOUCH * word.box.height


SAME_SIZE = 0.9  # two sizes this near are one type's
TOUCH = 0.15  # of a word's height: a script's gap to its base at the most


#: Relation signs standing alone: a fraction's line, never inside its numerator.
_RELATIONS = frozenset("=<>≤≥≈≠≡∼⇒⇔→")
#: The pieces of a tall bracket an equation editor sets one over another, and the bracket.
_TALL = {**dict.fromkeys("⎛⎜⎝", "("), **dict.fromkeys("⎞⎟⎠", ")")}


def _tall_brackets(pieces: list[_Piece]) -> list[_Piece]:
    """The pieces of each tall bracket (standing over each other) as one bracket."""
    out = [piece for piece in pieces if piece.text not in _TALL]
    brackets: list[_Piece] = []
    for piece in sorted((p for p in pieces if p.text in _TALL), key=lambda p: p.box.y0):
        sign = _TALL[piece.text]
        same = next(
            (b for b in brackets if b.text == sign and b.box.x_overlap(piece.box) > 0), None
        )
        if same is None:
            brackets.append(_Piece(sign, piece.box))
        else:
            same.box = union_of([same.box, piece.box])
            same.axis = same.box.cy
    return out + brackets


def _skewed(pieces: list[_Piece], slash: Box) -> tuple[list[_Piece], bool]:
    """A skewed fraction: the piece ending nearest the slash on its left, standing higher,
    and the one starting nearest it on its right, standing lower."""
    left = [
        p
        for p in pieces
        if slash.x0 - SLASH_REACH * p.box.height <= p.box.x1 <= slash.cx + 1
        and p.box.cy < slash.cy < p.box.y1 + p.box.height
    ]
    right = [
        p
        for p in pieces
        if slash.cx - 1 <= p.box.x0 <= slash.x1 + SLASH_REACH * p.box.height
        and p.box.y0 - p.box.height < slash.cy < p.box.cy
    ]
    if not left or not right:
        return pieces, False
    over = max(left, key=lambda p: p.box.x1)
    under = min(right, key=lambda p: p.box.x0)
    text = f"{_bracketed(over.text)}/{_bracketed(under.text)}"
    made = _Piece(text, union_of([over.box, under.box]), slash.cy, max(over.size, under.size))
    return [p for p in pieces if p is not over and p is not under] + [made], True


def _stacked(pieces: list[_Piece], bar: Box) -> tuple[list[_Piece], bool]:
    """A fraction over and under `bar`: the pieces within its width right over it (and those
    stacked over them), and those right under it (and under them)."""
    inside = [p for p in pieces if _within(p.box, bar) and _ATOM_OR_MORE.search(p.text)]
    over = _stack([p for p in inside if p.box.cy < bar.y0], bar.y0, upward=True)
    under = _stack([p for p in inside if p.box.cy > bar.y1], bar.y1, upward=False)
    if not over or not under:
        return pieces, False
    text = f"{_bracketed(_row_text(over))}/{_bracketed(_row_text(under))}"
    parts = over + under
    made = _Piece(
        text, union_of([bar, *(p.box for p in parts)]), bar.cy, max(p.size for p in parts)
    )
    return [p for p in pieces if p not in over and p not in under] + [made], True


def _within(box: Box, bar: Box) -> bool:
    edge = EDGE * box.height
    return bar.x0 - edge <= box.x0 and box.x1 <= bar.x1 + edge


def _stack(candidates: list[_Piece], edge: float, upward: bool) -> list[_Piece]:
    """The pieces standing right over (`upward`) or under the bar at `edge`, and those
    stacked on them (a fraction's own numerator over its bar), the nearest first."""

    def gap(piece: _Piece, at: float) -> float:
        return at - piece.box.y1 if upward else piece.box.y0 - at

    taken: list[_Piece] = []
    at = edge  # the far side of the pieces taken
    for piece in sorted(candidates, key=lambda p: gap(p, edge)):
        height = piece.size or piece.box.height  # (a fraction's own is its type's size)
        if gap(piece, edge) <= NEAR * height:
            pass  # right over the bar (or under it): one row, or pieces side by side
        elif not (taken and gap(piece, at) <= STACKED * height and _script(piece, taken)):
            break
        taken.append(piece)
        at = min(at, piece.box.y0) if upward else max(at, piece.box.y1)
    return taken


SCRIPT = 0.85  # of the height of the pieces taken: a script's, set smaller


def _script(piece: _Piece, taken: list[_Piece]) -> bool:
    """A piece stacked on a numerator (or under a denominator) is its script, set smaller
    ("2 2" over "ωh ... ωh"), not a fraction nor a row of the formula before (or after)."""
    return "/" not in piece.text and 0 < piece.size <= SCRIPT * max(p.size for p in taken)


def _row_text(pieces: list[_Piece]) -> str:
    return " ".join(" ".join(piece.text for piece in row) for row in _rows(pieces))


def _rows(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Pieces in rows by the height they stand at, as the formula's lines are read without
    fractions: top to bottom, a piece whose middle stands above the lowest bottom of the row
    above is in it; each row left to right. A fraction stands as a line of the formula's
    type through its bar."""
    if not pieces:
        return []
    size = statistics.median(piece.size or piece.box.height for piece in pieces)
    rows: list[list[_Piece]] = []
    bottoms: list[float] = []
    for piece in sorted(pieces, key=lambda p: _band(p, size)[0]):
        top, bottom = _band(piece, size)
        if rows and (top + bottom) / 2 < bottoms[-1]:
            rows[-1].append(piece)
            bottoms[-1] = max(bottoms[-1], bottom)
        else:
            rows.append([piece])
            bottoms.append(bottom)
    return [sorted(row, key=lambda p: p.box.x0) for row in rows]


def _band(piece: _Piece, size: float) -> tuple[float, float]:
    """Where a piece stands: its box, or a fraction's line of type through its bar."""
    if piece.axis != piece.box.cy:
        return piece.axis - size / 2, piece.axis + size / 2
    return piece.box.y0, piece.box.y1


#: A numerator or a denominator holds a letter or a figure: not only a mark of punctuation
#: (the comma after a fraction), a sign or a big operator ("∫"), nor a formula's number at
#: the margin ("(52)").
_ATOM_OR_MORE = re.compile(r"^(?!\(\d{1,3}[a-z]?\)$).*\w")


#: The pieces of a matrix's or a determinant's brackets (Adobe's private-use bracket
#: extensions, Unicode's square bracket pieces).
_MATRIX = re.compile("[\uf8e5-\uf8ff⎡⎢⎣⎤⎥⎦]")
_ATOM = re.compile(r"[^\s+\-−–×÷=/·*<>≤≥±]+")  # no space nor sign: "x2", "h(w,t)", "ρ"


def _bracketed(text: str) -> str:
    """A numerator or a denominator of more than one symbol in brackets."""
    return text if _ATOM.fullmatch(text) else f"({text})"


# -- fractions inside a line of text ------------------------------------------------------

STACK_WORDS = 6  # words of a numerator or a denominator set inside a line, at the most
STACK_WIDTH = 0.35  # of the page's width: the widest numerator or denominator inside a line
STACK_GAP = 0.6  # of a line's height: the widest gap between a numerator and its denominator
CENTRED = 0.15  # of the wider's width: how far apart a numerator's and a denominator's middles
BESIDE = 1.0  # of the line's height: how far from the text on its line a fraction may stand


@dataclass
class _Inline:
    over: Line
    under: Line
    row: list[Line]  # the pieces of the line of text the fraction stands in, left to right


def inline_stacks(page: Page, columns: Sequence[Column] = ()) -> list[_Inline]:
    """The fractions a line of text may hold (the page's drawings say which are): a short
    line right over another, centred on it, the two astride a line of text level with them
    in their column (`columns`, where known), which leaves room for them
    (`join_inline_fractions`)."""
    lines = page.lines
    short = [line for line in lines if _stackable(line, page)]
    pairs = [
        (over, under)
        for over in short
        for under in short
        if under is not over and _stacked_on(over, under)
    ]
    members = {id(line) for pair in pairs for line in pair}
    text = [line for line in lines if id(line) not in members]
    found: list[_Inline] = []
    for over, under in pairs:
        middle = (over.box.cx + under.box.cx) / 2
        column = next((c for c in columns if c.left - 2 <= middle <= c.right + 2), None)
        row: list[Line] = []
        if column is not None:  # the line of text is in the fraction's column, no other
            edge = over.box.height
            inside = [
                line
                for line in text
                if column.left - edge <= line.box.x0 and line.box.x1 <= column.right + edge
            ]
            row = _astride(over, under, inside)
        if not row:  # (columns found on a page of formulas may be none)
            row = _astride(over, under, text)
        if row:
            found.append(_Inline(over, under, row))
    return found


def _stackable(line: Line, page: Page) -> bool:
    """A line that may be a numerator or a denominator: short, and no formula's number."""
    if len(line.words) > STACK_WORDS or line.box.width > STACK_WIDTH * page.width:
        return False
    return not _NUMBER.fullmatch(line.text.strip())


def _stacked_on(over: Line, under: Line) -> bool:
    """`under` right under `over`, the two centred on each other (as an equation editor
    sets them; lines of text flush with their column's edge are not)."""
    a, b = over.box, under.box
    height = min(a.height, b.height)
    gap = b.y0 - a.y1
    if not -0.3 * height <= gap <= STACK_GAP * height or a.cy >= b.cy:
        return False
    centred = abs(a.cx - b.cx) <= CENTRED * max(a.width, b.width) + 2.0
    return centred and a.x_overlap(b) >= 0.5 * min(a.width, b.width)


def _astride(over: Line, under: Line, lines: list[Line]) -> list[Line]:
    """The pieces of the line of text (`lines`: those no numerator nor denominator) right
    left and right of the fraction, level with it and within reach, one of them holding a
    word of text, none of their words inside its width; none if the pieces of that line
    within reach of each other hold too few words of text (a display formula's line)."""
    x0 = min(over.box.x0, under.box.x0)
    x1 = max(over.box.x1, under.box.x1)
    level = [
        line
        for line in lines
        if line is not over
        and line is not under
        and over.box.cy < line.box.cy < under.box.cy
        and line.box.y0 < over.box.y1
        and line.box.y1 > under.box.y0
        and not _NUMBER.fullmatch(line.text.strip())  # a formula's number at the margin
    ]
    if not level:
        return []
    reach = BESIDE * max(line.box.height for line in level)
    lefts = [line for line in level if x0 - reach <= line.box.x1 <= x0 + 1]
    rights = [line for line in level if x1 - 1 <= line.box.x0 <= x1 + reach]
    row = [max(lefts, key=lambda line: line.box.x1)] if lefts else []
    row += [min(rights, key=lambda line: line.box.x0)] if rights else []
    if not any(_worded(word.text) for line in row for word in line.words):
        return []  # a formula's pieces on either side: a display formula
    chain = list(row)
    left = min([x0, *(line.box.x0 for line in row)])
    right = max([x1, *(line.box.x1 for line in row)])
    grown = True
    while grown:  # the rest of the line, for its words of text
        grown = False
        for line in level:
            if all(line is not taken for taken in chain) and (
                left - reach <= line.box.x1 <= left + 1 or right - 1 <= line.box.x0 <= right + reach
            ):
                chain.append(line)
                left, right = min(left, line.box.x0), max(right, line.box.x1)
                grown = True
    words = [word for line in chain for word in line.words]
    if any(word.box.x1 > x0 + 1 and word.box.x0 < x1 - 1 for word in words):
        return []
    if sum(_worded(word.text) for word in words) < TEXT_WORDS:
        return []  # a display formula's line: its pieces are read together (`written`)
    return sorted(row, key=lambda line: line.box.x0)


TEXT_WORDS = 2  # words of running text on a line that makes it a line of text
_NUMBER = re.compile(r"\(\d{1,3}[a-z]?\)")


def _worded(token: str) -> bool:
    """A word of running text: letters only, with a Vietnamese letter ("hiệu", "với"), or
    four letters or more ("where"); not a variable or a function ("ai", "sin")."""
    word = token.strip(".,;:()“”\"'")
    if not word.isalpha():
        return False
    return len(word) >= 4 or any(not char.isascii() and not _greek(char) for char in word)


def _greek(char: str) -> bool:
    return "\u0370" <= char <= "\u03ff"


def join_inline_fractions(page: Page, drawing: Drawing, stacks: list[_Inline]) -> None:
    """Each fraction set inside a line of text, where the page draws its bar between its
    numerator and its denominator, written into that line ("ai = (1 − iqi)/(1 − iq(n+1)) với
    ..."): the line's pieces and the fraction one line, the numerator's and denominator's
    lines gone."""
    gone: list[Line] = []
    into: dict[int, Line] = {}  # a piece of a line of text joined into another: that one
    for stack in stacks:
        if any(line is stack.over or line is stack.under for line in gone):
            continue
        bar = _bar_between(stack.over, stack.under, drawing)
        if bar is None:
            continue
        row: list[Line] = []
        for line in stack.row:
            line = into.get(id(line), line)
            if all(line is not other for other in row):
                row.append(line)
        row.sort(key=lambda line: line.box.x0)
        x0 = min(stack.over.box.x0, stack.under.box.x0, bar.x0)
        x1 = max(stack.over.box.x1, stack.under.box.x1, bar.x1)
        host = min(row, key=lambda line: min(abs(line.box.x1 - x0), abs(line.box.x0 - x1)))
        text = f"{_bracketed(stack.over.text)}/{_bracketed(stack.under.text)}"
        style = host.words[-1].style if host.box.x1 <= x0 + 1 else host.words[0].style
        fraction = Word(text, Box(x0, host.box.y0, x1, host.box.y1), style)
        words = sorted([*(w for line in row for w in line.words), fraction], key=_left)
        row[0].words = words
        row[0].box = union_of([word.box for word in words])
        gone += [stack.over, stack.under, *row[1:]]
        into.update({id(line): row[0] for line in row[1:]})
        into.update({key: row[0] for key, line in into.items() if line in row[1:]})
    if gone:
        take_out(page, gone)


def _left(word: Word) -> float:
    return word.box.x0


def _bar_between(over: Line, under: Line, drawing: Drawing) -> Box | None:
    """A flat path drawn between a numerator and its denominator, about as wide as the
    wider of them and no piece of a longer rule (a table's, between two rows of a cell)."""
    width = max(over.box.width, under.box.width)
    flat = [path.box for path in drawing[1] if path.box.height <= BAR_MAX_HEIGHT]
    for bar in flat:
        if not over.box.cy < bar.cy < under.box.cy:
            continue
        covered = bar.x_overlap(union_of([over.box, under.box]))
        if covered < 0.8 * width or bar.width > BAR_SPAN * width + BAR_PAD:
            continue
        if not any(_continues(bar, other) for other in flat if other is not bar):
            return bar
    return None


BAR_SPAN = 1.3  # a fraction's bar is at most this many times as wide as its wider part...
BAR_PAD = 4.0  # ... and these points


def _continues(bar: Box, other: Box) -> bool:
    """`other` goes on from `bar` at its height, end to end: the two are one rule."""
    level = abs(other.cy - bar.cy) <= 1.0
    return level and (abs(other.x0 - bar.x1) <= 2.0 or abs(bar.x0 - other.x1) <= 2.0)
