"""One JATS XML per article (`SLUG.jats.xml` beside its page): the archive's articles in the
form journal archives and indexers exchange (NISO JATS, Archiving and Interchange tag set 1.3).

The front matter becomes `front` (journal-meta and article-meta: titles, contributors with
their names split family first as Vietnamese names are, affiliations, the issue's publication
date, issue and pages, abstract, keywords, links and DOI); the headings and paragraphs become
`body` sections; the references list becomes `back/ref-list`.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from bantin.cite.names import PersonName, parse_name
from bantin.cite.published import issue_published
from bantin.metadata import AuthorInfo, FrontMatter
from bantin.model import Block, BlockKind
from bantin.site import urls
from bantin.site.meta import SiteInfo, journal_title
from bantin.site.pages import GeneratedFile
from bantin.xmltext import xml_text

EXTENSION = "jats.xml"
XLINK = "http://www.w3.org/1999/xlink"
HREF = f"{{{XLINK}}}href"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DOCTYPE = (
    '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD'
    ' v1.3 20210610//EN" "https://jats.nlm.nih.gov/archiving/1.3/JATS-archivearticle1-3.dtd">'
)

ET.register_namespace("xlink", XLINK)


def jats_url(entry_url: str, slug: str) -> str:
    """Where an article's JATS file lives: beside its BibTeX and RIS downloads."""
    return urls.citation_file_url(entry_url, slug, EXTENSION)


def _sub(parent: ET.Element, name: str, text: str = "", **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, name, attrs)
    if text:
        element.text = xml_text(text)
    return element


def _paragraphs(parent: ET.Element, name: str, text: str, **attrs: str) -> None:
    """`<name><p>text</p></name>`, e.g. an abstract."""
    _sub(_sub(parent, name, **attrs), "p", text)


# --- front ------------------------------------------------------------------------------


def journal_meta(front: FrontMatter, site: SiteInfo) -> ET.Element:
    meta = ET.Element("journal-meta")
    title = journal_title(front, site)
    _sub(meta, "journal-id", urls.slugify(title), **{"journal-id-type": "publisher-id"})
    _sub(_sub(meta, "journal-title-group"), "journal-title", title)
    if front.issn:
        _sub(meta, "issn", front.issn, **{"publication-format": "print"})
    if front.eissn:
        _sub(meta, "issn", front.eissn, **{"publication-format": "electronic"})
    if front.publisher:
        _sub(_sub(meta, "publisher"), "publisher-name", front.publisher)
    return meta


def person_name(info: AuthorInfo, pen_names: Sequence[str]) -> ET.Element:
    """`name` (family name first, as Vietnamese names are written: name-style 'eastern') or,
    for a pen name or a name that cannot be split safely, `string-name`."""
    person: PersonName = parse_name(info.name, list(pen_names))
    if person.is_literal or not person.family:
        return _element("string-name", person.literal or info.name)
    name = ET.Element("name", {"name-style": "eastern"})
    _sub(name, "surname", person.family)
    if person.given:
        _sub(name, "given-names", person.given)
    if info.rank:
        _sub(name, "prefix", info.rank)
    return name


def _element(name: str, text: str) -> ET.Element:
    element = ET.Element(name)
    element.text = xml_text(text)
    return element


def contrib_group(front: FrontMatter) -> ET.Element:
    group = ET.Element("contrib-group")
    for info in front.author_info:
        contrib = _sub(group, "contrib", **{"contrib-type": "author"})
        contrib.append(person_name(info, front.pen_names))
        if info.degree:
            _sub(contrib, "degrees", info.degree)
        for number in affiliation_numbers(front, info):
            _sub(contrib, "xref", str(number), **{"ref-type": "aff", "rid": f"aff{number}"})
    return group


def affiliation_numbers(front: FrontMatter, info: AuthorInfo) -> list[int]:
    """The affiliations an author belongs to: those it names, else the article's only one."""
    if info.affiliation:
        return list(info.affiliation)
    return [1] if len(front.affiliations) == 1 else []


def pub_date(front: FrontMatter) -> ET.Element:
    """The issue's publication date (never the date the article reports)."""
    parts = issue_published(front)
    attrs = {"publication-format": "print", "date-type": "pub"}
    if len(parts) == 3:
        attrs["iso-8601-date"] = "-".join(f"{part:02d}" for part in parts)
    date = ET.Element("pub-date", attrs)
    if len(parts) == 3:
        _sub(date, "day", f"{parts[2]:02d}")
    if len(parts) >= 2:
        _sub(date, "month", f"{parts[1]:02d}")
    _sub(date, "year", str(parts[0]))
    return date


