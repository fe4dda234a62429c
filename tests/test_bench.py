"""The benchmark harness works end to end at a tiny size, browser figures included (the real
runs are in BENCHMARKS.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def test_bench_measures_every_figure_at_a_tiny_size(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    # Its own process, as readers of BENCHMARKS.md run it: the browser tests of this worker
    # may hold Playwright's event loop in this one.
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bantin",
            "bench",
            "--articles",
            "6",
            "--runs",
            "1",
            "--workdir",
            "work",  # relative, as in BENCHMARKS.md's commands (the default is "bench-out")
            "--json",
            str(out),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    payload = json.loads(out.read_text(encoding="utf-8"))
    summary = payload["results"][0]["summary"]
    assert summary["articles"] == 6
    for key in (
        "convert_cold_s",
        "build_s",
        "build_incremental_s",
        "build_one_corrected_s",
        "build_issue_added_s",
        "baseline_build_s",
        "build_ratio",
        "site_mb",
    ):
        assert summary[key] > 0, key
    assert summary["search_index_mb"] > 0
    assert summary["baseline_search_index_mb"] > 0
    # In Chromium: page weight, and a first search in bantin's and in Material's search.
    assert summary["page_first_visit_kb"] > summary["page_later_visit_kb"] > 0
    for query in ("khoa_hoc", "doi_moi_sang_tao"):
        assert summary[f"search_{query}_kb"] > 0
        # timed in the page from the typing to the first result: within what the automation
        # measured around it (its delivery of the keys included)
        assert 0 < summary[f"search_{query}_ms"] <= summary[f"search_{query}_automation_ms"]
        assert summary[f"material_search_{query}_ms"] > 0
        assert summary[f"material_search_{query}_kb"] > 0, "Material fetches its index"
        assert summary[f"material_search_{query}_hits"] >= 0
    assert summary["material_search_khoa_hoc_hits"] > 0
    assert payload["machine"]["cores"]
    # The baseline is the same article pages, built by plain MkDocs + Material.
    baseline_pages = sorted((tmp_path / "work" / "baseline-6" / "docs").rglob("*.md"))
    assert len(baseline_pages) == 6 + 1  # the articles and a home page
    # What the runs set aside between measurements is gone once the command ends.
    assert not (tmp_path / "work" / ".trash").exists()
    assert (tmp_path / "work" / "archive-6" / "site" / "index.html").is_file()
    # The corrected article and the added issue (12 articles) are in the archive measured.
    archive = tmp_path / "work" / "archive-6"
    assert "Tóm tắt sửa tay lần 1." in (archive / "site/catalogue.json").read_text("utf-8")
    assert json.loads((archive / "site/search/manifest.json").read_text("utf-8"))["docs"] == 18


def test_the_trash_sets_outputs_aside_by_renaming_and_empties_at_the_end(tmp_path: Path) -> None:
    from bantin.bench import Trash

    site = tmp_path / "archive" / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("x", encoding="utf-8")
    inode = (site / "a" / "index.html").stat().st_ino
    trash = Trash(tmp_path)
    trash.set_aside(site)
    trash.set_aside(tmp_path / "archive" / "missing")  # nothing there: nothing to do
    assert not site.exists()
    kept = sorted((tmp_path / ".trash").rglob("index.html"))
    assert [p.stat().st_ino for p in kept] == [inode]  # moved, not copied
    trash.empty()
    assert not (tmp_path / ".trash").exists()
    assert (tmp_path / "archive").is_dir()


def test_a_second_bench_in_the_same_folder_is_refused(tmp_path: Path) -> None:
    from bantin.bench import workdir_lock

    with workdir_lock(tmp_path / "work"):
        done = subprocess.run(
            [sys.executable, "-m", "bantin", "bench", "--articles", "6", "--workdir", "work"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
    assert done.returncode == 1
    assert "another `bantin bench` is measuring in this folder" in done.stderr
    assert str(tmp_path / "work") in done.stderr
    assert sorted(p.name for p in (tmp_path / "work").iterdir()) == [".lock"]
    with workdir_lock(tmp_path / "work"):  # free again once the holder is done
        pass


def test_the_measured_commands_run_the_bantin_of_the_bench(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """BENCHMARKS.md runs `PYTHONPATH=scripts ... bantin bench`; the commands it times run
    inside the archive folder, where `scripts` is another folder (or none): they are given the
    same code by absolute paths, not whatever bantin is installed."""
    from bantin.bench import command_env

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(["scripts", "", str(tmp_path / "x")]))
    env = command_env()
    assert env["PYTHONPATH"].split(os.pathsep) == [
        str(tmp_path / "scripts"),
        str(tmp_path),
        str(tmp_path / "x"),
    ]
    assert env["SOURCE_DATE_EPOCH"] == "1700000000"
