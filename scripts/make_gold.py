"""Gold text (kept in the git-ignored cache) -> gold facts and fingerprints (committed).

    .venv/bin/python scripts/make_gold.py .cache/devcorpus/gold-text/ID.yml

writes benchmarks/fidelity/gold/ID.yml: running text becomes fingerprints, facts stay.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from bantin.fidelity import GOLD_DIR, fingerprint_gold
from bantin.yamlio import dump_yaml


def main(argv: list[str]) -> int:
    for name in argv:
        source = Path(name)
        text = yaml.safe_load(source.read_text(encoding="utf-8"))
        gold = fingerprint_gold(text, source)
        out = GOLD_DIR / f"{gold['pdf']}.yml"
        out.write_text(dump_yaml(gold), encoding="utf-8")
        print(f"{source} -> {out} ({len(gold['articles'])} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
