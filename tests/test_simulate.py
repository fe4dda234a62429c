"""The layout simulator: its output looks like an extraction and loses none of the article."""

from __future__ import annotations

import itertools
import random
import re
import unicodedata
from collections import Counter

import pytest

from bantin import simulate
from bantin.simulate import ArticleSpec, Caption, LayoutOptions, Section

PLAIN = LayoutOptions(nfd=0.0, crlf=0.0)
SEEDS = range(40)


def words(text: str) -> Counter[str]:
    """Letter and digit runs, case-folded and composed: what survives any layout."""
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold()))


def spec_words(spec: ArticleSpec, layout: simulate.Layout) -> Counter[str]:
    parts = [spec.title, spec.lead, *spec.headings(), *layout.paragraphs, *spec.authors]
    return words(" ".join(parts + [c.text for c in spec.captions]))


def laid_out(seed: int, options: LayoutOptions = PLAIN) -> tuple[ArticleSpec, simulate.Layout]:
    rng = random.Random(seed)
    spec = simulate.random_article(rng)
    return spec, simulate.lay_out_detailed(spec, rng, options)


def test_same_seed_same_layout() -> None:
    assert laid_out(7, LayoutOptions())[1].text == laid_out(7, LayoutOptions())[1].text
    assert laid_out(7)[1].text != laid_out(8)[1].text


@pytest.mark.parametrize("seed", SEEDS)
def test_every_word_of_the_article_is_in_the_layout(seed: int) -> None:
    spec, layout = laid_out(seed, LayoutOptions())
    missing = spec_words(spec, layout) - words(layout.text)
    assert not missing


