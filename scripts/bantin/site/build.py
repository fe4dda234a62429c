"""`bantin build` as named stages: convert, catalogue, registry, pages, MkDocs, search, checks,
swap. The new site is built in a temporary folder beside site/ and replaces it only when every
stage and check succeeded, so a failed build leaves the published site exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence, Set
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console

from bantin import snapshot, store
from bantin.exceptions import BuildError, Problems
from bantin.metadata import License, parse_license
from bantin.pipeline import default_workers
from bantin.search.update import keep_pending, published_files
from bantin.site import (
    cachedb,
    checks,
    citecache,
    exports,
    forked,
    generate,
    incremental,
    oai,
    registry,
    split,
    unchanged,
    urls,
)
from bantin.site.meta import CiteApi, SiteInfo
from bantin.site.mkdocs_hook import SEPARATE_INDEX
from bantin.site.registry import REGISTRY_NAME

log = logging.getLogger("bantin.site")

SITE_NAME = "site"


@dataclass(frozen=True)
class BuildOptions:
    """What the person asked for on the command line."""

    root: Path
    keep_going: bool = False
    force: bool = False
    clean: bool = False
    convert: bool = True
    config_file: str = "mkdocs.yml"
    render_processes: int | None = None  # MkDocs pages rendered by this many; None: one per core


@dataclass
class Services:
    """The parts of bantin the build calls, in one place so tests can supply their own."""

    load_catalogue: Callable[[Path], Any]
    cite: CiteApi
    convert_sources: Callable[..., Any] | None = None
    build_index: Callable[..., Any] | None = None
    #: Writes the index updating the published one in place (bantin.search.update.index_site);
    #: without it the index is written in full by build_index.
    update_index: Callable[..., Any] | None = None


@dataclass
class BuildResult:
    articles: int = 0
    added_urls: list[str] = field(default_factory=list)
    redirects: int = 0
    problems: Problems = field(default_factory=Problems)

    @property
    def ok(self) -> bool:
        return not self.problems


def default_services() -> Services:
    """The real modules; a missing optional one (search) only skips its stage."""
    import bantin.cite as cite
    from bantin.pipeline import convert_sources

    services = Services(cached_catalogue, cite, convert_sources, search_indexer())
    if services.build_index is not None:
        from bantin.search.update import index_site

        services.update_index = index_site
    return services


def cached_catalogue(docs: Path) -> Any:
    """The catalogue, with the front matter of unchanged articles from the build cache (made
    by this very bantin: another version may read articles differently), one row an article
    in its database (bantin.site.cachedb)."""
    from bantin.catalogue import load_catalogue

    return load_catalogue(docs, cachedb.CatalogueTable(docs.parent, incremental.code_identity()))


def search_indexer() -> Callable[..., Any] | None:
    try:
        from bantin.search import build_index
    except ImportError:
        log.warning("bantin.search is not available: the site is built without a search index")
        return None
    found: Callable[..., Any] = build_index
    return found


class Stages:
    """Prints each stage as it runs and how long it took (rich, on stderr)."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)

    @contextmanager
    def stage(self, name: str, spinner: bool = True) -> Iterator[None]:
        """`spinner=False` for stages that fork worker processes (no refresh thread then)."""
        start = time.monotonic()
        if spinner:
            with self.console.status(f"{name}…"):
                yield
        else:
            self.console.print(f"[dim]…[/dim] {name}")
            yield
        self.console.print(f"[green]✓[/green] {name} [dim]({time.monotonic() - start:.1f} s)[/dim]")


def entries_of(catalogue: Any) -> list[urls.Entry]:
    entries = getattr(catalogue, "entries", catalogue)
    return list(entries)


def build_epoch(entries: Sequence[urls.Entry], lastmods: Mapping[str, str] | None = None) -> str:
    """SOURCE_DATE_EPOCH if set, else the newest day an article was published or changed
    (from the registry): never the clock."""
    given = os.environ.get("SOURCE_DATE_EPOCH")
    if given:
        return given
    days = [e.front.published_day for e in entries]
    days += [dt.date.fromisoformat(day) for day in (lastmods or {}).values() if day]
    newest = max(days, default=dt.date(1970, 1, 1))
    return str(int(dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.UTC).timestamp()))


