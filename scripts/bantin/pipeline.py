"""The incremental conversion of sources into articles under docs/, in two stages.

First every source is read, converted and rendered in memory and every problem collected;
then, only when nothing failed (or with keep_going), the articles are written. A file an
editor changed is never overwritten without force; a hand-written file never.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import importlib
import inspect
import logging
import multiprocessing as mp
import os
import re
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

import bantin
from bantin.bylines import Author
from bantin.exceptions import BantinError, MetadataError, Problem, Problems, SourceError
from bantin.markdown import ParsedArticle, assign_anchors, read_article, render_article
from bantin.metadata import (
    INVISIBLE_RE,
    AuthorEntry,
    AuthorInfo,
    FrontMatter,
    IssueInfo,
    Sidecar,
    clean_front,
    compact_author,
)
from bantin.model import Article, Block
from bantin.review import confidence
from bantin.slug import slugify, unreserved
from bantin.sources import (
    PDF_MAGIC,
    SourceFile,
    collect,
    file_sha256,
    find_sources,
    is_pdf,
    leads_outside,
    load_issue_info,
    load_sidecar,
    optional_sha256,
)
from bantin.store import (
    MANIFEST_NAME,
    FileState,
    Manifest,
    ManifestEntry,
    Staging,
    edit_diff,
    flush_to_disk,
    forget_resolved,
    load_manifest,
    output_path,
    refuse_link_out,
    save_manifest,
    sha256_bytes,
    state_at,
    state_of,
    write_atomic,
)
from bantin.yamlio import key_lines

log = logging.getLogger("bantin.pipeline")

MAX_SOURCE_BYTES = 5 * 1024 * 1024
MAX_PDF_BYTES = 200 * 1024 * 1024  # an article's PDF may carry its photographs
SLUG_MAX = 80


@dataclass(frozen=True)
class Converter:
    """The conversion stages the pipeline calls; tests supply their own."""

    read: Callable[[Path], str]  # a source file's decoded text
    convert: Callable[..., Article]
    version: str
    convert_pdf: Callable[..., Article] | None = None  # an article PDF's article


def default_converter() -> Converter:
    """bantin.convert.decode + bantin.convert.text, imported when first needed."""
    try:
        convert_module = importlib.import_module("bantin.convert.text")
        decode = importlib.import_module("bantin.convert.decode")
    except ImportError as error:
        raise BantinError(f"the converter cannot be loaded: {error}") from error
    version = str(getattr(convert_module, "CONVERTER_VERSION", bantin.CONVERTER_VERSION))
    return Converter(decode.read_source, convert_module.convert_text, version, convert_pdf)


def convert_pdf(path: Path, sidecar: Sidecar, issue: IssueInfo) -> Article:
    """The PDF route, imported when a PDF source is first converted."""
    pdf_convert = importlib.import_module("bantin.pdf.convert")
    contents = sidecar.contents
    hints = pdf_convert.Hints(
        start=sidecar.start,
        opens=sidecar.opens,
        until=sidecar.until,
        title=contents.title if contents else None,
        authors=tuple(contents.authors) if contents else (),
        running_heads=tuple(issue.running_heads or ()),
        body=(issue.body_type.size, issue.body_type.font) if issue.body_type else None,
    )
    article: Article = pdf_convert.convert_pdf(path, hints)
    return article


@dataclass
class ConvertReport:
    """What one run did, file by file, and every problem it found."""

    converted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: bool = False
    removed: list[str] = field(default_factory=list)  # outputs removed (their article moved)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        return (
            f"{len(self.converted)} converted, {len(self.unchanged)} unchanged, "
            f"{len(self.kept)} kept edits, {len(self.failed)} failed"
        )


@dataclass
class Planned:
    """An article rendered in memory, waiting for the write stage."""

    source: SourceFile
    rel: str
    data: bytes  # the Markdown file, UTF-8
    entry: ManifestEntry
    previous: tuple[str, ManifestEntry] | None
    staged: Path | None = None  # the data, already written to the staging folder

    @functools.cached_property
    def text(self) -> str:
        """The Markdown as text: decoded only to compare with a file already there."""
        return self.data.decode("utf-8")


@dataclass
class Run:
    """State shared by the stages of one run."""

    root: Path
    out_dir: Path
    converter: Converter
    manifest: Manifest
    force: bool = False
    problems: Problems = field(default_factory=Problems)
    report: ConvertReport = field(default_factory=ConvertReport)
    planned: list[Planned] = field(default_factory=list)
    claims: dict[str, list[str]] = field(default_factory=dict)  # output path -> sources
    by_sha: dict[str, str] = field(default_factory=dict)
    issues: dict[Path, tuple[IssueInfo, str] | SourceError] = field(default_factory=dict)
    previous: dict[str, tuple[str, ManifestEntry]] = field(default_factory=dict)
    staging: Staging = field(init=False, repr=False)
    manifest_missing: bool = False
    folders: dict[str, bool] = field(default_factory=dict)  # folder -> no link out of sources/
    recovered: list[str] = field(default_factory=list)  # files bantin's again (no record)
    recovered_edits: list[str] = field(default_factory=list)  # files kept as edits (no record)

    def __post_init__(self) -> None:
        self.previous = self.manifest.by_source()
        self.manifest_missing = not (self.out_dir / MANIFEST_NAME).is_file()
        self.staging = Staging(self.out_dir)

    def fail(self, source: SourceFile, error: SourceError) -> None:
        self.problems.add_error(error)
        self.report.failed.append(source.label)


# --- reading and checking one source --------------------------------------------------


def check_inside(run: Run, source: SourceFile) -> None:
    """A source of the project must not be a link out of sources/: a link to a file or an
    issue folder outside the repository, or to another of its files (`.env`), is refused,
    naming the link."""
    path = source.path
    if not os.path.islink(path) and folder_inside(run, os.path.dirname(path)):
        return  # the common case, one lstat: folders are resolved once per run
    if leads_outside(path, run.root):
        what = "folder" if source.path.is_dir() else "file"
        where = "the repository" if not in_root(run, path) else "sources/"
        raise SourceError(
            source.label,
            f"symbolic link to a {what} outside {where} ({source.path.resolve()}); "
            "move the sources into sources/ instead of linking to them",
        )


def in_root(run: Run, path: Path) -> bool:
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(run.root))


#: C0 and C1 controls (Unicode category Cc) and the invisible characters of INVISIBLE_RE.
ODD_NAME_RE = re.compile(rf"[\x00-\x1f\x7f-\x9f]|{INVISIBLE_RE.pattern}")


def check_name(source: SourceFile) -> None:
    """A file name with a control character (a newline, a tab, C0 or C1) or an invisible
    one (U+202E...) would break published-urls.txt or disguise the file: refused."""
    odd = ODD_NAME_RE.findall(source.label)
    if odd:
        codes = ", ".join(f"U+{ord(char):04X}" for char in dict.fromkeys(odd))
        shown = "".join(f"\\u{ord(c):04x}" if c in odd else c for c in source.label)
        raise SourceError(
            shown,
            f"file name holds control or invisible character(s) ({codes}); rename the file",
        )


def folder_inside(run: Run, folder: str) -> bool:
    """Whether no link takes a folder out of sources/ (asked once per folder in a run)."""
    known = run.folders.get(folder)
    if known is None:
        known = run.folders[folder] = not leads_outside(Path(folder or "."), run.root)
    return known


def check_size(source: SourceFile) -> None:
    """Refuse empty and oversized files before reading them."""
    size = source.path.stat().st_size
    if size == 0:
        raise SourceError(source.label, "empty file: there is no text to convert")
    if is_pdf(source.path):
        if size > MAX_PDF_BYTES:
            raise SourceError(
                source.label,
                f"PDF is {size / 1_048_576:.0f} MB; an article PDF may be at most "
                f"{MAX_PDF_BYTES // 1_048_576} MB",
            )
        return
    if size > MAX_SOURCE_BYTES:
        raise SourceError(
            source.label,
            f"file is {size / 1_048_576:.1f} MB; one article source may be at most "
            f"{MAX_SOURCE_BYTES // 1_048_576} MB (is this a whole issue or a binary file?)",
        )


def check_duplicate(run: Run, source: SourceFile, sha: str, start: int = 1) -> None:
    """Two sources with the same bytes are one article twice, unless their sidecars pick
    different articles of one page (a page of news items cut once per item)."""
    first = run.by_sha.setdefault(f"{sha}#{start}", source.label)
    if first != source.label:
        raise SourceError(source.label, f"exact duplicate of {first} (same sha256)")


def issue_of(run: Run, source: SourceFile) -> tuple[IssueInfo, str]:
    """The issue.yml beside a source and its sha256, read once per folder in a run."""
    if source.issue_file is None:
        return IssueInfo(), ""
    known = run.issues.get(source.issue_file)
    if known is None:
        try:
            known = (load_issue_info(source), optional_sha256(source.issue_file))
        except SourceError as error:
            known = error
        run.issues[source.issue_file] = known
    if isinstance(known, SourceError):
        raise known
    return known


class SourceProblems(Exception):
    """Several problems of one source found at once."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


