"""Synthetic archive sources for benchmarks: simulated articles spread over years and issues.

Every article and issue draws from its own rng seeded by (seed, year, issue, index), so a run is
byte-identical for a seed and a smaller corpus is the first part of a larger one.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bantin import simulate
from bantin.slug import slugify
from bantin.yamlio import dump_yaml

BULLETIN = "Bản tin Khoa học và Công nghệ"
FIRST_YEAR = 2015
ISSUES_PER_YEAR = 12
LAST_YEAR = 2099  # issue dates a bulletin's issue.yml accepts end with 2100
ARTICLES_PER_ISSUE = (8, 15)
ARTICLE_WORDS = (1050, 1750)
AUTHORS = 320
SECTIONS = 14
SLUG_LENGTH = 60


@dataclass(frozen=True)
class IssueSlot:
    """One issue of the synthetic bulletin and how many articles it holds."""

    year: int
    issue: int
    articles: int
    per_year: int = ISSUES_PER_YEAR

    @property
    def folder(self) -> Path:
        return Path("sources") / str(self.year) / f"{self.issue:02d}"


@dataclass(frozen=True)
class Cast:
    """The recurring authors and section names of one corpus."""

    authors: tuple[str, ...]
    sections: tuple[str, ...]


def generate(n_articles: int, out_dir: Path, seed: int = 0) -> list[Path]:
    """Write `n_articles` laid-out article sources and an issue.yml per issue under out_dir."""
    cast = make_cast(seed)
    written: list[Path] = []
    for slot in issue_slots(n_articles, seed):
        folder = out_dir / slot.folder
        folder.mkdir(parents=True, exist_ok=True)
        write_text(folder / "issue.yml", issue_yaml(slot, seed))
        written.extend(write_issue(slot, folder, cast, seed))
    return written


def make_cast(seed: int) -> Cast:
    """A few hundred distinct byline names and a fixed set of section names."""
    rng = random.Random(f"bantin-corpus:{seed}:cast")
    names: dict[str, None] = {}
    while len(names) < AUTHORS:
        names[simulate.pen_name(rng)] = None
    sections = rng.sample(simulate.vocabulary()["sections"], SECTIONS)
    return Cast(tuple(names), tuple(sections))


def issues_per_year(n_articles: int) -> int:
    """Twelve issues a year; an archive too large for monthly issues to end by LAST_YEAR
    (about 11,700 articles) comes out two or three times a month."""
    mean = sum(ARTICLES_PER_ISSUE) / 2
    years = n_articles / (mean * ISSUES_PER_YEAR)
    return ISSUES_PER_YEAR * max(1, math.ceil(years / (LAST_YEAR - FIRST_YEAR)))


def issue_slots(n_articles: int, seed: int) -> Iterator[IssueSlot]:
    """Issues from FIRST_YEAR on, `issues_per_year` a year, the last one cut to the articles
    left."""
    per_year = issues_per_year(n_articles)
    left = n_articles
    year, issue = FIRST_YEAR, 1
    while left > 0:
        count = random.Random(f"bantin-corpus:{seed}:{year}:{issue}").randint(*ARTICLES_PER_ISSUE)
        yield IssueSlot(year, issue, min(count, left), per_year)
        left -= count
        year, issue = (year + 1, 1) if issue == per_year else (year, issue + 1)


def issue_date(slot: IssueSlot, seed: int) -> dt.date:
    """A day of the issue's month (of its part of the month when it comes out more often)."""
    rng = random.Random(f"bantin-corpus:{seed}:{slot.year}:{slot.issue}:date")
    if slot.per_year == ISSUES_PER_YEAR:
        return dt.date(slot.year, slot.issue, rng.randint(10, 28))
    per_month = slot.per_year // ISSUES_PER_YEAR
    month, part = divmod(slot.issue - 1, per_month)
    days = 28 // per_month
    return dt.date(slot.year, month + 1, rng.randint(part * days + 1, (part + 1) * days))


def issue_yaml(slot: IssueSlot, seed: int) -> str:
    """The issue.yml of one issue: bulletin, issue, year, issue_date."""
    date = issue_date(slot, seed)
    return dump_yaml(
        {"bulletin": BULLETIN, "issue": slot.issue, "year": slot.year, "issue_date": date}
    )


def write_issue(slot: IssueSlot, folder: Path, cast: Cast, seed: int) -> list[Path]:
    """Lay out each article of an issue, pages following on from one article to the next."""
    paths = []
    page = 3
    titles: set[str] = set()
    published = issue_date(slot, seed)
    for index in range(slot.articles):
        rng = random.Random(f"bantin-corpus:{seed}:{slot.year}:{slot.issue}:{index}")
        spec = article_spec(rng, slot, cast, page, published)
        while spec.title in titles:
            spec.title = simulate.title(rng, slot.year)
        spec = simulate.ensure_acronyms(spec, rng)
        titles.add(spec.title)
        text = simulate.lay_out(spec, rng)
        path = folder / f"{index:03d}_{slugify(spec.title, SLUG_LENGTH)}.txt"
        write_text(path, text)
        paths.append(path)
        page += 2 + text.count("\n") // 250
    return paths


def article_spec(
    rng: random.Random, slot: IssueSlot, cast: Cast, page: int, published: dt.date
) -> simulate.ArticleSpec:
    """A realistic article of this issue, by recurring authors, in one of the sections."""
    spec = simulate.random_article(
        rng,
        ARTICLE_WORDS,
        issue=slot.issue,
        year=slot.year,
        section=rng.choice(cast.sections),
        published=published,
    )
    spec.authors = rng.sample(cast.authors, len(spec.authors))
    spec.first_page = page
    return spec


def write_text(path: Path, text: str) -> None:
    """UTF-8 bytes exactly as laid out (CRLF kept where the layout chose it)."""
    path.write_bytes(text.encode("utf-8"))
