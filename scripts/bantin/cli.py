"""The `bantin` command: a thin front door; each verb lives in `bantin.commands.<verb>`."""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import sys
from collections.abc import Sequence

from bantin import __version__
from bantin.exceptions import BantinError

VERBS = {
    "convert": "convert source texts into Markdown articles under docs/",
    "build": "convert sources/ and build the static site into site/",
    "serve": "serve the built site locally",
    "verify": "check every source's sha256 against what its article records",
    "ingest": "cut a PDF issue into one PDF and sidecar per article",
    "review": "list the converted articles to check, least likely right first",
    "bench": "measure conversion, build, search and page weight at scale",
    "export": "write an issue's deposit for a registry (crossref)",
}


def make_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; only the verb named in argv (all when none is) imports its module."""
    parser = argparse.ArgumentParser(prog="bantin", description=__doc__)
    parser.add_argument("--version", action="version", version=f"bantin {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="show debug messages")
    sub = parser.add_subparsers(dest="verb", required=True, metavar="COMMAND")
    wanted = named_verb(argv)
    for verb, help_text in VERBS.items():
        verb_parser = sub.add_parser(verb, help=help_text, description=help_text)
        if wanted in (None, verb):
            module = importlib.import_module(f"bantin.commands.{verb}")
            module.add_arguments(verb_parser)
            verb_parser.set_defaults(run=module.run)
    return parser


def named_verb(argv: Sequence[str] | None) -> str | None:
    """The verb the command line names (its first word that is not an option), if known."""
    words = [word for word in (sys.argv[1:] if argv is None else argv) if word[:1] != "-"]
    return words[0] if words and words[0] in VERBS else None


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser(argv).parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args.run(args))
    except BantinError as error:
        logging.getLogger("bantin").error("%s", error)
        return 1


def program() -> int:
    """The `bantin` program: `main()`, its objects then left out of the collections Python
    makes as it exits. The process ends: its memory goes back to the system whole, and a
    build of a large archive leaves enough behind that collecting it costs a third of a
    second. Exit handlers still run (temporary folders removed) and objects alive are freed
    as usual; only cycles left for the collector are not looked for."""
    status = main()
    gc.freeze()
    return status


if __name__ == "__main__":
    sys.exit(program())
