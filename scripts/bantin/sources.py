"""Where the inputs are: source texts under sources/YEAR/NN/, their issue.yml and sidecars."""

from __future__ import annotations

import difflib
import hashlib
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bantin.metadata import IssueInfo, Sidecar
from bantin.yamlio import read_model

log = logging.getLogger("bantin.sources")

SOURCES_DIR = "sources"
#: Article sources: extracted text, or an article's own PDF.
SOURCE_SUFFIXES = (".txt", ".pdf")
#: The whole issue's PDF, kept beside its articles' sources: never an article itself.
ISSUE_PDF = "issue.pdf"
ISSUE_FILE = "issue.yml"
#: How every PDF file starts.
PDF_MAGIC = b"%PDF-"
SIDECAR_SUFFIX = ".yml"
_YEAR_ISSUE = re.compile(r"^(?P<year>\d{4})/(?P<issue>\d{1,3})$")


@dataclass(frozen=True)
class SourceFile:
    """One article source and the YAML files that describe it."""

    path: Path
    label: str  # the path as written in front matter: relative to the root, '/' separated
    issue_file: Path | None
    sidecar_file: Path | None

    @property
    def folder_year_issue(self) -> tuple[int | None, int | None]:
        """Year and issue from a sources/YEAR/NN/ folder, when the source lives in one."""
        parent = "/".join(Path(self.label).parts[-3:-1])
        match = _YEAR_ISSUE.match(parent)
        if not match or not self.label.startswith(f"{SOURCES_DIR}/"):
            return None, None
        return int(match.group("year")), int(match.group("issue"))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def optional_sha256(path: Path | None) -> str:
    return file_sha256(path) if path is not None else ""


def label_of(path: Path, root: Path) -> str:
    """The source's path relative to root ('/' separated), or its bare name outside root.

    Links are not followed here: a source is named where it stands under root."""
    absolute, base = os.path.abspath(path), os.path.abspath(root)
    prefix = base if base.endswith("/") else base + "/"
    if os.sep == "/" and absolute.startswith(prefix) and not absolute.startswith("//"):
        return absolute[len(prefix) :]  # both normalised: what relative_to would give
    if Path(absolute).is_relative_to(Path(base)):
        return Path(absolute).relative_to(Path(base)).as_posix()
    if path.resolve().is_relative_to(root.resolve()):
        return path.resolve().relative_to(root.resolve()).as_posix()
    return path.name


def describe(path: Path, root: Path, beside: Beside) -> SourceFile:
    """A source with the issue.yml and sidecar found beside it."""
    folder = os.path.dirname(path)
    sidecar = path.with_suffix(SIDECAR_SUFFIX)
    return SourceFile(
        path=path,
        label=label_of(path, root),
        issue_file=path.parent / ISSUE_FILE if beside.is_file(folder, ISSUE_FILE) else None,
        sidecar_file=sidecar if beside.is_file(folder, sidecar.name) else None,
    )


class Beside:
    """Which files exist next to the sources, listing each folder once (most sources have no
    sidecar: no lookup per source for a file that is not there)."""

    def __init__(self) -> None:
        self.names: dict[str, frozenset[str] | None] = {}
        self.files: dict[tuple[str, str], bool] = {}

    def is_file(self, folder: str, name: str) -> bool:
        if folder not in self.names:
            try:
                self.names[folder] = frozenset(os.listdir(folder or "."))
            except OSError:
                self.names[folder] = None  # then ask the file system for each file
        names = self.names[folder]
        if names is not None and name not in names:
            return False
        known = self.files.get((folder, name))
        if known is None:
            known = self.files[folder, name] = os.path.isfile(os.path.join(folder, name))
        return known


