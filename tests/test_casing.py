"""Case restoration for small-caps and capital titles and headings, from the body's own words."""

from __future__ import annotations

import pytest

from bantin.convert.casing import (
    learn_body,
    needs_restoring,
    restore_case,
    restore_english_title,
)

BODY = [
    "Trong thời gian qua, KH&CN từ Trung ương đến địa phương đã nỗ lực. Sở KH&CN Hà Nội và "
    "Sở KH&CN TP Hồ Chí Minh đã đóng góp cho phát triển KT-XH, nội dung minh bạch.",
    "Ông Hoàng Minh cho biết nội dung về ĐMST đã được bàn tại Hà Nội.",
]


@pytest.mark.parametrize(
    ("source", "restored"),
    [
        ("Kh&Cn ngày càng khẳng định vị thế", "KH&CN ngày càng khẳng định vị thế"),
        ("phát triển Kt-xh địa phương", "Phát triển KT-XH địa phương"),
        (
            "xây dựng chính sách đột phá, công khai, minh bạch",
            "Xây dựng chính sách đột phá, công khai, minh bạch",
        ),
        ("XÂY DỰNG CHÍNH SÁCH Ở HÀ NỘI", "Xây dựng chính sách ở Hà Nội"),
        ("VAI TRÒ CỦA ĐMST VÀ KH&CN", "Vai trò của ĐMST và KH&CN"),
        ("đổi mới ở tp hồ chí minh", "Đổi mới ở TP Hồ Chí Minh"),
        ("HOẠT ĐỘNG CỦA UBND TỈNH", "Hoạt động của UBND tỉnh"),
        # a subtitle after a spaced dash opens with a capital, as the title does
        ("KẾT QUẢ TRONG NĂM - BÀI HỌC KINH NGHIỆM", "Kết quả trong năm - Bài học kinh nghiệm"),
        ("KẾT QUẢ TRONG NĂM — BÀI HỌC KINH NGHIỆM", "Kết quả trong năm — Bài học kinh nghiệm"),
        ("PHÁT TRIỂN KT-XH", "Phát triển KT-XH"),  # a hyphen inside a word is no dash
    ],
)
def test_restore_case(source: str, restored: str) -> None:
    assert restore_case(source, learn_body(BODY)) == restored


def test_proper_case_is_left_alone() -> None:
    text = "Phát triển thị trường khoa học ở Đà Nẵng"
    assert not needs_restoring(text)
    assert restore_case(text, learn_body(BODY)) == text


def test_sentence_initial_words_teach_nothing() -> None:
    body = learn_body(["Trong năm qua các đơn vị làm tốt. Trong đó có nhiều việc."])
    assert restore_case("KẾT QUẢ TRONG NĂM", body) == "Kết quả trong năm"


def test_an_acronym_of_two_capitals_is_taken_from_the_body() -> None:
    body = learn_body(["Nhiều trường ĐH và viện nghiên cứu cùng tham gia; các ĐH đã ký kết."])
    assert restore_case("hợp tác giữa đh và viện", body) == "Hợp tác giữa ĐH và viện"


@pytest.mark.parametrize("asked", [True, False])
def test_words_the_body_sets_in_capitals_teach_no_casing(asked: bool) -> None:
    """Measured on a real article: a heading in capitals left among the paragraphs taught
    "THIỆN HỆ" as a name, and the title became "Hoàn THIỆN HỆ thống..."."""
    title = "HOÀN THIỆN HỆ THỐNG CHỈ TIÊU CỦA UBND"
    texts = [
        "4. GIẢI PHÁP HOÀN THIỆN HỆ THỐNG CHỈ TIÊU PHÂN TÍCH",
        "Các chỉ tiêu được UBND tỉnh hoàn thiện dần qua từng năm.",
    ]
    body = learn_body(texts, asked=[title] if asked else None)
    assert restore_case(title, body) == "Hoàn thiện hệ thống chỉ tiêu của UBND"


