"""The Markdown writer and reader: escaping proven by rendering, exact format, frozen anchors."""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown as pymarkdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.yaml import yaml_load

import bantin
from bantin.exceptions import MetadataError
from bantin.markdown import (
    assign_anchors,
    escape,
    parse_article,
    pre_lines,
    render_article,
    unescape,
    written_text,
)
from bantin.metadata import FrontMatter
from bantin.model import Block, BlockKind

ROOT = Path(__file__).resolve().parents[1]
SHA = "a" * 64


def site_extensions() -> tuple[list[Any], dict[str, Any]]:
    """The markdown_extensions of mkdocs.yml, as Python-Markdown takes them."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names: list[Any] = []
    configs: dict[str, Any] = {}
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            ((name, options),) = item.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(item)
    return names, configs


class TextOf(HTMLParser):
    """Visible text of rendered HTML, without the permalink marks toc adds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "a" and ("class", "headerlink") in attrs:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def render(text: str) -> tuple[str, list[str]]:
    names, configs = site_extensions()
    out = pymarkdown.markdown(text, extensions=names, extension_configs=configs)
    parser = TextOf()
    parser.feed(out)
    return "".join(parser.parts).strip(), parser.tags


DANGEROUS = [
    "1975. Năm đó đất nước thống nhất",
    "- không phải danh sách",
    "+ cũng không",
    "# không phải tiêu đề",
    "> không phải trích dẫn",
    "* không phải danh sách",
    "5*3*2 = 30",
    "a _x_ b và __y__",
    "[a](b) và ![c](d) và [e][f]",
    "`x` và ``y``",
    "kết thúc {: #x }",
    "tiêu đề { #y }",
    "<a href='x'>nhấn</a> và <script>alert(1)</script>",
    "&amp; và &#39; và &lt; và &#x27;",
    "KH&CN và KT-XH",
    "{{ config.site_name }} và {% include 'x' %}",
    "/// html | div",
    "//// note",
    "javascript:alert(1)",
    "<http://example.com> và <mailto:a@b.c>",
    "đường dẫn C:\\Windows\\ và \\*",
    "---",
    "***",
    "===",
    "1) một",
    "10.5 độ C",
    "2021.",
    "a | b ~ c ~~d~~",
    "<!-- chú thích -->",
    "trailing backslash \\",
    "# #",
    "[TOC]",
    "[^1]: chú thích",
    "*[HTML]: viết tắt",
    "giá <= 5 và >= 3 và a<b",
    "~~~",
    "```python",
]


@pytest.mark.parametrize("source", DANGEROUS)
def test_escaped_paragraph_renders_as_written(source: str) -> None:
    text, tags = render(escape(source) + "\n{: #p-x }")
    assert text == source
    assert tags == ["p"]


@pytest.mark.parametrize("source", DANGEROUS)
def test_escaped_heading_and_caption_render_as_written(source: str) -> None:
    front = FrontMatter(
        title="t", issue=1, year=2021, slug="t", source="s.txt", source_sha256=SHA, converter="0"
    )
    blocks = assign_anchors([Block(BlockKind.HEADING, source), Block(BlockKind.FIGURE, source)])
    body = render_article(front, blocks).split("---\n", 2)[2]
    text, tags = render(body)
    assert [line for line in text.split("\n") if line.strip()] == [source, source]
    assert set(tags) <= {"h2", "a", "figure", "figcaption"}
    assert tags.count("a") == 1  # the permalink of the heading only


@pytest.mark.parametrize("source", DANGEROUS)
def test_unescape_inverts_escape(source: str) -> None:
    assert unescape(escape(source)) == source


def test_markdown_placeholders_in_the_source_are_dropped() -> None:
    source = "a \x02wzxhzdk:0\x03 b\x00c"
    text, _ = render(escape(source) + "\n{: #p-x }")
    assert text == "a wzxhzdk:0 bc"


def test_line_breaks_inside_a_block_become_spaces() -> None:
    assert escape("một\nhai\r\nba\u2028bốn") == "một hai ba bốn"


def test_plain_text_is_not_over_escaped() -> None:
    assert escape("KH&CN, KT-XH giai đoạn 2021-2025.") == "KH&CN, KT-XH giai đoạn 2021-2025."
    assert escape("1975. Năm") == "1975\\. Năm"


def test_no_live_html_reaches_the_page() -> None:
    names, configs = site_extensions()
    out = pymarkdown.markdown(
        escape("<img src=x onerror=alert(1)> [x](javascript:alert(1))"),
        extensions=names,
        extension_configs=configs,
    )
    assert "<img" not in out and "href" not in out


