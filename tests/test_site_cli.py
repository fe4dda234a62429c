"""`bantin build` end to end through the command line, with the real converter: the seed
builds; a corrupt source next to it fails the build, names the file and leaves site/ as it was."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bantin.cli import main

REPO = Path(__file__).resolve().parents[1]
HOOK = REPO / "scripts/bantin/site/mkdocs_hook.py"


def seed_root(root: Path) -> Path:
    """The repository's seed issue, configuration and hand-written pages in a fresh root."""
    shutil.copytree(REPO / "sources/2021/05", root / "sources/2021/05")
    shutil.copytree(REPO / "overrides", root / "overrides")
    (root / "docs").mkdir()
    for page in sorted((REPO / "docs").glob("*.md")):
        if page.name != "index.md":
            shutil.copy(page, root / "docs" / page.name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^  - scripts/bantin/site/mkdocs_hook\.py$", f"  - {HOOK}", config)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_build_command_publishes_the_seed(tmp_path: Path) -> None:
    root = seed_root(tmp_path)
    assert main(["build", "--root", str(root)]) == 0
    (line,) = (root / "published-urls.txt").read_text("utf-8").splitlines()
    url, source, sha, day = line.split("\t")
    assert source == "sources/2021/05/000_c2e97c40b65a00ea.txt"
    assert len(sha) == 64 and day == "2021-01-01"  # an issue of 2021 with no date: its year
    assert re.fullmatch(r"2021/so-5/[a-z0-9-]+/", url)
    page = (root / "site" / url / "index.html").read_text("utf-8")
    assert '<meta name="citation_journal_title" content="Bản tin Khoa học và Công nghệ">' in page
    assert '<script type="application/ld+json">' in page


def test_plain_mkdocs_after_bantin_build_publishes_the_same_search(tmp_path: Path) -> None:
    """`mkdocs build` (and so `mkdocs gh-deploy`) on the pages bantin wrote has the search."""
    root = seed_root(tmp_path)
    assert main(["build", "--root", str(root)]) == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("BANTIN_")}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "plain")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    ours, plain = digest(root / "site" / "search"), digest(tmp_path / "plain" / "search")
    assert "manifest.json" in plain
    assert {k: v for k, v in plain.items() if k != "index.html"} == {
        k: v for k, v in ours.items() if k != "index.html"
    }
    assert (tmp_path / "plain" / "assets/search/search.js").is_file()


def test_corrupt_source_fails_and_keeps_the_site(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = seed_root(tmp_path)
    assert main(["build", "--root", str(root)]) == 0
    before = digest(root / "site")
    (root / "sources/2021/05/hong.txt").write_bytes(bytes(range(256)) * 4)
    with caplog.at_level(logging.ERROR):
        assert main(["build", "--root", str(root)]) == 1
    assert "hong.txt" in caplog.text
    assert digest(root / "site") == before
    assert not list(root.glob(".site-*"))


def test_keep_going_publishes_the_good_articles_and_still_fails(tmp_path: Path) -> None:
    root = seed_root(tmp_path)
    (root / "sources/2021/05/hong.txt").write_bytes(bytes(range(256)) * 4)
    assert main(["build", "--root", str(root), "--keep-going"]) == 1
    assert len((root / "published-urls.txt").read_text("utf-8").splitlines()) == 1
    assert (root / "site/index.html").is_file()


def test_the_program_builds_and_ends_with_mains_status_and_its_output(tmp_path: Path) -> None:
    """`python -m bantin` as an editor runs it: the build's site and its lines are there,
    the status is main's, and the exit handlers still run after the program has left its
    objects out of the exit's collections (one registered before the build writes a file)."""
    import bantin

    root = seed_root(tmp_path / "archive")
    mark = tmp_path / "exit-handler-ran"
    env = {**os.environ, "PYTHONPATH": str(REPO / "scripts")}
    script = (
        "import atexit, pathlib, sys\n"
        "from bantin import cli\n"
        f"atexit.register(pathlib.Path({str(mark)!r}).write_text, 'ran')\n"
        f"sys.argv = ['bantin', 'build', '--root', {str(root)!r}]\n"
        "sys.exit(cli.program())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, env=env
    )
    assert done.returncode == 0, done.stderr
    assert "site/: 1 articles" in done.stderr
    assert (root / "site/index.html").is_file()
    assert mark.read_text() == "ran"
    assert sorted(p.name for p in root.iterdir() if p.name.startswith((".site-", ".search-"))) == []
    (tmp_path / "broken/docs").parent.mkdir()
    (tmp_path / "broken/docs").write_text("a file where a folder goes", encoding="utf-8")
    args = ["build", "--root", str(tmp_path / "broken")]
    failed = subprocess.run(
        [sys.executable, "-m", "bantin", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert failed.returncode == main(args) == 1
    assert f"{tmp_path / 'broken' / 'docs'}: is not a folder" in failed.stderr
    version = subprocess.run(
        [sys.executable, "-m", "bantin", "--version"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert (version.returncode, version.stdout.strip()) == (0, f"bantin {bantin.__version__}")


def test_the_program_leaves_its_objects_out_of_the_exit_collections(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The program returns main's status with what is alive frozen (Python's collections
    as it exits skip it)."""
    import gc

    from bantin import cli

    monkeypatch.setattr(cli, "main", lambda: 3)
    try:
        gc.unfreeze()
        assert cli.program() == 3
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
