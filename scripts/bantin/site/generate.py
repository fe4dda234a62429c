"""Write every generated page and file into docs/ before MkDocs runs, and nothing else.

Generated files are listed in `docs/.bantin-generated.txt` so the next run removes the ones
it no longer makes; articles and hand-written pages are never touched.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from bantin.exceptions import BuildError
from bantin.site import exports, feeds, jats, meta, oai, pages, pdfs, urls
from bantin.site.pages import GeneratedFile

log = logging.getLogger("bantin.site")

LIST_NAME = ".bantin-generated.txt"
PAGE_DATA_NAME = ".bantin-pages.json"
CACHE_NAME = ".cache/bantin/citations.json"
ASSET_DIR = "assets/bantin"
ASSET_FILES = ("bantin.css", "bantin.js")


@dataclass(frozen=True)
class SiteFiles:
    """What one run generates: files for docs/ and the per-page template data."""

    files: list[GeneratedFile]
    page_data: dict[str, meta.Record]
    pdf_urls: dict[str, str] = field(default_factory=dict)  # article URL -> its PDF's URL


def asset_files() -> list[GeneratedFile]:
    """The self-hosted CSS and JS shipped inside the package."""
    folder = resources.files("bantin") / "assets"
    return [
        GeneratedFile(f"{ASSET_DIR}/{name}", (folder / name).read_bytes()) for name in ASSET_FILES
    ]


def csl_items(
    entries: Sequence[urls.Entry], cite: meta.CiteApi, site: meta.SiteInfo
) -> list[dict[str, Any]]:
    """The CSL-JSON record of every article, in catalogue order."""
    return [
        cite.csl_item(e.front, e.url, site.site_url, container_title=site.site_name)
        for e in entries
    ]


def article_files(
    entries: Sequence[urls.Entry],
    items: Sequence[dict[str, Any]],
    cite: meta.CiteApi,
    site: meta.SiteInfo,
    root: Path,
    names: urls.NameIndex,
    lastmods: Mapping[str, str] | None = None,
) -> SiteFiles:
    """Citation downloads, JATS XML, source and PDF copies and template data of every article;
    every `pdf:` naming a missing file is reported at once (BuildError)."""
    files: list[GeneratedFile] = []
    data: dict[str, meta.Record] = {}
    pdf_urls: dict[str, str] = {}
    siblings = meta.siblings_in_issue(entries)
    finder = pdfs.PdfFinder(exports.Folder(root))
    lastmods = lastmods or {}
    for entry, item in zip(entries, items, strict=True):
        files += exports.citation_files(entry, item, cite)
        source = exports.source_copy(entry, finder.root)
        files.append(source)
        pdf = finder.find(entry, source)
        if pdf is not None and pdf.copy is not None:
            files.append(pdf.copy)
        record = meta.article_record(
            entry, siblings[entry.url], item, cite, site, pdf, names, lastmods.get(entry.url, "")
        )
        data[str(entry.path).replace(os.sep, "/")] = record
        if pdf is not None and pdf.own:  # the article's own PDF, not the whole issue's
            pdf_urls[entry.url] = urls.absolute(site.site_url, pdfs.file_part(pdf.href))
        files.append(jats.article_file(entry, site, pdf_urls.get(entry.url, "")))
    if finder.problems:
        raise BuildError(f"a pdf: names no file:\n{finder.problems.summary()}")
    return SiteFiles(files, data, pdf_urls)


def site_files(
    entries: Sequence[urls.Entry],
    cite: meta.CiteApi,
    site: meta.SiteInfo,
    root: Path,
    extra: Sequence[GeneratedFile] = (),
    items: Sequence[dict[str, Any]] | None = None,
    harvest: oai.HarvestSettings | None = None,
    lastmods: Mapping[str, str] | None = None,
) -> SiteFiles:
    """Everything bantin writes into docs/ for one build (`items`: from csl_items; `harvest`:
    how to describe the OAI-PMH static repository, none written without it; `lastmods`: the
    day each article's content last changed, by URL, from the registry)."""
    names = urls.NameIndex(entries)
    items = csl_items(entries, cite, site) if items is None else items
    lastmods = lastmods or {}
    made = article_files(entries, items, cite, site, root, names, lastmods)
    harvested = (
        [] if harvest is None else [oai.static_repository(entries, site, harvest, made.pdf_urls)]
    )
    files = [
        *pages.index_pages(entries, names, lastmods, oai.FILE_NAME if harvested else ""),
        *made.files,
        *harvested,
        *feeds.all_feeds(entries, site, lastmods),
        exports.catalogue_json(entries, site.site_url),
        exports.catalogue_csv(entries, site.site_url),
        exports.robots_txt(site.site_url),
        *asset_files(),
        *extra,
    ]
    return SiteFiles(unique(files), made.page_data, made.pdf_urls)


def unique(files: Sequence[GeneratedFile]) -> list[GeneratedFile]:
    """Sorted by path; two different files for one path is a build error."""
    seen: dict[str, GeneratedFile] = {}
    for item in files:
        other = seen.get(item.path)
        if other is not None and other.content != item.content:
            made = " and ".join(f.origin for f in (other, item) if f.origin)
            raise BuildError(
                f"docs/{item.path}: two generated files want this path"
                + (f": {made}" if made else "")
            )
        seen[item.path] = item
    return [seen[path] for path in sorted(seen)]


def write_atomic(path: Path, content: bytes) -> None:
    """Write only when the bytes change; temp file in the same folder, then rename."""
    if path.is_file() and path.read_bytes() == content:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temp, 0o644)  # mkstemp makes 0600; generated files are for everyone to read
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def previous_list(docs: Path) -> list[str]:
    listing = docs / LIST_NAME
    if not listing.exists():
        return []
    try:
        return listing.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as error:
        raise BuildError(
            f"{listing}: cannot read ({error}); delete it and build with --clean"
        ) from error


