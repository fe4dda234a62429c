"""What one extracted line is by its characters alone: prose, or a line of mathematics or
figures (an equation, its number, a table row of numbers, a figure's axis labels).

A display equation extracted as text keeps its symbols (Greek letters, operators, one-letter
variables, indices such as 'x2') and loses its layout; words are few. A line is mathematics
when such tokens and numbers outnumber its words, with at least one symbol or three numbers
(a running head such as 'Số 10 - 2020' has two).
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata

from bantin.vietnamese import BMP_DIGITS, SUPERSCRIPT_FIGURES

# Operators and marks of mathematics that prose does not use between words.
MATH_CHARS = frozenset(
    "=+−±×÷·≤≥≠≈≡∼→←↔⇒∞∑∏∫∂∇√∈∉⊂∩∪|^˜¯\u0304\u0303\u0302"
    "⎛⎜⎝⎞⎟⎠⎡⎢⎣⎤⎥⎦⎧⎨⎩⎫⎬⎭⎪⎮⌠⌡"  # the pieces of tall brackets and integrals
    + SUPERSCRIPT_FIGURES  # a power's figures and signs ("y² = x³ + ax + b")
)
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")
_VARIABLE = re.compile(r"^(?:[A-Za-z]\d*|\d+[A-Za-z]|[A-Za-z]\d+[A-Za-z]?)$")
# A number as equations, tables and axes print it: "(12)", "0.4", "320.223", "45%", "[3]".
_NUMBERISH = re.compile(r"^[(\[]?\d+(?:[.,]\d+)*[a-z]?%?[)\]]?[,;.]?$")
# Lines without any of these are prose at once: no digit, operator, Greek letter or lone letter.
# (Three searches, each opening with a set of characters that the search skips to at once,
# are much faster than one with alternatives.)
_MATH_CHAR_RE = re.compile(
    "[\\d" + re.escape("".join(sorted(MATH_CHARS))) + "\u0370-\u03ff\u1f00-\u1fff]"
)
#: _MATH_CHAR_RE with the digits of the BMP listed (a table lookup, where `\d` asks the
#: character database) and any character beyond the BMP, which is asked again.
_MATH_CHAR_BMP_RE = re.compile(
    f"[{BMP_DIGITS}"
    + re.escape("".join(sorted(MATH_CHARS)))
    + "\u0370-\u03ff\u1f00-\u1fff\U00010000-\U0010ffff]"
)
#: The characters `\s` matches (those str.isspace calls white space), as a set to open with.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_LONE_LETTER = r"[(\[]?[A-Za-z][)\]]?(?!\S)"  # 'x', '(a)', '[b': a letter alone
_LONE_LETTER_RE = re.compile(f"[{re.escape(WHITE_SPACE)}]{_LONE_LETTER}")  # after white space
_LONE_LETTER_START_RE = re.compile(_LONE_LETTER)  # opening the text


def _maybe_math(text: str) -> bool:
    """A digit, an operator, a Greek letter or a letter alone (a variable) in the text."""
    return (
        _MATH_CHAR_RE.search(text) is not None
        or _LONE_LETTER_RE.search(text) is not None
        or _LONE_LETTER_START_RE.match(text) is not None
    )


def maybe_math_lines(texts: list[str]) -> set[int]:
    """The indexes of the lines (without line breaks) that `_maybe_math` would answer yes for,
    found by searching all of them at once: a line is asked no further once it is found."""
    joined = "\n" + "\n".join(texts)  # each line after a line break, the first one too
    starts = list(itertools.accumulate((len(text) + 1 for text in texts), initial=1))
    found: set[int] = set()
    # a lone letter's match opens with the white space before it (a line break at a start)
    for pattern, letter in ((_MATH_CHAR_BMP_RE, 0), (_LONE_LETTER_RE, 1)):
        match = pattern.search(joined)
        while match is not None:
            if (
                not letter
                and match[0] > "\uffff"
                and not _MATH_CHAR_RE.match(joined, match.start())
            ):
                match = pattern.search(joined, match.end())  # beyond the BMP, and none
                continue
            line = bisect.bisect_right(starts, match.start() + letter) - 1
            found.add(line)
            match = pattern.search(joined, starts[line + 1] - 1)  # from the next line's break
    return found


_EDGES = "()[]{}.,;:!?\"'“”‘’"
# Functions that formulas name: 'cos θ', 'ln x' are mathematics, not words.
MATH_FUNCTIONS = frozenset(
    {"sin", "cos", "tan", "tg", "cot", "cotg", "sh", "ch", "th", "ln", "lg", "log", "exp"}
    | {"lim", "max", "min"}
)
# Tokens that may be mathematics or a number: most lines of prose have few of them. Marks
# alone ('.', the dots of a product) and the names of functions count: they are no words.
_CANDIDATE_RE = re.compile(
    r"\S*[\d" + re.escape("".join(sorted(MATH_CHARS))) + "\u0370-\u03ff\u1f00-\u1fff]\\S*"
    r"|(?<!\S)[(\[]?[A-Za-z][)\]]?(?!\S)"
    r"|(?<!\S)[^\w\s]+(?!\S)"
    r"|(?<!\S)(?:" + "|".join(sorted(MATH_FUNCTIONS)) + r")(?!\S)"
)
#: The same tokens, counted as many times: every match of _CANDIDATE_RE is a whole token
#: (from its first character, which the first alternative starts at too when it matches at
#: all, to its last), so each alternative is tried at a token's start only, not again at each
#: of its characters (a word's letters each tried the first alternative to the word's end).
_TOKEN_CANDIDATE_RE = re.compile(
    r"(?<!\S)(?:\S*[\d" + re.escape("".join(sorted(MATH_CHARS))) + "\u0370-\u03ff\u1f00-\u1fff]\\S*"
    r"|[(\[]?[A-Za-z][)\]]?(?!\S)"
    r"|[^\w\s]+(?!\S)"
    r"|(?:" + "|".join(sorted(MATH_FUNCTIONS)) + r")(?!\S))"
)
PAGE_NUMBER_RE = re.compile(r"^\d{1,4}$")
TABLE_NUMBERS = 3  # plain numbers alone make a line of figures from this many on ("Số 10 - 2020")


def token_kind(token: str) -> str:
    """'word', 'number', 'math' (a symbol, variable or equation number) or 'other' (names of
    laws, codes, acronyms such as '01/NQ-CP', dashes)."""
    if not MATH_CHARS.isdisjoint(token) or _GREEK.search(token):
        return "math"
    core = token.strip(_EDGES)
    if not core:
        return "math" if any(char in "()[]{}" for char in token) else "other"  # brackets alone
    if _WORD.match(core):
        if core in MATH_FUNCTIONS:
            return "math"
        return "word" if len(core) > 1 or not core.isascii() else "math"
    if _VARIABLE.match(core) or (_NUMBERISH.match(token) and token[0] in "(["):
        return "math"
    return "number" if _NUMBERISH.match(token) else "other"


def is_math_line(text: str) -> bool:
    """More tokens of mathematics than words (a bare page number is not mathematics)."""
    if not _maybe_math(text):
        return False  # most lines of prose are answered here
    tokens = text.split()
    if not tokens or PAGE_NUMBER_RE.match(text.strip()):
        return False
    if len(_TOKEN_CANDIDATE_RE.findall(text)) * 2 < len(tokens):
        return False  # words are the most: prose with a few numbers
    kinds = [token_kind(token) for token in tokens]
    math, numbers = kinds.count("math"), kinds.count("number")
    return (math > 0 or numbers >= TABLE_NUMBERS) and math + numbers > kinds.count("word")


FRAGMENT_EDGES = "()[]{}.,;:!?\"'“”‘’-–"
_INDEXED = re.compile(r"^[A-Za-z]{1,3}\d{1,3}$")  # a variable with its index: 'Mx3', 'T34'
FRAGMENT_MAX_CHARS = 30  # a piece of a formula on its own line is no longer than this
_SENTENCE_END = (".", "!", "?", "…", ",", ";", ":")
BULLET_CHARS = frozenset("•●○◦▪▫■□♦◆❖➢►▸✓✔")


def prose_word(token: str) -> bool:
    """A word of running text: letters only, three or more of them, or two with a Vietnamese
    letter ('và', 'đó', 'Lê'). Variables ('EJ', 'Mp', 'µ'), indices ('Mx3'), numbers and the
    pieces of a big bracket (private use characters) are none."""
    core = token.strip(FRAGMENT_EDGES)
    if not core.isalpha():
        return False
    return len(core) >= 3 or (len(core) == 2 and any(map(_vietnamese_letter, core)))


def _vietnamese_letter(char: str) -> bool:
    return not char.isascii() and "LATIN" in unicodedata.name(char, "")


def is_formula_piece(text: str) -> bool:
    """A short line of variables, operators or a bracket's pieces without a word of running
    text ('Cb =', 'EJ 2', private use characters): what pdftotext leaves of a formula between
    lines of text. A paragraph's last word alone on its line ('CO2.') ends with its
    punctuation and is none; a page number, a bullet, a year are none either."""
    stripped = text.strip()
    if not stripped or len(stripped) > FRAGMENT_MAX_CHARS or stripped.endswith(_SENTENCE_END):
        return False
    tokens = stripped.split()
    if any(map(prose_word, tokens)):
        return False  # a word of running text (most short lines: asked before the pattern)
    if PAGE_NUMBER_RE.match(stripped) or stripped[0] in BULLET_CHARS:
        return False
    return any(map(_formula_token, tokens))


def _formula_token(token: str) -> bool:
    """A variable, an operator or a bracket's piece (numbers, years, codes and acronyms are
    not enough: a heading may end with '2019-2021' or 'KT-XH' on its own line)."""
    kind = token_kind(token)
    if kind == "word":  # a variable ('Mp', 'fh'); an acronym ('VN', 'KT-XH') ends a heading
        core = token.strip(_EDGES)
        return core.isalpha() and not core.isupper()
    return (
        kind == "math"
        or _INDEXED.match(token) is not None
        or any(map(_private_use, token))
        or token in BRACKET_PIECE_MARKS
    )


# Marks prose never sets alone, which pdftotext gives for the pieces of a math font's tall
# brackets and braces ('#', '"').
BRACKET_PIECE_MARKS = frozenset('#"`~\\')


def _private_use(char: str) -> bool:
    return "\ue000" <= char <= "\uf8ff"
