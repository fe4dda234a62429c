"""`bantin review`: the converted articles an editor should check, least likely right first."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bantin.exceptions import MetadataError
from bantin.markdown import read_article


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the Markdown edition")
    parser.add_argument("--limit", type=int, default=0, help="list at most this many")


def run(args: argparse.Namespace) -> int:
    """Print each article with review reasons: confidence, path, title, reasons."""
    found = []
    for path in sorted(args.docs.rglob("*.md")):
        try:
            front = read_article(path).front
        except MetadataError:
            continue  # hand-written pages have no article front matter
        if front.review:
            found.append((front.confidence if front.confidence is not None else 1.0, path, front))
    found.sort(key=lambda item: (item[0], str(item[1])))
    for score, path, front in found[: args.limit or None]:
        print(f"{score:.2f}  {path}  {front.title}")
        for reason in front.review:
            print(f"      - {reason}")
    print(f"{len(found)} article(s) to check", file=sys.stderr)
    return 0
