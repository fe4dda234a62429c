from __future__ import annotations

from bantin.cli import run

run()
