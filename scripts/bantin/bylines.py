"""Vietnamese bylines: "Đại tá, PGS.TS. NGUYỄN VĂN A; Trung tá, ThS. TRẦN B" -> authors.

A byline names people, each maybe with a rank (military or police: "Trung tướng", "Đại úy";
or a role such as "Học viên") and an academic title or degree ("PGS.TS.", "ThS.", "GS.
TSKH."), which belong to the byline and never to the name used for author pages and citations.
Names printed in capitals get their usual case; footnote marks after a name ("Nguyễn Văn A1,2",
"Lê B*") point to affiliations and leave the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bantin.vietnamese import SUPERSCRIPT_FIGURES, fold, is_all_caps

#: Ranks, longest first so "Thượng tướng" wins over a shorter match.
RANKS = tuple(
    sorted(
        (
            "Đại tướng",
            "Thượng tướng",
            "Trung tướng",
            "Thiếu tướng",
            "Đô đốc",
            "Phó Đô đốc",
            "Chuẩn Đô đốc",
            "Đại tá",
            "Thượng tá",
            "Trung tá",
            "Thiếu tá",
            "Đại úy",
            "Thượng úy",
            "Trung úy",
            "Thiếu úy",
            "Chuẩn úy",
            "Thượng sĩ",
            "Trung sĩ",
            "Hạ sĩ",
            "Binh nhất",
            "Binh nhì",
            "Học viên",
            "Sinh viên",
            "Nghiên cứu sinh",
            "Học viên cao học",
        ),
        key=len,
        reverse=True,
    )
)
_RANK_FOLDS = {fold(rank): rank for rank in RANKS}
# Academic titles and degrees, folded ("ths" for ThS); "bs" for doctors, "ncs" for PhD students.
DEGREES = frozenset(
    (
        "gs",
        "pgs",
        "ts",
        "tskh",
        "ths",
        "cn",
        "ks",
        "bs",
        "ds",
        "bsckii",
        "bscki",
        "bsck",
        "ncs",
        "gvc",
        "gv",
        "kts",
        "ls",
        "nsưt",
        "nsnd",
        "dr",
        "prof",
        "phd",
        "msc",
        "ma",
        "mba",
    )
)
_DEGREE_RUN = re.compile(r"^(?:[^\W\d_]+\.?\s*)+$")
# Footnote or affiliation marks glued to the end of a name: digits, commas between them, stars,
# the digits bare or in brackets ("An1,2*", "Hạnh(1)").
_MARKS = re.compile(r"(?<=[^\W\d_])(\**(?:\d{1,2}(?:,\d{1,2})*|\(\d{1,2}(?:,\d{1,2})*\))?\**)$")
# Between people: semicolons, commas (not those between marks: "An1,2"), "và", dashes, "&".
_SEPARATORS = re.compile(r"\s*;\s*|\s*,(?!\d)\s*|\s+và\s+|\s+and\s+|\s+[-–—&]\s+", re.I)
_PREFIX = re.compile(
    r"^(?:bài|tin|ảnh|thực hiện|nhóm phóng viên|tác giả|chuyển ngữ|người dịch|dịch giả)"
    r"(?:\s*(?:và|,|&|-)\s*(?:ảnh|bài))?\s*:\s*",
    re.IGNORECASE,
)
# A translation's credit after the translator's name ("... chuyển ngữ"), and the date a
# bulletin sets before it ("24/11/2017 — ").
_TRANSLATED = re.compile(r"\s+(?:chuyển ngữ|lược dịch|biên dịch|dịch)$", re.IGNORECASE)
_DATED = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s*[—–-]\s*")
NAME_MAX_WORDS = 6

# First words of an institution's name: a byline line starting so is an affiliation.
ORGANISATION_WORDS = frozenset(
    (
        "viện",
        "trường",
        "học",
        "sở",
        "bộ",
        "tổng",
        "cục",
        "vụ",
        "ban",
        "phòng",
        "khoa",
        "bệnh",
        "hội",
        "ủy",
        "uỷ",
        "ubnd",
        "tạp",
        "báo",
        "đài",
        "quỹ",
        "đhqg",
        "đh",
    )
)

#: Words no name starts with: an institution's, or a plural or a number ("Các Đoàn Thể",
#: a roster's heading, is no one though Đoàn is a family name).
_NEVER_FIRST = ORGANISATION_WORDS | frozenset(("các", "những", "mọi", "một"))

# Common Vietnamese family names (folded): a byline at the top must show one, or a title.
SURNAMES = frozenset(
    fold(name)
    for name in [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Đào",
        "Đoàn",
        "Vương",
        "Trương",
        "Trịnh",
        "Đinh",
        "Lâm",
        "Phùng",
        "Mai",
        "Tô",
        "Hà",
        "Tạ",
        "Cao",
        "Lưu",
        "Quách",
        "Thái",
        "Chu",
        "Lương",
        "Hứa",
        "Kiều",
        "Lại",
        "Triệu",
        "Đàm",
        "Nông",
        "Khổng",
        "Mạc",
        "Châu",
        "Giang",
        "La",
        "Đồng",
        "Diệp",
        "Tăng",
        "Từ",
        "Lò",
        "Hầu",
        "Kim",
        "Thân",
    ]
)


@dataclass(frozen=True)
class Author:
    """One person of a byline: the name alone, the rank and degree printed with it, and the
    numbers of the affiliations its marks point to."""

    name: str
    rank: str = ""
    degree: str = ""
    marks: tuple[int, ...] = ()

    @property
    def byline(self) -> str:
        """As a byline shows it: "Đại tá, PGS.TS. Nguyễn Văn A"."""
        title = " ".join(part for part in (self.degree, self.name) if part)
        return f"{self.rank}, {title}" if self.rank else title


SUPERSCRIPT_DIGITS = str.maketrans(
    SUPERSCRIPT_FIGURES[:10], "0123456789"
)  # marks typed as characters


def parse_byline(text: str) -> list[Author]:
    """The authors a byline names; empty when some part of it is not a name."""
    text = _PREFIX.sub("", " ".join(text.translate(SUPERSCRIPT_DIGITS).split())).strip().rstrip(".")
    text = _TRANSLATED.sub("", _DATED.sub("", text))
    authors: list[Author] = []
    rank = degree = ""
    for part in _SEPARATORS.split(text):
        part = part.strip()
        if not part or (authors and not part.strip("*")):
            continue  # the corresponding author's star after a comma ("Quang1,*")
        part_rank, rest = _take_rank(part)
        rank = part_rank or rank
        part_degree, rest = _take_degree(rest)
        degree = " ".join(d for d in (degree, part_degree) if d)
        if not rest:
            continue  # a rank or a degree alone: the name follows after a comma
        name, marks = _name(rest)
        if name is None:
            return []
        authors.append(Author(name, rank, degree, marks))
        rank = degree = ""
    return authors if not (rank or degree) else []


def _take_rank(part: str) -> tuple[str, str]:
    folded = fold(part)
    for key, rank in _RANK_FOLDS.items():
        if folded == key or folded.startswith(key + " "):
            return rank, part[len(rank) :].strip()
    return "", part


def _take_degree(part: str) -> tuple[str, str]:
    """Leading degree words ("PGS.TS.", "GS. TSKH.", "ThS"), as printed; the rest."""
    words = part.split()
    taken = 0
    while taken < len(words) and _is_degree(words[taken]):
        taken += 1
    if taken == len(words) and taken and not words[-1].endswith(".") and len(words) > 1:
        taken -= 1  # "TS NGUYỄN": the last word is a name, not a degree
    return " ".join(words[:taken]), " ".join(words[taken:])


def _is_degree(word: str) -> bool:
    pieces = [piece for piece in fold(word).split(".") if piece]
    return bool(pieces) and all(piece in DEGREES for piece in pieces)


def _name(text: str) -> tuple[str | None, tuple[int, ...]]:
    """A person's name in its usual case and its marks, or None when it is not a name."""
    words = text.split()
    while len(words) > 1 and re.fullmatch(r"[\d,*()]+", words[-1]):
        mark = words.pop()  # a mark set apart from its name: "Tuấn 1", "Tuấn (1)"
        words[-1] += mark
    if not 1 <= len(words) <= NAME_MAX_WORDS or fold(words[0]) in _NEVER_FIRST:
        return None, ()
    marks: list[int] = []
    clean = []
    for word in words:
        match = _MARKS.search(word)
        if match and match.group(1):
            marks += [int(n) for n in re.findall(r"\d+", match.group(1))]
            word = word[: match.start(1)]
        if not _name_word(word):
            return None, ()
        clean.append(word)
    name = " ".join(clean)
    return (proper_case(name) if is_all_caps(name) else name), tuple(marks)