def sample_front(**changes: Any) -> FrontMatter:
    data: dict[str, Any] = {
        "title": "Xây dựng chính sách",
        "authors": ["Hải Hằng", "Xuân Bình"],
        "date": dt.date(2021, 4, 9),
        "issue": 5,
        "year": 2021,
        "section": "Diễn đàn khoa học và công nghệ",
        "pages": [8, 9],
        "lead": "Đó là nội dung.",
        "slug": "xay-dung-chinh-sach",
        "source": "sources/2021/05/x.txt",
        "source_sha256": SHA,
        "converter": "0.2.0",
        "bulletin": "Bản tin",
    }
    data.update(changes)
    return FrontMatter(**data)


def sample_blocks() -> list[Block]:
    return assign_anchors(
        [
            Block(BlockKind.HEADING, "Chính sách vượt trội"),
            Block(BlockKind.PARAGRAPH, "Một hai ba bốn năm sáu bảy."),
            Block(BlockKind.FIGURE, "Lãnh đạo Bộ KH&CN điều hành Hội nghị."),
        ]
    )


EXPECTED = f"""---
title: Xây dựng chính sách
authors:
- Hải Hằng
- Xuân Bình
date: 2021-04-09
issue: 5
year: 2021
section: Diễn đàn khoa học và công nghệ
pages:
- 8
- 9
lead: Đó là nội dung.
slug: xay-dung-chinh-sach
source: sources/2021/05/x.txt
source_sha256: {SHA}
converter: 0.2.0
bulletin: Bản tin
---

## Chính sách vượt trội {{ #chinh-sach-vuot-troi }}

Một hai ba bốn năm sáu bảy.
{{: #p-mot-hai-ba-bon-nam }}

/// html | figure.bantin-figure#f-lanh-dao-bo-kh-cn-dieu
//// html | figcaption
Lãnh đạo Bộ KH&CN điều hành Hội nghị.
////
///
"""


def test_exact_file_format() -> None:
    assert render_article(sample_front(), sample_blocks()) == EXPECTED


def test_reads_figures_with_an_options_line() -> None:
    """Files written before figure captions were inline by configuration keep reading the same."""
    older = EXPECTED.replace(
        "//// html | figcaption\n", "//// html | figcaption\n    markdown: inline\n"
    )
    assert older != EXPECTED
    assert parse_article(older, "x.md") == parse_article(EXPECTED, "x.md")


def test_round_trip_of_file() -> None:
    parsed = parse_article(EXPECTED, "x.md")
    assert parsed.front == sample_front()
    assert parsed.blocks == [Block(b.kind, b.text, anchor=b.anchor) for b in sample_blocks()]
    assert render_article(parsed.front, parsed.blocks) == EXPECTED


@pytest.mark.parametrize("tricky", ["No", "010", "1.0", "yes", "null", "2021-04-09", "~", "'a'"])
def test_yaml_strings_stay_strings(tricky: str) -> None:
    front = sample_front(title=tricky, authors=[tricky], lead=tricky)
    parsed = parse_article(render_article(front, []), "x.md")
    assert parsed.front.title == tricky
    assert parsed.front.authors == [tricky]
    assert parsed.front.lead == tricky


def test_empty_optional_fields_are_omitted_but_authors_kept() -> None:
    front = sample_front(authors=[], pages=[], section=None, bulletin=None, date=None)
    text = render_article(front, [])
    assert "authors: []\n" in text
    assert "pages" not in text and "section" not in text and "pen_names" not in text
    assert text.endswith("---\n") and not text.endswith("\n\n")


def test_bad_front_matter_key_names_its_line() -> None:
    text = EXPECTED.replace("issue: 5\n", "issue: năm\n")
    with pytest.raises(MetadataError) as caught:
        parse_article(text, "bad.md")
    assert caught.value.problem.line == 7
    assert "issue" in str(caught.value)


def test_unknown_front_matter_key_names_its_line() -> None:
    text = EXPECTED.replace("bulletin: Bản tin\n", "bulletin: Bản tin\ncolour: red\n")
    with pytest.raises(MetadataError) as caught:
        parse_article(text, "bad.md")
    assert caught.value.problem.line == 19


def test_missing_front_matter_is_an_error() -> None:
    with pytest.raises(MetadataError):
        parse_article("# no front matter\n", "bad.md")


