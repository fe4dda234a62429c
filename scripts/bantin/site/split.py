"""Rendering MkDocs's pages in several processes.

MkDocs reads every page, then renders them one after the other in one process. When
`bantin build` allows it, the hook forks MkDocs once every page is read (the `env` event):
each process renders its share of the pages (every N-th one), from the same state, so the
site is byte-identical to a one-process run. A page of another share goes through an empty
template and is not written. Everything MkDocs does once (theme files and templates, the
404 page, the sitemap, anchor checks, `post_build`) stays with the first process, which
owns the last page; a copy stops when MkDocs reaches that page, and the first process waits
for every copy before `post_build` and fails the build if one failed or warned in strict
mode. Plugins other than bantin's hook may gather data from every page (a search plugin
does), so with any of them configured the pages are rendered in one process.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bantin.exceptions import BuildError

#: The template a page of another process's share is rendered with: no output, no file.
SKIP_TEMPLATE = "bantin-skip.html"
#: How much of a failure's text a copy sends back.
MESSAGE_MAX = 4000

log = logging.getLogger("bantin.site")


@dataclass
class Share:
    """This process's part of the run: which pages it renders and how it reports."""

    index: int  # 0 in the first process, 1.. in the copies
    mine: frozenset[str]  # src_uri of the pages this process renders
    last: str  # src_uri of the page MkDocs renders last (always the first process's)
    strict: bool
    children: dict[int, int] = field(default_factory=dict)  # pid -> pipe read end
    pipe: int = -1  # a copy's write end
    warnings: int = 0  # and errors, as MkDocs counts them in strict mode
    last_error: str = ""  # what MkDocs logged last at ERROR (it names the page)


_ALLOWED: list[int] = []
_SHARE: list[Share] = []


@contextmanager
def allowed(processes: int) -> Iterator[None]:
    """Let the hook split the MkDocs run inside this block into `processes` processes."""
    _ALLOWED.append(processes)
    try:
        yield
    finally:
        _ALLOWED.pop()
        stop()


def processes_for(config: Any, hook_file: str, pages: int) -> int:
    """How many processes render: 1 unless allowed, and only bantin's hook is a plugin."""
    wanted = _ALLOWED[-1] if _ALLOWED else 1
    hook = Path(hook_file).resolve()
    plugins = list(config["plugins"].values())
    only_ours = all(Path(getattr(p, "__file__", "") or "-").resolve() == hook for p in plugins)
    return max(1, min(wanted, pages)) if only_ours and hasattr(os, "fork") else 1


def shares(pages: list[str], processes: int) -> list[frozenset[str]]:
    """Every `processes`-th page to each process, counted from the end: the last page is the
    first process's, and consecutive pages (of like size and kind) go to different ones."""
    count = len(pages)
    return [
        frozenset(p for i, p in enumerate(pages) if (count - 1 - i) % processes == index)
        for index in range(processes)
    ]


def split(
    env: Any, config: Any, files: Any, hook_file: str, rendered: Callable[[Any], bool] | None = None
) -> None:
    """On MkDocs's `env` event: fork the copies; each process keeps only its share of the
    pages MkDocs renders (`rendered`: all of them when None)."""
    pages = [f.src_uri for f in files.documentation_pages() if rendered is None or rendered(f)]
    processes = processes_for(config, hook_file, len(pages))
    if processes < 2:
        return
    import jinja2

    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({SKIP_TEMPLATE: ""}), env.loader])
    parts = shares(pages, processes)
    share = Share(0, parts[0], pages[-1], bool(config["strict"]))
    _SHARE[:] = [share]
    sys.stdout.flush()
    sys.stderr.flush()
    for index in range(1, processes):
        try:
            pid, read_end, write_end = _fork_with_pipe()
        except OSError as error:  # no process left to start: this one renders the rest
            log.warning("rendering with %d process(es) instead of %d: %s", index, processes, error)
            share.mine = share.mine.union(*parts[index:])
            break
        if pid == 0:
            os.close(read_end)
            for other in share.children.values():
                os.close(other)
            _become_copy(Share(index, parts[index], share.last, share.strict, pipe=write_end))
            _drop_once_only_work(config, files)
            break
        os.close(write_end)
        share.children[pid] = read_end
    _skip_others(files, _SHARE[0].mine)


