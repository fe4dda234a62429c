"""An issue PDF -> one article PDF and sidecar per article under sources/YEAR/NN/.

The issue is read once: its contents page (when it has one) gives each article's title,
bylines, section and first page, and the titles found in the pages give where each article
starts. The two are reconciled (the contents page wins for a first page it names; every
disagreement is reported), each article's pages are cut into their own PDF with pikepdf (the
same bytes on every run), and the sidecar names that PDF (`pdf:`, the article's full text on
the site) and records what the contents page says of it. The converter reads each article PDF
like any other source. The issue PDF itself is kept as `issue.pdf`.
"""

from __future__ import annotations

import datetime
import io
import itertools
import logging
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bantin.exceptions import SourceError
from bantin.pdf import articles, roles, structure
from bantin.pdf.contents import Entry, contents_pages, headed, read_contents
from bantin.pdf.document import Document, read_document, running_heads
from bantin.slug import slugify
from bantin.store import create_new, refuse_link_out
from bantin.vietnamese import fold
from bantin.yamlio import dump_yaml

log = logging.getLogger("bantin.pdf")

ISSUE_PDF = "issue.pdf"
_DATE = re.compile(  # "ngày 15 tháng 6 năm 2025", "tháng 6/2025", "ngày 15/6/2025"
    r"(?:ngày\s+(?P<day>\d{1,2})\s+)?tháng\s+(?P<month>\d{1,2})\s*(?:/|năm)\s*"
    r"(?P<year>(?:19|20)\d{2})"
    r"|ngày\s+(?P<day2>\d{1,2})[/.-](?P<month2>\d{1,2})[/.-](?P<year2>(?:19|20)\d{2})",
    re.I,
)
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_DATE_EN = re.compile(  # a bilingual masthead's "December 10, 2017" or "10 December 2017"
    r"\b(?:(?P<month>[a-z]+)\s+(?P<day>\d{1,2}),?|(?P<day2>\d{1,2})\s+(?P<month2>[a-z]+))\s+"
    r"(?P<year>(?:19|20)\d{2})\b",
    re.I,
)


@dataclass(frozen=True)
class IssueTarget:
    """Where an issue's sources go: the repository root, the issue folder, year and number."""

    root: Path
    year: int
    issue: int

    @property
    def folder(self) -> Path:
        return self.root / "sources" / str(self.year) / f"{self.issue:02d}"

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


@dataclass
class Planned:
    """One article of the issue: its physical pages, which start it is in its own PDF, the
    contents entry that names it, and its title as the pages give it."""

    span: articles.Span
    start: int
    entry: Entry | None
    title: str
    until: str = ""  # the first words of the next article, when it starts on this one's pages

    @property
    def first_page(self) -> int:
        return self.span.first_page

    @property
    def last_page(self) -> int:
        return self.span.last_page


@dataclass
class Plan:
    """Everything ingest found in an issue, and the disagreements to report."""

    articles: list[Planned]
    offset: int  # printed page number minus physical page number
    notes: list[str] = field(default_factory=list)


def plan_issue(pdf: Path) -> tuple[Document, Plan]:
    """Read an issue and decide its articles."""
    doc = read_document(pdf)
    entries, spans = split_issue(doc)
    offset = _folio_offset(doc)
    plan = Plan([], offset)
    if not _lists_articles(entries, spans, offset):
        if entries:
            plan.notes.append(
                "the contents pages list no article found here (a table of "
                "contents of one document, or a table, not an issue's): read as text"
            )
        entries = []
    spans = _reconcile(doc, spans, entries, plan)
    taken: set[int] = set()
    for index, span in enumerate(spans):
        title = _title(span, doc)
        entry = _entry_for(span, title, entries, offset, taken)
        after = spans[index + 1] if index + 1 < len(spans) else None
        until = _opening_words(after) if after and after.first_page <= span.last_page else ""
        plan.articles.append(Planned(span, _start_in_pdf(spans, index), entry, title, until))
    _report(plan, entries)
    return doc, plan


