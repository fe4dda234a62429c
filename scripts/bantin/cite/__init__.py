"""Citation and discovery data for one article, all derived from one CSL-JSON record.

`csl_item` builds the record; `format_citation`/`format_citation_html` format it with CSL
styles (APA and a Vietnamese convention); `to_bibtex`, `to_ris`, `to_csl_json` export it;
`highwire_authors` gives the names for `citation_author` meta tags and `display_authors`
the names as readers write them. How Vietnamese names are split is described in
`bantin.cite.names` and in docs/trich-dan.md.
"""

from __future__ import annotations

from bantin.cite.exports import to_bibtex, to_csl_json, to_ris
from bantin.cite.names import PersonName, parse_name, parse_names
from bantin.cite.record import (
    CslItem,
    article_names,
    csl_item,
    display_authors,
    highwire_author_institutions,
    highwire_authors,
)
from bantin.cite.styles import STYLE_FILES, UnknownStyle, format_citation, format_citation_html

__all__ = [
    "STYLE_FILES",
    "CslItem",
    "PersonName",
    "UnknownStyle",
    "article_names",
    "csl_item",
    "display_authors",
    "format_citation",
    "format_citation_html",
    "highwire_author_institutions",
    "highwire_authors",
    "parse_name",
    "parse_names",
    "to_bibtex",
    "to_csl_json",
    "to_ris",
]
