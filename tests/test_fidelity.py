"""The fidelity measurement: gold fingerprints, paragraph scores, and a whole run on a
generated issue whose gold is known (the real PDFs are not in CI)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
import yaml

from bantin.fidelity import (
    GOLD_DIR,
    Paragraphs,
    Reviewed,
    Score,
    corpus,
    fingerprint,
    fingerprint_gold,
    found_first,
    match_paragraphs,
    measure_pdf,
    normal,
)
from pdfgen import Issue, build_pdf
from test_pdf_route import FIRST, SECOND, text

ROOT = Path(__file__).resolve().parents[1]


def test_a_fingerprint_is_the_sha256_of_the_normal_text() -> None:
    text_nfd = "Khoa học  và\ncông nghệ "  # decomposed and with odd spaces
    clean = "Khoa học và công nghệ"
    assert normal("Khoa ho\u0323c  và\ncông nghệ ") == clean
    assert fingerprint(text_nfd) == {
        "sha256": hashlib.sha256(clean.encode()).hexdigest(),
        "words": 5,
    }


def test_gold_keeps_facts_and_fingerprints_running_text() -> None:
    data = {
        "pdf": "x",
        "articles": [
            {
                "first_page": 3,
                "last_page": 4,
                "title": "Tiêu  đề",
                "authors": [{"name": "Nguyễn Văn A", "rank": "Đại tá"}],
                "abstract": "Tóm tắt riêng.",
                "paragraphs": ["Đoạn một.", "Đoạn hai."],
            }
        ],
    }
    gold = fingerprint_gold(data, "x.yml")
    article = gold["articles"][0]
    assert article["title"] == "Tiêu đề"
    assert article["authors"] == [{"name": "Nguyễn Văn A", "rank": "Đại tá"}]
    assert article["abstract"] == fingerprint("Tóm tắt riêng.")
    assert article["paragraphs"] == [fingerprint("Đoạn một."), fingerprint("Đoạn hai.")]
    assert "Đoạn" not in yaml.safe_dump(gold, allow_unicode=True)
    with pytest.raises(ValueError, match="unknown keys: text"):
        fingerprint_gold({"pdf": "x", "articles": [{"text": "copied"}]}, "x.yml")


def test_paragraph_scores_are_exact_multiset_matches() -> None:
    gold = [fingerprint(t) for t in ("Một.", "Hai.", "Hai.")]
    found = match_paragraphs(["Một.", "Hai.", "Ba."], gold)
    assert (found.both, found.ours, found.gold) == (2, 3, 3)
    precision, recall, f1 = found.scores() or (0, 0, 0)
    assert (round(precision, 2), round(recall, 2), round(f1, 2)) == (0.67, 0.67, 0.67)
    assert Paragraphs().scores() is None
    # superscript figures compared as the text layer the gold is written from holds them
    gold = [fingerprint("với X = ρc2, K−2 và m3.")]
    assert match_paragraphs(["với X = ρc², K⁻² và m³."], gold).both == 1
    assert match_paragraphs(["với X = ρc3, K−2 và m3."], gold).both == 0
    written = [fingerprint("với X = ρc², K⁻² và m³.")]  # a text layer holding them
    assert match_paragraphs(["với X = ρc², K⁻² và m³."], written).both == 1


def test_committed_gold_holds_no_running_text() -> None:
    """Every gold file's paragraphs, abstracts and references are fingerprints only."""
    files = sorted(GOLD_DIR.glob("*.yml"))
    assert {path.stem for path in files} <= {item["id"] for item in corpus()}
    assert len(files) >= 4
    for path in files:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        for article in gold["articles"]:
            for key in ("paragraphs", "references"):
                for item in article.get(key) or []:
                    assert set(item) == {"sha256", "words"}, path
            for key in ("abstract", "abstract_en"):
                assert key not in article or set(article[key]) == {"sha256", "words"}, path


