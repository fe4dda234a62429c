"""Bytes to NFC text: BOMs, UTF-16, CRLF/CR, Windows-1258 and legacy 8-bit Vietnamese encodings.

Anything that is not decodable text raises `SourceError`; the archive never gets mojibake.
Text extracted from a PDF (pdftotext) is UTF-8 in which a legacy font's bytes arrive as
Latin-1 code points, C1 controls included: those runs are decoded where they stand. A few
stray control characters (symbol and math fonts map glyphs to them) are left for the
converter, which drops them and says so; text full of them is refused as not text.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from bantin.exceptions import SourceError
from bantin.vietnamese import fix_lookalikes, is_vietnamese_letter, nfc

log = logging.getLogger("bantin.convert.decode")

try:  # the legacy tables live in their own module, which may not be installed yet
    import bantin.convert.legacy as _legacy_module

    legacy: ModuleType | None = _legacy_module
except ImportError:  # pragma: no cover - depends on the checkout
    legacy = None

ALLOWED_CONTROLS = frozenset("\n\t\f")
# Text holding more than one control character in this many visible characters is not text.
CONTROL_DENSITY = 50
# Latin-1 letters Unicode Vietnamese writes, and symbols a scientific text in Unicode writes:
# any other Latin-1 character in a word is a legacy font's byte.
UNICODE_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ°±×·«»©®§²³¹¼½¾µºª¿¡\xa0\xad")
# A run may hold minus signs: the "ư" of a TCVN3 font that names its glyph "minus" ("Tr−êng").
LATIN1_RUN_RE = re.compile(r"[\x00-\x09\x0b-\xff−]*[\x80-\xff][\x00-\x09\x0b-\xff−]*")
LEGACY_MIN_WORDS = 2
# Punctuation and symbols a Vietnamese text in Windows-1258 plausibly contains.
PLAUSIBLE_SYMBOLS = frozenset("“”‘’–—…•·«»°×±§©®€£¥%‰™■□♦◆●❖▪¬¦¨´¸µ¶")
PLAUSIBLE_SHARE = 0.9


def decode_bytes(data: bytes, path: Path | str) -> str:
    """Decode one source file's bytes to NFC text with LF line ends and '\\f' page breaks."""
    if not data.strip():
        raise SourceError(path, "empty file: no text to convert")
    text = _decode_any(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = fix_lookalikes(nfc(text))
    _check_controls(text, path)
    if not text.strip():
        raise SourceError(path, "empty file: no text to convert")
    return text


def read_source(path: Path | str) -> str:
    """The decoded text of a file (its hash, for the manifest, is taken where it is checked)."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise SourceError(path, f"cannot read: {error.strerror or error}") from error
    return decode_bytes(data, path)


def _decode_any(data: bytes, path: Path | str) -> str:
    """Try the encodings in order of certainty: BOMs, UTF-8, legacy, Windows-1258."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec, path)
    if b"\x00" in data:
        raise SourceError(path, "binary data (NUL bytes): not a text file", _line_of(data, b"\x00"))
    try:
        return decode_legacy_runs(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        _reject_broken_utf8(data, error, path)
    for decoder in (_decode_legacy, _decode_cp1258):
        text = decoder(data)
        if text is not None:
            return text
    raise SourceError(path, "unknown encoding: not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI")


BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _strict(data: bytes, codec: str, path: Path | str) -> str:
    """Decode with the codec its BOM announces, or fail naming the place."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1 if codec == "utf-8" else None
        raise SourceError(path, f"invalid {codec} despite its byte order mark", line) from error


def _reject_broken_utf8(data: bytes, error: UnicodeDecodeError, path: Path | str) -> None:
    """Mostly valid UTF-8 with a broken or truncated sequence is damaged, not another encoding."""
    multibyte = sum(1 for byte in data[: error.start] if byte >= 0xC2 and byte <= 0xF4)
    if error.end >= len(data) - 1 and error.reason == "unexpected end of data":
        raise SourceError(path, "truncated UTF-8 at the end of the file", _line_at(data, error))
    if multibyte >= 3:
        raise SourceError(path, f"invalid UTF-8 ({error.reason})", _line_at(data, error))


def _decode_legacy(data: bytes) -> str | None:
    """TCVN3 or VNI through `legacy`, when present, recognised and plausible as Vietnamese."""
    if legacy is None:
        return None
    detect: Callable[[str], str | None] = legacy.detect_legacy
    decode: Callable[[str, str], str] = legacy.decode_legacy
    latin = data.decode("latin-1")
    encoding = detect(latin)
    if not encoding:
        return None
    text = decode(latin, encoding)
    if not _reads_as_vietnamese(text):
        return None
    return sentence_capitals(text) if encoding == legacy.TCVN3 else text


def decode_legacy_runs(text: str) -> str:
    """Runs of Latin-1 code points holding TCVN3 or VNI bytes decoded where they stand (a
    whole text when it has no Unicode Vietnamese letter, else only runs that prove it)."""
    if legacy is None or LATIN1_RUN_RE.search(text) is None:
        return text
    unicode_text = any(ord(char) > 0xFF and is_vietnamese_letter(char) for char in text)
    encoding = None if unicode_text else legacy.detect_legacy(text)
    if encoding is None:
        unread = legacy.unread_words(text)  # a run holding none of them reads as it stands
        if unread:  # (with none, as in most Unicode texts, every run reads as it stands)
            proved: Counter[str] = Counter()  # syllables each encoding made of the runs decoded
            text = LATIN1_RUN_RE.sub(
                lambda run: (
                    run[0] if unread.isdisjoint(run[0].split()) else _decode_run(run[0], proved)
                ),
                text,
            )
            if proved:
                text = _decode_short_runs(text, proved)
    else:
        text = LATIN1_RUN_RE.sub(lambda run: _decoded(run[0], encoding), text)
        if encoding == legacy.TCVN3:
            text = sentence_capitals(text)
    fixed: str = legacy.fix_c1_punctuation(text)  # Windows quotes and dashes read as C1
    return fixed


#: The start of a sentence: the text's, or after a sentence's end and white space (quotes or
#: a bracket may open it); the letter that opens it.
_SENTENCE_START = re.compile(r"(?:\A|(?<=[.!?…])[\"”’»)]*\s+)[\"“‘«(\[]*(\w)")


#: The capitals TCVN3 has codes for (its other capitals are drawn by a capitals font).
_TCVN3_CAPITALS = frozenset("ĂÂÊÔƠƯĐ")


def sentence_capitals(text: str) -> str:
    """A text in TCVN3, which has no code for a capital with a tone ("Ở", "Ứ", "Ý"): its
    typist set such a letter in the capitals font, whose code is the small letter's, so a
    small letter opening a sentence is the capital that font drew ("ở Việt Nam" -> "Ở Việt
    Nam"). Small letters whose capitals TCVN3 writes ("ă", "đ") are left as typed."""

    def capital(match: re.Match[str]) -> str:
        letter = match[1]
        upper = letter.upper()
        if not letter.islower() or upper.isascii() or upper in _TCVN3_CAPITALS:
            return match[0]
        return match[0][: -len(letter)] + upper

    return _SENTENCE_START.sub(capital, text)


def _decode_run(run: str, proved: Counter[str]) -> str:
    """One run of a Unicode text in the legacy encoding its own words read best in, when they
    prove one; `proved` counts the syllables each encoding made of the runs it decoded."""
    assert legacy is not None
    words = set(run.split())
    made = [(len(legacy.syllables_made(words, name)), name) for name in (legacy.TCVN3, legacy.VNI)]
    strong = sum(1 for word in words if _legacy_word(word))
    if strong >= LEGACY_MIN_WORDS:
        # the fewest words misread; of two without any (VNI's "Caùc" is TCVN3's "Caực"),
        # the one whose words are Vietnamese syllables
        (decoded, count, name) = min(
            ((_decoded(run, name), count, name) for count, name in made),
            key=lambda row: (_misread(row[0]), -row[1]),
        )
        if 2 * count < strong:
            return run  # foreign names ("Müller", "Ñuñez") that no decoding makes Vietnamese
        proved[name] += count
        return decoded
    gained, name = max(made)
    if gained < legacy.LEGACY_SYLLABLES:
        return run
    proved[name] += gained
    return _decoded(run, name)


def _decode_short_runs(text: str, proved: Counter[str]) -> str:
    """Runs too short to prove an encoding alone ("vôùi tröôùc.", a VNI line's last words),
    decoded in the one the text's longer runs proved, when every word of theirs that is no
    Vietnamese syllable as it stands is one once decoded."""
    assert legacy is not None
    encoding, count = proved.most_common(1)[0]
    if count < legacy.LEGACY_SYLLABLES or count <= sum(proved.values()) - count:
        return text  # the runs decoded prove no one encoding

    module = legacy

    def short(run: re.Match[str]) -> str:
        unread = {word for word in module.unread_words(run[0]) if not _measure(word)}
        if all(len(word.strip(".,;:()")) < SHORT_WORD for word in unread):
            return run[0]  # "ØC", "ØA": a diameter's sign before a label, as likely as not
        read = all(module.syllables_made({word}, encoding) for word in unread)
        return _decoded(run[0], encoding) if read else run[0]

    return LATIN1_RUN_RE.sub(short, text)


#: A short run is read in the text's legacy encoding when a word of its has this many characters.
SHORT_WORD = 3

#: Signs of Latin-1 a Unicode text writes in measures and formulas ("10 µm", "3 × 4", "25 °C"),
#: which TCVN3 or VNI would read as letters ("µ" is TCVN3's "à").
MEASURE_SIGNS = frozenset("µ×°±²³¹·¼½¾÷")


def _measure(word: str) -> bool:
    """A word whose only Latin-1 characters beyond ASCII are signs of measures, none between
    two letters (TCVN3 writes letters with those codes: "t¾t" is "tắt", "h×nh" is "hình")."""
    signs = [index for index, char in enumerate(word) if "\x80" <= char <= "\xff"]
    return all(
        word[index] in MEASURE_SIGNS
        and not (
            0 < index < len(word) - 1 and word[index - 1].isalpha() and word[index + 1].isalpha()
        )
        for index in signs
    )


def _decoded(run: str, encoding: str) -> str:
    """TCVN3 runs mostly in ASCII capitals were set in a capitals font ('.VnTimeH')."""
    assert legacy is not None
    letters = [char for char in run if char.isascii() and char.isalpha()]
    capitals = encoding == legacy.TCVN3 and sum(map(str.isupper, letters)) * 2 > len(letters)
    decoded: str = legacy.decode_legacy(run, legacy.TCVN3_CAPITALS if capitals else encoding)
    return decoded


TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _misread(text: str) -> int:
    """Words a decoding got wrong: a legacy byte left over, or two tones in one syllable."""
    return sum(
        1
        for word in text.split()
        if any(_legacy_byte(char) for char in word)
        or sum(1 for char in unicodedata.normalize("NFD", word) if char in TONE_MARKS) > 1
    )


# Inside a word: a Latin-1 capital after a small letter ("biÕn", "tÝnh": TCVN3 gives its
# toned small letters codes of Latin-1 capitals), or "®" (TCVN3's "đ") before a letter.
_SMALL = "a-zß-öø-ÿ"  # small letters of Latin-1, "÷" aside
_LEGACY_INSIDE_RE = re.compile(f"(?<=[{_SMALL}])[À-ÖØ-Þ](?=[{_SMALL}])|®(?=[{_SMALL}])")


def _legacy_word(word: str) -> bool:
    """A word only a legacy font's bytes write: one holding a byte Unicode Vietnamese text
    does not write, or a Latin-1 letter Unicode text writes, but never so placed."""
    return any(_legacy_byte(char) for char in word) or _LEGACY_INSIDE_RE.search(word) is not None


def _legacy_byte(char: str) -> bool:
    """A Latin-1 character that Unicode Vietnamese text does not write."""
    return "\x80" <= char <= "\xff" and char not in UNICODE_LATIN1


def _decode_cp1258(data: bytes) -> str | None:
    """Windows-1258 (tones as combining marks), kept only when the result reads as Vietnamese."""
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    return text if _reads_as_vietnamese(text) else None


def _reads_as_vietnamese(text: str) -> bool:
    """No control characters, and nearly every non-ASCII character a Vietnamese letter or mark."""
    composed = unicodedata.normalize("NFC", text)
    if any(_is_control(char) for char in composed if char != "\r"):
        return False
    foreign = [c for c in composed if not c.isascii()]
    if not foreign:
        return True
    plausible = sum(1 for c in foreign if is_vietnamese_letter(c) or c in PLAUSIBLE_SYMBOLS)
    return plausible / len(foreign) >= PLAUSIBLE_SHARE and not _stray_marks(composed)


def _stray_marks(text: str) -> bool:
    """Combining marks left after NFC on a non-letter mean the bytes were not Windows-1258."""
    return any(
        unicodedata.combining(char) and (index == 0 or not text[index - 1].isalpha())
        for index, char in enumerate(text)
    )


# Unicode's control characters (Cc) except tab, LF and form feed.
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f]")


def may_hold_controls(text: str) -> bool:
    """Whether the text may hold a character of CONTROL_RE: every one is a control, which
    `str.isprintable` turns down, as it does tab, LF and form feed (put aside first); most
    texts are printable, and asked so much faster than the pattern searches them. The last
    text asked is answered again at once (reading a source checks it, the converter then
    strips what it holds: the same text, twice)."""
    last, answer = _LAST_ASKED[0]
    if text is last:
        return answer
    answer = not text.replace("\n", " ").replace("\t", " ").replace("\f", " ").isprintable()
    _LAST_ASKED[0] = (text, answer)
    return answer


#: The last text may_hold_controls was asked about, and its answer.
_LAST_ASKED: list[tuple[str, bool]] = [("", False)]


def _check_controls(text: str, path: Path | str) -> None:
    """Control characters other than tab, LF and form feed are garbage: a few are dropped by
    the converter, a text full of them is not text."""
    found = CONTROL_RE.search(text) if may_hold_controls(text) else None
    if found is not None and _dense_controls(text):
        number = text.count("\n", 0, found.start()) + 1
        raise SourceError(
            path, f"control character U+{ord(found.group()):04X} in text: not a text file", number
        )


def _dense_controls(text: str) -> bool:
    controls = len(CONTROL_RE.findall(text))
    visible = len(text) - sum(map(str.isspace, text))
    return controls * CONTROL_DENSITY > max(visible - controls, 1)


def strip_controls(text: str) -> tuple[str, dict[str, list[int]]]:
    """The text without control characters (tab, LF and form feed kept), and the lines each
    dropped character was on ('U+0002' -> [336, 417])."""
    if not may_hold_controls(text) or CONTROL_RE.search(text) is None:
        return text, {}
    found: dict[str, list[int]] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        for char in CONTROL_RE.findall(line):
            found.setdefault(f"U+{ord(char):04X}", []).append(number)
    return CONTROL_RE.sub("", text), found


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" and char not in ALLOWED_CONTROLS


def _line_at(data: bytes, error: UnicodeDecodeError) -> int:
    return data[: error.start].count(b"\n") + 1


def _line_of(data: bytes, needle: bytes) -> int:
    return data[: data.index(needle)].count(b"\n") + 1
