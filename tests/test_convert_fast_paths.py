"""The text route's quick questions answer as their plain definitions do: patterns rewritten
to open with a set of characters, checks taken in another order or on each word once, medians
worked out in place, remembered widths. Conversion's output does not depend on which is used."""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bantin import corpus, slug, vietnamese
from bantin.convert import (
    casing,
    decode,
    hyphens,
    layout,
    legacy,
    metrics,
    roles,
    scholarly,
    shapes,
)
from bantin.model import Role, SourceLine
from bantin.vietnamese import (
    CLOSERS,
    SENTENCE_END,
    ends_sentence,
    first_letter,
    is_syllable,
    may_enumerate_lower,
    starts_enumeration,
    starts_lower,
    starts_new_sentence,
    strip_closers,
)

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


def _plain_starts_lower(text: str) -> bool:
    char = first_letter(text)
    return char.isalpha() and char.islower()


@settings(max_examples=600, deadline=None)
@given(TEXT | st.text(alphabet=st.sampled_from(list("aA1²ⅰⅠ _.(\u2003ǅ")), max_size=6))
def test_starts_lower_answers_as_its_plain_definition(text: str) -> None:
    assert starts_lower(text) is _plain_starts_lower(text)
    assert starts_lower("ⅰ. mục") is _plain_starts_lower("ⅰ. mục") is False


