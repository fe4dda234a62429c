"""Fill the git-ignored cache of real PDFs that scripts/measure_fidelity.py measures.

    .venv/bin/python scripts/devcorpus.py [--git-dir OWNER/NAME=PATH ...] [--cache DIR]

Each PDF of benchmarks/fidelity/corpus.yml is taken out of its public repository at the
commit named there (`git show COMMIT:PATH`) and kept as `.cache/devcorpus/ID.pdf` when its
sha256 is the one recorded. A repository already on disk is named with --git-dir; any other is
cloned (without checking files out) into a temporary folder. Nothing is written elsewhere.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

from bantin.fidelity import CACHE_DIR, corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE_DIR)
    parser.add_argument("--git-dir", action="append", default=[], metavar="OWNER/NAME=PATH")
    args = parser.parse_args(argv)
    known = dict(item.split("=", 1) for item in args.git_dir)
    args.cache.mkdir(parents=True, exist_ok=True)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="bantin-devcorpus-") as scratch:
        for item in corpus():
            target = args.cache / f"{item['id']}.pdf"
            if target.is_file() and _sha256(target.read_bytes()) == item["sha256"]:
                print(f"{item['id']}: cached")
                continue
            try:
                git_dir = known.get(item["repository"]) or _clone(item["repository"], scratch)
                data = _show(git_dir, item["commit"], item["path"])
            except subprocess.CalledProcessError as error:
                print(f"{item['id']}: cannot get it: {error}", file=sys.stderr)
                failed += 1
                continue
            if not data.startswith(b"%PDF") or _sha256(data) != item["sha256"]:
                print(f"{item['id']}: not the recorded file (sha256 differs)", file=sys.stderr)
                failed += 1
                continue
            target.write_bytes(data)
            print(f"{item['id']}: {len(data):,} bytes")
    return 1 if failed else 0


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _clone(repository: str, scratch: str) -> str:
    folder = Path(scratch) / repository.replace("/", "+")
    if not folder.exists():
        url = f"https://github.com/{repository}.git"
        command = ["git", "clone", "--quiet", "--bare", "--filter=blob:none", url, str(folder)]
        subprocess.run(command, check=True)
    return str(folder)


def _show(git_dir: str, commit: str, path: str) -> bytes:
    command = ["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"]
    return subprocess.run(command, check=True, capture_output=True).stdout


if __name__ == "__main__":
    sys.exit(main())
