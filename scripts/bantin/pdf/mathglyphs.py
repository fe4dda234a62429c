"""Signs of a formula that TeX draws from pieces, read back as the signs they show.

TeX sets an accent over a letter as a glyph of its own ("I" then "˜" over it, for "Ĩ"),
a crossed relation as a slash drawn over the relation (CMSY's zero-width "6" over "=", for
"≠"), and a root's sign from the extension font (CMEX's "p", "q", "r", "s", in sizes),
drawn taller than its line; an index over another (T^{(n)}_{12}) stands above it. poppler
reads each glyph by itself: "I˜", "6=", a "p" on a line of its own before the sentence
holding the root, and "(n)" as a line over the sentence. Here each becomes the character a
reader sees, in the word it belongs to, before lines are cut into paragraphs.
"""

from __future__ import annotations

import logging
import unicodedata

from bantin.pdf.page import SCRIPT_RATIO, Box, Line, Page, Word

log = logging.getLogger("bantin.pdf")

#: Spacing accents and the combining marks they stand for over a letter.
_ACCENTS = {
    "˜": "\u0303",
    "ˆ": "\u0302",
    "¯": "\u0304",
    "ˉ": "\u0304",
    "˙": "\u0307",
    "¨": "\u0308",
    "ˇ": "\u030c",
    "´": "\u0301",
    "`": "\u0300",
    "˘": "\u0306",
    "˚": "\u030a",
}
ACCENT_OVER = 0.5  # share of an accent's width over its letter, at the least

#: The relations a negation slash crosses, and the crossed relation.
_NEGATED = {
    "=": "≠",
    "∈": "∉",
    "≡": "≢",
    "⊂": "⊄",
    "⊃": "⊅",
    "⊆": "⊈",
    "⊇": "⊉",
    "<": "≮",
    ">": "≯",
    "≤": "≰",
    "≥": "≱",
    "∼": "≁",
    "≈": "≉",
    "∃": "∄",
}
SLASH_WIDTH = 0.1  # ems: a negation slash drawn with no more width than this
SLASH_REACH = 0.3  # ems from the slash to the relation it crosses, at the most

#: The extension font's root signs, from the smallest size up.
_ROOTS = frozenset("pqrs")
ROOT_HEIGHT = 2.2  # ems: a root's sign is drawn at least this tall
ROOT_REACH = 0.25  # ems between the sign's right edge and the first sign under it


def mend_math_glyphs(page: Page) -> None:
    """Accents over letters, crossed relations and root signs of the page's formulas read as
    the characters they draw."""
    for line in page.lines:
        _accents_over_letters(line)
        _crossed_relations(line)
    _stacked_indices(page)
    _root_signs(page)


def _accents_over_letters(line: Line) -> None:
    """An accent standing over a letter of its line, higher than it ("I" + "˜"), becomes the
    letter's mark ("Ĩ"); an accent over nothing stays as printed."""
    for accent in [word for word in line.words if word.text in _ACCENTS]:
        letter = _accented(accent, line.words)
        if letter is None:
            continue
        at = _letter_under(accent, letter)
        text = letter.text[: at + 1] + _ACCENTS[accent.text] + letter.text[at + 1 :]
        letter.text = unicodedata.normalize("NFC", text)
        letter.box = letter.box.union(accent.box)  # spaced as the two were
        line.words.remove(accent)


def _accented(accent: Word, words: list[Word]) -> Word | None:
    """The word under `accent`: most of the accent over it, its top lower than the accent's."""
    best, most = None, ACCENT_OVER * accent.box.width
    for word in words:
        if word is accent or not word.text[:1].isalpha() or word.text in _ACCENTS:
            continue
        over = accent.box.x_overlap(word.box)
        if over >= most and accent.box.y0 < word.box.y0:
            best, most = word, over
    return best


def _letter_under(accent: Word, word: Word) -> int:
    """Which of the word's letters the accent's middle stands over (letters taken as equally
    wide: a word of formula is a few signs)."""
    share = (accent.box.cx - word.box.x0) / max(word.box.width, 0.1)
    at = min(max(int(share * len(word.text)), 0), len(word.text) - 1)
    while at > 0 and unicodedata.combining(word.text[at]):
        at -= 1
    return at


