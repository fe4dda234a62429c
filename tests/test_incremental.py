"""Incremental builds give the site a build from scratch gives, whatever the cache holds.

Hypothesis draws sequences of an editor's edits on a small archive converted from sources:
add an article, correct one's source, delete one, move one to a new slug through its sidecar,
edit an article's front matter by hand in docs/, give an article its own PDF (or replace the
PDF), change the issue's issue.yml (date, publisher, licence), change mkdocs.yml, its licence,
its `extra`, its navigation, a template override or a partial, upgrade bantin; correct, add,
reorder or remove an article's authors; edit a sidecar (title, authors, keywords, pages); move
a source to another issue or rename it; add the first issue of a new year, withdraw a whole
issue; edit a page by hand (the home page, an issue's, an author's, a hand-written one); edit
or delete a file bantin generates in docs/; add or remove an image; touch a file (same bytes,
new time); write a source back as it first was; edit the URL registry; make an error the
build refuses, then mend it; build with --keep-going past an error. Two edits may come
between builds. Each build runs on a later day (SOURCE_DATE_EPOCH), so
a changed article gets a new last-changed day in the registry, its sitemap `<lastmod>`, feeds,
JSON-LD and index pages. After each edit the archive is built incrementally, and a copy of the
same sources, articles and registry is built from scratch (`--clean`) in another folder: both
site/ trees (pages, JATS files, oai.xml, sitemap, search index...) must hold the same files
with the same bytes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import bantin
from bantin import corpus
from bantin.site import incremental
from bantin.site.build import BuildOptions, BuildResult, Stages, build_site, default_services

REPO = Path(__file__).resolve().parents[1]
SITE_URL = "https://luutru.example.vn/"
ARTICLES = 3
#: Edits that no cache can vouch for: every page is rendered again.
GLOBAL_EDITS = ("config", "licence", "template", "version", "extra", "nav", "partial")
#: What a build that found no input changed says.
NOTHING = "nothing changed since the last build"
EDITS = (
    "add",
    "change",
    "delete",
    "slug",
    "front",
    "pdf",
    "issue",
    "config",
    "licence",
    "template",
    "version",
    "nothing",
    "author",
    "sidecar",
    "move",
    "year",
    "drop_issue",
    "home",
    "generated",
    "static",
    "touch",
    "revert",
    "registry",
    "extra",
    "nav",
    "partial",
    "broken",
    "keepgoing",
)


def make_archive(root: Path) -> Path:
    """A few articles from the synthetic corpus, with the repository's theme and pages."""
    shutil.copytree(REPO / "overrides", root / "overrides")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    hook = REPO / "scripts/bantin/site/mkdocs_hook.py"
    config = re.sub(r"(?m)^  - scripts/bantin/site/mkdocs_hook\.py$", f"  - {hook}", config)
    config = config.replace('!ENV [BANTIN_SITE_URL, "http://127.0.0.1:8000/"]', SITE_URL)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("gioi-thieu.md", "trich-dan.md", "search/index.md"):
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "docs" / name, root / "docs" / name)
    corpus.generate(ARTICLES, root, seed=5)
    return root


def settle(root: Path) -> None:
    """Every file of the archive as if written a minute ago: a build takes a file written
    within the last two seconds (that may change again within the same file time) by its
    bytes, and one written before by its size and time, so two builds on either side of
    that moment would see the same file two ways."""
    past = time.time_ns() - 60_000_000_000
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            os.utime(path, ns=(past, past))


def build(root: Path, clean: bool = False, keep_going: bool = False) -> BuildResult:
    options = BuildOptions(root=root, clean=clean, keep_going=keep_going)
    return build_site(options, default_services(), Stages())


