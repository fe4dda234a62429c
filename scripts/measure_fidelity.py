"""Measure the PDF route on the real PDFs of the development corpus and write FIDELITY.md.

    .venv/bin/python scripts/measure_fidelity.py [--cache .cache/devcorpus] [--out FIDELITY.md]

Each PDF of benchmarks/fidelity/corpus.yml found in the cache (scripts/devcorpus.py fills it)
is ingested and converted in a scratch folder and scored against its gold. Without the cache
nothing is measured and the report is left as it is (exit 0), so CI does not depend on it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bantin.fidelity import (
    CACHE_DIR,
    ROOT,
    Counts,
    Paragraphs,
    Score,
    cached_pdf,
    corpus,
    found_first,
    load_gold,
    measure_pdf,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE_DIR)
    parser.add_argument("--out", type=Path, default=ROOT / "FIDELITY.md")
    parser.add_argument("--only", nargs="*", help="ids of corpus.yml to measure")
    args = parser.parse_args(argv)
    rows: list[tuple[dict[str, Any], Score]] = []
    for item in corpus():
        if args.only and item["id"] not in args.only:
            continue
        pdf, gold = cached_pdf(item["id"], args.cache), load_gold(item["id"])
        if pdf is None or gold is None:
            print(f"{item['id']}: {'no cached PDF' if pdf is None else 'no gold'}; skipped")
            continue
        with tempfile.TemporaryDirectory(prefix="bantin-fidelity-") as scratch:
            score = measure_pdf(pdf, gold, Path(scratch))
        rows.append((item, score))
        print(f"{item['id']}: {summary(score)}")
        for miss in score.misses:
            print(f"    {miss}")
    if not rows:
        print("no cached PDF of the corpus: nothing measured (run scripts/devcorpus.py first)")
        return 0
    args.out.write_text(report(rows, argv), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


def pct(counts: Counts) -> str:
    share = counts.share()
    return "–" if share is None else f"{counts.hit}/{counts.of} ({100 * share:.0f} %)"


def prf(paragraphs: Paragraphs) -> str:
    scores = paragraphs.scores()
    if scores is None:
        return "–"
    precision, recall, f1 = scores
    return f"{precision:.2f} / {recall:.2f} / **{f1:.2f}**"


def layer(score: Score) -> str:
    share = score.text_layer.share()
    return "–" if share is None else f"{100 * share:.0f} %"


def summary(score: Score) -> str:
    return (
        f"starts {pct(score.starts)}, titles {pct(score.titles)}, authors {pct(score.authors)}, "
        f"paragraphs P/R/F1 {prf(score.paragraphs)}, text route {prf(score.text_route)}, "
        f"{score.seconds:.1f} s"
    )


def report(rows: list[tuple[dict[str, Any], Score]], argv: list[str] | None) -> str:
    total, whole = Score(), Paragraphs()
    for _, score in rows:
        total += score
        if score.text_layer_whole():
            whole += score.text_route
    words = pct(total.text_layer)
    lines = [
        "# Fidelity on real PDFs",
        "",
        "How well `bantin ingest` and the converter recover real Vietnamese magazine and journal",
        "PDFs, scored against gold annotations made by reading the pages",
        "([`benchmarks/fidelity/`](benchmarks/fidelity/): facts and paragraph fingerprints only;",
        "the PDFs stay in a git-ignored cache). Each PDF is ingested into a scratch project as an",
        "editor would, converted, read back from its Markdown and compared.",
        "",
        "- Command: `.venv/bin/python scripts/measure_fidelity.py`",
        f"- Date: {dt.date.today().isoformat()}; bantin commit {_commit()}",
        f"- Machine: {_machine()}",
        "- Paragraphs: exact match of the NFC, white-space-collapsed text (sha256), precision /",
        "  recall / F1 over the articles whose paragraphs are annotated (a paragraph's",
        "  superscript figures also compared as plain ones, as the text layer the gold is",
        "  written from may give them; a bulleted list's items count as paragraphs, their",
        "  bullets taken off). Text route: `pdftotext`",
        "  output of the same pages given to the converter as an editor's pasted text. Text",
        "  layer: the share of the words of the paragraphs the PDF route read right that",
        "  `pdftotext`'s text holds (a font that names no letter for a glyph loses them, and no",
        "  converter of the pasted text can give them back); it holds its words at 95 % or more.",
        "- Interleaved pages: lines holding words of two columns. Furniture left: blocks the gold",
        "  does not have as they are, holding a running head of the gold as printed, or opening",
        "  or ending with a page number of the article.",
        "- Review list: an article has a defect when its title, authors or last page are not",
        "  the gold's or its paragraphs score an F1 under 0.9; it is listed when the converter",
        "  gave it reasons for review (`bantin review`). Every article with a defect should be",
        "  listed; an article listed without one costs an editor a look.",
        "",
        "## Overall",
        "",
        "| measure | result |",
        "|---|---|",
        f"| article first pages | {pct(total.starts)} |",
        f"| article last pages | {pct(total.ends)} |",
        f"| titles, exact | {pct(total.titles)} |",
        f"| titles, ignoring case | {pct(total.titles_ci)} |",
        f"| authors (names, without rank or degree) | {pct(total.authors)} |",
        f"| body paragraphs, exact P / R / F1 | {prf(total.paragraphs)} |",
        f"| text route (pdftotext output), exact P / R / F1 | {prf(total.text_route)} |",
        f"| text route, PDFs whose text layer holds their words, P / R / F1 | {prf(whole)} |",
        f"| words of the paragraphs read right that pdftotext's text holds | {words} |",
        f"| pages with interleaved columns | {total.interleaved} of {total.pages} |",
        f"| running heads or page numbers left in the text | {total.furniture_left} |",
        f"| articles found that the gold does not list | {total.extra_articles} |",
        f"| articles with a defect that the review list names | {pct(total.defects_listed())} |",
        "| articles the review list names that have a defect "
        f"| {pct(total.listed_with_defect())} |",
        "| ranked least confident first, the articles with a defect among as many from the top "
        f"| {pct(found_first(total.reviewed))} |",
        f"| time (ingest and convert) | {total.seconds:.1f} s for {total.pages} pages |",
        "",
        "## Per PDF",
        "",
        "| PDF | pages | starts | last pages | titles | titles (any case) | authors "
        "| paragraphs P / R / F1 | text route P / R / F1 | text layer | interleaved | furniture "
        "| time |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for item, score in rows:
        lines.append(
            f"| {item['id']} ({item['kind']}) | {score.pages} | {pct(score.starts)} "
            f"| {pct(score.ends)} | {pct(score.titles)} | {pct(score.titles_ci)} "
            f"| {pct(score.authors)} | {prf(score.paragraphs)} | {prf(score.text_route)} "
            f"| {layer(score)} | {score.interleaved} | {score.furniture_left} "
            f"| {score.seconds:.1f} s |"
        )
    lines += ["", "## What is still wrong", ""]
    for item, score in rows:
        if score.misses:
            lines.append(f"- **{item['id']}**:")
            lines += [f"  - {miss}" for miss in score.misses[:12]]
            if len(score.misses) > 12:
                lines.append(f"  - and {len(score.misses) - 12} more")
    return "\n".join(lines) + "\n"


def _commit() -> str:
    result = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    return result.stdout.strip() or "unknown"


def _machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, {_poppler()}"
    )


def _poppler() -> str:
    result = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True)
    version = (result.stderr or result.stdout).splitlines()
    return version[0] if version else "poppler unknown"


if __name__ == "__main__":
    sys.exit(main())
