"""Formatted citations, remembered between builds and computed in parallel when many are new.

citeproc-py takes milliseconds per entry, which adds up to minutes for a large archive; the
result only depends on the CSL item, the style and bantin.cite itself, so it is cached under
`.cache/bantin/` with a key over all three. The cache never changes the output.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from bantin.site.meta import CiteApi

log = logging.getLogger("bantin.site")

STYLES = ("apa", "vn")
KINDS = ("html", "text")
PARALLEL_FROM = 64
Job = tuple[dict[str, Any], str, str]


def cite_fingerprint() -> str:
    """Hash of bantin.cite's code and styles: a change there invalidates the cache."""
    digest = hashlib.sha256()
    package = resources.files("bantin")
    for folder in ("cite", "data/csl"):
        base = package / folder
        if not base.is_dir():
            continue
        for item in sorted(base.iterdir(), key=lambda t: t.name):
            if item.is_file() and item.name.endswith((".py", ".csl", ".xml")):
                digest.update(item.name.encode() + item.read_bytes())
    return digest.hexdigest()


def job_key(fingerprint: str, job: Job) -> str:
    item, style, kind = job
    text = json.dumps([fingerprint, item, style, kind], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def run_job(job: Job) -> str:
    """One formatting job, in a worker process (uses the real bantin.cite)."""
    import bantin.cite as cite

    item, style, kind = job
    if kind == "html":
        return str(cite.format_citation_html(item, style))
    return str(cite.format_citation(item, style))


@dataclass
class CitationCache:
    """Formatted citations by job key; `path` None keeps it in memory only."""

    cite: CiteApi
    path: Path | None = None
    fingerprint: str = field(default_factory=cite_fingerprint)
    known: dict[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, cite: CiteApi, path: Path | None) -> CitationCache:
        cache = cls(cite, path)
        if path is not None and path.is_file():
            try:
                cache.known = json.loads(path.read_text(encoding="utf-8"))
            except (ValueError, OSError) as error:
                log.warning("%s: unreadable citation cache, starting afresh (%s)", path, error)
        return cache

    def format(self, item: dict[str, Any], style: str, kind: str) -> str:
        key = job_key(self.fingerprint, (item, style, kind))
        self.used.add(key)
        if key not in self.known:
            self.known[key] = self._format_here((item, style, kind))
        return self.known[key]

    def _format_here(self, job: Job) -> str:
        item, style, kind = job
        if kind == "html":
            return self.cite.format_citation_html(item, style)
        return self.cite.format_citation(item, style)

    def prefill(self, items: Sequence[dict[str, Any]]) -> None:
        """Format every missing citation, in worker processes when there are many."""
        jobs = [(item, s, k) for item in items for s in STYLES for k in KINDS]
        missing = [j for j in jobs if job_key(self.fingerprint, j) not in self.known]
        if len(missing) < PARALLEL_FROM or not self._is_real_cite():
            return
        workers = max(1, min(os.cpu_count() or 1, 8))
        # fork: the workers need no re-import of the caller's main module. The build runs this
        # stage without the progress display's refresh thread, so no lock is held at fork time.
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            done = pool.map(run_job, missing, chunksize=32)
            for job, text in zip(missing, done, strict=True):
                self.known[job_key(self.fingerprint, job)] = text

    def _is_real_cite(self) -> bool:
        return getattr(self.cite, "__name__", "") == "bantin.cite"

    def save(self) -> None:
        """Keep only what this build used, sorted, so the cache does not grow forever."""
        if self.path is None:
            return
        kept = {key: self.known[key] for key in sorted(self.used) if key in self.known}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temp = self.path.with_suffix(".tmp")
        temp.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
        os.replace(temp, self.path)
