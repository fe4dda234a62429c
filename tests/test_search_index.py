"""Folding, tokenising, index files and query semantics, without a browser."""

from __future__ import annotations

import hashlib
import unicodedata
import zlib
from pathlib import Path

import pytest

from bantin.search import build_index, fold, parse_query
from bantin.search.encode import decode_ints, deltas, encode_ints, undelta
from bantin.search.query import Results, search
from bantin.search.text import bigrams, terms
from test_search_data import ARTICLES, FOLD_CASES


@pytest.fixture(scope="module")
def index_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_index(ARTICLES, out, "http://127.0.0.1:8000/")
    return out / "search"


def urls(results: Results) -> list[str]:
    return [hit.url for hit in results.hits]


@pytest.mark.parametrize(("text", "folded"), FOLD_CASES)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_terms_keep_acronyms_whole_and_in_parts() -> None:
    found = terms(fold("Phát triển KT-XH nhờ KH&CN"))
    assert {"kt-xh", "kt", "xh", "kh&cn", "kh", "cn"} <= set(found)


def test_bigrams_are_consecutive_pairs() -> None:
    assert bigrams(["doi", "moi", "sang"]) == ["doi moi", "moi sang"]


def test_query_parsing_phrases_compounds_and_open_word() -> None:
    query = parse_query('"Đổi mới" KH&CN chươ', typing=True)
    assert query.phrases == [["doi", "moi"]]
    assert query.terms == ["doi", "moi", "kh&cn", "chuo"]
    assert query.last == "chuo"
    assert parse_query("chương ", typing=True).last == ""
    assert parse_query("chương", typing=False).last == ""


@pytest.mark.parametrize("values", [[0], [1, 2, 3], [5, 31, 32, 33, 1023, 1024, 40_000, 10**7]])
def test_integer_encoding_round_trips(values: list[int]) -> None:
    ids = sorted(set(values))
    assert undelta(decode_ints(encode_ints(deltas(ids)))) == ids


def test_accentless_and_accented_queries_find_the_same_articles(index_root: Path) -> None:
    accented = set(urls(search(index_root, "chương trình quốc gia")))
    assert accented == set(urls(search(index_root, "chuong trinh quoc gia")))
    assert accented == set(urls(search(index_root, "chuong trình")))
    assert accented == {"2021/so-5/doi-moi-sang-tao/", "2022/so-6/nang-luong-tai-tao/"}


def test_d_folds_to_d(index_root: Path) -> None:
    assert "2021/so-5/doi-moi-sang-tao/" in urls(search(index_root, "doi moi"))
    assert "2021/so-5/doi-moi-sang-tao/" in urls(search(index_root, "den"))


def test_nfd_query_behaves_like_nfc(index_root: Path) -> None:
    nfd = unicodedata.normalize("NFD", "đổi mới sáng tạo")
    assert urls(search(index_root, nfd)) == urls(search(index_root, "đổi mới sáng tạo"))


def test_exact_accents_rank_first(index_root: Path) -> None:
    top = search(index_root, "đổi mới", limit=1).hits[0]
    assert (top.url, top.exact) == ("2021/so-5/doi-moi-sang-tao/", 2)
    assert search(index_root, "doi moi cong nghe", limit=1).hits[0].exact == 0
    assert urls(search(index_root, "đổi mới"))[0] == "2021/so-5/doi-moi-sang-tao/"
    assert urls(search(index_root, "doi moi cong nghe"))[0] == "2022/so-6/doi-moi-cong-nghe/"


def test_phrase_needs_the_words_together(index_root: Path) -> None:
    loose = set(urls(search(index_root, "mới đổi")))
    phrase = set(urls(search(index_root, '"mới đổi"')))
    assert "2022/so-6/nang-luong-tai-tao/" in loose
    assert phrase == {"2021/so-5/doi-moi-sang-tao/"} or phrase <= loose
    assert "2022/so-6/nang-luong-tai-tao/" not in urls(search(index_root, '"đổi mới sáng"'))
    assert urls(search(index_root, '"đổi mới sáng tạo"'))[0] == "2021/so-5/doi-moi-sang-tao/"


def test_acronyms_as_typed(index_root: Path) -> None:
    assert urls(search(index_root, "KH&CN")) == ["2021/so-5/doi-moi-sang-tao/"]
    assert urls(search(index_root, "kt-xh")) == ["2021/so-5/do-luong-chat-luong/"]
    assert urls(search(index_root, "KT XH")) == ["2021/so-5/do-luong-chat-luong/"]


def test_prefix_only_for_the_open_last_word(index_root: Path) -> None:
    assert search(index_root, "chuon").total == 0
    assert search(index_root, "chuon", typing=True).total == 2
    assert search(index_root, "nang luo", typing=True).total == 1


def test_filters_intersect(index_root: Path) -> None:
    assert urls(search(index_root, '"doi moi"', {"year": "2022"})) == [
        "2022/so-6/doi-moi-cong-nghe/"
    ]
    by_author = search(index_root, "", {"author": "nguyen van an"})
    assert set(urls(by_author)) == {"2021/so-5/doi-moi-sang-tao/", "2022/so-6/doi-moi-cong-nghe/"}
    assert search(index_root, "doi moi", {"section": "Tiêu chuẩn"}).total == 1
    assert search(index_root, "doi moi", {"issue": "2021-5", "section": "Năng lượng"}).total == 0


def test_deep_match_links_to_its_paragraph(index_root: Path) -> None:
    hit = search(index_root, "phê duyệt").hits[0]
    assert (hit.url, hit.anchor) == ("2021/so-5/doi-moi-sang-tao/", "p-3")
    assert search(index_root, "doanh nghiep").hits[0].anchor == ""


def test_no_match_and_markup_queries(index_root: Path) -> None:
    assert search(index_root, "xyzzy").total == 0
    assert search(index_root, "").total == 0
    assert urls(search(index_root, "<img src=x onerror=alert(1)>")) == [
        "2022/so-6/nang-luong-tai-tao/"
    ]


def test_manifest_and_fragments(index_root: Path) -> None:
    import json

    manifest = json.loads((index_root / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["docs"] == len(ARTICLES)
    assert [row[0] for row in manifest["facets"]["year"]] == ["2022", "2021"]
    assert ["2021-5", "Số 5/2021", 2] in manifest["facets"]["issue"]
    fragment = json.loads(zlib.decompress((index_root / "d" / "0.z").read_bytes(), -15))
    assert fragment["u"] == "2021/so-5/do-luong-chat-luong/"
    assert (index_root.parent / "assets" / "search" / "search.js").is_file()


def digest(root: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            sha.update(str(path.relative_to(root)).encode() + path.read_bytes())
    return sha.hexdigest()


def test_byte_identical_across_runs(tmp_path: Path) -> None:
    build_index(ARTICLES, tmp_path / "a", "")
    build_index(list(reversed(ARTICLES)), tmp_path / "b", "")
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
