"""Share of simulated articles the converter gets back exactly, part by part.

Usage: measure_recovery.py --articles 1000 --seed 1 [--json FILE] [--examples N]

Each article comes from bantin.simulate.random_article and is laid out with lay_out_detailed;
its source bytes go through bantin.convert.decode and bantin.convert.text like a real source file.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bantin import simulate
from bantin.model import Article, BlockKind

PARTS = ("paragraphs", "titles", "leads", "headings", "captions", "authors", "metadata")


@dataclass
class Tally:
    """Recovered and total counts of one part of the article."""

    recovered: int = 0
    total: int = 0

    def add(self, recovered: int, total: int) -> None:
        self.recovered += recovered
        self.total += total

    @property
    def share(self) -> float:
        return self.recovered / self.total if self.total else 1.0


@dataclass
class Report:
    """Every part's tally, the articles recovered whole and examples of misses."""

    articles: int = 0
    seed: int = 0
    whole: int = 0
    crashed: int = 0
    seconds: float = 0.0
    parts: dict[str, Tally] = field(default_factory=lambda: {p: Tally() for p in PARTS})
    misses: Counter[str] = field(default_factory=Counter)
    examples: list[dict[str, Any]] = field(default_factory=list)


def texts(article: Article, kind: BlockKind) -> list[str]:
    return [b.text for b in article.blocks if b.kind == kind]


def matched(got: list[str], expected: list[str]) -> int:
    """Expected items found exactly, in order (longest common subsequence)."""
    previous = [0] * (len(got) + 1)
    for want in expected:
        current = [0]
        for j, have in enumerate(got):
            current.append(previous[j] + 1 if want == have else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def compare(
    spec: simulate.ArticleSpec, layout: simulate.Layout, got: Article
) -> dict[str, tuple[int, int]]:
    """Per part: (recovered, total) for this article."""
    captions = [c.text for c in sorted(spec.captions, key=lambda c: c.after)]
    meta_expected = (spec.issue, spec.year, spec.section, spec.date or got.date)
    return {
        "paragraphs": (
            matched(texts(got, BlockKind.PARAGRAPH), layout.paragraphs),
            len(layout.paragraphs),
        ),
        "titles": (int(got.title == spec.title), 1),
        "leads": (int(got.lead == spec.lead), 1),
        "headings": (matched(texts(got, BlockKind.HEADING), spec.headings()), len(spec.headings())),
        "captions": (matched(texts(got, BlockKind.FIGURE), captions), len(captions)),
        "authors": (int([author.byline for author in got.authors] == spec.authors), 1),
        "metadata": (int((got.issue, got.year, got.section, got.date) == meta_expected), 1),
    }


def measure(count: int, seed: int, keep_examples: int) -> Report:
    from bantin.convert.decode import decode_bytes
    from bantin.convert.text import convert_text

    report = Report(articles=count, seed=seed)
    start = time.perf_counter()
    for index in range(count):
        spec, layout = article(index, seed)
        try:
            got = convert_text(
                decode_bytes(layout.text.encode("utf-8"), f"<{index}>"), f"<{index}>"
            )
        except Exception:
            report.crashed += 1
            record(report, index, "crash", traceback.format_exc(limit=3), keep_examples)
            for part in PARTS:
                report.parts[part].add(0, 1)
            continue
        tally_article(report, index, compare(spec, layout, got), keep_examples)
    report.seconds = time.perf_counter() - start
    return report


def tally_article(
    report: Report, index: int, result: dict[str, tuple[int, int]], keep: int
) -> None:
    whole = True
    for part, (recovered, total) in result.items():
        report.parts[part].add(recovered, total)
        if recovered < total:
            whole = False
            record(report, index, part, f"{recovered}/{total}", keep)
    report.whole += whole


def record(report: Report, index: int, part: str, detail: str, keep: int) -> None:
    report.misses[part] += 1
    if sum(1 for e in report.examples if e["part"] == part) < keep:
        report.examples.append({"article": index, "part": part, "detail": detail})


def article(index: int, seed: int) -> tuple[simulate.ArticleSpec, simulate.Layout]:
    """The simulated article number `index` of a run with `seed`."""
    rng = random.Random(f"measure:{seed}:{index}")
    spec = simulate.random_article(rng)
    return spec, simulate.lay_out_detailed(spec, rng)


def show(index: int, seed: int) -> None:
    """The layout of one article, then each expected item the converter did not give back."""
    from bantin.convert.decode import decode_bytes
    from bantin.convert.text import convert_text

    spec, layout = article(index, seed)
    print(layout.text)
    got = convert_text(decode_bytes(layout.text.encode("utf-8"), "<show>"), "<show>")
    expected = {
        "title": [spec.title],
        "lead": [spec.lead],
        "heading": spec.headings(),
        "paragraph": layout.paragraphs,
        "caption": [c.text for c in spec.captions],
    }
    found = {"title": [got.title], "lead": [got.lead]}
    for kind in BlockKind:
        found[kind.value if kind != BlockKind.FIGURE else "caption"] = texts(got, kind)
    for part, items in expected.items():
        for item in items:
            if item not in found.get(part, []):
                print(f"MISSING {part}: {item!r}")
        for item in found.get(part, []):
            if item not in items:
                print(f"EXTRA   {part}: {item!r}")
    print("authors", got.authors, "expected", spec.authors)
    print(
        "meta",
        (got.issue, got.year, got.section, got.date),
        "expected",
        (spec.issue, spec.year, spec.section, spec.date),
    )


def table(report: Report) -> str:
    rows = [f"{'part':<12} {'recovered':>10} {'total':>8} {'share':>8}"]
    for part, tally in report.parts.items():
        rows.append(f"{part:<12} {tally.recovered:>10} {tally.total:>8} {tally.share:>8.2%}")
    whole = report.whole / max(report.articles, 1)
    rows.append(f"{'whole':<12} {report.whole:>10} {report.articles:>8} {whole:>8.2%}")
    rows.append(f"crashed: {report.crashed}; {report.seconds:.1f} s for {report.articles} articles")
    return "\n".join(rows)


def as_json(report: Report) -> dict[str, Any]:
    data = asdict(report)
    data["parts"] = {p: {**asdict(t), "share": t.share} for p, t in report.parts.items()}
    data["misses"] = dict(report.misses)
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--examples", type=int, default=3, help="misses to list per part")
    parser.add_argument("--show", type=int, help="print one article's layout and its misses")
    args = parser.parse_args(argv)
    if args.show is not None:
        show(args.show, args.seed)
        return 0
    report = measure(args.articles, args.seed, args.examples)
    print(table(report))
    for example in report.examples:
        print(f"  miss: article {example['article']} {example['part']}: {example['detail'][:300]}")
    if args.json:
        args.json.write_text(
            json.dumps(as_json(report), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
