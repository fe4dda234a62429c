"""Atom feeds: the newest articles of the archive and every article of each issue.

An entry is `published` on its issue's publication date and `updated` on the day its content
last changed (recorded in the URL registry, see bantin.site.registry); a feed's `updated` is
its newest entry's. Never the time of the build, so feeds are reproducible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from xml.etree import ElementTree as ET

from bantin.site import urls
from bantin.site.meta import SiteInfo
from bantin.site.pages import GeneratedFile, by_issue, issue_label

_NONE: Mapping[str, str] = MappingProxyType({})

ATOM = "http://www.w3.org/2005/Atom"
LATEST = 20


def timestamp(day: dt.date) -> str:
    """RFC 3339 timestamp of a day (midnight UTC)."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).isoformat()


def entry_day(entry: urls.Entry) -> str:
    """When an article was published: its issue's date (a month or a year alone gives its
    first day)."""
    return timestamp(entry.front.published_day)


def updated_day(entry: urls.Entry, lastmods: Mapping[str, str]) -> str:
    """The day the article's content last changed, never before it was published."""
    published = entry_day(entry)
    changed = lastmods.get(entry.url, "")
    if not changed:
        return published
    return max(published, timestamp(dt.date.fromisoformat(changed)))


def newest_first(entries: Sequence[urls.Entry]) -> list[urls.Entry]:
    return sorted(entries, key=lambda e: (entry_day(e), e.url), reverse=True)


def _text(parent: ET.Element, name: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}", attrs)
    element.text = text
    return element


def atom_entry(
    feed: ET.Element, entry: urls.Entry, site: SiteInfo, lastmods: Mapping[str, str] = _NONE
) -> None:
    front = entry.front
    url = urls.absolute(site.site_url, entry.url)
    node = ET.SubElement(feed, f"{{{ATOM}}}entry")
    _text(node, "id", url)
    _text(node, "title", front.title)
    ET.SubElement(node, f"{{{ATOM}}}link", {"rel": "alternate", "href": url})
    _text(node, "updated", updated_day(entry, lastmods))
    _text(node, "published", entry_day(entry))
    for name in front.author_names:
        _text(ET.SubElement(node, f"{{{ATOM}}}author"), "name", name)
    if front.section:
        ET.SubElement(node, f"{{{ATOM}}}category", {"term": front.section})
    if front.lead:
        _text(node, "summary", front.lead)


def atom_feed(
    entries: Sequence[urls.Entry],
    site: SiteInfo,
    path: str,
    title: str,
    page: str = "",
    lastmods: Mapping[str, str] = _NONE,
) -> GeneratedFile:
    """One Atom document at `path` (relative to the site root) about the page at `page` (the
    site's home page by default): its `alternate` link."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "vi"})
    feed_url = urls.absolute(site.site_url, path)
    _text(feed, "id", feed_url)
    _text(feed, "title", title)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": feed_url})
    alternate = urls.absolute(site.site_url, page) if page else site.site_url
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": alternate})
    ordered = newest_first(entries)
    updated = max((updated_day(e, lastmods) for e in ordered), default="1970-01-01T00:00:00+00:00")
    _text(feed, "updated", updated)
    _text(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", site.site_name)
    for entry in ordered:
        atom_entry(feed, entry, site, lastmods)
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return GeneratedFile(path, f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'.encode())


def all_feeds(
    entries: Sequence[urls.Entry], site: SiteInfo, lastmods: Mapping[str, str] = _NONE
) -> list[GeneratedFile]:
    """feed.xml with the newest articles, and YEAR/so-N/feed.xml for every issue (whose
    `alternate` link is the issue's page)."""
    feeds = [latest_feed(entries, site, lastmods)]
    for (year, issue), group in by_issue(entries).items():
        feeds.append(issue_feed(year, issue, group, site, lastmods))
    return feeds


def latest_feed(
    entries: Sequence[urls.Entry], site: SiteInfo, lastmods: Mapping[str, str] = _NONE
) -> GeneratedFile:
    latest = newest_first(entries)[:LATEST]
    return atom_feed(latest, site, "feed.xml", site.site_name, lastmods=lastmods)


def issue_feed(
    year: int,
    issue: int,
    group: Sequence[urls.Entry],
    site: SiteInfo,
    lastmods: Mapping[str, str] = _NONE,
) -> GeneratedFile:
    page = urls.issue_url(year, issue)
    title = f"{site.site_name}: {issue_label(issue, year)}"
    return atom_feed(group, site, page + "feed.xml", title, page, lastmods)
