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
from bantin.vietnamese import is_all_caps, starts_lower

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
    listed: str = ""  # the number the list gives the entry ("3. "), if its text opens so
    counted: bool = False  # its page's entries are counted by numbers on their left

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
    _keep_list_numbers(entries)
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
    """Entries of one page: each number starts one, in each column of numbers; or, where
    more entries end with their number at the right edge, each such number ends one."""
    removed = doc.furniture.get(page.number)
    lines = [*page.lines, *(removed.lines if removed else [])]
    lines = [line for line in lines if line.text.strip()]
    starts = _numbered(lines)
    ends = _numbered_at_right(lines)
    counted = _counts_off(starts)
    if len(ends) > len(starts) or (len(ends) * 2 > len(starts) and counted):
        found = _entries_numbered_at_right(ends, lines, page)
        for item in found:
            item.counted = counted
        return found
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


def _counts_off(starts: list[tuple[int, Line]]) -> bool:
    """Numbers on the left that count the entries (1, 2, 3... column by column, from 1 again
    for a list in another language): the list's own numbers, when the page numbers stand at
    the right."""
    numbers = [number for column in _columns(starts) for number, _ in column]
    return (
        len(numbers) >= 2
        and numbers[0] == 1
        and all(b in (a + 1, 1) for a, b in itertools.pairwise(numbers))
    )


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


_TRAILING_NUMBER = re.compile(r"(?:\s*(?:\.\s*){3,}|\s*…+\s*)(\d{1,4})$")  # "... . . 25"
GAP_SPLIT = 1.25  # a gap this much wider than the others between two entries parts them


def _numbered_at_right(lines: list[Line]) -> list[tuple[int, Line, str]]:
    """Lines that end an entry at the right: a number alone, level with and right of a line
    of text (after its dot leaders), or a line that ends with dot leaders and a number. Each
    with its number and its text without them."""
    found: list[tuple[int, Line, str]] = []
    for line in lines:
        text = line.text.strip()
        if _NUMBER.match(text):
            left = _left_of(line, lines)
            if left is not None and not _right_of(line, lines):
                found.append((int(text), left, left.text))
        else:
            match = _TRAILING_NUMBER.search(text)
            if match and any(c.isalpha() for c in text[: match.start()]):
                found.append((int(match.group(1)), line, text[: match.start()]))
    return found


def _left_of(number: Line, lines: Iterable[Line]) -> Line | None:
    """The line of text set left of a number, level with it, that leads to it with dots or
    runs on to near it: a title's last line before its page number."""
    level = [
        line
        for line in lines
        if line is not number
        and line.box.x1 <= number.box.x0 + 1
        and _level_with(line, number)
        and any(c.isalpha() for c in line.text)
    ]
    if not level:
        return None
    near = max(level, key=lambda line: line.box.x1)
    leads = _DOT_LEADER.search(near.text.rstrip()[-12:]) is not None
    return near if leads or number.box.x0 - near.box.x1 <= 6 * number.box.height else None


def _right_of(number: Line, lines: Iterable[Line]) -> bool:
    """Something short is set level with a number, close on its right: a table's next cell
    (a line of words there is the next column's)."""
    return any(
        line is not number
        and len(line.text.split()) < 3
        and 0 <= line.box.x0 - number.box.x1 <= 8 * number.box.height
        and _level_with(line, number)
        for line in lines
    )


def _entries_numbered_at_right(
    ends: list[tuple[int, Line, str]], lines: list[Line], page: Page
) -> list[Entry]:
    """Entries whose last title line carries the page number at the right, column by
    column of them."""
    starts = [(number, line) for number, line, _ in ends]
    texts = {id(line): text for _, line, text in ends}
    entries: list[Entry] = []
    for column in _columns(starts):
        right = _right_edge(column, starts)
        own = [(number, line, texts[id(line)]) for number, line in column]
        entries += _column_numbered_at_right(
            own, [line for line in lines if line.box.x1 <= right], page
        )
    return entries


