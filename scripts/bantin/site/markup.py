"""Small HTML builders for generated pages: every text value goes through `esc`."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping, Sequence

import yaml


def esc(text: object) -> str:
    """Escape a value for HTML text or a quoted attribute; braces too, so no template acts."""
    flat = str(text).replace("\r", " ").replace("\n", " ")
    escaped = html.escape(flat, quote=True)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


def link(href: str, text: str, cls: str = "") -> str:
    class_attr = f' class="{esc(cls)}"' if cls else ""
    return f'<a href="{esc(href)}"{class_attr}>{esc(text)}</a>'


def tag(name: str, inner: str, cls: str = "") -> str:
    """An element whose `inner` is already-built HTML."""
    class_attr = f' class="{esc(cls)}"' if cls else ""
    return f"<{name}{class_attr}>{inner}</{name}>"


def bullet_list(items: Iterable[str], cls: str = "") -> str:
    return tag("ul", "".join(f"<li>{item}</li>" for item in items), cls)


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], cls: str = "") -> str:
    """A table; headers are plain text, cells are already-built HTML."""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return tag("table", f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody>", cls)


def vn_date(day: dt.date | None) -> str:
    """Vietnamese day/month/year."""
    return day.strftime("%d/%m/%Y") if day else ""


def page_range(pages: Sequence[int]) -> str:
    if not pages:
        return ""
    low, high = min(pages), max(pages)
    return str(low) if low == high else f"{low}–{high}"


#: Front matter key of the pages bantin generates ("index": lists of articles, issues...).
PAGE_KIND = "bantin_page"
BLOCK_OPEN = '<div class="bantin-block">'
BLOCK_CLOSE = "</div>"


def markdown_page(
    title: str, body_html: Sequence[str], extra: Mapping[str, object] | None = None
) -> str:
    """A Markdown page: YAML front matter, then raw HTML blocks (one per line, blank-separated).

    Raw HTML blocks keep every value inert: Markdown does not act inside them.
    """
    meta: dict[str, object] = {"title": title, **(extra or {})}
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1_000_000)
    blocks = "\n\n".join(f"{BLOCK_OPEN}{b}{BLOCK_CLOSE}" for b in body_html if b)
    return f"---\n{front}---\n\n{blocks}\n"


def generated_html(markdown: str) -> str | None:
    """The HTML of a page body made by `markdown_page`, exactly as Python-Markdown renders it
    (each raw HTML block as it is, blank-line separated); None when the body holds anything
    else, such as a page changed by hand, which then goes through Markdown as usual."""
    body = markdown.strip()
    if not body:
        return ""
    for block in body.split("\n\n"):
        if not (block.startswith(BLOCK_OPEN) and block.endswith(BLOCK_CLOSE) and "\n" not in block):
            return None
    return body
