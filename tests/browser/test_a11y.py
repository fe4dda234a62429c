"""Accessibility with axe-core (npm package `axe-core`) in chromium: no serious or critical
violation on the home, issue, article and search pages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Protocol

import pytest
from playwright.sync_api import Browser, Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}
RUN_AXE = "() => axe.run(document, {resultTypes: ['violations']})"


class Following(Protocol):
    @property
    def paths(self) -> Any: ...

    def follow(self, page: Page, pattern: re.Pattern[str]) -> str: ...


def violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now."""
    assert AXE.is_file(), f"{AXE} missing: run `npm ci --ignore-scripts` (make test does)"
    page.add_script_tag(path=str(AXE))
    results: dict[str, Any] = page.evaluate(RUN_AXE)
    return [v for v in results["violations"] if v.get("impact") in BLOCKING]


def describe(found: list[dict[str, Any]]) -> str:
    lines = []
    for violation in found:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
        lines.append(f"{violation['impact']} {violation['id']}: {violation['help']} → {targets}")
    return "\n".join(lines)


def open_kind(page: Page, navigator: Following, kind: str) -> None:
    """Reach a page of `kind` from the home page, as a reader would."""
    page.goto("")
    if kind == "search":
        page.goto("search/?q=" + "khoa hoc")
        page.locator("#search-results").wait_for(state="attached")
        return
    steps = {"home": [], "issue": ["year", "issue"], "article": ["year", "issue", "article"]}
    for step in steps[kind]:
        navigator.follow(page, getattr(navigator.paths, step))


@pytest.mark.parametrize("kind", ["home", "issue", "article", "search"])
def test_no_serious_accessibility_violations(page: Page, navigator: Following, kind: str) -> None:
    open_kind(page, navigator, kind)
    found = violations(page)
    assert not found, f"{kind} page {page.url}:\n{describe(found)}"


def test_axe_reports_a_violation(browser: Browser) -> None:
    """axe really runs: an image without alt text and an unlabeled button are caught."""
    page = browser.new_page()
    page.set_content(
        '<html lang="vi"><head><title>x</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        "<button></button></main></body></html>"
    )
    ids = {v["id"] for v in violations(page)}
    page.close()
    assert {"image-alt", "button-name"} <= ids
