"""Tables shown as tables: an article keeps a table as preformatted lines, cells separated by
" | " (an editor reads and corrects it as text); on the page, a table whose every row has the
same number of cells is set as an HTML table (styled as the theme styles tables), so its
cells wrap in their columns. A table whose rows differ (cells the converter could not tell
apart) stays preformatted."""

from __future__ import annotations

import re

_PRE = re.compile(r'<pre class="bantin-table" id="([^"]*)">\n?(.*?)\n?</pre>', re.DOTALL)
_CELL_EDGE = re.compile(r"\s*\|\s*")
MIN_CELLS = 2


def tables_as_html(html: str) -> str:
    """The page with its tables of even rows set as tables (text already escaped)."""
    if '<pre class="bantin-table"' not in html:  # most pages: no table
        return html
    return _PRE.sub(_table, html)


def _table(match: re.Match[str]) -> str:
    anchor, text = match.group(1), match.group(2)
    rows = [_CELL_EDGE.split(line.strip()) for line in text.split("\n") if line.strip()]
    widths = {len(row) for row in rows}
    if len(widths) != 1 or widths.pop() < MIN_CELLS:
        return match.group(0)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table id="{anchor}"><tbody>{body}</tbody></table>'
