"""The archive as an OAI-PMH static repository (`oai.xml`): one `oai_dc` record per article.

A static repository is one XML file (OAI-PMH implementation guidelines, "Specification for an
OAI Static Repository and an OAI Static Repository Gateway") that a static repository gateway
serves to harvesters (BASE, OAIster, university libraries) as a full OAI-PMH interface.
Nothing in it depends on the time of the build: every datestamp is the publication date of
the record's issue.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from bantin.cite.names import clean_name
from bantin.cite.published import issue_day, issue_published_text
from bantin.cite.record import display_authors
from bantin.metadata import FrontMatter
from bantin.site import urls
from bantin.site.fragments import Fragments, assembled, key_of, making
from bantin.site.markup import page_range
from bantin.site.meta import SiteInfo, journal_title
from bantin.site.pages import GeneratedFile, issue_label
from bantin.xmltext import xml_text

log = logging.getLogger("bantin.site")

FILE_NAME = "oai.xml"
SR = "http://www.openarchives.org/OAI/2.0/static-repository"
OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SR_SCHEMA = "http://www.openarchives.org/OAI/2.0/static-repository.xsd"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
#: The OpenAIRE/DRIVER publication type BASE and national aggregators read.
ARTICLE_TYPE = "info:eu-repo/semantics/article"

for _prefix, _uri in (("sr", SR), ("oai", OAI), ("oai_dc", OAI_DC), ("dc", DC), ("xsi", XSI)):
    ET.register_namespace(_prefix, _uri)  # the prefixes every OAI-PMH example uses


@dataclass(frozen=True)
class HarvestSettings:
    """`extra.oai` in mkdocs.yml: who answers for the repository, which gateway serves it."""

    admin_email: str
    gateway: str = ""  # base URL of the static repository gateway, when one intermediates
    rights: str = ""  # the licence of the records, when the archive states one

    @classmethod
    def from_config(cls, extra: Mapping[str, Any] | None) -> HarvestSettings | None:
        """None (no oai.xml) when mkdocs.yml names no `extra.oai.admin_email`."""
        found = (extra or {}).get("oai") or {}
        email = str(found.get("admin_email") or "").strip()
        if not email:
            log.info("mkdocs.yml has no extra.oai.admin_email: %s is not written", FILE_NAME)
            return None
        return cls(email, str(found.get("gateway") or ""), licence_text(extra or {}))


def licence_text(extra: Mapping[str, Any]) -> str:
    """`extra.license` of mkdocs.yml: a text or URL, or a mapping with `url` and/or `name`."""
    value = extra.get("license") or extra.get("licence") or ""
    if isinstance(value, Mapping):
        return str(value.get("url") or value.get("name") or "")
    return str(value)


def base_url(file_url: str, gateway: str) -> str:
    """The repository's OAI-PMH base URL: the gateway's base URL followed by the file's URL
    without its scheme (as the guidelines define it), or the file's own URL without one."""
    if not gateway:
        return file_url
    scheme_less = file_url.split("://", 1)[-1]
    return gateway.rstrip("/") + "/" + scheme_less


def oai_identifier(site_url: str, entry_url: str) -> str:
    """'oai:HOST:2021/so-5/slug': the article's URL path under the site's host name."""
    host = urlsplit(site_url).hostname or "localhost"
    return f"oai:{host}:{entry_url.strip('/')}"


def _sub(parent: ET.Element, name: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, name, attrs)
    element.text = xml_text(text)
    return element


def _dc(parent: ET.Element, name: str, text: str, lang: str = "") -> None:
    if text.strip():
        _sub(parent, f"{{{DC}}}{name}", text.strip(), **({XML_LANG: lang} if lang else {}))