def split_issue(doc: Document) -> tuple[list[Entry], list[articles.Span]]:
    """The contents page's entries and the articles; pages taken for a contents page that
    neither say they are one nor list an article found (a table of rising figures) are read
    as text after all. Pages of advertisements belong to no article."""
    skip = contents_pages(doc)
    adverts = articles.advert_pages(doc.pages, doc.body)
    entries = read_contents(doc) if skip else []
    _, spans = articles.split(doc.paras, doc.body, skip | adverts, doc.rules)
    if skip and not _lists_articles(entries, spans, _folio_offset(doc)):
        said = frozenset(page.number for page in doc.pages if page.number in skip and headed(page))
        if said != skip:
            _, spans = articles.split(doc.paras, doc.body, said | adverts, doc.rules)
    return entries, spans


def _lists_articles(entries: list[Entry], spans: list[articles.Span], offset: int) -> bool:
    """A contents page of an issue names pages where articles start (a thesis's or a book's
    table of contents names the pages of its own chapters)."""
    if not entries:
        return False
    starts = {span.first_page for span in spans}
    found = sum(1 for entry in entries if entry.page - offset in starts)
    return found * 2 >= len(entries)


def _folio_offset(doc: Document) -> int:
    offsets = Counter(f - p for p in doc.furniture if (f := doc.folio(p)) is not None)
    return offsets.most_common(1)[0][0] if offsets else 0


def _reconcile(
    doc: Document, spans: list[articles.Span], entries: list[Entry], plan: Plan
) -> list[articles.Span]:
    """A first page the contents page gives where no title was found starts an article at
    the top of that page; the spans are cut again there."""
    if not entries:
        return spans
    starts = {span.first_page for span in spans}
    paras = [para for span in spans for para in span.paras]
    cuts = [span.paras[0] for span in spans]
    for entry in entries:
        page = entry.page - plan.offset
        if page in starts:
            continue
        on_page = [para for para in paras if para.page == page]
        if on_page:
            cuts.append(on_page[0])
            plan.notes.append(
                f"page {entry.page}: the contents page starts {entry.title!r} here, but no title "
                "was found on the page: it starts at the top of the page"
            )
    order = {id(para): index for index, para in enumerate(paras)}
    positions = sorted({order[id(para)] for para in cuts})
    bounds = [*positions, len(paras)]
    return [articles.Span(paras[a:b]) for a, b in itertools.pairwise(bounds)]


def _entry_for(
    span: articles.Span, title: str, entries: list[Entry], offset: int, taken: set[int]
) -> Entry | None:
    """The contents entry of an article: one giving its first page, the one with its title
    when several articles start on that page, else the first not yet taken."""
    on_page = [
        (index, entry)
        for index, entry in enumerate(entries)
        if entry.page - offset == span.first_page and index not in taken
    ]
    if not on_page:
        return None
    same = [item for item in on_page if _words(item[1].title) == _words(title)]
    index, entry = (same or on_page)[0]
    taken.add(index)
    return entry


def _start_in_pdf(spans: list[articles.Span], index: int) -> int:
    """1 for the first article on the article's own PDF (its pages), 2 for the next: an
    article that starts on an earlier page and runs onto its first page counts."""
    span = spans[index]
    return 1 + sum(
        1
        for other in spans[:index]
        if span.first_page <= other.last_page and other.first_page <= span.last_page
    )


def _title(span: articles.Span, doc: Document) -> str:
    roles.label_front(span.paras, doc.body)
    return structure.front_of(span.paras).title


