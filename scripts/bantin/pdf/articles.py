"""An issue cut into articles: each starts at a title (set large, with a byline or running
text close under it); a section banner right above a title goes with it; what comes before the
first article (cover, masthead, contents) is the issue's own front."""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bantin.pdf import roles
from bantin.pdf.fonts import BodyType
from bantin.pdf.page import Box, Page
from bantin.pdf.reading import Para, family
from bantin.vietnamese import is_all_caps, starts_lower

log = logging.getLogger("bantin.pdf")

CONFIRM_WITHIN = 8  # paragraphs after a title where its byline or text must appear
CONFIRM_LINES = 3
ITEM_HEADING_WORDS = 20


@dataclass
class Span:
    """One article's paragraphs in reading order, and the physical pages they lie on."""

    paras: list[Para]
    pages: list[int] = field(default_factory=list)
    section: str = ""  # the heading of the page of news the article is an item of

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
    if len(_LATIN_WORD.findall(para.text)) < 2:
        return False  # a formula set large: its letters Greek or single ("= Ρ δξ")
    if roles.is_caption_text(para.text):
        return False  # a figure's or a table's title set large: "Hình 9: Nhập khẩu (%)"
    if index and roles.is_title(paras[index - 1], body) and paras[index - 1].page == para.page:
        return False  # the second line of a title set apart
    if roles.is_english(para.text) and _title_above(paras, index, body):
        return False  # the English title under the Vietnamese one
    after = paras[index + 1] if index + 1 < len(paras) else None
    if after is not None and after.style == para.style and starts_lower(after.text):
        return False  # a sentence set large that goes on below: running text, not a title
    return _byline_above(paras, index, body) or _confirmed(paras, index, body)


#: A word of two Latin letters or more (Vietnamese ones included): a title has two.
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]{2,}")


def _title_above(paras: Sequence[Para], index: int, body: BodyType) -> bool:
    above = [p for p in paras[max(0, index - 4) : index] if p.page == paras[index].page]
    return any(roles.is_title(p, body) and not roles.is_english(p.text) for p in above)


def _byline_above(paras: Sequence[Para], index: int, body: BodyType) -> bool:
    """A cover names its author over the title."""
    above = [p for p in paras[max(0, index - 3) : index] if p.page == paras[index].page]
    return any(roles.is_byline_para(p, body) for p in above)


def _confirmed(paras: Sequence[Para], index: int, body: BodyType) -> bool:
    """Under a title come its byline, a label or running text (three lines of words, in one
    paragraph or in list items), soon and on the same page (a pull quote, a display line in
    large type or a chart's title over its figures has none)."""
    lines = 0
    for para in paras[index + 1 : index + 1 + CONFIRM_WITHIN]:
        if roles.is_title(para, body):
            continue
        if para.page != paras[index].page:
            return False
        if roles.is_byline_para(para, body) or roles._label_of(para.text.strip()):
            return True
        if not roles.mostly_letters(para.text):
            continue  # a chart's scale, a table's figures: no running text
        lines += len(para.lines)
        if lines >= CONFIRM_LINES:
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


#: A page of advertisements (or a masthead of contact boxes): many pictures, many kinds of
#: type, almost no running text. Its words are no article's.
ADVERT_IMAGES = 8
ADVERT_STYLES = 10
ADVERT_RUNNING = 0.1  # share of its lines that are running text, at the most


def advert_pages(pages: Sequence[Page], body: BodyType) -> frozenset[int]:
    """Pages of advertisements: at least `ADVERT_IMAGES` pictures, `ADVERT_STYLES` kinds of
    type (font and size) and hardly a line of running text; none when that would be every
    page (a document of nothing else is read as it is)."""
    found = set()
    for page in pages:
        lines = page.lines
        if len(page.images) < ADVERT_IMAGES or not lines:
            continue
        styles = {(family(line.style.font), round(line.style.size)) for line in lines}
        running = sum(1 for line in lines if body.is_body(line.style) and len(line.words) >= 5)
        if len(styles) >= ADVERT_STYLES and running <= ADVERT_RUNNING * len(lines):
            found.add(page.number)
    return frozenset(found) if len(found) < len(pages) else frozenset()


#: The rules drawn across a page (by its number): what parts the notices of a page of news.
Rules = Callable[[int], Sequence[Box]]


def _no_rules(_: int) -> Sequence[Box]:
    return ()


