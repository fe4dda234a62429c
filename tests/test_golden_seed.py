"""Golden test: the seed article converts to the Markdown written by hand from reading it.

`tests/golden/seed-expected.md` was typed from the source text, not produced by the
converter; a difference here is a converter (or writer) regression, never a file to refresh.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from bantin.pipeline import convert_sources

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "sources" / "2021" / "05"
EXPECTED = REPO / "tests" / "golden" / "seed-expected.md"


def test_seed_converts_to_the_hand_written_markdown(tmp_path: Path) -> None:
    shutil.copytree(SEED, tmp_path / "sources" / "2021" / "05")
    report = convert_sources(tmp_path, tmp_path / "docs")
    assert not report.problems, report.problems
    written = sorted((tmp_path / "docs").rglob("*.md"))
    assert [p.relative_to(tmp_path / "docs").as_posix() for p in written] == [
        "2021/so-5/"
        "xay-dung-chinh-sach-vuot-troi-de-khoa-hoc-cong-nghe-va-doi-moi-sang-tao-dong-gop.md"
    ]
    expected = EXPECTED.read_text(encoding="utf-8")
    actual = written[0].read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True), "expected", "got"
        )
    )
    assert actual == expected, diff


def test_golden_file_has_no_running_head_or_end_mark() -> None:
    body = EXPECTED.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert "Số 5 năm 2021" not in body
    assert " ?" not in body
    assert "\n9\n" not in body
    assert body.count("\n## ") + body.startswith("## ") == 2
    assert body.count("/// html | figure") == 3
