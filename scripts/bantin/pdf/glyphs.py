"""Unicode for the glyphs a PDF's fonts draw but do not name.

Word processors set Vietnamese typed with combining marks through a font's own glyphs for
stacked marks (the circumflex and grave of "ầ" drawn as one glyph over the letter), then
subset the font without naming those glyphs: the font's ToUnicode map skips them, the embedded
program keeps no `cmap`, and poppler drops them, so "Cầu" comes out as "Cau". Their outlines
are still in the font, and they say what the glyph is:

- a composite glyph is its components: a letter and its marks;
- a mark glyph (no advance width) is its contours, each matched against the outline of a mark
  the document does name on the same side of the baseline (in the same font first, then in
  any font of the document); a contour is taken for a mark only when it is clearly closer to
  it than to any other mark, and a glyph is never read as one mark twice;
- small capitals (headings set in them lose every letter but the first) are a run of glyphs
  in the order of the alphabet: found when several of them clearly look like letters the
  document names and all agree on where the run starts.

Only fonts coded by CID (Identity-H or -V) over a subset TrueType program with a ToUnicode map
are looked at, and only glyphs some CID shows are named. poppler then reads a scratch copy of
the PDF whose fonts' ToUnicode maps also name the glyphs recovered; the source file is never
changed, and whatever goes wrong reading a font, the PDF is read as it is. A glyph nothing
identifies stays unnamed (dropped, as before): a wrong letter is worse than a missing one.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import logging
import math
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pikepdf

log = logging.getLogger("bantin.pdf")

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
    """One CID TrueType font of the PDF (codes are CIDs: Identity-H or -V), its program, and
    what its ToUnicode map names, by glyph."""

    dictionary: Any
    program: Any  # fontTools TTFont
    cids_of: dict[int, list[int]]  # glyph -> the CIDs that draw it
    named: dict[int, str]  # glyph -> text, from the ToUnicode map
    set_in_text: set[int] | None  # the glyphs the font gives a width (those set), if listed
    found: dict[int, str] = field(default_factory=dict)  # glyph -> text recovered
    tried: dict[tuple[int, bool], str | None] = field(default_factory=dict)  # looked at
    marks: list[tuple[str, bool, Outline]] | None = None  # its named marks: above?, outline
    letters: list[tuple[str, list[Outline]]] | None = None  # its named basic Latin letters

    def text(self, gid: int) -> str | None:
        return self.named.get(gid) or self.found.get(gid)


@contextlib.contextmanager
def readable(pdf: Path) -> Iterator[Path]:
    """The PDF poppler should read: `pdf` itself, or a scratch copy naming its unnamed glyphs.
    Whatever goes wrong looking at the fonts, the PDF is read as it is."""
    with tempfile.TemporaryDirectory(prefix="bantin-glyphs-") as scratch:
        yield _repaired_copy(pdf, Path(scratch) / pdf.name) or pdf


def _repaired_copy(pdf: Path, copy: Path) -> Path | None:
    import pikepdf

    try:
        document = pikepdf.open(pdf)
    except (pikepdf.PdfError, pikepdf.PasswordError, OSError):
        return None  # poppler reports what is wrong with the file
    fonttools = logging.getLogger("fontTools")
    level = fonttools.level
    fonttools.setLevel(logging.ERROR)  # it complains of the odd tables subsetters leave
    try:
        with document:
            if not _repair(document, pdf):
                return None
            document.save(copy, deterministic_id=True)
        return copy
    except Exception as error:  # a font we cannot read is left to poppler as it is
        log.warning("%s: its fonts' unnamed glyphs were left as they are (%s)", pdf, error)
        return None
    finally:
        fonttools.setLevel(level)


def _repair(document: pikepdf.Pdf, pdf: Path) -> bool:
    """Add the glyphs found to the fonts' ToUnicode maps of the opened PDF; whether any was."""
    fonts = list(_cid_truetype_fonts(document))
    unnamed = [font for font in fonts if _recover(font, fonts)]
    for font in unnamed:
        _extend_tounicode(document, font)
        log.info(
            "%s: %s names %d glyph(s) its ToUnicode map leaves out",
            pdf,
            str(font.dictionary.get("/BaseFont", "a font")).lstrip("/"),
            len(font.found),
        )
    return bool(unnamed)