def issue_and_sidecar(run: Run, source: SourceFile) -> tuple[IssueInfo, Sidecar]:
    """The issue.yml and the sidecar of a source, both read even when the first is broken."""
    problems: list[Problem] = []
    issue, sidecar = IssueInfo(), Sidecar()
    try:
        issue = issue_of(run, source)[0]
    except SourceError as error:
        problems.append(error.problem)
    try:
        sidecar = load_sidecar(source)
    except SourceError as error:
        problems.append(error.problem)
    if problems:
        raise SourceProblems(problems)
    return issue, sidecar


def input_entry(run: Run, source: SourceFile, sha: str, text_sha: str = "") -> ManifestEntry:
    """The hashes of everything an article is made from (written hash filled in later)."""
    return ManifestEntry(
        sha256=text_sha,
        source=source.label,
        source_sha256=sha,
        sidecar_sha256=optional_sha256(source.sidecar_file),
        issue_sha256=issue_of(run, source)[1],
        converter=run.converter.version,
    )


def is_up_to_date(run: Run, previous: tuple[str, ManifestEntry] | None, now: ManifestEntry) -> bool:
    if previous is None:
        return False
    rel, entry = previous
    return entry.same_inputs(now) and output_path(run.out_dir, rel).is_file()


def forced(run: Run, previous: tuple[str, ManifestEntry]) -> bool:
    """--force: an edited article is converted again even when nothing it is made from
    changed, so the source's version wins."""
    return run.force and state_of(run.out_dir, previous[0], run.manifest) is FileState.EDITED