#: Texts opening with a small letter, with the words of numbered points (in capitals, with
#: the letters a pattern ignoring case takes for 'i' and 's': 'ı', 'ſ', 'İ').
ENUMERATION_OPENINGS = st.tuples(
    st.sampled_from(
        [
            *["thứ hai", "tHỨ ba", "thứ mười", "một là", "haı Là", "ſáu LÀ", "mười là", "bảy là"],
            *["b", "a", "chín là", "xin là", "t", "İ"],
        ]
    ),
    st.sampled_from(["", " ", "  ", "\t", ".", ")", ":", ","]),
    st.sampled_from(["", " ", "\u2003", " Chọn", "x", ", đó"]),
    TEXT,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(ENUMERATION_OPENINGS | TEXT)
def test_points_opening_in_small_letters_are_never_turned_down(text: str) -> None:
    text = text.strip()
    if text[:1].isalpha() and text[0].islower() and starts_enumeration(text):
        assert may_enumerate_lower(text)
    assert may_enumerate_lower("thứ hai, việc") and may_enumerate_lower("ſáu là: x")


def _plain_may_open(text: str) -> bool:
    stripped = text.strip()
    if stripped[:1].isalpha() and stripped[0].islower():
        return starts_enumeration(stripped)
    return (
        bool(stripped)
        and not layout.LONE_NUMBER_RE.match(stripped)
        and (
            starts_new_sentence(stripped)
            or stripped[0] in layout.BULLETS
            or layout._private_use(stripped[0])
            or starts_enumeration(stripped)
        )
    )


@settings(max_examples=1000, deadline=None)
@given(ENUMERATION_OPENINGS | TEXT)
def test_a_line_may_open_a_paragraph_as_the_plain_question_says(text: str) -> None:
    assert layout._may_open(text) is _plain_may_open(text)
    assert layout._may_open(f" {text}") is _plain_may_open(f" {text}")


@settings(max_examples=600, deadline=None)
@given(TEXT)
def test_the_last_mark_asked_first_turns_down_no_line(text: str) -> None:
    last = text.rstrip()[-1:]
    if ends_sentence(text):
        assert last in layout._SENTENCE_MARKS
    if layout.ends_with_stop(text):
        assert last in layout._STOPS
    if layout.blank_form_field(text):
        assert text.count(".") >= layout.FORM_FIELD_DOTS


@settings(max_examples=600, deadline=None)
@given(TEXT, TEXT | st.sampled_from(["TIN TỨC - SỰ KIỆN", "Hà Nội.", "KẾT LUẬN", "mới"]))
def test_a_capitals_band_needs_a_line_in_capitals(before: str, text: str) -> None:
    for one, two in ((before, text), (text, before)):
        if layout.capitals_band_edge(one, two):
            assert one.isupper() or two.isupper()


@settings(max_examples=600, deadline=None)
@given(st.lists(LINE, max_size=12))
def test_short_lines_hold_every_formula_piece(texts: list[str]) -> None:
    pieces = {index for index, text in enumerate(texts) if shapes.is_formula_piece(text)}
    assert pieces <= layout.short_lines(texts)


def _plain_measure(lines: list[SourceLine]) -> layout.Layout:
    texts = [line.text for line in lines]
    maybe = shapes.maybe_math_lines(texts)
    afters = [*texts[1:], ""]
    math = tuple(
        (
            index in maybe
            and shapes.is_math_line(text)
            and not layout._words_go_on(before, text)
            and not layout._citation_ends_sentence(before, text)
            and not layout._tail_ends_sentence(before, text)
            and not layout._sentence_line(before, text, after)
        )
        or (shapes.is_formula_piece(text) and not layout.ends_glued_hyphen(before))
        for index, (before, text, after) in enumerate(
            zip(["", *texts], texts, afters, strict=False)
        )
    )
    marked = list(math)
    for index, text in enumerate(texts):
        if math[index] or not layout._lone_name(text):
            continue
        above = index > 0 and math[index - 1] and bool(texts[index - 1].strip())
        below = index + 1 < len(texts) and math[index + 1] and bool(texts[index + 1].strip())
        marked[index] = above or below
    lengths = [len(text.strip()) for text in texts]
    filled = [
        line.role is not Role.BLANK and not maths for line, maths in zip(lines, marked, strict=True)
    ]
    wrapped = [n for n, one, two in zip(lengths, filled, filled[1:], strict=False) if one and two]
    wrapped = wrapped or [n for n, one in zip(lengths, filled, strict=True) if one]
    median = statistics.median(wrapped) if wrapped else 40
    column = max([n for n in wrapped if n <= median * layout.OUTLIER_FACTOR] or [int(median)])
    return layout.Layout(column, int(column * layout.WIDE_FACTOR), tuple(marked))


MATH_LINES = st.sampled_from(
    [
        *["x = a + b", "ZN", "K =", "ZL", "(12)", "Mx1", "kinh tế xã hội phát triển", "", "2020"],
        *["y2 + 3", "IHS", "là", "CO2.", "∑ xi", "Cb =", "EJ 2", "T34"],
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(MATH_LINES | LINE, max_size=14))
@example(["ZN", "0 =\x85ÀA:"])  # a line that ends the sentence it goes on: no formula's
def test_lines_of_mathematics_are_those_asked_line_by_line(texts: list[str]) -> None:
    lines = layout.split_lines("\n".join(texts))
    assert layout.measure(lines) == _plain_measure(lines)


def _plain_proportional(lines: list[SourceLine], math: list[bool]) -> bool:
    wrapped: list[str] = []
    for index in range(len(lines) - 1):
        text, following = lines[index].text.strip(), lines[index + 1].text
        if text and not math[index] and starts_lower(following) and not text.endswith("-"):
            wrapped.append(text)
            if len(wrapped) >= layout.PROPORTIONAL_SAMPLE:
                break
    if len(wrapped) < layout.PROPORTIONAL_MIN:
        return False
    return layout._spread(
        [metrics.printed_width(text) for text in wrapped]
    ) < layout.PROPORTIONAL_MARGIN * layout._spread(list(map(len, wrapped)))


@settings(max_examples=300, deadline=None)
@given(st.lists(MATH_LINES | LINE, max_size=30), st.lists(st.booleans(), max_size=30))
def test_proportional_type_is_told_as_line_by_line(texts: list[str], flags: list[bool]) -> None:
    lines = layout.split_lines("\n".join(texts))
    math = (flags + [False] * len(lines))[: len(lines)]
    lower = [starts_lower(line.text) for line in lines]
    assert layout.set_in_proportional_type(lines, math, lower) is _plain_proportional(lines, math)
    assert layout.set_in_proportional_type(lines, math) is _plain_proportional(lines, math)


@settings(max_examples=600, deadline=None)
@given(
    TEXT | st.text(alphabet=st.sampled_from(list("a \t\n\xa0\u2003\u2028\x1c\x85.")), max_size=12)
)
def test_white_space_collapsed_as_split_and_joined(text: str) -> None:
    assert casing.collapse_white(text) == " ".join(text.split())


BODY_WORDS = st.sampled_from(
    ["Hà", "Nội", "hà", "nội", "kinh", "tế", "-", "–", "Kinh", "TẾ", ".", ",", "¶", "KH-CN", "và"]
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.lists(BODY_WORDS | PIECES, max_size=12).map(" ".join), max_size=4),
    st.lists(BODY_WORDS, min_size=1, max_size=3),
    st.sampled_from([" ", " - "]),
)
def test_runs_of_words_found_as_when_every_one_is_looked_for(
    texts: list[str], words: list[str], gap: str
) -> None:
    body = casing.learn_body(texts)
    gaps = [gap] * (len(words) - 1)
    wanted, spans = casing._spaced_run(words, gaps)
    _, lower = body.phrase_text()
    everywhere = list(body._all_runs(words, spans, wanted, lower.find(wanted)))
    assert body._runs(words, gaps) == everywhere


@settings(max_examples=400, deadline=None)
@given(TEXT | st.text(alphabet=st.sampled_from(list("aƣƢðÐ\x85\x91\x92\x93\x97 ")), max_size=8))
@example("æðA")  # an eth inside a word of phonetics stays, whatever follows it
@example("ﬀ")  # a ligature: its letters
@example("20oC")  # the degree sign set as a raised "o"
def test_letters_and_marks_put_right_as_by_their_tables(text: str) -> None:
    source = text
    # a ligature's letters and the degree sign come first, as their own tables give them
    text = vietnamese._DEGREES.sub("°", text.translate(vietnamese._LIGATURES))

    def phonetic(at: int) -> bool:
        """The word holding the character is a transcription ("/ðeə/", "æðA")."""
        word = re.split(r"[ \n]", text[: at + 1])[-1] + re.split(r"[ \n]", text[at:])[0][1:]
        return word.startswith(("/", "[")) or any(c in vietnamese._PHONETIC for c in word)

    expected = "".join(
        char.translate(vietnamese._LOOKALIKES)
        if char != "ð"
        or (
            i + 1 < len(text)
            and vietnamese.is_vietnamese_letter(text[i + 1].translate(vietnamese._LOOKALIKES))
            and not phonetic(i)
        )
        else char
        for i, char in enumerate(text)
    )
    assert vietnamese.fix_lookalikes(source) == expected
    assert legacy.fix_c1_punctuation(source) == source.translate(legacy._C1_TABLE)


CONTROLS = [chr(code) for code in range(0x110000) if decode.CONTROL_RE.match(chr(code))]


@settings(max_examples=400, deadline=None)
@given(TEXT | st.text(alphabet=st.sampled_from(["a", "\t", "\n", "\f", " ", *CONTROLS[::7]])))
def test_a_text_holding_controls_is_never_called_printable(text: str) -> None:
    if decode.CONTROL_RE.search(text):
        assert decode.may_hold_controls(text)
    assert all(decode.may_hold_controls(f"a{char}b\n") for char in CONTROLS)
    assert not decode.may_hold_controls("Tiêu đề\tcột\fmới\n")


def _cased_or_digit(char: str) -> bool:
    return char.lower() != char or char.upper() != char or char.isdecimal()


#: Every character a pattern ignoring case may take for a letter or digit it opens with.
CASED = [chr(code) for code in range(0x110000) if _cased_or_digit(chr(code))]
CAPTION_RESTS = ["ình 1. X", "ảng 2: X", "iểu đồ 1. X", "ơ đồ 1. X", "ồ thị 1. X", "nh 1. X"]
CAPTION_RESTS += ["nh: X", "igure 1. X", "ig. 1. X", "able 1. X"]
REFERENCE_RESTS = [". Tài liệu tham khảo", "ài liệu tham khảo", "anh mục tài liệu tham khảo"]
REFERENCE_RESTS += ["eferences", "ibliography", "V. References", "2. References"]


def test_labels_open_with_the_characters_asked_first() -> None:
    """A character neither cased nor a digit matches a letter of a pattern that ignores case
    only as itself: those the sets list."""
    for char in CASED:
        if char not in scholarly.CAPTION_FIRSTS:
            assert not any(scholarly.CAPTION_LABEL_RE.match(char + rest) for rest in CAPTION_RESTS)
        if not scholarly.may_open_references(char):
            assert not any(scholarly.REFERENCES_RE.match(char + rest) for rest in REFERENCE_RESTS)
    assert scholarly.CAPTION_LABEL_RE.match("ſơ đồ 2. Quy trình")
    assert scholarly.REFERENCES_RE.match("ıı. Tài liệu tham khảo")
    assert not set(scholarly.CAPTION_FIRSTS) - {c for c in scholarly.CAPTION_FIRSTS if c.isalpha()}


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(["", " ", "ſ", "İ", "Ả", "٣", "x"]), TEXT)
def test_caption_and_references_lines_are_never_turned_down(first: str, text: str) -> None:
    for line in (first + text, text, *(first + rest for rest in CAPTION_RESTS + REFERENCE_RESTS)):
        stripped = line.strip()
        if scholarly.CAPTION_LABEL_RE.match(stripped):
            assert stripped[:1] in scholarly.CAPTION_FIRSTS
        if scholarly.REFERENCES_RE.match(stripped):
            assert scholarly.may_open_references(stripped)


