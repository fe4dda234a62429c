"""Joining wrapped lines and breaks: hyphens kept, dashes spaced, paragraphs only at real ends."""

from __future__ import annotations

import pytest

from bantin.convert.join import collapse_spaces, continues, join_lines, join_pair
from bantin.convert.text import convert_text, fix_and_explain, strip_end_mark
from bantin.model import BlockKind


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("giai đoạn 2021-", "2025. Trong", "giai đoạn 2021-2025. Trong"),
        ("phát triển KT-", "XH… Bộ trưởng", "phát triển KT-XH… Bộ trưởng"),
        ("quốc phòng -", "an ninh,", "quốc phòng - an ninh,"),
        ("quốc phòng", "- an ninh,", "quốc phòng - an ninh,"),
        ("sức cạnh tranh ", " của các sản phẩm", "sức cạnh tranh của các sản phẩm"),
        ("viện nghiên cứu…,", "trong bài", "viện nghiên cứu…, trong bài"),
    ],
)
def test_join_pair(left: str, right: str, joined: str) -> None:
    assert join_pair(left, right) == joined


def test_join_lines_collapses_spaces_and_strips() -> None:
    assert (
        join_lines(["  Với  sự tham dự ", "của   hàng ", "trăm"]) == "Với sự tham dự của hàng trăm"
    )
    assert collapse_spaces(" a   b ") == "a b"


@pytest.mark.parametrize(
    ("previous", "following", "joined"),
    [
        ("bảo đảm quốc phòng - an ninh,", "xây dựng hệ thống", True),
        ("miền núi; Đổi mới công nghệ;", "Quỹ gen; Nâng cao", True),
        ("lần thứ XIII", "thông qua, Bộ KH&CN", True),
        ("Để khoa học, công nghệ và đổi", "mới sáng tạo", True),
        ("trong bối cảnh mới.", "Trong thời gian qua", False),
        ("của ngành KH&CN”.", "Để khoa học", False),
        ("công nghiệp của tỉnh...", "Với mục tiêu", False),
        ("sáng tạo…", "Từ thực tiễn", False),
    ],
)
def test_continues(previous: str, following: str, joined: bool) -> None:
    assert continues(previous, following) is joined


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("một cách tốt nhất ?", "một cách tốt nhất"),
        ("chuyển đổi số ■", "chuyển đổi số"),
        ("chuyển đổi số.■", "chuyển đổi số."),
        ("hiệu quả./.", "hiệu quả."),
        ("có đúng không?", "có đúng không?"),
        ("giữ vững niềm tin♦", "giữ vững niềm tin♦"),
        ("của năm 2025■", "của năm 2025■"),
        ("giữ vững niềm tin ♦", "giữ vững niềm tin"),
        ("♦", ""),
        ("còn nhiều việc...", "còn nhiều việc..."),
    ],
)
def test_strip_end_mark(text: str, stripped: str) -> None:
    assert strip_end_mark(text) == stripped


def test_fix_and_explain_names_the_passes_that_acted() -> None:
    text, acted = fix_and_explain("theo hướng x2 ,  nhất")
    assert text == "theo hướng x2, nhất"
    assert acted == ["collapse_spaces", "space_before_punctuation"]
    assert fix_and_explain("sạch sẽ.") == ("sạch sẽ.", [])


def test_paragraph_break_only_at_a_finished_sentence() -> None:
    text = (
        "tiêu đề bài báo về khoa học và công nghệ ở các địa phương trong cả nước\n"
        "\n"
        "Đoạn thứ nhất nói về kết\n"
        "quả của năm 2020 và giai\n"
        "đoạn 2016-\n"
        "\n"
        "2020, rất đáng ghi nhận.\n"
        "\n"
        "Đoạn thứ hai bắt đầu bằng\n"
        "chữ hoa sau câu kết thúc.\n"
    )
    article = convert_text(text)
    paragraphs = [b.text for b in article.blocks if b.kind is BlockKind.PARAGRAPH]
    assert paragraphs == [
        "Đoạn thứ nhất nói về kết quả của năm 2020 và giai đoạn 2016-2020, rất đáng ghi nhận.",
        "Đoạn thứ hai bắt đầu bằng chữ hoa sau câu kết thúc.",
    ]


def test_a_space_before_a_full_stop_or_closing_bracket_goes_but_dot_leaders_stay() -> None:
    # pdftotext writes a space after a subscript: 'theo hướng x2 .', '(ω = 2πf )'.
    assert fix_and_explain("theo hướng x2 . Ma trận T")[0] == "theo hướng x2. Ma trận T"
    assert fix_and_explain("tần số (ω = 2πf ) có dạng")[0] == "tần số (ω = 2πf) có dạng"
    assert fix_and_explain("họp tại . . . . vào hồi")[0] == "họp tại . . . . vào hồi"
    assert fix_and_explain("xem mục 2 ...")[0] == "xem mục 2 ..."
    assert fix_and_explain("tin tưởng người khác . Đối với")[0] == "tin tưởng người khác . Đối với"


def test_a_space_after_a_subscript_goes_before_a_slash_and_after_a_greek_name() -> None:
    # 'c2 /c' is 'c₂/c'; 'ρVS .' is a variable with its index, no word typed before a stop.
    assert fix_and_explain("tỷ số rs = c2 /c = 0.25 và")[0] == "tỷ số rs = c2/c = 0.25 và"
    assert fix_and_explain("với I = ρVS . Các ký hiệu")[0] == "với I = ρVS. Các ký hiệu"
    assert fix_and_explain("theo tỷ lệ 1 / 2 của nó")[0] == "theo tỷ lệ 1 / 2 của nó"
    assert fix_and_explain("hai cách viết this /that")[0] == "hai cách viết this /that"


def test_a_space_typed_before_a_comma_after_a_word_stays_as_printed() -> None:
    # Some authors type 'thực tiễn , phát hiện': the page prints it so; after a subscript
    # ('x2 ,') the space is the extraction's and goes.
    assert fix_and_explain("từ thực tiễn , phát hiện")[0] == "từ thực tiễn , phát hiện"
    assert fix_and_explain("các điểm x2 , x3 ; y1")[0] == "các điểm x2, x3; y1"