def _column_numbered_at_right(
    ends: list[tuple[int, Line, str]], lines: list[Line], page: Page
) -> list[Entry]:
    """The entries of one column: the lines between two numbered lines are parted at the
    widest gap between them, or, evenly set, as the first entry shows (its byline over its
    title, or under it)."""
    numbers = {id(line) for line in lines if _NUMBER.match(line.text.strip())}
    left = min(line.box.x0 for _, line, _ in ends) - 2
    column = sorted(
        (
            line
            for line in lines
            if line.box.x0 >= left and id(line) not in numbers and not _HEADING.match(line.text)
        ),
        key=lambda line: (line.box.y0, line.box.x0),
    )
    place = {id(line): index for index, line in enumerate(column)}
    at = [place[id(line)] for _, line, _ in ends if id(line) in place]
    if len(at) != len(ends):
        return []
    height = sorted(line.box.height for _, line, _ in ends)[len(ends) // 2]
    # the first entry's own lines: those right above its numbered line, set close together
    first = at[0]
    while first > 0 and column[first].box.y0 - column[first - 1].box.y1 < 1.5 * height:
        first -= 1
    byline_first = any(_is_byline(line.text.strip()) for line in column[first : at[0]])
    groups: list[list[Line]] = []
    start = first
    for index, here in enumerate(at):
        if index + 1 < len(at):
            cut = _cut(column, here, at[index + 1], byline_first)
        else:  # the last entry: the rest of its title and its bylines right under it
            cut = here + 1
            while (
                cut < len(column)
                and column[cut].box.y0 - column[cut - 1].box.y1 < 1.5 * height
                and (_goes_on(column[cut]) or _is_byline(column[cut].text.strip()))
            ):
                cut += 1
        groups.append(column[start:cut])
        start = cut
    entries: list[Entry] = []
    for (number, anchor, text), group in zip(ends, groups, strict=True):
        section, group = _section_over(group, anchor)
        title: list[str] = []
        bylines: list[str] = []
        for line in group:
            own = text if line is anchor else line.text.strip()
            if _is_byline(own.strip()):
                bylines.append(" ".join(own.split()))
            elif not bylines or byline_first:
                title.append(own)
        entry = _made_entry(number, title, bylines)
        if entry is not None:
            entry.contents_page, entry.section = page.number, section
            entries.append(entry)
    return entries


def _section_over(group: list[Line], anchor: Line) -> tuple[str, list[Line]]:
    """A heading in capitals opening an entry's lines, over a title that is not in
    capitals: the section of the entries from here on; and the entry's other lines."""
    count = 0
    while (
        count < len(group)
        and group[count] is not anchor
        and _section_text([group[count].text.strip()])
    ):
        count += 1
    rest = group[count:]
    titled = [line.text for line in rest if not _is_byline(line.text.strip())]
    if not count or all(map(is_all_caps, titled)):
        return "", group
    return _section_text([line.text.strip() for line in group[:count]]), rest


_BYLINE_END = re.compile(r":\s+|\s+[-–]\s+")  # "NGUYỄN VĂN A: Tiêu đề", "NGUYỄN VĂN A - ..."


def _byline_before(title: str) -> tuple[str, list[str]]:
    """A title run on after its byline and a colon or a dash: the title, and the byline.
    Only names written in capitals, or with a degree, say it is a byline ("Hà Nội: Những đổi
    thay" and "Chủ tịch Hồ Chí Minh - Người thầy" are titles)."""
    match = _BYLINE_END.search(title)
    if match is None:
        return title, []
    byline, rest = title[: match.start()].strip(), title[match.end() :].strip()
    if not rest[:1].isupper() or not _is_byline(byline):
        return title, []
    for part in byline.split(";"):
        for author in parse_byline(part):
            written = part.split()[-len(author.name.split()) :]  # the name as printed
            if not (author.degree or all(map(is_all_caps, written))):
                return title, []
    return rest, [byline]


def _cut(column: list[Line], here: int, following: int, byline_first: bool) -> int:
    """Where the lines between two numbered lines part: at the widest gap, when it stands
    out; else after the bylines under the first (or before those over the second)."""
    gaps = [column[i].box.y0 - column[i - 1].box.y1 for i in range(here + 1, following + 1)]
    ranked = sorted(gaps, reverse=True)
    if len(ranked) > 1 and ranked[0] > GAP_SPLIT * ranked[1]:
        return here + 1 + gaps.index(ranked[0])
    cut = here + 1
    while cut < following and _goes_on(column[cut]):  # a title numbered on its first line
        cut += 1
    if not byline_first:
        while cut < following and _is_byline(column[cut].text.strip()):
            cut += 1
    return cut


def _goes_on(line: Line) -> bool:
    """A line in small letters goes on with the title above it (a title starts with a
    capital)."""
    return starts_lower(line.text.strip())


def _level_with(line: Line, number: Line) -> bool:
    """`line` stands level with a page number (beside it, on either side)."""
    return line.box.y_overlap(number.box) > 0.3 * number.box.height


def _beside(number: Line, lines: Iterable[Line]) -> Line | None:
    """The line of text set right of a number, level with it."""
    level = [
        line
        for line in lines
        if line is not number
        and 0 <= line.box.x0 - number.box.x1 <= 4 * number.box.height
        and _level_with(line, number)
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
    entry = _made_entry(number, title, bylines)
    if entry is not None:
        entry.heading_after = _section_text(after)
    return entry


def _made_entry(number: int, title: list[str], bylines: list[str]) -> Entry | None:
    """The entry of a title's lines (dot leaders left out, a byline run in before it taken
    out) and its bylines; none without a title."""
    joined = _DOT_LEADER.sub(" ", " ".join(" ".join(title).split())).strip()
    listed = _LIST_NUMBER.match(joined)
    if listed:
        joined = joined[listed.end() :]
    joined, before = _byline_before(joined)
    if not joined:
        return None
    entry = Entry(number, joined.rstrip(" .").strip(), before + bylines)
    entry.listed = listed[0] if listed else ""
    return entry


_LIST_NUMBER = re.compile(r"^\d{1,3}(?:[.)]\s+|\s+)(?=\S)")  # "3. ", "3) ", "3 "


def _keep_list_numbers(entries: list[Entry]) -> None:
    """Entries whose text opens with their place in the list (1, 2, 3... in the order they
    are read; from 1 again for the list in another language) are a numbered list: the
    numbers go, when the list shows it is one (numbers on the entries' left count them, or
    most entries open with their place, from 1). Otherwise a number opening an entry's text
    is its title's own ("3 nhà khoa học trẻ ...", "70 năm ..."): put back."""
    places: dict[bool, int] = {}
    counted = True
    for entry in entries:
        english = is_english(entry.title)
        places[english] = places.get(english, 0) + 1
        if entry.listed and int(entry.listed.strip(" .)")) != places[english]:
            counted = False
    numbered = [entry for entry in entries if entry.listed]
    shown = any(entry.counted for entry in entries) or (
        len(numbered) >= 2 and len(numbered) * 2 >= len(entries) and entries[0].listed != ""
    )
    if counted and shown:
        return
    for entry in entries:
        if entry.listed:
            entry.title, entry.listed = entry.listed + entry.title, ""


def _is_byline(text: str) -> bool:
    names = [part for part in text.split(";") if part.strip()]
    return bool(names) and all(plausible(parse_byline(part)) for part in names)
