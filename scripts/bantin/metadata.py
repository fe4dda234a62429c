"""One typed schema for an article's front matter, issue YAML files and per-article sidecars.

The same models validate what the converter writes and what an editor reads back, so a
wrong type or an unknown key is caught in both directions.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=120)]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]

Issn = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{3}[\dX]$")]

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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class IssueInfo(_Strict):
    """`issue.yml` beside the sources of one issue: what the text itself does not say."""

    bulletin: NonEmpty | None = None
    issn: Issn | None = None
    issue: int | None = Field(default=None, ge=1)
    year: int | None = Field(default=None, ge=1900, le=2200)
    issue_date: dt.date | None = None
    section: NonEmpty | None = None
    pdf: PdfRef | None = None
    running_head: str | None = Field(default=None, pattern=r"^(header|footer)$")


class Sidecar(_Strict):
    """`NAME.yml` beside one source: an editor's values, which always win."""

    title: NonEmpty | None = None
    authors: list[NonEmpty] | None = None
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
    issue_date: dt.date | None = None
    pdf: PdfRef | None = None


class FrontMatter(_Strict):
    """The YAML front matter of one generated article page."""

    title: NonEmpty
    authors: list[NonEmpty] = Field(default_factory=list)
    pen_names: list[NonEmpty] = Field(default_factory=list)
    date: dt.date | None = None
    issue: int = Field(ge=1)
    year: int = Field(ge=1900, le=2200)
    section: NonEmpty | None = None
    pages: list[int] = Field(default_factory=list)
    lead: str = ""
    slug: Slug
    source: NonEmpty
    source_sha256: Sha256
    converter: NonEmpty
    bulletin: NonEmpty | None = None
    issn: Issn | None = None
    issue_date: dt.date | None = None
    pdf: PdfRef | None = None

    def to_yaml_dict(self) -> dict[str, Any]:
        """Plain values in schema order, without empty optional fields."""
        data = self.model_dump(mode="python", exclude_none=True)
        return {k: v for k, v in data.items() if v != [] or k == "authors"}