def test_the_listed_digits_are_those_of_the_plane() -> None:
    listed = re.compile(f"[{vietnamese.BMP_DIGITS}]")
    plane = map(chr, range(0x10000))
    assert [c for c in plane if listed.match(c)] == [
        chr(c) for c in range(0x10000) if chr(c).isdecimal()
    ]
    assert all(re.match(r"\d", chr(c)) for c in range(0x10000) if chr(c).isdecimal())


DIGITS_AND_OTHERS = st.text(alphabet=st.sampled_from(list("a1٣０𝟘😀𐒠 \u2003x")), max_size=8)


@settings(max_examples=600, deadline=None)
@given(TEXT | DIGITS_AND_OTHERS | st.text(max_size=10))
def test_a_digit_is_found_as_the_pattern_finds_it(text: str) -> None:
    assert vietnamese.has_digit(text) is (re.search(r"\d", text) is not None)


@settings(max_examples=400, deadline=None)
@given(st.lists(DIGITS_AND_OTHERS | LINE, max_size=10))
def test_lines_of_figures_beyond_the_plane_are_asked_again(texts: list[str]) -> None:
    expected = {index for index, text in enumerate(texts) if shapes._maybe_math(text)}
    assert shapes.maybe_math_lines(texts) == expected
    assert shapes.maybe_math_lines(["😀 và", "𝟘 là", "😀"]) == {1}