#: Encodings whose codes are the CIDs themselves.
IDENTITY = ("/Identity-H", "/Identity-V")


def _cid_truetype_fonts(document: pikepdf.Pdf) -> Iterator[_Font]:
    """Every Type0 font of the pages, coded by CID, over an embedded TrueType program subset
    without a `cmap` (a program that keeps one, poppler reads), with a ToUnicode map (a font
    without one, poppler reads its own way)."""
    import pikepdf
    from fontTools.ttLib import TTFont

    seen: set[tuple[int, int]] = set()
    for page in document.pages:
        resources = page.obj.get("/Resources")
        fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
        if not isinstance(fonts, pikepdf.Dictionary):
            continue
        for _, font in fonts.items():
            if not isinstance(font, pikepdf.Dictionary) or font.get("/Subtype") != "/Type0":
                continue
            if (
                font.objgen in seen
                or font.objgen == (0, 0)
                or font.get("/Encoding") not in IDENTITY
            ):
                continue
            seen.add(font.objgen)
            descendants = font.get("/DescendantFonts")
            if not isinstance(descendants, pikepdf.Array) or len(descendants) != 1:
                continue
            cid_font = descendants[0]
            if not isinstance(cid_font, pikepdf.Dictionary):
                continue
            descriptor = cid_font.get("/FontDescriptor")
            if not isinstance(descriptor, pikepdf.Dictionary):
                continue
            stream = descriptor.get("/FontFile2")
            if not isinstance(stream, pikepdf.Stream):
                continue
            if not isinstance(font.get("/ToUnicode"), pikepdf.Stream):
                continue
            program = TTFont(io.BytesIO(stream.read_bytes()), lazy=True)
            if "cmap" in program or "glyf" not in program or "loca" not in program:
                continue
            yield _by_glyph(font, cid_font, program)


def _by_glyph(font: Any, cid_font: Any, program: Any) -> _Font:
    """The font with what its ToUnicode map and widths say of each CID said of each glyph."""
    gid_of = _cid_to_gid(cid_font)
    cids_of: dict[int, list[int]] = {}
    for cid, gid in sorted(gid_of.items()):
        cids_of.setdefault(gid, []).append(cid)

    def glyph(cid: int) -> int | None:
        return gid_of.get(cid) if gid_of else cid

    named: dict[int, str] = {}
    for code, text in sorted(_tounicode(font).items()):
        if (drawn := glyph(code)) is not None:
            named[drawn] = text
    widths = _with_widths(cid_font)
    set_in = {g for cid in widths if (g := glyph(cid)) is not None} if widths is not None else None
    return _Font(font, program, cids_of, named, set_in)


def _cid_to_gid(cid_font: Any) -> dict[int, int]:
    """CID -> glyph of a CIDToGIDMap stream; empty for /Identity (each CID its glyph)."""
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


_BFCHAR = re.compile(r"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(r"beginbfrange(.*?)endbfrange", re.S)
_CHAR_ENTRY = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")
_RANGE_ENTRY = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])")


def _tounicode(font: Any) -> dict[int, str]:
    """Code -> text of a font's ToUnicode CMap (its bfchar and bfrange entries)."""
    text = font.get("/ToUnicode").read_bytes().decode("latin-1")
    named: dict[int, str] = {}
    for block in _BFCHAR.findall(text):
        for code, value in _CHAR_ENTRY.findall(block):
            named[int(code, 16)] = _utf16(value)
    for block in _BFRANGE.findall(text):
        for low, high, value in _RANGE_ENTRY.findall(block):
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
    return {code: value for code, value in named.items() if value}


def _utf16(hexadecimal: str) -> str:
    try:
        return bytes.fromhex(hexadecimal).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError):
        return ""


# -- what a glyph is ------------------------------------------------------------------------


