"""Everything an article page prints besides its body, computed once in Python.

The theme templates only loop over these values and escape them; the MkDocs hook hands the
record of each page to its template (see `mkdocs_hook.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from bantin.metadata import AuthorInfo, FrontMatter
from bantin.site import urls
from bantin.site.markup import page_range, vn_date
from bantin.site.pages import by_issue, issue_label

Record = dict[str, Any]


class CiteApi(Protocol):
    """The functions of bantin.cite the site uses."""

    def csl_item(
        self, front: FrontMatter, url: str, site_url: str, *, container_title: str | None = None
    ) -> dict[str, Any]: ...
    def format_citation(self, item: dict[str, Any], style: str) -> str: ...
    def format_citation_html(self, item: dict[str, Any], style: str) -> str: ...
    def to_bibtex(self, item: dict[str, Any]) -> str: ...
    def to_ris(self, item: dict[str, Any]) -> str: ...
    def to_csl_json(self, items: list[dict[str, Any]]) -> str: ...
    def highwire_authors(self, front: FrontMatter) -> list[str]: ...


@dataclass(frozen=True)
class SiteInfo:
    """Site-wide values the meta tags need."""

    site_url: str
    site_name: str


def publication_date(front: FrontMatter) -> tuple[int, ...]:
    """Best known date as (year, month, day) or (year,)."""
    day = front.date or front.issue_date
    return (day.year, day.month, day.day) if day else (front.year,)


def highwire_date(front: FrontMatter) -> str:
    return "/".join(f"{part:02d}" for part in publication_date(front))


def iso_date(front: FrontMatter) -> str:
    return "-".join(f"{part:02d}" for part in publication_date(front))


def journal_title(front: FrontMatter, site: SiteInfo) -> str:
    return front.bulletin or site.site_name


def highwire_tags(
    front: FrontMatter, authors: Sequence[str], site: SiteInfo, pdf_url: str
) -> list[list[str]]:
    """Google Scholar / Zotero `citation_*` tags, in the order Highwire documents."""
    tags = [["citation_title", front.title]]
    tags += [["citation_author", name] for name in authors]
    tags += [
        ["citation_publication_date", highwire_date(front)],
        ["citation_journal_title", journal_title(front, site)],
        ["citation_issue", str(front.issue)],
    ]
    if front.pages:
        tags += [["citation_firstpage", str(min(front.pages))]]
        tags += [["citation_lastpage", str(max(front.pages))]]
    tags += [["citation_language", "vi"]]
    if front.lead:
        tags += [["citation_abstract", front.lead]]
    if front.issn:
        tags += [["citation_issn", front.issn]]
    if pdf_url:
        tags += [["citation_pdf_url", pdf_url]]
    return tags


def dublin_core_tags(front: FrontMatter, site: SiteInfo, url: str) -> list[list[str]]:
    tags = [["DC.title", front.title]]
    tags += [["DC.creator", name] for name in front.author_names]
    tags += [
        ["DC.date", iso_date(front)],
        ["DC.language", "vi"],
        ["DC.publisher", journal_title(front, site)],
        ["DC.source", journal_title(front, site) + f", {issue_label(front.issue, front.year)}"],
        ["DC.identifier", url],
        ["DC.type", "Text"],
    ]
    return tags


def opengraph_tags(front: FrontMatter, site: SiteInfo, url: str) -> list[list[str]]:
    tags = [
        ["og:type", "article"],
        ["og:title", front.title],
        ["og:url", url],
        ["og:locale", "vi_VN"],
        ["og:site_name", site.site_name],
    ]
    if front.lead:
        tags.insert(2, ["og:description", front.lead])
    return tags


def json_ld(front: FrontMatter, site: SiteInfo, url: str) -> dict[str, Any]:
    """schema.org ScholarlyArticle, part of its PublicationIssue, part of the Periodical."""
    periodical: dict[str, Any] = {"@type": "Periodical", "name": journal_title(front, site)}
    if front.issn:
        periodical["issn"] = front.issn
    issue: dict[str, Any] = {
        "@type": "PublicationIssue",
        "issueNumber": str(front.issue),
        "isPartOf": periodical,
    }
    if front.issue_date:
        issue["datePublished"] = front.issue_date.isoformat()
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": front.title,
        "name": front.title,
        "author": [{"@type": "Person", "name": name} for name in front.author_names],
        "datePublished": iso_date(front),
        "inLanguage": "vi",
        "url": url,
        "isPartOf": issue,
    }
    if front.lead:
        article["abstract"] = front.lead
    if front.section:
        article["articleSection"] = front.section
    if front.pages:
        article["pageStart"] = str(min(front.pages))
        article["pageEnd"] = str(max(front.pages))
    return article


def neighbour(entry: urls.Entry | None, here: str) -> Record | None:
    if entry is None:
        return None
    return {"title": entry.front.title, "href": urls.relative(here, entry.url)}


def citation_record(entry: urls.Entry, item: dict[str, Any]) -> Record:
    """The cite box: the CSL item, its styles and downloads.

    The formatted citations (HTML already escaped by bantin.cite, and plain text) are added
    by the MkDocs hook just before the page is rendered (citecache.fill_citations), so the
    build can format them while MkDocs converts the Markdown.
    """
    slug = entry.front.slug
    return {
        "item": item,
        "styles": [
            {"label": "APA", "style": "apa"},
            {"label": "Kiểu Việt Nam", "style": "vn"},
        ],
        "downloads": [
            {"label": "BibTeX", "href": f"{slug}.bib"},
            {"label": "RIS", "href": f"{slug}.ris"},
            {"label": "CSL-JSON", "href": f"{slug}.json"},
            {"label": "JATS XML", "href": f"{slug}.jats.xml"},
        ],
    }


def link_record(name: str, here: str, target: str) -> Record:
    return {"name": name, "href": urls.relative(here, target)}


def author_record(front: FrontMatter, info: AuthorInfo, here: str, names: urls.NameIndex) -> Record:
    """An author as the byline shows them: rank and degree before the linked name, and the
    numbers of the affiliations when the article has several."""
    record = link_record(info.name, here, names.author(info.name))
    record["before"] = ", ".join(part for part in (info.rank, info.degree) if part)
    marks = info.affiliation or []
    record["marks"] = ",".join(map(str, marks)) if len(front.affiliations) > 1 else ""
    return record


def article_record(
    entry: urls.Entry,
    siblings: tuple[urls.Entry | None, urls.Entry | None],
    item: dict[str, Any],
    cite: CiteApi,
    site: SiteInfo,
    pdf_href: str,
    names: urls.NameIndex,
) -> Record:
    """The template data of one article page."""
    front, here = entry.front, entry.url
    url = urls.absolute(site.site_url, here)
    pdf_url = urls.absolute(site.site_url, pdf_href) if pdf_href else ""
    return {
        "kind": "article",
        "title": front.title,
        "lead": front.lead,
        "authors": [author_record(front, info, here, names) for info in front.author_info],
        "affiliations": list(front.affiliations),
        "title_en": front.title_en or "",
        "abstract_en": front.abstract_en,
        "keywords": list(front.keywords),
        "keywords_en": list(front.keywords_en),
        "date": vn_date(front.date or front.issue_date),
        "issue": link_record(
            issue_label(front.issue, front.year), here, urls.issue_url(front.year, front.issue)
        ),
        "section": link_record(front.section, here, names.section(front.section))
        if front.section
        else None,
        "pages": page_range(front.pages),
        "previous": neighbour(siblings[0], here),
        "next": neighbour(siblings[1], here),
        "source_href": urls.relative(here, urls.source_copy_url(front.source)),
        "source_is_pdf": front.source.endswith(".pdf"),
        "pdf_href": urls.relative(here, pdf_href) if pdf_href else "",
        "canonical": url,
        "meta_names": highwire_tags(front, cite.highwire_authors(front), site, pdf_url)
        + dublin_core_tags(front, site, url),
        "meta_properties": opengraph_tags(front, site, url),
        "json_ld": json_ld(front, site, url),
        "cite": citation_record(entry, item),
    }


def siblings_in_issue(
    entries: Sequence[urls.Entry],
) -> dict[str, tuple[urls.Entry | None, urls.Entry | None]]:
    """Previous and next article of each article inside its issue, keyed by URL."""
    found: dict[str, tuple[urls.Entry | None, urls.Entry | None]] = {}
    for group in by_issue(entries).values():
        for i, entry in enumerate(group):
            before = group[i - 1] if i > 0 else None
            after = group[i + 1] if i + 1 < len(group) else None
            found[entry.url] = (before, after)
    return found
