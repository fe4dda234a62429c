"""`bantin serve --watch`: a save rebuilds the site incrementally and the pages reload; a failed
rebuild keeps the last good site served and shows the error; the reload script is added to
the pages as they are served, never to the files of site/."""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bantin.commands.serve import (
    STATUS_PATH,
    LiveState,
    Rebuilds,
    make_server,
    watch,
)
from test_incremental import articles, build, make_archive, sources

WAIT_S = 300  # the longest a rebuild may take on a busy machine before the test gives up


@dataclass
class Served:
    root: Path
    url: str
    live: LiveState
    rebuilds: Rebuilds

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path) as response:
            return str(response.read().decode("utf-8"))

    def status(self) -> dict[str, object]:
        data: dict[str, object] = json.loads(self.get(STATUS_PATH.lstrip("/")))
        return data

    def wait_for(self, done: object) -> dict[str, object]:
        """Poll the status the way the page's script does, until `done(status)`."""
        give_up = time.monotonic() + WAIT_S
        while time.monotonic() < give_up:
            status = self.status()
            if done(status):  # type: ignore[operator]
                return status
            time.sleep(0.2)
        raise AssertionError(f"no rebuild within {WAIT_S} s: {self.status()}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    root = make_archive(tmp_path / "archive")
    build(root)
    live = LiveState()
    server = make_server(root / "site", "127.0.0.1", 0, live)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    rebuilds = Rebuilds(root, live)
    rebuilds.start()
    observer = watch(root, rebuilds)
    host, port = server.server_address[:2]
    try:
        yield Served(root, f"http://{host!s}:{port}/", live, rebuilds)
    finally:
        observer.stop()
        observer.join()
        rebuilds.stop()
        server.shutdown()
        server.server_close()


def article_url(root: Path) -> str:
    return articles(root)[0].relative_to(root / "docs").with_suffix("").as_posix() + "/"


def test_a_save_rebuilds_and_the_page_reloads(served: Served) -> None:
    url = article_url(served.root)
    page = served.get(url)
    assert STATUS_PATH in page, "the reload script is in the served page"
    assert STATUS_PATH not in (served.root / "site" / url / "index.html").read_text("utf-8")
    article = articles(served.root)[0]
    before = article.read_text("utf-8")
    text = re.sub(r"(?m)^lead: .*$", "lead: Tóm tắt sửa khi đang xem.", before, count=1)
    assert text != before
    article.write_text(text, encoding="utf-8")
    served.wait_for(lambda s: s["build"] == 1)
    assert "Tóm tắt sửa khi đang xem." in served.get(url)
    assert STATUS_PATH not in (served.root / "site" / url / "index.html").read_text("utf-8")


def test_a_failed_rebuild_keeps_the_last_good_site_and_shows_why(served: Served) -> None:
    url = article_url(served.root)
    before = served.get(url)
    config = served.root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\ntheme: [khong-hop-le\n", "utf-8")
    status = served.wait_for(lambda s: s["error"])
    assert "mkdocs.yml" in str(status["error"])
    assert status["build"] == 0
    assert served.get(url) == before
    config.write_text(config.read_text("utf-8").replace("\ntheme: [khong-hop-le\n", ""), "utf-8")
    served.wait_for(lambda s: s["build"] == 1 and not s["error"])


def test_only_an_editor_s_inputs_start_a_build(tmp_path: Path) -> None:
    root = make_archive(tmp_path)
    build(root)
    rebuilds = Rebuilds(root, LiveState())
    generated = next(iter(rebuilds.generated))
    assert rebuilds.saved(str(sources(root)[0]))
    assert rebuilds.saved(str(sources(root)[0].with_suffix(".yml")))
    assert rebuilds.saved(str(articles(root)[0]))
    assert rebuilds.saved(str(root / "mkdocs.yml"))
    assert rebuilds.saved(str(root / "overrides/main.html"))
    assert not rebuilds.saved(str(root / "docs" / generated))
    assert not rebuilds.saved(str(root / "docs/.bantin-pages.json"))
    assert not rebuilds.saved(str(root / "site/index.html"))
    assert not rebuilds.saved(str(root / ".site-build-x/index.html"))
    assert not rebuilds.saved(str(root / ".cache/build/state.json"))
    assert not rebuilds.saved(str(root / "README.md"))


def test_missing_pages_still_get_the_404_page(served: Served) -> None:
    with pytest.raises(urllib.error.HTTPError) as error:
        served.get("khong-co-trang-nay/")
    assert error.value.code == 404
