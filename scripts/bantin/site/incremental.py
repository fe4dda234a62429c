"""Incremental builds: MkDocs re-renders only the pages whose output can change.

The build cache (`.cache/build/state.json`) describes the site/ the last build published:

- `inputs`: one digest per input every page depends on (bantin's version and code, mkdocs.yml,
  the theme's overrides, the versions of MkDocs, the theme and the Markdown extensions, the
  site URL, the titles of the navigation). When any differs, or the cache is missing,
  unreadable or describes another site/ (its folder's inode), the build renders everything
  and says why.
- `pages`: for every MkDocs page, the digest of what its HTML is made from: its Markdown file
  (bantin writes the index pages into docs/ before MkDocs runs, so they are files like the
  articles) and the template data bantin hands its template (neighbours, citation box, meta
  tags). A page whose digest is unchanged and whose HTML is in site/ is not read or rendered.
- `linking`: pages whose Markdown linked to another file at their last rendering. Their
  output depends on other files being there, so they are always rendered again (they are
  few: hand-written pages); a page a rendered page links to with an anchor is read too, so
  MkDocs checks the anchor as in a full build.

MkDocs runs in its `dirty` mode into an empty folder, where `File.is_modified` answers from
the cache instead of file times; then every file the full build would have written and this
run did not is hard-linked from the published site/ (`assemble`). The published site/ is never
written into: the new one replaces it only when the build succeeded. The folder the new site
is assembled in is the site published before the current one, kept as scratch space; another
process makes it a copy of the current site (`mirror`, hard links) while the build writes its
pages, so that in the end only the files the run wrote are moved in (`assemble_mirrored`).

MkDocs is given only the files it writes (`Plan.select`): the pages that render, the static
files whose published copy differs, the pages of the navigation and the files the rendered
pages linked to at their last rendering (`links`). bantin lists docs/ itself, in MkDocs's
order, and decides for every page and file without making MkDocs's objects for them; the
sitemap, which lists every page, gets the others from that listing. A rendered page that now
links to a file MkDocs was not given is a CacheMiss (the build starts again in full, which
records the link). A configuration whose pages MkDocs would choose or list differently (no
`nav`, `draft_docs`, no directory URLs, a README.md beside pages) gets MkDocs's own listing.
"""

from __future__ import annotations

import filecmp
import functools
import hashlib
import json
import logging
import os
import posixpath
import re
import shutil
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Set
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from bantin import snapshot, store
from bantin.exceptions import BuildError
from bantin.site import cachedb
from bantin.site.generate import PageData, previous_list
from bantin.site.linking import NO_LINKS
from bantin.site.pages import LASTMOD_KEY

log = logging.getLogger("bantin.site")

CACHE_DIR = ".cache/build"
STATE_NAME = "state.json"
STATE_FORMAT = 3
#: Distributions whose code shapes every page; a new version of any means a full build.
RENDERING_PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "markdown",
    "pymdown-extensions",
    "jinja2",
    "markupsafe",
    "pyyaml",
    "citeproc-py",
)
#: MkDocs warns (a warning fails a strict build) that a dirty build may be wrong; bantin's
#: dirty build is vouched for by the cache, so that one message is dropped.
DIRTY_WARNING = "A 'dirty' build is being performed"
#: A file changed less than this long before it was hashed may change again within the same
#: file time; its digest is not reused on the strength of its size and time alone.
RACY_NS = 2_000_000_000


class CacheMiss(Exception):
    """The cache cannot vouch for part of the site: the build starts again in full."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree_digest(folder: Path, skip: Callable[[Path], bool] = lambda p: False) -> str:
    """One digest of every file's path and bytes under `folder` (empty when it is missing)."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not skip(path):
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def package_digest() -> str:
    """bantin's own code, templates, styles and data: a change anywhere is a full build."""
    folder = Path(str(resources.files("bantin")))
    return tree_digest(folder, lambda p: "__pycache__" in p.parts or p.suffix == ".pyc")


def code_identity() -> str:
    """bantin's version and code: what cached results made by bantin are valid for."""
    import bantin

    return f"{bantin.__version__} {package_digest()}"


def versions() -> str:
    found = []
    for name in RENDERING_PACKAGES:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return " ".join(found)