def convert_article(
    run: Run, source: SourceFile, issue: IssueInfo, sidecar: Sidecar | None = None
) -> Article:
    if is_pdf(source.path):
        if run.converter.convert_pdf is None:
            raise SourceError(source.label, "this converter reads no PDF")
        return run.converter.convert_pdf(source.path, sidecar or Sidecar(), issue)
    text = run.converter.read(source.path)
    options: dict[str, Any] = {}
    if issue.running_head and accepts(run.converter.convert, "running_head"):
        options["running_head"] = issue.running_head
    return run.converter.convert(text, source.path, **options)


def accepts(function: Callable[..., Any], name: str) -> bool:
    try:
        return name in inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False


# --- metadata merge -------------------------------------------------------------------


def inferred_values(article: Article) -> dict[str, Any]:
    """What the converter found, as front matter fields (None where it found nothing)."""
    _keep_marks_that_point(article)
    return {
        "title": article.title.strip() or None,
        "title_en": article.title_en.strip() or None,
        "authors": [author_entry(a) for a in article.authors] or None,
        "affiliations": list(article.affiliations) or None,
        "abstract_en": article.abstract_en or None,
        "keywords": list(article.keywords) or None,
        "keywords_en": list(article.keywords_en) or None,
        "confidence": confidence(article.review) if article.review else None,
        "review": list(article.review) or None,
        "date": article.date,
        "issue": article.issue,
        "year": article.year,
        "section": article.section,
        "pages": list(article.pages) or None,
        "lead": article.lead,
    }


def _keep_marks_that_point(article: Article) -> None:
    """An author's mark that points to no affiliation found (a byline's "3" where two were
    read) is dropped, and the article is listed for review instead of failing."""
    count = len(article.affiliations)
    for index, author in enumerate(article.authors):
        kept = tuple(mark for mark in author.marks if 1 <= mark <= count)
        if kept != author.marks:
            article.authors[index] = dataclasses.replace(author, marks=kept)
            note = "an affiliation mark of the byline points to no affiliation found"
            if note not in article.review:
                article.review.append(note)


def author_entry(author: Author) -> AuthorEntry:
    """An author of the converter as front matter: the name alone, or with rank, degree and
    the affiliations its marks point to."""
    info = AuthorInfo(
        name=author.name,
        rank=author.rank or None,
        degree=author.degree or None,
        affiliation=list(author.marks) or None,
    )
    return compact_author(info)


def overlay(data: dict[str, Any], values: dict[str, Any]) -> None:
    """Values that are set win over what data holds."""
    data.update({key: value for key, value in values.items() if value is not None})


