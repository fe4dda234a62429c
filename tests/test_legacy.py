"""Legacy encodings: every Vietnamese letter in TCVN3 and VNI, detection and its negative cases."""

from __future__ import annotations

import unicodedata

import pytest

from bantin.convert.legacy import (
    decode_legacy,
    detect_legacy,
    encoding_for_font,
    fix_c1_punctuation,
)

TONES = (
    "",
    "\u0300",
    "\u0301",
    "\u0309",
    "\u0303",
    "\u0323",
)  # none, grave, acute, hook, tilde, dot

# TCVN 5712:1993 VN3 code points, tones in the order of TONES (plain ASCII vowels keep their code).
TCVN3_ROWS = """
a 61 b5 b8 b6 b7 b9
ă a8 bb be bc bd c6
â a9 c7 ca c8 c9 cb
e 65 cc d0 ce cf d1
ê aa d2 d5 d3 d4 d6
i 69 d7 dd d8 dc de
o 6f df e3 e1 e2 e4
ô ab e5 e8 e6 e7 e9
ơ ac ea ed eb ec ee
u 75 ef f3 f1 f2 f4
ư ad f5 f8 f6 f7 f9
y 79 fa fd fb fc fe
"""

# VNI Windows sequences, tones in the order of TONES.
VNI_ROWS = """
a a aø aù aû aõ aï
ă aê aè aé aú aü aë
â aâ aà aá aå aã aä
e e eø eù eû eõ eï
ê eâ eà eá eå eã eä
i i ì í æ ó ò
o o oø où oû oõ oï
ô oâ oà oá oå oã oä
ơ ô ôø ôù ôû ôõ ôï
u u uø uù uû uõ uï
ư ö öø öù öû öõ öï
y y yø yù yû yõ î
A A AØ AÙ AÛ AÕ AÏ
Ă AÊ AÈ AÉ AÚ AÜ AË
Â AÂ AÀ AÁ AÅ AÃ AÄ
E E EØ EÙ EÛ EÕ EÏ
Ê EÂ EÀ EÁ EÅ EÃ EÄ
I I Ì Í Æ Ó Ò
O O OØ OÙ OÛ OÕ OÏ
Ô OÂ OÀ OÁ OÅ OÃ OÄ
Ơ Ô ÔØ ÔÙ ÔÛ ÔÕ ÔÏ
U U UØ UÙ UÛ UÕ UÏ
Ư Ö ÖØ ÖÙ ÖÛ ÖÕ ÖÏ
Y Y YØ YÙ YÛ YÕ Î
"""


