"""The search index updated in place equals the index written from scratch, byte for byte,
and only the files holding a changed article are written (bantin.search.update)."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bantin.search import builder, update
from bantin.search.query import search

WORDS = ["đổi", "mới", "sáng", "tạo", "khoa", "học", "công", "nghệ", "KH&CN", "nông", "dân", "Huế"]
AUTHORS = ["Hải Hằng", "Xuân Bình", "Trần Thị Bình"]
SECTIONS = ["Diễn đàn", "Tin tức"]


@dataclass(frozen=True)
class Front:
    title: str
    author_names: list[str]
    date: dt.date | None
    issue: int
    year: int
    section: str | None
    lead: str


@dataclass(frozen=True)
class Block:
    text: str
    anchor: str


@dataclass(frozen=True)
class Entry:
    front: Front
    blocks: list[Block]
    url: str
    path: str = field(default="", compare=False)


def digest_of(entry: Entry) -> str:
    return hashlib.sha256(repr(entry).encode()).hexdigest()


texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)


@st.composite
def entries(draw: st.DrawFn, slug: str) -> Entry:
    year = draw(st.sampled_from([2020, 2021]))
    issue = draw(st.integers(1, 3))
    front = Front(
        draw(texts),
        draw(st.lists(st.sampled_from(AUTHORS), max_size=2, unique=True)),
        dt.date(year, issue, 10),
        issue,
        year,
        draw(st.sampled_from([None, *SECTIONS])),
        draw(st.sampled_from(["", "Tóm tắt."])),
    )
    blocks = [Block(text, f"p{i}") for i, text in enumerate(draw(st.lists(texts, max_size=4)))]
    return Entry(front, blocks, f"{year}/so-{issue}/{slug}/")


@st.composite
def catalogues(draw: st.DrawFn) -> tuple[list[Entry], list[Entry]]:
    """A catalogue and the same after some additions, corrections and deletions."""
    slugs = [f"bai-{n}" for n in range(draw(st.integers(1, 8)))]
    before = {slug: draw(entries(slug)) for slug in slugs}
    after = dict(before)
    for slug in draw(st.lists(st.sampled_from(slugs), max_size=3)):
        after.pop(slug, None)
    for slug in draw(st.lists(st.sampled_from(slugs), max_size=3)):
        after[slug] = draw(entries(slug))
    for n in range(draw(st.integers(0, 3))):
        after[f"moi-{n}"] = draw(entries(f"moi-{n}"))
    return builder.entries_of(before.values()), builder.entries_of(after.values())


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.*")}


def published(folder: Path, entries: list[Entry]) -> update.Memo:
    full = builder.write_full(entries, folder)
    return update.memo_of(full.acc, update.doc_keys(entries, digest_of), full.shards)


def updated_site(old: Path, out: Path, memo: update.Memo, entries: list[Entry]) -> dict[str, bytes]:
    """What the build publishes: the files the update wrote, the others kept from `old`."""
    _, names = update.update_index(entries, memo, out, old, digest_of)
    site = files(out)
    for name in names:
        if f"search/{name}" not in site:
            site[f"search/{name}"] = (old / "search" / name).read_bytes()
    return site


@pytest.fixture
def small_shards(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shards of a few hundred bytes, so small catalogues have many and their number moves."""
    monkeypatch.setattr(builder, "TERM_SHARD_BYTES", 300)
    monkeypatch.setattr(builder, "BIGRAM_SHARD_BYTES", 400)
    monkeypatch.setattr(builder, "PREFIX_SHARD_BYTES", 200)


@pytest.mark.usefixtures("small_shards")
@settings(max_examples=60, deadline=None)
@given(catalogues())
def test_update_in_place_equals_a_full_index(change: tuple[list[Entry], list[Entry]]) -> None:
    before, after = change
    with tempfile.TemporaryDirectory() as folder:
        old, out, clean = Path(folder, "old"), Path(folder, "out"), Path(folder, "clean")
        memo = published(old, before)
        expected = published(clean, after)
        assert updated_site(old, out, memo, after) == files(clean)
        assert memo.docs == expected.docs
        assert memo.ids == expected.ids and memo.tfs == expected.tfs
        assert memo.shards == expected.shards and memo.sizes == expected.sizes


