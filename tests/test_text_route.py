"""The text route on `pdftotext` output: one test per failure kind seen on real journals
(lists marked by symbol-font bullets or dashes, drop caps, back matter, leads without a
label, paragraphs whose last line fills the column, columns printed out of order...).

Every text here is written for the test; none is a real article's paragraph.
"""

from __future__ import annotations

import textwrap

from bantin.convert.layout import set_in_proportional_type, split_lines
from bantin.convert.metrics import printed_width
from bantin.convert.symbols import decode_symbol_fonts
from bantin.convert.text import convert_text
from bantin.model import BlockKind


def paragraphs(text: str) -> list[str]:
    article = convert_text(text, "x.txt")
    # a list's items are paragraphs of the text too (their bullets taken off)
    return [b.text for b in article.blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.ITEM)]


TITLE = (
    "Các bước chuẩn bị mẫu thử rau tươi\n\n"
    "Bài viết giới thiệu cách một nhóm sinh viên chuẩn bị và theo dõi\n"
    "các mẫu rau tươi trong phòng thí nghiệm của trường.\n\n"
)
END = (
    "\nKết quả theo dõi được ghi vào sổ mỗi ngày, sau đó\n"
    "được nhóm tổng hợp và so sánh với các lần thử trước\n"
    "để rút ra nhận xét chung.\n"
)
INTRO = (
    "Bài viết giới thiệu cách một nhóm sinh viên chuẩn bị và theo dõi các mẫu rau tươi "
    "trong phòng thí nghiệm của trường."
)
LAST = (
    "Kết quả theo dõi được ghi vào sổ mỗi ngày, sau đó được nhóm tổng hợp và so sánh "
    "với các lần thử trước để rút ra nhận xét chung."
)


def test_symbol_font_bullets_and_dashes_mark_list_items_and_leave_them() -> None:
    text = (
        TITLE
        + (
            "Nhóm nghiên cứu đã chuẩn bị mẫu thử theo quy trình\n"
            "của phòng thí nghiệm, gồm các bước sau đây:\n"
            "\uf0a7 Rửa sạch lá rau bằng nước máy rồi để ráo\n"
            "trong khoảng ba mươi phút.\n"
            "\uf0d8 Cân mẫu và cho vào túi.\n"
            "- Ghi nhãn cho từng túi mẫu.\n"
            "– Xếp các túi vào tủ lạnh.\n"
            "Mỗi túi được theo dõi trong suốt thời gian thử.\n"
        )
        + END
    )
    assert paragraphs(text) == [
        INTRO,
        "Nhóm nghiên cứu đã chuẩn bị mẫu thử theo quy trình của phòng thí nghiệm, "
        "gồm các bước sau đây:",
        "Rửa sạch lá rau bằng nước máy rồi để ráo trong khoảng ba mươi phút.",
        "Cân mẫu và cho vào túi.",
        "Ghi nhãn cho từng túi mẫu.",
        "Xếp các túi vào tủ lạnh.",
        "Mỗi túi được theo dõi trong suốt thời gian thử.",
        LAST,
    ]
    items = [b.text for b in convert_text(text, "x.txt").blocks if b.kind is BlockKind.ITEM]
    assert [text[:8] for text in items] == ["Rửa sạch", "Cân mẫu ", "Ghi nhãn", "Xếp các "]


def test_symbol_font_characters_read_as_what_the_font_draws() -> None:
    assert decode_symbol_fonts("túi 20 \uf0b4 30 cm, nhiệt độ \uf02d5 độ") == (
        "túi 20 × 30 cm, nhiệt độ −5 độ"
    )
    assert decode_symbol_fonts("Từ \uf0441=\uf0442= 0 ta có") == "Từ Δ1=Δ2= 0 ta có"
    # a symbol opening a line of mathematics is no bullet
    assert decode_symbol_fonts("\uf064 21 X1 \uf02b \uf044 2 P") == "δ 21 X1 + Δ 2 P"
    assert decode_symbol_fonts("\uf0b7 Giai đoạn hai") == "• Giai đoạn hai"
    assert decode_symbol_fonts("không có ký hiệu") == "không có ký hiệu"