def merged_values(
    source: SourceFile, article: Article, issue: IssueInfo, sidecar: Sidecar
) -> dict[str, Any]:
    """Folder < text < issue.yml < sidecar: an editor's value always wins."""
    year, number = source.folder_year_issue
    data: dict[str, Any] = {"year": year, "issue": number}
    overlay(data, inferred_values(article))
    if sidecar.contents is not None:
        overlay(data, {"section": sidecar.contents.section, "title_en": sidecar.contents.title_en})
    overlay(data, issue.model_dump(exclude={"running_head", "running_heads", "body_type"}))
    overlay(data, sidecar.model_dump(exclude={"contents", "start", "opens", "until"}))
    return data


def sidecar_name(source: SourceFile) -> str:
    return source.path.with_suffix(".yml").name


def build_front(
    source: SourceFile, merged: dict[str, Any], frozen_slug: str | None, entry: ManifestEntry
) -> FrontMatter:
    """Validated front matter; a frozen slug is kept unless a sidecar sets another."""
    if not merged.get("title"):
        raise SourceError(
            source.label,
            f"no title found; give one as 'title:' in {sidecar_name(source)}",
        )
    derived = unreserved(slugify(merged["title"], SLUG_MAX))
    merged["slug"] = merged.get("slug") or frozen_slug or derived
    merged.update(source=source.label, source_sha256=entry.source_sha256, converter=entry.converter)
    merged.setdefault("authors", [])
    try:
        front = FrontMatter.model_validate({k: v for k, v in merged.items() if v is not None})
        return without_invisible(source, front)
    except ValidationError as error:
        raise SourceError(source.label, f"incomplete metadata: {describe(error)}") from error


def without_invisible(source: SourceFile, front: FrontMatter) -> FrontMatter:
    """Bidirectional and zero-width characters removed from the metadata, with a warning
    naming the file they came from (the sidecar when it holds some, else the source)."""
    cleaned, fields = clean_front(front)
    if fields:
        origin = source.label
        sidecar = source.sidecar_file
        if sidecar is not None and INVISIBLE_RE.search(sidecar.read_text(encoding="utf-8")):
            origin = str(sidecar)
        log.warning(
            "%s: %s hold(s) bidirectional or zero-width characters (U+202E, U+200B...), which "
            "can disguise a title or name; removed from the article's metadata",
            origin,
            ", ".join(fields),
        )
    return cleaned


def describe(error: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors())


def article_rel(front: FrontMatter) -> str:
    return f"{front.year}/so-{front.issue}/{front.slug}.md"


# --- planning ---------------------------------------------------------------------------


def previous_article(run: Run, previous: tuple[str, ManifestEntry] | None) -> ParsedArticle | None:
    """The file written last time, read back for its frozen slug and anchors."""
    if previous is None:
        return None
    path = output_path(run.out_dir, previous[0])
    if not path.is_file():
        return None
    try:
        return read_article(path)
    except MetadataError as error:
        log.warning("%s: cannot reuse its anchors: %s", path, error)
        return None


def frozen_slug(previous: tuple[str, ManifestEntry] | None) -> str | None:
    return Path(previous[0]).stem if previous else None


@dataclass
class Job:
    """One source that needs converting, with everything read while checking it."""

    source: SourceFile
    issue: IssueInfo
    sidecar: Sidecar
    now: ManifestEntry
    previous: tuple[str, ManifestEntry] | None


@dataclass
class Outcome:
    """What converting one job gave: a rendered article or the problem that stopped it."""

    rendered: tuple[str, bytes, ManifestEntry] | None  # output path, UTF-8 Markdown, entry
    problem: Problem | None
    staged: Path | None = None


@dataclass
class Examined:
    """What examining one source gave: its hash once read, a problem, the output it claims
    unchanged, or the outcome of converting it; in a worker, also the log records it emitted
    (replayed in source order so a parallel run logs the same)."""

    sha: str | None = None
    problem: Problem | None = None
    start: int = 1  # which article of its PDF the sidecar picks
    also: list[Problem] = field(default_factory=list)  # more problems of the same source
    unchanged: str | None = None  # the output path of an article that is up to date
    outcome: Outcome | None = None
    records: list[logging.LogRecord] = field(default_factory=list)


