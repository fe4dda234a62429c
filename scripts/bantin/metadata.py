"""One typed schema for an article's front matter, issue YAML files and per-article sidecars.

The same models validate what the converter writes and what an editor reads back, so a
wrong type or an unknown key is caught in both directions.
"""

from __future__ import annotations

import datetime as dt
import itertools
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

from bantin.slug import is_reserved


def check_slug(value: str) -> str:
    """No slug may take the name of a page or folder the site generates."""
    if is_reserved(value):
        raise ValueError(
            f"slug {value!r} is reserved (the site generates a page or folder of that name); "
            "choose another"
        )
    return value


Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=120),
    AfterValidator(check_slug),
]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]

HttpUrl = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
Month = Annotated[int, Field(ge=1, le=12)]

#: Characters no title or name needs and that can disguise one: bidirectional embeddings,
#: overrides and isolates (U+202A-U+202E, U+2066-U+2069), marks (U+200E, U+200F, U+061C),
#: zero-width space, non-joiner and joiner (U+200B-U+200D), word joiner (U+2060) and the
#: byte order mark (U+FEFF). Vietnamese never needs U+200C/U+200D (scripts such as Persian
#: or Devanagari do, but the archive's metadata is Vietnamese and English): they are removed
#: from metadata, with a warning naming the file.
INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u061c]")

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def check_pdf(value: str) -> str:
    """An http(s) URL, or the path of a PDF file under sources/ (what may be published as an
    article's PDF): never another scheme, never any other file of the repository."""
    if _SCHEME.match(value):
        if not value.lower().startswith(("http://", "https://")):
            raise ValueError(
                f"{value!r}: must be an http(s) URL or the path of a PDF file under sources/"
            )
        return value
    path = value.split("#", 1)[0]
    parts = path.split("/")
    if (
        parts[0] != "sources"
        or len(parts) < 2
        or "\\" in path
        or any(part in ("", ".", "..") for part in parts)
        or not path.lower().endswith(".pdf")
    ):
        raise ValueError(
            f"{value!r}: only a PDF file under sources/ (sources/.../NAME.pdf) or an http(s) "
            "URL may be published as an article's PDF"
        )
    return value


def check_path_text(value: str) -> str:
    """A path written in front matter: one line, no control characters (it becomes a line of
    published-urls.txt)."""
    if _CONTROL.search(value):
        raise ValueError(f"{value!r} holds a control character")
    return value


#: C0 and C1 control characters and DEL (U+0000-U+001F, U+007F-U+009F).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


SourcePath = Annotated[str, StringConstraints(min_length=1), AfterValidator(check_path_text)]

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


#: A date of the archive: refused at validation outside these years (a typo such as 0202 or
#: 2201 would otherwise stop MkDocs or a feed with no file named).
Date = Annotated[dt.date, Field(ge=dt.date(1000, 1, 1), le=dt.date(2100, 12, 31))]
PAGE_MAX = 100_000
Page = Annotated[int, Field(ge=1, le=PAGE_MAX)]


def check_pages(value: list[int] | None) -> list[int] | None:
    """Pages in print order: the first never after the last."""
    if value and any(later < earlier for earlier, later in itertools.pairwise(value)):
        raise ValueError(f"pages {value} go backwards; write them first to last ([8, 9])")
    return value


Pages = Annotated[list[Page], AfterValidator(check_pages)]


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


class BodyTypeInfo(_Strict):
    """The type the issue's running text is set in, as `bantin ingest` measured it on the whole
    issue: each article PDF cut from it is read against it (a page of small print alone would
    take its small print for the body)."""

    font: NonEmpty
    size: float = Field(gt=0, le=100)


class IssueInfo(_Strict):
    """`issue.yml` beside the sources of one issue: what the text itself does not say."""

    bulletin: NonEmpty | None = None
    issn: Issn | None = None
    #: The ISSN of the electronic edition (`issn` is the print one's).
    eissn: Issn | None = None
    issue: int | None = Field(default=None, ge=1)
    year: int | None = Field(default=None, ge=1900, le=2200)
    issue_date: Date | None = None
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
    body_type: BodyTypeInfo | None = None


