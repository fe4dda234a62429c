"""Nothing changed since the last build: `bantin build` returns at once, site/ as it is.

After each successful build the build cache records `.cache/build/inputs.json`: one digest of
every input of the build as the file system describes it (path, size, time, inode of each file
under sources/ and docs/, the files bantin generates there too; mkdocs.yml, the
theme's overrides, the URL registry, bantin's own files; the versions of bantin, Python and
the rendering packages; the environment variables the build reads; the options), and of the
published site/ (the time of each of its folders, which a removed or added file changes). The
next build computes the same digest first; when it is the recorded one, no input can have
changed and the site the last build published is the one a build would make again.

The record is written only when the build can vouch for it: the inputs read at the start are
the ones found at the end, except for the files the build writes itself (the generated pages,
bantin's lists, the articles it converted before reading the catalogue). A file changed while
the build ran, or moments before it started (within a file time's resolution), leaves no
record, so the next build does its work again. Any build that does not return at once forgets
the record first: a build that fails or is killed leaves none.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from bantin import snapshot, store
from bantin.site import generate, incremental
from bantin.site.registry import REGISTRY_NAME

log = logging.getLogger("bantin.site")

STAMP_NAME = "inputs.json"
STAMP_FORMAT = 4
#: A file changed this close before the build started may change again within the same file
#: time: no record vouches for it. File systems that keep times to the nanosecond take them
#: from a clock that moves by ticks (at most 10 ms); others keep them to 2 s (FAT) or 1 s.
RACY_NS = incremental.RACY_NS
FINE_RACY_NS = 50_000_000
#: Environment variables the build reads whatever mkdocs.yml says.
ENV_PREFIXES = ("BANTIN_", "MKDOCS_")
ENV_NAMES = ("SOURCE_DATE_EPOCH",)
#: Folders of the project whose every file is an input.
INPUT_DIRS = ("sources", "docs")
#: Files docs/ holds that the build itself writes (besides the generated pages it lists).
DOCS_BOOKKEEPING = (generate.LIST_NAME, generate.PAGE_DATA_NAME, store.MANIFEST_NAME)
#: Files of the project the build writes every time (besides docs/ and site/).
WRITTEN = (REGISTRY_NAME, incremental.CACHE_DIR + "/" + incremental.STATE_NAME)
#: The files the build itself writes besides the generated pages, by their project path.
OWN_FILES = (*("docs/" + name for name in DOCS_BOOKKEEPING), *WRITTEN)
ENV_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


#: The temporary files of an atomic write (store.write_atomic, generate.write_atomic).
TEMP_FILE = re.compile(r"^\.(?:tmp-[a-z0-9_]{8}|.+\.[a-z0-9_]{8}\.tmp)$")


@dataclass
class Seen(snapshot.Seen):
    """What the walk at the start of a build found under docs/ and sources/: each regular
    file's size, time, inode and device by its path, every file of docs/ (bantin.snapshot),
    and docs/'s symbolic links and the temporary files an interrupted write left there."""

    links: list[Path] = field(default_factory=list)
    temps: list[Path] = field(default_factory=list)


#: A listing's files by name: (name, (size, time, inode)).
Files = list[tuple[str, tuple[int, int, int]]]


def folder_of(name: str) -> str:
    """The group a listed name is digested in: its folder ("docs/2020/so-1/"), or for a name
    without one, the part before its colon ("bantin:", "" for the project's own files)."""
    return name[: name.rfind("/") + 1] or name[: name.find(":") + 1]