def nav_titles(config: Any, docs: Path) -> str:
    """What every page's navigation shows: the nav of mkdocs.yml, and the Markdown of the
    pages it names without a title (their own title is shown on every page then); without a
    nav, every page of docs/ but those made from the articles (any change to one is a full
    build)."""
    nav = config["nav"]
    if nav is None:  # every page is in the navigation of every page, by its title
        made = set(previous_list(docs))  # pages bantin makes from the articles: they follow
        digest = hashlib.sha256(b"no nav\0")
        for page in sorted(docs.rglob("*.md")):
            name = page.relative_to(docs).as_posix()
            if name in made:
                continue
            digest.update(name.encode() + b"\0")
            digest.update(hashlib.sha256(page.read_bytes()).digest())
        return digest.hexdigest()
    digest = hashlib.sha256(json.dumps(nav, sort_keys=True, default=str).encode())
    for path in nav_paths(nav, titled=False):
        target = docs / path
        digest.update(path.encode() + b"\0")
        digest.update(target.read_bytes() if target.is_file() else b"-")
    return digest.hexdigest()


def global_inputs(root: Path, config_file: str, config: Any, site_url: str) -> dict[str, str]:
    """The inputs every page depends on, by name (the name is what the build log shows)."""
    import bantin

    overrides = config["theme"].custom_dir
    return {
        "bantin version": str(bantin.__version__),
        "bantin code": package_digest(),
        config_file: sha256((root / config_file).read_bytes()),
        "theme overrides": tree_digest(Path(overrides)) if overrides else "-",
        "theme and Markdown versions": versions(),
        "site URL": site_url,
        "navigation": nav_titles(config, Path(config["docs_dir"])),
        # `extra` as read, environment variables (`!ENV`) resolved: the footer's licence, the
        # OAI-PMH contact may come from the environment, not from the file's bytes.
        "extra of " + config_file: sha256(
            json.dumps(config["extra"], sort_keys=True, default=str).encode("utf-8")
        ),
    }


@dataclass
class State:
    """What the cache says about the published site/."""

    inputs: dict[str, str]
    site: list[int]  # st_dev, st_ino of the site folder it describes
    pages: dict[str, str] = field(default_factory=dict)  # src_uri -> page digest
    linking: list[str] = field(default_factory=list)
    digests: dict[str, list[Any]] = field(default_factory=dict)  # src_uri -> size, ns, sha
    lastmods: dict[str, str] = field(default_factory=dict)  # src_uri -> sitemap <lastmod>
    links: dict[str, list[str]] = field(default_factory=dict)  # page -> files it links to

    def to_json(self) -> str:
        data = {"format": STATE_FORMAT, **self.__dict__}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def state_path(root: Path) -> Path:
    return root / CACHE_DIR / STATE_NAME


def read_state(root: Path) -> State | None:
    path = state_path(root)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.pop("format", None) != STATE_FORMAT:
            return None
        return State(**data)
    except FileNotFoundError:
        return None
    except (ValueError, TypeError, OSError) as error:
        log.warning("%s: unreadable build cache, building everything (%s)", path, error)
        return None


def write_state(root: Path, state: State) -> None:
    store.write_atomic(state_path(root), state.to_json().encode("utf-8"))


#: The build cache's files (the spare site is scratch space and stays).
CACHE_FILES = (
    STATE_NAME,
    "catalogue.json",
    "search.memo",
    "articles.sqlite",
    "articles.sqlite-journal",
    "inputs.json",
    "pages-index.json",
    *cachedb.OBSOLETE,
)


def forget(root: Path) -> None:
    """`--clean`: the next build reads, renders and indexes everything afresh."""
    for name in CACHE_FILES:
        (root / CACHE_DIR / name).unlink(missing_ok=True)


def folder_id(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_dev, info.st_ino]


def why_full(state: State | None, inputs: dict[str, str], site: Path) -> str:
    """Why this build must render everything; "" when the cache vouches for site/."""
    if state is None:
        return "no build cache"
    if not site.is_dir():
        return "no site/ yet"
    if folder_id(site) != state.site:
        return "site/ is not the one the build cache describes"
    changed = [name for name, value in inputs.items() if state.inputs.get(name) != value]
    if changed:
        return ", ".join(changed) + " changed"
    return ""


class Digests:
    """Content digests of docs/ files, reused from the cache while size and time are unchanged."""

    def __init__(self, known: dict[str, list[Any]]) -> None:
        self.known = known
        self.now: dict[str, list[Any]] = {}

    def of(self, src_uri: str, path: str) -> str:
        size, mtime_ns, _, _ = snapshot.stat(path)
        before = self.known.get(src_uri)
        if before and before[0] == size and before[1] == mtime_ns:
            self.now[src_uri] = before
            return str(before[2])
        with open(path, "rb") as stream:
            digest = sha256(stream.read())
        if time.time_ns() - mtime_ns > RACY_NS:
            self.now[src_uri] = [size, mtime_ns, digest]
        return digest


