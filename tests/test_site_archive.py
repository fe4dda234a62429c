"""A small archive in a temporary root for the site tests: the seed source, a few synthetic
articles (one with hostile metadata) and the repository's mkdocs.yml and overrides.

The articles are written directly in the article file format, so these tests do not depend on
the converter; the catalogue is read with bantin.catalogue when it exists, else a tiny reader.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import bantin.cite
from bantin.markdown import render_article
from bantin.metadata import FrontMatter
from bantin.model import Block, BlockKind
from bantin.site.build import BuildOptions, BuildResult, Services, Stages, build_site

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "sources/2021/05/000_c2e97c40b65a00ea.txt"
HOSTILE = 'Tiêu đề "x" <script>alert(1)</script> & {{ config }} KH&CN'
HOSTILE_AUTHOR = 'Nguyễn "Văn" <b>A</b> & {% raw %}'
HOSTILE_BODY = "<script>alert('body')</script> [x](javascript:alert(1)) {{ page }} &amp; <b>B</b>"
HOSTILE_LEAD = "Tóm tắt </script><script>alert('lead')</script> & \"quote\""


@dataclass
class FakeEntry:
    front: FrontMatter
    blocks: list[Block]
    path: Path
    url: str


@dataclass
class FakeCatalogue:
    entries: list[FakeEntry] = field(default_factory=list)


def read_fixture_catalogue(docs: Path) -> FakeCatalogue:
    """Front matter of every docs/YEAR/so-N/SLUG.md (the body as plain paragraphs)."""
    entries = []
    for path in sorted(docs.glob("*/so-*/*.md")):
        if path.name == "index.md":
            continue
        text = path.read_text(encoding="utf-8")
        _, head, body = text.split("---\n", 2)
        front = FrontMatter.model_validate(yaml.safe_load(head), strict=False)
        blocks = [Block(BlockKind.PARAGRAPH, p) for p in body.split("\n\n") if p.strip()]
        rel = path.relative_to(docs)
        url = f"{front.year}/so-{front.issue}/{front.slug}/"
        entries.append(FakeEntry(front, blocks, rel, url))
    entries.sort(
        key=lambda e: (e.front.year, e.front.issue, min(e.front.pages or [0]), e.front.slug)
    )
    return FakeCatalogue(entries)


def load_catalogue(docs: Path) -> object:
    try:
        from bantin.catalogue import load_catalogue as real
    except ImportError:
        return read_fixture_catalogue(docs)
    return real(docs)


def services() -> Services:
    """The real catalogue, citations and search index when they exist; no conversion."""
    found = Services(load_catalogue=load_catalogue, cite=bantin.cite)  # type: ignore[arg-type]
    try:
        from bantin.search import build_index
    except ImportError:
        return found
    found.build_index = build_index
    return found


def article_text(front: dict[str, object], paragraphs: list[tuple[str, str]]) -> str:
    head = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1_000_000)
    body = "\n\n".join(f"{text}\n{{: #{anchor} }}" for anchor, text in paragraphs)
    return f"---\n{head}---\n\n## Mở đầu {{ #mo-dau }}\n\n{body}\n"


def add_article(root: Path, source: str, **values: object) -> Path:
    """Write a source file (if missing) and its article in the article file format."""
    source_path = root / source
    if not source_path.exists():
        source_path.parent.mkdir(parents=True, exist_ok=True)
        source_path.write_text(f"{values['title']}\n\nNội dung.\n", encoding="utf-8")
    sha = hashlib.sha256(source_path.read_bytes()).hexdigest()
    front: dict[str, object] = {
        "title": values["title"],
        "authors": values.get("authors", []),
        "date": values.get("date", dt.date(2021, 5, 10)),
        "issue": values.get("issue", 5),
        "year": values.get("year", 2021),
        "section": values.get("section", "Diễn đàn"),
        "pages": values.get("pages", [1]),
        "lead": values.get("lead", "Một đoạn tóm tắt."),
        "slug": values["slug"],
        "source": source,
        "source_sha256": sha,
        "converter": "0.2.0",
        "bulletin": values.get("bulletin", "Bản tin Thử nghiệm"),
    }
    for key in OPTIONAL_KEYS:
        if key in values:
            front[key] = values[key]
    body = str(values.get("body", "Đoạn hai của bài."))
    caption = str(values.get("caption", "Ảnh: hội nghị."))
    cited = [str(text) for text in values.get("references", ())]  # type: ignore[attr-defined]
    folder = root / "docs" / str(front["year"]) / f"so-{front['issue']}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{values['slug']}.md"
    blocks = values.get("blocks")
    if isinstance(blocks, list):
        text = render_article(FrontMatter.model_validate(front, strict=False), blocks)
    else:
        text = render(front, body, caption, cited)
    path.write_text(text, encoding="utf-8")
    return path


#: Front matter an article of the test archive has only when the test gives it.
OPTIONAL_KEYS = (
    "pdf",
    "affiliations",
    "keywords",
    "keywords_en",
    "issue_date",
    "issue_month",
    "publisher",
    "license",
    "doi",
    "issn",
    "eissn",
)


def render(front: dict[str, object], body: str, caption: str, cited: Sequence[str] = ()) -> str:
    """With the project's Markdown writer when it exists, else the same format by hand."""
    try:
        from bantin.markdown import render_article
    except ImportError:
        paragraphs = [("p-doan-mot", "Đoạn một của bài."), ("p-doan-hai", body)]
        return article_text(front, paragraphs)
    blocks = [
        Block(BlockKind.HEADING, "Mở đầu", anchor="mo-dau"),
        Block(BlockKind.PARAGRAPH, "Đoạn một của bài.", anchor="p-doan-mot"),
        Block(BlockKind.FIGURE, caption, anchor="f-anh"),
        Block(BlockKind.PARAGRAPH, body, anchor="p-doan-hai"),
    ]
    if cited:
        blocks.append(Block(BlockKind.HEADING, "Tài liệu tham khảo", anchor="tai-lieu"))
        blocks += [
            Block(BlockKind.REFERENCE, text, anchor=f"r-{number}")
            for number, text in enumerate(cited, start=1)
        ]
    return str(render_article(FrontMatter.model_validate(front, strict=False), blocks))