def test_an_item_number_stays_and_a_heading_before_a_dash_item_stands_alone() -> None:
    text = (
        TITLE
        + (
            "Nhóm nghiên cứu đã chuẩn bị mẫu thử theo quy trình\n"
            "của phòng thí nghiệm trong nhiều tháng liền.\n"
            "Mục tiêu của đề tài\n"
            "- Đề tài tìm cách giữ rau tươi lâu hơn trong\n"
            "điều kiện bảo quản thông thường ở gia đình.\n"
            "1. Mẫu được chia làm ba nhóm bằng nhau.\n"
        )
        + END
    )
    assert paragraphs(text) == [
        INTRO,
        "Nhóm nghiên cứu đã chuẩn bị mẫu thử theo quy trình của phòng thí nghiệm "
        "trong nhiều tháng liền.",
        "Đề tài tìm cách giữ rau tươi lâu hơn trong điều kiện bảo quản thông thường ở gia đình.",
        "1. Mẫu được chia làm ba nhóm bằng nhau.",
        LAST,
    ]


def test_a_drop_cap_joins_the_capitals_that_end_its_word() -> None:
    head = "NHỮNG MÙA RAU TRÊN CAO NGUYÊN ĐÁ\nLê Văn Minh\n\n"
    body = (
        "UÁ trình trồng thử kéo dài ba năm liền,\n"
        "qua nhiều đợt rét đậm và khô hạn, nhưng\n"
        "các hộ dân vẫn kiên trì theo dõi từng luống.\n"
    )
    expected = (
        "QUÁ trình trồng thử kéo dài ba năm liền, qua nhiều đợt rét đậm và khô hạn, "
        "nhưng các hộ dân vẫn kiên trì theo dõi từng luống."
    )
    assert paragraphs(head + "q\n\n" + body + END)[0] == expected  # a decorative font's letter
    lead = "Bài viết kể lại cách người dân vùng cao đưa giống rau mới lên trồng.\n\n"
    found = paragraphs(head + "Q\n\n" + lead + body + END)  # a lead set beside the letter
    assert expected in found


def test_a_lone_letter_of_a_figure_is_no_drop_cap() -> None:
    text = (
        TITLE
        + (
            "Sơ đồ bố trí các luống rau được vẽ trên hình 1\n"
            "với hai trục vuông góc nhau.\n\n"
            "X\n\n"
            "Y\n\n"
            "Hình 1. Sơ đồ bố trí các luống\n"
        )
        + END
    )
    assert "XY" not in " ".join(paragraphs(text))


#: An article's last paragraph and its references, what follows them to be added.
WITH_REFERENCES = TITLE + (
    "Nhóm nghiên cứu đã chuẩn bị mẫu thử theo quy trình\n"
    "của phòng thí nghiệm trong nhiều tháng liền.\n\n"
    "TÀI LIỆU THAM KHẢO\n\n"
    "[1] Nguyễn Văn A, Giáo trình bảo quản rau, 2019.\n\n"
)


def test_contact_details_after_the_references_are_no_paragraphs() -> None:
    text = WITH_REFERENCES + (
        "Thông tin liên hệ:\n\n"
        "Lê Thị Hoa\n"
        "Điện thoại: 0900000000 - Email: hoa@example.edu.vn\n"
        "Khoa Công nghệ thực phẩm, Trường Đại học Mẫu.\n"
    )
    article = convert_text(text, "x.txt")
    kinds = [(b.kind, b.text) for b in article.blocks]
    assert [text for kind, text in kinds if kind is BlockKind.PARAGRAPH] == [
        INTRO,
        "Nhóm nghiên cứu đã chuẩn bị mẫu thử theo quy trình của phòng thí nghiệm "
        "trong nhiều tháng liền.",
    ]
    footnotes = [text for kind, text in kinds if kind is BlockKind.FOOTNOTE]
    assert footnotes[0].startswith("Thông tin liên hệ:")
    assert "hoa@example.edu.vn" in " ".join(footnotes)


