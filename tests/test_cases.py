"""Hand-made inputs in tests/cases/ with their expected articles, and the word invariant.

Each `NAME.txt` is laid out like a PDF extraction (other widths, captions, headings, running
heads, end marks than the seed); `NAME.json` holds the article written by hand.
"""

from __future__ import annotations

import ast
import codecs
import datetime as dt
import json
import random
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bantin import simulate
from bantin.convert.decode import decode_bytes
from bantin.convert.text import convert_text
from bantin.exceptions import SourceError
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
    assert [a.name for a in article.authors] == expected["authors"]
    date = dt.date.fromisoformat(expected["date"]) if expected["date"] else None
    assert article.date == date
    assert (article.issue, article.year) == (expected["issue"], expected["year"])
    assert article.section == expected["section"]
    assert article.pages == expected["pages"]


def article_tokens(article: Article) -> list[str]:
    pieces = [
        article.title,
        article.lead,
        *(b.text for b in article.blocks),
        *(a.name for a in article.authors),
    ]
    return [t for piece in pieces for t in tokens(piece)]


def source_tokens(article: Article) -> list[str]:
    """The source's words without running heads, end marks and what the explanation of a
    byline line says was dropped (academic titles)."""
    dropped = _dropped_by_line(article)
    found: list[str] = []
    for line in article.lines:
        if line.role is Role.RUNNING_HEAD:
            continue
        words = tokens(END_MARK_TOKENS.sub(" ", _without_connective(line)))
        for word in dropped.get(line.number, []) if line.role is Role.BYLINE else []:
            words.remove(word)
        found.extend(words)
    return found


def _dropped_by_line(article: Article) -> dict[int, list[str]]:
    """Words a 'drop' decision quotes for a line ("...: 'PGS.TS'")."""
    dropped: dict[int, list[str]] = {}
    for decision in article.decisions:
        quoted = re.search(r": ('.*')$", decision.message)
        if decision.stage == "drop" and decision.line is not None and quoted:
            dropped.setdefault(decision.line, []).extend(tokens(ast.literal_eval(quoted[1])))
    return dropped


def _without_connective(line: SourceLine) -> str:
    """A byline's 'và' joins two names (outside brackets and affiliation lines); it is not part
    of either author."""
    if line.role is not Role.BYLINE or "affiliation" in line.reason:
        return line.text
    names, brackets = re.sub(r"\(.*?\)", " ", line.text), re.findall(r"\(.*?\)", line.text)
    names = re.sub(r"(?<=[^\W\d_])(?=[\d*])", " ", names)  # 'An1': the name, then its mark
    prefix, _, names = names.rpartition(":")  # 'Bài và ảnh:' is kept whole
    return " ".join([prefix, re.sub(r"\svà\s", " , ", names), *brackets])


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


def _cp1258(text: str) -> bytes:
    """Windows-1258 the way Vietnamese keyboards wrote it: tone marks as combining characters."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


WINDOWS_1258_LACKS = {"■": "?", "♦": "?"}
ENCODINGS = {
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "utf-8-bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16-bom": lambda text: text.encode("utf-16"),
    "nfd": lambda text: unicodedata.normalize("NFD", text).encode("utf-8"),
    "windows-1258": _cp1258,
}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
@pytest.mark.parametrize("name", ["seed", *NAMES])
def test_same_article_whatever_the_encoding(name: str, encoding: str) -> None:
    path = SEED if name == "seed" else CASES / f"{name}.txt"
    text = path.read_text(encoding="utf-8")
    for glyph, plain_glyph in WINDOWS_1258_LACKS.items():  # one text every encoding can hold
        text = text.replace(glyph, plain_glyph)
    options = {} if name == "seed" else load(name)[1]["options"]
    plain = convert_text(text, path, **options)
    decoded = decode_bytes(ENCODINGS[encoding](text), path)
    again = convert_text(decoded, path, **options)
    assert (again.title, again.lead, again.authors) == (plain.title, plain.lead, plain.authors)
    assert [(b.kind, b.text) for b in again.blocks] == [(b.kind, b.text) for b in plain.blocks]
    assert (again.issue, again.year, again.pages) == (plain.issue, plain.year, plain.pages)


def test_text_without_a_title_is_a_source_error_naming_the_file() -> None:
    text = "Một câu hoàn chỉnh ở đây.\nVà một câu khác nữa.\n"
    with pytest.raises(SourceError, match=r"notitle\.txt.*no title"):
        convert_text(text, "notitle.txt")


def test_title_on_the_first_line_without_a_wide_band() -> None:
    text = (
        "Hợp tác quốc tế về năng lượng sạch\n"
        "\n"
        "Trong năm qua, các viện nghiên\n"
        "cứu đã ký kết nhiều thỏa thuận\n"
        "hợp tác với đối tác nước ngoài.\n"
        "\n"
        "Lan Anh\n"
    )
    article = convert_text(text, "x.txt")
    assert article.title == "Hợp tác quốc tế về năng lượng sạch"
    assert [b.text for b in article.blocks] == [
        "Trong năm qua, các viện nghiên cứu đã ký kết nhiều thỏa thuận hợp tác "
        "với đối tác nước ngoài."
    ]
    assert [a.name for a in article.authors] == ["Lan Anh"]


@pytest.mark.parametrize("index", range(40))
def test_simulated_layouts_keep_every_word(index: int) -> None:
    """The word invariant on articles laid out by the simulator (widths, breaks, captions)."""
    rng = random.Random(f"words:{index}")
    text = simulate.lay_out(simulate.random_article(rng), rng)
    check_words_kept(convert_text(decode_bytes(text.encode("utf-8"), "<sim>"), "<sim>"))


def test_page_number_after_a_form_feed_names_the_page_after_it() -> None:
    text = (CASES / "form_feed_page_number.txt").read_text(encoding="utf-8")
    moved = text.replace("\n14\n\f", "\n\f14\n\n")
    assert convert_text(moved, "x.txt").pages == [13, 14]
    assert convert_text(text.replace("14\n", ""), "x.txt").pages == []
