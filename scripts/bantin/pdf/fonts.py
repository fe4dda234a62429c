"""Fonts: legacy 8-bit fonts decoded to Unicode, and the type the body text is set in.

A font announces TCVN3 or VNI by its name (".VnTime", ".VnArialH", "VNI-Times"); a font whose
name says nothing is judged by all the text it sets in the document, so one odd word is no
evidence. Capitals fonts (".VnTimeH") draw every letter as a capital: their text is upper case.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace

from bantin.convert.legacy import (
    TCVN3,
    TCVN3_CAPITALS,
    decode_legacy,
    decodes_to_vietnamese,
    detect_legacy,
    draws_capitals,
    encoding_for_font,
    fix_c1_punctuation,
)
from bantin.pdf.page import Page, Style, Word
from bantin.vietnamese import fix_lookalikes

log = logging.getLogger("bantin.pdf")

_DOTLESS_MARKED = re.compile("ı([\u0300-\u036f])")
# Soft hyphens, zero-width spaces and joiners, direction marks: nothing a reader sees.
_SOFT = str.maketrans(dict.fromkeys("\xad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"))

# Adobe's Symbol encoding from 0x20, in order ("\0" where a code has no character): what a
# Symbol font draws for each code, which PDFs often give as the private-use U+F0xx.
_SYMBOL_LOW = (
    " !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_‾"
    "αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼"
)
_SYMBOL_HIGH = (
    "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈®©™∑"
    "⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪\0〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭"
)
SYMBOL = {0x20 + i: char for i, char in enumerate(_SYMBOL_LOW) if char != "\0"}
SYMBOL.update({0xA0 + i: char for i, char in enumerate(_SYMBOL_HIGH) if char != "\0"})
# Wingdings' bullets that have a character of their own, so that two lists' bullets stay
# apart (an item's own items under "❖" are set with "▪"); the others draw "•".
# Its arrows are arrows: "Rau cần ta ➔ Rửa ➔ Để ráo" is a process's steps, no list; those
# that open items too ("➔", "➜", "⇨") are shapes Symbol's arrows never give.
_WINGDINGS_BULLETS = {
    0x6C: "●", 0x6E: "■", 0x6F: "□", 0x75: "◆", 0x76: "❖", 0xA7: "▪", 0xD8: "➢", 0xFC: "✓",
    0xDF: "←", 0xE0: "➔", 0xE1: "↑", 0xE2: "↓", 0xE8: "➜", 0xEF: "⇦", 0xF0: "⇨", 0xF1: "⇧",
    0xF2: "⇩",
}  # fmt: skip
#: Private-use code points that dingbat fonts (Wingdings) use for list bullets.
_DINGBAT_BULLETS = frozenset(range(0xF06C, 0xF07B)) | frozenset(range(0xF09F, 0xF0B0))
_DINGBAT_BULLETS |= frozenset((0xF0D8, 0xF0E0, 0xF0E8, 0xF0F0, 0xF0FC, 0xF0FE))


def decode_pages(pages: list[Page]) -> dict[str, str | None]:
    """Decode every word set in a legacy font; the encoding found for each font name."""
    texts: dict[str, list[str]] = {}
    for page in pages:
        for line in page.lines:
            for word in line.words:
                texts.setdefault(word.style.font, []).append(word.text)
    encodings = {font: font_encoding(font, " ".join(words)) for font, words in texts.items()}
    styles: dict[Style, Style] = {}
    for page in pages:
        for line in page.lines:
            for word in line.words:
                _decode_word(word, encodings[word.style.font], styles)
    return encodings


def font_encoding(font: str, text: str) -> str | None:
    """The legacy encoding of a font: by its name, else by the text it sets."""
    encoding = encoding_for_font(font)
    if encoding is None:
        encoding = detect_legacy(text) or decodes_to_vietnamese(text)
        if encoding == TCVN3 and draws_capitals(text):
            encoding = TCVN3_CAPITALS
    if encoding:
        log.debug("font %s: text in %s", font, encoding)
    return encoding


def _decode_word(word: Word, encoding: str | None, styles: dict[Style, Style]) -> None:
    if encoding:
        word.text = decode_legacy(word.text, encoding)
        if word.style not in styles:
            styles[word.style] = replace(word.style, encoding=encoding)
        word.style = styles[word.style]
    else:
        word.text = fix_c1_punctuation(word.text)
    word.text = clean_word(word.text, word.style.font)


def clean_word(text: str, font: str = "") -> str:
    """NFC; soft hyphens and zero-width characters dropped; what a symbol font drew at a
    private-use code point (U+F0xx) as the character it shows, a dingbat bullet as '•'."""
    text = text.translate(_SOFT)
    private = sum("\uf000" <= char <= "\uf0ff" for char in text)
    if private or "symbol" in font.lower():
        text = "".join(_symbol(text, at, font, private) for at in range(len(text)))
    if "ı" in text:  # a dotless i under a tone mark is the font's way to draw ì, í, ỉ...
        text = _DOTLESS_MARKED.sub(lambda m: "i" + m.group(1), text)
    return fix_lookalikes(unicodedata.normalize("NFC", text))


def _symbol(text: str, at: int, font: str, private: int) -> str:
    """The character at `at` of a word set in `font` whose `private` characters are in
    private use."""
    char = text[at]
    code = ord(char)
    if 0xF020 <= code <= 0xF0FF:
        # a bullet opens an item, it never ends a word: glued after a value it is Symbol's
        # arrow or sign ("6.84↑", "RBC↑↓")
        glued = any(not "\uf000" <= before <= "\uf0ff" for before in text[:at])
        if "symbol" not in font.lower() and (
            "ding" in font.lower()
            or (
                code in _DINGBAT_BULLETS
                and not glued
                and (not chr(code - 0xF000).isalpha() or _opens_item(text, at, private))
            )
        ):
            # a Symbol letter ('q' is θ) only where it stands in a word
            return _WINGDINGS_BULLETS.get(code - 0xF000, "•")
        # in a Symbol font, or a Symbol glyph in a word poppler set in another font ("Δ1=" +
        # "Δ2", "W.cosθ"): Symbol is what draws letters and operators at these codes
        return SYMBOL.get(code - 0xF000, char)
    if "symbol" in font.lower() and code < 0x100 and not private:
        # a Symbol font that gives its own codes; one that gives private-use ones draws no
        # ASCII character: those of the word are another font's ("θ)+W.sinθ")
        return SYMBOL.get(code, char)
    return char


def _opens_item(text: str, at: int, private: int) -> bool:
    """A dingbat's bullet, not a Symbol letter, at `at` of a word of another font: the word
    alone, or its only private character opening it before a word ("•Rửa", "•các",
    "•Trong"), not before a unit's or a variable's few ASCII letters ("μm", "μM", "μS/cm",
    "πD") nor with other Symbol letters ("πDtbcotgω"); `private`: how many private-use
    characters the word holds."""
    if at or private > 1:
        return False
    if len(text) == 1:
        return True
    rest = re.match(r"[^\W\d_]*", text[1:])
    letters = rest.group() if rest else ""  # none: a letter before a bracket, "ρ(w)", "λ2"
    return bool(letters) and (not letters.isascii() or len(letters) > UNIT_LETTERS)


UNIT_LETTERS = 4  # letters after "μ" or "π" that make a unit or a variable ("μmol", "πD")


_MONOSPACED = re.compile(
    r"courier|mono(?!type)|consol|typewriter|menlo|monaco|source ?code|fira ?code|nimbusmon", re.I
)


def monospaced(font: str) -> bool:
    """A font whose letters are all one width: a program's listing is set in one."""
    return bool(_MONOSPACED.search(font))


