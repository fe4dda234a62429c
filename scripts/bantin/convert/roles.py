"""Label each segment of the source with a role through a registry of named rules.

Rules run highest priority first; each looks only at segments still labelled BODY, so a rule
can be replaced (`RULES.register(fn, "caption", 60)`) or removed by name without touching the
others.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bantin.bylines import ORGANISATION_WORDS, SURNAMES, parse_byline, plausible
from bantin.convert.layout import (
    SECTION_NUMBER_RE,
    Layout,
    Segment,
    ends_glued_hyphen,
    ends_with_stop,
    numbered_capitals_heading,
    starts_list_item,
)
from bantin.convert.scholarly import (
    FRONT_LABEL_RE,
    LABELLED_CAPTION,
    REFERENCES_RE,
    SOURCE_NOTE,
    opens_with_caption_label,
)
from bantin.convert.shapes import prose_word
from bantin.model import BlockKind, Role, SourceLine
from bantin.registry import Registry
from bantin.vietnamese import (
    CHAPTER_LABEL,
    END_MARK_GLYPHS,
    HONORIFICS,
    ends_open,
    ends_sentence,
    first_letter,
    fold,
    has_digit,
    is_all_caps,
    starts_enumeration,
    starts_lower,
    starts_new_sentence,
)

PAGE_NUMBER_RE = re.compile(r"^\d{1,4}$|^([-–—])\s?(\d{1,4})\s?\1$")  # '12', '-12-', '– 12 –'
PAGE_DIGITS_RE = re.compile(r"\d+")
ISSUE_LABEL_RE = re.compile(
    r"(?:^|\s|[|•·])(?:số|so|no\.?)\s*(?P<issue>\d{1,3})\s*"
    r"(?:năm|nam|[-–—/.,(])?\s*(?:năm\s*)?(?P<year>(?:19|20)\d{2})\)?(?=$|\s|[|•·])",
    re.IGNORECASE,
)
WORD_RE = re.compile(r"[^\W\d_]+")
DIGIT_RE = re.compile(r"\d")
END_MARK_OPENERS = END_MARK_GLYPHS | {"."}  # what an end-mark line can start with
WRITES_LOWER_TRIES = 32  # places a word is found inside others before all words are collected
INNER_SENTENCE_END_RE = re.compile(r"[.!?…]\s+[^\W\d_]")
GLUED_HYPHEN_END_RE = re.compile(r"[^\W_]-$")
SECTION_MAX = 70
# Words that open an institution's name, which a cover or a running head prints over the
# article: the publisher, never one of the publication's sections.
INSTITUTION_RE = re.compile(
    r"^\W*(đại\s+học\s+quốc\s+gia|trường\s+(?:đại\s+học|cao\s+đẳng)|"
    r"viện\s+(?:nghiên\s+cứu|khoa\s+học|hàn\s+lâm)|ủy\s+ban\s+nhân\s+dân|university|institute)\b",
    re.IGNORECASE,
)
# Words that open a publication's own name ("TẠP CHÍ KHOA HỌC & CÔNG NGHỆ"), which running
# heads print beside the issue label: the journal, never one of its sections.
PUBLICATION_RE = re.compile(
    r"^\W*(tạp\s+chí|bản\s+tin|tập\s+san|nội\s+san|đặc\s+san|kỷ\s+yếu|journal|bulletin|"
    r"magazine|proceedings)\b",
    re.IGNORECASE,
)
REPEATED_MAX = 100  # a running head repeated on pages is no longer than this
LOCAL_WIDTH_LINES = 3
CAPTION_MIN_WORDS = 3
HEADING_MAX_LINES = 3
HEADING_MAX_CHARS = 180
FULL_LINE = 0.9  # a line this share of the column width is full
CAPTION_MAX_LINES = 2
FRAGMENT_MAX_LINES = 4  # a block of pieces of a formula no longer than this
BYLINE_MAX_CHARS = 90
BYLINE_SEPARATORS_RE = re.compile(r"\s+[-–—&]\s+|\s*[,;]\s*|\s+và\s+", re.IGNORECASE)
# A word of a name: letters, or an initial with its full stop ('A.').
NAME_WORD_RE = re.compile(r"^(?:[^\W\d_]+|[^\W\d_]\.)$")
# A footnote mark after a name, and the same mark opening its affiliation line.
NAME_MARK_RE = re.compile(r"(?<=[^\W\d_])[\d*]{1,2}(?=[\s,;(]|$)")
AFFILIATION_MARK_RE = re.compile(r"^[\d*]{1,2}\s*(?=[^\W\d_])")
# 'Bài và ảnh:', 'Bài, ảnh:', 'Ảnh:', 'Tin:', 'Thực hiện:' before the names of a byline.
BYLINE_PREFIX_RE = re.compile(
    r"^(?:bài|tin|ảnh|thực hiện|nhóm phóng viên)(?:\s*(?:và|,|&|-)\s*(?:ảnh|bài))?\s*:\s*",
    re.IGNORECASE,
)
BRACKET_RE = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
AFFILIATION_MAX_LINES = 2
AFFILIATION_REASON = "byline: affiliation, kept as the last paragraph"
# A heading's number: "1.", "2.3.", "II.", "a)"; the text after it is the heading.
NUMBERED_RE = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,5}\.|[a-zđ]\))\s+(?=\S)")


@dataclass
class RunningHead:
    """What one running-head line says: a page number, an issue label, a section name."""

    line: int
    page: int | None = None
    issue: int | None = None
    year: int | None = None
    section: str | None = None


@dataclass
class Labelling:
    """Everything the rules read and write for one document."""

    lines: list[SourceLine]
    segments: list[Segment]
    layout: Layout
    heads: list[RunningHead] = field(default_factory=list)
    title_band: list[Segment] = field(default_factory=list)
    front: dict[str, str] = field(default_factory=dict)  # labelled abstracts and keywords
    _lower: frozenset[str] | None = field(default=None, repr=False)
    _joined: str | None = field(default=None, repr=False)
    _lowered: str | None = field(default=None, repr=False)
    _positions: dict[int, int] = field(default_factory=dict, repr=False)

    def lower_words(self) -> frozenset[str]:
        """Every word the text writes in lower case (computed once)."""
        if self._lower is None:
            found = set(WORD_RE.findall(self.joined()))
            self._lower = frozenset(w for w in found if w.islower())
        return self._lower

    def joined(self) -> str:
        """The lines joined by a newline, which no word spans (computed once)."""
        if self._joined is None:
            self._joined = "\n".join(line.text for line in self.lines)
        return self._joined

    def lowered(self) -> str:
        """The lines in small letters, each after a line break (computed once), where a
        pattern that ignores case finds in a line only what a search of this text for the
        same words in small letters finds; "" for a text where it may not: small letters
        that change its length ('İ') or letters such a pattern takes for others ('ſ', 'ı')."""
        if self._lowered is None:
            text = "\n" + self.joined()
            lowered = text.lower()
            plain = len(lowered) == len(text) and not any(char in text for char in CASE_FOLDED)
            self._lowered = lowered if plain else ""
        return self._lowered

    def may_hold(self, words: tuple[str, ...], pattern: re.Pattern[str] | None = None) -> bool:
        """Whether a line may hold what a rule looks for: one of the rule's `words` or a match
        of its `pattern` (in small letters: every line it would act on holds one) is in
        `lowered()`, the whole text at once; where that cannot be asked, yes."""
        lowered = self.lowered()
        return (
            not lowered
            or any(word in lowered for word in words)
            or (pattern is not None and pattern.search(lowered) is not None)
        )

    def writes_lower(self, word: str) -> bool:
        """True when `word` (in lower case) is one of `lower_words()`. Most questions are
        answered by finding the word standing alone, without collecting every word."""
        if self._lower is not None or not word.islower() or WORD_RE.fullmatch(word) is None:
            return word in self.lower_words()
        text, start, tries = self.joined(), 0, 0
        while (start := text.find(word, start)) != -1 and tries < WRITES_LOWER_TRIES:
            end = start + len(word)
            if not (start and _is_letter(text[start - 1])) and not (
                end < len(text) and _is_letter(text[end])
            ):
                return True
            start, tries = start + 1, tries + 1
        return start != -1 and word in self.lower_words()

    def captions_labelled(self) -> bool:
        """The publication labels its captions ('Hình 1.', 'Bảng 2:') or is a scholarly
        article (labelled abstracts, references): unlabelled sentences are then text."""
        return bool(self.front) or any(
            s.reason == LABELLED_CAPTION or s.kind is BlockKind.REFERENCE for s in self.segments
        )

    def body_segments(self) -> list[Segment]:
        """Segments still to label (equations are set apart by the layout and keep BODY)."""
        return [s for s in self.segments if s.role is Role.BODY and s.kind is None]

    def position(self, seg: Segment) -> int:
        """Index of `seg` by identity; `list.index` compared whole segments field by field
        (the same answer: the segments hold different lines, each line made once)."""
        index = self._positions.get(id(seg))
        if index is None or index >= len(self.segments) or self.segments[index] is not seg:
            self._positions = {id(s): i for i, s in enumerate(self.segments)}
            index = self._positions[id(seg)]
        return index

    def neighbour(self, seg: Segment, step: int, roles: frozenset[Role]) -> Segment | None:
        """The nearest segment before (step -1) or after (+1) whose role is one of `roles`."""
        index = self.position(seg) + step
        while 0 <= index < len(self.segments):
            if self.segments[index].role in roles:
                return self.segments[index]
            index += step
        return None


#: Letters a pattern ignoring case takes for others that small letters keep apart ('ſ' is
#: an 's' to it, 'ı' an 'i').
CASE_FOLDED = "ſı"


def _is_letter(char: str) -> bool:
    """One character of a `WORD_RE` word."""
    return WORD_RE.match(char) is not None


Rule = Callable[[Labelling], None]
FLOW = frozenset({Role.BODY, Role.HEADING})
ANY_TEXT = frozenset(set(Role) - {Role.BLANK})


# --- running heads -------------------------------------------------------------------------


def parse_running_head(text: str, line: int) -> RunningHead | None:
    """A bare page number, or a short line holding an issue label (maybe with number/section)."""
    text = text.strip()
    if not has_digit(text):
        return None  # both kinds carry a number; most lines have none
    if PAGE_NUMBER_RE.match(text):
        return RunningHead(line, page=int(PAGE_DIGITS_RE.findall(text)[0]))
    if "19" not in text and "20" not in text:
        return None  # an issue label ends in a year of 19xx or 20xx
    match = ISSUE_LABEL_RE.search(text)
    if match is None or len(text) > SECTION_MAX * 2:
        return None
    head = RunningHead(line, issue=int(match["issue"]), year=int(match["year"]))
    rest = (text[: match.start()] + " " + text[match.end() :]).strip(" |•·-–—")
    number = re.search(r"^(\d{1,4})\b|\b(\d{1,4})$", rest)
    if number:
        head.page = int(number[1] or number[2])
        rest = (rest[: number.start()] + rest[number.end() :]).strip(" |•·-–—")
    head.section = None if PUBLICATION_RE.match(rest) else rest or None
    return head


def label_running_heads(doc: Labelling) -> None:
    """Page numbers, issue labels and lines repeated on several pages (a journal's name, a
    section banner) stand alone as running heads, not text."""
    repeated = repeated_lines(doc.lines)
    _isolate_running_heads(doc, repeated)
    labels: set[str] = set()  # the issue labels' lines, as their repetitions are compared
    capitals: list[Segment] = []  # the other lines alone in capitals
    for seg in doc.body_segments():
        if len(seg.lines) != 1:
            continue
        head = parse_running_head(seg.text, seg.first.number)
        if head is not None:
            doc.heads.append(head)
            seg.label(Role.RUNNING_HEAD, _describe_head(head))
            if head.issue is not None:
                labels.add(_repeat_key(seg.text))
        elif _repeats(seg.text, repeated):
            seg.label(Role.RUNNING_HEAD, "running head: the same line on several pages")
            if section_banner(seg.text):
                doc.heads.append(RunningHead(seg.first.number, section=seg.text.strip()))
        elif seg.text.isupper():
            capitals.append(seg)
    if labels and capitals:
        _label_cut_issue_labels(capitals, labels)
    _isolate_page_top_banners(doc)


def _cut_from(key: str, label: str) -> bool:
    """The line is the label's first half or more: a heading in capitals is no label's start."""
    return len(key) * 2 >= len(label) and label.startswith(key)


CUT_LABEL_REASON = "running head: an issue label cut at its line's end (its year apart)"


def _label_cut_issue_labels(capitals: list[Segment], labels: set[str]) -> None:
    """A line in capitals that opens like the issue label the other pages print whole
    ('TẠP CHÍ ... SỐ 15 -', where pdftotext gave the year a line of its own) is that label."""
    for seg in capitals:
        text = seg.text.strip()
        if ends_sentence(text):
            continue
        key = _repeat_key(text).rstrip(" -–—|•·")
        if _caps_key(key) and any(_cut_from(key, label) for label in labels):
            seg.label(Role.RUNNING_HEAD, CUT_LABEL_REASON)


def _isolate_page_top_banners(doc: Labelling) -> None:
    """A line in capitals that opens a page (after a form feed or a page number) over the
    rest of a sentence the page break cut ('TIN TỨC - SỰ KIỆN' / 'quyết toán ...'), glued to
    it or set in a band of its own across the page, is the page's banner, even when the
    article's pages print it only once."""
    segments: list[Segment] = []
    previous: Segment | None = None
    for seg, after in zip(doc.segments, [*doc.segments[1:], None], strict=True):
        page_top = previous is not None and (
            previous.role is Role.RUNNING_HEAD or previous.last.page != seg.first.page
        )
        plain = page_top and seg.role is Role.BODY and seg.kind is None
        glued = (
            plain
            and len(seg.lines) >= 2
            and _banner_over_text(seg.lines[0].text, seg.lines[1].text)
        )
        if plain and glued:
            banner, rest = _segment(doc, seg.lines[:1]), _segment(doc, seg.lines[1:])
            banner.label(Role.RUNNING_HEAD, BANNER_REASON)
            segments.extend([banner, rest])
        else:
            if plain and len(seg.lines) == 1 and _banner_before(seg, after):
                seg.label(Role.RUNNING_HEAD, BANNER_REASON)  # set in a band of its own
            segments.append(seg)
        if seg.role is not Role.BLANK:
            previous = segments[-1]
    doc.segments[:] = segments


