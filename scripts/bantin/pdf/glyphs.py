"""Unicode for the glyphs a PDF's fonts draw but do not name.

Word processors set Vietnamese typed with combining marks through a font's own glyphs for
stacked marks (the circumflex and grave of "ầ" drawn as one glyph over the letter), then
subset the font without naming those glyphs: the font's ToUnicode map skips them, the embedded
program keeps no `cmap`, and poppler drops them, so "Cầu" comes out as "Cau". Their outlines
are still in the font, and they say what the glyph is:

- a composite glyph is its components: a letter and its marks;
- a mark glyph (no advance width) is its contours, each matched against the outline of a mark
  the document does name (in the same font first, then in any font of the document); a
  contour is taken for a mark only when it is clearly closer to it than to any other mark;
- small capitals (headings set in them lose every letter but the first) are a run of glyphs
  in the order of the alphabet: found when several of them clearly look like the capitals
  the document names and all agree on where the run starts.

poppler then reads a scratch copy of the PDF whose fonts' ToUnicode maps also name the glyphs
recovered; the source file is never changed. A glyph nothing identifies stays unnamed (dropped,
as before): a wrong letter is worse than a missing one.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import logging
import math
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pikepdf

log = logging.getLogger("bantin.pdf")
# fontTools complains of the odd tables subsetters leave (dates, spare metrics); harmless here.
logging.getLogger("fontTools").setLevel(logging.ERROR)

#: Points each contour is resampled to before two outlines are compared.
SAMPLES = 48
#: Largest distance (in units of the contours' mean radius) at which two outlines are the same
#: mark, and how much closer the best mark must be than the next one.
SAME_SHAPE = 0.25
CLEARLY_CLOSER = 2.0
#: Marks that change a vowel's letter come before the tone mark in Unicode's order.
_VOWEL_MARKS = ("\u0302", "\u0306", "\u031b")
#: Spacing accents some fonts name instead of the combining mark they draw.
_SPACING_ACCENTS = {
    "`": "\u0300",
    "\u00b4": "\u0301",
    "\u02c6": "\u0302",
    "\u02dc": "\u0303",
    "\u02d8": "\u0306",
    "\u02c0": "\u0309",
}

Outline = list[tuple[float, float]]


@dataclass
class _Font:
    """One CID TrueType font of the PDF: its program and what its ToUnicode map names."""

    dictionary: Any
    program: Any  # fontTools TTFont
    gid_of: dict[int, int]  # CID -> glyph index; empty for Identity
    named: dict[int, str]  # CID -> text, from the ToUnicode map
    widths: set[int] | None  # the CIDs the font gives a width (those the PDF sets), if listed
    found: dict[int, str] = field(default_factory=dict)
    marks: list[tuple[str, Outline]] | None = None  # its named marks' outlines, once read
    letters: list[tuple[str, list[Outline]]] | None = None  # and its named letters'

    def gid(self, cid: int) -> int:
        return self.gid_of.get(cid, cid) if self.gid_of else cid


@contextlib.contextmanager
def readable(pdf: Path) -> Iterator[Path]:
    """The PDF poppler should read: `pdf` itself, or a scratch copy naming its unnamed glyphs."""
    repaired = _repair(pdf)
    if repaired is None:
        yield pdf
        return
    with tempfile.TemporaryDirectory(prefix="bantin-glyphs-") as scratch:
        copy = Path(scratch) / pdf.name
        repaired.save(copy, deterministic_id=True)
        yield copy


def _repair(pdf: Path) -> pikepdf.Pdf | None:
    """The opened PDF with glyphs added to its fonts' ToUnicode maps, or None if none is."""
    import pikepdf

    try:
        document = pikepdf.open(pdf)
    except (pikepdf.PdfError, OSError):
        return None  # poppler reports what is wrong with the file
    fonts = list(_cid_truetype_fonts(document))
    unnamed = [font for font in fonts if _recover(font, fonts)]
    if not unnamed:
        document.close()
        return None
    for font in unnamed:
        _extend_tounicode(document, font)
        log.info(
            "%s: %s names %d glyph(s) its ToUnicode map leaves out",
            pdf,
            str(font.dictionary.get("/BaseFont", "a font")).lstrip("/"),
            len(font.found),
        )
    return document


