"""Symbol and dingbat fonts in extracted text.

`pdftotext` gives what a Symbol or Wingdings font draws at its private-use code point
(U+F020-U+F0FF, the font's byte plus 0xF000) when the font has no Unicode map: 'Δ' comes
out as U+F044, '×' as U+F0B4, a list bullet as U+F0A7 or U+F0D8. A private-use character
opening a line before a word is a list bullet (whatever the font drew: a square, an arrow,
a dash); anywhere else it is the character Adobe's Symbol encoding gives its byte.
"""

from __future__ import annotations

import re

from bantin.pdf.fonts import SYMBOL

BULLET = "•"
_SYMBOL_FONT_RE = re.compile("[\uf020-\uf0ff]")
# Private-use codes that draw a bullet: a dingbat font's squares, arrows and checks (as the
# PDF route knows them), and the Symbol font's bullet and minus (a list's dash).
_BULLET_CODES = (
    *range(0xF06C, 0xF07B),
    *range(0xF09F, 0xF0B0),
    *(0xF0D8, 0xF0E0, 0xF0E8, 0xF0F0, 0xF0FC, 0xF0FE),
    *(0xF0B7, 0xF02D),
)
_BULLETS = "".join(map(chr, _BULLET_CODES))
# One of them opening a line, then a space and a word of two letters: a list's bullet (an
# arrow or an operator there, '⇒ U = 0', opens a line of mathematics).
_BULLET_RE = re.compile(rf"^([ \t]*)[{_BULLETS}](?=[ \t\u00a0]+[^\W\d_]{{2}})", re.MULTILINE)
_TABLE = {0xF000 + code: char for code, char in SYMBOL.items() if char != "\0"}


def decode_symbol_fonts(text: str) -> str:
    """Private-use characters of symbol fonts as bullets (opening a line before a word) or as
    the characters of the Symbol encoding; the text unchanged when it has none."""
    if _SYMBOL_FONT_RE.search(text) is None:
        return text  # most texts: one scan
    text = _BULLET_RE.sub(lambda match: match[1] + BULLET, text)
    return text.translate(_TABLE)
