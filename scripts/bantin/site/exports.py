"""Static files beside the pages: citation downloads, source copies and catalogue exports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from bantin.exceptions import BuildError
from bantin.site import urls
from bantin.site.fragments import Fragments, assembled, key_of, making
from bantin.site.markup import page_range
from bantin.site.meta import CiteApi, iso_date
from bantin.site.pages import GeneratedFile

CATALOGUE_FIELDS = (
    "url",
    "title",
    "authors",
    "date",
    "article_date",
    "year",
    "issue",
    "section",
    "pages",
    "lead",
    "slug",
    "source",
    "doi",
)


def citation_files(entry: urls.Entry, item: dict[str, Any], cite: CiteApi) -> list[GeneratedFile]:
    """BibTeX, RIS and CSL-JSON of one article, all generated from one CSL-JSON record."""
    slug = entry.front.slug
    texts = {
        "bib": cite.to_bibtex(item),
        "ris": cite.to_ris(item),
        "json": cite.to_csl_json([item]),
    }
    return [
        GeneratedFile(f"{urls.citation_file_url(entry.url, slug, ext)}", text.encode("utf-8"))
        for ext, text in texts.items()
    ]


class Folder:
    """Paths inside one folder: `path` refuses any that would leave it, even by a symlink.

    Each directory is resolved once (the build checks tens of thousands of paths in a few
    hundred directories); a file name that is itself a symlink is resolved in full.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.resolved_root = root.resolve()
        self._dirs: dict[Path, Path] = {}

    def path(self, relative: str) -> Path:
        joined = self.root / relative
        if joined.name in ("", ".", "..") or joined.is_symlink():
            target = joined.resolve()
        else:
            parent = self._dirs.get(joined.parent)
            if parent is None:
                parent = self._dirs[joined.parent] = joined.parent.resolve()
            target = parent / joined.name
        if not target.is_relative_to(self.resolved_root):
            raise BuildError(f"{relative}: path leaves {self.root}")
        return target


def refuse_links_out_of_sources(entry: urls.Entry, root: Folder, path: Path, what: str) -> None:
    """A file published beside an article must really be under sources/: never another
    file of the project that a symbolic link there points to (`.env`)."""
    sources = (root.root / "sources").resolve()
    if not path.resolve().is_relative_to(sources):
        raise BuildError(
            f"docs/{entry.path}: {what} is a symbolic link to {path.resolve()}, outside "
            "sources/; only files under sources/ are published"
        )


def source_copy(entry: urls.Entry, root: Folder) -> GeneratedFile:
    """The source text as published, so readers can check the extraction: only a source
    file under sources/ (an edited `source:` never publishes another file of the project)."""
    name = entry.front.source
    parts = name.split("/")
    odd = any(part in ("", ".", "..") for part in parts)
    if parts[0] != "sources" or len(parts) < 2 or odd or not name.endswith((".txt", ".pdf")):
        raise BuildError(
            f"docs/{entry.path}: source: {name!r} is not a source file under sources/ "
            "(NAME.txt or NAME.pdf); only sources are published beside their articles"
        )
    source = root.path(name)
    refuse_links_out_of_sources(entry, root, source, f"source: {name!r}")
    if not source.is_file():
        raise BuildError(f"{entry.front.source}: source of {entry.url} not found")
    return GeneratedFile(urls.source_copy_url(entry.front.source), source.read_bytes())


def catalogue_row(entry: urls.Entry, site_url: str) -> dict[str, Any]:
    """One article of the catalogue: `date` is its publication date (its issue's), as
    precisely as known; `article_date` the day the article tells of, when it has one."""
    front = entry.front
    return {
        "url": urls.absolute(site_url, entry.url),
        "title": front.title,
        "authors": list(front.author_names),
        "date": iso_date(front),
        "article_date": front.date.isoformat() if front.date else "",
        "year": front.year,
        "issue": front.issue,
        "section": front.section or "",
        "pages": page_range(front.pages),
        "lead": front.lead,
        "slug": front.slug,
        "source": front.source,
        "doi": front.doi or "",
    }


def catalogue_json(
    entries: Sequence[urls.Entry],
    site_url: str,
    keys: Sequence[str] = (),
    kept: Fragments | None = None,
) -> GeneratedFile:
    """Every article's row (`keys` and `kept`: a row is the text the last build made for the
    same article, bantin.site.fragments), as `json.dumps` indents the whole list."""
    if not entries:
        text = json.dumps({"articles": []}, ensure_ascii=False, indent=1, sort_keys=True)
        return GeneratedFile("catalogue.json", (text + "\n").encode("utf-8"))
    rows = _rows("json", json_row, entries, site_url, keys, kept, ",\n  ")
    head, tail = '{\n "articles": [\n  ', "\n ]\n}\n"
    return GeneratedFile(
        "catalogue.json", assembled(kept, "json", "catalogue.json", head, rows, tail)
    )


def _rows(
    kind: str,
    row: Callable[[urls.Entry, str], str],
    entries: Sequence[urls.Entry],
    site_url: str,
    keys: Sequence[str],
    kept: Fragments | None,
    separator: str = "",
) -> list[tuple[str, bytes]]:
    """Each article's row of one catalogue (its key, its bytes), the last build's where its
    inputs are the same (`keys`, `kept`: bantin.site.fragments), `separator` between two."""
    between = ("", separator.encode("utf-8"))
    rows: list[tuple[str, bytes]] = []
    for n, entry in enumerate(entries):
        key = key_of(kind, keys[n], site_url) if keys else ""
        if rows and separator:
            rows.append(between)
        rows.append((key, making(kept, kind, key, partial(row, entry, site_url))))
    return rows


def json_row(entry: urls.Entry, site_url: str) -> str:
    """One row as it is printed at its depth in catalogue.json (strings escape their line
    breaks: every line break is the layout's)."""
    text = json.dumps(catalogue_row(entry, site_url), ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace("\n", "\n  ")


#: What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, prefixed with ' as OWASP
    advises (the text is shown as written; JSON, BibTeX and RIS keep the value as it is)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def catalogue_csv(
    entries: Sequence[urls.Entry],
    site_url: str,
    keys: Sequence[str] = (),
    kept: Fragments | None = None,
) -> GeneratedFile:
    """The catalogue as CSV (UTF-8 with BOM so spreadsheet programs read the diacritics);
    `keys` and `kept` as for catalogue_json."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CATALOGUE_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    rows = _rows("csv", csv_row, entries, site_url, keys, kept)
    head = "\ufeff" + buffer.getvalue()
    return GeneratedFile("catalogue.csv", assembled(kept, "csv", "catalogue.csv", head, rows, ""))


def csv_row(entry: urls.Entry, site_url: str) -> str:
    """One article's line of catalogue.csv."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CATALOGUE_FIELDS, lineterminator="\r\n")
    row = catalogue_row(entry, site_url)
    row["authors"] = "; ".join(row["authors"])
    writer.writerow({key: csv_cell(value) for key, value in row.items()})
    return buffer.getvalue()


def robots_txt(site_url: str) -> GeneratedFile:
    text = f"User-agent: *\nAllow: /\nSitemap: {urls.absolute(site_url, 'sitemap.xml')}\n"
    return GeneratedFile("robots.txt", text.encode("utf-8"))