def test_an_appendix_after_the_references_ends_them() -> None:
    """Measured on a real article: "PHỤ LỤC: THANG ĐO ..." and the table under it were
    read as the last reference's words (the PDF route made them 31 more references)."""
    text = WITH_REFERENCES + (
        "[2] Trần Thị B, Ý định kinh doanh, 2020.\n\n"
        "PHỤ LỤC: THANG ĐO CỦA CÁC BIẾN NGHIÊN CỨU\n\n"
        "Tôi sẵn sàng làm bất cứ điều gì để kinh doanh.\n"
    )
    article = convert_text(text, "x.txt")
    kinds = [(b.kind, b.text) for b in article.blocks]
    assert [t for kind, t in kinds if kind is BlockKind.REFERENCE] == [
        "[1] Nguyễn Văn A, Giáo trình bảo quản rau, 2019.",
        "[2] Trần Thị B, Ý định kinh doanh, 2020.",
    ]
    assert (BlockKind.HEADING, "Phụ lục: thang đo của các biến nghiên cứu") in kinds, kinds
    assert (BlockKind.PARAGRAPH, "Tôi sẵn sàng làm bất cứ điều gì để kinh doanh.") in kinds


def test_a_paragraph_ends_where_its_last_line_is_short_as_printed() -> None:
    """The last line has as many characters as a full line, but narrow ones ('i', 't', 'l'):
    measured as printed, the next word would have fitted, so the paragraph ended there; a
    sentence ending on a line of wide letters goes on."""
    text = (
        TITLE
        + (
            "Mùa màng năm nay mang nhiều mong mỏi hơn mọi\n"
            "năm, nhờ mưa nhiều, người dân mang giống mới\n"
            "về gieo trồng trên những mảnh ruộng bậc thang\n"
            "tự tay làm; việc ấy thật thiết thực, lợi ích.\n"
            "Mỗi mùa, nhiều nhóm thợ làm ruộng cùng nhau,\n"
            "mang trâu, mang máy xuống đồng làm đất mau hơn\n"
            "mọi năm, nhờ thế mà vụ mùa nào cũng đúng hạn.\n"
            "Mùa gặt, nhóm nào cũng mang máy gặt mới về.\n\n"
        )
        + END
    )
    assert paragraphs(text) == [
        INTRO,
        "Mùa màng năm nay mang nhiều mong mỏi hơn mọi năm, nhờ mưa nhiều, người dân mang "
        "giống mới về gieo trồng trên những mảnh ruộng bậc thang tự tay làm; việc ấy thật "
        "thiết thực, lợi ích.",
        "Mỗi mùa, nhiều nhóm thợ làm ruộng cùng nhau, mang trâu, mang máy xuống đồng làm đất "
        "mau hơn mọi năm, nhờ thế mà vụ mùa nào cũng đúng hạn. Mùa gặt, nhóm nào cũng mang máy "
        "gặt mới về.",
        LAST,
    ]


def test_printed_width_counts_wide_and_narrow_letters() -> None:
    assert printed_width("mw") > printed_width("il") * 2
    assert printed_width("Đường") == printed_width("Duong")  # marks add no width
    assert printed_width("") == 0


def test_a_sentence_going_on_with_an_acronym_after_a_break_is_no_caption() -> None:
    text = (
        TITLE
        + (
            "Nhiều địa phương đã có kế hoạch riêng để nhân rộng\n"
            "mô hình trồng rau sạch, trong đó có các hợp tác xã\n\n"
            "HTX Nông nghiệp xanh ở vùng núi phía Bắc.\n"
            "Theo kế hoạch, mỗi hợp tác xã sẽ nhận thêm giống\n"
            "mới và được hướng dẫn kỹ thuật trong hai năm.\n"
        )
        + END
    )
    assert paragraphs(text)[1] == (
        "Nhiều địa phương đã có kế hoạch riêng để nhân rộng mô hình trồng rau sạch, trong đó "
        "có các hợp tác xã HTX Nông nghiệp xanh ở vùng núi phía Bắc. Theo kế hoạch, mỗi hợp "
        "tác xã sẽ nhận thêm giống mới và được hướng dẫn kỹ thuật trong hai năm."
    )


