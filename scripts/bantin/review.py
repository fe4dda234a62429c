"""How much to trust a converted article: its review reasons weighed into a confidence.

The converter says why an editor should look at an article (no author found, the contents
page gives another title, few paragraphs...); `bantin review` lists the articles least likely
right first. An editor who has checked an article deletes its `review` list.
"""

from __future__ import annotations

#: Weight of each kind of reason (by how the reason starts); anything else weighs DEFAULT.
WEIGHTS = (
    ("no text found", 1.0),
    ("no title found", 0.5),
    ("columns may be interleaved", 0.4),
    ("no author found", 0.3),
    ("contents page gives another title", 0.3),
    ("contents page gives other authors", 0.2),
    ("only ", 0.2),
    ("title restored from capitals: check the case", 0.25),
    ("title restored from capitals", 0.1),
    ("has tables", 0.1),
)
DEFAULT = 0.15


def weight(reason: str) -> float:
    for start, value in WEIGHTS:
        if reason.startswith(start):
            return value
    return DEFAULT


def confidence(reasons: list[str]) -> float:
    """1 with nothing to check, down to 0; two decimals, so the front matter stays stable."""
    return round(max(0.0, 1.0 - sum(weight(reason) for reason in reasons)), 2)
