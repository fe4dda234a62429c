"""The search index updated in place: only the articles that changed are read again, and only
the files whose bytes change are written.

A build that writes the index (`build_index` with a memo path) also keeps its postings in a
memo (`.cache/build/search.memo`): every key's document ids (and term frequencies) as 32-bit
arrays, and the URL and Markdown digest of every document. The next incremental build
(`update_index`) loads the memo, takes out the documents that changed or went away, renumbers
the others (documents are numbered in catalogue order), indexes only the new and changed
articles, and writes the shards that hold a changed key, the fragments of new, changed and
renumbered articles, and the manifest, author list and prefix shards when their bytes change.
Everything else is kept from the published site. The files are those `build_index` writes
from scratch for the same catalogue, byte for byte (tested).

The memo is a JSON header line and the postings as raw arrays: no pickle, nothing in the cache
is ever executed.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bantin.search import builder
from bantin.search.builder import (
    ACCENTED,
    INDEX_DIR,
    MAX_SHARDS,
    PACKED,
    Accumulator,
    EntryLike,
    Facets,
    SearchIndexReport,
)
from bantin.search.encode import deltas, encode_ints, shard_count, shard_of

log = logging.getLogger("bantin.search")

MEMO_FORMAT = 1
#: The groups of postings the memo keeps: terms (with frequencies), accented words, bigrams.
GROUPS = ("terms", "accented", "pairs")


@dataclass
class Memo:
    """The index's postings and documents, as the last build left them."""

    site: list[int]
    docs: list[list[str]]  # per document id: [url, digest of its Markdown]
    ids: dict[str, dict[str, array[int]]]  # group -> key -> ascending document ids
    tfs: dict[str, array[int]]  # term -> frequencies, beside ids["terms"][term]
    shards: dict[str, int] = field(default_factory=dict)  # part -> shard count
    sizes: dict[str, list[int]] = field(default_factory=dict)  # part -> each shard's size

    def save(self, path: Path) -> None:
        """Header line (JSON), then every group's ids and the terms' frequencies, raw."""
        keys = {group: sorted(self.ids[group]) for group in GROUPS}
        lengths = {group: [len(self.ids[group][k]) for k in keys[group]] for group in GROUPS}
        header = {
            "format": MEMO_FORMAT,
            "site": self.site,
            "docs": self.docs,
            "keys": keys,
            "lengths": lengths,
            "shards": self.shards,
            "sizes": self.sizes,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        # A new temporary file (never through a link), written array by array: no second
        # copy of the postings.
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n")
                for group in GROUPS:
                    for key in keys[group]:
                        self.ids[group][key].tofile(stream)
                for key in keys["terms"]:
                    self.tfs[key].tofile(stream)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: Path) -> Memo | None:
        try:
            with open(path, "rb") as stream:
                header = json.loads(stream.readline())
                body = array("I")
                body.frombytes(stream.read())
        except (OSError, ValueError) as error:
            log.info("%s: no usable search memo (%s)", path, error)
            return None
        if header.get("format") != MEMO_FORMAT:
            return None
        position = 0
        ids: dict[str, dict[str, array[int]]] = {}
        for group in GROUPS:
            found: dict[str, array[int]] = {}
            for key, length in zip(header["keys"][group], header["lengths"][group], strict=True):
                found[key] = body[position : position + length]
                position += length
            ids[group] = found
        tfs = {}
        for key, length in zip(header["keys"]["terms"], header["lengths"]["terms"], strict=True):
            tfs[key] = body[position : position + length]
            position += length
        return cls(header["site"], header["docs"], ids, tfs, header["shards"], header["sizes"])


def memo_of(
    acc: Accumulator, docs: list[list[str]], shards: dict[str, list[dict[str, Any]]]
) -> Memo:
    """The memo of a full build's accumulated postings (taken out of `acc`, so the lists and
    the arrays are not both held) and written shards."""
    ids = {
        "terms": arrays(acc.terms.ids),
        "accented": arrays(acc.accented.ids),
        "pairs": arrays(acc.pairs.ids),
    }
    tfs = arrays(acc.terms.tfs)
    counts = {part: len(found) for part, found in shards.items()}
    sizes = {part: [record_size(shard) for shard in shards[part]] for part in ("t", "b")}
    return Memo([], docs, ids, tfs, counts, sizes)


def arrays(postings: dict[str, list[int]]) -> dict[str, array[int]]:
    """Each key's list as a 32-bit array, emptying `postings` as it goes."""
    found: dict[str, array[int]] = {}
    for key in list(postings):
        found[key] = array("I", postings.pop(key))
    return found