@settings(max_examples=600, deadline=None)
@given(st.lists(MATH_LINES | LINE | DIGITS_AND_OTHERS, max_size=6).map(" ".join) | TEXT)
def test_tokens_of_mathematics_counted_as_the_plain_pattern_counts(text: str) -> None:
    assert len(shapes._TOKEN_CANDIDATE_RE.findall(text)) == len(shapes._CANDIDATE_RE.findall(text))
    assert len(shapes._TOKEN_CANDIDATE_RE.findall("cos x = 2 (a) ... là")) == 6


@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=90)
    | st.lists(st.integers(min_value=-(10**12), max_value=10**12), min_size=1, max_size=20)
)
def test_the_spread_of_whole_numbers_is_what_statistics_gives(values: list[int]) -> None:
    assert layout.pstdev_of_ints(values) == statistics.pstdev(values)
    assert layout.pstdev_of_ints([3]) == 0.0


def test_a_word_with_a_dash_is_never_all_letters_and_digits() -> None:
    assert not any(char.isalnum() for char in hyphens.DASHES)
    evidence = hyphens._Evidence(["KH-CN và x–y", "tế - xã"], {})
    assert {("KH", "CN"), ("x", "y"), ("tế", "xã")} <= evidence.dashed


@settings(max_examples=600, deadline=None)
@given(TEXT | st.text(max_size=30))
def test_widths_of_a_line_s_starts_are_the_widths_of_its_pieces(text: str) -> None:
    before = list(itertools.accumulate(map(metrics.CHAR_WIDTHS.__getitem__, text), initial=0))
    assert before == [metrics.printed_width(text[:end]) for end in range(len(text) + 1)]