def test_editor_wrapped_paragraph_reads_back_joined() -> None:
    text = EXPECTED.replace("Một hai ba bốn năm sáu bảy.", "Một hai ba\nbốn năm sáu bảy.")
    blocks = parse_article(text, "x.md").blocks
    assert blocks[1].text == "Một hai ba bốn năm sáu bảy."
    assert blocks[1].anchor == "p-mot-hai-ba-bon-nam"


def test_anchor_collisions_are_numbered_in_order() -> None:
    blocks = assign_anchors([Block(BlockKind.PARAGRAPH, "Cùng một câu mở đầu ở đây")] * 3)
    assert [b.anchor for b in blocks] == [
        "p-cung-mot-cau-mo-dau",
        "p-cung-mot-cau-mo-dau-2",
        "p-cung-mot-cau-mo-dau-3",
    ]


def test_anchors_are_frozen_when_a_paragraph_is_inserted_before() -> None:
    first = assign_anchors(
        [Block(BlockKind.PARAGRAPH, "Cùng mở đầu năm chữ a"), Block(BlockKind.PARAGRAPH, "B")]
    )
    again = assign_anchors(
        [
            Block(BlockKind.PARAGRAPH, "Cùng mở đầu năm chữ mới chèn"),
            Block(BlockKind.PARAGRAPH, "Cùng mở đầu năm chữ a"),
            Block(BlockKind.PARAGRAPH, "B"),
        ],
        first,
    )
    assert again[1].anchor == first[0].anchor == "p-cung-mo-dau-nam-chu"
    assert again[2].anchor == first[1].anchor
    assert again[0].anchor == "p-cung-mo-dau-nam-chu-2"


def test_anchor_kept_when_a_paragraph_is_corrected_in_place() -> None:
    first = assign_anchors([Block(BlockKind.PARAGRAPH, t) for t in ["Một", "Hai", "Ba"]])
    again = assign_anchors(
        [Block(BlockKind.PARAGRAPH, t) for t in ["Một", "Hai đã sửa lại", "Ba"]], first
    )
    assert [b.anchor for b in again] == [b.anchor for b in first]


def test_anchor_length_is_bounded() -> None:
    (block,) = assign_anchors([Block(BlockKind.HEADING, "dài " * 100)])
    assert len(block.anchor) <= 60
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", block.anchor)


def test_html_escape_is_not_double_applied_in_titles() -> None:
    front = sample_front(title="<b>KH&CN</b>")
    assert parse_article(render_article(front, []), "x.md").front.title == "<b>KH&CN</b>"
    assert html.escape("x") == "x"


MARKUP_ALPHABET = st.sampled_from(
    [*"\\`*_{}[]()#+-.!|~<>&;:/=\"' \t\n%\x02\x03", "&amp;", "&#39;", "1. ", "đ", "Ư", "a"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKUP_ALPHABET, max_size=40).map("".join))
def test_any_text_renders_as_itself(source: str) -> None:
    expected = re.sub(r"\s+", " ", source.replace("\x02", "").replace("\x03", "")).strip()
    if not expected:
        return
    text, tags = render(escape(source) + "\n{: #p-x }")
    assert re.sub(r"\s+", " ", text).strip() == expected
    assert tags == ["p"]
    assert re.sub(r"\s+", " ", unescape(escape(source))) == expected
    front = FrontMatter(
        title="t", issue=1, year=2021, slug="t", source="s.txt", source_sha256=SHA, converter="0"
    )
    blocks = assign_anchors([Block(BlockKind.HEADING, source), Block(BlockKind.FIGURE, source)])
    shown, _ = render(render_article(front, blocks).split("---\n", 2)[2])
    lines = [re.sub(r"\s+", " ", line).strip() for line in shown.split("\n") if line.strip()]
    caption = [re.sub(r"\s+", " ", line).strip() for line in pre_lines(source)]
    assert lines == [expected, *caption]  # a caption's lines are its title's and its notes'


BLOCK_KINDS = st.sampled_from(list(BlockKind))
WITH_LINES = st.lists(MARKUP_ALPHABET | st.just("\n"), max_size=30)
WORDS = st.lists(MARKUP_ALPHABET | st.sampled_from(["Đổi", "mới", " ", "KH&CN"]), max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(BLOCK_KINDS, (WORDS | WITH_LINES).map("".join)), max_size=8))
def test_written_articles_read_back_to_the_same_blocks(items: list[tuple[BlockKind, str]]) -> None:
    blocks = [Block(kind, text) for kind, text in items]
    written = assign_anchors([block for block in blocks if written_text(block)])
    parsed = parse_article(render_article(sample_front(), written), "x.md")
    assert [(b.kind, b.text, b.anchor) for b in parsed.blocks] == [
        (b.kind, written_text(b), b.anchor) for b in written
    ]
    assert assign_anchors(parsed.blocks, parsed.blocks) == parsed.blocks


