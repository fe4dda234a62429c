"""`bantin convert` and `bantin verify` through the CLI's main()."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

import bantin.commands.convert as convert_command
import bantin.pipeline as pipeline
from bantin.cli import main
from bantin.markdown import read_article
from test_pipeline import FAKE, TWO, make_root


@pytest.fixture(autouse=True)
def fake_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "default_converter", lambda: FAKE)
    monkeypatch.setattr(convert_command, "default_converter", lambda: FAKE)


def test_convert_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_root(tmp_path, TWO)
    code = main(
        ["convert", str(root / "sources"), "--out", str(root / "docs"), "--root", str(root)]
    )
    assert code == 0
    assert "2 converted" in capsys.readouterr().out
    assert (root / "docs/2021/so-5/bai-thu-hai.md").is_file()


def test_the_markdown_goes_under_the_root_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_root(tmp_path / "project", TWO)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["convert", str(root / "sources"), "--root", str(root)]) == 0
    assert (root / "docs/2021/so-5/bai-thu-hai.md").is_file()
    assert not any(elsewhere.iterdir())  # nothing written where the command was run


def test_convert_a_lone_file_outside_sources(tmp_path: Path) -> None:
    lone = tmp_path / "elsewhere" / "x.txt"
    lone.parent.mkdir()
    lone.write_text("Bài lẻ\nThân bài.\n", encoding="utf-8")
    (lone.parent / "x.yml").write_text("issue: 7\nyear: 2022\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(lone), "--out", str(out), "--root", str(tmp_path / "r")]) == 0
    front = read_article(out / "2022/so-7/bai-le.md").front
    assert front.source == "x.txt"
    assert front.source_sha256 == hashlib.sha256(lone.read_bytes()).hexdigest()


def test_lone_file_without_issue_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lone = tmp_path / "x.txt"
    lone.write_text("Bài lẻ\nThân bài.\n", encoding="utf-8")
    assert main(["convert", str(lone), "--out", str(tmp_path / "out")]) == 1
    assert "x.txt" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_convert_exits_non_zero_and_lists_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_root(tmp_path, TWO)
    folder = root / "sources/2021/05"
    (folder / "empty.txt").write_bytes(b"")
    (folder / "bad.txt").write_bytes(b"Ti\xc3")
    args = ["convert", str(root / "sources"), "--out", str(root / "docs"), "--root", str(root)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "empty.txt" in err and "bad.txt" in err
    assert not (root / "docs").exists()
    assert main([*args, "--keep-going"]) == 1
    assert (root / "docs/2021/so-5/bai-thu-hai.md").is_file()


def test_explain_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import types

    module = types.ModuleType("bantin.convert.explain")
    module.format_explanation = lambda article: f"title: {article.title}"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bantin.convert.explain", module)
    root = make_root(tmp_path, TWO)
    monkeypatch.chdir(root)
    assert main(["convert", "--explain", "sources/2021/05/a.txt"]) == 0
    assert capsys.readouterr().out == "title: Tiêu đề thứ nhất\n"
    assert not (root / "docs").exists()