def test_the_review_list_is_scored_by_the_defects_it_names_and_the_ones_it_misses() -> None:
    """An article with a defect should be listed for review; one listed without a defect
    costs an editor a look: both shares, summed over PDFs."""
    first, second = Score(), Score()
    first.reviewed += [
        Reviewed(0.7, listed=True, defect=True),  # listed, and wrong
        Reviewed(1.0, listed=False, defect=True),  # wrong, not listed
    ]
    second.reviewed += [
        Reviewed(0.9, listed=True, defect=False),  # listed, right
        Reviewed(1.0, listed=False, defect=False),  # right, not listed: counted nowhere
    ]
    first += second
    listed, flagged = first.defects_listed(), first.listed_with_defect()
    assert (listed.hit, listed.of) == (1, 2)
    assert (flagged.hit, flagged.of) == (1, 2)


def test_the_articles_with_a_defect_are_looked_for_first_among_the_least_confident() -> None:
    """Two articles have a defect: of the two least confident, one has."""
    rows = [(1.0, False), (0.7, True), (0.9, False), (0.5, False), (1.0, True)]
    found = found_first([Reviewed(c, listed=c < 1.0, defect=d) for c, d in rows])
    assert (found.hit, found.of) == (1, 2)


def test_a_measured_run_on_a_generated_issue(tmp_path: Path) -> None:
    pdf = tmp_path / "issue.pdf"
    ranges = build_pdf(pdf, [FIRST, SECOND], Issue(contents=True))
    body = [t for kind, t in FIRST.paragraphs if kind == "body"]
    gold = fingerprint_gold(
        {
            "pdf": "generated",
            "running_heads": ["BẢN TIN KHOA HỌC VÀ CÔNG NGHỆ"],
            "articles": [
                {
                    "first_page": ranges[0][0],
                    "last_page": ranges[0][1],
                    "title": FIRST.title,
                    "authors": [{"name": "Phan Tùng Sơn"}],
                    "paragraphs": body,
                },
                {
                    "first_page": ranges[1][0],
                    "last_page": ranges[1][1],
                    "title": SECOND.title,
                    "authors": [{"name": "Nguyễn Tiến Dũng"}],
                },
            ],
        },
        "generated",
    )
    score = measure_pdf(pdf, gold, tmp_path / "scratch")
    assert (score.starts.hit, score.titles.hit, score.authors.hit) == (2, 2, 2)
    assert score.paragraphs.scores() == (1.0, 1.0, 1.0)
    assert score.interleaved == 0 and score.furniture_left == 0
    assert score.text_route.gold == len(body)
    assert text(0, 6) in body
    words = sum(len(paragraph.split()) for paragraph in body)
    # pdftotext's text holds every word but the drop cap's, which it cuts in two ("S ở")
    assert (score.text_layer.hit, score.text_layer.of) == (words - 1, words)
    assert score.text_layer_whole()


def test_the_text_route_converts_each_article_of_one_page_on_its_own(tmp_path: Path) -> None:
    """Two articles printed on the same pages give the same pdftotext text: each is converted
    as an editor would paste it, not refused as a duplicate of the other."""
    pdf = tmp_path / "issue.pdf"
    ranges = build_pdf(pdf, [FIRST, SECOND], Issue(contents=True))
    body = [t for kind, t in FIRST.paragraphs if kind == "body"]
    first, last = ranges[0]
    item = {"first_page": first, "last_page": last, "title": FIRST.title, "paragraphs": body}
    alone = measure_pdf(
        pdf, fingerprint_gold({"pdf": "x", "articles": [item]}, "x"), tmp_path / "alone"
    )
    twice = measure_pdf(
        pdf, fingerprint_gold({"pdf": "x", "articles": [item, item]}, "x"), tmp_path / "twice"
    )
    assert alone.text_route.both > 0
    assert twice.text_route.gold == 2 * len(body)
    assert twice.text_route.both == 2 * alone.text_route.both


def test_the_script_skips_cleanly_without_the_cache(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import measure_fidelity
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    out = tmp_path / "FIDELITY.md"
    assert measure_fidelity.main(["--cache", str(tmp_path / "none"), "--out", str(out)]) == 0
    assert not out.exists()
