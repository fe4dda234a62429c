"""Text as XML 1.0 can hold it: front matter may carry characters that XML forbids (control
characters written as YAML escapes), which ElementTree would write into an unreadable file."""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 does not allow."""
    if text.isprintable():  # no control character at all: nothing to take out (most text)
        return text
    return _NOT_XML.sub("", text)
