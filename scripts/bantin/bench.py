"""Archive-scale benchmark: conversion, build, search and page weight against plain Material.

Every figure is the median of several runs measured in the same session as its baseline, so
ratios stay meaningful on a shared, noisy machine. Nothing here runs in the unit tests except
with a tiny N that proves the harness works.
"""

from __future__ import annotations

import fcntl
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bantin import __version__
from bantin.exceptions import BantinError

REPO_ROOT = Path(__file__).resolve().parents[2]
#: Files a fresh archive needs besides its sources to build like the real one.
SITE_SKELETON = ("mkdocs.yml", "overrides")

#: Above this size the baseline's lunr search is not queried in the browser (see measure()).
MATERIAL_SEARCH_MAX = 5_000

PLAIN_MKDOCS_YML = """\
site_name: Baseline
site_url: http://127.0.0.1:8000/
theme:
  name: material
  language: vi
  font: false
  features:
    - navigation.prune
plugins:
  - search
nav:
  - index.md
"""


@dataclass
class Timing:
    """Wall-clock seconds and peak resident memory of one measured step."""

    runs: list[float] = field(default_factory=list)
    peak_rss_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.runs) if self.runs else float("nan")

    @property
    def median_rss_mb(self) -> float:
        return statistics.median(self.peak_rss_mb) if self.peak_rss_mb else float("nan")


@dataclass
class BenchResult:
    """Everything one `bantin bench` run measured, ready for JSON and the table."""

    articles: int
    runs: int
    machine: dict[str, str]
    source_mb: float = 0.0
    convert_cold: Timing = field(default_factory=Timing)
    convert_incremental: Timing = field(default_factory=Timing)
    build_from_sources: Timing = field(default_factory=Timing)
    build: Timing = field(default_factory=Timing)
    build_incremental: Timing = field(default_factory=Timing)
    build_one_corrected: Timing = field(default_factory=Timing)
    build_issue_added: Timing = field(default_factory=Timing)
    baseline_build: Timing = field(default_factory=Timing)
    site_mb: float = 0.0
    baseline_site_mb: float = 0.0
    search_index_mb: float = 0.0
    baseline_search_index_mb: float = 0.0
    browser: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        cold = self.convert_cold.median
        return {
            "articles": self.articles,
            "runs": self.runs,
            "convert_cold_s": round(cold, 3),
            "convert_articles_per_s": round(self.articles / cold, 1) if cold else None,
            "convert_mb_per_s": round(self.source_mb / cold, 2) if cold else None,
            "convert_incremental_s": round(self.convert_incremental.median, 3),
            "build_from_sources_s": round(self.build_from_sources.median, 2),
            "build_s": round(self.build.median, 2),
            "build_peak_mb": round(self.build.median_rss_mb, 1),
            "build_incremental_s": round(self.build_incremental.median, 2),
            "build_one_corrected_s": round(self.build_one_corrected.median, 2),
            "build_issue_added_s": round(self.build_issue_added.median, 2),
            "baseline_build_s": round(self.baseline_build.median, 2),
            "baseline_peak_mb": round(self.baseline_build.median_rss_mb, 1),
            "build_ratio": round(self.build.median / self.baseline_build.median, 3),
            "site_mb": round(self.site_mb, 1),
            "baseline_site_mb": round(self.baseline_site_mb, 1),
            "search_index_mb": round(self.search_index_mb, 2),
            "baseline_search_index_mb": round(self.baseline_search_index_mb, 2),
            **self.browser,
        }


def machine_info() -> dict[str, str]:
    """What the figures were measured on, so a reader can compare like with like."""
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "bantin": __version__,
        "date": time.strftime("%Y-%m-%d"),
    }