@contextmanager
def environment(name: str, value: str) -> Iterator[None]:
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            del os.environ[name]
        else:
            os.environ[name] = before


def load_mkdocs_config(root: Path, config_file: str, site_dir: Path) -> Any:
    from mkdocs.config import load_config

    from bantin.site import mkdocs_hook

    # The installed package's hook, not the path in mkdocs.yml (which only exists in the
    # repository), so an archive kept in any folder builds the same way.
    hook = str(Path(mkdocs_hook.__file__))
    try:
        return load_config(
            str(root / config_file), site_dir=str(site_dir), strict=True, hooks=[hook]
        )
    except (SystemExit, Exception) as error:  # MkDocs's Abort is a SystemExit
        raise BuildError(f"{root / config_file}: configuration error ({error})") from error


def check_docs_dir(config: Any, docs: Path, config_file: Path) -> None:
    """MkDocs must publish the docs/ bantin writes and checks, not another folder."""
    given = Path(str(config["docs_dir"])).resolve()
    if given != docs.resolve():
        raise BuildError(
            f"{config_file}: docs_dir is {given}; bantin builds the site from {docs} only"
        )


def run_mkdocs(config: Any, epoch: str, processes: int = 1, dirty: bool = False) -> None:
    """MkDocs in strict mode; any warning aborts the build. With `processes` > 1 the pages
    are rendered by that many processes (bantin.site.split); `dirty`: MkDocs renders only the
    pages the active incremental plan names (bantin.site.incremental)."""
    from mkdocs.commands.build import build as mkdocs_build

    mkdocs_logger = logging.getLogger("mkdocs")
    level = mkdocs_logger.level
    mkdocs_logger.setLevel(max(level, logging.WARNING) if level else logging.WARNING)
    try:
        with (
            environment("SOURCE_DATE_EPOCH", epoch),
            environment(SEPARATE_INDEX, "1"),
            split.allowed(processes),
            collections_every(USUAL_COLLECTIONS),
        ):
            try:
                mkdocs_build(config, dirty=dirty)
            finally:
                split.leave_if_copy()
    except SystemExit as error:
        raise BuildError(f"mkdocs build failed: {error}") from error
    except Exception as error:
        raise BuildError(f"mkdocs build failed: {error}") from error
    finally:
        mkdocs_logger.setLevel(level)


#: How much lower the search index process's scheduling priority is (parallel_search_index).
SEARCH_NICENESS = 10
#: How much lower the priority of the processes a rebuild starts beside itself is (the search
#: index updated in place, the citations, the spare site). Each is short and has time to
#: spare before the build needs it: on a two-core machine the build then keeps a core to
#: itself (a correction at 10,000 articles: 5.8 s against 6.5 s, the medians of six runs
#: each). Not lower: on a machine busy with other work the build would wait for them.
REBUILD_NICENESS = 5


def run_search_index(index: Callable[[], Any]) -> None:
    """The search index goes into the new site; any failure stops the build with its reason."""
    try:
        index()
    except BuildError:
        raise
    except Exception as error:
        raise BuildError(f"search index failed: {type(error).__name__}: {error}") from error


@contextmanager
def parallel_search_index(
    work: Callable[[Path], None] | None, root: Path, site_dir: Path, niceness: int = SEARCH_NICENESS
) -> Iterator[None]:
    """Index for search in a second process while this one writes pages and runs MkDocs.

    The index needs only the catalogue, not MkDocs's output, and MkDocs uses one core: on a
    two-core machine the search index then costs almost no wall time. `work(out)` writes it to
    its own folder (MkDocs empties the site folder when it starts), moved in once both are done.
    `niceness`: how much lower its priority is (SEARCH_NICENESS for a whole index; an update
    in place is short and the build waits for it: REBUILD_NICENESS).
    """
    if work is None:
        yield
        return
    out = Path(tempfile.mkdtemp(dir=root, prefix=".search-build-"))
    # The citations are needed before MkDocs renders its templates, the index only at the
    # end: on a busy machine the scheduler serves the citations first.
    worker = forked.start(lambda: work(out), out / "failure.txt", "search index", niceness=niceness)
    try:
        yield
        worker.wait()
        move_tree(out, site_dir)
    finally:
        worker.stop()
        shutil.rmtree(out, ignore_errors=True)


