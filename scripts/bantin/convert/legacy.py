"""Legacy 8-bit Vietnamese encodings: TCVN3 (ABC, TCVN 5712:1993 VN3) and VNI Windows.

Text set in these fonts reaches bantin as Latin-1 code points (a file read as latin-1, or a
span extracted from a PDF whose font has no Unicode map); this module recognises and decodes it.
"""

from __future__ import annotations

import re
import unicodedata

from bantin.vietnamese import Memo, is_syllable

TCVN3 = "tcvn3"
TCVN3_CAPITALS = "tcvn3-capitals"  # ".VnTimeH"-style fonts: every letter is drawn as a capital
VNI = "vni"
ENCODINGS = (TCVN3, TCVN3_CAPITALS, VNI)

# TCVN 5712:1993 VN3: each pair is (Unicode letter, byte as a Latin-1 character).
_TCVN3_PAIRS = (
    "à\xb5 á\xb8 ả\xb6 ã\xb7 ạ\xb9 "
    "ă\xa8 ằ\xbb ắ\xbe ẳ\xbc ẵ\xbd ặ\xc6 "
    "â\xa9 ầ\xc7 ấ\xca ẩ\xc8 ẫ\xc9 ậ\xcb "
    "đ\xae è\xcc é\xd0 ẻ\xce ẽ\xcf ẹ\xd1 "
    "ê\xaa ề\xd2 ế\xd5 ể\xd3 ễ\xd4 ệ\xd6 "
    "ì\xd7 í\xdd ỉ\xd8 ĩ\xdc ị\xde "
    "ò\xdf ó\xe3 ỏ\xe1 õ\xe2 ọ\xe4 "
    "ô\xab ồ\xe5 ố\xe8 ổ\xe6 ỗ\xe7 ộ\xe9 "
    "ơ\xac ờ\xea ớ\xed ở\xeb ỡ\xec ợ\xee "
    "ù\xef ú\xf3 ủ\xf1 ũ\xf2 ụ\xf4 "
    "ư\xad ừ\xf5 ứ\xf8 ử\xf6 ữ\xf7 ự\xf9 "
    "ỳ\xfa ý\xfd ỷ\xfb ỹ\xfc ỵ\xfe "
    "Ă\xa1 Â\xa2 Đ\xa7 Ê\xa3 Ô\xa4 Ơ\xa5 Ư\xa6"
)
TCVN3_TO_UNICODE: dict[str, str] = {pair[1]: pair[0] for pair in _TCVN3_PAIRS.split(" ")}

# VNI Windows: a base letter followed by a byte carrying the mark (tone, circumflex, breve).
# Mark bytes, in the order of _TONES (the plain tone bytes have no entry for "no tone").
_VNI_TONES_LOWER = "ùøûõï"
_VNI_TONES_UPPER = "ÙØÛÕÏ"
_VNI_HAT_LOWER = "âáàåãä"
_VNI_HAT_UPPER = "ÂÁÀÅÃÄ"
_VNI_BREVE_LOWER = "êéèúüë"
_VNI_BREVE_UPPER = "ÊÉÈÚÜË"
# Letters VNI writes in one byte: i with its tones, ỵ, ơ, ư, đ.
_VNI_SINGLE = {
    "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ô": "ơ", "ö": "ư", "ñ": "đ",
    "Ì": "Ì", "Í": "Í", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ", "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ",
}  # fmt: skip
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")

# Windows punctuation that arrives as C1 controls when cp1252 text is read as latin-1.
C1_PUNCTUATION = {chr(byte): bytes([byte]).decode("cp1252") for byte in (0x85, *range(0x91, 0x98))}
_C1_TABLE = str.maketrans(C1_PUNCTUATION)
_C1_RE = re.compile("[" + "".join(C1_PUNCTUATION) + "]")

_FONT_SUBSET = re.compile(r"^[A-Z]{6}\+")
# Weight, slope and the numbers some PDF writers add ("-BoldMT", ",Italic", ".Bold0150").
_FONT_STYLE = re.compile(r"(?:[-,. ]?(?:Bold|Italic|Oblique|Regular|BoldItalic|MT|PS|\d+))+$", re.I)
_TCVN3_FONT = re.compile(r"^\.?Vn[A-Z]")
_VNI_FONT = re.compile(r"^VNI[- ]", re.I)

# Latin-1 symbols that TCVN3 uses for its most frequent letters (ă â ê ô ơ ư đ, tones on a).
_TCVN3_MARKERS = frozenset(
    "".join(map(chr, (*range(0xA1, 0xAF), *range(0xB5, 0xBA), *range(0xBB, 0xBF))))
)
_QUOTES = "\"'“”‘’()[].,;:!?"
# Mark bytes that also follow vowels in French or Spanish words ("où", "goût", "naïve", "aéro").
_VNI_WESTERN_MARKS = frozenset("ùûïéúüèÙÛÏÉÚÜÈ")
# Latin-1 letters VNI uses for marks, đ, ư and ơ that no Unicode Vietnamese word contains.
_NOT_VIETNAMESE = frozenset("øûïäåëüöñæîØÛÏÄÅËÜÖÑÆÎ")
_WORD = re.compile(r"\S+")
MIN_WORDS = 2  # one odd word (French "où", "août") is no evidence
MIN_SHARE = 0.15  # share of words that must carry the evidence


