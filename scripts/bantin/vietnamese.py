"""Vietnamese text facts the converter relies on: punctuation, acronyms, letters, word folding."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

# Marks that end a sentence (after closing quotes/brackets are skipped).
SENTENCE_END = frozenset(".!?…:")
FULL_STOPS = frozenset(".!?…")
# Closing characters that may follow the final mark: "…ngành KH&CN”." or "(…)."
CLOSERS = frozenset("\"'”’»)]")
# Glyphs that PDF extraction leaves for the end-of-article mark.
END_MARK_GLYPHS = frozenset("■□♦◆◇●○❖▪▫∎◼◻★☆➢")

# Well-known acronyms, used when the article's own body never writes a word.
ACRONYMS = (
    "KH&CN",
    "KT-XH",
    "KH&ĐT",
    "ĐMST",
    "UBND",
    "HĐND",
    "TP",
    "CNTT",
    "CNH-HĐH",
    "KHCN",
    "KHXH&NV",
    "TW",
    "NXB",
    "ĐHQG",
    "GS",
    "PGS",
    "TS",
    "ThS",
    "ASEAN",
    "WTO",
    "GDP",
    "FDI",
    "ODA",
    "VN",
)

# Titles written before a name in a byline.
HONORIFICS = frozenset(
    ("gs", "pgs", "ts", "ths", "tskh", "ks", "bs", "cn", "ls", "nsưt", "nsnd", "gs.ts", "pgs.ts")
)

# Function words a heading or title never ends with: a line ending in one was cut mid-sentence.
OPEN_ENDINGS = frozenset(
    (
        "và",
        "của",
        "các",
        "những",
        "cho",
        "để",
        "với",
        "nhưng",
        "trong",
        "từ",
        "là",
        "được",
        "đã",
        "sẽ",
        "thì",
        "mà",
        "theo",
        "tại",
        "về",
        "một",
        "hoặc",
        "hay",
        "nhằm",
        "bởi",
        "do",
        "vì",
        "nên",
        "khi",
        "đến",
        "ở",
        "trên",
        "dưới",
        "giữa",
        "qua",
        "có",
        "cần",
        "phải",
    )
)


def ends_open(text: str) -> bool:
    """True when the last word is a function word, so the text cannot be complete."""
    last = text.strip().rsplit(maxsplit=1)[-1:] if text.strip() else []
    return bool(last) and last[0].casefold() in OPEN_ENDINGS


_VIETNAMESE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")
WORD_RE = re.compile(r"[^\W_]+(?:[&\-.'’/][^\W_]+)*", re.UNICODE)
TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)


#: The superscript figures and signs, in the order of "0123456789+−": a power written as
#: printed ("m²", "Mn⁴⁺"), a mark after a name ("Nguyễn Văn A¹").
SUPERSCRIPT_FIGURES = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻"

#: The decimal digits of the Basic Multilingual Plane (the characters `\d` matches there),
#: for a set of characters in a pattern: looked up in a table, where `\d` asks the character
#: database about each character (twice as slow). Beyond the BMP, see `has_digit`.
BMP_DIGITS = (
    "0-9\u0660-\u0669\u06f0-\u06f9\u07c0-\u07c9\u0966-\u096f\u09e6-\u09ef"
    "\u0a66-\u0a6f\u0ae6-\u0aef\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef"
    "\u0d66-\u0d6f\u0de6-\u0def\u0e50-\u0e59\u0ed0-\u0ed9\u0f20-\u0f29\u1040-\u1049"
    "\u1090-\u1099\u17e0-\u17e9\u1810-\u1819\u1946-\u194f\u19d0-\u19d9\u1a80-\u1a89"
    "\u1a90-\u1a99\u1b50-\u1b59\u1bb0-\u1bb9\u1c40-\u1c49\u1c50-\u1c59\ua620-\ua629"
    "\ua8d0-\ua8d9\ua900-\ua909\ua9d0-\ua9d9\ua9f0-\ua9f9\uaa50-\uaa59\uabf0-\uabf9"
    "\uff10-\uff19"
)
_DIGIT_RE = re.compile(r"\d")
_DIGIT_OR_ASTRAL_RE = re.compile(f"[{BMP_DIGITS}\U00010000-\U0010ffff]")


def has_digit(text: str) -> bool:
    """`re.search(r"\\d", text)`, asked faster: a digit of the BMP, or a character beyond it
    (rare) that is asked again."""
    found = _DIGIT_OR_ASTRAL_RE.search(text)
    if found is None or found[0] <= "\uffff":
        return found is not None
    return _DIGIT_RE.search(text, found.start()) is not None


def nfc(text: str) -> str:
    """NFC, the one normal form every stage works in. The text last given back is known to
    be in it: handed back again (the same object: reading a source normalises it, and the
    converter normalises what it is given), it is returned without a second pass."""
    if text is _LAST_NFC[0]:
        return text
    normal = unicodedata.normalize("NFC", text)
    _LAST_NFC[0] = normal
    return normal


_LAST_NFC = [""]  # the last text nfc gave back (NFC is idempotent: it is its own answer)


# Letters some PDF producers put where Vietnamese has "ư": "ƣ" (U+01A3, Latin oi) draws like it
# in many fonts and is no Vietnamese letter ("Đầu tƣ", "chƣơng"); and "đ": the Icelandic eth
# "ð"/"Ð" (U+00F0, U+00D0), which Windows-1258 fonts and old keyboards typed for it ("Bài ðọc",
# "NÐ-CP"); the small one where a Vietnamese letter follows it (the phonetic symbol stands
# alone: "/ð/", "ðə").
_LOOKALIKES = str.maketrans(
    {"\u01a3": "\u01b0", "\u01a2": "\u01af", "\u00f0": "\u0111", "\u00d0": "\u0110"}
)
_ETH_RE = re.compile("\u00f0")

_LOOKALIKE_RE = re.compile("[\u01a3\u01a2\u00f0\u00d0]")
#: The same letters, each looked for on its own (a scan for one character is much faster
#: than a search for a set of them).
_LOOKALIKE_CHARS = "\u01a3\u01a2\u00f0\u00d0"


#: The Latin ligatures of Unicode's compatibility block (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), which a PDF's font may
#: give for two or three letters ("Kauﬀman", "modiﬁed"): the letters, as NFKC spells them.
_LIGATURES = str.maketrans(
    {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}
)
_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")


def fix_lookalikes(text: str) -> str:
    """Vietnamese letters in place of the foreign letters a PDF gave for them, the letters of a
    ligature ("ﬁ": "fi"), and the degree sign for the raised "o" set for it ("200oC": "200°C",
    "7,01oBrix": "7,01°Brix")."""
    if _LIGATURE_RE.search(text):
        text = text.translate(_LIGATURES)
    if "oC" in text or "oF" in text or "oBrix" in text or "º" in text:
        text = _DEGREES.sub("°", text)
    if not any(char in text for char in _LOOKALIKE_CHARS):  # most texts: nothing to do
        return text
    if "\u00f0" in text:
        return _ETH_RE.sub(_eth, text).translate(_BUT_THE_SMALL_ETH)
    return text.translate(_LOOKALIKES)


#: The "o" of "oC" after a figure or "kg" ("200oC", "80 oC", "J/kgoC") or as a word of its
#: own, and of "oF" and "oBrix" after a figure ("7,01oBrix"); the ordinal sign set for it
#: ("25ºC"); never inside an address ("/d/9oC/view").
_DEGREES = re.compile(
    r"(?<=\d)[oº](?=(?:C|F|Brix)(?![^\W_]|/))|(?:(?<=kg)|(?<![^\W_]))o(?=C(?![^\W_]|/))"
)
_BUT_THE_SMALL_ETH = str.maketrans({"\u01a3": "\u01b0", "\u01a2": "\u01af", "\u00d0": "\u0110"})


def _eth(match: re.Match[str]) -> str:
    """The small eth: "đ" where a Vietnamese letter follows it ("ƣ" among them), else itself
    (alone, at the end, before a mark, or in a word of phonetics: "/ðeə(r)/", "ðə")."""
    text, at = match.string, match.start()
    following = text[match.end() : match.end() + 1].translate(_LOOKALIKES)
    if not following or not is_vietnamese_letter(following):
        return "\u00f0"
    start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
    end = min((i for i in (text.find(" ", at), text.find("\n", at)) if i >= 0), default=len(text))
    word = text[start:end]
    phonetic = word.startswith(("/", "[")) or any(char in _PHONETIC for char in word)
    return "\u00f0" if phonetic else "\u0111"


#: Letters of phonetic transcriptions that Vietnamese writing never uses.
_PHONETIC = frozenset("əɪʊæɔɑʃʒθŋːˈˌɜʌɒɛ")


Key = TypeVar("Key")
Value = TypeVar("Value")


class Memo(dict[Key, Value]):
    """A table that fills itself: a missing key's value is computed, kept and returned, so
    `map(memo.__getitem__, keys)` looks many keys up at C speed. It is emptied when it holds
    `limit` entries (a bound on memory; values are computed again when asked again)."""

    def __init__(self, compute: Callable[[Key], Value], limit: int) -> None:
        super().__init__()
        self.compute, self.limit = compute, limit

    def __missing__(self, key: Key) -> Value:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.compute(key)
        return value


def _fold(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold()


_FOLDS: Memo[str, str] = Memo(_fold, 200_000)


#: `str.isprintable` of texts asked about again and again: a paragraph is checked when it is
#: cleaned, when its casing is learnt and when it is written (hashing it once is cheaper than
#: asking the character database about each of its characters each time).
PRINTABLE: Memo[str, bool] = Memo(str.isprintable, 4096)


def fold(word: str) -> str:
    """A word's case-insensitive key (NFC, case-folded); remembered, as words repeat a lot."""
    return _FOLDS[word]


