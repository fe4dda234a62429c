"""The part each article contributes to a file that lists every article (its record in
oai.xml, its row in catalogue.json and catalogue.csv), kept from the last build.

A correction to one article changes one part of such a file: the file is written again, but
only the changed article's part is made; the others are the texts the last build made, looked
up by the digest of everything they are made from (the article's `ArticleKeys` digest, which
covers its front matter, URL and the site, and what else the part reads). The cache is
`.cache/build/fragments.json`; it serves only a build with the same global inputs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bantin import store

NAME = ".cache/build/fragments.json"
FORMAT = 1


def key_of(*parts: Any) -> str:
    """The digest of what a part is made from ("" parts give no key: nothing is reused)."""
    text = json.dumps(parts, ensure_ascii=False, default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Fragments:
    """Texts by kind of file and key: those the last build made (`known`) and those this one
    used (`now`)."""

    inputs: str
    known: dict[str, dict[str, str]] = field(default_factory=dict)
    now: dict[str, dict[str, str]] = field(default_factory=dict)
    made: int = 0  # how many parts this build made (not reused)

    @classmethod
    def open(cls, root: Path, inputs: str, usable: bool) -> Fragments:
        found = cls(inputs)
        if not usable:
            return found
        try:
            data = json.loads((root / NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return found
        if isinstance(data, dict) and data.get("format") == FORMAT and data["inputs"] == inputs:
            found.known = data["parts"]
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
        used; a file this build kept whole keeps the parts it had."""
        parts = {**self.known, **self.now}
        data = {"format": FORMAT, "inputs": self.inputs, "parts": parts}
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        store.write_atomic(root / NAME, text.encode("utf-8"))


def making(fragments: Fragments | None, kind: str, key: str, make: Callable[[], str]) -> str:
    """`make()`, or the part of file `kind` kept under `key` when there are fragments and a
    key."""
    if fragments is None or not key:
        return make()
    return fragments.part(kind, key, make)
