"""Everything an article page prints besides its body, computed once in Python.

The theme templates only loop over these values and escape them; the MkDocs hook hands the
record of each page to its template (see `mkdocs_hook.py`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from bantin.metadata import AuthorInfo, FrontMatter, License
from bantin.model import BlockKind
from bantin.site import urls
from bantin.site.markup import page_range, vn_date
from bantin.site.pages import by_issue, issue_label

if TYPE_CHECKING:
    from bantin.site.pdfs import ArticlePdf

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
    def highwire_author_institutions(self, front: FrontMatter) -> list[tuple[str, list[str]]]: ...


@dataclass(frozen=True)
class SiteInfo:
    """Site-wide values the meta tags need; `license` is mkdocs.yml's `extra.license`, the
    licence of every issue whose issue.yml names none."""

    site_url: str
    site_name: str
    license: License | None = None


#: A meta tag: [name, content], or [name, content, language] when its language is not the
#: page's (the English keywords).
MetaTag = list[str]


def publication_date(front: FrontMatter) -> tuple[int, ...]:
    """The publication date (the issue's) as (year, month, day), (year, month) or (year,)."""
    return front.published


def highwire_date(front: FrontMatter) -> str:
    """'2021/05/15', '2021/05' or '2021', as Google Scholar and Zotero read them."""
    return "/".join(f"{part:02d}" for part in publication_date(front))


def iso_date(front: FrontMatter) -> str:
    """'2021-05-15', '2021-05' or '2021' (ISO 8601, W3C-DTF)."""
    return "-".join(f"{part:02d}" for part in publication_date(front))


def published_label(front: FrontMatter) -> str:
    """The publication date as readers write it: '15/05/2021', 'tháng 5/2021' or '2021'."""
    parts = publication_date(front)
    if len(parts) == 3:
        return vn_date(dt.date(*parts))
    if len(parts) == 2:
        return f"tháng {parts[1]}/{parts[0]}"
    return str(parts[0])


def journal_title(front: FrontMatter, site: SiteInfo) -> str:
    return front.bulletin or site.site_name


def article_license(front: FrontMatter, site: SiteInfo) -> License | None:
    """The article's licence: its own or its issue's (issue.yml), else the site's."""
    return front.license_info or site.license


def doi_url(doi: str) -> str:
    return "https://doi.org/" + doi


def references(entry: urls.Entry) -> list[str]:
    """The items of the article's references section, as printed."""
    return [block.text for block in entry.blocks if block.kind is BlockKind.REFERENCE]


def highwire_tags(
    front: FrontMatter,
    authors: Sequence[tuple[str, Sequence[str]]],
    site: SiteInfo,
    pdf_url: str,
    url: str = "",
    cited: Sequence[str] = (),
) -> list[MetaTag]:
    """Google Scholar / Zotero `citation_*` tags, in the order Highwire documents; each
    author's institutions follow the author (as OJS writes them)."""
    tags = [["citation_title", front.title]]
    for name, institutions in authors:
        tags += [["citation_author", name]]
        tags += [["citation_author_institution", place] for place in institutions]
    tags += [
        ["citation_publication_date", highwire_date(front)],
        ["citation_date", highwire_date(front)],
        ["citation_journal_title", journal_title(front, site)],
    ]
    if front.publisher:
        tags += [["citation_publisher", front.publisher]]
    if front.issn:
        tags += [["citation_issn", front.issn]]
    tags += [["citation_issue", str(front.issue)]]
    if front.pages:
        tags += [["citation_firstpage", str(min(front.pages))]]
        tags += [["citation_lastpage", str(max(front.pages))]]
    if front.doi:
        tags += [["citation_doi", front.doi]]
    tags += [["citation_language", "vi"]]
    tags += [["citation_keywords", word] for word in front.keywords]
    tags += [["citation_keywords", word, "en"] for word in front.keywords_en]
    if front.lead:
        tags += [["citation_abstract", front.lead]]
    if url:
        if front.lead:
            tags += [["citation_abstract_html_url", url]]
        tags += [["citation_fulltext_html_url", url]]
    if pdf_url:
        tags += [["citation_pdf_url", pdf_url]]
    tags += [["citation_reference", text] for text in cited]
    return tags


def dublin_core_tags(front: FrontMatter, site: SiteInfo, url: str) -> list[MetaTag]:
    tags = [["DC.title", front.title]]
    tags += [["DC.creator", name] for name in front.author_names]
    tags += [["DC.date", iso_date(front)], ["DC.language", "vi"]]
    if front.publisher:
        tags += [["DC.publisher", front.publisher]]
    tags += [
        ["DC.source", journal_title(front, site) + f", {issue_label(front.issue, front.year)}"],
        ["DC.identifier", url],
    ]
    if front.doi:
        tags += [["DC.identifier", front.doi]]
    licence = article_license(front, site)
    if licence is not None:
        tags += [["DC.rights", licence.url or licence.label]]
    tags += [["DC.type", "Text"]]
    return tags


def opengraph_tags(
    front: FrontMatter, site: SiteInfo, url: str, author_urls: Sequence[str] = ()
) -> list[MetaTag]:
    """Open Graph, with the article's publication time (its issue's) and its authors' pages."""
    tags = [
        ["og:type", "article"],
        ["og:title", front.title],
        ["og:url", url],
        ["og:locale", "vi_VN"],
        ["og:site_name", site.site_name],
    ]
    if front.lead:
        tags.insert(2, ["og:description", front.lead])
    tags += [
        ["article:published_time", iso_date(front)],
        ["og:article:published_time", iso_date(front)],
    ]
    tags += [["article:author", author] for author in author_urls]
    if front.section:
        tags += [["article:section", front.section]]
    tags += [["article:tag", word] for word in front.keywords]
    return tags


def json_ld(
    front: FrontMatter,
    site: SiteInfo,
    url: str,
    *,
    lastmod: str = "",
    pdf_url: str = "",
    cited: Sequence[str] = (),
) -> dict[str, Any]:
    """schema.org ScholarlyArticle, part of its PublicationIssue, part of the Periodical."""
    periodical: dict[str, Any] = {"@type": "Periodical", "name": journal_title(front, site)}
    if front.issn:
        periodical["issn"] = front.issn
    if front.publisher:
        periodical["publisher"] = organisation(front.publisher)
    issue: dict[str, Any] = {
        "@type": "PublicationIssue",
        "issueNumber": str(front.issue),
        "datePublished": iso_date(front),
        "isPartOf": periodical,
    }
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": front.title,
        "name": front.title,
        "author": [person(front, info) for info in front.author_info],
        "datePublished": iso_date(front),
        "inLanguage": "vi",
        "url": url,
        "isPartOf": issue,
    }
    if lastmod:
        article["dateModified"] = lastmod
    if front.publisher:
        article["publisher"] = organisation(front.publisher)
    if front.doi:
        article["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": front.doi}
        article["sameAs"] = doi_url(front.doi)
    licence = article_license(front, site)
    if licence is not None:
        article["license"] = licence.url or licence.label
    if front.lead:
        article["abstract"] = front.lead
    if front.keywords:
        article["keywords"] = list(front.keywords)
    if front.section:
        article["articleSection"] = front.section
    if front.pages:
        article["pageStart"] = str(min(front.pages))
        article["pageEnd"] = str(max(front.pages))
    if pdf_url:
        article["encoding"] = {
            "@type": "MediaObject",
            "encodingFormat": "application/pdf",
            "contentUrl": pdf_url,
        }
    if cited:
        article["citation"] = list(cited)
    return article


