"""Decoding: every encoding the bulletin's texts come in, and every kind of non-text refused."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from bantin.convert.decode import decode_bytes, read_source
from bantin.exceptions import SourceError
from pdfgen import to_tcvn3, to_vni

SAMPLE = (
    "Kh&Cn ngày càng khẳng định vị thế\n\n"
    "Với sự tham dự của hàng trăm đại biểu, Thứ trưởng nhấn mạnh: năm 2021 có ý nghĩa\n"
    "quan trọng đối với ĐMST ở các địa phương; ưu tiên xây dựng chính sách đột phá…\n"
    "\fSố 5 năm 2021\n"
)
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese keyboards write it: base vowel letters, tones as marks."""
    out: list[str] = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(m for m in decomposed if m in TONES)
        base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        SAMPLE.replace("\n", "\r\n").encode("utf-8"),
        SAMPLE.replace("\n", "\r").encode("utf-8"),
        unicodedata.normalize("NFD", SAMPLE).encode("utf-8"),
        to_cp1258(SAMPLE),
        to_cp1258(SAMPLE.replace("\n", "\r\n")),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "crlf",
        "cr",
        "nfd",
        "cp1258",
        "cp1258-crlf",
    ],
)
def test_decodes_to_the_same_nfc_text(data: bytes) -> None:
    assert decode_bytes(data, "x.txt") == SAMPLE


def test_cp1258_really_uses_combining_tones() -> None:
    data = to_cp1258("Việt Nam")
    assert b"\xf2" in data  # U+0323 (dot below) in Windows-1258
    assert decode_bytes(data, "x.txt") == "Việt Nam"


def test_the_letter_some_pdfs_give_for_u_horn_is_read_as_u_horn() -> None:
    """Text extracted from a PDF that draws "ư" with "ƣ" (U+01A3, no Vietnamese letter)."""
    assert decode_bytes("Đầu tƣ nƣớc ngoài\nCHƢƠNG 1\n".encode(), "x.txt") == (
        "Đầu tư nước ngoài\nCHƯƠNG 1\n"
    )


def test_form_feed_is_kept_as_page_break() -> None:
    assert "\f" in decode_bytes("trang một\ftrang hai\n".encode(), "x.txt")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\r\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("Việt Nam đổi mớ".encode()[:-1], "truncated"),
        ("Việt Nam đổi mới sáng tạo".encode() + b"\xff\xfe" + "giữa".encode(), "invalid UTF-8"),
        (b"text \x01\x02\x03\x04 garbage\n", "control character"),
        (bytes(range(0x80, 0x100)) * 4, "unknown encoding"),
        (b"\xa9\xae\xb2\xbb\xa7\xb5\xbc\xa9\xae\xb2\xbb\xa7\xb5\xbc", "unknown encoding"),
    ],
    ids=["empty", "blank", "png", "truncated", "broken-utf8", "controls", "high-bytes", "symbols"],
)
def test_refuses_what_is_not_text(data: bytes, message: str) -> None:
    with pytest.raises(SourceError) as caught:
        decode_bytes(data, "bad.txt")
    assert message in str(caught.value)
    assert "bad.txt" in str(caught.value)


def test_error_names_the_line() -> None:
    with pytest.raises(SourceError) as caught:
        decode_bytes(b"one\ntwo\nthree \x07\x07\x07\x07 bell\n", "bell.txt")
    assert caught.value.problem.line == 3


def test_read_source_returns_the_decoded_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + "Đổi mới\r\n".encode())
    assert read_source(path) == "Đổi mới\n"


def test_read_source_missing_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read"):
        read_source(tmp_path / "missing.txt")


# -- pdftotext's UTF-8 output of legacy fonts: Latin-1 code points, C1 controls included --

# "“Bảo đảm” nghiên cứu – đường mới." in TCVN3, each byte written as its Latin-1 code point,
# the quotes and the dash as the Windows bytes 0x93, 0x94, 0x96 (C1 controls once in Unicode).
TCVN3_AS_LATIN1 = "\x93B¶o ®¶m\x94 nghiªn cøu \x96 ®\xadêng míi."


def test_tcvn3_read_as_latin1_inside_utf8_is_decoded() -> None:
    data = f"{TCVN3_AS_LATIN1}\nTr\xadêng häc lín.\n".encode()
    assert decode_bytes(data, "x.txt") == "“Bảo đảm” nghiên cứu – đường mới.\nTrường học lớn.\n"


def test_a_legacy_title_over_a_unicode_body_is_decoded_alone() -> None:
    # A title set in a .VnTimeH font (capitals drawn for every code) over Unicode body text.
    data = "NGHI£N CøU øNG DôNG PHÇN MÒM\nCác kết quả được trình bày ở đây.\n".encode()
    assert decode_bytes(data, "x.txt") == (
        "NGHIÊN CỨU ỨNG DỤNG PHẦN MỀM\nCác kết quả được trình bày ở đây.\n"
    )


def test_a_vni_running_head_over_a_unicode_body_is_decoded() -> None:
    data = "NGHIEÂN CÖÙU KHOA HOÏC\nMột đoạn văn bản Unicode.\n".encode()
    assert decode_bytes(data, "x.txt").splitlines()[0] == "NGHIÊN CỨU KHOA HỌC"