def _letter(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


def _tcvn3_cases() -> list[tuple[str, str]]:
    cases = []
    for row in TCVN3_ROWS.split("\n"):
        if row:
            base, *codes = row.split()
            cases += [
                (_letter(base, tone), chr(int(code, 16)))
                for tone, code in zip(TONES, codes, strict=True)
            ]
    return [*cases, ("đ", "\xae")]


def _vni_cases() -> list[tuple[str, str]]:
    cases = []
    for row in VNI_ROWS.split("\n"):
        if row:
            base, *codes = row.split()
            cases += [(_letter(base, tone), code) for tone, code in zip(TONES, codes, strict=True)]
    return [*cases, ("đ", "ñ"), ("Đ", "Ñ")]


TCVN3_CASES = _tcvn3_cases()
VNI_CASES = _vni_cases()
TCVN3_CAPITALS = {
    "Ă": "\xa1",
    "Â": "\xa2",
    "Đ": "\xa7",
    "Ê": "\xa3",
    "Ô": "\xa4",
    "Ơ": "\xa5",
    "Ư": "\xa6",
}


def test_the_tables_cover_all_134_letters() -> None:
    lower = {letter for letter, _ in TCVN3_CASES if not letter.isascii()}
    assert len(lower) == 67
    assert len(lower | {letter.upper() for letter in lower}) == 134
    assert len({letter for letter, _ in VNI_CASES if not letter.isascii()}) == 134


@pytest.mark.parametrize(("letter", "code"), TCVN3_CASES)
def test_tcvn3_letter(letter: str, code: str) -> None:
    assert decode_legacy(f"x{code}x", "tcvn3") == f"x{letter}x"


@pytest.mark.parametrize(("letter", "code"), TCVN3_CASES)
def test_tcvn3_capitals_font_draws_lower_case_codes_as_capitals(letter: str, code: str) -> None:
    assert decode_legacy(code, "tcvn3-capitals") == letter.upper()


@pytest.mark.parametrize(("letter", "code"), sorted(TCVN3_CAPITALS.items()))
def test_tcvn3_plain_capital(letter: str, code: str) -> None:
    assert decode_legacy(code, "tcvn3") == letter


@pytest.mark.parametrize(("letter", "code"), VNI_CASES)
def test_vni_letter(letter: str, code: str) -> None:
    assert decode_legacy(f"n{code}n", "vni") == f"n{letter}n"


def _encode(text: str, cases: list[tuple[str, str]]) -> str:
    table = dict(cases)
    return "".join(table.get(char, char) for char in unicodedata.normalize("NFC", text))


VIETNAMESE = (
    "Ngày 12/5, Sở Khoa học và Công nghệ tổ chức hội nghị đánh giá kết quả ứng dụng "
    "tiến bộ kỹ thuật vào sản xuất nông nghiệp. Người dân được hướng dẫn chăm sóc cây trồng."
)


def test_vietnamese_text_round_trips_through_tcvn3() -> None:
    assert decode_legacy(_encode(VIETNAMESE, TCVN3_CASES), "tcvn3") == VIETNAMESE


def test_vietnamese_text_round_trips_through_vni() -> None:
    assert decode_legacy(_encode(VIETNAMESE, VNI_CASES), "vni") == VIETNAMESE


def test_detects_tcvn3_and_vni() -> None:
    assert detect_legacy(_encode(VIETNAMESE, TCVN3_CASES)) == "tcvn3"
    assert detect_legacy(_encode(VIETNAMESE, VNI_CASES)) == "vni"


def test_unicode_capitals_are_not_taken_for_vni() -> None:
    """Unicode capitals spell "OÀ", "OÁ" like VNI's o + mark byte; no letter foreign to
    Vietnamese (ø, ñ, ö...) shows, so the text is Unicode, and "ĐOÀN" never becomes "ĐỒN"."""
    titles = "BÀN VỀ LỮ ĐOÀN PHÁO BINH THUỘC QUÂN ĐOÀN HOÀN THÀNH TOÀN DIỆN NHIỆM VỤ HOÁ HỌC"
    assert detect_legacy(titles) is None
    assert detect_legacy(titles.lower()) is None


def test_detects_tcvn3_after_soft_hyphen_for_u_horn() -> None:
    text = _encode("Trường học và người dân", TCVN3_CASES)
    assert "\xad" in text
    assert detect_legacy(text) == "tcvn3"
    assert decode_legacy(text, "tcvn3") == "Trường học và người dân"


@pytest.mark.parametrize(
    ("extracted", "meant"),
    [
        ("b»ng ph-¬ng ph¸p lùc", "bằng phương pháp lực"),  # measured on a real article's title
        ("tr-êng, ng-êi, m-a, h-ng yªn", "trường, người, mưa, hưng yên"),
        ("KT-XH n¨m 2020-2021, mét - hai", "KT-XH năm 2020-2021, một - hai"),  # real hyphens
        ("Nhµ N-íc, Tr-êng", "Nhà Nước, Trường"),  # measured on a real title: after a capital
        ("COVID-19, B-52, A-ma", "COVID-19, B-52, A-ma"),
        # measured on a real title: "ư" ending a word ("tư", "như", "thư", "sư", "cư")
        (
            "trong t- t-ëng, nh- thÕ, th- viÖn, t- vÊn.",
            "trong tư tưởng, như thế, thư viện, tư vấn.",
        ),
        ("nhµ s-, d- luËn; c- d©n", "nhà sư, dư luận; cư dân"),
        ("Nh- vËy, T- t-ëng; Th- viÖn", "Như vậy, Tư tưởng; Thư viện"),  # a sentence's start
        ("tõ 5- 10 ngµy, a- b, chñ- ®Ò, trôc x- y", "từ 5- 10 ngày, a- b, chủ- đề, trục x- y"),
    ],
)
def test_u_horn_extracted_as_a_hyphen_is_read_back(extracted: str, meant: str) -> None:
    """A TCVN3 font that names the glyph at 0xAD "hyphen" comes out of poppler as "-"."""
    assert decode_legacy(extracted, "tcvn3") == meant


@pytest.mark.parametrize(
    ("extracted", "meant"),
    [
        ("Tr−êng §¹i häc, ng−êi d©n", "Trường Đại học, người dân"),
        ("N−íc, t− t−ëng, nh− vËy", "Nước, tư tưởng, như vậy"),
        ("5 − 3 = 2, x−2", "5 − 3 = 2, x−2"),  # a minus sign stays
        ("(x−a), y = b−u, t−ng", "(x−a), y = b−u, t−ng"),  # a formula's minus signs
    ],
)
def test_u_horn_extracted_as_a_minus_sign_is_read_back(extracted: str, meant: str) -> None:
    """A TCVN3 font whose glyph at 0xAD is named "minus" comes out of poppler as U+2212; text
    copied from such PDFs ("Tr−êng", "®−îc") is common."""
    assert decode_legacy(extracted, "tcvn3") == meant
    assert detect_legacy(extracted) == ("tcvn3" if "−ê" in extracted else None)


WESTERN = [
    "The committee met on Friday to review the budget for the new research programme.",
    "Où est le café ? Le goût du pain, en août, coûte cher. « Bonjour », dit-il, très naïf.",
    "L'aéroport de Noël: Raphaël a été élu maître de conférences à l'université.",
    "Señor Muñoz llegó a España el año pasado; aún no habla alemán, pero sí inglés.",
    "Die Größe der Brücke überrascht; Jürgen fährt über die Straße nach München.",
    "Price: £25 (½ off) © 2021 Company§3 — 10°C, 5µm, naïve café, 1ª edición",
    "Så här går det till på Ålands ö, sa Søren och Bjørn.",
]


@pytest.mark.parametrize("text", WESTERN)
def test_western_latin1_text_is_not_legacy(text: str) -> None:
    assert detect_legacy(text) is None


def _cp1258_form(char: str) -> str:
    """Windows-1258 keeps â ê ô ơ ư ă đ whole and writes tones as combining marks."""
    if char.encode("cp1258", errors="ignore"):
        return char
    parts = unicodedata.normalize("NFD", char)
    tones = "".join(mark for mark in parts if mark in TONES[1:])
    return unicodedata.normalize("NFC", "".join(p for p in parts if p not in tones)) + tones


def test_windows_1258_vietnamese_read_as_latin1_is_not_legacy() -> None:
    data = "".join(_cp1258_form(char) for char in VIETNAMESE).encode("cp1258")
    assert detect_legacy(data.decode("latin-1")) is None


def test_empty_and_ascii_text_is_not_legacy() -> None:
    assert detect_legacy("") is None
    assert detect_legacy("Plain ASCII text, nothing to decode.") is None


def test_curly_quotes_from_c1_controls_are_repaired() -> None:
    assert fix_c1_punctuation("\x93Xin\x94 \x91a\x92 \x96 \x85") == "“Xin” ‘a’ – …"
    assert decode_legacy("\x93b¶o\x94", "tcvn3") == "“bảo”"


@pytest.mark.parametrize(
    ("font", "encoding"),
    [
        (".VnTime", "tcvn3"),
        (".VnArial", "tcvn3"),
        ("ABCDEF+.VnTime-Bold", "tcvn3"),
        (".VnTimeH", "tcvn3-capitals"),
        (".VnArialH,Bold", "tcvn3-capitals"),
        # a capitals font whose embedded name carries a weight and a number after a dot
        (".VnArialH.Bold0150", "tcvn3-capitals"),
        ("ABCDEE+.VnArial NarrowH", "tcvn3-capitals"),
        ("ABCDEE+.VnHelvetInsH", "tcvn3-capitals"),
        (".VnTime.Italic0150", "tcvn3"),
        ("VNI-Times", "vni"),
        ("QRSTUV+VNI-Helve-Bold", "vni"),
        ("DejaVuSans", None),
        ("TimesNewRomanPSMT", None),
    ],
)
def test_encoding_for_font(font: str, encoding: str | None) -> None:
    assert encoding_for_font(font) == encoding


def test_unknown_encoding_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        decode_legacy("x", "viscii")


def test_text_files_in_tcvn3_and_vni_decode_to_unicode() -> None:
    from bantin.convert.decode import decode_bytes

    for cases in (TCVN3_CASES, VNI_CASES):
        data = _encode(VIETNAMESE, cases).encode("latin-1")
        assert decode_bytes(data, "legacy.txt") == VIETNAMESE


def test_a_tcvn3_font_of_capitals_unknown_by_name_is_read_as_capitals() -> None:
    """Measured on a real title set in an embedded font with no TCVN3 name: lower-case codes
    drawn as capitals beside capitals typed as such ("VIÖC", "DôNG")."""
    from bantin.pdf.fonts import font_encoding

    title = "m« h×nh nghiªn cøu AERO Vµ VIÖC ¸P DôNG cho c¸c doanh nghiÖp th-¬ng m¹i"
    assert font_encoding("ABCDEE+Bahnschrift Light", title) == "tcvn3-capitals"
    assert decode_legacy(title, "tcvn3-capitals").startswith("MÔ HÌNH NGHIÊN CỨU AERO VÀ VIỆC")
    body = "ViÖc ¸p dông m« h×nh nghiªn cøu cho c¸c doanh nghiÖp th­¬ng m¹i ë Hµ Néi, AERO."
    assert font_encoding("ABCDEE+Bahnschrift Light", body) == "tcvn3"


def test_a_capitals_font_without_its_name_is_known_by_a_few_words_typed_in_capitals() -> None:
    """Measured on a real article: its title font, renamed "CourierNewPSMT", is a TCVN3
    capitals font (.VnTimeH); three words typed with capitals among twenty typed in small
    letters, and an English title in the same font, gave "XáC ĐịNH ảNH Hưởng của các"."""
    from bantin.convert.legacy import TCVN3, TCVN3_CAPITALS
    from bantin.pdf.fonts import font_encoding

    title = (
        "X¸C §ÞNH ¶NH H­ëng cña c¸c th«ng sè: ®é kÐo dµi xung vµ kho¶ng c¸ch xung tíi ®é "
        "nh¸m bÒ mÆt khi gia c«ng thÐp trªn m¸y c¾t d©y ®iÖn cùc"
    )
    english = "Determine the effect of the parameters pulse discharge time on the roughness"
    assert font_encoding("ABCDEE+CourierNewPSMT", f"{title} {english}") == TCVN3_CAPITALS
    two = (  # two words typed in capitals among twenty-three
        "GI¶I PH¸P n©ng cao chÊt l­îng ®µo t¹o nguån nh©n lùc cho c¸c doanh nghiÖp võa vµ nhá "
        "trªn ®Þa bµn tØnh trong bèi c¶nh héi nhËp kinh tÕ quèc tÕ hiÖn nay"
    )
    assert font_encoding("ABCDEE+Courier New,Bold", two) == TCVN3_CAPITALS
    body = " ".join(["Trong thêi gian qua, c¸c doanh nghiÖp ®· ®Çu t­ m¹nh vµo c«ng nghÖ."] * 30)
    assert font_encoding("TimesNewRomanPSMT", f"{body} GS.TSKH.NguyÔn") == TCVN3


@pytest.mark.parametrize(
    ("font", "text", "encoding"),
    [
        (  # measured on real articles: titles in a TCVN3 capitals font renamed by the PDF,
            # too few of their bytes among TCVN3's most telling ones
            "CourierNewPS-BoldMT",
            "CHÕ T¹O VËT LIÖU NANO Tæ HîP Cã CÊU TRóC LâI@Vá α-Fe2O3@C",
            "tcvn3-capitals",
        ),
        ("TimesNewRomanPSMT", "Diöt men chì b»ng ph¦¥ng ph¸p vi sãng §ó bêt ho¹t enzym", "tcvn3"),
        ("TimesNewRomanPSMT", "Nghiên cứu chế tạo vật liệu nano tổ hợp có cấu trúc lõi", None),
        ("TimesNewRomanPSMT", "Le café où naïve Noël a dîné à Zürich près du château", None),
    ],
)
def test_a_font_is_legacy_when_its_words_read_as_vietnamese_only_once_decoded(
    font: str, text: str, encoding: str | None
) -> None:
    from bantin.pdf.fonts import font_encoding

    assert font_encoding(font, text) == encoding
