"""A hyphen `pdftotext` dropped at the end of a line, put back.

Without `-layout`, poppler drops the '-' that ends a line and prints the next line right
after it (its dehyphenation): 'kinh tế -' over 'xã hội' comes out as one line holding
'kinh tế xã hội', 'KH-' over 'CN' as 'KHCN'. Vietnamese breaks no word at a line end, so
that hyphen was part of the text. Such a line is much longer, as printed, than the column
lines around it, and the place it was cut at is about a column line's width from its start.
Where the pair is printed with its hyphen inside a line elsewhere in the same text, and
nowhere without it, the hyphen goes back there.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import operator
import re

from bantin.convert.metrics import CHAR_WIDTHS, LINE_WIDTHS
from bantin.model import Role, SourceLine
from bantin.vietnamese import Memo

LONG = 1.2  # a line this many times the median of the lines around it holds two lines
TYPICAL = 1.15  # lines up to this many times the median show the column's width
WINDOW = 8  # lines of prose on either side that show the column
LEAST_AROUND = 4  # fewer lines of prose around show no column
CUT_FROM, CUT_TO = 0.6, 1.05  # where the first line may have ended, as a share of the width
DASHES = "-–‐"  # a hyphen, an en dash, the Unicode hyphen
PROSE_SPACES = 2  # a line of prose has at least three words
_OPENING = "([{“‘\"'"
_DASH_RE = re.compile(f"[{DASHES}]")
_CLOSING = ".,;:!?)]}”’\"'…"
_MARKS = re.escape("".join(sorted(set(_OPENING + _CLOSING + DASHES))))
#: A word made of nothing but opening marks, dashes and closing marks (those whose core may
#: be a dash or nothing); it opens with one of them, so a search skips to the next at once.
_MARKS_WORD_RE = re.compile(f"[{_MARKS}](?<![^ ][{_MARKS}])[{_MARKS}]*(?![^ ])")
_TEXT = operator.attrgetter("text")
_PROSE_SPACES = itertools.repeat(PROSE_SPACES)
BLANK = Role.BLANK


@dataclasses.dataclass(frozen=True)
class _Site:
    start: int  # where the hyphen goes in the line's text
    hyphen: str  # ' -' (a dash between words) or '-' (glued to the word)
    shown: str  # the pair as it is restored, for the explanation
    cut: float  # how far from the column's width the first line would have ended


def restore_dropped_hyphens(lines: list[SourceLine]) -> list[tuple[int, str]]:
    """Put back the hyphens pdftotext dropped at line ends (see the module); returns each
    line's number with the pair restored."""
    texts = list(map(str.strip, map(_TEXT, lines)))
    widths = list(map(LINE_WIDTHS.__getitem__, texts))
    spaced = map(operator.ge, map(str.count, texts, itertools.repeat(" ")), _PROSE_SPACES)
    prose = [i for i in itertools.compress(range(len(lines)), spaced) if lines[i].role is not BLANK]
    long = _long_lines(prose, [widths[i] for i in prose])
    candidates = {i: width for i, width in long.items() if _between_column_lines(i, long, prose)}
    if not candidates:
        return []
    evidence = _Evidence(texts, long)
    restored: list[tuple[int, str]] = []
    for index, width in candidates.items():
        site = _best_site(texts[index], width, evidence)
        if site is not None:
            line = lines[index]
            line.text = line.text.replace(texts[index], _insert(texts[index], site), 1)
            restored.append((line.number, site.shown))
    return restored


def _long_lines(prose: list[int], widths: list[int]) -> dict[int, int]:
    """Each overlong line of prose (its index -> the column's width around it): LONG times
    the median of the widths of up to WINDOW lines of prose on either side, or wider. The
    window's widths are kept sorted as it slides down the text."""
    long: dict[int, int] = {}
    window: list[int] = []  # widths[low:high], sorted
    low = high = 0
    end = len(prose)
    for position, index in enumerate(prose):
        while high < end and high <= position + WINDOW:
            bisect.insort(window, widths[high])
            high += 1
        if position - WINDOW > low:
            del window[bisect.bisect_left(window, widths[low])]
            low += 1
        count = high - low - 1  # the widths around the line (len(window)): its own taken out
        if count < LEAST_AROUND:
            continue
        width = widths[position]
        own = bisect.bisect_left(window, width)
        half = count // 2  # the median of the window without `own`, read around it
        upper = window[half + 1] if half >= own else window[half]
        if count % 2:
            median: float = upper
        else:
            median = ((window[half] if half > own else window[half - 1]) + upper) / 2
        if width >= LONG * median:
            around = window[:own] + window[own + 1 :]
            long[index] = max(other for other in around if other <= TYPICAL * median)
    return long


