"""Lines of mathematics and figures among extracted prose."""

from __future__ import annotations

import pytest

from bantin.convert.shapes import is_formula_piece, is_math_line


@pytest.mark.parametrize(
    "text",
    [
        "(12)",
        "4h",
        "T1 (j) T2 (j)",
        "ξ(bề mặt) = T(j) ξ(đáy).",
        "T33 T44 − T34 T43 = 0,",
        "320.223 379.330 480.679 45%",
        "0.4 Chính xác 0.2 0.2 0.4 0.6 0.8",
    ],
)
def test_mathematics(text: str) -> None:
    assert is_math_line(text)


@pytest.mark.parametrize(
    "text",
    [
        "trong đó",
        "với",
        "12",
        "Xét một lớp có độ dày là h chiếm miền không gian −h ≤ x2 ≤ 0. Xét bài toán",
        "Trong các Nghị quyết số 01/NQ-CP và 02/NQ-CP của",
        "Hà Nội – 2020",
        "ở đây, a là hằng số",
    ],
)
def test_prose(text: str) -> None:
    assert not is_math_line(text)


def test_an_issue_label_is_not_a_line_of_figures() -> None:
    assert not is_math_line("Số 10 - 2020")


def test_a_year_before_an_end_mark_is_prose() -> None:
    assert not is_math_line("2021. ?")


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        ("Cb =", True),
        ("EJ 2", False),  # capitals and a number: maybe a code; set apart between blank lines
        ("\uf8ee \uf8ef", True),
        ("Mx3", True),
        ("fh =", True),
        ("CO2.", False),  # a paragraph's last word, with its full stop
        ("2019-2021", False),  # the end of a heading
        ("KT-XH", False),
        ("VN", False),
        ("12", False),  # a page number
        ("và", False),
        ("Lê Hà", False),
        ("• ", False),
    ],
)
def test_a_piece_of_a_formula_is_told_from_words(text: str, piece: bool) -> None:
    assert is_formula_piece(text) is piece


def test_functions_of_mathematics_count_as_mathematics() -> None:
    assert is_math_line("cos θm")
    assert is_math_line("sin θi2 cos θi")
    assert not is_math_line("cos ở đây là viết tắt")


def test_a_product_of_functions_with_dots_between_is_mathematics() -> None:
    # The dots of a product and the names of functions are no words of prose.
    assert is_math_line(". sin θi1 . sin θi2 . . . sin θi2j−1")
