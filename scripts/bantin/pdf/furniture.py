"""Page furniture: running heads, running feet and page numbers leave the text.

A line is furniture when it stands in one of a page's two outermost rows, near its edge (no
line of running text between it and the edge), and is a page number alone in its row, or
repeats (digits aside) in the same zone of other pages, or stands level with another page's
running head; or when it sits in the thin edge band with no larger type than the body. A
title's line that another title repeats, a table's figures or its header repeated over a
page break stand further in and stay. What is removed is kept on the page (`Furniture`), for
the printed page number and running heads.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from bantin.pdf.fonts import BodyType
from bantin.pdf.page import Line, Page

log = logging.getLogger("bantin.pdf")

EDGE_BAND = 0.06  # share of the page height at top and bottom where only furniture lives
OUTER = 0.1  # share of the page height beyond which no running head or page number stands
OUTER_ROWS = 2  # rows of lines from the edge that may be furniture
DISPLAY_RATIO = 1.25  # a repeated line this much larger than the body only at the very edge
FALLBACK_ZONE = 0.1  # outer zone of a page without running text
MIN_BODY_WORDS = 4  # a line of running text has at least this many words
BAND_MAX_RATIO = 1.05  # outer lines this large or smaller may be running heads by height
FOLIO_MIN_RATIO = 0.6  # of the body's size: a page number is set no smaller
_FOLIO = re.compile(r"^[\s\-–—|.·•]*(?:\d{1,4}|[ivxlcdm]{1,6})[\s\-–—|.·•]*$", re.I)
_DIGITS = re.compile(r"\d+")


@dataclass
class Furniture:
    """What was removed from one page: its printed number and its running-head texts."""

    folio: int | None = None
    heads: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)


def is_folio(text: str) -> bool:
    """A page number alone, maybe between dashes or bars ("12", "- 3 -", "iv")."""
    return bool(_FOLIO.match(text.strip()))


def shape(text: str) -> str:
    """A line's text with digits as '#', case folded and spaces collapsed: equal on every page."""
    return _DIGITS.sub("#", " ".join(text.split()).casefold())


def remove_furniture(
    pages: list[Page], body: BodyType, known: frozenset[str] = frozenset()
) -> dict[int, Furniture]:
    """Drop running heads and page numbers from every page; what each page lost. `known`:
    shapes of the running heads of the whole issue, when the pages are a part of it."""
    zones = {page.number: _zones(page, body) for page in pages}
    seen: Counter[tuple[str, str]] = Counter()
    for page in pages:
        seen.update({(side, shape(line.text)) for line, side in zones[page.number].items()})
    for side in ("top", "bottom"):
        seen.update({(side, head): REPEATS + 1 for head in known})
    repeats = _repeats(pages)
    bands = _bands(pages, zones, body, seen, repeats)
    found: dict[int, Furniture] = {}
    for page in pages:
        furniture = Furniture()
        zone = zones[page.number]
        lines = [
            line
            for line, side in zone.items()
            if _is_furniture(line, side, page, body, seen, repeats)
            or _in_band(line, side, page, body, bands)
        ]
        for line in _alone(lines, zone):
            _note(furniture, line)
            _remove(page, line)
        found[page.number] = furniture
    return found


REPEATS = 2  # pages a line must stand on to be a running head
LONG = 8  # pages from which a running head away from the edge must stand on one more page


def _repeats(pages: list[Page]) -> int:
    """A table's header repeated over one page break is no running head of a long document."""
    return REPEATS + 1 if len(pages) >= LONG else REPEATS


def _bands(
    pages: list[Page],
    zones: dict[int, dict[Line, str]],
    body: BodyType,
    seen: Counter[tuple[str, str]],
    repeats: int,
) -> dict[str, list[tuple[int, float, float]]]:
    """Where each page's running heads and page numbers stand: (page, top, bottom) by side."""
    bands: dict[str, list[tuple[int, float, float]]] = {"top": [], "bottom": []}
    for page in pages:
        zone = zones[page.number]
        lines = [
            line
            for line, side in zone.items()
            if _small(line, body) and _is_furniture(line, side, page, body, seen, repeats)
        ]
        for line in _alone(lines, zone):
            bands[zone[line]].append((page.number, line.box.y0, line.box.y1))
    return bands


def _in_band(
    line: Line,
    side: str,
    page: Page,
    body: BodyType,
    bands: dict[str, list[tuple[int, float, float]]],
) -> bool:
    """A small outer line level with a running head of another page (most of each beside the
    other): the running heads of odd and even pages differ in words but stand at the same
    height."""
    if not _small(line, body) or not _outer(line, side, page):
        return False
    height = line.box.height
    return any(
        number != page.number
        and min(line.box.y1, bottom) - max(line.box.y0, top) >= 0.6 * max(height, bottom - top)
        for number, top, bottom in bands[side]
    )


