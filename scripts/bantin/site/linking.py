"""Hard links instead of copies for the files bantin generated beside the pages.

MkDocs copies every static file of docs/ into the site byte by byte: at 10,000 articles that is
40,000 citation downloads and source copies, each a new file written in full. bantin replaces
a generated file by renaming a new one over it (`generate.write_atomic`) and never writes into
it, so a hard link in the site keeps exactly the bytes the site was built with, at the cost of
one directory entry. MkDocs then finds the file already in place and leaves it (it skips a copy
onto the same file, which is what lets plugins write into the site folder). Hand-written files
(images, PDFs an editor put there) are copied as usual, so editing them in place never changes
a published site. Where the site folder cannot hold links to docs/ (another file system, a
file system without hard links), MkDocs copies everything as before.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from bantin.site.generate import previous_list

log = logging.getLogger("bantin.site")

#: Errors that mean "no links here": copy instead, for this build.
NO_LINKS = {errno.EXDEV, errno.EPERM, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS}


def link_generated(
    files: Iterable[Any], docs: Path, wanted: Callable[[Any], bool] | None = None
) -> int:
    """Link every generated static file of `files` (MkDocs File objects) to its place in the
    site; return how many were linked. Documentation pages and hand-written files are left to
    MkDocs; so are files `wanted` refuses (an incremental build keeps the published ones)."""
    generated = {name for name in previous_list(docs) if name}
    made: set[str] = set()
    linked = 0
    for file in files:
        if file.is_documentation_page() or file.src_uri not in generated:
            continue
        if wanted is not None and not wanted(file):
            continue
        source, target = file.abs_src_path, file.abs_dest_path
        if source is None or not Path(source).is_relative_to(docs):
            continue
        parent = os.path.dirname(target)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        try:
            os.link(source, target)
        except FileExistsError:
            continue  # a dirty build (`mkdocs serve --dirty`): MkDocs decides as before
        except OSError as error:
            if error.errno in NO_LINKS:
                log.debug("site: no hard links to docs/ (%s); files are copied", error)
                return linked
            raise
        linked += 1
    return linked
