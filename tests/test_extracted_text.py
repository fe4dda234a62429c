"""The text route on text as `pdftotext` extracts it from real PDFs: legacy fonts read as
Latin-1, control characters of symbol fonts, paragraphs without blank lines between them,
column and page breaks, running heads, front matter and references of a scholarly article.

Every text here is written for the test; none is copied from a real publication.
"""

from __future__ import annotations

import datetime as dt

from bantin.convert.decode import decode_bytes
from bantin.convert.order import split_keywords
from bantin.convert.text import convert_text
from bantin.model import BlockKind
from pdfgen import to_tcvn3


def paragraphs(text: str) -> list[str]:
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    # a list's items are paragraphs of the text too (their bullets taken off)
    return [b.text for b in article.blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.ITEM)]


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


# A two-column page as pdftotext gives it: no blank line between paragraphs, a blank line where
# poppler ends a block (mid-sentence at a column break), a page number, a form feed.
TWO_COLUMNS = """\
QUẢN LÝ NGUỒN NƯỚC SẠCH Ở VÙNG CAO

Nhiều xã vùng cao vẫn thiếu nước sạch
vào mùa khô, nhất là ở những bản nằm xa
nguồn suối và các công trình cấp nước
tập trung của huyện.
Trước tình hình đó, chính quyền địa
phương đã khảo sát từng bản để xây thêm
bể chứa, lắp đặt đường ống và hướng dẫn
người dân giữ gìn nguồn nước chung. Việc
bảo dưỡng định kỳ được giao cho tổ tự quản

của từng thôn và xã.
Nhờ vậy, tỷ lệ hộ dùng nước hợp vệ sinh
đã tăng rõ rệt trong hai năm gần đây.
12
\f
Các mô hình này cần được nhân rộng
cùng với việc tuyên truyền để người dân
hiểu rõ trách nhiệm bảo vệ nguồn nước.
"""


def test_paragraphs_end_at_a_short_line_that_ends_a_sentence() -> None:
    assert paragraphs(TWO_COLUMNS) == [
        "Nhiều xã vùng cao vẫn thiếu nước sạch vào mùa khô, nhất là ở những bản nằm xa "
        "nguồn suối và các công trình cấp nước tập trung của huyện.",
        "Trước tình hình đó, chính quyền địa phương đã khảo sát từng bản để xây thêm bể chứa, "
        "lắp đặt đường ống và hướng dẫn người dân giữ gìn nguồn nước chung. Việc bảo dưỡng "
        "định kỳ được giao cho tổ tự quản của từng thôn và xã.",
        "Nhờ vậy, tỷ lệ hộ dùng nước hợp vệ sinh đã tăng rõ rệt trong hai năm gần đây.",
        "Các mô hình này cần được nhân rộng cùng với việc tuyên truyền để người dân hiểu rõ "
        "trách nhiệm bảo vệ nguồn nước.",
    ]


def test_a_tcvn3_text_copied_with_u_horn_as_minus_signs_reads_as_unicode() -> None:
    """Text copied from a PDF set in a TCVN3 font whose "ư" glyph is named "minus":
    "Tr−êng", "n−íc"; its paragraphs are those of the Unicode text."""
    copied = to_tcvn3(TWO_COLUMNS.replace("QUẢN LÝ NGUỒN NƯỚC SẠCH Ở VÙNG CAO", "Nước sạch"))
    copied = copied.replace("\xad", "\u2212")
    assert "n\u2212íc" in copied
    assert paragraphs(copied) == paragraphs(TWO_COLUMNS)


def test_a_full_line_ending_a_sentence_does_not_end_the_paragraph() -> None:
    text = TWO_COLUMNS.replace(
        "của từng thôn và xã.\n", "của từng thôn, có sự giám sát của cả xã.\n"
    )
    assert paragraphs(text)[1].endswith(
        "của từng thôn, có sự giám sát của cả xã. Nhờ vậy, tỷ lệ hộ dùng nước hợp vệ sinh "
        "đã tăng rõ rệt trong hai năm gần đây."
    )


def test_an_enumerated_point_starts_a_paragraph_after_a_full_line() -> None:
    text = """\
BIỆN PHÁP BẢO ĐẢM HẬU CẦN CHO ĐƠN VỊ

Để nâng cao chất lượng công tác bảo đảm, các
đơn vị cần thực hiện tốt những biện pháp sau:
Một là, nâng cao nhận thức của cán bộ về vị
trí, vai trò của công tác hậu cần trong mọi
tình huống chiến đấu và sẵn sàng chiến đấu.
Hai là, tổ chức lực lượng hợp lý, bố trí kho
trạm gần nơi đóng quân để rút ngắn cự ly.
"""
    assert paragraphs(text) == [
        "Để nâng cao chất lượng công tác bảo đảm, các đơn vị cần thực hiện tốt những biện "
        "pháp sau:",
        "Một là, nâng cao nhận thức của cán bộ về vị trí, vai trò của công tác hậu cần trong "
        "mọi tình huống chiến đấu và sẵn sàng chiến đấu.",
        "Hai là, tổ chức lực lượng hợp lý, bố trí kho trạm gần nơi đóng quân để rút ngắn cự ly.",
    ]


def test_a_bracketed_point_after_a_full_line_ending_with_a_colon_stays_in_the_paragraph() -> None:
    text = """\
BIỆN PHÁP BẢO ĐẢM HẬU CẦN CHO ĐƠN VỊ

Để nâng cao chất lượng công tác bảo đảm, các
đơn vị cần thực hiện tốt ba biện pháp như sau:
(1) nâng cao nhận thức của cán bộ về vai trò
của công tác hậu cần; (2) tổ chức lực lượng
hợp lý; (3) bố trí kho trạm gần nơi đóng quân.
"""
    assert paragraphs(text) == [
        "Để nâng cao chất lượng công tác bảo đảm, các đơn vị cần thực hiện tốt ba biện pháp "
        "như sau: (1) nâng cao nhận thức của cán bộ về vai trò của công tác hậu cần; (2) tổ "
        "chức lực lượng hợp lý; (3) bố trí kho trạm gần nơi đóng quân."
    ]


def test_a_bracketed_point_after_a_short_line_ending_with_a_colon_starts_a_paragraph() -> None:
    text = """\
BIỆN PHÁP BẢO ĐẢM HẬU CẦN CHO ĐƠN VỊ

Để nâng cao chất lượng công tác bảo đảm, các
đơn vị cần thực hiện như sau:
a) Nâng cao nhận thức của cán bộ về vai trò
của công tác hậu cần trong mọi tình huống.
b) Tổ chức lực lượng hợp lý, bố trí kho trạm
gần nơi đóng quân để rút ngắn cự ly.
"""
    assert paragraphs(text)[:2] == [
        "Để nâng cao chất lượng công tác bảo đảm, các đơn vị cần thực hiện như sau:",
        "a) Nâng cao nhận thức của cán bộ về vai trò của công tác hậu cần trong mọi tình huống.",
    ]


def test_a_numbered_heading_in_capitals_on_four_lines_stays_a_heading() -> None:
    text = """\
HIỆN TRẠNG VÀ GIẢI PHÁP

Các số liệu cho thấy quy mô đầu tư ở Việt Nam
vào lĩnh vực này còn nhỏ so với nhu cầu.
3. THỰC TRẠNG ĐẦU TƯ CÔNG NGHỆ
XANH TẠI CÁC DOANH NGHIỆP
NHỎ VÀ VỪA Ở VIỆT NAM GIAI ĐOẠN
2019-2021
3.1. Quy mô đầu tư của doanh nghiệp
Phần lớn doanh nghiệp nhỏ chưa có kế hoạch
đầu tư dài hạn cho đổi mới công nghệ xanh.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert [(b.kind.value, b.text) for b in article.blocks][1:3] == [
        (
            "heading",
            "3. Thực trạng đầu tư công nghệ xanh tại các doanh nghiệp nhỏ và vừa ở Việt Nam "
            "giai đoạn 2019-2021",
        ),
        ("heading", "3.1. Quy mô đầu tư của doanh nghiệp"),
    ]


def test_a_paragraph_found_ended_inside_a_block_is_not_joined_again() -> None:
    # A thesis: a chapter label in capitals and unnumbered section headings, then text; each
    # heading line is short, so the paragraph after it starts there even without a blank line.
    text = """\
NGHIÊN CỨU SÓNG MẶT TRONG MÔI TRƯỜNG PHÂN LỚP
\f
MỞ ĐẦU
Tính cấp thiết của đề tài
Sóng địa chấn lan truyền trong các lớp đất đá gần mặt đất và gây ra
dao động mạnh ở những nơi có lớp trầm tích mềm, nên việc đánh giá
ảnh hưởng của lớp nền đối với công trình xây dựng là rất cần thiết.
Mục tiêu của luận án
Luận án xây dựng công thức xấp xỉ cho tần số cộng hưởng của lớp trên
nền cứng và kiểm tra bằng các ví dụ số
Phương pháp nghiên cứu
Luận án sử dụng phương pháp ma trận chuyển và phương pháp vector
phân cực để tìm phương trình tán sắc của sóng mặt trong các mô hình.
"""
    assert paragraphs(text) == [
        "Sóng địa chấn lan truyền trong các lớp đất đá gần mặt đất và gây ra dao động mạnh ở "
        "những nơi có lớp trầm tích mềm, nên việc đánh giá ảnh hưởng của lớp nền đối với "
        "công trình xây dựng là rất cần thiết.",
        "Luận án xây dựng công thức xấp xỉ cho tần số cộng hưởng của lớp trên nền cứng và "
        "kiểm tra bằng các ví dụ số",
        "Luận án sử dụng phương pháp ma trận chuyển và phương pháp vector phân cực để tìm "
        "phương trình tán sắc của sóng mặt trong các mô hình.",
    ]


def test_display_equations_are_not_paragraphs_and_end_them() -> None:
    text = """\
MÔ HÌNH LỚP ĐÀN HỒI TRÊN NỀN CỨNG

Xét một lớp đàn hồi có độ dày h nằm trên nền cứng, chịu tác dụng của
sóng ngang tới từ phía dưới. Hàm phản ứng của lớp có dạng
ξ(x) = T(h) ξ(0),
(12)
trong đó T là ma trận chuyển của lớp và
T1 T2
T=
T3 T4
với các khối được cho bởi công thức trong chương trước.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert [(b.kind.value, b.text) for b in article.blocks] == [
        (
            "paragraph",
            "Xét một lớp đàn hồi có độ dày h nằm trên nền cứng, chịu tác dụng của sóng ngang "
            "tới từ phía dưới. Hàm phản ứng của lớp có dạng",
        ),
        ("equation", "ξ(x) = T(h) ξ(0),\n(12)"),
        ("paragraph", "trong đó T là ma trận chuyển của lớp và"),
        ("equation", "T1 T2\nT=\nT3 T4"),
        ("paragraph", "với các khối được cho bởi công thức trong chương trước."),
    ]


def test_a_running_head_repeated_on_pages_leaves_the_sentence_it_interrupts() -> None:
    # The journal's name at the top of each right-hand column lands mid-sentence in the flow.
    text = """\
GIẢI PHÁP QUẢN LÝ NGÂN SÁCH ĐƠN VỊ

Việc quản lý ngân sách ở các đơn vị dự toán đã
có nhiều chuyển biến tích cực, tuy vẫn còn một số

TẠP CHÍ NGHIÊN CỨU TÀI CHÍNH QUÂN SỰ
hạn chế về quy trình kiểm soát chi và công khai
tài chính trong nội bộ đơn vị.
\f
TẠP CHÍ NGHIÊN CỨU TÀI CHÍNH QUÂN SỰ
Các đơn vị cần rà soát quy chế chi tiêu nội bộ
và báo cáo định kỳ kết quả thực hiện.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert [b.text for b in article.blocks] == [
        "Việc quản lý ngân sách ở các đơn vị dự toán đã có nhiều chuyển biến tích cực, tuy "
        "vẫn còn một số hạn chế về quy trình kiểm soát chi và công khai tài chính trong nội "
        "bộ đơn vị.",
        "Các đơn vị cần rà soát quy chế chi tiêu nội bộ và báo cáo định kỳ kết quả thực hiện.",
    ]
    dropped = [d.message for d in article.decisions if "TẠP CHÍ NGHIÊN CỨU" in d.message]
    assert len(dropped) == 2


def test_a_running_head_with_an_unfilled_issue_label_leaves_the_sentence() -> None:
    # The journal's template left its issue label unfilled: the line ends with full stops
    # like a sentence, yet it repeats on every page.
    for label in ("SỐ ... - 20..", "SỐ …-20.."):
        head = f"TẠP CHÍ KHOA HỌC VÀ KỸ THUẬT . {label}"
        text = f"""\
