"""One typed schema for an article's front matter, issue YAML files and per-article sidecars.

The same models validate what the converter writes and what an editor reads back, so a
wrong type or an unknown key is caught in both directions.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    model_validator,
)

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=120)]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]

HttpUrl = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
Month = Annotated[int, Field(ge=1, le=12)]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def check_pdf(value: str) -> str:
    """An http(s) URL or a relative path inside the repository: never another scheme."""
    if _SCHEME.match(value):
        if not value.lower().startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL or a path relative to the repository")
        return value
    path = value.split("#", 1)[0].replace("\\", "/")
    if path.startswith("/") or ".." in path.split("/"):
        raise ValueError("a PDF path must be relative and stay inside the repository")
    return value


PdfRef = Annotated[str, StringConstraints(min_length=1), AfterValidator(check_pdf)]

_ISSN = re.compile(r"^\d{4}-\d{3}[\dX]$")
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")


def issn_check_digit(first_seven: str) -> str:
    """The ISSN check digit (ISO 3297): weights 8 to 2, modulo 11, 10 written 'X'."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first_seven[:7], range(8, 1, -1), strict=True)
    )
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def check_issn(value: str) -> str:
    """'NNNN-NNNC' whose last character is the check digit of the seven before it."""
    if not _ISSN.match(value):
        raise ValueError("an ISSN is written NNNN-NNNC, e.g. 1859-4794")
    digits = value.replace("-", "")[:7]
    expected = issn_check_digit(digits)
    if value[-1] != expected:
        raise ValueError(
            f"wrong check digit: {value[-1]!r}, the ISSN would be {value[:8]}{expected}"
        )
    return value


def check_doi(value: str) -> str:
    """A bare DOI ('10.1234/suffix'), not a URL or a 'doi:' name."""
    if not _DOI.match(value):
        raise ValueError(
            "not a DOI: write it bare as 10.NNNN/suffix (e.g. 10.1234/abc.2021.5), "
            "without 'https://doi.org/' or 'doi:' and without spaces"
        )
    return value


Issn = Annotated[str, AfterValidator(check_issn)]
Doi = Annotated[str, AfterValidator(check_doi)]


def is_http_url(value: str) -> bool:
    """True for an http(s) URL (a `pdf:` that links elsewhere rather than to a file)."""
    return value.lower().startswith(("http://", "https://"))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class License(_Strict):
    """The licence the articles are published under: its name ("CC BY 4.0"), its URL, or both.
    Written as a mapping, or as one string (a URL, or else a name)."""

    name: NonEmpty | None = None
    url: HttpUrl | None = None

    @model_validator(mode="after")
    def _named_or_linked(self) -> License:
        if not (self.name or self.url):
            raise ValueError("a licence needs a name or a url")
        return self

    @property
    def label(self) -> str:
        """What a reader is shown: the name, else the URL."""
        return self.name or self.url or ""


#: A licence as written in YAML: a URL or a name alone, or a mapping with both.
LicenseEntry = NonEmpty | License


def parse_license(value: Any) -> License | None:
    """A licence as YAML gives it (mkdocs.yml's `extra.license`); ValueError when it is none."""
    if value is None:
        return None
    try:
        return license_info(TypeAdapter(LicenseEntry).validate_python(value, strict=True))
    except ValidationError as error:
        raise ValueError(error.errors()[0]["msg"]) from error


def license_info(entry: LicenseEntry | None) -> License | None:
    """The licence as a `License`, whichever way it was written (None when there is none)."""
    if entry is None or isinstance(entry, License):
        return entry
    text = entry.strip()
    return License(url=text) if is_http_url(text) and " " not in text else License(name=text)


class AuthorInfo(_Strict):
    """One author as the byline gives them: the name (used for author pages and citations),
    and the rank and degree printed with it; `affiliation` numbers the article's
    `affiliations` the author belongs to (1 is the first)."""

    name: NonEmpty
    rank: NonEmpty | None = None
    degree: NonEmpty | None = None
    affiliation: list[Annotated[int, Field(ge=1, le=99)]] | None = None


#: An author is a name alone, or a name with what the byline says of them.
AuthorEntry = NonEmpty | AuthorInfo


def author_info(entry: AuthorEntry) -> AuthorInfo:
    return entry if isinstance(entry, AuthorInfo) else AuthorInfo(name=entry)


def compact_author(info: AuthorInfo) -> AuthorEntry:
    """A name alone when nothing else is known of the author."""
    extra = info.rank or info.degree or info.affiliation
    return info if extra else info.name


class ContentsEntry(_Strict):
    """What the issue's own table of contents says of an article (kept by `bantin ingest`):
    the title as it writes it, the bylines, and the page it gives."""

    title: NonEmpty
    authors: list[NonEmpty] = Field(default_factory=list)
    page: int | None = Field(default=None, ge=1, le=100_000)
    section: NonEmpty | None = None
    title_en: NonEmpty | None = None