SEARCH_MEMO = incremental.CACHE_DIR + "/search.memo"


def search_work(
    services: Services,
    catalogue: Any,
    site: SiteInfo,
    plan: incremental.Plan,
    root: Path,
    temp: Path,
) -> Callable[[Path], None] | None:
    """What the search index process runs: an update in place of the published index when the
    build is incremental (and the memo allows), else the whole index."""
    if services.update_index is not None:
        update, docs, known = services.update_index, root / "docs", plan.digests.known
        site_id = incremental.folder_id(temp)

        def updated(out: Path) -> None:
            digests = incremental.Digests(known)

            def digest_of(entry: urls.Entry) -> str:
                """What the article's search entry is made from: the digest of what its page
                shows (its URL is beside it), known from the catalogue cache without reading
                the file; else its Markdown's digest."""
                shown = getattr(entry, "content_sha256", None)
                if isinstance(shown, str) and shown:
                    return "shown:" + shown
                uri = str(entry.path).replace(os.sep, "/")
                return digests.of(uri, str(docs / uri))

            def index() -> Any:
                return update(catalogue, out, plan.old_site, root / SEARCH_MEMO, digest_of, site_id)

            run_search_index(index)

        return updated
    indexer = services.build_index
    if indexer is None:
        return None
    return lambda out: run_search_index(lambda: indexer(catalogue, out, site.site_url))


def move_tree(source: Path, target: Path) -> None:
    """Move every file of `source` to the same place under `target`, merging folders."""
    for path in sorted(source.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)


def convert_stage(
    options: BuildOptions, services: Services, result: BuildResult, watch: unchanged.Watch
) -> None:
    if not options.convert or services.convert_sources is None:
        return
    if watch.sources_unchanged:
        log.info("sources unchanged since the last build: nothing to convert")
        return
    watch.converted_now = True
    try:
        report = services.convert_sources(
            options.root, options.root / "docs", force=options.force, keep_going=options.keep_going
        )
    finally:
        snapshot.forget_under(os.fspath(watch.root / "docs"))  # conversion wrote there
    watch.removed.update("docs/" + name for name in getattr(report, "removed", []))
    found = list(getattr(report, "problems", []) or [])
    for problem in found:
        result.problems.items.append(getattr(problem, "problem", problem))
    if found and not options.keep_going:
        raise BuildError(f"conversion found {len(found)} problem(s); the site was not rebuilt")


def site_info(config: Any) -> SiteInfo:
    site_url = str(config["site_url"] or "http://127.0.0.1:8000/")
    extra = config.get("extra") or {}
    return SiteInfo(
        site_url if site_url.endswith("/") else site_url + "/",
        str(config["site_name"]),
        site_license(extra.get("license"), config.get("config_file_path") or "mkdocs.yml"),
    )


def site_license(value: Any, config_file: str) -> License | None:
    """mkdocs.yml's `extra.license`: a URL or a name, or a mapping with `name` and `url`."""
    try:
        return parse_license(value)
    except ValueError as error:
        raise BuildError(f"{config_file}: extra.license: {error}") from error


def clean_generated(root: Path, docs: Path) -> None:
    """`--clean`: forget every generated file and the citation cache; all is made afresh."""
    snapshot.forget_under(os.fspath(docs))
    folder = exports.Folder(docs)
    for name in generate.previous_list(docs):
        if name:
            folder.path(name).unlink(missing_ok=True)
    (docs / generate.LIST_NAME).unlink(missing_ok=True)
    (root / generate.CACHE_NAME).unlink(missing_ok=True)
    incremental.forget(root)


