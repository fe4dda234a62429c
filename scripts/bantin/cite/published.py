"""When an article was published: when its issue was, never the date the article is about.

The article's `date` is what it reports (a conference, an event); harvesters and registries
want the publication date, which is the issue's (`FrontMatter.published`: `issue_date`, else
the issue's month and year, else its year).
"""

from __future__ import annotations

import datetime as dt

from bantin.metadata import FrontMatter


def issue_published(front: FrontMatter) -> tuple[int, ...]:
    """(year, month, day), (year, month) or (year,): as precisely as the issue is dated."""
    return front.published


def issue_published_text(front: FrontMatter) -> str:
    """'2021-05-15', '2021-05' or '2021' (W3C-DTF, as Dublin Core wants)."""
    return "-".join(f"{part:02d}" for part in issue_published(front))


def issue_day(front: FrontMatter) -> dt.date:
    """A day for protocols that need one: the first day the issue can have been published."""
    return front.published_day