def _cid_truetype_fonts(document: pikepdf.Pdf) -> Iterator[_Font]:
    """Every Type0 font over an embedded TrueType program without a `cmap` of its own."""
    import pikepdf
    from fontTools.ttLib import TTFont, TTLibError

    seen: set[tuple[int, int]] = set()
    for page in document.pages:
        resources = page.obj.get("/Resources")
        fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
        if not isinstance(fonts, pikepdf.Dictionary):
            continue
        for _, font in fonts.items():
            if not isinstance(font, pikepdf.Dictionary) or font.get("/Subtype") != "/Type0":
                continue
            if font.objgen in seen or font.objgen == (0, 0):
                continue
            seen.add(font.objgen)
            descendants = font.get("/DescendantFonts")
            if not isinstance(descendants, pikepdf.Array) or len(descendants) != 1:
                continue
            cid_font = descendants[0]
            descriptor = cid_font.get("/FontDescriptor")
            stream = descriptor.get("/FontFile2") if descriptor is not None else None
            if not isinstance(stream, pikepdf.Stream):
                continue
            try:
                program = TTFont(io.BytesIO(stream.read_bytes()), lazy=True)
                if "cmap" in program or "glyf" not in program:
                    continue  # poppler reads the program's own cmap
            except (TTLibError, pikepdf.PdfError, ValueError, KeyError, AssertionError):
                continue
            yield _Font(
                font, program, _cid_to_gid(cid_font), _tounicode(font), _with_widths(cid_font)
            )


def _cid_to_gid(cid_font: Any) -> dict[int, int]:
    import pikepdf

    mapping = cid_font.get("/CIDToGIDMap")
    if not isinstance(mapping, pikepdf.Stream):
        return {}
    data = mapping.read_bytes()
    return {cid: data[2 * cid] << 8 | data[2 * cid + 1] for cid in range(len(data) // 2)}


def _with_widths(cid_font: Any) -> set[int] | None:
    """The CIDs a CID font's `W` array gives widths to: the glyphs its text sets, where the
    writer listed only those (a subset's outlines also hold the parts of composite glyphs)."""
    import pikepdf

    widths = cid_font.get("/W")
    if not isinstance(widths, pikepdf.Array):
        return None
    items = list(widths)
    cids: set[int] = set()
    at = 0
    try:
        while at + 1 < len(items):
            first = int(items[at])
            if isinstance(items[at + 1], pikepdf.Array):
                cids.update(range(first, first + len(items[at + 1])))
                at += 2
            else:
                cids.update(range(first, min(int(items[at + 1]), first + 0xFFFF) + 1))
                at += 3
    except (TypeError, ValueError):
        return None
    return cids


def _tounicode(font: Any) -> dict[int, str]:
    """CID -> text of a font's ToUnicode CMap (its bfchar and bfrange entries)."""
    import re

    import pikepdf

    stream = font.get("/ToUnicode")
    if not isinstance(stream, pikepdf.Stream):
        return {}
    text = stream.read_bytes().decode("latin-1")
    named: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, value in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            named[int(code, 16)] = _utf16(value)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        entries = r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])"
        for low, high, value in re.findall(entries, block):
            first, last = int(low, 16), int(high, 16)
            if value.startswith("<"):
                start = value[1:-1]
                base = int(start, 16) if start else 0
                for code in range(first, min(last, first + 0xFFFF) + 1):
                    named[code] = _utf16(f"{base + code - first:0{len(start)}X}")
            else:
                items = re.findall(r"<([0-9A-Fa-f]*)>", value)
                for code, item in zip(range(first, last + 1), items, strict=False):
                    named[code] = _utf16(item)
    return named


def _utf16(hexadecimal: str) -> str:
    try:
        return bytes.fromhex(hexadecimal).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError):
        return ""


# -- what a glyph is ------------------------------------------------------------------------


