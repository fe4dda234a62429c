"""MkDocs's pages rendered by several processes (bantin.site.split): the same site, failures
and strict-mode warnings of any process reported, no process left behind."""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bantin.exceptions import BuildError
from bantin.site import mkdocs_hook, split
from test_site_archive import build, make_archive
from test_site_build import tree_digest

HOOK = mkdocs_hook.__file__


def children() -> set[int]:
    """This process's child processes, from Linux's /proc (other tests may have their own)."""
    found: set[int] = set()
    for listing in Path(f"/proc/{os.getpid()}/task").glob("*/children"):
        found.update(int(pid) for pid in listing.read_text().split())
    return found


@pytest.fixture
def no_child_left() -> Iterator[None]:
    """The test leaves no process behind: none of the copies outlives the build."""
    before = children()
    yield
    assert children() <= before


@pytest.mark.parametrize("processes", [1, 2, 3, 7])
def test_every_page_in_one_share_and_the_last_in_the_first(processes: int) -> None:
    pages = [f"p{i}.md" for i in range(10)]
    parts = split.shares(pages, processes)
    assert len(parts) == processes
    assert sorted(p for part in parts for p in part) == sorted(pages)
    assert sum(len(part) for part in parts) == len(pages)
    assert pages[-1] in parts[0]
    if processes > 1:
        owner = {p: i for i, part in enumerate(parts) for p in part}
        assert all(owner[a] != owner[b] for a, b in itertools.pairwise(pages))


class Hook:
    __file__ = HOOK


class OtherPlugin:
    pass


def test_processes_only_when_allowed_and_no_other_plugin() -> None:
    ours: dict[str, Any] = {"plugins": {"hook": Hook()}}
    theirs: dict[str, Any] = {"plugins": {"hook": Hook(), "search": OtherPlugin()}}
    assert split.processes_for(ours, HOOK, 50) == 1
    with split.allowed(3):
        assert split.processes_for(ours, HOOK, 50) == 3
        assert split.processes_for(ours, HOOK, 2) == 2
        assert split.processes_for(theirs, HOOK, 50) == 1


@pytest.fixture(scope="module")
def one_process_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = make_archive(tmp_path_factory.mktemp("serial"))
    build(root, render_processes=1)
    return tree_digest(root / "site")


@pytest.mark.parametrize("processes", [2, 3])
@pytest.mark.usefixtures("no_child_left")
def test_split_site_is_byte_identical(
    tmp_path: Path, one_process_site: dict[str, str], processes: int
) -> None:
    root = make_archive(tmp_path)
    build(root, render_processes=processes)
    assert tree_digest(root / "site") == one_process_site


def give_the_copy(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Shares where the copy renders `page` alone."""

    def shares(pages: list[str], processes: int) -> list[frozenset[str]]:
        assert page in pages
        return [frozenset(p for p in pages if p != page), frozenset({page})]

    monkeypatch.setattr(split, "shares", shares)


BAD_PAGE = "gioi-thieu.md"


def use_missing_template(root: Path) -> None:
    path = root / "docs" / BAD_PAGE
    path.write_text("---\ntemplate: khong-co.html\n---\n" + path.read_text("utf-8"), "utf-8")


@pytest.mark.usefixtures("no_child_left")
def test_a_page_failing_in_the_copy_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_archive(tmp_path)
    build(root, render_processes=1)
    before = tree_digest(root / "site")
    use_missing_template(root)
    give_the_copy(BAD_PAGE, monkeypatch)
    said = rf"another process: Error building page '{BAD_PAGE}': khong-co\.html"
    with pytest.raises(BuildError, match=said):
        build(root, render_processes=2, clean=True)
    assert tree_digest(root / "site") == before


@pytest.mark.usefixtures("no_child_left")
def test_a_page_failing_in_the_first_process_stops_the_copy(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    use_missing_template(root)
    with pytest.raises(BuildError, match=r"khong-co\.html"):
        build(root, render_processes=2)
    assert not (root / "site").exists()


@pytest.mark.usefixtures("no_child_left")
def test_a_warning_in_the_copy_fails_a_strict_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_archive(tmp_path)
    give_the_copy(BAD_PAGE, monkeypatch)
    renders = split.renders

    def warning_while_rendering(page: Any) -> bool:
        if split.is_copy() and page.file.src_uri == BAD_PAGE:
            logging.getLogger("mkdocs.test").warning("a warning while rendering")
        return renders(page)

    monkeypatch.setattr(split, "renders", warning_while_rendering)
    said = r"another process: 1 warning\(s\) or error\(s\) in strict mode"
    with pytest.raises(BuildError, match=said):
        build(root, render_processes=2)


def test_each_page_is_rendered_by_exactly_one_of_the_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_archive(tmp_path / "archive")
    record = tmp_path / "rendered.txt"
    renders = split.renders

    def recorded(page: Any) -> bool:
        mine = renders(page)
        if mine:  # one short append per page: lines from two processes never mix
            with open(record, "a", encoding="utf-8") as out:
                out.write(f"{os.getpid()} {page.file.src_uri}\n")
        return mine

    monkeypatch.setattr(split, "renders", recorded)
    build(root, render_processes=2)
    lines = [line.split(" ", 1) for line in record.read_text("utf-8").splitlines()]
    pages = [page for _, page in lines]
    by_process = {pid for pid, _ in lines}
    assert len(by_process) == 2
    assert len(pages) == len(set(pages))
    docs = root / "docs"
    built_pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    assert set(pages) == built_pages


@pytest.mark.parametrize(("processes", "started"), [(2, 0), (3, 1)])
@pytest.mark.usefixtures("no_child_left")
def test_when_no_more_processes_start_the_first_renders_the_rest(
    tmp_path: Path,
    one_process_site: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    processes: int,
    started: int,
) -> None:
    root = make_archive(tmp_path)
    forks: list[int] = []
    fork = split._fork

    def limited_fork() -> int:
        if len(forks) == started:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        forks.append(1)
        return fork()

    monkeypatch.setattr(split, "_fork", limited_fork)
    with caplog.at_level(logging.WARNING, logger="bantin.site"):
        build(root, render_processes=processes)
    assert tree_digest(root / "site") == one_process_site
    said = f"rendering with {started + 1} process(es) instead of {processes}"
    assert said in caplog.text