def _recover(font: _Font, fonts: list[_Font]) -> bool:
    """Fill `font.found` with the text of the glyphs its text sets that its ToUnicode map
    leaves out; whether any was found."""
    offsets = font.program["loca"].locations
    outlined = {gid for gid in range(len(offsets) - 1) if offsets[gid + 1] > offsets[gid]}
    unnamed = outlined - font.named.keys()
    set_in_text = sorted(unnamed & font.set_in_text if font.set_in_text is not None else unnamed)
    if font.cids_of:  # only glyphs some CID draws can be named
        set_in_text = [gid for gid in set_in_text if gid in font.cids_of]
    font.found.update(_alphabet_run(font, set_in_text, unnamed, fonts))
    for gid in set_in_text:
        if gid not in font.found:
            text = _text_of(font, gid, fonts, depth=0)
            if text:
                font.found[gid] = text
    return bool(font.found)


COMPONENTS = 4  # parts of a composite glyph at the most (a letter and its marks)


def _text_of(
    font: _Font, gid: int, fonts: list[_Font], depth: int, mark: bool = False
) -> str | None:
    """What glyph `gid` of `font` draws: named, composite of known parts, or a matched mark
    (`mark`: it is a composite letter's part after the letter, whatever its advance)."""
    known = font.text(gid)
    if known is not None:
        return known
    if (gid, mark) in font.tried:
        return font.tried[gid, mark]
    font.tried[gid, mark] = None  # a composite reaching itself finds nothing
    found = _drawn(font, gid, fonts, depth, mark) if depth <= 3 else None
    font.tried[gid, mark] = found
    return found


def _drawn(font: _Font, gid: int, fonts: list[_Font], depth: int, mark: bool) -> str | None:
    program = font.program
    name = program.getGlyphName(gid)
    glyph = program["glyf"][name]
    if glyph.isComposite():
        if len(glyph.components) > COMPONENTS:
            return None
        parts = []
        for index, component in enumerate(glyph.components):
            part = _text_of(
                font, program.getGlyphID(component.glyphName), fonts, depth + 1, index > 0
            )
            if not part:
                return None
            parts.append(_SPACING_ACCENTS.get(part, part) if index else part)
        text = unicodedata.normalize("NFC", "".join(parts))
        return text if unicodedata.category(text[0])[0] == "L" else None
    if (program["hmtx"][name][0] != 0 and not mark) or not 1 <= glyph.numberOfContours <= 3:
        return None  # only marks (no advance) are matched by their shape
    found = [_closest_mark(contour, font, fonts) for contour in _contours(program, name)]
    marks = [found_mark for found_mark in found if found_mark]
    if not marks or len(marks) != len(found) or len(set(marks)) != len(marks):
        return None  # a contour no mark draws, or one mark twice (two dots are no dot below)
    return "".join(sorted(marks, key=lambda m: m not in _VOWEL_MARKS))


def _alphabet_run(
    font: _Font, set_in_text: list[int], unnamed: set[int], fonts: list[_Font]
) -> dict[int, str]:
    """Small capitals: a run of 26 glyphs in the order of the alphabet, found when at least
    `RUN_ANCHORS` of its glyphs look clearly like one letter each (against the letters the
    document names) and all of them place the run's "A" at the same glyph. A letter is never
    taken from its shape alone: "U" and "V" in small capitals are too close for that.
    `set_in_text`: the glyphs the text sets; `unnamed`: every unnamed glyph with an outline,
    the parts of composite letters among them ("Á" is "A" and its acute). The run is in the
    case most of its letters that differ in case look like (capitals if none tells)."""
    shapes = {}
    for gid in set_in_text:
        name = font.program.getGlyphName(gid)
        if font.program["hmtx"][name][0] != 0:  # marks have no advance; letters do
            shape = _glyph_shape(font.program, name)
            if shape is not None:
                shapes[gid] = shape
    if len(shapes) < RUN_ANCHORS:
        return {}  # too few letters to tell a run (most fonts: none)
    references = [item for other in fonts for item in _named_letters(other)]
    starts: dict[int, list[str]] = {}
    for gid, shape in shapes.items():
        distances: dict[str, float] = {}
        for letter, outline in references:
            if len(outline) != len(shape) or distances.get(letter, math.inf) <= SAME_LETTER / 4:
                continue
            distance = max(_aligned_distance(a, b) for a, b in zip(shape, outline, strict=True))
            distances[letter] = min(distance, distances.get(letter, math.inf))
        by_letter: dict[str, tuple[float, str]] = {}
        for letter, distance in distances.items():
            if distance < by_letter.get(letter.upper(), (math.inf, ""))[0]:
                by_letter[letter.upper()] = (distance, letter)
        ranked = sorted(by_letter.items(), key=lambda item: item[1])
        if not ranked or ranked[0][1][0] > SAME_LETTER:
            continue
        if len(ranked) > 1 and ranked[1][1][0] < CLEARLY_CLOSER * ranked[0][1][0]:
            continue
        capital, (_, letter) = ranked[0]
        starts.setdefault(gid - _ALPHABET.index(capital), []).append(letter)
    if not starts:
        return {}
    (start, anchors), *others = sorted(starts.items(), key=lambda item: (-len(item[1]), item[0]))
    if len(anchors) < RUN_ANCHORS or (others and len(anchors) < RUN_AGREEMENT * len(others[0][1])):
        return {}
    telling = [letter for letter in anchors if letter.upper() not in _SAME_IN_BOTH_CASES]
    lower = sum(1 for letter in telling if letter.islower()) * 2 > len(telling)
    alphabet = _ALPHABET.lower() if lower else _ALPHABET
    return {
        start + index: letter for index, letter in enumerate(alphabet) if start + index in unnamed
    }


