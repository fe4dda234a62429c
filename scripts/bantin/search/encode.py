"""Compact, JSON-safe encodings of the index: variable-length base-64 integers and shards.

Postings are sorted document ids written as deltas; each integer takes 5 bits per character
with a continuation flag, so a word on every page costs one character per page.
"""

from __future__ import annotations

import operator
import zlib
from collections.abc import Sequence

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
DIGIT = {char: value for value, char in enumerate(ALPHABET)}
FAST_LIMIT = 1 << 15


def encode_int(value: int) -> str:
    """One non-negative integer, low 5 bits first; bit 5 says another character follows."""
    chars = []
    while True:
        low, value = value & 31, value >> 5
        chars.append(ALPHABET[low | (32 if value else 0)])
        if not value:
            return "".join(chars)


def _fast_table() -> list[str]:
    """encode_int of every value below FAST_LIMIT (15 bits: up to three characters), built
    from the characters' parts rather than number by number."""
    last = list(ALPHABET[:32])  # a final character: no continuation bit
    more = list(ALPHABET[32:64])  # a character another one follows
    table = list(last)
    table += [low + high for high in last[1:] for low in more]
    table += [low + mid + high for high in last[1:] for mid in more for low in more]
    return table


_TABLE = _fast_table()


def encode_ints(values: Sequence[int]) -> str:
    """Many integers at once; a table lookup keeps large indexes fast to write."""
    if values and max(values) < FAST_LIMIT:
        return "".join(map(_TABLE.__getitem__, values))
    return "".join(map(encode_int, values))


def decode_ints(text: str) -> list[int]:
    """The inverse of encode_ints."""
    values: list[int] = []
    value = shift = 0
    for char in text:
        digit = DIGIT[char]
        value |= (digit & 31) << shift
        if digit & 32:
            shift += 5
        else:
            values.append(value)
            value = shift = 0
    return values


def deltas(ids: Sequence[int]) -> list[int]:
    """Sorted ids as the first id and the gaps after it."""
    return [ids[0], *map(operator.sub, ids[1:], ids[:-1])] if ids else []


def undelta(gaps: Sequence[int]) -> list[int]:
    ids: list[int] = []
    total = 0
    for gap in gaps:
        total += gap
        ids.append(total)
    return ids


def shard_of(key: str, shards: int) -> int:
    """Which shard file holds a key: CRC-32 of its UTF-8 bytes, modulo a power of two."""
    return zlib.crc32(key.encode("utf-8")) & (shards - 1)


def shard_count(total_bytes: int, target: int, most: int) -> int:
    """The power of two that keeps the average shard near `target` bytes."""
    count = 1
    while count * target < total_bytes and count < most:
        count *= 2
    return count
