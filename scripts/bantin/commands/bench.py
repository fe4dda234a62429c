"""`bantin bench`: measure conversion, build, search and page weight at archive scale."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

log = logging.getLogger("bantin")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--articles", type=int, nargs="+", default=[100], help="archive sizes to measure"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median reported)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed")
    parser.add_argument("--workdir", type=Path, default=Path("bench-out"), help="scratch folder")
    parser.add_argument("--json", type=Path, help="write the figures as JSON to this file")
    parser.add_argument(
        "--no-browser", action="store_true", help="skip the Chromium figures (search, page weight)"
    )


def run(args: argparse.Namespace) -> int:
    from bantin import bench

    results = []
    workdir = args.workdir.resolve()
    trash = bench.Trash(workdir)
    with bench.workdir_lock(workdir):
        try:
            for articles in args.articles:
                log.info("measuring %d articles, %d runs each", articles, args.runs)
                results.append(
                    bench.run_bench(
                        articles, args.runs, workdir, args.seed, not args.no_browser, trash
                    )
                )
                if args.json:
                    bench.write_json(results, args.json)
        finally:
            trash.empty()
    print(bench.format_table(results))
    return 0
