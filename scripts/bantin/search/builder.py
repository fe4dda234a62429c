"""The search index of the built site: sharded postings, phrase bigrams, prefix dictionary,
one fragment per article for titles and snippets, facets and a small manifest.

A first query downloads the manifest, one shard per word and the fragments of the results
shown, so its cost does not grow with the archive the way a single index file does.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
import shutil
import time
import unicodedata
import zlib
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence, Sized
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from bantin.search.encode import deltas, encode_ints, shard_count, shard_of
from bantin.search.text import compounds, distinct_bigrams, fold, fold_with_accents, words

log = logging.getLogger("bantin.search")

INDEX_DIR = "search"
ASSET_DIR = "assets/search"
ASSET_FILES = ("search.js", "search.css")
FORMAT_VERSION = 1
TITLE_WEIGHT = 4  # a title word counts as this many extra occurrences
TERM_SHARD_BYTES = 6_000
BIGRAM_SHARD_BYTES = 12_000
PREFIX_SHARD_BYTES = 3_000
MAX_SHARDS = 8192
TF_CAP = 255
PARTS = ("t", "b", "p", "d")
# Shards and fragments are raw-deflated JSON: static hosts do not all compress, and the
# browser inflates them natively (DecompressionStream).
PACKED = ".z"
ACCENTED = "="  # key prefix of accented words in the term shards


class FrontLike(Protocol):
    """The front matter fields the index reads (bantin.metadata.FrontMatter)."""

    @property
    def title(self) -> str: ...
    @property
    def author_names(self) -> list[str]: ...
    @property
    def date(self) -> dt.date | None: ...
    @property
    def issue(self) -> int: ...
    @property
    def year(self) -> int: ...
    @property
    def section(self) -> str | None: ...
    @property
    def lead(self) -> str: ...


class BlockLike(Protocol):
    """A heading, paragraph or caption with the id it has on the page (bantin.model.Block)."""

    @property
    def text(self) -> str: ...
    @property
    def anchor(self) -> str: ...


class EntryLike(Protocol):
    """One article of the catalogue: front matter, blocks and its site-relative URL."""

    @property
    def front(self) -> FrontLike: ...
    @property
    def blocks(self) -> Sequence[BlockLike]: ...
    @property
    def url(self) -> str: ...


@dataclass
class SearchIndexReport:
    """What build_index wrote: counts, sizes and time, for the build log and the benchmark."""

    documents: int = 0
    terms: int = 0
    bigrams: int = 0
    term_shards: int = 0
    bigram_shards: int = 0
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0


@dataclass
class Postings:
    """Document ids (ascending, as documents are added in order) and frequencies per key."""

    ids: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    tfs: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))


@dataclass
class Facets:
    """Facet values seen: value -> (label, article count), per facet name."""

    values: dict[str, dict[str, tuple[str, int]]] = field(
        default_factory=lambda: {"year": {}, "issue": {}, "section": {}, "author": {}}
    )

    def add(self, name: str, value: str, label: str) -> str:
        seen = self.values[name]
        count = seen[value][1] if value in seen else 0
        seen[value] = (label, count + 1)
        return f"{name}:{value}"

    def listing(self, name: str) -> list[list[Any]]:
        rows = [[value, label, count] for value, (label, count) in self.values[name].items()]
        return sorted(rows, key=_facet_order(name))


def _facet_order(name: str) -> Any:
    if name in ("year", "issue"):
        return lambda row: [-int(part) for part in str(row[0]).split("-")]
    return lambda row: (fold(str(row[1])), str(row[1]))


def issue_label(issue: int, year: int) -> str:
    return f"Số {issue}/{year}"


def entries_of(catalogue: Any) -> list[EntryLike]:
    """A catalogue object with `.entries`, or any iterable of entries, in a fixed order."""
    entries: Iterable[EntryLike] = getattr(catalogue, "entries", catalogue)
    return sorted(entries, key=lambda e: (e.front.year, e.front.issue, e.url))


def article_blocks(entry: EntryLike) -> list[tuple[str, str]]:
    """(anchor, NFC text) of the lead and every block: what snippets and deep links use."""
    lead = [("", entry.front.lead)] if entry.front.lead.strip() else []
    body = [(block.anchor, block.text) for block in entry.blocks if block.text.strip()]
    return [(anchor, unicodedata.normalize("NFC", text)) for anchor, text in lead + body]


def facet_terms(front: FrontLike, facets: Facets) -> list[str]:
    found = [
        facets.add("year", str(front.year), str(front.year)),
        facets.add("issue", f"{front.year}-{front.issue}", issue_label(front.issue, front.year)),
    ]
    if front.section:
        found.append(facets.add("section", fold(front.section).strip(), front.section))
    for author in dict.fromkeys(front.author_names):
        found.append(facets.add("author", fold(author).strip(), author))
    return found


@dataclass
class Accumulator:
    """Everything gathered while reading the articles, before it is encoded and written."""

    terms: Postings = field(default_factory=Postings)
    pairs: Postings = field(default_factory=Postings)
    accented: Postings = field(default_factory=Postings)
    facets: Facets = field(default_factory=Facets)


def index_document(
    doc: int, entry: EntryLike, blocks: list[tuple[str, str]], acc: Accumulator
) -> None:
    """Add one article's words, compounds, bigrams, accented words and facet values.

    The article is tokenised in one piece (its distinct chunks folded once, see
    fold_with_accents); its bigrams may span two blocks, which the phrase check on the text
    then rules out.
    """
    text = "\n".join(body for _, body in blocks)
    title, title_accented = fold_with_accents(entry.front.title)
    folded, accented = fold_with_accents(text)
    sequence = words(title) + words(folded)
    counts = Counter(sequence)
    counts.update(compounds(title) * (TITLE_WEIGHT + 1) + compounds(folded))
    counts.update(words(title) * TITLE_WEIGHT)
    counts.update(facet_terms(entry.front, acc.facets))
    terms = list(counts)
    # Each key's postings get this document once; the loops run in C (map over bound methods).
    consume(map(list.append, map(acc.terms.ids.__getitem__, terms), itertools.repeat(doc)))
    consume(map(list.append, map(acc.terms.tfs.__getitem__, terms), counts.values()))
    pairs = distinct_bigrams(sequence)
    consume(map(list.append, map(acc.pairs.ids.__getitem__, pairs), itertools.repeat(doc)))
    accented_ids = acc.accented.ids.__getitem__
    consume(map(list.append, map(accented_ids, accented | title_accented), itertools.repeat(doc)))


def consume(iterator: Iterator[object]) -> None:
    """Run an iterator for its effects."""
    deque(iterator, maxlen=0)


def fragment(entry: EntryLike, blocks: list[tuple[str, str]]) -> dict[str, Any]:
    """What a result shows: URL, title, issue, year, section, authors, date, paragraphs."""
    front = entry.front
    return {
        "u": entry.url,
        "t": unicodedata.normalize("NFC", front.title),
        "i": issue_label(front.issue, front.year),
        "y": front.year,
        "s": front.section or "",
        "a": list(front.author_names),
        "d": front.date.strftime("%d/%m/%Y") if front.date else "",
        "p": [list(pair) for pair in blocks],
    }


def capped(tfs: list[int]) -> list[int]:
    return tfs if max(tfs) <= TF_CAP else [min(tf, TF_CAP) for tf in tfs]


def encoded_terms(terms: Postings) -> dict[str, list[str]]:
    return {
        term: [encode_ints(deltas(ids)), encode_ints(capped(terms.tfs[term]))]
        for term, ids in terms.ids.items()
    }


def encoded_pairs(pairs: Postings, prefix: str = "") -> dict[str, str]:
    """Document ids only, for bigrams and (under ACCENTED keys) accented words."""
    return {prefix + pair: encode_ints(deltas(ids)) for pair, ids in pairs.ids.items()}


def shard(records: dict[str, Any], target: int) -> tuple[int, list[dict[str, Any]]]:
    """Split key -> value records into a power-of-two number of files by key hash."""
    size = sum(len(key) + len(str(value)) + 8 for key, value in records.items())
    count = shard_count(size, target, MAX_SHARDS)
    shards: list[dict[str, Any]] = [{} for _ in range(count)]
    for key, value in records.items():
        shards[shard_of(key, count)][key] = value
    return count, shards


def prefix_records(terms: Mapping[str, Sized]) -> dict[str, list[list[Any]]]:
    """Searchable words grouped by their first two letters, with their document counts
    (`terms`: each term's document ids)."""
    groups: dict[str, list[list[Any]]] = defaultdict(list)
    for term, ids in terms.items():
        if ":" not in term and len(term) >= 2:
            groups[term[:2]].append([term, len(ids)])
    return {key: sorted(rows) for key, rows in groups.items()}


def deflate(raw: bytes) -> bytes:
    """Raw deflate (no header), deterministic for the same input; level 6 is within 5% of
    level 9 in size and far faster on the repetitive postings."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(raw) + packer.flush()


class Writer:
    """Writes the index files deterministically (sorted keys, compact JSON, UTF-8)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = 0
        self.bytes = 0

    def json(self, name: str, data: Any) -> None:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        raw = payload.encode("utf-8")
        if name.endswith(PACKED):
            raw = deflate(raw)
        target = self.root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)
        self.files += 1
        self.bytes += len(raw)

    def shards(self, part: str, shards: list[dict[str, Any]]) -> None:
        # Empty shards are written too: a missing file would be a 404 in the reader's console.
        for number, content in enumerate(shards):
            self.json(f"{part}/{number}{PACKED}", content)


