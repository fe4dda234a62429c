"""Errors a person can act on: every one names the file and, where it applies, the line."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("bantin")


class BantinError(Exception):
    """Base of every error bantin raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One problem found in one input: where it is and what to do about it."""

    path: Path | str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


class SourceError(BantinError):
    """An input file cannot be turned into an article."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.problem = Problem(path, message, line)
        super().__init__(str(self.problem))


class MetadataError(SourceError):
    """Front matter, an issue YAML or a sidecar does not fit the schema."""


class EditConflict(BantinError):
    """A generated file was changed by hand and would be overwritten."""


class BuildError(BantinError):
    """The build or one of its checks failed; the published site is left as it was."""


@dataclass
class Problems:
    """Collects every problem of a run so they are reported together, not just the first."""

    items: list[Problem] = field(default_factory=list)
    seen: set[Problem] = field(default_factory=set, repr=False, compare=False)

    def add(self, problem: Problem) -> None:
        """Report a problem once, however many inputs it stops (a broken issue.yml)."""
        if problem in self.seen:
            return
        self.seen.add(problem)
        log.error("%s", problem)
        self.items.append(problem)

    def add_error(self, error: SourceError) -> None:
        self.add(error.problem)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def summary(self) -> str:
        return "\n".join(str(p) for p in self.items)