class DropTable(dict[int, int | None]):
    """A str.translate table removing the characters `drop` picks (after the `fixed`
    mappings), filled as characters are met, so no table of all of Unicode is built."""

    def __init__(
        self, drop: Callable[[str], bool], fixed: dict[int, int | None] | None = None
    ) -> None:
        super().__init__(fixed or {})
        self.drop = drop

    def __missing__(self, code: int) -> int | None:
        value = None if self.drop(chr(code)) else code
        self[code] = value
        return value


def fold_all(words: Iterable[str]) -> list[str]:
    """`fold` of each word, looked up in one pass."""
    return list(map(_FOLDS.__getitem__, words))


def words(text: str) -> list[str]:
    """Words as a reader sees them: letters and digits, with inner & - . / kept."""
    return WORD_RE.findall(text)


def tokens(text: str) -> list[str]:
    """Letter/digit runs, case-folded: the unit of the word-preservation check."""
    return [t.casefold() for t in TOKEN_RE.findall(nfc(text))]


def is_vietnamese_letter(char: str) -> bool:
    """True for ASCII letters, đ/Đ and letters carrying only Vietnamese diacritics."""
    if char in "đĐ":
        return True
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[:1], decomposed[1:]
    return base.isascii() and base.isalpha() and all(m in _VIETNAMESE_MARKS for m in marks)


