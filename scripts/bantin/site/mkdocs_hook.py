"""MkDocs hook: glue only. Hands each page the template data bantin computed before the run.

MkDocs templates do not autoescape, and the theme prints `page.meta.title` raw, so the hook
also turns the front matter values the theme prints into escaped text.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from bantin.site.generate import load_page_data

_PAGE_DATA: dict[str, Any] = {}
THEME_PRINTED = ("title", "description", "author")


def on_config(config: Any) -> Any:
    from pathlib import Path

    _PAGE_DATA.clear()
    _PAGE_DATA.update(load_page_data(Path(config["docs_dir"])))
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    record = _PAGE_DATA.get(page.file.src_uri)
    for key in THEME_PRINTED:
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = str(escape(value))
    if record is not None:
        page.meta["bantin"] = record
        if record.get("lead"):
            page.meta["description"] = str(escape(record["lead"]))
    return markdown
