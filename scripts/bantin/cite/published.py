"""When an article was published: when its issue was, never the date the article is about.

The article's `date` is what it reports (a conference, an event); harvesters and registries
want the publication date, which is the issue's: `issue_date`, else the issue's year.
"""

from __future__ import annotations

import datetime as dt

from bantin.metadata import FrontMatter


def issue_published(front: FrontMatter) -> tuple[int, ...]:
    """(year, month, day) of the issue when `issue_date` is known, else (year,)."""
    day = front.issue_date
    return (day.year, day.month, day.day) if day else (front.year,)


def issue_published_text(front: FrontMatter) -> str:
    """'2021-05-15', or '2021' when only the year is known (W3C-DTF, as Dublin Core wants)."""
    return "-".join(f"{part:02d}" for part in issue_published(front))


def issue_day(front: FrontMatter) -> dt.date:
    """A day for protocols that need one: the issue date, else 1 January of its year."""
    return front.issue_date or dt.date(front.year, 1, 1)
