"""Shared fixtures: one real archive built with `bantin build` and served on 127.0.0.1.

The archive is built once per test run, even with pytest-xdist: the first worker builds it
under a lock in the run's shared temporary folder and the others reuse it.
"""

from __future__ import annotations

import fcntl
import functools
import http.server
import importlib
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# The tests exercise this checkout's package, also in the subprocesses they start, whichever
# checkout the virtual environment was installed from.
sys.path.insert(0, str(REPO / "scripts"))
os.environ["PYTHONPATH"] = os.pathsep.join(
    filter(None, (str(REPO / "scripts"), os.environ.get("PYTHONPATH")))
)

from bantin.commands.serve import SiteHandler  # noqa: E402

SITE_URL = "http://127.0.0.1:8000/"
BUILD_TIMEOUT_S = 900
# What a build needs from the repository; everything else (.git, .venv, site/) stays out.
COPIED = ("sources", "docs", "overrides", "scripts", "mkdocs.yml", "published-urls.txt")
SYNTHETIC_ARTICLES = 24


@dataclass(frozen=True)
class BuiltArchive:
    """A temporary project root after `bantin build`: its docs/, site/ and the build's log."""

    root: Path
    log: str
    public_url: str = SITE_URL

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def docs(self) -> Path:
        return self.root / "docs"


def copy_project(target: Path) -> None:
    """The repository's sources, hand-written pages and configuration, without built output."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".site-build-*", ".site-old-*")
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, target / name)


def add_synthetic_sources(root: Path) -> None:
    """A small generated issue next to the real one, when the corpus generator exists."""
    try:
        corpus = importlib.import_module("bantin.corpus")
    except ImportError:
        return
    corpus.generate(SYNTHETIC_ARTICLES, root, seed=7)


def run_build(root: Path) -> tuple[bool, str]:
    """`bantin build` in `root`: whether it produced a site, and its output."""
    env = {**os.environ, "BANTIN_SITE_URL": SITE_URL, "SOURCE_DATE_EPOCH": "1620000000"}
    done = subprocess.run(
        [sys.executable, "-m", "bantin", "build"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    output = f"exit {done.returncode}\n{done.stdout}{done.stderr}"
    return done.returncode == 0 and (root / "site" / "index.html").is_file(), output


def shared_folder(factory: pytest.TempPathFactory) -> Path:
    """The temporary folder common to every xdist worker of this run."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def built_archive(tmp_path_factory: pytest.TempPathFactory) -> BuiltArchive:
    """The repository's archive (plus a synthetic issue) built once for the whole run.

    BANTIN_TEST_ARCHIVE=ROOT reuses a project root already built for SITE_URL instead.
    """
    given = os.environ.get("BANTIN_TEST_ARCHIVE")
    if given:
        return BuiltArchive(Path(given).resolve(), "(built before the run)")
    shared = shared_folder(tmp_path_factory)
    root = shared / "archive"
    with open(shared / "archive.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        log_file, failed = shared / "archive-build.log", shared / "archive-build.failed"
        if not log_file.exists():
            root.mkdir()
            copy_project(root)
            add_synthetic_sources(root)
            ok, output = run_build(root)
            log_file.write_text(output, encoding="utf-8")
            if not ok:
                failed.touch()
    output = log_file.read_text(encoding="utf-8")
    if failed.exists():
        pytest.fail(f"bantin build failed in {root}:\n{output[-6000:]}")
    return BuiltArchive(root, output)


class QuietHandler(SiteHandler):
    """`bantin serve`'s handler (with the site's 404 page), without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_archive: BuiltArchive) -> Iterator[str]:
    """Serve site/ on 127.0.0.1 on a free port, in a thread; yields the base URL with '/'."""
    handler = functools.partial(QuietHandler, directory=str(built_archive.site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}/"
        server.shutdown()