def _recover(font: _Font, fonts: list[_Font]) -> bool:
    """Find the text of `font`'s drawn glyphs that its ToUnicode map leaves out."""
    program = font.program
    try:
        offsets = program["loca"].locations
        order = program.getGlyphOrder()
    except (KeyError, AttributeError, AssertionError):
        return False
    drawn = [
        gid
        for gid in range(len(order))
        if gid + 1 < len(offsets) and offsets[gid + 1] > offsets[gid]
    ]
    named_gids = {font.gid(cid) for cid in font.named}
    cid_of = {font.gid(cid): cid for cid in font.gid_of} if font.gid_of else {}
    parts = [gid for gid in drawn if gid not in named_gids]
    unnamed = parts
    if font.widths is not None:  # the glyphs the text sets, not only parts of others
        unnamed = [gid for gid in parts if cid_of.get(gid, gid) in font.widths]
    for gid, letter in _alphabet_run(font, unnamed, set(parts), fonts).items():
        font.found[cid_of.get(gid, gid)] = letter
    for gid in unnamed:
        if cid_of.get(gid, gid) in font.found:
            continue
        text = _text_of(font, gid, fonts, depth=0)
        if text:
            font.found[cid_of.get(gid, gid)] = text
    return bool(font.found)


def _text_of(
    font: _Font, gid: int, fonts: list[_Font], depth: int, mark: bool = False
) -> str | None:
    """What glyph `gid` of `font` draws: named, composite of named parts, or a matched mark
    (`mark`: it is a composite letter's part after the letter, whatever its advance)."""
    cid = gid  # identity unless the font maps CIDs to glyphs
    if font.gid_of:
        cids = [c for c, g in font.gid_of.items() if g == gid]
        cid = cids[0] if cids else -1
    if cid in font.named:
        return font.named[cid]
    if cid in font.found:
        return font.found[cid]
    if depth > 3:
        return None
    program = font.program
    name = program.getGlyphName(gid)
    try:
        glyph = program["glyf"][name]
    except (KeyError, IndexError, AssertionError):
        return None
    if glyph.isComposite():
        parts = [
            _text_of(font, program.getGlyphID(c.glyphName), fonts, depth + 1, mark=index > 0)
            for index, c in enumerate(glyph.components)
        ]
        if not all(parts):
            return None
        text = unicodedata.normalize("NFC", "".join(part for part in parts if part))
        return text if unicodedata.category(text[0])[0] == "L" else None
    if (program["hmtx"][name][0] != 0 and not mark) or not 1 <= glyph.numberOfContours <= 3:
        return None  # only marks (no advance) are matched by their shape
    marks = [_closest_mark(contour, font, fonts) for contour in _contours(program, name)]
    if not marks or not all(marks):
        return None
    ordered = sorted(marks, key=lambda mark: mark not in _VOWEL_MARKS)
    return "".join(mark for mark in ordered if mark)


def _alphabet_run(
    font: _Font, unnamed: list[int], drawn: set[int], fonts: list[_Font]
) -> dict[int, str]:
    """Small capitals: a run of 26 glyphs in the order of the alphabet, found when at least
    `RUN_ANCHORS` of its glyphs look clearly like one letter each (against the letters the
    document names) and all of them place the run's "A" at the same glyph. A letter is never
    taken from its shape alone: "U" and "V" in small capitals are too close for that.
    `unnamed`: the glyphs the text sets; `drawn`: every unnamed glyph with an outline, the
    parts of composite letters among them ("Á" is "A" and its acute)."""
    shapes = {}
    for gid in unnamed:
        name = font.program.getGlyphName(gid)
        if font.program["hmtx"][name][0] != 0:  # marks have no advance; letters do
            shape = _glyph_shape(font.program, name)
            if shape is not None:
                shapes[gid] = shape
    if len(shapes) < RUN_ANCHORS:
        return {}  # too few letters to tell a run (most fonts: none)
    references = [item for other in fonts for item in _named_letters(other)]
    starts: dict[int, int] = {}
    for gid, shape in shapes.items():
        distances: dict[str, float] = {}
        for letter, outline in references:
            if len(outline) != len(shape):
                continue
            distance = max(_aligned_distance(a, b) for a, b in zip(shape, outline, strict=True))
            distances[letter] = min(distance, distances.get(letter, math.inf))
        ranked = sorted(distances.items(), key=lambda item: item[1])
        if not ranked or ranked[0][1] > SAME_LETTER:
            continue
        if len(ranked) > 1 and ranked[1][1] < CLEARLY_CLOSER * ranked[0][1]:
            continue
        start = gid - _ALPHABET.index(ranked[0][0])
        starts[start] = starts.get(start, 0) + 1
    if not starts:
        return {}
    (start, anchors), *others = sorted(starts.items(), key=lambda item: -item[1])
    if anchors < RUN_ANCHORS or (others and anchors < RUN_AGREEMENT * others[0][1]):
        return {}
    return {
        start + index: letter for index, letter in enumerate(_ALPHABET) if start + index in drawn
    }


