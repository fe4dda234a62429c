"""Formatted citations (APA and a Vietnamese convention) from CSL style files via citeproc-py.

citeproc-py inserts variable values into its HTML output unescaped, so for HTML every
markup character of the data is first swapped for a Unicode noncharacter and turned into its
HTML entity after formatting: values stay data even where the style abbreviates them.
"""

from __future__ import annotations

import copy
import functools
import html
import json
import re
from importlib import resources
from typing import Any

import citeproc.model
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from bantin.cite.record import CslItem
from bantin.cite.text import one_line
from bantin.exceptions import BantinError

STYLE_FILES: dict[str, str] = {"apa": "apa.csl", "vn": "vi.csl"}
"""Style name -> CSL file shipped in `bantin/data/csl/`."""

_MARKUP = {"&": "\ufdd0", "<": "\ufdd1", ">": "\ufdd2", '"': "\ufdd3", "'": "\ufdd4"}
_TAG = re.compile(r"<[^>]*>")
_ENTITIES = {sentinel: html.escape(char, quote=True) for char, sentinel in _MARKUP.items()}


def _memoise_style_queries() -> None:
    """Cache citeproc-py's XPath queries on the style tree.

    It evaluates the same few hundred queries on the same static style elements for every
    entry; caching them makes each formatted citation about three times faster, which is what
    keeps citations of a 10,000-article archive within the build's budget. The tree is never
    modified after parsing, so a cached answer is always the answer.
    """
    element = citeproc.model.CitationStylesElement
    if getattr(element.xpath_search, "bantin_memoised", False):
        return
    uncached = element.xpath_search
    answers: dict[tuple[Any, str], list[Any]] = {}

    def xpath_search(self: Any, expression: str) -> list[Any]:
        key = (self, expression)
        if key not in answers:
            answers[key] = uncached(self, expression)
        return list(answers[key])

    xpath_search.bantin_memoised = True  # type: ignore[attr-defined]
    element.xpath_search = xpath_search


def _memoise_variable_checks() -> None:
    """Cache whether a style element (with its children and macros) calls a variable.

    citeproc-py asks it of every group and text element for every entry, walking the whole
    subtree each time, and the answer depends on the style alone: a quarter of the time of an
    APA entry. The elements are kept by the cache, so a cached answer stays the element's.
    """
    for element in (citeproc.model.Parent, citeproc.model.Text):
        if not getattr(element.calls_variable, "bantin_memoised", False):
            element.calls_variable = _memoised(element.calls_variable)


def _memoised(uncached: Any) -> Any:
    answers: dict[Any, bool] = {}

    def calls_variable(self: Any) -> bool:
        answer = answers.get(self)
        if answer is None:
            answer = answers[self] = bool(uncached(self))
        return answer

    calls_variable.bantin_memoised = True  # type: ignore[attr-defined]
    return calls_variable


_memoise_style_queries()
_memoise_variable_checks()


class UnknownStyle(BantinError):
    """A citation style was asked for that bantin does not ship."""


@functools.cache
def load_style(style: str) -> CitationStylesStyle:
    """The parsed CSL style for `style` ('apa' or 'vn'), parsed once per process."""
    try:
        name = STYLE_FILES[style]
    except KeyError:
        known = ", ".join(sorted(STYLE_FILES))
        raise UnknownStyle(f"unknown citation style {style!r}; known: {known}") from None
    path = resources.files("bantin") / "data" / "csl" / name
    with resources.as_file(path) as file:
        return CitationStylesStyle(str(file), validate=False)


def format_citation(item: CslItem, style: str) -> str:
    """The reference-list entry for `item` in `style`, as plain text.

    It is the HTML entry without its tags, so one citeproc-py run serves both forms.
    """
    return html.unescape(_TAG.sub("", format_citation_html(item, style)))


def format_citation_html(item: CslItem, style: str) -> str:
    """The reference-list entry for `item` in `style`, as HTML with every value escaped."""
    return _format_html(json.dumps(item, sort_keys=True, ensure_ascii=False), style)


@functools.lru_cache(maxsize=256)
def _format_html(item_json: str, style: str) -> str:
    item: CslItem = json.loads(item_json)
    rendered = _render(_clean_item(item, _protect_value), style, formatter.html)
    return _restore_entities(rendered)


def _render(item: CslItem, style: str, output: Any) -> str:
    """Run citeproc-py on one item and return its single bibliography entry."""
    source = CiteProcJSON([item])
    bibliography = CitationStylesBibliography(load_style(style), source, output)
    bibliography.register(Citation([CitationItem(item["id"])]))
    entries = bibliography.bibliography()
    return "".join(str(part) for part in entries[0]) if entries else ""


def _clean_item(item: CslItem, clean: Any) -> CslItem:
    """A deep copy of `item` with `clean` applied to every string value but the id."""
    copied: CslItem = copy.deepcopy(item)
    return {
        key: value if key == "id" else _map_strings(value, clean) for key, value in copied.items()
    }


def _map_strings(value: Any, clean: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_map_strings(v, clean) for v in value]
    if isinstance(value, dict):
        return {k: _map_strings(v, clean) for k, v in value.items()}
    return value


def _plain_value(text: str) -> str:
    """NFC text on one line, without control characters or noncharacters."""
    return one_line(text)


def _protect_value(text: str) -> str:
    """`_plain_value` with markup characters swapped for sentinels citeproc-py leaves alone."""
    text = _plain_value(text)
    for char, sentinel in _MARKUP.items():
        text = text.replace(char, sentinel)
    return text


def _restore_entities(rendered: str) -> str:
    for sentinel, entity in _ENTITIES.items():
        rendered = rendered.replace(sentinel, entity)
    return rendered