def _name_word(word: str) -> bool:
    """A capitalised word of letters (hyphens allowed), or an initial "A."."""
    core = word.rstrip(".") if len(word) <= 3 else word
    letters = core.replace("-", "")
    return bool(letters) and letters.isalpha() and core[0].isupper()


def proper_case(name: str) -> str:
    """'NGUYỄN VĂN A' -> 'Nguyễn Văn A' (each syllable, each hyphenated part capitalised)."""
    return " ".join(
        "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
        for word in name.split()
    )


def is_byline(text: str) -> bool:
    """The text is only a byline: every part a name, with ranks and degrees."""
    return bool(parse_byline(text))


def has_rank_or_degree(text: str) -> bool:
    """Some author of the byline carries a rank or a degree: strong evidence of a byline."""
    return any(author.rank or author.degree for author in parse_byline(text))


def plausible(authors: list[Author], written: str = "") -> bool:
    """Names that must be names: each with a rank, a degree or a mark, or two to five words
    with a common family name among the first two (a heading in capitals has none); given
    the byline as `written`, not in capitals, a rarer family name or a middle name "Thị" or
    "Văn" also proves a name ("Đường Thị Thanh Hải")."""
    own_case = bool(written) and not is_all_caps(written)
    if not authors:
        return False
    for author in authors:
        if author.rank or author.degree or author.marks:
            continue
        words = author.name.split()
        if not 2 <= len(words) <= 5:
            return False
        if any(fold(w) in SURNAMES for w in words[:2]):
            continue
        if not (own_case and _written_as_a_person(words)):
            return False
    return True


