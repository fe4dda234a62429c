"""Vietnamese full-text search for the static archive: folding, index builder, query."""

from __future__ import annotations

from bantin.search.builder import SearchIndexReport, build_index
from bantin.search.text import fold, parse_query

__all__ = ["SearchIndexReport", "build_index", "fold", "parse_query"]
