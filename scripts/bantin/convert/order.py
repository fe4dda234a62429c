"""Reading order: the title band leaves the flow for the front, the body reads on around it.

The extraction may print the title and lead after the first body column; the body segments
keep their source order, and captions after the byline go to the end of the body.
"""

from __future__ import annotations

import itertools
import logging
import re
import statistics
from collections.abc import Iterator
from pathlib import Path

from bantin.convert.join import join_lines
from bantin.convert.layout import Segment, ends_with_stop
from bantin.convert.roles import Labelling
from bantin.convert.scholarly import FRONT_REASON
from bantin.convert.shapes import prose_word
from bantin.exceptions import SourceError
from bantin.model import Article, BlockKind, Role
from bantin.vietnamese import ends_sentence, starts_enumeration, starts_lower

log = logging.getLogger("bantin.convert.order")

FLOW_ROLES = frozenset({Role.BODY, Role.HEADING, Role.CAPTION})


def take_title_and_lead(article: Article, doc: Labelling, path: Path | str) -> None:
    """Title and lead out of the title band, wherever the extraction printed it."""
    title = [line for line in doc.lines if line.role is Role.TITLE]
    if not title:
        raise SourceError(path, "no title found: no wide title band and no leading heading")
    article.title = join_lines([line.text for line in title])
    lead = [line for line in doc.lines if line.role is Role.LEAD]
    article.lead = join_lines([line.text for line in lead if FRONT_REASON not in line.reason])
    _take_front(article, doc)
    if title[0].reason.endswith("(no wide title band found)"):
        log.warning(
            "%s:%d: no title band; the first short block is taken as the title",
            path,
            title[0].number,
        )
    first_body = next((s for s in doc.segments if s.role is Role.BODY), None)
    if first_body is not None and title[0].number > first_body.first.number:
        article.note(
            "order", "title band moved before the body it was printed after", title[0].number
        )


def _take_front(article: Article, doc: Labelling) -> None:
    """Labelled abstracts and keywords: the Vietnamese abstract is the lead."""
    front = doc.front
    if front.get("lead"):
        article.lead = front["lead"]
    article.abstract_en = front.get("abstract_en", "")
    article.title_en = front.get("title_en", "")
    article.affiliations = [a for a in front.get("affiliations", "").split("\n") if a]
    article.keywords = split_keywords(front.get("keywords", ""))
    article.keywords_en = split_keywords(front.get("keywords_en", ""))
    for name, text in front.items():
        article.note("front", f"{name} taken under its label: {text[:60]!r}")


def split_keywords(text: str) -> list[str]:
    """'a, b; c.' -> ['a', 'b', 'c']; a last keyword's ellipsis ('c…', 'c...') goes too.
    Keywords parted by full stops alone ('a. b c.'), a small letter after each, are split
    there too; a dot inside a keyword ('U.S. trade', 'TP. Hồ Chí Minh') stays."""
    text = text.strip().rstrip(".… \t")  # (stray stops and spaces after the last: "oil.  .")
    parts = re.split(r"[,;]", text)
    if len(parts) == 1:
        cuts = [m.start() for m in _STOP_BETWEEN.finditer(text) if text[m.end()].islower()]
        parts = [text[a:b].lstrip(". ") for a, b in itertools.pairwise([0, *cuts, len(text)])]
    return [word.strip() for word in parts if word.strip()]


#: A full stop that may part two keywords: after a word of two letters or more, before a word.
_STOP_BETWEEN = re.compile(r"(?<=[^\W\d_]{2})\.\s+(?=\w)")


def body_flow(segments: list[Segment]) -> Iterator[tuple[Segment, bool]]:
    """Body, heading and caption segments in reading order, each with 'after the byline'."""
    after_byline = False
    for seg in segments:
        after_byline = after_byline or seg.role is Role.BYLINE
        if seg.role in FLOW_ROLES:
            yield seg, after_byline


Flow = list[tuple[Segment, bool]]


FULL_LINE = 0.8  # a line broken off at a column's foot fills this much of the column at least