def doc_keys(entries: Sequence[EntryLike], digest_of: Any) -> list[list[str]]:
    return [[entry.url, digest_of(entry)] for entry in entries]


@dataclass
class Renumbering:
    """Old document ids kept (with their new ids) and old ids taken out."""

    new_of_old: array[int]  # new id of each old id; REMOVED when it is taken out
    first_moved: int  # the lowest old id kept under another id
    removed: list[int]
    fresh: list[int]  # new ids of the documents indexed again

    @property
    def identity(self) -> bool:
        return self.first_moved == len(self.new_of_old)


REMOVED = 0xFFFFFFFF


def renumber(old: list[list[str]], new: list[list[str]]) -> Renumbering:
    """Match documents by URL and digest; keep their order (both lists are catalogue order)."""
    old_ids = {tuple(doc): number for number, doc in enumerate(old)}
    new_of_old = array("I", [REMOVED]) * len(old)
    fresh = []
    for number, doc in enumerate(new):
        before = old_ids.get(tuple(doc))
        if before is None:
            fresh.append(number)
        else:
            new_of_old[before] = number
    removed = [n for n, target in enumerate(new_of_old) if target == REMOVED]
    # A document taken out is not renumbered (take_out removes it): a corrected article
    # indexed again under its own number moves no other.
    moved = [n for n, target in enumerate(new_of_old) if target not in (n, REMOVED)]
    return Renumbering(new_of_old, moved[0] if moved else len(old), removed, fresh)


def take_out(ids: array[int], tfs: array[int] | None, removed: Iterable[int]) -> bool:
    """Remove the removed documents from one key's postings; whether any was there."""
    changed = False
    for number in removed:
        at = bisect_left(ids, number)
        if at < len(ids) and ids[at] == number:
            del ids[at]
            if tfs is not None:
                del tfs[at]
            changed = True
    return changed


def renumber_tail(ids: array[int], plan: Renumbering) -> bool:
    """New ids for the kept documents from the first one that moved on; whether any did."""
    at = bisect_left(ids, plan.first_moved)
    if at == len(ids):
        return False
    mapping = plan.new_of_old
    ids[at:] = array("I", [mapping[n] for n in ids[at:]])
    return True


def put_in(ids: array[int], tfs: array[int] | None, number: int, tf: int) -> None:
    at = bisect_left(ids, number)
    ids.insert(at, number)
    if tfs is not None:
        tfs.insert(at, tf)


@dataclass
class Update:
    """What changed in the memo's postings, as sets of keys per part."""

    touched: dict[str, set[str]] = field(default_factory=lambda: {"t": set(), "b": set()})


PART_OF = {"terms": "t", "accented": "t", "pairs": "b"}
PREFIX_OF = {"terms": "", "accented": ACCENTED, "pairs": ""}


def apply(memo: Memo, plan: Renumbering, fresh: Accumulator) -> Update:
    """Bring the memo's postings to the new catalogue: out, renumbered, in. Where no kept
    document is renumbered, a key whose postings come out as they were (a corrected article
    keeps most of its words) is not touched: its shard need not be made again."""
    update = Update()
    for group in GROUPS:
        part, prefix = PART_OF[group], PREFIX_OF[group]
        postings = memo.ids[group]
        tfs = memo.tfs if group == "terms" else None
        saved: dict[str, tuple[array[int], array[int] | None]] = {}
        for key in list(postings):
            ids = postings[key]
            key_tfs = tfs[key] if tfs is not None else None
            if plan.identity and holds_any(ids, plan.removed):
                saved[key] = (ids[:], key_tfs[:] if key_tfs is not None else None)
            changed = take_out(ids, key_tfs, plan.removed)
            if not plan.identity:
                changed = renumber_tail(ids, plan) or changed
            if changed:
                update.touched[part].add(prefix + key)
                if not ids:
                    del postings[key]
                    if tfs is not None:
                        del tfs[key]
        added = getattr(fresh, group)
        for key, numbers in added.ids.items():
            ids = postings.setdefault(key, array("I"))
            key_tfs = memo.tfs.setdefault(key, array("I")) if group == "terms" else None
            counts = added.tfs[key] if group == "terms" else [0] * len(numbers)
            for number, tf in zip(numbers, counts, strict=True):
                put_in(ids, key_tfs, number, tf)
            update.touched[part].add(prefix + key)
        for key, (ids, key_tfs) in saved.items():
            if postings.get(key) == ids and (tfs is None or tfs.get(key) == key_tfs):
                update.touched[part].discard(prefix + key)
    return update


