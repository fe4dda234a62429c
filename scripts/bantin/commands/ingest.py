"""`bantin ingest ISSUE.pdf --issue N --year Y`: one article PDF and sidecar per article, the
issue's PDF kept beside them; every disagreement with the contents page reported."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from bantin.exceptions import SourceError
from bantin.metadata import IssueInfo
from bantin.pdf.ingest import IssueTarget, plan_issue, write_issue
from bantin.yamlio import read_model

log = logging.getLogger("bantin")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The PDF, the issue it is (numbers or an issue YAML) and the repository root."""
    parser.add_argument("pdf", type=Path, metavar="ISSUE.pdf", help="the PDF issue")
    parser.add_argument("--issue", type=int, help="issue number")
    parser.add_argument("--year", type=int, help="year of the issue")
    parser.add_argument("--issue-yml", type=Path, help="an issue YAML giving issue and year")
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root")


def run(args: argparse.Namespace) -> int:
    """Cut the PDF into articles and write their sources under sources/YEAR/NN/."""
    target = IssueTarget(args.root.resolve(), *_year_and_issue(args))
    if not args.pdf.is_file():
        raise SourceError(args.pdf, "no such file")
    doc, plan = plan_issue(args.pdf)
    if not plan.articles:
        raise SourceError(args.pdf, "no article found: no title set apart from the body text")
    for note in plan.notes:
        log.warning("%s: %s", args.pdf, note)
    for path in write_issue(args.pdf, doc, plan, target):
        log.info("wrote %s", target.relative(path))
    log.info("%s: %d articles in %s", args.pdf, len(plan.articles), target.relative(target.folder))
    return 0


def _year_and_issue(args: argparse.Namespace) -> tuple[int, int]:
    """Year and issue from the options, else from the issue YAML."""
    info = read_model(IssueInfo, args.issue_yml) if args.issue_yml else IssueInfo()
    year, issue = args.year or info.year, args.issue or info.issue
    if year is None or issue is None:
        raise SourceError(args.pdf, "give --issue and --year (or --issue-yml with both)")
    return year, issue