BANNER_REASON = "running head: a banner in capitals opening a page"


def _banner_before(seg: Segment, after: Segment | None) -> bool:
    """A line of its own over the rest of the sentence the page break cut."""
    return (
        after is not None
        and after.role is Role.BODY
        and after.kind is None
        and _banner_over_text(seg.first.text, after.first.text)
    )


def _banner_over_text(text: str, following: str) -> bool:
    text = text.strip()
    return (
        len(text) <= REPEATED_MAX  # a section's name, or a banner across the page
        and not _labelled_heading(text)
        and is_all_caps(text)
        and not ends_sentence(text)
        and starts_lower(following)
    )


def repeated_lines(lines: list[SourceLine]) -> frozenset[str]:
    """Lines in capitals printed again on other pages, short and not a sentence: a journal's
    name, a section banner (lines in mixed case beside page numbers are the section name's).
    A line opening with the journal's name counts whatever it ends with: a template's
    unfilled issue label ('SỐ ... - 20..') ends with full stops, and the line still repeats
    on every page."""
    pages: dict[str, set[int]] = {}
    for line in lines:
        text = line.text.strip()
        if (
            text.isupper()  # capitals only: cheap
            and len(text) <= REPEATED_MAX
            and (not ends_sentence(text) or _opens_with_a_name(text))
        ):
            pages.setdefault(_repeat_key(text), set()).add(line.page)
    return frozenset(key for key, seen in pages.items() if len(seen) >= 2 and _caps_key(key))


NAME_WORDS = 3  # a line opening with this many words in capitals opens with a name


def _opens_with_a_name(text: str) -> bool:
    """The line's first words are words in capitals: a name (a journal's), not a sentence."""
    words = text.split(maxsplit=NAME_WORDS)[:NAME_WORDS]
    return len(words) == NAME_WORDS and all(
        len(word) >= 2 and WORD_RE.fullmatch(word) is not None and word.isupper() for word in words
    )


def _repeats(text: str, repeated: frozenset[str]) -> bool:
    """The line is one of the `repeated` lines (`_repeat_key(text) in repeated`), asked only of
    a line in capitals: every repeated line is, and its key keeps its letters."""
    return bool(repeated) and text.isupper() and _repeat_key(text) in repeated


def _repeat_key(text: str) -> str:
    """A line as its repetitions are compared: spaces collapsed, digits as one mark."""
    return DIGIT_RE.sub("0", " ".join(text.split()))


def _caps_key(key: str) -> bool:
    return is_all_caps(key) and len(WORD_RE.findall(key)) >= 2


def _isolate_running_heads(doc: Labelling, repeated: frozenset[str]) -> None:
    """A page number, an issue label or a repeated line glued to text lines (no blank between)
    is its own segment."""
    segments: list[Segment] = []
    for seg in doc.segments:
        if len(seg.lines) <= 1:
            segments.extend([seg] if seg.lines else [])
            continue
        heads = [
            index
            for index, line in enumerate(seg.lines)
            if (has_digit(line.text) and parse_running_head(line.text, line.number))
            or (
                repeated  # (most texts repeat no line: asked once, not of each line)
                and _repeats(line.text, repeated)
                and not _inside_capitals(seg.lines, index)
            )
        ]  # a running head carries a number or repeats: most lines are not asked further
        if not heads:
            segments.append(seg)
            continue
        pieces: list[list[SourceLine]] = [[]]
        for index, line in enumerate(seg.lines):
            if index in heads:
                pieces.extend([[line], []])
            else:
                pieces[-1].append(line)
        made = [_segment(doc, p) for p in pieces if p]
        made[0].opens_paragraph = seg.opens_paragraph
        segments.extend(made)
    doc.segments[:] = segments