def holds_any(ids: array[int], numbers: Iterable[int]) -> bool:
    """Whether sorted `ids` holds any of `numbers`."""
    for number in numbers:
        at = bisect_left(ids, number)
        if at < len(ids) and ids[at] == number:
            return True
    return False


def term_records(memo: Memo, keys: Iterable[str]) -> dict[str, Any]:
    """The records of the term part (terms and accented words) for `keys`, encoded."""
    terms, accented = memo.ids["terms"], memo.ids["accented"]
    found: dict[str, Any] = {}
    for key in keys:
        if key.startswith(ACCENTED) and key[1:] in accented:
            found[key] = encode_ints(deltas(accented[key[1:]]))
        elif key in terms:
            found[key] = [
                encode_ints(deltas(terms[key])),
                encode_ints(builder.capped(list(memo.tfs[key]))),
            ]
    return found


def pair_records(memo: Memo, keys: Iterable[str]) -> dict[str, Any]:
    pairs = memo.ids["pairs"]
    return {key: encode_ints(deltas(pairs[key])) for key in keys if key in pairs}


def all_keys(memo: Memo, part: str) -> list[str]:
    if part == "b":
        return list(memo.ids["pairs"])
    return [*memo.ids["terms"], *(ACCENTED + k for k in memo.ids["accented"])]


def records_of(memo: Memo, part: str, keys: Iterable[str]) -> dict[str, Any]:
    return term_records(memo, keys) if part == "t" else pair_records(memo, keys)


def record_size(records: dict[str, Any]) -> int:
    """The measure `builder.shard` sizes shards by."""
    return sum(len(key) + len(str(value)) + 8 for key, value in records.items())


class KeepingWriter(builder.Writer):
    """Writes a file only when its bytes differ from the published one's."""

    def __init__(self, root: Path, published: Path) -> None:
        super().__init__(root)
        self.published = published
        self.written: list[str] = []

    def json(self, name: str, data: Any) -> None:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        raw = payload.encode("utf-8")
        if name.endswith(PACKED):
            raw = builder.deflate(raw)
        old = self.published / name
        if old.is_file() and old.stat().st_size == len(raw) and old.read_bytes() == raw:
            return
        target = self.root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)
        self.files += 1
        self.bytes += len(raw)
        self.written.append(name)


def write_part(memo: Memo, writer: KeepingWriter, part: str, touched: set[str], target: int) -> int:
    """Write the shards of `part` that hold a touched key; all of them when the number of
    shards changes with the index's size (the memo keeps each shard's size)."""
    count, sizes = memo.shards[part], memo.sizes[part]
    wanted = {shard_of(key, count) for key in touched}
    shards: dict[int, dict[str, Any]] = {}
    if wanted:
        chosen: dict[int, list[str]] = {number: [] for number in wanted}
        for key in all_keys(memo, part):
            number = shard_of(key, count)
            if number in chosen:
                chosen[number].append(key)
        for number, keys in chosen.items():
            shards[number] = records_of(memo, part, keys)
            sizes[number] = record_size(shards[number])
    if shard_count(sum(sizes), target, MAX_SHARDS) != count:
        everything = records_of(memo, part, all_keys(memo, part))
        count, found = builder.shard(everything, target)
        shards = dict(enumerate(found))
        memo.shards[part], memo.sizes[part] = count, [record_size(s) for s in found]
    for number in sorted(shards):
        writer.json(f"{part}/{number}{PACKED}", shards[number])
    return count


def facets_of(entries: Sequence[EntryLike]) -> Facets:
    facets = Facets()
    for entry in entries:
        builder.facet_terms(entry.front, facets)
    return facets


def index_files(docs: int, shards: dict[str, int]) -> list[str]:
    """Every file of the index, relative to the search folder."""
    names = [f"d/{n}{PACKED}" for n in range(docs)]
    for part in ("t", "b", "p"):
        names += [f"{part}/{n}{PACKED}" for n in range(shards[part])]
    return [*names, f"authors{PACKED}", "manifest.json"]