_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: Letters whose small and capital forms are one shape: they tell nothing of a run's case.
_SAME_IN_BOTH_CASES = frozenset("COSUVWXZ")
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
    """(letter, outline) of every basic Latin letter the font's ToUnicode names."""
    if font.letters is not None:
        return font.letters
    letters: list[tuple[str, list[Outline]]] = []
    for gid, text in sorted(font.named.items()):
        if len(text) != 1 or text.upper() not in _ALPHABET:
            continue
        shape = _glyph_shape(font.program, font.program.getGlyphName(gid))
        if shape is not None:
            letters.append((text, shape))
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
    """The mark a contour draws, among the marks named on its side of the baseline (above or
    below the letter): the same font's first, then every font's."""
    shape, above = _normalised(contour), _above(contour)
    for candidates in (_named_marks(font), [m for f in fonts for m in _named_marks(f)]):
        distances: dict[str, float] = {}
        for mark, mark_above, outline in candidates:
            if mark_above == above:
                distance = _distance(shape, outline)
                distances[mark] = min(distance, distances.get(mark, math.inf))
        ranked = sorted(distances.items(), key=lambda item: item[1])
        if not ranked:
            continue
        best, runner_up = ranked[0][1], ranked[1][1] if len(ranked) > 1 else math.inf
        if best <= SAME_SHAPE and runner_up >= CLEARLY_CLOSER * max(best, 0.05):
            return ranked[0][0]
    return None


def _above(contour: Outline) -> bool:
    """Whether a mark's contour stands above the baseline (its middle does)."""
    return sum(y for _, y in contour) / len(contour) > 0


def _named_marks(font: _Font) -> list[tuple[str, bool, Outline]]:
    """(combining mark, above?, outline) of every one-contour mark glyph the font's ToUnicode
    names."""
    if font.marks is not None:
        return font.marks
    marks: list[tuple[str, bool, Outline]] = []
    for gid, text in sorted(font.named.items()):
        mark = _SPACING_ACCENTS.get(text, text)
        if len(mark) != 1 or unicodedata.category(mark) != "Mn":
            continue
        contours = _contours(font.program, font.program.getGlyphName(gid))
        if len(contours) == 1:
            marks.append((mark, _above(contours[0]), _normalised(contours[0])))
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
    """Add the glyphs found to the font's ToUnicode CMap (each CID drawing one)."""
    entries = sorted(
        (cid, text)
        for gid, text in font.found.items()
        for cid in (font.cids_of.get(gid, []) if font.cids_of else [gid])
    )
    blocks = []
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        lines = "".join(
            f"<{cid:04X}> <{text.encode('utf-16-be').hex().upper()}>\n" for cid, text in chunk
        )
        blocks.append(f"{len(chunk)} beginbfchar\n{lines}endbfchar\n")
    added = "".join(blocks).encode("ascii")
    cmap = font.dictionary.get("/ToUnicode").read_bytes()
    at = cmap.rfind(b"endcmap")
    cmap = cmap[:at] + added + cmap[at:] if at >= 0 else cmap + added
    font.dictionary["/ToUnicode"] = document.make_stream(cmap)  # a new stream: never shared
