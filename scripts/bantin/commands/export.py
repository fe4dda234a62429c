"""`bantin export crossref --issue YEAR/N`: a Crossref deposit of an issue's articles with a DOI."""

from __future__ import annotations

import argparse
import logging
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from bantin.catalogue import load_catalogue
from bantin.cite.crossref import Article, Deposit, Depositor, deposit_xml
from bantin.exceptions import BantinError
from bantin.store import write_atomic

log = logging.getLogger("bantin")

_ISSUE = re.compile(r"^(?P<year>\d{4})/(?P<issue>\d{1,3})$")


def issue_argument(value: str) -> tuple[int, int]:
    match = _ISSUE.match(value.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"{value!r}: write the issue as YEAR/N, e.g. 2021/5")
    return int(match.group("year")), int(match.group("issue"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    formats = parser.add_subparsers(dest="format", required=True, metavar="FORMAT")
    crossref = formats.add_parser(
        "crossref",
        help="a Crossref deposit (schema 5.3.1) of an issue's articles that have a doi",
        description="Writes a Crossref deposit (schema 5.3.1) of the issue's articles that "
        "have a doi. Depositor and registrant come from the options or from extra.crossref "
        "(depositor_name, depositor_email, registrant) in mkdocs.yml.",
    )
    crossref.add_argument("--issue", type=issue_argument, required=True, help="YEAR/N")
    crossref.add_argument("--root", type=Path, default=Path("."), help="repository root")
    crossref.add_argument(
        "--out", help="file to write ('-' for standard output; default crossref-YEAR-so-N.xml)"
    )
    crossref.add_argument("--depositor-name", help="who deposits (Crossref account holder)")
    crossref.add_argument("--depositor-email", help="where Crossref sends the deposit report")
    crossref.add_argument("--registrant", help="the organisation that owns the DOIs")
    crossref.add_argument("--batch-id", help="doi_batch_id (default: digest of the content)")
    crossref.add_argument(
        "--timestamp",
        type=int,
        help="deposit timestamp, YYYYMMDDhhmmss (default: the issue's date); a corrected "
        "deposit of the same DOIs needs a larger one than the last",
    )


def site_config(root: Path) -> dict[str, Any]:
    """site_url, site_name and extra of mkdocs.yml, read as MkDocs reads it."""
    from bantin.site.build import load_mkdocs_config

    with tempfile.TemporaryDirectory() as scratch:
        config = load_mkdocs_config(root, "mkdocs.yml", Path(scratch) / "site")
    return {
        "site_url": str(config["site_url"] or "http://127.0.0.1:8000/"),
        "site_name": str(config["site_name"]),
        "extra": dict(config["extra"] or {}),
    }


def depositor(args: argparse.Namespace, extra: dict[str, Any]) -> Depositor:
    """Options win over extra.crossref of mkdocs.yml."""
    given = extra.get("crossref") or {}
    return Depositor(
        args.depositor_name or str(given.get("depositor_name") or ""),
        args.depositor_email or str(given.get("depositor_email") or ""),
        args.registrant or str(given.get("registrant") or ""),
    )


def crossref(args: argparse.Namespace) -> int:
    year, number = args.issue
    root: Path = args.root
    config = site_config(root)
    entries = [
        e for e in load_catalogue(root / "docs") if (e.front.year, e.front.issue) == (year, number)
    ]
    articles = [Article(e.front, e.url, f"docs/{e.path.as_posix()}") for e in entries]
    deposit = Deposit(
        year,
        number,
        config["site_name"],
        config["site_url"],
        depositor(args, config["extra"]),
        args.batch_id,
        args.timestamp,
    )
    content = deposit_xml(deposit, articles)
    for article in articles:
        if not article.front.doi:
            log.info("%s: no doi, not in the deposit", article.where)
    deposited = sum(1 for a in articles if a.front.doi)
    if args.out == "-":
        sys.stdout.buffer.write(content)
        return 0
    out = Path(args.out) if args.out else root / f"crossref-{year}-so-{number}.xml"
    write_atomic(out, content)
    log.info("%s: Crossref deposit of %d article(s) of issue %d/%d", out, deposited, year, number)
    return 0


def run(args: argparse.Namespace) -> int:
    if args.format == "crossref":
        return crossref(args)
    raise BantinError(f"unknown export format {args.format!r}")