# Family names less common than SURNAMES (folded), some of them words that open headings
# ("Đường lối", "Quan điểm"): they prove a name only written as one, every word capitalised.
RARER_SURNAMES = frozenset(
    fold(name)
    for name in [
        "Đường", "Tưởng", "Nghiêm", "Tống", "Tôn", "Thạch", "Khúc", "Lã", "Lục", "Mẫn", "Ông",
        "Phí", "Bạch", "Cù", "Doãn", "Đới", "Khương", "Kha", "Lạc", "Quản", "Tiêu", "Trình",
        "Ứng", "Vi", "Âu", "Bế", "Cấn", "Giáp", "Hàn", "Nhữ", "Đậu", "Ninh", "Phó", "Quan",
        "Văn", "Lăng", "Thiều", "Chử", "Đồ", "Hoàng Phủ", "Khuất", "Lỗ", "Mã", "Nhan", "Ôn",
        "Phù", "Sầm", "Thào", "Trịnh", "Vàng", "Lường", "Hứa", "Bàn", "Sùng", "Lò",
    ]
)  # fmt: skip

#: Middle names that mark a Vietnamese person ("Nguyễn Thị Hoa", "Lê Văn Tám").
MIDDLE_NAMES = frozenset(("thị", "văn"))


def _written_as_a_person(words: list[str]) -> bool:
    """Every word capitalised (not a heading in sentence case), with a rarer family name
    first or "Thị" or "Văn" second: "Đường Thị Thanh Hải"."""
    if not all(word[:1].isupper() for word in words):
        return False
    return fold(words[0]) in RARER_SURNAMES or (len(words) >= 3 and fold(words[1]) in MIDDLE_NAMES)