def clear_previous(root: Path) -> None:
    """Remove index files of an earlier run (the search page itself stays)."""
    for part in PARTS:
        if (root / part).is_dir():
            shutil.rmtree(root / part)


def copy_assets(out_dir: Path) -> None:
    """The client script and style, shipped in the package, into the site's assets folder."""
    folder = resources.files("bantin") / "assets" / "search"
    target = out_dir / ASSET_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in ASSET_FILES:
        (target / name).write_bytes((folder / name).read_bytes())


@dataclass
class FullIndex:
    """A full build's report, postings and shards (what an incremental update starts from)."""

    report: SearchIndexReport
    acc: Accumulator
    shards: dict[str, list[dict[str, Any]]]


def build_index(catalogue: Any, out_dir: Path, site_url: str = "") -> SearchIndexReport:
    """Write the search index of every catalogue entry under out_dir/search/."""
    return write_full(entries_of(catalogue), out_dir).report


def write_full(entries: Sequence[EntryLike], out_dir: Path) -> FullIndex:
    """Index every entry (in this order) and write every file of the index."""
    started = time.perf_counter()
    acc = Accumulator()
    writer = Writer(out_dir / INDEX_DIR)
    clear_previous(writer.root)
    for doc, entry in enumerate(entries):
        blocks = article_blocks(entry)
        index_document(doc, entry, blocks, acc)
        writer.json(f"d/{doc}{PACKED}", fragment(entry, blocks))
    term_records = encoded_terms(acc.terms) | encoded_pairs(acc.accented, ACCENTED)
    term_count, term_shards = shard(term_records, TERM_SHARD_BYTES)
    pair_count, pair_shards = shard(encoded_pairs(acc.pairs), BIGRAM_SHARD_BYTES)
    prefix_count, prefix_shards = shard(prefix_records(acc.terms.ids), PREFIX_SHARD_BYTES)
    writer.shards("t", term_shards)
    writer.shards("b", pair_shards)
    writer.shards("p", prefix_shards)
    writer.json(f"authors{PACKED}", acc.facets.listing("author"))
    counts = (len(entries), term_count, pair_count, prefix_count)
    writer.json("manifest.json", manifest(*counts, acc.facets))
    copy_assets(out_dir)
    report = SearchIndexReport(
        len(entries),
        len(acc.terms.ids),
        len(acc.pairs.ids),
        term_count,
        pair_count,
        writer.files,
        writer.bytes,
        time.perf_counter() - started,
    )
    log.info("search index: %s", report)
    shards = {"t": term_shards, "b": pair_shards, "p": prefix_shards}
    return FullIndex(report, acc, shards)


def manifest(docs: int, terms: int, pairs: int, prefixes: int, facets: Facets) -> dict[str, Any]:
    """Shard counts and facet values: the one file every search reads first."""
    return {
        "version": FORMAT_VERSION,
        "docs": docs,
        "shards": {"t": terms, "b": pairs, "p": prefixes},
        "facets": {name: facets.listing(name) for name in ("year", "issue", "section")},
        "authors": len(facets.values["author"]),
    }
