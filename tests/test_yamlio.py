"""Safe YAML: strings stay strings, schema errors name the file and the line of the key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bantin.exceptions import MetadataError
from bantin.metadata import IssueInfo, Sidecar
from bantin.yamlio import dump_yaml, load_mapping, load_model, read_model

TRICKY = ["No", "010", "1.0", "yes", "null", "2021-04-09", "on", "0x1F", "1e3", "~", "- a", ": b"]


@pytest.mark.parametrize("value", TRICKY)
def test_strings_round_trip_as_strings(value: str) -> None:
    data = {"title": value, "authors": [value]}
    assert load_mapping(dump_yaml(data), "x.yml") == data


def test_dump_keeps_order_unicode_and_long_lines() -> None:
    text = dump_yaml({"title": " ".join(["Đổi mới"] * 40), "a": 1, "date": dt.date(2021, 4, 9)})
    assert text.splitlines()[0].startswith("title: Đổi mới")
    assert text.splitlines()[1:] == ["a: 1", "date: 2021-04-09"]


def test_sidecar_with_wrong_type_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_text("title: Tên\nauthors: [A]\npages: hai\n", encoding="utf-8")
    with pytest.raises(MetadataError) as caught:
        read_model(Sidecar, path)
    assert caught.value.problem.line == 3
    assert str(path) in str(caught.value) and "pages" in str(caught.value)


def test_unknown_key_names_the_line() -> None:
    with pytest.raises(MetadataError) as caught:
        load_model(IssueInfo, "issue: 5\nyear: 2021\nbulletinn: X\n", "issue.yml")
    assert caught.value.problem.line == 3
    assert "bulletinn" in str(caught.value)


def test_unquoted_date_as_a_title_is_a_type_error() -> None:
    with pytest.raises(MetadataError) as caught:
        load_model(Sidecar, "title: 2021-04-09\n", "a.yml")
    assert caught.value.problem.line == 1


def test_broken_yaml_names_the_line() -> None:
    with pytest.raises(MetadataError) as caught:
        load_mapping("title: a\nauthors: [b\npages: 1\n", "a.yml")
    assert caught.value.problem.line is not None and caught.value.problem.line >= 2


def test_yaml_tags_are_not_executed() -> None:
    with pytest.raises(MetadataError):
        load_mapping("title: !!python/object/apply:os.system ['echo hi']\n", "a.yml")


def test_a_list_is_not_a_mapping() -> None:
    with pytest.raises(MetadataError):
        load_mapping("- a\n- b\n", "a.yml")


def test_empty_file_is_an_empty_mapping() -> None:
    assert load_model(Sidecar, "", "a.yml") == Sidecar()


def test_running_head_is_checked() -> None:
    with pytest.raises(MetadataError):
        load_model(IssueInfo, "running_head: middle\n", "issue.yml")
    assert load_model(IssueInfo, "running_head: footer\n", "issue.yml").running_head == "footer"


@pytest.mark.parametrize(
    "pdf",
    ["javascript:alert(1)", "/etc/passwd", "../../secret.pdf", "data:text/html,x", "file:///x"],
)
def test_pdf_must_be_http_or_a_path_inside(pdf: str) -> None:
    with pytest.raises(MetadataError) as caught:
        load_model(Sidecar, f"pdf: '{pdf}'\n", "a.yml")
    assert caught.value.problem.line == 1


@pytest.mark.parametrize("pdf", ["sources/2021/05/so-5.pdf#page=8", "https://example.org/a.pdf"])
def test_pdf_accepts_repository_paths_and_web_links(pdf: str) -> None:
    assert load_model(IssueInfo, f"pdf: '{pdf}'\n", "issue.yml").pdf == pdf


def test_issn_is_checked_in_sidecars_too() -> None:
    with pytest.raises(MetadataError):
        load_model(Sidecar, "issn: '12345'\n", "a.yml")


@pytest.mark.parametrize("issn", ["1859-4794", "0317-8471", "2434-561X"])
def test_issn_with_a_right_check_digit_is_accepted(issn: str) -> None:
    assert load_model(IssueInfo, f"issn: '{issn}'\neissn: '{issn}'\n", "issue.yml").eissn == issn


@pytest.mark.parametrize("key", ["issn", "eissn"])
def test_issn_with_a_wrong_check_digit_names_the_file_and_line(key: str) -> None:
    with pytest.raises(MetadataError) as caught:
        load_model(IssueInfo, f"year: 2021\n{key}: '1859-4795'\n", "sources/2021/05/issue.yml")
    message = str(caught.value)
    assert message.startswith("sources/2021/05/issue.yml:2:")
    assert "check digit" in message and "1859-4794" in message


@pytest.mark.parametrize(
    "doi", ["10.1234/abc", "10.18173/2354-1075.2021-0001", "10.123456789/x(1)"]
)
def test_doi_is_accepted_in_a_sidecar_and_front_matter(doi: str) -> None:
    assert load_model(Sidecar, f"doi: '{doi}'\n", "a.yml").doi == doi


@pytest.mark.parametrize(
    "doi",
    ["https://doi.org/10.1234/abc", "doi:10.1234/abc", "10.12/abc", "10.1234/a b", "10.1234/"],
)
def test_a_malformed_doi_names_the_file_and_line(doi: str) -> None:
    with pytest.raises(MetadataError) as caught:
        load_model(Sidecar, f"title: T\ndoi: '{doi}'\n", "sources/2021/05/a.yml")
    message = str(caught.value)
    assert message.startswith("sources/2021/05/a.yml:2:")
    assert "DOI" in message and "10." in message


def test_doi_is_no_issue_key() -> None:
    with pytest.raises(MetadataError):
        load_model(IssueInfo, "doi: '10.1234/abc'\n", "issue.yml")