def refuse_overwrite(
    targets: Sequence[tuple[GeneratedFile, Path]], previous: set[str], authored: set[str]
) -> None:
    """Never replace an article or a hand-written page with a generated one."""
    for item, target in targets:
        if item.path in authored or (item.path not in previous and target.exists()):
            raise BuildError(
                f"docs/{item.path}: exists and was not generated; refusing to overwrite"
            )


def write_site_files(docs: Path, made: SiteFiles, authored: set[str]) -> None:
    """Write the generated files, remove the stale ones, record the new list."""
    folder = exports.Folder(docs)
    previous = {p for p in previous_list(docs) if p}
    targets = [(item, folder.path(item.path)) for item in made.files]
    refuse_overwrite(targets, previous, authored)
    current = {item.path for item in made.files}
    emptied: set[Path] = set()
    for stale in sorted(previous - current - authored):
        path = folder.path(stale)
        if path.is_file():
            path.unlink()
            emptied.add(path.parent)
            log.debug("docs/%s: removed (no longer generated)", stale)
    for item, target in targets:
        write_atomic(target, item.content)
    # One line, not indented: the file is for the hook, and the C encoder only writes it so.
    data = json.dumps(made.page_data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    write_atomic(docs / PAGE_DATA_NAME, (data + "\n").encode("utf-8"))
    write_atomic(docs / LIST_NAME, "\n".join(sorted(current)).encode("utf-8"))
    prune_empty_dirs(folder.resolved_root, emptied)


def prune_empty_dirs(docs: Path, emptied: set[Path]) -> None:
    """Remove the folders left empty by removed files, up to (not including) docs/."""
    for start in sorted(emptied, reverse=True):
        folder = start
        while folder != docs and folder.is_relative_to(docs) and folder.is_dir():
            if any(folder.iterdir()):
                break
            folder.rmdir()
            folder = folder.parent


def load_page_data(docs: Path) -> dict[str, Any]:
    """Read back what `write_site_files` recorded for the templates (used by the hook)."""
    path = docs / PAGE_DATA_NAME
    if not path.exists():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
