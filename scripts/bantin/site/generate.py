"""Write every generated page and file into docs/ before MkDocs runs, and nothing else.

Generated files are listed in `docs/.bantin-generated.txt` so the next run removes the ones
it no longer makes; articles and hand-written pages are never touched.

The template data of the pages is `docs/.bantin-pages.json`, one page a line (`uri<TAB>JSON`),
so the MkDocs hook parses only the records of the pages it renders. An incremental build
reuses what an article made last time (its files, its record) when the digest of everything
they are made from is unchanged (`ArticleMemo`, in the build cache's database, see
bantin.site.cachedb).

Outputs and what each depends on (what an incremental build checks before keeping it):

- per article (`one_article`: citation downloads, JATS XML, source and PDF copies, template
  data, and the URL of its own PDF for oai.xml): `article_key`, i.e. the front matter (where
  conversion copies the issue's date, publisher and licence from issue.yml), the Markdown's
  bytes (references and body), the URL, the neighbours in the issue, the URLs of its authors
  and section, its last-changed day (registry), the site URL, name and licence, and the size
  and time of its source, its PDF and its issue.yml (which says whether a PDF is the whole
  issue's). A new per-article output goes into `one_article`; if it reads anything else, that
  input goes into `article_key`.
- per group (`index_pages`: an issue's table of contents, an author's or a section's pages):
  the `article_key` of each of their articles, in order (it covers all the pages and an
  issue's feed show of an article, its last-changed day among them), named in the call to
  `keep_or_make`. A new output made per issue, author or section goes through `keep_or_make`;
  if it shows anything of an article that `article_key` does not cover, that goes into it.
  A group page kept while a page made now wants its path makes the whole step run again
  without the memo, so a collision is reported as in a full build.
- oai.xml (`harvest_file`): every article's digest, their PDF URLs, the settings and the site.
- site-wide (home and year pages, directories, feeds, catalogue exports, robots.txt, assets,
  redirects): made by every build and written only when their bytes change.
- every MkDocs page: the digest of its Markdown and its template data (bantin.site.incremental),
  so anything added to either is followed without more code.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import posixpath
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, overload

from bantin import snapshot, store
from bantin.exceptions import BuildError
from bantin.site import cachedb, exports, feeds, jats, meta, oai, pages, pdfs, urls
from bantin.site.fragments import Fragments
from bantin.site.pages import GeneratedFile
from bantin.sources import ISSUE_FILE

log = logging.getLogger("bantin.site")

LIST_NAME = ".bantin-generated.txt"
PAGE_DATA_NAME = ".bantin-pages.json"
CACHE_NAME = ".cache/bantin/citations.json"
ASSET_DIR = "assets/bantin"
ASSET_FILES = ("bantin.css", "bantin.js")


@dataclass(frozen=True)
class SiteFiles:
    """What one run generates: files for docs/ and the per-page template data (each page's
    record as one line of JSON). `kept`: files made by an earlier run, unchanged on disk."""

    files: list[GeneratedFile]
    #: page -> its record, JSON in UTF-8 (or where the last build wrote it, when kept)
    page_data: dict[str, bytes | KeptRecord]
    kept: list[str] = field(default_factory=list)
    pdf_urls: dict[str, str] = field(default_factory=dict)  # article URL -> its PDF's URL
    keys: list[str] = field(default_factory=list)  # each article's `ArticleKeys` digest


#: `json.dumps(..., ensure_ascii=False)`, made once (digests are made per article and page).
JSON = json.JSONEncoder(ensure_ascii=False)


def record_json(record: meta.Record) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


#: The build cache's table of what each article made (bantin.site.cachedb).
MEMO_TABLE = "made"


@dataclass
class ArticleMemo:
    """What each article made in the last run, by the digest of its inputs (`article_key`),
    with each file's size and time and the URL of its own PDF: an unchanged article whose
    files are untouched is not made again.
    `inputs`: the build's global inputs; the memo serves only a run with the same."""

    inputs: str
    known: dict[str, list[Any]] = field(default_factory=dict)
    records: Mapping[str, bytes | KeptRecord] = field(default_factory=dict)
    now: dict[str, list[Any]] = field(default_factory=dict)
    made: dict[str, list[str]] = field(default_factory=dict)
    #: Each article's part of the files that list every article (oai.xml, catalogues).
    fragments: Fragments | None = None
    stored: bool = False  # `known` is what the build cache holds for these inputs
    #: The digests of the project's folders as the build's walk of its inputs found them
    #: (bantin.site.unchanged.Folders: by "docs/2020/so-1/", the files' digest first), when
    #: they describe the files the articles are read from; lets `trusted_keys` take each
    #: article's inputs digest from the memo where nothing it stands on changed.
    folders: Mapping[str, tuple[str, str]] | None = None

    @classmethod
    def open(
        cls,
        root: Path,
        inputs: str,
        usable: bool,
        folders: Mapping[str, tuple[str, str]] | None = None,
    ) -> ArticleMemo:
        memo = cls(inputs, fragments=Fragments.open(root, inputs, usable), folders=folders)
        if not usable:
            return memo
        rows = cachedb.read(root, MEMO_TABLE, inputs)
        if rows is None:
            return memo
        try:
            memo.known = {uri: json.loads(entry) for uri, entry in rows}
        except ValueError:
            memo.known = {}
            return memo
        memo.stored = True
        kept = read_page_index(root, root / "docs")
        memo.records = kept if kept is not None else PageData.read(root / "docs").raw
        return memo

    def reuse(self, uri: str, key: str, docs: Path, record: bool = True) -> list[str] | None:
        """The files `uri` made with these inputs, if they are still there as made (and
        its template data, when `record`)."""
        before = self.known.get(uri)
        if not before or before[0] != key or (record and uri not in self.records):
            return None
        folder = os.path.join(docs, "")  # a file's path: folder + its path under docs/
        for path, size, ns in before[1]:
            try:
                now = snapshot.stat(folder + path)
            except OSError:
                return None
            if now[0] != size or now[1] != ns:
                return None
        self.now[uri] = before
        return [path for path, _, _ in before[1]]

    def pdf_url(self, uri: str) -> str:
        """The URL of the article's own PDF as recorded ("" : none)."""
        return str(self.known[uri][2])

    def remember(self, uri: str, key: str, paths: list[str], pdf_url: str = "") -> None:
        self.made[uri] = [key, pdf_url, *paths]

    def forget(self) -> None:
        """Nothing is reused by the next run (this one could not trust what it kept)."""
        self.now.clear()
        self.made.clear()
        self.fragments = None

    def save(self, root: Path, docs: Path) -> None:
        """Once the files are written: their sizes and times, for the next run."""
        for uri, (key, pdf_url, *paths) in self.made.items():
            stats = [(path, os.stat(docs / path)) for path in paths]
            self.now[uri] = [key, [[p, i.st_size, i.st_mtime_ns] for p, i in stats], pdf_url]
        change = cachedb.change_to(
            MEMO_TABLE, self.known, self.now, self.stored, lambda uri, now: (uri, json.dumps(now))
        )
        cachedb.write(root, MEMO_TABLE, self.inputs, change)
        if self.fragments is not None:
            self.fragments.save(root)


