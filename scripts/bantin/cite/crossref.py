"""A Crossref deposit (schema 5.3.1 `doi_batch`) for the articles of one issue that have a DOI.

`bantin export crossref --issue YEAR/N` writes it; the editor uploads it to Crossref. The
deposit names the journal (title, ISSNs), the issue (its publication date and number) and, for
each article with a `doi`, its titles, authors (Vietnamese names split family name first, pen
names kept whole as a surname), publication date, pages and DOI with the article's page.
Nothing in it depends on the clock: `doi_batch_id` is a digest of the deposit's content and
`timestamp` the issue's date, unless given.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from bantin.cite.names import parse_name
from bantin.cite.published import issue_day, issue_published
from bantin.cite.record import absolute_url
from bantin.exceptions import BantinError
from bantin.metadata import FrontMatter
from bantin.xmltext import xml_text

CR = "http://www.crossref.org/schema/5.3.1"
JATS = "http://www.ncbi.nlm.nih.gov/JATS1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
VERSION = "5.3.1"
SCHEMA_URL = "https://www.crossref.org/schemas/crossref5.3.1.xsd"
LOCAL_HOSTS = frozenset({None, "", "localhost", "127.0.0.1", "::1", "0.0.0.0"})

ET.register_namespace("", CR)
ET.register_namespace("jats", JATS)
ET.register_namespace("xsi", XSI)


class DepositError(BantinError):
    """The issue cannot be deposited: every reason, one a line."""


@dataclass(frozen=True)
class Depositor:
    """Who sends the deposit (Crossref's `head`)."""

    name: str
    email: str
    registrant: str


@dataclass(frozen=True)
class Article:
    """One article of the issue: its front matter and the URL of its page."""

    front: FrontMatter
    url: str  # relative to the site, as the catalogue gives it
    where: str  # its file, for messages


@dataclass(frozen=True)
class Deposit:
    """The issue to deposit and how to label the batch (None: derived from the content)."""

    year: int
    issue: int
    journal: str  # the journal title when the articles name none
    site_url: str
    depositor: Depositor
    batch_id: str | None = None
    timestamp: int | None = None


def _el(parent: ET.Element, name: str, text: str = "", **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{CR}}}{name}", attrs)
    if text:
        element.text = xml_text(text)
    return element


# --- what must be there -----------------------------------------------------------------


def problems(deposit: Deposit, articles: Sequence[Article]) -> list[str]:
    """Every reason the issue cannot be deposited (an empty list when it can)."""
    label = f"issue {deposit.year}/{deposit.issue}"
    if not articles:
        return [f"{label}: no article of this issue in docs/"]
    # An article's front matter carries its issue's issue.yml values (issn, eissn).
    found = depositor_problems(deposit.depositor) + site_problems(deposit.site_url)
    with_doi = [a for a in articles if a.front.doi]
    if not with_doi:
        found.append(
            f"{label}: none of its {len(articles)} article(s) has a doi "
            "(add 'doi: 10.NNNN/...' to an article's sidecar or front matter)"
        )
    if not any(a.front.issn or a.front.eissn for a in articles):
        found.append(f"{label}: no issn or eissn (add one to the issue's issue.yml)")
    seen: dict[str, str] = {}
    for article in with_doi:
        doi = str(article.front.doi).lower()
        if doi in seen:
            found.append(f"{article.where}: doi {article.front.doi} is also {seen[doi]}'s")
        seen.setdefault(doi, article.where)
    return found


def site_problems(site_url: str) -> list[str]:
    """A DOI must lead to the public article page, never to a local preview."""
    parts = urlsplit(site_url)
    if parts.scheme in ("http", "https") and parts.hostname not in LOCAL_HOSTS:
        return []
    return [
        f"the site URL {site_url} is not the public address the DOIs must lead to: "
        "set BANTIN_SITE_URL (or site_url in mkdocs.yml) to it"
    ]


def depositor_problems(depositor: Depositor) -> list[str]:
    wanted = (
        (depositor.name, "depositor name", "--depositor-name", "depositor_name"),
        (depositor.email, "depositor e-mail address", "--depositor-email", "depositor_email"),
        (depositor.registrant, "registrant", "--registrant", "registrant"),
    )
    return [
        f"no {what}: give {option} or extra.crossref.{key} in mkdocs.yml"
        for value, what, option, key in wanted
        if not value.strip()
    ]


# --- the deposit ------------------------------------------------------------------------


def date_element(parent: ET.Element, name: str, front: FrontMatter) -> None:
    """`publication_date` of the issue: month, day and year, or the year alone."""
    parts = issue_published(front)
    date = _el(parent, name, media_type="print")
    if len(parts) >= 2:
        _el(date, "month", f"{parts[1]:02d}")
    if len(parts) == 3:
        _el(date, "day", f"{parts[2]:02d}")
    _el(date, "year", str(parts[0]))