def _inside_capitals(lines: list[SourceLine], index: int) -> bool:
    """The line stands between two lines in capitals of its block, the first unfinished: a
    line of a heading in capitals (which another heading may share), not a running head."""
    if index == 0 or index + 1 >= len(lines):
        return False
    before, after = lines[index - 1].text, lines[index + 1].text
    return is_all_caps(before) and not ends_sentence(before) and is_all_caps(after)


def _segment(doc: Labelling, lines: list[SourceLine]) -> Segment:
    """A new segment cut from another, with its width class recomputed."""
    return Segment(lines, wide=any(doc.layout.is_wide(line.text) for line in lines))


def _describe_head(head: RunningHead) -> str:
    if head.issue is not None:
        return f"running head: issue {head.issue}, year {head.year}"
    return f"running head: page number {head.page}"


def label_section_name(doc: Labelling) -> None:
    """A short non-sentence line beside running heads, or repeated on every page, is the section."""
    texts = [s.text for s in doc.body_segments() if len(s.lines) == 1]
    tiers: tuple[list[Segment], list[Segment], list[Segment]] = ([], [], [])
    for seg in doc.body_segments():
        if len(seg.lines) != 1:
            continue
        if _names_publication(seg.text) and _heads_beside(doc, seg):
            seg.label(Role.RUNNING_HEAD, "running head: the publication's name")
            continue
        if not _could_be_section(seg.text):
            continue
        heads = _heads_beside(doc, seg)
        if heads and not _beside_a_label(doc, seg):
            continue  # lone numbers round a short line: a table's cells, no page's head
        if heads == 2:
            tiers[0].append(seg)
        elif heads and texts.count(seg.text) >= 2:
            tiers[1].append(seg)
        elif heads == 1 and _banner(seg.text) and _interrupts_sentence(doc, seg):
            tiers[2].append(seg)
    for seg in next((tier for tier in tiers if tier), []):
        seg.label(Role.RUNNING_HEAD, "running head: section name beside the page head")
        doc.heads.append(RunningHead(seg.first.number, section=seg.text.strip()))


def _heads_beside(doc: Labelling, seg: Segment) -> int:
    """How many of the segment's two text neighbours are running heads."""
    around = (doc.neighbour(seg, -1, ANY_TEXT), doc.neighbour(seg, +1, ANY_TEXT))
    return sum(1 for n in around if n is not None and n.role is Role.RUNNING_HEAD)


def section_banner(text: str) -> bool:
    """A line in capitals that the pages repeat ("KINH TẾ - XÃ HỘI") names the section the
    article is printed in, unless it names the publication or persons (a byline)."""
    return _banner(text) and _could_be_section(text) and not plausible(parse_byline(text))


def _banner(text: str) -> bool:
    """A section banner in capitals, without a comma. A line in small letters with a page's
    head on one side only is most often a paragraph's last line before a page break ("Sự đa
    dạng về mục đích học tập cũng như"), which the sentence it cuts does not tell apart."""
    return "," not in text and text.isupper()


def _names_publication(text: str) -> bool:
    """A short line naming the publication ("Tạp chí Khoa học và Công nghệ Việt Nam")."""
    text = text.strip()
    return len(text) <= SECTION_MAX and PUBLICATION_RE.match(text) is not None


def names_publisher(text: str) -> bool:
    """The publication's or its publisher's name ("TẠP CHÍ ...", "ĐẠI HỌC QUỐC GIA HÀ NỘI
    TRƯỜNG ĐẠI HỌC ..." over a thesis), or a printed rule: never a section's name."""
    return (
        PUBLICATION_RE.match(text) is not None
        or INSTITUTION_RE.match(text) is not None
        or "___" in text
    )


def _beside_a_label(doc: Labelling, seg: Segment) -> bool:
    """One of the segment's two text neighbours is a running head in words (an issue label,
    a line repeated on every page), not only a number alone: a table's numbers standing
    round its cells are read as page numbers too."""
    around = (doc.neighbour(seg, -1, ANY_TEXT), doc.neighbour(seg, +1, ANY_TEXT))
    return any(
        n is not None and n.role is Role.RUNNING_HEAD and not PAGE_NUMBER_RE.match(n.text.strip())
        for n in around
    )


def _could_be_section(text: str) -> bool:
    """A section's name is short, of two words or more (Vietnamese writes a syllable a word:
    "Diễn đàn", "Tin tức"), printed with a capital, complete (no function word ends it), and
    no sentence, caption label, labelled heading or publication's name ("TT", a table's
    heading, is none)."""
    text = text.strip()
    return (
        0 < len(text) <= SECTION_MAX
        and text[0].isupper()
        and " " in text
        and not ends_open(text)  # "... 100% PET với": a paragraph's line a page break cut
        and not opens_with_caption_label(text)
        and not ends_sentence(text)
        and text[-1] not in ",;"
        and not _labelled_heading(text)
        and not names_publisher(text)
    )


# The parts of a scholarly article every paper names alike: its headings, never a section.
ARTICLE_PART_RE = re.compile(
    r"^\W*(lời\s+cảm\s+ơn|acknowledge?ments?|đặt\s+vấn\s+đề|mở\s+đầu|giới\s+thiệu|"
    r"introduction|kết\s+luận(?:\s+và\s+kiến\s+nghị)?|conclusions?|lời\s+kết)\W*$",
    re.IGNORECASE,
)


def _labelled_heading(text: str) -> bool:
    """'Tài liệu tham khảo', 'Tóm tắt', 'Abstract', 'Lời cảm ơn', 'Kết luận': the article's
    own parts, never a running head, even printed beside a page number."""
    return (
        REFERENCES_RE.match(text) is not None
        or FRONT_LABEL_RE.match(text) is not None
        or ARTICLE_PART_RE.match(text) is not None
    )


def _interrupts_sentence(doc: Labelling, seg: Segment) -> bool:
    """True when the flow around `seg` (and its running-head cluster) is one broken sentence."""
    before = _flow_before(doc, seg)
    after = _flow_after(doc, seg)
    if before is None or after is None:
        return False
    return not ends_sentence(before.text) or starts_lower(after.text)


def _flow_before(doc: Labelling, seg: Segment) -> Segment | None:
    index = doc.segments.index(seg) - 1
    while index >= 0:
        other = doc.segments[index]
        if other.role in FLOW and other is not seg and len(other.lines) > 1:
            return other
        index -= 1
    return None


def _flow_after(doc: Labelling, seg: Segment) -> Segment | None:
    index = doc.segments.index(seg) + 1
    while index < len(doc.segments):
        other = doc.segments[index]
        if other.role in FLOW and len(other.lines) > 1:
            return other
        index += 1
    return None


# --- end mark, title band, byline -----------------------------------------------------------


def split_stacked_captions(doc: Labelling) -> None:
    """Lines that are each a whole sentence, stacked without blank lines, are captions."""
    if doc.captions_labelled():
        return
    for seg in doc.body_segments():
        if len(seg.lines) < 2 or not all(_standalone_sentence(x.text) for x in seg.lines):
            continue
        index = doc.segments.index(seg)
        above = doc.segments[index - 1] if index else None
        if above is None or above.last.number + 1 != seg.first.number:  # not a lead under a title
            doc.segments[index : index + 1] = [_segment(doc, [line]) for line in seg.lines]


DATELINE_RE = re.compile(
    r"^\W*(?:ngày\s+(?:nhận|duyệt|chấp\s+nhận|phản\s+biện|gửi|sửa|hoàn\s+thiện)"
    r"|đến\s+t(?:òa|oà|oàn)\s+soạn|nhận\s+bài|chấp\s+nhận\s+đăng|received|accepted|revised)",
    re.IGNORECASE,
)
DATELINE_REASON = "front matter: dateline (received, accepted), not text"


def label_datelines(doc: Labelling) -> None:
    """'Đến Tòa soạn ngày ...', 'Ngày nhận bài ...' on the first page: the article's history,
    read for its date and kept out of the text, even glued to the lines around it."""
    first_page = doc.lines[0].page if doc.lines else 0
    segments: list[Segment] = []
    for seg in doc.segments:
        found = [
            i
            for i, line in enumerate(seg.lines)
            if line.page == first_page
            and has_digit(line.text)  # (asked first: quicker, and most lines have none)
            and DATELINE_RE.match(line.text)
        ]
        if seg.role is not Role.BODY or seg.kind is not None or not found:
            segments.append(seg)
            continue
        start, first = 0, len(segments)
        for index in found:
            if index > start:
                segments.append(_segment(doc, seg.lines[start:index]))
            dateline = _segment(doc, seg.lines[index : index + 1])
            dateline.label(Role.LEAD, DATELINE_REASON)
            segments.append(dateline)
            start = index + 1
        if start < len(seg.lines):
            segments.append(_segment(doc, seg.lines[start:]))
        segments[first].opens_paragraph = seg.opens_paragraph
    doc.segments[:] = segments