def test_unicode_words_that_look_like_legacy_bytes_stay() -> None:
    # Old-style tone placement ('hoà', 'toà') pairs letters as VNI does; nothing else is VNI.
    text = "Toà án hoà giải xong.\nCà phê và trà.\n"
    assert decode_bytes(text.encode(), "x.txt") == text


def test_stray_control_characters_are_left_for_the_converter() -> None:
    # Symbol and math fonts map glyphs to U+0002 and U+0003: text around them is still text.
    text = (
        "Xét phương trình chuyển động của lớp đàn hồi nằm trên bán không gian\n"
        "\x02\n\x03T\n"
        "với hệ số cản nhớt đã cho và điều kiện biên tự do đối với ứng suất.\n"
    )
    assert decode_bytes(text.encode(), "x.txt") == text


def test_chart_labels_in_a_legacy_font_inside_unicode_text_are_decoded() -> None:
    """A chart's axis labels set in TCVN3 in an article set in Unicode: their bytes are
    letters Unicode text writes too ("Õ", "Ý", "®"), but never so, a capital inside a word
    in small letters ("biÕn", "tÝnh") or "®" glued to a letter ("®é")."""
    text = "Kết quả như sau\nThêi gian biÕn tÝnh (ph)\n20 30\nNång ®é tinh bét (%)\nđược đo.\n"
    assert decode_bytes(text.encode(), "x.txt") == (
        "Kết quả như sau\nThời gian biến tính (ph)\n20 30\nNồng độ tinh bột (%)\nđược đo.\n"
    )
    kept = "Công ty TNHH ®iện Việt, nhãn hiệu Ý, NGUYỄN VĂN Á và McÉwan.\n"
    assert decode_bytes(kept.encode(), "x.txt") == kept


def test_a_vni_body_under_a_unicode_title_is_read_as_vni_line_by_line() -> None:
    """pdftotext's text of an article whose title is set in Unicode and its body in VNI: a
    body line whose VNI bytes also decode as TCVN3 without a leftover byte ("Caùc" ->
    "Caực") is read in the encoding that makes Vietnamese syllables of its words, and a line
    too short to prove an encoding by itself ("vôùi tröôùc.") is read in the one the other
    lines proved."""
    body = [
        "xã vùng trũng trong giai đoạn 2021-2025.",
        "Các doanh nghiệp cam kết bao tiêu sản",
        "phẩm, giúp nông dân yên tâm đầu tư",
        "sản xuất lâu dài. Theo báo cáo ngày",
        "với trước.",
        "mô hình lúa.",
    ]
    # a TCVN3 text: "Tóm tắt:" alone on its line is "Tãm t¾t:", "¾" a letter between letters
    tcvn3 = ["Vai trò của KH&CN", *map(to_tcvn3, [*body[:4], "Tóm tắt:"]), ""]
    assert decode_bytes("\n".join(tcvn3).encode(), "x.txt").splitlines()[-1] == "Tóm tắt:"
    data = "\n".join(["Vai trò của KH&CN", *map(to_vni, body), ""]).encode()
    assert decode_bytes(data, "x.txt").splitlines()[1:] == body
    # the signs of measures on lines of their own are no VNI or TCVN3 letters ("µ": "à")
    # nor a diameter's sign before a label ("Ø" is VNI's "Ø", TCVN3's "Ỉ")
    extra = ["(µm)", "R ×c", "ØC"]
    data = "\n".join(["Vai trò của KH&CN", *map(to_vni, body), *extra, ""]).encode()
    assert decode_bytes(data, "x.txt").splitlines()[-3:] == extra


def test_foreign_names_and_short_runs_of_a_unicode_text_stay_as_written() -> None:
    """Names with Latin-1 letters in a Unicode text (a reference to Müller or Gödel) were
    decoded as TCVN3 ("Mỹller", "Gửdel"): a run is decoded only when it makes Vietnamese
    syllables of its words; and without longer runs proving a legacy encoding, a short one
    stays as written."""
    for text in [
        "Nghiên cứu của Müller và Ñuñez.\nmoâ hình\n",
        "Theo Müller, Ñuñez và Gödel (2019), kết quả.\n",
    ]:
        assert decode_bytes(text.encode(), "x.txt") == text


def test_a_tcvn3_sentence_opening_with_a_toned_capital_gets_its_capital() -> None:
    """TCVN3 has no code for a capital with a tone ("Ở", "Ứ", "Ý"): a typist sets that one
    letter in the capitals font, whose code is the small letter's, and pdftotext gives the
    small letter. A sentence of a text in TCVN3 opening with such a letter opened with its
    capital; "ăn", "đi" (capitals TCVN3 writes) and words inside sentences stay."""
    meant = (
        "Ở Việt Nam, ứng dụng mới đã được thử. Ứng dụng này cho kết quả tốt.\n"
        "Ý kiến của các chuyên gia đều thống nhất ở điểm này.\n"
        "ăn và đi là hai từ viết thường ở đầu câu.\n"
    )
    typed = "".join(char.lower() if char in "ỞỨÝ" else char for char in meant)
    for data in (to_tcvn3(typed).encode("latin-1"), to_tcvn3(typed).encode("utf-8")):
        assert decode_bytes(data, "x.txt") == meant