def test_a_line_of_wide_letters_is_no_heading_though_it_has_few_characters() -> None:
    body = (
        "Mùa màng năm nay mang nhiều mong mỏi hơn mọi\n"
        "năm, nhờ mưa nhiều, người dân mang giống mới\n"
        "về gieo trồng trên những mảnh ruộng bậc thang.\n"
        "Ngày 12/10/2020, HTX Mường Mỗ tổ chức\n"
        "Hội nghị mùa màng cho bà con nông dân trong\n"
        "xã, nhằm tổng kết một năm làm ăn nhiều vất vả.\n"
    )
    article = convert_text(TITLE + body + END, "x.txt")
    assert [b.kind for b in article.blocks] == [BlockKind.PARAGRAPH] * 3


def test_a_wide_block_under_a_capitals_title_and_its_byline_is_the_lead() -> None:
    """A lead set across the page under the byline, without a label, before the columns (its
    first line, narrower, is cut from the rest by the layout)."""
    text = (
        "NÂNG CAO HIỆU QUẢ TRỒNG RAU SẠCH Ở CÁC XÃ VÙNG CAO\n"
        "Thượng tá, ThS. NGUYỄN VĂN BÌNH\n"
        "Học viện Nông nghiệp miền núi\n"
        "Bài viết phân tích thực trạng trồng rau sạch ở các xã\n"
        "vùng cao trong những năm gần đây và đề xuất một số giải pháp nâng cao hiệu\n"
        "quả cho người dân địa phương, nhất là các hộ mới chuyển đổi từ trồng ngô.\n\n"
        "Những năm qua, các xã vùng cao đã\n"
        "chuyển đổi nhiều diện tích đất trồng\n"
        "ngô sang trồng rau sạch theo quy trình\n"
        "mới, mang lại thu nhập ổn định hơn.\n"
        "Tuy vậy, việc tiêu thụ sản phẩm vẫn\n"
        "còn gặp nhiều khó khăn do đường sá xa\n"
        "xôi và thiếu kho bảo quản lạnh.\n"
    )
    article = convert_text(text, "x.txt")
    assert article.lead.startswith("Bài viết phân tích thực trạng")
    assert [b.text[:20] for b in article.blocks if b.kind is BlockKind.PARAGRAPH] == [
        "Những năm qua, các x"
    ]


def test_an_abstract_label_in_the_block_of_the_title_and_byline_opens_the_abstract() -> None:
    text = (
        "NÂNG CAO HIỆU QUẢ TRỒNG RAU SẠCH Ở CÁC XÃ VÙNG CAO\n"
        "Thượng tá, ThS. NGUYỄN VĂN BÌNH\n"
        "Học viện Nông nghiệp miền núi\n"
        "ABSTRACT This article reviews how clean\n"
        "vegetables are grown in highland communes and proposes ways to make\n"
        "the work pay better for the families who have just left growing maize.\n\n"
        "I. TÓM TẮT\n"
        "Bài viết phân tích thực trạng trồng rau\n"
        "sạch ở các xã vùng cao.\n"
        "II. ĐẶT VẤN ĐỀ\n"
        "Những năm qua, các xã vùng cao đã\n"
        "chuyển đổi nhiều diện tích đất trồng\n"
        "ngô sang trồng rau sạch theo quy trình\n"
        "mới, mang lại thu nhập ổn định hơn.\n"
    )
    article = convert_text(text, "x.txt")
    assert article.abstract_en.startswith("This article reviews")
    assert article.abstract_en.endswith("growing maize.")
    assert article.lead == "Bài viết phân tích thực trạng trồng rau sạch ở các xã vùng cao."
    assert [b.text[:20] for b in article.blocks if b.kind is BlockKind.PARAGRAPH] == [
        "Những năm qua, các x"
    ]


def test_a_references_heading_inside_a_block_starts_the_references() -> None:
    text = TITLE + (
        "Nhóm nghiên cứu đã chuẩn bị mẫu thử theo quy trình\n"
        "của phòng thí nghiệm trong nhiều tháng liền♦\n"
        "Tài liệu tham khảo\n"
        "1. Nguyễn Văn A (2019), Giáo trình bảo quản rau,\n"
        "Nxb Nông nghiệp, Hà Nội.\n"
        "2. Trần Thị B (2020), Rau sạch vùng cao, Hà Nội.\n"
    )
    article = convert_text(text, "x.txt")
    assert [(b.kind, b.text[:22]) for b in article.blocks] == [
        (BlockKind.PARAGRAPH, INTRO[:22]),
        (BlockKind.PARAGRAPH, "Nhóm nghiên cứu đã chu"),
        (BlockKind.HEADING, "Tài liệu tham khảo"),
        (BlockKind.REFERENCE, "1. Nguyễn Văn A (2019)"),
        (BlockKind.REFERENCE, "2. Trần Thị B (2020), "),
    ]