class ArticleKeys:
    """The digest of everything an article's files and record are made from (`of`): its
    front matter (the issue's date, publisher and licence are copied there from issue.yml),
    its text (the record cites its references, the JATS file holds all of it: the Markdown
    file's size and time, or its bytes while it may still change within one file time), its
    URL, neighbours, authors' and section's URLs, its last-changed day (registry), the site
    (URL, name, licence), and the size and time of its source, its PDF and its issue.yml
    (whose `pdf:` decides whether a PDF is the article's own or the whole issue's; each
    issue.yml and PDF is looked at once per build)."""

    def __init__(self, root: Path, site: meta.SiteInfo, names: urls.NameIndex) -> None:
        self.root = os.fspath(root)
        self.docs = os.path.join(self.root, "docs")
        self.names = names
        licence = site.license.model_dump_json() if site.license else ""
        self.site = [site.site_url, site.site_name, licence]
        self.stats: dict[str, list[Any]] = {}

    def of(
        self,
        entry: urls.Entry,
        siblings: tuple[urls.Entry | None, urls.Entry | None],
        lastmod: str,
    ) -> str:
        front, names = entry.front, self.names
        files = [front.source, posixpath.join(posixpath.dirname(front.source), ISSUE_FILE)]
        if front.pdf:
            files.append(front.pdf.split("#", 1)[0])
        # The front matter as the catalogue cache holds it, else as dumped now: JSON text
        # already, hashed as it is (it holds no NUL) after the rest, which is encoded.
        front_json = getattr(entry, "front_json", None)
        if not isinstance(front_json, str):
            front_json = front.model_dump_json()
        parts = [
            text_stamp(os.path.join(self.docs, str(entry.path))),
            entry.url,
            lastmod,
            self.site,
            [[s.front.title, s.url] if s else None for s in siblings],
            [names.author(name) for name in front.author_names],
            names.section(front.section) if front.section else "",
            [self.stat(name) for name in files],
        ]
        text = JSON.encode(parts) + "\0" + front_json
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def stat(self, name: str) -> list[Any]:
        """A file's size, time and inode, not following a symbolic link (a file replaced by a
        link is made again, and refused there)."""
        found = self.stats.get(name)
        if found is None:
            try:
                size, mtime_ns, inode, _ = snapshot.lstat(os.path.join(self.root, name))
                found = [name, size, mtime_ns, inode]
            except (OSError, ValueError):
                found = [name, -1, -1, -1]
            self.stats[name] = found
        return found