def test_a_text_normalised_again_is_returned_as_it_is() -> None:
    decomposed = "Vie\u0302\u0323t Nam"
    normal = vietnamese.nfc(decomposed)
    assert normal == "Việt Nam"
    assert vietnamese.nfc(normal) is normal
    assert vietnamese.nfc(decomposed) == normal  # asked again about another text
    assert vietnamese.nfc("a\u0301") == "á"  # not the last answer: normalised


#: Pieces of text with marks that combine with the letter before them, alone or after a space.
MARKED = st.text(
    alphabet=st.sampled_from(
        list("aAeđĐ \u0300\u0301\u0302\u0323\u031b\u0306 ơƯệỆ\tﬁ\u00c5\u212b")
    ),
    max_size=20,
)


@settings(max_examples=800, deadline=None)
@given(MARKED | TEXT)
def test_a_text_folds_to_ascii_as_its_words_fold(text: str) -> None:
    assert slug.ascii_fold(text) == slug._ascii_fold(text)
    assert slug.ascii_fold(text) == slug.ascii_fold(text)  # remembered, the same


@settings(max_examples=400, deadline=None)
@given(TEXT | st.text(max_size=20))
def test_remembered_printability_is_printability(text: str) -> None:
    assert vietnamese.PRINTABLE[text] is text.isprintable()
    assert vietnamese.PRINTABLE[text] is text.isprintable()


@settings(max_examples=400, deadline=None)
@given(TEXT | st.text(max_size=20))
def test_controls_asked_again_are_answered_as_the_first_time(text: str) -> None:
    plain = not text.replace("\n", " ").replace("\t", " ").replace("\f", " ").isprintable()
    assert decode.may_hold_controls(text) is plain
    assert decode.may_hold_controls(text) is plain
    assert decode.may_hold_controls("a\x02") is True
    assert decode.may_hold_controls("a\n\tb\f") is False


SPACED_MARKS = st.lists(
    st.sampled_from(["kinh", "tế", "xã", "-", "–", "‐", "-–", "(-", "-)", "“", "”.", "...", "x–y"])
    | st.sampled_from(["KH-CN", "a-b-c", "(KT-XH),", "-a", "b-", "''", "(", "", "ā", "."])
    | st.text(alphabet=st.sampled_from(list("ab-–‐.,;:!?()[]{}“”‘’\"'…")), min_size=1, max_size=4),
    max_size=12,
).map(" ".join)