def label_end_mark_line(doc: Labelling) -> None:
    """A line made only of an end-of-article glyph (or './.') is the end mark."""
    for seg in doc.body_segments():
        if seg.first.text.strip()[:1] not in END_MARK_OPENERS:
            continue  # decided by the first character, without joining the lines
        text = seg.text.replace(" ", "")
        if text and (all(c in END_MARK_GLYPHS for c in text) or text == "./."):
            seg.label(Role.END_MARK, "end-of-article mark")


def label_title_band(doc: Labelling) -> None:
    """The first band of wide lines: its first paragraph is the title, the rest the lead."""
    title = [s for s in doc.segments if s.role is Role.TITLE]
    if title:
        doc.title_band.extend(title)  # found by an earlier rule (a title in capitals)
        following = doc.neighbour(title[-1], +1, ANY_TEXT)
        while following is not None and following.role is Role.BYLINE:
            following = doc.neighbour(following, +1, ANY_TEXT)  # the byline set under it
        lead = _paragraph_from(doc, following)
        if lead and any(seg.wide for seg in lead) and _columns_after(doc, lead[-1]):
            for seg in lead:
                seg.label(Role.LEAD, "lead: wide paragraph after the title and byline")
            doc.title_band.extend(lead)
        return
    for seg in (s for s in doc.body_segments() if s.wide):
        if _label_title_above(doc, seg):
            return
        if not _is_wide_caption(doc, seg):
            _label_band(doc, seg)
            return
    _label_fallback_title(doc)


def _columns_after(doc: Labelling, seg: Segment) -> bool:
    """Text set in the column follows (the lead was set wider than the text after it)."""
    after = doc.segments[doc.segments.index(seg) + 1 :]
    return any(s.role is Role.BODY and s.kind is None and not s.wide for s in after)


def _paragraph_from(doc: Labelling, seg: Segment | None) -> list[Segment]:
    """The body segments of one paragraph from `seg` on: the next goes on in lower case after
    an unfinished sentence (the layout cut a paragraph whose first line was narrower)."""
    found: list[Segment] = []
    while seg is not None and seg.role is Role.BODY and seg.kind is None:
        if found and (ends_sentence(found[-1].text) or not starts_lower(seg.text)):
            break
        found.append(seg)
        seg = doc.neighbour(seg, +1, ANY_TEXT)
    return found


def _label_band(doc: Labelling, first: Segment) -> None:
    """Title and lead both inside the wide band (or the lead in the next wide segment); a
    line of names set inside the band, under the title, is the byline."""
    at = _byline_inside(doc, first)
    if at:
        index = doc.segments.index(first)
        pieces = [_segment(doc, first.lines[:at]), _segment(doc, first.lines[at : at + 1])]
        rest = first.lines[at + 1 :]
        doc.segments[index : index + 1] = [*pieces, *([_segment(doc, rest)] if rest else [])]
        _label_band(doc, pieces[0])
        pieces[1].label(Role.BYLINE, "byline: names under the title")
        after = doc.neighbour(pieces[1], +1, ANY_TEXT)
        has_lead = any(line.role is Role.LEAD for s in doc.title_band for line in s.lines)
        if after is not None and after.role is Role.BODY and after.wide and not has_lead:
            after.label(Role.LEAD, "lead: wide paragraph after the title and byline")
            doc.title_band.append(after)
        return
    paragraphs = split_wide_paragraphs(first.lines)
    _label_lines(paragraphs[0], Role.TITLE, "title: first paragraph of the wide title band")
    for lines in paragraphs[1:]:
        _label_lines(lines, Role.LEAD, "lead: wide paragraph after the title")
    first.role, first.reason, first.paragraphs = Role.TITLE, "title band", paragraphs
    doc.title_band.append(first)
    following = doc.neighbour(first, +1, ANY_TEXT)
    if (
        len(paragraphs) == 1
        and following is not None
        and following.wide
        and not _top_byline_shaped(following)
    ):
        following.label(Role.LEAD, "lead: wide paragraph after the title")
        doc.title_band.append(following)


def _byline_inside(doc: Labelling, band: Segment) -> int:
    """The index of a narrow line of names inside a wide band, after its first line; 0 if none.
    A title may wrap before a place name, so the line needs an academic title, two names, or
    capitals under a line that is not in capitals."""
    for index, line in enumerate(band.lines[1:], start=1):
        text, above = line.text, band.lines[index - 1].text
        if doc.layout.is_wide(text) or ends_open(above) or not is_name_line(text):
            continue
        names, _ = split_byline(text)
        titled = any(_is_honorific_run(word) for word in names.split())
        capitals = is_all_caps(text) and not is_all_caps(above)
        if (titled or len(split_names(names)) > 1 or capitals) and _strong_name_line(text):
            return 0 if _named_in_text(doc, text, band) else index
    return 0


def _label_title_above(doc: Labelling, band: Segment) -> bool:
    """A short unpunctuated block set right above the wide band (no blank line) is the title."""
    index = doc.segments.index(band)
    above = doc.segments[index - 1] if index else None
    if above is None or above.role is not Role.BODY or len(above.lines) > HEADING_MAX_LINES:
        return False
    if not _unpunctuated(above.text) or ends_open(above.text):
        return False
    touching = above.last.number + 1 == band.first.number
    if not touching and not _lead_only(above, band, doc):
        return False
    above.label(Role.TITLE, "title: short block set above the wide lead")
    band.label(Role.LEAD, "lead: wide paragraph after the title")
    doc.title_band.extend([above, band])
    return True


def split_wide_paragraphs(lines: list[SourceLine]) -> list[list[SourceLine]]:
    """Split a wide band: the title ends before a capital that follows an unpunctuated complete
    line; later paragraphs end at a clearly short line followed by a capital."""
    longest = max(len(line.text.strip()) for line in lines)
    finished = ends_sentence(lines[-1].text)
    paragraphs: list[list[SourceLine]] = [[]]
    for line, following in zip(lines, [*lines[1:], None], strict=True):
        paragraphs[-1].append(line)
        if following is None or not starts_new_sentence(following.text):
            continue
        text = line.text.strip()
        title_ends = (
            finished and len(paragraphs) == 1 and _unpunctuated(text) and not ends_open(text)
        )
        if title_ends or len(text) < 0.85 * longest:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def _label_lines(lines: list[SourceLine], role: Role, reason: str) -> None:
    for line in lines:
        line.role, line.reason = role, reason


def _lead_only(above: Segment, band: Segment, doc: Labelling) -> bool:
    """A wide band of one finished paragraph under a block of a few words set apart at the top
    (or in capitals) is a lead under its title; a one- or two-word block is a kicker."""
    if len(above.text.split()) < CAPTION_MIN_WORDS or not ends_sentence(band.text):
        return False
    if len(split_wide_paragraphs(band.lines)) > 1:
        return False
    return doc.neighbour(above, -1, ANY_TEXT) is None or _capitals_title(above.text)


def _capitals_title(text: str) -> bool:
    """A block of two or more words all in capitals: set as a title, not cut from a column."""
    return len(text.split()) >= 2 and is_all_caps(text)


def _label_fallback_title(doc: Labelling) -> None:
    """Without a wide band, the first short non-sentence segment is taken as the title; a
    title set right above the first paragraph (no blank line) takes that paragraph as lead."""
    segments = doc.body_segments()
    if not segments:
        return
    first = segments[0]
    count = _title_lines_on_top(first.lines, doc.layout)
    if count:
        index = doc.segments.index(first)
        title, lead = _segment(doc, first.lines[:count]), _segment(doc, first.lines[count:])
        doc.segments[index : index + 1] = [title, lead]
        title.label(Role.TITLE, "title: short lines above the first paragraph (no wide band)")
        lead.label(Role.LEAD, "lead: the paragraph set right under the title")
        doc.title_band.extend([title, lead])
        return
    byline = _byline_under_title(first.lines)
    if byline:
        index = doc.segments.index(first)
        first, names = _segment(doc, first.lines[:-byline]), _segment(doc, first.lines[-byline:])
        doc.segments[index : index + 1] = [first, names]
    if len(first.lines) > HEADING_MAX_LINES or not _unpunctuated(first.text):
        return
    first.label(Role.TITLE, "title: first segment (no wide title band found)")
    doc.title_band.append(first)
    following = doc.neighbour(first, +1, ANY_TEXT)
    if following is not None and following.role is Role.BODY and following.wide:
        following.label(Role.LEAD, "lead: wide paragraph after the title")
        doc.title_band.append(following)


def _byline_under_title(lines: list[SourceLine]) -> int:
    """How many last lines of a block are a byline with ranks or degrees ("Đại tá, ThS.
    NGUYỄN VĂN A") and its affiliations, under a title pdftotext set in the same block; 0
    when there is none."""
    for start in range(1, min(HEADING_MAX_LINES, len(lines) - 1) + 1):
        if _titled_name_lines(lines[start:]):
            return len(lines) - start
    return 0