def split(
    paras: Sequence[Para],
    body: BodyType,
    skip: frozenset[int] = frozenset(),
    rules: Rules = _no_rules,
) -> tuple[list[Para], list[Span]]:
    """The issue's own front and its articles (pages in `skip`, its contents, are neither)."""
    kept = [para for para in paras if para.page not in skip]
    found = starts(kept, body)
    if not found:
        return [], [without_blank_tail(Span(kept))] if kept else []
    front = kept[: found[0]]
    spans = [Span(kept[a:b]) for a, b in zip(found, [*found[1:], len(kept)], strict=True)]
    spans = [without_blank_tail(span) for span in spans]
    return front, [item for span in spans for item in news_items(span, body, rules)]


#: Words a blank page prints at most: running heads, the journal's name, the page number.
BLANK_WORDS = 40


def without_blank_tail(span: Span) -> Span:
    """The span without its last pages that hold no written word: the blank pages that end a
    printed signature print only the running head, the page number, the journal's name in
    capitals or a stray mark, and are no page of the article (nor their marks its text)."""
    paras, pages = span.paras, list(span.pages)
    while len(pages) > 1:
        texts = [para.text for para in paras if pages[-1] in para.pages]
        if any(map(_written, texts)) or sum(len(text.split()) for text in texts) > BLANK_WORDS:
            break  # running text, or a table of figures with its headings in capitals
        last = pages.pop()
        paras = [para for para in paras if last not in para.pages]
    if len(paras) == len(span.paras):
        return span
    return Span(paras, section=span.section)


def _written(text: str) -> bool:
    """A word of two small letters or more: running text, not a banner in capitals, a
    number or a mark."""
    return any(sum(map(str.islower, word)) >= 2 for word in text.split())


def news_items(span: Span, body: BodyType, rules: Rules = _no_rules) -> list[Span]:
    """A page of news: a heading with no byline, right under it the first of several items
    each under a short heading of one type, none numbered, or under a bilingual label, or
    under a rule drawn across the page. Each item is an article, the page's heading their
    section; any other span is one article."""
    paras = span.paras
    first, last = roles.title_run(paras, body)
    last = _page_heading_end(paras, first, last, body)
    opening = _first_item(paras, last)
    if not 0 < last <= opening < len(paras):
        return [span]
    if not (_item_heading(paras[opening], body) or _notice_label(paras[opening])):
        return [span]
    if any(roles.front_label(para, body) for para in paras[: opening + CONFIRM_WITHIN]):
        return [span]  # a byline, a "received" line or an abstract: one article's front
    kind = _type(paras[opening])
    cuts = [
        index
        for index in range(opening, len(paras) - 1)
        if _item_heading(paras[index], body)
        and _type(paras[index]) == kind
        and roles._is_body_text(paras[index + 1], body)
    ]
    cuts = sorted({opening, *cuts, *_marked_notices(paras, opening, body, rules)})
    if len(cuts) < 2:
        return [span]
    section = " ".join(" ".join(p.text.split()) for p in paras[:last] if p.text.strip())
    items = [index for index in cuts if not _cites_passage(paras, index)]
    if items == cuts:
        bounds = [*cuts, len(paras)]
        return [Span(paras[a:b], section=section) for a, b in itertools.pairwise(bounds)]
    # Headings that cite a passage ("Bài Đọc I  Xp 2, 3 ; 3, 12-13") are the readings of one
    # article: under the page's heading when the page opens with them, else the item's.
    head = [Span(paras[: items[0] if items else len(paras)])] if cuts[0] not in items else []
    bounds = [*items, len(paras)]
    return head + [Span(paras[a:b], section=section) for a, b in itertools.pairwise(bounds)]


#: A passage cited at the end of a heading: a book's short name, chapter and verses
#: ("Xp 2, 3 ; 3, 12-13", "1 Cr 1, 26-31", "Tv 145, 7, 8-9a. 9bc-10", "Mt 5, 1-12a").
_PASSAGE = re.compile(
    r"(?:^|\s)(?:[1-3]\s?)?[A-ZĐ][a-zđ]{0,3}\.?\s+\d{1,3}\s*[,:]\s*\d{1,3}[a-z]{0,3}"
    r"(?:\s*[-–.;,]\s*\d{1,3}[a-z]{0,3})*\s*$"
)


def _cites_passage(paras: Sequence[Para], index: int) -> bool:
    """A heading that ends with a passage's reference, or is followed on its line by one
    (or is that reference, set apart from its heading)."""
    para = paras[index]
    if _PASSAGE.search(para.text.strip()):
        return True
    if index + 1 == len(paras):
        return False
    after = paras[index + 1]
    beside = after.page == para.page and after.box.x0 > para.box.x1
    same_line = beside and abs(after.box.y0 - para.box.y0) < para.style.size / 2
    return same_line and bool(_PASSAGE.search(after.text.strip()))


