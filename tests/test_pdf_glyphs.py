"""Glyphs a PDF's font draws without naming them: recovered from their outlines.

The PDFs here are built glyph by glyph as a word processor writes Vietnamese typed with
combining marks: a CID TrueType font, subset with no `cmap`, whose ToUnicode map names the
letters and the single marks but not the glyph of a stacked mark (circumflex and grave) nor a
composite letter (a with its acute).
"""

from __future__ import annotations

import hashlib
import io
import math
import string
from pathlib import Path

import pikepdf
import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent

from bantin.pdf import glyphs
from bantin.pdf.document import read_document

Polygon = list[tuple[int, int]]

CIRCUMFLEX: Polygon = [(-420, 560), (-300, 700), (-180, 560), (-220, 560), (-300, 650), (-380, 560)]
GRAVE: Polygon = [(-330, 760), (-280, 760), (-200, 640), (-240, 640)]
ACUTE: Polygon = [(-330, 640), (-290, 640), (-200, 760), (-250, 760)]
SQUARE: Polygon = [(-150, 600), (-50, 600), (-50, 700), (-150, 700)]
BOX: Polygon = [(40, 0), (440, 0), (440, 480), (40, 480)]


def shifted(polygon: Polygon, dx: int, dy: int, scale: float = 1.0) -> Polygon:
    return [(round(x * scale) + dx, round(y * scale) + dy) for x, y in polygon]


def drawn(*contours: Polygon) -> Glyph:
    pen = TTGlyphPen(None)
    for contour in contours:
        pen.moveTo(contour[0])
        for point in contour[1:]:
            pen.lineTo(point)
        pen.closePath()
    return pen.glyph()


def composite(*parts: tuple[str, int, int]) -> Glyph:
    glyph = Glyph()
    glyph.components = []
    for name, x, y in parts:
        component = GlyphComponent()
        component.glyphName, component.x, component.y, component.flags = name, x, y, 0
        glyph.components.append(component)
    glyph.numberOfContours = -1
    return glyph


# name, outline, advance, text in the ToUnicode map ("" = left out)
GLYPHS: list[tuple[str, Glyph, int, str]] = [
    (".notdef", drawn(), 500, ""),
    ("space", drawn(), 250, " "),
    ("C", drawn(BOX), 600, "C"),
    ("a", drawn(shifted(BOX, 0, 0, 0.9)), 500, "a"),
    ("u", drawn(shifted(BOX, 10, 0, 0.85)), 500, "u"),
    ("circumflex", drawn(CIRCUMFLEX), 0, "\u0302"),
    ("grave", drawn(GRAVE), 0, "\u0300"),
    ("acute", drawn(ACUTE), 0, "\u0301"),
    # the stacked marks of "ầ": a smaller circumflex with the grave above its right side
    (
        "circumflex_grave",
        drawn(shifted(CIRCUMFLEX, 20, 0, 0.9), shifted(GRAVE, 180, 60, 0.8)),
        0,
        "",
    ),
    # a mark no named mark looks like
    ("circumflex_square", drawn(CIRCUMFLEX, SQUARE), 0, ""),
    ("aacute", composite(("a", 0, 0), ("acute", 520, 0)), 500, ""),
]


Table = list[tuple[str, Glyph, int, str]]


def font_program(used: set[str], table: Table) -> bytes:
    """The font subset to the glyphs `used` (and their components): every other glyph keeps
    its index and loses its outline, as a subsetter leaves them."""
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([name for name, *_ in table])
    builder.setupCharacterMap({})
    needed = used | {
        c.glyphName
        for name, g, *_ in table
        if name in used and g.isComposite()
        for c in g.components
    }
    builder.setupGlyf({name: glyph if name in needed else drawn() for name, glyph, *_ in table})
    metrics = {name: (advance, 0) for name, _, advance, _ in table}
    builder.setupHorizontalMetrics(metrics)
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Stacked", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost(keepGlyphNames=False)
    del builder.font["cmap"]  # a subset keeps no cmap: only ToUnicode could name a glyph
    out = io.BytesIO()
    builder.font.save(out)
    return out.getvalue()


