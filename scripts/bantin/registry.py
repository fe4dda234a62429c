"""A registry of named items ordered by priority, so a rule or pass can be replaced by name."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class _Entry(Generic[T]):
    name: str
    item: T
    priority: float


class Registry(Generic[T]):
    """Items kept by name and run highest priority first (as Python-Markdown's `Registry`)."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry[T]] = {}

    def register(self, item: T, name: str, priority: float) -> None:
        """Add an item, or replace the one registered under the same name."""
        self._entries[name] = _Entry(name, item, priority)

    def deregister(self, name: str, strict: bool = True) -> None:
        """Remove the item registered under `name`; KeyError if absent and strict."""
        if name in self._entries or strict:
            del self._entries[name]

    def names(self) -> list[str]:
        """Names in the order the items run."""
        return [entry.name for entry in self._sorted()]

    def __iter__(self) -> Iterator[T]:
        return (entry.item for entry in self._sorted())

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __getitem__(self, name: str) -> T:
        return self._entries[name].item

    def __len__(self) -> int:
        return len(self._entries)

    def _sorted(self) -> list[_Entry[T]]:
        return sorted(self._entries.values(), key=lambda entry: -entry.priority)