def _titled_name_lines(lines: list[SourceLine]) -> int:
    """How many leading lines of a block are names with a rank or degree each, when every line
    after them is an affiliation; 0 when the block is no such byline."""
    count = 0
    while count < len(lines) and _titled_byline(lines[count].text):
        count += 1
    rest = lines[count:]
    if len(rest) > AFFILIATION_MAX_LINES or not all(is_affiliation(line.text) for line in rest):
        return 0
    return count


def _title_lines_on_top(lines: list[SourceLine], layout: Layout) -> int:
    """How many leading lines of a block are a title over its first paragraph: they end
    without punctuation, the next line starts a sentence, and its first word would have fit
    (so the break is not a wrap); 0 when there is no such title."""
    for count in range(1, min(HEADING_MAX_LINES, len(lines) - 1) + 1):
        text = " ".join(line.text.strip() for line in lines[:count])
        following = lines[count].text
        if not _unpunctuated(text) or ends_open(text) or INNER_SENTENCE_END_RE.search(text):
            return 0
        if starts_new_sentence(following) and not starts_lower(following):
            fits = len(lines[count - 1].text.strip()) + 1 + len(following.split()[0])
            rest = lines[count:]
            deliberate = len(rest) >= 2 and fits <= column_of(rest, layout)
            return count if deliberate and ends_sentence(rest[-1].text) else 0
    return 0


def _unpunctuated(text: str) -> bool:
    """Headings and titles end without a sentence mark, comma, semicolon or dash."""
    text = text.strip()
    return bool(text) and not ends_sentence(text) and text[-1] not in ",;-–"


def _is_wide_caption(doc: Labelling, seg: Segment) -> bool:
    """A single wide sentence followed by a continuation in lower case is a caption."""
    if not seg.wide or len(seg.lines) > CAPTION_MAX_LINES or not ends_sentence(seg.text):
        return False
    if len(split_wide_paragraphs(seg.lines)) > 1:
        return False
    after = doc.neighbour(seg, +1, FLOW)
    return after is None or starts_lower(after.text) or ends_with_stop(seg.text)


def label_byline(doc: Labelling) -> None:
    """Among the last few text segments, a short line of names with only captions (or its
    affiliation) after it is the byline."""
    if any(s.role is Role.BYLINE for s in doc.segments):
        return
    body = doc.body_segments()
    for position in range(len(body) - 1, max(len(body) - 5, -1), -1):
        seg = body[position]
        names = byline_name_lines(seg.lines)
        if not names or not _only_captions_after(body[position + 1 :], seg, len(names)):
            continue
        before = doc.neighbour(seg, -1, FLOW)
        if before is not None and before is not seg:
            _label_byline_segment(doc, seg, len(names), "byline: names after the last paragraph")
            _label_affiliation_after(doc, seg, body[position + 1 : position + 2])
            return


def label_inner_byline(doc: Labelling) -> None:
    """A byline with a rank or degree ('Trung tá, TS. NGUYỄN VĂN A') and its affiliation,
    opening a block whose rest goes on with a sentence the block before left unfinished: the
    byline was set beside the text and read between the halves of that sentence."""
    if any(s.role is Role.BYLINE for s in doc.segments):
        return
    for index, seg in enumerate(doc.segments):
        if seg.role is not Role.BODY or seg.kind is not None:
            continue
        if not _titled_byline(seg.lines[0].text):
            continue
        taken, lines = 1, list(seg.lines)
        following = doc.segments[index + 1] if index + 1 < len(doc.segments) else None
        if (
            len(lines) == 1
            and following is not None
            and following.role is Role.BODY
            and following.kind is None
            and following.first.number == seg.last.number + 1  # no blank line between
        ):
            taken, lines = 2, lines + following.lines  # the layout set the name line apart
        count = 1
        while (
            count < len(lines) - 1
            and count <= AFFILIATION_MAX_LINES
            and is_affiliation(lines[count].text)
            and not starts_lower(lines[count].text)
        ):
            count += 1
        rest = lines[count:]
        before = doc.neighbour(seg, -1, FLOW)
        if not rest or before is None or ends_sentence(before.text):
            continue
        if first_letter(rest[0].text).isupper():
            continue  # the rest must go on with the unfinished sentence
        byline, after = _segment(doc, lines[:count]), _segment(doc, rest)
        _label_byline_segment(doc, byline, 1, "byline: names and affiliation inside the text")
        doc.segments[index : index + taken] = [byline, after]
        return


def _titled_byline(text: str) -> bool:
    authors = parse_byline(text.strip().rstrip(","))
    return plausible(authors) and all(a.rank or a.degree for a in authors)


def _only_captions_after(later: list[Segment], seg: Segment, names: int) -> bool:
    """Nothing but caption-shaped sentences follows a byline (or one affiliation block)."""
    if names == len(seg.lines) and later and _affiliation_block(later[0]):
        later = later[1:]
    return all(_caption_after_byline(s) for s in later)


def _caption_after_byline(seg: Segment) -> bool:
    """One sentence on one line, or on two lines wider than the column: not wrapped body text."""
    shaped = len(seg.lines) == 1 or (len(seg.lines) <= CAPTION_MAX_LINES and seg.wide)
    return shaped and ends_sentence(seg.text)


def _label_affiliation_after(doc: Labelling, seg: Segment, later: list[Segment]) -> None:
    """An affiliation block right after a one-block byline belongs to it."""
    if seg.role is not Role.BYLINE or not later:
        return
    if any(line.reason == AFFILIATION_REASON for line in seg.lines):
        return
    if _affiliation_block(later[0]):
        later[0].label(Role.BYLINE, AFFILIATION_REASON)


def _affiliation_block(seg: Segment) -> bool:
    """A block of one or two affiliation lines that does not end like a sentence."""
    return (
        len(seg.lines) <= AFFILIATION_MAX_LINES
        and all(is_affiliation(line.text) for line in seg.lines)
        and not ends_sentence(seg.text)
    )


def _label_byline_segment(doc: Labelling, seg: Segment, names: int, reason: str) -> None:
    seg.label(Role.BYLINE, reason)
    for line in seg.lines[names:]:
        line.reason = AFFILIATION_REASON


def byline_name_lines(lines: list[SourceLine]) -> list[SourceLine]:
    """The leading lines of a block that are lines of names, when every line after them is an
    affiliation; empty when the block is not a byline."""
    count = 0
    while count < len(lines) and is_name_line(lines[count].text):
        count += 1
    rest = lines[count:]
    if not count or len(rest) > AFFILIATION_MAX_LINES:
        return []
    if rest and not all(is_affiliation(line.text) for line in rest):
        return []
    return lines[:count]


def is_affiliation(text: str) -> bool:
    """'Viện Hàn lâm KH&CN Việt Nam', 'Trường Đại học Cần Thơ': short, starts with a capital,
    one clause without a sentence inside it."""
    text = AFFILIATION_MARK_RE.sub("", text.strip())
    return (
        0 < len(text) <= BYLINE_MAX_CHARS
        and first_letter(text).isupper()
        and not INNER_SENTENCE_END_RE.search(text)
        and not text.endswith(("!", "?", ",", ";", ":"))
    )


def label_top_byline(doc: Labelling) -> None:
    """A line of names set right under the title or lead (before the body) is the byline; a
    wide paragraph after it is then the lead."""
    if not doc.title_band:
        return
    seg = doc.neighbour(doc.title_band[-1], +1, ANY_TEXT)
    if seg is None or seg.role is not Role.BODY:
        return
    names = _top_byline_names(seg) or _titled_name_lines(seg.lines)
    if not names or _named_in_text(doc, seg.lines[0].text, seg):
        return
    _label_byline_segment(doc, seg, names, "byline: names under the title")
    following = doc.neighbour(seg, +1, ANY_TEXT)
    has_lead = any(line.role is Role.LEAD for s in doc.title_band for line in s.lines)
    if following is not None and following.role is Role.BODY and following.wide and not has_lead:
        following.label(Role.LEAD, "lead: wide paragraph after the title and byline")
        doc.title_band.append(following)


def _named_in_text(doc: Labelling, text: str, seg: Segment) -> bool:
    """True when the names, without academic titles, recur in the other text: a place such as
    'Hà Nội' that ends a title line, not an author."""
    names, _ = split_byline(text)
    words = [
        w for w in names.split() if not _is_honorific_run(w) and w.casefold() not in HONORIFICS
    ]
    if len(words) < len(names.split()):
        return False  # an academic title marks an author
    phrase = fold(" ".join(words))
    others = (s for s in doc.segments if s is not seg and s.role is not Role.RUNNING_HEAD)
    return any(phrase in fold(other.text) for other in others)


def _top_byline_shaped(seg: Segment) -> bool:
    return bool(_top_byline_names(seg))


