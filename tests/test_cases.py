"""Hand-made inputs in tests/cases/ with their expected articles, and the word invariant.

Each `NAME.txt` is laid out like a PDF extraction (other widths, captions, headings, running
heads, end marks than the seed); `NAME.json` holds the article written by hand.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bantin.convert import convert_text
from bantin.model import Article, Role, SourceLine
from bantin.vietnamese import tokens

CASES = Path(__file__).resolve().parent / "cases"
SEED = CASES.parent.parent / "sources" / "2021" / "05" / "000_c2e97c40b65a00ea.txt"
NAMES = sorted(path.stem for path in CASES.glob("*.txt"))
END_MARK_TOKENS = re.compile(r"[■□♦◆●❖▪∎]|(?<=\s)\?\s*$|/\.\s*$")


def load(name: str) -> tuple[str, dict[str, Any]]:
    text = (CASES / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    return text, expected


def convert_case(name: str) -> tuple[Article, dict[str, Any]]:
    text, expected = load(name)
    return convert_text(text, CASES / f"{name}.txt", **expected["options"]), expected


@pytest.mark.parametrize("name", NAMES)
def test_case_article(name: str) -> None:
    article, expected = convert_case(name)
    assert article.title == expected["title"]
    assert article.lead == expected["lead"]
    assert [[b.kind.value, b.text] for b in article.blocks] == expected["blocks"]
    assert article.authors == expected["authors"]
    date = dt.date.fromisoformat(expected["date"]) if expected["date"] else None
    assert article.date == date
    assert (article.issue, article.year) == (expected["issue"], expected["year"])
    assert article.section == expected["section"]
    assert article.pages == expected["pages"]


def article_tokens(article: Article) -> list[str]:
    pieces = [article.title, article.lead, *(b.text for b in article.blocks), *article.authors]
    return [t for piece in pieces for t in tokens(piece)]


def source_tokens(article: Article) -> list[str]:
    """The source's words without running heads and end marks."""
    kept = [
        _without_connective(line) for line in article.lines if line.role is not Role.RUNNING_HEAD
    ]
    return [t for text in kept for t in tokens(END_MARK_TOKENS.sub(" ", text))]


def _without_connective(line: SourceLine) -> str:
    """A byline's 'và' joins two names; it is not part of either author."""
    return re.sub(r"\svà\s", " , ", line.text) if line.role is Role.BYLINE else line.text


def is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    position = iter(haystack)
    return all(any(token == other for other in position) for token in needle)


def check_words_kept(article: Article) -> None:
    """Every source word (minus running heads, end mark) is in the article, in block order."""
    source = source_tokens(article)
    assert Counter(article_tokens(article)) == Counter(source)
    for block in article.blocks:
        assert is_subsequence(tokens(block.text), source), block.text[:60]


@pytest.mark.parametrize("name", NAMES)
def test_case_keeps_every_word(name: str) -> None:
    check_words_kept(convert_case(name)[0])


def test_seed_keeps_every_word() -> None:
    check_words_kept(convert_text(SEED.read_text(encoding="utf-8"), SEED))