def test_the_memo_round_trips(tmp_path: Path) -> None:
    entry = Entry(Front("Đổi mới KH&CN", ["Hải Hằng"], None, 1, 2021, None, "Tóm tắt."), [], "u/")
    memo = published(tmp_path / "site", [entry])
    memo.site = [1, 2]
    memo.save(tmp_path / "memo")
    loaded = update.Memo.load(tmp_path / "memo")
    assert loaded == memo


@pytest.mark.usefixtures("small_shards")
def test_only_files_holding_a_changed_article_are_rewritten(tmp_path: Path) -> None:
    """One article corrected in a catalogue of twelve: its fragment and the shards of its words
    are written; every other file of the index keeps its bytes and is not written."""
    make = [
        Entry(
            Front(f"Bài {n} về {WORDS[n % len(WORDS)]}", [AUTHORS[n % 3]], None, 1, 2021, None, ""),
            [Block(" ".join(WORDS[(n + k) % len(WORDS)] for k in range(6)), "p0")],
            f"2021/so-1/bai-{n:02d}/",
        )
        for n in range(12)
    ]
    old = tmp_path / "old"
    memo = published(old, make)
    corrected = Entry(make[5].front, [Block("nông dân Huế trồng thanh long", "p0")], make[5].url)
    after = [*make[:5], corrected, *make[6:]]
    _, names = update.update_index(after, memo, tmp_path / "out", old, digest_of)
    written = set(files(tmp_path / "out"))
    assert "search/d/5.z" in written
    assert not any(name.startswith("search/d/") for name in written - {"search/d/5.z"})
    shards = [name for name in names if name[:2] in ("t/", "b/")]
    kept = [name for name in shards if f"search/{name}" not in written]
    assert kept, "some shards hold none of the article's words"
    clean = tmp_path / "clean"
    published(clean, after)
    for name in names:
        target = tmp_path / "out/search" / name
        source = target if target.exists() else old / "search" / name
        assert source.read_bytes() == (clean / "search" / name).read_bytes(), name
    site = tmp_path / "site"
    shutil.copytree(old, site)
    shutil.copytree(tmp_path / "out", site, dirs_exist_ok=True)
    assert search(site / "search", "thanh long").hits[0].url == corrected.url


def test_a_correction_renumbers_no_other_article(tmp_path: Path) -> None:
    """A corrected article keeps its number and the others theirs: only the keys of its old
    and new words are touched, so only the shards holding them are made again."""
    make = [
        Entry(
            Front(f"Bài {n}", [AUTHORS[n % 3]], None, 1, 2021, None, ""),
            [Block(WORDS[n % len(WORDS)], "p0")],
            f"2021/so-1/bai-{n:02d}/",
        )
        for n in range(6)
    ]
    memo = published(tmp_path / "old", make)
    corrected = Entry(make[2].front, [Block("thanh long", "p0")], make[2].url)
    after = [*make[:2], corrected, *make[3:]]
    plan = update.renumber(memo.docs, update.doc_keys(after, digest_of))
    assert plan.identity and plan.removed == [2] and plan.fresh == [2]
    fresh = builder.Accumulator()
    builder.index_document(2, corrected, builder.article_blocks(corrected), fresh)
    touched = update.apply(memo, plan, fresh).touched["t"]
    assert {"thanh", "sang", "=sáng"} <= touched  # its new words and those it lost
    assert not {"tao", "=tạo", "3", "5"} & touched  # words of other articles only
    assert not {"bai", "2"} & touched  # its title, unchanged: the same postings
    # A removed article: those after it move down, and are renumbered.
    shorter = update.doc_keys([*make[:2], *make[3:]], digest_of)
    moved = update.renumber(memo.docs, shorter)
    assert not moved.identity and moved.first_moved == 3