@pytest.mark.parametrize(
    ("english_title", "vietnamese", "restored"),
    [
        (  # names of the Vietnamese title without their marks, and a two-word name as one
            "ENTERPRISES OF VIETNAM BANK, TAY DO BRANCH, IN QUANG NINH",
            "Doanh nghiệp của Ngân hàng Việt Nam chi nhánh Tây Đô ở Quảng Ninh",
            "Enterprises of Vietnam bank, Tay Do branch, in Quang Ninh",
        ),
        (  # a possessive, and the other spelling of the same name
            "COMPETITIVENESS IN VIETNAM’S RETAIL BUSINESSES IN HANOI AND HA NOI",
            "Năng lực cạnh tranh của doanh nghiệp bán lẻ Việt Nam tại Hà Nội",
            "Competitiveness in Vietnam’s retail businesses in Hanoi and Ha Noi",
        ),
        (  # Latin names and acronyms as the Vietnamese title writes them
            "ADDING ROSELLE (HIBISCUS SABDARIFFA L.) AND LINOLEIC ACIDS (CLA) TO JAMS",
            "Bổ sung đài hoa bụp giấm (Hibiscus sabdariffa L.) và axit linoleic (CLA) vào mứt",
            "Adding roselle (Hibiscus sabdariffa L.) and linoleic acids (CLA) to jams",
        ),
        (  # measured on a real article: a name with marks the Vietnamese does not write so
            "FACTORS AFFECTING STAFF MOTIVATION AT BANKS IN NAM ĐINH",
            "Động lực làm việc tại các ngân hàng ở thành phố Nam Định",
            "Factors affecting staff motivation at banks in Nam Đinh",
        ),
        (  # words the Vietnamese text writes in capitals only at its start stay small
            "DESIGN OF A MOLD FOR BAN MACHINES",
            "Ban đầu thiết kế khuôn cho máy ép nhựa",
            "Design of a mold for ban machines",
        ),
    ],
)
def test_an_english_title_takes_the_names_of_the_vietnamese_title(
    english_title: str, vietnamese: str, restored: str
) -> None:
    assert restore_english_title(english_title, [], [vietnamese]) == restored


def test_an_english_title_prefers_its_abstract_and_keeps_a_title_not_in_capitals() -> None:
    abstract = "Data from Hanoi and Ha Long Bay show that tourism in Vietnam grows."
    title = "TOURISM IN HA LONG BAY AND HANOI"
    assert restore_english_title(title, [abstract], ["Du lịch ở vịnh Hạ Long và Hà Nội"]) == (
        "Tourism in Ha Long Bay and Hanoi"
    )
    kept = "Tourism in ha long bay"  # not in capitals: the author's own casing
    assert restore_english_title(kept, [abstract], ["Du lịch ở vịnh Hạ Long"]) == kept


@pytest.mark.parametrize(
    ("source", "restored"),
    [
        ("DỊCH SANG TIẾNG VIỆT VÀ TIẾNG ANH", "Dịch sang tiếng Việt và tiếng Anh"),
        ("GIẢNG DẠY TIẾNG PHÁP, TIẾNG NHẬT", "Giảng dạy tiếng Pháp, tiếng Nhật"),
        ("TIẾNG ỒN Ở ĐÔ THỊ", "Tiếng ồn ở đô thị"),  # "tiếng" of a noise is no language
    ],
)
def test_a_language_name_keeps_its_capital_when_the_body_never_writes_it(
    source: str, restored: str
) -> None:
    """Measured on a real article written in English: its Vietnamese title in capitals became
    "...sách tiếng anh ... sang tiếng việt"; a language's name is capitalised in Vietnamese."""
    assert restore_case(source, learn_body(["Bài viết nói về dịch thuật."])) == restored


@pytest.mark.parametrize(
    ("title", "restore"),
    [
        ("SO SÁNH KHẢ NĂNG KHÁNG KHUẨN CỦA VẬT LIỆU NANO TỔ HỢP fe3O4-AG VÀ NANO AG", True),
        ("Vai trò của KH&CN và ĐMST trong phát triển KT-XH", False),
        ("XÂY DỰNG mRNA", False),  # too few words to tell
        (  # names of species and formulas keep their own case in a title in capitals
            "ẢNH HƯỞNG CỦA CHẾ PHẨM VI SINH ĐẾN CÂY XÀ LÁCH (Lactuca sativa L.) VÀ CÀ RỐT "
            "(Daucus carota L.)",
            True,
        ),
        ("STUDY THE EFFECTS OF MANGAN (Mn) ON MAGNETISM OF THIN FILMS ZnO:Mn", True),
        ("Ứng dụng AI, IoT và GIS trong quản lý ĐBSCL và KT-XH", False),
    ],
)
def test_a_title_in_capitals_but_for_one_word_is_in_capitals(title: str, restore: bool) -> None:
    assert needs_restoring(title) is restore


