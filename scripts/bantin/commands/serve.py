"""`bantin serve`: serve site/ locally (building it first when it is missing).

With `--watch`, every save under docs/, sources/ (sidecars and issue.yml included), overrides/
or of mkdocs.yml starts an incremental `bantin build` in a separate process, and the pages
reload in the browser once it has published: a small script, added to each HTML page as it
is served (never to the files of site/), asks `/__bantin__/status` for the build number. A
failed build leaves the last good site served; the script shows the error over the page.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from typing import Any

from bantin.site.build import SITE_NAME, BuildOptions, build_site

log = logging.getLogger("bantin")

STATUS_PATH = "/__bantin__/status"
#: What a save sets off: these folders and files of the project root.
WATCHED = ("docs", "sources", "overrides", "mkdocs.yml")
#: Seconds of quiet after the last save before the build starts (an editor saves in bursts).
QUIET_S = 0.3
RELOAD_SCRIPT = """<script>
(function () {
  var seen = null;
  function show(error) {
    var box = document.getElementById("bantin-build-error");
    if (!error) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("pre");
      box.id = "bantin-build-error";
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;" +
        "margin:0;padding:1em;background:#fff0f0;color:#900;border-top:3px solid #900;z-index:9999";
      document.body.appendChild(box);
    }
    box.textContent = "bantin build failed; still showing the last good site:\\n\\n" + error;
  }
  function poll() {
    fetch("STATUS", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.build !== seen) { location.reload(); return; }
      seen = s.build;
      show(s.error);
    }).catch(function () {}).then(function () { setTimeout(poll, 700); });
  }
  poll();
})();
</script>
""".replace("STATUS", STATUS_PATH)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument(
        "--watch",
        action="store_true",
        help="rebuild on every save (incrementally) and reload the pages in the browser",
    )


@dataclass
class LiveState:
    """The watched build: how many have published, and the last failure (empty: none)."""

    build: int = 0
    error: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def as_json(self) -> bytes:
        with self.lock:
            return json.dumps({"build": self.build, "error": self.error}).encode("utf-8")

    def published(self) -> None:
        with self.lock:
            self.build += 1
            self.error = ""

    def failed(self, error: str) -> None:
        with self.lock:
            self.error = error


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
    `content_type`; with a LiveState, the status endpoint and the reload script in every
    HTML page."""

    live: LiveState | None = None

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return content_type(os.fspath(path), super().guess_type(path))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(str(self.directory)) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        self.send_body(code, "text/html; charset=utf-8", self.with_script(page.read_bytes()))

    def send_body(self, code: int, kind: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if self.live is not None:
            self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def with_script(self, body: bytes) -> bytes:
        if self.live is None:
            return body
        script = RELOAD_SCRIPT.encode("utf-8")
        at = body.rfind(b"</body>")
        return body[:at] + script + body[at:] if at >= 0 else body + script

    def do_GET(self) -> None:
        if self.live is None:
            super().do_GET()
            return
        if self.path.split("?", 1)[0] == STATUS_PATH:
            self.send_body(HTTPStatus.OK, "application/json", self.live.as_json())
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                super().do_GET()  # the redirect to the folder's URL with a slash
                return
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            body = self.with_script(path.read_bytes())
            self.send_body(HTTPStatus.OK, "text/html; charset=utf-8", body)
            return
        super().do_GET()


def make_server(
    site: Path, host: str, port: int, live: LiveState | None = None
) -> ThreadingHTTPServer:
    handler_class = type("Handler", (SiteHandler,), {"live": live})
    handler = functools.partial(handler_class, directory=str(site))
    return ThreadingHTTPServer((host, port), handler)


class Rebuilds:
    """Runs `bantin build` in its own process after each burst of saves, one at a time."""

    def __init__(self, root: Path, live: LiveState, command: list[str] | None = None) -> None:
        self.root = root
        self.live = live
        self.command = command or [sys.executable, "-m", "bantin", "build", "--root", str(root)]
        self.wanted = threading.Event()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.loop, name="bantin-rebuild", daemon=True)
        self.generated = self.read_generated()

    def read_generated(self) -> set[str]:
        """What the build writes into docs/ (listed there by the last build)."""
        from bantin.site.generate import previous_list

        return {name for name in previous_list(self.root / "docs") if name}

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopped.set()
        self.wanted.set()
        self.thread.join()

    def saved(self, path: str) -> bool:
        """A file changed: whether it is an editor's input (then a build is due). Hidden
        files and what the build writes into docs/ are not."""
        try:
            parts = Path(path).relative_to(self.root).parts
        except ValueError:
            return False
        if not parts or any(part.startswith(".") for part in parts):
            return False
        if parts[0] not in WATCHED or (parts[0] == "mkdocs.yml") != (len(parts) == 1):
            return False
        if parts[0] == "docs" and "/".join(parts[1:]) in self.generated:
            return False
        log.debug("%s changed: rebuilding", path)
        self.wanted.set()
        return True

    def loop(self) -> None:
        while not self.stopped.is_set():
            self.wanted.wait()
            if self.stopped.is_set():
                return
            while self.wanted.is_set():  # wait for the burst of saves to end
                self.wanted.clear()
                self.stopped.wait(QUIET_S)
            self.run_once()

    def run_once(self) -> bool:
        print("bantin serve: đang dựng lại (rebuilding)…", file=sys.stderr, flush=True)
        done = subprocess.run(self.command, capture_output=True, text=True, check=False)
        sys.stderr.write(done.stderr)
        self.generated = self.read_generated()
        if done.returncode == 0:
            self.live.published()
            print("bantin serve: đã dựng lại (rebuilt)", file=sys.stderr, flush=True)
            return True
        lines = [line for line in done.stderr.splitlines() if not line.startswith(("…", "✓"))]
        self.live.failed("\n".join(lines[-40:]) or f"exit status {done.returncode}")
        return False


def watch(root: Path, rebuilds: Rebuilds) -> Any:
    """Start watching the project's inputs; returns the observer (stop() and join() it)."""
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    class Saved(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            # A folder's own events come with its files' (and the build writes files in
            # docs/ folders); opening and reading change nothing.
            if event.is_directory or event.event_type in ("opened", "closed_no_write"):
                return
            rebuilds.saved(str(event.src_path))
            if getattr(event, "dest_path", ""):  # a file moved into place (editors save so)
                rebuilds.saved(str(event.dest_path))

    observer = Observer()
    for name in WATCHED:
        path = root / name
        if path.is_dir():
            observer.schedule(Saved(), str(path), recursive=True)
        elif path.is_file():
            observer.schedule(Saved(), str(root), recursive=False)
    observer.start()
    return observer


def run(args: argparse.Namespace) -> int:
    site = args.root / SITE_NAME
    if not (site / "index.html").is_file():
        log.info("%s: no built site yet, building it first", site)
        build_site(BuildOptions(root=args.root))
    live = LiveState() if args.watch else None
    server = make_server(site, args.host, args.port, live)
    host, port = server.server_address[:2]
    print(f"Đang phục vụ {site} tại http://{host!s}:{port}/ (Ctrl+C để dừng)", flush=True)
    observer, rebuilds = None, None
    if live is not None:
        rebuilds = Rebuilds(args.root.resolve(), live)
        rebuilds.start()
        observer = watch(args.root.resolve(), rebuilds)
        print("Theo dõi docs/, sources/, overrides/, mkdocs.yml (watching)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if observer is not None:
            observer.stop()
            observer.join()
        if rebuilds is not None:
            rebuilds.stop()
    return 0