def restore_column_order(flow: Flow, article: Article, column: int) -> Flow:
    """A column's top block printed out of its place: `pdftotext` sometimes prints the first
    block of a page's next column (it opens in lower case, going on with a sentence) right
    after a paragraph or a list item that ended, long before the foot of the column where
    that sentence broke off. Such a block, itself ending a sentence, goes after the block on
    its page whose sentence breaks off on a full line (as wide as the lines of both blocks,
    else the text's `column` of characters) with nothing to go on with it (a new sentence, a
    heading or the end of the text follows): the first such block below it, else the nearest
    above it. The block must have two lines at least: typesetters leave no lone first line of
    a paragraph at the foot of a column."""
    flow = list(flow)
    moved: set[int] = set()
    index = 0
    while index < len(flow):
        seg = flow[index][0]
        target = None
        if id(seg) not in moved and _stray_column_top(flow, index):
            target = _unfinished_on_page(flow, index, column)
        if target is None:
            index += 1
            continue
        moved.add(id(seg))
        item = flow.pop(index)
        place = target if target < index else target - 1
        flow.insert(place + 1, item)
        article.note(
            "order",
            "block that goes on with a sentence moved after the line where it broke off "
            f"(line {flow[place][0].last.number})",
            seg.first.number,
        )
        if place < index:
            index += 1
    return flow


def _plain_body(seg: Segment) -> bool:
    return seg.role is Role.BODY and seg.kind is None


def _stray_column_top(flow: Flow, index: int) -> bool:
    """A body block opening with a word in lower case (no variable, no '(ii)') right after one
    that ended with a full stop or a list item's ';' (captions between them left aside), and
    ending a sentence itself."""
    seg = flow[index][0]
    if index == 0 or not _plain_body(seg) or not seg.text[:1].islower():
        return False
    if not prose_word(seg.text.split()[0]):
        return False
    before = _text_before(flow, index)
    return (
        before is not None
        and _plain_body(before)
        and (ends_with_stop(before.last.text) or before.last.text.rstrip().endswith(";"))
        and ends_sentence(seg.text)
        and not starts_enumeration(seg.text)
    )


def _text_before(flow: Flow, index: int) -> Segment | None:
    """The nearest block before `index` that is not a caption set apart from it (a figure
    between the columns comes out between their blocks; lines right under a caption, with
    no blank line between, go on with the caption)."""
    following = flow[index][0]
    for other in range(index - 1, -1, -1):
        seg = flow[other][0]
        if seg.role is not Role.CAPTION or following.first.number - seg.last.number < 2:
            return seg
        following = seg
    return None


def _unfinished_on_page(flow: Flow, index: int, column: int) -> int | None:
    """The index of the block on the stray block's page whose sentence is left unfinished,
    nothing going on with it: the first below it, else the nearest above it."""
    page = flow[index][0].first.page
    order: list[int] = [*range(index + 1, len(flow)), *range(index - 1, -1, -1)]  # below, above
    for other in order:
        seg = flow[other][0]
        if seg.last.page != page or not _plain_body(seg) or not _second_line(flow, other):
            continue
        if len(seg.last.text.strip()) < FULL_LINE * _line_width(seg, flow[index][0], column):
            continue
        if _left_unfinished(flow, other, index):
            return other
    return None


def _second_line(flow: Flow, index: int) -> bool:
    """The block's last line is not its paragraph's first: the block has two lines, or goes
    on with the sentence of the body block before it (a wide line is a block of its own)."""
    seg = flow[index][0]
    if len(seg.lines) >= 2:
        return True
    before = flow[index - 1][0] if index else None
    return before is not None and _plain_body(before) and not ends_sentence(before.last.text)


def _line_width(seg: Segment, stray: Segment, column: int) -> float:
    """The width of a full line of the column both blocks were set in, in characters: the
    median of their lines but the last (a paragraph's last line may be short), else the
    text's column."""
    inner = [len(line.text.strip()) for block in (seg, stray) for line in block.lines[:-1]]
    return statistics.median(inner) if inner else column


def _left_unfinished(flow: Flow, index: int, stray: int) -> bool:
    """The block's last sentence breaks off (it ends on a word or a comma) and what comes
    next (on its page or the next), captions, tables and the stray block left aside, does not go on
    with it: a new sentence, a heading, or the end of the text."""
    text = flow[index][0].last.text.rstrip()
    if not text or ends_sentence(text) or not (text[-1].isalnum() or text[-1] == ","):
        return False
    for other in range(index + 1, len(flow)):
        seg = flow[other][0]
        if other == stray or seg.role is Role.CAPTION or seg.kind is BlockKind.TABLE:
            continue  # a table's cells, like a caption, are set apart from the text
        if seg.role is Role.HEADING:
            return True
        return _plain_body(seg) and not starts_lower(seg.text)
    return True
