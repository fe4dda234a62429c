"""The synthetic corpus: deterministic, the asked size, valid issue files, realistic articles."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest

from bantin import corpus
from bantin.metadata import IssueInfo
from bantin.yamlio import read_model


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    root = tmp_path_factory.mktemp("corpus")
    return root, corpus.generate(40, root, seed=3)


def test_same_seed_gives_byte_identical_files(
    generated: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    root, _ = generated
    corpus.generate(40, tmp_path, seed=3)
    assert tree(tmp_path) == tree(root)


def test_other_seed_gives_other_articles(
    generated: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    _root, paths = generated
    other = corpus.generate(40, tmp_path, seed=4)
    assert other[0].read_bytes() != paths[0].read_bytes()


def test_smaller_corpus_is_the_start_of_a_larger_one(
    generated: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    root, paths = generated
    smaller = corpus.generate(17, tmp_path, seed=3)
    assert [p.relative_to(tmp_path) for p in smaller] == [p.relative_to(root) for p in paths[:17]]
    assert all(p.read_bytes() == (root / p.relative_to(tmp_path)).read_bytes() for p in smaller)


def test_count_and_layout_of_paths(generated: tuple[Path, list[Path]]) -> None:
    root, paths = generated
    assert len(paths) == 40 == len(set(paths))
    assert sorted(root.rglob("*.txt")) == sorted(paths)
    for path in paths:
        rel = path.relative_to(root).as_posix()
        assert re.fullmatch(r"sources/20\d\d/(0[1-9]|1[0-2])/\d{3}_[a-z0-9-]+\.txt", rel), rel


def test_issues_hold_eight_to_fifteen_articles(generated: tuple[Path, list[Path]]) -> None:
    root, _paths = generated
    counts = [len(list(folder.glob("*.txt"))) for folder in sorted(root.glob("sources/*/*"))]
    assert len(counts) >= 3
    assert all(8 <= n <= 15 for n in counts[:-1])
    assert 1 <= counts[-1] <= 15


def test_issue_files_fit_the_schema(generated: tuple[Path, list[Path]]) -> None:
    root, _ = generated
    for folder in sorted(root.glob("sources/*/*")):
        info = read_model(IssueInfo, folder / "issue.yml")
        assert info.bulletin
        assert (info.year, info.issue) == (int(folder.parent.name), int(folder.name))
        assert info.issue_date and info.issue_date.year == info.year
        assert info.issue_date.month == info.issue


def test_articles_are_utf8_text_of_realistic_length(generated: tuple[Path, list[Path]]) -> None:
    _, paths = generated
    lengths = []
    for path in paths:
        text = path.read_bytes().decode("utf-8")
        assert "\x00" not in text
        issue, year = int(path.parent.name), int(path.parent.parent.name)
        assert f"Số {issue} năm {year}" in text
        lengths.append(len(text.split()))
    assert min(lengths) >= 1100 and max(lengths) <= 2400
    assert 1200 <= sum(lengths) / len(lengths) <= 2000


def test_cast_has_hundreds_of_authors_and_many_sections() -> None:
    cast = corpus.make_cast(0)
    assert len(set(cast.authors)) >= 300
    assert 10 <= len(set(cast.sections)) <= 20


def test_titles_differ_within_an_issue(generated: tuple[Path, list[Path]]) -> None:
    root, _ = generated
    for folder in sorted(root.glob("sources/*/*")):
        slugs = [p.stem.split("_", 1)[1] for p in folder.glob("*.txt")]
        assert len(slugs) == len(set(slugs)), folder


def test_dates_in_leads_come_before_the_issue(generated: tuple[Path, list[Path]]) -> None:
    _root, paths = generated
    dated = 0
    for path in paths:
        info = read_model(IssueInfo, path.parent / "issue.yml")
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        for day, month, year in re.findall(r"ngày (\d{1,2})/(\d{1,2})/(\d{4})", text):
            dated += 1
            assert info.issue_date
            assert dt.date(int(year), int(month), int(day)) < info.issue_date
    assert dated >= 10


def test_an_archive_too_large_for_monthly_issues_comes_out_more_often() -> None:
    """30,000 articles in monthly issues from 2015 would run past what issue.yml accepts
    (2200, issue dates to 2100): such an archive is laid out two or three issues a month,
    every issue date valid and in order; archives up to about 11,700 articles stay monthly."""
    from bantin.metadata import IssueInfo

    assert corpus.issues_per_year(10_000) == 12
    slots = list(corpus.issue_slots(30_000, seed=1))
    assert sum(slot.articles for slot in slots) == 30_000
    dates = [corpus.issue_date(slot, 1) for slot in slots]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    last = slots[-1]
    IssueInfo(issue=last.issue, year=last.year, issue_date=dates[-1])  # accepted
    assert max(slot.issue for slot in slots) == slots[0].per_year > 12
