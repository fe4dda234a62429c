"""The part each article contributes to a file that lists every article (its record in
oai.xml, its row in catalogue.json and catalogue.csv), kept from the last build.

A correction to one article changes one part of such a file: the file is written again, but
only the changed article's part is made; the others are the texts the last build made, looked
up by the digest of everything they are made from (the article's `ArticleKeys` digest, which
covers its front matter, URL and the site, and what else the part reads). The cache is
`.cache/build/fragments`: a JSON header line (the global inputs it serves, and each part's
file, key and length) and the texts one after the other, so reading it decodes the texts at
once instead of parsing each as a JSON string; nothing in it is ever executed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bantin import store

NAME = ".cache/build/fragments"
FORMAT = 2


#: `json.dumps(..., ensure_ascii=False, default=repr)`, made once (a key is made per article).
KEY_ENCODER = json.JSONEncoder(ensure_ascii=False, default=repr)


def key_of(*parts: Any) -> str:
    """The digest of what a part is made from ("" parts give no key: nothing is reused)."""
    text = KEY_ENCODER.encode(parts)
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
            found.known = read_parts(root / NAME, inputs)
        except (OSError, ValueError, KeyError, TypeError):
            found.known = {}
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
        listed = [
            [kind, key, len(text)] for kind, texts in parts.items() for key, text in texts.items()
        ]
        body = "".join(text for texts in parts.values() for text in texts.values()).encode("utf-8")
        digest = hashlib.sha256(body).hexdigest()
        header = {"format": FORMAT, "inputs": self.inputs, "sha256": digest, "parts": listed}
        data = json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n" + body
        store.write_atomic(root / NAME, data)


def read_parts(path: Path, inputs: str) -> dict[str, dict[str, str]]:
    """The parts `Fragments.save` wrote, if they serve a build with these inputs and are the
    bytes it wrote."""
    with open(path, "rb") as stream:
        header = json.loads(stream.readline())
        raw = stream.read()
    if header.get("format") != FORMAT or header["inputs"] != inputs:
        return {}
    if hashlib.sha256(raw).hexdigest() != header["sha256"]:
        raise ValueError(f"{path}: its texts are not the ones it was written with")
    body = raw.decode("utf-8")
    parts: dict[str, dict[str, str]] = {}
    at = 0
    for kind, key, length in header["parts"]:
        parts.setdefault(kind, {})[key] = body[at : at + length]
        at += length
    if at != len(body):
        raise ValueError(f"{path}: {len(body) - at} characters more than its header lists")
    return parts


def making(fragments: Fragments | None, kind: str, key: str, make: Callable[[], str]) -> str:
    """`make()`, or the part of file `kind` kept under `key` when there are fragments and a
    key."""
    if fragments is None or not key:
        return make()
    return fragments.part(kind, key, make)