def _page_heading_end(paras: Sequence[Para], first: int, last: int, body: BodyType) -> int:
    """Where the heading of a page of news ends: before a notice's label, a line set beside
    it (a callout) or a line set smaller that is no English name of the heading above."""
    for index in range(first + 1, last):
        para, above = paras[index], paras[index - 1]
        smaller = para.style.size < above.style.size - 0.5 and not roles.is_english(para.text)
        if _notice_label(para) or _beside(para, paras[first:index]) or smaller:
            return index
    return last


def _first_item(paras: Sequence[Para], last: int) -> int:
    """The first paragraph under a page's heading that is not set beside it."""
    index = last
    while index < len(paras) and _beside(paras[index], paras[:last]):
        index += 1
    return index


def _beside(para: Para, heading: Sequence[Para]) -> bool:
    """Set to the right of a line of the heading, level with it: a callout, not a notice."""
    return any(
        other.page == para.page
        and para.box.x0 > other.box.x1
        and para.box.y0 < other.box.y1
        and other.box.y0 < para.box.y1
        for other in heading
    )


#: A notice's label naming it in two languages ("Suy Niệm | Reflections"), or framed by
#: double colons (":: Announcements / Thông Báo ::").
_LABEL = re.compile(r"^(?:\S.{0,80}\S \| \S.{0,80}|::\s*\S.{0,100}\S\s*::)$")
LABEL_MAX_WORDS = 14


def _notice_label(para: Para) -> bool:
    text = " ".join(para.text.split())
    return (
        len(para.lines) == 1 and len(text.split()) <= LABEL_MAX_WORDS and bool(_LABEL.match(text))
    )


RULE_REACH = 3.0  # line heights: how far under a rule the heading of the notice it opens stands


def _marked_notices(paras: Sequence[Para], opening: int, body: BodyType, rules: Rules) -> list[int]:
    """Notices marked as such: under a bilingual or framed label, or under a heading set
    apart right below a rule drawn across the page."""
    found = [index for index in range(opening, len(paras)) if _notice_label(paras[index])]
    for number in sorted({para.page for para in paras[opening:]}):
        for rule in rules(number):
            index = _under_rule(paras, opening, number, rule)
            if index is not None and roles._set_apart(paras[index], body):
                found.append(index)
    return found + _page_openers(paras, opening, body)


def _page_openers(paras: Sequence[Para], opening: int, body: BodyType) -> list[int]:
    """A notice's heading that opens a later page of the news (topmost on it, followed by
    text) starts a notice of its own."""
    found = []
    for index in range(opening + 1, len(paras) - 1):
        para = paras[index]
        if para.page == paras[index - 1].page:
            continue
        on_page = [p for p in paras[index:] if p.page == para.page]
        topmost = para.box.y0 <= min(p.box.y0 for p in on_page) + 1
        after = paras[index + 1]
        if topmost and _item_heading(para, body) and roles._is_body_text(after, body):
            found.append(index)
    return found


def _under_rule(paras: Sequence[Para], opening: int, number: int, rule: Box) -> int | None:
    """The paragraph right under a rule, across its width, if it stands close under it."""
    below = [
        index
        for index in range(opening, len(paras))
        if paras[index].page == number
        and paras[index].box.y0 >= rule.y0 - 1
        and paras[index].box.x_overlap(rule) > 0
    ]
    if not below:
        return None
    index = min(below, key=lambda i: (paras[i].box.y0, paras[i].box.x0))
    para = paras[index]
    reach = RULE_REACH * para.lines[0].box.height
    return index if para.box.y0 - rule.y1 <= reach else None


def _item_heading(para: Para, body: BodyType) -> bool:
    """A news item's heading: a short line set apart, not numbered, not a sentence, not a
    byline, followed by text."""
    text = para.text.strip()
    words = text.split()
    if not 2 <= len(words) <= ITEM_HEADING_WORDS or len(para.lines) > 2:
        return False
    if text.endswith((".", ",", ";", ":")) or roles.numbered(text):
        return False
    style = para.style
    apart = style.bold or style.italic or is_all_caps(text)
    sized = body.ratio(style) >= roles.HEADING_MIN_RATIO
    return apart and sized and not roles.is_byline_para(para, body) and not roles._label_of(text)


def _type(para: Para) -> tuple[str, int]:
    """The family and size of a heading: a page's items may differ in weight or slope."""
    style = para.style
    return (family(style.font), round(style.size))