@dataclass
class Plan:
    """One MkDocs run under `bantin build`: which pages it renders and what it records.

    `old_site` None: a full build (every page renders; the plan only records the cache).
    """

    inputs: dict[str, str]
    previous: State | None = None
    old_site: Path | None = None
    always: set[str] = field(default_factory=set)  # src_uris rendered every time
    pages: dict[str, str] = field(default_factory=dict)
    render: set[str] = field(default_factory=set)
    linking: set[str] = field(default_factory=set)
    links: dict[str, set[str]] = field(default_factory=dict)  # page -> files it links to
    expected: set[str] = field(default_factory=set)  # dest_uri of every file of the site
    digests: Digests = field(default_factory=lambda: Digests({}))
    total: int = 0
    done: int = 0
    progress: Callable[[int, int], None] | None = None
    lastmods: dict[str, str] = field(default_factory=dict)  # src_uri -> sitemap <lastmod>
    #: The pages' template data as this build wrote it to docs/ (the hook need not read it).
    page_data: PageData | None = None
    #: MkDocs was given only the files it writes (`select`); `order`: every page, in its order.
    subset: Any = None
    order: list[str] = field(default_factory=list)
    listed: set[str] = field(default_factory=set)  # every file of docs/ the site publishes
    #: Files a rendered page links to that MkDocs was not given: the build starts again.
    missing: set[str] = field(default_factory=set)
    #: Each file of the published site and its inode, when known from `mirror` (else the
    #: published files are looked at one by one).
    published: dict[str, int] | None = None
    _site_device: int | None = None

    @property
    def incremental(self) -> bool:
        return self.old_site is not None

    def select(self, config: Any) -> Any:
        """In place of MkDocs's `get_files`: the files this run writes, decided from bantin's
        own listing of docs/ (None: MkDocs lists docs/ itself, see `subset_allowed`)."""
        if not self.incremental or self.page_data is None or not subset_allowed(config):
            return None
        docs = str(config["docs_dir"])
        listing = docs_listing(docs, snapshot.listing(docs))
        if listing is None:
            return None
        assert self.previous is not None and self.old_site is not None
        excluded = exclusion(config)
        wanted = set(nav_paths(config["nav"])) | set(config["extra_templates"] or [])
        chosen: dict[str, bool] = {}  # src_uri -> whether MkDocs writes it
        old = os.fspath(self.old_site) + "/"
        base = os.path.join(docs, "")  # each file's path: base + its path under docs/
        for uri in listing:
            if excluded(uri):
                continue
            path = base + uri
            if is_markdown(uri):
                dest = page_dest(uri)
                self.order.append(uri)
                renders = self._decide(uri, path, dest, self.page_data)
                if renders or uri in wanted:
                    chosen[uri] = renders
            else:
                dest = uri
                if static_differs(path, old + uri, self.published_inode(uri)):
                    chosen[uri] = True
                elif uri in wanted:
                    chosen[uri] = False
            self.expected.add(dest)
            self.listed.add(uri)
        for uri in list(self.render):
            for target in self.previous.links.get(uri, ()):
                if target in self.listed:
                    chosen.setdefault(target, False)
        if self.order and not any(is_markdown(uri) for uri in chosen):
            chosen[self.order[0]] = False  # the sitemap's date is that of MkDocs's pages
        self.subset = make_files(config, [uri for uri in listing if uri in chosen], chosen)
        return self.subset

    def prepare(self, files: Any, config: Any, page_data: PageData) -> None:
        """On MkDocs's `files` event: decide what renders, record each page's digest (given
        only the files it writes, MkDocs's own are left: the theme's)."""
        docs = Path(config["docs_dir"])
        for file in files:
            if file.inclusion.is_excluded():
                continue
            if self.subset is not None and file.src_uri in self.listed:
                continue
            self.expected.add(file.dest_uri)
            if file.is_documentation_page():
                self._page(file, page_data)
            elif self.incremental:
                self._static(file, docs)
        self._record_links(files, config)
        self.total = len(self.render) if self.incremental else len(self.pages)

    def _page(self, file: Any, page_data: PageData) -> None:
        renders = self._decide(file.src_uri, file.abs_src_path, file.dest_uri, page_data)
        if self.incremental:
            _answer(file, renders)

    def _decide(self, uri: str, path: str, dest: str, page_data: PageData) -> bool:
        """Record the page's digest; whether it renders (an incremental build renders it when
        the digest changed, it links to other files, or its HTML is not in the site)."""
        source = self.digests.of(uri, path)
        digest = sha256(f"{source}\0{page_data.digest(uri)}".encode())
        self.pages[uri] = digest
        if not self.incremental:
            return True
        assert self.previous is not None and self.old_site is not None
        stays = (
            self.previous.pages.get(uri) == digest
            and uri not in self.always
            and uri not in self.previous.linking
            and self.is_published(dest)
        )
        if not stays:
            self.render.add(uri)
        return not stays

    def is_published(self, dest: str) -> bool:
        """The published site has a file at `dest`."""
        if self.published is not None:
            return dest in self.published
        assert self.old_site is not None
        return os.path.isfile(os.path.join(self.old_site, dest))

    def published_inode(self, dest: str) -> tuple[int, int] | None:
        """The inode and device of the published file at `dest` as `mirror` found it (None:
        not known)."""
        if self.published is None or self.old_site is None:
            return None
        inode = self.published.get(dest)
        if inode is None:
            return None
        if self._site_device is None:
            self._site_device = os.stat(self.old_site).st_dev
        return inode, self._site_device

    def _static(self, file: Any, docs: Path) -> None:
        """A static file is copied when the published one differs (a generated file in site/
        is a hard link to its file in docs/ while neither changed)."""
        assert self.old_site is not None
        published = os.path.join(self.old_site, file.dest_uri)
        inode = self.published_inode(file.dest_uri)
        _answer(file, static_differs(file.abs_src_path, published, inode))

    def _record_links(self, files: Any, config: Any) -> None:
        """Note which pages link to which files while MkDocs resolves their links."""
        find = files.get_file_from_path

        def recording(path: str) -> Any:
            page = getattr(config, "_current_page", None)
            found = find(path)
            if page is not None and path != page.file.src_uri:
                self.linking.add(page.file.src_uri)
                self.links.setdefault(page.file.src_uri, set()).add(path)
                if found is None and self.subset is not None and path in self.listed:
                    # A file the cache did not know this page links to: resolved as a full
                    # build would, and the build starts again in full (SiteBuild.run).
                    self.missing.add(path)
                    found = make_files(config, [path], {path: False}).get_file_from_path(path)
            return found

        files.get_file_from_path = recording

    def after_reading(self, files: Any, config: Any) -> None:
        """On MkDocs's `env` event: read the unchanged pages a rendered page links to with an
        anchor, so MkDocs checks those anchors as a full build does."""
        self._lastmods(files)
        if not self.incremental:
            return
        from mkdocs.commands.build import _populate_page

        waiting = [f for f in files.documentation_pages() if f.src_uri in self.render]
        while waiting:
            page = waiting.pop().page
            for target in (page.links_to_anchors or {}) if page is not None else {}:
                if target.page is not None and target.page.present_anchor_ids is None:
                    self.render.add(target.src_uri)
                    _answer(target, True)
                    _populate_page(target.page, config, files, dirty=True)
                    waiting.append(target)
        self.total = len(self.render)

    def _lastmods(self, files: Any) -> None:
        """The sitemap lists every page with its last-changed day, which comes from the
        page's Markdown (an index page's front matter) or its template data (an article's
        record): both are in the page's digest, so a page not read again has the day it had.
        The pages read now have theirs recorded; the others get the recorded one back."""
        known = self.previous.lastmods if self.previous is not None else {}
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            if page.markdown is not None:  # read by this run
                record = page.meta.get("bantin")
                day = page.meta.get(LASTMOD_KEY) or (
                    record.get("lastmod", "") if isinstance(record, dict) else ""
                )
                if day:
                    self.lastmods[file.src_uri] = str(day)
            elif file.src_uri in known:
                self.lastmods[file.src_uri] = known[file.src_uri]
                page.meta = {**page.meta, LASTMOD_KEY: known[file.src_uri]}
        if self.subset is not None:
            given = self.subset.src_uris
            for uri in self.order:
                if uri not in given and uri in known:
                    self.lastmods[uri] = known[uri]

    def sitemap_pages(self, config: Any) -> list[Any]:
        """Every page for the sitemap, in MkDocs's order: those MkDocs was given, and for the
        others what the sitemap prints of them (their URL and recorded last-changed day)."""
        from mkdocs.structure.pages import Page

        assert self.subset is not None
        given = self.subset.src_uris
        canonical = CanonicalUrls(config["site_url"])
        found = []
        for uri in self.order:
            file: Any = given.get(uri) or ListedFile(uri)
            if file.page is None:
                page = Page.__new__(Page)
                page.file = file
                day = self.lastmods.get(uri)
                page.meta = {LASTMOD_KEY: day} if day else {}
                canonical.set(page)
                file.page = page
            found.append(file)
        return found

    def renders(self, file: Any) -> bool:
        return not self.incremental or file.src_uri in self.render

    def copies(self, file: Any) -> bool:
        """Whether this run writes static `file` (else the published one is kept)."""
        return not self.incremental or bool(file.is_modified())

    def page_done(self, share: int | None = None) -> None:
        """One more page rendered by this process (`share`: how many it renders in all)."""
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, share or self.total)

    def state(self, site: Path) -> State:
        """The cache for the site this run made (its folder is `site` until the swap)."""
        return State(
            self.inputs,
            folder_id(site),
            dict(self.pages),
            sorted(self.linking),
            self.digests.now,
            dict(self.lastmods),
            {page: sorted(self.links.get(page, ())) for page in sorted(self.linking)},
        )


