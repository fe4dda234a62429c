"""`--explain` output: every line's role and every join, move and drop, with line numbers."""

from __future__ import annotations

from pathlib import Path

from bantin.convert.explain import format_explanation
from bantin.convert.text import convert_file

SEED = (
    Path(__file__).resolve().parent.parent / "sources" / "2021" / "05" / "000_c2e97c40b65a00ea.txt"
)


def test_explanation_lists_roles_and_decisions() -> None:
    article = convert_file(SEED)
    text = format_explanation(article)
    rows = [row for row in text.splitlines() if "|" in row]
    assert len(rows) == len(article.lines)
    for role in ("heading", "title", "lead", "caption", "running head", "byline", "blank", "body"):
        assert f" {role} " in text
    assert "running head removed: 'Số 5 năm 2021'" in text
    assert "end mark removed: '?'" in text
    assert "caption taken out of the paragraph it interrupted" in text
    assert "title band moved before the body" in text
    assert text.count("joined across a break") == 8
    assert "line 225" in text
