"""bantin: turns a Vietnamese bulletin's extracted PDF text into a searchable static archive."""

from __future__ import annotations

__version__ = "0.3.0"
CONVERTER_VERSION = __version__
