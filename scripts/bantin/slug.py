"""URL slugs and block anchors: ASCII, lower case, hyphen-separated, safe inside any path."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from bantin.exceptions import BantinError
from bantin.vietnamese import DropTable, Memo

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NOT_SLUG_RE = re.compile(r"[^a-z0-9]+")
ANCHOR_WORDS = 5
ANCHOR_MAX = 60
FALLBACK = "bai"
#: Names an article's slug may not take: the issue's own page (`index`), a page of a
#: paginated list (`trang-N`), and the folders and files the site generates.
RESERVED_SLUGS = frozenset(
    {"index", "tac-gia", "chuyen-muc", "nguon", "tim-kiem", "search", "assets", "feed"}
    | {"sitemap", "catalogue", "robots", "404", "gioi-thieu", "trich-dan"}
)
_PAGED = re.compile(r"^trang-\d+$")


_DROP_COMBINING = DropTable(lambda char: unicodedata.combining(char) != 0)


def ascii_fold(text: str) -> str:
    """Drop Vietnamese diacritics (NFD, no combining marks) and map đ/Đ to d. Folded word
    by word, each word remembered (words repeat a lot): a space is a character of its own
    that no mark combines with, so the pieces between spaces fold apart as the text does."""
    return " ".join(map(_FOLDED.__getitem__, text.split(" ")))


def _ascii_fold(text: str) -> str:
    """`ascii_fold` of one piece of text."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return decomposed if decomposed.isascii() else decomposed.translate(_DROP_COMBINING)


_FOLDED: Memo[str, str] = Memo(_ascii_fold, 100_000)


def cut_at_hyphen(slug: str, max_length: int) -> str:
    """Shorten to at most max_length without splitting a word when a hyphen allows it."""
    if len(slug) <= max_length:
        return slug
    head = slug[: max_length + 1]
    cut = head.rfind("-")
    return (head[:cut] if cut > 0 else slug[:max_length]).strip("-")


def fallback_slug(text: str) -> str:
    """A stable slug for text with no ASCII letters or digits at all."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{FALLBACK}-{digest}"


def slugify(text: str, max_length: int = 80) -> str:
    """ASCII slug of any text; always matches SLUG_PATTERN."""
    folded = ascii_fold(text).lower()
    slug = _NOT_SLUG_RE.sub("-", folded).strip("-")
    slug = cut_at_hyphen(slug, max(max_length, 1))
    return slug if SLUG_PATTERN.match(slug) else fallback_slug(text)


def is_reserved(slug: str) -> bool:
    """A slug that would collide with a page or folder the site generates."""
    return slug in RESERVED_SLUGS or _PAGED.match(slug) is not None


def unreserved(slug: str) -> str:
    """A slug made from a title, moved off a reserved name ('index' -> 'index-bai')."""
    return f"{slug}-{FALLBACK}" if is_reserved(slug) else slug


def first_words(text: str, count: int = ANCHOR_WORDS) -> str:
    return " ".join(text.split(maxsplit=count)[:count])


def anchor_base(prefix: str, text: str, words: int | None = ANCHOR_WORDS) -> str:
    """`prefix` + slug of the first words of text (all of it when words is None)."""
    basis = text if words is None else first_words(text, words)
    return slugify(f"{prefix} {basis}".strip(), max_length=ANCHOR_MAX)


def unique_anchor(base: str, taken: set[str]) -> str:
    """base, else base-2, base-3, ...: the first one not yet taken (then marked taken)."""
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def inside(base: Path, *parts: str) -> Path:
    """base/parts..., refusing any result that resolves outside base."""
    target = base.joinpath(*parts)
    if not target.resolve().is_relative_to(base.resolve()):
        raise BantinError(f"{target}: refusing to write outside {base}")
    return target