GIẢI PHÁP QUẢN LÝ NGÂN SÁCH ĐƠN VỊ

Việc quản lý ngân sách ở các đơn vị dự toán đã
có nhiều chuyển biến tích cực, tuy vẫn còn một số

{head}
hạn chế về quy trình kiểm soát chi và công khai
tài chính trong nội bộ đơn vị.
\f
{head}
Các đơn vị cần rà soát quy chế chi tiêu nội bộ
và báo cáo định kỳ kết quả thực hiện.
"""
        article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
        assert [b.text for b in article.blocks] == [
            "Việc quản lý ngân sách ở các đơn vị dự toán đã có nhiều chuyển biến tích cực, "
            "tuy vẫn còn một số hạn chế về quy trình kiểm soát chi và công khai tài chính "
            "trong nội bộ đơn vị.",
            "Các đơn vị cần rà soát quy chế chi tiêu nội bộ và báo cáo định kỳ kết quả thực hiện.",
        ], label


def test_an_issue_label_cut_at_its_line_end_is_a_running_head_too() -> None:
    # On the last page pdftotext gave the year of the issue label a line of its own, before
    # the rest of the label ('... SỐ 12 -'); the other pages print it whole.
    head = "TẠP CHÍ KHOA HỌC VÀ KỸ THUẬT . SỐ 12 - 2020"
    text = f"""\
GIẢI PHÁP QUẢN LÝ NGÂN SÁCH ĐƠN VỊ

Việc quản lý ngân sách ở các đơn vị dự toán đã
có nhiều chuyển biến tích cực trong năm qua.

{head}

5
\f
Các đơn vị cần rà soát quy chế chi tiêu nội bộ
và báo cáo định kỳ kết quả thực hiện.

{head}

6
\f
Các đơn vị cần công khai tài chính trong nội bộ.

7
2020

TẠP CHÍ KHOA HỌC VÀ KỸ THUẬT . SỐ 12 -
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert not [b.text for b in article.blocks if "TẠP CHÍ" in b.text]
    assert article.issue == 12 and article.year == 2020
    assert article.section is None  # the journal's name beside the issue label is no section


def test_the_section_is_the_banner_not_the_journal_named_in_the_running_heads() -> None:
    head = "TẠP CHÍ KHOA HỌC & CÔNG NGHỆ . SỐ 7 - 2019"
    pages = [
        "Nhà trường đã mở rộng hợp tác với nhiều trường\nđại học trong khu vực.",
        "Các chương trình trao đổi sinh viên được duy trì\nđều đặn hằng năm.",
        "Hợp tác quốc tế giúp nâng cao chất lượng đào tạo\nvà nghiên cứu khoa học.",
    ]
    text = "THÔNG TIN TRAO ĐỔI\n\nHỢP TÁC QUỐC TẾ TRONG GIÁO DỤC ĐẠI HỌC\n\n" + "".join(
        f"{page}\n\n{head}\n\n{number}\n\f" for number, page in enumerate(pages, 40)
    )
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert (article.issue, article.year) == (7, 2019)
    assert article.section is None  # the journal's name is none; the banner is printed once
    # the section's banner repeated on every page, beside the journal's name, is the section
    banner = "HỢP TÁC QUỐC TẾ TRONG GIÁO DỤC ĐẠI HỌC\n\n" + "".join(
        f"{page}\n\n{head}\n\nKINH TẾ - XÃ HỘI\n\n{number}\n\f"
        for number, page in enumerate(pages, 40)
    )
    article = convert_text(decode_bytes(banner.encode("utf-8"), "x.txt"), "x.txt")
    assert article.section == "KINH TẾ - XÃ HỘI"  # as printed: every article names it alike
    assert not [b.text for b in article.blocks if "KINH TẾ" in b.text.upper()]


def test_a_paragraph_line_before_the_page_head_and_table_cells_are_no_section() -> None:
    """The last line of a page's paragraph, alone before the running head ("... cũng như"),
    and a table's cells among its numbers ("Vụ hè" between "1" and "75,7") are no section
    name: they stay in the text."""
    head = "TẠP CHÍ KHOA HỌC & CÔNG NGHỆ . SỐ 7 - 2019"
    text = f"""\
HỌC TẬP CỦA SINH VIÊN NGÀNH TÀI CHÍNH

1. Động cơ học tập

Phần lớn sinh viên được hỏi cho biết các em học
để có việc làm ổn định sau khi ra trường.

Sự đa dạng về mục đích học tập cũng như

{head}

41

\f
nhu cầu của người học đòi hỏi nhà trường đổi mới
phương pháp giảng dạy.

Bảng 1. Điểm trung bình theo vụ

TT

Vụ hè

1

75,7

Vụ thu

2

74,6

Kết quả cho thấy điểm của vụ hè cao hơn vụ thu.

{head}

42
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert article.section is None
    found = paragraphs(text)
    assert (
        "Sự đa dạng về mục đích học tập cũng như nhu cầu của người học đòi hỏi nhà trường "
        "đổi mới phương pháp giảng dạy." in found
    )
    kept = " ".join(b.text for b in article.blocks)
    assert "Vụ hè" in kept and "Vụ thu" in kept


SCHOLARLY = """\
ỨNG DỤNG MÀNG BAO GÓI TRONG BẢO QUẢN RAU

Tóm tắt:

Bài báo trình bày kết quả bảo quản rau cải bằng màng bao gói có tính kháng
khuẩn ở nhiệt độ thấp trong hai tuần.

Từ khóa:

Màng bao gói, bảo quản, rau cải.

Abstract:

The paper presents the results of storing mustard greens in antibacterial
packaging film at low temperature for two weeks.

Keywords:

Packaging film, storage, mustard greens.

1. GIỚI THIỆU

Rau cải là loại rau được trồng phổ biến nhưng
nhanh hỏng sau khi thu hoạch.
Hình 1. Rau cải sau bảy ngày bảo quản
Màng bao gói giúp giữ độ ẩm và hạn chế vi sinh
vật phát triển trên bề mặt lá.
TÀI LIỆU THAM KHẢO
[1] Nguyễn Văn An (2019). Bảo quản rau sau thu hoạch.
Nxb Nông nghiệp, Hà Nội.
[2] Trần Thị Bình (2020). Màng kháng khuẩn. Tạp chí Hóa học, 5, 1-9.
"""


def test_abstracts_keywords_captions_and_references_are_not_paragraphs() -> None:
    article = convert_text(decode_bytes(SCHOLARLY.encode("utf-8"), "x.txt"), "x.txt")
    assert article.lead == (
        "Bài báo trình bày kết quả bảo quản rau cải bằng màng bao gói có tính kháng khuẩn "
        "ở nhiệt độ thấp trong hai tuần."
    )
    assert article.abstract_en.startswith("The paper presents")
    assert article.keywords == ["Màng bao gói", "bảo quản", "rau cải"]
    assert article.keywords_en == ["Packaging film", "storage", "mustard greens"]
    assert [(b.kind.value, b.text) for b in article.blocks] == [
        ("heading", "1. Giới thiệu"),
        (
            "paragraph",
            "Rau cải là loại rau được trồng phổ biến nhưng nhanh hỏng sau khi thu hoạch.",
        ),
        ("figure", "Hình 1. Rau cải sau bảy ngày bảo quản"),
        (
            "paragraph",
            "Màng bao gói giúp giữ độ ẩm và hạn chế vi sinh vật phát triển trên bề mặt lá.",
        ),
        ("heading", "Tài liệu tham khảo"),
        (
            "reference",
            "[1] Nguyễn Văn An (2019). Bảo quản rau sau thu hoạch. Nxb Nông nghiệp, Hà Nội.",
        ),
        ("reference", "[2] Trần Thị Bình (2020). Màng kháng khuẩn. Tạp chí Hóa học, 5, 1-9."),
    ]


def test_the_date_comes_from_a_dateline_at_the_top_never_from_the_body() -> None:
    cited = SCHOLARLY.replace(
        "nhanh hỏng sau khi thu hoạch.", "nhanh hỏng (Quyết định ngày 22/10/2018)."
    )
    article = convert_text(decode_bytes(cited.encode("utf-8"), "x.txt"), "x.txt")
    assert article.date is None
    dated = cited.replace("\n\nTóm tắt:", "\n\nĐến Tòa soạn ngày 03/04/2022\n\nTóm tắt:", 1)
    article = convert_text(decode_bytes(dated.encode("utf-8"), "x.txt"), "x.txt")
    assert article.date == dt.date(2022, 4, 3)


def test_a_title_in_capitals_glued_to_its_byline_and_text_is_found() -> None:
    text = """\
GIÁO DỤC ĐẠO ĐỨC CHO SINH VIÊN
TRONG THỜI KỲ MỚI
Đại tá, PGS.TS. NGUYỄN VĂN HÙNG
Trường Đại học Chính trị
Giáo dục đạo đức là nhiệm vụ thường xuyên
của nhà trường trong mọi giai đoạn phát triển.
TÀI LIỆU THAM KHẢO
1. Bộ Giáo dục và Đào tạo (2020), Báo cáo tổng kết, Hà Nội.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert article.title == "Giáo dục đạo đức cho sinh viên trong thời kỳ mới"
    assert [(a.name, a.rank, a.degree) for a in article.authors] == [
        ("Nguyễn Văn Hùng", "Đại tá", "PGS.TS.")
    ]
    assert paragraphs(text)[0] == (
        "Giáo dục đạo đức là nhiệm vụ thường xuyên của nhà trường trong mọi giai đoạn phát triển."
    )


def test_a_title_in_sentence_case_glued_to_its_byline_keeps_the_byline_apart() -> None:
    """pdftotext sets a title wrapped over two lines and the byline under it in one block;
    without a wide band the block was all the title ("... Nam Định Đại tá, ThS. nguyễn tiến
    dũng") and the article had no author."""
    text = """\
BẢN TIN KHOA HỌC - SỐ 5/2021

Vai trò của khoa học trong phát triển kinh tế Nam
Định
Đại tá, ThS. NGUYỄN TIẾN DŨNG

Sở Khoa học và Công nghệ tỉnh đã phối hợp với các
huyện triển khai mô hình lúa chất lượng cao. Người
dân được tập huấn kỹ thuật chăm sóc và bón phân.
Năng suất bình quân đạt 65 tạ/ha, cao hơn ruộng
đối chứng khoảng 12%, lợi nhuận tăng rõ rệt.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert article.title == "Vai trò của khoa học trong phát triển kinh tế Nam Định"
    assert [(a.name, a.rank, a.degree) for a in article.authors] == [
        ("Nguyễn Tiến Dũng", "Đại tá", "ThS.")
    ]


def test_a_title_in_capitals_with_a_species_name_in_brackets_keeps_its_lines() -> None:
    """A title in capitals prints a species' Latin name in its own case in brackets ("XÀ
    LÁCH (Lactuca sativa L.)"): that line was no title line, the title was cut there and
    the rest of it, the English title and the byline became headings and paragraphs."""
    text = """\
NGHIÊN CỨU ẢNH HƯỞNG CỦA CHẾ PHẨM SINH HỌC ĐẾN NĂNG SUẤT
CỦA CÂY XÀ LÁCH (Lactuca sativa L.) VÀ CÂY CÀ RỐT (Daucus carota L.)
TRỒNG TẠI HẢI DƯƠNG
STUDY ON EFFECT OF A BIOPRODUCT ON THE PRODUCTIVITY
OF LETTUCE (Lactuca sativa L.) AND CARROT (Daucus carota L.)
Phạm Thị Hải, Nguyễn Quang Thạch
Viện Sinh học nông nghiệp, Học viện Nông nghiệp Việt Nam

Tóm tắt:

Chế phẩm sinh học được thử trên hai loại rau trồng ở Hải Dương trong hai vụ liên tiếp.

Từ khóa:

Chế phẩm sinh học, xà lách, cà rốt.

1. ĐẶT VẤN ĐỀ
Rau xanh là nguồn thực phẩm quan trọng của người dân ở các vùng nông thôn và đô thị.
TÀI LIỆU THAM KHẢO
[1] Nguyễn Văn A (2019), Rau an toàn, NXB Nông nghiệp, Hà Nội.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert article.title.startswith("Nghiên cứu ảnh hưởng của chế phẩm sinh học")
    assert article.title.endswith("(Daucus carota L.) trồng tại Hải Dương")
    assert [a.name for a in article.authors] == ["Phạm Thị Hải", "Nguyễn Quang Thạch"]


