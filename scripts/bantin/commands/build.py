"""`bantin build`: convert sources/ and build the static site into site/."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from bantin.site.build import BuildOptions, build_site

log = logging.getLogger("bantin")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root")
    parser.add_argument(
        "--keep-going", action="store_true", help="build the rest when some sources fail"
    )
    parser.add_argument(
        "--force", action="store_true", help="let conversion overwrite hand-edited articles"
    )
    parser.add_argument(
        "--clean", action="store_true", help="rewrite every generated page from scratch"
    )


def run(args: argparse.Namespace) -> int:
    options = BuildOptions(
        root=args.root, keep_going=args.keep_going, force=args.force, clean=args.clean
    )
    result = build_site(options)
    log.info(
        "site/: %d articles, %d new URL(s), %d redirect(s)",
        result.articles,
        len(result.added_urls),
        result.redirects,
    )
    if not result.ok:
        log.error("%d problem(s) in this run:\n%s", len(result.problems), result.problems.summary())
        return 1
    return 0
