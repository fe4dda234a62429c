"""The page layout seen through extracted text: lines, the column width, and segments.

A segment is a run of lines that belong together on the page: lines between blank lines,
split again where the width changes from the column to a wider band (title, lead, caption),
and where a paragraph ends without a blank line after it (as `pdftotext` writes paragraphs):
at a line that finishes a sentence and had room left for the next line's first word.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import statistics
from dataclasses import dataclass, field
from fractions import Fraction

from bantin.convert.metrics import LINE_WIDTHS, printed_width
from bantin.convert.shapes import (
    FRAGMENT_MAX_CHARS,
    is_formula_piece,
    is_math_line,
    maybe_math_lines,
    prose_word,
    token_kind,
)
from bantin.model import BlockKind, Role, SourceLine
from bantin.vietnamese import (
    CLOSERS,
    SENTENCE_END,
    ends_full_stop,
    ends_open,
    ends_sentence,
    is_all_caps,
    may_enumerate_lower,
    starts_enumeration,
    starts_lower,
    starts_new_sentence,
)

WIDE_FACTOR = 1.3  # a line this many times the column width is not a column line
OUTLIER_FACTOR = 1.35  # wrapped lines longer than this times the median are not column lines
WIDTH_WINDOW = 8  # lines on either side that show the width a line was set in
WIDTH_OUTLIER = 1.15  # lines longer than this times the window's median are not its width
WRAPPED_ENOUGH = 12  # wrapped lines enough to measure widths on them alone
WIDTH_WORDS = 2  # a line of one word (a formula's number or letter, a label) shows no width
PARAGRAPH_FIT = 0.9  # a sentence ends a paragraph when its line, with the next word, fills less
PRINTED_FIT = 0.97  # the same, measured as printed (a tighter measure: less margin)
INDENT_FIT = 0.97  # a wrapped line filling no more than this (next word in) was indented
INDENT_SHORTEST = 0.75  # ... and no less: a shorter one is something else (a cell, a formula)
INDENT_FULL = 0.98  # ... when the line after it, wrapped too, fills at least this
PRINTED_HEADING_FIT = 0.8  # the heading's, measured as printed
PRINTED_HEADING_ABOVE_FULL = 0.9  # ... above a line that fills the column and wraps
NAME_WRAP_FIT = 0.75  # a line filling less than this (next word in) had no name wrapped at it
FULL_LINE_FIT = 0.9  # a wrapped line filling at least this (next word in) fills its column
HEADING_FIT = 0.85  # an unpunctuated line this short before a new sentence stands alone
SPACE_WIDTH = printed_width(" ")
# Marks of a list item at the start of a line: bullets of symbol fonts (private use area too).
BULLETS = frozenset("•●○◦▪▫■□♦◆❖➢✓✔–-")


@dataclass(frozen=True)
class Layout:
    """Line-width statistics of one document: the column width and the 'wide' threshold."""

    column: int
    wide: int
    math: tuple[bool, ...] = ()  # each line: a line of mathematics or figures, not prose

    def is_wide(self, text: str) -> bool:
        return len(text.strip()) > self.wide


@dataclass(slots=True)
class Segment:
    """Consecutive non-blank lines that sit together on the page (a segment's lines are not
    changed once it is made: its text is joined once, when first asked for)."""

    lines: list[SourceLine]
    wide: bool = False
    opens_paragraph: bool = False  # the line before it ended a paragraph (had room left)
    ends_short: bool = False  # its last line breaks off a sentence with room left (`stops_short`)
    kind: BlockKind | None = None  # a block of its own kind (an equation), not labelled
    role: Role = Role.BODY
    reason: str = ""
    paragraphs: list[list[SourceLine]] = field(default_factory=list)
    _text: str | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = " ".join(line.text.strip() for line in self.lines)
        return self._text

    @property
    def first(self) -> SourceLine:
        return self.lines[0]

    @property
    def last(self) -> SourceLine:
        return self.lines[-1]

    def label(self, role: Role, reason: str) -> None:
        """Give the segment and each of its lines a role, with the reason."""
        self.role, self.reason = role, reason
        for line in self.lines:
            line.role, line.reason = role, reason


#: A form's blank to be filled in: a short label and its colon, then nothing but dot leaders
#: ('Người đọc: . . . . . .', a line of dots under it).
FORM_FIELD_RE = re.compile(r"^\s*(?:[^.:]{1,40}:)?\s*(?:\.\s?){8,}$")


def blank_form_field(text: str) -> bool:
    """'Họ và tên: . . . . . .' or '..........': a field of a form left blank, no text."""
    return text.count(".") >= FORM_FIELD_DOTS and FORM_FIELD_RE.match(text) is not None


FORM_FIELD_DOTS = 8  # dot leaders of FORM_FIELD_RE: a line with fewer is asked nothing more


FORM_FIELD = "a blank form field"  # the reason of a line taken out as one: a paragraph ends


def blank_form_fields(lines: list[SourceLine]) -> list[tuple[int, str]]:
    """Lines that are blank form fields become blank lines; (number, text) of each."""
    found = []
    for line in lines:
        if (
            line.text.count(".") >= FORM_FIELD_DOTS  # most lines: asked nothing more
            and line.role is not Role.BLANK
            and blank_form_field(line.text)
        ):
            found.append((line.number, line.text.strip()))
            line.role, line.reason = Role.BLANK, FORM_FIELD
    return found


def split_lines(text: str) -> list[SourceLine]:
    """Numbered lines; a form feed starts a new page; whitespace-only lines are blank."""
    lines: list[SourceLine] = []
    page = 0
    plain = "\f" not in text and "\t" not in text  # then each line only loses its end spaces
    for number, raw in enumerate(text.split("\n"), start=1):
        if plain:
            clean = raw.rstrip()
        else:
            page += raw.count("\f")
            clean = raw.replace("\f", "").replace("\t", " ").rstrip()
        line = SourceLine(number, clean, page)
        if not clean:  # (stripped at its end already: white space alone leaves nothing)
            line.role, line.reason = Role.BLANK, "nothing but white space"
        lines.append(line)
    return lines


_text = operator.attrgetter("text")


def ends_glued_hyphen(text: str) -> bool:
    """The line ends with a word broken at a hyphen ('KT-'): the next line opens with its
    rest ('XH'), which is no piece of a formula."""
    text = text.rstrip()
    return len(text) >= 2 and text[-1] == "-" and text[-2].isalpha()


def _sentence_goes_on(before: str) -> bool:
    """The line above is prose that does not end its sentence: the next line may be the
    sentence's own words, however many symbols it holds."""
    return bool(before.strip()) and not ends_sentence(before) and not is_math_line(before)