#: What must be a folder when it exists.
FOLDERS = (
    "sources",
    "docs",
    ".cache",
    ".cache/bantin",
    incremental.CACHE_DIR,
    SITE_NAME,
)
#: Folders whose files MkDocs publishes as they are (the pages, and the theme's overrides).
PUBLISHED_DIRS = ("docs", "overrides")


def check_project(root: Path) -> None:
    """Refuse, before anything is written, a project whose written paths lead out of it, or
    whose published folders link to files elsewhere."""
    store.refuse_links_out(root)
    for name in FOLDERS:
        path = root / name
        if os.path.lexists(path) and not path.is_dir():
            raise BuildError(f"{path}: is not a folder; move it away (bantin needs a folder there)")
    site = root / SITE_NAME
    if site.is_symlink():
        raise BuildError(
            f"{site}: is a symbolic link; bantin replaces site/ by renaming a new build into "
            "place, so it must be a real folder (publish from site/, or copy it elsewhere)"
        )
    for name in (incremental.CACHE_DIR, incremental.SPARE):
        if (root / name).is_symlink():
            raise BuildError(
                f"{root / name}: is a symbolic link; the build cache is written and replaced "
                "there, so it must be a real folder (remove the link)"
            )


def refuse_links_leaving(
    root: Path, name: str, scanned: tuple[list[Path], list[Path]] | None = None
) -> list[Path]:
    """MkDocs copies what a symbolic link points to into the site: a link in docs/ (or the
    theme's overrides/) to a file outside that folder (a key, `.env`) would publish it.
    Returns the temporary files a killed write left there. `scanned`: the folder's links and
    temporary files as the build's walk of its inputs found them (else it is scanned)."""
    folder = root / name
    if not folder.is_dir() or folder.is_symlink():
        return []
    base = folder.resolve()
    links, temps = scan(folder) if scanned is None else (sorted(scanned[0]), sorted(scanned[1]))
    found = [
        f"{path.relative_to(root)} -> {path.resolve()}"
        for path in links
        if not path.resolve().is_relative_to(base)
    ]
    if found:
        raise BuildError(
            f"{folder}: symbolic link(s) to files outside {name}/, which MkDocs would publish; "
            "copy what they point to into the folder or remove them:\n  " + "\n  ".join(found)
        )
    return temps


#: The temporary files of an atomic write (store.write_atomic, generate.write_atomic).
TEMP_FILE = unchanged.TEMP_FILE


def scan(folder: Path) -> tuple[list[Path], list[Path]]:
    """Every symbolic link under folder (links to folders are not entered), and every
    temporary file of an interrupted write, sorted."""
    links: list[Path] = []
    temps: list[Path] = []
    pending = [folder]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_symlink():
                    links.append(Path(entry.path))
                elif entry.is_dir():
                    pending.append(Path(entry.path))
                elif TEMP_FILE.match(entry.name):
                    temps.append(Path(entry.path))
    return sorted(links), sorted(temps)


def build_site(
    options: BuildOptions, services: Services | None = None, stages: Stages | None = None
) -> BuildResult:
    """Run every stage; raise BuildError (site/ untouched) on the first failing one."""
    root = options.root.resolve()
    check_project(root)
    stages = stages or Stages()
    with store.project_lock(root), collections_every(BUILD_COLLECTIONS):
        watch = unchanged.Watch(
            root, unchanged.options_of(options.config_file, options.keep_going, options.convert)
        )
        with stages.stage("Kiểm tra thay đổi (what changed)"):
            last = watch.start(trust=not (options.clean or options.force))
        if last is not None:
            return nothing_changed(last, stages)
        seen = watch.seen
        temps = [
            temp
            for name in PUBLISHED_DIRS
            for temp in refuse_links_leaving(
                root, name, (seen.links, seen.temps) if name == "docs" else None
            )
        ]
        remove_leftovers(root, temps)
        with collector_spared():
            with snapshot.taken(seen):
                result = build_locked(options, services or default_services(), stages, root, watch)
            if result.ok:
                spare_from_collector()  # else the record's allocations make it walk them all
                watch.record(watch.theme_dir, result.articles, result.redirects)
        return result