def copy_hand_written_pages(docs: Path, target: Path) -> None:
    """The repository's own pages (not articles, not what a build generated there)."""
    listing = docs / ".bantin-generated.txt"
    generated = set(listing.read_text("utf-8").split("\n")) if listing.exists() else set()
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs)
        if path.is_dir() or rel.as_posix() in generated or rel.parts[0].isdigit():
            continue
        if rel.name.startswith(".") or rel.as_posix() == "index.md":
            continue
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target / rel)


def make_archive(root: Path) -> Path:
    """The test archive: seed, four synthetic articles in two issues, one hostile."""
    shutil.copytree(REPO / "overrides", root / "overrides")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    hook = REPO / "scripts/bantin/site/mkdocs_hook.py"
    config = re.sub(r"(?m)^  - scripts/bantin/site/mkdocs_hook\.py$", f"  - {hook}", config)
    config = config.replace(
        '!ENV [BANTIN_SITE_URL, "http://127.0.0.1:8000/"]', "https://luutru.example.vn/"
    )
    config = config.replace(
        "extra:\n  generator: false\n", "extra:\n  generator: false\n" + LICENSE
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    copy_hand_written_pages(REPO / "docs", root / "docs")
    (root / "sources/2021/05").mkdir(parents=True)
    shutil.copy(SEED, root / "sources/2021/05" / SEED.name)
    (root / "sources/2021/05/issue.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    write_pdf(root / SEED_PDF, pages=2)
    issue_5 = {"issue_date": ISSUE_DATE, "publisher": PUBLISHER}
    add_article(
        root,
        f"sources/2021/05/{SEED.name}",
        title="KH&CN ngày càng khẳng định vị thế",
        authors=[
            {"name": "Hải Hằng", "affiliation": [1]},
            {"name": "Xuân Bình", "affiliation": [1, 2]},
        ],
        affiliations=AFFILIATIONS,
        pages=[8, 9],
        slug="kh-cn-ngay-cang-khang-dinh-vi-the",
        date=dt.date(2021, 4, 9),  # the day the article tells of, not its publication
        section="Diễn đàn khoa học và công nghệ",
        keywords=["khoa học", "công nghệ"],
        keywords_en=["science"],
        doi=DOI,
        pdf=SEED_PDF,
        references=REFERENCES,
        **issue_5,
    )
    add_article(
        root,
        "sources/2021/05/002.txt",
        title="Bài thứ hai",
        pdf="sources/2021/05/issue.pdf#page=10",
        authors=["Trần Thị Bình"],
        pages=[10],
        slug="bai-thu-hai",
        **issue_5,
    )
    add_article(
        root,
        "sources/2021/05/003.txt",
        body=HOSTILE_BODY,
        caption=HOSTILE_BODY,
        title=HOSTILE,
        authors=[HOSTILE_AUTHOR],
        lead=HOSTILE_LEAD,
        pages=[12, 13],
        slug="bai-hiem-doc",
        section=HOSTILE,
        **issue_5,
    )
    add_article(
        root,
        "sources/2021/06/001.txt",
        title="Bài số sáu",
        authors=["Hải Hằng"],
        issue=6,
        pages=[2],
        slug="bai-so-sau",
        date=dt.date(2021, 6, 2),
        issue_month=6,  # a cover that prints "Tháng 6 năm 2021" and no day
        pdf=EXTERNAL_PDF,
        license=ISSUE_6_LICENSE,
    )
    return root


#: Issue 5 was published on ISSUE_DATE by PUBLISHER; its first article has its own PDF, a
#: DOI, affiliations, keywords and references; the licence of the archive is LICENSE's, but
#: issue 6 has its own.
ISSUE_DATE = dt.date(2021, 5, 15)
PUBLISHER = "Trung tâm Thông tin Thử nghiệm"
AFFILIATIONS = ["Viện Khoa học Thử nghiệm", "Trường Đại học Thử nghiệm"]
DOI = "10.99999/bttn.2021.5.8"
SEED_PDF = "sources/2021/05/000_kh-cn-ngay-cang-khang-dinh-vi-the.pdf"
EXTERNAL_PDF = "https://tap-chi.example.org/pdf/bai-so-sau.pdf"
REFERENCES = [
    "Nguyễn Văn A (2019), “Khoa học và đổi mới”, Tạp chí X, số 3, tr. 1-9.",
    "Trần B (2020), Công nghệ <và> xã hội, Nxb. Y, Hà Nội.",
]
LICENSE = "  license:\n    name: CC BY 4.0\n    url: https://creativecommons.org/licenses/by/4.0/\n"
ISSUE_6_LICENSE = "https://creativecommons.org/licenses/by-nc/4.0/"


def write_pdf(path: Path, pages: int) -> None:
    """A small real PDF of blank pages, the same bytes every time."""
    import pikepdf

    path.parent.mkdir(parents=True, exist_ok=True)
    document = pikepdf.new()
    for _ in range(pages):
        document.add_blank_page()
    document.save(path, deterministic_id=True)


def build(root: Path, **options: object) -> BuildResult:
    return build_site(BuildOptions(root=root, **options), services(), Stages())  # type: ignore[arg-type]
