"""MkDocs hook: glue only. Hands each page the template data bantin computed before the run,
and the formatted citations just before the templates are rendered (see bantin.site.citecache).
The files bantin generated beside the pages are hard-linked into the site, not copied (see
bantin.site.linking).

MkDocs templates do not autoescape, and the theme prints `page.meta.title` raw, so the hook
also turns the front matter values the theme prints into escaped text.

When MkDocs runs on its own (`mkdocs build`, `mkdocs serve`, `mkdocs gh-deploy` after
`bantin build` wrote the pages), the hook also writes the search index into the site, so
those commands publish the same search as `bantin build`, which makes the index in a
parallel process and tells the hook so through SEPARATE_INDEX. Under `bantin build` the hook
may also split the rendering of the pages between processes (see bantin.site.split).
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any

from markupsafe import escape

from bantin.metadata import parse_license, strip_invisible
from bantin.site import incremental, split
from bantin.site.citecache import CitationCache, citations_for_templates, fill_citations
from bantin.site.generate import CACHE_NAME, PageData, load_page_data
from bantin.site.linking import link_generated
from bantin.site.markup import PAGE_KIND, generated_html
from bantin.site.tablecells import tables_as_html

_PAGE_DATA: list[PageData] = [PageData({})]
_CITATIONS: list[CitationCache] = []
THEME_PRINTED = ("title", "description", "author")
#: Index pages bantin generated are HTML already (markup.markdown_page): their body skips the
#: Markdown pass, which would give back the same HTML, and goes to the template as it is.
_GENERATED_HTML: dict[str, str] = {}
#: Set by `bantin build` while MkDocs runs: the search index is made elsewhere.
SEPARATE_INDEX = "BANTIN_SEPARATE_SEARCH_INDEX"


def on_config(config: Any) -> Any:
    _CITATIONS.clear()
    _GENERATED_HTML.clear()
    plan = incremental.current()
    given = plan.page_data if plan is not None else None
    _PAGE_DATA[:] = [given if given is not None else load_page_data(Path(config["docs_dir"]))]
    config["extra"][LICENSE_KEY] = license_record(config["extra"].get("license"))
    return config


#: `extra` key of the archive's licence as the footer prints it (partials/copyright.html).
LICENSE_KEY = "bantin_license"


def license_record(value: Any) -> dict[str, str] | None:
    """mkdocs.yml's `extra.license` as the footer prints it (a wrong one fails `bantin
    build`, which reads it first; here it is only left out)."""
    try:
        licence = parse_license(value)
    except ValueError:
        return None
    return {"name": licence.label, "href": licence.url or ""} if licence else None


def on_files(files: Any, config: Any) -> Any:
    plan = incremental.current()
    if plan is not None:
        plan.prepare(files, config, _PAGE_DATA[0])
    link_generated(files, Path(config["docs_dir"]), plan.copies if plan else None)
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    record = _PAGE_DATA[0].get(page.file.src_uri)
    for key in THEME_PRINTED:
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = str(escape(strip_invisible(value)))
    if record is not None:
        page.meta["bantin"] = record
        if record.get("lead"):
            page.meta["description"] = str(escape(record["lead"]))
    if page.meta.get(PAGE_KIND) == "index":
        html = generated_html(markdown)
        if html is not None:
            _GENERATED_HTML[page.file.src_uri] = html
            return ""
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    generated = _GENERATED_HTML.pop(page.file.src_uri, None)
    return generated if generated is not None else tables_as_html(html)


def on_env(env: Any, config: Any, files: Any) -> Any:
    import bantin.cite

    root = Path(config["config_file_path"]).parent
    _CITATIONS[:] = [citations_for_templates(bantin.cite, root / CACHE_NAME)]
    plan = incremental.current()
    if plan is not None:
        keep_compiled_templates(env, root)
        plan.after_reading(files, config)
        # Under `bantin build`, which gives them back to the collector when it ends: MkDocs's
        # files and pages live until then (bantin.site.build.spare_from_collector).
        gc.freeze()
    split.split(env, config, files, __file__, plan.renders if plan else None)
    return env


#: Where `bantin build` keeps the theme's templates compiled, by the versions that compiled them.
TEMPLATE_CACHE = incremental.CACHE_DIR + "/templates"


def keep_compiled_templates(env: Any, root: Path) -> None:
    """Jinja keeps each template it compiles in the project's build cache and takes it from
    there in the next build while its source is the same (Jinja checks that, and its own and
    Python's versions): a small rebuild compiles none of the theme's templates again. The
    folder is named after what else shapes the compiled code (the versions of the packages
    that render the pages, Jinja's and MkDocs's among them; the environment's extensions);
    the folders of other versions are removed."""
    import hashlib
    import shutil

    from jinja2 import FileSystemBytecodeCache

    shape = repr(
        (
            incremental.versions(),
            sorted(type(extension).__qualname__ for extension in env.extensions.values()),
            env.block_start_string,
            env.variable_start_string,
            env.comment_start_string,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.optimized,
            bool(env.autoescape),
        )
    )
    name = hashlib.sha256(shape.encode()).hexdigest()[:16]
    base = root / TEMPLATE_CACHE
    folder = base / name
    folder.mkdir(parents=True, exist_ok=True)
    for other in base.iterdir():
        if other.name != name:
            shutil.rmtree(other, ignore_errors=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def on_template_context(context: Any, template_name: str, config: Any) -> Any:
    plan = incremental.current()
    if template_name == "sitemap.xml" and plan is not None and plan.subset is not None:
        context["pages"] = plan.sitemap_pages(config)  # MkDocs was given only some pages
    return context


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    if not split.renders(page):
        return context
    record = page.meta.get("bantin")
    if isinstance(record, dict) and "cite" in record and _CITATIONS:
        fill_citations(record["cite"], _CITATIONS[0])
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    plan = incremental.current()
    if plan is not None and output and not split.is_copy():  # a page of another share: ""
        plan.page_done(split.share_size())
    split.page_done(page)
    return output


def on_build_error(error: Exception) -> None:
    split.failed(error)


def on_post_build(config: Any) -> None:
    split.wait()
    if os.environ.get(SEPARATE_INDEX) == "1":
        return
    from bantin.catalogue import load_catalogue
    from bantin.search import build_index

    catalogue = load_catalogue(Path(config["docs_dir"]))
    build_index(catalogue, Path(config["site_dir"]), str(config["site_url"] or ""))