def _report(plan: Plan, entries: list[Entry]) -> None:
    """Every disagreement between the contents page and the articles found."""
    listed = {entry.page - plan.offset for entry in entries}
    for item in plan.articles:
        page = item.first_page + plan.offset
        if entries and item.entry is None:
            plan.notes.append(f"page {page}: {item.title!r} is not in the contents page")
        if item.entry is not None and _words(item.entry.title) != _words(item.title):
            plan.notes.append(
                f"page {page}: the contents page titles it {item.entry.title!r}, the page "
                f"{item.title!r}"
            )
    found = {item.first_page for item in plan.articles}
    for entry in entries:
        if entry.page - plan.offset not in found:
            plan.notes.append(f"page {entry.page}: {entry.title!r} of the contents page not found")
    del listed


def _words(text: str) -> list[str]:
    return [w for w in fold(text).replace("-", " ").split() if any(c.isalnum() for c in w)]


# -- writing -------------------------------------------------------------------------------


def write_issue(pdf: Path, doc: Document, plan: Plan, target: IssueTarget) -> list[Path]:
    """Keep the PDF as issue.pdf, write one article PDF and one sidecar per article; the paths
    written (existing sources are never overwritten: an identical file is accepted)."""
    data = pdf.read_bytes()
    files: dict[Path, bytes] = {target.folder / ISSUE_PDF: data}
    issue_yml = target.folder / "issue.yml"
    if not issue_yml.exists():
        files[issue_yml] = dump_yaml(_issue_yml(doc, plan, target)).encode("utf-8")
    source = _open(pdf, data)
    for index, item in enumerate(plan.articles):
        name = f"{index:03d}_{slugify(_name_title(item), 48) or 'bai'}"
        article_pdf = target.folder / f"{name}.pdf"
        files[article_pdf] = cut_pages(source, item.first_page, item.last_page)
        own = target.relative(article_pdf)
        sidecar = dump_yaml(_sidecar(item, plan.offset, own)).encode("utf-8")
        files[target.folder / f"{name}.yml"] = sidecar
    refuse_link_out(target.root, target.folder)
    for path, content in files.items():
        _check_once(path, content)
    target.folder.mkdir(parents=True, exist_ok=True)
    for path, content in files.items():
        if not path.exists():
            create_new(path, content)
    return list(files)


def _name_title(item: Planned) -> str:
    return item.entry.title if item.entry else item.title


def _issue_yml(doc: Document, plan: Plan, target: IssueTarget) -> dict[str, Any]:
    pdf = target.relative(target.folder / ISSUE_PDF)
    data: dict[str, Any] = {"issue": target.issue, "year": target.year, "pdf": pdf}
    heads = running_heads(doc)
    if heads:
        data["running_heads"] = heads
    if doc.body.size > 0 and doc.body.font:
        data["body_type"] = {"font": doc.body.font, "size": round(doc.body.size, 2)}
    date = issue_date_on_cover(doc, plan, year=target.year)
    if date and day_printed_on_cover(doc, plan, date):
        data["issue_date"] = date
    elif date:
        data["issue_month"] = date.month  # "Tháng 6 năm 2025": a month, not its first day
    else:
        log.warning(
            "%s: no issue date on the cover or masthead; add issue_date to issue.yml",
            doc.path,
        )
    return data


def issue_date_on_cover(doc: Document, plan: Plan, year: int) -> datetime.date | None:
    """ "Tháng 6 năm 2025", "ngày 15 tháng 6 năm 2025" or a bilingual masthead's "December
    10, 2017", of the issue's year, on its first two pages: outside every article, or a line
    of its own that is nothing but the date (an article's dates come with a label, "Ngày nhận
    bài:", or inside a sentence); the first of the month when no day is printed."""
    taken = {id(para) for item in plan.articles for para in item.span.paras}
    for para in [p for p in doc.paras if p.page <= 2]:
        for found in _dates(para.text):
            if found.year == year and (id(para) not in taken or _date_alone(para.text)):
                return found
    return None


