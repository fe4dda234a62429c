"""Atom feeds: the newest articles of the archive and every article of each issue.

`updated` is the newest article date, never the time of the build, so feeds are reproducible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from bantin.site import urls
from bantin.site.meta import SiteInfo, iso_date
from bantin.site.pages import GeneratedFile, by_issue, issue_label

ATOM = "http://www.w3.org/2005/Atom"
LATEST = 20


def entry_day(entry: urls.Entry) -> str:
    """RFC 3339 timestamp of an article's date (midnight UTC; year-only dates get 1 January)."""
    parts = [int(p) for p in iso_date(entry.front).split("-")] + [1, 1]
    return dt.datetime(parts[0], parts[1], parts[2], tzinfo=dt.UTC).isoformat()


def newest_first(entries: Sequence[urls.Entry]) -> list[urls.Entry]:
    return sorted(entries, key=lambda e: (entry_day(e), e.url), reverse=True)


def _text(parent: ET.Element, name: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}", attrs)
    element.text = text
    return element


def atom_entry(feed: ET.Element, entry: urls.Entry, site: SiteInfo) -> None:
    front = entry.front
    url = urls.absolute(site.site_url, entry.url)
    node = ET.SubElement(feed, f"{{{ATOM}}}entry")
    _text(node, "id", url)
    _text(node, "title", front.title)
    ET.SubElement(node, f"{{{ATOM}}}link", {"rel": "alternate", "href": url})
    _text(node, "updated", entry_day(entry))
    _text(node, "published", entry_day(entry))
    for name in front.author_names:
        _text(ET.SubElement(node, f"{{{ATOM}}}author"), "name", name)
    if front.section:
        ET.SubElement(node, f"{{{ATOM}}}category", {"term": front.section})
    if front.lead:
        _text(node, "summary", front.lead)


def atom_feed(
    entries: Sequence[urls.Entry], site: SiteInfo, path: str, title: str
) -> GeneratedFile:
    """One Atom document at `path` (relative to the site root)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "vi"})
    feed_url = urls.absolute(site.site_url, path)
    _text(feed, "id", feed_url)
    _text(feed, "title", title)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": feed_url})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": site.site_url})
    ordered = newest_first(entries)
    _text(feed, "updated", entry_day(ordered[0]) if ordered else "1970-01-01T00:00:00+00:00")
    _text(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", site.site_name)
    for entry in ordered:
        atom_entry(feed, entry, site)
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return GeneratedFile(path, f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'.encode())


def all_feeds(entries: Sequence[urls.Entry], site: SiteInfo) -> list[GeneratedFile]:
    """feed.xml with the newest articles, and YEAR/so-N/feed.xml for every issue."""
    feeds = [atom_feed(newest_first(entries)[:LATEST], site, "feed.xml", site.site_name)]
    for (year, issue), group in by_issue(entries).items():
        path = urls.issue_url(year, issue) + "feed.xml"
        title = f"{site.site_name}: {issue_label(issue, year)}"
        feeds.append(atom_feed(group, site, path, title))
    return feeds
