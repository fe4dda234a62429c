"""Every article read back from docs/, editors' corrections included, for the site builders."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from bantin import snapshot, store
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
    """One article: its front matter, its blocks, its file (relative to docs/) and its URL.

    An entry from the catalogue cache has its front matter only; its blocks are read from
    `file` when first asked for (the search index asks only for the articles that changed).
    """

    front: FrontMatter
    read_blocks: list[Block] | None = field(compare=False, repr=False)
    path: Path
    url: str
    file: Path | None = field(default=None, compare=False, repr=False)
    #: Front matter fields whose invisible characters were removed (warned on every read).
    invisible: list[str] = field(default_factory=list, compare=False, repr=False)
    #: The digest of what the article's page shows (`content_sha256`), once known.
    known_sha256: str | None = field(default=None, compare=False, repr=False)
    #: `front.model_dump_json()` as the catalogue cache holds it (None: not cached).
    front_json: str | None = field(default=None, compare=False, repr=False)

    @property
    def blocks(self) -> list[Block]:
        if self.read_blocks is None:
            assert self.file is not None
            object.__setattr__(self, "read_blocks", read_article(self.file).blocks)
        assert self.read_blocks is not None
        return self.read_blocks

    @property
    def content_sha256(self) -> str:
        """sha256 of what the article's page shows (see `content_sha256`); from the catalogue
        cache for an unchanged file, so its blocks are not read for it."""
        if self.known_sha256 is None:
            object.__setattr__(self, "known_sha256", content_sha256(self.front, self.blocks))
        assert self.known_sha256 is not None
        return self.known_sha256

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        first_page = min(self.front.pages) if self.front.pages else 0
        return (self.front.year, self.front.issue, first_page, self.front.slug)


#: Front matter a page does not show: a change there is no change of the page's content.
BOOKKEEPING = frozenset({"source", "source_sha256", "converter", "confidence", "review"})


def content_sha256(front: FrontMatter, blocks: list[Block]) -> str:
    """sha256 of what an article's page shows: its front matter (without the converter's
    bookkeeping, and without empty values, so a new optional key in the schema changes no
    hash) and its blocks."""
    dumped = front.model_dump(mode="json", exclude=set(BOOKKEEPING), exclude_none=True)
    shown = {key: value for key, value in dumped.items() if value not in ([], "")}
    texts = [[block.kind.value, block.text, block.anchor] for block in blocks]
    text = json.dumps([shown, texts], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
    """docs/YEAR/so-N/*.md, without index pages and pages the site stage generates: the
    files `docs_dir.glob(ARTICLE_GLOB)` finds that `is_article`, sorted by their path under
    docs/ (three folder listings in place of a glob of tens of thousands of generated
    files)."""
    generated = site_generated(docs_dir)
    known = snapshot.listing(os.fspath(docs_dir))
    if known is not None:
        return [docs_dir / rel for rel in sorted(listed_articles(docs_dir, known, generated))]
    found: list[str] = []
    for year in _folders(os.fspath(docs_dir)):
        if not _YEAR_DIR.match(year.name):
            continue
        for issue in _folders(year.path):
            if not issue.name.startswith("so-"):
                continue
            for entry in _listing(issue.path):
                rel = f"{year.name}/{issue.name}/{entry.name}"
                if _article_name(rel, generated) and entry.is_file():
                    found.append(rel)
    return [docs_dir / rel for rel in sorted(found)]


def _article_name(rel: str, generated: set[str]) -> bool:
    """A path under docs/ that names an article: YEAR/so-N/NAME.md, not an index page, not a
    page the site stage generates."""
    if not rel.endswith(".md") or rel.count("/") != 2 or rel in generated:
        return False
    year, issue, name = rel.split("/")
    return name != INDEX_NAME and bool(_YEAR_DIR.match(year)) and issue.startswith("so-")


def listed_articles(docs_dir: Path, known: set[str], generated: set[str]) -> list[str]:
    """The articles among the files of docs/ the build's walk listed (no folder listed
    again): those `article_files` finds."""
    found = []
    for rel in known:
        if not _article_name(rel, generated):
            continue
        path = os.path.join(docs_dir, rel)
        if snapshot.known(path) is not None or os.path.isfile(path):
            found.append(rel)
    return found


def _listing(folder: str) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return []


def _folders(folder: str) -> list[os.DirEntry[str]]:
    """The folders in `folder` (links to folders followed, as a glob does)."""
    return [entry for entry in _listing(folder) if entry.is_dir()]


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
    front, fields = visible_front(path, parsed.front)
    return CatalogueEntry(front, parsed.blocks, rel, url_of(rel), path, fields)


def visible_front(path: Path, front: FrontMatter) -> tuple[FrontMatter, list[str]]:
    """An edited article's metadata without bidirectional or zero-width characters (every
    page, feed, export and citation is made from it), with a warning naming the file; and
    the fields that held some."""
    try:
        cleaned, fields = clean_front(front)
    except ValidationError as error:
        message = f"empty once invisible characters are removed: {error}"
        raise MetadataError(path, message) from error
    warn_invisible(path, fields)
    return cleaned, fields


def warn_invisible(path: Path, fields: list[str]) -> None:
    if fields:
        log.warning(
            "%s: %s hold(s) bidirectional or zero-width characters (U+202E, U+200B...); "
            "removed from the published metadata",
            path,
            ", ".join(fields),
        )


class CacheStore(Protocol):
    """Where the catalogue cache is kept: each article's entry by its path under docs/ (see
    `cached_entry`), read once and brought up to date once per catalogue."""

    def read(self) -> dict[str, list[Any]]: ...

    def write(self, now: dict[str, list[Any]], known: dict[str, list[Any]]) -> None: ...


@dataclass
class JsonCache:
    """The catalogue cache as one JSON file."""

    path: Path
    code: str = ""

    def read(self) -> dict[str, list[Any]]:
        return read_cache(self.path, self.code)

    def write(self, now: dict[str, list[Any]], known: dict[str, list[Any]]) -> None:
        if now != known:
            write_cache(self.path, now, self.code)


def load_catalogue(
    docs_dir: Path, cache: Path | CacheStore | None = None, code: str = ""
) -> Catalogue:
    """Read every article; all unreadable ones are reported together in one MetadataError.

    With `cache`, the front matter of an article whose file has the size and time the cache
    recorded is taken from there (validated front matter: a JSON file, or another store),
    and the cache is brought up to date. `code`: what identifies the code that reads the
    articles (a JSON cache written by other code is not used).
    """
    problems = Problems()
    store_ = JsonCache(cache, code) if isinstance(cache, Path) else cache
    known = store_.read() if store_ is not None else {}
    now: dict[str, list[Any]] = {}
    entries = []
    for path in article_files(docs_dir):
        rel = path.relative_to(docs_dir)
        try:
            entries.append(cached_entry(docs_dir, path, rel, known, now))
        except MetadataError as error:
            problems.add_error(error)
    if problems:
        raise MetadataError(
            docs_dir, f"{len(problems)} article file(s) cannot be read:\n{problems.summary()}"
        )
    if store_ is not None:
        store_.write(now, known)
    return Catalogue(sorted(entries, key=lambda e: e.sort_key))


#: A file changed less than this long before it was read may change again within the same
#: file time: its front matter is not cached.
RACY_NS = 2_000_000_000
CACHE_FORMAT = 4


def cached_entry(
    docs_dir: Path, path: Path, rel: Path, known: dict[str, list[Any]], now: dict[str, list[Any]]
) -> CatalogueEntry:
    key = rel.as_posix()
    size, mtime_ns, inode, _ = snapshot.stat(os.fspath(path))
    before = known.get(key)
    # size, time and inode: a copy that keeps the time (another inode) is read again
    if before and before[0] == size and before[1] == mtime_ns and before[5:] == [inode]:
        try:
            front = FrontMatter.model_validate_json(before[2])
        except ValueError:  # pydantic's ValidationError too: a damaged entry is not used
            front = None
        if front is not None:
            now[key] = before
            warn_invisible(path, before[3])
            return CatalogueEntry(
                front, None, rel, url_of(rel), path, before[3], before[4], before[2]
            )
    entry = read_entry(docs_dir, path)
    if time.time_ns() - mtime_ns > RACY_NS:
        front_json = entry.front.model_dump_json()
        object.__setattr__(entry, "front_json", front_json)
        sha = entry.content_sha256
        now[key] = [size, mtime_ns, front_json, entry.invisible, sha, inode]
    return entry


def read_cache(path: Path, code: str = "") -> dict[str, list[Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        return {}
    if data.get("code", "") != code:
        return {}
    found: dict[str, list[Any]] = data.get("entries", {})
    return found


def write_cache(path: Path, entries: dict[str, list[Any]], code: str = "") -> None:
    data = {"format": CACHE_FORMAT, "code": code, "entries": entries}
    store.write_atomic(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
