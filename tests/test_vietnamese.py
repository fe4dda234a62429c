"""Helpers about Vietnamese writing that every stage uses."""

from __future__ import annotations

import pytest

from bantin.vietnamese import fix_lookalikes, is_syllable, spelling_key


@pytest.mark.parametrize(
    "word",
    [
        "của",
        "Chúa",
        "nội",
        "Ngọc",
        "hưng",
        "người",
        "nghiêng",
        "khuyên",
        "trường",
        "quyết",
        "giữa",
        "Việt",
    ],
)
def test_syllables_of_the_language_are_syllables(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["làhệ", "sựtrong", "dưnợ", "xyz", "hoàá", "strong"])
def test_two_words_run_together_or_foreign_letters_are_not(word: str) -> None:
    assert not is_syllable(word)


def test_the_letters_pdfs_give_for_u_horn_are_u_horn() -> None:
    assert fix_lookalikes("Ƣu tiên đầu tƣ") == "Ưu tiên đầu tư"


def test_the_eth_typed_for_d_with_stroke_is_d_with_stroke() -> None:
    """Measured on a real bulletin: "Bài ðọc I", "Ðóng góp" (the Icelandic eth for "đ")."""
    assert fix_lookalikes("Bài ðọc I. Ðóng góp") == "Bài đọc I. Đóng góp"


def test_the_eth_of_phonetics_stays_an_eth() -> None:
    """Measured on a real article on English pronunciation: "Sounds /ð/ and /θ/" read
    "/đ/" in six places; an eth a Vietnamese letter does not follow is the phonetic symbol."""
    assert fix_lookalikes("Sounds /ð/ and /θ/, ðə, Ðóng, tƣ") == "Sounds /ð/ and /θ/, ðə, Đóng, tư"
    # the capital is always a "Đ" (no phonetic symbol): "NÐ-CP" in two unseen articles
    assert fix_lookalikes("Nghị định 99/2012/NÐ-CP") == "Nghị định 99/2012/NĐ-CP"
    # the symbol alone or at the end stays; before a look-alike "ư" it is a "đ"
    assert [fix_lookalikes(t) for t in ("ð", "/ð", "ðƣờng")] == ["ð", "/ð", "đường"]
    # before a vowel in a transcription it is the symbol too (a real article: "/ðeə(r)/")
    assert fix_lookalikes("there /ðeə(r)/, [ði], ðe ðọc") == "there /ðeə(r)/, [ði], đe đọc"


def test_a_typographic_ligature_is_its_letters() -> None:
    """Measured on unseen articles: "Trung tâm Kau\ufb00man", "modi\ufb01ed", "E\ufb00ect" (a
    ligature glyph's one code point: the word is not found by search, nor spelt right)."""
    text = "Kau\ufb00man, modi\ufb01ed, \ufb02ow, o\ufb03ce, ba\ufb04e, \ufb06op"
    assert fix_lookalikes(text) == "Kauffman, modified, flow, office, baffle, stop"


def test_a_point_lettered_in_lower_case_is_an_enumeration_an_initial_is_not() -> None:
    from bantin.vietnamese import starts_enumeration

    assert starts_enumeration("b. Chọn loại dầm")
    assert starts_enumeration("(iv) Nhóm khuyến nghị nhằm hạn chế")  # a Roman number too
    assert starts_enumeration("(ii) Nhóm đề xuất")
    assert not starts_enumeration("(vv) Nhóm đề xuất")
    assert not starts_enumeration("(IV) Nhóm đề xuất")  # as the PDF route reads it
    assert not starts_enumeration("A. Nguyễn viết rằng")
    assert not starts_enumeration("v. v. và các loại khác")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("hoá", "hóa"),  # the tone on the second vowel (older style) or on the first
        ("Nguỵ trang", "ngụy trang"),
        ("hoả lực", "hỏa lực"),
        ("khoẻ", "khỏe"),
        ("thuỷ lợi", "thủy lợi"),
    ],
)
def test_two_spellings_of_the_same_words_have_one_key(one: str, other: str) -> None:
    assert spelling_key(one) == spelling_key(other)


@pytest.mark.parametrize(("one", "other"), [("hóa", "hoa"), ("hóa", "hòa"), ("mua", "múa")])
def test_words_with_other_tones_have_other_keys(one: str, other: str) -> None:
    assert spelling_key(one) != spelling_key(other)


def test_a_raised_o_before_c_is_the_degree_sign() -> None:
    """Measured on real articles: "sấy ở 200oC" (a raised "o" drawn for the degree sign) in
    56 of 300 articles, 500 times; a word with "oC" in it is left alone."""
    assert fix_lookalikes("sấy ở 200oC trong 2 giờ") == "sấy ở 200°C trong 2 giờ"
    assert fix_lookalikes("nhiệt độ 80 oC, nhiệt dung 4,2 kJ/kgoC") == (
        "nhiệt độ 80 °C, nhiệt dung 4,2 kJ/kg°C"
    )
    assert fix_lookalikes("oC") == "°C"  # a word of its own (the PDF route cleans words)
    assert fix_lookalikes("đạt 7,01oBrix, 98oF") == "đạt 7,01°Brix, 98°F"
    assert fix_lookalikes("oF the year, 7oFF") == "oF the year, 7oFF"
    assert fix_lookalikes("25ºC, https://x.vn/d/1AbXy9oC/view") == (
        "25°C, https://x.vn/d/1AbXy9oC/view"
    )
    assert fix_lookalikes("mô hình PoC và NoC, oCa") == "mô hình PoC và NoC, oCa"
