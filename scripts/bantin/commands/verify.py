"""`bantin verify`: fixity of sources/ against the source_sha256 every article records."""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bantin.catalogue import CatalogueEntry, load_catalogue
from bantin.sources import file_sha256, find_sources

log = logging.getLogger("bantin")


@dataclass
class Fixity:
    """What verify found: sources checked, drift, and sources no article records."""

    checked: int = 0
    drift: list[str] = field(default_factory=list)
    unrecorded: list[str] = field(default_factory=list)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root")


def check_entry(root: Path, entry: CatalogueEntry, result: Fixity) -> None:
    """Compare one article's recorded source_sha256 with the source on disk."""
    source = root / entry.front.source
    where = f"docs/{entry.path.as_posix()}"
    result.checked += 1
    if not source.resolve().is_relative_to(root.resolve()):
        result.drift.append(f"{where}: source {entry.front.source} is outside {root}")
        return
    if not source.is_file():
        result.drift.append(f"{where}: source {entry.front.source} is missing")
        return
    actual = file_sha256(source)
    if actual != entry.front.source_sha256:
        result.drift.append(
            f"{where}: source {entry.front.source} changed "
            f"(recorded {entry.front.source_sha256[:12]}…, now {actual[:12]}…)"
        )


def verify(root: Path) -> Fixity:
    """Recompute every recorded source's sha256."""
    result = Fixity()
    entries = load_catalogue(root / "docs").entries
    for entry in entries:
        check_entry(root, entry, result)
    recorded = {e.front.source for e in entries}
    result.unrecorded = [s.label for s in find_sources(root) if s.label not in recorded]
    return result


def run(args: argparse.Namespace) -> int:
    """Report drift on stderr and the counts on stdout; non-zero exit on drift."""
    result = verify(args.root)
    for label in result.unrecorded:
        log.info("%s: not converted yet (no article records it)", label)
    for line in result.drift:
        print(line, file=sys.stderr)
    print(f"{result.checked} source(s) checked, {len(result.drift)} with drift")
    return 1 if result.drift else 0
