"""Which PDF an article page offers, and as what.

- An article's own PDF (what `bantin ingest` cuts out of an issue and names in the article's
  sidecar as `pdf:`, or an article PDF converted as the source) is its full text: the page
  links it ("Bản PDF"), and names it in `citation_pdf_url` and in
  `<link rel="alternate" type="application/pdf">`, so Zotero and Google Scholar take it as the
  article's PDF.
- An http(s) `pdf:` is a PDF published elsewhere: linked and cited the same way, not copied.
- The whole issue's PDF (the `pdf:` of issue.yml that every article inherits, a file named
  `issue.pdf`, or any `pdf:` pointing at a page of a larger file with `#page=N`) is linked
  as the issue's PDF at the article's page, but never cited as the article's full text: a
  reference manager would attach the whole issue to the article.

A `pdf:` naming a file that does not exist stops the build with an error naming the file that
says so (the sidecar, issue.yml or the article's front matter) and its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bantin.exceptions import BuildError, MetadataError, Problem, Problems
from bantin.metadata import IssueInfo, Sidecar, is_http_url
from bantin.site import urls
from bantin.site.exports import Folder, refuse_links_out_of_sources
from bantin.site.pages import GeneratedFile
from bantin.sources import ISSUE_FILE, ISSUE_PDF, PDF_MAGIC, SIDECAR_SUFFIX
from bantin.yamlio import key_lines, read_model

_PAGE = re.compile(r"page=\d+")


@dataclass(frozen=True)
class ArticlePdf:
    """The PDF an article page links: `href` is a site path (its copy, relative to the site
    root, `#page=N` kept) or an absolute http(s) URL."""

    href: str
    own: bool  # the article's own PDF: cited as its full text
    external: bool = False
    copy: GeneratedFile | None = None


def fragment(pdf: str) -> str:
    """The `#page=N` part of a `pdf:` value, kept on the link (any other fragment is not)."""
    _, sep, rest = pdf.partition("#")
    return sep + rest if _PAGE.fullmatch(rest) else ""


def file_part(pdf: str) -> str:
    return pdf.split("#", 1)[0]


class PdfFinder:
    """Finds each article's PDF; reads each issue.yml and sidecar once, and collects every
    missing file so one build reports all of them."""

    def __init__(self, root: Folder) -> None:
        self.root = root
        self.problems = Problems()
        self._issue_pdfs: dict[str, str | None] = {}

    def find(self, entry: urls.Entry, source: GeneratedFile) -> ArticlePdf | None:
        """The PDF of one article whose source copy is `source` (None: no PDF at all)."""
        front = entry.front
        value = front.pdf
        source_is_pdf = front.source.endswith(".pdf")
        own_source = ArticlePdf(source.path, own=True) if source_is_pdf else None
        if not value:
            return own_source
        if is_http_url(value):
            whole = bool(fragment(value))
            if whole and own_source is not None:
                return own_source
            return ArticlePdf(value, own=not whole, external=True)
        whole = self.is_issue_pdf(front.source, value)
        if whole and own_source is not None:
            return own_source  # the issue's PDF inherited by an article PDF: the article's own
        path = self.root.path(file_part(value))
        if not path.is_file():
            self._missing(entry, value)
            return own_source
        refuse_links_out_of_sources(entry, self.root, path, f"pdf: {value!r}")
        content = path.read_bytes()
        if not content.startswith(PDF_MAGIC):
            raise BuildError(
                f"docs/{entry.path}: pdf: {value!r} is not a PDF file (it does not start with "
                "%PDF); only PDF files are published as an article's PDF"
            )
        copy = GeneratedFile(urls.source_copy_url(file_part(value)), content)
        return ArticlePdf(copy.path + fragment(value), own=not whole, copy=copy)

    def is_issue_pdf(self, source: str, value: str) -> bool:
        """The whole issue's PDF rather than one article's."""
        if fragment(value) or PurePosixPath(file_part(value)).name == ISSUE_PDF:
            return True
        return self._issue_pdf(source) == value

    def _issue_pdf(self, source: str) -> str | None:
        folder = str(PurePosixPath(source).parent)
        if folder not in self._issue_pdfs:
            self._issue_pdfs[folder] = self._read_issue_pdf(folder)
        return self._issue_pdfs[folder]

    def _read_issue_pdf(self, folder: str) -> str | None:
        path = self.root.root / folder / ISSUE_FILE
        if not path.is_file():
            return None
        try:
            return read_model(IssueInfo, path).pdf
        except MetadataError:
            return None  # reported by the conversion, which reads it for every article

    def _missing(self, entry: urls.Entry, value: str) -> None:
        where, line = self.origin(entry, value)
        message = (
            f"pdf: {value!r} names no file ({file_part(value)} does not exist); put the PDF "
            "there, correct the path, or remove the pdf: line"
        )
        self.problems.add(Problem(where, message, line))

    def origin(self, entry: urls.Entry, value: str) -> tuple[str, int | None]:
        """The file whose `pdf:` gave the article this value, and the line: its sidecar, its
        issue.yml, else the article's own front matter in docs/."""
        source = PurePosixPath(entry.front.source)
        sidecar = str(source.with_suffix(SIDECAR_SUFFIX))
        if self._pdf_in(sidecar, Sidecar) == value:
            return sidecar, self._line(sidecar)
        issue = str(source.parent / ISSUE_FILE)
        if self._pdf_in(issue, IssueInfo) == value:
            return issue, self._line(issue)
        article = "docs/" + PurePosixPath(str(entry.path)).as_posix()
        return article, self._line(article)

    def _pdf_in(self, relative: str, model: type[Sidecar] | type[IssueInfo]) -> str | None:
        path = self.root.root / relative
        if not path.is_file():
            return None
        try:
            return read_model(model, path).pdf
        except MetadataError:
            return None

    def _line(self, relative: str) -> int | None:
        path: Path = self.root.root / relative
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        if text.startswith("---\n"):  # an article: the front matter is the first document
            head = text[4:].split("\n---\n", 1)[0]
            found = key_lines(head).get("pdf")
            return found + 1 if found else None
        return key_lines(text).get("pdf")
