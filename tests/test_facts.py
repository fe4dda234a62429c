"""Facts the text states: dates day/month/year, authors from bylines, pages from running heads."""

from __future__ import annotations

import datetime as dt

import pytest

from bantin.convert.facts import authors_from_byline, find_date, page_range


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("được tổ chức ngày 9/4/2021 tại Hà Nội", dt.date(2021, 4, 9)),
        ("ngày 9-4-2021", dt.date(2021, 4, 9)),
        ("ngày 09.04.2021", dt.date(2021, 4, 9)),
        ("ngày 9 tháng 4 năm 2021", dt.date(2021, 4, 9)),
        ("Ngày 15 tháng 3 năm 2022, Sở KH&CN", dt.date(2022, 3, 15)),
        ("ngày 31/2/2021 là ngày không có; ngày 1/3/2021 thì có", dt.date(2021, 3, 1)),
        ("giai đoạn 2021-2025 và Nghị quyết 01/NQ-CP", None),
        ("tỷ lệ 5/10 và 2/3", None),
    ],
)
def test_find_date(text: str, date: dt.date | None) -> None:
    assert find_date([text]) == date


def test_first_text_with_a_date_wins() -> None:
    assert find_date(["không có ngày", "ngày 2/1/2020", "ngày 3/1/2020"]) == dt.date(2020, 1, 2)


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Hải Hằng - Xuân Bình", ["Hải Hằng", "Xuân Bình"]),
        ("Hải Hằng, Xuân Bình", ["Hải Hằng", "Xuân Bình"]),
        ("Hải Hằng và Xuân Bình", ["Hải Hằng", "Xuân Bình"]),
        ("PGS.TS Nguyễn Văn A", ["Nguyễn Văn A"]),
        ("ThS. Trần Thị B, TS. Lê C", ["Trần Thị B", "Lê C"]),
        ("Nguyễn Văn A (Viện Hàn lâm KH&CN Việt Nam)", ["Nguyễn Văn A"]),
        ("GS.TSKH NGUYỄN VĂN AN", ["Nguyễn Văn An"]),
        ("Bài và ảnh: Hải Hằng", ["Hải Hằng"]),
        ("TS. Nguyễn Văn An1, Lê Thị Hoa*", ["Nguyễn Văn An", "Lê Thị Hoa"]),
        ("NGUYỄN VĂN AN", ["Nguyễn Văn An"]),
        ("NGUYỄN VĂN AN, TRẦN THỊ BÌNH", ["Nguyễn Văn An", "Trần Thị Bình"]),
        # measured on a real article: one mark typed as a superscript character
        ("Lê Thị Hoa1*, Đặng Yến Linh³, Phạm Hằng4.", ["Lê Thị Hoa", "Đặng Yến Linh", "Phạm Hằng"]),
        # measured on a real article: the corresponding author's star after a comma
        (
            "Bùi Thị Ngân1, Đỗ Khắc Uẩn2, Chu Xuân Quang1,*",
            ["Bùi Thị Ngân", "Đỗ Khắc Uẩn", "Chu Xuân Quang"],
        ),
        ("Lê Văn Tâm1, *, Trần Hà2", ["Lê Văn Tâm", "Trần Hà"]),
        # measured on a real article: the star before the affiliation's number
        (
            "Lưu Danh Anh1, Nguyễn Tiến Hậu2, Mai Hữu Thuấn*4",
            ["Lưu Danh Anh", "Nguyễn Tiến Hậu", "Mai Hữu Thuấn"],
        ),
    ],
)
def test_authors_from_byline(byline: str, authors: list[str]) -> None:
    assert authors_from_byline(byline) == authors


@pytest.mark.parametrize(
    ("breaks", "convention", "pages"),
    [
        ([9], "header", [8, 9]),
        ([9], "footer", [9, 10]),
        ([None, 13], "header", [11, 12, 13]),
        ([24, 25], "footer", [24, 25, 26]),
        ([None], "header", []),
        ([], "header", []),
    ],
)
def test_page_range(breaks: list[int | None], convention: str, pages: list[int]) -> None:
    assert page_range(breaks, convention) == pages


@pytest.mark.parametrize(
    ("byline", "marks"),
    [
        ("Lưu Danh Anh1, Mai Hữu Thuấn*4", [(1,), (4,)]),  # the star before the number
        ("Lê Thị Hoa1*, Chu Xuân Quang1,*", [(1,), (1,)]),
        ("Trần Văn Hà2,3", [(2, 3)]),
        # measured on real articles: marks in brackets, glued or set apart
        ("Đỗ Thị Minh Hạnh(1), Vũ Thị Thu Hà(2,3)", [(1,), (2, 3)]),
        ("Lê Văn Tâm (1)*, Trần Hà (2)", [(1,), (2,)]),
    ],
)
def test_a_byline_parses_with_its_affiliation_marks(
    byline: str, marks: list[tuple[int, ...]]
) -> None:
    from bantin.bylines import parse_byline

    assert [author.marks for author in parse_byline(byline)] == marks


@pytest.mark.parametrize(
    "heading",
    # measured on a real bulletin: a roster's heading in small capitals, a family name second
    ["CÁC ĐOÀN THỂ", "Các Đoàn Thể", "Những Hoàng Hôn", "Mọi Trần Gian", "Một Lê Dương"],
)
def test_a_heading_opened_by_a_plural_or_a_number_word_names_no_one(heading: str) -> None:
    from bantin.bylines import parse_byline

    assert parse_byline(heading) == []


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        # measured on a parish bulletin: a translation credits its translator, dated
        ("24/11/2017 — Phaolô Phạm Xuân Khôi chuyển ngữ", ["Phaolô Phạm Xuân Khôi"]),
        ("Chuyển ngữ: Nguyễn Văn An", ["Nguyễn Văn An"]),
        ("Lê Thị Hoa lược dịch", ["Lê Thị Hoa"]),
    ],
)
def test_a_translation_names_its_translator(byline: str, names: list[str]) -> None:
    from bantin.bylines import parse_byline

    assert [author.name for author in parse_byline(byline)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # family names less common than the listed ones, in a name written in its own case
        ("Đường Thị Thanh Hải", True),
        ("Tưởng Thị Nguyệt Ánh, Đặng Thảo Yến Linh, Trần Hùng Thuận", True),
        ("Nghiêm Xuân Bách", True),
        # a middle name "Thị" or "Văn" marks a Vietnamese person whatever the family name
        ("Ysa Văn Mạnh", True),
        # capitals, or a heading in sentence case, prove nothing without a common family name
        ("ĐƯỜNG LỐI ĐỔI MỚI", False),
        ("Đường lối đổi mới", False),
        ("QUAN ĐIỂM CỦA ĐẢNG", False),
    ],
)
def test_a_byline_of_less_common_family_names_is_plausible(text: str, names: bool) -> None:
    """Measured on real articles: "Đường Thị Thanh Hải" and a byline opening with "Tưởng Thị
    Nguyệt Ánh" under their titles were no byline (a heading, then no author at all)."""
    from bantin.bylines import parse_byline, plausible

    assert plausible(parse_byline(text), text) is names