def written_and_read(blocks: list[Block]) -> tuple[str, Any]:
    """The article file the blocks make, and that file read back."""
    written = render_article(sample_front(), blocks)
    return written, parse_article(written, "x.md")


def test_tables_equations_footnotes_and_references_render_and_read_back() -> None:
    blocks = assign_anchors(
        [
            Block(BlockKind.TABLE, "Chỉ tiêu | 2021\n///\n</pre>\nDoanh thu <tỷ> | 5 & 6 | *7*"),
            Block(BlockKind.EQUATION, "Δ1P = Σ∫M1Mp ds / EJ   (3)"),
            Block(BlockKind.FOOTNOTE, "1 Số liệu của Tổng cục Thống kê."),
            Block(BlockKind.HEADING, "Tài liệu tham khảo"),
            Block(BlockKind.REFERENCE, "Phạm Văn Nghệ. Công nghệ dập thủy tĩnh, 1998."),
            Block(BlockKind.REFERENCE, "Nguyễn *Tất* Tiến. Lý thuyết biến dạng dẻo [M], 2004."),
        ]
    )
    written, parsed = written_and_read(blocks)
    assert [(b.kind, b.text) for b in parsed.blocks] == [(b.kind, b.text) for b in blocks]
    body = written.split("---\n", 2)[2]
    _, tags = render(body)
    names, configs = site_extensions()
    html = pymarkdown.markdown(body, extensions=names, extension_configs=configs)
    assert [tag for tag in tags if tag != "a"][:5] == ["pre", "pre", "p", "h2", "ol"]
    assert "Doanh thu &lt;tỷ&gt; | 5 &amp; 6 | *7*" in html  # kept as printed, never Markdown
    assert "\n///\n" in html  # a line that looks like a block's end stays in the table
    assert html.count("<li") == 2 and 'class="bantin-footnote"' in html