def text_stamp(path: str) -> list[Any]:
    """What identifies the bytes of an article's Markdown: its size, time and inode, and its
    digest when it changed so recently that it may change again within the same file time."""
    try:
        size, mtime_ns, inode, _ = snapshot.lstat(path)
    except OSError:
        return [-1, -1]
    if time.time_ns() - mtime_ns > RACY_NS:
        return [size, mtime_ns, inode]  # a copy that keeps the time has another inode
    with open(path, "rb") as stream:
        return [size, mtime_ns, inode, hashlib.sha256(stream.read()).hexdigest()]


#: A file changed less than this long ago may change again within the same file time.
RACY_NS = 2_000_000_000


def asset_files() -> list[GeneratedFile]:
    """The self-hosted CSS and JS shipped inside the package."""
    folder = resources.files("bantin") / "assets"
    return [
        GeneratedFile(f"{ASSET_DIR}/{name}", (folder / name).read_bytes()) for name in ASSET_FILES
    ]


def csl_items(
    entries: Sequence[urls.Entry], cite: meta.CiteApi, site: meta.SiteInfo, code: str = ""
) -> CslItems:
    """The CSL-JSON record of every article, in catalogue order (each made when first
    asked for). `code`: what identifies the code that makes them (see `CslItems.made_from`)."""
    return CslItems(entries, cite, site, code)


class CslItems(Sequence[dict[str, Any]]):
    """The CSL-JSON records of `entries`, each made when first asked for: a rebuild makes
    in this process only those of the articles it makes again (the citations' process,
    forked, makes the others)."""

    def __init__(
        self,
        entries: Sequence[urls.Entry],
        cite: meta.CiteApi,
        site: meta.SiteInfo,
        code: str = "",
    ) -> None:
        self.entries, self.cite, self.site, self.code = entries, cite, site, code
        self.made: dict[int, dict[str, Any]] = {}

    def made_from(self, number: int) -> str | None:
        """The digest of everything item `number` is made from (the code that makes it, the
        article's front matter as the catalogue cache holds it, its URL, the site's URL and
        name), without making it; None when that is not known (no code given, or front
        matter read afresh): the item is made."""
        entry = self.entries[number]
        front_json = getattr(entry, "front_json", None)
        if not self.code or not isinstance(front_json, str):
            return None
        parts = (self.code, front_json, entry.url, self.site.site_url, self.site.site_name)
        text = "\0".join(str(part) for part in parts)
        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()

    def __len__(self) -> int:
        return len(self.entries)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self[n] for n in range(len(self))[index]]
        number = range(len(self))[index]  # negative indexes; IndexError past the end
        item = self.made.get(number)
        if item is None:
            entry, site = self.entries[number], self.site
            item = self.cite.csl_item(
                entry.front, entry.url, site.site_url, container_title=site.site_name
            )
            self.made[number] = item
        return item


def article_files(
    entries: Sequence[urls.Entry],
    items: Sequence[dict[str, Any]],
    cite: meta.CiteApi,
    site: meta.SiteInfo,
    root: Path,
    names: urls.NameIndex,
    memo: ArticleMemo | None = None,
    lastmods: Mapping[str, str] | None = None,
) -> SiteFiles:
    """Citation downloads, JATS XML, source and PDF copies and template data of every article;
    every `pdf:` naming a missing file is reported at once (BuildError)."""
    files: list[GeneratedFile] = []
    data: dict[str, bytes | KeptRecord] = {}
    kept: list[str] = []
    pdf_urls: dict[str, str] = {}
    siblings = meta.siblings_in_issue(entries)
    finder = pdfs.PdfFinder(exports.Folder(root))
    docs = root / "docs"
    lastmods = lastmods or {}
    keys = ArticleKeys(root, site, names) if memo is not None else None
    memo_keys: list[str] = []
    if len(items) != len(entries):
        raise ValueError(f"{len(entries)} articles and {len(items)} CSL items")
    trusted = (
        trusted_keys(entries, siblings, keys, memo, lastmods, docs)
        if keys is not None and memo is not None
        else {}
    )
    for number, entry in enumerate(entries):
        uri = str(entry.path).replace(os.sep, "/")
        lastmod = lastmods.get(entry.url, "")
        key = trusted.get(uri) or (keys.of(entry, siblings[entry.url], lastmod) if keys else "")
        memo_keys.append(key)
        reused = memo.reuse(uri, key, docs) if memo else None
        if memo is not None and reused is not None:
            kept += reused
            data[uri] = memo.records[uri]
            if memo.pdf_url(uri):
                pdf_urls[entry.url] = memo.pdf_url(uri)
            continue
        item = items[number]  # made here only for an article made again (CslItems)
        made = one_article(entry, item, cite, site, finder, names, siblings[entry.url], lastmod)
        files += made.files
        data[uri] = made.page_data[uri]
        pdf_urls.update(made.pdf_urls)
        if memo is not None:
            memo.remember(uri, key, [f.path for f in made.files], made.pdf_urls.get(entry.url, ""))
    if finder.problems:
        raise BuildError(f"a pdf: names no file:\n{finder.problems.summary()}")
    return SiteFiles(files, data, kept, pdf_urls, memo_keys)


