"""Line roles: the rule registry, running heads, bylines, captions and headings by general rules."""

from __future__ import annotations

import pytest

from bantin.convert.layout import measure, segment, split_lines
from bantin.convert.roles import (
    RULES,
    Labelling,
    is_name_line,
    label,
    names_publisher,
    parse_running_head,
)
from bantin.model import Role
from bantin.registry import Registry


def labelled(text: str) -> Labelling:
    lines = split_lines(text)
    layout = measure(lines)
    return label(Labelling(lines, segment(lines, layout), layout))


def roles_of(text: str) -> dict[str, Role]:
    doc = labelled(text)
    return {line.text.strip(): line.role for line in doc.lines if line.text.strip()}


def test_registry_orders_by_priority_and_replaces_by_name() -> None:
    registry: Registry[str] = Registry()
    registry.register("low", "a", 10)
    registry.register("high", "b", 50)
    assert list(registry) == ["high", "low"]
    registry.register("replaced", "a", 60)
    assert registry.names() == ["a", "b"]
    assert registry["a"] == "replaced"
    registry.deregister("b")
    assert "b" not in registry
    with pytest.raises(KeyError):
        registry.deregister("b")
    registry.deregister("b", strict=False)


def test_default_rules_are_registered_by_name() -> None:
    assert RULES.names()[:2] == ["running_head", "section_name"]
    assert {"caption", "heading", "byline", "title_band", "end_mark"} <= set(RULES.names())


@pytest.mark.parametrize(
    ("text", "page", "issue", "year", "section"),
    [
        ("9", 9, None, None, None),
        ("-3-", 3, None, None, None),
        ("– 12 –", 12, None, None, None),
        ("Số 5 năm 2021", None, 5, 2021, None),
        ("Số 12/2019", None, 12, 2019, None),
        ("Số 3 - 2022", None, 3, 2022, None),
        ("SỐ 7 (2020)", None, 7, 2020, None),
        ("14 Khoa học và đời sống Số 2 năm 2023", 14, 2, 2023, "Khoa học và đời sống"),
        ("Số 4 năm 2020 | Diễn đàn | 31", 31, 4, 2020, "Diễn đàn"),
    ],
)
def test_running_head_forms(
    text: str, page: int | None, issue: int | None, year: int | None, section: str | None
) -> None:
    head = parse_running_head(text, 1)
    assert head is not None
    assert (head.page, head.issue, head.year, head.section) == (page, issue, year, section)


@pytest.mark.parametrize(
    "text", ["Số liệu năm 2021 cho thấy tăng trưởng", "Theo ông Nam,", "2021-2025", "-3", "3-"]
)
def test_not_running_heads(text: str) -> None:
    assert parse_running_head(text, 1) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hải Hằng - Xuân Bình", True),
        ("Hải Hằng, Xuân Bình", True),
        ("Hải Hằng và Xuân Bình", True),
        ("PGS.TS Nguyễn Văn A", True),
        ("NGUYỄN VĂN A", True),
        ("Lãnh đạo Bộ KH&CN điều hành Hội nghị.", False),
        ("Số 5 năm 2021", False),
        ("xây dựng chính sách đột phá", False),
    ],
)
def test_name_lines(text: str, expected: bool) -> None:
    assert is_name_line(text) is expected


COLUMN = (
    "Mở đầu bài viết là một đoạn\n"
    "văn khá dài về hoạt động của\n"
    "các cơ quan trong năm qua.\n"
    "\n"
    "quản lý nhà nước về công nghệ\n"
    "\n"
    "Các đơn vị đã triển khai nhiều\n"
    "nhiệm vụ quan trọng, trong đó\n"
    "có việc xây dựng cơ sở dữ liệu\n"
    "\n"
    "Ảnh minh họa hội thảo.\n"
    "\n"
    "12\n"
    "\n"
    "Chuyên mục nghiên cứu\n"
    "\n"
    "Số 4 năm 2022\n"
    "\n"
    "về chuyển giao công nghệ cho\n"
    "các doanh nghiệp địa phương ■\n"
    "\n"
    "Trần Văn Bảo\n"
)


def test_lower_case_heading_after_a_finished_sentence() -> None:
    assert roles_of(COLUMN)["quản lý nhà nước về công nghệ"] is Role.HEADING