def walk(folder: Path, root: Path) -> list[Path]:
    """Every source text under folder, in a sorted order independent of the file system.

    A link to a folder under sources/ is entered once (as a folder of its own); a link to a
    folder anywhere else is returned as it is, for the pipeline to refuse by name."""
    found: list[tuple[str, str]] = []  # (path below folder with '/', path)
    seen = {folder.resolve()}
    pending = [(os.fspath(folder), "")]
    while pending:
        here, prefix = pending.pop()
        files: list[str] = []
        try:
            with os.scandir(here) as entries:
                for entry in entries:
                    if not entry.is_dir():
                        files.append(entry.name)
                    if entry.is_symlink() and entry.is_dir():
                        target = Path(entry.path).resolve()
                        if leads_outside(Path(entry.path), root):
                            found.append((prefix + entry.name, entry.path))
                        elif target not in seen:
                            seen.add(target)
                            pending.append((entry.path, prefix + entry.name + "/"))
                    elif entry.is_dir():
                        pending.append((entry.path, prefix + entry.name + "/"))
                    elif is_source_name(entry.name) and entry.is_file():
                        found.append((prefix + entry.name, entry.path))
        except PermissionError:
            continue  # as Path.rglob: a folder that cannot be listed is passed over
        warn_unread(here, files)
    return [Path(path) for _, path in sorted(found)]


def warn_unread(folder: str, names: list[str]) -> None:
    """Name every file that looks meant for bantin but is not read: a sidecar with no source,
    a misspelt issue.yml, a `.yaml` file, a suffix in capitals."""
    stems = {name.rsplit(".", 1)[0] for name in names if is_source_name(name)}
    for name in sorted(names):
        reason = unread_reason(name, stems)
        if reason:
            log.warning("%s: not read: %s", os.path.join(folder, name), reason)


def unread_reason(name: str, stems: set[str]) -> str | None:
    lower = name.lower()
    if name in (ISSUE_FILE, ISSUE_PDF) or is_source_name(name):
        return None
    if name.endswith(SIDECAR_SUFFIX):
        if name[: -len(SIDECAR_SUFFIX)] in stems:
            return None
        if difflib.get_close_matches(lower, [ISSUE_FILE], n=1, cutoff=0.75):
            return f"did you mean {ISSUE_FILE}?"
        return "a sidecar with no source beside it (NAME.txt or NAME.pdf)"
    if lower.endswith(".yaml"):
        return f"bantin reads YAML files named {SIDECAR_SUFFIX}; rename it"
    if lower.endswith((*SOURCE_SUFFIXES, SIDECAR_SUFFIX)):
        return f"the suffix must be in lower case ({lower.rsplit('.', 1)[1]}); rename it"
    return None


def leads_outside(path: Path, root: Path) -> bool:
    """A path of the project that a symbolic link takes out of sources/ (to another place,
    or to another file of the project such as `.env`). A path given outside the project
    (`bantin convert /elsewhere/x.txt`) is the person's own choice."""
    lexical, base = os.path.abspath(path), os.path.abspath(root)
    if not Path(lexical).is_relative_to(base):
        return False
    real, real_root = Path(os.path.realpath(path)), Path(os.path.realpath(root))
    if real.is_relative_to(real_root) and real.relative_to(real_root) == Path(lexical).relative_to(
        base
    ):
        return False  # no link on the way
    return not real.is_relative_to(os.path.realpath(root / SOURCES_DIR))


def is_source_name(name: str) -> bool:
    return name.endswith(SOURCE_SUFFIXES) and name != ISSUE_PDF


def is_pdf(path: Path) -> bool:
    return path.suffix == ".pdf"


def collect(paths: Iterable[Path], root: Path) -> list[SourceFile]:
    """Files as given and the sources inside given folders, sorted, each once."""
    files: dict[str, Path] = {}
    for given in paths:
        inside = given.is_dir() and not leads_outside(given, root)
        for path in walk(given, root) if inside else [given]:
            files.setdefault(os.path.abspath(path), path)
    beside = Beside()
    return [describe(files[key], root, beside) for key in sorted(files)]


def find_sources(root: Path) -> list[SourceFile]:
    """Every source under root/sources/."""
    folder = root / SOURCES_DIR
    return collect([folder], root) if folder.is_dir() else []


def load_issue_info(source: SourceFile) -> IssueInfo:
    if source.issue_file is None:
        return IssueInfo()
    return read_model(IssueInfo, source.issue_file)


def load_sidecar(source: SourceFile) -> Sidecar:
    if source.sidecar_file is None:
        return Sidecar()
    return read_model(Sidecar, source.sidecar_file)