def _top_byline_names(seg: Segment) -> int:
    """How many leading lines of the block are a byline's names strong enough at the top
    (`_strong_name_line`, every one); 0 when the block is no such byline."""
    names = byline_name_lines(seg.lines)
    return len(names) if all(_strong_name_line(line.text) for line in names) else 0


def _strong_name_line(text: str) -> bool:
    """At the top a heading may look like names: names there need an academic title, a common
    surname, or mixed case (headings are in sentence case or capitals)."""
    names, _ = split_byline(text)
    for name in split_names(names):
        words = name.split()
        if _is_honorific_run(words[0]) or words[0].casefold() in HONORIFICS:
            continue
        if fold(words[0]) in SURNAMES:
            continue
        if is_all_caps(name) or len(words) < 2:
            return False
    return True


def split_byline(text: str) -> tuple[str, list[str]]:
    """'Nguyễn Văn A (Viện X)' -> ('Nguyễn Văn A', ['Viện X']): names and bracketed parts."""
    brackets = [match.group(1).strip() for match in BRACKET_RE.finditer(text)]
    names = NAME_MARK_RE.sub("", BRACKET_RE.sub(" ", BYLINE_PREFIX_RE.sub("", text.strip())))
    return names.strip(), [b for b in brackets if b]


def byline_prefix(text: str) -> str:
    """'Bài và ảnh: Hải Hằng' -> 'Bài và ảnh:': what the byline says the names did."""
    match = BYLINE_PREFIX_RE.match(text.strip())
    return match[0].strip() if match else ""


def name_marks(text: str) -> list[str]:
    """Footnote marks glued to names ('Nguyễn Văn An1', 'Lê Hoa*'): they point to affiliations."""
    return NAME_MARK_RE.findall(BRACKET_RE.sub(" ", text))


def is_name_line(text: str) -> bool:
    """True for 'Hải Hằng - Xuân Bình', 'PGS.TS Nguyễn Văn A', 'NGUYỄN VĂN A', ..."""
    text, _ = split_byline(text.strip())
    text = text.rstrip(".").strip()
    if not text or len(text) > BYLINE_MAX_CHARS or any(c.isdigit() for c in text):
        return False
    if NUMBERED_RE.match(text):
        return False
    names = split_names(text)
    return bool(names) and all(_is_name(name) for name in names)


def split_names(text: str) -> list[str]:
    """The names of a byline, split at dashes, commas, semicolons, '&' and 'và'."""
    return [part.strip() for part in BYLINE_SEPARATORS_RE.split(text.strip()) if part.strip()]


def _is_name(name: str) -> bool:
    parts = [p for p in name.split() if p.casefold() not in HONORIFICS]
    parts = [p for p in parts if not _is_honorific_run(p)]
    if not 1 <= len(parts) <= 6 or fold(parts[0]) in ORGANISATION_WORDS:
        return False
    if any(not NAME_WORD_RE.match(p) for p in parts):
        return False
    return is_all_caps(name) or all(first_letter(p).isupper() for p in parts)


def _is_honorific_run(word: str) -> bool:
    """'PGS.TS', 'GS.TSKH', 'ThS.' are titles, not names."""
    pieces = [p for p in word.casefold().split(".") if p]
    return bool(pieces) and all(p in HONORIFICS for p in pieces)


# --- captions and headings -------------------------------------------------------------------


def split_leading_caption(doc: Labelling) -> None:
    """A full sentence opening a block right after an unfinished one is a caption set above it
    (unless it opens with an acronym, which may go on with the sentence)."""
    if doc.captions_labelled():
        return
    for seg in doc.body_segments():
        before = _flow_around(doc, seg, -1)
        if before is None or ends_sentence(before.text):
            continue
        count = 0
        while count < len(seg.lines) - 1 and _standalone_sentence(seg.lines[count].text):
            count += 1
        if (
            count
            and not _opens_with_acronym(seg.first.text)
            and not _continues_name(doc, before.text, seg.text)
        ):
            index = doc.segments.index(seg)
            pieces = [_segment(doc, [line]) for line in seg.lines[:count]]
            for piece in pieces:
                piece.label(Role.CAPTION, "caption: set right above the text it interrupts")
            doc.segments[index : index + 1] = [*pieces, _segment(doc, seg.lines[count:])]


def _continues_name(doc: Labelling, before: str, text: str) -> bool:
    """`text` holds the rest of a list of names that `before` broke off ('... Thái Bình, Nam'
    / 'Định, Ninh Bình, ...', '... Đồng Tháp,' / 'Cà Mau, Bà Rịa ...'): it opens with
    capitalised words up to a comma, as no caption does, after a comma or a name that runs on."""
    words = text.lstrip(" -–—").split()[:3]
    ends = [index for index, word in enumerate(words) if word.endswith(",")]
    if not ends or not all(first_letter(word).isupper() for word in words[: ends[0] + 1]):
        return False
    return before.rstrip().endswith(",") or _name_runs_on(doc, before, text)


def _name_runs_on(doc: Labelling, before: str, text: str) -> bool:
    """`before` ends unfinished with a capitalised word and `text` opens with one the text
    never writes in lower case: a name ('Nam' / 'Định', 'Cà' / 'Mau') broken at a line that
    a page or column break, or a block set between, cut apart."""
    words, first = before.split()[-2:], text.lstrip(" -–—").split()[:1]  # ('Bà Rịa' / '- Vũng')
    if not words or not first or ends_sentence(before):
        return False
    if len(words) == 2 and ends_sentence(words[0]):
        return False  # the last word opens a sentence: capitalised for that, not a name
    last = words[-1:]
    word = WORD_RE.match(first[0])
    return (
        last[0].isalpha()
        and last[0][0].isupper()
        and word is not None
        and first_letter(word[0]).isupper()
        and not doc.writes_lower(word[0].lower())
    )


def _ends_word_broken_before(before: str, text: str) -> bool:
    """`before` ends with a word broken at a hyphen glued to it ('KT-') and `text` opens with
    the capitals of its rest ('XH, ...'): the same sentence, not a caption between."""
    return GLUED_HYPHEN_END_RE.search(before.rstrip()) is not None and _opens_with_acronym(text)


def _opens_with_acronym(text: str) -> bool:
    """The line opens with an acronym ('HTX', 'ĐMST'): it may be the rest of the unfinished
    sentence before it, which a page or column break cut, not a caption."""
    words = text.split(maxsplit=1)
    return bool(words) and is_all_caps(words[0])


def _standalone_sentence(text: str) -> bool:
    """Starts with a capital, ends with one full stop, has a few words: a caption's shape."""
    text = text.strip()
    return (
        first_letter(text).isupper()
        and not starts_list_item(text)
        and ends_with_stop(text)
        and len(text.split()) >= CAPTION_MIN_WORDS
        and not INNER_SENTENCE_END_RE.search(text)
    )


def label_captions(doc: Labelling) -> None:
    """Short standalone sentences that interrupt the body's flow are photo captions."""
    if doc.captions_labelled():
        return
    byline = next((s for s in doc.segments if s.role is Role.BYLINE), None)
    for seg in doc.body_segments():
        reason = _caption_reason(doc, seg, byline)
        if reason:
            seg.label(Role.CAPTION, reason)
            if reason not in _SENTENCE_GOES_ON:
                continue
            before, after = _flow_around(doc, seg, -1), _flow_around(doc, seg, +1)
            if before is not None and after is not None and not ends_sentence(before.text):
                after.opens_paragraph = False  # the interrupted sentence's rest, not a start


INTERRUPTED = "caption: standalone sentence where the body sentence is interrupted"
LONE_IN_SENTENCE = (
    "caption: a lone sentence between an unfinished sentence and its capitalised rest"
)
#: The captions found standing inside a sentence: the text after them is its rest.
_SENTENCE_GOES_ON = frozenset({INTERRUPTED, LONE_IN_SENTENCE})


def _caption_reason(doc: Labelling, seg: Segment, byline: Segment | None) -> str:
    if len(seg.lines) > CAPTION_MAX_LINES or not ends_sentence(seg.text):
        return ""
    if not starts_new_sentence(seg.text) or len(seg.text.split()) < CAPTION_MIN_WORDS:
        return ""
    if starts_list_item(seg.text):
        return ""  # an item of a list, not a caption
    if byline is not None and doc.position(seg) > doc.position(byline):
        return "caption: stands after the byline"
    if _is_wide_caption(doc, seg):
        return "caption: wide sentence interrupting the text"
    before, after = _flow_around(doc, seg, -1), _flow_around(doc, seg, +1)
    if before is not None and _ends_word_broken_before(before.text, seg.text):
        return ""  # the rest of a word broken at a hyphen ('KT-' / 'XH, ...')
    capital = first_letter(seg.text).isupper()
    if capital and before and after and _interrupted(doc, before.text, after):
        return INTERRUPTED
    unfinished = before is not None and not ends_sentence(before.text) and not _point(before)
    if (
        capital
        and before
        and after
        and unfinished
        and would_fit(before.lines, seg.text, doc.layout)
    ):
        return "caption: the line before it had room for its first word, so it does not go on"
    if len(seg.lines) == 1 and seg.wide:
        return "caption: single line wider than the column"
    lone = capital and unfinished and len(seg.lines) == 1
    if (
        lone
        and before is not None
        and after is not None
        and _opens_capitalised(after)
        and (not _runs_on(doc, before, seg) or _runs_on(doc, before, after))
    ):  # when both could go on with the sentence, the text after the lone one does
        return LONE_IN_SENTENCE
    longer = len(seg.lines) == 1 and len(seg.text.strip()) > doc.layout.column
    if longer and capital and unfinished:
        return "caption: a line longer than any column line, inside an unfinished sentence"
    return ""


