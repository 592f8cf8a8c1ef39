#!/usr/bin/env python3
"""`checker check` end to end on a corpus and on repetitions of it: wall time and peak memory.

    .venv/bin/python bench/check_scale.py [--corpus PATH] [--scales 1,10] [--jobs 2] [--json OUT]

For each scale N the corpus's JSON Lines are written N times to one generated .jsonl.gz file
(each copy's ids suffixed, so that every article is its own), and `checker check FILE
--jobs J --no-store --format json -q` runs on it as a user would run it. Reported: wall
seconds, seconds per 1,000 articles and their ratio to the 1x figure, and the peak resident
memory of the largest process (the main one or a worker: `os.wait4` gives the largest of a
process and the children it waited for). The copies repeat the same works and names, so
the work registry does not grow with them; the articles, sentences and claims do.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from extract_speed import DEFAULT_CORPUS, markdown_table


def write_copies(corpus: Path, copies: int, target: Path) -> int:
    """The corpus `copies` times over, ids made unique; the number of articles written."""
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as source:
        lines = [line for line in source if line.strip()]
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=1) as out:
        for copy in range(copies):
            for line in lines:
                record = json.loads(line)
                if copy:
                    record["id"] = f"{record['id']}-copy{copy}"
                out.write(json.dumps(record) + "\n")
    return len(lines) * copies


def run(corpus_file: Path, jobs: str) -> tuple[float, float, int]:
    """Wall seconds, peak MiB of the largest process, exit status."""
    checker = Path(sys.executable).with_name("checker")
    start = time.perf_counter()
    process = subprocess.Popen([str(checker), "check", str(corpus_file), "--jobs", jobs, "--no-store",
                                "--format", "json", "--fail-on", "never", "-q"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--scales", default="1,10")
    parser.add_argument("--jobs", default="2")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for scale in sorted({int(value) for value in args.scales.split(",")}):
            target = Path(scratch) / f"corpus-x{scale}.jsonl.gz"
            articles = write_copies(args.corpus, scale, target)
            print(f"  {scale}x: {articles:,} articles ...", file=sys.stderr)
            seconds, peak, status = run(target, args.jobs)
            if status not in (0, 1):
                sys.exit(f"check_scale: `checker check` on {scale}x exited {status}")
            rows.append({"scale": scale, "articles": articles, "seconds": seconds, "peak_mib": peak,
                         "seconds_per_1000": seconds / articles * 1000})
            # (each scale's figures as soon as it is done: a 100x run takes hours)
            print(f"  {scale}x: {seconds:.1f} s, peak {peak:,.0f} MiB", file=sys.stderr, flush=True)
            target.unlink()
    one = next((row for row in rows if row["scale"] == 1), None)
    print(f"{args.corpus.name}, --jobs {args.jobs}, {platform.machine()}, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}")
    print(markdown_table(
        ["scale", "articles", "seconds", "s per 1,000 articles", "vs 1x", "peak MiB, largest process"],
        [[f"{row['scale']}x", f"{row['articles']:,}", f"{row['seconds']:.1f}", f"{row['seconds_per_1000']:.2f}",
          f"{row['seconds_per_1000'] / one['seconds_per_1000']:.2f}x" if one else "-", f"{row['peak_mib']:,.0f}"]
         for row in rows]))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
