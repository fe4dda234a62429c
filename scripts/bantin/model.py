"""The article model shared by every stage: source lines, their roles, blocks and the article."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from bantin.bylines import Author


class Role(str, Enum):  # noqa: UP042  (StrEnum would change str() of members)
    """What a line of extracted text is, once labelled."""

    BODY = "body"
    HEADING = "heading"
    TITLE = "title"
    LEAD = "lead"
    CAPTION = "caption"
    RUNNING_HEAD = "running head"
    BYLINE = "byline"
    END_MARK = "end mark"
    BLANK = "blank"


@dataclass(slots=True)
class SourceLine:
    """One line of the decoded source, with its 1-based number and the page it sits on."""

    number: int
    text: str
    page: int = 0
    role: Role = Role.BODY
    reason: str = ""


class BlockKind(str, Enum):  # noqa: UP042  (StrEnum would change str() of members)
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    FIGURE = "figure"  # a figure's or a table's caption
    TABLE = "table"  # rows of cells, one row per line, cells separated by " | "
    EQUATION = "equation"  # a display equation, its lines as printed
    FOOTNOTE = "footnote"
    REFERENCE = "reference"  # one item of the references list
    ITEM = "item"  # one item of a bulleted list, without its bullet or dash


#: The kinds of block that hold the running text: paragraphs and a list's items.
PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.ITEM})


@dataclass
class Block:
    """A unit of the article body: a paragraph, a section heading or a figure caption.

    `anchor` is the stable id frozen in the Markdown the first time it is written.
    `lines` are the source line numbers the block was built from (for --explain).
    `level` nests a list's item under the item before it (a sub-list).
    """

    kind: BlockKind
    text: str
    lines: tuple[int, ...] = ()
    anchor: str = ""
    level: int = 0  # a list's item: 0 an item of the list, 1 an item of an item's own list


@dataclass
class Decision:
    """One step the converter took, for `bantin convert --explain`."""

    stage: str
    message: str
    line: int | None = None


@dataclass
class Article:
    """What the converter recovers from one source text, before metadata overrides."""

    title: str = ""
    lead: str = ""  # the abstract ("Tóm tắt") when the article has one
    authors: list[Author] = field(default_factory=list)
    title_en: str = ""
    affiliations: list[str] = field(default_factory=list)
    abstract_en: str = ""
    keywords: list[str] = field(default_factory=list)
    keywords_en: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)  # why an editor should check it
    date: dt.date | None = None
    issue: int | None = None
    year: int | None = None
    section: str | None = None
    pages: list[int] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    lines: list[SourceLine] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)

    def note(self, stage: str, message: str, line: int | None = None) -> None:
        self.decisions.append(Decision(stage, message, line))
