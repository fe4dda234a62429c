"""Decoded source text -> `Article`, as named stages: split, measure, label, order, join, case.

Every stage records what it did in `Article.decisions`, for `bantin convert --explain`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from collections.abc import Callable
from pathlib import Path

from bantin import CONVERTER_VERSION as PACKAGE_VERSION
from bantin.convert.casing import (
    BodyCasing,
    english_title_of,
    learn_body,
    needs_restoring,
    restore_case,
)
from bantin.convert.decode import read_source, strip_controls
from bantin.convert.facts import (
    byline_authors,
    byline_titles,
    find_date,
    issue_and_year,
    page_range,
    section_of,
)
from bantin.convert.hyphens import restore_dropped_hyphens
from bantin.convert.join import build_blocks
from bantin.convert.layout import (
    Segment,
    blank_form_fields,
    join_drop_caps,
    measure,
    segment,
    split_lines,
)
from bantin.convert.order import body_flow, restore_column_order, take_title_and_lead
from bantin.convert.roles import (
    AFFILIATION_REASON,
    Labelling,
    RunningHead,
    byline_prefix,
    label,
    name_marks,
    split_byline,
    split_heading_mark,
)
from bantin.convert.scholarly import FRONT_REASON
from bantin.convert.shapes import prose_word
from bantin.convert.symbols import decode_symbol_fonts
from bantin.model import PROSE, Article, Block, BlockKind, Role, SourceLine
from bantin.registry import Registry
from bantin.vietnamese import END_MARK_GLYPHS, PRINTABLE, is_all_caps, nfc

log = logging.getLogger("bantin.convert.text")

CONVERTER_VERSION = PACKAGE_VERSION
RUNNING_HEAD_CONVENTIONS = ("header", "footer")

TextPass = Callable[[str], str]
_GLYPHS = re.escape("".join(sorted(END_MARK_GLYPHS)))
WHITE_RUN_RE = re.compile(r"\s{2,}")
# A mark set apart by white space (or opening the text), or printed after the full stop; a
# glyph glued to the last word takes the place of its full stop and is printed text: it stays.
END_MARK_RE = re.compile(rf"(?:\s+\?|(?:\s+|^|(?<=[.!?…]))[{_GLYPHS}]+|(?<=\.)/\.)\s*$")


def strip_end_mark(text: str) -> str:
    """Remove a decoded end-of-article mark: ' ?', a glyph such as ' ■' set apart or after
    the full stop ('.■'), or the '/.' of './.'. A glyph glued to the last word ('Đảng♦')
    stands where the full stop would and is kept, as printed."""
    # A mark is made of white space, glyphs, '?', '/' and '.' only (the '.' before '/.' too)
    # and ends the text: the pattern is searched from the start of the tail made of those
    # (it looks behind the tail for what the mark is glued to).
    start = len(text)
    while start and (text[start - 1] in _MARK_CHARS or text[start - 1].isspace()):
        start -= 1
    found = END_MARK_RE.search(text, start)
    return (text[: found.start()] if found else text).rstrip()


_MARK_CHARS = frozenset(END_MARK_GLYPHS | set("?/."))


def collapse_spaces(text: str) -> str:
    """Runs of spaces become one; no space at either end."""
    if "  " not in text and PRINTABLE[text]:
        return text.strip()  # no white space but single spaces (isprintable: no other kind)
    return WHITE_RUN_RE.sub(" ", text).strip()


def space_before_punctuation(text: str) -> str:
    """'x2 ,' -> 'x2,', 'hướng x2 .' -> 'hướng x2.', '2πf )' -> '2πf)', 'c2 /c' -> 'c2/c':
    extraction puts a space after a subscript. A space an author typed after a word
    ('thực tiễn ,', 'khác .') is printed and stays. Dot leaders
    ('. . . .') and an ellipsis keep their spaces."""
    if not any(mark in text for mark in SPACED_MARKS):
        return text
    text = COMMA_AFTER_SUBSCRIPT_RE.sub(_close_after_subscript, text)
    text = SLASH_AFTER_SUBSCRIPT_RE.sub(_close_after_subscript, text)
    return AFTER_SUBSCRIPT_RE.sub(_close_after_subscript, text)


SPACED_MARKS = (" ,", " ;", " .", " )", " /")
# 'x2 ,': a comma or semicolon set after a subscript ('tiễn ,' as typed keeps its space).
COMMA_AFTER_SUBSCRIPT_RE = re.compile(r"(?<!\S)(\S*[^\W_]) +([,;])(?= |$)")
# 'c2 /c': a slash set after a subscript, glued to what follows it ('1 / 2' keeps its spaces).
SLASH_AFTER_SUBSCRIPT_RE = re.compile(r"(?<!\S)(\S*[^\W_]) +(/)(?=[^\W_])")


# A variable or a number with its index ('x2', 'rv', '2πf') before ' .' or ' )'.
AFTER_SUBSCRIPT_RE = re.compile(r"(?<!\S)(\S*[^\W_]) +(\.(?!\.)|\))(?= [^.]|$)")


def _close_after_subscript(match: re.Match[str]) -> str:
    """The space goes after a subscript; a word typed with a space before its mark
    ('khác .', 'tiễn ,', as some authors type) keeps it, as printed."""
    token, mark = match.group(1), match.group(2)
    return token + mark if not prose_word(token) or GREEK_RE.search(token) else match.group(0)


GREEK_RE = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")  # a Greek letter names a variable


TEXT_PASSES: Registry[TextPass] = Registry()
TEXT_PASSES.register(collapse_spaces, "collapse_spaces", 100)
TEXT_PASSES.register(space_before_punctuation, "space_before_punctuation", 90)


def fix_and_explain(text: str, passes: Registry[TextPass] | None = None) -> tuple[str, list[str]]:
    """Apply each clean-up pass in order; return the text and the names of those that acted."""
    acted: list[str] = []
    for name in (passes or TEXT_PASSES).names():
        fixed = (passes or TEXT_PASSES)[name](text)
        if fixed != text:
            acted.append(name)
            text = fixed
    return text, acted


def convert_file(path: Path | str, running_head: str = "header") -> Article:
    """Read, decode and convert one source file."""
    text = read_source(path)
    return convert_text(text, path, running_head=running_head)


def convert_text(text: str, path: Path | str = "<text>", running_head: str = "header") -> Article:
    """Turn one article's decoded text into an `Article`; SourceError when it has no title."""
    if running_head not in RUNNING_HEAD_CONVENTIONS:
        raise ValueError(f"running_head must be one of {RUNNING_HEAD_CONVENTIONS}")
    article = Article()
    text = _drop_controls(article, text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _decode_symbols(article, text)
    lines = split_lines(nfc(text))
    for letter, word in join_drop_caps(lines):
        article.note("layout", f"drop cap on line {letter} joined to its word", word)
    for number, pair in restore_dropped_hyphens(lines):
        article.note("layout", f"hyphen dropped at a line end put back: {pair!r}", number)
    for number, field in blank_form_fields(lines):
        article.note("drop", f"blank form field removed: {field!r}", number)
    article.lines = lines
    layout = measure(lines)
    article.note("layout", f"column width {layout.column}, wide lines over {layout.wide}")
    doc = label(Labelling(lines, segment(lines, layout), layout))
    take_title_and_lead(article, doc, path)
    _take_running_heads(article, doc, running_head)
    flow = restore_column_order(list(body_flow(doc.segments)), article, layout.column)
    article.blocks = build_blocks(article, flow)
    _clean_blocks(article)
    _strip_list_markers(article)
    _remove_end_mark(article)
    _restore_case(article)
    _take_byline(article, doc)
    article.date = _dateline_date(article, doc)
    _note_roles(article)
    _warn_missing(article, path)
    return article


def _dateline_date(article: Article, doc: Labelling) -> dt.date | None:
    """The date of a dateline at the top (lines before the body other than the title and
    running heads: 'Đến Tòa soạn ngày 3/4/2022', 'Hà Nội, ngày ...') or of the lead; never a
    date cited in the body or printed in a title or banner (an anniversary, an event)."""
    top = [line.text for line in _top_lines(doc) if line.role not in UNDATED_ROLES]
    date = find_date([*top, article.lead])
    if date is not None:
        article.note("date", f"date {date.isoformat()} from a dateline at the top or the lead")
    return date


UNDATED_ROLES = frozenset({Role.TITLE, Role.RUNNING_HEAD, Role.BLANK})


def _top_lines(doc: Labelling) -> list[SourceLine]:
    """Lines before the running text, which starts with the first two lines of body text in a
    row (a dateline stands on its own line)."""
    top: list[SourceLine] = []
    for line, following in zip(doc.lines, [*doc.lines[1:], None], strict=True):
        if line.role is Role.BODY and following is not None and following.role is Role.BODY:
            break
        top.append(line)
    return top


def _drop_controls(article: Article, text: str) -> str:
    """Control characters (symbol and math fonts map glyphs to them) leave the text."""
    text, found = strip_controls(text)
    if found:
        where = "; ".join(f"{code} on lines {_line_list(lines)}" for code, lines in found.items())
        article.note("drop", f"control characters of a symbol or math font removed: {where}")
    return text


def _decode_symbols(article: Article, text: str) -> str:
    """Symbol fonts' private-use characters as bullets or as the characters they draw."""
    decoded = decode_symbol_fonts(text)
    if decoded != text:
        article.note("decode", "symbol-font characters read as bullets or as what they draw")
    return decoded


def _line_list(numbers: list[int], most: int = 8) -> str:
    unique = sorted(set(numbers))
    listed = ", ".join(map(str, unique[:most]))
    return listed + (f" and {len(unique) - most} more" if len(unique) > most else "")


def _warn_missing(article: Article, path: Path | str) -> None:
    """Say what the text did not give, so an editor knows what a sidecar must supply."""
    missing = [name for name in ("authors", "date", "issue", "year") if not getattr(article, name)]
    if missing:
        log.info("%s: not found in the text: %s", path, ", ".join(missing))


def _take_running_heads(article: Article, doc: Labelling, running_head: str) -> None:
    """Issue, year, section and pages from the running heads, which leave the text."""
    article.issue, article.year = issue_and_year(doc.heads)
    article.section = section_of(doc.heads)
    clusters = _head_clusters(doc.segments)
    by_line = {head.line: head for head in doc.heads}
    fed = _pages_from_form_feeds(doc)
    if fed:
        article.pages = fed
        article.note("pages", "pages counted from form feeds and a printed page number")
        first = fed[0]
        for line in doc.lines:
            line.page += first
    else:
        breaks = [_cluster_page(cluster, by_line) for cluster in clusters]
        article.pages = page_range(breaks, running_head)
        _assign_pages(doc.lines, clusters, article.pages)
    for seg in doc.segments:
        if seg.role is Role.RUNNING_HEAD:
            article.note("drop", f"running head removed: {seg.text!r}", seg.first.number)


def _pages_from_form_feeds(doc: Labelling) -> list[int]:
    """With form feeds marking the page breaks, a page number printed on a page (above or
    below its text) names that page; the pages are then counted from the feeds."""
    text_pages = [line.page for line in doc.lines if line.role is not Role.BLANK]
    if not text_pages or max(text_pages) == 0:
        return []
    page_of = {line.number: line.page for line in doc.lines}
    for head in doc.heads:
        if head.page is not None and head.page - page_of[head.line] >= 1:
            first = head.page - page_of[head.line]
            return list(range(first, first + max(text_pages) + 1))
    return []


def _head_clusters(segments: list[Segment]) -> list[list[Segment]]:
    """Running heads next to each other (only blank lines between) mark one page break."""
    clusters: list[list[Segment]] = []
    previous: Segment | None = None
    for seg in segments:
        if seg.role is Role.RUNNING_HEAD:
            if previous is not None and previous.role is Role.RUNNING_HEAD:
                clusters[-1].append(seg)
            else:
                clusters.append([seg])
        previous = seg
    return clusters


def _cluster_page(cluster: list[Segment], by_line: dict[int, RunningHead]) -> int | None:
    """The page number printed in one running-head cluster, if any."""
    for seg in cluster:
        head = by_line.get(seg.first.number)
        if head is not None and head.page is not None:
            return head.page
    return None


def _assign_pages(lines: list[SourceLine], clusters: list[list[Segment]], pages: list[int]) -> None:
    """Each line gets the page it was printed on, counted from the running-head breaks."""
    if not pages:
        return
    ends = sorted(cluster[-1].last.number for cluster in clusters)
    for line in lines:
        index = bisect.bisect_left(ends, line.number)  # how many breaks end before the line
        line.page = pages[min(index, len(pages) - 1)]


def _clean_blocks(article: Article) -> None:
    for block in article.blocks:
        block.text, acted = fix_and_explain(block.text)
        for name in acted:
            article.note("clean", f"pass {name} changed the {block.kind.value}", block.lines[0])


# A list item's bullet, or its dash followed by a space (a hyphen glued to a word is none).
LIST_MARKER_RE = re.compile(r"^(?:[•●○◦▪▫■□◆❖➢►▸✓✔]\s*|[-–−]\s+)(?=\S)")


def strip_list_marker(text: str) -> str:
    """'• Rửa sạch...' or '- Rửa sạch...' -> 'Rửa sạch...': a list item without the bullet
    or dash that marks it (its number or letter, '1.', 'a)', is part of its text)."""
    return LIST_MARKER_RE.sub("", text, count=1)


def _strip_list_markers(article: Article) -> None:
    """Each paragraph that is a list item is one: an item of a bulleted list, its bullet or
    dash taken off (Markdown draws the list's own)."""
    for block in article.blocks:
        if block.kind is not BlockKind.PARAGRAPH or not block.text:
            continue
        stripped = strip_list_marker(block.text)
        if stripped != block.text:
            marker = block.text[: len(block.text) - len(stripped)].strip()
            article.note("clean", f"list item: its marker {marker!r} taken off", block.lines[0])
            block.text = stripped
            block.kind = BlockKind.ITEM


def _remove_end_mark(article: Article) -> None:
    """The last paragraph loses its end-of-article mark."""
    paragraphs = [b for b in article.blocks if b.kind in PROSE]
    if not paragraphs:
        return
    last = paragraphs[-1]
    stripped = strip_end_mark(last.text)
    if stripped != last.text:
        removed = last.text[len(stripped) :].strip()
        article.note("drop", f"end mark removed: {removed!r}", last.lines[-1])
        _mark_end_line(article, last)
        last.text = stripped


def _mark_end_line(article: Article, block: Block) -> None:
    for line in article.lines:
        if line.number == block.lines[-1]:
            line.reason = "body; ends with the end-of-article mark (removed)"


def _restore_case(article: Article) -> None:
    """Title and headings in small caps or capitals get sentence case and the body's casing."""
    texts = [article.lead, *(b.text for b in article.blocks if b.kind is not BlockKind.HEADING)]
    headings = [
        (block, *split_heading_mark(block.text))
        for block in article.blocks
        if block.kind is BlockKind.HEADING
    ]
    # only the words of the title and of the headings that will be restored are asked about
    asked = [article.title, *(words for _, _, words in headings if needs_restoring(words))]
    body = learn_body(texts, asked=asked)
    restored = _restore_title_case(article.title, body)
    if restored != article.title:
        article.note("case", f"title case restored: {article.title!r} -> {restored!r}")
        article.title = restored
    article.title_en = english_title_of(article)
    for block, number, words in headings:
        fixed = number + restore_case(words, body)
        if fixed != block.text:
            article.note("case", f"heading case restored -> {fixed!r}", block.lines[0])
            block.text = fixed


FORMULA_HOLDER = "QXJZ"  # a word in capitals no text writes, holding a formula's place
TITLE_CAPITAL_WORDS = 3  # words in capitals enough to call a title one in capitals


def _restore_title_case(title: str, body: BodyCasing) -> str:
    """A title in capitals but for words in small letters (formulas, names: 'CHẾ TẠO TiO2
    BẰNG ...', 'CỦA Việt Nam'; a line a legacy capitals font gave in lower case) gets
    sentence case as one all in capitals does, those words kept as printed."""
    words = title.split(" ")
    kept = {i: word for i, word in enumerate(words) if any(map(str.islower, word))}
    others = [word for i, word in enumerate(words) if i not in kept]
    capitals = [word for word in others if sum(map(str.isalpha, word)) >= 2]
    if not kept or len(capitals) < TITLE_CAPITAL_WORDS or not is_all_caps(" ".join(others)):
        return restore_case(title, body)
    held = " ".join(FORMULA_HOLDER if i in kept else word for i, word in enumerate(words))
    restored = restore_case(held, body).split(" ")
    if len(restored) != len(words):
        return restore_case(title, body)
    return " ".join(kept.get(i, word) for i, word in enumerate(restored))


def _take_byline(article: Article, doc: Labelling) -> None:
    """Authors from the byline's names; its affiliation stays in the text as the last
    paragraph; academic titles leave the names, and the explanation lists them."""
    affiliation: list[SourceLine] = []
    bracketed: list[str] = []
    for seg in doc.segments:
        if seg.role is not Role.BYLINE:
            continue
        for line in seg.lines:
            if line.reason == AFFILIATION_REASON:
                affiliation.append(line)
                continue
            if line.reason.startswith(FRONT_REASON):
                continue  # an affiliation under a scholarly title: taken with the front matter
            _take_names(article, line)
            bracketed.extend(split_byline(line.text)[1])
    texts = [*bracketed, *(line.text for line in affiliation)]
    if texts:
        numbers = tuple(line.number for line in affiliation)
        text = collapse_spaces("; ".join(t.strip().rstrip(";") for t in texts))
        article.blocks.append(Block(BlockKind.PARAGRAPH, text, numbers))
        article.note("byline", f"affiliation kept as the last paragraph: {text!r}")


def _take_names(article: Article, line: SourceLine) -> None:
    authors = byline_authors(line.text)
    article.authors.extend(authors)
    article.note("byline", f"authors: {', '.join(a.name for a in authors)}", line.number)
    prefix = [byline_prefix(line.text)] if byline_prefix(line.text) else []
    titles = prefix + byline_titles(line.text) + name_marks(line.text)
    if titles:
        article.note(
            "drop",
            f"byline prefix, titles or footnote marks, not names: {' '.join(titles)!r}",
            line.number,
        )


def _note_roles(article: Article) -> None:
    if not log.isEnabledFor(logging.DEBUG):
        return
    for line in article.lines:
        if line.role is not Role.BODY and line.role is not Role.BLANK:
            log.debug("%d: %s (%s)", line.number, line.role.value, line.reason)
