"""Fuzz for a while: the properties of tests/test_properties.py (reading never raises on any
bytes or front matter, extraction never on any text, `checker check` ends with 0, 1 or 2 and
never a traceback), run round after round with fresh random examples until the time is spent.

    .venv/bin/python -m tests.fuzz --minutes 10

Each round runs every property on --examples new examples (Hypothesis draws them at random
each time). A property that fails stops the run: Hypothesis prints the smallest failing
example it found, and the exit status is 1; 0 when the time ran out with nothing found.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
import traceback


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to fuzz (default 10)")
    parser.add_argument("--examples", type=int, default=200, help="examples per property in each round (default 200)")
    args = parser.parse_args()
    os.environ["CHECKER_FUZZ_EXAMPLES"] = str(args.examples)   # (read when the properties are imported)
    properties = importlib.import_module("tests.test_properties")
    tests = [(name, test) for name, test in vars(properties).items() if name.startswith("test_") and callable(test)]
    end = time.monotonic() + args.minutes * 60
    rounds, examples = 0, 0
    while time.monotonic() < end:
        for name, test in tests:
            try:
                test()
            except Exception:   # (Hypothesis has printed the falsifying example)
                traceback.print_exc()
                print(f"fuzz: {name} failed after {rounds} rounds ({examples:,} examples)", file=sys.stderr)
                return 1
            examples += args.examples
            if time.monotonic() >= end:
                break
        rounds += 1
        print(f"fuzz: round {rounds}: {examples:,} examples, nothing found", file=sys.stderr, flush=True)
    print(f"fuzz: {args.minutes:g} minutes, {examples:,} examples over {len(tests)} properties: nothing found",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
