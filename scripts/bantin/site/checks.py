"""Checks of the built site before it replaces the published one."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from bantin.exceptions import Problem, Problems
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


def is_third_party(target: str, site_host: str) -> bool:
    parts = urlsplit(target)
    if not parts.netloc:
        return False
    return parts.netloc != site_host


def third_party_in(text: str, site_host: str) -> list[str]:
    found = [a or b for a, b in FETCHING_TAG.findall(text)]
    found += CSS_URL.findall(text)
    return sorted({t for t in found if is_third_party(t, site_host)})


def check_no_third_party(site_dir: Path, site_url: str, problems: Problems) -> None:
    """The site must load nothing from anyone but the archive itself."""
    host = urlsplit(site_url).netloc
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in (".html", ".css") or not path.is_file():
            continue
        for target in third_party_in(path.read_text(encoding="utf-8", errors="replace"), host):
            where = path.relative_to(site_dir).as_posix()
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


def check_site(site_dir: Path, site_url: str, article_urls: Sequence[str]) -> Problems:
    """Every article page exists and is in the sitemap; nothing loads from elsewhere."""
    problems = Problems()
    check_pages(site_dir, ["", *article_urls], problems)
    check_sitemap(site_dir, site_url, article_urls, problems)
    check_no_third_party(site_dir, site_url, problems)
    return problems