def _point(seg: Segment) -> bool:
    """A list item or a numbered point: complete without a full stop, as items often are; or
    an item of a list set without bullets, which ends with a semicolon ('S là diện tích;')."""
    return (
        starts_list_item(seg.text)
        or starts_enumeration(seg.text)
        or seg.text.rstrip().endswith(";")
    )


def _opens_capitalised(seg: Segment) -> bool:
    """Starts with a capital or an acronym, as a name continuing a broken sentence can."""
    return first_letter(seg.text).isupper()


def _runs_on(doc: Labelling, before: Segment, seg: Segment) -> bool:
    """The line may be the rest of the sentence before it: it opens with an acronym, or with a
    name (a word never written in lower case) right after a name in capitals such as 'TỈNH'."""
    first = seg.text.split()[0]
    if is_all_caps(first):
        return True
    word = WORD_RE.match(first)
    return is_all_caps(before.text.split()[-1]) and (
        word is None or not doc.writes_lower(word[0].lower())
    )


def _sentence_case(text: str) -> bool:
    """Starts with a capital and is not all capitals: looks like body text, not small caps."""
    return first_letter(text).isupper() and not is_all_caps(text)


def would_fit(lines: list[SourceLine], following: str, layout: Layout) -> bool:
    """True when the first word of `following` had room at the end of the last line: the line
    was not wrapped there, so the break is not a wrap inside one text. The width is the
    block's own when it has enough lines (columns can differ), else the document's."""
    words = following.split()
    return bool(words) and len(lines[-1].text.strip()) + 1 + len(words[0]) <= column_of(
        lines, layout
    )


def column_of(lines: list[SourceLine], layout: Layout) -> int:
    """The width lines were wrapped at: the longest of a block of 3+ lines, else the column."""
    if len(lines) >= LOCAL_WIDTH_LINES:
        return max(len(line.text.strip()) for line in lines)
    return layout.column


def _opens_with_fragment(text: str) -> bool:
    """'Lào Cai. Hội đồng…': a first 'sentence' of one or two words is the tail of another."""
    match = INNER_SENTENCE_END_RE.search(text)
    return match is not None and len(text[: match.start()].split()) < CAPTION_MIN_WORDS


def _heading_shaped(doc: Labelling, seg: Segment) -> bool:
    """Short, unpunctuated and followed by a new sentence, like a heading (whose small caps
    may start in lower case)."""
    text = seg.text
    if len(seg.lines) > HEADING_MAX_LINES or not _unpunctuated(text) or ends_open(text):
        return False
    after = doc.neighbour(seg, +1, ANY_TEXT)
    if after is None or after.role not in FLOW or text.rstrip()[-1] in END_MARK_GLYPHS:
        return False
    return starts_new_sentence(after.text) and not starts_lower(after.text)


def _interrupted(doc: Labelling, before: str, following: Segment) -> bool:
    """The text around a standalone sentence is one sentence: it goes on in lower case, or a
    word broken at a hyphen goes on (a capital after the hyphen, as in 'KT-' / 'XH'), or a number
    follows ('năm' / '2018'). A small-caps heading after it starts in lower case too, and a
    numbered or lettered point ('b. Đặt ...') opens one of its own: they prove nothing."""
    if ends_sentence(before):
        return False
    if starts_enumeration(following.text):
        return False  # 'b. Đặt ...', '3. Kiểm tra ...': a point of its own
    opening = first_letter(following.text)
    goes_on = (opening.islower() or opening.isdigit()) and not _heading_shaped(doc, following)
    goes_on = goes_on or _opens_with_fragment(following.text)
    return goes_on or bool(GLUED_HYPHEN_END_RE.search(before))


def _flow_around(doc: Labelling, seg: Segment, step: int) -> Segment | None:
    """The nearest body text before/after `seg`, passing over other caption-shaped lines."""
    other = doc.neighbour(seg, step, FLOW)
    while other is not None and len(other.lines) == 1 and _standalone_sentence(other.text):
        other = doc.neighbour(other, step, FLOW)
    return other


def label_formula_pieces(doc: Labelling) -> None:
    """A block without a single word of running text (variables, indices, numbers, a lone
    comma, the pieces of a big bracket) is what pdftotext leaves of a formula or a figure's
    labels: set apart as an equation, never a paragraph or a heading."""
    for seg in doc.body_segments():
        if len(seg.lines) > FRAGMENT_MAX_LINES or any(map(prose_word, seg.text.split())):
            continue
        if len(seg.lines) == 1 and parse_running_head(seg.text, seg.first.number) is not None:
            continue  # a page number
        ends = ends_with_stop(seg.text) or seg.text.rstrip()[-1:] in END_MARK_GLYPHS
        if ends and any(map(str.isalnum, seg.text)):
            continue  # the last word of a sentence alone on its line ('CO2.', '2019-2024 ■')
        before = doc.neighbour(seg, -1, FLOW)
        if before is not None and ends_glued_hyphen(before.last.text):
            continue  # the rest of a word broken at a hyphen ('KT-' / 'XH')
        seg.kind = BlockKind.EQUATION
        for line in seg.lines:
            line.reason = "equation: pieces of a formula or figure, no word of running text"


CELL_SHARE = 0.5  # a table cell's lines are no longer than this share of the column
CELL_MAX_LINES = 3
CELL_MAX_WORDS = 12
TABLE_MIN_CELLS = 3  # cells in a row (with numbers between) that make a table


def label_table_cells(doc: Labelling) -> None:
    """pdftotext writes each cell of a ruled table (or each label of a figure) as a block of
    its own: short, unpunctuated blocks in a row, with numbers or a caption among them, are
    kept as the lines of a table, not joined into paragraphs or taken for headings. A table's
    source note ('Nguồn: ...') under them counts among its blocks, its role kept."""
    run: list[Segment] = []
    for seg in [*doc.segments, None]:
        if seg is not None and (_cell(doc, seg) or _beside_cells(seg)):
            run.append(seg)
            continue
        cells = [index for index, s in enumerate(run) if _cell(doc, s) or s.reason == SOURCE_NOTE]
        numbers = [s for s in run if s.kind is BlockKind.EQUATION and _numbers_only(s.text)]
        if len(cells) >= 2 and len(cells) + len(numbers) >= TABLE_MIN_CELLS:
            inside = run[cells[0] : cells[-1] + 1]  # with the numbers and units among them
            for member in [*inside, *numbers]:
                if member.role is Role.RUNNING_HEAD and _numbers_only(member.text):
                    _reclaim_number(doc, member)  # a number among the cells is one of them
                if member.role is not Role.BODY:
                    continue  # a caption keeps its role
                member.kind = BlockKind.TABLE
                for line in member.lines:
                    line.reason = "table: a cell (or a figure's label) in a block of its own"
        run = []


def _reclaim_number(doc: Labelling, seg: Segment) -> None:
    """A number taken for a page number is a cell of the table it stands in."""
    numbers = {line.number for line in seg.lines}
    doc.heads[:] = [head for head in doc.heads if head.line not in numbers]
    seg.label(Role.BODY, "")


def _cell(doc: Labelling, seg: Segment) -> bool:
    return (
        seg.role is Role.BODY
        and seg.kind is None
        and len(seg.lines) <= CELL_MAX_LINES
        and all(len(line.text.strip()) <= CELL_SHARE * doc.layout.column for line in seg.lines)
        and not ends_sentence(seg.text)
        and not starts_lower(seg.text)  # 'và', 'trong đó': words between formulas
        and not ends_open(seg.text)  # '... phương trình (89) là': text before a formula
        and len(seg.text.split()) <= CELL_MAX_WORDS
        and not starts_enumeration(seg.text)
        and not starts_list_item(seg.text)
    )


def _beside_cells(seg: Segment) -> bool:
    """Blocks that may stand among a table's cells: numbers, a caption, a page number."""
    return seg.kind is BlockKind.EQUATION or seg.role in (Role.CAPTION, Role.RUNNING_HEAD)


def _numbers_only(text: str) -> bool:
    return all(NUMBER_CELL_RE.match(token) for token in text.split())


NUMBER_CELL_RE = re.compile(r"^[(\[]?[-+−]?\d+(?:[.,]\d+)*%?[)\]]?$")