def examine(run: Run, source: SourceFile) -> Examined:
    """Check and hash one source, and convert it unless its article is up to date. Nothing the
    run decides is changed here (only its caches): `take` decides, in source order
    (duplicates need every hash)."""
    try:
        check_name(source)
        check_inside(run, source)
        check_size(source)
        sha = file_sha256(source.path)
    except Exception as error:
        return Examined(problem=source_problem(source.label, error))
    start = 1
    try:
        issue, sidecar = issue_and_sidecar(run, source)
        start = sidecar.start or 1
        now = input_entry(run, source, sha)
        previous = run.previous.get(source.label)
        if previous is not None and is_up_to_date(run, previous, now) and not forced(run, previous):
            return Examined(sha, start=start, unchanged=previous[0])
    except SourceProblems as found:  # a broken issue.yml does not hide its sidecars' problems
        first, *rest = found.problems
        return Examined(sha, first, start, also=rest)
    except Exception as error:
        return Examined(sha, source_problem(source.label, error), start)
    job = Job(source, issue, sidecar, now, previous)
    return Examined(
        sha, start=start, outcome=run_job(run, job)
    )  # the job stays here: the parent has it all


def take(run: Run, source: SourceFile, examined: Examined) -> None:
    """Take one examined source into the run: a duplicate is refused before anything else."""
    problem = examined.problem
    if examined.sha is not None:
        try:
            check_duplicate(run, source, examined.sha, examined.start)
        except SourceError as error:
            problem = error.problem
    if problem is not None:
        run.problems.add(problem)
        if problem is examined.problem:
            for other in examined.also:
                run.problems.add(other)
        run.report.failed.append(source.label)
    elif examined.unchanged is not None:
        run.claims.setdefault(examined.unchanged, []).append(source.label)
        run.report.unchanged.append(source.label)
    else:
        assert examined.outcome is not None
        record(run, source, examined.outcome)


def render_job(run: Run, job: Job) -> tuple[str, bytes, ManifestEntry]:
    """Convert and render one article in memory: (output path, Markdown as UTF-8, manifest
    entry). Bytes, encoded once: the hash, the pipe from a worker and the file all take them."""
    source, previous = job.source, job.previous
    check_pdf_file(run, job)
    article = convert_article(run, source, job.issue, job.sidecar)
    merged = merged_values(source, article, job.issue, job.sidecar)
    front = build_front(source, merged, frozen_slug(previous), job.now)
    old = previous_article(run, previous)
    blocks: list[Block] = assign_anchors(article.blocks, old.blocks if old else ())
    rel = article_rel(front)
    output_path(run.out_dir, rel)
    data = render_article(front, blocks).encode("utf-8")
    return rel, data, ManifestEntry(**{**job.now.__dict__, "sha256": sha256_bytes(data)})


def check_pdf_file(run: Run, job: Job) -> None:
    """A local `pdf:` (published beside the article) must name a PDF file: an error naming
    the sidecar or issue.yml that sets it, and its line."""
    value = job.sidecar.pdf or job.issue.pdf
    if not value or "://" in value:
        return
    path = run.root / value.split("#", 1)[0]
    if not path.is_file():
        return
    with path.open("rb") as stream:
        if stream.read(len(PDF_MAGIC)) == PDF_MAGIC:
            return
    named = job.source.sidecar_file if job.sidecar.pdf else job.source.issue_file
    line = key_lines(named.read_text(encoding="utf-8")).get("pdf") if named else None
    message = f"pdf: {value!r} is not a PDF file (it does not start with %PDF-)"
    raise SourceError(named or job.source.label, message, line)


def source_problem(label: str, error: Exception) -> Problem:
    """One source's failure as a problem naming the file; nothing else stops the run."""
    if isinstance(error, SourceError):
        return error.problem
    if isinstance(error, OSError):
        return SourceError(label, f"cannot read: {error}").problem
    log.debug("%s: converter failure", label, exc_info=error)
    return SourceError(label, f"the converter failed ({type(error).__name__}: {error})").problem


def run_job(run: Run, job: Job) -> Outcome:
    try:
        return Outcome(render_job(run, job), None)
    except Exception as error:  # one article's converter failure must not end the run
        return Outcome(None, source_problem(job.source.label, error))


def record(run: Run, source: SourceFile, outcome: Outcome) -> None:
    """Take one outcome into the run, in source order."""
    if outcome.problem is not None:
        run.problems.add(outcome.problem)
        run.report.failed.append(source.label)
        return
    assert outcome.rendered is not None
    rel, data, entry = outcome.rendered
    run.claims.setdefault(rel, []).append(source.label)
    previous = run.previous.get(source.label)
    run.planned.append(Planned(source, rel, data, entry, previous, outcome.staged))


