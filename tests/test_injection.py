"""Source text and editors' metadata are data, never markup, from the source to the live page.

An injection corpus is placed in an article's body, heading and caption (through the layout
simulator, as a PDF extraction would give them) and in a sidecar's title, author, lead and
section. After `bantin build`, no page may carry markup that came from those values: no
element, attribute, event handler, `javascript:` link or template expansion of theirs, and the
search fragments must hold the payloads as plain text.
"""

from __future__ import annotations

import json
import random
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from bantin.cli import main
from bantin.simulate import ArticleSpec, Caption, LayoutOptions, Section, lay_out

PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '"><svg onload=alert(3)>',
    "[bấm vào](javascript:alert(4))",
    "{{ config.site_name }} {% raw %}",
    "*đậm* _nghiêng_ `mã` <b>in</b>",
    "&lt;i&gt;thực thể&lt;/i&gt; &amp;",
    "<!-- chú thích --> ]]> <![CDATA[x]]>",
)
#: Markers that prove a payload turned into markup on the page.
LIVE = ("alert(", "onerror", "onload", "javascript:")


class _Collector(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.scripts: list[tuple[str | None, str]] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append((dict(attrs).get("type"), ""))

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            kind, body = self.scripts[-1]
            self.scripts[-1] = (kind, body + data)
        else:
            self.text.append(data)


def hostile_article() -> str:
    paragraphs = tuple(
        f"Đoạn văn thứ {n} nói về khoa học và công nghệ, kèm chuỗi {payload} ở giữa câu."
        for n, payload in enumerate(PAYLOADS, start=1)
    )
    spec = ArticleSpec(
        title="Nghiên cứu ứng dụng công nghệ mới tại địa phương",
        lead="Bài viết giới thiệu kết quả nghiên cứu ứng dụng công nghệ mới tại địa phương.",
        sections=[
            Section("Kết quả nổi bật <script>alert(5)</script>", paragraphs[:4]),
            Section("Đề xuất giải pháp", paragraphs[4:]),
        ],
        captions=[Caption("Ảnh minh họa <img src=x onerror=alert(6)>.", after=1)],
        authors=["Nguyễn Văn An"],
        issue=3,
        year=2022,
    )
    return lay_out(spec, random.Random(7), LayoutOptions(nfd=0.0, crlf=0.0))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    repo = Path(__file__).resolve().parents[1]
    for name in ("mkdocs.yml",):
        (root / name).write_bytes((repo / name).read_bytes())
    import shutil

    shutil.copytree(repo / "overrides", root / "overrides")
    shutil.copytree(repo / "docs" / "search", root / "docs" / "search")
    for page in ("gioi-thieu.md", "trich-dan.md"):
        shutil.copy2(repo / "docs" / page, root / "docs" / page)
    folder = root / "sources" / "2022" / "03"
    folder.mkdir(parents=True)
    (folder / "001_bai.txt").write_text(hostile_article(), encoding="utf-8")
    sidecar = {
        "title": 'Tiêu đề "<script>alert(7)</script>" & {{ x }}',
        "authors": ["Tác giả <img src=x onerror=alert(8)>", "javascript:alert(9)"],
        "lead": "Tóm tắt </textarea><script>alert(10)</script>",
        "section": "Chuyên mục <b onmouseover=alert(11)>x</b>",
    }
    (folder / "001_bai.yml").write_text(
        yaml.safe_dump(sidecar, allow_unicode=True), encoding="utf-8"
    )
    assert main(["build", "--root", str(root)]) == 0
    return root / "site"


def test_no_page_carries_markup_from_the_sources(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert pages
    for page in pages:
        collector = _Collector()
        collector.feed(page.read_text(encoding="utf-8"))
        for tag, attrs in collector.tags:
            assert tag not in {"img", "svg", "b"} or not any(
                name.startswith("on") for name, _ in attrs
            ), f"{page}: live <{tag}> from a source"
            for name, value in attrs:
                assert not name.startswith("on"), f"{page}: event handler {name} on <{tag}>"
                if name in {"href", "src", "action"} and value:
                    assert not value.strip().lower().startswith("javascript:"), (
                        f"{page}: javascript: link"
                    )
        for kind, body in collector.scripts:
            if kind in ("application/json", "application/ld+json"):
                json.loads(body)  # data stays one JSON value: nothing broke out of it
            else:
                assert "alert(" not in body, f"{page}: a payload inside a live script"


def test_the_article_shows_every_payload_as_text(hostile_site: Path) -> None:
    article = next(hostile_site.glob("2022/so-3/*/index.html"))
    collector = _Collector()
    collector.feed(article.read_text(encoding="utf-8"))
    text = " ".join(" ".join(collector.text).split())
    for payload in PAYLOADS:
        assert " ".join(payload.split()) in text, payload
    assert 'Tiêu đề "<script>alert(7)</script>" & {{ x }}' in text
    assert "Ảnh minh họa <img src=x onerror=alert(6)>." in text


def test_search_fragments_hold_the_payloads_as_plain_text(hostile_site: Path) -> None:
    fragments = sorted((hostile_site / "search" / "d").glob("*.z"))
    assert fragments
    texts = [zlib.decompress(f.read_bytes(), -15).decode("utf-8") for f in fragments]
    joined = "\n".join(json.dumps(json.loads(t), ensure_ascii=False) for t in texts)
    assert "<script>alert(1)</script>" in joined
    assert "&lt;script&gt;" not in joined
