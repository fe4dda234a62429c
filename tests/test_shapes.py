"""Lines of mathematics and figures among extracted prose."""

from __future__ import annotations

import pytest

from bantin.convert.shapes import is_math_line


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