@settings(max_examples=600, deadline=None)
@given(SPACED_MARKS | PIECES.filter(str.isprintable))
def test_dashed_pairs_of_a_spaced_text_are_those_of_every_word(text: str) -> None:
    quick = hyphens._dashed_around_marks(text) | hyphens._dashed_inside(text)
    assert quick == hyphens._dashed_of_every_word(text)


LABEL_PIECES = st.sampled_from(
    [
        "Tóm tắt",
        "TÓM  LƯỢC",
        "Abstract",
        "SUMMARY",
        "Từ khóa",
        "TỪ KHOÁ",
        "Key words",
        "từkhoa",
        "Tài liệu tham khảo",
        "TÀI LIỆU TRÍCH DẪN",
        "References",
        "BIBLIOGRAPHY",
        "Danh mục",
        "DANH MỤC CÁC CÔNG TRÌNH ĐÃ CÔNG BỐ",
        "Hình",
        "BẢNG",
        "Biểu đồ",
        "SƠ ĐỒ",
        "Đồ thị",
        "ẢNH",
        "Figure",
        "FIG.",
        "Table",
        "ſ",
        "ı",
        "İ",
        "K",
        "ẞ",
        ":",
        "1",
        "2.",
        " ",
        "\t",
        "I.",
    ]
)
LABEL_LINE = st.lists(LABEL_PIECES | PIECES, max_size=5).map("".join)


def _labelling(texts: list[str]) -> roles.Labelling:
    lines = [SourceLine(number, text) for number, text in enumerate(texts, start=1)]
    return roles.Labelling(lines, [], layout.Layout(column=40, wide=52))


@settings(max_examples=800, deadline=None)
@given(st.lists(LABEL_LINE | TEXT, min_size=1, max_size=4), st.integers(min_value=0, max_value=3))
def test_a_rule_s_words_are_found_in_every_text_it_may_act_on(texts: list[str], at: int) -> None:
    text = texts[at % len(texts)]
    doc = _labelling(texts)
    if scholarly.FRONT_LABEL_RE.match(text):
        assert doc.may_hold(scholarly.FRONT_WORDS, scholarly.FRONT_WORDS_RE)
    if scholarly.REFERENCES_RE.match(text.strip()):
        assert doc.may_hold(scholarly.REFERENCES_WORDS)
    if scholarly.CAPTION_LABEL_RE.match(text.strip()):
        assert doc.may_hold((), scholarly.CAPTION_WORDS_RE)


def test_a_text_without_a_rule_s_words_is_asked_nothing() -> None:
    doc = _labelling(["Các nhà khoa học trẻ", "ảnh hưởng của tài liệu", "Bảng giá điện"])
    assert not doc.may_hold(scholarly.FRONT_WORDS, scholarly.FRONT_WORDS_RE)
    assert not doc.may_hold(scholarly.REFERENCES_WORDS)
    assert not doc.may_hold((), scholarly.CAPTION_WORDS_RE)
    assert _labelling(["x", "  Hình 2. Sơ đồ"]).may_hold((), scholarly.CAPTION_WORDS_RE)
    assert _labelling(["Lực ſ"]).lowered() == ""  # a pattern ignoring case reads 's' there


def _plain_letter_before_digit(text: str) -> bool:
    return re.search(r"[^\W\d_]\d", text) is not None


@settings(max_examples=800, deadline=None)
@given(
    TEXT
    | st.lists(
        st.sampled_from(["Servomill", "700", "x", "𝟕", "𝐀", "𑁦", "٣", " ", "\n"]) | TEXT
    ).map("".join)
)
@example("a𝐀 b")  # a letter before a character beyond the BMP that is no digit
@example("a𝐀 b𝟕")  # ... and one before a digit beyond it (MATHEMATICAL BOLD DIGIT SEVEN)
@example("𝐀7")  # a letter beyond the BMP before a digit
def test_a_letter_before_a_digit_is_found_as_the_plain_pattern_finds_it(text: str) -> None:
    assert casing._letter_before_digit(text) is _plain_letter_before_digit(text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["TẠP CHÍ KHOA HỌC", "Số 3 - 2020", "12", "KH&CN 2021"]) | TEXT))