def _crossed_relations(line: Line) -> None:
    """A slash of no width drawn on a relation ("6" then "=") is the crossed relation ("≠")."""
    words = line.words
    for slash, relation in zip(list(words), list(words[1:]), strict=False):
        size = slash.style.size or slash.box.height
        crossed = _NEGATED.get(relation.text[:1])
        if (
            slash.text == "6"
            and crossed
            and slash.box.width <= SLASH_WIDTH * size
            and abs(relation.box.x0 - slash.box.x0) <= SLASH_REACH * size
        ):
            relation.text = crossed + relation.text[1:]
            relation.box = relation.box.union(slash.box)
            words.remove(slash)


def _root_signs(page: Page) -> None:
    """A root's sign drawn taller than any letter becomes "√" before the first sign under it,
    in that sign's line (it stood on a line of its own, before or after the sentence)."""
    for block in list(page.blocks):
        for line in list(block.lines):
            for sign in [word for word in line.words if _root_sign(word)]:
                host = _radicand_line(page, sign)
                root = Word("√", sign.box, sign.style)
                if host is None or host is line:
                    sign.text = "√"
                    continue
                root.box = Box(sign.box.x0, host.box.y0, sign.box.x1, host.box.y1)
                at = sum(1 for word in host.words if word.box.cx < root.box.cx)
                host.words.insert(at, root)
                host.box = host.box.union(root.box)
                line.words.remove(sign)
                log.debug("page %d: root sign joined to %r", page.number, host.text)
            if not line.words:
                block.lines.remove(line)
            else:
                line.box = Line.of(line.words).box
        if not block.lines:
            page.blocks.remove(block)


def _root_sign(word: Word) -> bool:
    """One of the extension font's root letters, drawn far taller than a letter."""
    size = word.style.size or 10.0
    return word.text in _ROOTS and word.box.height >= ROOT_HEIGHT * size


def _radicand_line(page: Page, sign: Word) -> Line | None:
    """The line holding the first sign under the root: it starts at the root sign's right
    edge, its middle within the sign's height."""
    reach = ROOT_REACH * (sign.style.size or 10.0)
    for line in page.lines:
        for word in line.words:
            if word is sign:
                break
            if abs(word.box.x0 - sign.box.x1) <= reach and sign.box.y0 < word.box.cy < sign.box.y1:
                return line
    return None


STACK_GAP = 0.3  # ems of the index's type between a superscript and the subscript under it
STACK_OVER = 0.5  # share of the narrower of the two over the other, at the least


def _stacked_indices(page: Page) -> None:
    """A superscript set over a subscript (the "(n)" of T^{(n)}_{12}) that poppler made a
    line of its own goes into the line after the subscript it stands on ("T12(n)")."""
    for block in list(page.blocks):
        for line in list(block.lines):
            if len(line.words) != 1:
                continue
            found = _subscript_under(page, line.words[0])
            if found is None:
                continue
            host, at = found
            index, under = line.words[0], host.words[at]
            # read right after the subscript (TeX sets both from one place), its end kept
            left = max(index.box.x0, under.box.x1)
            index.box = Box(left, index.box.y0, max(index.box.x1, left), index.box.y1)
            host.words.insert(at + 1, index)
            host.box = host.box.union(index.box)
            block.lines.remove(line)
        if not block.lines:
            page.blocks.remove(block)


def _subscript_under(page: Page, index: Word) -> tuple[Line, int] | None:
    """The line and place of the subscript right under `index`, in the same small type,
    lowered from the word it follows."""
    size = index.style.size or 10.0
    for line in page.lines:
        if size >= SCRIPT_RATIO * line.style.size:
            continue  # in the line's own type: a word poppler set apart, no index
        for at, word in enumerate(line.words[1:], start=1):
            base = line.words[at - 1]
            lowered = word.style.size == size and size < SCRIPT_RATIO * base.style.size
            lowered = lowered and word.box.cy > base.box.cy
            over = word.box.x_overlap(index.box)
            stacked = over >= STACK_OVER * min(word.box.width, index.box.width)
            if lowered and stacked and 0 <= word.box.y0 - index.box.y1 + 1 <= STACK_GAP * size + 1:
                return line, at
    return None
