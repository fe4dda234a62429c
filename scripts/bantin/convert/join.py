"""Join labelled lines into blocks: unwrap lines, rejoin sentences broken by column and page
breaks, and put each caption right after the paragraph it interrupted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bantin.convert.layout import Segment, starts_list_item
from bantin.model import Article, Block, BlockKind, Role, SourceLine
from bantin.vietnamese import ends_sentence, starts_enumeration, starts_new_sentence

SPACES_RE = re.compile(r"[ \t\u00a0]{2,}")
# A point's number or letter alone: '5.', '2.1.', 'b)', '(3)'.
BARE_NUMBER_RE = re.compile(r"\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|\(\d{1,2}\)")
GLUED_HYPHEN_RE = re.compile(r"[^\W_][-‐]$")


def join_pair(left: str, right: str) -> str:
    """Join two wrapped pieces: a hyphen glued to a word joins without a space, else one space."""
    left, right = left.rstrip(), right.strip()
    if not left:
        return right
    if not right:
        return left
    if ends_glued(left):
        return left + right
    return f"{left} {right}"


def ends_glued(text: str) -> bool:
    """A hyphen glued to a word ends the text: the next piece joins without a space."""
    return GLUED_HYPHEN_RE.search(text[-2:]) is not None  # only the end matters


def join_lines(texts: list[str]) -> str:
    """Unwrap the lines of one paragraph into a single line of text: `join_pair` from the
    first line to the last, with each line copied once."""
    pieces = [piece for piece in map(str.strip, texts) if piece]
    joined = " ".join(pieces)
    if "- " not in joined and "‐ " not in joined:
        return collapse_spaces(joined)  # no line ends with a hyphen: one space between lines
    parts: list[str] = []
    glued = True  # nothing goes before the first line
    for piece in pieces:
        if not glued:
            parts.append(" ")
        parts.append(piece)
        glued = ends_glued(piece)
    return collapse_spaces("".join(parts))


def collapse_spaces(text: str) -> str:
    """Runs of spaces become one; no leading or trailing space."""
    if "  " not in text and "\t" not in text and "\u00a0" not in text:
        return text.strip()  # nothing for the pattern to find (most paragraphs)
    return SPACES_RE.sub(" ", text).strip()


def continues(previous: str, following: str) -> bool:
    """A break is a paragraph break only after a finished sentence followed by a new one
    (or by a point lettered in lower case, 'b. ...')."""
    return not (
        ends_sentence(previous)
        and (starts_new_sentence(following) or starts_enumeration(following))
    )


@dataclass
class _Open:
    """The paragraph being built and the captions waiting to follow it."""

    texts: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    figures: list[Block] = field(default_factory=list)
    ends_short: bool = False  # its last segment broke off a sentence with room left


class BlockBuilder:
    """Walks the segments in reading order and emits paragraphs, headings and figures."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.blocks: list[Block] = []
        self.open = _Open()
        self.tail: list[Block] = []

    def add(self, seg: Segment, after_byline: bool) -> None:
        if seg.kind is not None:
            self._flush()
            texts = [line.text.strip() for line in seg.lines]
            preformatted = seg.kind in (BlockKind.EQUATION, BlockKind.TABLE)  # lines as printed
            text = "\n".join(texts) if preformatted else join_lines(texts)
            numbers = tuple(x.number for x in seg.lines)
            last = self.blocks[-1] if self.blocks else None
            if seg.kind is BlockKind.TABLE and last is not None and last.kind is BlockKind.TABLE:
                last.text, last.lines = f"{last.text}\n{text}", last.lines + numbers  # one table
            else:
                self.blocks.append(Block(seg.kind, text, numbers))
        elif seg.role is Role.BODY:
            self._add_body(seg)
        elif seg.role is Role.HEADING:
            self._flush()
            self.blocks.append(_block(BlockKind.HEADING, seg.lines))
        elif seg.role is Role.CAPTION:
            self._add_caption(seg, after_byline)

    def finish(self) -> list[Block]:
        self._flush()
        for figure in self.tail:
            self.article.note("order", "caption moved to the end of the body", figure.lines[0])
        return self.blocks + self.tail

    def _add_body(self, seg: Segment) -> None:
        text = join_lines([line.text for line in seg.lines])
        if self.open.texts:
            previous = self.open.texts[-1]
            if _number_alone(self.open.texts, text):
                self.article.note(
                    "join", "a point's number printed apart goes back on its text", seg.first.number
                )
            elif seg.opens_paragraph:
                self._flush()  # the layout saw the paragraph end: the line before had room
            elif starts_list_item(text) and previous.rstrip().endswith((";", ":")):
                self._flush()  # the next item of a list, its bullet opening a block
            elif _opens_item(self.open.texts[0]) and _after_item(text):
                self._flush()  # a list item (unpunctuated, as items often are) has ended
            elif starts_enumeration(text) and seg.first.number > self.open.lines[-1] + 1:
                self._flush()  # a numbered point in a block of its own opens a paragraph
            elif self.open.ends_short and opens_with_word(text):
                self.article.note(
                    "join",
                    "a paragraph ends where its last line had room left: a new sentence follows",
                    seg.first.number,
                )
                self._flush()
            elif continues(previous, text):
                self._note_join(seg.first)
            else:
                self._flush()
        self.open.texts.append(text)
        self.open.lines.extend(line.number for line in seg.lines)
        self.open.ends_short = seg.ends_short

    def _note_join(self, line: SourceLine) -> None:
        self.article.note(
            "join", "joined across a break: the sentence before it is not finished", line.number
        )

    def _add_caption(self, seg: Segment, after_byline: bool) -> None:
        figure = _block(BlockKind.FIGURE, seg.lines)
        if after_byline:
            self.tail.append(figure)
        elif self.open.texts:
            self.article.note(
                "order", "caption taken out of the paragraph it interrupted", seg.first.number
            )
            self.open.figures.append(figure)
        else:
            self.blocks.append(figure)

    def _flush(self) -> None:
        if self.open.texts:
            text = join_lines(self.open.texts)
            self.blocks.append(Block(BlockKind.PARAGRAPH, text, tuple(self.open.lines)))
        self.blocks.extend(self.open.figures)
        self.open = _Open()


