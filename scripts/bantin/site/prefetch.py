"""What each article made in the last build (bantin.site.generate.ArticleMemo) and which of
those files are still as made, found in another process while the build reads its catalogue.

A correction to one article reuses what the other 10,000 made, and finding that out is a pass
over every row of the memo and a look at each of the 60,000 files the articles made (files the
build's walk of its inputs lists by name only). That pass needs nothing the catalogue gives,
so a forked process makes it on the other core from the moment conversion is done; the build
takes its result (`Prefetch.result`) when it opens the memo. The rows come with the global
inputs they were written for, which the build compares with its own as it would when reading
them itself. If the process fails, the build reads the memo itself, as it does without it.
"""

from __future__ import annotations

import logging
import marshal
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bantin import snapshot
from bantin.exceptions import BuildError
from bantin.site import cachedb, forked

log = logging.getLogger("bantin.site")

RESULT_NAME = "prefetched.bin"
#: marshal's format without references between objects: the same data gives the same bytes.
MARSHAL_VERSION = 2


@dataclass
class Table:
    """One table's rows as the build reads them, with the inputs they were written for."""

    inputs: str
    rows: Any


@dataclass
class Prefetched:
    """The memo's rows (uri -> its entry), the articles whose files are as made, and the
    size, time, inode and device of each file looked at (by its path in the project)."""

    made: Table | None
    intact: set[str]
    stats: dict[str, Any]

    def made_for(self, inputs: str) -> dict[str, Any] | None:
        return self.made.rows if self.made is not None and self.made.inputs == inputs else None


@dataclass
class Prefetch:
    """The forked reader and the folder it writes its result in."""

    worker: forked.Forked
    folder: Path

    def result(self) -> Prefetched | None:
        """What the reader found; None when it failed (the build reads the memo itself).
        The files it looked at are known to the build from then on (bantin.snapshot)."""
        try:
            self.worker.wait()
            with open(self.folder / RESULT_NAME, "rb") as stream:
                found = decode(marshal.load(stream))
            snapshot.learn(found.stats)
            return found
        except (BuildError, OSError, ValueError, EOFError, TypeError) as error:
            log.info("the build cache was not read beforehand (%s)", error)
            return None
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def stop(self) -> None:
        self.worker.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def start(root: Path, prefix: str) -> Prefetch | None:
    """Read the build cache of `root` in a forked process, from now on (None: no cache)."""
    if not cachedb.path_of(root).is_file():
        return None
    folder = Path(tempfile.mkdtemp(dir=root, prefix=prefix))
    try:
        worker = forked.start(
            lambda: write(folder / RESULT_NAME, read(root)),
            folder / "failure.txt",
            "reading the build cache",
        )
    except OSError as error:
        log.info("the build cache is read in the build's own process (%s)", error)
        shutil.rmtree(folder, ignore_errors=True)
        return None
    return Prefetch(worker, folder)


def read(root: Path) -> Prefetched:
    """The memo's rows and which articles' files are as made (in this process)."""
    from bantin.site import generate

    docs = root / "docs"
    made = cachedb.read_with_inputs(root, generate.MEMO_TABLE)
    intact: set[str] = set()
    made_table = None
    if made is not None:
        known = generate.memo_entries(made[1])
        if known is not None:
            made_table = Table(made[0], known)
            folder = str(docs)
            intact = {uri for uri, entry in known.items() if generate.as_made(entry, folder)}
    return Prefetched(made_table, intact, snapshot.learned())


def write(path: Path, found: Prefetched) -> None:
    data = [
        None if found.made is None else [found.made.inputs, found.made.rows],
        sorted(found.intact),
        found.stats,
    ]
    with open(path, "wb") as stream:
        marshal.dump(data, stream, MARSHAL_VERSION)


def decode(data: Any) -> Prefetched:
    made, intact, stats = data
    return Prefetched(None if made is None else Table(made[0], made[1]), set(intact), stats)