class ListedFile:
    """What the sitemap reads of a page's file MkDocs was not given (`Plan.sitemap_pages`):
    its path, where MkDocs writes it and its URL (with directory URLs, `subset_allowed`) as
    MkDocs's `File` makes them, and its page."""

    __slots__ = ("dest_uri", "page", "src_uri", "url")

    def __init__(self, uri: str) -> None:
        from mkdocs.structure.files import File

        self.src_uri = uri
        self.dest_uri = page_dest(uri)
        self.url = File._get_url(self, True)  # type: ignore[arg-type]
        self.page: Any = None


class CanonicalUrls:
    """A page's `canonical_url` and `abs_url` as MkDocs's `Page._set_canonical_url` sets
    them, without a `urljoin` per page: for a URL of plain path segments (no "." or "..",
    no empty one, nothing urljoin reads as a scheme, query, fragment or parameters) the
    joined URL is the one joined for "x/" with "x/" replaced by the URL."""

    PLAIN = re.compile(
        r"(?:[A-Za-z0-9_~%-][A-Za-z0-9._~%-]*/)*(?:[A-Za-z0-9_~%-][A-Za-z0-9._~%-]*)?\Z"
    )

    def __init__(self, site_url: str | None) -> None:
        self.site_url = site_url
        self.prefix = self.path_prefix = None
        if site_url:
            base = site_url if site_url.endswith("/") else site_url + "/"
            probe = urljoin(base, "x/")
            if probe.endswith("x/") and urlsplit(probe).path.endswith("x/"):
                self.prefix, self.path_prefix = probe[:-2], urlsplit(probe).path[:-2]

    def set(self, page: Any) -> None:
        url = page.url
        if self.prefix is None or not url or not self.PLAIN.match(url):
            page._set_canonical_url(self.site_url)
            return
        page.canonical_url = self.prefix + url
        page.abs_url = self.path_prefix + url