def _number_alone(texts: list[str], following: str) -> bool:
    """The paragraph so far is a point's number alone ('5.') and `following` is text, not
    another number (a column of a table's row numbers) or another point."""
    return (
        len(texts) == 1
        and BARE_NUMBER_RE.fullmatch(texts[0].strip()) is not None
        and BARE_NUMBER_RE.fullmatch(following.strip()) is None
        and not _opens_item(following)
    )


def _opens_item(text: str) -> bool:
    """A bullet or a point's number or letter opens the text ('• ...', '3. ...', 'b. ...')."""
    return starts_list_item(text) or starts_enumeration(text)


def _after_item(text: str) -> bool:
    """A block that cannot go on with a list item's text: the next item, or a sentence
    opening with a capitalised word (an item broken off at a column's foot goes on in lower
    case, or with a code in capitals: 'LMG 2093')."""
    return _opens_item(text) or opens_with_word(text)


def opens_with_word(text: str) -> bool:
    """The text opens with a capitalised word ('Tỷ', not 'LMG', '2093' or '(a)'): a
    sentence's first word or a name."""
    word = text.split(maxsplit=1)[0] if text.strip() else ""
    letters = [char for char in word if char.isalpha()]
    return len(letters) >= 2 and letters[0].isupper() and all(map(str.islower, letters[1:]))


def _block(kind: BlockKind, lines: list[SourceLine]) -> Block:
    return Block(kind, join_lines([line.text for line in lines]), tuple(x.number for x in lines))


def build_blocks(article: Article, flow: Iterable[tuple[Segment, bool]]) -> list[Block]:
    """Blocks of the body from its segments in reading order (each with 'after the byline')."""
    builder = BlockBuilder(article)
    for seg, after_byline in flow:
        builder.add(seg, after_byline=after_byline)
    return builder.finish()