class Sidecar(_Strict):
    """`NAME.yml` beside one source: an editor's values, which always win; and, for an
    article cut from an issue, what the issue's contents page says of it (`contents`) and
    which of the articles starting in its PDF it is (`start`, 1 for the first), the words it
    opens with and those the next article on its pages opens with (`opens`, `until`: where
    to cut it when its PDF read alone shows no article starting there)."""

    title: NonEmpty | None = None
    title_en: NonEmpty | None = None
    authors: list[AuthorEntry] | None = None
    affiliations: list[NonEmpty] | None = None
    keywords: list[NonEmpty] | None = None
    keywords_en: list[NonEmpty] | None = None
    abstract_en: str | None = None
    contents: ContentsEntry | None = None
    start: int | None = Field(default=None, ge=1, le=999)
    opens: NonEmpty | None = None
    until: NonEmpty | None = None
    pen_names: list[NonEmpty] | None = None
    date: Date | None = None
    issue: int | None = Field(default=None, ge=1)
    year: int | None = Field(default=None, ge=1900, le=2200)
    section: NonEmpty | None = None
    pages: Pages | None = None
    lead: str | None = None
    slug: Slug | None = None
    bulletin: NonEmpty | None = None
    issn: Issn | None = None
    eissn: Issn | None = None
    issue_date: Date | None = None
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
    date: Date | None = None
    issue: int = Field(ge=1)
    year: int = Field(ge=1900, le=2200)
    section: NonEmpty | None = None
    pages: Pages = Field(default_factory=list)
    lead: str = ""
    abstract_en: str = ""
    keywords: list[NonEmpty] = Field(default_factory=list)
    keywords_en: list[NonEmpty] = Field(default_factory=list)
    slug: Slug
    source: SourcePath
    source_sha256: Sha256
    converter: NonEmpty
    bulletin: NonEmpty | None = None
    issn: Issn | None = None
    eissn: Issn | None = None
    issue_date: Date | None = None
    issue_month: Month | None = None
    publisher: NonEmpty | None = None
    license: LicenseEntry | None = None
    doi: Doi | None = None
    pdf: PdfRef | None = None

    confidence: float | None = Field(default=None, ge=0, le=1)
    review: list[NonEmpty] = Field(default_factory=list)

    @model_validator(mode="after")
    def _affiliations_exist(self) -> FrontMatter:
        # A name alone has no affiliation: no AuthorInfo is made for it (this runs for every
        # article the catalogue reads, from its cache too).
        for info in self.authors:
            if isinstance(info, str):
                continue
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
        """The authors' names: what author pages, search and citations use (a name alone is
        its own name: no AuthorInfo is made for it, as every page of the archive asks)."""
        return [entry if isinstance(entry, str) else entry.name for entry in self.authors]

    def institutions(self, info: AuthorInfo) -> list[str]:
        """The affiliations of one author: those its numbers name, else the only one."""
        if info.affiliation:
            return [self.affiliations[number - 1] for number in info.affiliation]
        return list(self.affiliations) if len(self.affiliations) == 1 else []

    def to_yaml_dict(self) -> dict[str, Any]:
        """Plain values in schema order, without empty optional fields."""
        data = self.model_dump(mode="python", exclude_none=True)
        return {k: v for k, v in data.items() if v not in ([], "") or k in ("authors", "lead")}


def strip_invisible(text: str) -> str:
    """`text` without the characters of INVISIBLE_RE."""
    return INVISIBLE_RE.sub("", text) if INVISIBLE_RE.search(text) else text


def _has_invisible(value: Any) -> bool:
    if isinstance(value, str):
        return INVISIBLE_RE.search(value) is not None
    if isinstance(value, dict):
        return any(_has_invisible(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_invisible(item) for item in value)
    return False


def _without_invisible(value: Any) -> Any:
    if isinstance(value, str):
        return strip_invisible(value)
    if isinstance(value, dict):
        return {key: _without_invisible(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_invisible(item) for item in value]
    return value


def clean_front(front: FrontMatter) -> tuple[FrontMatter, list[str]]:
    """The front matter without bidirectional or zero-width characters, and the fields that
    held some (ValueError when a field is left empty)."""
    data = front.model_dump(mode="python", exclude_none=True)
    fields = [key for key, value in data.items() if _has_invisible(value)]
    if not fields:
        return front, []
    return FrontMatter.model_validate(_without_invisible(data)), fields