@dataclass
class Folders:
    """A listing's files by folder (`folder_of`), each folder's sorted by name, with each
    folder's digests (of its files, and of their names alone): the record's digests are made
    from these, so that a build's end digests again only the folders it changed."""

    files: dict[str, Files] = field(default_factory=dict)
    digests: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: The listing grouped here (a copy: the listing may change after).
    listed: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, files: dict[str, tuple[int, int, int]]) -> Folders:
        groups: dict[str, Files] = {}
        group_of = folder_of  # (a local name: looked up once for the 60,000 files)
        for item in files.items():
            folder = group_of(item[0])
            found = groups.get(folder)
            if found is None:
                groups[folder] = [item]
            else:
                found.append(item)
        for group in groups.values():
            group.sort()
        digests = {folder: group_digests(group) for folder, group in groups.items()}
        return cls(groups, digests, dict(files))

    def changed(self, files: dict[str, tuple[int, int, int]]) -> Folders:
        """The folders of `files` (`Folders.of(files)` gives the same): only the folders of
        the files listed differently than in `listed` are grouped and digested again."""
        groups, digests = dict(self.files), dict(self.digests)
        touched: dict[str, set[str]] = {}
        for name, _ in self.listed.items() ^ files.items():
            touched.setdefault(folder_of(name), set()).add(name)
        for folder, changed in touched.items():
            group = [item for item in groups.get(folder, ()) if item[0] not in changed]
            group += [(name, files[name]) for name in changed if name in files]
            group.sort()
            if group:
                groups[folder], digests[folder] = group, group_digests(group)
            else:
                groups.pop(folder, None)
                digests.pop(folder, None)
        return Folders(groups, digests, dict(files))


def group_digests(group: Files) -> tuple[str, str]:
    """The digest of a folder's files (names, sizes, times, inodes) and of their names."""
    names = repr([name for name, _ in group])
    return (
        hashlib.sha256(repr(group).encode("utf-8", "surrogateescape")).hexdigest(),
        hashlib.sha256(names.encode("utf-8", "surrogateescape")).hexdigest(),
    )


@dataclass
class Listing:
    """What the file system says about every input: path -> (size, time, inode)."""

    files: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    other: dict[str, str] = field(default_factory=dict)  # versions, environment, options
    #: site/'s folders: path -> (device, time, inode)
    site: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    def folders(self) -> Folders:
        """`files` by folder, with their digests: what both digests are made from (made
        once, given to each)."""
        return Folders.of(self.files)

    def digest(self, folders: Folders | None = None) -> str:
        """`folders`: `folders()` when the caller has it."""
        folders = self.folders() if folders is None else folders
        data = repr([sorted(folders.digests.items()), sorted(self.other.items())])
        return hashlib.sha256(data.encode("utf-8", "surrogateescape")).hexdigest()

    def site_digest(self) -> str:
        data = repr(sorted(self.site.items()))
        return hashlib.sha256(data.encode("utf-8", "surrogateescape")).hexdigest()

    def conversion_digest(self, folders: Folders | None = None) -> str:
        """What conversion reads: the sources, bantin, the options, which files docs/ holds
        (an article missing is converted again) and its manifest. `folders`: as `digest`."""
        manifest = "docs/" + store.MANIFEST_NAME
        folders = self.folders() if folders is None else folders
        found = sorted(folders.digests.items())
        data = repr(
            [
                [(name, files) for name, (files, _) in found if name.startswith(CONVERTED)],
                self.files.get(manifest),
                [(name, names) for name, (_, names) in found if name.startswith("docs/")],
                sorted(self.other.items()),
            ]
        )
        return hashlib.sha256(data.encode("utf-8", "surrogateescape")).hexdigest()


#: The folders whose files conversion reads (`Listing.conversion_digest`).
CONVERTED = ("sources/", "bantin:")


def stamp_path(root: Path) -> Path:
    return root / incremental.CACHE_DIR / STAMP_NAME


