"""The committed registry of published URLs (`published-urls.txt`): a URL never disappears.

Each line is `url<TAB>source path`, sorted. A registered URL must still lead to its article:
either the article is still there, or it moved (same source, new URL) and the old URL gets a
redirect page. Anything else stops the build.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bantin.exceptions import BuildError, Problem, Problems
from bantin.site import urls
from bantin.site.markup import markdown_page
from bantin.site.pages import GeneratedFile
from bantin.store import write_atomic

log = logging.getLogger("bantin.site")

REGISTRY_NAME = "published-urls.txt"


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

    def lines(self) -> str:
        return "".join(f"{url}\t{source}\n" for url, source in sorted(self.registry.items()))


def read_registry(path: Path) -> dict[str, str]:
    """URL → source path; every malformed line is an error naming its line."""
    found: dict[str, str] = {}
    if not path.exists():
        return found
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BuildError(f"{path}: cannot read ({error})") from error
    broken: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        url, sep, source = line.partition("\t")
        if not sep or not url.endswith("/") or not source or "\t" in source or "\r" in line:
            broken.append(f"{path}:{number}: expected 'url<TAB>source path', got {line!r}")
            continue
        found[url] = source
    if broken:
        raise BuildError("\n".join(broken))
    return found


def check_registry(registry: dict[str, str], entries: Iterable[urls.Entry]) -> RegistryCheck:
    """Compare the registry with the articles about to be published."""
    current = {e.url: e for e in entries}
    by_source = {e.front.source: e for e in current.values()}
    check = RegistryCheck(dict(registry))
    for url, source in sorted(registry.items()):
        _check_one(check, url, source, current, by_source)
    for url, entry in sorted(current.items()):
        if url not in registry:
            check.registry[url] = entry.front.source
            check.added.append(url)
    return check


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
