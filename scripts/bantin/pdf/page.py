"""The PDF route's model of a page: blocks of lines of words, each word with its box and type.

Coordinates are points from the page's top left corner, as poppler gives them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bantin.vietnamese import is_syllable


@dataclass(frozen=True, slots=True)
class Style:
    """The type a word is set in: font name (no subset prefix), size in points, weight, slope,
    colour, and the legacy 8-bit encoding the font uses, if any."""

    font: str
    size: float
    bold: bool = False
    italic: bool = False
    color: str = "#000000"
    encoding: str | None = None


NO_STYLE = Style("", 0.0)


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on the page."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    def union(self, other: Box) -> Box:
        return Box(
            min(self.x0, other.x0),
            min(self.y0, other.y0),
            max(self.x1, other.x1),
            max(self.y1, other.y1),
        )

    def x_overlap(self, other: Box) -> float:
        return min(self.x1, other.x1) - max(self.x0, other.x0)

    def y_overlap(self, other: Box) -> float:
        return min(self.y1, other.y1) - max(self.y0, other.y0)

    def leads(self, other: Box, reach: float) -> bool:
        """Level with `other` and left of it, `other` starting within `reach` heights of this
        box's: a label, a number or a mark set apart before the text it opens."""
        level = abs(other.cy - self.cy) <= self.height / 2
        return level and 0 <= other.x0 - self.x1 <= reach * self.height


def union_of(boxes: list[Box]) -> Box:
    """The smallest box holding all of them (at least one)."""
    return Box(
        min(b.x0 for b in boxes),
        min(b.y0 for b in boxes),
        max(b.x1 for b in boxes),
        max(b.y1 for b in boxes),
    )


@dataclass(slots=True, eq=False)
class Word:
    """One word as poppler found it, decoded to Unicode once the fonts are known."""

    text: str
    box: Box
    style: Style = NO_STYLE
    #: a power or a charge over a unit, a letter or a subscript, written in superscript
    #: figures once the roles are known (`reading.write_powers`)
    power: bool = False


@dataclass(slots=True, eq=False)
class Line:
    """Words on one baseline of one block, left to right."""

    words: list[Word]
    box: Box

    @classmethod
    def of(cls, words: list[Word]) -> Line:
        """The line of `words` (at least one), its box around them."""
        return cls(words, union_of([word.box for word in words]))

    @property
    def text(self) -> str:
        """The words, a space between two only where the page leaves one: a subscript, a
        superscript or a change of font inside a word ("CO" + "2") keeps them together."""
        parts: list[str] = []
        previous: Word | None = None
        based = False  # the previous word closes up to the one before it (an index on its base)
        for word in self.words:
            touching = previous is not None and _touch(previous, word, based)
            if previous is not None and not touching:
                parts.append(" ")
            parts.append(word.text)
            previous, based = word, touching
        return "".join(parts)

    @property
    def style(self) -> Style:
        """The style that carries most of the line's letters."""
        return dominant_style(self.words)


GLUE = 0.12  # ems: words closer than this are one word set in two fonts
MARK_GLUE = 0.15  # ems of a closing mark: nearer than this, it closes up to the word before
_CLOSING = frozenset(",.;:)]!?")


def _touch(before: Word, after: Word, based: bool = False) -> bool:
    """`after` closes up to `before`; `based`: `before` closes up to the word before it."""
    if _sideways(before) and _sideways(after) and _stacked(before.box, after.box):
        return False  # one word over the other: a line set sideways ("Giác" over "quan")
    size = min(s for s in (before.style.size, after.style.size, 12.0) if s > 0)
    gap, limit = after.box.x0 - before.box.x1, GLUE * size
    if based and _ends_script(before, after):
        # a sign or a mark after an index ("V_{HS}" then "/ρ", "]^T" then ","): the small
        # space TeX leaves behind an index is measured in the line's type, not the index's
        limit = max(limit, SCRIPT_GLUE * min(after.style.size, 12.0))
    elif after.text and set(after.text) <= _CLOSING:
        # a comma after a small subscript ("h_j,"): measured against the mark's own size
        limit = max(limit, MARK_GLUE * min(after.style.size or size, 12.0))
    if not -size < gap < limit:
        return False
    # (a tight space between two whole syllables, asked only of the few gaps that glue)
    return gap < SYLLABLE_SPACE * size or not _two_syllables(before.text, after.text)