def tree_mb(path: Path) -> float:
    """Total size of the files under `path`, in MB."""
    if not path.exists():
        return 0.0
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run a command under GNU time; return (wall seconds, peak RSS in MB). Fails loudly."""
    full = ["/usr/bin/time", "-f", "%e %M", *command]
    done = subprocess.run(full, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout[-2000:]}"
            f"\n{done.stderr[-4000:]}"
        )
    wall, rss_kb = done.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss_kb) / 1024


def repeat(
    step: Callable[[], tuple[float, float]], runs: int, before: Callable[[], None]
) -> Timing:
    """Run `before` then `step` `runs` times, keeping every wall time and peak memory."""
    timing = Timing()
    for _ in range(runs):
        before()
        wall, rss = step()
        timing.runs.append(wall)
        timing.peak_rss_mb.append(rss)
    return timing


@contextmanager
def workdir_lock(workdir: Path) -> Iterator[None]:
    """One benchmark at a time in `workdir`: two would reset each other's archives between
    runs (and share the machine, which makes both sets of figures wrong)."""
    workdir.mkdir(parents=True, exist_ok=True)
    with open(workdir / ".lock", "w", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BantinError(
                f"{workdir}: another `bantin bench` is measuring in this folder; "
                "wait for it to end (or give another --workdir)"
            ) from None
        yield


class Trash:
    """Where the runs' outputs go between measurements: renamed aside, deleted at the end.

    On ext4 without a journal, creating a file within a minute of deleting thousands skips
    over each recently freed inode (the kernel's `recently_deleted` check): about 0.3 ms of
    kernel time per new file, several seconds per run at 10,000 articles. A user's first
    conversion or build pays none of it, so the benchmark deletes nothing between runs.
    """

    def __init__(self, workdir: Path) -> None:
        self.folder = workdir / ".trash"
        self.count = 0

    def set_aside(self, path: Path) -> None:
        """Move a file or folder out of the way (a rename); nothing when it does not exist."""
        if not path.exists() and not path.is_symlink():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        self.count += 1
        path.rename(self.folder / f"{self.count:04d}-{path.name}")

    def empty(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def make_archive(root: Path, articles: int, seed: int, trash: Trash) -> None:
    """A fresh archive folder: synthetic sources plus the repository's site skeleton."""
    from bantin import corpus

    trash.set_aside(root)
    root.mkdir(parents=True)
    corpus.generate(articles, root, seed=seed)
    for name in SITE_SKELETON:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    hand_written = REPO_ROOT / "docs"
    for page in sorted(hand_written.glob("*.md")):
        (root / "docs").mkdir(exist_ok=True)
        if page.name != "index.md":
            shutil.copy2(page, root / "docs" / page.name)
    for folder in ("search",):
        if (hand_written / folder).is_dir():
            shutil.copytree(hand_written / folder, root / "docs" / folder)


def reset_generated(root: Path, trash: Trash) -> None:
    """Set aside what conversion and build produce, keeping sources and the skeleton."""
    for folder in sorted((root / "docs").glob("[0-9]*")):
        trash.set_aside(folder)
    trash.set_aside(root / "docs" / ".bantin-manifest.json")
    for name in ("site", "published-urls.txt", ".cache"):
        trash.set_aside(root / name)


def reset_site(root: Path, trash: Trash) -> None:
    """Set aside the built site and the build caches, keeping the converted articles."""
    for name in ("site", ".cache"):
        trash.set_aside(root / name)


#: Articles in the issue an editor adds between two builds.
ISSUE_ARTICLES = 12


def correct_one_article(root: Path, run: int) -> None:
    """An editor's correction by hand: the lead of an article in the middle of the archive."""
    articles = sorted(p for p in (root / "docs").glob("[0-9]*/so-*/*.md") if p.name != "index.md")
    article = articles[len(articles) // 2]
    text = article.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    lines = [line for line in head.split("\n") if not line.startswith("lead:")]
    lines.insert(-1, f"lead: Tóm tắt sửa tay lần {run}.")
    article.write_text("\n".join(lines) + sep + body, encoding="utf-8")


def add_issue(root: Path, run: int) -> None:
    """The next issue of the bulletin: ISSUE_ARTICLES new sources in a new issue folder (texts
    of existing articles with a line of their own, so no two sources are the same)."""
    folders = sorted((root / "sources").glob("[0-9]*/[0-9]*"), key=lambda p: p.parts[-2:])
    last = folders[-1]
    year, number = int(last.parts[-2]), int(last.parts[-1]) + 1
    if number > 12:
        year, number = year + 1, 1
    folder = root / "sources" / str(year) / f"{number:02d}"
    folder.mkdir(parents=True)
    (folder / "issue.yml").write_text(
        f"bulletin: Bản tin Khoa học và Công nghệ\nissue: {number}\nyear: {year}\n"
        f"issue_date: {year}-{number:02d}-15\n",
        encoding="utf-8",
    )
    models = sorted(p for p in (root / "sources").rglob("*.txt"))
    for index in range(ISSUE_ARTICLES):
        model = models[index % len(models)]
        text = model.read_text(encoding="utf-8") + f"\nSố bổ sung {run}, bài {index + 1}.\n"
        source = folder / f"{index:03d}_{model.stem.split('_', 1)[-1]}.txt"
        source.write_text(text, encoding="utf-8")
        # Its own title (so its own URL), as an editor gives in the article's sidecar.
        title = f"Bài {index + 1} của số bổ sung {run}"
        source.with_suffix(".yml").write_text(f"title: {title}\n", encoding="utf-8")


def bantin_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "bantin", *args]


def make_baseline(root: Path, base: Path) -> None:
    """The same article pages as a plain MkDocs + Material project with built-in search."""
    (base / "docs").mkdir(parents=True)
    for page in sorted((root / "docs").rglob("*.md")):
        relative = page.relative_to(root / "docs")
        if relative.parts[0][:1].isdigit() and page.name != "index.md":
            target = base / "docs" / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(page, target)
    (base / "docs" / "index.md").write_text("# Baseline\n", encoding="utf-8")
    (base / "mkdocs.yml").write_text(PLAIN_MKDOCS_YML, encoding="utf-8")


def command_env() -> dict[str, str]:
    """The environment of the measured commands: a fixed build date, and PYTHONPATH with
    absolute paths (they run inside the archive folder, where a relative `scripts` would miss
    the code being measured and Python would take the installed bantin)."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    given = env.get("PYTHONPATH")
    if given is not None:
        parts = [os.path.abspath(part or os.curdir) for part in given.split(os.pathsep)]
        env["PYTHONPATH"] = os.pathsep.join(parts)
    return env


def run_bench(
    articles: int, runs: int, workdir: Path, seed: int, browser: bool, trash: Trash
) -> BenchResult:
    """Measure every figure of issue 6 at one archive size; what it sets aside goes to
    `trash`, which the caller empties once every size is measured."""
    result = BenchResult(articles=articles, runs=runs, machine=machine_info())
    workdir = workdir.resolve()  # the measured commands run inside the archive folder
    root = workdir / f"archive-{articles}"
    make_archive(root, articles, seed, trash)
    result.source_mb = tree_mb(root / "sources")
    env = command_env()

    def convert() -> tuple[float, float]:
        return timed(bantin_command("convert", "sources", "--out", "docs"), root, env)

    result.convert_cold = repeat(convert, runs, lambda: reset_generated(root, trash))
    result.convert_incremental = repeat(convert, runs, lambda: None)

    def build() -> tuple[float, float]:
        return timed(bantin_command("build", "--root", str(root)), root, env)

    result.build_from_sources = repeat(build, runs, lambda: reset_generated(root, trash))
    # The figure compared with plain Material: the same converted pages, nothing cached.
    result.build = repeat(build, runs, lambda: reset_site(root, trash))
    result.build_incremental = repeat(build, runs, lambda: None)
    result.site_mb = tree_mb(root / "site")
    result.search_index_mb = tree_mb(root / "site" / "search")

    base = workdir / f"baseline-{articles}"
    trash.set_aside(base)
    make_baseline(root, base)

    def baseline() -> tuple[float, float]:
        return timed([sys.executable, "-m", "mkdocs", "build", "-q"], base, env)

    result.baseline_build = repeat(baseline, runs, lambda: trash.set_aside(base / "site"))
    result.baseline_site_mb = tree_mb(base / "site")
    result.baseline_search_index_mb = tree_mb(base / "site" / "search")
    if browser:
        from bantin import bench_browser

        result.browser = bench_browser.measure(
            root / "site", base / "site", runs, material_search=articles <= MATERIAL_SEARCH_MAX
        )
    # An editor's routine, last (the archive grows): correct one article by hand, add an issue.
    counter = iter(range(1, 1000))
    result.build_one_corrected = repeat(
        build, runs, lambda: correct_one_article(root, next(counter))
    )
    result.build_issue_added = repeat(build, runs, lambda: add_issue(root, next(counter)))
    return result


def format_table(results: list[BenchResult]) -> str:
    """A Markdown table, one column per archive size."""
    summaries = [r.summary() for r in results]
    keys = [k for k in summaries[0] if k not in ("articles", "runs")]
    header = "| figure | " + " | ".join(f"{s['articles']:,} articles" for s in summaries) + " |"
    rule = "|---|" + "---|" * len(summaries)
    rows = [f"| {k} | " + " | ".join(str(s.get(k, "")) for s in summaries) + " |" for k in keys]
    return "\n".join([header, rule, *rows])


def write_json(results: list[BenchResult], path: Path) -> None:
    payload = {
        "machine": results[0].machine if results else {},
        "results": [{"summary": r.summary(), "raw": asdict(r)} for r in results],
    }
    path.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")
