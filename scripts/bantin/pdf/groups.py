"""Things joined into groups, two at a time (a disjoint-set forest): the words of a page
lying over each other, the rules of a drawing that meet."""

from __future__ import annotations

from collections.abc import Hashable


class Groups:
    """Keys joined into groups; a key never joined is a group of its own."""

    def __init__(self) -> None:
        self._parent: dict[Hashable, Hashable] = {}

    def find(self, key: Hashable) -> Hashable:
        """The key that stands for the group of `key`."""
        parent = self._parent
        while (above := parent.get(key, key)) != key:
            parent[key] = parent.get(above, above)  # halve the path for the next look
            key = above
        return key

    def join(self, one: Hashable, other: Hashable) -> None:
        """One group of the groups of `one` and `other`."""
        self._parent[self.find(one)] = self.find(other)
