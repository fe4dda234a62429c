"""`bantin convert --explain`: every line's role and every join, move and drop, as text."""

from __future__ import annotations

from collections import Counter

from bantin.model import Article, Decision, Role

TEXT_WIDTH = 60


def format_explanation(article: Article) -> str:
    """The article's lines with their roles, then the converter's decisions in order."""
    parts = [_summary(article), "", "Lines:"]
    parts.extend(_line_row(article, index) for index in range(len(article.lines)))
    parts.extend(["", "Decisions:"])
    parts.extend(_decision_row(decision) for decision in article.decisions)
    return "\n".join(parts) + "\n"


def _summary(article: Article) -> str:
    pages = ", ".join(str(p) for p in article.pages) or "?"
    counts = Counter(block.kind.value for block in article.blocks)
    others = ", ".join(
        f"{count} {kind}s"
        for kind, count in sorted(counts.items())
        if kind not in ("paragraph", "heading", "figure")
    )
    return (
        f"title: {article.title}\n"
        f"authors: {', '.join(a.name for a in article.authors) or '-'}; "
        f"date: {article.date or '-'}; "
        f"issue: {article.issue or '-'}; year: {article.year or '-'}; "
        f"section: {article.section or '-'}; pages: {pages}\n"
        f"blocks: {counts['paragraph']} paragraphs, {counts['heading']} headings, "
        f"{counts['figure']} captions"
        + (f", {others}" if others else "")
        + (f"\nreview: {'; '.join(article.review)}" if article.review else "")
    )


def _line_row(article: Article, index: int) -> str:
    line = article.lines[index]
    text = line.text.strip()
    shown = text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 1] + "…"
    reason = f"  [{line.reason}]" if line.reason and line.role is not Role.BLANK else ""
    return f"{line.number:5}  p{line.page:<3} {line.role.value:<12} | {shown}{reason}"


def _decision_row(decision: Decision) -> str:
    where = f"line {decision.line}" if decision.line is not None else "article"
    return f"  {where:>10}  {decision.stage:<7} {decision.message}"