def test_a_numbered_heading_in_capitals_before_text_of_another_column_stays_a_heading() -> None:
    """pdftotext reads a section's heading at the top of a column before the end of the
    paragraph the column before left unfinished: the heading was joined to those words ("2.
    TỔNG QUAN NGHIÊN CỨU xem xét các yếu tố ...") or lost among them."""
    text = """\
GIẢNG DẠY KẾ TOÁN QUỐC TẾ TẠI TRƯỜNG ĐẠI HỌC

1. GIỚI THIỆU
Bài viết phân tích thực trạng giảng dạy học phần kế toán quốc tế tại
trường, từ đó đưa ra các giải pháp nâng cao chất lượng giảng dạy và học
tập học phần này trong chuyên ngành kế toán của trường.
2. TỔNG QUAN NGHIÊN CỨU

xem xét các yếu tố để quyết định việc giảng dạy rộng rãi chuẩn mực này
như là một môn học chính cho sinh viên, giảng viên sẽ cần thời gian.
Nhiều nghiên cứu trước đây đã chỉ ra vai trò của chuẩn mực quốc tế trong
đào tạo kế toán ở các trường đại học của nhiều quốc gia trên thế giới.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    headings = [b.text for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["1. Giới thiệu", "2. Tổng quan nghiên cứu"]
    assert not any("NGHIÊN CỨU" in b.text or "nghiên cứu xem" in b.text for b in article.blocks)


def test_pieces_of_a_formula_or_figure_between_blank_lines_are_not_paragraphs() -> None:
    # A formula set in a math font comes out of pdftotext as scattered pieces: variables,
    # indices, bracket parts (private use characters), lone commas. The short words that join
    # the text to its formulas ('và', 'trong đó') stay paragraphs.
    text = """\
ĐỘ VÕNG CỦA DẦM HAI ĐẦU NGÀM

Dầm hai đầu ngàm là kết cấu thường gặp trong các công
trình dân dụng. Khi tải trọng phân bố đều trên toàn bộ
nhịp, độ võng lớn nhất của dầm nằm ở giữa nhịp và được
tính theo công thức

EJ 2

1 1

\uf8ee \uf8ef

,

trong đó

Mx3

q là cường độ tải trọng phân bố trên dầm và l là chiều
dài nhịp của dầm giữa hai ngàm.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert [b.text for b in article.blocks if b.kind is BlockKind.PARAGRAPH] == [
        "Dầm hai đầu ngàm là kết cấu thường gặp trong các công trình dân dụng. Khi tải trọng "
        "phân bố đều trên toàn bộ nhịp, độ võng lớn nhất của dầm nằm ở giữa nhịp và được "
        "tính theo công thức",
        "trong đó",
        "q là cường độ tải trọng phân bố trên dầm và l là chiều dài nhịp của dầm giữa hai ngàm.",
    ]
    equations = [b.text for b in article.blocks if b.kind is BlockKind.EQUATION]
    assert equations == ["EJ 2", "1 1", "\uf8ee \uf8ef", ",", "Mx3"]


def test_a_formula_of_symbol_font_bracket_pieces_is_no_paragraph() -> None:
    """Measured on a real article: a tall bracket drawn in the Symbol font comes out as its
    private-use codes (U+F0E7 for a left bracket's middle piece); once read as the pieces
    they draw, a line of them next to a number is still mathematics, not a paragraph."""
    text = """\
ĐỘ CỨNG CỦA KHUNG HAI NHỊP

Độ cứng tương đối của hai thanh được tính theo các hệ số
đã có ở bảng trên và cho kết quả như sau.

\uf0de \uf044 2P \uf03d \uf02d

1 \uf0e6 0,5831\uf0b42 (3\uf02b1) \uf0f6
3,1257
. \uf0e7\uf0e7
.
\uf0b42 \uf0f7\uf0f7 \uf03d \uf02d
4 EJ
EJ \uf0e8 (3\uf02b1) (3\uf02b 2) \uf0f8

Kết quả này dùng để vẽ biểu đồ mômen của toàn hệ.
"""
    assert paragraphs(text) == [
        "Độ cứng tương đối của hai thanh được tính theo các hệ số đã có ở bảng trên và cho "
        "kết quả như sau.",
        "Kết quả này dùng để vẽ biểu đồ mômen của toàn hệ.",
    ]


def test_a_piece_of_a_formula_on_its_own_line_inside_the_text_is_set_apart() -> None:
    # No blank line around the piece: pdftotext put the formula's letters between two lines
    # of text.
    text = """\
KHÍ THẢI CỦA LÒ ĐỐT RÁC

Lượng khí thải của một lò đốt rác phụ thuộc vào thành
phần của rác và nhiệt độ đốt. Nồng độ bụi trong khí thải
được tính theo công thức
Cb =
trong đó m là khối lượng bụi thu được trên màng lọc và
V là thể tích khí đã hút qua màng trong thời gian đo, kể
cả lượng hơi nước và lượng khí CO2.
Nhiệt độ đốt càng cao thì lượng bụi càng giảm, nhưng
lượng khí NOx lại tăng lên rõ rệt.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert [(b.kind.value, b.text) for b in article.blocks] == [
        (
            "paragraph",
            "Lượng khí thải của một lò đốt rác phụ thuộc vào thành phần của rác và nhiệt độ "
            "đốt. Nồng độ bụi trong khí thải được tính theo công thức",
        ),
        ("equation", "Cb ="),
        (
            "paragraph",
            "trong đó m là khối lượng bụi thu được trên màng lọc và V là thể tích khí đã hút "
            "qua màng trong thời gian đo, kể cả lượng hơi nước và lượng khí CO2.",
        ),
        (
            "paragraph",
            "Nhiệt độ đốt càng cao thì lượng bụi càng giảm, nhưng lượng khí NOx lại tăng lên "
            "rõ rệt.",
        ),
    ]


def test_lines_of_one_token_around_a_formula_do_not_shrink_the_column() -> None:
    # The numbers and letters left of a formula are no lines of the column: the numbered
    # heading after it had room to spare, so it stands alone, not glued to the paragraph.
    text = """\
SÓNG TRONG LỚP PHỦ MỎNG

Xét lớp phủ mỏng có độ dày h gắn chặt với bán không gian đàn hồi
đẳng hướng, mặt trên của lớp phủ tự do đối với ứng suất. Các hằng
số vật liệu của lớp và của bán không gian được cho trước, khi đó ma
trận chuyển của lớp có dạng

2

1

T

0

h

1

2

(11)

3

trong đó T là ma trận chuyển của lớp phủ.
2.2. Phương trình tán sắc của sóng mặt
Phương trình tán sắc nhận được khi thay điều kiện biên hiệu dụng
vào bài toán của bán không gian, sau đó khai triển định thức và
giữ lại các số hạng bậc nhất theo độ dày của lớp phủ.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    flow = [(b.kind.value, b.text) for b in article.blocks if b.kind is not BlockKind.EQUATION]
    assert flow[-3:] == [
        ("paragraph", "trong đó T là ma trận chuyển của lớp phủ."),
        ("heading", "2.2. Phương trình tán sắc của sóng mặt"),
        (
            "paragraph",
            "Phương trình tán sắc nhận được khi thay điều kiện biên hiệu dụng vào bài toán của "
            "bán không gian, sau đó khai triển định thức và giữ lại các số hạng bậc nhất theo "
            "độ dày của lớp phủ.",
        ),
    ]


def test_points_lettered_in_lower_case_each_start_a_paragraph() -> None:
    text = """\
HƯỚNG DẪN SỬ DỤNG PHẦN MỀM TÍNH DẦM

Để vẽ biểu đồ nội lực của dầm bằng phần mềm, người
dùng thực hiện lần lượt các thao tác sau:
a. Mở mục tính dầm trong thực đơn chính.
b. Chọn loại dầm có liên kết tương ứng với đề bài.
c. Nhập chiều dài dầm và vị trí các gối đỡ, kể cả
các gối bị bỏ đi khi chọn hệ cơ bản.
d. Nhận kết quả và lưu hình vẽ.
"""
    assert paragraphs(text) == [
        "Để vẽ biểu đồ nội lực của dầm bằng phần mềm, người dùng thực hiện lần lượt các thao "
        "tác sau:",
        "a. Mở mục tính dầm trong thực đơn chính.",
        "b. Chọn loại dầm có liên kết tương ứng với đề bài.",
        "c. Nhập chiều dài dầm và vị trí các gối đỡ, kể cả các gối bị bỏ đi khi chọn hệ cơ bản.",
        "d. Nhận kết quả và lưu hình vẽ.",
    ]


def test_a_banner_in_capitals_at_the_top_of_a_page_leaves_the_sentence_it_interrupts() -> None:
    # Printed once in the article's pages (not repeated), the section banner opens the page
    # and pdftotext glues it to the rest of the sentence the page break cut.
    text = """\
KIỂM SOÁT CHI TIÊU Ở ĐƠN VỊ DỰ TOÁN

Việc kiểm soát chi tiêu ở các đơn vị dự toán
đã có nhiều chuyển biến, song vẫn còn chậm ở
khâu thanh toán, đối chiếu và
14

\fQUẢN LÝ - KINH TẾ
quyết toán cuối năm. Các đơn vị cần rà soát
quy chế chi tiêu nội bộ và báo cáo định kỳ.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert [b.text for b in article.blocks] == [
        "Việc kiểm soát chi tiêu ở các đơn vị dự toán đã có nhiều chuyển biến, song vẫn còn "
        "chậm ở khâu thanh toán, đối chiếu và quyết toán cuối năm. Các đơn vị cần rà soát "
        "quy chế chi tiêu nội bộ và báo cáo định kỳ.",
    ]
    assert any("QUẢN LÝ - KINH TẾ" in d.message for d in article.decisions)


def test_a_banner_across_the_page_at_its_top_leaves_the_sentence_it_interrupts() -> None:
    # A commemorative banner runs across both columns, longer than any line of the text.
    banner = "KỶ NIỆM 60 NĂM NGÀY THÀNH LẬP NHÀ TRƯỜNG (1965 - 2025) VÀ CHÀO MỪNG NĂM HỌC MỚI"
    text = f"""\
KIỂM SOÁT CHI TIÊU THƯỜNG XUYÊN Ở CÁC ĐƠN VỊ DỰ TOÁN TRONG GIAI ĐOẠN HIỆN NAY

Việc kiểm soát chi tiêu ở các đơn vị dự toán
đã có nhiều chuyển biến, song vẫn còn chậm ở
khâu thanh toán, đối chiếu và
14

\f{banner}
quyết toán cuối năm. Các đơn vị cần rà soát
quy chế chi tiêu nội bộ và báo cáo định kỳ.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert [b.text for b in article.blocks] == [
        "Việc kiểm soát chi tiêu ở các đơn vị dự toán đã có nhiều chuyển biến, song vẫn còn "
        "chậm ở khâu thanh toán, đối chiếu và quyết toán cuối năm. Các đơn vị cần rà soát "
        "quy chế chi tiêu nội bộ và báo cáo định kỳ.",
    ]


def test_a_first_line_short_by_its_indent_opens_a_paragraph_after_a_full_line() -> None:
    # Justified lines of a column set in proportional type (wrapped here at one printed width,
    # the first line of each paragraph 1.5 em shorter): the first paragraph's last line is
    # full, so only the indent of the next line, which pdftotext does not write but which
    # leaves that line short though its sentence goes on, shows the paragraph break.
    text = """\
HẠN HÁN VÀ VỤ LÚA CHIÊM XUÂN

Mùa khô năm nay kéo dài hơn
mọi năm nên nhiều hồ chứa nhỏ ở
vùng đồi đã cạn nước từ rất sớm,
khiến việc tưới cho lúa và hoa màu
gặp không ít khó khăn. Chính
quyền xã đã huy động người dân
nạo vét kênh mương, lắp thêm máy
bơm dã chiến và chia lịch tưới luân
phiên giữa các thôn để mọi thửa
ruộng đều được nhận nước kịp thời.
Nhờ những biện pháp đó, vụ
lúa chiêm xuân vẫn giữ được năng
suất gần bằng năm trước và không
có hộ nào phải bỏ ruộng vì thiếu
nước tưới trong suốt mùa khô vừa
qua.
"""
    found = paragraphs(text)
    assert len(found) == 2
    assert found[0].endswith("để mọi thửa ruộng đều được nhận nước kịp thời.")
    assert found[1].startswith("Nhờ những biện pháp đó, vụ lúa chiêm xuân")


def test_a_full_first_line_after_a_full_line_goes_on_with_the_paragraph() -> None:
    # The same column without an indent: the sentence after the full line goes on in the
    # same paragraph.
    text = """\
HẠN HÁN VÀ VỤ LÚA CHIÊM XUÂN

Mùa khô năm nay kéo dài hơn
mọi năm nên nhiều hồ chứa nhỏ ở
vùng đồi đã cạn nước từ rất sớm,
khiến việc tưới cho lúa và hoa màu
gặp không ít khó khăn. Chính
quyền xã đã huy động người dân
nạo vét kênh mương, lắp thêm máy
bơm dã chiến và chia lịch tưới luân
phiên giữa các thôn để mọi thửa
ruộng đều được nhận nước kịp thời.
Nhờ những biện pháp đó, vụ lúa
chiêm xuân vẫn giữ được năng suất
gần bằng năm trước và không có
hộ nào phải bỏ ruộng vì thiếu nước
tưới trong suốt mùa khô vừa qua.
"""
    assert len(paragraphs(text)) == 1


