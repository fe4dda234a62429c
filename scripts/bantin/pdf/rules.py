"""Rules a page draws across its text: the lines a bulletin or newsletter sets between its
notices. poppler's text tools do not report drawings, so pdfminer.six reads the page's paths
(text and images skipped); a rule set as a picture (a long, flat image) counts too."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bantin.pdf.page import Box, Page

log = logging.getLogger("bantin.pdf")

RULE_MAX_HEIGHT = 3.0  # points: a rule is a line, not a band or a box
RULE_MIN_WIDTH = 0.3  # of the page's width: a rule runs across the text, not under a word
IMAGE_RULE_MAX_HEIGHT = 20.0  # a rule set as a picture (an ornament) is flat...
IMAGE_RULE_MIN_RATIO = 8.0  # ...and this many times wider than high
IMAGE_RULE_MIN_WIDTH = 0.25  # of the page's width


def drawn_rules(pdf: Path, numbers: Iterable[int]) -> dict[int, list[Box]]:
    """The horizontal rules drawn on the pages `numbers` (1-based) of a PDF, in the page's
    coordinates (points from its top left corner); a PDF pdfminer cannot read has none."""
    wanted = sorted(set(numbers))
    found: dict[int, list[Box]] = {number: [] for number in wanted}
    if not wanted:
        return found
    try:
        for number, (size, paths) in zip(wanted, _paths(pdf, wanted), strict=True):
            found[number] = _rules(paths, *size)
    except Exception as error:
        log.debug("%s: drawings not read (%s)", pdf, error)
    return found


def image_rules(page: Page) -> list[Box]:
    """Pictures that are rules: long and flat, across a good part of the page."""
    return [
        box
        for box in page.images
        if box.height <= IMAGE_RULE_MAX_HEIGHT
        and box.width >= IMAGE_RULE_MIN_RATIO * max(box.height, 1.0)
        and box.width >= IMAGE_RULE_MIN_WIDTH * page.width
    ]


BOX_MIN_HEIGHT = 10.0  # points: a box round a notice, not a thick line
FRAME_SHARE = 0.8  # of the page's height: a box this tall is the page's frame


def _rules(paths: Sequence[tuple[Box, bool]], width: float, height: float) -> list[Box]:
    """Lines across the text, and the top and bottom edges of rectangles drawn round a
    notice (as wide, not the page's frame)."""
    found = []
    for box, rectangle in paths:
        if box.width < RULE_MIN_WIDTH * width:
            continue
        if box.height <= RULE_MAX_HEIGHT:
            found.append(box)
        elif rectangle and BOX_MIN_HEIGHT <= box.height < FRAME_SHARE * height:
            found += [Box(box.x0, box.y0, box.x1, box.y0), Box(box.x0, box.y1, box.x1, box.y1)]
    return sorted(found, key=lambda box: (box.y0, box.x0))


def _paths(
    pdf: Path, numbers: list[int]
) -> Iterable[tuple[tuple[float, float], list[tuple[Box, bool]]]]:
    """Per page asked for: its size and the boxes of the paths it draws (and whether each is
    a rectangle)."""
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.layout import LTCurve, LTFigure, LTPage, LTRect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    class _Paths(PDFLayoutAnalyzer):
        """pdfminer's page analyser that keeps the paths only (text and images are poppler's)."""

        page: LTPage | None = None

        def render_string(self, *args: Any, **kwargs: Any) -> None:
            return None

        def render_image(self, *args: Any, **kwargs: Any) -> None:
            return None

        def receive_layout(self, ltpage: LTPage) -> None:
            self.page = ltpage

    def boxes(items: Iterable[Any], top: float, left: float) -> Iterable[tuple[Box, bool]]:
        for item in items:
            if isinstance(item, LTCurve):  # lines and rectangles are curves too
                box = Box(item.x0 - left, top - item.y1, item.x1 - left, top - item.y0)
                yield box, isinstance(item, LTRect)
            elif isinstance(item, LTFigure):
                yield from boxes(item, top, left)

    manager = PDFResourceManager()
    device = _Paths(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    with pdf.open("rb") as handle:
        pages = PDFPage.get_pages(handle, pagenos=[n - 1 for n in numbers])
        for page in pages:
            interpreter.process_page(page)
            result = device.page
            if result is None:
                yield (0.0, 0.0), []
                continue
            x0, y0, x1, y1 = result.bbox
            yield (x1 - x0, y1 - y0), list(boxes(result, y1, x0))