def label_headings(doc: Labelling) -> None:
    """A short block without final punctuation between a finished sentence and a new one."""
    for seg in doc.body_segments():
        if _is_heading(doc, seg):
            seg.label(Role.HEADING, "heading: short, no final punctuation, new sentence follows")


def split_heading_number(text: str) -> tuple[str, str]:
    """'II. KẾT QUẢ' -> ('II. ', 'KẾT QUẢ'): a heading's number and its words."""
    match = NUMBERED_RE.match(text)
    if match is None:
        return "", text
    return text[: match.end()].lstrip(), text[match.end() :]


#: A letter marking a heading as a point of the one above ("a. ", "B. ", "c) ").
HEADING_LETTER_RE = re.compile(r"^\s*[a-zđA-ZĐ][.)]\s+(?=\S)")


#: A chapter's or part's label opening a heading ("CHƯƠNG 2. ", "Phần II: ", "Chapter 3 ").
CHAPTER_MARK_RE = re.compile(rf"^\s*({CHAPTER_LABEL})(\s*[.:]?\s+)(?=\S)")


def split_heading_mark(text: str) -> tuple[str, str]:
    """A heading's number or letter, kept as printed, and the words its case is of:
    'a. Phép tịnh tiến' -> ('a. ', 'Phép tịnh tiến'), 'C. PHÉP QUAY' -> ('C. ', 'PHÉP QUAY');
    a chapter's label with its word capitalised: 'CHƯƠNG 2. KẾT QUẢ' -> ('Chương 2. ',
    'KẾT QUẢ')."""
    number, words = split_heading_number(text)
    if number:
        return number, words
    chapter = CHAPTER_MARK_RE.match(text)
    if chapter is not None:
        label = chapter.group(1)
        word = label.split()[0]
        return word.capitalize() + label[len(word) :] + chapter.group(2), text[chapter.end() :]
    match = HEADING_LETTER_RE.match(text)
    if match is None:
        return "", text
    return text[: match.end()].lstrip(), text[match.end() :]


def _is_heading(doc: Labelling, seg: Segment) -> bool:
    if len(seg.lines) > HEADING_MAX_LINES + 1 or seg.wide:
        return False  # decided before joining the lines: most segments are long paragraphs
    number, text = split_heading_number(seg.text.strip())
    if len(seg.lines) > HEADING_MAX_LINES and not (number and is_all_caps(text)):
        return False  # a numbered heading in capitals takes a line more in a narrow column
    if _paragraph_shaped(doc, seg, number, text):
        return False
    if len(text) > HEADING_MAX_CHARS:
        return False
    before = doc.neighbour(seg, -1, FLOW)
    under_heading = before is not None and before.role is Role.HEADING
    if not number and starts_lower(text) and under_heading:
        # a heading in small letters (small capitals read as such) never stands right under
        # another: the rest of a sentence another column began may ("phẩm thời trang ...")
        return False
    inner_stop = INNER_SENTENCE_END_RE.search(text) and not is_all_caps(text)  # 'CHƯƠNG 2. ...'
    if not _unpunctuated(text) or inner_stop or ends_open(text):
        return False
    if text.rstrip()[-1] in END_MARK_GLYPHS:
        return False  # the article's last paragraph, with its end mark
    if starts_list_item(seg.text):
        return False  # a bullet opens a list item, however short
    after = doc.neighbour(seg, +1, FLOW)
    if after is None:
        return False
    after_text = after.text  # joined once for the three questions below
    if number and _next_point(number, after_text):
        return False  # an item of a numbered list ('1. ...' then '2. ...'), not a heading
    lower_after = not starts_new_sentence(after_text) or starts_lower(after_text)
    finished = before is None or under_heading or ends_sentence(before.text)
    if lower_after and not (numbered_capitals_heading(seg.text) and finished):
        return False  # (a numbered heading in capitals before another column's words stays)
    next_text = doc.neighbour(seg, +1, ANY_TEXT)
    if next_text is not None and next_text.role is Role.RUNNING_HEAD:
        return False  # a heading never ends a page: this is the page's last, cut line
    if next_text is not None and _leads_into_formula(seg, next_text, number, text):
        return False
    if before is None:
        return True
    fits = len(seg.last.text.strip()) + 1 + len(after_text.split(maxsplit=1)[0]) <= column_of(
        after.lines, doc.layout
    )
    plain = _opens_plainly(doc, after) and not _names_inside(text)
    if _sentence_case(text) and not fits and not number and not plain:
        return False  # ordinary text whose next word did not fit: wrapped at a column break
    if finished:
        return True
    if seg.opens_paragraph and after.opens_paragraph and len(seg.lines) == 1:
        return True  # the lines on either side had room: it was set apart
    if SECTION_NUMBER_RE.match(seg.text) and _set_apart(doc, seg):
        return True  # the sentence before it breaks off at a column's foot, to go on later
    return bool(number or is_all_caps(text)) and not ends_open(before.text)


def _set_apart(doc: Labelling, seg: Segment) -> bool:
    """A blank line right above and right below the block: pdftotext set it alone."""
    above, below = seg.first.number - 2, seg.last.number  # list indices (lines count from 1)
    return all(
        0 <= index < len(doc.lines) and doc.lines[index].role is Role.BLANK
        for index in (above, below)
    )


LEAD_IN_WORDS = 8  # an unnumbered heading right above a formula is shorter than this


def _leads_into_formula(seg: Segment, following: Segment, number: str, text: str) -> bool:
    """A long unnumbered line in sentence case right above a display formula is the sentence
    that introduces it, which mathematical writing leaves unpunctuated ('... (12) trở thành',
    '... như sau'): text, not a heading (a short one, 'Công thức xấp xỉ', may be a heading)."""
    return (
        following.kind is BlockKind.EQUATION
        and not number
        and not is_all_caps(text)
        and len(text.split()) >= LEAD_IN_WORDS
    )


def _next_point(number: str, following: str) -> bool:
    """`following` opens with the number after `number` at the same level ('2.' after '1.',
    '1.3.' after '1.2.')."""
    number = number.strip()
    core = number.rstrip(".)")
    digits = core.split(".")
    if not all(part.isdigit() for part in digits):
        return False
    digits[-1] = str(int(digits[-1]) + 1)
    return following.lstrip().startswith(".".join(digits) + number[len(core) :])


def _paragraph_shaped(doc: Labelling, seg: Segment, number: str, text: str) -> bool:
    """A paragraph found inside a block, in sentence case, its first line full: not a heading."""
    return (
        seg.opens_paragraph
        and len(seg.lines) > 1
        and not number
        and _sentence_case(text)
        and _full(seg.first, doc)
    )


def _full(line: SourceLine, doc: Labelling) -> bool:
    """The line fills the column (a paragraph's line, not a heading's)."""
    return len(line.text.strip()) >= FULL_LINE * doc.layout.column


def _names_inside(text: str) -> bool:
    """A capitalised word (not an acronym) after the first: a name, which a cut line may end in."""
    return any(first_letter(w).isupper() and not is_all_caps(w) for w in text.split()[1:])


def _opens_plainly(doc: Labelling, seg: Segment) -> bool:
    """The first word is an ordinary word the text also writes in lower case: it is capitalised
    only because a sentence starts there, so nothing before it runs on into it."""
    words = seg.text.split(maxsplit=2)[:2]
    word = WORD_RE.match(words[0]) if words else None
    if word is None or is_all_caps(word[0]) or not first_letter(word[0]).isupper():
        return False
    follows_plainly = len(words) > 1 and not first_letter(words[1]).isupper()
    return follows_plainly and doc.writes_lower(word[0].lower())


from bantin.convert.scholarly import (  # noqa: E402
    label_back_matter,
    label_capitals_title,
    label_front_matter,
    label_labelled_captions,
    label_references,
)

RULES: Registry[Rule] = Registry()
RULES.register(label_running_heads, "running_head", 100)
RULES.register(label_datelines, "datelines", 89.5)
RULES.register(label_front_matter, "front_matter", 89)
RULES.register(label_references, "references", 88)
RULES.register(label_back_matter, "back_matter", 87.5)
RULES.register(label_labelled_captions, "labelled_caption", 87)
RULES.register(label_capitals_title, "capitals_title", 86)
RULES.register(label_section_name, "section_name", 90)
RULES.register(label_end_mark_line, "end_mark", 85)
RULES.register(split_stacked_captions, "stacked_captions", 82)
RULES.register(label_title_band, "title_band", 80)
RULES.register(label_top_byline, "top_byline", 75)
RULES.register(label_byline, "byline", 70)
RULES.register(label_inner_byline, "inner_byline", 69)
RULES.register(split_leading_caption, "leading_caption", 65)
RULES.register(label_captions, "caption", 60)
RULES.register(label_formula_pieces, "formula_pieces", 55)
RULES.register(label_table_cells, "table_cells", 54)
RULES.register(label_headings, "heading", 50)


def label(doc: Labelling, rules: Registry[Rule] | None = None) -> Labelling:
    """Run every registered rule on the document, highest priority first."""
    for rule in rules if rules is not None else RULES:
        rule(doc)
    return doc