def nothing_changed(last: dict[str, Any], stages: Stages) -> BuildResult:
    """No input changed since the last build: its site/ is the one this build would make."""
    message = "nothing changed since the last build: site/ is kept as it is"
    log.info(message)
    stages.console.print(f"[dim]…[/dim] Không có gì thay đổi ({message})")
    articles, redirects = int(last.get("articles", 0)), int(last.get("redirects", 0))
    return BuildResult(articles=articles, redirects=redirects)


#: Folders a build makes in the project root while it runs (see build_locked).
LEFTOVERS = (".site-build-*", ".search-build-*", ".site-old-*")


def remove_leftovers(root: Path, temps: Sequence[Path] = ()) -> None:
    """Remove the temporary folders and files a killed build left (safe: the lock is held)."""
    found = [
        path
        for pattern in LEFTOVERS
        for path in sorted(root.glob(pattern))
        if path.is_dir() and not path.is_symlink()
    ]
    for path in found:
        shutil.rmtree(path)
    for temp in temps:
        temp.unlink(missing_ok=True)
        snapshot.removed(os.fspath(temp))
    if found or temps:
        log.info(
            "%s: removed %d folder(s) and %d temporary file(s) a stopped build left behind",
            root,
            len(found),
            len(temps),
        )


def build_locked(
    options: BuildOptions,
    services: Services,
    stages: Stages,
    root: Path,
    watch: unchanged.Watch | None = None,
) -> BuildResult:
    """The stages of build_site, once the project is checked and locked."""
    return build_stages(options, services, stages, root, watch)


#: Python's own thresholds of its cyclic collector (as the process started with them).
USUAL_COLLECTIONS = gc.get_threshold()
#: The thresholds while the build lists, reads and writes what lives until it ends (the
#: listing of every input, the catalogue, the caches, the generated pages): a collection per
#: 50,000 objects made in place of 700, a full one (which walks every object) far more
#: rarely. Almost nothing those stages make is cyclic garbage, and the usual thresholds had
#: a rebuild at 10,000 articles collect for 0.3 to 0.5 s of its 5.5 s. MkDocs, which makes
#: and drops each page's objects, runs with the usual ones.
BUILD_COLLECTIONS = (50_000, 50, 1_000)


@contextmanager
def collections_every(thresholds: tuple[int, int, int]) -> Iterator[None]:
    """Python's cyclic collector at these thresholds inside the block (then as it was)."""
    before = gc.get_threshold()
    gc.set_threshold(*thresholds)
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextmanager
def collector_spared() -> Iterator[None]:
    """The build's large structures (the catalogue, the pages' template data, the CSL items,
    MkDocs's files and pages) live until it ends, and Python's collector would walk all of
    them again in each of its full collections. The build calls `spare_from_collector` once
    each is made; when the build ends (or fails) the collector gets them all back."""
    try:
        yield
    finally:
        gc.unfreeze()


