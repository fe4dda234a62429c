"""Bytes to NFC text: BOMs, UTF-16, CRLF/CR, Windows-1258 and legacy 8-bit Vietnamese encodings.

Anything that is not decodable text raises `SourceError`; the archive never gets mojibake.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from bantin.exceptions import SourceError
from bantin.vietnamese import is_vietnamese_letter, nfc

log = logging.getLogger("bantin.convert.decode")

try:  # the legacy tables live in their own module, which may not be installed yet
    import bantin.convert.legacy as _legacy_module

    legacy: ModuleType | None = _legacy_module
except ImportError:  # pragma: no cover - depends on the checkout
    legacy = None

ALLOWED_CONTROLS = frozenset("\n\t\f")
# Punctuation and symbols a Vietnamese text in Windows-1258 plausibly contains.
PLAUSIBLE_SYMBOLS = frozenset("“”‘’–—…•·«»°×±§©®€£¥%‰™■□♦◆●❖▪¬¦¨´¸µ¶")
PLAUSIBLE_SHARE = 0.9


def decode_bytes(data: bytes, path: Path | str) -> str:
    """Decode one source file's bytes to NFC text with LF line ends and '\\f' page breaks."""
    if not data.strip():
        raise SourceError(path, "empty file: no text to convert")
    text = _decode_any(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = nfc(text)
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
        return data.decode("utf-8")
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
    return text if _reads_as_vietnamese(text) else None


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


def _check_controls(text: str, path: Path | str) -> None:
    """Control characters other than tab, LF and form feed are garbage, not text."""
    found = CONTROL_RE.search(text)
    if found is not None:
        number = text.count("\n", 0, found.start()) + 1
        raise SourceError(
            path, f"control character U+{ord(found.group()):04X} in text: not a text file", number
        )


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" and char not in ALLOWED_CONTROLS


def _line_at(data: bytes, error: UnicodeDecodeError) -> int:
    return data[: error.start].count(b"\n") + 1


def _line_of(data: bytes, needle: bytes) -> int:
    return data[: data.index(needle)].count(b"\n") + 1