def journal_source(front: FrontMatter, site: SiteInfo) -> str:
    """The journal citation: 'Bản tin X, Số 5/2021, tr. 8-9, ISSN 1859-4794'."""
    parts = [journal_title(front, site), issue_label(front.issue, front.year)]
    if front.pages:
        parts.append("tr. " + page_range(front.pages))
    parts += [f"ISSN {issn}" for issn in (front.issn, front.eissn) if issn]
    return ", ".join(parts)


def creators(front: FrontMatter) -> list[str]:
    """The authors' names as Vietnamese readers write them, without rank or degree."""
    names = display_authors(front)
    return names or [clean_name(name) for name in front.author_names]


def article_rights(front: FrontMatter, settings: HarvestSettings) -> str:
    """The licence the article or its issue states (its URL, else its name), else the site's."""
    found = front.license_info
    if found is not None:
        return found.url or found.label
    return settings.rights


def dc_record(
    front: FrontMatter, page_url: str, pdf_url: str, site: SiteInfo, settings: HarvestSettings
) -> ET.Element:
    """The `oai_dc:dc` element of one article."""
    dc = ET.Element(f"{{{OAI_DC}}}dc", {f"{{{XSI}}}schemaLocation": f"{OAI_DC} {OAI_DC_SCHEMA}"})
    _dc(dc, "title", front.title, "vi")
    _dc(dc, "title", front.title_en or "", "en")
    for name in creators(front):
        _dc(dc, "creator", name)
    for subject in [front.section or "", *front.keywords]:
        _dc(dc, "subject", subject, "vi")
    for subject in front.keywords_en:
        _dc(dc, "subject", subject, "en")
    _dc(dc, "description", front.lead, "vi")
    _dc(dc, "description", front.abstract_en, "en")
    _dc(dc, "publisher", front.publisher or "")
    _dc(dc, "date", issue_published_text(front))
    _dc(dc, "type", "Text")
    _dc(dc, "type", ARTICLE_TYPE)
    _dc(dc, "format", "text/html")
    if pdf_url:
        _dc(dc, "format", "application/pdf")
    _dc(dc, "identifier", page_url)
    if front.doi:
        _dc(dc, "identifier", f"https://doi.org/{front.doi}")
    _dc(dc, "source", journal_source(front, site))
    _dc(dc, "language", "vi")
    _dc(dc, "relation", pdf_url)
    _dc(dc, "rights", article_rights(front, settings))
    return dc


def record(
    entry: urls.Entry, pdf_url: str, site: SiteInfo, settings: HarvestSettings
) -> ET.Element:
    """One `oai:record`: header (identifier, datestamp) and its `oai_dc` metadata."""
    node = ET.Element(f"{{{OAI}}}record")
    header = ET.SubElement(node, f"{{{OAI}}}header")
    _sub(header, f"{{{OAI}}}identifier", oai_identifier(site.site_url, entry.url))
    _sub(header, f"{{{OAI}}}datestamp", issue_day(entry.front).isoformat())
    metadata = ET.SubElement(node, f"{{{OAI}}}metadata")
    page_url = urls.absolute(site.site_url, entry.url)
    metadata.append(dc_record(entry.front, page_url, pdf_url, site, settings))
    return node


def identify(
    entries: Sequence[urls.Entry], site: SiteInfo, settings: HarvestSettings
) -> ET.Element:
    """The repository's description: name, base URL, contact, earliest datestamp."""
    node = ET.Element(f"{{{SR}}}Identify")
    file_url = urls.absolute(site.site_url, FILE_NAME)
    earliest = min((issue_day(e.front) for e in entries), default=None)
    _sub(node, f"{{{OAI}}}repositoryName", site.site_name)
    _sub(node, f"{{{OAI}}}baseURL", base_url(file_url, settings.gateway))
    _sub(node, f"{{{OAI}}}protocolVersion", "2.0")
    _sub(node, f"{{{OAI}}}adminEmail", settings.admin_email)
    _sub(node, f"{{{OAI}}}earliestDatestamp", earliest.isoformat() if earliest else "1970-01-01")
    _sub(node, f"{{{OAI}}}deletedRecord", "no")
    _sub(node, f"{{{OAI}}}granularity", "YYYY-MM-DD")
    return node