def test_caption_where_the_sentence_is_interrupted() -> None:
    assert roles_of(COLUMN)["Ảnh minh họa hội thảo."] is Role.CAPTION


def test_running_heads_and_section_between_them() -> None:
    roles = roles_of(COLUMN)
    assert roles["12"] is Role.RUNNING_HEAD
    assert roles["Số 4 năm 2022"] is Role.RUNNING_HEAD
    assert roles["Chuyên mục nghiên cứu"] is Role.RUNNING_HEAD


def test_byline_after_the_last_paragraph() -> None:
    assert roles_of(COLUMN)["Trần Văn Bảo"] is Role.BYLINE


def test_continuation_after_a_comma_is_body_not_heading() -> None:
    text = (
        "Các địa phương đã đạt được\n"
        "nhiều kết quả về kinh tế,\n"
        "\n"
        "xây dựng hệ thống chính trị\n"
        "\n"
        "Các địa phương tiếp tục đổi mới.\n"
    )
    assert roles_of(text)["xây dựng hệ thống chính trị"] is Role.BODY


def test_a_rule_can_be_removed_by_name() -> None:
    rules: Registry = Registry()
    for name in RULES.names():
        if name != "caption":
            rules.register(RULES[name], name, 100 - len(rules))
    lines = split_lines(COLUMN)
    layout = measure(lines)
    doc = label(Labelling(lines, segment(lines, layout), layout), rules)
    caption = next(line for line in doc.lines if line.text == "Ảnh minh họa hội thảo.")
    assert caption.role is not Role.CAPTION


WRAPPED = (
    "Các đơn vị đã triển khai nhiều\n"
    "nhiệm vụ quan trọng trong năm\n"
    "qua, đặc biệt là việc hỗ trợ\n"
    "doanh nghiệp đổi mới công\n"
)


def test_caption_set_right_above_its_continuation() -> None:
    text = WRAPPED + "\nToàn cảnh buổi làm việc tại tỉnh.\nnghệ và nâng cao năng suất.\n"
    roles = roles_of(text)
    assert roles["Toàn cảnh buổi làm việc tại tỉnh."] is Role.CAPTION
    assert roles["nghệ và nâng cao năng suất."] is Role.BODY


def test_stacked_captions_each_stand_alone() -> None:
    text = (
        WRAPPED
        + "\nToàn cảnh buổi làm việc tại tỉnh.\nCác đại biểu tham quan mô hình.\n"
        + "nghệ và nâng cao năng suất.\n"
    )
    roles = roles_of(text)
    assert roles["Toàn cảnh buổi làm việc tại tỉnh."] is Role.CAPTION
    assert roles["Các đại biểu tham quan mô hình."] is Role.CAPTION


def test_caption_inside_a_hyphenated_word() -> None:
    text = (
        WRAPPED.replace("đổi mới công", "phát triển KT-")
        + "\nLãnh đạo tỉnh thăm mô hình.\n\nXH của tỉnh trong những\nnăm gần đây.\n"
    )
    assert roles_of(text)["Lãnh đạo tỉnh thăm mô hình."] is Role.CAPTION


def test_short_continuation_is_not_a_caption() -> None:
    text = WRAPPED + "\nnghệ mới.\n\nCác đơn vị khác cũng vậy.\n"
    assert roles_of(text)["nghệ mới."] is Role.BODY


def test_text_cut_at_a_column_break_is_not_a_heading() -> None:
    """The next word did not fit on the line: the line was wrapped, not a heading's end."""
    text = (
        "Các đơn vị đã làm tốt việc này.\n"
        "\n"
        "Theo ông Nguyễn Văn Nam, Sở\n"
        "\n"
        "KH&CN tỉnh đã triển khai nhiều\n"
        "nhiệm vụ quan trọng trong năm\n"
        "qua, đặc biệt là hỗ trợ doanh\n"
        "nghiệp đổi mới công nghệ.\n"
    )
    assert roles_of(text)["Theo ông Nguyễn Văn Nam, Sở"] is Role.BODY


def test_heading_never_ends_a_page() -> None:
    text = (
        "Các đơn vị đã làm tốt việc này.\n"
        "\n"
        "Kết quả bước đầu\n"
        "\n"
        "12\n"
        "\n"
        "Số 4 năm 2022\n"
        "\n"
        "Các đơn vị khác cũng vậy.\n"
    )
    assert roles_of(text)["Kết quả bước đầu"] is Role.BODY