def capitals_font(style: Style) -> bool:
    """A font that draws every letter as a capital (TCVN3 "H" fonts, small caps)."""
    name = style.font.lower()
    return style.encoding == TCVN3_CAPITALS or "smallcaps" in name.replace(" ", "")


@dataclass(frozen=True)
class BodyType:
    """The type most of the running text is set in: its size, and its font."""

    size: float
    font: str

    def ratio(self, style: Style) -> float:
        """How much larger (>1) or smaller (<1) a style is than the body."""
        return style.size / self.size if self.size else 1.0

    def is_body(self, style: Style) -> bool:
        return abs(style.size - self.size) <= 0.6 and not style.bold


RUNNING_LINE_WORDS = 5  # a line of running text holds this many words; a table's cell fewer


def body_type(pages: list[Page]) -> BodyType:
    """The size (to half a point) and font that carry the most letters in lines of running
    text (the cells of many tables may hold more letters in all), else in any line."""
    lines = [line for page in pages for line in page.lines]
    running = [line for line in lines if len(line.words) >= RUNNING_LINE_WORDS]
    sizes: Counter[float] = Counter()
    fonts: Counter[str] = Counter()
    for line in running or lines:
        for word in line.words:
            sizes[round(word.style.size * 2) / 2] += len(word.text)
            fonts[word.style.font] += len(word.text)
    if not sizes:
        return BodyType(0.0, "")
    return BodyType(sizes.most_common(1)[0][0], fonts.most_common(1)[0][0])