_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: Largest distance (outlines scaled to a unit box) at which a glyph clearly is a letter.
SAME_LETTER = 0.08
#: Letters that must agree on where a run of small capitals starts, and how many times more
#: of them than agree on any other start (letters drawn elsewhere in the font: accented ones).
RUN_ANCHORS = 5
RUN_AGREEMENT = 2


def _aligned_distance(a: Outline, b: Outline) -> float:
    """Mean distance between two outlines of one box that start at their corner points
    (`_glyph_shape`), allowing the start a few points either way."""
    best = math.inf
    for shift in range(-ALIGN_SLACK, ALIGN_SLACK + 1):
        total = sum(
            math.hypot(x - b[(k + shift) % SAMPLES][0], y - b[(k + shift) % SAMPLES][1])
            for k, (x, y) in enumerate(a)
        )
        best = min(best, total / SAMPLES)
    return best


ALIGN_SLACK = 3


def _named_letters(font: _Font) -> list[tuple[str, list[Outline]]]:
    """(capital, outline) of every basic Latin letter the font's ToUnicode names."""
    if font.letters is not None:
        return font.letters
    letters: list[tuple[str, list[Outline]]] = []
    for cid, text in font.named.items():
        if len(text) != 1 or text.upper() not in _ALPHABET:
            continue
        with contextlib.suppress(KeyError, IndexError, AssertionError):
            shape = _glyph_shape(font.program, font.program.getGlyphName(font.gid(cid)))
            if shape is not None:
                letters.append((text.upper(), shape))
    font.letters = letters
    return letters


def _glyph_shape(program: Any, name: str) -> list[Outline] | None:
    """A simple glyph's contours scaled to a unit box (width and height apart: small capitals
    are wider for their height than capitals), each resampled, ordered bottom to top."""
    glyph = program["glyf"][name]
    if glyph.isComposite() or glyph.numberOfContours <= 0:
        return None
    contours = _contours(program, name)
    points = [point for contour in contours for point in contour]
    if not points:
        return None
    x0, y0 = min(x for x, _ in points), min(y for _, y in points)
    width = (max(x for x, _ in points) - x0) or 1.0
    height = (max(y for _, y in points) - y0) or 1.0
    boxed = [[((x - x0) / width, (y - y0) / height) for x, y in contour] for contour in contours]
    shapes = [_from_corner(_resampled(contour)) for contour in boxed]
    return sorted(shapes, key=lambda s: (round(sum(y for _, y in s) / SAMPLES, 2), s[0][0]))


def _from_corner(outline: Outline) -> Outline:
    """The outline turning one way (clockwise, as TrueType draws outer contours) from its
    point nearest the box's lower left corner: two drawings of a letter start alike."""
    area = sum(
        x0 * y1 - x1 * y0
        for (x0, y0), (x1, y1) in zip(outline, [*outline[1:], outline[0]], strict=True)
    )
    if area > 0:
        outline = outline[::-1]
    start = min(range(len(outline)), key=lambda k: outline[k][0] + outline[k][1])
    return outline[start:] + outline[:start]


def _closest_mark(contour: Outline, font: _Font, fonts: list[_Font]) -> str | None:
    """The mark a contour draws: the same font's named marks first, then every font's."""
    shape = _normalised(contour)
    for candidates in (_named_marks(font), [m for f in fonts for m in _named_marks(f)]):
        distances: dict[str, float] = {}
        for mark, outline in candidates:
            distance = _distance(shape, outline)
            distances[mark] = min(distance, distances.get(mark, math.inf))
        ranked = sorted(distances.items(), key=lambda item: item[1])
        if not ranked:
            continue
        best, runner_up = ranked[0][1], ranked[1][1] if len(ranked) > 1 else math.inf
        if best <= SAME_SHAPE and runner_up >= CLEARLY_CLOSER * max(best, 0.05):
            return ranked[0][0]
        return None
    return None


