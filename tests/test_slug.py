"""Slugs: ASCII, diacritics dropped, đ→d, bounded, always valid; output paths stay inside."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bantin.exceptions import BantinError
from bantin.slug import inside, slugify, unique_anchor

VALID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def test_vietnamese_title() -> None:
    title = "Xây dựng chính sách vượt trội để khoa học, công nghệ và đổi mới sáng tạo đóng góp"
    assert slugify(title) == (
        "xay-dung-chinh-sach-vuot-troi-de-khoa-hoc-cong-nghe-va-doi-moi-sang-tao-dong-gop"
    )


def test_d_bar_and_acronyms() -> None:
    assert slugify("ĐỔI MỚI Đường đi KH&CN, KT-XH") == "doi-moi-duong-di-kh-cn-kt-xh"


def test_nfd_input_gives_the_same_slug() -> None:
    import unicodedata

    text = "Thứ trưởng Bộ Khoa học"
    assert slugify(unicodedata.normalize("NFD", text)) == slugify(text) == "thu-truong-bo-khoa-hoc"


def test_cut_at_a_hyphen_boundary() -> None:
    slug = slugify("một hai ba bốn năm sáu bảy tám chín mười", max_length=20)
    assert slug == "mot-hai-ba-bon-nam"
    assert len(slug) <= 20


def test_text_without_letters_gets_a_stable_fallback() -> None:
    assert slugify("!!! ??? …") == slugify("!!! ??? …")
    assert slugify("!!! ??? …").startswith("bai-")
    assert slugify("中文") != slugify("日本")


@given(st.text(max_size=300), st.integers(min_value=1, max_value=120))
def test_any_text_gives_a_valid_bounded_slug(text: str, max_length: int) -> None:
    slug = slugify(text, max_length=max_length)
    assert VALID.match(slug)
    assert len(slug) <= max(max_length, len("bai-") + 8)


def test_unique_anchor_numbers_collisions() -> None:
    taken: set[str] = set()
    assert [unique_anchor("a", taken) for _ in range(3)] == ["a", "a-2", "a-3"]


@pytest.mark.parametrize("parts", [("..", "x.md"), ("a", "..", "..", "x.md"), ("/etc/passwd",)])
def test_paths_outside_the_output_folder_are_refused(
    tmp_path: Path, parts: tuple[str, ...]
) -> None:
    with pytest.raises(BantinError):
        inside(tmp_path / "docs", *parts)


def test_paths_inside_are_allowed(tmp_path: Path) -> None:
    assert inside(tmp_path, "2021", "so-5", "a.md") == tmp_path / "2021/so-5/a.md"