def test_a_tables_references_column_opens_no_references_before_the_real_ones() -> None:
    """Measured on a real article: a table whose last column is headed "Tài liệu tham khảo"
    (the sources of each row) opened the references there; the rest of the body, two
    numbered sections, came out as reference items."""
    text = TITLE + (
        "Bảng 1. Các vật liệu đã được thử trong phòng thí nghiệm\n\n"
        "Tài liệu tham khảo\n\n"
        "[16]\n\n"
        "Cu/TiO2 [16]\n\n"
        "Ni/TiO2 [20]\n\n"
        "3. KẾT QUẢ THỬ NGHIỆM\n\n"
        "Nhóm nghiên cứu đã chuẩn bị mẫu thử theo quy trình\n"
        "của phòng thí nghiệm trong nhiều tháng liền.\n\n"
        "4. KẾT LUẬN\n\n"
        "Các mẫu thử cho thấy vật liệu mới giữ rau tươi lâu\n"
        "hơn các vật liệu cũ trong cùng điều kiện.\n\n"
        "TÀI LIỆU THAM KHẢO\n\n"
        "1. Nguyễn Văn A (2019), Giáo trình bảo quản rau,\n"
        "Nxb Nông nghiệp, Hà Nội.\n"
        "2. Trần Thị B (2020), Rau sạch vùng cao, Hà Nội.\n"
    )
    article = convert_text(text, "x.txt")
    kinds = [(b.kind, b.text[:22]) for b in article.blocks]
    assert [t for k, t in kinds if k is BlockKind.REFERENCE] == [
        "1. Nguyễn Văn A (2019)",
        "2. Trần Thị B (2020), ",
    ], kinds
    assert (BlockKind.HEADING, "4. Kết luận") in kinds, kinds
    assert (BlockKind.PARAGRAPH, "Nhóm nghiên cứu đã chu") in kinds, kinds


def test_an_arrow_of_the_symbol_font_opening_a_line_is_no_bullet() -> None:
    assert decode_symbol_fonts("\uf0de Uchăn, Ucối = 0.") == "⇒ Uchăn, Ucối = 0."
    assert decode_symbol_fonts("\uf02d Cối đứng yên") == "• Cối đứng yên"


def test_the_rest_of_a_word_broken_at_a_hyphen_across_a_break_is_no_caption() -> None:
    text = (
        TITLE
        + (
            "Các hợp tác xã đã có nhiều đóng góp thiết thực\n"
            "cho các mục tiêu phát triển KT-\n\n"
            "XH, bảo đảm việc làm cho người dân trong vùng.\n\n"
        )
        + END
    )
    assert paragraphs(text)[1] == (
        "Các hợp tác xã đã có nhiều đóng góp thiết thực cho các mục tiêu phát triển "
        "KT-XH, bảo đảm việc làm cho người dân trong vùng."
    )


def test_a_place_name_broken_across_a_break_is_no_caption() -> None:
    text = (
        TITLE
        + (
            "Sản phẩm rau sạch của hợp tác xã đã có mặt ở\n"
            "nhiều tỉnh thành như Hà Giang, Cao Bằng, Lạng\n"
            "Sơn, Quảng Ninh, Hải Phòng, Thái Bình, Nam\n\n"
            "Định, Ninh Bình, Thanh Hóa, Nghệ An, Hà Tĩnh.\n"
            "Người dân trong vùng đều biết đến sản phẩm\n"
            "này và mua về làm quà cho người thân ở xa.\n"
        )
        + END
    )
    found = paragraphs(text)
    assert "Thái Bình, Nam Định, Ninh Bình, Thanh Hóa, Nghệ An, Hà Tĩnh." in found[1]


