"""Page furniture: running heads, running feet and page numbers leave the text.

A line is furniture when it stands in a page's outer zone (no line of running text between it
and the page's edge) and is a page number, or repeats (digits aside) in the same zone of
another page; or when it sits in the thin edge band with no larger type than the body. What
is removed is kept on the page (`Furniture`), for the printed page number and running heads.
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
FALLBACK_ZONE = 0.1  # outer zone of a page without running text
MIN_BODY_WORDS = 4  # a line of running text has at least this many words
BAND_MAX_RATIO = 1.05  # outer lines this large or smaller may be running heads by height
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
        seen.update({(side, head): 2 for head in known})
    bands = _bands(pages, zones, body, seen)
    found: dict[int, Furniture] = {}
    for page in pages:
        furniture = Furniture()
        for line, side in zones[page.number].items():
            furniture_line = _is_furniture(line, side, page, body, seen)
            if furniture_line or _in_band(line, side, page, body, bands):
                _note(furniture, line)
                _remove(page, line)
        found[page.number] = furniture
    return found


def _bands(
    pages: list[Page],
    zones: dict[int, dict[Line, str]],
    body: BodyType,
    seen: Counter[tuple[str, str]],
) -> dict[str, list[tuple[int, float, float]]]:
    """Where each page's running heads and page numbers stand: (page, top, bottom) by side."""
    bands: dict[str, list[tuple[int, float, float]]] = {"top": [], "bottom": []}
    for page in pages:
        for line, side in zones[page.number].items():
            if _small(line, body) and _is_furniture(line, side, page, body, seen):
                bands[side].append((page.number, line.box.y0, line.box.y1))
    return bands


def _in_band(
    line: Line,
    side: str,
    page: Page,
    body: BodyType,
    bands: dict[str, list[tuple[int, float, float]]],
) -> bool:
    """A small outer line level with a running head of another page: the running heads of odd
    and even pages differ in words but stand at the same height."""
    if not _small(line, body):
        return False
    height = line.box.height
    return any(
        number != page.number
        and min(line.box.y1, bottom) - max(line.box.y0, top) >= 0.6 * min(height, bottom - top)
        for number, top, bottom in bands[side]
    )


def _small(line: Line, body: BodyType) -> bool:
    """Not set larger than the body: a title at the top of a page is never furniture here."""
    return line.style.size <= body.size * BAND_MAX_RATIO


def _zones(page: Page, body: BodyType) -> dict[Line, str]:
    """Lines above all the page's running text ("top") or below it ("bottom")."""
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
    return zones


def _running_text(line: Line, body: BodyType) -> bool:
    return len(line.words) >= MIN_BODY_WORDS and body.is_body(line.style)


def _is_furniture(
    line: Line, side: str, page: Page, body: BodyType, seen: Counter[tuple[str, str]]
) -> bool:
    if is_folio(line.text) or seen[side, shape(line.text)] > 1:
        return True
    band = page.height * EDGE_BAND
    at_edge = line.box.y1 <= band if side == "top" else line.box.y0 >= page.height - band
    return at_edge and line.style.size <= body.size * 1.05


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