def test_a_folio_between_dashes_is_a_page_number_and_the_references_stay_references() -> None:
    # '-2-' is the page's number; the references' heading printed under it is no section
    # name of the running heads, though the sentence before the folio goes on elsewhere.
    text = """\
RÈN LUYỆN TÁC PHONG LÀM VIỆC KHOA HỌC

Trong công việc hằng ngày, mỗi cán bộ cần sắp xếp
thời gian hợp lý, làm việc có kế hoạch và luôn tự
kiểm tra kết quả của mình để kịp thời điều chỉnh
những việc làm chưa đạt, nhất là khi
-2-

TÀI LIỆU THAM KHẢO

1. Nguyễn Văn An, Phương pháp làm việc khoa học của người
cán bộ, NXB Lao động, Hà Nội, 2001.
2. Trần Thị Bình, Kỹ năng quản lý thời gian, NXB Trẻ, 2003.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    kinds = [b.kind for b in article.blocks]
    assert kinds.count(BlockKind.REFERENCE) == 2
    assert not any("-2-" in b.text for b in article.blocks)
    assert article.pages[-1:] == [2]


def test_enumerated_points_ending_with_a_semicolon_each_start_a_paragraph() -> None:
    text = """\
NHỮNG ĐIỂM MỚI CỦA QUY ĐỊNH VỀ TÍN DỤNG XANH

Quy định mới về tín dụng xanh có năm nội dung chính.
Thứ nhất, phạm vi điều chỉnh và đối tượng áp dụng của
quy định đối với các tổ chức tín dụng;
Thứ hai, nguyên tắc và quy trình quản lý rủi ro môi
trường của khoản cấp tín dụng;
Thứ ba, thời hạn hiệu lực của quy định.
"""
    assert paragraphs(text) == [
        "Quy định mới về tín dụng xanh có năm nội dung chính.",
        "Thứ nhất, phạm vi điều chỉnh và đối tượng áp dụng của quy định đối với các tổ chức "
        "tín dụng;",
        "Thứ hai, nguyên tắc và quy trình quản lý rủi ro môi trường của khoản cấp tín dụng;",
        "Thứ ba, thời hạn hiệu lực của quy định.",
    ]


def test_a_heading_in_capitals_after_a_full_line_stands_apart_from_the_text() -> None:
    text = """\
SÓNG MẶT TRONG MÔI TRƯỜNG PHÂN LỚP

Chương này đã trình bày tổng quan về các phương pháp đo
đạc và các bài toán truyền sóng trong một số mô hình.
CHƯƠNG 2. CÔNG THỨC TỶ SỐ CỦA SÓNG MẶT
TRONG BÁN KHÔNG GIAN CÓ LỚP PHỦ
Xét bán không gian được phủ một lớp mỏng có độ dày h, mặt
trên của lớp tự do đối với ứng suất.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    blocks = [
        (b.kind.value, b.text if b.kind.value != "heading" else b.text.casefold())
        for b in article.blocks
    ]
    assert blocks == [
        (
            "paragraph",
            "Chương này đã trình bày tổng quan về các phương pháp đo đạc và các bài toán "
            "truyền sóng trong một số mô hình.",
        ),
        ("heading", "chương 2. công thức tỷ số của sóng mặt trong bán không gian có lớp phủ"),
        (
            "paragraph",
            "Xét bán không gian được phủ một lớp mỏng có độ dày h, mặt trên của lớp tự do "
            "đối với ứng suất.",
        ),
    ]


def test_lettered_points_in_blocks_of_their_own_are_not_joined() -> None:
    # pdftotext set a blank line between the points (each a block of its own).
    text = """\
HƯỚNG DẪN NHẬP TẢI TRỌNG CHO DẦM

Sau khi chọn dầm, người dùng nhập tải trọng như sau:

a. Đặt chiều dài dầm và vị trí các gối đỡ.

b. Đặt tải trọng phân bố với điểm bắt đầu và kết thúc.

c. Nhận kết quả và lưu hình vẽ.
"""
    assert paragraphs(text) == [
        "Sau khi chọn dầm, người dùng nhập tải trọng như sau:",
        "a. Đặt chiều dài dầm và vị trí các gối đỡ.",
        "b. Đặt tải trọng phân bố với điểm bắt đầu và kết thúc.",
        "c. Nhận kết quả và lưu hình vẽ.",
    ]


def test_a_numbered_point_followed_by_the_next_point_is_no_heading() -> None:
    text = """\
CÁC BƯỚC GIẢI DẦM SIÊU TĨNH

Lời giải được thực hiện qua các bước sau:
1. Hệ có bậc siêu tĩnh bằng 1
2. Chọn hệ cơ bản, đặt phản lực liên kết vào gối
đỡ đơn bị bỏ đi.
3. Lập phương trình chính tắc và giải tìm phản lực.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert [(b.kind.value, b.text) for b in article.blocks] == [
        ("paragraph", "Lời giải được thực hiện qua các bước sau:"),
        ("paragraph", "1. Hệ có bậc siêu tĩnh bằng 1"),
        ("paragraph", "2. Chọn hệ cơ bản, đặt phản lực liên kết vào gối đỡ đơn bị bỏ đi."),
        ("paragraph", "3. Lập phương trình chính tắc và giải tìm phản lực."),
    ]


def test_the_cells_of_a_table_are_no_paragraphs() -> None:
    # pdftotext writes each cell of a ruled table as a block of its own.
    text = """\
MÔ PHỎNG QUÁ TRÌNH DẬP VUỐT CHI TIẾT

Dập vuốt bằng chất lỏng cao áp cho phép tạo hình những chi
tiết rỗng có thành mỏng, hình dạng phức tạp mà các phương
pháp dập thông thường khó thực hiện được, nhất là với các
vật liệu có tính biến dạng kém như hợp kim nhôm cứng.
Vật liệu của chày, cối và phôi được chọn theo tiêu chuẩn
hiện hành, với các thông số cơ học cho trong bảng dưới đây
và được nhập vào phần mềm trước khi chia lưới phần tử.

Thông số

Thép

Nhôm

Khối lượng riêng
(kg/m3)

7850

2700

Mô đun đàn hồi
(MPa)

Mô hình hình học của dụng cụ và phôi được xây dựng dựa
trên yêu cầu về hình dạng và kích thước của sản phẩm, có
tính đến khe hở giữa chày và cối cũng như bán kính lượn
ở miệng cối để bảo đảm phôi không bị rách khi dập vuốt.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert [b.text for b in article.blocks if b.kind is BlockKind.PARAGRAPH][-1:] == [
        "Mô hình hình học của dụng cụ và phôi được xây dựng dựa trên yêu cầu về hình dạng "
        "và kích thước của sản phẩm, có tính đến khe hở giữa chày và cối cũng như bán kính "
        "lượn ở miệng cối để bảo đảm phôi không bị rách khi dập vuốt.",
    ]
    tables = [b.text for b in article.blocks if b.kind is BlockKind.TABLE]
    assert tables == [
        "Thông số\nThép\nNhôm\nKhối lượng riêng\n(kg/m3)\n7850\n2700\nMô đun đàn hồi\n(MPa)"
    ]


def test_a_line_of_text_with_formulas_in_it_stays_in_its_paragraph() -> None:
    # Many symbols, yet the line goes on with the sentence in words: inline mathematics.
    text = """\
TỶ SỐ H/V CỦA LỚP PHỦ MỎNG

Xét lớp phủ có độ dày h nằm trên bán không gian đàn hồi
đẳng hướng, với các tham số vật liệu cho như sau
α = 2, γ = 0.0782, δ = 0.5
và tỷ số giữa khối lượng riêng của lớp và của bán
không gian là rd = ρ̄/ρ = 0.7391 và rs = c2/c = 0.2473.
Khi đó đường cong tán sắc có dạng như trên hình vẽ.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert [(b.kind.value, b.text) for b in article.blocks][-2:] == [
        ("equation", "α = 2, γ = 0.0782, δ = 0.5"),
        (
            "paragraph",
            "và tỷ số giữa khối lượng riêng của lớp và của bán không gian là rd = ρ̄/ρ = 0.7391 "
            "và rs = c2/c = 0.2473. Khi đó đường cong tán sắc có dạng như trên hình vẽ.",
        ),
    ]


def test_a_section_number_heading_after_short_lines_of_a_formula_stands_alone() -> None:
    # Around the heading, the column holds more short lines (a formula's digits, lines that
    # introduce a formula) than full ones: measured on them, the heading would look full.
    text = """\
SÓNG TRONG LỚP PHỦ NHIỀU TẦNG

Tần số tới hạn của mode cơ bản được xác định khi vận tốc
tiến ra vô cùng, khi đó phương trình tán sắc có dạng

2 1

1 3

với các hệ số

2 2

1 4

và nghiệm nhỏ nhất là tần số tới hạn của mode đối xứng.
3.2.2. Mô hình lớp phủ gồm nhiều tầng
Phương trình xác định tần số tới hạn của mô hình nhiều tầng
có dạng tương tự, với ma trận chuyển là tích các ma trận
của từng tầng theo thứ tự từ dưới lên trên.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    flow = [(b.kind.value, b.text) for b in article.blocks if b.kind is not BlockKind.EQUATION]
    assert flow[-2:] == [
        ("heading", "3.2.2. Mô hình lớp phủ gồm nhiều tầng"),
        (
            "paragraph",
            "Phương trình xác định tần số tới hạn của mô hình nhiều tầng có dạng tương tự, "
            "với ma trận chuyển là tích các ma trận của từng tầng theo thứ tự từ dưới lên trên.",
        ),
    ]


def test_a_dateline_glued_to_the_lines_above_is_no_paragraph_and_gives_the_date() -> None:
    dated = SCHOLARLY.replace(
        "\n\nTóm tắt:",
        "\nĐến Tòa soạn ngày 03/04/2022, chấp nhận đăng ngày 05/06/2022\n\nTóm tắt:",
        1,
    )
    assert dated != SCHOLARLY
    article = convert_text(decode_bytes(dated.encode("utf-8"), "x.txt"), "x.txt")
    assert article.date == dt.date(2022, 4, 3)
    assert not any("Tòa soạn" in b.text for b in article.blocks)


def test_a_line_of_a_heading_in_capitals_printed_again_in_another_heading_stays_in_it() -> None:
    # Two headings in capitals share their middle line, so it is printed on two pages: it is
    # no running head when capitals lines hold it on both sides.
    text = """\
CHO VAY XANH TẠI VIỆT NAM

Các ngân hàng thương mại đã bước đầu triển khai cho vay
xanh, nhưng quy mô còn nhỏ so với tổng dư nợ của cả hệ
thống và chưa đồng đều giữa các khu vực trong cả nước.
1. THỰC TRẠNG PHÁT TRIỂN
TÍN DỤNG XANH Ở CÁC NGÂN HÀNG
GIAI ĐOẠN GẦN ĐÂY
Dư nợ tín dụng xanh tăng đều qua các năm, chủ yếu ở
lĩnh vực nông nghiệp và năng lượng tái tạo.
\f
2. GIẢI PHÁP PHÁT TRIỂN
TÍN DỤNG XANH Ở CÁC NGÂN HÀNG
THEO HƯỚNG BỀN VỮNG
Cần hoàn thiện khung pháp lý và đào tạo đội ngũ cán bộ
thẩm định các dự án xanh.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    texts = [b.text.casefold() for b in article.blocks]
    assert any(
        "1. thực trạng phát triển tín dụng xanh ở các ngân hàng giai đoạn gần đây" in t
        for t in texts
    )
    assert any(
        "2. giải pháp phát triển tín dụng xanh ở các ngân hàng theo hướng bền vững" in t
        for t in texts
    )
    assert not any("running head" in d.message for d in article.decisions)


def test_a_thesis_list_of_the_authors_publications_is_a_list_of_references() -> None:
    text = """\
SÓNG MẶT TRONG MÔI TRƯỜNG PHÂN LỚP

Luận án đã thiết lập công thức xấp xỉ của tần số cộng
hưởng cho mô hình nhiều lớp và kiểm tra bằng ví dụ số.

