"""Facts the text states about itself: the date, issue, year, section, pages and authors."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from bantin.bylines import SUPERSCRIPT_DIGITS, Author, parse_byline
from bantin.convert.roles import RunningHead, split_byline, split_names
from bantin.vietnamese import HONORIFICS, title_case_name

DATE_PATTERNS = (
    re.compile(r"(?<!\d)(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*((?:19|20)\d{2})(?!\d)"),
    re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})", re.IGNORECASE),
)


def find_date(texts: list[str]) -> dt.date | None:
    """The first real day/month/year date stated in the texts, in order."""
    for text in texts:
        found = _dates_in(text)
        if found:
            return found[0][1]
    return None


_DAY_MONTH_HINT = re.compile(r"\d\s*[/.\-]\s*\d{1,2}\s*[/.\-]")  # starts with a digit: a fast scan
#: What a text must hold for each of DATE_PATTERNS to match in it: a cheap first question.
DATE_HINTS: tuple[Callable[[str], bool], ...] = (
    lambda text: _DAY_MONTH_HINT.search(text) is not None,
    lambda text: "ngày" in text.lower(),
)


def _dates_in(text: str) -> list[tuple[int, dt.date]]:
    """Every valid date in one text with its position, earliest first."""
    found: list[tuple[int, dt.date]] = []
    if "19" not in text and "20" not in text:
        return found  # every pattern ends in a year of 19xx or 20xx
    for pattern, hint in zip(DATE_PATTERNS, DATE_HINTS, strict=True):
        if not hint(text):
            continue
        for match in pattern.finditer(text):
            groups = [g for g in match.groups() if g not in ("/", ".", "-")]
            date = _valid_date(*(int(g) for g in groups))
            if date is not None:
                found.append((match.start(), date))
    return sorted(found, key=lambda item: item[0])


def _valid_date(day: int, month: int, year: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def issue_and_year(heads: list[RunningHead]) -> tuple[int | None, int | None]:
    """The issue number and year from the first issue label among the running heads."""
    for head in heads:
        if head.issue is not None:
            return head.issue, head.year
    return None, None


def section_of(heads: list[RunningHead]) -> str | None:
    """The section name most often printed in the running heads."""
    names = [head.section for head in heads if head.section]
    return max(names, key=names.count) if names else None


def page_range(breaks: list[int | None], running_head: str) -> list[int]:
    """Pages covered by an article from the page numbers seen at each page break.

    `breaks` holds, for each running-head cluster in order, its page number (or None).
    With "header" a number labels the page after the break, with "footer" the page before.
    """
    for index, number in enumerate(breaks):
        if number is not None:
            first = number - index - (1 if running_head == "header" else 0)
            if first >= 1:
                return list(range(first, first + len(breaks) + 1))
    return []


def authors_from_byline(text: str) -> list[str]:
    """'Hải Hằng - Xuân Bình' -> ['Hải Hằng', 'Xuân Bình']; 'PGS.TS NGUYỄN VĂN A (Viện X)' ->
    ['Nguyễn Văn A']: academic titles and bracketed affiliations are not part of a name."""
    names, _ = split_byline(text.translate(SUPERSCRIPT_DIGITS).strip().rstrip("."))
    cleaned = [_clean_name(name) for name in split_names(names.strip().rstrip("."))]
    return [name for name in cleaned if any(map(str.isalpha, name))]  # not a lone "*"


# Footnote marks glued to a name, a list of them too ('Thúy1,2,', 'Hiền1,3*'): affiliations.
MARK_LIST_RE = re.compile(r"(?<=[^\W\d_])[\d*]{1,2}(?:,[\d*]{1,2})*(?=[\s,;(]|$)")


def byline_authors(text: str) -> list[Author]:
    """The authors of a byline line: with rank and degree kept apart where the byline parser
    reads every part of it, else the names alone. Footnote marks glued to the names (one, or
    a list of them: 'Lê Mai1,2') go."""
    text = MARK_LIST_RE.sub("", text)
    names, _ = split_byline(text.strip())
    parsed = parse_byline(names)
    if parsed:
        return parsed
    return [Author(name) for name in authors_from_byline(text) if name]


def byline_titles(text: str) -> list[str]:
    """The academic titles written before the names of a byline ('PGS.TS', 'ThS.')."""
    names, _ = split_byline(text.strip())
    return [word for word in names.split() if _is_title(word.strip(",;"))]


def _clean_name(name: str) -> str:
    rest = [w for w in name.split() if not _is_title(w)]
    return title_case_name(" ".join(rest)).strip()


def _is_title(word: str) -> bool:
    pieces = [p for p in word.casefold().split(".") if p]
    return bool(pieces) and all(p in HONORIFICS for p in pieces)