def subset_allowed(config: Any) -> bool:
    """MkDocs can be given only the files it writes when the pages it is not given change
    nothing in the ones it renders: every page's navigation is mkdocs.yml's `nav` (not every
    page), no page is a draft, pages are folders (their URLs follow from their paths alone),
    and no page left out of `nav` is worth a warning."""
    return (
        config["nav"] is not None
        and bool(config["use_directory_urls"])
        and not config.get("draft_docs")
        and config["validation"]["nav"]["omitted_files"] < logging.WARNING
    )


def docs_listing(docs: str, known: set[str] | None = None) -> list[str] | None:
    """Every file under `docs` as MkDocs's `get_files` lists them (each folder's files, index
    first, then its folders, by name); None where MkDocs would choose between an index.md and
    a README.md. `known`: every file under `docs` (from the build's walk of its inputs, kept
    up to date as it wrote there), put in that order without listing the folders again."""
    from mkdocs.structure.files import _file_sort_key

    if known is not None:
        return in_mkdocs_order(known)
    found: list[str] = []
    pending = [("", docs)]
    while pending:
        prefix, path = pending.pop()
        with os.scandir(path) as scanned:
            entries = list(scanned)
        folders = sorted(entry.name for entry in entries if entry.is_dir())
        names = sorted((e.name for e in entries if not e.is_dir()), key=_file_sort_key)
        if any(posixpath.splitext(name)[0] == "README" for name in names):
            return None
        found.extend(prefix + name for name in names)
        pending.extend(
            (prefix + name + "/", os.path.join(path, name)) for name in reversed(folders)
        )
    return found


def in_mkdocs_order(names: set[str]) -> list[str] | None:
    """`names` (paths of files, "/" between folders) in the order of `docs_listing`."""
    files: dict[str, list[str]] = {}
    folders: dict[str, set[str]] = {}
    for name in names:
        parent, _, base = name.rpartition("/")
        if base.startswith("README") and first_by_stem(base):
            return None
        if parent in files:
            files[parent].append(base)
            continue
        files[parent] = [base]
        while parent:  # a folder seen for the first time: in its parent's folders
            up, _, child = parent.rpartition("/")
            known = up in files
            folders.setdefault(up, set()).add(child)
            files.setdefault(up, [])
            if known:
                break
            parent = up
    found: list[str] = []
    pending = [""]
    while pending:
        folder = pending.pop()
        prefix = folder + "/" if folder else ""
        bases = sorted(files.get(folder, ()))
        first = [base for base in bases if base.startswith("index") and first_by_stem(base)]
        if first:  # MkDocs's _file_sort_key: an index file first
            bases = first + [base for base in bases if base not in first]
        found.extend([prefix + base for base in bases])
        pending.extend(prefix + child for child in sorted(folders.get(folder, ()), reverse=True))
    return found


