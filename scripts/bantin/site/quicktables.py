"""Python-Markdown extension: the table test skips blocks whose first line has no pipe.

MkDocs always loads the `tables` extension, whose block test splits the first line of every
block of two lines or more into cells, one character at a time. Every paragraph of an article
is such a block (its text, then its `{: #anchor }` line), so at 10,000 articles that test reads
the archive's whole text once more for nothing. A table's first line always holds a pipe (two
cells are split by one; a one-column table starts or ends with one), so a block without a pipe
there is answered at once, exactly as the full test would answer it. Tables in hand-written
pages work as before.

Listed in mkdocs.yml after MkDocs's own extensions (`- bantin.site.quicktables`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension

TABLE = "table"


def quick_test(test: Callable[[Element, str], bool]) -> Callable[[Element, str], bool]:
    """`test` preceded by the pipe check on the block's first line."""

    def checked(parent: Element, block: str) -> bool:
        first, _, _ = block.partition("\n")
        return "|" in first and test(parent, block)

    return checked


class QuickTables(Extension):  # type: ignore[misc]  # Python-Markdown has no type hints
    def extendMarkdown(self, md: Markdown) -> None:
        processors = md.parser.blockprocessors
        if TABLE in processors:
            processor: Any = processors[TABLE]
            processor.test = quick_test(processor.test)


def makeExtension(**kwargs: Any) -> QuickTables:
    return QuickTables(**kwargs)