def _vni_table() -> dict[str, str]:
    """Every VNI sequence (one or two characters) and the Unicode letter it stands for."""
    table = dict(_VNI_SINGLE)
    for tone, lower, upper in zip(_TONES[1:], _VNI_TONES_LOWER, _VNI_TONES_UPPER, strict=True):
        for base in "aeouyôö":
            letter = _VNI_SINGLE.get(base, base)
            table[base + lower] = _compose(letter, tone)
            table[base.upper() + upper] = _compose(letter.upper(), tone)
    for tone, index in zip(_TONES, range(len(_TONES)), strict=True):
        for base in "aeo":
            table[base + _VNI_HAT_LOWER[index]] = _compose(base + "\u0302", tone)
            table[base.upper() + _VNI_HAT_UPPER[index]] = _compose(base.upper() + "\u0302", tone)
        table["a" + _VNI_BREVE_LOWER[index]] = _compose("a\u0306", tone)
        table["A" + _VNI_BREVE_UPPER[index]] = _compose("A\u0306", tone)
    return table


def _compose(letter: str, tone: str) -> str:
    """NFC of a letter (maybe with its own mark) and a tone mark."""
    return unicodedata.normalize("NFC", letter + tone)


VNI_TO_UNICODE = _vni_table()
_VNI_PAIRS = frozenset(key for key in VNI_TO_UNICODE if len(key) == 2)


def encoding_for_font(font_name: str) -> str | None:
    """The legacy encoding a font name announces (".VnTime", ".VnArialH", "VNI-Times"), or None."""
    name = _FONT_SUBSET.sub("", font_name.strip())
    family = _FONT_STYLE.sub("", name)
    if _VNI_FONT.match(family):
        return VNI
    if _TCVN3_FONT.match(family):
        return TCVN3_CAPITALS if family.endswith("H") else TCVN3
    return None


# TCVN3 keeps "ư" at 0xAD, the soft hyphen's code; a font that names that glyph "hyphen" is
# extracted as "-" (one that names it "minus" as "−", common in text copied from such PDFs:
# "Tr−êng", "®−îc"). Inside a word, before "ơ" (and its toned forms), or before a closing "a",
# "u" or "ng" ("ph-¬ng", "m-a", "h-ng"), it can only be "ư"; after a capital, before "ơ"
# ("N-íc"). A minus sign before "a", "u" or "ng" is a formula's ("x−a"), and stays.
_TCVN3_HORN_U = re.compile(
    r"(?<=[a-z®])(?:-(?=[¬êíëìî]|(?:a|u|ng)(?![^\W\d_]))|−(?=[¬êíëìî]))|(?<=[A-Z])[-−](?=[¬êíëìî])"
)
# A word of a syllable's first consonants and "-" is one ending in "ư" ("t- t-ëng" is "tư
# tưởng"; "nh-", "th-", "s-", "c-"): no word ends in a hyphen so.
_TCVN3_FINAL_U = re.compile(
    r"(?<![^\W\d_])([CcKkNnTt]h|[Nn]g|[Tt]r|[CcDdHhLlRrSsTt])[-−](?![\w−-])"
)


def decode_legacy(text: str, encoding: str) -> str:
    """Decode Latin-1 code points holding TCVN3 or VNI bytes into NFC Unicode."""
    if encoding not in ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")
    text = fix_c1_punctuation(text)
    if encoding == VNI:
        decoded = _decode_vni(text)
    else:
        text = _TCVN3_HORN_U.sub("\xad", text)
        if "-" in text or "−" in text:
            text = _TCVN3_FINAL_U.sub("\\1\xad", text)
        decoded = "".join(TCVN3_TO_UNICODE.get(char, char) for char in text)
        if encoding == TCVN3_CAPITALS:
            decoded = decoded.upper()
    return unicodedata.normalize("NFC", decoded)


def fix_c1_punctuation(text: str) -> str:
    """Curly quotes, dashes and ellipses that arrive as C1 controls become the characters meant."""
    if not any(char in text for char in C1_PUNCTUATION):  # most texts: nothing to do
        return text  # (a scan for each character: much faster than a search for the set)
    return text.translate(_C1_TABLE)


def _decode_vni(text: str) -> str:
    """Greedy: a base letter and its mark byte first, then single-byte letters."""
    out: list[str] = []
    index = 0
    while index < len(text):
        pair = text[index : index + 2]
        if pair in _VNI_PAIRS:
            out.append(VNI_TO_UNICODE[pair])
            index += 2
            continue
        out.append(VNI_TO_UNICODE.get(text[index], text[index]))
        index += 1
    return "".join(out)


def detect_legacy(text: str) -> str | None:
    """TCVN3, VNI or None, from characters typical of each table inside words."""
    words = _WORD.findall(text)
    if not words:
        return None
    tcvn3 = sum(1 for word in words if _tcvn3_evidence(word))
    vni = sum(1 for word in words if _vni_evidence(word))
    best, count = (TCVN3, tcvn3) if tcvn3 >= vni else (VNI, vni)
    if count < MIN_WORDS or count / len(words) < MIN_SHARE:
        return None
    return best