def day_printed_on_cover(doc: Document, plan: Plan, found: datetime.date) -> bool:
    """Whether the cover prints the day of `found` (the date issue_date_on_cover read), not
    only its month and year."""
    taken = {id(para) for item in plan.articles for para in item.span.paras}
    for para in [p for p in doc.paras if p.page <= 2]:
        if id(para) in taken and not _date_alone(para.text):
            continue
        for day, with_day in _dates_and_days(para.text):
            if day == found:
                return with_day
    return False


def _date_alone(text: str) -> bool:
    rest = _DATE_EN.sub("", _DATE.sub("", text))
    return ":" not in rest and sum(ch.isalpha() for ch in rest) <= 12


def _dates(text: str) -> Iterator[datetime.date]:
    """The valid dates written out in text, in Vietnamese or English (the first of the
    month where no day is written)."""
    for found, _ in _dates_and_days(text):
        yield found


def _dates_and_days(text: str) -> Iterator[tuple[datetime.date, bool]]:
    """Each valid date written out in text, and whether its day is written."""
    numbers = [
        (
            m.group("year") or m.group("year2"),
            m.group("month") or m.group("month2"),
            m.group("day") or m.group("day2"),
        )
        for m in _DATE.finditer(text)
    ]
    for m in _DATE_EN.finditer(text):
        month = (m.group("month") or m.group("month2")).lower()
        if month in _MONTHS:
            numbers.append(
                (m.group("year"), _MONTHS.index(month) + 1, m.group("day") or m.group("day2"))
            )
    for year, month, day in numbers:
        try:
            yield datetime.date(int(year), int(month), int(day or 1)), day is not None
        except ValueError:
            continue


OPENING_WORDS = 12


def _opening_words(span: articles.Span) -> str:
    """The first words of an article (its banner or title) as the issue prints them: where
    its own PDF is cut (before it, and before the next article's), when that PDF read alone
    shows no article starting there (a news item whose section heading is a page before)."""
    return " ".join(span.paras[0].text.split()[:OPENING_WORDS]) if span.paras else ""


def _sidecar(item: Planned, offset: int, pdf: str) -> dict[str, Any]:
    """The article's printed pages (where its first page has a number), its own PDF (what the
    site links and cites as its full text), and what the contents page says of it."""
    data: dict[str, Any] = {}
    first, last = item.first_page + offset, item.last_page + offset
    if first >= 1:  # a document numbered after its cover has no printed number for it
        data["pages"] = [first, last]
    data["pdf"] = pdf
    if item.start > 1:
        data["start"] = item.start
        data["opens"] = _opening_words(item.span)
    if item.until:
        data["until"] = item.until
    if item.entry is not None:
        contents: dict[str, Any] = {"title": item.entry.title}
        if item.entry.authors:
            contents["authors"] = item.entry.authors
        contents["page"] = item.entry.page
        if item.entry.section:
            contents["section"] = item.entry.section
        if item.entry.title_en:
            contents["title_en"] = item.entry.title_en
        data["contents"] = contents
    return data


def _open(pdf: Path, data: bytes) -> Any:
    import pikepdf

    try:
        return pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError as error:
        raise SourceError(pdf, f"not a readable PDF: {error}") from error


def cut_pages(source: Any, first: int, last: int) -> bytes:
    """Pages first..last (1-based) as a PDF of their own, the same bytes on every run."""
    import pikepdf

    out = pikepdf.new()
    with warnings.catch_warnings():  # links inside the issue do not survive the cut: none kept
        warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
        out.pages.extend(source.pages[first - 1 : last])
    buffer = io.BytesIO()
    out.save(buffer, deterministic_id=True, compress_streams=True, linearize=False)
    return buffer.getvalue()


def _check_once(path: Path, data: bytes) -> None:
    """Sources are never modified: a new file, an identical one, or an error naming it; a
    symbolic link is never written through."""
    if path.is_symlink():
        raise SourceError(path, "is a symbolic link: ingest never writes through one")
    if path.exists() and path.read_bytes() != data:
        raise SourceError(path, "exists with other content: sources are never overwritten")
