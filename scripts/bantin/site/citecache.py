"""Formatted citations, remembered between builds and made in a second process during the build.

citeproc-py takes milliseconds per entry, which adds up to minutes for a large archive; the
result only depends on the CSL item, the style and bantin.cite itself, so it is cached under
`.cache/bantin/` with a key over all three. The cache never changes the output.

Only the article templates print formatted citations, and MkDocs renders templates after it
has converted every page's Markdown. So `bantin build` formats the citations in a second
process (`formatted_in_background`) while it writes the other pages and MkDocs converts the
Markdown, and the MkDocs hook asks for them (`citations_for_templates`) just before the
templates are rendered. MkDocs run on its own reads the cache the last build left and
formats what is missing on demand.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from bantin.site import forked
from bantin.site.meta import CiteApi
from bantin.store import write_atomic

log = logging.getLogger("bantin.site")

STYLES = ("apa", "vn")
KINDS = ("html", "text")
Job = tuple[dict[str, Any], str, str]


def cite_fingerprint() -> str:
    """Hash of bantin.cite's code and styles: a change there invalidates the cache."""
    digest = hashlib.sha256()
    package = resources.files("bantin")
    for folder in ("cite", "data/csl"):
        base = package / folder
        if not base.is_dir():
            continue
        for item in sorted(base.iterdir(), key=lambda t: t.name):
            if item.is_file() and item.name.endswith((".py", ".csl", ".xml")):
                digest.update(item.name.encode() + item.read_bytes())
    return digest.hexdigest()


def item_digest(item: dict[str, Any]) -> str:
    """The hash of one CSL item, computed once for its four formatted citations."""
    text = json.dumps(item, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def job_key(fingerprint: str, digest: str, style: str, kind: str) -> str:
    return hashlib.sha256(f"{fingerprint}\0{digest}\0{style}\0{kind}".encode()).hexdigest()


@dataclass
class CitationCache:
    """Formatted citations by job key; `path` None keeps it in memory only."""

    cite: CiteApi
    path: Path | None = None
    fingerprint: str = field(default_factory=cite_fingerprint)
    known: dict[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    #: What an item is made from (`CslItems.made_from`) -> the item's digest: the last build's
    #: (`sources`) and this one's (`sources_now`).
    sources: dict[str, str] = field(default_factory=dict)
    sources_now: dict[str, str] = field(default_factory=dict)

    @classmethod
    def open(cls, cite: CiteApi, path: Path | None) -> CitationCache:
        cache = cls(cite, path)
        if path is not None and path.is_file():
            try:
                cache.known = json.loads(path.read_text(encoding="utf-8"))
            except (ValueError, OSError) as error:
                log.warning("%s: unreadable citation cache, starting afresh (%s)", path, error)
        return cache

    def open_sources(self) -> None:
        """The last build's digests of items by what they were made from (a damaged or
        missing file: every item is made again)."""
        if self.path is None:
            return
        try:
            found = json.loads(sources_path(self.path).read_text(encoding="utf-8"))
        except (ValueError, OSError):
            return
        if isinstance(found, dict) and all(isinstance(v, str) for v in found.values()):
            self.sources = found

    def format(self, item: dict[str, Any], style: str, kind: str, digest: str = "") -> str:
        """One formatted citation; `digest` is item_digest(item) when the caller has it."""
        key = job_key(self.fingerprint, digest or item_digest(item), style, kind)
        self.used.add(key)
        if key not in self.known:
            self.known[key] = self._format_here((item, style, kind))
        return self.known[key]

    def _format_here(self, job: Job) -> str:
        item, style, kind = job
        if kind == "html":
            return self.cite.format_citation_html(item, style)
        return self.cite.format_citation(item, style)

    def format_all(self, items: Sequence[dict[str, Any]]) -> None:
        """Every citation of `items`, in every style and form. An item made from what the
        last build made it from (`made_from`, when `items` tells it) has the digest it had:
        when its citations are all cached, the item is not made again."""
        made_from = getattr(items, "made_from", None)
        for number in range(len(items)):
            source = made_from(number) if made_from is not None else None
            digest = self.sources.get(source, "") if source else ""
            if not (digest and self._all_cached(digest)):
                item = items[number]
                digest = item_digest(item)
                for style in STYLES:
                    for kind in KINDS:
                        self.format(item, style, kind, digest)
            if source:
                self.sources_now[source] = digest

    def _all_cached(self, digest: str) -> bool:
        """Every citation of the item with this digest is cached (then marked used)."""
        keys = [job_key(self.fingerprint, digest, s, k) for s in STYLES for k in KINDS]
        if not all(key in self.known for key in keys):
            return False
        self.used.update(keys)
        return True

    def save(self) -> None:
        """Keep only what this build used, sorted, so the cache does not grow forever."""
        if self.path is None:
            return
        kept = {key: self.known[key] for key in sorted(self.used) if key in self.known}
        write_atomic(self.path, json.dumps(kept, ensure_ascii=False).encode("utf-8"))
        if self.sources_now or self.sources:
            sources = dict(sorted(self.sources_now.items()))
            write_atomic(sources_path(self.path), json.dumps(sources).encode("utf-8"))


def sources_path(path: Path) -> Path:
    """Beside the cache: each item's digest by what it was made from."""
    return path.with_name(path.stem + ".sources.json")


_RUNNING: dict[Path, forked.Forked] = {}


@contextmanager
def formatted_in_background(
    cite: CiteApi, path: Path, items: Sequence[dict[str, Any]], niceness: int = 0
) -> Iterator[None]:
    """Format every citation of `items` into the cache at `path` in a second process (at a
    priority `niceness` lower than the build's).

    `citations_for_templates` waits for it; leaving the block waits too, so a failure is
    reported even when nothing asked, and the process never outlives the build.
    """
    failure = path.with_name(path.name + ".failure")
    failure.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)

    def work() -> None:
        cache = CitationCache.open(cite, path)
        cache.open_sources()
        cache.format_all(items)
        cache.save()

    running = _RUNNING[path] = forked.start(work, failure, "citations", niceness)
    try:
        yield
        running.wait()
    finally:
        running.stop()
        del _RUNNING[path]
        failure.unlink(missing_ok=True)


def citations_for_templates(cite: CiteApi, path: Path) -> CitationCache:
    """The formatted citations, once this build's background formatting (if any) is done."""
    running = _RUNNING.get(path)
    if running is not None:
        running.wait()
    return CitationCache.open(cite, path)


def fill_citations(record: dict[str, Any], cache: CitationCache) -> None:
    """Put the formatted citations into an article's cite box record (see meta.citation_record)."""
    item = record["item"]
    digest = item_digest(item)
    for style in record["styles"]:
        style["html"] = cache.format(item, style["style"], "html", digest)
        style["text"] = cache.format(item, style["style"], "text", digest)