def _words_go_on(before: str, text: str) -> bool:
    """A line of many symbols that opens with words in lower case going on with the unfinished
    sentence of the line above ('không gian là rd = ρ̄/ρ = 0.74'): text with formulas in it,
    not a display equation."""
    words = text.split()[:2]
    return (
        len(words) == 2
        and all(map(prose_word, words))
        and starts_lower(text)
        and _sentence_goes_on(before)
    )


#: A sentence's citation of the numbered references and its final mark ('[4].', '[2, 5].'),
#: at the end of a line.
CITATION_END_RE = re.compile(r"\[\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\]\s*[.;:]$")
CITATION_TAIL_WORDS = 3  # a line of this many words at most after the citation's sentence


def _citation_ends_sentence(before: str, text: str) -> bool:
    """A short line ending with a citation and a full stop ('[4].', 'khoảng 35% [7].') after
    a line of prose that does not end its sentence: the sentence's last words, wrapped onto
    a line of their own, not a piece of a formula."""
    text = text.strip()
    return (
        text[-1:] in ".;:"
        and len(text.split()) <= CITATION_TAIL_WORDS
        and CITATION_END_RE.search(text) is not None
        and _sentence_goes_on(before)
    )


def _tail_ends_sentence(before: str, text: str) -> bool:
    """A line of many numbers or symbols that opens with the next word of the unfinished
    sentence above, in small letters, and ends it with a full stop ('lượt 5, 10 và 20 ngày.',
    'kiện t/T ≤ 0,5.'): the sentence's last words, wrapped onto a line of their own. A
    display formula opens with its variable, not with a word of the sentence."""
    text = text.strip()
    first = text.split(maxsplit=1)[0] if text else ""
    return (
        text[-1:] == "."
        and starts_lower(text)
        and prose_word(first)
        and token_kind(first) == "word"  # not a Greek variable ('ϕuv')
        and _sentence_goes_on(before)
    )


SENTENCE_LINE_WORDS = 3  # words of running text enough to make a line the sentence's own


def _sentence_line(before: str, text: str, after: str) -> bool:
    """A line of many numbers or symbols between lines of one unfinished sentence is that
    sentence's line, not a display formula, when it is written in the sentence's words: its
    last token is a word of running text that the next line, in small letters and no formula,
    goes on from ('0,75 kg/m2 ; 1,50 kg/m2 và 2,25 kg/m2 (đối'; a formula ends with a
    variable, a number or its own number), or it opens with the sentence's next word in small
    letters and holds a few more ('nước 100o C; thời gian hấp 120 ± 10 (s) [3]')."""
    tokens = text.split()
    if not tokens or not _sentence_goes_on(before):
        return False
    if _running_word(tokens[-1]):
        after = after.strip()
        if ends_sentence(text) or (after and starts_lower(after) and not is_math_line(after)):
            return True
    return (
        starts_lower(text)
        and _running_word(tokens[0])
        and sum(map(_running_word, tokens)) >= SENTENCE_LINE_WORDS
    )


def _running_word(token: str) -> bool:
    """A word of running text, not a variable written in letters ('ϕuv', 'sin')."""
    return prose_word(token) and token_kind(token) == "word"


