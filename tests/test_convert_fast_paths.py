"""The text route's quick questions answer as their plain definitions do: patterns rewritten
to open with a set of characters, checks taken in another order or on each word once, medians
worked out in place, remembered widths. Conversion's output does not depend on which is used."""

from __future__ import annotations

import itertools
import re
import statistics

from hypothesis import given, settings
from hypothesis import strategies as st

from bantin.convert import casing, hyphens, layout, legacy, metrics, shapes
from bantin.vietnamese import CLOSERS, SENTENCE_END, ends_sentence, is_syllable, strip_closers

#: Characters the rewritten patterns treat apart: capitals, letters, digits, white space of
#: several kinds, dashes, brackets, marks, symbols, Latin-1 letters, the paragraph sign.
PIECES = st.text(
    alphabet=st.sampled_from(
        list("aAbBzZĐđÂÉỆêơư1 9_\t\n\x0b\x1c\x85\xa0\u2003-–—&'’,;:.!?()[]\"”»¶=±αΩ×µ¹")
    ),
    max_size=40,
)
TEXT = PIECES | st.text(max_size=30)

_UPPER = casing._UPPER
_PLAIN_CAPITAL_WORD = rf"[{_UPPER}]+(?:[&\-'’][{_UPPER}]+)*(?![^\W_])"
PLAIN_CAPITAL_RUN = re.compile(
    rf"(?<![^\W_]){_PLAIN_CAPITAL_WORD}(?:[ \t,;:\-–]+{_PLAIN_CAPITAL_WORD}){{2,}}"
)
PLAIN_DASHED = re.compile(r"\s*[-–]\s*(?=\S)")
PLAIN_MAYBE_MATH = re.compile(
    "[\\d" + re.escape("".join(sorted(shapes.MATH_CHARS))) + "\u0370-\u03ff\u1f00-\u1fff]"
    r"|(?:^|\s)[(\[]?[A-Za-z][)\]]?(?:\s|$)"
)


@settings(max_examples=600, deadline=None)
@given(TEXT)
def test_capital_runs_are_those_of_the_plain_pattern(text: str) -> None:
    assert casing._CAPITAL_RUN.sub("|", text) == PLAIN_CAPITAL_RUN.sub("|", text)


def test_capital_runs_found_in_a_body() -> None:
    text = "Tin: KHOA HỌC VÀ CÔNG NGHỆ mới, ĐẠI HỌC QUỐC GIA HÀ NỘI; aBC DEF GHI"
    assert casing._CAPITAL_RUN.sub("|", text) == PLAIN_CAPITAL_RUN.sub("|", text)
    assert casing._CAPITAL_RUN.sub("|", text) == "Tin: | mới, |; aBC DEF GHI"


@settings(max_examples=600, deadline=None)
@given(TEXT)
def test_spaced_dashes_are_those_of_the_plain_pattern(text: str) -> None:
    assert casing.space_dashes(text) == PLAIN_DASHED.sub(" - ", text)
    assert casing.space_dashes(f"a -{text}- b") == PLAIN_DASHED.sub(" - ", f"a -{text}- b")


@settings(max_examples=600, deadline=None)
@given(TEXT)
def test_maybe_math_answers_as_the_plain_pattern(text: str) -> None:
    assert shapes._maybe_math(text) == (PLAIN_MAYBE_MATH.search(text) is not None)


def test_maybe_math_finds_lone_letters_and_symbols() -> None:
    assert shapes._maybe_math("x = 2")
    assert shapes._maybe_math("giá trị (a) là")
    assert shapes._maybe_math("b là")
    assert shapes._maybe_math("theo\u2003x")
    assert not shapes._maybe_math("không có gì là toán học ở đây")
    assert not shapes._maybe_math("ab (cd) [ef")


def test_white_space_is_what_the_pattern_calls_white_space() -> None:
    every = (chr(code) for code in range(0x110000))
    assert "".join(char for char in every if re.match(r"\s", char)) == shapes.WHITE_SPACE