def _named_marks(font: _Font) -> list[tuple[str, Outline]]:
    """(combining mark, outline) of every one-contour mark glyph the font's ToUnicode names."""
    if font.marks is not None:
        return font.marks
    marks: list[tuple[str, Outline]] = []
    for cid, text in font.named.items():
        mark = _SPACING_ACCENTS.get(text, text)
        if len(mark) != 1 or unicodedata.category(mark) != "Mn":
            continue
        name = font.program.getGlyphName(font.gid(cid))
        with contextlib.suppress(KeyError, IndexError, AssertionError):
            contours = _contours(font.program, name)
            if len(contours) == 1:
                marks.append((mark, _normalised(contours[0])))
    font.marks = marks
    return marks


def _contours(program: Any, name: str) -> list[Outline]:
    glyf = program["glyf"]
    coordinates, ends, _ = glyf[name].getCoordinates(glyf)
    points = [(float(x), float(y)) for x, y in coordinates]
    contours, start = [], 0
    for end in ends:
        contours.append(points[start : end + 1])
        start = end + 1
    return [contour for contour in contours if len(contour) >= 3]


def _normalised(contour: Outline) -> Outline:
    """`SAMPLES` points evenly spaced along the closed contour, centred, of unit mean radius."""
    points = _resampled(contour)
    cx = sum(x for x, _ in points) / SAMPLES
    cy = sum(y for _, y in points) / SAMPLES
    radius = math.sqrt(sum((x - cx) ** 2 + (y - cy) ** 2 for x, y in points) / SAMPLES) or 1.0
    return [((x - cx) / radius, (y - cy) / radius) for x, y in points]


def _resampled(contour: Outline) -> Outline:
    """`SAMPLES` points evenly spaced along the closed contour."""
    closed = [*contour, contour[0]]
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(closed)]
    total = sum(lengths) or 1.0
    points: Outline = []
    segment, walked = 0, 0.0
    for k in range(SAMPLES):
        at = k * total / SAMPLES
        while segment < len(lengths) - 1 and walked + lengths[segment] < at:
            walked += lengths[segment]
            segment += 1
        share = (at - walked) / lengths[segment] if lengths[segment] else 0.0
        (x0, y0), (x1, y1) = closed[segment], closed[segment + 1]
        points.append((x0 + (x1 - x0) * share, y0 + (y1 - y0) * share))
    return points


def _distance(a: Outline, b: Outline) -> float:
    """Mean distance between two normalised outlines, over every start point and direction."""
    best = math.inf
    for other in (b, b[::-1]):
        for shift in range(SAMPLES):
            total = 0.0
            for k in range(SAMPLES):
                x, y = other[(k + shift) % SAMPLES]
                total += math.hypot(a[k][0] - x, a[k][1] - y)
                if total >= best * SAMPLES:
                    break
            best = min(best, total / SAMPLES)
    return best


# -- the scratch copy -----------------------------------------------------------------------


def _extend_tounicode(document: pikepdf.Pdf, font: _Font) -> None:
    """Add the glyphs found to the font's ToUnicode CMap (a new one if it has none)."""
    import pikepdf

    entries = sorted(font.found.items())
    blocks = []
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        lines = "".join(
            f"<{cid:04X}> <{text.encode('utf-16-be').hex().upper()}>\n" for cid, text in chunk
        )
        blocks.append(f"{len(chunk)} beginbfchar\n{lines}endbfchar\n")
    added = "".join(blocks).encode("ascii")
    stream = font.dictionary.get("/ToUnicode")
    if isinstance(stream, pikepdf.Stream):
        cmap = stream.read_bytes()
        at = cmap.rfind(b"endcmap")
        cmap = cmap[:at] + added + cmap[at:] if at >= 0 else cmap + added
    else:
        cmap = (
            b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            + added
            + b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        )
    font.dictionary["/ToUnicode"] = document.make_stream(cmap)
