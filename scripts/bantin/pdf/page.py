"""The PDF route's model of a page: blocks of lines of words, each word with its box and type.

Coordinates are points from the page's top left corner, as poppler gives them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
        for word in self.words:
            if previous is not None and not _touch(previous, word):
                parts.append(" ")
            parts.append(word.text)
            previous = word
        return "".join(parts)

    @property
    def style(self) -> Style:
        """The style that carries most of the line's letters."""
        return dominant_style(self.words)


GLUE = 0.12  # ems: words closer than this are one word set in two fonts
MARK_GLUE = 0.15  # ems of a closing mark: nearer than this, it closes up to the word before
_CLOSING = frozenset(",.;:)]!?")


def _touch(before: Word, after: Word) -> bool:
    size = min(s for s in (before.style.size, after.style.size, 12.0) if s > 0)
    gap, limit = after.box.x0 - before.box.x1, GLUE * size
    if after.text and set(after.text) <= _CLOSING:
        # a comma after a small subscript ("h_j,"): measured against the mark's own size
        limit = max(limit, MARK_GLUE * min(after.style.size or size, 12.0))
    return -size < gap < limit


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
