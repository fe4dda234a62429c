"""Checks of the built site before it replaces the published one."""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from bantin.exceptions import Problem, Problems
from bantin.pipeline import default_workers
from bantin.site import urls

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Elements that make a browser fetch something while the page loads.
FETCHING_TAG = re.compile(
    r"<(?:script|img|iframe|source|audio|video|embed)\b[^>]*?\bsrc=[\"']([^\"']+)"
    r"|<link\b(?=[^>]*\brel=[\"'](?:stylesheet|preload|modulepreload|icon|prefetch|preconnect)[\"'])"
    r"[^>]*?\bhref=[\"']([^\"']+)",
    re.IGNORECASE,
)
CSS_URL = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"'])((?:https?:)?//[^\"')\s]+)", re.IGNORECASE)
# The same two forms, each led by a literal, searched in the lower-cased text: the regular
# expression engine then jumps from one literal to the next instead of trying every position
# case-insensitively (17 times faster on the archive's pages).
CSS_URL_FORMS = (
    re.compile(r"url\(\s*[\"']?((?:https?:)?//[^\"')\s]+)"),
    re.compile(r"@import\s+[\"']((?:https?:)?//[^\"')\s]+)"),
)
#: The files the scan reads: what loads resources into a page.
SCANNED = (".html", ".css")
#: Below this many files the scan stays in one process.
PARALLEL_SCAN_MIN = 400


def is_third_party(target: str, site_host: str) -> bool:
    parts = urlsplit(target)
    if not parts.netloc:
        return False
    return parts.netloc != site_host


def css_urls(text: str) -> list[str]:
    """What CSS_URL.findall finds: leftmost match first, the scan going on after its end."""
    lowered = text.lower()
    # Positions move when a letter's lower case is longer ('İ'); 'ſ' matches 's' only
    # case-insensitively. Both are rare: the plain scan answers then.
    if len(lowered) != len(text) or "ſ" in text:
        return list(CSS_URL.findall(text))
    found: list[str] = []
    position = 0
    while True:
        matches = [m for m in (form.search(lowered, position) for form in CSS_URL_FORMS) if m]
        if not matches:
            return found
        first = min(matches, key=lambda m: m.start())
        found.append(text[first.start(1) : first.end(1)])
        position = first.end()


def third_party_in(text: str, site_host: str) -> list[str]:
    found = [a or b for a, b in FETCHING_TAG.findall(text)]
    found += css_urls(text)
    return sorted({t for t in found if is_third_party(t, site_host)})


def scan(paths: Sequence[str | Path], site_host: str) -> list[tuple[str | Path, str]]:
    """(file, resource) for every third-party resource the files load."""
    found: list[tuple[str | Path, str]] = []
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as page:
            found += [(path, target) for target in third_party_in(page.read(), site_host)]
    return found


def scan_in_parallel(paths: Sequence[str | Path], site_host: str) -> list[tuple[str | Path, str]]:
    """`scan` split over the machine's cores (forked processes), results in file order."""
    workers = min(default_workers(), 4)
    if workers < 2 or len(paths) < PARALLEL_SCAN_MIN:
        return scan(paths, site_host)
    chunks = [(paths[start::workers], site_host) for start in range(workers)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        found = pool.starmap(scan, chunks)
    order = {str(path): index for index, path in enumerate(paths)}
    hits = [hit for part in found for hit in part]
    return sorted(hits, key=lambda hit: (order[str(hit[0])], hit[1]))


def html_and_css(site_dir: Path) -> list[str]:
    """The site's HTML and CSS files (their paths under `site_dir`, "/" between folders) in
    the order `sorted(site_dir.rglob("*"))` gives, held as strings: a full site has some
    hundred thousand files."""
    found: list[str] = []

    def walk(folder: str, under: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                name = under + entry.name
                # rglob does not go into a linked folder either.
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, name + "/")
                elif os.path.splitext(entry.name)[1] in SCANNED and entry.is_file():
                    found.append(name)

    walk(str(site_dir), "")
    found.sort(key=lambda name: name.split("/"))
    return found


def check_no_third_party(
    site_dir: Path, site_url: str, problems: Problems, only: Sequence[str] | None = None
) -> None:
    """The site must load nothing from anyone but the archive itself (`only`: the files to
    scan, relative to the site; all when None)."""
    host = urlsplit(site_url).netloc
    if only is None:
        names = html_and_css(site_dir)
    else:
        names = [
            name
            for name in only
            if os.path.splitext(name)[1] in SCANNED and (site_dir / name).is_file()
        ]
    prefix = os.path.join(site_dir, "")
    for path, target in scan_in_parallel([prefix + name for name in names], host):
        where = str(path)[len(prefix) :].replace(os.sep, "/")
        problems.add(Problem(f"site/{where}", f"loads a third-party resource: {target}"))


def check_pages(site_dir: Path, page_urls: Iterable[str], problems: Problems) -> None:
    for url in page_urls:
        if not (site_dir / urls.md_path(url).replace("index.md", "index.html")).is_file():
            problems.add(Problem(f"site/{url}", "page missing from the built site"))


def sitemap_urls(site_dir: Path) -> set[str]:
    path = site_dir / "sitemap.xml"
    if not path.exists():
        return set()
    root = ET.parse(path).getroot()
    return {(node.text or "").strip() for node in root.iter(f"{SITEMAP_NS}loc")}


def check_sitemap(
    site_dir: Path, site_url: str, article_urls: Sequence[str], problems: Problems
) -> None:
    listed = sitemap_urls(site_dir)
    for url in article_urls:
        if urls.absolute(site_url, url) not in listed:
            problems.add(Problem("site/sitemap.xml", f"article {url} is not listed"))


def check_site(
    site_dir: Path, site_url: str, article_urls: Sequence[str], written: Sequence[str] | None = None
) -> Problems:
    """Every article page exists and is in the sitemap; nothing loads from elsewhere. An
    incremental build scans only the files it `written`: the others passed in earlier builds."""
    problems = Problems()
    check_pages(site_dir, ["", *article_urls], problems)
    check_sitemap(site_dir, site_url, article_urls, problems)
    check_no_third_party(site_dir, site_url, problems, written)
    return problems
