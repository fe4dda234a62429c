"""Folding and tokenising shared by the index builder and the query parser.

The browser client (assets/search/search.js) implements the same rules; the tests compare
both on one list of cases, so a word indexed here is found as typed there.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from bantin.vietnamese import DropTable

# Syllables and numbers: any run of letters or digits (what JS calls [\p{L}\p{N}]+).
WORD_RE = re.compile(r"[^\W_]++")
# Acronyms and codes typed as one word: KH&CN, KT-XH, TP.HCM, COVID-19, 5/2021.
COMPOUND_RE = re.compile(r"(?<![^\W_])[^\W_]++(?:[&\-./][^\W_]++)+")
# A query word: a syllable, or a compound kept whole so "KH&CN" finds KH&CN as typed.
TOKEN_RE = re.compile(r"[^\W_]+(?:[&\-./][^\W_]+)*")
# A quoted phrase, with straight or typographic quotes.
PHRASE_RE = re.compile(r"[\"“”„]([^\"“”„]*)(?:[\"“”„]|$)")


#: Every combining mark removed, đ/Đ mapped to d (after lower-casing only đ remains).
_FOLD_TABLE = DropTable(
    lambda char: unicodedata.category(char).startswith("M"),
    {ord("đ"): ord("d"), ord("Đ"): ord("d")},
)


def fold(text: str) -> str:
    """The accentless lower-case form a reader may type: NFD, lower, marks dropped, đ→d."""
    return unicodedata.normalize("NFD", text).lower().translate(_FOLD_TABLE)


_FOLDED_CHUNKS: dict[str, str] = {}
_ACCENTED_CHUNKS: dict[str, frozenset[str]] = {}
_CHUNK_CACHE_LIMIT = 1_000_000


def fold_with_accents(text: str) -> tuple[str, set[str]]:
    """fold(text) for a long text, with each run of white space written as one space, and
    the text's accented words (see accented_words).

    The folded text has the same words, compounds and word pairs as fold(text), and the words
    are those of the whole text: folding, composing and lower-casing never join or split
    across white space (a space composes with nothing; final sigma stops there). An archive
    repeats the same words, so each distinct chunk between spaces is handled once per process.
    """
    folded, accented = _FOLDED_CHUNKS, _ACCENTED_CHUNKS
    if len(folded) > _CHUNK_CACHE_LIMIT:
        folded.clear()
        accented.clear()
    chunks = text.split()
    distinct = set(chunks)
    for chunk in distinct.difference(folded):
        folded[chunk] = fold(chunk)
        accented[chunk] = frozenset(accented_words(chunk))
    return " ".join(map(folded.__getitem__, chunks)), set().union(
        *map(accented.__getitem__, distinct)
    )


def accented_words(text: str) -> set[str]:
    """Words written with diacritics or đ, as written (NFC, lower case): they let a query
    typed with accents rank the articles that use exactly these accents first."""
    return {w for w in set(WORD_RE.findall(exact(text))) if not w.isascii()}


def exact(text: str) -> str:
    """The accent-keeping form used to rank exact matches first: NFC and lower case."""
    return unicodedata.normalize("NFC", text).lower()


def words(folded: str) -> list[str]:
    """The syllables of a folded text, in order (the sequence phrases are made of)."""
    return WORD_RE.findall(folded)


def compounds(folded: str) -> list[str]:
    """Acronyms and codes written as one word, indexed whole beside their parts."""
    return COMPOUND_RE.findall(folded)


def terms(folded: str) -> list[str]:
    """Every term of a folded text: its syllables and its compounds."""
    return words(folded) + compounds(folded)


def bigrams(sequence: list[str]) -> list[str]:
    """Consecutive syllable pairs, the keys of the phrase index."""
    return list(map(" ".join, itertools.pairwise(sequence)))


def distinct_bigrams(sequence: list[str]) -> set[str]:
    """set(bigrams(sequence)), joining each distinct pair once (a long text repeats many)."""
    return set(map(" ".join, set(itertools.pairwise(sequence))))


@dataclass
class Query:
    """A parsed query: required terms, phrases, the words as typed and the open last word."""

    terms: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)
    exact_words: list[str] = field(default_factory=list)
    last: str = ""

    @property
    def empty(self) -> bool:
        return not self.terms


def parse_query(text: str, typing: bool = False) -> Query:
    """Quoted parts become phrases; the rest are terms (compounds kept whole, as typed).

    With `typing`, the last bare word is still being typed and may match as a prefix.
    """
    text = unicodedata.normalize("NFC", text)
    query = Query()
    for quoted in PHRASE_RE.findall(text):
        sequence = words(fold(quoted))
        if sequence:
            query.phrases.append(sequence)
            _add_terms(query, sequence)
    rest = PHRASE_RE.sub(" ", text)
    bare = TOKEN_RE.findall(fold(rest))
    _add_terms(query, bare)
    query.exact_words = sorted({w for w in WORD_RE.findall(exact(text)) if fold(w) != w})
    if typing and bare and rest[-1:].isalnum():
        query.last = bare[-1]
    return query


def _add_terms(query: Query, sequence: list[str]) -> None:
    for term in sequence:
        if term not in query.terms:
            query.terms.append(term)
