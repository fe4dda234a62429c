"""An issue cut into articles: each starts at a title (set large, with a byline or running
text close under it); a section banner right above a title goes with it; what comes before the
first article (cover, masthead, contents) is the issue's own front."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from bantin.pdf import roles
from bantin.pdf.fonts import BodyType
from bantin.pdf.reading import Para

log = logging.getLogger("bantin.pdf")

CONFIRM_WITHIN = 8  # paragraphs after a title where its byline or text must appear


@dataclass
class Span:
    """One article's paragraphs in reading order, and the physical pages they lie on."""

    paras: list[Para]
    pages: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.pages:
            self.pages = sorted({page for para in self.paras for page in para.pages})

    @property
    def first_page(self) -> int:
        return self.pages[0]

    @property
    def last_page(self) -> int:
        return self.pages[-1]


def starts(paras: Sequence[Para], body: BodyType, skip: frozenset[int] = frozenset()) -> list[int]:
    """Indices of the paragraphs that open an article (its banner, else its title)."""
    found: list[int] = []
    for index, para in enumerate(paras):
        if para.page in skip or not _opens_article(paras, index, body):
            continue
        found.append(_with_banner(paras, index, body))
    return found


def _opens_article(paras: Sequence[Para], index: int, body: BodyType) -> bool:
    para = paras[index]
    if not roles.is_title(para, body) or not roles.mostly_letters(para.text):
        return False
    if index and roles.is_title(paras[index - 1], body) and paras[index - 1].page == para.page:
        return False  # the second line of a title set apart
    return _confirmed(paras, index, body)


def _confirmed(paras: Sequence[Para], index: int, body: BodyType) -> bool:
    """Under a title come its byline, a label or running text, soon and on the same page
    (a pull quote or a display line in large type has none)."""
    for para in paras[index + 1 : index + 1 + CONFIRM_WITHIN]:
        if roles.is_title(para, body):
            continue
        if para.page != paras[index].page:
            return False
        if roles.is_byline_para(para, body) or roles._label_of(para.text.strip()):
            return True
        if len(para.lines) >= 3:
            return True
    return False


def _with_banner(paras: Sequence[Para], index: int, body: BodyType) -> int:
    """A short line right above the title, on its page and not running text: its banner."""
    title = paras[index]
    if index == 0:
        return index
    before = paras[index - 1]
    above = before.page == title.page and before.box.y1 <= title.box.y0 + 1
    short = len(before.lines) <= 2 and len(before.text) <= 120
    return index - 1 if above and short and not roles._is_body_text(before, body) else index


def split(
    paras: Sequence[Para], body: BodyType, skip: frozenset[int] = frozenset()
) -> tuple[list[Para], list[Span]]:
    """The issue's own front and its articles (pages in `skip`, its contents, are neither)."""
    kept = [para for para in paras if para.page not in skip]
    found = starts(kept, body)
    if not found:
        return [], [Span(kept)] if kept else []
    front = kept[: found[0]]
    spans = [Span(kept[a:b]) for a, b in zip(found, [*found[1:], len(kept)], strict=True)]
    return front, spans
