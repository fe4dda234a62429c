"""Gold for real PDFs: facts and fingerprints, and how extracted text is compared with them.

`measure` ingests each cached PDF into a scratch project exactly as an editor would (`bantin
ingest`, then the converter), reads the Markdown articles back and scores them against the
gold: article starts and ends, titles, authors, body paragraphs (exact, by fingerprint),
running heads and page numbers left in the text, pages read with interleaved columns, and the
time taken. The text route is scored the same way on `pdftotext` output of the same pages.
"""

from __future__ import annotations

import hashlib
import subprocess
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bantin.model import PROSE
from bantin.review import confidence
from bantin.vietnamese import SUPERSCRIPT_FIGURES

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


# -- measuring -----------------------------------------------------------------------------

CACHE_DIR = ROOT / ".cache" / "devcorpus"
SCRATCH_YEAR = 2000
TEXT_LAYER_WHOLE = 0.95  # of the words of the paragraphs read right, found in pdftotext's text


@dataclass
class Counts:
    """Hits out of a number of cases."""

    hit: int = 0
    of: int = 0

    def add(self, ok: bool) -> None:
        self.hit += int(ok)
        self.of += 1

    def __iadd__(self, other: Counts) -> Counts:
        self.hit, self.of = self.hit + other.hit, self.of + other.of
        return self

    def share(self) -> float | None:
        return self.hit / self.of if self.of else None


@dataclass
class Paragraphs:
    """Exact paragraph matches: found in both, found by us, given by the gold."""

    both: int = 0
    ours: int = 0
    gold: int = 0

    def __iadd__(self, other: Paragraphs) -> Paragraphs:
        self.both += other.both
        self.ours += other.ours
        self.gold += other.gold
        return self

    def scores(self) -> tuple[float, float, float] | None:
        if not self.gold:
            return None
        precision = self.both / self.ours if self.ours else 0.0
        recall = self.both / self.gold
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


@dataclass(frozen=True)
class Reviewed:
    """One article as the review list sees it."""

    confidence: float
    listed: bool  # the converter gave it reasons for review
    defect: bool  # its title, authors or last page wrong, or its paragraphs under REVIEW_F1