def _between_column_lines(index: int, long: dict[int, int], prose: list[int]) -> bool:
    """The lines of prose right above and below are column lines, not long ones (a title's
    band, a table's rows)."""
    position = bisect.bisect_left(prose, index)
    neighbours = prose[max(0, position - 1) : position] + prose[position + 1 : position + 2]
    return bool(neighbours) and not any(i in long for i in neighbours)


def _insert(text: str, site: _Site) -> str:
    return text[: site.start] + site.hyphen + text[site.start :]


class _Evidence:
    """What the rest of the text prints: words with a hyphen inside ('KH-CN'), pairs of words
    with a dash between ('tế - xã'), and, outside the long lines, words and pairs of words
    (these two only worked out when first asked: only a pair printed with a dash asks)."""

    def __init__(self, texts: list[str], long: dict[int, int]) -> None:
        self.texts, self.long = texts, long
        joined = " ".join(texts)
        if joined.isprintable():  # white space is spaces alone: most texts
            self.dashed = _dashed_around_marks(joined) | _dashed_inside(joined)
        else:
            self.dashed = _dashed_of_every_word(joined)
        self.dashed.discard(("", ""))
        # A pair joined by a hyphen or a dash, glued or spaced, says the same: the words of
        # the pair go together with one between them.
        self.hyphenated = {f"{left}-{right}" for left, right in self.dashed}

    @functools.cached_property
    def _plain(self) -> list[str]:
        """The cores of the words outside the long lines, in order."""
        kept = " ".join(text for i, text in enumerate(self.texts) if i not in self.long)
        return list(map(_CORES.__getitem__, kept.split()))

    @functools.cached_property
    def words(self) -> set[str]:
        return set(self._plain)

    @functools.cached_property
    def pairs(self) -> set[tuple[str, str]]:
        return set(itertools.pairwise(self._plain))


def _dashed_of_every_word(text: str) -> set[tuple[str, str]]:
    """The pairs the text prints with a dash: the words on either side of a word that is a
    dash (or nothing but marks), and the halves of each word with one hyphen or dash inside
    (each different word asked once, answered from what earlier texts taught)."""
    words = list(map(_CORES.__getitem__, text.split()))  # every word's core, in order
    between = itertools.compress(
        range(1, len(words) - 1), map(_DASH_WORDS.__contains__, words[1:-1])
    )
    dashed = {(words[index - 1], words[index + 1]) for index in between}
    dashed.update(filter(None, map(_DASH_HALVES.__getitem__, set(words))))
    return dashed


def _dashed_around_marks(text: str) -> set[tuple[str, str]]:
    """`_dashed_of_every_word`'s pairs around a dash or marks alone, for a text whose white
    space is spaces: only the words made of marks and dashes (few) are looked at, and the
    words on either side of those."""
    dashed: set[tuple[str, str]] = set()
    for found in _MARKS_WORD_RE.finditer(text):
        if _CORES[found[0]] not in _DASH_WORDS:
            continue
        before = found.start() - 1
        while before >= 0 and text[before] == " ":
            before -= 1
        after = found.end()
        while after < len(text) and text[after] == " ":
            after += 1
        if before < 0 or after == len(text):
            continue  # the text's first or last word: no pair around it
        left = text[text.rfind(" ", 0, before) + 1 : before + 1]
        end = text.find(" ", after)
        right = text[after : end if end >= 0 else len(text)]
        dashed.add((_CORES[left], _CORES[right]))
    return dashed