DANH MỤC CÔNG TRÌNH KHOA HỌC ĐÃ CÔNG BỐ
1. Nguyễn Văn An, Trần Thị Bình (2019). Công thức xấp xỉ cho
tần số cộng hưởng của lớp phủ mỏng, Tạp chí Cơ học, 41, 1-12.
2. Nguyễn Văn An (2020). Sóng mặt trong lớp composite, Tạp chí
Khoa học, 36, 20-31.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert [b.kind for b in article.blocks].count(BlockKind.REFERENCE) == 2


def test_a_byline_set_beside_the_text_and_printed_inside_a_sentence_is_the_byline() -> None:
    # pdftotext read the byline, set in the column beside the text, between the two halves
    # of a sentence; the affiliation under the names comes with it.
    text = """\
KHOA KINH TẾ 50 NĂM XÂY DỰNG VÀ PHÁT TRIỂN

Ngày 12/3/1975, Khoa Kinh tế được thành lập trên cơ sở
bộ môn Kinh tế của Trường, với nhiệm vụ đào tạo cán bộ
quản lý kinh tế cho các đơn vị. Từ đó đến nay, Khoa đã
được đổi tên nhiều lần: Bộ môn Kinh tế (1975 -

Thượng tá, TS. LÊ VĂN MINH
Chủ nhiệm Khoa Kinh tế, Học viện Hậu cần
1980); Khoa Kinh tế (1980 - 1996). Năm 1996, Khoa được
giao thêm nhiệm vụ đào tạo sau đại học cho các ngành
kinh tế của Học viện và các đơn vị trong toàn quân.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert [(a.name, a.rank, a.degree) for a in article.authors] == [
        ("Lê Văn Minh", "Thượng tá", "TS.")
    ]
    paragraphs_ = [b.text for b in article.blocks if b.kind is BlockKind.PARAGRAPH]
    assert any("(1975 - 1980); Khoa Kinh tế (1980 - 1996)." in p for p in paragraphs_)
    assert not any("LÊ VĂN MINH" in p for p in paragraphs_)


def test_an_english_title_in_capitals_takes_the_names_of_the_vietnamese_title() -> None:
    """Measured on real articles: "...OF VIETNAM BANK ... TAY DO BRANCH" became "...of vietnam
    bank ... tay do branch"; the Vietnamese title writes "Việt Nam" and "Tây Đô"."""
    text = SCHOLARLY.replace(
        "ỨNG DỤNG MÀNG BAO GÓI TRONG BẢO QUẢN RAU\n",
        "ỨNG DỤNG MÀNG BAO GÓI TRONG BẢO QUẢN RAU Ở VIỆT NAM VÀ TÂY ĐÔ\n"
        "APPLYING PACKAGING FILM TO STORE VEGETABLES IN VIETNAM AND TAY DO\n",
    ).replace("Bài báo trình bày", "Ở Việt Nam và Tây Đô, bài báo trình bày")
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert article.title == "Ứng dụng màng bao gói trong bảo quản rau ở Việt Nam và Tây Đô"
    assert article.title_en == "Applying packaging film to store vegetables in Vietnam and Tay Do"


# A page as pdftotext sometimes reads two columns: the top block of the second column (it goes
# on with a sentence in lower case) comes out right after the first column's first paragraph,
# long before the foot of the first column, where that sentence broke off.
COLUMN_TOP_TOO_EARLY = """\
PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG Ở MIỀN NÚI

Du lịch cộng đồng mang lại thu nhập
ổn định cho nhiều hộ gia đình ở các bản
vùng cao trong những năm gần đây.

cùng bà con giữ gìn nếp nhà sàn và các
lễ hội truyền thống của bản.

Các hộ làm du lịch đã được tập huấn
về nấu ăn, đón khách và giới thiệu văn
hóa của dân tộc mình. Chính quyền xã
cũng hỗ trợ vốn để sửa chữa nhà ở và
giao cho tổ tự quản của thôn việc vận động
17
\f
Mỗi năm, số khách đến các bản tăng
dần, nhất là vào mùa lúa chín.
"""


def test_a_column_top_printed_too_early_goes_on_with_the_sentence_it_finishes() -> None:
    assert paragraphs(COLUMN_TOP_TOO_EARLY) == [
        "Du lịch cộng đồng mang lại thu nhập ổn định cho nhiều hộ gia đình ở các bản vùng "
        "cao trong những năm gần đây.",
        "Các hộ làm du lịch đã được tập huấn về nấu ăn, đón khách và giới thiệu văn hóa của "
        "dân tộc mình. Chính quyền xã cũng hỗ trợ vốn để sửa chữa nhà ở và giao cho tổ tự "
        "quản của thôn việc vận động cùng bà con giữ gìn nếp nhà sàn và các lễ hội truyền "
        "thống của bản.",
        "Mỗi năm, số khách đến các bản tăng dần, nhất là vào mùa lúa chín.",
    ]


def test_a_column_top_stays_where_no_column_foot_breaks_off_on_a_full_line() -> None:
    # The only block left unfinished is one short line (a run-in heading): no column's foot.
    text = COLUMN_TOP_TOO_EARLY.replace(
        "cũng hỗ trợ vốn để sửa chữa nhà ở và\ngiao cho tổ tự quản của thôn việc vận động\n",
        "cũng hỗ trợ vốn để sửa chữa nhà ở.\n\nHỗ trợ của xã cho\n",
    )
    found = paragraphs(text)
    assert found[0].endswith(
        "gần đây. cùng bà con giữ gìn nếp nhà sàn và các lễ hội truyền thống của bản."
    )


def test_a_column_top_printed_after_a_list_item_goes_on_with_its_sentence() -> None:
    text = COLUMN_TOP_TOO_EARLY.replace(
        "cao trong những năm gần đây.\n",
        "cao trong những năm gần đây, nhờ:\n• đường vào bản được làm mới;\n"
        "• điện lưới về đến từng nhà;\n",
    ).replace("truyền thống của bản.\n", "truyền thống của bản.\n\n• nước sạch đã về bản.\n")
    assert paragraphs(text) == [
        "Du lịch cộng đồng mang lại thu nhập ổn định cho nhiều hộ gia đình ở các bản vùng "
        "cao trong những năm gần đây, nhờ:",
        "đường vào bản được làm mới;",
        "điện lưới về đến từng nhà;",
        "nước sạch đã về bản.",
        "Các hộ làm du lịch đã được tập huấn về nấu ăn, đón khách và giới thiệu văn hóa của "
        "dân tộc mình. Chính quyền xã cũng hỗ trợ vốn để sửa chữa nhà ở và giao cho tổ tự "
        "quản của thôn việc vận động cùng bà con giữ gìn nếp nhà sàn và các lễ hội truyền "
        "thống của bản.",
        "Mỗi năm, số khách đến các bản tăng dần, nhất là vào mùa lúa chín.",
    ]


def test_a_column_top_goes_on_with_a_sentence_broken_off_above_a_table() -> None:
    # The cells of a table printed after the column's foot are set apart from the text: the
    # sentence broken off above them is still the one the column top finishes.
    text = COLUMN_TOP_TOO_EARLY.replace(
        "việc vận động\n17\n",
        "việc vận động\n\nChỉ tiêu\n\nSố hộ\nlàm du lịch\n\n2020\n\n2021\n\n"
        "Thu nhập\nbình quân\n\n12\n\n18\n\n17\n",
    )
    assert paragraphs(text) == paragraphs(COLUMN_TOP_TOO_EARLY)


def test_a_column_top_printed_after_a_caption_goes_on_with_its_sentence() -> None:
    text = COLUMN_TOP_TOO_EARLY.replace(
        "gần đây.\n\n", "gần đây.\n\nHình 1. Một góc bản du lịch cộng đồng\n\n"
    )
    assert paragraphs(text) == paragraphs(COLUMN_TOP_TOO_EARLY)


def test_an_english_title_in_capitals_printed_before_the_vietnamese_one_is_title_en() -> None:
    text = """\
TEACHING READING SKILLS TO FIRST-YEAR STUDENTS
OF ACCOUNTING AT A TECHNICAL COLLEGE
(ATC)
DẠY KỸ NĂNG ĐỌC CHO SINH VIÊN NĂM THỨ NHẤT
NGÀNH KẾ TOÁN TẠI MỘT TRƯỜNG CAO ĐẲNG KỸ THUẬT
Trần Thị Hoa
Khoa Ngoại ngữ, Trường Cao đẳng Kỹ thuật
Đến Tòa soạn ngày 02/03/2021, chấp nhận đăng ngày 20/04/2021

Tóm tắt:

Bài viết trình bày một cách dạy kỹ năng đọc cho sinh viên năm thứ nhất.

1. MỞ ĐẦU

Kỹ năng đọc giúp sinh viên tiếp cận tài liệu chuyên ngành bằng tiếng Anh
trong suốt quá trình học tập tại trường.

TÀI LIỆU THAM KHẢO
1. Nguyễn Văn An (2019), Phương pháp dạy đọc, Nxb Giáo dục, Hà Nội.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert article.title == (
        "Dạy kỹ năng đọc cho sinh viên năm thứ nhất ngành kế toán tại một trường cao đẳng kỹ thuật"
    )
    assert article.title_en.startswith("Teaching reading skills")
    assert article.title_en.endswith("technical college (ATC)")
    assert [a.name for a in article.authors] == ["Trần Thị Hoa"]
    assert paragraphs(text)[0].startswith("Kỹ năng đọc giúp sinh viên")


def test_a_legacy_font_line_whose_bytes_all_look_like_unicode_is_decoded() -> None:
    # A heading set in a TCVN3 font inside Unicode text: each of its bytes ('©', '×', '«',
    # 'ª', 'È') is also a character Unicode text may hold, but its words are Vietnamese only
    # once decoded; '10 µm × 20 µm' in the text is no such line and stays as it is.
    text = (
        "KẾT QUẢ ĐO ĐẠC\n\nx©y dùng m« h×nh tiªu chuÈn cho ngµnh\n\n"
        "Mẫu có kích thước 10 µm × 20 µm, đo ở nhiệt độ 25 °C.\n"
    )
    decoded = decode_bytes(text.encode("utf-8"), "x.txt")
    assert "xây dựng mô hình tiêu chuẩn cho ngành" in decoded
    assert "10 µm × 20 µm, đo ở nhiệt độ 25 °C." in decoded


def test_a_title_set_in_a_capitals_font_that_came_out_in_lower_case_is_the_title() -> None:
    # A legacy capitals font draws capitals from lower-case codes: pdftotext gives the title
    # (and the English title, in small capitals) in lower case, right above the byline.
    text = """\
nghiên cứu quy trình sấy lạnh
cho rau gia vị xuất khẩu
study of a cold drying process
for exported herbs
Lê Văn Minh
Khoa Cơ khí, Trường Đại học Kỹ thuật
Đến Tòa soạn ngày 10/3/2016, chấp nhận đăng ngày 20/4/2016

Tóm tắt:

Bài báo trình bày quy trình sấy lạnh cho rau gia vị.

1. MỞ ĐẦU

Sấy lạnh giữ được màu và mùi của rau gia vị tốt hơn sấy nóng
trong cùng một thời gian sấy.

TÀI LIỆU THAM KHẢO
1. Trần Văn Bình (2015), Kỹ thuật sấy, Nxb Khoa học, Hà Nội.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert article.title == "Nghiên cứu quy trình sấy lạnh cho rau gia vị xuất khẩu"
    assert article.title_en == "Study of a cold drying process for exported herbs"
    assert [a.name for a in article.authors] == ["Lê Văn Minh"]
    assert paragraphs(text)[0].startswith("Sấy lạnh giữ được màu")


def test_a_title_in_capitals_with_a_formula_gets_sentence_case_and_keeps_the_formula() -> None:
    text = """\
TỔNG HỢP VẬT LIỆU ZnO/Ag BẰNG PHƯƠNG PHÁP
SOL-GEL ĐỂ XỬ LÝ NƯỚC THẢI
Phạm Văn Khánh
Khoa Hóa học, Trường Đại học Kỹ thuật

Tóm tắt:

Bài báo trình bày cách tổng hợp vật liệu ZnO/Ag bằng phương pháp sol-gel.

1. MỞ ĐẦU

Vật liệu ZnO/Ag được dùng để xử lý nước thải nhờ hoạt tính quang xúc tác cao
trong vùng ánh sáng khả kiến.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert article.title == "Tổng hợp vật liệu ZnO/Ag bằng phương pháp sol-gel để xử lý nước thải"
    assert [a.name for a in article.authors] == ["Phạm Văn Khánh"]


def test_footnote_marks_listing_two_affiliations_after_a_name_are_no_author() -> None:
    text = """\
NGHIÊN CỨU VẬT LIỆU HẤP PHỤ TỪ VỎ TRẤU
Lê Thị Mai1,2, Trần Văn Nam1, Phạm Thu Hà2,3*
1
Trường Đại học Kỹ thuật
2
Viện Hóa học

