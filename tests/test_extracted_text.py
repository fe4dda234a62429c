"""The text route on text as `pdftotext` extracts it from real PDFs: legacy fonts read as
Latin-1, control characters of symbol fonts, paragraphs without blank lines between them,
column and page breaks, running heads, front matter and references of a scholarly article.

Every text here is written for the test; none is copied from a real publication.
"""

from __future__ import annotations

from bantin.convert.decode import decode_bytes
from bantin.convert.text import convert_text
from bantin.model import BlockKind


def paragraphs(text: str) -> list[str]:
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    return [b.text for b in article.blocks if b.kind is BlockKind.PARAGRAPH]


def test_control_characters_of_a_math_font_are_dropped_and_explained() -> None:
    text = (
        "Bài toán truyền sóng trong lớp đàn hồi\n"
        "\n"
        "Xét một lớp đàn hồi có độ dày không đổi nằm trên bán không gian, chịu tác dụng\n"
        "của sóng tới từ phía dưới với tần số cho trước.\n"
        "\x02\n"
        "Khi đó biên độ dịch chuyển tại mặt trên của lớp được tính theo công thức\x03 đã\n"
        "nêu, với các hệ số phụ thuộc vào tính chất của vật liệu.\n"
    )
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert not any("\x02" in b.text or "\x03" in b.text for b in article.blocks)
    dropped = [d.message for d in article.decisions if "U+0002" in d.message]
    assert dropped and "U+0003" in dropped[0]