NAMED = [
    "Sinh viên Trường Đại học Kinh tế - Kỹ thuật Công nghiệp học theo tín chỉ. Trường Đại học "
    "Kinh tế - Kỹ thuật Công nghiệp có hai cơ sở; các trường đại học kinh tế khác cũng vậy.",
    "Vốn của Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam tăng, như vốn của các ngân "
    "hàng khác. Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam cho vay nông nghiệp.",
]


@pytest.mark.parametrize(
    ("title", "restored"),
    [
        (
            "GIÁO DỤC SINH VIÊN TRƯỜNG ĐẠI HỌC KINH TẾ - KỸ THUẬT CÔNG NGHIỆP",
            "Giáo dục sinh viên Trường Đại học Kinh tế - Kỹ thuật Công nghiệp",
        ),
        (
            "CHO VAY CỦA NGÂN HÀNG NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN VIỆT NAM",
            "Cho vay của Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam",
        ),
        ("VỐN CỦA CÁC NGÂN HÀNG KHÁC", "Vốn của các ngân hàng khác"),  # no name: small
        ("CÁC TRƯỜNG ĐẠI HỌC KINH TẾ", "Các trường đại học kinh tế"),
    ],
)
def test_a_name_of_several_words_takes_the_case_the_body_writes_it_in(
    title: str, restored: str
) -> None:
    """Measured on real articles: "... sinh viên Trường Đại học kinh tế - kỹ thuật công
    nghiệp" and "... ngân hàng nông nghiệp và phát triển nông thôn Việt Nam": the body writes
    the institution's name with its capitals."""
    assert restore_case(title, learn_body(NAMED)) == restored


def test_an_acronym_alone_in_brackets_keeps_its_capitals() -> None:
    """An acronym in brackets that the body never writes stays as printed: "(ATC)" is no
    word ("(atc)"); one the body writes takes the body's form."""
    body = learn_body(["Mẫu được đo ở chế độ Ton trong hai giờ."])
    assert restore_case("TEACHING AT A TECHNICAL COLLEGE (ATC)", body) == (
        "Teaching at a technical college (ATC)"
    )
    assert (
        restore_case("ĐO Ở CHẾ ĐỘ (TON) TRONG HAI GIỜ", body) == "Đo ở chế độ (Ton) trong hai giờ"
    )


@pytest.mark.parametrize(
    ("title", "paragraph", "restored"),
    [
        (  # the body pairs the two terms with a dash (here in the other order)
            "QUÁ TRÌNH THIẾU KHÍ - HIẾU KHÍ LUÂN PHIÊN",
            "Hệ xử lý hiếu khí - thiếu khí luân phiên đã được đánh giá.",
            "Quá trình thiếu khí - hiếu khí luân phiên",
        ),
        (
            "ĐÀO TẠO NHÂN LỰC NGÀNH DU LỊCH - KHÁCH SẠN",
            "Nhu cầu nhân lực du lịch – khách sạn tăng, cả ngành du lịch/khách sạn.",
            "Đào tạo nhân lực ngành du lịch - khách sạn",
        ),
        (  # the body never joins them: a subtitle
            "KINH NGHIỆM VẬN TẢI TRONG KHÁNG CHIẾN - HƯỚNG KẾ THỪA, PHÁT TRIỂN",
            "Công tác vận tải trong kháng chiến có nhiều kinh nghiệm theo hướng kế thừa.",
            "Kinh nghiệm vận tải trong kháng chiến - Hướng kế thừa, phát triển",
        ),
    ],
)
def test_two_terms_the_body_joins_with_a_dash_are_no_title_and_subtitle(
    title: str, paragraph: str, restored: str
) -> None:
    """Measured on real journals: "thiếu khí - Hiếu khí", "du lịch - Khách sạn" came out with
    a subtitle's capital; two terms the body also joins with a dash or a slash are one term."""
    assert restore_case(title, learn_body([paragraph])) == restored
