"""Fractions of display formulas written on one line from the bars and slashes drawn."""

from __future__ import annotations

from bantin.pdf.fractions import written
from bantin.pdf.page import Box, Line, Style, Word


def word(text: str, x0: float, y0: float, x1: float, y1: float, size: float = 12.0) -> Word:
    return Word(text, Box(x0, y0, x1, y1), Style("Times New Roman", size))


def line(*words: Word) -> Line:
    return Line.of(list(words))


def test_a_fraction_of_skewed_fractions_is_bracketed() -> None:
    """Measured on an unseen article: "α = (yw/ya)/(xw/xa)", two skewed fractions (a slash
    drawn between each numerator and its denominator) over and under one bar, came out
    "yw" over "α = ya" over "xw" over "xa"."""
    lines = [
        line(word("α", 322.8, 146.8, 332.6, 165.2, 15)),
        line(word("=", 360.9, 147.7, 369.4, 165.0, 14)),
        line(word("yw", 379.9, 140.4, 388.4, 149.4, 8.3)),
        line(word("ya", 391.3, 148.8, 398.6, 157.8, 8.3)),
        line(word("xw", 374.8, 161.3, 387.7, 176.4, 14)),
        line(word("xa", 391.8, 175.8, 403.0, 190.9, 14)),
    ]
    bars = [Box(373.2, 158.4, 405.5, 158.4)]
    slashes = [Box(383.2, 139.8, 396.3, 156.6), Box(378.6, 160.1, 401.3, 189.2)]
    assert written(lines, bars, slashes) == "α = (yw/ya)/(xw/xa)"


def test_a_tall_brackets_pieces_are_one_bracket_around_its_fractions() -> None:
    """Measured on unseen articles: "(1 + d/dx)" set with a tall bracket in three pieces
    ("⎛", "⎜", "⎝") came out "⎛ d ⎞" over "⎜1+ ⎟" over "⎝ dx ⎠"; a mark after a fraction
    (its comma) and the formula's number stay out of it."""
    lines = [
        line(word("⎛", 100, 90, 105, 102), word("d", 130, 90, 136, 101)),
        line(word("⎞", 150, 90, 155, 102)),
        line(word("f", 40, 99, 46, 111), word("=", 60, 99, 68, 111)),
        line(word("⎜1+", 100, 99, 124, 111), word("⎟", 150, 99, 155, 111)),
        line(word(",", 157, 103, 160, 113), word("(2)", 300, 99, 318, 111)),
        line(word("⎝", 100, 108, 105, 120), word("dx", 128, 110, 140, 121)),
        line(word("⎠", 150, 108, 155, 120)),
    ]
    assert written(lines, [Box(127, 104, 141, 104)]) == "f = ( 1+ d/dx ) , (2)"


def test_without_a_bar_the_rows_stay_as_printed() -> None:
    """Rows over each other with no bar drawn between them (a system, a matrix) are not a
    fraction: the formula is written as before."""
    lines = [
        line(
            word("x", 100, 90, 106, 102), word("+", 110, 90, 116, 102), word("y", 120, 90, 126, 102)
        ),
        line(
            word("x", 100, 106, 106, 118),
            word("−", 110, 106, 116, 118),
            word("y", 120, 106, 126, 118),
        ),
    ]
    assert written(lines, []) == ""