def strip_closers(text: str) -> str:
    """The text without trailing spaces and closing quotes or brackets."""
    text = text.rstrip()
    while text and text[-1] in CLOSERS:
        text = text[:-1].rstrip()
    return text


def ends_sentence(text: str) -> bool:
    """True when the text ends with a sentence-final mark, possibly inside quotes/brackets."""
    stripped = text.rstrip()
    if stripped[-1:] in CLOSERS:  # most lines end with their mark or a letter: no closer
        stripped = strip_closers(stripped)
    return stripped[-1:] in SENTENCE_END


def ends_full_stop(text: str) -> bool:
    """True when the text ends a sentence with . ! ? or … (not a colon), maybe inside quotes."""
    return strip_closers(text)[-1:] in FULL_STOPS


def first_letter(text: str) -> str:
    """The first alphanumeric character of the text, or ''."""
    for char in text:
        if char.isalnum():
            return char
    return ""


def starts_lower(text: str) -> bool:
    """True when the first letter of the text is lower case (a continuation, or small caps)."""
    char = text[:1]
    if char.isalnum():  # most lines open with their first letter: asked at once
        return char.islower() and char.isalpha()
    char = first_letter(text)
    return char.isalpha() and char.islower()


def starts_new_sentence(text: str) -> bool:
    """True when the text starts the way a sentence does: a capital, a digit or an opener."""
    stripped = text.lstrip()
    if not stripped:
        return False
    if stripped[0] in "“\"'‘«([-–—•*":
        return True
    char = first_letter(stripped)
    return bool(char) and (char.isupper() or char.isdigit())


