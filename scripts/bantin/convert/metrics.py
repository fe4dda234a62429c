"""How wide a line of text is when printed, in thousandths of an em.

Extracted text has lost the page's geometry, but a line's printed width is still known from
its letters: a justified line of 'm' and 'w' holds fewer characters than one of 'i' and 'l',
and capitals are wider than lower case. Counting characters calls a line of wide letters
short and the last line of a paragraph full; summing the advance widths of a common book
face (Times Roman's, Adobe's published metrics) measures both as the reader sees them.
Vietnamese letters are as wide as their base letter (the marks sit above or below it).
"""

from __future__ import annotations

import unicodedata

from bantin.vietnamese import Memo

# Times Roman advance widths of the printable ASCII characters, from ' ' (32) to '~' (126).
_ASCII = (
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
)  # fmt: skip
_OTHERS = {
    "đ": 500, "Đ": 722, "“": 444, "”": 444, "‘": 333, "’": 333, "–": 500, "—": 1000,
    "…": 1000, "•": 350, "×": 564, "−": 564, "\u00a0": 250, "\t": 250,
}  # fmt: skip
DEFAULT_WIDTH = 500  # a character of another script or symbol: an en


class _Widths(dict[str, int]):
    """Each character's width, worked out the first time it is asked for."""

    def __missing__(self, char: str) -> int:
        width = self[char] = _char_width(char)
        return width


def _char_width(char: str) -> int:
    if " " <= char <= "~":
        return _ASCII[ord(char) - 32]
    if char in _OTHERS:
        return _OTHERS[char]
    if unicodedata.combining(char):
        return 0
    base = unicodedata.normalize("NFD", char)[:1]
    if base != char and " " <= base <= "~":
        return _ASCII[ord(base) - 32]  # a Vietnamese letter: its base letter's width
    return DEFAULT_WIDTH


_WIDTHS = _Widths()
CHAR_WIDTHS = _WIDTHS  # each character's width: printed_width(text) is the sum over its characters


def printed_width(text: str) -> int:
    """The width of `text` set in a book face, in thousandths of an em: its words' widths
    (remembered: the same words come back line after line, and a character outside Latin-1,
    as most Vietnamese letters are, costs a new string each time it is read) and its spaces'."""
    pieces = text.split(" ")
    return sum(map(_WORD_WIDTHS.__getitem__, pieces)) + _SPACE * (len(pieces) - 1)


def _word_width(word: str) -> int:
    """The width of a text without spaces: the sum of its characters' widths."""
    return sum(map(_WIDTHS.__getitem__, word))


_SPACE = _WIDTHS[" "]
_WORD_WIDTHS: Memo[str, int] = Memo(_word_width, 100_000)


#: printed_width of whole lines, remembered: several stages measure the same lines (the
#: hyphens put back, the widths lines were set in); `map(LINE_WIDTHS.__getitem__, texts)`.
LINE_WIDTHS: Memo[str, int] = Memo(printed_width, 20_000)
