"""`bantin verify`: fixity of every source against what its article records."""

from __future__ import annotations

from pathlib import Path

import pytest

import bantin.pipeline as pipeline
from bantin.catalogue import load_catalogue
from bantin.cli import main
from bantin.commands.verify import verify
from bantin.exceptions import MetadataError
from test_pipeline import FAKE, TWO, make_root


def converted(tmp_path: Path) -> Path:
    root = make_root(tmp_path, TWO)
    assert pipeline.convert_sources(root, root / "docs", converter=FAKE).ok
    return root


def test_clean_archive_verifies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = converted(tmp_path)
    assert main(["verify", "--root", str(root)]) == 0
    assert "2 source(s) checked, 0 with drift" in capsys.readouterr().out


def test_changed_and_missing_sources_are_drift(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = converted(tmp_path)
    (root / "sources/2021/05/a.txt").write_text("đổi một byte\n", encoding="utf-8")
    (root / "sources/2021/05/b.txt").unlink()
    assert main(["verify", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "sources/2021/05/a.txt changed" in err
    assert "sources/2021/05/b.txt is missing" in err


def test_unconverted_source_is_not_drift(tmp_path: Path) -> None:
    root = converted(tmp_path)
    (root / "sources/2021/05/c.txt").write_text("Mới\nChưa chuyển.\n", encoding="utf-8")
    result = verify(root)
    assert not result.drift and result.unrecorded == ["sources/2021/05/c.txt"]


def test_catalogue_reads_edits_in_order_and_skips_index_pages(tmp_path: Path) -> None:
    root = converted(tmp_path)
    docs = root / "docs"
    (docs / "2021/so-5/index.md").write_text("# Số 5\n", encoding="utf-8")
    path = docs / "2021/so-5/bai-thu-hai.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("bài hai.", "bài hai (đã sửa)."), "utf-8"
    )
    entries = load_catalogue(docs).entries
    assert [e.url for e in entries] == ["2021/so-5/bai-thu-hai/", "2021/so-5/tieu-de-thu-nhat/"]
    assert entries[0].blocks[0].text == "Nội dung bài hai (đã sửa)."
    assert entries[0].path == Path("2021/so-5/bai-thu-hai.md")


def test_catalogue_reports_every_broken_article(tmp_path: Path) -> None:
    root = converted(tmp_path)
    docs = root / "docs"
    for path in sorted(docs.glob("2021/so-5/*.md")):
        path.write_text(path.read_text(encoding="utf-8").replace("issue: 5", "issue: x"), "utf-8")
    with pytest.raises(MetadataError) as caught:
        load_catalogue(docs)
    assert "bai-thu-hai.md:" in str(caught.value) and "tieu-de-thu-nhat.md:" in str(caught.value)