def tounicode(used: set[str], table: Table, cid_of: dict[str, int]) -> bytes:
    """The ToUnicode map a word processor writes: the glyphs `used` that it can name."""
    entries = sorted((cid_of[name], text) for name, _, _, text in table if text and name in used)
    lines = "".join(
        f"<{cid:04X}> <{text.encode('utf-16-be').hex().upper()}>\n" for cid, text in entries
    )
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"{len(entries)} beginbfchar\n{lines}endbfchar\n"
        "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")


LINES = 20
#: Words where each mark stands alone over its letter: the marks the ToUnicode map names.
MARKS_ALONE = [["C", "a", mark, "u"] for mark in ("circumflex", "grave", "acute")]


def build(
    path: Path,
    words: list[list[str]],
    table: Table = GLYPHS,
    *,
    cids: dict[str, int] | None = None,
    encoding: str = "/Identity-H",
    named: bool = True,
) -> Path:
    """A one-page PDF setting `words` (lists of glyph names) on a line in a font of the
    glyphs of `table`, subset to those the words use. `cids`: glyphs shown by another CID
    than their index (a CIDToGIDMap stream; a glyph whose CID is taken has none); `named`:
    whether the font has a ToUnicode map."""
    used = {name for word in words for name in word}
    cid_of = {name: gid for gid, (name, *_) in enumerate(table)}  # CID = glyph index...
    gid_of = {gid: gid for gid in range(len(table))}
    for name, cid in (cids or {}).items():  # ...but these: CID `cid` shows glyph `name`
        gid, taken = cid_of[name], table[cid][0]
        gid_of[cid], gid_of[gid] = gid, 0
        del cid_of[taken]  # the glyph whose index `cid` is: no CID shows it any more
        cid_of[name] = cid
    pdf = pikepdf.new()
    descriptor = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.FontDescriptor,
            FontName=pikepdf.Name("/ABCDEF+Stacked"),
            Flags=32,
            FontBBox=[-500, -200, 1000, 900],
            ItalicAngle=0,
            Ascent=800,
            Descent=-200,
            CapHeight=700,
            StemV=80,
            FontFile2=pdf.make_stream(font_program(used, table)),
        )
    )
    widths = pikepdf.Array()
    for cid, gid in sorted(gid_of.items()):
        widths.extend([cid, pikepdf.Array([table[gid][2]])])
    cid_to_gid = (
        pdf.make_stream(b"".join(gid_of[cid].to_bytes(2, "big") for cid in range(len(gid_of))))
        if cids
        else pikepdf.Name.Identity
    )
    cid_font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.CIDFontType2,
            BaseFont=pikepdf.Name("/ABCDEF+Stacked"),
            CIDSystemInfo=pikepdf.Dictionary(Registry="Adobe", Ordering="Identity", Supplement=0),
            FontDescriptor=descriptor,
            W=widths,
            CIDToGIDMap=cid_to_gid,
        )
    )
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type0,
            BaseFont=pikepdf.Name("/ABCDEF+Stacked"),
            Encoding=pikepdf.Name(encoding),
            DescendantFonts=[cid_font],
        )
    )
    if named:
        font.ToUnicode = pdf.make_stream(tounicode(used, table, cid_of))
    line: list[int] = []
    for word in words:
        line += [cid_of[name] for name in word] + [cid_of["space"]]
    shown = "".join(f"{cid:04X}" for cid in line)
    # the line set again down the page: enough words for a text layer
    lines = [f"1 0 0 1 72 {760 - 30 * row} Tm <{shown}> Tj" for row in range(LINES)]
    content = f"BT /F1 10 Tf {' '.join(lines)} ET".encode("ascii")
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, 595, 842],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
        Contents=pdf.make_stream(content),
    )
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(path, deterministic_id=True)
    return path


