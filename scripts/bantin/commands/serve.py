"""`bantin serve`: serve site/ locally (building it first when it is missing)."""

from __future__ import annotations

import argparse
import functools
import logging
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bantin.site.build import SITE_NAME, BuildOptions, build_site

log = logging.getLogger("bantin")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files, with the site's own Vietnamese 404 page."""

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
