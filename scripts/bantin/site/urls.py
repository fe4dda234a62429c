"""Where every page of the archive lives: one place for the URL layout and relative links."""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Protocol

from bantin.metadata import FrontMatter
from bantin.model import Block

AUTHORS_DIR = "tac-gia"
SECTIONS_DIR = "chuyen-muc"
SOURCES_DIR = "nguon"
PAGE_PREFIX = "trang-"
_PAGED = re.compile(rf"{PAGE_PREFIX}\d+/")


class Entry(Protocol):
    """What the site needs from one catalogue entry (bantin.catalogue.CatalogueEntry)."""

    @property
    def front(self) -> FrontMatter: ...

    @property
    def blocks(self) -> list[Block]: ...

    @property
    def path(self) -> PurePosixPath | object: ...

    @property
    def url(self) -> str: ...


def slugify(text: str) -> str:
    """ASCII slug of a name for author and section pages: diacritics dropped, đ→d."""
    try:
        from bantin.slug import slugify as shared_slugify
    except ImportError:
        return _local_slugify(text)
    return str(shared_slugify(text))


def _local_slugify(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug or "khac"


def year_url(year: int) -> str:
    return f"{year}/"


def issue_url(year: int, issue: int) -> str:
    return f"{year}/so-{issue}/"


def author_url(name: str) -> str:
    return f"{AUTHORS_DIR}/{slugify(name)}/"


def section_url(name: str) -> str:
    return f"{SECTIONS_DIR}/{slugify(name)}/"


def paged_url(base: str, page: int) -> str:
    """URL of page `page` (1-based) of a paginated list whose first page is `base`."""
    return base if page == 1 else f"{base}{PAGE_PREFIX}{page}/"


def source_copy_url(source: str) -> str:
    """URL of the copy of a source text inside the site (`sources/2021/05/x.txt`)."""
    parts = PurePosixPath(source).parts
    tail = parts[1:] if parts and parts[0] == "sources" else parts
    return posixpath.join(SOURCES_DIR, *tail)


def citation_file_url(entry_url: str, slug: str, ext: str) -> str:
    return f"{entry_url}{slug}.{ext}"


def md_path(url: str) -> str:
    """Markdown file (relative to docs/) that MkDocs turns into the directory URL `url`."""
    return "index.md" if url in ("", "/") else f"{url}index.md"


def relative(from_url: str, to_url: str) -> str:
    """Relative link between two site URLs, as a static site served from any sub-path needs."""
    start = posixpath.dirname(from_url) if not from_url.endswith("/") else from_url
    target = _relpath(to_url, start)
    if target == ".":
        return "./"
    return target + "/" if to_url.endswith("/") or not to_url else target


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath of two site paths, without its normalising (a build makes ~20 links
    per article); paths with "." or ".." segments go through posixpath itself."""
    to, at = [p for p in path.split("/") if p], [p for p in start.split("/") if p]
    if {".", ".."} & {*to, *at}:
        return posixpath.relpath("/" + path, "/" + start)
    common = 0
    while common < len(to) and common < len(at) and to[common] == at[common]:
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."


def absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url


class NameIndex:
    """Collision-free URLs for author and section pages.

    Names whose slugs collide (e.g. differing only in tone marks) get "-2", "-3" in order of
    first appearance in the catalogue, so a name's URL does not change when later issues add
    a colliding one.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._urls: dict[tuple[str, str], str] = {}
        taken: set[str] = set()
        for entry in entries:
            for name in entry.front.author_names:
                self._add("author", name, AUTHORS_DIR, taken)
            if entry.front.section:
                self._add("section", entry.front.section, SECTIONS_DIR, taken)

    def _add(self, kind: str, name: str, folder: str, taken: set[str]) -> None:
        if (kind, name) in self._urls:
            return
        base = f"{folder}/{slugify(name)}"
        url, number = f"{base}/", 1
        while url in taken or _PAGED.fullmatch(url[len(folder) + 1 :]):  # a list's own page
            number += 1
            url = f"{base}-{number}/"
        taken.add(url)
        self._urls[(kind, name)] = url

    def author(self, name: str) -> str:
        return self._urls.get(("author", name)) or author_url(name)

    def digest(self) -> str:
        """The digest of every URL the index gave (a name it did not list gets the URL its
        slug makes, whatever the index holds)."""
        text = repr(sorted(self._urls.items()))
        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()

    def section(self, name: str) -> str:
        return self._urls.get(("section", name)) or section_url(name)
