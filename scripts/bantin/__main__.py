from __future__ import annotations

import sys

from bantin.cli import main

sys.exit(main())
