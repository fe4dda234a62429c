"""Gold for real PDFs: facts and fingerprints, and how extracted text is compared with them."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FIDELITY_DIR = ROOT / "benchmarks" / "fidelity"
GOLD_DIR = FIDELITY_DIR / "gold"

#: Keys of a gold article whose values are running text: kept as fingerprints only.
TEXT_KEYS = ("abstract", "abstract_en")
TEXT_LIST_KEYS = ("paragraphs", "references")
FACT_KEYS = (
    "first_page",
    "last_page",
    "title",
    "title_en",
    "authors",
    "affiliations",
    "keywords",
    "keywords_en",
    "headings",
)
AUTHOR_KEYS = ("name", "rank", "degree")


def normal(text: str) -> str:
    """NFC, every run of white space one space, none at either end."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def fingerprint(text: str) -> dict[str, Any]:
    """sha256 of the normal text and its word count."""
    clean = normal(text)
    digest = hashlib.sha256(clean.encode("utf-8")).hexdigest()
    return {"sha256": digest, "words": len(clean.split())}


def fingerprint_gold(data: dict[str, Any], source: Path | str) -> dict[str, Any]:
    """A gold-text mapping with its running text replaced by fingerprints; unknown keys refused."""
    known = {"pdf", "contents_pages", "running_heads", "issue_date", "articles"}
    _refuse_unknown(data, known, source, "gold file")
    facts = ("pdf", "issue_date", "contents_pages", "running_heads")
    out: dict[str, Any] = {key: data[key] for key in facts if key in data}
    out["articles"] = [_article(item, source) for item in data.get("articles", [])]
    return out


def _article(item: dict[str, Any], source: Path | str) -> dict[str, Any]:
    _refuse_unknown(item, {*FACT_KEYS, *TEXT_KEYS, *TEXT_LIST_KEYS}, source, "article")
    out: dict[str, Any] = {}
    for key in FACT_KEYS:
        if key in item:
            out[key] = _fact(key, item[key], source)
    for key in TEXT_KEYS:
        if item.get(key):
            out[key] = fingerprint(item[key])
    for key in TEXT_LIST_KEYS:
        if key in item:
            out[key] = [fingerprint(text) for text in item[key] or []]
    return out


def _fact(key: str, value: Any, source: Path | str) -> Any:
    if key == "authors":
        authors = []
        for author in value or []:
            author = {"name": author} if isinstance(author, str) else author
            _refuse_unknown(author, set(AUTHOR_KEYS), source, "author")
            authors.append({k: normal(v) for k, v in author.items() if v})
        return authors
    if isinstance(value, str):
        return normal(value)
    if isinstance(value, list):
        return [normal(v) if isinstance(v, str) else v for v in value]
    return value


def _refuse_unknown(data: dict[str, Any], known: set[str], source: Path | str, what: str) -> None:
    unknown = set(data) - known
    if unknown:
        raise ValueError(f"{source}: {what} has unknown keys: {', '.join(sorted(unknown))}")
