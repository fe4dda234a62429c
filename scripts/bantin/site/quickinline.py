"""Python-Markdown extension: inline patterns skip the texts none of them can match.

Python-Markdown tries every inline pattern (code, escapes, links, images, HTML, entities,
emphasis...) on every text of the page, one regular-expression search each; four of them
start with a look-behind, which the engine tries at every position. Most article paragraphs
hold no inline markup at all, and those searches are a third of the time MkDocs spends on an
article's Markdown. Here a text is first searched for what the patterns need: for Python-
Markdown's own patterns a character they start with (or their own short pattern), for any
other pattern (an extension's) its own regular expression. When none is found no pattern can
match, and the text is given back as it is, which is what the full pass would give back. Texts
with markup go through the full pass as before.

Listed in mkdocs.yml after the other extensions (`- bantin.site.quickinline`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from markdown import Markdown, inlinepatterns
from markdown.extensions import Extension
from markdown.treeprocessors import InlineProcessor

INLINE = "inline"

#: What each of Python-Markdown's own patterns needs in a text before it can match there.
NEEDS: dict[str, str] = {
    inlinepatterns.BACKTICK_RE: "`",
    inlinepatterns.ESCAPE_RE: r"\\",
    inlinepatterns.LINK_RE: r"\[",  # links, references and short references
    inlinepatterns.IMAGE_LINK_RE: r"!\[",  # images and image references
    inlinepatterns.AUTOLINK_RE: "<",
    inlinepatterns.AUTOMAIL_RE: "<",
    inlinepatterns.HTML_RE: "<",
    inlinepatterns.LINE_BREAK_RE: "  \n",
    inlinepatterns.ENTITY_RE: inlinepatterns.ENTITY_RE,  # led by "&": fast already
}

#: Emphasis by delimiters (Python-Markdown 3.10 and later): its pattern is its delimiter
#: characters, escaped and joined by "|", so it joins the one search as it is.
DELIMITERS = getattr(inlinepatterns, "DelimiterProcessor", None)


def triggers(patterns: Iterable[Any]) -> list[re.Pattern[str]]:
    """Searches that, between them, find every place any of `patterns` can match."""
    known: set[str] = set()
    other: list[re.Pattern[str]] = []
    for pattern in patterns:
        compiled = pattern.getCompiledRegExp()
        if isinstance(pattern, inlinepatterns.InlineProcessor) and pattern.pattern in NEEDS:
            known.add(NEEDS[pattern.pattern])
        elif DELIMITERS is not None and type(pattern) is DELIMITERS:
            known.add(compiled.pattern)  # its delimiters, escaped, one after the other
        else:  # a pattern is always found where it matches
            other.append(compiled)
    merged = [re.compile("|".join(sorted(known)))] if known else []
    return merged + other


class QuickInlineProcessor(InlineProcessor):  # type: ignore[misc]  # no type hints upstream
    """Python-Markdown's inline pass, answering at once for texts no pattern can match."""

    def run(self, tree: Any, ancestors: list[str] | None = None) -> Any:
        self.searches = triggers(self.inlinePatterns)
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        # Overrides InlineProcessor.__handleInline, which run() and the pass itself call.
        if not any(search.search(data) for search in self.searches):
            return data
        full: str = super()._InlineProcessor__handleInline(data, patternIndex)
        return full


class QuickInline(Extension):  # type: ignore[misc]  # Python-Markdown has no type hints
    def extendMarkdown(self, md: Markdown) -> None:
        processors = md.treeprocessors
        # Only Python-Markdown's own pass is replaced: another extension's stays as it is.
        if INLINE in processors and type(processors[INLINE]) is InlineProcessor:
            priority = processors._priority[processors.get_index_for_name(INLINE)].priority
            processors.register(QuickInlineProcessor(md), INLINE, priority)


def makeExtension(**kwargs: Any) -> QuickInline:
    return QuickInline(**kwargs)