@dataclass
class Score:
    """Everything measured on one PDF (or, summed, on all)."""

    pages: int = 0
    seconds: float = 0.0
    starts: Counts = field(default_factory=Counts)
    ends: Counts = field(default_factory=Counts)
    titles: Counts = field(default_factory=Counts)
    titles_ci: Counts = field(default_factory=Counts)
    authors: Counts = field(default_factory=Counts)
    paragraphs: Paragraphs = field(default_factory=Paragraphs)
    text_route: Paragraphs = field(default_factory=Paragraphs)
    # the words of the paragraphs read right from the PDF found in its pdftotext text
    text_layer: Counts = field(default_factory=Counts)
    interleaved: int = 0
    furniture_left: int = 0
    extra_articles: int = 0
    # the review list: each article's confidence, whether it is listed, whether it has a
    # defect
    reviewed: list[Reviewed] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def __iadd__(self, other: Score) -> Score:
        for name in ("pages", "seconds", "interleaved", "furniture_left", "extra_articles"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("starts", "ends", "titles", "titles_ci", "authors"):
            getattr(self, name).__iadd__(getattr(other, name))
        self.paragraphs += other.paragraphs
        self.reviewed += other.reviewed
        self.text_route += other.text_route
        self.text_layer += other.text_layer
        return self

    def defects_listed(self) -> Counts:
        """Of the articles with a defect, those the review list names."""
        return Counts(
            sum(1 for r in self.reviewed if r.defect and r.listed),
            sum(1 for r in self.reviewed if r.defect),
        )

    def listed_with_defect(self) -> Counts:
        """Of the articles the review list names, those with a defect."""
        return Counts(
            sum(1 for r in self.reviewed if r.listed and r.defect),
            sum(1 for r in self.reviewed if r.listed),
        )

    def text_layer_whole(self) -> bool:
        """pdftotext's text of the PDF holds the words of its body as printed: the text
        route can be scored on it (a font that names no letter for a glyph loses them)."""
        share = self.text_layer.share()
        return share is not None and share >= TEXT_LAYER_WHOLE


def corpus() -> list[dict[str, Any]]:
    """The corpus list (corpus.yml)."""
    data = yaml.safe_load((FIDELITY_DIR / "corpus.yml").read_text(encoding="utf-8"))
    return list(data)


def load_gold(pdf_id: str) -> dict[str, Any] | None:
    path = GOLD_DIR / f"{pdf_id}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None


def cached_pdf(pdf_id: str, cache: Path = CACHE_DIR) -> Path | None:
    path = cache / f"{pdf_id}.pdf"
    return path if path.is_file() else None


def measure_pdf(pdf: Path, gold: dict[str, Any], scratch: Path) -> Score:
    """Ingest and convert one PDF in `scratch`, then score it against its gold."""
    from bantin.pdf.ingest import IssueTarget, plan_issue, write_issue
    from bantin.pdf.reading import interleaved_pages
    from bantin.pipeline import convert_paths

    score = Score()
    started = time.perf_counter()
    target = IssueTarget(scratch, SCRATCH_YEAR, 1)
    doc, plan = plan_issue(pdf)
    write_issue(pdf, doc, plan, target)
    convert_paths([target.folder], scratch, scratch / "docs", keep_going=True)
    score.seconds = time.perf_counter() - started
    score.pages = len(doc.pages)
    ours = _articles_by_first_page(scratch, plan)
    score.interleaved = len(interleaved_pages(doc))
    heads = [normal(text) for text in gold.get("running_heads") or []]
    golds = gold.get("articles", [])
    right: dict[int, list[str]] = {}  # per gold article: its paragraphs read right
    for index, (item, found) in enumerate(pair_articles(golds, ours)):
        right[index] = _score_article(item, found, score, heads)
    listed = Counter(item["first_page"] for item in golds)
    score.extra_articles = sum(max(0, len(found) - listed[page]) for page, found in ours.items())
    _score_text_route(pdf, golds, scratch, score, right)
    return score


def _articles_by_first_page(scratch: Path, plan: Any) -> dict[int, list[tuple[Any, int]]]:
    """The converted articles (front matter and blocks) by the physical page they start on,
    in the issue's order, each with the physical page it ends on."""
    from bantin.markdown import read_article

    by_name = {f"{i:03d}": (i, item) for i, item in enumerate(plan.articles)}
    found: list[tuple[int, int, Any, int]] = []
    for path in sorted((scratch / "docs").rglob("*.md")):
        parsed = read_article(path)
        known = by_name.get(Path(parsed.front.source).name[:3])
        if known is not None:
            index, item = known
            found.append((item.first_page, index, parsed, item.last_page))
    pages: dict[int, list[tuple[Any, int]]] = {}
    for page, _, parsed, last in sorted(found, key=lambda row: (row[0], row[1])):
        pages.setdefault(page, []).append((parsed, last))
    return pages


def pair_articles(
    golds: list[dict[str, Any]], ours: dict[int, list[tuple[Any, int]]]
) -> list[tuple[dict[str, Any], tuple[Any, int] | None]]:
    """Each gold article with ours starting on its page: where several start on one page,
    the one whose title shares most words with it, each of ours used once."""
    pairs: list[tuple[dict[str, Any], tuple[Any, int] | None]] = []
    used: set[tuple[int, int]] = set()
    for gold in golds:
        candidates = [
            (index, found)
            for index, found in enumerate(ours.get(gold["first_page"], []))
            if (gold["first_page"], index) not in used
        ]
        if not candidates:
            pairs.append((gold, None))
            continue
        wanted = set(normal(gold["title"]).casefold().split())
        index, found = max(
            candidates,
            key=lambda c: len(wanted & set(normal(c[1][0].front.title).casefold().split())),
        )
        used.add((gold["first_page"], index))
        pairs.append((gold, found))
    return pairs


def _score_article(
    gold: dict[str, Any], ours: tuple[Any, int] | None, score: Score, heads: list[str]
) -> list[str]:
    """Score one article; return its paragraphs that match the gold."""
    score.starts.add(ours is not None)
    if ours is None:
        score.misses.append(f"p{gold['first_page']}: no article starts here")
        for counts in (score.ends, score.titles, score.titles_ci, score.authors):
            counts.add(False)
        score.paragraphs += Paragraphs(gold=len(gold.get("paragraphs") or []))
        return []
    parsed, last_page = ours
    front = parsed.front
    defects = []
    score.ends.add(last_page == gold["last_page"])
    if last_page != gold["last_page"]:
        defects.append("last page")
    title, wanted = normal(front.title), normal(gold["title"])
    score.titles.add(title == wanted)
    score.titles_ci.add(title.casefold() == wanted.casefold())
    if title != wanted:
        score.misses.append(f"p{gold['first_page']}: title {title!r}, gold {wanted!r}")
        defects.append("title")
    names = [normal(name) for name in front.author_names]
    gold_names = [normal(author["name"]) for author in gold.get("authors") or []]
    score.authors.add(names == gold_names)
    if names != gold_names:
        score.misses.append(f"p{gold['first_page']}: authors {names}, gold {gold_names}")
        defects.append("authors")
    paragraphs = [b.text for b in parsed.blocks if b.kind in PROSE]
    if "paragraphs" in gold:
        matched = match_paragraphs(paragraphs, gold["paragraphs"])
        score.paragraphs += matched
        f1 = (matched.scores() or (1.0, 1.0, 1.0))[2]
        if f1 < REVIEW_F1:
            defects.append(f"paragraphs F1 {f1:.2f}")
    score.reviewed.append(Reviewed(confidence(front.review), bool(front.review), bool(defects)))
    if defects and not front.review:
        score.misses.append(f"p{gold['first_page']}: not listed for review ({', '.join(defects)})")
    right = {item["sha256"] for item in gold.get("paragraphs") or []}
    suspects = [b for b in parsed.blocks if fingerprint(b.text)["sha256"] not in right]
    score.furniture_left += sum(1 for block in suspects if _holds_furniture(block, heads, front))
    return [text for text in paragraphs if fingerprint(text)["sha256"] in right]


#: An article whose body paragraphs score under this F1 is one an editor must correct.
REVIEW_F1 = 0.9


def found_first(reviewed: list[Reviewed]) -> Counts:
    """Ranked as `bantin review` ranks them (least confidence first), how many of the
    articles with a defect are among as many articles from the top (ties counted in the
    order the articles were measured)."""
    wanted = sum(1 for row in reviewed if row.defect)
    ranked = sorted(reviewed, key=lambda row: row.confidence)
    return Counts(sum(1 for row in ranked[:wanted] if row.defect), wanted)


def _holds_furniture(block: Any, heads: list[str], front: Any) -> bool:
    """A block the gold does not have as it is, holding a running head of the gold as printed
    (in its case: the journal's name quoted in a sentence is no leak); or a paragraph opening
    or ending with one of the article's page numbers standing alone."""
    if any(head in normal(block.text) for head in heads):
        return True
    return block.kind in PROSE and _ends_with_folio(block.text, front.pages)


def _ends_with_folio(text: str, pages: list[int]) -> bool:
    """A paragraph that starts or ends with one of the article's page numbers standing alone."""
    words = text.split()
    if not words or not pages:
        return False
    numbers = {str(n) for n in range(pages[0], pages[-1] + 1)}
    return words[0] in numbers or words[-1] in numbers


#: Superscript figures and signs as a text layer holds them where its font raised plain
#: ones: the gold is written from the text layer, where "c²" may be "c2" or "c²".
TEXT_LAYER_FIGURES = str.maketrans(SUPERSCRIPT_FIGURES, "0123456789+−")


def match_paragraphs(texts: list[str], gold: list[dict[str, Any]]) -> Paragraphs:
    """Exact matches between paragraphs and gold fingerprints, as multisets (a paragraph
    with superscript figures matches the gold written with them or with plain ones)."""
    wanted = Counter(item["sha256"] for item in gold)
    ours: Counter[str] = Counter()
    for text in texts:
        if not text.strip():
            continue
        digest = fingerprint(text)["sha256"]
        plain = fingerprint(text.translate(TEXT_LAYER_FIGURES))["sha256"]
        ours[plain if digest not in wanted and plain in wanted else digest] += 1
    return Paragraphs(sum((ours & wanted).values()), sum(ours.values()), sum(wanted.values()))


def _score_text_route(
    pdf: Path,
    golds: list[dict[str, Any]],
    scratch: Path,
    score: Score,
    right: dict[int, list[str]],
) -> None:
    """pdftotext (poppler's plain reading order) of each annotated article's pages, converted
    as an editor's pasted text would be: each on its own, so that two articles printed on the
    same pages (the same text) are both converted, not refused as duplicates. And how many
    words of the paragraphs the PDF route read right that text holds."""
    from bantin.markdown import read_article
    from bantin.pipeline import convert_paths

    for index, item in enumerate(golds):
        if "paragraphs" not in item:
            continue
        root = scratch / "text-route" / f"{index:03d}"
        folder = root / "sources" / str(SCRATCH_YEAR) / "02"
        folder.mkdir(parents=True, exist_ok=True)
        raw = _pdftotext(pdf, item["first_page"], item["last_page"])
        (folder / "article.txt").write_bytes(raw)
        layer = Counter(normal(raw.decode("utf-8", "replace")).split())
        wanted = Counter(word for text in right.get(index, []) for word in normal(text).split())
        score.text_layer += Counts(sum((layer & wanted).values()), sum(wanted.values()))
        out = root / "docs"
        convert_paths([folder], root, out, keep_going=True)
        texts: list[str] = []
        for path in sorted(out.rglob("*.md")):
            article = read_article(path)
            texts.extend(b.text for b in article.blocks if b.kind in PROSE)
        score.text_route += match_paragraphs(texts, item["paragraphs"])


def _pdftotext(pdf: Path, first: int, last: int) -> bytes:
    command = ["pdftotext", "-q", "-f", str(first), "-l", str(last), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, check=True).stdout
