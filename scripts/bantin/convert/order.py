"""Reading order: the title band leaves the flow for the front, the body reads on around it.

The extraction may print the title and lead after the first body column; the body segments
keep their source order, and captions after the byline go to the end of the body.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

from bantin.convert.join import join_lines
from bantin.convert.layout import Segment
from bantin.convert.roles import Labelling
from bantin.convert.scholarly import FRONT_REASON
from bantin.exceptions import SourceError
from bantin.model import Article, Role

log = logging.getLogger("bantin.convert.order")

FLOW_ROLES = frozenset({Role.BODY, Role.HEADING, Role.CAPTION})


def take_title_and_lead(article: Article, doc: Labelling, path: Path | str) -> None:
    """Title and lead out of the title band, wherever the extraction printed it."""
    title = [line for line in doc.lines if line.role is Role.TITLE]
    if not title:
        raise SourceError(path, "no title found: no wide title band and no leading heading")
    article.title = join_lines([line.text for line in title])
    lead = [line for line in doc.lines if line.role is Role.LEAD]
    article.lead = join_lines([line.text for line in lead if FRONT_REASON not in line.reason])
    _take_front(article, doc)
    if title[0].reason.endswith("(no wide title band found)"):
        log.warning(
            "%s:%d: no title band; the first short block is taken as the title",
            path,
            title[0].number,
        )
    first_body = next((s for s in doc.segments if s.role is Role.BODY), None)
    if first_body is not None and title[0].number > first_body.first.number:
        article.note(
            "order", "title band moved before the body it was printed after", title[0].number
        )


def _take_front(article: Article, doc: Labelling) -> None:
    """Labelled abstracts and keywords: the Vietnamese abstract is the lead."""
    front = doc.front
    if front.get("lead"):
        article.lead = front["lead"]
    article.abstract_en = front.get("abstract_en", "")
    article.title_en = front.get("title_en", "")
    article.affiliations = [a for a in front.get("affiliations", "").split("\n") if a]
    article.keywords = split_keywords(front.get("keywords", ""))
    article.keywords_en = split_keywords(front.get("keywords_en", ""))
    for name, text in front.items():
        article.note("front", f"{name} taken under its label: {text[:60]!r}")


def split_keywords(text: str) -> list[str]:
    """'a, b; c.' -> ['a', 'b', 'c']."""
    return [word.strip() for word in re.split(r"[,;]", text.strip().rstrip(".")) if word.strip()]


def body_flow(segments: list[Segment]) -> Iterator[tuple[Segment, bool]]:
    """Body, heading and caption segments in reading order, each with 'after the byline'."""
    after_byline = False
    for seg in segments:
        after_byline = after_byline or seg.role is Role.BYLINE
        if seg.role in FLOW_ROLES:
            yield seg, after_byline