#: The memo's row of a folder of articles: what the inputs digests of its articles stand on.
FOLDER_ROW = "#inputs/"


def trusted_keys(
    entries: Sequence[urls.Entry],
    siblings: Mapping[str, tuple[urls.Entry | None, urls.Entry | None]],
    keys: ArticleKeys,
    memo: ArticleMemo,
    lastmods: Mapping[str, str],
    docs: Path,
) -> dict[str, str]:
    """The inputs digest (`ArticleKeys.of`) of each article whose folder of docs/ stands as
    the last build recorded it, by the article's path under docs/, taken from the memo
    without being made again. What a folder's articles' digests are made from
    (`folder_inputs`) is recorded in the memo per folder; when it is what the last build
    recorded, and every article there has its row, their digests are those rows' (the same
    build recorded both). A folder whose record does not stand has its articles' digests
    made as before, and its new record kept for the next build."""
    folders = memo.folders
    if folders is None:
        return {}
    by_folder: dict[str, list[tuple[str, urls.Entry]]] = {}
    for entry in entries:
        uri = str(entry.path).replace(os.sep, "/")
        by_folder.setdefault(posixpath.dirname(uri), []).append((uri, entry))
    shared = [keys.site, keys.names.digest()]
    now = time.time_ns()
    found: dict[str, str] = {}
    for folder, pairs in by_folder.items():
        group = [entry for _, entry in pairs]
        inputs = folder_inputs(folder, group, siblings, keys, lastmods, folders, now)
        if inputs is None:
            continue  # not recorded: its articles' digests are made every time
        row, key = FOLDER_ROW + folder, digest([inputs, shared])
        if memo.reuse(row, key, docs, record=False) is None:
            memo.remember(row, key, [])
            continue
        rows = [memo.known.get(uri) for uri, _ in pairs]
        if all(rows):
            found.update(
                (uri, str(row[0])) for (uri, _), row in zip(pairs, rows, strict=True) if row
            )
    return found


def folder_inputs(
    folder: str,
    group: Sequence[urls.Entry],
    siblings: Mapping[str, tuple[urls.Entry | None, urls.Entry | None]],
    keys: ArticleKeys,
    lastmods: Mapping[str, str],
    folders: Mapping[str, tuple[str, str]],
    now: int,
) -> list[Any] | None:
    """What the inputs digests of the articles of one folder of docs/ (`group`) are made of,
    besides the site and the URLs of authors and sections (`trusted_keys`): the digest of
    the folder's files (each article's size, time and inode: its front matter and text),
    and of each article its URL, last-changed day, the digest of the folder of its source
    (the source's and issue.yml's size and time), and its PDF's size and time. None when
    they cannot be told this way: an article's neighbour in its issue is in another folder,
    a folder is not in the walk's record, or an article was saved so recently that it may
    change again within the same file time (its digest then holds its bytes)."""
    listed = folders.get("docs/" + folder + "/")
    if listed is None:
        return None
    parts: list[Any] = [listed[0]]
    for entry in group:
        for other in siblings.get(entry.url, (None, None)):
            if other is not None and posixpath.dirname(str(other.path).replace(os.sep, "/")) != (
                folder
            ):
                return None
        front = entry.front
        source = folders.get(front.source[: front.source.rfind("/") + 1])
        if source is None or not front.source.startswith("sources/"):
            return None
        try:
            mtime_ns = snapshot.lstat(os.path.join(keys.docs, str(entry.path)))[1]
        except OSError:
            return None
        if now - mtime_ns <= RACY_NS:
            return None
        pdf = keys.stat(front.pdf.split("#", 1)[0]) if front.pdf else None
        parts.append([entry.url, lastmods.get(entry.url, ""), source[0], pdf])
    return parts