def first_by_stem(name: str) -> bool:
    """Whether MkDocs sorts the file first in its folder (its name without its extension is
    index or README)."""
    return posixpath.splitext(name)[0] in ("index", "README")


def exclusion(config: Any) -> Callable[[str], bool]:
    """Whether MkDocs leaves a file of docs/ out of the site (hidden files, templates/, and
    mkdocs.yml's `exclude_docs`)."""
    from mkdocs.structure.files import _default_exclude

    given = config.get("exclude_docs")
    if given:
        spec = _default_exclude + given
        return lambda uri: bool(spec.match_file(uri))
    # MkDocs's own patterns, '.*' and '/templates/', without a pattern match per file.
    return lambda uri: uri.startswith("templates/") or uri.startswith(".") or "/." in uri


def is_markdown(uri: str) -> bool:
    """MkDocs's own test (asked for each of tens of thousands of files: looked up once)."""
    return bool(_markdown_test()(uri))


@functools.cache
def _markdown_test() -> Callable[[str], bool]:
    from mkdocs.utils import is_markdown_file

    return is_markdown_file


def page_dest(uri: str) -> str:
    """Where MkDocs writes a page with directory URLs: foo.md to foo/index.html."""
    parent, name = posixpath.split(uri)
    stem = posixpath.splitext(name)[0]
    if stem in ("index", "README"):
        return posixpath.join(parent, "index.html")
    return posixpath.join(parent, stem, "index.html")


def nav_paths(nav: Any, titled: bool = True) -> list[str]:
    """Every string of the navigation (the files it names among them); `titled` False: only
    the files it names without a title ("- a.md", not "- Title: a.md")."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [path for item in nav for path in nav_paths(item, titled)]
    if isinstance(nav, dict):
        values = [v for v in nav.values() if titled or not isinstance(v, str)]
        return [path for value in values for path in nav_paths(value, titled)]
    return []


def make_files(config: Any, uris: list[str], modified: dict[str, bool]) -> Any:
    """MkDocs's files for these paths of docs/, each answering `is_modified` as told."""
    from mkdocs.structure.files import File, Files, set_exclusions

    docs, site = str(config["docs_dir"]), str(config["site_dir"])
    files = Files([File(uri, docs, site, bool(config["use_directory_urls"])) for uri in uris])
    set_exclusions(files, config)
    for file in files:
        if file.src_uri in modified:
            _answer(file, modified[file.src_uri])
    return files


def static_differs(source: str, published: str, known: tuple[int, int] | None = None) -> bool:
    """Whether a static file must be copied: the published one is not the same file (a hard
    link) nor the same bytes. Plain strings and one stat a side: this runs for each of tens of
    thousands of files. `known`: the published file's inode and device, when known (no stat
    of it then when it is the source: the same file)."""
    if known is not None:
        try:
            if snapshot.stat(source)[2:] == known:
                return False
        except OSError:
            return True
    try:
        there, (size, _, inode, device) = os.stat(published), snapshot.stat(source)
    except (OSError, TypeError):
        return True
    same = stat.S_ISREG(there.st_mode) and (
        (there.st_ino, there.st_dev) == (inode, device)
        or (there.st_size == size and filecmp.cmp(source, published, False))
    )
    return not same


def _answer(file: Any, modified: bool) -> None:
    """MkDocs's dirty mode asks `is_modified`; the cache answers for this file."""
    file.is_modified = (lambda: True) if modified else (lambda: False)


_PLAN: list[Plan] = []


@contextmanager
def active(plan: Plan) -> Iterator[Plan]:
    """Let the MkDocs hook consult `plan` during the MkDocs run inside this block, and MkDocs
    take its files from the plan (`Plan.select`) where it can."""
    import mkdocs.commands.build as mkdocs_build

    _PLAN.append(plan)
    mkdocs_log = logging.getLogger("mkdocs.commands.build")
    quiet = _DropDirtyWarning()
    mkdocs_log.addFilter(quiet)
    listing = getattr(mkdocs_build, "get_files")  # noqa: B009 (not exported, for mypy)

    def get_files(config: Any) -> Any:
        chosen = plan.select(config)
        return listing(config) if chosen is None else chosen

    setattr(mkdocs_build, "get_files", get_files)  # noqa: B010
    try:
        yield plan
    finally:
        setattr(mkdocs_build, "get_files", listing)  # noqa: B010
        mkdocs_log.removeFilter(quiet)
        _PLAN.pop()


