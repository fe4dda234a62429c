"""The seed article, converted: every expected string below was written by reading the source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bantin.convert.text import convert_file
from bantin.model import Article, BlockKind

SEED = (
    Path(__file__).resolve().parent.parent / "sources" / "2021" / "05" / "000_c2e97c40b65a00ea.txt"
)

TITLE = (
    "Xây dựng chính sách vượt trội để khoa học, công nghệ và đổi mới sáng tạo đóng góp "
    "thiết thực cho phát triển KT-XH địa phương"
)
LEAD = (
    "Đó là chỉ đạo của Bộ trưởng Bộ Khoa học và Công nghệ (KH&CN) Huỳnh Thành Đạt tại Hội nghị "
    "Giám đốc Sở KH&CN toàn quốc được tổ chức ngày 9/4/2021 tại Hà Nội. Bên cạnh đó, theo Tư lệnh "
    "ngành KH&CN, trong thời gian tới cần triển khai mạnh mẽ, quyết liệt và đồng bộ các nội dung: "
    "sắp xếp lại tổ chức bộ máy của các Sở KH&CN theo hướng tinh gọn, hiệu quả; tổ chức thực hiện "
    "tốt các nhiệm vụ khoa học, công nghệ và đổi mới sáng tạo ở địa phương; huy động mọi nguồn lực "
    "cho KH&CN địa phương…"
)
HEADINGS = [
    "KH&CN ngày càng khẳng định vị thế, đóng góp thiết thực cho các mục tiêu phát triển "
    "KT-XH địa phương",
    "Xây dựng chính sách đột phá, công khai, minh bạch",
]
CAPTIONS = [
    "Thứ trưởng Bộ KH&CN Nguyễn Hoàng Giang phát biểu khai mạc Hội nghị.",
    "Lãnh đạo Bộ KH&CN điều hành Hội nghị.",
    "Bộ trưởng Huỳnh Thành Đạt phát biểu chỉ đạo Hội nghị.",
]

# Paragraphs that cross a hyphen wrap, a column break, the title band or a page break.
PARAGRAPH_FIRST = (
    "Với sự tham dự của hàng trăm đại biểu là Lãnh đạo các Sở KH&CN, Lãnh đạo các đơn vị trực "
    "thuộc Bộ KH&CN, các doanh nghiệp, viện nghiên cứu…, trong bài phát biểu khai mạc, Thứ trưởng "
    "Bộ KH&CN Nguyễn Hoàng Giang nhấn mạnh, 2021 là năm có ý nghĩa quan trọng, năm đầu tiên triển "
    "khai kế hoạch phát triển KT-XH giai đoạn 2021-2025. Trong các Nghị quyết số 01/NQ-CP và "
    "02/NQ-CP của Chính phủ, các nội dung về khoa học, công nghệ và đổi mới sáng tạo được đề cập "
    "đến rất nhiều, điều đó chứng tỏ vị trí, vai trò của khoa học, công nghệ và đổi mới sáng tạo "
    "được nhấn mạnh đặc biệt trong bối cảnh mới."
)
PARAGRAPH_COLUMN_BREAK = (
    "Trong thời gian qua, KH&CN từ Trung ương đến địa phương đã nỗ lực đẩy mạnh các giải pháp "
    "nhằm tháo gỡ khó khăn, tạo môi trường thuận lợi nhất để KH&CN đi vào thực tiễn cuộc sống. "
    "Mặc dù vẫn còn một số hạn chế nhưng KH&CN đã ngày càng khẳng định vị thế và đóng góp thiết "
    "thực cho các mục tiêu phát triển KT-XH, bảo đảm quốc phòng - an ninh, xây dựng hệ thống "
    "chính trị vững mạnh ở địa phương."
)
PARAGRAPH_SEMICOLON_BREAK = (
    "Theo báo cáo tại Hội nghị, trong năm 2020 và cả giai đoạn 2015-2020, hoạt động khoa học, "
    "công nghệ và đổi mới sáng tạo ở địa phương đã có nhiều đóng góp nổi bật trong phát triển "
    "KT-XH. Giai đoạn này, Bộ KH&CN đã hỗ trợ các địa phương triển khai gần 800 nhiệm vụ KH&CN "
    "thuộc các chương trình quốc gia: Nông thôn miền núi; Đổi mới công nghệ; Quỹ gen; Nâng cao "
    "năng suất, chất lượng sản phẩm hàng hóa; Sở hữu trí tuệ; Nhiệm vụ cấp thiết phát sinh ở địa "
    "phương nhằm đẩy mạnh ứng dụng, chuyển giao tiến bộ KH&CN, giải quyết những vấn đề thực tiễn "
    "đặt ra."
)
PARAGRAPH_ACROSS_TITLE_BAND = (
    "Chỉ tính riêng trong năm 2020, các địa phương đã triển khai hàng nghìn nhiệm vụ KH&CN các "
    "cấp, tập trung giải quyết đồng bộ các khâu sản xuất theo chuỗi nhằm nâng cao giá trị, sức "
    "cạnh tranh của các sản phẩm trọng điểm, chủ lực, có lợi thế của địa phương. Một số sản phẩm "
    "điển hình có thể kể đến như xoài Sơn La đã xuất khẩu sang thị trường Mỹ, Canada, Australia; "
    "chè (Thái Nguyên); trái cây ở Đồng bằng sông Cửu Long; chế biến rau quả ở Gia Lai, Tây "
    "Ninh…; thủy - hải sản (Phú Yên, Khánh Hòa, An Giang, Đồng Tháp, Cà Mau, Bà Rịa - Vũng "
    "Tàu...). Đặc biệt, có một số sản phẩm chủ lực của tỉnh và vùng đã đem lại hiệu quả kinh tế "
    "cao: phát triển vùng chuyên canh vải thiều Lục Ngạn, Bắc Giang, riêng năm 2020, doanh thu "
    "đạt 6.900 tỷ đồng, chiếm gần 19% giá trị sản xuất ngành nông nghiệp của tỉnh; phát triển "
    "chuỗi giá trị cây dừa Bến Tre với doanh thu 3.300 tỷ đồng, chiếm 12% giá trị sản xuất công "
    "nghiệp của tỉnh..."
)
PARAGRAPH_PAGE_BREAK_START = (
    "Còn theo ông Nguyễn Việt Dũng, Giám đốc Sở KH&CN TP Hồ Chí Minh, từ thực tiễn triển khai "
    "hoạt động KH&CN trên địa bàn cho thấy, ở giai đoạn đầu các doanh nghiệp khởi nghiệp sáng "
    "tạo (phát triển ý tưởng thành sản phẩm, hoàn thiện sản phẩm, ươm tạo, thử nghiệm sự phù hợp "
    "của sản phẩm với thị trường…) gần như không có nguồn hỗ trợ nào từ Nhà nước. Đây cũng là "
    "giai đoạn thất bại nhiều nhất của các doanh nghiệp thuộc loại hình này, do đó Nhà nước cần "
    "có sự quan tâm thỏa đáng và có chính sách hỗ trợ phù hợp đối với nhóm đối tượng này. Trong "
    "phạm vi địa phương, từ năm 2016, TP Hồ Chí Minh đã ban hành nhiều chính sách hỗ trợ thiết "
    "thực cho hoạt động khoa học"
)
PARAGRAPH_LAST = (
    "Tại Hội nghị, Bộ trưởng cũng giao trách nhiệm và yêu cầu thủ trưởng các đơn vị thuộc Bộ, "
    "theo chức năng nhiệm vụ của mình chủ động nghiên cứu, vận dụng các chính sách hiện hành để "
    "trao đổi cùng địa phương giải quyết, tháo gỡ các khó khăn, vướng mắc theo thẩm quyền, với "
    "phương châm đạt được kết quả cuối cùng một cách tốt nhất"
)
PARAGRAPH_LIAN_QUAN = (
    "Liên quan đến việc xây dựng kế hoạch và dự toán ngân sách cho hoạt động khoa học, công nghệ "
    "và đổi mới sáng tạo ở các địa phương, ông Nguyễn Nam Hải, Vụ trưởng Vụ Kế hoạch - Tài chính "
    "nêu lên một số nhiệm vụ trọng tâm cần chú ý trong phân bổ ngân sách giai đoạn 2021-2025 như: "
    "quản lý, thúc đẩy mạnh mẽ hoạt động đổi mới sáng tạo trong viện nghiên cứu, trường đại học; "
    "tiếp tục tháo gỡ rào cản, vướng mắc trong cơ chế tài chính, chính sách để khuyến khích doanh "
    "nghiệp đầu tư mạnh mẽ cho hoạt động ứng dụng công nghệ và đổi mới sáng tạo; đổi mới quy "
    "trình tổ chức thực hiện nhiệm vụ KH&CN, triển khai hiệu quả, đồng bộ các chương trình KH&CN "
    "cấp quốc gia giai đoạn 2021-2025 theo hướng doanh nghiệp đóng vai trò trung tâm, thúc đẩy "
    "phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo…"
)


@pytest.fixture(scope="module")
def article() -> Article:
    return convert_file(SEED)


def _texts(article: Article, kind: BlockKind) -> list[str]:
    return [block.text for block in article.blocks if block.kind is kind]


def test_title_and_lead(article: Article) -> None:
    assert article.title == TITLE
    assert article.lead == LEAD


def test_headings_in_order(article: Article) -> None:
    assert _texts(article, BlockKind.HEADING) == HEADINGS
    assert article.blocks[0].kind is BlockKind.HEADING


def test_captions_out_of_the_flow(article: Article) -> None:
    assert _texts(article, BlockKind.FIGURE) == CAPTIONS
    paragraphs = _texts(article, BlockKind.PARAGRAPH)
    for caption in CAPTIONS:
        assert not any(caption in paragraph for paragraph in paragraphs)


def test_caption_follows_the_paragraph_it_interrupted(article: Article) -> None:
    kinds = [(b.kind, b.text) for b in article.blocks]
    first_caption = kinds.index((BlockKind.FIGURE, CAPTIONS[0]))
    assert kinds[first_caption - 1] == (BlockKind.PARAGRAPH, PARAGRAPH_ACROSS_TITLE_BAND)
    assert article.blocks[-1].text == CAPTIONS[2]


def test_metadata(article: Article) -> None:
    assert [a.name for a in article.authors] == ["Hải Hằng", "Xuân Bình"]
    assert article.date == dt.date(2021, 4, 9)
    assert (article.issue, article.year) == (5, 2021)
    assert article.section == "Diễn đàn khoa học và công nghệ"
    assert article.pages == [8, 9]


@pytest.mark.parametrize(
    "expected",
    [
        PARAGRAPH_FIRST,
        PARAGRAPH_COLUMN_BREAK,
        PARAGRAPH_SEMICOLON_BREAK,
        PARAGRAPH_ACROSS_TITLE_BAND,
        PARAGRAPH_LIAN_QUAN,
        PARAGRAPH_LAST,
    ],
)
def test_paragraph_exact(article: Article, expected: str) -> None:
    assert expected in _texts(article, BlockKind.PARAGRAPH)


def test_paragraph_across_page_break_and_caption(article: Article) -> None:
    paragraphs = _texts(article, BlockKind.PARAGRAPH)
    across = [p for p in paragraphs if p.startswith("Còn theo ông Nguyễn Việt Dũng")]
    assert len(across) == 1
    assert across[0].startswith(PARAGRAPH_PAGE_BREAK_START)
    assert across[0].endswith("ở địa phương thực sự khởi sắc, phát triển.")


def test_remaining_joins(article: Article) -> None:
    body = "\n".join(_texts(article, BlockKind.PARAGRAPH))
    assert "lần thứ XIII thông qua, Bộ KH&CN đang xây dựng" in body
    assert "Để khoa học, công nghệ và đổi mới sáng tạo đáp ứng được yêu cầu" in body
    assert "mục tiêu phát triển KT-XH… Bộ trưởng cũng lưu ý trong thời gian tới" in body


def test_paragraph_count(article: Article) -> None:
    assert len(_texts(article, BlockKind.PARAGRAPH)) == 10


def test_no_running_head_or_end_mark_left(article: Article) -> None:
    for block in article.blocks:
        assert "Số 5 năm 2021" not in block.text
        assert "Diễn đàn khoa học và công nghệ" not in block.text
        assert block.text.strip() != "9"
        assert not block.text.endswith(" ?")
        assert not block.text.endswith("?")
        assert block.text == block.text.strip()
        assert "  " not in block.text
