"""One CSL-JSON record per article: every citation format and meta tag is derived from it."""

from __future__ import annotations

import unicodedata
from typing import Any
from urllib.parse import urljoin, urlsplit

from bantin.cite.names import PersonName, parse_names
from bantin.metadata import FrontMatter

CslItem = dict[str, Any]
"""A CSL-JSON item (the variables of the CSL 1.0 specification)."""


def article_names(front: FrontMatter) -> list[PersonName]:
    """The article's authors, split or kept literal by the Vietnamese-name rules."""
    return parse_names(list(front.author_names), list(front.pen_names))


def highwire_authors(front: FrontMatter) -> list[str]:
    """Values for `citation_author` meta tags: 'Family, Given', or 'Pen Name,' (see
    `PersonName.highwire`: the trailing comma keeps Zotero from splitting a pen name)."""
    return [name.highwire() for name in article_names(front)]


def display_authors(front: FrontMatter) -> list[str]:
    """The authors as readers write them, family name first ('Nguyễn Hoàng Giang')."""
    return [name.display() for name in article_names(front)]


def highwire_author_institutions(front: FrontMatter) -> list[tuple[str, list[str]]]:
    """Each `citation_author` value with the institutions of that author (its
    `citation_author_institution` tags), in byline order."""
    pens = list(front.pen_names)
    return [
        (name.highwire(), front.institutions(info))
        for info in front.author_info
        for name in parse_names([info.name], pens)
    ]


def issued_date(front: FrontMatter) -> list[int]:
    """The publication date, as precisely as known: the issue's date, else the issue's month
    and year, else the year (never the article's own `date`, the day it tells of)."""
    return list(front.published)


def page_range(pages: list[int]) -> str | None:
    """'8-9' for an article on pages 8 and 9, '8' for one page, None when unknown."""
    if not pages:
        return None
    first, last = min(pages), max(pages)
    return str(first) if first == last else f"{first}-{last}"


def absolute_url(url: str, site_url: str) -> str:
    """The article URL resolved against the site URL (an absolute `url` is kept)."""
    if urlsplit(url).scheme:
        return url
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, url.lstrip("/"))


def csl_item(
    front: FrontMatter, url: str, site_url: str, *, container_title: str | None = None
) -> CslItem:
    """The article as a CSL-JSON `article-journal` item, deterministic (no access date).

    `container_title` names the bulletin when the front matter does not.
    """
    item: CslItem = {
        "id": front.slug,
        "type": "article-journal",
        "title": _nfc(front.title),
        "issued": {"date-parts": [issued_date(front)]},
        "issue": str(front.issue),
        "URL": absolute_url(url, site_url),
        "language": "vi",
    }
    names = article_names(front)
    optional: dict[str, Any] = {
        "author": [name.csl() for name in names] or None,
        "container-title": _nfc(front.bulletin or container_title or ""),
        "page": page_range(list(front.pages)),
        "ISSN": front.issn,
        "DOI": front.doi,
        "publisher": _nfc(front.publisher or ""),
        "abstract": _nfc(front.lead),
        "section": _nfc(front.section or ""),
        "keyword": ", ".join(_nfc(word) for word in front.keywords),
    }
    item.update({key: value for key, value in optional.items() if value})
    return item


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()