def _dashed_inside(text: str) -> set[tuple[str, str]]:
    """`_dashed_of_every_word`'s halves of the words with one hyphen or dash inside, for a
    text whose white space is spaces: only the words holding a dash are looked at."""
    words: set[str] = set()
    end = 0  # the end of the last word taken
    for dash in _DASH_RE.finditer(text):
        if dash.start() < end:
            continue  # a second dash of the same word
        end = text.find(" ", dash.start())
        end = end if end >= 0 else len(text)
        words.add(text[text.rfind(" ", 0, dash.start()) + 1 : end])
    return set(filter(None, map(_DASH_HALVES.__getitem__, map(_CORES.__getitem__, words))))


#: The words `in DASHES` calls a dash: the pieces of DASHES (the empty one too).
_DASH_WORDS = frozenset(
    DASHES[start:end] for start in range(len(DASHES) + 1) for end in range(start, len(DASHES) + 1)
)


def _halves(word: str) -> tuple[str, str]:
    """'KH-CN' -> ('KH', 'CN'); ('', '') unless both halves hold a letter or a digit."""
    left, right = re.split(f"[{DASHES}]", word)
    if left[-1:].isalnum() and right[:1].isalnum():
        return left, right
    return "", ""


def _dash_halves(word: str) -> tuple[str, str] | None:
    """The halves of a word with one hyphen or dash inside ('KH-CN': `_halves`), else None."""
    if word.isalnum() or not _DASH_RE.search(word) or sum(map(word.count, DASHES)) != 1:
        return None  # (most words: a dash is no letter or digit)
    return _halves(word)


_DASH_HALVES: Memo[str, tuple[str, str] | None] = Memo(_dash_halves, 100_000)


def _core(word: str) -> str:
    return word.lstrip(_OPENING).rstrip(_CLOSING)


_CORES: Memo[str, str] = Memo(_core, 100_000)  # words repeat a lot


def _best_site(text: str, width: int, evidence: _Evidence) -> _Site | None:
    """The one place near a column's width where the pair around it is printed with a
    hyphen elsewhere and never without it; the nearest the width if there are several."""
    words = list(re.finditer(r"\S+", text))
    # the printed width of each start of the line (printed_width(text[:n]) is before[n])
    before = list(itertools.accumulate(map(CHAR_WIDTHS.__getitem__, text), initial=0))
    sites: list[_Site] = []
    for word, following in itertools.pairwise(words):
        end = before[word.end()]
        if CUT_FROM * width <= end <= CUT_TO * width:
            site = _spaced_site(word.group(), following.group(), word.end(), evidence)
            if site is not None:
                sites.append(dataclasses.replace(site, cut=abs(end / width - 1)))
    for word in words:
        start = before[word.start()]
        if CUT_FROM * width <= start <= CUT_TO * width:
            glued = _glued_site(word, before, width, evidence)
            if glued is not None:
                sites.append(glued)
    return min(sites, key=lambda site: site.cut) if sites else None


def _spaced_site(before: str, after: str, end: int, evidence: _Evidence) -> _Site | None:
    """'kinh tế xã hội' where 'tế - xã' is printed elsewhere and 'tế xã' nowhere else."""
    left, right = _core(before), _core(after)
    if not left or not right or not left[-1].isalnum() or not right[0].isalnum():
        return None
    if (left, right) in evidence.dashed and (left, right) not in evidence.pairs:
        return _Site(end, " -", f"{left} - {right}", 0.0)
    return None


def _glued_site(
    word: re.Match[str], before: list[int], width: int, evidence: _Evidence
) -> _Site | None:
    """'KHCN' where 'KH-CN' is printed elsewhere and 'KHCN' nowhere else; the one place in
    the word that is so (`before`: the printed widths of the starts of the word's line)."""
    core = _core(word.group())
    if len(core) < 2:
        return None
    cuts = [
        cut
        for cut in range(1, len(core))
        if core[cut - 1].isalnum()
        and core[cut].isalnum()
        and f"{core[:cut]}-{core[cut:]}" in evidence.hyphenated
    ]
    if len(cuts) != 1 or core in evidence.words:  # (the words asked only for a cut found)
        return None
    offset = word.start() + word.group().index(core)
    cut = cuts[0]
    end = before[offset + cut]
    return _Site(offset + cut, "-", f"{core[:cut]}-{core[cut:]}", abs(end / width - 1))