def current() -> Plan | None:
    return _PLAN[-1] if _PLAN else None


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def written_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def inodes(folder: Path, folders: set[str] | None = None) -> dict[str, int]:
    """Every file under `folder` and its inode number, from the directories alone (no stat);
    `folders`: filled with the path of every folder found, `folder` itself included."""
    found: dict[str, int] = {}
    pending = [("", os.fspath(folder))]
    while pending:
        prefix, path = pending.pop()
        try:
            entries = list(os.scandir(path))
        except FileNotFoundError:
            continue
        if folders is not None:
            folders.add(path)
        for entry in entries:
            name = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                pending.append((name + "/", entry.path))
            else:
                found[name] = entry.inode()
    return found


def assemble(delta: Path, spare: Path, published: Path, expected: set[str]) -> int:
    """Make `spare` the new site: the files this run wrote (in `delta`) moved in, every other
    expected file the published one (a hard link), anything else removed. `spare` is scratch
    space (the site before the published one): whatever it holds, the result is the same.
    A file missing from the published site is a CacheMiss. Returns how many were linked."""
    written = set(written_files(delta))
    wanted = expected | written
    made: set[str] = set()  # the folders there: a site has one per page
    there = inodes(spare, made)
    # Plain strings: this runs for each of tens of thousands of files.
    into, site, new = os.fspath(spare) + "/", os.fspath(published) + "/", os.fspath(delta) + "/"
    emptied = _remove(spare, set(there) - wanted)
    linked = 0
    for name in sorted(wanted):
        target = into + name
        _folder_for(target, made)
        if name in written:
            os.replace(new + name, target)
            continue
        try:
            inode = os.lstat(site + name).st_ino
        except FileNotFoundError:
            raise CacheMiss(f"site/{name} is missing") from None
        if there.get(name) == inode:
            continue
        if name in there:
            os.unlink(target)
        keep(site + name, target)
        linked += 1
    prune(spare, emptied)
    return linked


def _folder_for(target: str, made: set[str]) -> None:
    """The folder `target` goes in, made unless `made` (the folders there) holds it."""
    parent = target.rpartition("/")[0]
    if parent not in made:
        os.makedirs(parent, exist_ok=True)
        made.add(parent)


def mirror(published: Path, spare: Path, listing: Path, folder_times: Path | None = None) -> None:
    """Make `spare` hold the files of `published` and nothing else (hard links: the same
    files), and write their inodes and names to `listing` (`read_listing`): the part of
    `assemble` that does not depend on what the run writes, done in another process while it
    writes. `folder_times`: where to write the device, time and inode of each folder of
    `spare` once it is done (`read_folder_times`), the spare's own aside."""
    folders: set[str] = set()
    there = inodes(spare, folders)
    found = inodes(published)
    into, site = os.fspath(spare) + "/", os.fspath(published) + "/"
    emptied = _remove(spare, there.keys() - found.keys())
    if emptied:
        prune(spare, emptied)
        folders = {folder for folder in folders if os.path.isdir(folder)}
    for name in sorted(found):
        if there.get(name) == found[name]:
            continue
        target = into + name
        _folder_for(target, folders)
        if name in there:
            os.unlink(target)
        elif os.path.isdir(target) and not os.path.islink(target):
            shutil.rmtree(target)  # a folder (empty, or its files gone above) where it goes
        keep(site + name, target)
    # NUL between fields: a file's name may hold any other character
    listing.write_bytes(b"".join(f"{found[name]}\0{name}\0".encode() for name in sorted(found)))
    if folder_times is not None:
        write_folder_times(folder_times, spare, folders)


def read_listing(listing: Path) -> dict[str, int]:
    """The published files and their inodes as `mirror` listed them."""
    fields = listing.read_bytes().decode("utf-8").split("\0")[:-1]
    return {name: int(inode) for inode, name in zip(fields[::2], fields[1::2], strict=True)}


#: A folder's device, time and inode (what the record of site/'s folders holds of each).
FolderTime = tuple[int, int, int]


def folder_times(root: str, names: Iterable[str]) -> dict[str, FolderTime]:
    """The device, time and inode of each folder `names` names under `root` ("a/b/", "/"
    after each; "" is `root` itself); a folder that is not there is left out."""
    found: dict[str, FolderTime] = {}
    for name in names:
        try:
            info = os.lstat(root + name)
        except (FileNotFoundError, NotADirectoryError):
            continue
        if stat.S_ISDIR(info.st_mode):
            found[name] = (info.st_dev, info.st_mtime_ns, info.st_ino)
    return found


