"""An issue's own table of contents: which pages hold it, and what each entry says.

A contents page is a column (or two) of entries, each a page number beside a title, with the
byline under it: "25  Phát huy sức mạnh ... / Trung tướng, GS.TS. PHAN TÙNG SƠN". The entries
are the editor's truth for titles (their case), authors and first pages; an English block
("CONTENTS") gives English titles for the same pages.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bantin.bylines import parse_byline, plausible
from bantin.pdf.document import Document
from bantin.pdf.page import Line, Page
from bantin.pdf.roles import is_english
from bantin.vietnamese import is_all_caps

MIN_ENTRIES = 5  # a contents page lists at least this many articles
MIN_HEADED_ENTRIES = 2  # or this many under a heading that says it is the contents
HEADING_ZONE = 0.3  # that heading stands in the top of the page
FIRST_PAGES = 4  # a contents page is among the first pages (or the first twentieth)
_NUMBER = re.compile(r"^\d{1,4}$")
_LEADING_NUMBER = re.compile(r"^(\d{1,4})\s+(?=\S)")
_HEADING = re.compile(r"^\W*(mục\s*lục|trong\s+số\s+này|contents?|table of contents)\W*$", re.I)
_DOT_LEADER = re.compile(r"\s*(?:\.\s*){3,}|\s*…+\s*")


@dataclass
class Entry:
    """One article as the contents page lists it: printed first page, title, bylines."""

    page: int
    title: str
    bylines: list[str] = field(default_factory=list)
    title_en: str = ""
    contents_page: int = 0
    section: str = ""  # the heading the contents page sets over this entry
    heading_after: str = ""  # a heading set after the entry's bylines, for the entries below

    @property
    def authors(self) -> list[str]:
        """The bylines cut into one byline per person ("A; B" -> "A", "B")."""
        return [part.strip() for line in self.bylines for part in line.split(";") if part.strip()]


def contents_pages(doc: Document) -> frozenset[int]:
    """The pages that hold the issue's table of contents: among its first pages."""
    first = doc.pages[: max(FIRST_PAGES, len(doc.pages) // 20)]
    return frozenset(page.number for page in first if _is_contents(page, doc))


def headed(page: Page) -> bool:
    """The page says it is a contents page ("MỤC LỤC", "Trong số này") at its top."""
    top = page.height * HEADING_ZONE
    return any(_HEADING.match(line.text.strip()) for line in page.lines if line.box.y1 < top)


def _is_contents(page: Page, doc: Document) -> bool:
    """Enough entries with rising page numbers; fewer will do under a "MỤC LỤC" heading."""
    entries = _entries(page, doc)
    headed_page = headed(page)
    if len(entries) < (MIN_HEADED_ENTRIES if headed_page else MIN_ENTRIES):
        return False
    numbers = [entry.page for entry in entries]
    rising = sum(1 for a, b in itertools.pairwise(numbers) if b >= a)
    # A contents page lists what comes after it; the numbered rows of a table further in
    # ("1 Thùng phân loại", "2 Mặt bích") mostly point back at pages already passed.
    own = doc.folio(page.number) or page.number
    ahead = sum(1 for number in numbers if number > own)
    return rising >= 0.7 * (len(numbers) - 1) and ahead >= 0.5 * len(numbers)


def read_contents(doc: Document) -> list[Entry]:
    """Every entry of the contents pages, in the order of the pages they give; an English
    entry lends its title to the Vietnamese entry of the same page."""
    entries: list[Entry] = []
    pages = contents_pages(doc)
    for page in doc.pages:
        if page.number in pages:
            entries += _entries(page, doc)
    vietnamese = [entry for entry in entries if not is_english(entry.title)]
    english = {entry.page: entry.title for entry in entries if is_english(entry.title)}
    section = ""
    for entry in vietnamese:
        entry.title_en = english.get(entry.page, "")
        section = entry.section or section
        entry.section = section
        section = entry.heading_after or section
    return sorted(vietnamese, key=lambda entry: entry.page)


def _entries(page: Page, doc: Document) -> list[Entry]:
    """Entries of one page: each number starts one, in each column of numbers."""
    removed = doc.furniture.get(page.number)
    lines = [*page.lines, *(removed.lines if removed else [])]
    lines = [line for line in lines if line.text.strip()]
    starts = _numbered(lines)
    entries: list[Entry] = []
    for column in _columns(starts):
        right = _right_edge(column, starts)
        above = _heading_above(column, lines, right)
        for index, (number, line) in enumerate(column):
            below = column[index + 1][1].box.y0 if index + 1 < len(column) else page.height
            own = [
                other
                for other in lines
                if line.box.y0 - 2 <= other.box.y0 < below - 2
                and other.box.x0 >= line.box.x0 - 2
                and other.box.x1 <= right
                and not _NUMBER.match(other.text.strip())
            ]
            entry = _entry(number, line, own)
            if entry is not None:
                entry.contents_page = page.number
                entry.section = above if index == 0 else ""
                entries.append(entry)
    return entries


def _heading_above(column: list[tuple[int, Line]], lines: list[Line], right: float) -> str:
    """A heading in capitals set right above a column's first entry: its section."""
    first = column[0][1]
    over = [
        line
        for line in lines
        if first.box.y0 - 4 * first.box.height <= line.box.y1 <= first.box.y0 + 1
        and line.box.x0 >= first.box.x0 - 2
        and line.box.x1 <= right
    ]
    texts = [line.text.strip() for line in sorted(over, key=lambda line: line.box.y0)]
    return _section_text(texts)


def _section_text(texts: list[str]) -> str:
    caps = [text for text in texts if is_all_caps(text) and not _is_byline(text)]
    return " ".join(" ".join(caps).split())


def _numbered(lines: list[Line]) -> list[tuple[int, Line]]:
    """Lines that open an entry: a number alone beside a line of text (the number's line is
    the text's), or a line that starts with a number and goes on in words."""
    found: list[tuple[int, Line]] = []
    for line in lines:
        text = line.text.strip()
        if _NUMBER.match(text):
            beside = _beside(line, lines)
            if beside is not None:
                found.append((int(text), beside))
        else:
            match = _LEADING_NUMBER.match(text)
            if match and any(c.isalpha() for c in text[match.end() :]):
                found.append((int(match.group(1)), line))
    return found


def _beside(number: Line, lines: Iterable[Line]) -> Line | None:
    """The line of text set right of a number, level with it."""
    level = [
        line
        for line in lines
        if line is not number
        and 0 <= line.box.x0 - number.box.x1 <= 4 * number.box.height
        and line.box.y_overlap(number.box) > 0.3 * number.box.height
        and any(c.isalpha() for c in line.text)
    ]
    return min(level, key=lambda line: line.box.x0) if level else None


def _columns(starts: list[tuple[int, Line]]) -> list[list[tuple[int, Line]]]:
    """Entries grouped by where their first lines start, each group top to bottom."""
    groups: list[list[tuple[int, Line]]] = []
    for start in sorted(starts, key=lambda s: s[1].box.x0):
        if groups and start[1].box.x0 - groups[-1][0][1].box.x0 < 40:
            groups[-1].append(start)
        else:
            groups.append([start])
    return [sorted(group, key=lambda s: s[1].box.y0) for group in groups]


def _right_edge(column: list[tuple[int, Line]], starts: list[tuple[int, Line]]) -> float:
    """Where a column of entries ends: before the next column's first lines start."""
    left = min(line.box.x0 for _, line in column)
    further = [line.box.x0 for _, line in starts if line.box.x0 > left + 40]
    return min(further) - 2 if further else 10_000.0


def _entry(number: int, first: Line, lines: list[Line]) -> Entry | None:
    """An entry's title (lines of text) and bylines (lines of names, or in bold type)."""
    title: list[str] = []
    bylines: list[str] = []
    after: list[str] = []
    for line in sorted(lines, key=lambda line: (line.box.y0, line.box.x0)):
        text = line.text.strip()
        if line is first:
            match = _LEADING_NUMBER.match(text)
            text = text[match.end() :] if match else text
        if _HEADING.match(text):
            continue
        if after or (bylines and not _is_byline(text)):
            after.append(text)
        elif title and _is_byline(text):
            bylines.append(" ".join(text.split()))
        elif not bylines:
            title.append(text)
    joined = _DOT_LEADER.sub(" ", " ".join(" ".join(title).split())).strip()
    if not joined:
        return None
    entry = Entry(number, joined.rstrip(" .").strip(), bylines)
    entry.heading_after = _section_text(after)
    return entry


def _is_byline(text: str) -> bool:
    names = [part for part in text.split(";") if part.strip()]
    return bool(names) and all(plausible(parse_byline(part)) for part in names)