def test_a_lone_sentence_between_a_sentence_and_its_capitalised_rest_is_a_caption() -> None:
    """Both the lone sentence and the text after it open with a word never written in lower
    case: the text after it is the rest of the sentence, the lone one a caption."""
    text = (
        TITLE
        + (
            "Hội nghị có sự tham dự của ông Lê Văn Nam, Giám đốc\n"
            "Sở KH&CN\n\n"
            "Toàn cảnh lễ trao giải thưởng năm nay.\n\n"
            "Quảng Ninh, người đã trình bày báo cáo tổng kết\n"
            "các chương trình hỗ trợ nông dân trong năm qua\n"
            "và kế hoạch cho những năm tiếp theo của tỉnh.\n\n"
        )
        + END
    )
    article = convert_text(text, "x.txt")
    assert [b.text for b in article.blocks if b.kind is BlockKind.FIGURE] == [
        "Toàn cảnh lễ trao giải thưởng năm nay."
    ]


def test_an_end_mark_glued_to_the_last_word_is_kept_as_printed() -> None:
    """A glyph printed right after the last word, in the place of its full stop, is the
    paragraph's last character as printed; one set apart by a space is an ornament."""
    body = (
        "Nhóm nghiên cứu đã chuẩn bị mẫu thử theo quy trình\n"
        "của phòng thí nghiệm trong nhiều tháng liền.\n\n"
        "Kết quả theo dõi được ghi vào sổ mỗi ngày để\n"
        "rút ra nhận xét chung cho cả nhóm sinh viên"
    )
    assert paragraphs(TITLE + body + "♦\n")[-1].endswith("cho cả nhóm sinh viên♦")
    assert paragraphs(TITLE + body + " ♦\n")[-1].endswith("cho cả nhóm sinh viên")


# pdftotext drops a hyphen that ends a line and prints the next line right after it: a line
# ending 'kinh tế -' before 'xã hội' comes out as one long line holding 'kinh tế xã hội', and
# 'KH-' before 'CN' as 'KHCN'. The same pair printed with its hyphen inside a line elsewhere
# in the text says what the long line lost.
HYPHENS_BODY = (
    "Những năm qua, các hợp tác xã vùng cao đã góp phần\n"
    "vào phát triển kinh tế - xã hội và ứng dụng KH-CN\n"
    "trong sản xuất rau sạch theo quy trình của tỉnh.\n"
    "Nhiều hộ dân đã chuyển đổi diện tích trồng ngô\n"
    "sang trồng rau, mang lại thu nhập ổn định hơn cho\n"
    "các gia đình. Các mô hình này gắn với kinh tế xã hội ở mọi bản,\n"
    "được chính quyền địa phương hỗ trợ về giống, vốn\n"
    "và kỹ thuật, nhờ đó năng suất tăng rõ rệt qua\n"
    "từng vụ. Việc chuyển giao KH-CN cho nông dân\n"
    "được thực hiện thường xuyên qua lớp tập huấn KHCN trong vùng\n"
    "nông nghiệp tại chỗ, giúp người dân nắm vững\n"
    "quy trình chăm sóc và thu hoạch rau đúng cách.\n"
)


def test_a_hyphen_pdftotext_dropped_at_a_line_end_is_restored_from_the_same_pair_elsewhere() -> (
    None
):
    body = " ".join(paragraphs(TITLE + HYPHENS_BODY + END))
    assert "gắn với kinh tế - xã hội ở mọi bản," in body
    assert "qua lớp tập huấn KH-CN trong vùng" in body


def test_a_pair_also_printed_without_its_hyphen_in_a_line_of_its_own_is_left_as_it_is() -> None:
    text = HYPHENS_BODY.replace(
        "sang trồng rau, mang lại thu nhập ổn định hơn cho\n",
        "sang trồng rau, mang lại cho kinh tế xã hội nhiều\n",
    )
    body = " ".join(paragraphs(TITLE + text + END))
    assert "gắn với kinh tế xã hội ở mọi bản," in body