def words_of(pdf: Path) -> list[str]:
    """The words of the PDF's lines as the PDF route reads them (decoded, NFC)."""
    lines = [line.text for page in read_document(pdf).pages for line in page.lines]
    assert len(lines) == LINES
    return lines[0].split()


def test_a_stacked_mark_and_a_composite_letter_are_named_from_their_outlines(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    stacked = ["C", "a", "circumflex_grave", "u"]
    pdf = build(tmp_path / "stacked.pdf", [stacked, ["C", "aacute"], *MARKS_ALONE])
    before = pdf.read_bytes()
    assert words_of(pdf) == ["Cầu", "Cá", "Câu", "Càu", "Cáu"]
    assert pdf.read_bytes() == before  # poppler read a scratch copy; the source is unchanged
    assert "left as they are" not in caplog.text  # the glyph stage ran through


def test_a_mark_that_looks_like_no_named_mark_stays_unnamed(tmp_path: Path) -> None:
    pdf = build(tmp_path / "unknown.pdf", [["C", "a", "circumflex_square", "u"], *MARKS_ALONE])
    assert words_of(pdf)[0] == "Cau"  # dropped, as poppler drops it: never a guessed mark


def test_a_pdf_whose_fonts_name_every_glyph_is_read_as_it_is(tmp_path: Path) -> None:
    pdf = build(tmp_path / "named.pdf", MARKS_ALONE)
    with glyphs.readable(pdf) as readable:
        assert readable == pdf
    assert words_of(pdf) == ["Câu", "Càu", "Cáu"]


@pytest.mark.parametrize("damaged", [b"", b"%PDF-1.4\nnot really"])
def test_a_file_pikepdf_cannot_open_is_left_to_poppler_to_report(
    tmp_path: Path, damaged: bytes
) -> None:
    pdf = tmp_path / "damaged.pdf"
    pdf.write_bytes(damaged)
    with glyphs.readable(pdf) as readable:
        assert readable == pdf


def letter_shape(index: int) -> Polygon:
    """A letter of its own shape: a star-like outline whose points stand out by the letter."""
    spikes = hashlib.sha256(bytes([index])).digest()[:12]
    points = []
    for k, spike in enumerate(spikes):
        angle, radius = 2 * math.pi * k / 12, 150 + spike
        points.append(
            (300 + round(radius * math.cos(angle)), 350 + round(radius * math.sin(angle)))
        )
    return points


def small_capitals(order: str, named: str = string.ascii_uppercase) -> Table:
    """Space, 26 letters the ToUnicode map names (`named`: capitals, or small letters), then
    the same letters drawn wider and shorter (small capitals) in the glyph order `order`,
    unnamed."""
    table: Table = [(".notdef", drawn(), 500, ""), ("space", drawn(), 250, " ")]
    for index, letter in enumerate(named):
        table.append((letter, drawn(letter_shape(index)), 700, letter))
    for letter in order:
        small = [(round(x * 1.1), round(y * 0.72)) for x, y in letter_shape(ord(letter) - 65)]
        table.append((letter + ".sc", drawn(small), 600, ""))
    return table


@pytest.mark.parametrize(
    ("order", "named", "read"),
    [
        # in the order of the alphabet, drawn like the capitals the document names
        (string.ascii_uppercase, string.ascii_uppercase, ["BAN", "GIAO", "LY"]),
        # drawn like its small letters: a run of small letters
        (string.ascii_uppercase, string.ascii_lowercase, ["ban", "giao", "ly"]),
        # out of that order: no letter is taken by its shape alone
        ("QWERTYUIOPASDFGHJKLZXCVBNM", string.ascii_uppercase, []),
    ],
)
def test_small_capitals_in_the_order_of_the_alphabet_are_read_as_capitals(
    tmp_path: Path, order: str, named: str, read: list[str]
) -> None:
    letters = [[letter] for letter in named]
    heading = [[letter + ".sc" for letter in word] for word in ("BAN", "GIAO", "LY")]
    pdf = build(tmp_path / "small.pdf", [*heading, *letters], small_capitals(order, named))
    words = words_of(pdf)
    assert words[-26:] == list(named)
    assert words[:-26] == read


def test_a_glyph_no_cid_shows_names_nothing_a_cid_shows(tmp_path: Path) -> None:
    """The acute is only a part of "á" and no CID shows it; the CID that has its index shows
    "u" (a CIDToGIDMap stream): naming the acute must not rename every "u"."""
    table = [*GLYPHS, ("acute.alone", drawn(ACUTE), 0, "\u0301")]  # its shape, named
    acute = [name for name, *_ in table].index("acute")
    words = [["C", "aacute"], ["C", "a", "acute.alone", "u"], ["C", "a", "grave", "u"]]
    pdf = build(tmp_path / "mapped.pdf", words, table, cids={"u": acute})
    assert words_of(pdf) == ["Cá", "Cáu", "Càu"]


@pytest.mark.parametrize(
    "kind", ["no ToUnicode map", "codes that are not CIDs", "a password", "a damaged font"]
)
def test_a_font_or_a_file_the_glyph_stage_cannot_read_is_read_as_it_is(
    tmp_path: Path, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    words = [["C", "a", "circumflex_grave", "u"], *MARKS_ALONE]
    pdf = build(
        tmp_path / "odd.pdf",
        words,
        named=kind != "no ToUnicode map",
        encoding="/UniGB-UCS2-H" if kind == "codes that are not CIDs" else "/Identity-H",
    )
    if kind == "a password":
        with pikepdf.open(pdf, allow_overwriting_input=True) as document:
            document.save(pdf, encryption=pikepdf.Encryption(user="secret", owner="secret"))
    if kind == "a damaged font":
        with pikepdf.open(pdf, allow_overwriting_input=True) as document:
            for font in document.pages[0].Resources.Font.values():
                program = font.DescendantFonts[0].FontDescriptor.FontFile2
                data = bytearray(program.read_bytes())
                data[200:260] = b"\xff" * 60  # the table directory's offsets and lengths
                program.write(bytes(data))
            document.save(pdf)
    with glyphs.readable(pdf) as readable:
        assert readable == pdf
    assert kind != "a damaged font" or "left as they are" in caplog.text


def test_two_dots_are_no_dot_below_and_a_mark_is_matched_on_its_side_of_the_line(
    tmp_path: Path,
) -> None:
    """A diaeresis (two dots above) in a document that names only the dot below: neither of
    its dots is a dot below, and a mark is never taken twice for one glyph."""
    dot_below = [(-320, -180), (-260, -180), (-260, -120), (-320, -120)]
    table = [
        *GLYPHS,
        ("dotbelow", drawn(dot_below), 0, "\u0323"),
        ("diaeresis", drawn(shifted(dot_below, -60, 820), shifted(dot_below, 60, 820)), 0, ""),
    ]
    words = [["C", "a", "dotbelow", "u"], ["C", "a", "diaeresis", "u"], *MARKS_ALONE]
    pdf = build(tmp_path / "dots.pdf", words, table)
    assert words_of(pdf)[:2] == ["Cạu", "Cau"]


def test_a_composite_over_a_spacing_accent_is_one_letter(tmp_path: Path) -> None:
    """A font that names its acute "´" (the spacing accent): "á" built of "a" and it is "á",
    not "a´"."""
    table = [
        (name, glyph, advance, "\u00b4" if name == "acute" else text)
        for name, glyph, advance, text in GLYPHS
    ]
    pdf = build(tmp_path / "spacing.pdf", [["C", "aacute"], ["C", "a", "acute", "u"]], table)
    assert words_of(pdf)[0] == "Cá"