def give_back_memory() -> bool:
    """Hand the memory the build freed back to the system (glibc keeps what it freed in its
    heap and would count it in the process's size until the process ends; the pages stage
    leaves some 450 MB of it at 10,000 articles, before MkDocs reads every page). Whether
    anything could be asked: not where the C library has no `malloc_trim`."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """The C library's `malloc_trim`, looked up once among the process's own symbols (no
    search for the library on disk); None where there is none."""
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    return trim


def spare_from_collector() -> None:
    """Everything alive now lives until the build ends: the collector's collections leave it
    out (and worker processes forked later do not copy the memory pages it is in)."""
    gc.freeze()


def build_stages(
    options: BuildOptions,
    services: Services,
    stages: Stages,
    root: Path,
    watch: unchanged.Watch | None = None,
) -> BuildResult:
    docs, result = root / "docs", BuildResult()
    watch = watch or unchanged.Watch(root, {})
    if options.clean:
        clean_generated(root, docs)
    with stages.stage("Chuyển đổi nguồn (convert sources)"):
        convert_stage(options, services, result, watch)
    watch.catalogue_ns = time.time_ns()
    with stages.stage("Đọc danh mục bài (catalogue)"):
        catalogue = services.load_catalogue(docs)
        entries = entries_of(catalogue)
        result.articles = len(entries)
    spare_from_collector()
    with stages.stage("Kiểm tra địa chỉ đã công bố (URL registry)"):
        published, changes = registry.read_published(root / REGISTRY_NAME)
        check = registry.check_registry(published, entries, changes)
        if check.problems:
            raise BuildError(f"{REGISTRY_NAME}:\n{check.problems.summary()}")
    build = SiteBuild(options, services, stages, root, catalogue, entries, check, watch)
    try:
        build.run("--clean" if options.clean else "")
    except incremental.CacheMiss as miss:
        build.run(f"{miss}")
    registry.write_registry(root / REGISTRY_NAME, check)
    result.added_urls, result.redirects = check.added, len(check.redirects)
    return result


@dataclass
class SiteBuild:
    """The stages that make the new site from the catalogue, in full or incrementally."""

    options: BuildOptions
    services: Services
    stages: Stages
    root: Path
    catalogue: Any
    entries: list[urls.Entry]
    check: registry.RegistryCheck
    watch: unchanged.Watch

    def plan(self, config: Any, site: SiteInfo, full: str) -> incremental.Plan:
        """Incremental when the cache vouches for site/; else full, and the log says why."""
        inputs = incremental.global_inputs(
            self.root, self.options.config_file, config, site.site_url
        )
        state = None if full else incremental.read_state(self.root)
        published = self.root / SITE_NAME
        reason = full or incremental.why_full(state, inputs, published)
        if reason:
            log.info("full build: %s", reason)
            self.stages.console.print(f"[dim]…[/dim] Dựng lại toàn bộ (full build): {reason}")
            plan = incremental.Plan(inputs)
        else:
            plan = incremental.Plan(inputs, state, published)
        plan.digests = incremental.Digests(state.digests if state else {})
        plan.always = {urls.md_path(r.old) for r in self.check.redirects}
        plan.progress = self.progress
        return plan

    def progress(self, done: int, total: int) -> None:
        step = max(1, total // 10)
        if total >= PROGRESS_MIN and (done % step == 0 or done == total):
            self.stages.console.print(f"[dim]  {done:,}/{total:,} trang (pages)[/dim]")

    def run(self, full: str) -> None:
        """Build into a temporary folder beside site/ and swap it in; site/ is untouched on
        any failure."""
        root, entries, services, stages = self.root, self.entries, self.services, self.stages
        docs = root / "docs"
        temp = Path(tempfile.mkdtemp(dir=root, prefix=".site-build-"))
        spare = root / incremental.SPARE
        mirroring: Mirroring | None = None
        try:
            config = load_mkdocs_config(root, self.options.config_file, temp)
            check_docs_dir(config, docs, root / self.options.config_file)
            custom_dir = config["theme"].custom_dir
            self.watch.theme_dir = str(custom_dir) if custom_dir else None
            site = site_info(config)
            plan = self.plan(config, site, full)
            # The folder that becomes site/: this run's output for a full build; for an
            # incremental one the previous site, brought up to date (incremental.assemble).
            target = temp
            if plan.incremental:
                if os.path.lexists(spare) and not spare.is_dir():
                    spare.unlink()  # scratch space: whatever is there, the site is the same
                spare.mkdir(parents=True, exist_ok=True)
                target = spare
                mirroring = start_mirror(plan, spare, root)
            items = generate.csl_items(entries, services.cite, site, incremental.code_identity())
            spare_from_collector()
            # The search index needs only the catalogue and the formatted citations only the
            # CSL items: both are made in other processes while this one writes the pages and
            # runs MkDocs (the hook waits for the citations before MkDocs renders templates).
            with (
                parallel_search_index(
                    search_work(services, self.catalogue, site, plan, root, target),
                    root,
                    temp,
                    REBUILD_NICENESS if plan.incremental else SEARCH_NICENESS,
                ),
                citecache.formatted_in_background(
                    services.cite,
                    root / generate.CACHE_NAME,
                    items,
                    REBUILD_NICENESS if plan.incremental else 0,
                ),
            ):
                with stages.stage("Tạo trang mục lục, trích dẫn, nguồn tin (pages)", spinner=False):
                    extra = [registry.redirect_page(r) for r in self.check.redirects]
                    memo = generate.ArticleMemo.open(
                        root,
                        incremental.sha256(repr(plan.inputs).encode()),
                        plan.incremental,
                        self.watch.input_folders(),
                    )
                    harvest = oai.HarvestSettings.from_config(config["extra"])
                    lastmods = self.check.lastmods
                    made = generate.site_files(
                        entries, services.cite, site, root, extra, items, memo, harvest, lastmods
                    )
                    authored = {str(e.path) for e in entries}
                    plan.page_data = generate.write_site_files(
                        docs, made, authored, root / generate.PAGE_INDEX
                    )
                    memo.save(root, docs)
                    del made
                    forget_blocks(entries)
                    spare_from_collector()
                    give_back_memory()
                if mirroring is not None:
                    plan.published = mirroring.result()
                processes = self.options.render_processes or default_workers()
                with (
                    stages.stage("MkDocs (strict)", spinner=processes < 2),
                    incremental.active(plan),
                ):
                    epoch = build_epoch(entries, lastmods)
                    try:
                        run_mkdocs(config, epoch, processes, plan.incremental)
                    except BuildError as error:
                        unknown_links(plan, error)
                        stale_records(plan, error)
                        raise
                    unknown_links(plan)
                    self.say_rendered(plan)
                    give_back_memory()
                stages.console.print("[dim]…[/dim] Chỉ mục tìm kiếm (search index)")
            written = None
            changed_folders: set[str] | None = None
            if plan.old_site is not None:
                written = incremental.written_files(temp)
                plan.expected.update(published_files(temp, plan.old_site))
                with stages.stage("Giữ các tệp không đổi (keep unchanged files)"):
                    names = plan.published
                    try:
                        if names is None:
                            incremental.assemble(temp, target, plan.old_site, plan.expected)
                        else:
                            changed_folders = incremental.assemble_mirrored(
                                temp, target, plan.expected, names.keys(), written
                            )
                    except (IsADirectoryError, NotADirectoryError, FileExistsError) as error:
                        raise incremental.CacheMiss(f"{incremental.SPARE}: {error}") from error
            with stages.stage("Kiểm tra site (checks)", spinner=False):
                article_urls = [e.url for e in entries]
                problems = checks.check_site(target, site.site_url, article_urls, written)
                if problems:
                    raise BuildError(f"the built site failed its checks:\n{problems.summary()}")
            with stages.stage("Thay site/ (atomic swap)"):
                incremental.write_state(root, plan.state(target))
                keep_pending(root / SEARCH_MEMO)
                incremental.publish(target, root / SITE_NAME, spare)
            if mirroring is not None and changed_folders is not None:
                self.watch.site_folders = mirroring.site_folders(root / SITE_NAME, changed_folders)
        finally:
            if mirroring is not None:
                mirroring.stop()
            if temp.exists():
                shutil.rmtree(temp)

    def say_rendered(self, plan: incremental.Plan) -> None:
        if plan.incremental:
            message = f"{len(plan.render):,}/{len(plan.pages):,} trang dựng lại (pages rendered)"
        else:
            message = f"{len(plan.pages):,} trang (pages rendered)"
        log.info("MkDocs: %s", message)
        self.stages.console.print(f"[dim]  {message}[/dim]")


@dataclass
class Mirroring:
    """The spare site made a copy of the published one (`incremental.mirror`) in a forked
    process while the build writes its pages; `result` is None when that failed (the build
    then assembles the site in full, `incremental.assemble`)."""

    worker: forked.Forked
    folder: Path

    #: The times of the spare's folders when the mirror was done (`read_folder_times`).
    times: dict[str, tuple[int, int, int]] | None = None

    def result(self) -> dict[str, int] | None:
        try:
            self.worker.wait()
            listing = incremental.read_listing(self.folder / MIRROR_LIST)
        except (BuildError, OSError, ValueError) as error:
            log.info("the spare site was not brought up to date beforehand (%s)", error)
            return None
        else:
            try:
                self.times = incremental.read_folder_times(self.folder / MIRROR_FOLDERS)
            except (OSError, ValueError):
                self.times = None  # site/'s folders are listed at the end
            return listing
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def site_folders(self, site: Path, changed: Set[str]) -> dict[str, tuple[int, int, int]] | None:
        """site/'s folders and their times (as `unchanged.list_site` lists them) once the
        spare the mirror brought up to date is published: the times the mirror recorded, those
        of the `changed` folders and of site/ itself looked at again; None when the mirror
        left none (site/ is listed then)."""
        if self.times is None:
            return None
        times = dict(self.times)
        base = os.fspath(site) + "/"
        for name in changed:
            times.pop(name, None)
        times.update(incremental.folder_times(base, changed))
        times.update(incremental.folder_times(base, [""]))
        return {SITE_NAME + "/" + name: value for name, value in times.items()}

    def stop(self) -> None:
        self.worker.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


MIRROR_LIST = "published.txt"
#: Where the mirror writes the times of the spare's folders once it is done with it.
MIRROR_FOLDERS = "folders.txt"


def start_mirror(plan: incremental.Plan, spare: Path, root: Path) -> Mirroring | None:
    """Bring the spare site up to the published one in another process, from now on."""
    if plan.old_site is None:
        return None
    published = plan.old_site
    folder = None
    try:
        folder = Path(tempfile.mkdtemp(dir=root, prefix=".site-build-"))
        listing = folder / MIRROR_LIST
        times = folder / MIRROR_FOLDERS
        worker = forked.start(
            lambda: incremental.mirror(published, spare, listing, times),
            folder / "failure.txt",
            "the spare site",
            niceness=REBUILD_NICENESS,
        )
    except OSError as error:  # no process or folder to spare: assembled at the end
        log.info("the spare site is brought up to date at the end (%s)", error)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        return None
    return Mirroring(worker, folder)


def forget_blocks(entries: Sequence[urls.Entry]) -> None:
    """Once the pages are written, the articles' text read for them is let go before MkDocs
    reads the pages itself (a build from scratch holds every article's blocks until then):
    an article whose blocks are asked for again reads them from its file."""
    for entry in entries:
        if getattr(entry, "file", None) is not None and getattr(entry, "read_blocks", None):
            getattr(entry, "content_sha256", None)  # what the registry records, from this text
            object.__setattr__(entry, "read_blocks", None)


def unknown_links(plan: incremental.Plan, error: BaseException | None = None) -> None:
    """A page linked to a file MkDocs was not given (it had not linked to it before): what
    MkDocs made of it may not be what a full build makes, which this build starts instead."""
    if plan.missing:
        link = sorted(plan.missing)[0]
        raise incremental.CacheMiss(f"a page now links to {link}") from error


def stale_records(plan: incremental.Plan, error: BaseException) -> None:
    """A page's record kept in docs/.bantin-pages.json was not the one the build cache
    described: nothing of the cache's layout is trusted, the build starts again in full."""
    stale = plan.page_data.stale if plan.page_data is not None else []
    if stale:
        raise incremental.CacheMiss(
            f"{generate.PAGE_DATA_NAME}: the record of {stale[0]} is not the one the build "
            "cache describes"
        ) from error


#: Builds that render fewer pages than this show no progress lines.
PROGRESS_MIN = 200