def site_files(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def clean_build_of(root: Path, elsewhere: Path, keep_going: bool = False) -> dict[str, str]:
    """The same sources, articles, registry and configuration built from scratch."""
    skip = shutil.ignore_patterns("site", ".cache", ".site-*", ".search-build-*")
    shutil.copytree(root, elsewhere, ignore=skip)
    build(elsewhere, clean=True, keep_going=keep_going)
    return site_files(elsewhere / "site")


def sources(root: Path) -> list[Path]:
    return sorted((root / "sources").rglob("*.txt"))


def articles(root: Path) -> list[Path]:
    return sorted(p for p in (root / "docs").glob("*/so-*/*.md") if p.name != "index.md")


def sidecar(source: Path) -> tuple[Path, dict[str, object]]:
    path = source.with_suffix(".yml")
    return path, (yaml.safe_load(path.read_text("utf-8")) if path.exists() else {}) or {}


def add(root: Path, n: int, pick: int) -> None:
    """A new article, its own title, in an existing issue or (odd `pick`) the next one."""
    model = sources(root)[pick % len(sources(root))]
    new = model.with_name(f"9{n:02d}_them.txt")
    if pick % 2:
        folder = root / "sources/2015/02"
        folder.mkdir(exist_ok=True)
        issue = "bulletin: Bản tin Khoa học và Công nghệ\nissue: 2\nyear: 2015\n"
        (folder / "issue.yml").write_text(issue + "issue_date: 2015-02-15\n", encoding="utf-8")
        new = folder / new.name
    new.write_text(model.read_text("utf-8") + f"\nĐoạn thêm số {n}.\n", encoding="utf-8")
    path, _ = sidecar(new)
    path.write_text(f"title: Bài thêm số {n} về đổi mới\n", encoding="utf-8")


def change(root: Path, n: int, pick: int) -> None:
    """A correction in one source: the article is converted again."""
    source = sources(root)[pick % len(sources(root))]
    text = source.read_text("utf-8")
    source.write_text(text + f"\nĐoạn sửa số {n} của bài, có từ khóa đổi mới sáng tạo.\n", "utf-8")


def delete(root: Path, n: int, pick: int) -> None:
    """An article withdrawn: source, article and its published URL removed by the editor."""
    if len(sources(root)) < 2:
        return change(root, n, pick)
    source = sources(root)[pick % len(sources(root))]
    rel = source.relative_to(root).as_posix()
    for article in articles(root):
        if f"source: {rel}" in article.read_text("utf-8"):
            article.unlink()
    source.unlink()
    source.with_suffix(".yml").unlink(missing_ok=True)
    registry = root / "published-urls.txt"
    lines = registry.read_text("utf-8").splitlines(keepends=True)
    kept = [line for line in lines if line.split("\t")[1].strip() != rel]
    registry.write_text("".join(kept), "utf-8")


def slug(root: Path, n: int, pick: int) -> None:
    """The editor gives an article a new slug in its sidecar: a redirect stays at the old URL."""
    source = sources(root)[pick % len(sources(root))]
    path, values = sidecar(source)
    values["slug"] = f"bai-doi-ten-{n}"
    path.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")


def front(root: Path, n: int, pick: int) -> None:
    """A hand correction in an article's front matter, in docs/: its lead, its section or
    its title (which every list of articles shows)."""
    article = articles(root)[pick % len(articles(root))]
    field, value = [
        ("lead", f"Tóm tắt sửa tay số {n}."),
        ("section", f"Chuyên mục sửa tay số {n}"),
        ("title", f"Tiêu đề sửa tay số {n}"),
    ][pick % 3]
    text = article.read_text("utf-8")
    changed = re.sub(rf"(?m)^{field}: .*$", f"{field}: {value}", text, count=1)
    if changed == text:
        changed = text.replace("\nslug:", f"\n{field}: {value}\nslug:", 1)
    article.write_text(changed, encoding="utf-8")


def pdf(root: Path, n: int, pick: int) -> None:
    """The issue's PDF (issue.pdf, new bytes each time) linked from an article at its page
    (sidecar `pdf: ...#page=N`) or from every article of the issue (issue.yml `pdf:`), or the
    article's own PDF published elsewhere (an http URL, cited in JATS and OAI-PMH)."""
    source = sources(root)[pick % len(sources(root))]
    whole = source.with_name("issue.pdf")
    whole.write_bytes(b"%PDF-1.4\n% so " + str(n).encode() + b"\n%%EOF\n")
    where = whole.relative_to(root).as_posix()
    if pick % 3 == 1:
        path = source.with_name("issue.yml")
        values = yaml.safe_load(path.read_text("utf-8")) if path.exists() else {}
        values["pdf"] = where
    else:
        path, values = sidecar(source)
        values["pdf"] = f"{where}#page={n + 1}" if pick % 3 == 0 else f"https://x.example/{n}.pdf"
    path.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")


def issue(root: Path, n: int, pick: int) -> None:
    """issue.yml corrected: the issue's date, its publisher or its licence, which every
    article of the issue shows (meta tags, JATS, OAI-PMH, feeds)."""
    source = sources(root)[pick % len(sources(root))]
    path = source.with_name("issue.yml")
    values = yaml.safe_load(path.read_text("utf-8")) if path.exists() else {}
    key, value = [
        ("issue_date", dt.date(2015, 3, 1 + n)),
        ("publisher", f"Nhà xuất bản số {n}"),
        ("license", "https://creativecommons.org/licenses/by/4.0/"),
    ][pick % 3]
    values[key] = value
    path.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")


def licence(root: Path, n: int, pick: int) -> None:
    """The archive's licence in mkdocs.yml (`extra.license`): the footer of every page. It
    changes (a licence drawn again would leave mkdocs.yml as it was: nothing to rebuild)."""
    path = root / "mkdocs.yml"
    before = path.read_text("utf-8")
    text = re.sub(r"(?m)^  license: .*\n", "", before)
    name = ["CC BY 4.0", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-nc/4.0/"]
    others = [value for value in name if f"\n  license: {value}\n" not in before]
    text = text.replace("\nextra:\n", f"\nextra:\n  license: {others[pick % len(others)]}\n", 1)
    path.write_text(text, encoding="utf-8")


def config(root: Path, n: int, pick: int) -> None:
    path = root / "mkdocs.yml"
    text = path.read_text("utf-8")
    text = re.sub(r"(?m)^site_description: .*$", f"site_description: Mô tả số {n}.", text)
    path.write_text(text, encoding="utf-8")


def template(root: Path, n: int, pick: int) -> None:
    path = root / "overrides/main.html"
    text = path.read_text("utf-8")
    path.write_text(
        text.replace("{% block extrahead %}", f"{{% block extrahead %}}<!-- {n} -->", 1), "utf-8"
    )


def version(root: Path, n: int, pick: int) -> None:
    bantin.__version__ = f"{VERSION}.post{n}"


def front_matter_authors(text: str) -> list[str] | None:
    """The `authors` list of an article's front matter (None: it has none)."""
    found = re.search(r"(?m)^authors:\n((?:- .*\n)+)", text)
    return [line[2:] for line in found.group(1).splitlines()] if found else None


def with_authors(text: str, names: list[str]) -> str:
    listed = "authors:\n" + "".join(f"- {name}\n" for name in names)
    if front_matter_authors(text) is None:
        return text.replace("\nslug:", f"\n{listed}slug:", 1)
    return re.sub(r"(?m)^authors:\n(?:- .*\n)+", lambda _: listed, text, count=1)


def author(root: Path, n: int, pick: int) -> None:
    """An author's name corrected in an article's front matter, a co-author added (one of
    another article's authors: a shared author page), the authors reordered or one removed:
    author pages, citations, JATS and OAI-PMH show them."""
    found = articles(root)
    article = found[pick % len(found)]
    text = article.read_text("utf-8")
    names = front_matter_authors(text) or []
    others = [
        name
        for other in found
        if other != article
        for name in front_matter_authors(other.read_text("utf-8")) or []
        if name not in names
    ]
    how = pick % 4
    if how == 1 and others:
        names = [*names, others[n % len(others)]]
    elif how == 2 and len(names) > 1:
        names = names[::-1]
    elif how == 3 and len(names) > 1:
        names = names[:-1]
    else:
        names = [f"Tên Sửa Số {n}", *names[1:]]
    article.write_text(with_authors(text, names), encoding="utf-8")


def sidecar_edit(root: Path, n: int, pick: int) -> None:
    """The editor corrects an article's sidecar: its title, authors, keywords or pages."""
    source = sources(root)[pick % len(sources(root))]
    path, values = sidecar(source)
    key, value = [
        ("title", f"Tiêu đề trong tệp kèm số {n}"),
        ("authors", [f"Tác Giả Kèm {n}", "Hồ Bảo Chi"][: 1 + pick % 2]),
        ("keywords", [f"từ khóa {n}", "đổi mới"]),
        ("pages", [n + 1, n + 3]),
    ][pick % 4]
    values[key] = value
    path.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")


def new_issue(root: Path, year: int, number: int) -> Path:
    folder = root / f"sources/{year}/{number:02d}"
    folder.mkdir(parents=True, exist_ok=True)
    issue = f"bulletin: Bản tin Khoa học và Công nghệ\nissue: {number}\nyear: {year}\n"
    (folder / "issue.yml").write_text(issue + f"issue_date: {year}-0{number}-15\n", "utf-8")
    return folder


def move(root: Path, n: int, pick: int) -> None:
    """A source (with its sidecar) moved to another issue's folder, or renamed in place
    (given a slug of its own: the article of its old name holds its slug); the editor names
    the new file where the article and the registry name the source."""
    source = sources(root)[pick % len(sources(root))]
    path, _ = sidecar(source)
    folder = new_issue(root, 2015, 2) if pick % 2 else source.parent
    if folder == source.parent:
        target = source.with_name(f"8{n:02d}_{source.name}")
    else:
        target = folder / source.name
        if target.exists():
            target = folder / f"8{n:02d}_{source.name}"
    source.rename(target)
    if path.exists():
        path.rename(target.with_suffix(".yml"))
    if folder == source.parent:  # the old article holds the slug, as the build then says
        side, values = sidecar(target)
        values["slug"] = f"bai-doi-tep-{n}"
        side.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
    before, after = (f.relative_to(root).as_posix() for f in (source, target))
    for article in articles(root):  # the editor follows the move where the source is named
        text = article.read_text("utf-8")
        if f"source: {before}\n" in text:
            article.write_text(text.replace(f"source: {before}\n", f"source: {after}\n"), "utf-8")
    path = root / "published-urls.txt"
    path.write_text(path.read_text("utf-8").replace(f"\t{before}\t", f"\t{after}\t"), "utf-8")


def year(root: Path, n: int, pick: int) -> None:
    """The first issue of a new year: a year page, a new issue, its article."""
    model = sources(root)[pick % len(sources(root))]
    folder = new_issue(root, 2016 + pick % 2, 1)
    new = folder / f"7{n:02d}_nam-moi.txt"
    new.write_text(model.read_text("utf-8") + f"\nĐoạn năm mới số {n}.\n", encoding="utf-8")
    new.with_suffix(".yml").write_text(f"title: Bài năm mới số {n}\n", encoding="utf-8")


def drop_issue(root: Path, n: int, pick: int) -> None:
    """A whole issue withdrawn: its folder of sources, its articles and their URLs."""
    folders = sorted({source.parent for source in sources(root)})
    if len(folders) < 2:
        return year(root, n, pick)
    folder = folders[pick % len(folders)]
    rels = {s.relative_to(root).as_posix() for s in folder.glob("*.txt")}
    for article in articles(root):
        text = article.read_text("utf-8")
        if any(f"source: {rel}\n" in text for rel in rels):
            article.unlink()
    shutil.rmtree(folder)
    registry = root / "published-urls.txt"
    lines = registry.read_text("utf-8").splitlines(keepends=True)
    kept = [line for line in lines if line.split("\t")[1].strip() not in rels]
    registry.write_text("".join(kept), "utf-8")


def home(root: Path, n: int, pick: int) -> None:
    """A page edited by hand: a page bantin writes (the home page, an issue's, an author's)
    or one the editor wrote (gioi-thieu.md)."""
    docs = root / "docs"
    pages = [docs / "index.md", docs / "gioi-thieu.md", *sorted(docs.glob("*/so-*/index.md"))]
    pages += sorted(docs.glob("tac-gia/*/index.md"))[:1]
    page = pages[pick % len(pages)]
    text = page.read_text("utf-8") if page.exists() else "# Trang\n"
    page.write_text(text + f"\nĐoạn viết tay số {n}.\n", encoding="utf-8")


def generated(root: Path, n: int, pick: int) -> None:
    """A file bantin generates in docs/ edited, deleted or replaced by hand: an author page,
    an article's CSL-JSON or RIS, the catalogue."""
    docs = root / "docs"
    found = [
        *sorted(docs.glob("tac-gia/*/index.md"))[:1],
        *sorted(docs.glob("*/so-*/*/*.json"))[:1],
        *sorted(docs.glob("*/so-*/*/*.ris"))[:1],
        docs / "catalogue.json",
        docs / "oai.xml",
        *sorted(docs.glob("*/so-*/feed.xml"))[:1],
    ]
    target = found[pick % len(found)]
    if (pick // len(found)) % 2 and target.exists():
        target.unlink()
    else:
        target.write_text(f"sửa tay {n}\n", encoding="utf-8")


def static(root: Path, n: int, pick: int) -> None:
    """An image or other static file added to docs/ (beside the articles or in assets/), or
    one added before removed."""
    docs = root / "docs"
    added = sorted(docs.glob("**/hinh-*.*"))
    if pick % 3 == 2 and added:
        added[n % len(added)].unlink()
        return
    folder = docs / ("assets/anh" if pick % 3 else "2015/so-1")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"hinh-{n}.svg").write_text(f"<svg><!-- {n} --></svg>\n", encoding="utf-8")


def touch(root: Path, n: int, pick: int) -> None:
    """An input touched: a new file time, the same bytes."""
    found = [
        *sources(root),
        *articles(root),
        root / "mkdocs.yml",
        root / "published-urls.txt",
        root / "overrides/main.html",
        root / "docs/gioi-thieu.md",
        *sorted((root / "sources").rglob("issue.yml")),
    ]
    target = found[pick % len(found)]
    later = time.time_ns() + (n + 1) * 1_000_000
    os.utime(target, ns=(later, later))


#: The sources as the archive was made (`revert` writes them back: A, B, A).
ORIGINAL: dict[Path, tuple[str, str | None]] = {}


def remember(root: Path) -> None:
    ORIGINAL.clear()
    for source in sources(root):
        path, _ = sidecar(source)
        ORIGINAL[source] = (
            source.read_text("utf-8"),
            path.read_text("utf-8") if path.exists() else None,
        )


def revert(root: Path, n: int, pick: int) -> None:
    """A source and its sidecar written back as they were first (the same bytes after a
    change: the same article as then, a new file time)."""
    present = [source for source in ORIGINAL if source.exists()]
    if not present:
        return change(root, n, pick)
    source = present[pick % len(present)]
    text, side = ORIGINAL[source]
    source.write_text(text, encoding="utf-8")
    if side is None:
        source.with_suffix(".yml").unlink(missing_ok=True)
    else:
        source.with_suffix(".yml").write_text(side, encoding="utf-8")


def registry(root: Path, n: int, pick: int) -> None:
    """published-urls.txt edited by hand: an article's last-changed day moved, or its line
    removed (the build writes it again)."""
    path = root / "published-urls.txt"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    if not lines:
        return
    at = pick % len(lines)
    if pick % 2:
        del lines[at]
    else:
        fields = lines[at].rstrip("\n").split("\t")
        fields[-1] = f"2014-0{1 + n % 9}-0{1 + pick % 9}"
        lines[at] = "\t".join(fields) + "\n"
    path.write_text("".join(lines), "utf-8")


def extra(root: Path, n: int, pick: int) -> None:
    """`extra` of mkdocs.yml changed (not the licence): every page's template reads it."""
    path = root / "mkdocs.yml"
    text = re.sub(r"(?m)^  bantin_note: .*\n", "", path.read_text("utf-8"))
    path.write_text(text.replace("\nextra:\n", f"\nextra:\n  bantin_note: {n}\n", 1), "utf-8")


def nav(root: Path, n: int, pick: int) -> None:
    """A title of the navigation in mkdocs.yml changed."""
    path = root / "mkdocs.yml"
    text = re.sub(r"(?m)^  - Giới thiệu[^:]*: ", f"  - Giới thiệu {n}: ", path.read_text("utf-8"))
    path.write_text(text, "utf-8")


def partial(root: Path, n: int, pick: int) -> None:
    """A partial template of the theme's overrides (not main.html) changed."""
    path = root / "overrides/partials" / ["copyright.html", "header.html"][pick % 2]
    path.write_text(path.read_text("utf-8") + f"<!-- {n} -->\n", "utf-8")


def broken(root: Path, n: int, pick: int) -> None:
    """A bad edit (front matter that is not YAML, a sidecar with pages out of order): the
    build fails and publishes nothing; the editor mends it (a little changed) and builds."""
    if pick % 2:
        target = articles(root)[pick % len(articles(root))]
        before = target.read_text("utf-8")
        target.write_text(before.replace("\ntitle:", "\ntitle: [sai\ntitle:", 1), "utf-8")
    else:
        source = sources(root)[pick % len(sources(root))]
        target, values = sidecar(source)
        before = target.read_text("utf-8") if target.exists() else ""
        target.write_text(yaml.safe_dump({**values, "pages": [9, 2]}), encoding="utf-8")
    with contextlib.suppress(Exception):
        build(root)
    if before:
        target.write_text(before, encoding="utf-8")
    else:
        target.unlink()
    change(root, n, pick)


def keepgoing(root: Path, n: int, pick: int) -> None:
    """A sidecar with an error built with --keep-going (the other articles built), equal to
    a clean --keep-going build of the same; then the sidecar is mended."""
    source = sources(root)[pick % len(sources(root))]
    target, values = sidecar(source)
    before = target.read_text("utf-8") if target.exists() else None
    target.write_text(yaml.safe_dump({**values, "pages": [9, 2]}), encoding="utf-8")
    build(root, keep_going=True)
    expected = clean_build_of(root, root.parent / f"clean-keep-going-{n}", keep_going=True)
    assert site_files(root / "site") == expected, f"keep going {n}"
    if before is None:
        target.unlink()
    else:
        target.write_text(before, encoding="utf-8")


def nothing(root: Path, n: int, pick: int) -> None:
    """No edit: the build returns at once when the last one could vouch for its inputs."""


VERSION = bantin.__version__
#: What a build of a clean copy (`clean_build_of`, which some edits run) logs.
CLEAN_BUILD = "full build: --clean"
EDIT: dict[str, Callable[[Path, int, int], None]] = {
    "add": add,
    "change": change,
    "delete": delete,
    "slug": slug,
    "front": front,
    "pdf": pdf,
    "issue": issue,
    "config": config,
    "licence": licence,
    "template": template,
    "version": version,
    "nothing": nothing,
    "author": author,
    "sidecar": sidecar_edit,
    "move": move,
    "year": year,
    "drop_issue": drop_issue,
    "home": home,
    "generated": generated,
    "static": static,
    "touch": touch,
    "revert": revert,
    "registry": registry,
    "extra": extra,
    "nav": nav,
    "partial": partial,
    "broken": broken,
    "keepgoing": keepgoing,
}

#: An edit, which of the files it picks, and whether the next edit comes before the build
#: (two edits between builds).
Edit = tuple[str, int] | tuple[str, int, bool]
edit_sequences = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(EDITS), st.integers(min_value=0, max_value=9)),
        st.tuples(st.sampled_from(EDITS), st.integers(min_value=0, max_value=9), st.booleans()),
    ),
    min_size=1,
    max_size=3,
)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=edit_sequences)
@example(edits=[("add", 0), ("front", 1), ("slug", 2)])
@example(edits=[("licence", 0), ("add", 0), ("licence", 6)])
@example(edits=[("change", 1), ("delete", 0), ("config", 0)])
@example(edits=[("template", 0), ("version", 0), ("add", 3)])
@example(edits=[("add", 1), ("change", 3), ("delete", 3)])
@example(edits=[("front", 4), ("front", 5), ("slug", 1)])
@example(edits=[("pdf", 0), ("pdf", 1), ("pdf", 2)])
@example(edits=[("issue", 1), ("issue", 2), ("licence", 0)])
@example(edits=[("change", 2), ("issue", 0), ("pdf", 0)])
@example(edits=[("slug", 0), ("nothing", 0), ("add", 1)])
@example(edits=[("nothing", 0), ("front", 1), ("nothing", 0)])
@example(edits=[("author", 1), ("sidecar", 1, True), ("move", 1)])
@example(edits=[("year", 0, True), ("static", 1), ("drop_issue", 0), ("generated", 0)])
@example(edits=[("touch", 0, True), ("registry", 0), ("revert", 0, True), ("home", 0)])
@example(edits=[("broken", 1), ("keepgoing", 0), ("partial", 0, True), ("author", 2)])
@example(edits=[("add", 3), ("licence", 4, True), ("keepgoing", 3)])
def test_incremental_build_equals_a_clean_build(edits: list[Edit]) -> None:
    from bantin.site import unchanged

    with (
        tempfile.TemporaryDirectory(prefix="bantin-incr-") as folder,
        later_days() as day,
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setattr(unchanged, "RACY_NS", 0)  # edits follow builds within the same second
        patch.setattr(unchanged, "FINE_RACY_NS", 0)
        root = make_archive(Path(folder) / "archive")
        said, logger = Said(), logging.getLogger("bantin.site")
        level = logger.level
        logger.addHandler(said)
        logger.setLevel(logging.INFO)
        try:
            build(root)
            remember(root)
            kinds: set[str] = set()
            for n, (kind, pick, *then) in enumerate(edits):
                if not kinds:
                    # From the batch's first edit: an edit that builds itself ("broken",
                    # "keepgoing") after a global one is the batch's full build.
                    said.lines.clear()
                EDIT[kind](root, n, pick)
                kinds.add(kind)
                if then and then[0] and n + 1 < len(edits):
                    continue  # the next edit comes before the build
                if kinds != {"nothing"}:
                    day(n + 1)
                recorded = unchanged.stamp_path(root).exists()
                build(root)
                # The record describes site/'s folders as the build left them.
                assert site_record_is_site(root) or not unchanged.stamp_path(root).exists()
                full = [line for line in said.lines if line.startswith("full build")]
                full = [line for line in full if line != CLEAN_BUILD]  # (of clean copies)
                assert bool(full) == bool(kinds & set(GLOBAL_EDITS)), full
                at_once = [line for line in said.lines if line.startswith(NOTHING)]
                assert bool(at_once) == (kinds == {"nothing"} and recorded), said.lines
                kinds.clear()
                expected = clean_build_of(root, Path(folder) / f"clean-{n}")
                assert site_files(root / "site") == expected, f"after {edits[: n + 1]}"
        finally:
            logger.removeHandler(said)
            logger.setLevel(level)
            bantin.__version__ = VERSION


@contextlib.contextmanager
def later_days() -> Iterator[Callable[[int], None]]:
    """`day(n)`: the builds that follow run n days after the first (SOURCE_DATE_EPOCH)."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    start = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)

    def day(n: int) -> None:
        os.environ["SOURCE_DATE_EPOCH"] = str(int((start + dt.timedelta(days=n)).timestamp()))

    day(0)
    try:
        yield day
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


class Said(logging.Handler):
    """What the build logged."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@contextlib.contextmanager
def site_log() -> Iterator[Said]:
    """What the site build logs at INFO level while the block runs."""
    said, logger = Said(), logging.getLogger("bantin.site")
    level = logger.level
    logger.addHandler(said)
    logger.setLevel(logging.INFO)
    try:
        yield said
    finally:
        logger.removeHandler(said)
        logger.setLevel(level)


def test_nothing_changed_renders_no_article_and_keeps_every_file(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    build(root)
    before = site_files(root / "site")
    article = root / "site" / articles(root)[0].relative_to(root / "docs").with_suffix("")
    page = article / "index.html"
    inode = page.stat().st_ino
    build(root)
    assert site_files(root / "site") == before
    assert page.stat().st_ino == inode, "an unchanged page is the published file, kept"


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (config, "mkdocs.yml changed"),
        (template, "theme overrides changed"),
        (version, "bantin version changed"),
    ],
)
def test_what_the_cache_cannot_vouch_for_is_a_full_build_and_the_log_says_why(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    edit: Callable[[Path, int, int], None],
    reason: str,
) -> None:
    root = make_archive(tmp_path)
    build(root)
    try:
        edit(root, 1, 0)
        with caplog.at_level(logging.INFO, logger="bantin.site"):
            build(root)
    finally:
        bantin.__version__ = VERSION
    assert f"full build: {reason}" in caplog.text