def metadata_formats() -> ET.Element:
    node = ET.Element(f"{{{SR}}}ListMetadataFormats")
    fmt = ET.SubElement(node, f"{{{OAI}}}metadataFormat")
    _sub(fmt, f"{{{OAI}}}metadataPrefix", "oai_dc")
    _sub(fmt, f"{{{OAI}}}schema", OAI_DC_SCHEMA)
    _sub(fmt, f"{{{OAI}}}metadataNamespace", OAI_DC)
    return node


def static_repository(
    entries: Sequence[urls.Entry],
    site: SiteInfo,
    settings: HarvestSettings,
    pdf_urls: Mapping[str, str] | None = None,
    keys: Sequence[str] = (),
    kept: Fragments | None = None,
) -> GeneratedFile:
    """`oai.xml`: Identify, ListMetadataFormats and every article's record, in catalogue
    order. `pdf_urls` maps an article URL to the absolute URL of its PDF. `keys` (each
    article's `ArticleKeys` digest) and `kept`: an article's record is the text the last build
    made for the same inputs (bantin.site.fragments)."""
    pdf_urls = pdf_urls or {}
    if not entries:
        return oai_file(document(entries, site, settings, []))
    parts: list[tuple[str, bytes]] = []
    same = repr((site, settings))
    separator = ("", RECORD_SEPARATOR.encode("utf-8"))
    for number, entry in enumerate(entries):
        pdf_url = pdf_urls.get(entry.url, "")
        key = key_of("oai", keys[number], pdf_url, same) if keys else ""
        make = functools.partial(record_text, entry, pdf_url, site, settings)
        if parts:
            parts.append(separator)
        parts.append((key, making(kept, "oai", key, make)))
    # The file around the records, as ElementTree prints it with one of them (every record
    # declares the same namespaces on the root, and is indented the same at its depth).
    first = entries[0]
    shell = document(
        entries, site, settings, [record(first, pdf_urls.get(first.url, ""), site, settings)]
    )
    head, tail = (
        shell[: shell.index(RECORD_START)],
        shell[shell.rindex(RECORD_END) + len(RECORD_END) :],
    )
    content = assembled(kept, "oai", FILE_NAME, XML_DECLARATION + head, parts, tail + "\n")
    return GeneratedFile(FILE_NAME, content)


#: How a record starts and ends in the file, and what ElementTree's indent puts between two.
RECORD_START, RECORD_END = "<oai:record>", "</oai:record>"
RECORD_SEPARATOR = "\n  "


def record_text(entry: urls.Entry, pdf_url: str, site: SiteInfo, settings: HarvestSettings) -> str:
    """One article's record as oai.xml prints it (text and markup are escaped: neither the
    start nor the end tag can occur inside)."""
    alone = document([entry], site, settings, [record(entry, pdf_url, site, settings)])
    return alone[alone.index(RECORD_START) : alone.rindex(RECORD_END) + len(RECORD_END)]


def document(
    entries: Sequence[urls.Entry],
    site: SiteInfo,
    settings: HarvestSettings,
    records: Sequence[ET.Element],
) -> str:
    root = ET.Element(f"{{{SR}}}Repository", {f"{{{XSI}}}schemaLocation": f"{SR} {SR_SCHEMA}"})
    root.append(identify(entries, site, settings))
    root.append(metadata_formats())
    listing = ET.SubElement(root, f"{{{SR}}}ListRecords", {"metadataPrefix": "oai_dc"})
    listing.extend(records)
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="unicode")


XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def oai_file(text: str) -> GeneratedFile:
    content = XML_DECLARATION + text + "\n"
    return GeneratedFile(FILE_NAME, content.encode("utf-8"))