def test_a_repeated_line_is_found_as_by_its_key(texts: list[str]) -> None:
    lines = [SourceLine(n, text, page=n % 3) for n, text in enumerate(texts * 2)]
    repeated = roles.repeated_lines(lines)
    for text in texts:
        assert roles._repeats(text, repeated) is (roles._repeat_key(text) in repeated)
        assert roles._repeats(text.lower(), repeated) is (
            roles._repeat_key(text.lower()) in repeated
        )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(LINE_WORDS, max_size=9).map(" ".join) | PIECES, max_size=40), st.booleans()
)
def test_the_width_a_line_was_set_in_is_the_widest_of_its_window(
    texts: list[str], printed: bool
) -> None:
    lines = [SourceLine(number, text) for number, text in enumerate(texts, start=1)]
    math = [text.startswith("=") for text in texts]
    widths = layout.LocalWidths(lines, math, printed=printed)
    for index in range(len(texts)):
        if not widths.prose or not widths.texts[index]:
            assert widths[index] == 0
            continue
        position = bisect.bisect_left(widths.prose, index)
        around = widths.prose[
            max(0, position - layout.WIDTH_WINDOW) : position + layout.WIDTH_WINDOW
        ]
        window = [widths.lengths[i] for i in around]
        limit = sorted(window)[len(window) // 2] * layout.WIDTH_OUTLIER
        assert widths[index] == max(width for width in window if width <= limit)


@settings(max_examples=600, deadline=None)
@given(TEXT | st.sampled_from(["x=", "α", "(12)", "KT-XH", "và", "⎛", "a\u0304", "sin"]))
def test_a_token_with_a_symbol_of_mathematics_is_mathematics(token: str) -> None:
    symbol = any(char in shapes.MATH_CHARS for char in token)
    assert (not shapes.MATH_CHARS.isdisjoint(token)) is symbol  # the check token_kind makes
    if symbol:
        assert shapes.token_kind(token) == "math"


def _plain_all_caps(text: str) -> bool:
    """`is_all_caps` as first written: two letters at least, none of them in small letters."""
    letters = list(filter(str.isalpha, text))
    return len(letters) >= 2 and not any(map(str.islower, letters))


# Characters in small letters that are no letters (a small Roman numeral, a combining iota),
# a title-case letter, a modifier letter, a letter of no case.
CASE_EDGES = st.text(alphabet=st.sampled_from(list("aAĐđẾế 1.ⅰⅠ\u0345ǅʰª中")), max_size=12)


@settings(max_examples=800, deadline=None)
@given(CASE_EDGES | TEXT)
def test_all_caps_answers_as_its_plain_definition(text: str) -> None:
    assert vietnamese.is_all_caps(text) is _plain_all_caps(text)


def test_all_caps_of_every_character() -> None:
    for char in map(chr, range(0x110000)):
        for text in (char + char, "A" + char, "a" + char):
            assert vietnamese.is_all_caps(text) is _plain_all_caps(text), ascii(text)


def test_a_segment_s_position_is_its_index_in_the_list(tmp_path: Path) -> None:
    """`Labelling.position` finds a segment by identity where `list.index` compares segments
    field by field: the same index, as no two segments hold the same lines."""
    for path in corpus.generate(12, tmp_path, seed=3):
        if path.suffix != ".txt":
            continue
        lines = layout.split_lines(path.read_text(encoding="utf-8"))
        measured = layout.measure(lines)
        doc = roles.label(roles.Labelling(lines, layout.segment(lines, measured), measured))
        held = [id(line) for seg in doc.segments for line in seg.lines]
        assert len(held) == len(set(held))
        for seg in doc.segments:
            assert doc.position(seg) == doc.segments.index(seg)