#: ems: a gap this wide between two whole syllables is a tight space of a justified line.
#: Measured: such spaces from 0.05 em in UNETI articles ("vàduy" at 0.117), and a name's
#: pieces a broken font sets 0.089-0.090 em apart ("Giê" "su", "Phê" "rô"): the spaces from
#: 0.095 em are told.
SYLLABLE_SPACE = 0.095


def _two_syllables(first: str, second: str) -> bool:
    """Two Vietnamese syllables that together make none ("và" "duy", "quan" "hệ"): two
    words, not the pieces of one ("Tha" "nh", "ti" "êu") nor a word's ("v" "ector")."""
    if not (first.isalpha() and second.isalpha() and len(first) > 1 and len(second) > 1):
        return False
    return is_syllable(first) and is_syllable(second) and not is_syllable(first + second)


SIDEWAYS = 1.5  # a word of two letters or more this many times taller than wide is set sideways


def _sideways(word: Word) -> bool:
    """A word set sideways (a table's header turned a quarter): taller than wide. A figure or
    a prime set as an index over another ("x" "1" "2", "sq" "'") is one sign: no word."""
    box = word.box
    return len(word.text) >= 2 and box.y1 - box.y0 >= SIDEWAYS * (box.x1 - box.x0)


def _stacked(before: Box, after: Box) -> bool:
    """One box over the other, across most of the narrower one's width (an index after an
    index, "NH" "4" "+", stands beside it, its width past it)."""
    narrower = min(before.x1 - before.x0, after.x1 - after.x0)
    across = min(before.x1, after.x1) - max(before.x0, after.x0)
    return before.y_overlap(after) <= 0 and across > 0.5 * narrower


SCRIPT_RATIO = 0.85  # an index is set in type smaller than this share of the line's
SCRIPT_GLUE = 0.2  # ems of the line's type after an index: closer, no space (a space is 0.22+)


def _ends_script(before: Word, after: Word) -> bool:
    """`before` is a formula's index (subscript or superscript, in TeX's type; the caller
    knows it stands on a base) and `after` in the line's own type: smaller type, its middle
    off the next word's. A mark opening a line (a footnote's "4") stands on nothing and
    keeps its space."""
    small = 0 < before.style.size < SCRIPT_RATIO * after.style.size
    off = abs(before.box.cy - after.box.cy) >= 0.1 * after.style.size
    return small and off and bool(TEX_FONT.match(before.style.font)) and _formula_sign(after.text)


#: TeX's fonts (Computer Modern, the AMS's, Latin Modern): an index set in one is a formula's,
#: spaced by TeX; a word processor's index may carry a space typed in its own small size.
TEX_FONT = re.compile(
    r"^(?:[A-Z]{6}\+)?(?:CM[A-Z]*\d|MSAM|MSBM|EU[FRSX]M|LM[A-Z]|rm-lm|lmmath)", re.I
)


def _formula_sign(text: str) -> bool:
    """A formula's next sign: one letter (a variable) or a word opening with no letter
    ("/ρ", ",", "+"); a word of the sentence after a note's mark keeps its space."""
    return len(text) == 1 or not text[:1].isalpha()


def dominant_style(words: list[Word]) -> Style:
    weights: dict[Style, int] = {}
    for word in words:
        weights[word.style] = weights.get(word.style, 0) + len(word.text)
    return max(weights, key=lambda style: weights[style]) if weights else NO_STYLE


@dataclass(slots=True, eq=False)
class Block:
    """Lines poppler grouped together (a paragraph, a title, a caption...), in one flow."""

    lines: list[Line]
    flow: int = 0

    @property
    def box(self) -> Box:
        return union_of([line.box for line in self.lines])

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def words(self) -> list[Word]:
        return [word for line in self.lines for word in line.words]

    @property
    def style(self) -> Style:
        return dominant_style(self.words)


@dataclass(eq=False)
class Page:
    """One page: its number (1-based), size, blocks in poppler's reading order, image boxes."""

    number: int
    width: float
    height: float
    blocks: list[Block] = field(default_factory=list)
    images: list[Box] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return [line for block in self.blocks for line in block.lines]