def list_inputs(
    root: Path,
    options: dict[str, str],
    custom_dir: str | None,
    seen: Seen | None = None,
    site: bool = True,
) -> Listing:
    """Every input of a build of `root`, and site/'s folders (`site`: else `list_site`
    lists them when needed), from one walk of each. The files bantin generated in docs/ are
    listed as the others: a build makes them again from the inputs, but one edited by hand
    must be made again. `seen`: filled with what the walk of docs/ and sources/ found (every
    regular file's size, time and inode; docs/'s links and temporary files), for the rest of
    the build."""
    listing = Listing(other=dict(options))
    if seen is not None:
        seen.root = os.path.join(root, "")
    for name in INPUT_DIRS:
        walk(root / name, name + "/", listing.files, seen=seen)
    if custom_dir:
        walk(Path(custom_dir), "overrides:" + custom_dir + "/", listing.files)
    walk(Path(str(resources.files("bantin"))), "bantin:", listing.files, skip_cache=True)
    for name in (options.get("config", "mkdocs.yml"), *WRITTEN):
        add_file(root / name, name, listing.files)
    if site:
        list_site(root, listing)
    listing.other.update(environment(root / options.get("config", "mkdocs.yml")))
    listing.other.update(versions())
    return listing


def list_site(root: Path, listing: Listing) -> None:
    """site/'s folders into `listing` (the published site as the last build left it)."""
    walk_folders(root / "site", "site/", listing.site)


def add_file(path: Path, name: str, found: dict[str, tuple[int, int, int]]) -> None:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    found[name] = (info.st_size, info.st_mtime_ns, info.st_ino)


def walk(
    folder: Path,
    prefix: str,
    found: dict[str, tuple[int, int, int]],
    skip_cache: bool = False,
    seen: Seen | None = None,
) -> None:
    """Each file (and link, by its own stat and target) under `folder` (and in `seen`, when
    given)."""
    pending = [(prefix, str(folder))]
    docs = seen is not None and prefix == "docs/"
    names: set[str] = set()
    if seen is not None and docs:
        seen.listings[str(folder)] = names
    while pending:
        base, path = pending.pop()
        try:
            entries = list(os.scandir(path))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            name = base + entry.name
            if entry.is_dir(follow_symlinks=False):
                if not (skip_cache and entry.name == "__pycache__"):
                    pending.append((name + "/", entry.path))
                continue
            if docs:
                names.add(name)
            # Every file, those bantin generated too: an edit by hand inside one (which
            # changes no folder's time) is seen by its size and time.
            info = entry.stat(follow_symlinks=False)
            stats = (info.st_size, info.st_mtime_ns, info.st_ino)
            found[name] = stats
            if entry.is_symlink():
                found[name + " ->" + os.readlink(entry.path)] = (0, 0, 0)
                if docs:
                    seen_link(seen, folder, entry)
            elif seen is not None:
                seen.seen(name, stats, info.st_dev)
                if docs and TEMP_FILE.match(entry.name):
                    seen.temps.append(Path(entry.path))


def seen_link(seen: Seen | None, folder: Path, entry: os.DirEntry[str]) -> None:
    """A symbolic link in docs/: the build checks where it leads; MkDocs and the catalogue
    follow a link to a folder, so docs/ is listed again where its files are asked for."""
    if seen is not None:
        seen.links.append(Path(entry.path))
        seen.listings.pop(str(folder), None)


def walk_folders(folder: Path, prefix: str, found: dict[str, tuple[int, int, int]]) -> None:
    """Each folder under `folder` and its time: adding, removing or renaming a file in a
    folder changes the folder's time."""
    pending = [(prefix, str(folder))]
    while pending:
        base, path = pending.pop()
        try:
            info = os.stat(path)
            entries = list(os.scandir(path))
        except (FileNotFoundError, NotADirectoryError):
            continue
        found[base] = (info.st_dev, info.st_mtime_ns, info.st_ino)
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append((base + entry.name + "/", entry.path))


def environment(config: Path) -> dict[str, str]:
    """The variables the build may read: bantin's and MkDocs's own, and every name the
    configuration mentions (`!ENV [NAME, default]`)."""
    try:
        words = set(ENV_WORD.findall(config.read_text(encoding="utf-8", errors="replace")))
    except OSError:
        words = set()
    return {
        "env " + name: value
        for name, value in os.environ.items()
        if name in words or name in ENV_NAMES or name.startswith(ENV_PREFIXES)
    }


def versions() -> dict[str, str]:
    import bantin

    return {
        "bantin version": str(bantin.__version__),
        "python": platform.python_version(),
        "packages": incremental.versions(),
    }