def test_the_pair_printed_elsewhere_with_its_hyphen_glued_or_spaced_is_evidence_either_way() -> (
    None
):
    """'KH - CN' elsewhere restores 'KH-' / 'CN' (no space in the long line: the hyphen was
    glued); 'kinh tế–xã hội' elsewhere restores 'kinh tế -' / 'xã hội' (a space: a dash)."""
    text = HYPHENS_BODY.replace(
        "kinh tế - xã hội và ứng dụng KH-CN", "kinh tế–xã hội và ứng dụng KH - CN"
    )
    body = " ".join(paragraphs(TITLE + text + END))
    assert "gắn với kinh tế - xã hội ở mọi bản," in body
    assert "qua lớp tập huấn KH-CN trong vùng" in body


def test_a_line_of_a_lone_year_goes_on_the_line_above_it() -> None:
    """'theo TCVN 4321:' over '2015;': a standard's year wrapped to the next line is no new
    paragraph, however short the line above it."""
    text = TITLE + (
        "Các chỉ tiêu được xác định theo các tiêu chuẩn\n"
        "quốc gia hiện hành như sau:\n"
        "\uf0b7 Xác định độ ẩm theo TCVN 4321:\n"
        "2015;\n"
        "\uf0b7 Định lượng nấm men theo TCVN 8765-2:\n"
        "2019.\n"
        "Kết quả theo dõi được ghi vào sổ mỗi ngày, sau đó\n"
        "được nhóm tổng hợp và so sánh với các lần thử trước\n"
        "để rút ra nhận xét chung cho cả nhóm nghiên cứu.\n"
    )
    found = paragraphs(text)
    assert "Xác định độ ẩm theo TCVN 4321: 2015;" in found
    assert "Định lượng nấm men theo TCVN 8765-2: 2019." in found


def test_short_labels_of_a_figure_among_the_lines_do_not_narrow_the_column() -> None:
    """A figure's labels that pdftotext prints among the lines ('a) Sơ đồ', 'Tải trọng q')
    are short: the column's width is that of the lines that wrapped, so a step that ends
    its sentence with room left still ends its paragraph."""
    text = (
        TITLE
        + (
            "Phương pháp lực được dùng để giải các dầm siêu\n"
            "tĩnh theo trình tự gồm các bước cơ bản sau đây:\n"
            "1. Xác định bậc siêu tĩnh của hệ.\n"
            "2. Chọn hệ cơ bản, đặt các phản lực liên kết\n"
            "vào hệ cơ bản.\n"
            "3. Lập hệ phương trình chính tắc.\n"
            "Ví dụ: cho dầm (hình 2a), hệ cơ bản, phản lực\n"
            "liên kết như hình vẽ.\n\n"
            "a) Sơ đồ\n\nb) Hệ cơ bản\n\nTải trọng q\n\nChiều dài l\n\nGối tựa A\n\n"
            "Gối tựa B\n\nMặt cắt C\n\nMặt cắt D\n\n"
            "Các bước tiếp theo được làm lần lượt như trong\n"
            "giáo trình, với sự hỗ trợ của phần mềm tính toán\n"
            "để vẽ các biểu đồ nội lực của dầm một cách nhanh\n"
            "chóng và chính xác hơn so với cách làm thủ công.\n"
            "Nhờ vậy sinh viên có thể kiểm tra kết quả tính\n"
            "toán của mình trong thời gian ngắn và tự học\n"
            "hiệu quả hơn khi ôn tập các dạng bài toán dầm.\n"
            "Phần mềm cũng giúp giảng viên chuẩn bị các ví\n"
            "dụ minh họa trên lớp nhanh và trực quan hơn, và\n"
            "giúp nhà trường cập nhật giáo trình theo những\n"
            "yêu cầu mới của chương trình đào tạo kỹ sư.\n"
        )
        + END
    )
    found = paragraphs(text)
    assert "3. Lập hệ phương trình chính tắc." in found


PROPORTIONAL_WORDS = (
    "nhóm nghiên cứu đã chuẩn bị mẫu thử theo quy trình của phòng thí nghiệm trong nhiều "
    "tháng liền và ghi lại kết quả mỗi ngày vào sổ theo dõi chung của cả nhóm sinh viên "
    "tham gia đề tài các mẫu rau được rửa sạch để ráo rồi cân và cho vào túi có ghi nhãn "
    "đầy đủ trước khi xếp vào tủ lạnh ở nhiệt độ ổn định để so sánh với các lần thử trước "
    "đó của những khóa học đã qua"
)