def plan_all(run: Run, sources: Sequence[SourceFile], workers: int | None = None) -> None:
    """Plan every source; each failure becomes one problem naming the file.

    Sources are checked, hashed and converted, in parallel when there are many; everything
    is taken back in source order.
    """
    found = examine_all(run, sources, workers)
    for examined in found:  # a worker's log records, as a serial run logs them while examining
        replay(examined.records)
    for source, examined in zip(sources, found, strict=True):
        take(run, source, examined)


# --- parallel conversion ----------------------------------------------------------------

PARALLEL_MIN = 64  # fewer sources than this are not worth starting processes for
CHUNK = 16

_SHARED: tuple[Run, Sequence[SourceFile]] | None = None  # what forked workers inherit


class Collector(logging.Handler):
    """Keeps a worker's log records, to be replayed by the parent in source order."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


_COLLECTOR = Collector()


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def examine_all(run: Run, sources: Sequence[SourceFile], workers: int | None) -> list[Examined]:
    """Every source examined, in source order: in forked worker processes when there are many
    (their log records come back with each result, to be replayed in order)."""
    count = default_workers() if workers is None else workers
    if count <= 1 or len(sources) < PARALLEL_MIN or "fork" not in mp.get_all_start_methods():
        return [examine(run, source) for source in sources]
    global _SHARED
    _SHARED = (run, sources)
    examined: list[Examined] = []
    # concurrent.futures rather than multiprocessing.Pool: its pool's helper thread wakes up
    # for every result the workers send, which cost this process a second of CPU per 10,000
    # articles, taken from the workers. A failure or Ctrl-C here cancels what has not started;
    # the workers ignore Ctrl-C and finish the few conversions they hold.
    pool = ProcessPoolExecutor(
        min(count, len(sources)), mp_context=mp.get_context("fork"), initializer=_start_worker
    )
    try:
        for result in pool.map(_work, range(len(sources)), chunksize=CHUNK):
            if result.outcome is not None:
                stage(run, result.outcome)  # while the workers go on converting
            examined.append(result)
    except BrokenProcessPool as error:  # a worker was killed (out of memory, a signal)
        raise BantinError(
            f"a conversion worker stopped without finishing ({error}); nothing was written"
        ) from error
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _SHARED = None
    return examined


def stage(run: Run, outcome: Outcome) -> None:
    """Write a converted article to the staging folder (see store.Staging)."""
    if outcome.rendered is not None:
        outcome.staged = run.staging.put(outcome.rendered[1])


def _start_worker() -> None:
    """Log records go to the collector, not straight to the parent's stderr; what the parent
    built is frozen out of the garbage collector's way (conversion allocates a lot)."""
    gc.freeze()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    logging.getLogger().handlers = [_COLLECTOR]
    for logger in logging.Logger.manager.loggerDict.values():
        if isinstance(logger, logging.Logger):
            logger.handlers = []


def _work(index: int) -> Examined:
    assert _SHARED is not None
    run, sources = _SHARED
    _COLLECTOR.records = []
    examined = examine(run, sources[index])
    examined.records = _COLLECTOR.records
    return examined


def replay(records: list[logging.LogRecord]) -> None:
    for item in records:
        logging.getLogger(item.name).handle(item)


def claim_order(run: Run, rel: str) -> list[str]:
    """Sources that want one output path: the one that already owns it first, then by name."""
    owners = set(run.claims.get(rel, []))
    current = run.manifest.files.get(rel)
    holder = current.source if current else None
    if holder and (holder in owners or output_path(run.out_dir, rel).is_file()):
        return [holder, *sorted(owners - {holder})]
    return sorted(owners)


def check_collisions(run: Run) -> None:
    """Two sources for one output path (same slug in one issue) is an error naming both;
    an article already published keeps its path."""
    losers: set[str] = set()
    for rel in sorted(run.claims):
        owners = claim_order(run, rel)
        for label in owners[1:]:
            run.problems.add(collision(run, label, owners[0], rel))
            run.report.failed.append(label)
        losers.update(owners[1:])
    for item in run.planned:
        if item.source.label not in losers and taken_by_another_file(run, item):
            message = (
                f"{output_path(run.out_dir, item.rel)} is a file bantin did not write "
                "(hand-written?); move it away, or give this article another 'slug:' in a sidecar"
            )
            run.problems.add(collision_problem(item.source, message))
            run.report.failed.append(item.source.label)
            losers.add(item.source.label)
    if losers:
        run.planned = [p for p in run.planned if p.source.label not in losers]