def one_article(
    entry: urls.Entry,
    item: dict[str, Any],
    cite: meta.CiteApi,
    site: meta.SiteInfo,
    finder: pdfs.PdfFinder,
    names: urls.NameIndex,
    siblings: tuple[urls.Entry | None, urls.Entry | None],
    lastmod: str,
) -> SiteFiles:
    """The files (citation downloads, source and PDF copies, JATS XML) and the template data
    of one article; a `pdf:` naming no file is collected in `finder.problems`."""
    files = exports.citation_files(entry, item, cite)
    source = exports.source_copy(entry, finder.root)
    files.append(source)
    pdf = finder.find(entry, source)
    if pdf is not None and pdf.copy is not None:
        files.append(pdf.copy)
    record = meta.article_record(entry, siblings, item, cite, site, pdf, names, lastmod)
    pdf_urls = {}
    if pdf is not None and pdf.own:  # the article's own PDF, not the whole issue's
        pdf_urls[entry.url] = urls.absolute(site.site_url, pdfs.file_part(pdf.href))
    files.append(jats.article_file(entry, site, pdf_urls.get(entry.url, "")))
    uri = str(entry.path).replace(os.sep, "/")
    return SiteFiles(files, {uri: record_json(record).encode("utf-8")}, [], pdf_urls)


def digest(value: Any) -> str:
    return hashlib.sha256(JSON.encode(value).encode("utf-8")).hexdigest()


def harvest_file(
    entries: Sequence[urls.Entry],
    site: meta.SiteInfo,
    harvest: oai.HarvestSettings | None,
    made: SiteFiles,
    docs: Path,
    memo: ArticleMemo | None,
) -> list[GeneratedFile]:
    """oai.xml (none without `harvest`): with a memo, kept when every article's digest, the
    PDF URLs, the settings and the site are those of the last run (it describes them all)."""
    if harvest is None:
        return []
    if memo is None:
        return [oai.static_repository(entries, site, harvest, made.pdf_urls)]
    make = functools.partial(
        oai.static_repository, entries, site, harvest, made.pdf_urls, made.keys, memo.fragments
    )
    inputs = [made.keys, sorted(made.pdf_urls.items()), repr(harvest), repr(site)]
    group = SiteFiles([], {})
    keep_or_make(group, memo, docs, "#oai", inputs, make)
    made.kept.extend(group.kept)
    return group.files


def index_pages(
    entries: Sequence[urls.Entry],
    names: urls.NameIndex,
    docs: Path,
    memo: ArticleMemo | None,
    lastmods: Mapping[str, str],
    keys: Mapping[str, str],
    harvest: str = "",
) -> SiteFiles:
    """The index pages; with a memo, an issue, author or section whose articles are unchanged
    (the `ArticleKeys` digest of each, by URL in `keys`: it covers all the pages show of an
    article and its last-changed day) keeps the pages it made. `harvest`: the OAI-PMH file's
    URL, linked from the home page when there is one."""
    if memo is None:
        return SiteFiles(pages.index_pages(entries, names, lastmods, harvest), {})
    home = pages.home_page(entries, names, lastmods, harvest)
    made = SiteFiles([home, *pages.year_pages(entries, lastmods)], {})
    for (year, issue), found in pages.by_issue(entries).items():
        inputs = [year, issue, [keys[e.url] for e in found]]
        make = functools.partial(pages.issue_page, year, issue, found, names, lastmods)
        keep_or_make(made, memo, docs, f"#issue/{year}/{issue}", inputs, make)
    for kind, base, title, label in pages.BROWSE:
        listed = pages.listings(entries, kind, names)
        everyone = [entry for listing in listed for entry in listing.entries]
        made.files.extend(
            pages.directory_pages(listed, base, title, pages.newest(everyone, lastmods))
        )
        for listing in listed:
            inputs = [label, listing.name, listing.url, [keys[e.url] for e in listing.entries]]
            make_list = functools.partial(pages.listing_pages, listing, label, lastmods)
            keep_or_make(made, memo, docs, f"#{kind}/{listing.url}", inputs, make_list)
    return made


def keep_or_make(
    made: SiteFiles, memo: ArticleMemo, docs: Path, name: str, inputs: Any, make: Any
) -> None:
    """The pages of one group: kept when its inputs are those of the last run, else made."""
    key = digest(inputs)
    reused = memo.reuse(name, key, docs, record=False)
    if reused is not None:
        made.kept.extend(reused)
        return
    found = make()
    files = found if isinstance(found, list) else [found]
    made.files.extend(files)
    memo.remember(name, key, [f.path for f in files])


