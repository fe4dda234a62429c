"""One article PDF -> `Article`: the page stages, then the article's front, body and pages.

An article PDF may hold the end of the article before it and the start of the one after it
(articles share pages in a magazine): the article is the one the sidecar names (`start`, or
the title the issue's contents page gives), else the first that starts in the PDF.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from bantin.bylines import DEGREES, parse_byline
from bantin.convert.casing import (
    WORD_SPLIT_RE,
    BodyCasing,
    capitals,
    english_title_of,
    learn_body,
    mostly_capitals,
    name_capitals,
    needs_restoring,
    restore_case,
    unsettled_words,
)
from bantin.convert.roles import (
    names_publisher,
    parse_running_head,
    section_banner,
    split_heading_mark,
)
from bantin.model import PROSE, Article, Block, BlockKind
from bantin.pdf import articles, fractions, roles, structure
from bantin.pdf.document import Document, read_document
from bantin.pdf.figures import claim_figures
from bantin.pdf.fonts import BodyType
from bantin.pdf.ingest import split_issue
from bantin.pdf.reading import Para, write_powers
from bantin.pdf.tables import claim_ruled_tables
from bantin.vietnamese import fold, is_all_caps, spelling_key, title_case_name

log = logging.getLogger("bantin.pdf")

FEW_PARAGRAPHS = 3
SAME_SIZE = 3.0  # points: pages this close in width and height are of one size
HEADLINE_SHARE = 0.5
_GLUED_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*\.)(?=[^\W\d_])")


@dataclass(frozen=True)
class Hints:
    """What the sidecar says of an article PDF: which article it is, and the contents entry."""

    start: int | None = None
    opens: str | None = None  # the words the article opens with, as ingest found them
    until: str | None = None  # and those the next article on its pages opens with
    title: str | None = None  # as the issue's contents page writes it
    authors: tuple[str, ...] = ()
    running_heads: tuple[str, ...] = ()  # what the issue prints in its margins
    body: tuple[float, str] | None = None  # size and font of the issue's running text


def convert_pdf(path: Path, hints: Hints | None = None) -> Article:
    """Read an article PDF and build its article."""
    hints = hints or Hints()
    body = BodyType(*hints.body) if hints.body else None
    doc = read_document(path, running_heads=hints.running_heads, body=body)
    return article_of(doc, pick(doc, hints), hints)


def pick(doc: Document, hints: Hints) -> articles.Span:
    """The span of the article the PDF is for, ending before the next article's first words
    where ingest found them on its pages."""
    span = _picked(doc, hints)
    return _cut_before(span, hints.until) if hints.until else span


def _picked(doc: Document, hints: Hints) -> articles.Span:
    _, spans = split_issue(doc)
    if not spans:
        return articles.Span([])
    opened = _opened_at(spans, hints.opens) if hints.opens else None
    if opened is not None:
        return opened
    if hints.start and hints.start <= len(spans):
        return spans[hints.start - 1]
    if hints.title:
        wanted = _words(hints.title)
        for span in spans:
            if _words(_title_text(span, doc)) == wanted:
                return span
    return spans[0]


def _opened_at(spans: list[articles.Span], words: str) -> articles.Span | None:
    """The article opening with `words`: the span that starts with them, else the paragraphs
    from the one that does to the next span (an article the issue's pages showed starting
    there, which its PDF alone reads as part of the article before)."""
    paras = [para for span in spans for para in span.paras]
    starts = {id(span.paras[0]): span for span in spans if span.paras}
    for index, para in enumerate(paras):
        if not _opens_with(para, words):
            continue
        if id(para) in starts:
            return starts[id(para)]
        end = next((i for i in range(index + 1, len(paras)) if id(paras[i]) in starts), len(paras))
        return articles.Span(paras[index:end])
    return None


def _cut_before(span: articles.Span, words: str) -> articles.Span:
    """The span up to the paragraph (after its first) opening with `words`."""
    for index in range(1, len(span.paras)):
        if _opens_with(span.paras[index], words):
            return articles.Span(span.paras[:index], section=span.section)
    return span


def _opens_with(para: Para, words: str) -> bool:
    wanted = _words(words)
    start = _words(" ".join(para.text.split()[: len(words.split()) + 2]))
    return bool(wanted) and start[: len(wanted)] == wanted


def _title_text(span: articles.Span, doc: Document) -> str:
    roles.label_front(span.paras, doc.body)
    return structure.front_of(span.paras).title


def _words(text: str) -> list[str]:
    """The words of a title, whatever their case and tone-mark placement ("hoá", "hóa")."""
    words = spelling_key(text.replace("-", " ")).split()
    return [word for word in words if any(char.isalnum() for char in word)]


def article_of(doc: Document, span: articles.Span, hints: Hints) -> Article:
    """Label the span and gather its parts into an `Article`."""
    article = Article()
    if not span.paras:
        article.review.append("no text found in the PDF")
        return article
    roles.label_article(span.paras, doc.body, {page.number: page.images for page in doc.pages})
    claim_ruled_tables(span.paras, doc)
    claim_figures(span.paras, doc)
    covers = cover_pages(doc)
    for para in span.paras:
        if para.page in covers and para.role not in roles.FRONT:
            para.role = ""  # a cover's lines (the institution, the supervisor) are no body
    write_powers(span.paras)
    _write_fractions(span.paras, doc)
    front = structure.front_of(span.paras)
    article.blocks = structure.body_blocks(span.paras)
    article.title = front.title
    article.title_en = front.title_en
    article.authors = front.authors
    article.affiliations = front.affiliations
    article.lead = front.abstract
    article.abstract_en = front.abstract_en
    article.keywords = front.keywords
    article.keywords_en = front.keywords_en
    article.section = _section(span.section) or _banner_section(front.banner, doc, span)
    article.pages = printed_pages(doc, span.pages)
    hints = replace(hints, title=restore_case_of(article, hints))
    _review(article, hints, doc, span)
    for para in span.paras:
        article.note("role", f"page {para.page}: {para.role or 'dropped'}: {para.text[:60]!r}")
    return article


def _write_fractions(paras: list[Para], doc: Document) -> None:
    """The display formulas whose pieces stand over each other, written with the fractions
    the page draws bars or slashes for on one line (the pages' drawings read in one pass)."""
    formulas = [p for p in paras if p.role == roles.EQUATION and fractions.stacked(p.lines)]
    doc.read_drawings(sorted({para.page for para in formulas}))
    for para in formulas:
        para.written = fractions.written(
            para.lines, *fractions.strokes(doc.drawing(para.page), para.box)
        )


def cover_pages(doc: Document) -> set[int]:
    """The first pages, when they are of another size than the rest: a cover bound to the
    document (a thesis's letter-size cover on an A5 body, a publisher's cover sheet)."""
    sizes = Counter((round(page.width), round(page.height)) for page in doc.pages)
    if not sizes:
        return set()
    (width, height), count = sizes.most_common(1)[0]
    covers: set[int] = set()
    for page in doc.pages:
        if abs(page.width - width) <= SAME_SIZE and abs(page.height - height) <= SAME_SIZE:
            break
        covers.add(page.number)
    return covers if count >= max(2, len(covers) + 1) else set()


def printed_pages(doc: Document, pages: list[int]) -> list[int]:
    """The page numbers printed on the pages (from their folios), else none."""
    offsets = Counter(
        folio - page for page in doc.furniture if (folio := doc.folio(page)) is not None
    )
    if not offsets:
        return []
    offset, count = offsets.most_common(1)[0]
    if count < max(1, len(doc.furniture) // 3):
        return []
    return [pages[0] + offset, pages[-1] + offset] if pages[0] + offset >= 1 else []


def _running_section(doc: Document, span: articles.Span) -> str:
    """The section banner the article's pages print among their running heads ("KINH TẾ -
    XÃ HỘI" over "TẠP CHÍ ... SỐ 22 - 2020"): on two of its pages at least, half of them."""
    pages = sorted(set(span.pages))
    counts = Counter(
        banner
        for page in pages
        if (furniture := doc.furniture.get(page)) is not None
        for banner in {_banner_of(head) for head in furniture.heads}
        if banner
    )
    if not counts:
        return ""
    banner, count = max(counts.items(), key=lambda item: (item[1], item[0]))
    return banner if count >= max(2, len(pages) / 2) else ""


def _banner_of(head: str) -> str:
    """A running head's section banner, its issue label and page number aside ("KINH TẾ -
    XÃ HỘI - SỐ 5/2021"), or "" when it holds none."""
    text = " ".join(head.split())
    parsed = parse_running_head(text, 0)
    if parsed is not None:
        text = parsed.section or ""
    return text if text and section_banner(text) else ""


def _section(banner: str) -> str | None:
    text = " ".join(banner.split())
    return text if 3 <= len(text) <= 80 else None


def _banner_section(banner: str, doc: Document, span: articles.Span) -> str | None:
    """The band over the title, else the banner the running heads repeat, that names no
    publisher (a first page's band often names the journal or the university)."""
    section = _section(banner)
    if section is None or names_publisher(section):  # the running heads asked only then
        section = _section(_running_section(doc, span))
    return section if section is not None and not names_publisher(section) else None


def restore_case_of(article: Article, hints: Hints) -> str | None:
    """A title in capitals takes the contents page's casing when it gives the same words, else
    the body's own casing; headings in capitals take the body's casing. Returns the contents
    page's title as it is to be used: a contents page in capitals gives words, not case, so
    its title takes the body's casing too."""
    texts = [article.lead, *(b.text for b in article.blocks if b.kind in PROSE)]
    for block in article.blocks:
        if block.kind is BlockKind.HEADING:  # "2.THIẾT KẾ" is "2. THIẾT KẾ"
            block.text = _GLUED_NUMBER.sub(r"\1 ", block.text)
    headings = [
        (block, *split_heading_mark(block.text))
        for block in article.blocks
        if block.kind is BlockKind.HEADING
    ]
    contents = hints.title.strip().rstrip(".").strip() if hints.title else None
    asked = [article.title, *([contents] if contents else []), *(w for _, _, w in headings)]
    body = learn_body(texts, asked=asked)
    if contents and (is_all_caps(contents) or mostly_capitals(contents)):
        contents = _keep_names(contents, restore_case(capitals(contents), body))
    if contents and _words(contents) == _words(article.title):
        article.title = name_capitals(contents, body)
    elif needs_restoring(article.title) or headline_case(article.title):
        restored = _keep_names(article.title, restore_case(capitals(article.title), body))
        article.note("case", f"title case restored: {article.title!r} -> {restored!r}")
        unsettled = ", ".join(repr(word) for word in unsettled_words(restored, body))
        # the words the text never writes are the likeliest wrong: named, and weighed more
        check = f": check the case of {unsettled}" if unsettled else ""
        article.review.append(f"title restored from capitals{check}")
        article.title = restored
    article.title_en = english_title_of(article)
    for block, number, words in headings:
        block.text = number + _restore_capitals(words, body)
    return contents


def _restore_capitals(text: str, body: BodyCasing) -> str:
    """Sentence case for text in capitals, and for the part in capitals that opens a text
    going on in small letters ("THUẬT TOÁN CẢI TIẾN SA-ILS (Simulated Annealing)")."""
    if needs_restoring(text):
        return restore_case(text, body)
    tokens = text.split(" ")
    count = 0
    while count < len(tokens) and not any(char.islower() for char in tokens[count]):
        count += 1
    capitals = " ".join(tokens[:count])
    if sum(1 for token in tokens[:count] if _LETTERS.search(token)) < 2:
        return text
    return " ".join([restore_case(capitals, body), *tokens[count:]])


_LETTERS = re.compile(r"[^\W\d_]{2,}")


def headline_case(text: str) -> bool:
    """Most words capitalised ("Cầu Nguyện cho Bệnh Nhân"): English headline style, which a
    Vietnamese title does not use."""
    words = [word for word in text.split()[1:] if word[:1].isalpha() and not word.isupper()]
    capital = sum(1 for word in words if word[:1].isupper())
    return bool(words) and capital >= HEADLINE_SHARE * len(words)


# Titles before a person's name, written short with a full stop: "Lm. Phi Quang", "TS. Lê A".
_NAME_TITLES = DEGREES | {"lm", "gm", "tgm", "mr", "mrs", "ms", "dr", "st", "sr", "fr"}


def _keep_names(original: str, restored: str) -> str:
    """The restored title with the names its original gave after a person's title ("Hỏi &
    đáp với Lm. Phi Quang" keeps "Lm. Phi Quang"), in the original's letters or, from
    capitals, with a capital on each word."""
    before, after = WORD_SPLIT_RE.split(original), WORD_SPLIT_RE.split(restored)
    if len(before) != len(after):
        return restored
    naming = 0  # words of a name still to come: a Vietnamese name has at most four
    for index in range(1, len(before), 2):
        word = before[index]
        if naming and word[:1].isupper() and not before[index - 1].strip(" ."):
            after[index] = title_case_name(word)
            naming -= 1
            continue
        naming = 4 if fold(word) in _NAME_TITLES and before[index + 1].startswith(".") else 0
        if naming:
            after[index] = word.title() if word.isupper() and fold(word) not in DEGREES else word
    return "".join(after)


def _review(article: Article, hints: Hints, doc: Document, span: articles.Span) -> None:
    """Why an editor should look at the article."""
    span_pages = span.pages
    if not article.title:
        article.review.append("no title found")
    if not article.authors:
        article.review.append("no author found")
    paragraphs = [b for b in article.blocks if b.kind in PROSE]
    if len(paragraphs) < FEW_PARAGRAPHS:
        article.review.append(f"only {len(paragraphs)} paragraphs")
    if hints.title and _words(hints.title) != _words(article.title):
        article.review.append(
            f"contents page gives another title (used) than the page's {article.title!r}"
        )
        article.title = hints.title.strip().rstrip(".").strip()
    found = {fold(a.name) for a in article.authors}
    listed = {fold(a.name) for byline in hints.authors for a in parse_byline(byline)}
    if listed and found and listed != found:
        article.review.append("contents page gives other authors: " + "; ".join(hints.authors))
    mixed = sorted(set(doc.mixed) & set(span_pages))
    if mixed:
        pages = ", ".join(map(str, mixed))
        article.review.append(f"columns may be interleaved on page {pages}: lines held two")
    if any(para.role == roles.TABLE and para.grid is None for para in span.paras):
        article.review.append("has tables: check their rows")  # cells told apart by layout
    if any(enc for enc in doc.encodings.values()):
        article.note(
            "fonts",
            "legacy fonts decoded: "
            + ", ".join(f"{font} ({enc})" for font, enc in sorted(doc.encodings.items()) if enc),
        )


def blocks_text(blocks: list[Block]) -> str:
    return "\n\n".join(block.text for block in blocks)
