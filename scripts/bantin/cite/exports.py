"""BibTeX, RIS and CSL-JSON downloads, each derived from the article's CSL-JSON record.

Every value is data: BibTeX specials are escaped (Unicode is kept), line breaks are folded
so no value can open a new RIS tag, and CSL-JSON escapes '<', '>' and '&' so the file can
also be embedded in HTML.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from bantin.cite.record import CslItem
from bantin.cite.text import one_line

_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_BIBTEX_SPECIAL_RE = re.compile("|".join(re.escape(c) for c in _BIBTEX_SPECIALS))
_WORD = re.compile(r"(\w+)")
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"
_LANGID = {"vi": "vietnamese", "en": "english", "fr": "french"}


def safe_url(url: str) -> str:
    """The URL with spaces, quotes, braces and backslashes percent-encoded."""
    return quote(one_line(url), safe=_URL_SAFE)


# BibTeX


def bibtex_escape(text: str) -> str:
    """Escape BibTeX/LaTeX specials on one line and keep Unicode as it is."""
    return _escape_specials(one_line(text))


def _escape_specials(text: str) -> str:
    return _BIBTEX_SPECIAL_RE.sub(lambda m: _BIBTEX_SPECIALS[m.group(0)], text)


def bibtex_protect_case(text: str) -> str:
    """Escape `text` and brace acronyms ('KH&CN' -> '{KH}\\&{CN}') so styles keep capitals."""
    parts = _WORD.split(one_line(text))
    return "".join(
        f"{{{part}}}" if index % 2 and _is_acronym(part) else _escape_specials(part)
        for index, part in enumerate(parts)
    )


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def bibtex_name(name: dict[str, str]) -> str:
    """'Family, Given' for a split name, '{Literal}' so BibTeX never splits a pen name."""
    if "literal" in name:
        return "{" + bibtex_escape(name["literal"]) + "}"
    return f"{bibtex_escape(name.get('family', ''))}, {bibtex_escape(name.get('given', ''))}"


def bibtex_key(item: CslItem) -> str:
    """The citation key: the item id reduced to characters every BibTeX tool accepts."""
    key = re.sub(r"[^A-Za-z0-9_:-]+", "-", str(item.get("id", ""))).strip("-")
    return key or "article"


#: BibTeX's month macros (defined by every standard style): written bare, `month = apr`.
MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex_fields(item: CslItem) -> list[tuple[str, str]]:
    """(field, already escaped value) pairs of an @article entry, in a fixed order. Every
    value is written in braces but `month`, which is the bare macro (see `to_bibtex`)."""
    date = _date_parts(item)
    names = item.get("author", [])
    language = _LANGID.get(item.get("language", ""), bibtex_escape(item.get("language", "")))
    fields = [
        ("title", bibtex_protect_case(item.get("title", ""))),
        ("author", " and ".join(bibtex_name(name) for name in names)),
        ("journal", bibtex_escape(item.get("container-title", ""))),
        ("year", str(date[0]) if date else ""),
        ("month", MONTH_MACROS[date[1] - 1] if len(date) > 1 else ""),
        ("date", _iso_date(date)),
        ("number", bibtex_escape(str(item.get("issue", "")))),
        ("pages", bibtex_escape(str(item.get("page", ""))).replace("-", "--")),
        ("publisher", bibtex_escape(item.get("publisher", ""))),
        ("issn", bibtex_escape(item.get("ISSN", ""))),
        ("doi", bibtex_escape(item.get("DOI", ""))),
        ("url", _bibtex_url(item.get("URL", ""))),
        ("langid", language),
        ("language", language),
        ("keywords", bibtex_escape(item.get("keyword", ""))),
        ("abstract", bibtex_escape(item.get("abstract", ""))),
    ]
    return [(field, value) for field, value in fields if value]


def _bibtex_url(url: str) -> str:
    return bibtex_escape(safe_url(url)) if url else ""


def _bibtex_value(field: str, value: str) -> str:
    return value if field == "month" else f"{{{value}}}"


def to_bibtex(item: CslItem) -> str:
    """One @article entry for BibTeX and BibLaTeX, UTF-8, fields in a fixed order."""
    lines = [f"@article{{{bibtex_key(item)},"]
    lines += [f"  {field} = {_bibtex_value(field, value)}," for field, value in bibtex_fields(item)]
    lines.append("}")
    return "\n".join(lines) + "\n"


# RIS


def ris_lines(item: CslItem) -> list[tuple[str, str]]:
    """(tag, value) pairs of one RIS JOUR record, in a fixed order.

    The journal's full title goes in `T2` (what Zotero, EndNote and the RIS specification of
    2011 read as the journal of a JOUR record) and `JF` (the older full-title tag); never in
    `JO`, which Zotero imports as the journal's abbreviation.
    """
    date = _date_parts(item)
    first, last = _page_ends(str(item.get("page", "")))
    journal = item.get("container-title", "")
    tags: list[tuple[str, str]] = [("TY", "JOUR"), ("TI", item.get("title", ""))]
    tags += [("AU", _ris_name(name)) for name in item.get("author", [])]
    tags += [
        ("PY", str(date[0]) if date else ""),
        ("DA", _ris_date(date)),
        ("T2", journal),
        ("JF", journal),
        ("IS", str(item.get("issue", ""))),
        ("SP", first),
        ("EP", last),
        ("PB", item.get("publisher", "")),
        ("SN", item.get("ISSN", "")),
        ("DO", item.get("DOI", "")),
        ("UR", safe_url(item.get("URL", ""))),
        ("LA", item.get("language", "")),
    ]
    tags += [("KW", word) for word in _keywords(item)]
    tags += [
        ("AB", item.get("abstract", "")),
        ("ID", str(item.get("id", ""))),
    ]
    return [(tag, one_line(value)) for tag, value in tags if one_line(value)]


def _keywords(item: CslItem) -> list[str]:
    return [word.strip() for word in str(item.get("keyword", "")).split(",") if word.strip()]


def _ris_name(name: dict[str, str]) -> str:
    if "literal" in name:
        return name["literal"]
    return f"{name.get('family', '')}, {name.get('given', '')}"


def to_ris(item: CslItem) -> str:
    """One RIS record ('TY  - JOUR' ... 'ER  - '), one line per tag."""
    lines = [f"{tag}  - {value}" for tag, value in ris_lines(item)]
    lines.append("ER  - ")
    return "\n".join(lines) + "\n"


# CSL-JSON


def to_csl_json(items: list[CslItem]) -> str:
    """A CSL-JSON array: sorted keys, two-space indent, '<', '>', '&' as \\u escapes."""
    text = json.dumps(items, ensure_ascii=False, sort_keys=True, indent=2)
    for char in "<>&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text + "\n"


# dates and pages


def _date_parts(item: CslItem) -> list[int]:
    issued: Any = item.get("issued", {})
    parts = issued.get("date-parts", [[]]) if isinstance(issued, dict) else [[]]
    return [int(part) for part in parts[0]] if parts and parts[0] else []


def _iso_date(date: list[int]) -> str:
    return "-".join(f"{part:04d}" if i == 0 else f"{part:02d}" for i, part in enumerate(date))


def _ris_date(date: list[int]) -> str:
    """RIS DA: 'YYYY/MM/DD', with empty fields for unknown month or day."""
    if not date:
        return ""
    padded = [f"{date[0]:04d}"] + [f"{part:02d}" for part in date[1:3]]
    return "/".join(padded + [""] * (3 - len(padded)))


def _page_ends(page: str) -> tuple[str, str]:
    """('8', '9') for '8-9' or '8–9'; ('8', '') for a single page."""
    first, _, last = re.sub(r"[–—]", "-", page).partition("-")
    return first.strip(), last.strip()