def site_files(
    entries: Sequence[urls.Entry],
    cite: meta.CiteApi,
    site: meta.SiteInfo,
    root: Path,
    extra: Sequence[GeneratedFile] = (),
    items: Sequence[dict[str, Any]] | None = None,
    memo: ArticleMemo | None = None,
    harvest: oai.HarvestSettings | None = None,
    lastmods: Mapping[str, str] | None = None,
) -> SiteFiles:
    """Everything bantin writes into docs/ for one build (`items`: from csl_items; `harvest`:
    how to describe the OAI-PMH static repository, none written without it; `lastmods`: the
    day each article's content last changed, by URL, from the registry)."""
    names = urls.NameIndex(entries)
    items = csl_items(entries, cite, site) if items is None else items
    lastmods = lastmods or {}
    made = article_files(entries, items, cite, site, root, names, memo, lastmods)
    harvested = harvest_file(entries, site, harvest, made, root / "docs", memo)
    harvest_url = oai.FILE_NAME if harvest is not None else ""
    keys = dict(zip((e.url for e in entries), made.keys, strict=True))
    index = index_pages(entries, names, root / "docs", memo, lastmods, keys, harvest_url)
    feeds_made = feed_files(entries, site, lastmods, root / "docs", memo, keys)
    files = [
        *index.files,
        *made.files,
        *harvested,
        *feeds_made.files,
        *catalogues(entries, site, made.keys, memo),
        exports.robots_txt(site.site_url),
        *asset_files(),
        *extra,
    ]
    kept = made.kept + index.kept + feeds_made.kept
    found = unique(files)
    if memo is not None and kept and {f.path for f in found} & set(kept):
        # A file made now wants the path of one kept from the last run: only a build that
        # makes both can tell whether they collide.
        memo.forget()
        return site_files(entries, cite, site, root, extra, items, None, harvest, lastmods)
    return SiteFiles(found, made.page_data, kept, made.pdf_urls)


def feed_files(
    entries: Sequence[urls.Entry],
    site: meta.SiteInfo,
    lastmods: Mapping[str, str],
    docs: Path,
    memo: ArticleMemo | None,
    keys: Mapping[str, str],
) -> SiteFiles:
    """The Atom feeds; with a memo, an issue's feed whose articles are unchanged (the
    `ArticleKeys` digest of each, by URL in `keys`: it covers what a feed shows of an article,
    its last-changed day and the site) is kept (listed in `kept`)."""
    if memo is None:
        return SiteFiles(feeds.all_feeds(entries, site, lastmods), {})
    made = SiteFiles([feeds.latest_feed(entries, site, lastmods)], {})
    for (year, issue), group in pages.by_issue(entries).items():
        inputs = [year, issue, site.site_url, site.site_name, [keys[e.url] for e in group]]
        make = functools.partial(feeds.issue_feed, year, issue, group, site, lastmods)
        keep_or_make(made, memo, docs, f"#feed/{year}/{issue}", inputs, make)
    return made


def catalogues(
    entries: Sequence[urls.Entry],
    site: meta.SiteInfo,
    keys: Sequence[str],
    memo: ArticleMemo | None,
) -> list[GeneratedFile]:
    """catalogue.json and catalogue.csv; with a memo, an unchanged article's rows are the
    last build's."""
    kept = memo.fragments if memo is not None else None
    given = keys if kept is not None else ()
    return [
        exports.catalogue_json(entries, site.site_url, given, kept),
        exports.catalogue_csv(entries, site.site_url, given, kept),
    ]


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
    snapshot.wrote(os.fspath(path))
    if path.is_file() and path.read_bytes() == content:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    replace(path, [content])