@pytest.mark.parametrize(
    ("headings", "levels"),
    [
        (
            ["1. Mở đầu", "2. Phương pháp", "2.1. Dữ liệu", "a. Nguồn", "2.1.1. Chi tiết"],
            [2, 2, 3, 4, 4],
        ),
        (["b) Điểm", "Lời cảm ơn", "b) Điểm", "Tài liệu tham khảo"], [2, 2, 3, 2]),
        (["2.1. Kết quả", "10.5 độ C", "2.1 Dữ liệu", "2.2. kết quả đo"], [3, 4, 3, 3]),
        (["2.1. Dữ liệu", "Lời cảm ơn", "a. Nguồn"], [3, 2, 3]),
        (
            ["1. Mở đầu", "A. Nguồn", "B. Cách làm", "C. Phép biến đổi", "2. Kết quả"],
            [2, 3, 3, 3, 2],
        ),
        (["I. MỞ ĐẦU", "1. Dữ liệu", "1.1. Nguồn", "II. KẾT QUẢ"], [2, 3, 4, 2]),
        (["1. A", "1.1.1.1.1.1. B"], [2, 6]),
        (
            ["2. Vật liệu", "2.1. Nguyên liệu", "Chủng giống", "Hóa chất", "3. Kết quả"],
            [2, 3, 4, 4, 2],
        ),
        (
            ["1. Giới thiệu", "Thứ nhất, nhân lực", "a. Trình độ", "Thứ hai, vốn", "Kết luận"],
            [2, 3, 4, 3, 2],
        ),
        (["IV. Kết luận", "Tài liệu tham khảo", "Phụ lục 1: Bảng hỏi"], [2, 2, 2]),
        (["Mở đầu", "Thực trạng", "Giải pháp"], [2, 2, 2]),
        (
            ["1.2.1. Mô hình", "Chương 2. Công thức", "2.1. Bài toán", "Phần II. Kết quả"],
            [4, 2, 3, 2],
        ),
        (["2.1. Vật liệu", "Phần vi sinh vật"], [3, 4]),  # "vi": a word, no Roman six
        # a section's name is the whole heading; "Kết luận chương 2" is a part of chapter 2
        (
            ["Chương 2. Mô hình", "2.1. Dữ liệu", "Kết luận chương 2", "Kết luận và kiến nghị"],
            [2, 3, 4, 2],
        ),
        (["2.1. Dữ liệu", "Summary statistics", "Phụ lục A", "Lời cảm ơn:"], [3, 4, 2, 2]),
        # numbers counted again from one under a part of a section are its points
        (
            ["3. Ứng dụng", "3.2. Công nghệ mài", "1. Chuẩn bị:", "2. Tiến hành:", "4. Thảo luận"],
            [2, 3, 4, 4, 2],
        ),
        (["I. MỞ ĐẦU", "1. Dữ liệu", "1.1. Nguồn", "II. KẾT QUẢ", "1. Mô hình"], [2, 3, 4, 2, 3]),
        (["1. Mở đầu", "1.1. Dữ liệu", "2. Kết quả", "Kết luận", "1. Phụ chú"], [2, 3, 2, 2, 2]),
        # only a count from one is a part's points ("2." again after "2.1." is the section)
        (["1. Giới thiệu", "2. Phương pháp", "2.1. Mẫu", "2. Kết quả"], [2, 2, 3, 2]),
        # a section's name joined to another, or "chung", stands at the top
        (
            ["3.1. Dữ liệu", "Kết luận, kiến nghị", "3.1. Mẫu", "Kết luận chung", "3.1. A"],
            [3, 2, 3, 2, 3],
        ),
        (
            ["3.1. Dữ liệu", "TÀI LIỆU THAM KHẢO (REFERENCES)", "3.1. B", "PHỤ LỤC: BẢNG HỎI"],
            [3, 2, 3, 2],
        ),
    ],
)
def test_headings_take_the_level_their_number_gives(headings: list[str], levels: list[int]) -> None:
    """Measured on real articles: every heading came out as a section ("##"), whether its
    number was "2.", "2.1." or "2.1.1.": the page's table of contents was flat. And a heading
    without a number under a numbered one ("2.1. Nguyên liệu" / "Chủng giống") stood above
    it; one naming a section of its own ("Tài liệu tham khảo", "Kết luận") does."""
    blocks = assign_anchors(
        [
            block
            for n, heading in enumerate(headings)
            for block in (
                Block(BlockKind.HEADING, heading),
                Block(BlockKind.PARAGRAPH, f"Đoạn văn số {n} của bài."),
            )
        ]
    )
    written, parsed = written_and_read(blocks)
    found = [len(m.group(1)) for m in re.finditer(r"(?m)^(#+) ", written)]
    assert found == levels
    assert [(b.kind, b.text) for b in parsed.blocks] == [(b.kind, b.text) for b in blocks]
    assert render_article(sample_front(), parsed.blocks) == written


@pytest.mark.parametrize(
    ("blocks", "levels"),
    [
        (  # "2." under section 5, its "1." a paragraph: a point of the part above it
            [
                "# 5. Giải pháp phát triển",
                "Đoạn mở đầu của phần.",
                "# Giải pháp cụ thể",
                "1. Bộ ngành: hoàn thiện khung pháp lý trong năm tới.",
                "# 2. Cơ quan quản lý và giám sát",
                "Đoạn của điểm hai.",
                "3. Đối với hiệp hội, cần phát huy vai trò cầu nối.",
                "# 6. Kết luận",
            ],
            [2, 3, 4, 2],
        ),
        (  # "2." and "3." under "2.2.2.", its "1." a paragraph ending with a colon
            [
                "# 2. Thực nghiệm",
                "# 2.2.2. Giám sát mòn",
                "1. Dự báo mòn theo chế độ cắt:",
                "# 2. Thử nghiệm chức năng giám sát",
                "Đoạn của điểm hai.",
                "# 3. Xây dựng mô hình giám sát",
                "# 3. Kết quả và thảo luận",
            ],
            [2, 4, 5, 5, 2],
        ),
        (  # a list in the text of section 1 leaves the next section's "2." a section
            ["# 1. Mở đầu", "1. Điểm thứ nhất của danh sách.", "# 2. Kết quả"],
            [2, 2],
        ),
    ],
)
def test_a_point_whose_first_is_a_paragraph_is_no_section(
    blocks: list[str], levels: list[int]
) -> None:
    """Measured on real articles: an italic point "2. <an agency> ..." under section 5, the
    point before it ("1. <a ministry>: ...") a paragraph, came out as section 2 ("##") out of the
    article's numbering. A number going back under a section, after a paragraph numbered
    one less, counts that section's points."""
    made = assign_anchors(
        [
            Block(BlockKind.HEADING, text[2:])
            if text.startswith("# ")
            else Block(BlockKind.PARAGRAPH, text)
            for text in blocks
        ]
    )
    written, _ = written_and_read(made)
    assert [len(m.group(1)) for m in re.finditer(r"(?m)^(#+) ", written)] == levels


