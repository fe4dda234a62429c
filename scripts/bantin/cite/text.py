"""Text clean-up shared by the citation formats: one NFC line without control characters."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\ufdd0-\ufdef]")


def one_line(text: str) -> str:
    """NFC text on one line: whitespace runs as one space, other control characters dropped.

    Unicode noncharacters go too: the HTML formatter uses them as placeholders.
    """
    folded = _SPACES.sub(" ", unicodedata.normalize("NFC", text))
    return _CONTROLS.sub("", folded).strip()