def _alone(lines: list[Line], zone: dict[Line, str]) -> list[Line]:
    """The furniture lines whose row holds nothing but furniture: a figure standing level with
    other words is a table's, not a page number."""
    chosen = set(lines)
    return [
        line
        for line in lines
        if not (
            is_folio(line.text)
            and any(other not in chosen and _level(line, other) for other in zone)
        )
    ]


def _level(line: Line, other: Line) -> bool:
    overlap = min(line.box.y1, other.box.y1) - max(line.box.y0, other.box.y0)
    return other is not line and overlap >= 0.5 * min(line.box.height, other.box.height)


def _small(line: Line, body: BodyType) -> bool:
    """Not set larger than the body: a title at the top of a page is never furniture here."""
    return line.style.size <= body.size * BAND_MAX_RATIO


def _zones(page: Page, body: BodyType) -> dict[Line, str]:
    """Lines above all the page's running text ("top") or below it ("bottom"), each with the
    number of its row counted from the page's edge (0 the outermost)."""
    lines = page.lines
    running = [line for line in lines if _running_text(line, body)]
    if running:
        top = min(line.box.y0 for line in running)
        bottom = max(line.box.y1 for line in running)
    else:
        top, bottom = page.height * FALLBACK_ZONE, page.height * (1 - FALLBACK_ZONE)
    zones: dict[Line, str] = {}
    for line in lines:
        if line.box.y1 <= top + 1:
            zones[line] = "top"
        elif line.box.y0 >= bottom - 1:
            zones[line] = "bottom"
    page_rows = _rows(zones)
    return {line: side for line, side in zones.items() if line in page_rows}


def _rows(zones: dict[Line, str]) -> dict[Line, int]:
    """The zone lines of the outermost rows, by row; a row is lines that overlap in height."""
    found: dict[Line, int] = {}
    for side in ("top", "bottom"):
        lines = sorted(
            (line for line, s in zones.items() if s == side),
            key=lambda line: line.box.y0 if side == "top" else -line.box.y1,
        )
        row, edge = -1, None
        for line in lines:
            inward = line.box.y0 if side == "top" else -line.box.y1
            if edge is None or inward >= edge - 1:
                row += 1
            if row >= OUTER_ROWS:
                break
            found[line] = row
            outer = line.box.y1 if side == "top" else -line.box.y0
            edge = outer if edge is None else max(edge, outer)
    return found


def _running_text(line: Line, body: BodyType) -> bool:
    return len(line.words) >= MIN_BODY_WORDS and body.is_body(line.style)


def _outer(line: Line, side: str, page: Page) -> bool:
    reach = page.height * OUTER
    return line.box.y1 <= reach if side == "top" else line.box.y0 >= page.height - reach


def _is_furniture(
    line: Line,
    side: str,
    page: Page,
    body: BodyType,
    seen: Counter[tuple[str, str]],
    repeats: int = REPEATS,
) -> bool:
    band = page.height * EDGE_BAND
    at_edge = line.box.y1 <= band if side == "top" else line.box.y0 >= page.height - band
    if at_edge and line.style.size <= body.size * 1.05:
        return True
    if not _outer(line, side, page):
        return False
    if is_folio(line.text):
        # not a formula's small "0", nor a number ending the text ("2003." a reference's)
        return line.style.size >= body.size * FOLIO_MIN_RATIO and not _ends_text(line, side, page)
    display = line.style.size > body.size * DISPLAY_RATIO
    from_edge = line.box.y0 <= band if side == "top" else line.box.y1 >= page.height - band
    return seen[side, shape(line.text)] >= repeats and (from_edge or not display)


def _ends_text(line: Line, side: str, page: Page) -> bool:
    """A line standing within a line's height of a line of the page over it (under it, at the
    top), across some of its width, with more lines further out: the text's last line ("2003."
    ending a reference over the running foot and the page number). A page number standing
    outermost stays one, however close under the text."""
    outer = (
        other.box.y0 >= line.box.y1 if side == "bottom" else other.box.y1 <= line.box.y0
        for other in page.lines
    )
    if not any(outer):
        return False
    height = line.box.height
    for other in page.lines:
        if other is line or other.box.x_overlap(line.box) <= 0:
            continue
        gap = line.box.y0 - other.box.y1 if side == "bottom" else other.box.y0 - line.box.y1
        if 0 <= gap < height:
            return True
    return False


def _note(furniture: Furniture, line: Line) -> None:
    furniture.lines.append(line)
    text = line.text.strip()
    number = _DIGITS.search(text)
    if is_folio(text) and number and furniture.folio is None:
        furniture.folio = int(number.group())
    else:
        furniture.heads.append(text)
    log.debug("running head or page number dropped: %r", text)


def _remove(page: Page, line: Line) -> None:
    for block in page.blocks:
        if line in block.lines:
            block.lines.remove(line)
    page.blocks = [block for block in page.blocks if block.lines]