def organisation(name: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": name}


def person(front: FrontMatter, info: AuthorInfo) -> dict[str, Any]:
    found: dict[str, Any] = {"@type": "Person", "name": info.name}
    places = front.institutions(info)
    if places:
        found["affiliation"] = [organisation(place) for place in places]
    return found


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


def pdf_record(here: str, pdf: ArticlePdf | None) -> Record:
    """The PDF link of the page: the article's own PDF ("Bản PDF của bài", cited as its full
    text) or the whole issue's ("Bản PDF của cả số", never cited)."""
    if pdf is None:
        return {}
    href = pdf.href if pdf.external else urls.relative(here, pdf.href)
    return {"href": href, "own": pdf.own}


def article_record(
    entry: urls.Entry,
    siblings: tuple[urls.Entry | None, urls.Entry | None],
    item: dict[str, Any],
    cite: CiteApi,
    site: SiteInfo,
    pdf: ArticlePdf | None,
    names: urls.NameIndex,
    lastmod: str = "",
) -> Record:
    """The template data of one article page."""
    front, here = entry.front, entry.url
    url = urls.absolute(site.site_url, here)
    pdf_url = ""
    if pdf is not None and pdf.own:
        pdf_url = pdf.href if pdf.external else urls.absolute(site.site_url, pdf.href)
    cited = references(entry)
    author_urls = [urls.absolute(site.site_url, names.author(name)) for name in front.author_names]
    licence = article_license(front, site)
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
        "published": published_label(front),
        "published_iso": iso_date(front),
        "date": vn_date(front.date) if front.date else "",
        "date_iso": front.date.isoformat() if front.date else "",
        "lastmod": lastmod,
        "doi": {"name": front.doi, "href": doi_url(front.doi)} if front.doi else None,
        "license": {"name": licence.label, "href": licence.url or ""} if licence else None,
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
        "pdf": pdf_record(here, pdf),
        "canonical": url,
        "meta_names": highwire_tags(
            front, cite.highwire_author_institutions(front), site, pdf_url, url, cited
        )
        + dublin_core_tags(front, site, url),
        "meta_properties": opengraph_tags(front, site, url, author_urls),
        "json_ld": json_ld(front, site, url, lastmod=lastmod, pdf_url=pdf_url, cited=cited),
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
