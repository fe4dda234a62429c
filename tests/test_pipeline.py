"""The incremental pipeline: merge order, frozen slugs and anchors, editors' work kept,
every problem of a run listed, nothing half-written, byte-identical output."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from bantin.bylines import Author
from bantin.exceptions import SourceError
from bantin.markdown import read_article
from bantin.model import Article, Block, BlockKind
from bantin.pipeline import Converter, convert_sources
from bantin.store import MANIFEST_NAME, load_manifest


def fake_read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(path, "not UTF-8 text") from error


def fake_convert(text: str, path: Path) -> Article:
    """First line: title; '## ' heading; '! ' figure; other lines: paragraphs."""
    lines = text.split("\n")
    blocks = []
    for line in lines[1:]:
        if line.startswith("## "):
            blocks.append(Block(BlockKind.HEADING, line[3:]))
        elif line.startswith("! "):
            blocks.append(Block(BlockKind.FIGURE, line[2:]))
        elif line.strip():
            blocks.append(Block(BlockKind.PARAGRAPH, line))
    return Article(title=lines[0].strip(), authors=[Author("Hải Hằng")], blocks=blocks, pages=[8])


FAKE = Converter(fake_read, fake_convert, "9.9.9")
ISSUE = "bulletin: Bản tin thử\nissue: 5\nyear: 2021\n"


def make_root(tmp_path: Path, articles: dict[str, str], issue: str = ISSUE) -> Path:
    folder = tmp_path / "sources" / "2021" / "05"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "issue.yml").write_text(issue, encoding="utf-8")
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return tmp_path


def run(root: Path, **options: bool):  # type: ignore[no-untyped-def]
    return convert_sources(root, root / "docs", converter=FAKE, **options)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


TWO = {
    "a.txt": "Tiêu đề thứ nhất\n## Mở đầu\nĐoạn một có năm chữ trở lên.\n! Ảnh minh họa\n",
    "b.txt": "Bài thứ hai\nNội dung bài hai.\n",
}


def test_converts_sources_into_docs(tmp_path: Path) -> None:
    root = make_root(tmp_path, TWO)
    report = run(root)
    assert report.ok and len(report.converted) == 2
    article = read_article(root / "docs/2021/so-5/tieu-de-thu-nhat.md")
    assert article.front.bulletin == "Bản tin thử"
    assert article.front.source == "sources/2021/05/a.txt"
    assert article.front.converter == "9.9.9"
    assert [b.anchor for b in article.blocks] == [
        "mo-dau",
        "p-doan-mot-co-nam-chu",
        "f-anh-minh-hoa",
    ]
    manifest = load_manifest(root / "docs")
    assert sorted(manifest.files) == ["2021/so-5/bai-thu-hai.md", "2021/so-5/tieu-de-thu-nhat.md"]


def test_second_run_changes_nothing(tmp_path: Path) -> None:
    root = make_root(tmp_path, TWO)
    run(root)
    before = snapshot(root / "docs")
    report = run(root)
    assert len(report.unchanged) == 2 and not report.converted
    assert snapshot(root / "docs") == before


def test_only_changed_sources_are_converted(tmp_path: Path) -> None:
    root = make_root(tmp_path, TWO)
    run(root)
    (root / "sources/2021/05/b.txt").write_text("Bài thứ hai\nĐã sửa.\n", encoding="utf-8")
    report = run(root)
    assert report.converted == ["sources/2021/05/b.txt"]
    assert report.unchanged == ["sources/2021/05/a.txt"]


def test_output_is_byte_identical_whatever_the_creation_order(tmp_path: Path) -> None:
    first = make_root(tmp_path / "one", TWO)
    second = make_root(tmp_path / "two", dict(reversed(list(TWO.items()))))
    run(first)
    run(second)
    assert snapshot(first / "docs") == snapshot(second / "docs")


def test_sidecar_beats_issue_yml_beats_text(tmp_path: Path) -> None:
    root = make_root(tmp_path, TWO, issue=ISSUE + "section: Từ issue\n")
    (root / "sources/2021/05/a.yml").write_text(
        "title: Tiêu đề của biên tập viên\nauthors: [Xuân Bình]\nslug: tu-chon\n", encoding="utf-8"
    )
    run(root)
    front = read_article(root / "docs/2021/so-5/tu-chon.md").front
    assert front.title == "Tiêu đề của biên tập viên"
    assert front.authors == ["Xuân Bình"]
    assert front.section == "Từ issue"
    assert front.pages == [8]


def test_slug_is_frozen_when_the_title_changes(tmp_path: Path) -> None:
    root = make_root(tmp_path, TWO)
    run(root)
    (root / "sources/2021/05/a.txt").write_text("Một tên hoàn toàn khác\nĐoạn.\n", encoding="utf-8")
    run(root)
    front = read_article(root / "docs/2021/so-5/tieu-de-thu-nhat.md").front
    assert front.title == "Một tên hoàn toàn khác"


def test_anchors_survive_an_inserted_paragraph(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"a.txt": "Tiêu đề\nCùng năm chữ mở đầu ở đây.\nHai.\n"})
    run(root)
    path = root / "docs/2021/so-5/tieu-de.md"
    before = [b.anchor for b in read_article(path).blocks]
    (root / "sources/2021/05/a.txt").write_text(
        "Tiêu đề\nCùng năm chữ mở đầu nhưng mới.\nCùng năm chữ mở đầu ở đây.\nHai.\n",
        encoding="utf-8",
    )
    run(root)
    after = [b.anchor for b in read_article(path).blocks]
    assert after[1:] == before
    assert after[0] == before[0] + "-2"


def test_hand_edit_is_kept_with_diff_and_forced_overwrite_says_what_it_discards(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = make_root(tmp_path, TWO)
    run(root)
    path = root / "docs/2021/so-5/bai-thu-hai.md"
    edited = path.read_text(encoding="utf-8").replace("Nội dung bài hai.", "Nội dung đã sửa tay.")
    path.write_text(edited, encoding="utf-8")
    assert len(run(root).unchanged) == 2
    assert path.read_text(encoding="utf-8") == edited
    (root / "sources/2021/05/b.txt").write_text("Bài thứ hai\nNguồn mới.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        report = run(root)
    assert report.kept == ["sources/2021/05/b.txt"]
    assert path.read_text(encoding="utf-8") == edited
    assert "source changed too" in caplog.text
    assert "+Nội dung đã sửa tay." in caplog.text and "-Nguồn mới." in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        report = run(root, force=True)
    assert report.converted == ["sources/2021/05/b.txt"]
    assert "discards" in caplog.text and "Nội dung đã sửa tay." in caplog.text
    assert "overwrites 1 hand-edited file(s): 2021/so-5/bai-thu-hai.md" in caplog.text
    assert "Nguồn mới." in path.read_text(encoding="utf-8")


def test_hand_written_file_is_never_overwritten(tmp_path: Path) -> None:
    """Not even with --force; and the article that wants its path is an error, not lost."""
    root = make_root(tmp_path, TWO)
    mine = root / "docs/2021/so-5/bai-thu-hai.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("viết tay\n", encoding="utf-8")
    report = run(root, force=True, keep_going=True)
    assert mine.read_text(encoding="utf-8") == "viết tay\n"
    assert report.failed == ["sources/2021/05/b.txt"]
    assert "bantin did not write" in str(report.problems[0])
    assert "2021/so-5/bai-thu-hai.md" not in load_manifest(root / "docs").files


BAD = {
    "c-empty.txt": "",
    "d-bytes.txt": None,
    "e-dup.txt": TWO["b.txt"],
    "f-notitle.txt": "\nChỉ có thân bài.\n",
    "g-same-slug.txt": "Bài thứ hai!\nKhác nội dung.\n",
    "h-sidecar.txt": "Bài có sidecar hỏng\nThân.\n",
}


def make_bad_root(tmp_path: Path) -> Path:
    root = make_root(tmp_path, TWO)
    folder = root / "sources/2021/05"
    for name, text in BAD.items():
        if text is not None:
            (folder / name).write_text(text, encoding="utf-8")
    (folder / "d-bytes.txt").write_bytes(b"\xff\xfe\x00\xc3" + os.urandom(64) + b"\xe1\xba")
    (folder / "h-sidecar.yml").write_text("title: Tốt\npages: ba\ncolour: đỏ\n", encoding="utf-8")
    with (folder / "i-huge.txt").open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    return root


def test_every_problem_is_listed_and_nothing_is_written(tmp_path: Path) -> None:
    root = make_bad_root(tmp_path)
    report = run(root)
    messages = [str(p) for p in report.problems]
    assert len(messages) == 7, messages
    expected = {
        "c-empty.txt": "empty",
        "d-bytes.txt": "UTF-8",
        "e-dup.txt": "duplicate of sources/2021/05/b.txt",
        "f-notitle.txt": "no title",
        "g-same-slug.txt": "sources/2021/05/b.txt",
        "h-sidecar.yml:2": "pages",
        "i-huge.txt": "MB",
    }
    for name, words in expected.items():
        assert any(name in m and words in m for m in messages), (name, messages)
    assert not (root / "docs").exists()


def test_keep_going_writes_the_good_ones_and_still_reports(tmp_path: Path) -> None:
    root = make_bad_root(tmp_path)
    report = run(root, keep_going=True)
    assert not report.ok and len(report.failed) == 7
    assert sorted(report.converted) == ["sources/2021/05/a.txt", "sources/2021/05/b.txt"]
    assert sorted(p.name for p in (root / "docs/2021/so-5").iterdir()) == [
        "bai-thu-hai.md",
        "tieu-de-thu-nhat.md",
    ]


def test_manifest_is_deterministic_json(tmp_path: Path) -> None:
    root = make_root(tmp_path, TWO)
    run(root)
    text = (root / "docs" / MANIFEST_NAME).read_text(encoding="utf-8")
    assert text.endswith("}\n") and '"version": 1' in text
    assert load_manifest(root / "docs").to_json() == text


def test_sidecar_slug_moves_the_article_and_removes_the_unedited_old_file(tmp_path: Path) -> None:
    root = make_root(tmp_path, TWO)
    run(root)
    (root / "sources/2021/05/b.yml").write_text("slug: ten-moi\n", encoding="utf-8")
    report = run(root)
    assert report.converted == ["sources/2021/05/b.txt"]
    assert not (root / "docs/2021/so-5/bai-thu-hai.md").exists()
    assert read_article(root / "docs/2021/so-5/ten-moi.md").front.slug == "ten-moi"
    assert sorted(load_manifest(root / "docs").files) == [
        "2021/so-5/ten-moi.md",
        "2021/so-5/tieu-de-thu-nhat.md",
    ]


def test_a_crashing_converter_is_one_problem_not_the_end_of_the_run(tmp_path: Path) -> None:
    def crash(text: str, path: Path) -> Article:
        if "thứ hai" in text:
            raise IndexError("list index out of range")
        return fake_convert(text, path)

    root = make_root(tmp_path, TWO)
    report = convert_sources(
        root, root / "docs", converter=Converter(fake_read, crash, "1"), keep_going=True
    )
    assert report.failed == ["sources/2021/05/b.txt"]
    assert "IndexError" in str(report.problems[0])
    assert report.converted == ["sources/2021/05/a.txt"]


def test_converter_version_change_reconverts_everything(tmp_path: Path) -> None:
    root = make_root(tmp_path, TWO)
    run(root)
    report = convert_sources(
        root, root / "docs", converter=Converter(fake_read, fake_convert, "10.0.0")
    )
    assert len(report.converted) == 2
    assert read_article(root / "docs/2021/so-5/bai-thu-hai.md").front.converter == "10.0.0"


def test_issue_yml_change_reconverts_its_articles(tmp_path: Path) -> None:
    root = make_root(tmp_path, TWO)
    run(root)
    (root / "sources/2021/05/issue.yml").write_text(ISSUE + "issn: 1859-4794\n", encoding="utf-8")
    assert len(run(root).converted) == 2
    assert read_article(root / "docs/2021/so-5/bai-thu-hai.md").front.issn == "1859-4794"


def test_doi_and_both_issns_reach_the_front_matter(tmp_path: Path) -> None:
    root = make_root(tmp_path, TWO, ISSUE + "issn: 1859-4794\neissn: 2434-561X\n")
    (root / "sources/2021/05/b.yml").write_text("doi: 10.1234/bt.2021.5\n", encoding="utf-8")
    assert run(root).ok
    front = read_article(root / "docs/2021/so-5/bai-thu-hai.md").front
    assert (front.doi, front.issn, front.eissn) == ("10.1234/bt.2021.5", "1859-4794", "2434-561X")
    assert read_article(root / "docs/2021/so-5/tieu-de-thu-nhat.md").front.doi is None


def test_a_wrong_issn_in_issue_yml_is_reported_with_the_file(tmp_path: Path) -> None:
    root = make_root(tmp_path, TWO, ISSUE + "eissn: 2434-5611\n")
    report = run(root, keep_going=True)
    assert not report.ok
    assert any("issue.yml:4" in str(p) and "check digit" in str(p) for p in report.problems)
    assert not (root / "docs/2021/so-5/bai-thu-hai.md").exists()


def test_real_decoder_problems_are_collected_with_file_names(tmp_path: Path) -> None:
    from bantin.convert.decode import read_source

    root = make_root(tmp_path, TWO)
    folder = root / "sources/2021/05"
    (folder / "x-random.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "y-truncated.txt").write_bytes("Tiêu đề\nĐoạn văn ".encode() + "ế".encode()[:2])
    (folder / "z-empty.txt").write_bytes(b"")
    converter = Converter(read_source, fake_convert, "1")
    report = convert_sources(root, root / "docs", converter=converter)
    assert sorted(report.failed) == [
        "sources/2021/05/x-random.txt",
        "sources/2021/05/y-truncated.txt",
        "sources/2021/05/z-empty.txt",
    ]
    assert all(
        any(name in str(p) for p in report.problems)
        for name in ("x-random.txt", "y-truncated.txt", "z-empty.txt")
    )
    assert not (root / "docs").exists()


def test_a_newcomer_cannot_take_a_published_slug(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"z.txt": "Cùng tên\nBài đã đăng.\n"})
    run(root)
    published = (root / "docs/2021/so-5/cung-ten.md").read_bytes()
    (root / "sources/2021/05/a.txt").write_text("Cùng tên\nBài mới.\n", encoding="utf-8")
    report = run(root, keep_going=True)
    assert report.failed == ["sources/2021/05/a.txt"]
    assert "sources/2021/05/z.txt" in str(report.problems[0])
    assert (root / "docs/2021/so-5/cung-ten.md").read_bytes() == published


def test_a_link_to_a_file_outside_the_repository_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Bí mật\nKhông được vào kho.\n", encoding="utf-8")
    root = make_root(tmp_path / "repo", TWO)
    (root / "sources/2021/05/link.txt").symlink_to(secret)
    report = run(root, keep_going=True)
    assert report.failed == ["sources/2021/05/link.txt"]
    assert "outside the repository" in str(report.problems[0])


SCRIPT = """
import sys
sys.path.insert(0, sys.argv[3])
from pathlib import Path
from test_pipeline import FAKE
from bantin.pipeline import convert_sources
convert_sources(Path(sys.argv[1]), Path(sys.argv[2]), converter=FAKE)
"""


def test_same_docs_whatever_the_hash_seed(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = make_root(tmp_path, {**TWO, "c.txt": "Ba\n## Mục\nĐoạn.\n! Ảnh\n"})
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"docs-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        args = [sys.executable, "-c", SCRIPT, str(root), str(out), str(Path(__file__).parent)]
        subprocess.run(args, check=True, env=env)
        outputs.append(snapshot(out))
    assert outputs[0] == outputs[1] and len(outputs[0]) == 4


def test_a_lost_manifest_is_rebuilt_from_identical_files(tmp_path: Path) -> None:
    root = make_root(tmp_path, TWO)
    run(root)
    manifest = (root / "docs" / MANIFEST_NAME).read_text(encoding="utf-8")
    (root / "docs" / MANIFEST_NAME).unlink()
    report = run(root)
    assert len(report.converted) == 2 and not report.kept
    assert (root / "docs" / MANIFEST_NAME).read_text(encoding="utf-8") == manifest


def test_a_hundred_sources_convert_then_stay_unchanged(tmp_path: Path) -> None:
    articles = {f"{n:04d}.txt": f"Bài số {n}\nĐoạn văn của bài {n}.\n" for n in range(100)}
    root = make_root(tmp_path, articles)
    assert len(run(root).converted) == 100
    assert len(run(root).unchanged) == 100


INTERRUPTED_RUN = """
import signal, sys, time
# Ctrl-C as at a terminal: a test runner's worker may ignore it, and its children with it.
signal.signal(signal.SIGINT, signal.default_int_handler)
from pathlib import Path
sys.path.insert(0, {tests!r})
from test_pipeline import FAKE, fake_convert
from bantin.pipeline import Converter, convert_sources

