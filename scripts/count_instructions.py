"""Instructions per converted article, counted by valgrind: a measure of the converter's cost
that does not move with the load of a shared machine (times there move by 10 % and more).

    .venv/bin/python scripts/count_instructions.py [--articles 120] [--seed 1]

Generates the articles with the benchmark's corpus generator, then counts the instructions of
one serial conversion of all of them and of the same process converting none, and prints the
difference per article. Needs valgrind (Debian: apt-get install valgrind); takes about 20 s.
It measures the bantin package next to it: to compare two versions, run a copy of it from
each version's checkout with the same arguments.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

INSTRUCTIONS_RE = re.compile(r"I\s+refs:\s+([\d,]+)")


def convert(root: Path, articles: bool) -> None:
    """What is counted: one conversion in this process, or only its start (imports)."""
    from bantin import pipeline

    if articles:
        pipeline.convert_sources(root, root / "docs", workers=1)


def counted(root: Path, articles: bool) -> int:
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--run",
        str(root),
        "yes" if articles else "no",
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    shutil.rmtree(root / "docs", ignore_errors=True)
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    found = INSTRUCTIONS_RE.search(result.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no instruction count:\n{result.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--run", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        convert(Path(args.run[0]), args.run[1] == "yes")
        return 0
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    from bantin import corpus

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        corpus.generate(args.articles, root / "sources", seed=args.seed)
        convert(root, True)  # once outside valgrind: compiled files and caches in place
        total = counted(root, True) - counted(root, False)
    print(f"{total / args.articles / 1e6:.2f} million instructions per article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