def journal_metadata(parent: ET.Element, deposit: Deposit, articles: Sequence[Article]) -> None:
    first = articles[0].front
    meta = _el(parent, "journal_metadata", language="vi")
    _el(meta, "full_title", first.bulletin or deposit.journal)
    issn = next((a.front.issn for a in articles if a.front.issn), None)
    eissn = next((a.front.eissn for a in articles if a.front.eissn), None)
    if issn:
        _el(meta, "issn", issn, media_type="print")
    if eissn:
        _el(meta, "issn", eissn, media_type="electronic")


def contributors(parent: ET.Element, front: FrontMatter) -> None:
    """`person_name` of each author: given name and surname, or a pen name as the surname."""
    if not front.authors:
        return
    group = _el(parent, "contributors")
    for index, info in enumerate(front.author_info):
        name = parse_name(info.name, list(front.pen_names))
        sequence = "first" if index == 0 else "additional"
        person = _el(group, "person_name", sequence=sequence, contributor_role="author")
        if not name.is_literal and name.given:
            _el(person, "given_name", name.given)
        _el(person, "surname", name.family if not name.is_literal else name.literal or info.name)
        institutions = front.institutions(info)
        if institutions:
            affiliations = _el(person, "affiliations")
            for institution in institutions:
                _el(_el(affiliations, "institution"), "institution_name", institution)


def journal_article(parent: ET.Element, article: Article, site_url: str) -> None:
    front = article.front
    node = _el(parent, "journal_article", publication_type="full_text", language="vi")
    _el(_el(node, "titles"), "title", front.title)
    contributors(node, front)
    if front.lead:
        abstract = ET.SubElement(node, f"{{{JATS}}}abstract")
        ET.SubElement(abstract, f"{{{JATS}}}p").text = xml_text(front.lead)
    date_element(node, "publication_date", front)
    if front.pages:
        pages = _el(node, "pages")
        _el(pages, "first_page", str(min(front.pages)))
        _el(pages, "last_page", str(max(front.pages)))
    doi_data = _el(node, "doi_data")
    _el(doi_data, "doi", str(front.doi))
    _el(doi_data, "resource", absolute_url(article.url, site_url))


def body(deposit: Deposit, articles: Sequence[Article]) -> ET.Element:
    node = ET.Element(f"{{{CR}}}body")
    journal = _el(node, "journal")
    journal_metadata(journal, deposit, articles)
    issue = _el(journal, "journal_issue")
    date_element(issue, "publication_date", articles[0].front)
    _el(issue, "issue", str(deposit.issue))
    for article in articles:
        if article.front.doi:
            journal_article(journal, article, deposit.site_url)
    return node


def head(deposit: Deposit, batch_id: str, timestamp: int) -> ET.Element:
    node = ET.Element(f"{{{CR}}}head")
    _el(node, "doi_batch_id", batch_id)
    _el(node, "timestamp", str(timestamp))
    depositor = _el(node, "depositor")
    _el(depositor, "depositor_name", deposit.depositor.name.strip())
    _el(depositor, "email_address", deposit.depositor.email.strip())
    _el(node, "registrant", deposit.depositor.registrant.strip())
    return node


def default_timestamp(articles: Sequence[Article]) -> int:
    """YYYYMMDDhhmmss of the issue's date: the same on every run of the same issue."""
    return int(issue_day(articles[0].front).strftime("%Y%m%d") + "000000")


def deposit_xml(deposit: Deposit, articles: Sequence[Article]) -> bytes:
    """The deposit as UTF-8 bytes; DepositError lists everything missing."""
    found = problems(deposit, articles)
    if found:
        reasons = "".join(f"\n  {reason}" for reason in found)
        raise DepositError(f"no Crossref deposit of issue {deposit.year}/{deposit.issue}:{reasons}")
    content = body(deposit, articles)
    digest = hashlib.sha256(ET.tostring(content, encoding="utf-8")).hexdigest()[:16]
    batch_id = deposit.batch_id or f"bantin-{deposit.year}-{deposit.issue}-{digest}"
    timestamp = default_timestamp(articles) if deposit.timestamp is None else deposit.timestamp
    root = ET.Element(
        f"{{{CR}}}doi_batch",
        {"version": VERSION, f"{{{XSI}}}schemaLocation": f"{CR} {SCHEMA_URL}"},
    )
    root.append(head(deposit, batch_id, timestamp))
    root.append(content)
    ET.indent(root, space=" ")
    text = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{text}\n'.encode()
