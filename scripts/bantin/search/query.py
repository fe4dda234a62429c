"""A reference query over the built index files, with the same semantics as the browser
client: every term required, the open last word as a prefix, phrases checked by bigrams and
then on the text, facets intersected, exact-accent matches ranked first.
"""

from __future__ import annotations

import json
import math
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from bantin.search.builder import ACCENTED, PACKED
from bantin.search.encode import decode_ints, shard_of, undelta
from bantin.search.text import Query, bigrams, fold, parse_query, words

PREFIX_EXPANSIONS = 6
PREFIX_WEIGHT = 0.5
SATURATION = 1.2
FACETS = ("year", "issue", "section", "author")


@dataclass
class Hit:
    """One result as the client shows it."""

    doc: int
    url: str
    title: str
    anchor: str
    exact: int
    score: float


@dataclass(frozen=True)
class Candidate:
    doc: int
    exact: int
    score: float


@dataclass
class Results:
    total: int = 0
    hits: list[Hit] = field(default_factory=list)


class Index:
    """Reads index files on demand, the way the browser fetches them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.manifest: dict[str, Any] = self.load("manifest.json")
        self.docs = int(self.manifest["docs"])
        self.read = cache(self.load)

    def load(self, name: str) -> Any:
        raw = (self.root / name).read_bytes()
        if name.endswith(PACKED):
            raw = zlib.decompress(raw, -15)
        return json.loads(raw.decode("utf-8"))

    def shard(self, part: str, key: str) -> dict[str, Any]:
        number = shard_of(key, int(self.manifest["shards"][part]))
        path = f"{part}/{number}{PACKED}"
        return dict(self.read(path)) if (self.root / path).is_file() else {}

    def postings(self, term: str) -> dict[int, int]:
        """doc id -> term frequency."""
        record = self.shard("t", term).get(term)
        if record is None:
            return {}
        return dict(zip(undelta(decode_ints(record[0])), decode_ints(record[1]), strict=True))

    def accented_docs(self, word: str) -> set[int]:
        """Articles using this accented word exactly as written."""
        record = self.shard("t", ACCENTED + word).get(ACCENTED + word)
        return set(undelta(decode_ints(record))) if record is not None else set()

    def pair_docs(self, pair: str) -> set[int]:
        record = self.shard("b", pair).get(pair)
        return set(undelta(decode_ints(record))) if record is not None else set()

    def completions(self, prefix: str) -> list[str]:
        """The most frequent indexed words starting with a (folded) prefix of 2+ letters."""
        if len(prefix) < 2:
            return [prefix]
        rows = self.shard("p", prefix[:2]).get(prefix[:2], [])
        found = [row for row in rows if row[0].startswith(prefix) and row[0] != prefix]
        found.sort(key=lambda row: (-row[1], row[0]))
        return [prefix] + [row[0] for row in found[:PREFIX_EXPANSIONS]]

    def fragment(self, doc: int) -> dict[str, Any]:
        return dict(self.load(f"d/{doc}{PACKED}"))


def idf(docs: int, df: int) -> float:
    return math.log(1 + (docs - df + 0.5) / (df + 0.5))


def term_scores(index: Index, query: Query) -> dict[int, float] | None:
    """Documents holding every term, scored; None when there is no term."""
    scores: dict[int, float] | None = None
    for term in query.terms:
        expansions = index.completions(term) if term == query.last else [term]
        found: dict[int, float] = {}
        for number, word in enumerate(expansions):
            weight = 1.0 if number == 0 else PREFIX_WEIGHT
            postings = index.postings(word)
            rarity = idf(index.docs, len(postings))
            for doc, tf in postings.items():
                gain = weight * rarity * tf * (SATURATION + 1) / (tf + SATURATION)
                found[doc] = max(found.get(doc, 0.0), gain)
        scores = found if scores is None else _intersect(scores, found)
    return scores


def _intersect(left: dict[int, float], right: dict[int, float]) -> dict[int, float]:
    return {doc: score + right[doc] for doc, score in left.items() if doc in right}


def phrase_docs(index: Index, query: Query) -> set[int] | None:
    allowed: set[int] | None = None
    for phrase in query.phrases:
        for pair in bigrams(phrase):
            docs = index.pair_docs(pair)
            allowed = docs if allowed is None else allowed & docs
    return allowed


def facet_docs(index: Index, filters: Mapping[str, str]) -> set[int] | None:
    allowed: set[int] | None = None
    for name in FACETS:
        value = filters.get(name)
        if value:
            docs = set(index.postings(f"{name}:{fold(value).strip()}"))
            allowed = docs if allowed is None else allowed & docs
    return allowed


def candidates(index: Index, query: Query, filters: Mapping[str, str]) -> list[Candidate]:
    """Every matching document, best first: most accented words as typed, then score (then
    newest first, which is also the order without terms)."""
    scores = term_scores(index, query)
    for allowed in (phrase_docs(index, query), facet_docs(index, filters)):
        if allowed is not None:
            base = scores if scores is not None else dict.fromkeys(allowed, 0.0)
            scores = {doc: s for doc, s in base.items() if doc in allowed}
    if scores is None:
        return []
    accented = [index.accented_docs(word) for word in query.exact_words]
    found = [
        Candidate(doc, sum(doc in docs for docs in accented), score)
        for doc, score in scores.items()
    ]
    return sorted(found, key=lambda c: (-c.exact, -c.score, -c.doc))


def has_phrase(sequence: list[str], phrase: list[str]) -> bool:
    width = len(phrase)
    return any(sequence[i : i + width] == phrase for i in range(len(sequence) - width + 1))


def texts(fragment: Mapping[str, Any]) -> list[tuple[str, str]]:
    return [("", str(fragment["t"]))] + [(str(a), str(t)) for a, t in fragment["p"]]


def verified(fragment: Mapping[str, Any], query: Query) -> bool:
    """A quoted phrase must appear as written (folded) inside one block of the article."""
    sequences = [words(fold(text)) for _, text in texts(fragment)]
    return all(any(has_phrase(seq, phrase) for seq in sequences) for phrase in query.phrases)


def best_anchor(fragment: Mapping[str, Any], query: Query) -> str:
    """The anchor of the block holding most query terms, unless the title or lead does."""
    best, best_count = "", 0
    for position, (anchor, text) in enumerate(texts(fragment)):
        present = set(words(fold(text)))
        count = sum(any(w.startswith(t) for w in present) for t in query.terms)
        if count > best_count:
            best, best_count = (anchor if position > 1 else ""), count
    return best


def search(
    root: Path,
    text: str,
    filters: Mapping[str, str] | None = None,
    typing: bool = False,
    limit: int = 10,
) -> Results:
    """Run a query against the index under root (a site's search/ folder)."""
    index, query = Index(root), parse_query(text, typing)
    filters = filters or {}
    if query.empty and not any(filters.get(name) for name in FACETS):
        return Results()
    found = candidates(index, query, filters)
    hits: list[Hit] = []
    for candidate in found:
        fragment = index.fragment(candidate.doc)
        if query.phrases and not verified(fragment, query):
            continue
        anchor = best_anchor(fragment, query)
        url, title = fragment["u"], fragment["t"]
        hits.append(Hit(candidate.doc, url, title, anchor, candidate.exact, candidate.score))
        if len(hits) == limit:
            break
    return Results(len(found), hits)