Tóm tắt:

Bài báo trình bày vật liệu hấp phụ chế tạo từ vỏ trấu.

1. MỞ ĐẦU

Vỏ trấu là phụ phẩm nông nghiệp có sẵn ở nhiều vùng nông thôn và có giá thành rẻ.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert [a.name for a in article.authors] == ["Lê Thị Mai", "Trần Văn Nam", "Phạm Thu Hà"]


def test_a_title_line_a_legacy_capitals_font_gave_in_lower_case_stays_in_the_title() -> None:
    text = """\
PHÁT TRIỂN NGUỒN NHÂN LỰC
cho ngành du lịch ở các tỉnh miền núi
DEVELOPING HUMAN RESOURCES FOR TOURISM IN MOUNTAIN PROVINCES
Lê Văn Hòa
Khoa Du lịch, Trường Đại học Kinh tế

Tóm tắt:

Bài báo đề xuất giải pháp phát triển nguồn nhân lực du lịch.

1. MỞ ĐẦU

Du lịch miền núi cần người lao động hiểu văn hóa địa phương và biết ngoại ngữ.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert article.title == "Phát triển nguồn nhân lực cho ngành du lịch ở các tỉnh miền núi"
    assert article.title_en == "Developing human resources for tourism in mountain provinces"
    assert [a.name for a in article.authors] == ["Lê Văn Hòa"]


def test_a_long_title_in_capitals_over_a_long_english_one_keeps_its_byline() -> None:
    text = """\
NGHIÊN CỨU ẢNH HƯỞNG CỦA PHÂN BÓN HỮU CƠ
ĐẾN SINH TRƯỞNG VÀ NĂNG SUẤT CỦA CÂY CẢI
VÀ CÂY XÀ LÁCH TRỒNG TRONG NHÀ LƯỚI
TẠI VÙNG VEN ĐÔ
A STUDY ON THE EFFECT OF ORGANIC FERTILIZER
ON THE GROWTH AND YIELD OF MUSTARD GREENS
AND LETTUCE GROWN IN NET HOUSES
IN PERI-URBAN AREAS
OF A NORTHERN PROVINCE
Hoàng Thị Lan
Khoa Nông học, Trường Đại học Nông nghiệp

Tóm tắt:

Bài báo đánh giá ảnh hưởng của phân bón hữu cơ đến cây rau.

1. MỞ ĐẦU

Phân bón hữu cơ giúp cải tạo đất và giảm lượng phân hóa học cần dùng cho cây rau.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert article.title.startswith("Nghiên cứu ảnh hưởng của phân bón hữu cơ")
    assert article.title_en.endswith("of a northern province")
    assert [a.name for a in article.authors] == ["Hoàng Thị Lan"]


def test_a_sentence_leading_into_a_display_formula_is_no_heading() -> None:
    # Mathematical writing ends the sentence that introduces a formula without punctuation
    # ('... trở thành', '... như sau'); set on its own line right above the formula it looks
    # like a heading, but a heading of this length never runs straight into a formula.
    text = """\
DAO ĐỘNG CỦA TẤM MỎNG TRÊN NỀN ĐÀN HỒI

Xét một tấm mỏng hình chữ nhật đặt trên nền đàn hồi, biên của tấm được
ngàm chặt theo cả bốn cạnh. Bỏ qua lực cản của môi trường xung quanh
tấm và khối lượng của nền, chỉ giữ lại độ cứng của nền.
3.1. Tần số riêng của tấm
Khi độ cứng của nền tiến tới không, phương trình (12) trở thành
D ∆2 w = ρ h ω2 w

(13)

do lực đàn hồi của nền không còn tác dụng lên mặt dưới của tấm, nên
tấm dao động như một tấm tự do đặt trên các gối cứng.
Các công thức gần đúng
Ω2 = λ4 + κ
Tần số riêng nhỏ nhất của tấm nhận được khi lấy số bán sóng theo mỗi
cạnh bằng một, với sai số nhỏ hơn một phần trăm so với lời giải đúng.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    flow = [(b.kind.value, b.text) for b in article.blocks if b.kind is not BlockKind.EQUATION]
    assert flow[1:] == [
        ("heading", "3.1. Tần số riêng của tấm"),
        ("paragraph", "Khi độ cứng của nền tiến tới không, phương trình (12) trở thành"),
        (
            "paragraph",
            "do lực đàn hồi của nền không còn tác dụng lên mặt dưới của tấm, nên tấm dao động "
            "như một tấm tự do đặt trên các gối cứng.",
        ),
        ("heading", "Các công thức gần đúng"),
        (
            "paragraph",
            "Tần số riêng nhỏ nhất của tấm nhận được khi lấy số bán sóng theo mỗi cạnh bằng "
            "một, với sai số nhỏ hơn một phần trăm so với lời giải đúng.",
        ),
    ]


def test_a_fraction_of_named_quantities_around_its_formula_stays_out_of_the_text() -> None:
    # pdftotext prints a fraction's numerator above the formula and its denominator below
    # it, each alone on its line; names in capitals ('ZN', 'ZL') are no words of the text.
    text = """\
HỆ SỐ TRUYỀN QUA CỦA LỚP ĐỆM

Xét sóng âm truyền vuông góc qua một lớp đệm mỏng đặt giữa hai môi trường
có trở kháng khác nhau. Hệ số truyền qua của năng lượng tại mặt phân cách
được tính bằng tỷ số
ZN
K=
(3)
ZL
trong đó ZN và ZL là trở kháng của môi trường ngoài và của lớp đệm, với
Z = ρc là tích của khối lượng riêng và vận tốc truyền âm.
"""
    assert paragraphs(text) == [
        "Xét sóng âm truyền vuông góc qua một lớp đệm mỏng đặt giữa hai môi trường có trở "
        "kháng khác nhau. Hệ số truyền qua của năng lượng tại mặt phân cách được tính bằng "
        "tỷ số",
        "trong đó ZN và ZL là trở kháng của môi trường ngoài và của lớp đệm, với Z = ρc là "
        "tích của khối lượng riêng và vận tốc truyền âm.",
    ]


def test_a_big_bracket_printed_as_ascii_marks_is_part_of_its_formula() -> None:
    # A math font draws the pieces of a tall bracket with glyphs that pdftotext names '#'
    # and '"': alone on their lines they belong to the formula, not to the sentence above.
    text = """\
ĐỘ CỨNG HIỆU DỤNG CỦA VẬT LIỆU NHIỀU LỚP

Xét vật liệu gồm hai lớp gắn chặt với nhau, mỗi lớp có môđun đàn hồi và
độ dày riêng. Khi đó độ cứng hiệu dụng của vật liệu được tính như sau
#
"
E h = E1 h1 + E2 h2
trong đó h là tổng độ dày của hai lớp và các chỉ số chỉ số thứ tự lớp.
"""
    assert paragraphs(text) == [
        "Xét vật liệu gồm hai lớp gắn chặt với nhau, mỗi lớp có môđun đàn hồi và độ dày "
        "riêng. Khi đó độ cứng hiệu dụng của vật liệu được tính như sau",
        "trong đó h là tổng độ dày của hai lớp và các chỉ số chỉ số thứ tự lớp.",
    ]


def test_a_short_list_item_without_a_full_stop_is_no_heading() -> None:
    # A bullet opens a list item, even a short one set alone on its line before a sentence.
    text = """\
ĐIỀU KIỆN BIÊN CỦA BÀI TOÁN DẬP TẤM MỎNG

Mô hình tính toán được xây dựng với các điều kiện biên
sau đây, lấy theo thông số của máy ép thủy lực dùng
trong thí nghiệm ở phòng thí nghiệm của khoa.
\uf0b7 Lực chặn phôi
Lực chặn phôi được chọn đủ lớn để phôi không bị nhăn
ở vùng vành, nhưng không quá lớn để phôi không bị
rách ở thành chi tiết.
\uf0b7 Tốc độ của chày
Chày đi xuống với tốc độ không đổi trong suốt hành
trình dập, đến khi phôi được ép sát vào lòng cối.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert [(b.kind.value, b.text) for b in article.blocks][1:] == [
        ("item", "Lực chặn phôi"),
        (
            "paragraph",
            "Lực chặn phôi được chọn đủ lớn để phôi không bị nhăn ở vùng vành, nhưng không "
            "quá lớn để phôi không bị rách ở thành chi tiết.",
        ),
        ("item", "Tốc độ của chày"),
        (
            "paragraph",
            "Chày đi xuống với tốc độ không đổi trong suốt hành trình dập, đến khi phôi được ép "
            "sát vào lòng cối.",
        ),
    ]


def test_list_items_without_final_punctuation_stay_apart() -> None:
    # pdftotext sets each item in a block of its own; no item ends a sentence.
    text = """\
THIẾT BỊ CỦA HỆ THỐNG ĐO BIÊN DẠNG BẰNG ÁNH SÁNG

Hệ thống đo được lắp đặt trong phòng thí nghiệm gồm các thiết bị
chính sau đây, đặt trên một giá đỡ cố định bằng thép không gỉ:

\uf0b7 Bàn hiệu chuẩn hình bàn cờ

\uf0b7 Nguồn sáng dạng vạch

\uf0b7 Hai máy ảnh đặt lệch nhau một góc nhỏ

Các thiết bị được nối với máy tính để thu và xử lý ảnh theo thời gian
thực, với tốc độ đủ lớn cho các vật thể chuyển động chậm.
"""
    assert paragraphs(text)[1:4] == [
        "Bàn hiệu chuẩn hình bàn cờ",
        "Nguồn sáng dạng vạch",
        "Hai máy ảnh đặt lệch nhau một góc nhỏ",
    ]


def test_a_list_item_broken_off_at_a_page_foot_goes_on_with_a_code_in_capitals() -> None:
    text = """\
VẬT LIỆU VÀ PHƯƠNG PHÁP NGHIÊN CỨU

Các vật liệu dùng trong nghiên cứu được mua từ các nhà cung cấp trong
nước, bảo quản ở nhiệt độ phòng trước khi dùng cho các thí nghiệm:
\uf0b7 Màng bao gói có độ dày từ 0,02 đến 0,05 mm, do công ty cung cấp.
\uf0b7 Chủng vi khuẩn dùng để kiểm tra khả năng kháng khuẩn của màng là

12
\f
ATCC 25922, được giữ giống tại phòng thí nghiệm vi sinh của khoa.
"""
    assert paragraphs(text)[-1] == (
        "Chủng vi khuẩn dùng để kiểm tra khả năng kháng khuẩn của màng là ATCC 25922, được "
        "giữ giống tại phòng thí nghiệm vi sinh của khoa."
    )


def test_numbered_steps_in_blocks_of_their_own_start_paragraphs_without_a_full_stop() -> None:
    # Steps of a procedure often end without punctuation; pdftotext sets each in a block.
    text = """\
VẼ BIỂU ĐỒ NỘI LỰC BẰNG PHẦN MỀM

Phần mềm cho phép vẽ biểu đồ nội lực của dầm tĩnh định chỉ sau vài
thao tác đơn giản trên màn hình, theo các bước được nêu dưới đây.

a. Chọn loại dầm có liên kết tương ứng với đề bài

Nhập chiều dài của dầm và vị trí các gối đỡ theo đơn vị mét.

b. Đặt tải trọng, nhận kết quả và lưu lại, Enter

3. Kiểm tra kết quả bằng cách tính tay tại một vài mặt cắt của dầm.
"""
    assert paragraphs(text)[1:] == [
        "a. Chọn loại dầm có liên kết tương ứng với đề bài",
        "Nhập chiều dài của dầm và vị trí các gối đỡ theo đơn vị mét.",
        "b. Đặt tải trọng, nhận kết quả và lưu lại, Enter",
        "3. Kiểm tra kết quả bằng cách tính tay tại một vài mặt cắt của dầm.",
    ]


def test_a_numbered_section_heading_in_a_block_of_its_own_stands_after_a_broken_sentence() -> None:
    # The sentence before the heading breaks off at the foot of a column and goes on later;
    # the heading, set apart by blank lines, opens the next column all the same.
    text = """\
MÃ SỬA LỖI CHO KÊNH TRUYỀN KHÔNG DÂY

2.1. Cấu trúc của mã
Mỗi khối dữ liệu được sắp thành một mảng hai chiều, sau đó từng
hàng và từng cột được mã hóa bằng một mã thành phần có

2.2. Mã rút gọn

Từ cấu trúc trên có thể thấy một phần của khối mã không mang tin,
nên có thể bỏ đi mà không làm giảm khả năng sửa lỗi của mã.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    headings = [b.text for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["2.1. Cấu trúc của mã", "2.2. Mã rút gọn"]


def test_a_step_number_printed_apart_from_its_text_goes_back_on_it() -> None:
    # pdftotext may set a point's number in a block of its own, before the point's text.
    text = """\
