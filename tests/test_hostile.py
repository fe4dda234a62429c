"""Hostile input and faults: nothing written outside the project, nothing private published,
nothing silently lost, a clear message naming the file instead of a traceback.

Each test reproduces one attack or fault on a small project; see SECURITY.md for the promise
each one holds.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from bantin.cli import main
from bantin.store import MANIFEST_NAME

try:  # tests/ is a package in some layouts and a plain folder in others
    from tests.test_pipeline import FAKE, ISSUE, TWO, make_root, run
except ImportError:
    from test_pipeline import FAKE, ISSUE, TWO, make_root, run  # type: ignore[no-redef]

assert FAKE is not None


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the project that nothing may write into."""
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_root(tmp_path / "repo", TWO)


# --- 1. symbolic links out of the project -------------------------------------------------


@pytest.mark.parametrize("name", ["docs", ".cache", "site", "published-urls.txt"])
def test_build_refuses_a_written_path_that_links_outside(
    project: Path, outside: Path, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    target = outside / name
    if name.endswith(".txt"):
        target.write_text("", encoding="utf-8")
    else:
        target.mkdir()
    (project / name).symlink_to(target)
    before = files_under(outside)
    with caplog.at_level(logging.ERROR):
        assert main(["build", "--root", str(project)]) == 1
    assert str(project / name) in caplog.text and "outside the project" in caplog.text
    assert files_under(outside) == before
    assert not (project / "site").is_dir() or name == "site"


def test_build_refuses_a_cache_folder_that_links_outside(project: Path, outside: Path) -> None:
    (project / ".cache").mkdir()
    (project / ".cache/bantin").symlink_to(outside)
    assert main(["build", "--root", str(project)]) == 1
    assert files_under(outside) == []


def test_convert_refuses_a_docs_link_outside(
    project: Path, outside: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (project / "docs").symlink_to(outside)
    with caplog.at_level(logging.ERROR):
        code = main(["convert", "--root", str(project), str(project / "sources")])
    assert code == 1
    assert str(project / "docs") in caplog.text
    assert files_under(outside) == []


def test_registry_is_replaced_atomically_never_written_through_a_link(project: Path) -> None:
    from bantin.site.registry import RegistryCheck, write_registry

    elsewhere = project / "kept.txt"
    elsewhere.write_text("a/\tsources/a.txt\n", encoding="utf-8")
    registry = project / "published-urls.txt"
    registry.symlink_to(elsewhere)
    write_registry(registry, RegistryCheck({"b/": "sources/b.txt"}))
    assert elsewhere.read_text(encoding="utf-8") == "a/\tsources/a.txt\n"
    assert not registry.is_symlink()
    assert registry.read_text(encoding="utf-8") == "b/\tsources/b.txt\n"
    assert [p.name for p in project.glob(".published-urls.txt*")] == []


def outside_issue(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere" / "07"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("Bài ở ngoài\nThân bài.\n", encoding="utf-8")
    return folder


def test_build_and_convert_refuse_an_issue_folder_linking_outside(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    link = project / "sources/2021/07"
    link.symlink_to(outside_issue(tmp_path), target_is_directory=True)
    report = run(project)
    assert report.failed == ["sources/2021/07"]
    assert "symbolic link" in str(report.problems[0]) and "outside" in str(report.problems[0])
    assert not (project / "docs").exists()
    with caplog.at_level(logging.ERROR):
        code = main(["convert", "--root", str(project), str(link)])
    assert code == 1 and "sources/2021/07" in caplog.text
    assert not (project / "docs").exists()


def test_an_issue_folder_linking_inside_sources_is_read_by_both(project: Path) -> None:
    shelf = project / "sources/archive/08"
    shelf.mkdir(parents=True)
    (shelf / "a.txt").write_text("Bài trên kệ\nThân bài.\n", encoding="utf-8")
    (project / "sources/2021/08").symlink_to(shelf, target_is_directory=True)
    report = run(project, keep_going=True)
    assert "sources/2021/08/a.txt" in report.converted
    # the same text under both names is one article twice: refused as such
    assert [str(p) for p in report.problems] == [
        "sources/archive/08/a.txt: exact duplicate of sources/2021/08/a.txt (same sha256)"
    ]
    from bantin.pipeline import convert_paths

    given = convert_paths([project / "sources/2021/08"], project, project / "docs", converter=FAKE)
    assert given.ok and given.unchanged == ["sources/2021/08/a.txt"]


@pytest.mark.parametrize("target", [".env", "docs/private", "shelf/08"])
def test_a_link_from_sources_to_another_file_of_the_project_is_refused(
    project: Path, target: str
) -> None:
    (project / ".env").write_text("API_KEY=123\n", encoding="utf-8")
    (project / "docs/private").mkdir(parents=True)
    (project / "shelf/08").mkdir(parents=True)
    for folder in ("docs/private", "shelf/08"):
        (project / folder / "a.txt").write_text("Bí mật\nKhông công bố.\n", encoding="utf-8")
    link = project / "sources/2021/05/z.txt"
    if target == ".env":
        link.symlink_to(project / target)
    else:
        link = project / "sources/2021/08"
        link.symlink_to(project / target, target_is_directory=True)
    report = run(project)
    label = link.relative_to(project).as_posix()
    assert report.failed == [label]
    assert "outside sources/" in str(report.problems[0])
    assert not (project / "docs/2021").exists()


# --- 2. pdf: names a PDF under sources/ -----------------------------------------------------


@pytest.mark.parametrize(
    "pdf",
    [".env", "mkdocs.yml", "docs/.bantin-manifest.json", "../x.pdf", "/etc/x.pdf", "x.pdf"],
)
def test_pdf_must_name_a_pdf_file_under_sources(project: Path, pdf: str) -> None:
    (project / "sources/2021/05/b.yml").write_text(f"pdf: '{pdf}'\n", encoding="utf-8")
    report = run(project)
    (problem,) = report.problems
    assert problem.path == project / "sources/2021/05/b.yml" and problem.line == 1
    assert pdf in problem.message


def test_pdf_without_the_pdf_header_is_refused(project: Path) -> None:
    from bantin.exceptions import BuildError
    from bantin.site import exports

    fake = project / "sources/2021/05/issue.pdf"  # the issue's PDF, never an article source
    fake.write_text("API_KEY=123\n", encoding="utf-8")
    sidecar = project / "sources/2021/05/b.yml"
    sidecar.write_text("title: Hai\npdf: sources/2021/05/issue.pdf#page=3\n", encoding="utf-8")
    (problem,) = run(project).problems  # at conversion: naming the sidecar
    assert (problem.path, problem.line) == (sidecar, 2) and "issue.pdf#page=3" in problem.message
    sidecar.unlink()
    (project / "sources/2021/05/issue.yml").write_text(
        ISSUE + "pdf: sources/2021/05/issue.pdf\n", encoding="utf-8"
    )
    (problem,) = run(project).problems  # or the issue.yml
    assert (problem.path, problem.line) == (project / "sources/2021/05/issue.yml", 4)
    (project / "sources/2021/05/issue.yml").write_text(ISSUE, encoding="utf-8")
    assert run(project).ok
    # an editor writes it into an article by hand: the build refuses to publish it
    article = project / "docs/2021/so-5/bai-thu-hai.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("slug:", "pdf: sources/2021/05/issue.pdf\nslug:"), "utf-8")
    entry = next(e for e in load_entries(project) if e.front.pdf)
    with pytest.raises(BuildError) as caught:
        pdf_copy(entry, exports.Folder(project))
    assert "sources/2021/05/issue.pdf" in str(caught.value) and "%PDF" in str(caught.value)
    assert "docs/2021/so-5/bai-thu-hai.md" in str(caught.value)
    fake.write_bytes(b"%PDF-1.4\n%%EOF\n")
    copy = pdf_copy(entry, exports.Folder(project))
    assert copy is not None and copy.content.startswith(b"%PDF")


def pdf_copy(entry: Any, folder: Any) -> Any:
    """The copy of an article's `pdf:` that its page would link (None: nothing copied)."""
    from bantin.site import pdfs, urls
    from bantin.site.pages import GeneratedFile

    source = GeneratedFile(urls.source_copy_url(entry.front.source), b"")
    found = pdfs.PdfFinder(folder).find(entry, source)
    return found.copy if found is not None else None


def load_entries(root: Path) -> list:  # type: ignore[type-arg]
    from bantin.catalogue import load_catalogue

    return list(load_catalogue(root / "docs"))


assert MANIFEST_NAME


# --- 3. formula injection, bidirectional and invisible characters -------------------------

FORMULAS = ["=cmd|' /C calc'!A0", "+Nguyễn Văn A", "-Nguyễn Văn B", "@Trần C"]


def formula_project(project: Path) -> Path:
    authors = json.dumps(FORMULAS, ensure_ascii=False)
    (project / "sources/2021/05/b.yml").write_text(
        f"title: '=1+2'\nauthors: {authors}\nsection: '-Mục'\n", encoding="utf-8"
    )
    assert run(project).ok
    return project


def test_catalogue_csv_cells_cannot_start_a_formula(project: Path) -> None:
    import csv
    import io

    from bantin.site import exports

    entries = load_entries(formula_project(project))
    text = exports.catalogue_csv(entries, "https://x.vn/").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    row = next(r for r in rows if r["title"].endswith("=1+2"))
    assert row["title"] == "'=1+2" and row["section"] == "'-Mục"
    assert row["authors"] == "'" + "; ".join(FORMULAS)
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    tab = exports.csv_cell("\tx"), exports.csv_cell("\r=x"), exports.csv_cell("Bài =1")
    assert tab == ("'\tx", "'\r=x", "Bài =1")


def test_bibtex_and_ris_keep_such_author_names_exactly(project: Path) -> None:
    import bantin.cite as cite

    entry = next(e for e in load_entries(formula_project(project)) if e.front.title == "=1+2")
    item = cite.csl_item(entry.front, entry.url, "https://x.vn/")
    ris = cite.to_ris(item)
    assert [line[6:] for line in ris.splitlines() if line.startswith("AU  - ")] == FORMULAS
    bib = cite.to_bibtex(item)
    author = next(line for line in bib.splitlines() if line.startswith("  author = "))
    assert author == (
        "  author = {{=cmd|' /C calc'!A0} and {+Nguyễn Văn A} and {-Nguyễn Văn B} and {@Trần C}},"
    )


INVISIBLE = "\u202e\u200b\u200c\u200d\u2066\u2069\ufeff\u2060"


def test_bidi_and_zero_width_characters_are_warned_and_removed(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import bantin.cite as cite
    from bantin.site import exports, feeds
    from bantin.site.meta import SiteInfo

    sidecar = project / "sources/2021/05/b.yml"
    sidecar.write_text(
        f"title: 'Bài {INVISIBLE}gpj.exe'\nauthors: ['Lê\u200b Văn A']\n", encoding="utf-8"
    )
    with caplog.at_level(logging.WARNING):
        assert run(project).ok
    assert f"{sidecar}: title, authors hold(s) bidirectional" in caplog.text
    article = project / "docs/2021/so-5/bai-gpj-exe.md"
    text = article.read_text(encoding="utf-8")
    assert "title: Bài gpj.exe" in text and "- Lê Văn A" in text
    # an editor pastes one in by hand: every output made from the catalogue is clean
    article.write_text(text.replace("Bài gpj.exe", "Bài \u202egpj.exe"), encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        entries = load_entries(project)
    assert f"{article}: title hold(s) bidirectional" in caplog.text
    site = SiteInfo("https://x.vn/", "Lưu trữ")
    outputs = [exports.catalogue_csv(entries, site.site_url).content.decode("utf-8-sig")]
    outputs += [f.content.decode("utf-8") for f in feeds.all_feeds(entries, site)]
    for entry in entries:
        item = cite.csl_item(entry.front, entry.url, site.site_url)
        outputs += [cite.to_bibtex(item), cite.to_ris(item)]
    assert any("Bài gpj.exe" in output for output in outputs)
    for output in outputs:
        assert not any(char in output for char in INVISIBLE.replace("\ufeff", "")), output


# --- 4. reserved and colliding slugs, control characters in names, broken registry --------


@pytest.mark.parametrize("slug", ["index", "tac-gia", "tim-kiem", "assets", "trang-2"])
def test_a_reserved_slug_is_an_error_naming_the_sidecar(project: Path, slug: str) -> None:
    sidecar = project / "sources/2021/05/b.yml"
    sidecar.write_text(f"title: Bài hai\nslug: {slug}\n", encoding="utf-8")
    report = run(project)
    (problem,) = report.problems
    assert problem.path == sidecar and problem.line == 2
    assert slug in problem.message and "reserved" in problem.message
    assert not (project / "docs").exists()


def test_a_title_that_makes_a_reserved_slug_gets_another(project: Path) -> None:
    (project / "sources/2021/05/c.txt").write_text("Index\nThân bài.\n", encoding="utf-8")
    report = run(project)
    assert report.ok
    assert (project / "docs/2021/so-5/index-bai.md").is_file()
    assert not (project / "docs/2021/so-5/index.md").exists()


def test_a_sidecar_slug_taken_by_another_article_names_the_sidecar(project: Path) -> None:
    sidecar = project / "sources/2021/05/b.yml"
    sidecar.write_text("slug: tieu-de-thu-nhat\n", encoding="utf-8")
    report = run(project)
    (problem,) = report.problems
    assert problem.path == sidecar and problem.line == 1
    assert "sources/2021/05/a.txt" in problem.message and "2021/so-5/tieu-de-thu-nhat.md" in (
        problem.message
    )
    assert not (project / "docs").exists()


@pytest.mark.parametrize("name", ["a\nb.txt", "tab\there.txt", "c1\x85.txt", "rlo\u202etxt.txt"])
def test_a_file_name_with_control_characters_is_refused(project: Path, name: str) -> None:
    (project / "sources/2021/05" / name).write_text("Tên lạ\nThân bài.\n", encoding="utf-8")
    report = run(project)
    (problem,) = report.problems
    assert "control" in problem.message or "invisible" in problem.message
    assert "\n" not in str(problem) and "\t" not in str(problem)
    assert "sources/2021/05/" in str(problem.path)
    assert not (project / "docs").exists()


def test_a_broken_registry_line_is_named_with_file_and_line(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from bantin.exceptions import BuildError
    from bantin.site.registry import read_registry

    registry = project / "published-urls.txt"
    registry.write_text(
        "2021/so-5/a/\tsources/2021/05/a.txt\n2021/so-5/b/\tsources/2021/05/b\n.txt\nx\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildError) as caught:
        read_registry(registry)
    assert f"{registry}:3:" in str(caught.value) and f"{registry}:4:" in str(caught.value)


def test_front_matter_source_with_a_newline_is_refused() -> None:
    from bantin.exceptions import MetadataError
    from bantin.markdown import parse_article

    text = (
        '---\ntitle: A\nissue: 5\nyear: 2021\nslug: a\nsource: "sources/a\\n.txt"\n'
        f"source_sha256: {'0' * 64}\nconverter: x\n---\n\nThân.\n"
    )
    with pytest.raises(MetadataError) as caught:
        parse_article(text, Path("docs/2021/so-5/a.md"))
    assert caught.value.problem.line == 6


# --- 5. a deleted manifest ----------------------------------------------------------------


def test_a_deleted_manifest_has_a_way_back(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    (project / "sources/2021/05/c.txt").write_text("Bài ba\nThân bài ba.\n", encoding="utf-8")
    assert run(project).ok
    docs = project / "docs"
    (docs / MANIFEST_NAME).unlink()
    source_a = project / "sources/2021/05/a.txt"
    source_a.write_text(TWO["a.txt"] + "Đoạn mới của nguồn.\n", encoding="utf-8")
    edited = docs / "2021/so-5/bai-thu-hai.md"
    edited.write_text(edited.read_text("utf-8").replace("Nội dung", "Sửa tay"), "utf-8")
    with caplog.at_level(logging.WARNING):
        report = run(project)
    assert report.ok
    assert sorted(report.kept) == ["sources/2021/05/a.txt", "sources/2021/05/b.txt"]
    assert "sources/2021/05/c.txt" in report.converted
    assert "Đoạn mới" not in (docs / "2021/so-5/tieu-de-thu-nhat.md").read_text("utf-8")
    assert MANIFEST_NAME in caplog.text and "1 article(s)" in caplog.text
    assert "2 differ" in caplog.text and "--force" in caplog.text and "delete" in caplog.text
    # the way back: --force, or the file deleted
    report = run(project, force=True)
    assert "Đoạn mới" in (docs / "2021/so-5/tieu-de-thu-nhat.md").read_text("utf-8")
    assert "Sửa tay" not in edited.read_text("utf-8")
    source_a.write_text(TWO["a.txt"] + "Lần nữa.\n", encoding="utf-8")
    assert run(project).converted == ["sources/2021/05/a.txt"]  # bantin's again: no edit kept
    assert "Lần nữa" in (docs / "2021/so-5/tieu-de-thu-nhat.md").read_text("utf-8")


def test_after_a_deleted_manifest_a_deleted_file_takes_the_source_version(project: Path) -> None:
    assert run(project).ok
    docs = project / "docs"
    (docs / MANIFEST_NAME).unlink()
    edited = docs / "2021/so-5/bai-thu-hai.md"
    original = edited.read_text("utf-8")
    edited.write_text(original.replace("Nội dung", "Sửa tay"), "utf-8")
    assert run(project).kept == ["sources/2021/05/b.txt"]
    assert run(project).kept == [] and "Sửa tay" in edited.read_text("utf-8")  # an edit, kept
    edited.unlink()
    assert run(project).converted == ["sources/2021/05/b.txt"]
    assert edited.read_text("utf-8") == original


# --- 6. duplicate keys, files that are not read, every problem at once ---------------------


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("b.yml", "title: Một\nissue: 6\nslug: mot\nissue: 7\n", 4),
        ("issue.yml", "bulletin: A\nissue: 5\nyear: 2021\nissue: 6\n", 4),
        ("b.yml", "authors:\n  - name: Lê A\n    rank: Đại tá\n    rank: Thiếu tá\n", 4),
    ],
)
def test_a_duplicate_yaml_key_is_an_error_naming_file_and_line(
    project: Path, name: str, text: str, line: int
) -> None:
    path = project / "sources/2021/05" / name
    path.write_text(text, encoding="utf-8")
    report = run(project)
    assert report.problems and {p.path for p in report.problems} == {path}
    assert report.problems[0].line == line and "duplicate key" in report.problems[0].message
    assert not (project / "docs").exists()


def test_a_duplicate_front_matter_key_is_an_error_naming_file_and_line(project: Path) -> None:
    from bantin.exceptions import MetadataError

    assert run(project).ok
    article = project / "docs/2021/so-5/bai-thu-hai.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("year: 2021\n", "year: 2021\nissue: 9\n"), encoding="utf-8")
    line = article.read_text(encoding="utf-8").split("\n").index("issue: 9") + 1
    with pytest.raises(MetadataError) as caught:
        load_entries(project)
    assert f"{article}:{line}: duplicate key 'issue'" in str(caught.value)


def test_a_broken_issue_yml_does_not_hide_its_sidecars_problems(project: Path) -> None:
    folder = project / "sources/2021/05"
    (folder / "issue.yml").write_text("issue: [\n", encoding="utf-8")
    (folder / "a.yml").write_text("pages: 12\n", encoding="utf-8")
    (folder / "b.yml").write_text("titel: x\n", encoding="utf-8")
    report = run(project)
    assert [Path(p.path).name for p in report.problems] == ["issue.yml", "a.yml", "b.yml"]
    assert sorted(report.failed) == ["sources/2021/05/a.txt", "sources/2021/05/b.txt"]


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("orphan.yml", "no source"),
        ("isue.yml", "issue.yml"),
        ("b.yaml", ".yml"),
        ("C.TXT", "lower case"),
        ("D.Pdf", "lower case"),
    ],
)
def test_a_file_that_is_not_read_is_named_in_a_warning(
    project: Path, name: str, says: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = project / "sources/2021/05" / name
    path.write_text("title: x\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert run(project).ok
    (message,) = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert message.startswith(f"{path}: not read") and says in message


# --- 7. clear messages ---------------------------------------------------------------------


def test_an_impossible_date_names_the_sidecar_and_line(project: Path) -> None:
    sidecar = project / "sources/2021/05/b.yml"
    sidecar.write_text("title: Bài hai\ndate: 2021-02-30\n", encoding="utf-8")
    (problem,) = run(project).problems
    assert problem.path == sidecar and problem.line == 2
    assert "2021-02-30" in problem.message and "converter failed" not in problem.message


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("title: A\ndate: 0999-12-31\n", 2),
        ("title: A\nissue_date: 2101-01-01\n", 2),
        ("title: A\npages: [-3]\n", 2),
        ("title: A\npages: [0]\n", 2),
        ("title: A\npages: [12345678901234567890]\n", 2),
        ("title: A\npages: [9, 8]\n", 2),
    ],
)
def test_dates_and_pages_out_of_range_are_refused_naming_the_sidecar(
    project: Path, text: str, line: int
) -> None:
    sidecar = project / "sources/2021/05/b.yml"
    sidecar.write_text(text, encoding="utf-8")
    (problem,) = run(project).problems
    assert problem.path == sidecar and problem.line == line


def test_issue_yml_dates_out_of_range_are_refused(project: Path) -> None:
    issue = project / "sources/2021/05/issue.yml"
    issue.write_text("issue: 5\nyear: 2021\nissue_date: 0202-01-01\n", encoding="utf-8")
    report = run(project)
    assert [(p.path, p.line) for p in report.problems] == [(issue, 3)]


def test_a_site_that_cannot_be_replaced_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bantin.exceptions import BuildError
    from bantin.site import incremental

    site, new = tmp_path / "site", tmp_path / ".site-build-x"
    site.mkdir()
    (site / "old.html").write_text("old", encoding="utf-8")
    new.mkdir()
    (new / "new.html").write_text("new", encoding="utf-8")
    real_rename = Path.rename

    def refuse(self: Path, target: Path) -> Path:  # site/ is a mount point, say
        if self == new:
            raise OSError(16, "Device or resource busy")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", refuse)
    monkeypatch.setattr(incremental, "exchange", lambda one, other: False)  # EBUSY there too
    with pytest.raises(BuildError) as caught:
        incremental.publish(new, site, tmp_path / ".cache/build/spare-site")
    assert str(site) in str(caught.value) and "busy" in str(caught.value)
    assert (site / "old.html").read_text(encoding="utf-8") == "old"


def test_a_site_folder_that_is_a_link_is_a_clear_error(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (project / "published").mkdir()
    (project / "site").symlink_to(project / "published", target_is_directory=True)
    with caplog.at_level(logging.ERROR):
        assert main(["build", "--root", str(project)]) == 1
    assert f"{project / 'site'}: is a symbolic link" in caplog.text


def test_author_pages_never_take_a_page_of_the_authors_list(project: Path) -> None:
    from bantin.site import urls

    (project / "sources/2021/05/b.yml").write_text("authors: [Trang 2]\n", encoding="utf-8")
    assert run(project).ok
    entries = load_entries(project)
    names = urls.NameIndex(entries)
    assert names.author("Trang 2") == "tac-gia/trang-2-2/"
    assert urls.paged_url("tac-gia/", 2) == "tac-gia/trang-2/"  # the authors list's page 2


# --- 8. faults: two builds at once, folders a killed build left ----------------------------


def test_a_second_build_says_another_is_running(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import fcntl

    with open(project / ".bantin.lock", "w") as held:  # what a running build holds
        fcntl.flock(held, fcntl.LOCK_EX)
        held.write("4242\n")
        held.flush()
        with caplog.at_level(logging.ERROR):
            assert main(["build", "--root", str(project)]) == 1
            assert main(["convert", "--root", str(project), str(project / "sources")]) == 1
    assert caplog.text.count("another build is running (pid 4242)") == 2
    assert not (project / "docs").exists()


def test_folders_a_killed_build_left_are_removed_by_the_next(
    project: Path, outside: Path, caplog: pytest.LogCaptureFixture
) -> None:
    left = [".site-build-k1a2", ".search-build-x9", ".site-old-77"]
    for name in left:
        (project / name / "2021").mkdir(parents=True)
        (project / name / "2021/index.html").write_text("x", encoding="utf-8")
    (outside / "keep.html").write_text("x", encoding="utf-8")
    (project / ".site-old-link").symlink_to(outside, target_is_directory=True)
    temps = ["docs/2021/.tmp-k2j4_9ab", "docs/.bantin-manifest.json.a8b7c6d5.tmp"]
    kept = ["docs/.tmp-notes.md", "docs/2021/a.md.tmp"]
    for name in temps + kept:
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text("x", encoding="utf-8")
    with caplog.at_level(logging.INFO):
        main(["build", "--root", str(project)])  # fails later: this project has no mkdocs.yml
    assert not any((project / name).exists() for name in left + temps)
    assert all((project / name).exists() for name in kept)
    assert (outside / "keep.html").is_file()
    assert "3 folder(s) and 2 temporary file(s)" in caplog.text


def test_ingest_never_writes_through_a_link(
    tmp_path: Path, outside: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from pdfgen import Issue, build_pdf

    try:
        from tests.test_pdf_route import FIRST
    except ImportError:
        from test_pdf_route import FIRST  # type: ignore[no-redef]

    pdf = tmp_path / "in.pdf"
    build_pdf(pdf, [FIRST], Issue(contents=False))
    root = tmp_path / "repo"
    (root / "sources/2021").mkdir(parents=True)
    (root / "sources/2021/05").symlink_to(outside, target_is_directory=True)
    args = ["ingest", str(pdf), "--issue", "5", "--year", "2021", "--root", str(root)]
    with caplog.at_level(logging.ERROR):
        assert main(args) == 1
    assert "sources/2021/05" in caplog.text and files_under(outside) == []
    (root / "sources/2021/05").unlink()
    (root / "sources/2021/05").mkdir()
    (root / "sources/2021/05/issue.yml").symlink_to(outside / "planted.yml")
    assert main(args) == 1
    assert "issue.yml: is a symbolic link" in caplog.text and files_under(outside) == []
    assert sorted(p.name for p in (root / "sources/2021/05").iterdir()) == ["issue.yml"]


def test_the_citation_cache_is_never_written_through_a_link(tmp_path: Path, outside: Path) -> None:
    import bantin.cite as cite
    from bantin.site.citecache import CitationCache

    path = tmp_path / ".cache/bantin/citations.json"
    path.parent.mkdir(parents=True)
    path.with_suffix(".tmp").symlink_to(outside / "planted")
    cache = CitationCache.open(cite, path)
    cache.save()
    assert files_under(outside) == [] and path.is_file()


@pytest.mark.parametrize(
    "source", [".env", "mkdocs.yml", "docs/.bantin-manifest.json", "sources/../docs/x.txt"]
)
def test_an_edited_source_field_never_publishes_another_file(project: Path, source: str) -> None:
    from bantin.exceptions import BuildError
    from bantin.site import exports

    (project / ".env").write_text("API_KEY=123\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert run(project).ok
    article = project / "docs/2021/so-5/bai-thu-hai.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("source: sources/2021/05/b.txt", f"source: {source}"), "utf-8")
    entry = next(e for e in load_entries(project) if e.front.source == source)
    with pytest.raises(BuildError) as caught:
        exports.source_copy(entry, exports.Folder(project))
    assert "docs/2021/so-5/bai-thu-hai.md" in str(caught.value) and source in str(caught.value)


@pytest.mark.parametrize("folder", ["docs", "overrides"])
def test_a_link_in_published_folders_to_a_file_elsewhere_is_refused(
    project: Path, outside: Path, folder: str, caplog: pytest.LogCaptureFixture
) -> None:
    private = outside / "id_rsa"
    private.write_text("PRIVATE KEY\n", encoding="utf-8")
    (project / ".env").write_text("API_KEY=123\n", encoding="utf-8")
    (project / folder / "assets").mkdir(parents=True)
    (project / folder / "assets/key.txt").symlink_to(private)
    (project / folder / "env.txt").symlink_to(project / ".env")
    with caplog.at_level(logging.ERROR):
        assert main(["build", "--root", str(project)]) == 1
    assert f"{folder}/assets/key.txt" in caplog.text and f"{folder}/env.txt" in caplog.text
    assert not (project / "site").exists()


def test_security_md_names_only_tests_that_exist() -> None:
    import re

    repo = Path(__file__).resolve().parents[1]
    text = (repo / "SECURITY.md").read_text(encoding="utf-8")
    named = re.findall(r"`(test_\w+\.py)::(\w+)`", text)
    assert len(named) > 30
    for file, name in named:
        assert f"def {name}(" in (repo / "tests" / file).read_text(encoding="utf-8"), name


def test_the_theme_never_prints_invisible_characters_of_an_edited_title() -> None:
    from types import SimpleNamespace

    from bantin.site import mkdocs_hook

    page = SimpleNamespace(
        meta={"title": "Bài \u202egpj.exe <b>"}, file=SimpleNamespace(src_uri="2021/so-5/a.md")
    )
    mkdocs_hook.on_page_markdown("", page, {}, None)
    assert page.meta["title"] == "Bài gpj.exe &lt;b&gt;"


def test_a_billion_laughs_sidecar_is_one_error_not_a_hang(project: Path) -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 12):
        levels.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]")
    sidecar = project / "sources/2021/05/b.yml"
    sidecar.write_text("\n".join(levels) + "\ntitle: x\ntitle: y\n", encoding="utf-8")
    (problem,) = run(project).problems
    assert problem.path == sidecar and "duplicate key 'title'" in problem.message
    sidecar.write_text("\n".join(levels) + "\n", encoding="utf-8")
    (problem,) = run(project).problems
    assert problem.path == sidecar and "a0" in problem.message


def test_a_published_file_is_never_a_link_out_of_sources(project: Path) -> None:
    from bantin.exceptions import BuildError
    from bantin.site import exports

    assert run(project).ok
    (project / ".env").write_text("API_KEY=123\n", encoding="utf-8")
    (project / "private.pdf").write_bytes(b"%PDF-1.4 private\n%%EOF\n")
    (project / "sources/2021/05/leak.txt").symlink_to(project / ".env")
    (project / "sources/2021/05/leak.pdf").symlink_to(project / "private.pdf")
    article = project / "docs/2021/so-5/bai-thu-hai.md"
    text = article.read_text(encoding="utf-8")
    text = text.replace("source: sources/2021/05/b.txt", "source: sources/2021/05/leak.txt")
    article.write_text(text.replace("slug:", "pdf: sources/2021/05/leak.pdf\nslug:"), "utf-8")
    entry = next(e for e in load_entries(project) if e.front.pdf)
    for copy in (exports.source_copy, pdf_copy):
        with pytest.raises(BuildError) as caught:
            copy(entry, exports.Folder(project))
        assert "outside sources/" in str(caught.value) and "leak." in str(caught.value)


def test_two_pages_wanting_one_path_name_their_sources(project: Path) -> None:
    from bantin.exceptions import BuildError
    from bantin.site import generate, pages

    (project / "sources/2021/05/a.yml").write_text("authors: [Lê Văn A]\n", encoding="utf-8")
    (project / "sources/2021/05/b.yml").write_text("authors: [Lê Văn B]\n", encoding="utf-8")
    assert run(project).ok
    entries = load_entries(project)
    one = pages.Listing("Lê Văn A", "tac-gia/le-van/", (entries[0],))
    two = pages.Listing("Lê Văn B", "tac-gia/le-van/", (entries[1],))
    files = pages.listing_pages(one, "Tác giả") + pages.listing_pages(two, "Tác giả")
    with pytest.raises(BuildError) as caught:
        generate.unique(files)
    message = str(caught.value)
    assert "sources/2021/05/a.txt" in message and "sources/2021/05/b.txt" in message
    assert "'Lê Văn A'" in message and "'Lê Văn B'" in message


@pytest.mark.parametrize("broken", ["a folder", "not UTF-8"])
def test_an_unreadable_registry_is_a_clear_error(project: Path, broken: str) -> None:
    from bantin.exceptions import BuildError
    from bantin.site.registry import read_registry

    registry = project / "published-urls.txt"
    if broken == "a folder":
        registry.mkdir()
    else:
        registry.write_bytes(b"2021/so-5/a/\tsources/\xff.txt\n")
    with pytest.raises(BuildError) as caught:
        read_registry(registry)
    assert f"{registry}: cannot read" in str(caught.value)


def test_a_site_that_is_a_file_is_a_clear_error(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (project / "site").write_text("not a folder\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        assert main(["build", "--root", str(project)]) == 1
    assert f"{project / 'site'}: is not a folder" in caplog.text
    assert (project / "site").read_text(encoding="utf-8") == "not a folder\n"


def test_an_unreadable_list_of_generated_files_is_a_clear_error(tmp_path: Path) -> None:
    from bantin.exceptions import BuildError
    from bantin.site import generate

    (tmp_path / generate.LIST_NAME).write_bytes(b"a.md\n\xff\n")
    with pytest.raises(BuildError) as caught:
        generate.previous_list(tmp_path)
    assert generate.LIST_NAME in str(caught.value) and "--clean" in str(caught.value)


@pytest.mark.parametrize("name", ["sources", "docs", ".cache", ".cache/bantin"])
def test_a_file_where_a_folder_belongs_is_a_clear_error(
    project: Path, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    import shutil

    path = project / name
    if path.is_dir():
        shutil.rmtree(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        assert main(["build", "--root", str(project)]) == 1
    assert f"{path}: is not a folder" in caplog.text


def test_convert_into_a_file_is_a_clear_error(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (project / "docs").write_text("x\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        assert main(["convert", "--root", str(project), str(project / "sources")]) == 1
    assert f"{project / 'docs'}: is not a folder" in caplog.text


def test_a_process_the_build_forked_never_holds_its_lock(project: Path) -> None:
    """A killed build's forked helpers (search index, citations) may outlive it a moment:
    they must not keep the next build out."""
    import multiprocessing

    from bantin.store import project_lock

    context = multiprocessing.get_context("fork")
    started, release = context.Event(), context.Event()

    def work() -> None:
        started.set()
        release.wait()

    with project_lock(project):
        helper = context.Process(target=work)
        helper.start()
        started.wait()
    try:
        with project_lock(project):  # the build is gone; its helper still runs
            assert helper.is_alive()
    finally:
        release.set()
        helper.join()


def test_mkdocs_may_only_publish_the_docs_bantin_writes(tmp_path: Path, outside: Path) -> None:
    from bantin.exceptions import BuildError

    try:
        from tests.test_site_archive import build, make_archive
    except ImportError:
        from test_site_archive import build, make_archive  # type: ignore[no-redef]

    root = make_archive(tmp_path / "archive")
    (outside / "private.md").write_text("# Riêng tư\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("docs_dir: docs", f"docs_dir: {outside}")
    config.write_text(text, encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        build(root)
    assert f"mkdocs.yml: docs_dir is {outside}" in str(caught.value)
    assert not (root / "site").exists()


def test_an_article_whose_path_holds_a_hand_written_page_is_an_error(project: Path) -> None:
    sidecar = project / "sources/2021/05/b.yml"
    sidecar.write_text("title: Hai\nslug: gioi-thieu-so\n", encoding="utf-8")
    page = project / "docs/2021/so-5/gioi-thieu-so.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Giới thiệu số này\n", encoding="utf-8")
    report = run(project)
    (problem,) = report.problems
    assert (problem.path, problem.line) == (sidecar, 2) and str(page) in problem.message
    assert page.read_text(encoding="utf-8") == "# Giới thiệu số này\n"
    assert not (project / "docs/2021/so-5/tieu-de-thu-nhat.md").exists()  # nothing written


@pytest.mark.parametrize("char", ["\x00", "\n", "\x1f", "\x7f", "\x85", "\x9f"])
def test_a_path_in_front_matter_with_a_control_character_is_refused(char: str) -> None:
    from bantin.metadata import check_path_text

    with pytest.raises(ValueError, match="control character"):
        check_path_text(f"sources/2021/05/bai{char}.txt")


@pytest.mark.parametrize("char", [" ", "~", "\xa0", "đ", "\u2028", "\U0001f600"])
def test_a_path_in_front_matter_without_control_characters_is_kept(char: str) -> None:
    from bantin.metadata import check_path_text

    assert check_path_text(f"sources/2021/05/bai{char}.txt") == f"sources/2021/05/bai{char}.txt"
