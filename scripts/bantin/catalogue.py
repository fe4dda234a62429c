"""Every article read back from docs/, editors' corrections included, for the site builders."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from bantin.exceptions import MetadataError, Problems
from bantin.markdown import read_article
from bantin.metadata import FrontMatter, clean_front
from bantin.model import Block

log = logging.getLogger("bantin.catalogue")

ARTICLE_GLOB = "*/so-*/*.md"
INDEX_NAME = "index.md"
SITE_LIST_NAME = ".bantin-generated.txt"  # pages the site stage writes (not articles)
_YEAR_DIR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class CatalogueEntry:
    """One article: its front matter, its blocks, its file (relative to docs/) and its URL."""

    front: FrontMatter
    blocks: list[Block]
    path: Path
    url: str

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        first_page = min(self.front.pages) if self.front.pages else 0
        return (self.front.year, self.front.issue, first_page, self.front.slug)


@dataclass
class Catalogue:
    """All articles in reading order: year, issue, first page, slug."""

    entries: list[CatalogueEntry] = field(default_factory=list)

    def __iter__(self) -> Iterator[CatalogueEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def site_generated(docs_dir: Path) -> set[str]:
    listing = docs_dir / SITE_LIST_NAME
    if not listing.is_file():
        return set()
    return {line for line in listing.read_text(encoding="utf-8").split("\n") if line}


def article_files(docs_dir: Path) -> list[Path]:
    """docs/YEAR/so-N/*.md, without index pages and pages the site stage generates."""
    generated = site_generated(docs_dir)
    found = [p for p in docs_dir.glob(ARTICLE_GLOB) if is_article(docs_dir, p, generated)]
    return sorted(found, key=lambda p: p.relative_to(docs_dir).as_posix())


def is_article(docs_dir: Path, path: Path, generated: set[str]) -> bool:
    """An article file: under a year folder, not an index page, not a site page."""
    rel = path.relative_to(docs_dir)
    return (
        path.is_file()
        and bool(_YEAR_DIR.match(rel.parts[0]))
        and path.name != INDEX_NAME
        and rel.as_posix() not in generated
    )


def url_of(rel: Path) -> str:
    """The directory URL MkDocs gives the file (use_directory_urls)."""
    return rel.with_suffix("").as_posix() + "/"


def read_entry(docs_dir: Path, path: Path) -> CatalogueEntry:
    parsed = read_article(path)
    rel = path.relative_to(docs_dir)
    return CatalogueEntry(visible_front(path, parsed.front), parsed.blocks, rel, url_of(rel))


def visible_front(path: Path, front: FrontMatter) -> FrontMatter:
    """An edited article's metadata without bidirectional or zero-width characters (every
    page, feed, export and citation is made from it), with a warning naming the file."""
    try:
        cleaned, fields = clean_front(front)
    except ValidationError as error:
        message = f"empty once invisible characters are removed: {error}"
        raise MetadataError(path, message) from error
    if fields:
        log.warning(
            "%s: %s hold(s) bidirectional or zero-width characters (U+202E, U+200B...); "
            "removed from the published metadata",
            path,
            ", ".join(fields),
        )
    return cleaned


def load_catalogue(docs_dir: Path) -> Catalogue:
    """Read every article; all unreadable ones are reported together in one MetadataError."""
    problems = Problems()
    entries = []
    for path in article_files(docs_dir):
        try:
            entries.append(read_entry(docs_dir, path))
        except MetadataError as error:
            problems.add_error(error)
    if problems:
        raise MetadataError(
            docs_dir, f"{len(problems)} article file(s) cannot be read:\n{problems.summary()}"
        )
    return Catalogue(sorted(entries, key=lambda e: e.sort_key))
