"""`bantin convert SRC... --out DIR`: source texts (files or folders) into Markdown articles."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from pathlib import Path

from bantin.exceptions import Problems, SourceError
from bantin.metadata import IssueInfo
from bantin.pipeline import convert_paths, default_converter
from bantin.sources import SourceFile, is_pdf, load_sidecar
from bantin.store import project_lock

log = logging.getLogger("bantin")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Sources, output folder and the switches of the run."""
    parser.add_argument("sources", nargs="+", type=Path, metavar="SRC", help="files or folders")
    parser.add_argument("--out", type=Path, help="output folder (ROOT/docs)")
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root")
    parser.add_argument("--force", action="store_true", help="overwrite hand-edited articles")
    parser.add_argument(
        "--keep-going", action="store_true", help="write the good articles when some fail"
    )
    parser.add_argument(
        "--explain", action="store_true", help="show every decision for SRC; write nothing"
    )


def explain(paths: list[Path]) -> int:
    """Print the converter's decisions for each file; nothing is written."""
    converter = default_converter()
    formatter = importlib.import_module("bantin.convert.explain").format_explanation
    problems = Problems()
    for path in paths:
        try:
            if is_pdf(path) and converter.convert_pdf is not None:
                article = converter.convert_pdf(path, load_sidecar(describe_one(path)), IssueInfo())
            else:
                article = converter.convert(converter.read(path), path)
            sys.stdout.write(str(formatter(article)).rstrip("\n") + "\n")
        except SourceError as error:
            problems.add_error(error)
        except OSError as error:
            problems.add_error(SourceError(path, f"cannot read: {error}"))
    return 1 if problems else 0


def run(args: argparse.Namespace) -> int:
    """Convert, print the counts, list every problem; non-zero exit on any problem."""
    if args.explain:
        return explain(list(args.sources))
    out = args.out if args.out is not None else args.root / "docs"
    with project_lock(args.root):
        report = convert_paths(
            list(args.sources), args.root, out, force=args.force, keep_going=args.keep_going
        )
    print(report.summary())
    if report.problems:
        log.error("%d problem(s) in this run:", len(report.problems))
        for problem in report.problems:
            print(problem, file=sys.stderr)
        return 1
    return 0


def describe_one(path: Path) -> SourceFile:
    """A source given alone on the command line, with the sidecar beside it."""
    sidecar = path.with_suffix(".yml")
    return SourceFile(path, path.name, None, sidecar if sidecar.is_file() else None)