@settings(max_examples=600, deadline=None)
@given(TEXT)
def test_ends_sentence_answers_as_its_plain_definition(text: str) -> None:
    plain = strip_closers(text.rstrip())[-1:] in SENTENCE_END
    assert ends_sentence(text) is plain
    assert ends_sentence(text + "”") is (strip_closers(text + "”")[-1:] in SENTENCE_END)
    assert set(CLOSERS) >= {")", "”"}


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=40), max_size=40))
def test_long_lines_are_found_as_with_each_windows_median(widths: list[int]) -> None:
    prose = [3 * i + 1 for i in range(len(widths))]
    plain: dict[int, int] = {}
    for position, index in enumerate(prose):
        around = widths[max(0, position - hyphens.WINDOW) : position + hyphens.WINDOW + 1]
        around.remove(widths[position])
        if len(around) < hyphens.LEAST_AROUND:
            continue
        median = statistics.median(around)
        if widths[position] >= hyphens.LONG * median:
            plain[index] = max(width for width in around if width <= hyphens.TYPICAL * median)
    assert hyphens._long_lines(prose, widths) == plain


def test_long_lines_in_a_column() -> None:
    widths = [100, 98, 101, 99, 240, 100, 97, 102, 100, 99]
    assert hyphens._long_lines(list(range(10)), widths) == {4: 102}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["h×nh", "T¹O", "10µm", "của", "Việt", "x", "µ", "¸P"]) | TEXT))
def test_unread_words_are_those_of_every_word_in_turn(words: list[str]) -> None:
    text = " ".join(words)
    latin1 = re.compile("[\x80-\xff]")
    plain = {
        word
        for word in text.split()
        if latin1.search(word) and not is_syllable(word.strip(legacy._AROUND))
    }
    assert legacy.unread_words(text) == plain


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_remembered_line_widths_are_the_widths(text: str) -> None:
    assert metrics.LINE_WIDTHS[text] == metrics.printed_width(text)
    assert metrics.LINE_WIDTHS[text] == metrics.printed_width(text)


LINE_WORDS = st.sampled_from(
    ["kinh", "tế", "xã", "hội", "-", "–", "KH-CN", "KHCN", "(KT-XH)", "...", "“a", "b”", "x–y"]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(LINE_WORDS | PIECES, max_size=8).map(" ".join), max_size=8),
    st.sets(st.integers(min_value=0, max_value=8)),
)
def test_hyphen_evidence_is_what_every_word_in_turn_shows(lines: list[str], long: set[int]) -> None:
    evidence = hyphens._Evidence(lines, dict.fromkeys(long, 0))
    cores = [[hyphens._core(word) for word in text.split()] for text in lines]
    words = [word for line in cores for word in line]
    dashed = {
        (left, right)
        for left, dash, right in zip(words, words[1:], words[2:], strict=False)
        if dash in hyphens.DASHES
    }
    dashed.update(
        hyphens._halves(word)
        for word in words
        if hyphens._DASH_RE.search(word) and sum(map(word.count, hyphens.DASHES)) == 1
    )
    dashed.discard(("", ""))
    plain = [word for i, line in enumerate(cores) if i not in long for word in line]
    assert evidence.dashed == dashed
    assert evidence.hyphenated == {f"{left}-{right}" for left, right in dashed}
    assert evidence.words == set(plain)
    assert evidence.pairs == set(itertools.pairwise(plain))


@settings(max_examples=400, deadline=None)
@given(LINE_WORDS | PIECES)
def test_the_dash_words_are_the_words_in_dashes(word: str) -> None:
    assert (word in hyphens._DASH_WORDS) is (word in hyphens.DASHES)
    assert all(piece in hyphens._DASH_WORDS for piece in ["", "-", "–", "‐", "-–‐"])


LINE = st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=12) | PIECES.map(
    lambda text: text.replace("\n", " ")
)


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE, max_size=12))
def test_lines_that_may_be_maths_are_those_asked_one_by_one(texts: list[str]) -> None:
    expected = {index for index, text in enumerate(texts) if shapes._maybe_math(text)}
    assert shapes.maybe_math_lines(texts) == expected


def test_lines_that_may_be_maths_at_the_edges() -> None:
    texts = ["x là", "không", "giá trị a", "", "2020", "b", "cuối (c)"]
    assert shapes.maybe_math_lines(texts) == {0, 2, 4, 5, 6}


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Họ tên: .\t\u2003a.")), max_size=60) | TEXT)
def test_a_blank_form_field_is_what_the_pattern_says(text: str) -> None:
    assert layout.blank_form_field(text) is (layout.FORM_FIELD_RE.match(text) is not None)
    assert layout.blank_form_field("Người đọc: . . . . . . . . . .")
    assert not layout.blank_form_field("Người đọc: . . . . . . .")
