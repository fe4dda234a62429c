from __future__ import annotations

import sys

from bantin.cli import program

sys.exit(program())
