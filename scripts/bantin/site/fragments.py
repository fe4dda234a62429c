"""The part each article contributes to a file that lists every article (its record in
oai.xml, its row in catalogue.json and catalogue.csv), kept from the last build.

A correction to one article changes one part of such a file: the file is written again, but
only the changed article's part is made; the others are the bytes the last build wrote, looked
up by the digest of everything they are made from (the article's `ArticleKeys` digest, which
covers its front matter, URL and the site, and what else the part reads).

The parts are not stored twice: the file the last build wrote into docs/ holds them, and the
build cache keeps only where each part lies in it (`Spans`: each key's start and end, the
file's size and digest), one row per file in the `spans` table of the build cache's database
(bantin.site.cachedb). A file whose bytes are not the ones the spans were recorded for (edited
by hand, removed, replaced by a link or anything but a regular file) serves no part: every part
of it is made again. Reading the file whole and checking its digest costs a tenth of what
reading each part from the database, checking it and decoding it did (35 MB at 10,000 articles).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bantin.site import cachedb

log = logging.getLogger("bantin.site")

TABLE = "spans"


#: `json.dumps(..., ensure_ascii=False, default=repr)`, made once (a key is made per article).
KEY_ENCODER = json.JSONEncoder(ensure_ascii=False, default=repr)


def key_of(*parts: Any) -> str:
    """The digest of what a part is made from ("" parts give no key: nothing is reused)."""
    text = KEY_ENCODER.encode(parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Spans:
    """Where each part of one file lies: `name` (its path under docs/), its size and sha256
    digest, and each part's (start, end) by key."""

    name: str
    size: int
    digest: str
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Fragments:
    """The parts of the files that list every article, by kind of file and key: the spans of
    the files the last build wrote (`known`, read from `docs` when first asked for) and of
    those this build assembled (`now`). `stored`: `known` is what the build cache holds for
    these inputs (else the cache is written afresh)."""

    inputs: str
    known: dict[str, Spans] = field(default_factory=dict)
    now: dict[str, Spans] = field(default_factory=dict)
    docs: Path | None = None
    made: int = 0  # how many parts this build made (not reused)
    stored: bool = False
    #: The bytes of each known file once read (None: not the file its spans describe).
    data: dict[str, bytes | None] = field(default_factory=dict)

    @classmethod
    def open(cls, root: Path, inputs: str, usable: bool) -> Fragments:
        found = cls(inputs, docs=root / "docs")
        if not usable:
            return found
        rows = cachedb.read(root, TABLE, inputs)
        if rows is not None:
            spans = read_spans(rows)
            found.known, found.stored = spans or {}, spans is not None
        return found

    def part(self, kind: str, key: str, make: Callable[[], str]) -> bytes:
        """The bytes of `key` in the file `kind` (UTF-8): the last build's, else made now."""
        known = self.known.get(kind)
        span = known.spans.get(key) if known is not None else None
        if span is not None:
            data = self.file_data(kind)
            if data is not None:
                return data[span[0] : span[1]]
        self.made += 1
        return make().encode("utf-8")

    def file_data(self, kind: str) -> bytes | None:
        """The bytes of the file `kind` the last build wrote, if they are those its spans
        describe (read once)."""
        if kind in self.data:
            return self.data[kind]
        known, docs = self.known[kind], self.docs
        data = read_regular(docs / known.name, known.size) if docs is not None else None
        if data is not None and hashlib.sha256(data).hexdigest() != known.digest:
            data = None
        if data is None:
            log.info("%s: not the file the build cache describes; its parts are made", known.name)
        self.data[kind] = data
        return data

    def assemble(
        self, kind: str, name: str, head: bytes, parts: Sequence[tuple[str, bytes]], tail: bytes
    ) -> bytes:
        """`head`, the parts and `tail` as one file, `name` under docs/; where each part with a
        key lies in it is recorded for the next build."""
        spans: dict[str, tuple[int, int]] = {}
        at = len(head)
        for key, data in parts:
            end = at + len(data)
            if key:
                spans[key] = (at, end)
            at = end
        content = b"".join([head, *(data for _, data in parts), tail])
        digest = hashlib.sha256(content).hexdigest()
        self.now[kind] = Spans(name, len(content), digest, spans)
        return content

    def save(self, root: Path) -> None:
        """Where the parts of the files this build assembled lie, for the next one; a file
        this build kept whole keeps its spans. Only the rows of files assembled now are
        written."""
        known = self.known if self.stored else {}
        put = [row(kind, spans) for kind, spans in self.now.items() if known.get(kind) != spans]
        cachedb.write(root, TABLE, self.inputs, cachedb.Change(put, (), not self.stored))


def read_regular(path: Path, size: int) -> bytes | None:
    """The bytes of the regular file at `path` (not through a link, never waiting on a pipe),
    None when it is not one of `size` bytes."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size != size:
            return None
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(size + 1)
    except OSError:
        return None
    finally:
        os.close(handle)
    return data if len(data) == size else None


def row(kind: str, spans: Spans) -> tuple[str, str, int, str, str]:
    listed = [[key, start, end] for key, (start, end) in spans.spans.items()]
    return kind, spans.name, spans.size, spans.digest, json.dumps(listed)


def read_spans(rows: list[tuple[Any, ...]]) -> dict[str, Spans] | None:
    """The spans `Fragments.save` wrote, if each row is of the types it wrote (else None)."""
    found: dict[str, Spans] = {}
    for kind, name, size, digest, listed in rows:
        typed = isinstance(name, str) and isinstance(size, int) and isinstance(digest, str)
        spans = _spans(listed, size) if typed and isinstance(kind, str) else None
        if spans is None:
            log.info("%s: a row is not as written; no part is reused", TABLE)
            return None
        found[kind] = Spans(name, size, digest, spans)
    return found


def _spans(listed: Any, size: int) -> dict[str, tuple[int, int]] | None:
    """Each key's (start, end) from a row's JSON, if every span lies in the file."""
    try:
        items = json.loads(listed)
    except (TypeError, ValueError):
        return None
    spans: dict[str, tuple[int, int]] = {}
    if not isinstance(items, list):
        return None
    for item in items:
        if not (isinstance(item, list) and len(item) == 3):
            return None
        key, start, end = item
        if not (isinstance(key, str) and isinstance(start, int) and isinstance(end, int)):
            return None
        if not 0 <= start <= end <= size:
            return None
        spans[key] = (start, end)
    return spans


def making(fragments: Fragments | None, kind: str, key: str, make: Callable[[], str]) -> bytes:
    """`make()` in UTF-8, or the part of file `kind` kept under `key` when there are
    fragments and a key."""
    if fragments is None or not key:
        return make().encode("utf-8")
    return fragments.part(kind, key, make)


def assembled(
    fragments: Fragments | None,
    kind: str,
    name: str,
    head: str,
    parts: Sequence[tuple[str, bytes]],
    tail: str,
) -> bytes:
    """The file `name` (under docs/): `head`, the parts (key, bytes) and `tail`, in UTF-8;
    with fragments, where each part lies is recorded for the next build."""
    start, end = head.encode("utf-8"), tail.encode("utf-8")
    if fragments is None:
        return b"".join([start, *(data for _, data in parts), end])
    return fragments.assemble(kind, name, start, parts, end)