def test_running_head_glued_to_a_text_line_is_split_off() -> None:
    text = WRAPPED + "Số 4 năm 2022\n\nnghệ và nâng cao năng suất.\n"
    roles = roles_of(text)
    assert roles["Số 4 năm 2022"] is Role.RUNNING_HEAD
    assert roles["doanh nghiệp đổi mới công"] is Role.BODY


def test_numbered_and_capital_headings_and_a_byline_with_its_affiliation() -> None:
    text = (
        "Phòng trừ bệnh hại lúa bằng công nghệ mới ở đồng bằng sông Cửu Long\n"
        "\n"
        "1. Đặt vấn đề\n"
        "\n"
        "Bệnh đạo ôn gây thiệt hại lớn\n"
        "cho sản xuất lúa ở nhiều tỉnh.\n"
        "\n"
        "II. KẾT QUẢ VÀ THẢO LUẬN\n"
        "\n"
        "Mô hình đạt độ chính xác cao\n"
        "trên bộ dữ liệu kiểm thử ■\n"
        "\n"
        "ThS. TRẦN THỊ BÌNH\n"
        "Trường Đại học Cần Thơ\n"
    )
    roles = roles_of(text)
    assert roles["1. Đặt vấn đề"] is Role.HEADING
    assert roles["II. KẾT QUẢ VÀ THẢO LUẬN"] is Role.HEADING
    assert roles["ThS. TRẦN THỊ BÌNH"] is Role.BYLINE
    assert roles["Trường Đại học Cần Thơ"] is Role.BYLINE


def test_a_capitals_heading_before_text_is_not_a_byline() -> None:
    text = (
        "Các địa phương đã đạt được\n"
        "nhiều kết quả về kinh tế.\n"
        "\n"
        "KẾT LUẬN\n"
        "\n"
        "Các địa phương tiếp tục đổi\n"
        "mới cơ chế quản lý.\n"
    )
    assert roles_of(text)["KẾT LUẬN"] is not Role.BYLINE


def test_a_place_name_ending_the_title_is_not_a_byline() -> None:
    text = (
        "Nâng cao hiệu quả vật liệu mới thân thiện với môi trường trên địa bàn TP\n"
        "Nha Trang\n"
        "Các nhà khoa học đã giới thiệu nhiều vật liệu mới có khả năng tự phân hủy trong\n"
        "môi trường biển, được thử nghiệm tại các bãi tắm.\n"
        "\n"
        "Kết quả thử nghiệm cho thấy\n"
        "vật liệu phân hủy sau sáu tháng.\n"
    )
    roles = roles_of(text)
    assert roles["Nha Trang"] is Role.TITLE


def test_names_with_an_academic_title_inside_the_band_are_the_byline() -> None:
    text = (
        "Nâng cao hiệu quả vật liệu mới thân thiện với môi trường ở miền Trung\n"
        "PGS.TS Phan Văn Hải\n"
        "Các nhà khoa học đã giới thiệu nhiều vật liệu mới có khả năng tự phân hủy trong\n"
        "môi trường biển, được thử nghiệm tại các bãi tắm.\n"
        "\n"
        "Kết quả thử nghiệm cho thấy\n"
        "vật liệu phân hủy sau sáu tháng.\n"
    )
    roles = roles_of(text)
    assert roles["PGS.TS Phan Văn Hải"] is Role.BYLINE
    assert roles["môi trường biển, được thử nghiệm tại các bãi tắm."] is Role.LEAD


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ("TẠP CHÍ KHOA HỌC & CÔNG NGHỆ", True),
        ("ĐẠI HỌC QUỐC GIA HÀ NỘI", True),
        ("TRƯỜNG ĐẠI HỌC KHOA HỌC TỰ NHIÊN", True),
        ("Viện Nghiên cứu nano", True),
        ("Rule ____________", True),
        ("VIỆN TRỢ PHÁT TRIỂN", False),
        ("Viện dẫn và bình luận", False),
        ("Học viện trong tuần", False),
        ("ĐẠI HỌC VÀ ĐỜI SỐNG", False),
        ("KINH TẾ - XÃ HỘI", False),
    ],
)
def test_a_publishers_name_is_told_from_a_sections(text: str, publisher: bool) -> None:
    assert names_publisher(text) is publisher