def test_clean_and_a_lost_cache_build_everything(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = make_archive(tmp_path)
    build(root)
    with caplog.at_level(logging.INFO, logger="bantin.site"):
        build(root, clean=True)
        assert "full build: --clean" in caplog.text
        incremental.state_path(root).unlink()
        build(root)
        assert "full build: no build cache" in caplog.text


def test_a_site_the_cache_does_not_describe_is_built_in_full(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = make_archive(tmp_path)
    build(root)
    before = site_files(root / "site")
    shutil.copytree(root / "site", tmp_path / "copy")
    shutil.rmtree(root / "site")
    (tmp_path / "copy").rename(root / "site")
    with caplog.at_level(logging.INFO, logger="bantin.site"):
        build(root)
    assert "full build: site/ is not the one the build cache describes" in caplog.text
    assert site_files(root / "site") == before


def test_files_missing_from_the_published_site_are_made_again(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    build(root)
    before = site_files(root / "site")
    unchanged = root / "site" / articles(root)[0].relative_to(root / "docs").with_suffix("")
    (unchanged / "index.html").unlink()
    (root / "site/catalogue.json").unlink()
    (root / "site/assets/bantin/bantin.css").unlink()
    build(root)
    assert site_files(root / "site") == before


def by_hand_in_docs(root: Path, n: int) -> None:
    """Edits in docs/ an editor may make between builds, with the build cache untouched."""
    docs = root / "docs"
    generated = sorted(p for p in docs.glob("*/so-*/*/*.bib"))
    steps: list[Callable[[], None]] = [
        lambda: (docs / "tai-lieu").mkdir(),
        lambda: (docs / "tai-lieu/ghi-chu.txt").write_text("Ghi chú.\n", encoding="utf-8"),
        lambda: (docs / "tai-lieu/ghi-chu.txt").rename(docs / "tai-lieu/ghi-chu-moi.txt"),
        lambda: (docs / "gioi-thieu.md").write_text("# Giới thiệu\n\nSửa tay.\n", "utf-8"),
        lambda: (docs / "tai-lieu/ghi-chu-moi.txt").unlink(),
        lambda: generated[0].write_text("@article{sua-tay}\n", encoding="utf-8"),
        lambda: generated[0].unlink(),
    ]
    steps[n]()


@pytest.mark.parametrize("steps", [[0, 1], [0, 1, 2], [0, 1, 2, 4], [3], [5], [6]])
def test_files_added_removed_renamed_or_edited_in_docs_by_hand_are_seen(
    tmp_path: Path, steps: list[int]
) -> None:
    """The build walks docs/ once and every stage takes what it needs from that walk: a file
    added, renamed, removed or edited by hand in docs/ (a generated one too, which the build
    makes again) is seen, and the site is the one a build from scratch makes."""
    root = make_archive(tmp_path)
    build(root)
    for n, step in enumerate(steps):
        by_hand_in_docs(root, step)
        build(root)
        expected = clean_build_of(root, tmp_path / f"clean-{n}")
        assert site_files(root / "site") == expected, f"after steps {steps[: n + 1]}"


def site_record_is_site(root: Path) -> bool:
    """The record of the last build describes site/'s folders as they are."""
    from bantin.site import unchanged

    stamp = unchanged.read_stamp(root)
    listing = unchanged.Listing()
    unchanged.walk_folders(root / "site", "site/", listing.site)
    return stamp is not None and stamp["site"] == listing.site_digest()


def test_site_folders_are_walked_at_the_start_only_when_every_input_is_the_last_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """site/'s folders tell whether the published site was touched, which matters only when
    no input changed: a build after a correction does not walk them (the process that
    brought the spare site up to date listed its folders, and the build looks again only at
    those it changed), yet records them as they are; one that finds nothing changed walks
    them once (to compare). Without the spare's listing a rebuild walks them for its record."""
    from bantin.site import unchanged

    root = make_archive(tmp_path)
    build(root)
    walked: list[str] = []
    real = unchanged.walk_folders

    def counting(folder: Path, prefix: str, found: dict[str, Any]) -> None:
        walked.append(prefix)
        real(folder, prefix, found)

    monkeypatch.setattr(unchanged, "walk_folders", counting)
    front(root, 1, 0)
    settle(root)  # no file saved moments before the build: it leaves its record
    build(root)
    assert walked == []
    assert site_record_is_site(root)
    walked.clear()
    build(root)
    assert walked == ["site/"]
    walked.clear()

    def lost(path: Path) -> dict[str, tuple[int, int, int]]:
        raise OSError(f"{path}: lost")

    monkeypatch.setattr(incremental, "read_folder_times", lost)
    front(root, 2, 0)
    settle(root)
    build(root)
    assert walked == ["site/"] and site_record_is_site(root)


def test_a_link_out_of_docs_where_a_generated_file_was_is_refused(tmp_path: Path) -> None:
    """The build's one walk of docs/ does not look at the files it generated there, but a
    symbolic link put in one's place (to a file outside docs/, which MkDocs would publish)
    is seen and refused, as anywhere in docs/, by a build that has work to do (one that finds
    no input changed keeps the published site, which holds no such link)."""
    from bantin.exceptions import BuildError

    root = make_archive(tmp_path / "archive")
    build(root)
    secret = tmp_path / "secret.txt"
    secret.write_text("khóa bí mật\n", encoding="utf-8")
    generated = sorted((root / "docs").glob("*/so-*/*/*.bib"))[0]
    generated.unlink()
    generated.symlink_to(secret)
    front(root, 1, 1)  # whatever the clock says, the next build has work to do
    with pytest.raises(BuildError, match="symbolic link"):
        build(root)
    assert "khóa bí mật" not in "".join(
        p.read_text("utf-8", errors="replace") for p in (root / "site").rglob("*.bib")
    )


def test_the_search_index_is_updated_in_place(tmp_path: Path) -> None:
    """A corrected article: unchanged index files are the published ones (same inode, same
    time), the fragment of the article is new, and a search finds the correction."""
    from bantin.search.query import search

    root = make_archive(tmp_path / "archive")
    build(root)
    index = root / "site/search"

    def stamps() -> dict[str, tuple[int, int]]:
        found = {}
        for path in index.rglob("*.z"):
            info = path.stat()
            found[path.relative_to(index).as_posix()] = (info.st_ino, info.st_mtime_ns)
        return found

    before = stamps()
    source = sources(root)[1]
    source.write_text(source.read_text("utf-8") + "\nNông dân trồng thanh long ruột đỏ.\n", "utf-8")
    build(root)
    after = stamps()
    kept = [name for name in after if after[name] == before.get(name)]
    assert any(name[:2] in ("t/", "b/") for name in kept), "shards without its words are kept"
    assert len([name for name in after if name.startswith("d/") and name not in kept]) == 1
    assert site_files(root / "site") == clean_build_of(root, tmp_path / "clean")
    hits = search(index, "thanh long ruột đỏ").hits
    assert [hit.url for hit in hits] == [
        hit.url for hit in search(tmp_path / "clean/site/search", "thanh long ruột đỏ").hits
    ]
    assert hits


def test_a_search_file_missing_from_the_published_site_means_a_full_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = make_archive(tmp_path)
    build(root)
    before = site_files(root / "site")
    (root / "site/search/t/0.z").unlink()
    with caplog.at_level(logging.INFO, logger="bantin.site"):
        build(root)
    assert "full build: site/search/t/0.z is missing" in caplog.text
    assert site_files(root / "site") == before


def test_whatever_the_spare_folder_holds_the_site_is_the_same(tmp_path: Path) -> None:
    """The previous site kept for the next build is scratch space: stray files, files with
    other bytes and missing files there change nothing in what is published."""
    root = make_archive(tmp_path)
    build(root)
    change(root, 0, 0)
    build(root)  # an incremental build: the site it replaced is kept as the spare
    spare = root / incremental.SPARE
    assert spare.is_dir()
    (spare / "rac.html").write_text("rác", encoding="utf-8")
    (spare / "index.html").unlink()
    (spare / "index.html").write_text("khác", encoding="utf-8")
    (spare / "sitemap.xml").unlink()
    change(root, 1, 0)
    build(root)
    assert site_files(root / "site") == clean_build_of(root, tmp_path / "clean")


def test_the_cached_catalogue_is_the_catalogue(tmp_path: Path) -> None:
    """Front matter from the cache and blocks read on demand: the same entries as reading
    every article, also after an edit."""
    import os

    from bantin.catalogue import load_catalogue

    root = make_archive(tmp_path)
    build(root)
    cache = tmp_path / "catalogue.json"
    docs = root / "docs"
    for path in articles(root):  # written more than a moment ago: their times can be trusted
        old = os.stat(path)
        os.utime(path, ns=(old.st_atime_ns - 10**10, old.st_mtime_ns - 10**10))
    article = articles(root)[0]
    load_catalogue(docs, cache)
    cached = load_catalogue(docs, cache)
    assert all(entry.read_blocks is None for entry in cached.entries), "all from the cache"
    assert cached.entries == load_catalogue(docs).entries
    assert [e.blocks for e in cached.entries] == [e.blocks for e in load_catalogue(docs).entries]
    text = article.read_text("utf-8")
    changed = re.sub(r"(?m)^lead: .*$", "lead: Tóm tắt khác.", text, count=1)
    assert changed != text
    article.write_text(changed, "utf-8")
    again = load_catalogue(docs, cache).entries
    assert again == load_catalogue(docs).entries
    assert "Tóm tắt khác." in [entry.front.lead for entry in again]


def test_a_damaged_row_of_the_catalogue_cache_is_never_trusted(tmp_path: Path) -> None:
    """The build's catalogue cache keeps one row per article in the build cache's database:
    a row whose front matter does not validate, or whose columns are not of their types, is
    not used (that article is read again); the catalogue is the one reading every article
    gives, and the cache is whole again afterwards."""
    import sqlite3

    from bantin.catalogue import load_catalogue
    from bantin.site import cachedb
    from bantin.site.build import cached_catalogue

    root = make_archive(tmp_path)
    build(root)
    for path in articles(root):  # written more than a moment ago: their times can be trusted
        old = os.stat(path)
        os.utime(path, ns=(old.st_atime_ns - 10**10, old.st_mtime_ns - 10**10))
    docs = root / "docs"
    cached_catalogue(docs)
    assert all(entry.read_blocks is None for entry in cached_catalogue(docs).entries)
    first, second, third = [p.relative_to(docs).as_posix() for p in articles(root)[:3]]
    with contextlib.closing(sqlite3.connect(cachedb.path_of(root))) as db, db:
        db.execute("UPDATE catalogue SET front = '{\"title\": 1' WHERE path = ?", (first,))
        db.execute("UPDATE catalogue SET size = 'x' WHERE path = ?", (second,))
        db.execute("UPDATE catalogue SET invisible = '{' WHERE path = ?", (third,))
    damaged = cached_catalogue(docs).entries
    assert damaged == load_catalogue(docs).entries
    read_again = {e.path.as_posix() for e in damaged if e.read_blocks is not None}
    assert read_again == {first, second, third}
    assert all(entry.read_blocks is None for entry in cached_catalogue(docs).entries)


@pytest.mark.parametrize("mirror_fails", [False, True])
def test_a_folder_in_the_spare_where_a_file_goes_is_mended_or_means_a_full_build(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    mirror_fails: bool,
) -> None:
    """The spare site is made a copy of the published one while the build writes its pages
    (a folder where a file goes is removed); when that fails, the build assembles the site
    itself, and a folder where a file goes means a full build."""
    root = make_archive(tmp_path)
    build(root)
    change(root, 1, 1)  # an incremental build keeps the site it replaces as the spare (one
    build(root)  # with nothing to do, as a slow first build's files may be trusted, keeps none)
    spare = root / incremental.SPARE
    (spare / "sitemap.xml").unlink()
    (spare / "sitemap.xml").mkdir()
    (spare / "sitemap.xml/rac").write_text("rác", encoding="utf-8")
    if mirror_fails:

        def fail(*args: object) -> None:
            raise OSError("no room")

        monkeypatch.setattr(incremental, "mirror", fail)
    change(root, 0, 0)
    with caplog.at_level(logging.INFO, logger="bantin.site"):
        build(root)
    full = "full build: .cache/build/spare-site:" in caplog.text
    assert full == mirror_fails
    assert (
        "not brought up to date beforehand (the spare site failed: OSError: no room)" in caplog.text
    ) == mirror_fails
    assert site_files(root / "site") == clean_build_of(root, tmp_path / "clean")
    assert not list(root.glob(".site-build-*")), "no folder of the build is left"


def test_the_cached_catalogue_knows_each_articles_content_digest(tmp_path: Path) -> None:
    """The registry's content digest of an unchanged article comes from the cache (its
    blocks are not read again), and is the one its file gives; a cache written by other code
    is not used."""
    import os

    from bantin.catalogue import load_catalogue
    from bantin.site import registry

    root = make_archive(tmp_path)
    build(root)
    cache, docs = tmp_path / "catalogue.json", root / "docs"
    for path in articles(root):
        old = os.stat(path)
        os.utime(path, ns=(old.st_atime_ns - 10**10, old.st_mtime_ns - 10**10))
    load_catalogue(docs, cache, "v1")
    cached = load_catalogue(docs, cache, "v1").entries
    digests = [registry.content_sha256(entry) for entry in cached]
    assert all(entry.read_blocks is None for entry in cached), "no article read again"
    fresh = load_catalogue(docs).entries
    assert digests == [registry.content_sha256(entry) for entry in fresh]
    other = load_catalogue(docs, cache, "v2").entries
    assert all(entry.read_blocks is not None for entry in other), "another bantin reads all"


def test_the_spare_site_is_no_leftover_and_no_link(tmp_path: Path) -> None:
    """A build removes the folders a killed build left, never the cache's spare site; a
    spare site (or build cache) that is a symbolic link stops the build before it writes."""
    from bantin.exceptions import BuildError

    root = make_archive(tmp_path)
    build(root)
    build(root)
    spare = root / incremental.SPARE
    assert spare.is_dir()
    (root / ".site-build-gone").mkdir()
    change(root, 0, 0)
    build(root)
    assert not (root / ".site-build-gone").exists()
    assert (spare / "index.html").is_file(), "the spare site stays for the next build"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(spare)
    spare.symlink_to(elsewhere, target_is_directory=True)
    change(root, 1, 1)
    with pytest.raises(BuildError, match="spare-site: is a symbolic link"):
        build(root)
    assert list(elsewhere.iterdir()) == []


def test_a_build_failing_after_the_site_was_assembled_publishes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new site is assembled beside site/, never in it: a failure at the last check leaves
    the published site as it was (same files, same bytes), and the next build is right."""
    from bantin.exceptions import BuildError, Problem, Problems
    from bantin.site import checks

    root = make_archive(tmp_path)
    build(root)
    build(root)
    before = site_files(root / "site")
    inode = (root / "site").stat().st_ino
    change(root, 0, 1)

    def failing(*args: object) -> Problems:
        found = Problems()
        found.add(Problem("site/index.html", "hỏng"))
        return found

    with monkeypatch.context() as patch:
        patch.setattr(checks, "check_site", failing)
        with pytest.raises(BuildError, match="failed its checks"):
            build(root)
    assert site_files(root / "site") == before
    assert (root / "site").stat().st_ino == inode
    build(root)
    assert site_files(root / "site") == clean_build_of(root, tmp_path / "clean")


def test_oai_xml_of_unchanged_articles_is_kept_and_made_again_after_a_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """oai.xml describes every article: kept (not made) while none changed, made again when
    one does, and then the clean build's."""
    from bantin.site import oai

    root = make_archive(tmp_path)
    build(root)
    settle(root)  # the Markdown is no longer racy: both builds below see it the same way
    build(root)
    made = []
    real = oai.static_repository

    def counting(*args: object, **kwargs: object) -> object:
        made.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(oai, "static_repository", counting)
    build(root)
    assert made == [] and (root / "site/oai.xml").is_file()
    change(root, 0, 0)
    build(root)
    assert made == [1]
    assert site_files(root / "site") == clean_build_of(root, tmp_path / "clean")


def test_a_licence_from_the_environment_is_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """mkdocs.yml may take `extra.license` from the environment (`!ENV`): a new value, the
    file unchanged, is a full build (every page's footer), the clean build's site."""
    root = make_archive(tmp_path)
    path = root / "mkdocs.yml"
    text = path.read_text("utf-8")
    licence = '\nextra:\n  license: !ENV [BANTIN_TEST_LICENCE, "CC BY 4.0"]\n'
    path.write_text(text.replace("\nextra:\n", licence, 1), encoding="utf-8")
    monkeypatch.setenv("BANTIN_TEST_LICENCE", "CC BY 4.0")
    build(root)
    monkeypatch.setenv("BANTIN_TEST_LICENCE", "CC BY-SA 4.0")
    with caplog.at_level(logging.INFO, logger="bantin.site"):
        build(root)
    assert "full build: extra of mkdocs.yml changed" in caplog.text
    assert "CC BY-SA 4.0" in (root / "site/index.html").read_text("utf-8")
    assert site_files(root / "site") == clean_build_of(root, tmp_path / "clean")


def built_at_once(root: Path, caplog: pytest.LogCaptureFixture) -> bool:
    """Build `root`; whether the build found nothing changed and returned at once."""
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="bantin.site"):
        build(root)
    return NOTHING in caplog.text


@pytest.fixture
def no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests edit files right before building: no wait for the file times to settle."""
    from bantin.site import unchanged

    monkeypatch.setattr(unchanged, "RACY_NS", 0)
    monkeypatch.setattr(unchanged, "FINE_RACY_NS", 0)


def remove_a_page(root: Path) -> None:
    page = root / "site" / articles(root)[0].relative_to(root / "docs").with_suffix("")
    (page / "index.html").unlink()


def licence_from_environment(root: Path) -> None:
    os.environ["SOURCE_DATE_EPOCH"] = str(int(os.environ.get("SOURCE_DATE_EPOCH", "0")) + 86400)


#: An edit of each input; True where conversion reads nothing that changed.
INPUT_EDITS: list[tuple[str, Callable[[Path], None], bool]] = [
    ("a source", lambda root: change(root, 1, 0), False),
    ("a sidecar", lambda root: slug(root, 1, 1), False),
    ("issue.yml", lambda root: issue(root, 1, 1), False),
    ("an article's front matter", lambda root: front(root, 1, 0), True),
    ("a new source", lambda root: add(root, 1, 0), False),
    (
        "a page written by hand",
        lambda root: (root / "docs/gioi-thieu.md").write_text("# Khác\n"),
        True,
    ),
    ("mkdocs.yml", lambda root: config(root, 1, 0), True),
    ("a template", lambda root: template(root, 1, 0), True),
    ("the day of the build", licence_from_environment, False),
    ("a page missing from site/", remove_a_page, True),
    (
        "a generated file removed",
        lambda root: next(root.glob("docs/*/so-*/*/*.bib")).unlink(),
        False,
    ),
]


@pytest.mark.usefixtures("no_racy_window")
def test_a_build_with_nothing_changed_returns_at_once_and_any_input_is_seen(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Nothing changed: the site is the published one, not even read. Each input changed:
    a real build, then nothing changed again; the site always the clean build's."""
    root = make_archive(tmp_path / "archive")
    with later_days():
        assert not built_at_once(root, caplog)
        site = (root / "site").stat().st_ino
        assert built_at_once(root, caplog)
        assert (root / "site").stat().st_ino == site, "site/ untouched"
        for what, edit, same_sources in INPUT_EDITS:
            edit(root)
            assert not built_at_once(root, caplog), f"{what} changed"
            assert ("nothing to convert" in caplog.text) == same_sources, what
            assert built_at_once(root, caplog), f"nothing changed after {what}"
        assert site_files(root / "site") == clean_build_of(root, tmp_path / "clean")
    bantin.__version__ = f"{VERSION}.post1"
    try:
        assert not built_at_once(root, caplog), "bantin upgraded"
    finally:
        bantin.__version__ = VERSION


@pytest.mark.usefixtures("no_racy_window")
def test_an_input_changed_while_the_build_ran_is_built_next_time(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A correction saved while a build runs (after it read the article) is not in that
    build's site: the next build makes it, never returns at once."""
    root = make_archive(tmp_path / "archive")
    build(root)
    services = default_services()
    load = services.load_catalogue

    def then_edit(docs: Path) -> object:
        found = load(docs)
        front(root, 7, 0)  # saved just after the articles were read
        return found

    services.load_catalogue = then_edit
    change(root, 6, 1)
    build_site(BuildOptions(root=root), services, Stages())
    assert not built_at_once(root, caplog)
    page = root / "site" / articles(root)[0].relative_to(root / "docs").with_suffix("")
    assert "Tóm tắt sửa tay số 7." in (page / "index.html").read_text("utf-8")


@pytest.mark.usefixtures("no_racy_window")
def test_a_hand_correction_saved_while_a_build_converting_nothing_ran_is_built_next_time(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A build that converts nothing records its inputs as it found them at the start (and
    its own files as it left them): an article saved in docs/ after the build read it is in
    the next build's site, and the build after that returns at once."""
    root = make_archive(tmp_path / "archive")
    build(root)
    front(root, 3, 0)  # a hand correction: this build converts nothing
    services = default_services()
    load = services.load_catalogue

    def then_edit(docs: Path) -> object:
        found = load(docs)
        front(root, 8, 0)  # saved just after the articles were read
        return found

    services.load_catalogue = then_edit
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="bantin.site"):
        build_site(BuildOptions(root=root), services, Stages())
    assert "nothing to convert" in caplog.text
    page = root / "site" / articles(root)[0].relative_to(root / "docs").with_suffix("")
    assert "Tóm tắt sửa tay số 8." not in (page / "index.html").read_text("utf-8")
    assert not built_at_once(root, caplog)
    assert "Tóm tắt sửa tay số 8." in (page / "index.html").read_text("utf-8")
    assert built_at_once(root, caplog)
    assert site_files(root / "site") == clean_build_of(root, tmp_path / "clean")


def test_a_file_changed_moments_before_the_build_leaves_no_record(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A file time is kept to a tick (2 s on some file systems): a file saved within that
    time before the build may change again unseen, so that build records nothing."""
    from bantin.site import unchanged

    root = make_archive(tmp_path / "archive")
    long_ago = time.time_ns() - 10**10
    for path in root.rglob("*"):
        os.utime(path, ns=(long_ago, long_ago))
    build(root)
    assert unchanged.stamp_path(root).exists()
    assert built_at_once(root, caplog)
    soon = time.time_ns() + 10**9  # a save as the build starts (the same size)
    os.utime(sources(root)[0], ns=(soon, soon))
    assert not built_at_once(root, caplog)
    assert not unchanged.stamp_path(root).exists()
    assert not built_at_once(root, caplog)


def counted_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders whose docs/.bantin-pages.json is read whole from now on."""
    from bantin.site import generate

    reads: list[Path] = []
    real = generate.PageData.read.__func__  # type: ignore[attr-defined]

    def counting(cls: type[generate.PageData], docs: Path) -> generate.PageData:
        reads.append(docs)
        return real(cls, docs)  # type: ignore[no-any-return]

    monkeypatch.setattr(generate.PageData, "read", classmethod(counting))
    return reads


def test_the_pages_template_data_is_not_read_back_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs's hook is handed the template data the build just wrote: a full build does not
    read it back, and an incremental one copies the unchanged articles' records where the
    last build wrote them (the build cache knows the file's layout), reading only those of
    the pages it renders. The file is the one a build from scratch writes."""
    reads = counted_reads(monkeypatch)
    root = make_archive(tmp_path)
    build(root)
    assert reads == []
    change(root, 0, 0)
    build(root)
    assert reads == []
    clean = tmp_path / "clean"
    assert site_files(root / "site") == clean_build_of(root, clean)
    name = "docs/.bantin-pages.json"
    assert (root / name).read_bytes() == (clean / name).read_bytes()


def damage_index_length(index: Path) -> None:
    data = json.loads(index.read_text("utf-8"))
    data["lines"][0][1] += 1
    data["lines"][-1][1] -= 1  # the lines still make up the file's length
    index.write_text(json.dumps(data), encoding="utf-8")


def damage_index_order(index: Path) -> None:
    data = json.loads(index.read_text("utf-8"))
    data["lines"][0], data["lines"][1] = data["lines"][1], data["lines"][0]
    index.write_text(json.dumps(data), encoding="utf-8")


def damage_index_digest(index: Path) -> None:
    data = json.loads(index.read_text("utf-8"))
    for line in data["lines"]:
        line[2] = "0" * 64
    index.write_text(json.dumps(data), encoding="utf-8")


def touch_pages_file(index: Path) -> None:
    pages = index.parents[2] / "docs/.bantin-pages.json"
    info = pages.stat()
    os.utime(pages, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


@pytest.mark.parametrize(
    ("damage", "outcome"),
    [
        (lambda index: index.write_bytes(b"{not json"), "read"),
        (lambda index: index.unlink(), "read"),
        (damage_index_order, "read"),
        (touch_pages_file, "read"),
        (damage_index_length, "full build"),
        (damage_index_digest, "full build"),
    ],
    ids=["garbage", "missing", "order", "file-touched", "lengths", "digests"],
)
def test_a_damaged_or_stale_layout_of_the_pages_data_is_never_trusted(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    damage: Callable[[Path], None],
    outcome: str,
) -> None:
    """The layout of docs/.bantin-pages.json in the build cache serves only the file it
    describes (size, time, inode) and only whole (its lines, in order, make up the file):
    otherwise the file is read as it is. Whatever the layout says, the site and the file are
    those of a build from scratch."""
    from bantin.site import generate

    root = make_archive(tmp_path)
    build(root)
    settle(root)  # the articles' files older than a file time's tick: the memo keeps them
    build(root)
    change(root, 0, 0)
    damage(root / generate.PAGE_INDEX)
    reads = counted_reads(monkeypatch)
    with site_log() as said:
        build(root)
    full = any(line.startswith("full build: ") for line in said.lines)
    # A layout that is not whole or not the file's: the file is read. One whose lines are
    # not where it says (found while copying them, or reading a page's record): a full build.
    assert (reads, full) == (([root / "docs"], False) if outcome == "read" else ([], True))
    clean = tmp_path / "clean"
    assert site_files(root / "site") == clean_build_of(root, clean)
    name = "docs/.bantin-pages.json"
    assert (root / name).read_bytes() == (clean / name).read_bytes()


def test_a_rebuilds_other_processes_run_a_little_below_the_builds_priority(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full index runs well below the build's priority (the citations, at the build's own,
    come first); the short work a rebuild starts beside itself (the search index updated in
    place, the citations, the spare site) a little below it, so that the build keeps a core
    of a two-core machine, not so far that it waits for them on a busy one."""
    from bantin.site import build as site_build

    given: list[tuple[str, int]] = []
    real = site_build.forked.start

    def noting(work: Any, failure: Path, what: str, niceness: int = 0) -> Any:
        given.append((what, niceness))
        return real(work, failure, what, niceness)

    monkeypatch.setattr(site_build.forked, "start", noting)
    root = make_archive(tmp_path)
    build(root)
    assert sorted(given) == [("citations", 0), ("search index", site_build.SEARCH_NICENESS)]
    given.clear()
    change(root, 0, 0)
    build(root)
    rebuild = site_build.REBUILD_NICENESS
    assert 0 < rebuild < site_build.SEARCH_NICENESS
    assert sorted(given) == [
        ("citations", rebuild),
        ("search index", rebuild),
        ("the spare site", rebuild),
    ]


def test_the_builds_structures_are_spared_from_the_collector_until_it_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While MkDocs runs, what the build made before (catalogue, template data) is out of the
    collector's reach; when the build ends, failed or not, the collector has it all back."""
    import gc

    from bantin.exceptions import BuildError
    from bantin.site import build as site_build

    frozen: list[int] = []
    real = site_build.run_mkdocs

    def noting(*args: Any, **kwargs: Any) -> None:
        frozen.append(gc.get_freeze_count())
        real(*args, **kwargs)

    monkeypatch.setattr(site_build, "run_mkdocs", noting)
    root = make_archive(tmp_path)
    build(root)
    assert frozen[0] > 0 and gc.get_freeze_count() == 0

    def failing(*args: Any, **kwargs: Any) -> None:
        frozen.append(gc.get_freeze_count())
        raise BuildError("hỏng")

    monkeypatch.setattr(site_build, "run_mkdocs", failing)
    change(root, 0, 0)
    with pytest.raises(BuildError):
        build(root)
    assert frozen[1] > 0 and gc.get_freeze_count() == 0


def given_to_mkdocs(patch: pytest.MonkeyPatch) -> list[set[str]]:
    """The docs/ files MkDocs is given in each build that follows (its `files` event)."""
    seen: list[set[str]] = []
    prepare = incremental.Plan.prepare

    def noting(plan: incremental.Plan, files: Any, config: Any, page_data: Any) -> None:
        docs = str(config["docs_dir"])
        seen.append({f.src_uri for f in files if str(f.abs_src_path).startswith(docs)})
        prepare(plan, files, config, page_data)

    patch.setattr(incremental.Plan, "prepare", noting)
    return seen


def test_mkdocs_is_given_only_the_files_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A corrected article: MkDocs gets the pages that render (the article, its neighbours'
    and index pages, the navigation's and linking pages), not every page and file of docs/;
    the site, sitemap included, is a clean build's."""
    root = make_archive(tmp_path / "archive")
    build(root)
    seen = given_to_mkdocs(monkeypatch)
    front(root, 1, 0)
    build(root)
    every = {
        p.relative_to(root / "docs").as_posix()
        for p in (root / "docs").rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    assert len(seen) == 1 and seen[0] < every
    others = [a.relative_to(root / "docs").as_posix() for a in articles(root)[1:]]
    assert not set(others) & seen[0], "articles whose pages do not change are not given"
    assert "gioi-thieu.md" in seen[0] and "index.md" in seen[0]
    assert site_files(root / "site") == clean_build_of(root, tmp_path / "clean")


def test_a_page_linking_to_a_file_it_did_not_link_to_is_built_in_full(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The cache knows which files each page linked to; a new link to a file MkDocs was not
    given starts the build again in full, which says why and gives a clean build's site."""
    root = make_archive(tmp_path / "archive")
    build(root)
    target = articles(root)[0].relative_to(root / "docs").as_posix()
    page = root / "docs/gioi-thieu.md"
    page.write_text(page.read_text("utf-8") + f"\n[Một bài]({target})\n", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="bantin.site"):
        build(root)
    assert f"full build: a page now links to {target}" in caplog.text
    assert site_files(root / "site") == clean_build_of(root, tmp_path / "clean")
    caplog.clear()
    page.write_text(page.read_text("utf-8") + "\nThêm một dòng.\n", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="bantin.site"):
        build(root)
    assert "full build" not in caplog.text, "the link is known now"


def test_a_configuration_without_nav_gives_mkdocs_every_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Without `nav` every page is in every page's navigation: MkDocs lists docs/ itself, and
    a page's title changing changes every page, so the build is a full one and says so; a
    build with nothing changed is still incremental."""
    root = make_archive(tmp_path / "archive")
    path = root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?ms)^nav:\n(?:  - .*?\n)+", "", text), encoding="utf-8")
    build(root)
    seen = given_to_mkdocs(monkeypatch)
    front(root, 1, 0)
    with caplog.at_level(logging.INFO, logger="bantin.site"):
        build(root)
    assert "full build: navigation changed" in caplog.text
    assert "trich-dan.md" in seen[0]
    assert len([n for n in seen[0] if n.endswith(".md")]) == len(
        list((root / "docs").rglob("*.md"))
    )
    assert site_files(root / "site") == clean_build_of(root, tmp_path / "clean")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="bantin.site"):
        build(root)
    assert "full build" not in caplog.text


def test_a_build_from_scratch_lets_the_articles_text_go_before_mkdocs_reads_the_pages(
    tmp_path: Path,
) -> None:
    """The catalogue read for a clean build holds every article's blocks for the generated
    pages; MkDocs reads the pages itself, so they are let go first (the build's peak memory)
    and read again from the file if asked for."""
    from bantin.markdown import read_article

    root = make_archive(tmp_path / "archive")
    services = default_services()
    load, kept = services.load_catalogue, []

    def keeping(docs: Path) -> Any:
        found = load(docs)
        kept.extend(found)
        return found

    services.load_catalogue = keeping
    build_site(BuildOptions(root=root, clean=True), services, Stages())
    assert kept and all(entry.read_blocks is None for entry in kept)
    entry = kept[0]
    assert entry.blocks == read_article(entry.file).blocks


def test_the_articles_listed_are_those_the_glob_finds(tmp_path: Path) -> None:
    """The catalogue lists docs/YEAR/so-N/*.md as `docs.glob(ARTICLE_GLOB)` with
    `is_article` does: hidden names, folders reached by a link, a folder named like an
    article, index pages, generated pages and files beside the articles included."""
    from bantin import catalogue

    docs = tmp_path / "docs"
    names = [
        "2021/so-1/a.md",
        "2021/so-1/index.md",
        "2021/so-1/.hidden.md",
        "2021/so-1/b.txt",
        "2021/so-1/gen.md",
        "2021/so-1/sub/c.md",
        "2021/so-2/z.md",
        "2021/so-2/b.MD",
        "2021/sox/d.md",
        "2021/so-/e.md",
        "2021/.so-3/f.md",
        "2021/so-.x/g.md",
        "202/so-1/h.md",
        "abcd/so-1/i.md",
        "2020/so-9/j.md",
        "elsewhere/k.md",
    ]
    files_named(docs, names)
    (docs / "2021/so-1/folder.md").mkdir()
    (docs / "2019").symlink_to(docs / "2021")
    (docs / "2021/so-4").symlink_to(docs / "elsewhere")
    (docs / "2021/so-2/link.md").symlink_to(docs / "2020/so-9/j.md")
    (docs / "2021/so-2/broken.md").symlink_to(docs / "missing.md")
    (docs / "2018").write_text("a file", encoding="utf-8")
    (docs / catalogue.SITE_LIST_NAME).write_text("2021/so-1/gen.md\n", encoding="utf-8")
    generated = catalogue.site_generated(docs)
    globbed = [
        p for p in docs.glob(catalogue.ARTICLE_GLOB) if catalogue.is_article(docs, p, generated)
    ]
    expected = sorted(globbed, key=lambda p: p.relative_to(docs).as_posix())
    assert catalogue.article_files(docs) == expected
    assert docs / "2019/so-4/k.md" in expected and docs / "2021/so-1/.hidden.md" in expected


def files_named(folder: Path, names: list[str]) -> None:
    """A small file at each of these paths under `folder`, its folders made."""
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x", encoding="utf-8")


def walked(root: Path) -> Any:
    """What the build's walk of its inputs finds under `root` (bantin.snapshot)."""
    from bantin.site import unchanged

    seen = unchanged.Seen()
    unchanged.list_inputs(root, {}, None, seen)
    return seen


def test_the_articles_listed_from_the_builds_walk_are_those_listed_afresh(
    tmp_path: Path,
) -> None:
    """Inside a build the catalogue takes the articles from the walk of docs/ the build
    made when it started (and kept up to date as it wrote): the same files as listing the
    folders again. A symbolic link in docs/ (a folder it leads to is followed) lists afresh."""
    from bantin import catalogue, snapshot

    docs = tmp_path / "docs"
    names = [
        "2021/so-1/a.md",
        "2021/so-1/index.md",
        "2021/so-1/gen.md",
        "2021/so-1/b.txt",
        "2021/so-1/.hidden.md",
        "2021/so-1/deeper/c.md",
        "2021/so-12/d.md",
        "2021/so-/e.md",
        "2021/.so-3/f.md",
        "202/so-1/h.md",
        "abcd/so-1/i.md",
        "2020/so-9/j.md",
        "2020/so-9/index.md.md",
        "elsewhere/k.md",
    ]
    files_named(docs, names)
    (docs / "2021/so-1/folder.md").mkdir()
    (docs / catalogue.SITE_LIST_NAME).write_text("2021/so-1/gen.md\n", encoding="utf-8")
    afresh = catalogue.article_files(docs)
    seen = walked(tmp_path)
    assert seen.listings
    with snapshot.taken(seen):
        assert catalogue.article_files(docs) == afresh
        (docs / "2021/so-1/z.md").write_text("x", encoding="utf-8")
        snapshot.wrote(str(docs / "2021/so-1/z.md"))
        (docs / "2021/so-1/a.md").unlink()
        snapshot.removed(str(docs / "2021/so-1/a.md"))
        assert catalogue.article_files(docs) == sorted(
            [*(p for p in afresh if p.name != "a.md"), docs / "2021/so-1/z.md"]
        )
    (docs / "2019").symlink_to(docs / "2021")
    linked = walked(tmp_path)
    assert not linked.listings
    with snapshot.taken(linked):
        assert docs / "2019/so-1/z.md" in catalogue.article_files(docs)


folder_names = st.sampled_from(["a", "b", "index", "ab", "a.b", "Z", "so-1", "đổi"])
file_names = st.sampled_from(
    ["index.md", "a.md", "b.txt", "A.md", "index.html", "z.css", "index", "index.", "x.index"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    paths=st.lists(
        st.tuples(st.lists(folder_names, max_size=3), file_names), min_size=0, max_size=25
    )
)
def test_files_in_mkdocs_order_from_the_walk_are_mkdocs_listing(
    paths: list[tuple[list[str], str]],
) -> None:
    """The files of docs/ put in MkDocs's order (each folder's files, an index first, then
    its folders by name) from the build's walk are those listing the folders gives."""
    wanted = {"/".join([*folders, name]) for folders, name in paths}
    folders = {name.rsplit("/", 1)[0] for name in wanted if "/" in name}
    parents = {"/".join(f.split("/")[:n]) for f in folders for n in range(1, f.count("/") + 2)}
    names = {name for name in wanted if name not in parents}  # a path is a file or a folder
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            path = Path(folder, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("x", encoding="utf-8")
        assert incremental.in_mkdocs_order(names) == incremental.docs_listing(folder)


@settings(max_examples=200, deadline=None)
@given(
    uri=st.lists(
        st.text(alphabet="ab.-_ %#?đ~index", min_size=1, max_size=8).filter(
            lambda part: part not in (".", "..")  # names a folder listing gives
        ),
        min_size=1,
        max_size=3,
    ).map(lambda parts: "/".join(parts) + ".md")
)
def test_a_page_the_sitemap_lists_without_mkdocs_has_mkdocs_own_path_and_url(uri: str) -> None:
    """The sitemap lists the pages MkDocs was not given with the path and URL MkDocs's own
    `File` gives them."""
    from mkdocs.structure.files import File

    made = File(uri, "/docs", "/site", True)
    listed = incremental.ListedFile(uri)
    assert (listed.dest_uri, listed.url) == (made.dest_uri, made.url)


BASES = [
    "http://127.0.0.1:8000/",
    "https://luutru.example.vn",
    "https://luutru.example.vn/ban-tin/",
    "https://h.vn/a/b",
    "https://h.vn//a//",
    "https://h.vn/a/./b/../c/",
    "https://h.vn/../",
    "https://h.vn:8080/a?q=1",
    "https://h.vn/a#top",
    "https://h.vn/a;p/",
    "https://h.vn/đổi mới/",
    "//h.vn/a/",
    "a/b/",
    "",
]


@settings(max_examples=300, deadline=None)
@given(
    base=st.sampled_from(BASES),
    url=st.lists(st.text(st.sampled_from("aZ09.-_~%;:?#@é/ "), max_size=6), max_size=4).map(
        "/".join
    ),
)
def test_canonical_urls_are_mkdocs_own(base: str, url: str) -> None:
    """The sitemap's pages get the canonical and absolute URLs MkDocs gives them."""
    from mkdocs.structure.pages import Page

    class File:
        pass

    def page_for() -> Any:
        page = Page.__new__(Page)
        page.file = File()  # type: ignore[assignment]
        page.file.url = url  # type: ignore[misc]
        return page

    mkdocs_own, ours = page_for(), page_for()
    mkdocs_own._set_canonical_url(base)
    incremental.CanonicalUrls(base).set(ours)
    assert (ours.canonical_url, ours.abs_url) == (mkdocs_own.canonical_url, mkdocs_own.abs_url)


@pytest.mark.parametrize("base", BASES)
def test_canonical_urls_of_article_pages_are_mkdocs_own(base: str) -> None:
    from mkdocs.structure.pages import Page

    for url in ["2021/so-5/doi-moi/", "2021/", "a", "tac-gia/%C4%91/", "x.y/z~_-/", ""]:
        pages = []
        for _ in range(2):
            page = Page.__new__(Page)
            page.file = type("File", (), {"url": url})()  # type: ignore[assignment]
            pages.append(page)
        pages[0]._set_canonical_url(base)
        incremental.CanonicalUrls(base).set(pages[1])
        assert (pages[1].canonical_url, pages[1].abs_url) == (
            pages[0].canonical_url,
            pages[0].abs_url,
        ), url


def test_an_article_corrected_in_docs_is_indexed_again_for_search(tmp_path: Path) -> None:
    """The search index knows an article by the digest of what its page shows (from the
    catalogue cache): a hand correction of its text in docs/ is indexed again, and the site
    is the clean build's."""
    from bantin.search.query import search

    root = make_archive(tmp_path / "archive")
    build(root)
    article = articles(root)[2]
    text = article.read_text("utf-8")
    article.write_text(text + "\nNông dân trồng thanh long ruột đỏ.\n", "utf-8")
    settle(root)
    build(root)
    hits = search(root / "site/search", "thanh long ruột đỏ").hits
    assert [hit.url for hit in hits] == [
        article.relative_to(root / "docs").with_suffix("").as_posix() + "/"
    ]
    assert site_files(root / "site") == clean_build_of(root, tmp_path / "clean")


def test_the_walks_record_answers_as_the_disk_and_shares_the_listings_figures(
    tmp_path: Path,
) -> None:
    """What the walk at a build's start found for each file is what the disk says; the
    record and the build's list of inputs hold one copy of each file's name and figures (at
    10,000 articles a second copy of 77,000 files' records was 36 MB of a full build's
    peak); forgetting docs/ forgets none of sources/."""
    from bantin import snapshot
    from bantin.site import unchanged

    names = ["docs/2021/so-1/a.md", "docs/assets/b.css", "sources/2021/01/a.txt"]
    files_named(tmp_path, names)
    seen = unchanged.Seen()
    listing = unchanged.list_inputs(tmp_path, {}, None, seen)
    with snapshot.taken(seen):
        for name in names:
            info = os.stat(tmp_path / name)
            disk = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev)
            path = str(tmp_path / name)
            assert snapshot.known(path) == disk == snapshot.stat(path)
            assert seen.files[name] is listing.files[name]
            assert next(key for key in listing.files if key == name) is next(
                key for key in seen.files if key == name
            )
        assert snapshot.known(str(tmp_path.parent / "docs/2021/so-1/a.md")) is None
        snapshot.forget_under(str(tmp_path / "docs"))
        assert snapshot.known(str(tmp_path / "docs/2021/so-1/a.md")) is None
        assert snapshot.known(str(tmp_path / "sources/2021/01/a.txt")) is not None


def test_a_small_rebuild_compiles_no_template_and_a_changed_one_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The theme's templates compiled by one build are kept in the build cache: the next,
    after a correction, compiles none; a template edited is compiled again and shows (the
    site then equals a build from scratch)."""
    import jinja2

    root = make_archive(tmp_path / "a")
    build(root)
    assert list((root / ".cache/build/templates").glob("*/*.cache"))
    compiled: list[str | None] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *a: Any) -> Any:
        compiled.append(name)
        return original(self, source, name, *a)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    # one rendering process: a full build's processes would compile in themselves, out of
    # this count, and this one may then find their compiled template in the cache
    from bantin.site import build as site_build

    monkeypatch.setattr(site_build, "default_workers", lambda: 1)
    change(root, 1, 0)
    build(root)
    assert compiled == []
    template(root, 2, 0)
    build(root)
    assert "main.html" in compiled
    assert "<!-- 2 -->" in (root / "site/index.html").read_text("utf-8")
    assert site_files(root / "site") == clean_build_of(root, tmp_path / "b")


def test_a_static_file_is_the_published_one_by_its_inode_or_its_bytes(tmp_path: Path) -> None:
    """A static file is kept when the published file is the same file (a hard link: the
    inode and device `mirror` listed, no look at the published file) or has the same bytes;
    a published file listed with another inode is compared by its bytes."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    docs.mkdir()
    site.mkdir()
    source, linked, copied, other = (docs / "a.bib", site / "a.bib", site / "b.bib", site / "c.bib")
    source.write_text("@article{a}", encoding="utf-8")
    os.link(source, linked)
    copied.write_text("@article{a}", encoding="utf-8")
    other.write_text("@article{b}", encoding="utf-8")
    info = source.stat()
    same = (info.st_ino, info.st_dev)
    assert not incremental.static_differs(str(source), str(linked), same)
    assert not incremental.static_differs(str(source), str(site / "gone.bib"), same)
    assert not incremental.static_differs(str(source), str(copied), (copied.stat().st_ino, 0))
    assert incremental.static_differs(str(source), str(other), (other.stat().st_ino, 0))
    assert incremental.static_differs(str(source), str(other))
    assert not incremental.static_differs(str(source), str(copied))
    assert incremental.static_differs(str(docs / "none.bib"), str(copied), same)


def test_the_spare_is_made_the_published_site_whatever_it_holds(tmp_path: Path) -> None:
    """`mirror` makes the spare hold the published files (the same files) and nothing else,
    whatever it held (a stale file, an empty folder where a file goes, a folder of files
    where a file goes), and lists every file with its inode, names of any characters too."""
    published, spare, listing = tmp_path / "site", tmp_path / "spare", tmp_path / "list"
    names = ["index.html", "a/b.html", "Icon\r", "x y\nz.html", "sitemap.xml"]
    for number, name in enumerate(names):
        (published / name).parent.mkdir(parents=True, exist_ok=True)
        (published / name).write_text(f"trang {number}", encoding="utf-8")
    (spare / "a/b.html").mkdir(parents=True)  # an empty folder where a file goes
    (spare / "sitemap.xml").mkdir()
    (spare / "sitemap.xml/rac").write_text("rác", encoding="utf-8")
    (spare / "index.html").write_text("cũ", encoding="utf-8")
    (spare / "old.html").write_text("cũ", encoding="utf-8")
    (spare / "gone/deep").mkdir(parents=True)  # folders the published site does not have
    (spare / "gone/deep/old.html").write_text("cũ", encoding="utf-8")
    (published / "new/deeper").mkdir(parents=True)  # folders the spare does not have
    (published / "new/deeper/x.html").write_text("mới", encoding="utf-8")
    names.append("new/deeper/x.html")
    times = tmp_path / "folders"
    incremental.mirror(published, spare, listing, times)
    found = incremental.read_listing(listing)
    assert found == {name: (published / name).stat().st_ino for name in names}
    assert sorted(p.relative_to(spare).as_posix() for p in spare.rglob("*") if p.is_file()) == (
        sorted(names)
    )
    assert all((spare / name).stat().st_ino == found[name] for name in names)
    # The times of the spare's folders once it is done, as a walk of them finds them.
    from bantin.site import unchanged

    walked: dict[str, tuple[int, int, int]] = {}
    unchanged.walk_folders(spare, "", walked)
    del walked[""]
    assert incremental.read_folder_times(times) == walked
    assert sorted(walked) == ["a/", "new/", "new/deeper/"]


def test_a_rebuild_copies_the_published_site_beforehand_and_uses_its_listing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The spare is brought up to date while the pages are written (no fallback at the end),
    and the listing answers for the published files: a published file it does not list is
    one the build does not keep."""
    root = make_archive(tmp_path)
    build(root)
    build(root)
    change(root, 0, 0)  # files changed since the spare's build: each linked anew
    with caplog.at_level(logging.INFO, logger="bantin.site"):
        build(root)
    assert "beforehand" not in caplog.text and "full build" not in caplog.text
    assert site_files(root / "site") == clean_build_of(root, tmp_path / "clean")
    plan = incremental.Plan({}, old_site=root / "site", published={"a.bib": 7})
    assert plan.published_inode("a.bib") == (7, (root / "site").stat().st_dev)
    assert plan.published_inode("b.bib") is None and not plan.is_published("b.bib")
    assert plan.is_published("a.bib")


LISTED_NAMES = st.sampled_from(
    [
        "mkdocs.yml",
        "published-urls.txt",
        "bantin:cli.py",
        "bantin:site/build.py",
        "docs/index.md",
        "docs/.bantin-manifest.json",
        "docs/2020/so-1/a.md",
        "docs/2020/so-1/a.bib",
        "docs/2020/so-2/b:c.md",
        "sources/2020/01/a.txt",
        "sources/2020/01/issue.yml",
        "overrides:/theme/main.html",
    ]
)
LISTINGS = st.dictionaries(
    LISTED_NAMES, st.tuples(st.integers(-1, 3), st.integers(0, 3), st.integers(0, 3))
)


@settings(max_examples=300, deadline=None)
@given(before=LISTINGS, after=LISTINGS)
def test_the_records_digests_made_again_only_where_files_changed_are_those_made_afresh(
    before: dict[str, tuple[int, int, int]], after: dict[str, tuple[int, int, int]]
) -> None:
    """The end of a build digests again only the folders whose files it listed differently
    than the start: its folders, digest and conversion digest are those of a listing grouped
    afresh, whatever changed (files added, removed, listed anew, in any folder)."""
    from bantin.site import unchanged

    start = unchanged.Listing(files=before).folders()
    before.update(after)  # the start's listing may change after it was grouped (the theme's)
    now = unchanged.Listing(files=after, other={"version": "1"})
    kept, fresh = start.changed(after), now.folders()
    assert (kept.files, kept.digests) == (fresh.files, fresh.digests)
    assert now.digest(kept) == now.digest() and now.conversion_digest(kept) == (
        now.conversion_digest()
    )


def test_the_record_digests_what_conversion_reads_and_every_input() -> None:
    """The conversion digest follows the sources, bantin, docs/'s manifest and which files
    docs/ holds, not their times; the digest follows every listed value."""
    from bantin.site import unchanged

    base = {
        "mkdocs.yml": (1, 1, 1),
        "bantin:cli.py": (1, 1, 2),
        "bantin:site/build.py": (1, 1, 3),
        "docs/.bantin-manifest.json": (1, 1, 4),
        "docs/2020/so-1/a.md": (1, 1, 5),
        "sources/2020/01/a.txt": (1, 1, 6),
    }
    first = unchanged.Listing(files=dict(base))
    for name in base:
        changed = unchanged.Listing(files={**base, name: (2, 2, 2)})
        assert changed.digest() != first.digest(), name
        converts = name != "mkdocs.yml" and name != "docs/2020/so-1/a.md"
        assert (changed.conversion_digest() != first.conversion_digest()) == converts, name
    added = unchanged.Listing(files={**base, "docs/2020/so-1/b.md": (1, 1, 7)})
    assert added.conversion_digest() != first.conversion_digest()
    removed = unchanged.Listing(files={k: v for k, v in base.items() if k != "docs/2020/so-1/a.md"})
    assert removed.conversion_digest() != first.conversion_digest()


def checked_trust(monkeypatch: pytest.MonkeyPatch) -> dict[str, set[str]]:
    """From now on, every inputs digest taken from a folder's record is checked against the
    digest made afresh; returns the articles whose digest was made, and those taken."""
    from bantin.site import generate

    seen: dict[str, set[str]] = {"made": set(), "taken": set()}
    real_trusted, real_of = generate.trusted_keys, generate.ArticleKeys.of

    def trusted(
        entries: Any, siblings: Any, keys: Any, memo: Any, lastmods: Any, docs: Path
    ) -> dict[str, str]:
        found = real_trusted(entries, siblings, keys, memo, lastmods, docs)
        for entry in entries:
            uri = str(entry.path).replace(os.sep, "/")
            if uri in found:
                made = real_of(keys, entry, siblings[entry.url], lastmods.get(entry.url, ""))
                assert found[uri] == made, uri
        seen["taken"].update(found)
        return found

    def of(self: Any, entry: Any, siblings: Any, lastmod: str) -> str:
        seen["made"].add(str(entry.path).replace(os.sep, "/"))
        return real_of(self, entry, siblings, lastmod)

    monkeypatch.setattr(generate, "trusted_keys", trusted)
    monkeypatch.setattr(generate.ArticleKeys, "of", of)
    return seen


def two_issues(tmp_path: Path) -> Path:
    """The archive with an article in a second issue, its files older than a file time's
    tick, built until a build that found a record of the inputs recorded its folders."""
    root = make_archive(tmp_path)
    add(root, 0, 1)
    settle(root)
    build(root)
    settle(root)
    build(root)  # leaves a record of the inputs (the first converted moments before)
    later = time.time_ns() - 30_000_000_000
    os.utime(root / "mkdocs.yml", ns=(later, later))  # the same bytes: not a full build
    build(root)
    assert len({path.parent for path in articles(root)}) == 2
    return root


def test_an_articles_inputs_digest_is_taken_from_its_folders_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A correction makes again only the inputs digests of the articles in the corrected
    article's folder: every other folder of docs/ stands as the last build recorded it, and
    its articles' digests come from the memo, each the digest made afresh."""
    root = two_issues(tmp_path)
    seen = checked_trust(monkeypatch)
    article = articles(root)[0]
    front(root, 1, 0)
    build(root)
    folder = article.parent.relative_to(root / "docs").as_posix()
    every = {p.relative_to(root / "docs").as_posix() for p in articles(root)}
    assert seen["made"] == {uri for uri in every if uri.startswith(folder + "/")}
    assert seen["taken"] == every - seen["made"] and seen["taken"]
    assert site_files(root / "site") == clean_build_of(root, tmp_path / "clean")


def replace_same_size_and_time(root: Path, n: int, pick: int) -> None:
    """An article replaced by another file of the same size and time (another inode)."""
    article = articles(root)[pick % len(articles(root))]
    info = article.stat()
    text = article.read_text("utf-8").replace("lead: ", "lead: X", 1)
    text = text.replace("\n\n", "\n", 1)  # the same size: one character in, one out
    assert len(text.encode()) == info.st_size
    new = article.with_name("moi.tmp")
    new.write_text(text, "utf-8")
    os.utime(new, ns=(info.st_atime_ns, info.st_mtime_ns))
    new.replace(article)


def test_an_article_replaced_with_the_same_size_and_time_has_its_folder_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article replaced by a file of the same size and time (another inode) changes its
    folder's record: the inputs digests of that folder's articles are made again, the other
    folder's taken, each the one made afresh."""
    root = two_issues(tmp_path)
    seen = checked_trust(monkeypatch)
    article = articles(root)[0]
    replace_same_size_and_time(root, 0, 0)
    front(root, 1, 3)  # the other issue's article corrected too
    build(root)
    folder = article.parent.relative_to(root / "docs").as_posix()
    assert any(uri.startswith(folder + "/") for uri in seen["made"])
    assert not any(uri.startswith(folder + "/") for uri in seen["taken"])


def in_generated_file(root: Path, n: int, pick: int) -> None:
    """A file bantin generated for an article of the first issue edited by hand."""
    found = sorted((root / "docs").glob("*/so-1/*/*.json"))
    found[pick % len(found)].write_text(f"sửa tay {n}\n", encoding="utf-8")


def delete_article(root: Path, n: int, pick: int) -> None:
    """An article's file deleted from docs/ by hand (its source stays: converted again)."""
    articles(root)[pick % len(articles(root))].unlink()


@pytest.mark.parametrize(
    "edit",
    [in_generated_file, delete_article, registry, author, front],
    ids=["generated", "deleted", "registry", "author", "front"],
)
def test_an_edit_a_folders_record_might_miss_gives_a_clean_builds_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: Callable[[Path, int, int], None]
) -> None:
    """Whatever an edit touches besides a correction of the second issue's article (a file
    generated for an article of the first edited by hand, an article deleted, a last-changed
    day in the URL registry, an author's name, which changes the URLs of author pages, an
    article of the first issue corrected), a digest taken from a folder's record is the one
    made afresh, and the site is a clean build's."""
    root = two_issues(tmp_path)
    seen = checked_trust(monkeypatch)
    for n, pick in enumerate((0, 2)):
        edit(root, n, pick)
        front(root, 10 + n, 3)  # the second issue's article: a build with work to do
        build(root)
        assert site_files(root / "site") == clean_build_of(root, tmp_path / f"clean-{n}")
    if edit is in_generated_file:  # its folder's record stands: the file is still made again
        assert seen["taken"]


def test_an_edit_inside_a_generated_file_alone_is_seen(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A file bantin generated in docs/ edited by hand, nothing else changed since a build
    that left its record: the record holds the generated files' sizes and times too, so the
    build does its work (the file is made again) instead of keeping site/ as it is."""
    root = make_archive(tmp_path)
    settle(root)
    build(root)
    settle(root)
    build(root)  # leaves its record
    assert built_at_once(root, caplog)
    generated = sorted((root / "docs").glob("*/so-*/*/*.bib"))[0]
    generated.write_text("@article{sua-tay}\n", encoding="utf-8")
    assert not built_at_once(root, caplog)
    assert site_files(root / "site") == clean_build_of(root, tmp_path / "clean")


def test_an_article_replaced_by_a_file_of_the_same_size_and_time_is_read_again(
    tmp_path: Path,
) -> None:
    """An article replaced by another file of the same size and time to the nanosecond (a
    copy that keeps its time, another inode): its cached front matter and digests, which
    keyed on the size and time alone, were kept, and the site was not a clean build's."""
    root = two_issues(tmp_path)
    settle(root)
    build(root)
    replace_same_size_and_time(root, 0, 0)
    front(root, 1, 3)  # the other issue's article corrected too: a build with work to do
    build(root)
    assert site_files(root / "site") == clean_build_of(root, tmp_path / "clean")
