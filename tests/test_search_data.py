"""Small articles and shared folding cases for the search tests (Python and browser)."""

from __future__ import annotations

import datetime as dt
import html
import json
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from bantin.model import Block, BlockKind

# (input, folded): the browser's fold() must give the same answers as bantin.search.fold.
FOLD_CASES: list[tuple[str, str]] = [
    ("Đổi mới sáng tạo", "doi moi sang tao"),
    (unicodedata.normalize("NFD", "Đổi mới sáng tạo"), "doi moi sang tao"),
    ("ĐẾN ĐÂU", "den dau"),
    ("chương trình quốc gia", "chuong trinh quoc gia"),
    ("KH&CN, KT-XH và ĐMST", "kh&cn, kt-xh va dmst"),
    ("Thủy, thuỷ, Hòa, hoà", "thuy, thuy, hoa, hoa"),
    ("Ứng dụng ở Việt Nam", "ung dung o viet nam"),
    ("Ñandú, Ångström, naïve", "nandu, angstrom, naive"),
    ("COVID-19 năm 2021", "covid-19 nam 2021"),
    ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
]


@dataclass(frozen=True)
class Front:
    title: str
    issue: int
    year: int
    authors: list[str] = field(default_factory=list)
    date: dt.date | None = None
    section: str | None = None
    lead: str = ""

    @property
    def author_names(self) -> list[str]:
        return self.authors


@dataclass(frozen=True)
class Entry:
    front: Front
    blocks: list[Block]
    url: str


def paragraph(text: str, anchor: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text, anchor=anchor)


FILLER = "Nội dung bình thường của bài viết, không có gì đặc biệt ở đây."

ARTICLES: list[Entry] = [
    Entry(
        Front(
            "Đổi mới sáng tạo trong doanh nghiệp",
            5,
            2021,
            ["Nguyễn Văn An"],
            dt.date(2021, 5, 10),
            "Chính sách",
            "Bài viết về đổi mới sáng tạo.",
        ),
        [
            paragraph(FILLER, "p-1"),
            paragraph(FILLER, "p-2"),
            Block(BlockKind.HEADING, "Chương trình quốc gia", anchor="chuong-trinh"),
            paragraph("Chương trình quốc gia về KH&CN đến năm 2030 được phê duyệt.", "p-3"),
        ],
        "2021/so-5/doi-moi-sang-tao/",
    ),
    Entry(
        Front("Đo lường chất lượng", 5, 2021, ["Trần Thị Bình"], None, "Tiêu chuẩn"),
        [
            paragraph("Đo đạc và đo lường phục vụ phát triển KT-XH của địa phương.", "p-1"),
            paragraph("Mới đây, đổi thay nhỏ trong cách đo.", "p-2"),
        ],
        "2021/so-5/do-luong-chat-luong/",
    ),
    Entry(
        Front(
            "Doi moi cong nghe (ban tieng khong dau)",
            6,
            2022,
            ["Nguyễn Văn An"],
            dt.date(2022, 6, 1),
            "Chính sách",
        ),
        [paragraph("Doi moi cong nghe la muc tieu. Den nay da co ket qua.", "p-1")],
        "2022/so-6/doi-moi-cong-nghe/",
    ),
    Entry(
        Front("Năng lượng tái tạo", 6, 2022, ["Lê Hoàng"], None, "Năng lượng"),
        [
            paragraph("Mới sáng nay, đổi hướng gió làm tạo ra điện.", "p-1"),
            paragraph("Chương trình hành động quốc gia về năng lượng.", "p-2"),
            paragraph("<img src=x onerror=alert(1)> là một chuỗi văn bản.", "p-3"),
        ],
        "2022/so-6/nang-luong-tai-tao/",
    ),
]


# Pages the repository's mkdocs.yml lists in its nav: a site for the search tests needs them.
NAV_STUBS = ("index.md", "tac-gia/index.md", "chuyen-muc/index.md", "gioi-thieu.md", "trich-dan.md")
REPO = Path(__file__).resolve().parent.parent


def article_markdown(entry: Entry) -> str:
    """An article page with the block anchors the index links to."""
    lines = ["---", f"title: {json.dumps(entry.front.title, ensure_ascii=False)}", "---", ""]
    lines += [f"# {html.escape(entry.front.title)}", ""]
    if entry.front.lead:
        lines += [html.escape(entry.front.lead), ""]
    for block in entry.blocks:
        text = html.escape(block.text)
        if block.kind is BlockKind.HEADING:
            lines += [f"## {text} {{#{block.anchor}}}", ""]
        else:
            lines += [text, f"{{: #{block.anchor} }}", ""]
    return "\n".join(lines)


def build_search_site(root: Path, entries: list[Entry], pages: bool = True) -> Path:
    """The repository's mkdocs.yml, overrides and search page, the given articles, MkDocs
    into root/site, then the search index; returns the site folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from bantin.search import build_index
    from bantin.site.build import environment
    from bantin.site.mkdocs_hook import SEPARATE_INDEX

    for name in ("mkdocs.yml", "overrides", "scripts/bantin/site/mkdocs_hook.py"):
        source, target = REPO / name, root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    docs = root / "docs"
    shutil.copytree(REPO / "docs" / "search", docs / "search")
    for stub in NAV_STUBS:
        (docs / stub).parent.mkdir(parents=True, exist_ok=True)
        (docs / stub).write_text(f"# {Path(stub).stem}\n", encoding="utf-8")
    assets = docs / "assets" / "bantin"
    assets.mkdir(parents=True)
    for name in ("bantin.css", "bantin.js"):
        shutil.copy2(REPO / "scripts" / "bantin" / "assets" / name, assets / name)
    for entry in entries if pages else []:
        page = docs / entry.url.rstrip("/")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.with_suffix(".md").write_text(article_markdown(entry), encoding="utf-8")
    site = root / "site"
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=True)
    # The index is made below from `entries`, as `bantin build` does in its own process.
    with environment(SEPARATE_INDEX, "1"):
        build(config)
    build_index(entries, site, "http://127.0.0.1:8000/")
    return site


# Queries the browser's parseQuery must read exactly as bantin.search.parse_query does.
QUERY_CASES: list[tuple[str, bool]] = [
    ('"Đổi mới" KH&CN chươ', True),
    ("chương trình quốc gia ", True),
    ("“phát triển KT-XH” tp.hcm", False),
    ('"đổi mới', True),
    (unicodedata.normalize("NFD", "Thứ trưởng Bộ"), True),
    ("<img src=x onerror=alert(1)>", False),
    ("COVID-19 năm 2021", True),
]