@pytest.mark.parametrize("seed", SEEDS)
def test_body_wraps_at_the_chosen_width(seed: int) -> None:
    _, layout = laid_out(seed)
    assert 26 <= layout.width <= 45
    for line in layout.body_lines:
        assert len(line.rstrip()) <= layout.width or " " not in line.strip()
    text_lines = [line.strip() for line in layout.text.splitlines()]
    assert sum(1 for line in layout.body_lines if line.strip() in text_lines) >= (
        len(layout.body_lines) * 0.9
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_wrapped_lines_fill_the_width_greedily(seed: int) -> None:
    _, layout = laid_out(seed)
    lines = [line.rstrip() for line in layout.body_lines]
    for line, following in itertools.pairwise(lines):
        if line and following and not line.endswith("-"):
            next_word = following.split(" ")[0]
            assert len(line) + 1 + len(next_word) > layout.width


def test_running_heads_name_page_section_and_issue() -> None:
    options = LayoutOptions(nfd=0.0, crlf=0.0, columns_per_page=(2, 2), column_lines=(12, 14))
    spec, layout = laid_out(3, options)
    lines = [line.strip("\f ") for line in layout.text.splitlines()]
    assert layout.pages
    for page in layout.pages:
        assert str(page) in lines
    assert spec.issue_label() in lines
    assert spec.section in lines


def test_title_band_in_small_caps_with_wide_lead() -> None:
    spec = ArticleSpec(
        title="KH&CN đóng góp cho phát triển KT-XH địa phương",
        lead="Lời dẫn của bài viết được in trên các dòng rộng. " * 4,
        sections=[Section("Kết quả nổi bật", ("Đoạn văn của bài, KH&CN và KT-XH. " * 30,))],
    )
    text = simulate.lay_out(spec, random.Random(1), PLAIN)
    title_line = next(line for line in text.splitlines() if "đóng góp cho" in line)
    assert title_line.startswith(("Kh&Cn", "Kh&cn"))
    assert "KT-XH" not in title_line
    assert "kết quả nổi bật" in text
    assert any(len(line) > 80 for line in text.splitlines())


def test_small_caps_lowers_first_letter_and_mangles_acronyms() -> None:
    rng = random.Random(0)
    assert simulate.small_caps("Xây dựng chính sách", rng) == "xây dựng chính sách"
    mangled = simulate.small_caps("Phát triển KT-XH và ĐMST", rng)
    assert mangled.startswith("phát triển ")
    assert "KT-XH" not in mangled and "ĐMST" not in mangled
    assert mangled.casefold() == "phát triển kt-xh và đmst"


def test_hyphenated_compound_may_break_after_its_hyphen() -> None:
    text = "năm đầu tiên triển khai kế hoạch phát triển KT-XH giai đoạn 2021-2025. Trong"
    lines = simulate.wrap(text, 33, random.Random(0), hyphen_split=1.0)
    assert lines == [
        "năm đầu tiên triển khai kế hoạch",
        "phát triển KT-XH giai đoạn 2021-",
        "2025. Trong",
    ]
    assert simulate.wrap(text, 33, random.Random(0), hyphen_split=0.0)[1].endswith("đoạn")


def test_column_breaks_fall_mid_sentence() -> None:
    spec = ArticleSpec(
        title="Tiêu đề",
        lead="",
        sections=[Section("", ("Câu thứ nhất khá dài, nối tiếp nhau mãi. " * 80,))],
    )
    options = LayoutOptions(nfd=0.0, crlf=0.0, title_after_column=(9, 9), column_lines=(12, 20))
    layout = simulate.lay_out_detailed(spec, random.Random(2), options)
    lines = layout.text.splitlines()
    breaks = [i for i, line in enumerate(lines[:-4]) if not line.strip() and i > 0]
    assert breaks
    for i in breaks:
        before = lines[i - 1].rstrip()
        if before and not before[0].isdigit() and "Số" not in before and before != spec.section:
            assert not before.endswith(tuple(".…?!")), before


def test_captions_stand_alone_in_the_flow() -> None:
    spec = ArticleSpec(
        title="Tiêu đề",
        lead="Lời dẫn.",
        sections=[
            Section("Mục", tuple("Đoạn số một của bài viết, tiếp tục. " * 12 for _ in range(6)))
        ],
        captions=[Caption("Quang cảnh hội nghị.", 0), Caption("Các đại biểu tham quan.", 4)],
        authors=["Hải Hằng", "Xuân Bình"],
    )
    text = simulate.lay_out(spec, random.Random(4), PLAIN)
    lines = text.splitlines()
    assert "Quang cảnh hội nghị." in lines
    assert "Các đại biểu tham quan." in lines
    assert any(line in ("Hải Hằng - Xuân Bình", "Hải Hằng, Xuân Bình") for line in lines)


@pytest.mark.parametrize("seed", range(10))
def test_end_mark_follows_the_last_sentence(seed: int) -> None:
    _, layout = laid_out(seed)
    lines = [line.rstrip() for line in layout.text.splitlines()]
    marked = [line for line in lines if line.endswith(tuple(simulate.END_MARKS))]
    assert len(marked) == 1
    last_words = layout.paragraphs[-1].split(" ")[-1]
    assert marked[0].endswith(last_words + " " + layout.end_mark)


def test_nfd_and_crlf_are_only_encoding_noise() -> None:
    plain = laid_out(11, LayoutOptions(nfd=0.0, crlf=0.0))[1].text
    noisy = laid_out(11, LayoutOptions(nfd=1.0, crlf=0.0))[1].text
    assert noisy != plain
    assert unicodedata.normalize("NFC", noisy) == plain
    crlf = laid_out(11, LayoutOptions(nfd=0.0, crlf=1.0))[1].text
    assert crlf.replace("\r\n", "\n") == plain
    assert "\n" not in crlf.replace("\r\n", "")


@pytest.mark.parametrize("seed", SEEDS)
def test_random_articles_are_well_formed(seed: int) -> None:
    spec = simulate.random_article(random.Random(seed))
    assert spec.title and not spec.title.endswith((".", "…"))
    assert all(not h.endswith((".", "…", ",")) for h in spec.headings())
    assert all(p.endswith(tuple(".…?!")) for p in spec.paragraphs())
    assert all(c.text.endswith(".") and "\n" not in c.text for c in spec.captions)
    assert spec.authors and all(" - " not in a and "," not in a for a in spec.authors)
    body = " ".join(spec.paragraphs())
    for acronym in simulate.ACRONYMS:
        if re.search(re.escape(acronym), " ".join([spec.title, *spec.headings()])):
            assert acronym in body
    if spec.date:
        assert f"{spec.date.day}/{spec.date.month}/{spec.date.year}" in spec.lead
    assert len(body.split()) >= 250


def test_vocabulary_gives_many_distinct_names() -> None:
    rng = random.Random(0)
    names = {simulate.pen_name(rng) for _ in range(2000)}
    assert len(names) > 500
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