def measure(lines: list[SourceLine]) -> Layout:
    """Column width = the longest typical wrapped line (a line followed by another one)."""
    texts = list(map(_text, lines))
    maybe = maybe_math_lines(texts)  # (is_math_line asks the others nothing more)
    pieces = short_lines(texts)  # (is_formula_piece answers no for the others)
    found = [False] * len(texts)
    for index in sorted(maybe.union(pieces)):
        text, before = texts[index], texts[index - 1] if index else ""
        found[index] = (
            index in maybe
            and is_math_line(text)
            and not _words_go_on(before, text)
            and not _citation_ends_sentence(before, text)
            and not _tail_ends_sentence(before, text)
            and not _sentence_line(before, text, texts[index + 1] if index + 1 < len(texts) else "")
        ) or (index in pieces and is_formula_piece(text) and not ends_glued_hyphen(before))
    math = _with_lone_names(texts, tuple(found))
    lengths = list(map(len, map(str.strip, map(_text, lines))))
    filled = [
        line.role is not Role.BLANK and not maths for line, maths in zip(lines, math, strict=True)
    ]
    wrapped = list(itertools.compress(lengths, map(operator.and_, filled, filled[1:])))
    if not wrapped:
        wrapped = list(itertools.compress(lengths, filled))
    median = statistics.median(wrapped) if wrapped else 40
    typical = [n for n in wrapped if n <= median * OUTLIER_FACTOR] or [int(median)]
    column = max(typical)
    return Layout(column=column, wide=int(column * WIDE_FACTOR), math=math)


def short_lines(texts: list[str]) -> set[int]:
    """The indexes of the lines no longer than a formula's piece once stripped, blank lines
    left out (`is_formula_piece` turns down the others, and blank ones, at once)."""
    return {
        index
        for index, text in enumerate(texts)
        if text and (len(text) <= FRAGMENT_MAX_CHARS or text[:1].isspace() or text[-1:].isspace())
    }


LONE_NAME_MAX_CHARS = 12
LONE_CAPITALS_MAX_CHARS = 4  # a longer word in capitals alone on its line is a heading's


def _with_lone_names(texts: list[str], math: tuple[bool, ...]) -> tuple[bool, ...]:
    """A name alone on its line right above or below a line of a formula ('ZN' over 'K=',
    'ZL' under its number) is the numerator or denominator of a fraction pdftotext printed
    apart: part of the formula, not a word of the text next to it."""
    marked = list(math)
    # only a line next to one of a formula can be marked: those are few
    beside = {
        near
        for index in itertools.compress(range(len(math)), math)
        for near in (index - 1, index + 1)
    }
    for index in sorted(beside):
        if not 0 <= index < len(texts):
            continue
        text = texts[index]
        if math[index] or not _lone_name(text):
            continue
        above = index > 0 and math[index - 1] and bool(texts[index - 1].strip())
        below = index + 1 < len(texts) and math[index + 1] and bool(texts[index + 1].strip())
        marked[index] = above or below
    return tuple(marked)


def _lone_name(text: str) -> bool:
    """One short token of letters and digits in capitals ('ZL', 'IHS'), or one that is no
    word of running text ('Mx1'): a word alone on its line ('là', 'Asuf', 'REFERENCES') is
    text or a heading, a number alone a page number."""
    token = text.strip()
    if len(token) > LONE_NAME_MAX_CHARS or not token.isalnum() or token.isdigit():
        return False
    return (token.isupper() and len(token) <= LONE_CAPITALS_MAX_CHARS) or not prose_word(token)


