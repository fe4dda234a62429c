"""Work the build runs in a forked process while it goes on, with its failure reported back."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bantin.exceptions import BuildError


@dataclass
class Forked:
    """One piece of work in a forked process; `wait` raises a BuildError naming `what`."""

    process: Any
    failure: Path
    what: str
    done: bool = False

    def wait(self) -> None:
        if self.done:
            return
        self.process.join()
        self.done = True
        if self.process.exitcode != 0:
            failed = self.failure
            reason = failed.read_text(encoding="utf-8") if failed.exists() else "worker died"
            raise BuildError(f"{self.what} failed: {reason}")

    def stop(self) -> None:
        """End the process if it still runs (the build failed elsewhere)."""
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()


def start(work: Callable[[], None], failure: Path, what: str, niceness: int = 0) -> Forked:
    """Run `work` in a forked process; its exception's text goes to `failure`.

    fork: the process needs no re-import of the caller's main module. The build starts its
    processes between stages, when the progress display runs no refresh thread, so no lock is
    held at fork time.
    """

    def child() -> None:
        if niceness:
            os.nice(niceness)
        try:
            work()
        except BaseException as error:
            # A BuildError's message already says what went wrong; others get their type.
            text = (
                str(error) if isinstance(error, BuildError) else f"{type(error).__name__}: {error}"
            )
            failure.write_text(text, encoding="utf-8")
            os._exit(1)
        os._exit(0)

    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    return Forked(process, failure, what)
