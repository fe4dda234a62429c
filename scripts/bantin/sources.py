"""Where the inputs are: source texts under sources/YEAR/NN/, their issue.yml and sidecars."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bantin.metadata import IssueInfo, Sidecar
from bantin.yamlio import read_model

SOURCES_DIR = "sources"
SOURCE_SUFFIX = ".txt"
ISSUE_FILE = "issue.yml"
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
    absolute, base = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    if absolute.is_relative_to(base):
        return absolute.relative_to(base).as_posix()
    if path.resolve().is_relative_to(root.resolve()):
        return path.resolve().relative_to(root.resolve()).as_posix()
    return path.name


def describe(path: Path, root: Path) -> SourceFile:
    """A source with the issue.yml and sidecar found beside it."""
    issue = path.parent / ISSUE_FILE
    sidecar = path.with_suffix(SIDECAR_SUFFIX)
    return SourceFile(
        path=path,
        label=label_of(path, root),
        issue_file=issue if issue.is_file() else None,
        sidecar_file=sidecar if sidecar.is_file() else None,
    )


def walk(folder: Path) -> list[Path]:
    """Every source text under folder, in a sorted order independent of the file system."""
    found = (p for p in folder.rglob(f"*{SOURCE_SUFFIX}") if p.is_file())
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def collect(paths: Iterable[Path], root: Path) -> list[SourceFile]:
    """Files as given and the sources inside given folders, sorted, each once."""
    files: dict[str, Path] = {}
    for given in paths:
        for path in walk(given) if given.is_dir() else [given]:
            files.setdefault(os.path.abspath(path), path)
    return [describe(files[key], root) for key in sorted(files)]


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