def test_a_bulleted_list_renders_as_a_list_and_reads_back() -> None:
    """Measured on real articles: the items of bulleted lists (a symbol font's bullet, a
    dash) lost their bullets and came out as paragraphs; they are a list, each item with its
    own anchor, and an editor's file reads back the same."""
    blocks = assign_anchors(
        [
            Block(BlockKind.PARAGRAPH, "Quy trình gồm các bước sau:"),
            Block(BlockKind.ITEM, "Rửa sạch lá rau."),
            Block(BlockKind.ITEM, "1. Cân mẫu và cho vào túi; - ghi nhãn."),
            Block(BlockKind.PARAGRAPH, "- Một đoạn văn mở đầu bằng gạch ngang."),
            Block(BlockKind.ITEM, "Xếp các túi vào tủ lạnh."),
        ]
    )
    written, parsed = written_and_read(blocks)
    assert [(b.kind, b.text, b.anchor) for b in parsed.blocks] == [
        (b.kind, b.text, b.anchor) for b in blocks
    ]
    body = written.split("---\n", 2)[2]
    names, configs = site_extensions()
    page = pymarkdown.markdown(body, extensions=names, extension_configs=configs)
    assert page.count("<ul>") == 2 and page.count("<li") == 3, page
    assert f'<li id="{blocks[1].anchor}">Rửa sạch lá rau.</li>' in page, page
    assert f'<p id="{blocks[3].anchor}">- Một đoạn văn' in page, page


def test_a_captions_notes_stay_lines_of_their_own() -> None:
    """A float's caption holds its title, then each of its notes (the unit, the source) on a
    line of its own: written so, read back so, and shown on the page as lines, not run into
    the title (the figure's caption keeps its line breaks)."""
    caption = "Bảng 2. Tiền lương bình quân\nĐơn vị tính: triệu đồng\nNguồn: Tổng cục Thống kê"
    front = sample_front()
    blocks = assign_anchors([Block(BlockKind.FIGURE, caption)])
    written = render_article(front, blocks)
    assert "Bảng 2. Tiền lương bình quân\nĐơn vị tính: triệu đồng\nNguồn: Tổng" in written
    assert parse_article(written, "x.md").blocks == blocks
    text, tags = render(written.split("---\n", 2)[2])
    assert text.split("\n") == caption.split("\n")
    assert tags == ["figure", "figcaption"]
    css = (Path(bantin.__file__).parent / "assets" / "bantin.css").read_text(encoding="utf-8")
    assert re.search(r"\.bantin-figure figcaption \{[^}]*white-space: pre-line", css)


def test_a_nested_list_renders_nested_and_reads_back() -> None:
    """Measured on unseen articles: lists of two levels ("▪ Để sử dụng dịch vụ, khách hàng
    cần:" over "- Có tài khoản thanh toán ...") came out as one flat list. An item's own items
    are written under it, set in, each with its anchor, read back at their level, and shown on
    the page as a list inside the item."""
    blocks = assign_anchors(
        [
            Block(BlockKind.ITEM, "Để sử dụng dịch vụ, khách hàng cần:"),
            Block(BlockKind.ITEM, "Có tài khoản thanh toán;", level=1),
            Block(BlockKind.ITEM, "Có điện thoại thông minh.", level=1),
            Block(BlockKind.ITEM, "Giải pháp về mức độ đồng cảm."),
        ]
    )
    written, parsed = written_and_read(blocks)
    assert [(b.kind, b.text, b.anchor, b.level) for b in parsed.blocks] == [
        (b.kind, b.text, b.anchor, b.level) for b in blocks
    ]
    body = written.split("---\n", 2)[2]
    names, configs = site_extensions()
    page = pymarkdown.markdown(body, extensions=names, extension_configs=configs)
    assert page.count("<ul>") == 2 and page.count("<li") == 4, page
    inner = page.index("<ul>", page.index("<ul>") + 1)
    assert page.index(f'id="{blocks[0].anchor}"') < inner < page.index(f'id="{blocks[1].anchor}"')
    assert page.index("</ul>") < page.index(f'id="{blocks[3].anchor}"'), page