# Words that number the points of an argument at the start of a paragraph: "Thứ nhất,",
# "Một là,", "Hai là:" (Vietnamese writing enumerates so), and "1.", "2.3.", "a)", "(1)",
# "(iv)".
_ORDINALS = "nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười"
_COUNTS = "một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười"
#: A chapter's or part's label ("CHƯƠNG 2", "Phần II", "Chapter 3"): the word in any case, a
#: Roman number in capitals only ("Phần vi sinh vật" is no part six).
CHAPTER_LABEL = r"(?i:chương|phần|chapter|part)\s+(?-i:\d{1,2}|[IVXLC]{1,5})"
#: A point's number in brackets: "(2)", or a Roman one in small letters, "(iv)".
BRACKETED_POINT = r"\((?:\d{1,2}|(?-i:i{1,3}|iv|vi{0,3}|ix|xi{0,2}))\)"
ENUMERATION_RE = re.compile(
    rf"^(?:thứ (?:{_ORDINALS})|(?:{_COUNTS}) là)\s*[,:.]\s"
    rf"|^(?:\d{{1,2}}(?:\.\d{{1,2}})*[.)]|[a-zđ]\)|{BRACKETED_POINT})\s+\S",
    re.IGNORECASE,
)


# A point lettered in lower case with a full stop, then a capital: 'b. Chọn ...' (in capitals,
# 'A. Nguyễn' is an initial).
LETTERED_RE = re.compile(r"^[a-zđ]\.\s+(?=\S)")


def starts_enumeration(text: str) -> bool:
    """True when the text opens a numbered point: 'Thứ hai, ...', 'Ba là: ...', '2. ...',
    'b. Chọn ...'."""
    text = text.lstrip()
    if ENUMERATION_RE.match(text) is not None:
        return True
    match = LETTERED_RE.match(text)
    return match is not None and first_letter(text[match.end() :]).isupper()


def may_enumerate_lower(text: str) -> bool:
    """Whether a text opening with a small letter (no white space before it) may be one
    `starts_enumeration` answers yes for: its second character a bracket or a full stop
    ('a) ', 'b. '), or 'thứ' or ' là' at its start ('thứ hai, ', 'một là: '); most lines are
    turned down here without trying the patterns."""
    return text[1:2] in ")." or text[:3].lower() == "thứ" or " là" in text[:8].lower()


def is_all_caps(text: str) -> bool:
    """True when the text has at least two letters and none of them is lower case."""
    if any(map(str.isalpha, filter(str.islower, text))):
        return False  # a letter in small letters (found at once in most texts: no list made)
    return next(itertools.islice(filter(str.isalpha, text), 1, None), None) is not None


def capitalize_first(text: str) -> str:
    """Upper-case the first letter, leave everything else as it is."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
        if char.isdigit():
            return text
    return text


def title_case_name(name: str) -> str:
    """'NGUYỄN VĂN A' -> 'Nguyễn Văn A'; names already in mixed case are kept."""
    if not is_all_caps(name):
        return name
    return " ".join(part[:1].upper() + part[1:].lower() for part in name.split())


ACRONYM_BY_FOLD = {fold(a): a for a in ACRONYMS}


# One Vietnamese syllable: an initial consonant, a vowel nucleus, a final; tones aside.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_NUCLEI = (
    "iêu|yêu|oai|oay|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_SYLLABLE = re.compile(rf"^(?:{_INITIALS})?(?:{_NUCLEI})(?:ch|ng|nh|c|m|n|p|t)?$")


def is_syllable(word: str) -> bool:
    """A Vietnamese syllable as the language builds them ("của", "Ngọc", "hưng"), by its
    sounds, with at most one tone mark; not a check that it is a word in use."""
    return _SYLLABLES[word]


def _syllable(word: str) -> bool:
    letters = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for char in letters if char in _TONES)
    bare = unicodedata.normalize("NFC", "".join(c for c in letters if c not in _TONES))
    return tones <= 1 and bool(_SYLLABLE.match(bare))


_SYLLABLES: Memo[str, bool] = Memo(_syllable, 100_000)  # words repeat a lot


def are_syllables(words: Iterable[str]) -> Iterator[bool]:
    """`is_syllable` of each word, in order (looked up at C speed)."""
    return map(_SYLLABLES.__getitem__, words)


def spelling_key(text: str) -> str:
    """The text's words, case-folded, with each word's tone mark taken off its vowel and put
    after the word: "hoá" (the older style, the tone on the second vowel) and "hóa" are one
    spelling, which a contents page and an article's page may each write their way."""
    words = []
    for word in fold(text).split():
        letters = unicodedata.normalize("NFD", word)
        tones = "".join(char for char in letters if char in _TONES)
        bare = "".join(char for char in letters if char not in _TONES)
        words.append(unicodedata.normalize("NFC", bare) + tones)
    return " ".join(words)