def replace(path: Path, pieces: Iterable[bytes | memoryview]) -> None:
    """`path` made of `pieces`: written to a temporary file in its folder, then renamed."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.writelines(pieces)
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


def write_site_files(
    docs: Path, made: SiteFiles, authored: set[str], index: Path | None = None
) -> PageData:
    """Write the generated files, remove the stale ones, record the new list; the pages'
    template data as written (`index`: where to record its layout for the next build, see
    `write_page_data`)."""
    folder = exports.Folder(docs)
    previous = {p for p in previous_list(docs) if p}
    targets = [(item, folder.path(item.path)) for item in made.files]
    refuse_overwrite(targets, previous, authored)
    current = {item.path for item in made.files} | set(made.kept)
    emptied: set[Path] = set()
    for stale in sorted(previous - current - authored):
        path = folder.path(stale)
        if path.is_file():
            snapshot.removed(os.fspath(path))
            path.unlink()
            emptied.add(path.parent)
            log.debug("docs/%s: removed (no longer generated)", stale)
    for item, target in targets:
        write_atomic(target, item.content)
    written = write_page_data(docs / PAGE_DATA_NAME, made.page_data, index)
    write_atomic(docs / LIST_NAME, "\n".join(sorted(current)).encode("utf-8"))
    prune_empty_dirs(folder.resolved_root, emptied)
    return written


def prune_empty_dirs(docs: Path, emptied: set[Path]) -> None:
    """Remove the folders left empty by removed files, up to (not including) docs/."""
    for start in sorted(emptied, reverse=True):
        folder = start
        while folder != docs and folder.is_relative_to(docs) and folder.is_dir():
            if any(folder.iterdir()):
                break
            folder.rmdir()
            folder = folder.parent


class PageData(Mapping[str, Any]):
    """The pages' template data as `write_site_files` recorded it; a record is parsed when it
    is first asked for (an incremental build renders a few pages of many). A record given as
    a `KeptRecord` is read from `path` (docs/.bantin-pages.json) then."""

    def __init__(self, raw: Mapping[str, bytes | KeptRecord], path: Path | None = None) -> None:
        self.raw = raw
        self.path = path
        self._parsed: dict[str, Any] = {}
        #: Pages whose kept record was not what the build cache said (the build starts again
        #: in full: bantin.site.build).
        self.stale: list[str] = []

    @classmethod
    def read(cls, docs: Path) -> PageData:
        path = docs / PAGE_DATA_NAME
        if not path.exists():
            return cls({})
        raw = {}
        # Bytes, cut at line feeds only: JSON escapes them in its strings, but not every
        # character str.splitlines() would cut at (U+2028, U+0085).
        for line in path.read_bytes().split(b"\n"):
            if line:
                uri, _, text = line.partition(b"\t")
                raw[uri.decode("utf-8")] = text
        return cls(raw)

    def __getitem__(self, uri: str) -> Any:
        if uri not in self._parsed:
            self._parsed[uri] = json.loads(self.text(uri))
        return self._parsed[uri]

    def text(self, uri: str) -> bytes:
        """The record's JSON as written."""
        found = self.raw[uri]
        if isinstance(found, bytes):
            return found
        assert self.path is not None
        with open(self.path, "rb") as stream:
            stream.seek(found.offset)
            line = stream.read(found.length)
        head = page_head(uri)
        text = line[len(head) : -1]
        if not line.startswith(head) or not line.endswith(b"\n") or sha256(text) != found.sha:
            self.stale.append(uri)
            raise BuildError(f"{self.path}: the record of {uri} is not the one the cache says")
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)

    def digest(self, uri: str) -> str:
        """The digest of a page's record ("-": none) without parsing it."""
        found = self.raw.get(uri)
        if found is None:
            return "-"
        return sha256(found) if isinstance(found, bytes) else found.sha


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class KeptRecord:
    """A page's record left where the last build wrote it in docs/.bantin-pages.json: its
    line (`uri<TAB>JSON<LF>`) starts at `offset` and is `length` bytes long; `sha`: the
    sha256 of its JSON."""

    offset: int
    length: int
    sha: str
    file: tuple[int, int, int]  # the size, time and inode of the file it is in


#: The layout of docs/.bantin-pages.json as the last build wrote it (see `write_page_data`).
PAGE_INDEX = ".cache/build/pages-index.json"
PAGE_INDEX_FORMAT = 1


def read_page_index(root: Path, docs: Path) -> dict[str, KeptRecord] | None:
    """Where each page's record is in docs/.bantin-pages.json, from the layout the last build
    recorded, when the file is still the one it wrote (its size, time and inode) and the
    layout is whole (the lines, in order of their pages, make up the file exactly); None
    otherwise (the file is read then)."""
    try:
        data = json.loads((root / PAGE_INDEX).read_bytes())
        info = os.stat(docs / PAGE_DATA_NAME)
    except (OSError, ValueError):
        return None
    try:
        if not isinstance(data, dict) or data.get("format") != PAGE_INDEX_FORMAT:
            return None
        if data.get("file") != [info.st_size, info.st_mtime_ns, info.st_ino]:
            return None
        found: dict[str, KeptRecord] = {}
        offset, previous = 0, None
        file = (info.st_size, info.st_mtime_ns, info.st_ino)
        for uri, length, digest in data["lines"]:
            head = len(uri.encode("utf-8")) + 2  # the tab and the line feed
            valid = isinstance(length, int) and isinstance(digest, str) and len(digest) == 64
            if not valid or length < head or (previous is not None and uri <= previous):
                return None
            found[uri] = KeptRecord(offset, length, digest, file)
            offset, previous = offset + length, uri
    except (TypeError, ValueError, KeyError, AttributeError):
        return None
    return found if offset == info.st_size else None