def segment(lines: list[SourceLine], layout: Layout) -> list[Segment]:
    """Group non-blank lines into segments at blank lines, at column/wide boundaries and at the
    ends of paragraphs written without a blank line after them."""
    texts = [line.text for line in lines]
    # Once per line, not per comparison: the width class, and whether the line ends a sentence
    # (without either, a line goes on the segment before it: the usual case, asked cheaply).
    wide = [length > layout.wide for length in map(len, map(str.strip, texts))]
    ends = [text[-1:] for text in map(str.rstrip, texts)]
    stops = [end in _STOPS and ends_with_stop(text) for end, text in zip(ends, texts, strict=True)]
    # a line that may end a sentence (its last mark one, or a closing quote or bracket)
    may_end = [end in _SENTENCE_MARKS for end in ends]
    capitals = list(map(str.isupper, texts))  # (capitals_band_edge needs one line so)
    math = list(layout.math) if len(layout.math) == len(lines) else [False] * len(lines)
    lower = list(map(starts_lower, texts))
    widths = LocalWidths(lines, math, lower=lower)
    printed = (
        LocalWidths(lines, math, printed=True, like=widths)
        if set_in_proportional_type(lines, math, lower)
        else None
    )
    # a paragraph's first line set in: a full line may end a paragraph only where it shows
    indented = printed is not None and indents_paragraphs(texts, math, lower, printed)
    segments: list[Segment] = []
    start: int | None = None  # the first line of the segment being built (lines run on)
    opens = False  # the segment being built starts after the end of a paragraph
    for index, line in enumerate(lines):
        if line.role is Role.BLANK:
            if start is not None:
                segments.append(_made(lines, wide, math, start, index, opens))
                segments[-1].ends_short = stops_short(texts[index - 1], widths, printed, index - 1)
                start, opens = None, math[index - 1]
            opens = opens or line.reason == FORM_FIELD  # the text goes on after no form
            continue
        if start is not None:
            ended = (
                (
                    _may_open(texts[index])
                    and ends_paragraph(
                        texts[index - 1],
                        texts[index],
                        widths[index - 1],
                        printed[index - 1] if printed is not None else None,
                        layout.column,
                        texts[index + 1] if index + 1 < len(lines) else "",
                        indented,
                    )
                )
                or (
                    printed is not None
                    and index + 1 < len(lines)
                    and not math[index + 1]
                    and lines[index + 1].page == line.page
                    and ends_sentence(texts[index - 1])
                    and starts_new_sentence(texts[index])
                    and opens_indented(texts[index : index + 3], printed[index])
                )
                or (
                    index + 1 < len(lines)
                    and may_end[index - 1]
                    and ends_sentence(texts[index - 1])
                    and _standalone_heading(
                        texts[index],
                        texts[index + 1],
                        widths[index],
                        printed[index] if printed is not None else None,
                        layout.column,
                        texts[index + 2] if index + 2 < len(lines) and not indented else "",
                    )
                )
            )
            if (
                ended
                or line.page != lines[index - 1].page  # a form feed: a new page
                or math[index] != math[index - 1]  # an equation is set apart from the text
                or (
                    (capitals[index - 1] or capitals[index])
                    and capitals_band_edge(texts[index - 1], texts[index])  # a heading's band
                )
                or (
                    (wide[index] or wide[index - 1] or stops[index - 1])
                    and _starts_new_segment(index - 1, index, lines, wide)
                )
            ):
                segments.append(_made(lines, wide, math, start, index, opens))
                if line.page != lines[index - 1].page:
                    short = stops_short(texts[index - 1], widths, printed, index - 1)
                    segments[-1].ends_short = short
                start, opens = None, ended or math[index - 1]
        if start is None:
            start = index
    if start is not None:
        segments.append(_made(lines, wide, math, start, len(lines), opens))
    return segments


SHORT_END_FIT = 0.75  # a line filling no more than this had room for any next word


def stops_short(text: str, widths: LocalWidths, printed: LocalWidths | None, index: int) -> bool:
    """The line `text`, the last before a blank line or a page break, breaks off its sentence
    (no final punctuation) though it fills so little of the width it was set in that any
    next word would have fitted: its sentence did not go on in the next line printed, and
    a new sentence after the break opens a paragraph (the text led into a display formula,
    or a paragraph ended without its full stop)."""
    text = text.strip()
    if not text or ends_sentence(text) or text[-1] in ",;:-–" or ends_open(text):
        return False
    last = text.rsplit(maxsplit=1)[-1]
    if last[0].isupper() and not is_all_caps(last):
        return False  # a name ('Hà') may go on after the break ('Nội'): no sign of an end
    if printed is not None:
        return LINE_WIDTHS[text] <= SHORT_END_FIT * printed[index]
    return len(text) <= SHORT_END_FIT * widths[index]


