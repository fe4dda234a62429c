"""The committed registry of published URLs (`published-urls.txt`): a URL never disappears,
and the day each page's content last changed is remembered.

Each line is `url<TAB>source path<TAB>content sha256<TAB>day`, sorted (a line of an older
registry has the first two only; a URL that now redirects keeps just those). A registered URL
must still lead to its article: either the article is still there, or it moved (same source,
new URL) and the old URL gets a redirect page. Anything else stops the build.

The last two columns give the sitemap's `<lastmod>` (and the feeds' `updated`): the sha256 is
of what the page shows of the article (its front matter but the converter's bookkeeping, and
its text), the day when that last changed. An article seen for the first time (or recorded by
an older registry without them) gets its issue's publication day; an article whose content
changed since gets the day of the build that saw it change: SOURCE_DATE_EPOCH's when set,
else today's (UTC). Committed with the sources, the registry makes every later build of the
same sources give the same days, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bantin import catalogue
from bantin.exceptions import BuildError, Problem, Problems
from bantin.site import urls
from bantin.site.markup import markdown_page
from bantin.site.pages import GeneratedFile
from bantin.store import write_atomic

log = logging.getLogger("bantin.site")

REGISTRY_NAME = "published-urls.txt"
BOOKKEEPING = catalogue.BOOKKEEPING


@dataclass(frozen=True)
class Changed:
    """The content of a published article when last recorded, and the day it last changed."""

    sha256: str
    day: str  # ISO 8601 date


def content_sha256(entry: urls.Entry) -> str:
    """sha256 of what an article's page shows (bantin.catalogue.content_sha256); a catalogue
    entry knows it without reading its blocks again when its file is unchanged."""
    known = getattr(entry, "content_sha256", None)
    if isinstance(known, str):
        return known
    return catalogue.content_sha256(entry.front, entry.blocks)


def build_day() -> dt.date:
    """The day a build records a change on: SOURCE_DATE_EPOCH's when set, else today (UTC)."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given:
        return dt.datetime.fromtimestamp(int(given), tz=dt.UTC).date()
    return dt.datetime.now(dt.UTC).date()


@dataclass(frozen=True)
class Redirect:
    """An old URL whose article now lives at `target`."""

    old: str
    target: str
    title: str


@dataclass
class RegistryCheck:
    """What the current catalogue means for the registry."""

    registry: dict[str, str]
    redirects: list[Redirect] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    changes: dict[str, Changed] = field(default_factory=dict)  # of the current articles

    def lines(self) -> str:
        return "".join(self._line(url, source) for url, source in sorted(self.registry.items()))

    def _line(self, url: str, source: str) -> str:
        change = self.changes.get(url)
        if change is None:
            return f"{url}\t{source}\n"
        return f"{url}\t{source}\t{change.sha256}\t{change.day}\n"

    @property
    def lastmods(self) -> dict[str, str]:
        """The day each current article's content last changed, by URL."""
        return {url: change.day for url, change in self.changes.items()}


def read_registry(path: Path) -> dict[str, str]:
    """URL → source path; every malformed line is an error naming its line."""
    return read_published(path)[0]


def read_published(path: Path) -> tuple[dict[str, str], dict[str, Changed]]:
    """URL → source path, and URL → its recorded content change where the line has one;
    every malformed line is an error naming its line."""
    found: dict[str, str] = {}
    changes: dict[str, Changed] = {}
    if not path.exists():
        return found, changes
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BuildError(f"{path}: cannot read ({error})") from error
    broken: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        url, *columns = line.split("\t")
        source, rest = (columns[0], columns[1:]) if columns else ("", [])
        if not url.endswith("/") or not source or len(rest) not in (0, 2) or "\r" in line:
            broken.append(
                f"{path}:{number}: expected 'url<TAB>source path[<TAB>sha256<TAB>day]', "
                f"got {line!r}"
            )
            continue
        found[url] = source
        if rest:
            try:
                changes[url] = _changed(rest[0], rest[1], path, number)
            except BuildError as error:
                broken.append(str(error))
    if broken:
        raise BuildError("\n".join(broken))
    return found, changes


def _changed(sha: str, day: str, path: Path, number: int) -> Changed:
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        raise BuildError(f"{path}:{number}: {day!r} is not a day (YYYY-MM-DD)") from None
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise BuildError(f"{path}:{number}: {sha!r} is not a sha256")
    return Changed(sha, day)


def check_registry(
    registry: dict[str, str],
    entries: Iterable[urls.Entry],
    changes: dict[str, Changed] | None = None,
    today: dt.date | None = None,
) -> RegistryCheck:
    """Compare the registry with the articles about to be published, and record when each
    article's content last changed (`changes`: as recorded; `today`: the build's day)."""
    current = {e.url: e for e in entries}
    by_source = {e.front.source: e for e in current.values()}
    check = RegistryCheck(dict(registry))
    for url, source in sorted(registry.items()):
        _check_one(check, url, source, current, by_source)
    for url, entry in sorted(current.items()):
        if url not in registry:
            check.registry[url] = entry.front.source
            check.added.append(url)
    recorded = changes or {}
    for url, entry in sorted(current.items()):
        check.changes[url] = last_change(entry, recorded.get(url), today)
    return check


def last_change(entry: urls.Entry, recorded: Changed | None, today: dt.date | None) -> Changed:
    """The article's content now and the day it last changed: as recorded while it is the
    same; its issue's publication day when nothing was recorded; the build's day (never
    before the day recorded) when it differs."""
    sha = content_sha256(entry)
    if recorded is None:
        return Changed(sha, entry.front.published_day.isoformat())
    if recorded.sha256 == sha:
        return recorded
    day = (today or build_day()).isoformat()
    log.info("%s: content changed, recorded on %s", entry.url, day)
    return Changed(sha, max(day, recorded.day))


def _check_one(
    check: RegistryCheck,
    url: str,
    source: str,
    current: dict[str, urls.Entry],
    by_source: dict[str, urls.Entry],
) -> None:
    here = current.get(url)
    if here is not None and here.front.source == source:
        return
    if here is not None:
        message = f"published URL {url} now belongs to {here.front.source}, not {source}"
        check.problems.add(Problem(REGISTRY_NAME, message))
        return
    moved = by_source.get(source)
    if moved is None:
        message = (
            f"published URL {url} would disappear: no article comes from {source} any more; "
            "restore the article, or change the source on this line of "
            f"{REGISTRY_NAME} to the article that replaces it (a redirect is then written)"
        )
        check.problems.add(Problem(REGISTRY_NAME, message))
        return
    log.info("%s: %s moved to %s; writing a redirect", REGISTRY_NAME, url, moved.url)
    check.redirects.append(Redirect(url, moved.url, moved.front.title))


def redirect_page(redirect: Redirect) -> GeneratedFile:
    """A page at the old URL that sends readers (and crawlers, via canonical) to the new one."""
    meta = {
        "template": "bantin-redirect.html",
        "bantin_redirect": urls.relative(redirect.old, redirect.target),
        "bantin_target": redirect.target,
    }
    text = markdown_page(redirect.title, [], meta)
    return GeneratedFile(urls.md_path(redirect.old), text.encode("utf-8"))


def write_registry(path: Path, check: RegistryCheck) -> None:
    """Record newly published URLs (called only once the new site is in place)."""
    text = check.lines()
    if path.is_symlink() or not path.exists() or path.read_text(encoding="utf-8") != text:
        write_atomic(path, text.encode("utf-8"))  # a link is replaced, never written through
        log.info("%s: %d new URL(s) recorded", path, len(check.added))
