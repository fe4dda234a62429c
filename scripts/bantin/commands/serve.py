"""`bantin serve`: serve site/ locally (building it first when it is missing)."""

from __future__ import annotations

import argparse
import functools
import logging
import os
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath

from bantin.site.build import SITE_NAME, BuildOptions, build_site

log = logging.getLogger("bantin")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")


#: Types the standard library does not know, or gives without the charset of the archive's
#: files (all UTF-8): citation downloads as reference managers expect them.
CONTENT_TYPES = {
    ".ris": "application/x-research-info-systems; charset=utf-8",
    ".bib": "application/x-bibtex; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",  # the sitemap and the Atom feeds
}
#: Text types not listed above are sent with this charset.
TEXT_CHARSET = "utf-8"


def content_type(path: str, guessed: str) -> str:
    """The Content-Type of a file of the site: ours for the types above, else the guessed
    one, with a charset for text."""
    suffix = PurePosixPath(path).suffix.lower()
    if suffix in CONTENT_TYPES:
        return CONTENT_TYPES[suffix]
    if guessed.startswith("text/") and "charset=" not in guessed:
        return f"{guessed}; charset={TEXT_CHARSET}"
    return guessed


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files, with the site's own Vietnamese 404 page and the content types of
    `content_type`."""

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return content_type(os.fspath(path), super().guess_type(path))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(str(self.directory)) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def make_server(site: Path, host: str, port: int) -> ThreadingHTTPServer:
    handler = functools.partial(SiteHandler, directory=str(site))
    return ThreadingHTTPServer((host, port), handler)


def run(args: argparse.Namespace) -> int:
    site = args.root / SITE_NAME
    if not (site / "index.html").is_file():
        log.info("%s: no built site yet, building it first", site)
        build_site(BuildOptions(root=args.root))
    server = make_server(site, args.host, args.port)
    host, port = server.server_address[:2]
    print(f"Đang phục vụ {site} tại http://{host!s}:{port}/ (Ctrl+C để dừng)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