def write_page_data(
    path: Path, data: Mapping[str, bytes | KeptRecord], index: Path | None
) -> PageData:
    """docs/.bantin-pages.json: one line per page (`uri<TAB>JSON`), in order of the pages. A
    record kept from the last build (`KeptRecord`) is copied from the file as it is, in runs
    of lines, without being read into memory; the file is not written when every line is as
    it was. `index`: the layout of the file written (each line's page, length and digest),
    recorded for the next build. Returns the records, the kept ones found in the new file."""
    uris = sorted(data)
    layout: list[list[Any]] = []
    now: dict[str, bytes | KeptRecord] = {}
    if index is not None:
        index.unlink(missing_ok=True)  # describes the file as it was, no longer once written
    if not any(isinstance(value, KeptRecord) for value in data.values()):
        lines = []
        for uri in uris:
            value = data[uri]
            assert isinstance(value, bytes)
            lines.append(page_line(uri, value, layout))
            now[uri] = value
        write_atomic(path, b"".join(lines))
    else:
        copied = copy_lines(path, uris, data, layout)
        info = os.stat(path)
        file, offset = (info.st_size, info.st_mtime_ns, info.st_ino), 0
        for uri, length, digest in layout:
            value = data[uri]
            kept = KeptRecord(offset, length, digest, file)
            now[uri] = value if isinstance(value, bytes) else kept
            offset += length
        if not copied:
            now = dict(data)  # the file as it was
    if index is not None:
        info = os.stat(path)
        record = {
            "format": PAGE_INDEX_FORMAT,
            "file": [info.st_size, info.st_mtime_ns, info.st_ino],
            "lines": layout,
        }
        store.write_atomic(index, json.dumps(record, ensure_ascii=False).encode("utf-8"))
    return PageData(now, path)


def page_head(uri: str) -> bytes:
    """What opens a page's line in docs/.bantin-pages.json: its name and a tab."""
    return uri.encode("utf-8") + b"\t"


def page_line(uri: str, record: bytes, layout: list[list[Any]]) -> bytes:
    """A page's line in docs/.bantin-pages.json (`uri<TAB>JSON<LF>`), its length and its
    record's digest added to `layout`."""
    line = page_head(uri) + record + b"\n"
    layout.append([uri, len(line), sha256(record)])
    return line


def stale_file(path: Path) -> Exception:
    """The file is not the one whose layout the build cache holds: a full build."""
    from bantin.site.incremental import CacheMiss

    return CacheMiss(f"{path}: changed since the build cache described it")


def copy_lines(
    path: Path, uris: list[str], data: Mapping[str, bytes | KeptRecord], layout: list[list[Any]]
) -> bool:
    """Write `path` afresh from the records given and the kept lines of the file as it is
    (filling `layout`); False, and nothing written, when every line would be as it was. A
    kept line must be where the layout says: its page's name and a tab at its start, a line
    feed at its end (else the cache is not trusted: CacheMiss)."""
    pieces: list[bytes | KeptRecord] = []
    unchanged, end = True, 0
    for uri in uris:
        value = data[uri]
        if isinstance(value, bytes):
            pieces.append(page_line(uri, value, layout))
            unchanged = False
            continue
        pieces.append(value)
        layout.append([uri, value.length, value.sha])
        unchanged = unchanged and value.offset == end
        end += value.length
    with open(path, "rb") as stream:
        info = os.fstat(stream.fileno())
        file = (info.st_size, info.st_mtime_ns, info.st_ino)
        if any(isinstance(value, KeptRecord) and value.file != file for value in pieces):
            raise stale_file(path)
        if unchanged and end == info.st_size:
            return False
        old = memoryview(stream.read())
    if len(old) != info.st_size:
        raise stale_file(path)
    lines: list[bytes | memoryview] = []
    for uri, piece in zip(uris, pieces, strict=True):
        if isinstance(piece, bytes):
            lines.append(piece)
            continue
        kept = old[piece.offset : piece.offset + piece.length]
        head = page_head(uri)
        if bytes(kept[: len(head)]) != head or kept[-1] != ord("\n"):
            raise stale_file(path)
        lines.append(kept)
    replace(path, lines)
    snapshot.wrote(os.fspath(path))
    return True


def load_page_data(docs: Path) -> PageData:
    """Read back what `write_site_files` recorded for the templates (used by the hook)."""
    return PageData.read(docs)