def _fork_with_pipe() -> tuple[int, int, int]:
    """fork(), with a pipe for the child's report; closed again when no child starts."""
    read_end, write_end = os.pipe()
    try:
        return _fork(), read_end, write_end
    except OSError:
        os.close(read_end)
        os.close(write_end)
        raise


def _fork() -> int:
    return os.fork()


def _become_copy(share: Share) -> None:
    _SHARE[:] = [share]
    logging.getLogger("mkdocs").addHandler(_Reports(share))


def _drop_once_only_work(config: Any, files: Any) -> None:
    """A copy makes no theme files, static or extra templates: the first process does."""
    for file in [f for f in files if not f.is_documentation_page()]:
        files.remove(file)
    config["theme"].static_templates.clear()
    config["extra_templates"].clear()


def _skip_others(files: Any, mine: frozenset[str]) -> None:
    for file in files.documentation_pages():
        if file.src_uri not in mine:
            file.page.meta["template"] = SKIP_TEMPLATE


def share_size() -> int | None:
    """How many pages this process renders, when the rendering is split."""
    return len(_SHARE[0].mine) if _SHARE else None


def is_copy() -> bool:
    return bool(_SHARE) and _SHARE[0].index > 0


def renders(page: Any) -> bool:
    """Whether this process renders `page` (always, when MkDocs runs in one process)."""
    return not _SHARE or page.file.src_uri in _SHARE[0].mine


def page_done(page: Any) -> None:
    """A copy stops when MkDocs reaches the last page: all of its share is written."""
    if is_copy() and page.file.src_uri == _SHARE[0].last:
        share = _SHARE[0]
        if share.strict and share.warnings:
            _exit_copy(share, f"{share.warnings} warning(s) or error(s) in strict mode")
        _exit_copy(share, "")


def failed(error: BaseException) -> None:
    """On a build error: a copy reports it and ends; the first process stops the copies."""
    if is_copy():
        share = _SHARE[0]
        kind = type(error).__name__
        said = f"{share.last_error} ({kind})" if share.last_error else f"{kind}: {error}"
        _exit_copy(share, said)
    stop()


def _exit_copy(share: Share, message: str) -> None:
    if message:
        os.write(share.pipe, message.encode("utf-8", "replace")[:MESSAGE_MAX])
    os._exit(1 if message else 0)


def leave_if_copy() -> None:
    """Called when MkDocs returns or raises: a copy never goes on with the caller's work."""
    if is_copy():
        _exit_copy(_SHARE[0], "stopped before the last page")


def wait() -> None:
    """In the first process: wait for every copy; raise BuildError with what a failed one said."""
    if not _SHARE or is_copy():
        return
    share = _SHARE[0]
    reasons = []
    for pid, read_end in sorted(share.children.items()):
        _, status = os.waitpid(pid, 0)
        message = _read_all(read_end).decode("utf-8", "replace")
        os.close(read_end)
        if status != 0:
            reasons.append(message or f"ended with status {status}")
    share.children.clear()
    _SHARE.clear()
    if reasons:
        raise BuildError("pages rendered in another process: " + "; ".join(reasons))


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


def stop() -> None:
    """End and reap any copy still running (the build failed, or was interrupted)."""
    if not _SHARE or is_copy():
        return
    for pid, read_end in _SHARE[0].children.items():
        try:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(read_end)
    _SHARE.clear()


class _Reports(logging.Handler):
    """A copy's warnings and last error, which its own MkDocs run cannot report to the first
    process (the copy's log lines are printed as they come, like the first process's)."""

    def __init__(self, share: Share) -> None:
        super().__init__(logging.WARNING)
        self.share = share

    def emit(self, record: logging.LogRecord) -> None:
        self.share.warnings += 1
        if record.levelno >= logging.ERROR:
            self.share.last_error = record.getMessage()
