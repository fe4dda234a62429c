"""One PDF read into paragraphs: extract, decode fonts, remove furniture, join drop caps, cut
blocks into paragraphs. Every later stage (roles, contents, articles) works on a `Document`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bantin.exceptions import SourceError
from bantin.pdf.extract import read_pdf
from bantin.pdf.fonts import BodyType, body_type, decode_pages
from bantin.pdf.fractions import inline_stacks, join_inline_fractions
from bantin.pdf.furniture import Furniture, remove_furniture, shape
from bantin.pdf.mathglyphs import mend_math_glyphs
from bantin.pdf.page import Box, Page
from bantin.pdf.reading import (
    Column,
    Para,
    document_columns,
    join_drop_caps,
    join_marks,
    join_split_syllables,
    mixed_pages,
    paragraphs,
)
from bantin.pdf.rules import Drawing, Grid, drawings, drawn_rules, image_rules, ruled_tables


@dataclass
class Document:
    """A PDF's pages, the body type, what furniture each page lost, and its paragraphs."""

    path: Path
    pages: list[Page]
    body: BodyType
    furniture: dict[int, Furniture] = field(default_factory=dict)
    paras: list[Para] = field(default_factory=list)
    encodings: dict[str, str | None] = field(default_factory=dict)
    mixed: list[int] = field(default_factory=list)  # pages whose lines mixed two columns

    _drawings: dict[int, Drawing] = field(default_factory=dict, repr=False)
    _rules: dict[int, list[Box]] = field(default_factory=dict, repr=False)
    _grids: dict[int, list[Grid]] = field(default_factory=dict, repr=False)

    def drawing(self, page: int) -> Drawing:
        """What a page draws (its paths), read when first asked for."""
        self.read_drawings([page])
        return self._drawings[page]

    def read_drawings(self, pages: Iterable[int]) -> None:
        """Read what the pages draw, those not read yet, in one pass over the PDF."""
        missing = [page for page in pages if page not in self._drawings]
        if missing:
            self._drawings.update(drawings(self.path, missing))

    def rules(self, page: int) -> list[Box]:
        """The rules drawn across a page, or set as pictures."""
        if page not in self._rules:
            pictured = [image_rules(p) for p in self.pages if p.number == page]
            drawn = drawn_rules(self.drawing(page))
            self._rules[page] = sorted(
                [*drawn, *(pictured[0] if pictured else [])], key=lambda box: box.y0
            )
        return self._rules[page]

    def grids(self, page: int) -> list[Grid]:
        """The tables a page draws as ruled cells (found once: the tables' and the
        figures' passes both ask)."""
        if page not in self._grids:
            self._grids[page] = ruled_tables(self.drawing(page))
        return self._grids[page]

    def folio(self, page: int) -> int | None:
        """The page number printed on a page, if one was found."""
        found = self.furniture.get(page)
        return found.folio if found else None


def read_document(
    pdf: Path,
    first: int | None = None,
    last: int | None = None,
    running_heads: tuple[str, ...] = (),
    body: BodyType | None = None,
) -> Document:
    """Run the page stages over a PDF (or its pages first..last); `running_heads`: what the
    issue the PDF was cut from prints in its margins; `body`: the type of its running text
    (else measured on these pages)."""
    pages = read_pdf(pdf, first, last)
    _check_text_layer(pdf, pages)
    encodings = decode_pages(pages)
    body = body or body_type(pages)
    furniture = remove_furniture(pages, body, frozenset(map(shape, running_heads)))
    mixed = mixed_pages(pages, body)
    paras: list[Para] = []
    for page in pages:
        mend_math_glyphs(page)
        join_drop_caps(page, body)
        join_marks(page)
        join_split_syllables(page)
    columns = document_columns(pages, body)
    drawn = _join_inline_fractions(pdf, pages, columns)
    for page in pages:
        paras += paragraphs(page, body, columns[page.number])
    doc = Document(pdf, pages, body, furniture, paras, encodings, mixed)
    doc._drawings.update(drawn)
    return doc


def _join_inline_fractions(
    pdf: Path, pages: list[Page], columns: dict[int, list[Column]]
) -> dict[int, Drawing]:
    """The fractions set inside lines of text, on the pages that may hold one (their
    drawings, read in one pass, say where a bar is); what was drawn on those pages."""
    stacks = {
        page.number: found
        for page in pages
        if (found := inline_stacks(page, columns.get(page.number, [])))
    }
    if not stacks:
        return {}
    drawn = drawings(pdf, sorted(stacks))
    for page in pages:
        if page.number in stacks:
            join_inline_fractions(page, drawn[page.number], stacks[page.number])
    return drawn


MIN_WORDS_PER_PAGE = 10  # fewer words than this on average: the pages are pictures of text


def _check_text_layer(pdf: Path, pages: list[Page]) -> None:
    """A PDF whose pages are only images (a scanned issue) has no text to read: say so."""
    words = sum(len(line.words) for page in pages for line in page.lines)
    if pages and words < MIN_WORDS_PER_PAGE * len(pages):
        raise SourceError(
            pdf,
            f"no text layer: {words} words on {len(pages)} pages, which are images (a scanned "
            "issue?); make the text readable with OCR first (for example `ocrmypdf -l vie`), "
            "then give bantin the PDF it writes",
        )


def running_heads(doc: Document) -> list[str]:
    """The texts the document prints in its margins on more than one page (page numbers aside),
    each once, as first printed."""
    counts: dict[str, list[str]] = {}
    for number in sorted(doc.furniture):
        for text in dict.fromkeys(doc.furniture[number].heads):
            counts.setdefault(shape(text), []).append(text)
    return [
        texts[0]
        for texts in counts.values()
        if len(texts) > 1 and any(c.isalpha() for c in texts[0])
    ]
