"""The part each article contributes to a file that lists every article (its record in
oai.xml, its row in catalogue.json and catalogue.csv), kept from the last build.

A correction to one article changes one part of such a file: the file is written again, but
only the changed article's part is made; the others are the texts the last build made, looked
up by the digest of everything they are made from (the article's `ArticleKeys` digest, which
covers its front matter, URL and the site, and what else the part reads). The cache is
the `parts` table of the build cache's database (bantin.site.cachedb): each part's file, key,
text and the text's digest (a part whose text is not the one written reuses nothing); a
build writes only the parts it made and removes those no longer used.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from bantin.site import cachedb

log = logging.getLogger("bantin.site")

TABLE = "parts"


#: `json.dumps(..., ensure_ascii=False, default=repr)`, made once (a key is made per article).
KEY_ENCODER = json.JSONEncoder(ensure_ascii=False, default=repr)


def key_of(*parts: Any) -> str:
    """The digest of what a part is made from ("" parts give no key: nothing is reused)."""
    text = KEY_ENCODER.encode(parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Fragments:
    """Texts by kind of file and key: those the last build made (`known`) and those this one
    used (`now`). `stored`: `known` is what the build cache holds for these inputs (else the
    cache is written afresh)."""

    inputs: str
    known: dict[str, dict[str, str]] = field(default_factory=dict)
    now: dict[str, dict[str, str]] = field(default_factory=dict)
    made: int = 0  # how many parts this build made (not reused)
    stored: bool = False

    @classmethod
    def open(cls, root: Path, inputs: str, usable: bool) -> Fragments:
        found = cls(inputs)
        if not usable:
            return found
        rows = cachedb.read(root, TABLE, inputs)
        if rows is not None:
            parts = read_parts(rows)
            found.known, found.stored = parts or {}, parts is not None
        return found

    def part(self, kind: str, key: str, make: Callable[[], str]) -> str:
        """The text of `key` in the file `kind`: the last build's, else made now."""
        text = self.known.get(kind, {}).get(key)
        if text is None:
            text = make()
            self.made += 1
        self.now.setdefault(kind, {})[key] = text
        return text

    def save(self, root: Path) -> None:
        """What this build used, for the next one: a file made again keeps only the parts it
        used; a file this build kept whole keeps the parts it had. Only the parts that changed
        are written."""
        put: list[tuple[Any, ...]] = []
        remove: list[tuple[Any, ...]] = []
        for kind, texts in self.now.items():
            known = self.known.get(kind, {})
            change = cachedb.change_to(TABLE, known, texts, self.stored, partial(row, kind))
            put += change.put
            remove += change.remove
        cachedb.write(root, TABLE, self.inputs, cachedb.Change(put, remove, not self.stored))


def row(kind: str, key: str, text: str) -> tuple[str, str, bytes, bytes]:
    data = text.encode("utf-8")
    return kind, key, data, hashlib.sha256(data).digest()


def read_parts(rows: list[tuple[Any, ...]]) -> dict[str, dict[str, str]] | None:
    """The parts `Fragments.save` wrote, if each is the bytes it wrote (else None)."""
    parts: dict[str, dict[str, str]] = {}
    sha256 = hashlib.sha256
    for kind, key, data, digest in rows:
        if sha256(data).digest() != digest:
            log.info("%s: a part is not the text it was written with; none is reused", TABLE)
            return None
        parts.setdefault(kind, {})[key] = data.decode("utf-8")
    return parts


def making(fragments: Fragments | None, kind: str, key: str, make: Callable[[], str]) -> str:
    """`make()`, or the part of file `kind` kept under `key` when there are fragments and a
    key."""
    if fragments is None or not key:
        return make()
    return fragments.part(kind, key, make)