class IssueInfo(_Strict):
    """`issue.yml` beside the sources of one issue: what the text itself does not say."""

    bulletin: NonEmpty | None = None
    issn: Issn | None = None
    #: The ISSN of the electronic edition (`issn` is the print one's).
    eissn: Issn | None = None
    issue: int | None = Field(default=None, ge=1)
    year: int | None = Field(default=None, ge=1900, le=2200)
    issue_date: dt.date | None = None
    #: The month the issue came out, when the cover prints no day (`issue_date` wins).
    issue_month: Month | None = None
    #: Who publishes the bulletin (DC.publisher, RIS PB, BibTeX publisher, JSON-LD).
    publisher: NonEmpty | None = None
    license: LicenseEntry | None = None
    section: NonEmpty | None = None
    pdf: PdfRef | None = None
    running_head: str | None = Field(default=None, pattern=r"^(header|footer)$")
    #: Texts printed in the page margins throughout the issue (found by `bantin ingest`):
    #: wherever an article PDF shows one above or below its text, it is not the article's.
    running_heads: list[NonEmpty] | None = None


class Sidecar(_Strict):
    """`NAME.yml` beside one source: an editor's values, which always win; and, for an
    article cut from an issue, what the issue's contents page says of it (`contents`) and
    which of the articles starting in its PDF it is (`start`, 1 for the first)."""

    title: NonEmpty | None = None
    title_en: NonEmpty | None = None
    authors: list[AuthorEntry] | None = None
    affiliations: list[NonEmpty] | None = None
    keywords: list[NonEmpty] | None = None
    keywords_en: list[NonEmpty] | None = None
    abstract_en: str | None = None
    contents: ContentsEntry | None = None
    start: int | None = Field(default=None, ge=1, le=999)
    pen_names: list[NonEmpty] | None = None
    date: dt.date | None = None
    issue: int | None = Field(default=None, ge=1)
    year: int | None = Field(default=None, ge=1900, le=2200)
    section: NonEmpty | None = None
    pages: list[int] | None = None
    lead: str | None = None
    slug: Slug | None = None
    bulletin: NonEmpty | None = None
    issn: Issn | None = None
    eissn: Issn | None = None
    issue_date: dt.date | None = None
    issue_month: Month | None = None
    publisher: NonEmpty | None = None
    license: LicenseEntry | None = None
    doi: Doi | None = None
    pdf: PdfRef | None = None


class FrontMatter(_Strict):
    """The YAML front matter of one generated article page."""

    title: NonEmpty
    title_en: NonEmpty | None = None
    authors: list[AuthorEntry] = Field(default_factory=list)
    affiliations: list[NonEmpty] = Field(default_factory=list)
    pen_names: list[NonEmpty] = Field(default_factory=list)
    date: dt.date | None = None
    issue: int = Field(ge=1)
    year: int = Field(ge=1900, le=2200)
    section: NonEmpty | None = None
    pages: list[int] = Field(default_factory=list)
    lead: str = ""
    abstract_en: str = ""
    keywords: list[NonEmpty] = Field(default_factory=list)
    keywords_en: list[NonEmpty] = Field(default_factory=list)
    slug: Slug
    source: NonEmpty
    source_sha256: Sha256
    converter: NonEmpty
    bulletin: NonEmpty | None = None
    issn: Issn | None = None
    eissn: Issn | None = None
    issue_date: dt.date | None = None
    issue_month: Month | None = None
    publisher: NonEmpty | None = None
    license: LicenseEntry | None = None
    doi: Doi | None = None
    pdf: PdfRef | None = None

    confidence: float | None = Field(default=None, ge=0, le=1)
    review: list[NonEmpty] = Field(default_factory=list)

    @model_validator(mode="after")
    def _affiliations_exist(self) -> FrontMatter:
        for info in self.author_info:
            for number in info.affiliation or []:
                if number > len(self.affiliations):
                    raise ValueError(
                        f"author {info.name!r}: affiliation {number} is not in 'affiliations' "
                        f"(which has {len(self.affiliations)})"
                    )
        return self

    @property
    def published(self) -> tuple[int, ...]:
        """When the article was published, as precisely as known: its issue's date, else the
        issue's month and year, else the year. The article's own `date` is the day it tells
        of (a conference, a dateline), never its publication date."""
        if self.issue_date is not None:
            return (self.issue_date.year, self.issue_date.month, self.issue_date.day)
        if self.issue_month is not None:
            return (self.year, self.issue_month)
        return (self.year,)

    @property
    def published_day(self) -> dt.date:
        """The first day the article can have been published (for feeds and sort orders)."""
        parts = (*self.published, 1, 1)
        return dt.date(parts[0], parts[1], parts[2])

    @property
    def license_info(self) -> License | None:
        return license_info(self.license)

    @property
    def author_info(self) -> list[AuthorInfo]:
        return [author_info(entry) for entry in self.authors]

    @property
    def author_names(self) -> list[str]:
        """The authors' names: what author pages, search and citations use."""
        return [author_info(entry).name for entry in self.authors]

    def institutions(self, info: AuthorInfo) -> list[str]:
        """The affiliations of one author: those its numbers name, else the only one."""
        if info.affiliation:
            return [self.affiliations[number - 1] for number in info.affiliation]
        return list(self.affiliations) if len(self.affiliations) == 1 else []

    def to_yaml_dict(self) -> dict[str, Any]:
        """Plain values in schema order, without empty optional fields."""
        data = self.model_dump(mode="python", exclude_none=True)
        return {k: v for k, v in data.items() if v not in ([], "") or k in ("authors", "lead")}