def update_index(
    entries: Sequence[EntryLike], memo: Memo, out_dir: Path, published: Path, digest_of: Any
) -> tuple[SearchIndexReport, list[str]]:
    """Bring the published index (`published`: its site folder) to `entries`; write what
    changed under out_dir/search/ and return the report and every file of the index."""
    started = time.perf_counter()
    docs = doc_keys(entries, digest_of)
    plan = renumber(memo.docs, docs)
    fresh = Accumulator()
    writer = KeepingWriter(out_dir / INDEX_DIR, published / INDEX_DIR)
    for number in plan.fresh:
        entry = entries[number]
        blocks = builder.article_blocks(entry)
        builder.index_document(number, entry, blocks, fresh)
        writer.json(f"d/{number}{PACKED}", builder.fragment(entry, blocks))
    keep_renumbered_fragments(plan, writer)
    update = apply(memo, plan, fresh)
    memo.docs = docs
    term_count = write_part(memo, writer, "t", update.touched["t"], builder.TERM_SHARD_BYTES)
    pair_count = write_part(memo, writer, "b", update.touched["b"], builder.BIGRAM_SHARD_BYTES)
    prefixes = builder.prefix_records(memo.ids["terms"])
    prefix_count, prefix_shards = builder.shard(prefixes, builder.PREFIX_SHARD_BYTES)
    writer.shards("p", prefix_shards)
    memo.shards["p"] = prefix_count
    facets = facets_of(entries)
    writer.json(f"authors{PACKED}", facets.listing("author"))
    counts = (len(entries), term_count, pair_count, prefix_count)
    writer.json("manifest.json", builder.manifest(*counts, facets))
    builder.copy_assets(out_dir)
    report = SearchIndexReport(
        len(entries),
        len(memo.ids["terms"]),
        len(memo.ids["pairs"]),
        term_count,
        pair_count,
        writer.files,
        writer.bytes,
        time.perf_counter() - started,
    )
    log.info("search index updated: %d article(s) indexed again, %s", len(plan.fresh), report)
    return report, index_files(len(entries), memo.shards)


def keep_renumbered_fragments(plan: Renumbering, writer: KeepingWriter) -> None:
    """A kept article with a new number: its published fragment, linked under the new one."""
    for old, new in enumerate(plan.new_of_old):
        if new in (REMOVED, old):
            continue
        source = writer.published / f"d/{old}{PACKED}"
        target = writer.root / f"d/{new}{PACKED}"
        published_new = writer.published / f"d/{new}{PACKED}"
        if published_new.is_file() and same_bytes(source, published_new):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(source, target)
        writer.written.append(f"d/{new}{PACKED}")


def same_bytes(one: Path, other: Path) -> bool:
    return one.stat().st_size == other.stat().st_size and one.read_bytes() == other.read_bytes()


def index_site(
    catalogue: Any,
    out_dir: Path,
    published: Path | None,
    memo_path: Path,
    digest_of: Any,
    site_id: list[int],
) -> SearchIndexReport:
    """The index of `catalogue` under out_dir/search/: updated in place from the published
    site's (`published`, None for a full build) when the memo describes it, else written in
    full. The new memo goes to `pending(memo_path)`, for the build to keep once the new
    site is published."""
    entries = builder.entries_of(catalogue)
    memo = Memo.load(memo_path) if published is not None else None
    if memo is not None and published is not None and memo.site == folder_id(published):
        try:
            report, _ = update_index(entries, memo, out_dir, published, digest_of)
        except (OSError, KeyError, ValueError) as error:
            log.info("search index written in full: the update failed (%s)", error)
        else:
            memo.site = site_id
            memo.save(pending(memo_path))
            return report
        builder.clear_previous(out_dir / INDEX_DIR)
    full = builder.write_full(entries, out_dir)
    memo = memo_of(full.acc, doc_keys(entries, digest_of), full.shards)
    memo.site = site_id
    memo.save(pending(memo_path))
    return full.report


def pending(memo_path: Path) -> Path:
    return memo_path.with_name(memo_path.name + ".new")


def keep_pending(memo_path: Path) -> None:
    """The new site is published: its memo becomes the memo."""
    if pending(memo_path).exists():
        os.replace(pending(memo_path), memo_path)


def folder_id(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_dev, info.st_ino]


def published_files(site: Path, previous: Path) -> list[str]:
    """Every file of the index in `site` (relative to the site), as its manifest (written
    there, or kept from the `previous` site) lists them."""
    for folder in (site, previous):
        manifest = folder / INDEX_DIR / "manifest.json"
        if manifest.is_file():
            data = json.loads(manifest.read_text(encoding="utf-8"))
            names = index_files(int(data["docs"]), data["shards"])
            return [f"{INDEX_DIR}/{name}" for name in names]
    return []