def read_stamp(root: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(stamp_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != STAMP_FORMAT:
        return None
    return data


def forget(root: Path) -> None:
    stamp_path(root).unlink(missing_ok=True)


@dataclass
class Watch:
    """One build's view of its inputs: listed before it starts, checked when it ends."""

    root: Path
    options: dict[str, str]
    started_ns: int = 0
    custom_dir: str | None = None
    before: Listing | None = None
    catalogue_ns: int = 0  # when the build started reading the articles it converted
    theme_dir: str | None = None  # the theme's custom_dir the build used
    removed: set[str] = field(default_factory=set)  # articles conversion removed (moved)
    generated: set[str] = field(default_factory=set)  # docs/ files generated before the build
    #: Nothing conversion reads changed since the last build, which converted everything.
    sources_unchanged: bool = False
    #: What the walk of docs/ and sources/ at the start found (bantin.snapshot).
    seen: Seen = field(default_factory=Seen)
    generated_after: set[str] | None = None  # the generated files once the build is done
    #: Conversion ran: it may have written articles in docs/ (listed again at the end).
    converted_now: bool = False
    #: `before`'s files by folder with their digests, when the start made them.
    folders: Folders | None = None
    #: site/'s folders and their times as the build left them, when it knows them without
    #: walking site/ (the spare it published was brought up to date by another process,
    #: which listed its folders: bantin.site.build.Mirroring); else site/ is walked.
    site_folders: dict[str, tuple[int, int, int]] | None = None

    def start(self, trust: bool = True) -> dict[str, Any] | None:
        """List the inputs; the last build's record when nothing changed since (and `trust`):
        the build can return. Otherwise the record is forgotten before anything is written."""
        self.started_ns = time.time_ns()
        stamp = read_stamp(self.root)
        self.custom_dir = stamp.get("custom_dir") if stamp else None
        self.generated = self.generated_files()
        self.seen = Seen()
        self.folders = None
        self.before = list_inputs(self.root, self.options, self.custom_dir, self.seen, site=False)
        self.sources_unchanged = False
        if trust and stamp is not None:  # (a build that trusts no record compares nothing)
            folders = self.folders = self.before.folders()
            if stamp.get("digest") == self.before.digest(folders):
                # The inputs are those of the last build: so is site/ when its folders are.
                list_site(self.root, self.before)
                if stamp.get("site") == self.before.site_digest():
                    return stamp
            conversion = self.before.conversion_digest(folders)
            self.sources_unchanged = stamp.get("conversion") == conversion
        forget(self.root)
        return None

    def input_folders(self) -> dict[str, tuple[str, str]] | None:
        """The digests of the folders of inputs as the walk at the start found them (by
        folder, `folder_of`), while they describe docs/ and sources/: None once conversion
        wrote there, or when the start grouped none."""
        if self.converted_now or self.folders is None:
            return None
        return self.folders.digests

    def record(self, custom_dir: str | None, articles: int, redirects: int) -> None:
        """After a successful build: the record of its inputs, when it can vouch for them."""
        assert self.before is not None
        self.generated_after = self.generated_files()
        if self.converted_now:
            known = self.site_folders is not None
            after = list_inputs(self.root, self.options, custom_dir, site=not known)
            if self.site_folders is not None:
                after.site = dict(self.site_folders)
        else:
            after = self.relisted(custom_dir)
        if custom_dir != self.custom_dir:
            # The theme's folder was not listed at the start: its files must be older than
            # the build (the check of times below), as they are in the listing now.
            theme = "overrides:" + (custom_dir or "")
            for name, value in after.files.items():
                if name.startswith(theme):
                    self.before.files[name] = value
        reason = self.why_not(after)
        if reason:
            log.info("the next build does its work: %s", reason)
            return
        folders = self.folders_after(after)
        stamp = {
            "format": STAMP_FORMAT,
            "digest": after.digest(folders),
            "site": after.site_digest(),
            "conversion": after.conversion_digest(folders),
            "custom_dir": custom_dir,
            "articles": articles,
            "redirects": redirects,
        }
        store.write_atomic(stamp_path(self.root), json.dumps(stamp, sort_keys=True).encode())

    def folders_after(self, after: Listing) -> Folders:
        """`after`'s folders: those the start grouped and digested, with the folders of the
        files listed differently now made again (all of them when the start made none)."""
        return after.folders() if self.folders is None else self.folders.changed(after.files)

    def relisted(self, custom_dir: str | None) -> Listing:
        """The inputs after a build that converted nothing: the start's listing with the
        files the build writes listed again (the generated pages by name, bantin's lists and
        records by their size and time), the theme's folder if it is another, and site/.
        A file an editor changed while the build ran keeps its size and time from the start
        in the record, so the next build finds it changed and does its work."""
        assert self.before is not None and self.generated_after is not None
        after = Listing(files=dict(self.before.files), other=dict(self.options))
        files = after.files
        for name in self.generated - self.generated_after:
            files.pop(name, None)
        known = self.seen.files
        for name in self.generated_after:
            found = known.get(name)  # as the walk found it, when the build did not write it
            if found is None:
                files.pop(name, None)
                add_file(self.root / name, name, files)
            else:
                files[name] = (found[0], found[1], found[2])
        for name in OWN_FILES:
            files.pop(name, None)
            add_file(self.root / name, name, files)
        if custom_dir != self.custom_dir:
            theme = "overrides:"
            for name in [name for name in files if name.startswith(theme)]:
                del files[name]
            if custom_dir:
                walk(Path(custom_dir), theme + custom_dir + "/", files)
        if self.site_folders is not None:
            after.site = dict(self.site_folders)
        else:
            list_site(self.root, after)
        after.other.update(environment(self.root / self.options.get("config", "mkdocs.yml")))
        after.other.update(versions())
        return after

    def why_not(self, after: Listing) -> str:
        """Why the inputs found now may not be the ones the build read ("" when they are)."""
        assert self.before is not None
        if after.other != self.before.other:
            return "the environment or a version changed during the build"
        own = self.written_by_build()
        before, now = self.before.files, after.files
        margin = racy_margin(before.values())
        # The names the loop below stops at (listed differently, or changed moments before
        # the build), found without a step per file in Python; then looked at in order.
        limit = self.started_ns - margin
        differ = {name for name, _ in before.items() ^ now.items()}
        recent = {name for name, value in now.items() if value[1] >= limit}
        for name in sorted(differ | recent):
            if name in own or name.startswith("site/"):
                continue
            if before.get(name) != now.get(name):
                if not self.converted(name, now.get(name)):
                    return f"{name} changed while the build ran"
            elif name in now and now[name][1] >= self.started_ns - margin:
                return f"{name} changed moments before the build"
        return ""

    def generated_files(self) -> set[str]:
        return {"docs/" + p for p in generate.previous_list(self.root / "docs") if p}

    def written_by_build(self) -> set[str]:
        """The generated files before and after the build, bantin's lists and records."""
        after = self.generated_after or self.generated_files()
        return self.generated | after | set(OWN_FILES)

    def converted(self, name: str, now: tuple[int, int, int] | None) -> bool:
        """An article the build converted (in docs/, written before the catalogue was read)
        or removed because it moved."""
        if now is None:
            return name in self.removed
        return name.startswith("docs/") and self.started_ns <= now[1] < self.catalogue_ns


def racy_margin(stats: Iterable[tuple[int, int, int]]) -> int:
    """How long before the build a file time may be that of a later change: a tick where
    the file system keeps times finer than a millisecond (seen on any input), else 2 s."""
    fine = any(mtime % 1_000_000 for _, mtime, _ in stats)
    return FINE_RACY_NS if fine else RACY_NS


def options_of(config_file: str, keep_going: bool, convert: bool) -> dict[str, str]:
    return {"config": config_file, "keep going": str(keep_going), "convert": str(convert)}