def write_folder_times(path: Path, spare: Path, folders: Set[str]) -> None:
    """The times of the folders of `spare` once `mirror` is done with it: `folders` holds
    those it found or made (absolute paths); the ones it made with their parents are added,
    the ones it removed are left out. The spare itself is not listed (its time changes as
    it is published)."""
    base = os.fspath(spare)
    names: set[str] = set()
    for folder in folders:
        if folder != base and folder.startswith(base + "/"):
            names.update(ancestors(folder[len(base) + 1 :] + "/"))
    times = folder_times(base + "/", names)
    path.write_bytes(
        b"".join(
            f"{device}\0{mtime}\0{inode}\0{name}\0".encode()
            for name, (device, mtime, inode) in sorted(times.items())
        )
    )


def read_folder_times(path: Path) -> dict[str, FolderTime]:
    """The folders' times `write_folder_times` wrote, by their names under the spare."""
    fields = path.read_bytes().decode("utf-8").split("\0")[:-1]
    if len(fields) % 4:
        raise ValueError(f"{path}: not a listing of folders")
    return {
        fields[at + 3]: (int(fields[at]), int(fields[at + 1]), int(fields[at + 2]))
        for at in range(0, len(fields), 4)
    }


def ancestors(name: str) -> list[str]:
    """A folder's name ("a/b/c/") and its parents' ("a/b/", "a/"), not the root's ("")."""
    found = []
    while name:
        found.append(name)
        name = name[: name.rstrip("/").rfind("/") + 1]
    return found


def assemble_mirrored(
    delta: Path, spare: Path, expected: set[str], names: Set[str], written: list[str]
) -> set[str]:
    """`assemble` once `mirror` made `spare` a copy of the published site, whose files are
    `names`: the files this run wrote (`written`, in `delta`) moved in, the published files
    not expected removed. Returns the folders this may have changed (made, removed, or a
    file moved in or out of them: "a/b/", their parents too)."""
    wanted = expected | set(written)
    missing = sorted(wanted - set(written) - names)
    if missing:
        raise CacheMiss(f"site/{missing[0]} is missing")
    into, new = os.fspath(spare) + "/", os.fspath(delta) + "/"
    removed = names - wanted
    emptied = _remove(spare, removed)
    made: set[str] = set()
    for name in written:
        target = into + name
        _folder_for(target, made)
        os.replace(new + name, target)
    prune(spare, emptied)
    changed: set[str] = set()
    for name in (*written, *removed):
        changed.update(ancestors(name[: name.rfind("/") + 1]))
    return changed


def _remove(spare: Path, names: Set[str]) -> set[Path]:
    """Remove these files of `spare`; the folders they were in (for `prune`)."""
    into = os.fspath(spare) + "/"
    for name in sorted(names):
        os.unlink(into + name)
    return {(spare / name).parent for name in names}


def prune(root: Path, emptied: set[Path]) -> None:
    for start in sorted(emptied, reverse=True):
        folder = start
        while (
            folder != root
            and folder.is_relative_to(root)
            and folder.is_dir()
            and not any(folder.iterdir())
        ):
            folder.rmdir()
            folder = folder.parent


def keep(published: str | Path, target: str | Path) -> None:
    """A hard link to the published file; a copy where the file system has no links."""
    try:
        os.link(published, target)
    except OSError as error:
        if error.errno not in NO_LINKS:
            raise
        shutil.copyfile(published, target)


SPARE = CACHE_DIR + "/spare-site"
RENAME_EXCHANGE = 2
AT_FDCWD = -100


def exchange(one: Path, other: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where the system cannot."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        swap = libc.renameat2
    except (OSError, AttributeError):
        return False
    done = swap(AT_FDCWD, bytes(one), AT_FDCWD, bytes(other), RENAME_EXCHANGE)
    return bool(done == 0)


def publish(new: Path, site: Path, spare: Path) -> None:
    """`new` becomes site/, in one atomic exchange where the system allows it (else two
    renames). After an incremental build (`new` is `spare`) the site it replaces is kept as
    the next spare; after a full build it is deleted, and so is the spare (whose files are
    the old site's): the next incremental build starts a spare from the new site. A site/
    that cannot be replaced (a mount point, no permission) is a BuildError, left as it was."""
    new.chmod(0o755)  # mkdtemp makes 0700; the published folder is for everyone to read
    try:
        if not site.exists():
            new.rename(site)
            return
        spare.parent.mkdir(parents=True, exist_ok=True)
        aside = None
        if not exchange(new, site):
            aside = site.with_name(f".site-old-{os.getpid()}")
            site.rename(aside)
            try:
                new.rename(site)
            except OSError:
                aside.rename(site)
                raise
    except OSError as error:
        raise BuildError(
            f"{site}: cannot be replaced by the new build ({error}); it is left as it was"
        ) from error
    if aside is not None:
        aside.rename(new)  # the replaced site: the next spare, or deleted below
    if new != spare:
        shutil.rmtree(new)
        shutil.rmtree(spare, ignore_errors=True)