LEGACY_SYLLABLES = 3  # different words that read as Vietnamese only once decoded
LEGACY_SYLLABLES_SHARE = 0.5  # of the words holding a Latin-1 letter or sign


def decodes_to_vietnamese(text: str) -> str | None:
    """TCVN3 or VNI, for text whose words with Latin-1 letters or signs read as Vietnamese
    only once decoded ("T¹O", "LIÖU", "HîP": "TẠO", "LIỆU", "HỢP"), three different words
    and half of them at least; even where few of its bytes are the ones that tell TCVN3 or
    VNI apart from Western text (a title in a renamed capitals font)."""
    latin = {word for word in text.split() if _LATIN1.search(word)}
    made = {encoding: syllables_made(latin, encoding) for encoding in (TCVN3, VNI)}
    encoding = max(made, key=lambda name: len(made[name]))  # TCVN3 on a tie
    count = len(made[encoding])
    if count < LEGACY_SYLLABLES or count < LEGACY_SYLLABLES_SHARE * len(latin):
        return None
    return encoding


_LATIN1 = re.compile("[\x80-\xff]")
_AROUND = ".,;:!?()[]\"'“”‘’-–"


def unread_words(text: str) -> set[str]:
    """The words holding a Latin-1 letter or sign that are no Vietnamese syllable as they
    stand ("T¹O", "h×nh", "10µm"): the only words a legacy decoding may be proved by."""
    # each different word once, answered from what earlier texts taught (words repeat a lot:
    # most are looked up at C speed)
    return set(filter(_UNREAD.__getitem__, set(text.split())))


def _unread(word: str) -> bool:
    """A word holding a Latin-1 letter or sign (a word of ASCII alone holds none) that is no
    Vietnamese syllable as it stands."""
    return (
        not word.isascii()
        and _LATIN1.search(word) is not None
        and not is_syllable(word.strip(_AROUND))
    )


_UNREAD: Memo[str, bool] = Memo(_unread, 100_000)


def syllables_made(words: set[str], encoding: str) -> set[str]:
    """The different words (two letters or more) that words holding a Latin-1 letter or sign
    make once decoded, when they are no Vietnamese syllable as they stand and one once
    decoded ("h×nh" -> "hình" in TCVN3); "10 µm" makes none."""
    made: set[str] = set()
    for word in words:
        if not _LATIN1.search(word):
            continue
        core = word.strip(_AROUND)
        if is_syllable(core):
            continue  # Vietnamese as it stands (most words of a Unicode text): nothing to prove
        decoded = decode_legacy(core, encoding).strip(_AROUND).casefold()
        if len(decoded) >= 2 and decoded.isalpha() and is_syllable(decoded):
            made.add(decoded)
    return made


#: Of a font's TCVN3 words, those typed with capitals inside: a capitals font (its typist may type
#: most words in small letters, which it draws as capitals all the same).
CAPITALS_SHARE = 0.05


def draws_capitals(text: str) -> bool:
    """Text in TCVN3 that only a capitals font (".VnTimeH") can have meant: words mixing its
    lower-case letter codes with capitals typed as such ("VIÖC", "DôNG", "¸P")."""
    words = [word for word in _WORD.findall(text) if any(map(_TCVN3_LOWER.__contains__, word))]
    typed = [word for word in words if any(char.isupper() and char.isascii() for char in word[1:])]
    return len(typed) >= 2 and len(typed) >= CAPITALS_SHARE * len(words)


#: TCVN3 codes of small letters outside ASCII
_TCVN3_LOWER = frozenset(
    code for code, letter in TCVN3_TO_UNICODE.items() if not code.isascii() and letter.islower()
)


def _tcvn3_evidence(word: str) -> bool:
    """A TCVN3 letter symbol inside a word with Latin letters, e.g. "B¶o" or "®Òu"."""
    core = _without_guillemets(word.strip(_QUOTES))
    has_latin = any(char.isascii() and char.isalpha() for char in core)
    return has_latin and any(char in _TCVN3_MARKERS for char in core)


def _without_guillemets(word: str) -> str:
    """French quotes (« before a capital, » at the end) are not TCVN3's ô and ằ."""
    if word.startswith("«") and word[1:2].isupper():
        word = word[1:]
    return word.removesuffix("»")


def _vni_evidence(word: str) -> bool:
    """A vowel with a VNI mark byte rare in Western words ("aø", "eá"), or VNI's đ opening it;
    and some letter Vietnamese never writes (ø, ñ, ö, ä...): Unicode "OÀ" is no evidence."""
    if not any(char in _NOT_VIETNAMESE for char in word):
        return False
    if word[:1] in "ñÑ" and word[1:2].isalpha():
        return True
    pairs = [word[index : index + 2] for index in range(len(word) - 1)]
    found = [pair for pair in pairs if pair in _VNI_PAIRS]
    return len(found) > 1 or any(pair[1] not in _VNI_WESTERN_MARKS for pair in found)
