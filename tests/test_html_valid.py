"""HTML validity of the page kinds bantin's templates produce, checked with the Nu Html Checker
(npm package `vnu-jar`, run with the machine's Java)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import pytest

REPO = Path(__file__).resolve().parent.parent
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
VNU_TIMEOUT_S = 300

# Markup of mkdocs-material's own base templates that bantin does not override, so these are
# not errors bantin can fix: the theme's drawer/search toggles are checkboxes carrying
# autocomplete="off" (base.html), and its table-of-contents title is a <label for="__toc">
# that points to a toggle only rendered in some layouts (partials/toc.html).
THEME_MESSAGES = (
    re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
    re.compile(r"^The value of the “for” attribute of the “label” element must be the ID"),
)
THEME_EXTRACTS = ('data-md-toggle="drawer"', 'data-md-toggle="search"', 'for="__toc"')


class BuiltArchive(Protocol):
    """The `built_archive` fixture of tests/conftest.py."""

    @property
    def site(self) -> Path: ...
    @property
    def docs(self) -> Path: ...


def first_index(folder: Path, pattern: str) -> Path | None:
    """index.html of the first subfolder (sorted) whose name matches `pattern`."""
    for child in sorted(folder.iterdir()) if folder.is_dir() else []:
        if re.fullmatch(pattern, child.name) and (child / "index.html").is_file():
            return child / "index.html"
    return None


def article_page(site: Path, docs: Path) -> Path | None:
    """The page of the first article Markdown at docs/YEAR/ISSUE/SLUG.md."""
    for md in sorted(docs.glob("[0-9][0-9][0-9][0-9]/*/*.md")):
        if md.name != "index.md":
            page = site / md.relative_to(docs).with_suffix("") / "index.html"
            if page.is_file():
                return page
    return None


def pick_pages(site: Path, docs: Path) -> dict[str, Path | None]:
    """One page of each kind, by the site's documented URL layout."""
    year = first_index(site, r"\d{4}")
    issue = first_index(year.parent, r".+") if year else None
    return {
        "home": site / "index.html",
        "year": year,
        "issue": issue,
        "article": article_page(site, docs),
        "author": first_index(site / "tac-gia", r".+"),
        "section": first_index(site / "chuyen-muc", r".+"),
        "search": site / "search" / "index.html",
        "404": site / "404.html",
    }


def is_theme_markup(message: dict[str, Any]) -> bool:
    text, extract = message.get("message", ""), message.get("extract", "")
    return any(p.match(text) for p in THEME_MESSAGES) and any(e in extract for e in THEME_EXTRACTS)


def run_vnu(files: list[Path]) -> list[dict[str, Any]]:
    """Every error message the checker reports for `files`, in one Java run."""
    java = shutil.which("java")
    assert java, "no `java` on PATH: install default-jre-headless (make test does)"
    assert VNU_JAR.is_file(), f"{VNU_JAR} missing: run `npm ci --ignore-scripts` (make test does)"
    done = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=VNU_TIMEOUT_S,
        check=False,
    )
    messages: list[dict[str, Any]] = json.loads(done.stderr or done.stdout)["messages"]
    return messages


def describe(message: dict[str, Any]) -> str:
    where = f"line {message.get('lastLine', '?')}"
    extract = " ".join(message.get("extract", "").split())[:160]
    return f"{where}: {message.get('message', '')}\n      {extract}"


@pytest.fixture(scope="module")
def pages(built_archive: BuiltArchive) -> dict[str, Path | None]:
    return pick_pages(built_archive.site, built_archive.docs)


@pytest.fixture(scope="module")
def vnu_errors(pages: dict[str, Path | None]) -> Callable[[Path], list[dict[str, Any]]]:
    """The checker's errors per file, bantin's own only (theme markup filtered)."""
    files = sorted({p for p in pages.values() if p is not None and p.is_file()})
    found: dict[str, list[dict[str, Any]]] = {}
    for message in run_vnu(files):
        if message.get("type") == "error" or message.get("subType") == "fatal":
            found.setdefault(message.get("url", ""), []).append(message)
    return lambda path: [
        m
        for m in found.get(path.as_uri().replace("file:///", "file:/"), [])
        if not is_theme_markup(m)
    ]


@pytest.mark.parametrize(
    "kind", ["home", "year", "issue", "article", "author", "section", "search", "404"]
)
def test_page_has_no_html_errors(
    kind: str,
    pages: dict[str, Path | None],
    vnu_errors: Callable[[Path], list[dict[str, Any]]],
) -> None:
    page = pages[kind]
    assert page is not None and page.is_file(), f"no {kind} page in the built site"
    errors = vnu_errors(page)
    assert not errors, f"{page}:\n" + "\n".join(describe(m) for m in errors)


def test_checker_reports_errors(tmp_path: Path) -> None:
    """The checker really runs: a broken page yields an error, a theme-only one is filtered."""
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!doctype html><html lang="vi"><head><title>x</title></head><body>'
        '<input type="checkbox" data-md-toggle="drawer" autocomplete="off">'
        "<p><div></p></span></body></html>",
        encoding="utf-8",
    )
    messages = [m for m in run_vnu([broken]) if m.get("type") == "error"]
    assert any(is_theme_markup(m) for m in messages)
    assert [m for m in messages if not is_theme_markup(m)]