def taken_by_another_file(run: Run, item: Planned) -> bool:
    """A file is at the article's path that bantin never wrote nor made from this source."""
    if item.rel in run.manifest.files:
        return False
    path = output_path(run.out_dir, item.rel)
    return path.is_file() and recorded_front(path, item) is None


def collision(run: Run, label: str, owner: str, rel: str) -> Problem:
    """The problem of a source that wants an output path another one holds: naming the
    sidecar (and its line) when the slug comes from there."""
    message = f"same slug and issue as {owner}: both want {rel}; set 'slug:' in a sidecar"
    planned = next((item for item in run.planned if item.source.label == label), None)
    return collision_problem(planned.source, message) if planned else Problem(label, message)


def collision_problem(source: SourceFile, message: str) -> Problem:
    """Naming the sidecar and its line when the sidecar sets the slug, else the source."""
    sidecar = source.sidecar_file
    if sidecar is not None:
        line = key_lines(sidecar.read_text(encoding="utf-8")).get("slug")
        if line is not None:
            return Problem(sidecar, f"slug of {source.label}: {message}", line)
    return Problem(source.label, message)


# --- writing ----------------------------------------------------------------------------


def source_changed_note(item: Planned) -> str:
    if item.previous and item.previous[1].source_sha256 != item.entry.source_sha256:
        return "its source changed too"
    return "its source did not change (metadata or converter did)"


def keep_edit(run: Run, item: Planned, on_disk: str) -> None:
    """Leave an edited file alone and show the editor what changed on both sides."""
    log.warning(
        "%s: edited by hand since bantin wrote it; kept as is (%s). "
        "Merge from this diff, or use --force to discard the edit:\n%s",
        output_path(run.out_dir, item.rel),
        source_changed_note(item),
        edit_diff(item.rel, item.text, on_disk),
    )
    run.report.kept.append(item.source.label)


def discard_edit(run: Run, item: Planned, on_disk: str) -> None:
    log.warning(
        "%s: --force discards these hand edits:\n%s",
        output_path(run.out_dir, item.rel),
        edit_diff(item.rel, item.text, on_disk),
    )


def write_one(run: Run, item: Planned, force: bool) -> None:
    """Write one article unless that would lose a hand edit; record it in the manifest."""
    path = output_path(run.out_dir, item.rel)
    state = state_at(path, item.rel, run.manifest)
    on_disk = (
        "" if state is FileState.MISSING else path.read_text(encoding="utf-8", errors="replace")
    )
    recorded = recorded_front(path, item) if state is FileState.HANDWRITTEN else None
    if recorded is not None:
        state = recover(run, item, on_disk)
    if state is FileState.HANDWRITTEN and on_disk != item.text:
        log.warning("%s: not written by bantin; never overwritten (move it to convert)", path)
        run.report.kept.append(item.source.label)
        return
    if state is FileState.EDITED and on_disk != item.text:
        if not force:
            keep_edit(run, item, on_disk)
            if recorded is not None:  # an edit from now on: --force or a new source applies
                run.manifest.files[item.rel] = recovered_entry(item, recorded)
            return
        discard_edit(run, item, on_disk)
    if state is FileState.MISSING or on_disk != item.text:
        put_in_place(run, item, path)
    forget_previous(run, item)
    run.manifest.files[item.rel] = item.entry
    run.report.converted.append(item.source.label)


def recorded_front(path: Path, item: Planned) -> FrontMatter | None:
    """The front matter of a file the manifest does not know (it was lost or deleted) that
    says it was converted from this very source: bantin wrote it."""
    try:
        front = read_article(path).front
    except (MetadataError, OSError, UnicodeDecodeError):
        return None
    return front if front.source == item.source.label else None


def recover(run: Run, item: Planned, on_disk: str) -> FileState:
    """A file bantin wrote but no longer has a record of: its own output again when its text
    is what the converter writes now, else an editor's edit (kept unless --force)."""
    if on_disk == item.text:
        run.recovered.append(item.rel)
        return FileState.GENERATED
    run.recovered_edits.append(item.rel)
    return FileState.EDITED


def recovered_entry(item: Planned, front: FrontMatter) -> ManifestEntry:
    """The record of a kept edit whose original is unknown: made from the source and
    converter its front matter names, and not what bantin writes now."""
    return ManifestEntry(
        **{
            **item.entry.__dict__,
            "source_sha256": front.source_sha256,
            "converter": front.converter,
        }
    )


