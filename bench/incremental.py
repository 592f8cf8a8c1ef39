#!/usr/bin/env python3
"""A CI check of one new article against a stored corpus: `checker check --changed NEW.md`.

    .venv/bin/python bench/incremental.py [--corpus PATH] [--store FILE] [--repeat 5]
                                          [--jobs 2] [--json OUT]

Steps, each the `checker` command as CI runs it (a fresh process: interpreter start,
imports and the loading of data files included in every figure; run as an installed
checker runs, with its modules' bytecode cached: PYTHONDONTWRITEBYTECODE, set on some
machines, is dropped for the measured commands, and one unmeasured run writes the cache):

1. a full check of the corpus that records it in a new SQLite store (the store keeps its
   claims, works and spellings); skipped with `--store FILE` naming a store already made;
2. the peer, in the same run: the new article checked by reading the whole corpus again
   (`checker check CORPUS --changed NEW.md --full`, on a copy of the store), what every
   CI check of one article cost before incremental checks;
3. the incremental check, `checker check --changed NEW.md`, `--repeat` times on fresh copies
   of the store (each run records the article, so each starts from the same store): the
   median is the figure.

The new articles are written by this script: one about an invented film the corpus does
not hold (a release date and its move: claims, no finding), and one that dates the release
the stored corpus dates most often three weeks later (a date conflict with stored claims),
so that both a work the store never saw and one it knows are read.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from extract_speed import DEFAULT_CORPUS, markdown_table

ROOT = Path(__file__).resolve().parents[1]
NEW_WORK = """---
title: "Harbor of Glass Moves Up"
outlet: Bench Wire
published: "2024-03-05"
---
Harbor of Glass, the new film from director Odalys Brennan, will premiere in theaters on
November 14, 2024, the studio said on Tuesday. Filming wrapped in January 2024.

Earlier this year the studio had said that Harbor of Glass would open on October 3, 2024.
"""
KNOWN_WORK = """---
title: "{title}: A Date"
outlet: Bench Wire
published: "{published}"
---
{title} will premiere on {date}, the studio confirmed on Tuesday.
"""


def checker() -> str:
    script = Path(sys.executable).with_name("checker")
    if not script.exists():
        sys.exit("install the project first: pip install -e '.[test]'")
    return str(script)


def timed(*args: str) -> tuple[float, subprocess.CompletedProcess]:
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    done = subprocess.run([checker(), *args], capture_output=True, text=True, env=environment)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"incremental: `checker {' '.join(args)}` failed:\n{done.stderr}")
    return seconds, done


def known_article(store: Path) -> str:
    """An article that dates the release the stored corpus dates most often three weeks later
    than its sources do, a month before: a date conflict with the stored claims."""
    import sqlite3

    with sqlite3.connect(store) as connection:
        rows = [json.loads(data) for data, in connection.execute("SELECT data FROM claims WHERE event = 'release'")]
    dated = Counter((claim["subject"]["work"], claim["time"]["value"]) for claim in rows
                    if claim.get("time") and len(claim["time"].get("value") or "") == 10 and not claim["negated"])
    (title, value), _ = max(dated.items(), key=lambda item: (item[1], item[0]))
    day = dt.date.fromisoformat(value)
    later = day + dt.timedelta(days=21)
    return KNOWN_WORK.format(title=title, published=(day - dt.timedelta(days=30)).isoformat(),
                             date=f"{later:%B} {later.day}, {later.year}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--store", type=Path, help="a store a full check of the corpus recorded")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jobs", default="2", help="worker processes for the full checks")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        store = folder / "kept.sqlite"
        full_seconds = None
        if args.store:
            shutil.copy(args.store, store)
        else:
            print(f"full check of {args.corpus} into a new store ...", file=sys.stderr)
            full_seconds, _ = timed("check", str(args.corpus), "--store", str(store), "--jobs", args.jobs,
                                    "--format", "json", "--fail-on", "never", "-q")
        articles = {"a work the store never saw": NEW_WORK, "a work the store knows": known_article(store)}
        rows = []
        for label, text in articles.items():
            new = folder / "new" / "bench-wire-new-article.md"
            new.parent.mkdir(exist_ok=True)
            new.write_text(text, encoding="utf-8")
            runs, found = [], None
            for number in range(args.repeat + 1):
                copy = folder / "run.sqlite"
                shutil.copy(store, copy)
                seconds, done = timed("check", "--changed", str(new), "--store", str(copy), "--format", "json",
                                      "--fail-on", "never", "-q")
                if number:   # the first run writes the bytecode cache
                    runs.append(seconds)
                found = len(json.loads(done.stdout)["findings"])
            copy = folder / "peer.sqlite"
            shutil.copy(store, copy)
            peer, done = timed("check", str(args.corpus), "--changed", str(new), "--full", "--store", str(copy),
                               "--jobs", args.jobs, "--format", "json", "--fail-on", "never", "-q")
            median = statistics.median(runs)
            rows.append({"article": label, "incremental_s": median, "runs_s": runs, "findings": found,
                         "full_reread_s": peer, "full_findings": len(json.loads(done.stdout)["findings"]),
                         "ratio": peer / median})
            print(f"  {label}: {median:.2f} s (median of {len(runs)}); reading the corpus again {peer:.1f} s",
                  file=sys.stderr)
    result = {"date": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()}, {platform.python_version()}",
              "corpus": str(args.corpus), "full_check_s": full_seconds, "runs": rows}
    print(f"corpus: {args.corpus.name}; full check into the store: "
          + (f"{full_seconds:.1f} s" if full_seconds else "(store given)"))
    print(markdown_table(
        ["new article", "incremental, median s", "findings", "reading the corpus again, s", "findings", "ratio"],
        [[row["article"], f"{row['incremental_s']:.2f}", str(row["findings"]), f"{row['full_reread_s']:.1f}",
          str(row["full_findings"]), f"{row['ratio']:.0f}x"] for row in rows]))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
