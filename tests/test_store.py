"""The store: atomic writes, the manifest and how a file on disk is classified."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bantin.exceptions import BantinError, MetadataError
from bantin.store import (
    MANIFEST_NAME,
    FileState,
    Manifest,
    ManifestEntry,
    edit_diff,
    load_manifest,
    output_path,
    save_manifest,
    sha256_bytes,
    state_of,
    write_atomic,
)


def entry(text: str, source: str = "sources/2021/05/a.txt") -> ManifestEntry:
    return ManifestEntry(
        sha256_bytes(text.encode("utf-8")), source, "1" * 64, "", "2" * 64, "0.1.0"
    )


def test_atomic_write_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b.md"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert os.listdir(target.parent) == ["b.md"]


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "b.md"
    write_atomic(target, b"old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["b.md"]


def test_manifest_round_trip_is_sorted_and_stable(tmp_path: Path) -> None:
    manifest = Manifest({"b.md": entry("b"), "a.md": entry("a")})
    save_manifest(tmp_path, manifest)
    text = (tmp_path / MANIFEST_NAME).read_text(encoding="utf-8")
    assert text.index('"a.md"') < text.index('"b.md"')
    assert load_manifest(tmp_path) == manifest
    assert load_manifest(tmp_path).to_json() == text


def test_broken_manifest_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    with pytest.raises(MetadataError) as caught:
        load_manifest(tmp_path)
    assert MANIFEST_NAME in str(caught.value)


def test_file_states(tmp_path: Path) -> None:
    manifest = Manifest({"gen.md": entry("generated\n"), "edit.md": entry("generated\n")})
    (tmp_path / "gen.md").write_text("generated\n", encoding="utf-8")
    (tmp_path / "edit.md").write_text("generated, then corrected\n", encoding="utf-8")
    (tmp_path / "hand.md").write_text("mine\n", encoding="utf-8")
    assert state_of(tmp_path, "gen.md", manifest) is FileState.GENERATED
    assert state_of(tmp_path, "edit.md", manifest) is FileState.EDITED
    assert state_of(tmp_path, "hand.md", manifest) is FileState.HANDWRITTEN
    assert state_of(tmp_path, "none.md", manifest) is FileState.MISSING


def test_same_inputs_ignores_only_the_written_hash() -> None:
    assert entry("a").same_inputs(entry("b"))
    assert not entry("a").same_inputs(entry("a", source="sources/2021/05/b.txt"))


def test_edit_diff_shows_both_sides() -> None:
    diff = edit_diff("x.md", "một\nhai\n", "một\nhai đã sửa\n")
    assert "-hai\n" in diff and "+hai đã sửa\n" in diff and "x.md" in diff


def test_output_path_refuses_escape(tmp_path: Path) -> None:
    with pytest.raises(BantinError):
        output_path(tmp_path / "docs", "../outside.md")
