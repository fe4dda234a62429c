"""The files of a project as a build found them when it started, from its one walk of docs/
and sources/ (bantin.site.unchanged.list_inputs): the size, time, inode and device of each regular
file, by its path. The stages that look at a file's size and time before deciding whether to
read it again (the catalogue, the articles' memo, the pages' digests, the static files)
ask here in place of a system call per file and stage.

What it says is true until the build writes: every file the build writes or removes in
docs/ is forgotten as it is written (bantin.site.generate), and so is docs/ as a whole when
conversion ran. A path not known (a symbolic link, a file the walk did not see, no build
running) is looked at on disk, as before.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from stat import S_ISREG

#: (size, mtime_ns, inode, device) of a file.
Stat = tuple[int, int, int, int]


@dataclass
class Seen:
    """What one walk found: each regular file's Stat by its path under `root` ("/" between
    folders; the size, time and inode alone when the file is on `device`, as the walk's
    list of inputs holds them, so the two share their strings and numbers), and for some
    folders (by their own path) every file in them, links included, by its path under
    `root`."""

    files: dict[str, Stat | tuple[int, int, int]] = field(default_factory=dict)
    listings: dict[str, set[str]] = field(default_factory=dict)
    root: str = ""  # the project's folder, with a separator at its end
    device: int | None = None

    def key(self, path: str) -> str | None:
        """`path`'s name in `files` (None: not under the root)."""
        if not self.root or not path.startswith(self.root):
            return None
        name = path[len(self.root) :]
        return name if os.sep == "/" else name.replace(os.sep, "/")

    def seen(self, name: str, stats: tuple[int, int, int], device: int) -> None:
        """The walk found the regular file `name` (under the root)."""
        if self.device is None:
            self.device = device
        self.files[name] = stats if device == self.device else (*stats, device)


_SEEN: list[Seen] = []


@contextmanager
def taken(seen: Seen) -> Iterator[None]:
    """While the block runs, `stat` and `listing` answer from `seen`."""
    _SEEN.append(seen)
    try:
        yield
    finally:
        _SEEN.remove(seen)


def known(path: str) -> Stat | None:
    """The size, time, inode and device of the regular file at `path` as the walk saw it
    (None: not seen, or no walk in force)."""
    if not _SEEN:
        return None
    seen = _SEEN[-1]
    name = seen.key(path)
    found = seen.files.get(name) if name is not None else None
    if found is None or len(found) == 4:
        return found
    size, mtime_ns, inode = found[:3]
    return size, mtime_ns, inode, seen.device or 0


def listing(folder: str) -> set[str] | None:
    """Every file under `folder` (its path there, "/" between folders) as the walk found it
    and the build changed it since; None when not known."""
    if not _SEEN:
        return None
    seen = _SEEN[-1]
    folder = folder.rstrip(os.sep)
    names, under = seen.listings.get(folder), seen.key(folder + os.sep)
    if names is None or under is None:
        return None
    return {name[len(under) :] for name in names}


def stat(path: str) -> Stat:
    """(size, mtime_ns, inode, device) of `path`, following a symbolic link: as seen, or
    from disk (OSError when it is missing; a regular file is remembered until the build
    writes it)."""
    return _stat(path, follow=True)


def lstat(path: str) -> Stat:
    """As `stat`, not following a symbolic link (a link is never in the walk's record)."""
    return _stat(path, follow=False)


def _stat(path: str, follow: bool) -> Stat:
    found = known(path)
    if found is not None:
        return found
    info = os.lstat(path)
    if S_ISREG(info.st_mode):
        found = info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev
        name = _SEEN[-1].key(path) if _SEEN else None
        if name is not None:
            _SEEN[-1].files[name] = found  # looked at while a walk is in force: remembered
        return found
    if follow:
        info = os.stat(path)
    return info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev


def wrote(path: str) -> None:
    """The build wrote the file at `path`: from now on it is looked at on disk."""
    _changed(path, True)


def removed(path: str) -> None:
    """The build removed the file at `path`."""
    _changed(path, False)


def _changed(path: str, exists: bool) -> None:
    name = _SEEN[-1].key(path) if _SEEN else None
    if name is None:
        return
    seen = _SEEN[-1]
    seen.files.pop(name, None)
    for folder, names in seen.listings.items():
        if path.startswith(folder + os.sep):
            if exists:
                names.add(name)
            else:
                names.discard(name)


def forget_under(folder: str) -> None:
    """Everything under `folder` (conversion wrote there): looked at on disk from now on."""
    if _SEEN:
        folder = folder.rstrip(os.sep)
        prefix = folder + os.sep
        seen = _SEEN[-1]
        under = seen.key(prefix)
        if under is not None:
            for name in [name for name in seen.files if name.startswith(under)]:
                del seen.files[name]
        for listed in [name for name in seen.listings if (name + os.sep).startswith(prefix)]:
            del seen.listings[listed]