def slow(text, path):
    time.sleep(0.02)
    with open({done!r}, "a", encoding="utf-8") as done:
        print("x", file=done)
    return fake_convert(text, path)

root = Path({root!r})
print("started", flush=True)
convert_sources(root, root / "docs", converter=Converter(FAKE.read, slow, "1"), workers=2)
"""


def test_ctrl_c_stops_a_parallel_run_at_once_and_writes_nothing(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    articles = {f"{n:03d}.txt": f"Bài {n}\nĐoạn {n}.\n" for n in range(800)}
    root = make_root(tmp_path, articles)
    done = tmp_path / "converted.log"  # a line per conversion, outside the project
    script = INTERRUPTED_RUN.format(
        tests=str(Path(__file__).parent), root=str(root), done=str(done)
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stdout.readline() == b"started\n"
    # 800 conversions of 20 ms on two workers take 8 s: Ctrl-C once they are under way.
    waited = 0.0
    while waited < 30 and (not done.exists() or len(done.read_text("utf-8").splitlines()) < 20):
        time.sleep(0.05)
        waited += 0.05
    converted = len(done.read_text("utf-8").splitlines())
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    # Counted, not timed: a loaded machine makes the exit slow, not the run go on.
    more = len(done.read_text("utf-8").splitlines()) - converted
    assert more <= 100 and converted + more < len(articles), "the run went on after Ctrl-C"
    assert process.returncode != 0 and b"KeyboardInterrupt" in stderr
    docs = root / "docs"
    assert not docs.exists() or not list(docs.rglob("*.md"))
    left = [p for p in Path("/proc").glob("[0-9]*/cmdline") if str(root).encode() in _read(p)]
    assert not left, "a worker outlived the run"


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


@pytest.mark.parametrize("workers", [1, 2])
def test_a_duplicate_is_refused_as_such_even_with_a_broken_sidecar(
    tmp_path: Path, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bantin.pipeline.PARALLEL_MIN", 2)
    root = make_root(tmp_path, {"a.txt": TWO["a.txt"], "b.txt": TWO["a.txt"]})
    (root / "sources/2021/05/b.yml").write_text("pages: [\n", encoding="utf-8")
    report = convert_sources(root, root / "docs", converter=FAKE, workers=workers)
    assert [str(p) for p in report.problems] == [
        "sources/2021/05/b.txt: exact duplicate of sources/2021/05/a.txt (same sha256)"
    ]
    assert report.failed == ["sources/2021/05/b.txt"]


def test_a_worker_that_dies_fails_the_run_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bantin.exceptions import BantinError

    def dying(text: str, path: Path) -> Article:
        if path.name == "007.txt":
            os._exit(3)  # as a worker killed for memory would vanish
        return fake_convert(text, path)

    monkeypatch.setattr("bantin.pipeline.PARALLEL_MIN", 2)
    root = make_root(tmp_path, {f"{n:03d}.txt": f"Bài {n}\nĐoạn {n}.\n" for n in range(40)})
    with pytest.raises(BantinError, match="conversion worker stopped"):
        convert_sources(root, root / "docs", converter=Converter(fake_read, dying, "1"), workers=2)
    docs = root / "docs"
    assert not docs.exists() or not [p for p in docs.rglob("*") if p.is_file()]


def test_issue_yml_publication_facts_reach_every_article(tmp_path: Path) -> None:
    """The issue's month (when its cover prints no day), publisher and licence go into every
    article's front matter; a sidecar's DOI into its article's."""
    issue = ISSUE + (
        "issue_month: 5\npublisher: Trung tâm Thông tin\n"
        "license: {name: CC BY 4.0, url: 'https://creativecommons.org/licenses/by/4.0/'}\n"
    )
    root = make_root(tmp_path, TWO, issue)
    (root / "sources/2021/05/a.yml").write_text("doi: 10.99999/bt.2021.5\n", encoding="utf-8")
    assert run(root).ok
    front = read_article(root / "docs/2021/so-5/tieu-de-thu-nhat.md").front
    assert (front.issue_month, front.publisher) == (5, "Trung tâm Thông tin")
    assert front.doi == "10.99999/bt.2021.5"
    assert front.published == (2021, 5)
    assert front.license_info is not None and front.license_info.name == "CC BY 4.0"
    other = read_article(root / "docs/2021/so-5/bai-thu-hai.md").front
    assert other.doi is None and other.publisher == "Trung tâm Thông tin"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("doi: doi:10.1/x\n", "doi"),
        ("issue_month: 13\n", "issue_month"),
        ("license: {}\n", "license"),
    ],
)
def test_wrong_publication_facts_are_refused(tmp_path: Path, line: str, message: str) -> None:
    root = make_root(tmp_path, TWO)
    (root / "sources/2021/05/a.yml").write_text(line, encoding="utf-8")
    report = run(root, keep_going=True)
    assert any(message in str(problem) and "a.yml" in str(problem) for problem in report.problems)


def test_a_mark_pointing_to_no_affiliation_does_not_lose_the_article(tmp_path: Path) -> None:
    """Measured on a real article: a byline mark "3" with two affiliations found made the
    front matter invalid and the whole article failed to convert."""

    def marked(text: str, path: Path) -> Article:
        article = fake_convert(text, path)
        article.authors = [Author("Nguyễn Văn An", marks=(1,)), Author("Lê Thị Hoa", marks=(2, 3))]
        article.affiliations = ["Viện A", "Trường B"]
        return article

    root = make_root(tmp_path, {"a.txt": "Tiêu đề\nĐoạn văn của bài."})
    converter = Converter(fake_read, marked, "9.9.9")
    report = convert_sources(root, root / "docs", converter=converter, workers=1)
    assert report.ok, report.problems
    front = read_article(next((root / "docs").rglob("*.md"))).front
    assert [a.affiliation for a in front.author_info] == [[1], [2]]
    assert any("affiliation" in note for note in front.review or [])
