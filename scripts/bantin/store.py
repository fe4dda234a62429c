"""The store of generated articles: atomic writes and the manifest that protects editors' work.

The manifest records, for every file bantin wrote, the sha256 of the bytes written and of the
inputs they came from. A file whose bytes differ from that record was edited by hand.
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import fcntl
import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from bantin.exceptions import BantinError, MetadataError
from bantin.slug import inside

MANIFEST_NAME = ".bantin-manifest.json"
MANIFEST_VERSION = 1
LOCK_NAME = ".bantin.lock"
STAGING_PREFIX = ".bantin-staging-"

log = logging.getLogger("bantin.store")


class FileState(StrEnum):
    """What is on disk at an output path, compared with what bantin last wrote there."""

    MISSING = "missing"
    GENERATED = "generated"  # exactly what bantin wrote
    EDITED = "edited"  # bantin wrote it, someone changed it since
    HANDWRITTEN = "hand-written"  # bantin never wrote it


@dataclass(frozen=True)
class ManifestEntry:
    """What bantin wrote at one path and the inputs it was made from."""

    sha256: str
    source: str
    source_sha256: str
    sidecar_sha256: str
    issue_sha256: str
    converter: str

    def same_inputs(self, other: ManifestEntry) -> bool:
        """Same source, sidecar, issue.yml and converter version: nothing to redo."""
        return (
            self.source == other.source
            and self.source_sha256 == other.source_sha256
            and self.sidecar_sha256 == other.sidecar_sha256
            and self.issue_sha256 == other.issue_sha256
            and self.converter == other.converter
        )


@dataclass
class Manifest:
    """docs/.bantin-manifest.json: output path (relative, '/' separated) -> ManifestEntry."""

    files: dict[str, ManifestEntry] = field(default_factory=dict)

    def for_source(self, source: str) -> tuple[str, ManifestEntry] | None:
        """The file generated from a source, if any (first by path when several)."""
        return self.by_source().get(source)

    def by_source(self) -> dict[str, tuple[str, ManifestEntry]]:
        """Source -> (path, entry) for every recorded file, in one pass."""
        index: dict[str, tuple[str, ManifestEntry]] = {}
        for rel in sorted(self.files):
            index.setdefault(self.files[rel].source, (rel, self.files[rel]))
        return index

    def to_json(self) -> str:
        files = {rel: vars(self.files[rel]).copy() for rel in sorted(self.files)}
        data = {"files": files, "version": MANIFEST_VERSION}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _entry(rel: str, raw: Any, path: Path) -> ManifestEntry:
    try:
        return ManifestEntry(**{key: str(raw[key]) for key in ManifestEntry.__dataclass_fields__})
    except (KeyError, TypeError) as error:
        raise MetadataError(path, f"entry {rel!r} is incomplete: {error}") from error


def load_manifest(out_dir: Path) -> Manifest:
    """The manifest of out_dir; an absent one is empty (then every file there is hand-written)."""
    path = out_dir / MANIFEST_NAME
    if not path.is_file():
        return Manifest()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise MetadataError(path, f"unreadable manifest: {error}") from error
    return Manifest({str(rel): _entry(rel, raw, path) for rel, raw in files.items()})


def save_manifest(out_dir: Path, manifest: Manifest) -> None:
    write_atomic(out_dir / MANIFEST_NAME, manifest.to_json().encode("utf-8"))


#: What bantin writes in a project, relative to its root; none may lead out of the project.
WRITTEN_PATHS = ("docs", ".cache", ".cache/bantin", "site", "published-urls.txt", LOCK_NAME)


def refuse_links_out(root: Path, names: tuple[str, ...] = WRITTEN_PATHS) -> None:
    """Every path bantin writes must resolve inside the project: a symbolic link committed
    as `docs/` (or `.cache/`, `site/`, `published-urls.txt`) would make a build write where
    it points."""
    for name in names:
        refuse_link_out(root, root / name)


def refuse_link_out(root: Path, path: Path) -> None:
    """A path of the project (as written) must not resolve outside it; a path given outside
    the project (`bantin convert --out /elsewhere`) is the person's own choice."""
    if not os.path.lexists(path):
        return
    if not Path(os.path.abspath(path)).is_relative_to(os.path.abspath(root)):
        return
    base, target = root.resolve(), path.resolve()
    if not target.is_relative_to(base):
        raise BantinError(
            f"{path}: is a symbolic link to {target}, outside the project {base}; bantin "
            "writes only inside the project: replace the link with a real folder or file"
        )


_HELD_LOCKS: set[int] = set()  # file descriptors of the project locks this process holds


def _drop_inherited_locks() -> None:
    """A forked process (search index, citations, workers) closes its copy of the lock's
    descriptor: only the build itself holds the lock, and it ends with the build."""
    for handle in _HELD_LOCKS:
        with contextlib.suppress(OSError):
            os.close(handle)
    _HELD_LOCKS.clear()


os.register_at_fork(after_in_child=_drop_inherited_locks)