class LocalWidths:
    """The width each line was set in, computed when first asked for: the widest of the lines
    of prose around it, leaving out lines much wider than most of them (a title, two columns
    read as one line). Widths are counted in characters, or measured as printed
    (`printed_width`) with `printed`. Most lines are never asked (only those before a new
    sentence), and a line's width is measured only for their windows."""

    def __init__(
        self,
        lines: list[SourceLine],
        math: list[bool],
        printed: bool = False,
        like: LocalWidths | None = None,  # the same lines' other widths: their prose is shared
        lower: list[bool] | None = None,  # each line's starts_lower, when known
    ) -> None:
        if like is None:
            self.texts = list(map(str.strip, map(_text, lines)))
            self.all_prose = [
                i
                for i, text in enumerate(self.texts)
                if not math[i] and text.count(" ") + 1 >= WIDTH_WORDS
            ]
        else:
            self.texts, self.all_prose = like.texts, like.all_prose
        prose = self.all_prose
        self.prose = prose
        if not printed:
            # Counted in characters, lines that wrapped (the sentence goes on in lower case
            # on the next line) show the width best: a figure's labels among the prose do not.
            if lower is None:
                lower = list(map(starts_lower, self.texts))
            wrapped = [
                i
                for i in prose
                if i + 1 < len(self.texts) and lower[i + 1] and not self.texts[i].endswith("-")
            ]
            if len(wrapped) >= WRAPPED_ENOUGH:
                self.prose = wrapped
        # every line's length or printed width (lines measured before are remembered)
        self.lengths = list(map(LINE_WIDTHS.__getitem__ if printed else len, self.texts))
        self.known: dict[int, int] = {}

    def __getitem__(self, index: int) -> int:
        width = self.known.get(index)
        if width is None:
            width = self.known[index] = self._measure(index)
        return width

    def _measure(self, index: int) -> int:
        if not self.prose or not self.texts[index]:
            return 0
        position = bisect.bisect_left(self.prose, index)
        around = self.prose[max(0, position - WIDTH_WINDOW) : position + WIDTH_WINDOW]
        window = sorted(map(self.lengths.__getitem__, around))
        limit = window[len(window) // 2] * WIDTH_OUTLIER
        return window[bisect.bisect_right(window, limit) - 1]  # the widest within the limit


def local_widths(lines: list[SourceLine], math: list[bool], printed: bool = False) -> list[int]:
    """Every line's width (see `LocalWidths`)."""
    widths = LocalWidths(lines, math, printed)
    return [widths[index] for index in range(len(lines))]


def filled(text: str, following: str, width: int) -> float:
    """The share of `width` (printed) the line would fill with the next line's first word."""
    word = following.split()[0]
    return (LINE_WIDTHS[text] + SPACE_WIDTH + printed_width(word)) / max(width, 1)


def ends_paragraph(
    text: str,
    following: str,
    width: int,
    printed: int | None = None,
    column: int = 0,
    after: str = "",
    indented: bool = False,
) -> bool:
    """The line `text` ends a paragraph (or a heading) though no blank line follows it: a list
    item or a numbered point starts after a finished clause, or a new sentence starts after a
    line that had room for its first word (a sentence, a list's item ending with a semicolon,
    or a short unpunctuated line: a heading).
    `width` is the width the lines around it were set in, in characters; `printed`, as
    printed, when the text was set in proportional type: a line's characters then say little
    of its printed width, and a sentence ends the paragraph where the next word would have
    fitted as printed. `after` is the line after `following` (see `_standalone_heading`).
    A run-in label ('Giai đoạn 2: ...') opens a paragraph after a finished sentence or a
    list's item ending with a semicolon, even after a full line, unless the publication sets
    its paragraphs' first lines in (`indented`): its paragraphs then show where they start,
    and such labels run on inside them."""
    text, following = text.strip(), following.strip()
    if not text or not following:
        return False
    if (following[0] in BULLETS and following[1:2] == " ") or _private_use(following[0]):
        item = following[1:].lstrip()  # a list item: a heading may stand right above it
        return (
            ends_sentence(text)
            or text.endswith(";")
            or _standalone_heading(text, item, width, printed, column)
        )
    if starts_enumeration(following) and (ends_sentence(text) or text.endswith(";")):
        # A numbered or lettered point ('2. ...', 'b. ...') after a finished clause; but a
        # bracketed one ('(1) ...', 'a) ...') after a full line ending with a colon was run
        # into its sentence: the line had no room left for it.
        return not (
            text.endswith(":")
            and INLINE_POINT_RE.match(following)
            and not _had_room(text, following, width, printed)
        )
    if not starts_new_sentence(following):
        # a section's numbered heading in capitals ends its line whatever follows: pdftotext
        # may read it, at a column's top, before the words the column before left unfinished
        return numbered_capitals_heading(text) and not is_all_caps(following.split()[0])
    if ends_sentence(text):
        return (
            _had_room(text, following, width, printed)
            or starts_enumeration(following)
            or (not indented and opens_with_label(following))
        )
    if text[-1] == ";" and text.count("(") <= text.count(")"):
        # an item of a list ('Q là lưu lượng (lít/giờ);') on a line of its own: a clause
        # that goes on would have filled the line (one inside brackets goes on: '(a = 2;');
        # a full one ends where the next item's run-in label opens ('G: Công suất ...')
        return _had_room(text, following, width, printed) or (
            not indented and opens_with_label(following)
        )
    return _standalone_heading(text, following, width, printed, column, "" if indented else after)


LABEL_WORDS = 4  # a run-in label's words at most, its colon included ('Giai đoạn 2:')


def opens_with_label(text: str) -> bool:
    """The line opens with a run-in label, a few words ending with a colon, and a capital
    after it ('Giai đoạn 2: Nước ...', 'H3: Kiểm toán viên ...', '[H1]: Nhận thức ...'): a
    paragraph or a list's item opens so; a sentence's colon comes later, or a small letter
    follows it. A label opens with a word (not a number, an arrow or a citation) and holds no
    comma ('600, Số epoch: 300' lists values)."""
    if ":" not in text[:60]:  # most lines: no colon near their start
        return False
    text = text.lstrip()
    if not (text[:1].isalpha() or (text[:1] in "*[(" and text[1:2].isalpha())):
        return False
    words = text.split(maxsplit=LABEL_WORDS + 1)
    for index, word in enumerate(words[:LABEL_WORDS]):
        if word.endswith(":") and len(word) > 1:
            return index + 1 < len(words) and starts_new_sentence(words[index + 1])
        if word.endswith(","):
            return False
    return False


INLINE_POINT_RE = re.compile(r"^(?:\(\d{1,2}\)|[a-zđ]\))\s", re.IGNORECASE)  # '(1) ', 'a) '


def _had_room(text: str, following: str, width: int, printed: int | None) -> bool:
    """The line stops short of the width: the next line's first word would have fitted."""
    counted = (len(text) + 1 + len(following.split()[0])) / max(width, 1)
    if printed is None:
        return counted <= PARAGRAPH_FIT
    # and never where the word would not have fitted by its characters either
    return filled(text, following, printed) <= PRINTED_FIT and counted <= 1.0


CAPITALS_WORDS = 3  # a line of this many words in capitals is a heading's, not a sentence's


def capitals_band_edge(before: str, text: str) -> bool:
    """A line all in capitals (a heading's) starts after a finished sentence in lower case,
    or text in lower case starts a new sentence after it: the heading stands apart."""
    if not (before.isupper() or text.isupper()):  # neither line in capitals: most pairs
        return False
    before, text = before.strip(), text.strip()
    if not before or not text:
        return False
    above, here = _capitals_line(before), _capitals_line(text)
    if here and not above:
        return ends_sentence(before) and not is_all_caps(before)
    if above and not here:
        return not ends_open(before) and text[0].isupper() and any(map(str.islower, text))
    return False


def _capitals_line(text: str) -> bool:
    if not text.isupper():  # a small letter, or no letter: most lines end here, cheaply
        return False
    words = [word for word in text.split() if any(map(str.isalpha, word))]
    return len(words) >= CAPITALS_WORDS and is_all_caps(text) and not ends_sentence(text)


def opens_indented(texts: list[str], printed: int) -> bool:
    """The first of `texts` (a line and the two after it, set in proportional type) was
    wrapped, its sentence going on in the next line, yet stops short of the width by about a
    paragraph's first-line indent, which pdftotext does not write, while the next line, wrapped
    too, fills the width: the line opens a paragraph, even after a full line."""
    text, following, after = ([t.strip() for t in texts] + ["", ""])[:3]
    if not (text and following and after) or ends_glued_hyphen(text):
        return False
    if ends_sentence(text) or ends_sentence(following) or ends_glued_hyphen(following):
        return False
    return (
        INDENT_SHORTEST <= filled(text, following, printed) <= INDENT_FIT
        and filled(following, after, printed) >= INDENT_FULL
    )


PROPORTIONAL_SAMPLE = 80  # wrapped lines enough to tell how the text was set
PROPORTIONAL_MIN = 5
PROPORTIONAL_MARGIN = 1.1  # printed widths as even as the counts, or nearly: proportional type


def set_in_proportional_type(
    lines: list[SourceLine], math: list[bool], lower: list[bool] | None = None
) -> bool:
    """The text was set in proportional type (as a PDF's is) rather than wrapped at a number
    of characters (a mail, a terminal): the lines it wrapped (the next one goes on in lower
    case) are more even measured as printed than counted in characters."""
    wrapped: list[str] = []
    if lower is None:
        lower = [starts_lower(line.text) for line in lines]
    for index in range(len(lines) - 1):
        if not lower[index + 1] or math[index]:
            continue
        text = lines[index].text.strip()
        if text and not text.endswith("-"):
            wrapped.append(text)
            if len(wrapped) >= PROPORTIONAL_SAMPLE:
                break
    if len(wrapped) < PROPORTIONAL_MIN:
        return False
    return _spread(list(map(LINE_WIDTHS.__getitem__, wrapped))) < PROPORTIONAL_MARGIN * _spread(
        list(map(len, wrapped))
    )


def _spread(values: list[int]) -> float:
    """How uneven the full lines are: the coefficient of variation of the values near the
    widest (a paragraph's short last lines and lines run into the next column left out)."""
    ordered = sorted(values)
    top = ordered[int(len(ordered) * 0.9)]
    near = [value for value in ordered if 0.75 * top <= value <= WIDTH_OUTLIER * top]
    mean = statistics.fmean(near)
    return pstdev_of_ints(near) / mean if mean else 0.0


#: statistics' correctly rounded square root of a fraction, which its pstdev ends with.
_SQRT_OF_FRACTION = getattr(statistics, "_float_sqrt_of_frac", None)


def pstdev_of_ints(values: list[int]) -> float:
    """`statistics.pstdev(values)` of whole numbers, worked out as it does (the exact mean
    square deviation as a fraction, its square root correctly rounded) from two sums instead
    of a fraction per value: many times faster."""
    count = len(values)
    if _SQRT_OF_FRACTION is None or not count:
        return statistics.pstdev(values)
    total, squares = sum(values), sum(value * value for value in values)
    mean_square = Fraction(count * squares - total * total, count * count)
    return float(_SQRT_OF_FRACTION(mean_square.numerator, mean_square.denominator))


SECTION_NUMBER_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+\S")  # '3.2.', '2.1.4 '
#: A section's number: arabic ("3.", "2.1.") or roman ("IV.").
_SECTION_MARK_RE = re.compile(r"^(?:\d{1,2}\.(?:\d{1,2}\.?)*|[IVX]{1,4}\.)\s+(?=\S)")
NUMBERED_HEADING_MAX_CHARS = 100


def numbered_capitals_heading(text: str) -> bool:
    """A section's number and a name in capitals of two words or more ("3. KẾT LUẬN",
    "IV. KẾT QUẢ VÀ THẢO LUẬN"), not cut off: a heading, never running text."""
    text = text.strip()
    if not text[:1].isdigit() and text[:1] not in "IVX":
        return False  # most lines: asked without the pattern
    mark = _SECTION_MARK_RE.match(text)
    if mark is None or len(text) > NUMBERED_HEADING_MAX_CHARS:
        return False
    name = text[mark.end() :]
    return len(name.split()) >= 2 and is_all_caps(name) and not ends_open(name)


def _standalone_heading(
    text: str,
    following: str,
    width: int,
    printed: int | None = None,
    column: int = 0,
    after: str = "",
) -> bool:
    """A short line without final punctuation before a new sentence stands alone: a heading
    (a numbered one may fill more of the width, as long as the next word would have fit).
    Measured as printed (`printed`, for text set in proportional type) unless the line is in
    capitals, which are set smaller or narrower than the body type's capitals would be.
    When the new sentence fills its line and goes on in the next (`after`), the text is set
    as wide as measured there: a heading may then fill more of the line, and a name ending it
    ran on to no next line if it left much of the line empty."""
    text, following = text.strip(), following.strip()
    if not text or not following or ends_sentence(text) or not starts_new_sentence(following):
        return False
    capitals = is_all_caps(text)
    above_full = False  # the new sentence is a full line of running text that goes on
    if SECTION_NUMBER_RE.match(text) and column > width:
        # A section's number ('3.2.') before a line of words: measured against the column
        # of the whole text, as a window of short lines (a formula's) may understate it.
        share, fit = (len(text) + 1 + len(following.split()[0])) / column, HEADING_FIT
    elif printed is None or capitals:
        share = (len(text) + 1 + len(following.split()[0])) / max(width, 1)
        fit = HEADING_FIT
    else:
        share, fit = filled(text, following, printed), PRINTED_HEADING_FIT
        above_full = (
            share <= PRINTED_HEADING_ABOVE_FULL
            and "," not in text  # a heading holds no clause, a sentence's first line may
            and following[0].isalnum()  # a capital or a number, not a bracket ('(nếu ...')
            and _fills_and_wraps(following, after, printed)
        )
        if above_full:
            fit = PRINTED_HEADING_ABOVE_FULL
    numbered = starts_enumeration(text)
    return (
        share <= (1.0 if numbered else fit)  # a numbered heading: any room left
        and text[-1] not in ",;-–"
        and not ends_open(text)
        and not (capitals and is_all_caps(following.split()[0]))
        and (
            numbered
            or not _name_goes_on(text, following)
            or (above_full and share <= NAME_WRAP_FIT)
        )
    )


INDENT_SAMPLE = 200  # wrapped lines inside paragraphs enough to compare first lines with
INDENT_MIN_FIRSTS = 5  # first lines of paragraphs enough to tell
INDENTED_SHARE = 0.95  # first lines filling less than this share of the others': set in


def indents_paragraphs(
    texts: list[str], math: list[bool], lower: list[bool], printed: LocalWidths
) -> bool:
    """The publication sets its paragraphs' first lines in, which pdftotext does not write:
    the wrapped lines that open a paragraph (after a sentence ended on a line with room left)
    fill less of the width than the wrapped lines inside paragraphs, by about the indent.
    A paragraph then shows where it starts, and a full line never ends one."""
    firsts: list[float] = []
    others: list[float] = []
    for index in range(1, len(texts) - 1):
        if not lower[index + 1] or math[index] or math[index - 1]:
            continue  # the line does not wrap into the next (most lines after a full stop)
        text, before = texts[index].strip(), texts[index - 1].strip()
        if not text or not before or text.endswith("-"):
            continue
        if lower[index]:
            if len(others) < INDENT_SAMPLE:
                others.append(filled(text, texts[index + 1], printed[index]))
        elif ends_sentence(before) and filled(before, text, printed[index - 1]) <= PARAGRAPH_FIT:
            firsts.append(filled(text, texts[index + 1], printed[index]))
    if len(firsts) < INDENT_MIN_FIRSTS or not others:
        return False
    return statistics.median(firsts) < INDENTED_SHARE * statistics.median(others)


def _fills_and_wraps(text: str, after: str, printed: int) -> bool:
    """The line `text` fills the width `printed` (with the next line's first word in) and its
    sentence goes on in lower case in `after`: a line of running text as wide as the column
    measured there (not a table's cell or a figure's label, narrower)."""
    after = after.strip()
    return (
        bool(after)
        and starts_lower(after)
        and not ends_sentence(text)
        and filled(text, after, printed) >= FULL_LINE_FIT
    )


def _name_goes_on(text: str, following: str) -> bool:
    """A capitalised word ends the line and another opens the next: a name ('Quảng' / 'Ninh')
    that ragged text wrapped, not a heading before a new sentence."""
    last, first = text.split()[-1], following.split()[0]
    return last[:1].isupper() and first[:1].isupper() and not is_all_caps(last)


# A year or a number of three digits or more alone on its line, with its closing mark.
LONE_NUMBER_RE = re.compile(r"^\d{3,}[.,;:)]?$")


def _may_open(text: str) -> bool:
    """Cheap first question: the line could open a paragraph (the width is asked only then).
    A lone number ('2015;', a standard's year wrapped under 'TCVN 4321:') opens none."""
    stripped = text.strip()
    if stripped[:1].isalpha() and stripped[0].islower():
        # most lines: what follows asks nothing more
        return may_enumerate_lower(stripped) and starts_enumeration(stripped)
    return (
        bool(stripped)
        and not LONE_NUMBER_RE.match(stripped)
        and (
            starts_new_sentence(stripped)
            or stripped[0] in BULLETS
            or _private_use(stripped[0])
            or starts_enumeration(stripped)
        )
    )


def starts_list_item(text: str) -> bool:
    """The line opens with a list item's bullet or dash, then a space."""
    stripped = text.lstrip()
    return bool(stripped) and (
        (stripped[0] in BULLETS and stripped[1:2] == " ") or _private_use(stripped[0])
    )


def _private_use(char: str) -> bool:
    """Symbol fonts' bullets often come out in the private use area (U+F0B7)."""
    return "\ue000" <= char <= "\uf8ff"


def _made(
    lines: list[SourceLine], wide: list[bool], math: list[bool], start: int, end: int, opens: bool
) -> Segment:
    made = Segment(lines[start:end], wide=any(wide[start:end]), opens_paragraph=opens)
    if math[start]:
        made.kind = BlockKind.EQUATION
        for line in made.lines:
            line.reason = "equation: more symbols, numbers and variables than words"
    return made


def _starts_new_segment(before: int, index: int, lines: list[SourceLine], wide: list[bool]) -> bool:
    """Wide after column always splits; column after wide splits unless it ends the band."""
    previous, line = lines[before], lines[index]
    was_wide, is_wide = wide[before], wide[index]
    if is_wide and not was_wide:
        return True
    if ends_with_stop(previous.text) and starts_lower(line.text):
        return True  # a sentence never goes on in lower case: the previous line stood alone
    if was_wide and not is_wide:
        after = index + 1
        column_follows = (
            after < len(lines) and lines[after].role is not Role.BLANK and not wide[after]
        )
        continuation = ends_full_stop(previous.text) and starts_lower(line.text)
        return column_follows or continuation
    return False


_STOPS = frozenset(".!?")  # the last character of a line ending with a stop
#: The last character of a line that may end a sentence (ends_sentence): a sentence's mark,
#: or a closing quote or bracket after it.
_SENTENCE_MARKS = SENTENCE_END | CLOSERS


def ends_with_stop(text: str) -> bool:
    """Ends with a single '.', '!' or '?' (an ellipsis may go on in lower case)."""
    text = text.rstrip()
    return text.endswith((".", "!", "?")) and not text.endswith("..")


DROP_CAP_REACH = 3  # blocks after a lone letter where the rest of its word may be printed


def join_drop_caps(lines: list[SourceLine]) -> list[tuple[int, int]]:
    """A drop cap: `pdftotext` prints the big letter alone on its line ('N', a decorative
    font's 'q') and the rest of its word in capitals at the start of a later block ('GÀY
    21/9/1957, ...'), maybe after a lead set beside it. The letter goes back on its word and
    its own line becomes blank; returns (letter line, word line) numbers."""
    joined: list[tuple[int, int]] = []
    for index, line in enumerate(lines):
        letter = line.text.strip()
        if len(letter) != 1 or not letter.isalpha() or not _blank_around(lines, index):
            continue
        target = _drop_cap_word(lines, index)
        if target is None:
            continue
        word = lines[target]
        word.text = letter.upper() + word.text.lstrip()
        line.text, line.role, line.reason = "", Role.BLANK, "drop cap, joined to its word"
        joined.append((line.number, word.number))
    return joined


def _blank_around(lines: list[SourceLine], index: int) -> bool:
    """Nothing else on the lines right above and below (or the text's edge)."""
    return all(
        not 0 <= other < len(lines) or lines[other].role is Role.BLANK
        for other in (index - 1, index + 1)
    )


def _drop_cap_word(lines: list[SourceLine], index: int) -> int | None:
    """The index of the first line of one of the next blocks (same page) that opens with the
    rest of a word in capitals and goes on in lower case."""
    blocks = 0
    for other in range(index + 1, len(lines)):
        line = lines[other]
        if line.page != lines[index].page:
            return None
        if line.role is Role.BLANK or lines[other - 1].role is not Role.BLANK:
            continue  # only a block's first line
        blocks += 1
        if blocks > DROP_CAP_REACH:
            return None
        words = line.text.split()
        rest = line.text.strip()[len(words[0]) :]
        if len(words) >= 2 and words[0].isalpha() and words[0].isupper() and not rest.isupper():
            return other
    return None