def article_meta(front: FrontMatter, page_url: str, pdf_url: str) -> ET.Element:
    meta = ET.Element("article-meta")
    if front.doi:
        _sub(meta, "article-id", front.doi, **{"pub-id-type": "doi"})
    if front.section:
        group = _sub(_sub(meta, "article-categories"), "subj-group")
        group.set("subj-group-type", "heading")
        _sub(group, "subject", front.section)
    titles = _sub(meta, "title-group")
    _sub(titles, "article-title", front.title)
    if front.title_en:
        trans = _sub(titles, "trans-title-group", **{XML_LANG: "en"})
        _sub(trans, "trans-title", front.title_en)
    if front.authors:
        meta.append(contrib_group(front))
    for number, affiliation in enumerate(front.affiliations, start=1):
        aff = _sub(meta, "aff", **{"id": f"aff{number}"})
        _sub(aff, "label", str(number))
        _sub(aff, "institution", affiliation)
    meta.append(pub_date(front))
    _sub(meta, "issue", str(front.issue))
    if front.pages:
        _sub(meta, "fpage", str(min(front.pages)))
        _sub(meta, "lpage", str(max(front.pages)))
    _sub(meta, "self-uri", **{HREF: page_url, "content-type": "text/html"})
    if pdf_url:
        _sub(meta, "self-uri", **{HREF: pdf_url, "content-type": "application/pdf"})
    if front.lead:
        _paragraphs(meta, "abstract", front.lead)
    if front.abstract_en:
        _paragraphs(meta, "trans-abstract", front.abstract_en, **{XML_LANG: "en"})
    for lang, keywords in (("vi", front.keywords), ("en", front.keywords_en)):
        if keywords:
            group = _sub(meta, "kwd-group", **{XML_LANG: lang, "kwd-group-type": "author"})
            for keyword in keywords:
                _sub(group, "kwd", keyword)
    return meta


# --- body and back ----------------------------------------------------------------------


def is_references_heading(blocks: Sequence[Block], index: int) -> bool:
    """A heading directly followed by the references list is that list's title."""
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return following is not None and following.kind is BlockKind.REFERENCE


def block_element(block: Block) -> ET.Element:
    """A paragraph-level element for one body block."""
    if block.kind is BlockKind.TABLE:
        wrap = ET.Element("table-wrap")
        _sub(wrap, "preformat", block.text, **{"preformat-type": "table"})
        return wrap
    if block.kind is BlockKind.EQUATION:
        return _element_with("preformat", block.text, {"preformat-type": "equation"})
    kinds = {
        BlockKind.FIGURE: "figure-caption",
        BlockKind.FOOTNOTE: "footnote",
        BlockKind.ITEM: "list-item",
    }
    attrs = {"content-type": kinds[block.kind]} if block.kind in kinds else {}
    return _element_with("p", block.text, attrs)


def _element_with(name: str, text: str, attrs: dict[str, str]) -> ET.Element:
    element = ET.Element(name, attrs)
    element.text = xml_text(text)
    return element


def body_and_references(blocks: Sequence[Block]) -> tuple[ET.Element, list[Block], str]:
    """`body` (paragraphs before the first heading, then one `sec` per heading), the
    references and the title of their list."""
    body = ET.Element("body")
    section: ET.Element | None = None
    references: list[Block] = []
    ref_title = ""
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.REFERENCE:
            references.append(block)
        elif block.kind is BlockKind.HEADING and is_references_heading(blocks, index):
            ref_title = block.text
        elif block.kind is BlockKind.HEADING:
            section = _sub(body, "sec")
            _sub(section, "title", block.text)
        else:
            (body if section is None else section).append(block_element(block))
    return body, references, ref_title


def back(references: Sequence[Block], title: str) -> ET.Element:
    back_element = ET.Element("back")
    ref_list = _sub(back_element, "ref-list")
    if title:
        _sub(ref_list, "title", title)
    for number, block in enumerate(references, start=1):
        ref = _sub(ref_list, "ref", **{"id": f"ref{number}"})
        _sub(ref, "label", str(number))
        _sub(ref, "mixed-citation", block.text, **{"publication-type": "other"})
    return back_element


def article_xml(entry: urls.Entry, site: SiteInfo, pdf_url: str = "") -> bytes:
    """The JATS document of one article, UTF-8, the same bytes on every run."""
    front = entry.front
    article = ET.Element(
        "article",
        {"article-type": "research-article", "dtd-version": "1.3", XML_LANG: "vi"},
    )
    front_element = _sub(article, "front")
    front_element.append(journal_meta(front, site))
    page_url = urls.absolute(site.site_url, entry.url)
    front_element.append(article_meta(front, page_url, pdf_url))
    body, references, ref_title = body_and_references(entry.blocks)
    if len(body):
        article.append(body)
    if references:
        article.append(back(references, ref_title))
    ET.indent(article, space=" ")
    text = ET.tostring(article, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{DOCTYPE}\n{text}\n'.encode()


def article_file(entry: urls.Entry, site: SiteInfo, pdf_url: str = "") -> GeneratedFile:
    return GeneratedFile(jats_url(entry.url, entry.front.slug), article_xml(entry, site, pdf_url))