VẼ BIỂU ĐỒ NỘI LỰC BẰNG PHẦN MỀM

Phần mềm cho phép vẽ biểu đồ nội lực của dầm tĩnh định chỉ sau vài
thao tác đơn giản trên màn hình, theo các bước được nêu dưới đây.
4. Đặt tải trọng và các phản lực liên kết đã tính vào hệ cơ bản.

5.

Vẽ biểu đồ lực cắt và mômen uốn:
Chọn mục vẽ biểu đồ, phần mềm cho ngay kết quả trên màn hình.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert any("number printed apart" in d.message for d in article.decisions)
    assert paragraphs(text)[2:] == [
        "5. Vẽ biểu đồ lực cắt và mômen uốn:",
        "Chọn mục vẽ biểu đồ, phần mềm cho ngay kết quả trên màn hình.",
    ]


def test_a_stray_glyph_glued_to_an_abstract_label_keeps_the_abstract_in_the_lead() -> None:
    """A symbol font's glyph read as a letter ('cTóm tắt:') still opens the abstract; a word
    in lower case before the label ('xtóm tắt') is no label."""
    glued = SCHOLARLY.replace("\n\nTóm tắt:", "\n\ncTóm tắt:", 1)
    assert "cTóm tắt:" in glued
    article = convert_text(decode_bytes(glued.encode("utf-8"), "x.txt"), "x.txt")
    assert article.lead is not None and article.lead.startswith("Bài báo trình bày")
    assert not any("Tóm tắt" in text for text in paragraphs(glued))
    from bantin.convert.scholarly import front_label

    assert front_label("•Abstract: text") == ("abstract_en", "text")
    assert front_label("xtóm tắt: text") is None
    assert front_label("ATóm tắt: text") is None


def test_a_blank_form_field_of_dot_leaders_is_no_paragraph() -> None:
    """A cover's form to be filled in ('Người đọc: . . . . .', a line of dots) leaves the text,
    noted; a sentence that ends in an ellipsis stays."""
    text = SCHOLARLY.replace(
        "\n\nTóm tắt:",
        "\n\nNgười đọc thứ nhất: . . . . . . . . . . . . . . . . . . . .\n"
        "....................\n"
        "Người đọc thứ hai: . . . . . . . . . . . . . . . . . . . .\n"
        "....................\n\nTóm tắt:",
        1,
    )
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert not any("Người đọc" in b.text or "...." in b.text for b in article.blocks)
    dropped = [d.message for d in article.decisions if "form field" in d.message]
    assert len(dropped) == 4
    from bantin.convert.layout import blank_form_field

    assert not blank_form_field("Các giá trị lần lượt là 1, 2, 3, . . . . . . . .")
    assert blank_form_field("Họ và tên: . . . . . . . . . . . .")


def test_a_blank_form_field_ends_the_line_of_text_before_it() -> None:
    """A filled-in line of a cover ('... hướng dẫn: Nguyễn Văn An', no full stop) and the
    sentence after the blank fields under it are two paragraphs, not one run across the
    fields taken out."""
    text = SCHOLARLY.replace(
        "\n\n1. GIỚI THIỆU",
        "\n\nNgười hướng dẫn khoa học: PGS.TS. Nguyễn Văn An\n"
        "Người đọc thứ nhất: . . . . . . . . . . . . . . . . . . . .\n\n"
        "công trình được hoàn thành tại phòng thí nghiệm của khoa.\n\n1. GIỚI THIỆU",
        1,
    )
    assert "Người hướng dẫn khoa học: PGS.TS. Nguyễn Văn An" in paragraphs(text)


def test_an_abstract_label_on_its_own_line_under_the_last_reference_ends_the_list() -> None:
    # pdftotext gives an abstract printed after the references in the last item's block.
    text = """\
RÈN LUYỆN ĐẠO ĐỨC CÁCH MẠNG

chung và của đơn vị chúng ta nói riêng, để
hoàn thành được nhiệm vụ mới có hiệu quả,
điều đầu tiên chúng ta phải thực hiện cho
-2-

\fTÀI LIỆU THAM KHẢO
1. Hồ Chí Minh, Toàn tập, NXB CTQG, HN 1995, T5
2. Hồ Chí Minh, Toàn tập, NXB CTQG, HN 1995, T9
TÓM TẮT
Chủ nghĩa cá nhân dưới nhiều hình thức là một nguyên nhân có tác hại đối với cá
nhân, đến thành công của tổ chức. Do đó chúng ta phải không ngừng rèn luyện.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    references = [b.text for b in article.blocks if b.kind is BlockKind.REFERENCE]
    assert references[-1] == "2. Hồ Chí Minh, Toàn tập, NXB CTQG, HN 1995, T9"
    assert article.lead.startswith("Chủ nghĩa cá nhân dưới nhiều hình thức")


def test_a_references_heading_in_the_singular_opens_the_references() -> None:
    # a real article titles its list "REFERENCE"
    text = """\
ĐỌC MỞ RỘNG VÀ VIỆC HỌC TỪ VỰNG

Sinh viên đọc nhiều hơn sau khóa học và đoán nghĩa của
từ mới dựa vào ngữ cảnh thay vì tra từ điển.

REFERENCE

[1] Richard Day & Julian Bamford (2002). Top ten principles for teaching
extensive reading. Reading in a foreign language, 14(2), 136-141.
[2] Claire Ikumi Hitosugi & Richard Day (2004). Extensive reading in
Japanese. Reading in a foreign language, 16(1), 20-30.
"""
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    references = [b.text for b in article.blocks if b.kind is BlockKind.REFERENCE]
    assert len(references) == 2 and references[1].endswith("16(1), 20-30.")


# A column of running text as pdftotext gives a two-column journal page: lines of about 45
# characters, no blank line and no indent between paragraphs (what each case below follows).
COLUMN = """\
NGHIÊN CỨU HỆ THỐNG TƯỚI NHỎ GIỌT CHO VƯỜN RAU

1. GIỚI THIỆU
Nhu cầu nước cho sản xuất rau ở các tỉnh đồng
bằng ngày càng tăng, trong khi nguồn nước mặt
bị suy giảm vào mùa khô và chất lượng nước ở
nhiều nơi không bảo đảm cho việc tưới. Vì vậy,
việc sử dụng tiết kiệm nước tưới là yêu cầu cấp
thiết đối với các hộ sản xuất nhỏ. Hệ thống tưới
nhỏ giọt đưa nước đến gốc cây theo từng giọt,
giảm lượng nước bốc hơi và hạn chế cỏ dại mọc
giữa các luống. Bài báo trình bày kết quả thiết
kế và thử nghiệm một hệ thống tưới như vậy cho
vườn rau của một hộ gia đình.
"""


def test_items_ending_with_a_semicolon_on_short_lines_are_paragraphs() -> None:
    """A list of definitions after 'Trong đó:', each item on its own line ending with a
    semicolon and leaving room on it: pdftotext writes no blank line between them, yet each
    is a paragraph (as a finished sentence on a short line ends one)."""
    text = COLUMN + (
        "Lưu lượng nước cần cho mỗi luống được tính\n"
        "theo công thức sau:\n"
        "Trong đó:\n"
        "Q là lưu lượng nước cần tưới (lít/giờ);\n"
        "S là diện tích của luống rau (m2);\n"
        "K là hệ số tưới theo loại rau trồng.\n"
        "Kết quả tính toán cho thấy mỗi luống rau cần\n"
        "khoảng 12 lít nước trong một giờ tưới, tức là\n"
        "gần gấp đôi lượng nước mà các hộ vẫn dùng khi\n"
        "tưới bằng vòi vào buổi sáng sớm, nhưng phần\n"
        "lớn lượng nước này thấm vào đất quanh gốc.\n"
    )
    found = paragraphs(text)
    assert found[-4:-1] == [
        "Q là lưu lượng nước cần tưới (lít/giờ);",
        "S là diện tích của luống rau (m2);",
        "K là hệ số tưới theo loại rau trồng.",
    ]
    assert found[-1].startswith("Kết quả tính toán cho thấy")


def test_a_full_line_ending_with_a_semicolon_goes_on_in_the_next_line() -> None:
    """A line that ends with a semicolon but had no room left goes on into the next line,
    whatever word opens it (a name in a list of studies)."""
    text = COLUMN + (
        "Nhiều nghiên cứu đã đánh giá hiệu quả của tưới\n"
        "nhỏ giọt ở các nước (Israel, Levin 1998; Ấn Độ,\n"
        "Kumar và cộng sự 2005; Trung Quốc, Wang 2010;\n"
        "Australia, Smith 2014), với kết quả khả quan.\n"
    )
    assert paragraphs(text)[-1].startswith("Nhiều nghiên cứu đã đánh giá hiệu quả của tưới")


def test_an_unnumbered_heading_ending_with_a_name_stands_above_a_full_line() -> None:
    """A short heading that ends with a name ('Kinh nghiệm của Hàn Quốc') above a new sentence
    that fills the column and goes on: no name wrapped there, as the line had room for many
    more words; the heading stands alone."""
    text = COLUMN + (
        "Kinh nghiệm của Hàn Quốc\n"
        "Từ những năm 1970, Hàn Quốc đã đầu tư mạnh\n"
        "cho thủy lợi nội đồng, nhờ đó năng suất rau\n"
        "tăng gấp đôi chỉ sau một thập kỷ.\n"
    )
    assert paragraphs(text)[-1].startswith("Từ những năm 1970, Hàn Quốc đã đầu tư mạnh")


def test_a_heading_most_of_a_line_long_stands_above_a_full_line() -> None:
    """An unnumbered heading filling most of the line (more than a short one would) above a
    sentence that fills the column and goes on in the next line: the heading ends there."""
    text = COLUMN + (
        "Đánh giá độ tin cậy của thang đo lường\n"
        "Hệ số Cronbach's Alpha của các thang đo đều\n"
        "lớn hơn 0,7 nên các thang đo được sử dụng cho\n"
        "các bước phân tích tiếp theo.\n"
    )
    assert paragraphs(text)[-1].startswith("Hệ số Cronbach's Alpha của các thang đo đều")


def test_a_name_wrapped_at_a_full_line_stays_in_its_sentence() -> None:
    """A line that ends with the first word of a name and had no room for the next word goes
    on into the next line, whose first word is the name's rest."""
    text = COLUMN + (
        "Các hộ được chọn khảo sát đều ở huyện Gia Lâm,\n"
        "nơi có truyền thống trồng rau lâu năm của Hà\n"
        "Nội và có nhiều mô hình tưới tiết kiệm nước.\n"
    )
    assert paragraphs(text)[-1].startswith("Các hộ được chọn khảo sát đều ở huyện Gia Lâm,")


def test_a_tables_source_note_is_no_paragraph_and_the_text_after_it_opens_one() -> None:
    """A table's source note ('(Nguồn: ...)', '[Nguồn: ...]', 'Nguồn: ...'), which pdftotext
    runs into the sentence after it without a blank line, is the float's note: neither part
    of the paragraph after it nor a paragraph of its own."""
    for note in (
        "(Nguồn: Tổng hợp kết quả khảo sát của nhóm)",
        "[Nguồn: Nhóm tác giả khảo sát]",
        "Nguồn: Báo cáo của Sở Nông nghiệp",
        "(Nguồn: Báo cáo tổng kết của Sở Nông nghiệp tỉnh\nNam Định, năm 2020)",
        "NGUỒN: Báo cáo của Sở Nông nghiệp",  # the label in capitals, as SOURCE_NOTE_RE reads it
        "Nguồn : Báo cáo của Sở Nông nghiệp",  # a space before the colon, likewise
    ):
        text = COLUMN + (
            "Bảng 1. Lượng nước tưới theo loại rau\n"
            "Loại rau\n"
            "Lượng nước\n"
            "Cải ngọt\n"
            "12 lít\n"
            f"{note}\n"
            "Kết quả trên cho thấy các loại rau ăn lá cần\n"
            "nhiều nước hơn rau ăn quả trong cùng một giờ.\n"
        )
        article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
        found = paragraphs(text)
        assert found[-1] == (
            "Kết quả trên cho thấy các loại rau ăn lá cần nhiều nước hơn rau ăn quả trong "
            "cùng một giờ."
        ), note
        assert not any("Nguồn" in paragraph for paragraph in found), note
        assert any(b.text == " ".join(note.split()) for b in article.blocks), note


