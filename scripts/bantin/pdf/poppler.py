"""poppler's command-line tools, the only programs the PDF route runs (never a shell).

`pdftotext -bbox-layout` gives every word with its box, grouped into flows, blocks and lines in
poppler's reading order; `pdftohtml -xml` gives the font (name, size, colour, weight) of every
span of text and where the images are. Both read the same page coordinates (points, origin at
the top left).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from bantin.exceptions import SourceError

#: pdftohtml writes coordinates and font sizes as integers at its zoom; 3, the largest it
#: takes, keeps a third of a point.
ZOOM = 3


def tool(name: str, pdf: Path | str) -> str:
    """The path of a poppler tool; an error naming the PDF when poppler is missing."""
    found = shutil.which(name)
    if found is None:
        raise SourceError(pdf, f"{name} not found: install poppler-utils")
    return found


def run(command: list[str], pdf: Path | str, cwd: str | None = None) -> str:
    """Run a poppler tool on one PDF; its UTF-8 output, or an error naming the PDF."""
    result = subprocess.run(command, capture_output=True, check=False, cwd=cwd)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip() or _why_unreadable(Path(pdf))
        raise SourceError(pdf, f"{Path(command[0]).name} failed: {message.splitlines()[-1]}")
    return result.stdout.decode("utf-8", "replace")


def _why_unreadable(pdf: Path) -> str:
    """What is wrong with a file poppler could not read, as far as its first bytes tell."""
    try:
        with pdf.open("rb") as file:
            start = file.read(1024)
    except OSError as error:
        return f"cannot read the file: {error.strerror or error}"
    if not start:
        return "empty file: no PDF in it (was the download cut short?)"
    if b"%PDF-" not in start:
        return "not a PDF: the file does not start with %PDF (a web page or another format?)"
    if _needs_password(pdf):
        return (
            "the PDF needs a password to be opened: ask for a copy without one, or remove it"
            " with the password (qpdf --decrypt --password=... IN OUT)"
        )
    return "damaged PDF: poppler could not read its structure (try re-saving it, or qpdf)"


def _needs_password(pdf: Path) -> bool:
    """Whether the PDF is encrypted with a password to open it (pikepdf, which reads the
    structure on its own, says so where poppler, told to be quiet, said nothing)."""
    import pikepdf

    try:
        with pikepdf.open(pdf):
            return False
    except pikepdf.PasswordError:
        return True
    except (pikepdf.PdfError, OSError, ValueError):
        return False


def bbox_layout(
    pdf: Path, first: int | None = None, last: int | None = None, *, source: Path | None = None
) -> str:
    """`pdftotext -bbox-layout`: XHTML of pages, flows, blocks, lines and words with boxes.
    Errors name `source`, the editor's file, when `pdf` is a scratch copy of it."""
    named = source or pdf
    command = [tool("pdftotext", named), "-bbox-layout", "-q", *_range(first, last)]
    return run([*command, str(pdf.resolve()), "-"], named)


def fonts_xml(
    pdf: Path, first: int | None = None, last: int | None = None, *, source: Path | None = None
) -> str:
    """`pdftohtml -xml` at `ZOOM`: spans of text with their fonts, and the images' boxes
    (the images themselves are written to a scratch folder and thrown away)."""
    named = source or pdf
    with tempfile.TemporaryDirectory(prefix="bantin-pdf-") as scratch:
        command = [tool("pdftohtml", named), "-xml", "-stdout", "-q", "-nodrm", "-fontfullname"]
        command += ["-zoom", str(ZOOM), *_range(first, last), str(pdf.resolve())]
        return run([*command, str(Path(scratch) / "page")], named, cwd=scratch)


def _range(first: int | None, last: int | None) -> list[str]:
    return [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