def _proportional(width: int) -> bool:
    lines = split_lines("\n".join(textwrap.wrap(PROPORTIONAL_WORDS, width)))
    return set_in_proportional_type(lines, [False] * len(lines))


def test_lines_about_as_even_counted_as_measured_are_taken_as_printed_type() -> None:
    """A narrow column's lines (a journal set in a legacy font) can be about as even counted
    in characters as measured as printed: the text is still taken as set in proportional
    type, so a paragraph's first line short by its indent is seen; only lines clearly more
    even counted in characters (wrapped at a number of them) are not."""
    assert _proportional(37)  # measured as printed, within a tenth of the count's evenness
    assert not _proportional(45)  # counted: half as uneven as measured


def test_a_sentence_opening_with_a_figures_name_is_no_caption() -> None:
    """'Hình 2 cho thấy ...', 'Bảng 3 là ...' open a sentence about the figure, not its
    caption: a caption's label is followed by a mark ('Hình 2.', 'Bảng 3:') or by a word in
    capitals ('Hình 2 Sơ đồ ...'). The figure's name in small letters ('hình 4 được ...') is a
    sentence's word wrapped onto a new line."""
    body = (
        "Các mẫu rau được theo dõi trong mười ngày liên tục.\n\n"
        "Hình 2 cho thấy khối lượng của các mẫu rau giảm\n"
        "dần theo thời gian bảo quản ở nhiệt độ phòng, còn\n"
        "kết quả ở nhiệt độ lạnh được so sánh trên\n"
        "hình 4 được vẽ với cùng một thang đo cho dễ nhìn.\n"
        "Hình 3. Khối lượng mẫu rau theo thời gian\n"
        "Bảng 1 Các mẫu rau dùng trong thí nghiệm\n"
    )
    article = convert_text(TITLE + body + END, "x.txt")
    assert [b.text for b in article.blocks if b.kind is BlockKind.FIGURE] == [
        "Hình 3. Khối lượng mẫu rau theo thời gian",
        "Bảng 1 Các mẫu rau dùng trong thí nghiệm",
    ]
    assert paragraphs(TITLE + body + END)[2] == (
        "Hình 2 cho thấy khối lượng của các mẫu rau giảm dần theo thời gian bảo quản ở nhiệt độ "
        "phòng, còn kết quả ở nhiệt độ lạnh được so sánh trên hình 4 được vẽ với cùng một "
        "thang đo cho dễ nhìn."
    )


def test_a_short_unfinished_line_before_a_page_break_ends_its_paragraph() -> None:
    """A sentence leading into a formula printed before it ends a page on a line with room
    left ('... vận tốc truyền sóng c'); after the page number a new sentence opens the next
    page: two paragraphs, not one. A full line broken off at a page's foot still goes on."""
    text = (
        TITLE
        + "Q = Q1 + Q2 − Q3,\n\n(4)\n\n"
        + "Đặt hai giá trị đo được ở đầu và cuối đoạn kênh vào (3) ta\n"
        + "thu được công thức tính lưu lượng của dòng chảy dùng để xác định\n"
        + "vận tốc dòng chảy c\n\n11\n\n"
        + "Mỗi nhóm hộ cử một người trực đê vào những đêm mưa lớn, khi nước\n"
        + "sông lên nhanh và chảy xiết qua những đoạn đê yếu của xã cho đến khi\n\n12\n\n"
        + "trời tạnh hẳn; nhờ vậy, năm nào cũng không có nhà nào bị ngập nặng.\n"
        + END
    )
    assert paragraphs(text) == [
        INTRO,
        "Đặt hai giá trị đo được ở đầu và cuối đoạn kênh vào (3) ta thu được công thức tính "
        "lưu lượng của dòng chảy dùng để xác định vận tốc dòng chảy c",
        "Mỗi nhóm hộ cử một người trực đê vào những đêm mưa lớn, khi nước sông lên nhanh và "
        "chảy xiết qua những đoạn đê yếu của xã cho đến khi trời tạnh hẳn; nhờ vậy, năm nào "
        "cũng không có nhà nào bị ngập nặng.",
        LAST,
    ]