@contextlib.contextmanager
def project_lock(root: Path) -> Iterator[None]:
    """One build or conversion of a project at a time: an exclusive lock on ROOT/.bantin.lock
    (released by the system when the process ends, however it ends), holding its pid."""
    path = root / LOCK_NAME
    if not root.is_dir():  # no project there (`convert --out` elsewhere): nothing to guard
        yield
        return
    try:
        handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as error:
        raise BantinError(f"{path}: cannot open the build lock ({error})") from error
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.pread(handle, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise BantinError(
                f"another build is running (pid {pid}) in {root}; wait until it ends "
                f"(it holds {path})"
            ) from None
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"{os.getpid()}\n".encode("ascii"), 0)
        _HELD_LOCKS.add(handle)
        yield
    finally:
        _HELD_LOCKS.discard(handle)
        os.close(handle)


def create_new(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet, never through a symbolic link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
    with os.fdopen(os.open(path, flags, 0o644), "wb") as stream:
        stream.write(data)


def write_atomic(path: Path, data: bytes) -> None:
    """Temp file in the same folder, then rename: readers see the old or the new file.

    Durability is one `flush_to_disk()` per run rather than an fsync per file, which made
    writing 10,000 articles take minutes on a shared disk.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, 0o644)  # mkstemp makes 0600; generated files are for everyone to read
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class Staging:
    """New articles written while the run is still converting and checking, moved into place
    only when the whole run passes (a rename); a run that fails leaves nothing behind.

    Creating a file is the slow part of writing on a busy disk, and the process that waits for
    the conversions has nothing else to do: staging lets the two overlap. The staging folder
    is a hidden folder of the output folder (same file system, so a move is a rename; MkDocs
    skips hidden folders), removed at the end of every run whatever happened.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.folder: Path | None = None
        self.count = 0
        self.made: set[Path] = set()
        self.made_out_dir = False  # the output folder did not exist: remove it if left empty

    def clear_stale(self) -> None:
        """Remove staging folders a killed run left behind."""
        for folder in sorted(self.out_dir.glob(STAGING_PREFIX + "*")):
            if folder.is_dir() and not folder.is_symlink():
                shutil.rmtree(folder, ignore_errors=True)

    def put(self, data: bytes) -> Path | None:
        """Write data to a new staged file; None when it cannot be (then it is written later,
        where any error names the article)."""
        try:
            if self.folder is None:
                if not self.out_dir.is_dir():
                    self.out_dir.mkdir()
                    self.made_out_dir = True
                self.folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.out_dir))
            self.count += 1
            path = self.folder / f"{self.count:06d}.tmp"
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            with os.fdopen(handle, "wb") as stream:
                os.fchmod(handle, 0o644)  # as write_atomic: readable by everyone, any umask
                stream.write(data)
            return path
        except OSError as error:
            log.debug("staging: %s; the article is written at the end instead", error)
            return None

    def move(self, staged: Path, path: Path) -> bool:
        """Put a staged file at `path` (already checked to be inside the output folder); False
        when `path` is on another file system (a mount inside the output folder)."""
        parent = path.parent
        if parent not in self.made:
            parent.mkdir(parents=True, exist_ok=True)
            self.made.add(parent)
        try:
            os.replace(staged, path)
        except OSError as error:
            if error.errno != errno.EXDEV:
                raise
            return False
        return True

    def discard(self) -> None:
        """Remove the staging folder and whatever is left in it."""
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
        if self.made_out_dir:
            self.made_out_dir = False
            with contextlib.suppress(OSError):  # not empty: the run wrote its articles there
                self.out_dir.rmdir()


def flush_to_disk() -> None:
    """Push every write of the run to the disk once, before the run reports success."""
    os.sync()


_RESOLVED: dict[Path, Path] = {}


def forget_resolved() -> None:
    """Drop the folders output_path resolved (at the start of every run)."""
    _RESOLVED.clear()


def resolved_folder(folder: Path) -> Path:
    """folder.resolve(), remembered for the run (see forget_resolved)."""
    found = _RESOLVED.get(folder)
    if found is None:
        found = _RESOLVED[folder] = folder.resolve()
    return found


def output_path(out_dir: Path, rel: str) -> Path:
    """out_dir/rel, refused when it would resolve outside out_dir.

    Resolved folders are remembered for the run, so checking 10,000 paths costs one
    lstat each rather than one per path component.
    """
    parts = rel.split("/")
    target = out_dir.joinpath(*parts)
    plain = all(part not in ("", ".", "..") for part in parts)
    if (
        plain
        and resolved_folder(target.parent).is_relative_to(resolved_folder(out_dir))
        and not target.is_symlink()
    ):
        return target
    return inside(out_dir, *parts)


def state_of(out_dir: Path, rel: str, manifest: Manifest) -> FileState:
    """Classify the file at rel: missing, as generated, edited, or never generated."""
    return state_at(output_path(out_dir, rel), rel, manifest)


def state_at(path: Path, rel: str, manifest: Manifest) -> FileState:
    """state_of for rel's output path, already checked by output_path."""
    if not path.is_file():
        return FileState.MISSING
    entry = manifest.files.get(rel)
    if entry is None:
        return FileState.HANDWRITTEN
    if sha256_bytes(path.read_bytes()) == entry.sha256:
        return FileState.GENERATED
    return FileState.EDITED


def edit_diff(rel: str, generated: str, on_disk: str) -> str:
    """Unified diff from the newly generated text to the edited file, for a manual merge."""
    lines = difflib.unified_diff(
        generated.splitlines(keepends=True),
        on_disk.splitlines(keepends=True),
        fromfile=f"{rel} (generated now)",
        tofile=f"{rel} (on disk, edited)",
    )
    return "".join(lines)