def test_a_run_in_label_opens_a_paragraph_after_a_full_line() -> None:
    """A line opening with a run-in label ('Giai đoạn 2:', 'H3:', 'Nguyên nhân:') followed by a
    capital opens a paragraph after a finished sentence, even when the line before it is full
    (pdftotext writes no indent and no blank line there)."""
    text = COLUMN + (
        "Quy trình lọc nước gồm ba giai đoạn nối tiếp:\n"
        "Giai đoạn 1: Nước được lắng trong bể chứa để\n"
        "loại bỏ phần lớn cát và bùn đất lơ lửng trước\n"
        "khi bơm lên bồn, giữ cho lõi lọc luôn sạch.\n"
        "Giai đoạn 2: Nước đi qua lõi lọc than hoạt tính\n"
        "để khử mùi và màu, sau đó chảy vào đường ống.\n"
    )
    assert paragraphs(text)[-3:] == [
        "Quy trình lọc nước gồm ba giai đoạn nối tiếp:",
        "Giai đoạn 1: Nước được lắng trong bể chứa để loại bỏ phần lớn cát và bùn đất lơ lửng "
        "trước khi bơm lên bồn, giữ cho lõi lọc luôn sạch.",
        "Giai đoạn 2: Nước đi qua lõi lọc than hoạt tính để khử mùi và màu, sau đó chảy vào "
        "đường ống.",
    ]


def test_a_colon_inside_a_sentence_after_a_full_line_does_not_open_a_paragraph() -> None:
    """A new sentence with a colon far into it ('Theo quy định của Bộ năm 2020: ...') or with a
    small letter after its colon goes on in the paragraph after a full line."""
    text = COLUMN.replace(
        "vườn rau của một hộ gia đình.\n",
        "vườn rau của một hộ gia đình ở ngoại thành.\n"
        "Theo quy định của Bộ năm 2020: Hộ gia đình\n"
        "được hỗ trợ một phần kinh phí lắp đặt.\n",
    )
    assert paragraphs(text)[-1].endswith(
        "ngoại thành. Theo quy định của Bộ năm 2020: Hộ gia đình "
        "được hỗ trợ một phần kinh phí lắp đặt."
    )


def _ends_its_sentence(tail: str) -> bool:
    """`tail` wrapped onto the line of its own under a sentence's full lines, a new sentence
    after it: it ends that sentence's paragraph."""
    text = COLUMN + (
        "Các nghiên cứu trước cho thấy tưới nhỏ giọt\n"
        "giảm lượng nước dùng so với tưới rãnh thông\n"
        "thường ở hầu hết các loại rau ăn lá phổ biến\n"
        f"{tail}\n"
        "Tuy vậy, chi phí lắp đặt ban đầu còn khá cao.\n"
    )
    return paragraphs(text)[-2].endswith(f"các loại rau ăn lá phổ biến {tail}")


def test_a_citation_wrapped_alone_onto_the_last_line_ends_its_sentence() -> None:
    """A sentence's citation ('[4].', '[2, 5].') wrapped alone onto the paragraph's last line
    is the end of that sentence, not a piece of a formula."""
    for tail in ("[4].", "[2, 5].", "khoảng 35% [7]."):
        assert _ends_its_sentence(tail), tail


def test_a_sentence_tail_of_numbers_or_a_formula_wrapped_onto_a_line_ends_its_sentence() -> None:
    """A sentence's last words wrapped onto a line of their own with more numbers or symbols
    than words ('lượt 5, 10, 15 và 20 ngày.', 'kiện t/T ≤ 0,5.', 'nhất [1, 3, 4, 6].'),
    opening with the sentence's next word in small letters and ending it with a full stop,
    are the end of that sentence, not an equation."""
    for tail in ("lượt 5, 10, 15 và 20 ngày.", "kiện t/T ≤ 0,5.", "nhất [1, 3, 4, 6]."):
        assert _ends_its_sentence(tail), tail


def test_a_display_equation_after_its_lead_in_stays_an_equation() -> None:
    """A formula on its own line after an unfinished sentence opens with its variable, not
    with a word of the sentence: it stays an equation, even ending with a full stop."""
    for formula in ("Q = k × S × h.", "ϕuv = (ϕuv × exp(−2a / σ))1/2."):
        text = COLUMN + (
            "Lượng nước tưới mỗi ngày của một luống rau\n"
            "được tính theo công thức sau đây, trong đó\n"
            f"{formula}\n"
            "Hệ số k được chọn theo từng loại rau ăn lá.\n"
        )
        article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
        assert any(b.kind is BlockKind.EQUATION and b.text == formula for b in article.blocks), (
            formula
        )


def test_a_labelled_item_after_a_full_line_ending_with_a_semicolon_opens_a_paragraph() -> None:
    """In a list of definitions ('H: ...;', 'G: ...;'), an item that fills its line and ends
    with a semicolon is followed by the next item's run-in label: the label opens it."""
    text = COLUMN + (
        "Lượng nước tưới được tính theo công thức (1).\n"
        "Trong đó:\n"
        "H: hệ số tưới của luống rau trong mùa khô hạn;\n"
        "G: Lượng nước bốc hơi trên một mét vuông đất;\n"
        "S: Diện tích của mỗi luống rau trong vườn.\n"
    )
    found = paragraphs(text)
    assert found[-2:] == [
        "G: Lượng nước bốc hơi trên một mét vuông đất;",
        "S: Diện tích của mỗi luống rau trong vườn.",
    ]


def test_a_semicolon_inside_brackets_or_values_after_a_colon_open_no_paragraph() -> None:
    """A short line ending with a semicolon inside an open bracket ('(mùa mưa 60%;') goes on
    into the next; a line of values after a colon ('600, Số vòng: 300') is no run-in label."""
    text = COLUMN + (
        "Lượng nước được chỉnh theo độ ẩm (mùa mưa 60%;\n"
        "Mùa khô 80%) của đất trong từng luống rau.\n"
        "Các tham số của mô hình được chọn như sau: số mẫu:\n"
        "600, Số vòng lặp: 300, tốc độ học: 0,001.\n"
    )
    found = paragraphs(text)
    assert found[-2] == (
        "Lượng nước được chỉnh theo độ ẩm (mùa mưa 60%; Mùa khô 80%) của đất trong từng luống rau."
    )
    assert found[-1].endswith(
        "được chọn như sau: số mẫu: 600, Số vòng lặp: 300, tốc độ học: 0,001."
    )


def test_text_after_a_closed_source_note_is_not_part_of_the_note() -> None:
    """The lines after a source note whose bracket closed on its line are text (the sentence
    the table interrupted, going on in lower case), not more of the note."""
    text = COLUMN + (
        "Theo kết quả khảo sát tại các hộ trồng rau\n"
        "Bảng 2. Năng suất rau theo cách tưới\n"
        "Cách tưới\n"
        "Năng suất\n"
        "(Nguồn: Nhóm tác giả khảo sát)\n"
        "ở ngoại thành, năng suất rau tăng rõ rệt.\n"
    )
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert any(b.text == "(Nguồn: Nhóm tác giả khảo sát)" for b in article.blocks)


# Paragraphs whose first lines were set in (pdftotext drops the indent: each opens a few
# characters short of the column's full lines), as a publication that indents prints them.
INDENTED = """\
CÔNG TÁC BẢO ĐẢM HẬU CẦN TRONG CHIẾN DỊCH

Công tác chuẩn bị hậu cần được tiến hành
từ sớm, với sự tham gia của nhiều lực lượng
cùng các địa phương.
Lực lượng vận tải được tổ chức thành
nhiều đoàn, mỗi đoàn phụ trách một tuyến
đường riêng để cơ động liên tục.
Các kho dự trữ được bố trí phân tán
gần khu vực tập kết, có lực lượng bảo vệ
và ngụy trang cẩn thận.
Việc cung cấp lương thực giao cho
các địa phương, bảo đảm đủ cho bộ đội
trong suốt chiến dịch.
Công tác quân y được chuẩn bị kỹ,
các đội điều trị được đưa lên gần tuyến
trước để cứu chữa thương binh.
Lực lượng công binh mở thêm đường,
sửa chữa cầu cống bị hư hỏng và bảo đảm
giao thông luôn thông suốt.
Các tuyến vận tải được tổ chức như sau.
Tuyến 1: Từ kho tiền phương theo đường
số 13 đến các đơn vị tuyến trước, bảo đảm
cho hướng tiến công chủ yếu của chiến dịch.
Tuyến 2: Từ kho phía tây theo đường số 14
đến khu vực tập kết của lực lượng dự bị.
"""


def test_a_run_in_label_after_a_full_line_stays_in_an_indented_paragraph() -> None:
    """Where the publication sets its paragraphs' first lines in, a paragraph shows where it
    starts: a run-in label ('Tuyến 2: Từ ...') after a full line ending a sentence goes on
    in the paragraph, as the printed page runs such points on."""
    last = paragraphs(INDENTED)[-1]
    assert last.startswith("Các tuyến vận tải được tổ chức như sau.")
    assert "cho hướng tiến công chủ yếu của chiến dịch. Tuyến 2: Từ kho phía tây" in last


def _goes_on_in_its_paragraph(line: str) -> bool:
    """`line` between two lines of one sentence (the one above unfinished, the one below going
    on in small letters): it stays a line of the paragraph, not an equation."""
    text = COLUMN + (
        "Các luống rau được tưới thử với lưu lượng\n"
        "khác nhau trong cùng một vụ (tương đương\n"
        f"{line}\n"
        "với các luống trồng cải); kết quả được ghi\n"
        "lại sau mỗi lần tưới.\n"
    )
    last = line.split()[-1]
    return any(
        "(tương đương " + line[:3] in p and last + " với các luống" in p for p in paragraphs(text)
    ) and not any(
        b.kind is BlockKind.EQUATION
        for b in convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt").blocks
    )


def test_a_line_of_numbers_ending_with_the_sentences_next_word_stays_in_its_paragraph() -> None:
    """A wrapped line of many numbers and units whose last word is a word of running text
    that the next line goes on from ('0,8 m3/h ; 1,6 m3/h và 2,4 m3/h (đối'): a display
    formula never ends with such a word, so the line is the sentence's, not an equation."""
    for line in ("0,8 m3/h ; 1,6 m3/h và 2,4 m3/h (đối", "2, 4, 6, 8, 10, 12, 14 giờ, tương ứng"):
        assert _goes_on_in_its_paragraph(line), line


def test_a_line_opening_with_words_and_holding_formulas_stays_in_its_paragraph() -> None:
    """A line that opens with the unfinished sentence's next word in small letters and holds
    words of running text between its numbers and symbols ('lượng Q = 2,4 l/h; thời gian t =
    30 ± 5 (ph) [3]') is the sentence's line, not an equation."""
    assert _goes_on_in_its_paragraph("lượng Q = 2,4 l/h; thời gian t = 30 ± 5 (ph) [3]")


def test_a_formula_ending_with_a_word_before_another_formula_line_stays_an_equation() -> None:
    """Only the sentence's lines go back: a formula whose last token is a word ('đối với')
    above another line of the formula ('a b c') is no line of the text."""
    text = COLUMN + (
        "Miền lấy tích phân được cho bởi các bất\n"
        "đẳng thức sau đây, với các hằng số dương\n"
        "V: x ≥ 0; y ≥ 0; z ≥ 0; ≤ 1 đối với\n"
        "a b c\n"
        "Khi đó thể tích của miền được tính dễ dàng.\n"
    )
    article = convert_text(decode_bytes(text.encode("utf-8"), "x.txt"), "x.txt")
    assert any(b.kind is BlockKind.EQUATION and "V: x ≥ 0" in b.text for b in article.blocks)


def test_keywords_split_at_commas_and_semicolons_without_a_closing_ellipsis() -> None:
    """Measured on a real article: the keywords printed "..., bảo hiểm nhân thọ…" gave a last
    keyword with the ellipsis; both routes split keywords with one function."""
    assert split_keywords("Bảo hiểm; thị trường, bảo hiểm nhân thọ…") == [
        "Bảo hiểm",
        "thị trường",
        "bảo hiểm nhân thọ",
    ]
    assert split_keywords("storage, mustard greens...") == ["storage", "mustard greens"]
    assert split_keywords("màng bao gói.") == ["màng bao gói"]
    # measured on an unseen article: a stray full stop after the last one's, spaces between
    assert split_keywords("Booth7, fatty acid, oil.        .") == ["Booth7", "fatty acid", "oil"]
    # measured on an unseen article: keywords parted by full stops alone ("paradigm.
    # competing capability."); a dot inside a keyword ("U.S. trade", "TP. Hồ Chí Minh") stays
    assert split_keywords("paradigm. competing capability.") == [
        "paradigm",
        "competing capability",
    ]
    assert split_keywords("U.S. trade, TP. Hồ Chí Minh") == ["U.S. trade", "TP. Hồ Chí Minh"]
    assert split_keywords("Hiệu quả. quản trị. doanh nghiệp") == [
        "Hiệu quả",
        "quản trị",
        "doanh nghiệp",
    ]