def announce_recovery(run: Run) -> None:
    """Say what happened when articles had no record in the manifest, and the way back."""
    if not run.recovered and not run.recovered_edits:
        return
    manifest = run.out_dir / MANIFEST_NAME
    cause = f"{manifest} was missing" if run.manifest_missing else f"{manifest} lacked them"
    way_back = (
        " To take the source's version of one, delete its file and run again, or run with "
        "--force (`bantin convert --force SOURCE` for one article; `bantin build --force` for "
        "all)."
        if run.recovered_edits
        else ""
    )
    log.warning(
        "%s: %d article(s) equal to what the converter writes from their recorded source are "
        "bantin's again; %d differ and are kept as editor's edits%s.%s",
        cause,
        len(run.recovered),
        len(run.recovered_edits),
        "".join(f"\n  {rel}" for rel in run.recovered_edits),
        way_back,
    )


def put_in_place(run: Run, item: Planned, path: Path) -> None:
    """The staged copy moved to `path`, or the text written there where it cannot be."""
    if item.staged is None or not run.staging.move(item.staged, path):
        write_atomic(path, item.data)


def forget_previous(run: Run, item: Planned) -> None:
    """A sidecar moved the article to a new slug: drop the old record (and the old file
    when nobody edited it)."""
    if item.previous is None or item.previous[0] == item.rel:
        return
    old = item.previous[0]
    if state_of(run.out_dir, old, run.manifest) is FileState.GENERATED:
        output_path(run.out_dir, old).unlink()
        run.report.removed.append(old)
        log.info("%s: removed, the article moved to %s", old, item.rel)
    else:
        log.warning("%s: kept (edited by hand); the article now lives at %s", old, item.rel)
    del run.manifest.files[old]


def announce_discards(run: Run) -> None:
    """--force: list every hand-edited file it is about to overwrite, before writing any."""
    edited = [
        item.rel
        for item in run.planned
        if state_of(run.out_dir, item.rel, run.manifest) is FileState.EDITED
    ]
    if edited:
        log.warning("--force overwrites %d hand-edited file(s): %s", len(edited), ", ".join(edited))


def write_all(run: Run, force: bool) -> None:
    """Write every planned article, then the manifest (only when it changed)."""
    before = dict(run.manifest.files)
    if force:
        announce_discards(run)
    for item in run.planned:
        try:
            write_one(run, item, force)
        except OSError as error:
            run.fail(item.source, SourceError(item.rel, f"cannot write: {error}"))
    announce_recovery(run)
    touched = bool(run.planned)
    if run.manifest.files != before or not (run.out_dir / ".bantin-manifest.json").exists():
        save_manifest(run.out_dir, run.manifest)
        touched = True
    if touched:  # a run that changed nothing has nothing to make durable
        flush_to_disk()
    run.report.written = True


# --- entry points -----------------------------------------------------------------------


def convert_files(
    sources: Sequence[SourceFile],
    root: Path,
    out_dir: Path,
    *,
    force: bool = False,
    keep_going: bool = False,
    converter: Converter | None = None,
    workers: int | None = None,
) -> ConvertReport:
    """Validate everything first, then write (all, or with keep_going the good ones).

    workers: processes for converting (default: one per core; 1 converts in this process).
    """
    forget_resolved()
    refuse_link_out(root, out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise BantinError(f"{out_dir}: is not a folder; move it away (articles are written there)")
    run = Run(root, out_dir, converter or default_converter(), load_manifest(out_dir), force)
    try:
        run.staging.clear_stale()
        plan_all(run, sources, workers)
        check_collisions(run)
        run.report.problems = list(run.problems.items)
        if run.problems and not keep_going:
            log.error("%d problem(s): nothing was written to %s", len(run.problems), out_dir)
            return run.report
        write_all(run, force)
    finally:
        run.staging.discard()
    run.report.problems = list(run.problems.items)
    log.info("%s: %s", out_dir, run.report.summary())
    return run.report


def convert_paths(
    paths: Sequence[Path], root: Path, out_dir: Path, **options: Any
) -> ConvertReport:
    """Files or folders given on the command line."""
    return convert_files(collect(paths, root), root, out_dir, **options)


def convert_sources(
    root: Path,
    out_dir: Path,
    *,
    force: bool = False,
    keep_going: bool = False,
    converter: Converter | None = None,
    workers: int | None = None,
) -> ConvertReport:
    """Every source under root/sources/ into out_dir (what `bantin build` calls)."""
    return convert_files(
        find_sources(root),
        root,
        out_dir,
        force=force,
        keep_going=keep_going,
        converter=converter,
        workers=workers,
    )
