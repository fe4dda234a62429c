"""Vietnamese personal names as citation records need them: split, or kept whole.

A Vietnamese name is written family name first ("Nguyễn Hoàng Giang": family "Nguyễn",
given "Hoàng Giang"). A byline is split only when that reading is safe:

1. academic and professional titles in front ("PGS.TS", "ThS.", "GS", "KS.") are dropped;
2. a name the editor listed in `pen_names` is never split;
3. a name with initials ("P.V.", "N.V. An"), with characters other than letters, hyphens
   and apostrophes, or with fewer than 2 or more than 4 words is never split;
4. the first word must be a known Vietnamese family name (`FAMILY_NAMES`); a two-word name
   whose first word is just as common as a given name ("Mai Anh", "Hà Linh") is not split;
5. a few two-word family names ("Tôn Thất", "Âu Dương") are kept together.

A name that is not split becomes a CSL `literal`, which reference managers store as a
single-field name, so a pen name like "Hải Hằng" is never turned into "Hằng, H.".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from bantin.cite.text import one_line


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


FAMILY_NAMES: frozenset[str] = _word_set(
    """
    nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý lí đào đoàn
    vương trịnh trương lâm phùng mai tô hà tạ cao chu lương lưu đinh đàm kiều la thái
    triệu tống hứa quách văn từ nghiêm mạc lục âu mã khúc kim lã lò lạc lại lăng thân
    thạch tiêu tôn trình trang trác vi viên nông ninh khổng khương giang diệp doãn châu
    chung cù cung bạch bế biện cấn cầm công đồng đường giáp hán hàn hầu hạ kha khuất lèo
    lầu lư lữ lỗ mạch mẫn mông nhữ ông phó phí phương quan quản sầm sơn tăng thiều tòng
    ung ứng uông xa đậu đới nhan ngụy nguỵ lều hoa chử đàng cái lộc liêu mạnh
    tào thạch vy yên quang
    """
)
"""Vietnamese family names, lower case NFC (both tone placements where they differ)."""

AMBIGUOUS_FAMILY_NAMES: frozenset[str] = _word_set(
    """
    hà mai lâm kim thái hoa đào phương giang sơn quang quan chung châu diệp văn trang
    ninh khương cầm lăng tiêu hạ yên đồng cung công trình lộc mạnh liêu hồng thân an
    """
)
"""Family names that are at least as common as given names or pen-name openings."""

COMPOUND_FAMILY_NAMES: frozenset[tuple[str, str]] = frozenset(
    {("tôn", "thất"), ("tôn", "nữ"), ("âu", "dương"), ("tư", "mã"), ("gia", "cát")}
)
"""Two-word family names that stay together in the family part."""

ACADEMIC_TITLES: frozenset[str] = _word_set(
    """
    gs pgs ts tskh ths cn ks bs ds ls ncs kts tthc ckii cki bsck bscki bsckii bsnt
    nb dr prof mr mrs ms ngưt nhưt ngnd ttưt ttnd nsnd nsưt
    """
)
"""Titles written in front of a name, compared without dots and case-insensitively."""

TWO_WORD_TITLES: frozenset[str] = frozenset({"nhà báo", "nhà văn", "nhà thơ", "kỹ sư", "bác sĩ"})
"""Titles of two words ('Nhà báo Lê Văn An'), compared case-insensitively."""

_TITLE_TOKEN = re.compile(r"^[^\W\d_]+(?:\.[^\W\d_]+)*\.?$")
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")
_PARENTHESES = re.compile(r"\s*\([^()]*\)\s*")
_EDGES = re.compile(r"^(?:[-–](?=[\s,;]|$)|[\s,;])+|(?:(?<=[\s,;])[-–]|(?<=^)[-–]|[\s,;])+$")
_BYLINE_SEPARATOR = re.compile(r"\s+[-–—]\s+|\s*;\s*")


@dataclass(frozen=True)
class PersonName:
    """One author as a citation needs it: `family` and `given`, or one `literal` string."""

    family: str = ""
    given: str = ""
    literal: str = ""

    @property
    def is_literal(self) -> bool:
        return bool(self.literal)

    def csl(self) -> dict[str, str]:
        """The CSL-JSON name object."""
        if self.is_literal:
            return {"literal": self.literal}
        return {"family": self.family, "given": self.given}

    def inverted(self) -> str:
        """'Family, Given' (Highwire, RIS), or the literal as it is."""
        return self.literal if self.is_literal else f"{self.family}, {self.given}"

    def highwire(self) -> str:
        """`citation_author` value: 'Family, Given', or 'Literal,' for an unsplit name.

        Zotero reads a `citation_author` without a comma as 'Given Family' and splits it at
        the last space; a trailing comma makes it keep the whole literal as the family name.
        """
        if self.is_literal:
            return " ".join(self.literal.replace(",", " ").split()) + ","
        return self.inverted()

    def display(self) -> str:
        """The name as Vietnamese readers write it: family name first, no comma."""
        return self.literal if self.is_literal else f"{self.family} {self.given}"


def clean_name(raw: str) -> str:
    """NFC, one space between words, parentheses and leading academic titles removed."""
    text = one_line(_PARENTHESES.sub(" ", unicodedata.normalize("NFC", raw)))
    text = trim_edges(text)
    if text.isupper() and any(ch.isalpha() for ch in text) and "." not in text:
        text = text.title()
    return strip_titles(text)


def strip_titles(text: str) -> str:
    """Drop 'PGS.TS', 'ThS.', 'GS. TSKH' and the like from the front of a name."""
    words = text.split(" ")
    while len(words) > 1 and _is_title(words[0]):
        words.pop(0)
    if len(words) > 2 and f"{words[0]} {words[1]}".casefold() in TWO_WORD_TITLES:
        words = words[2:]
    return trim_edges(" ".join(words))


def trim_edges(text: str) -> str:
    """Spaces, commas and semicolons around a name, and a dash set apart from it ('- Lê A'):
    a dash glued to the name ('-Lê A') is part of what the editor wrote and is kept."""
    return _EDGES.sub("", text)


def _is_title(word: str) -> bool:
    """True for a word made only of known title abbreviations joined by dots."""
    bare = word.rstrip(",:")
    if not _TITLE_TOKEN.match(bare):
        return False
    parts = [p for p in bare.casefold().split(".") if p]
    return bool(parts) and all(part in ACADEMIC_TITLES for part in parts)


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold().strip()


def parse_name(raw: str, pen_names: list[str] | tuple[str, ...] = ()) -> PersonName:
    """Split one byline name into family and given parts, or keep it as a literal."""
    return _parse_name_remembered(raw, tuple(pen_names))


@functools.lru_cache(maxsize=1 << 16)
def _parse_name_remembered(raw: str, pen_names: tuple[str, ...]) -> PersonName:
    """An archive names the same few hundred authors in thousands of bylines, and a build
    reads each byline for several outputs (citations, meta tags, JATS, OAI-PMH): each name
    is worked out once (a PersonName cannot be changed, so it can be shared)."""
    return read_name(raw, pen_names)


def read_name(raw: str, pen_names: list[str] | tuple[str, ...] = ()) -> PersonName:
    """parse_name, worked out every time."""
    name = clean_name(raw)
    pens = {_key(pen) for pen in pen_names} | {_key(clean_name(pen)) for pen in pen_names}
    if not any(ch.isalnum() for ch in name):
        return PersonName()
    if _key(name) in pens or _key(raw) in pens or not is_splittable(name):
        return PersonName(literal=name)
    words = name.split(" ")
    cut = 2 if len(words) > 2 and (_key(words[0]), _key(words[1])) in COMPOUND_FAMILY_NAMES else 1
    return PersonName(family=" ".join(words[:cut]), given=" ".join(words[cut:]))


def is_splittable(name: str) -> bool:
    """True when `name` reads safely as family name + given names (rules in the module doc)."""
    words = name.split(" ")
    if not 2 <= len(words) <= 4:
        return False
    if not all(_NAME_WORD.match(word) and word[0].isupper() for word in words):
        return False
    first = _key(words[0])
    if first not in FAMILY_NAMES:
        return False
    return not (len(words) == 2 and first in AMBIGUOUS_FAMILY_NAMES)


def split_byline(raw: str) -> list[str]:
    """'Hải Hằng - Xuân Bình' -> two names: a spaced dash or a semicolon separates authors."""
    return [part for part in _BYLINE_SEPARATOR.split(raw) if part.strip()]


def parse_names(raws: list[str], pen_names: list[str] | tuple[str, ...] = ()) -> list[PersonName]:
    """Every byline name with a letter or digit in it, parsed, in byline order."""
    names = (parse_name(part, pen_names) for raw in raws for part in split_byline(raw))
    return [name for name in names if name.literal or name.family]
