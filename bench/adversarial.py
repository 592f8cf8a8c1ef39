#!/usr/bin/env python3
"""Pathological inputs: `checker check` time and peak memory against input size, per shape.

    .venv/bin/python bench/adversarial.py [--sizes 1,10,100] [--shapes NAME,...] [--jobs 2]
                                          [--scratch DIR] [--json OUT]

Each shape is written at each size (megabytes of input) to a scratch folder, then `checker
check --no-store --format json --fail-on never -q --jobs J` runs on it in a fresh
interpreter, as a user would run it (the writing is not timed). Shapes:

- long-token:    articles of one token each, 1 MB apiece, without a space: an image pasted
                 in as a data URI ("data:image/png;base64,iVBORw0K..."), capitals, digits
                 and slashes;
- long-line:     articles of one line each, 1 MB apiece, of ordinary lower-case words and no
                 sentence punctuation;
- long-sentence: articles of one sentence each, 1 MB apiece, no full stop: ordinary words,
                 names, and about every 12 KB a work with a trigger and a date ("Moon
                 Garden will premiere in March 2019"; the dates disagree);
- jsonl-line:    a JSON Lines corpus of ten ordinary articles and one record of the whole
                 size, over the article limit (--max-article-size 512KB, so that it is at
                 every size): reported and skipped, the others read;
- gzip-bomb:     a .jsonl.gz of the size (compressed) that expands about a thousandfold: two
                 ordinary records, then one line of spaces that never ends;
- many-files:    a folder of 1,000 files per megabyte (about 1 KB each: a short Markdown
                 article, one in five dating a work);
- one-article:   the three text shapes again as one article each of 1, 2 and 4 MB (4 MB is
                 the default --max-article-size): an article's own cost up to the limit.

The corpora of the first three are JSON Lines files with one article per megabyte, so that
100 MB is 100 articles of the shape (one of 100 MB would be over the article limit and not
read). Reported per run: seconds (the command's own, from its call to its exit: interpreter
start and imports excluded), seconds per MB, peak resident memory of the main process
(VmHWM) and of the largest worker, the exit status, articles and claims; then, per shape,
the seconds per MB at the largest size over those at the smallest (1.00: linear growth).
"""
from __future__ import annotations

import argparse
import base64
import gzip
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

MB = 2**20
WORDS = ("the show said that a new season of our series was coming back to screens after cast and crew spent "
         "months on set with fans who waited for news about it while critics wrote long pieces on what it "
         "meant for streaming and for the studio").split()
TITLES = ["Moon Garden", "Sable Harbor", "The Velvet Lantern", "Pike Ridge", "Glass Orchard", "Copper Vale"]
NAMES = ["Jane Doe", "Sam Rowe", "Director Ada Quill", "Netflix", "HBO", "Nora Fenn"]
TRIGGERS = ["will premiere in March 2019", "will return for a second season", "began filming in June",
            "was renewed", "wrapped production on Friday", "is set to debut on Netflix in the fall",
            "moved its release to May 8 2020", "has been delayed until next year"]
ORDINARY = ("Glass Orchard gets a date\n\nJane Doe told reporters on Monday that the drama Glass Orchard "
            "will premiere on March 3, 2019, after filming wrapped in May in Vancouver. Fans had waited "
            "two years for the second season.")


# --- the shapes: text of about `size` bytes ------------------------------------------------------

def words_until(size: int, rnd: random.Random, next_piece: Callable[[], str], separator: str = " ") -> str:
    pieces, length = [], 0
    while length < size:
        piece = next_piece()
        pieces.append(piece)
        length += len(piece) + len(separator)
    return separator.join(pieces)[:size]


def long_token(size: int, rnd: random.Random) -> str:
    """An image pasted into the text as a data URI: base64, capitals, digits, "+" and "/"."""
    return ("data:image/png;base64," + base64.b64encode(rnd.randbytes(size)).decode())[:size]


def long_line(size: int, rnd: random.Random) -> str:
    return words_until(size, rnd, lambda: rnd.choice(WORDS))


def long_sentence(size: int, rnd: random.Random) -> str:
    def piece() -> str:
        roll = rnd.random()
        if roll < 0.0005:   # a work with a trigger and a date in about 12 KB
            return f"{rnd.choice(TITLES)} {rnd.choice(TRIGGERS)}"
        if roll < 0.05:
            return rnd.choice(NAMES)
        return rnd.choice(WORDS)
    return words_until(size, rnd, piece)


TEXT_SHAPES: dict[str, Callable[[int, random.Random], str]] = {
    "long-token": long_token, "long-line": long_line, "long-sentence": long_sentence}


def record(article_id: str, text: str) -> str:
    return json.dumps({"id": article_id, "title": "", "text": text, "published": "2018-05-01"}) + "\n"


def write_corpus(folder: Path, shape: str, size_mb: int, rnd: random.Random) -> Path:
    """One JSON Lines article of the shape per megabyte."""
    path = folder / f"{shape}-{size_mb}mb.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(size_mb):
            out.write(record(f"{shape}-{number}", TEXT_SHAPES[shape](MB, rnd)))
    return path


def write_jsonl_line(folder: Path, size_mb: int, rnd: random.Random) -> Path:
    path = folder / f"jsonl-line-{size_mb}mb.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(5):
            out.write(record(f"before-{number}", ORDINARY))
        out.write('{"id": "huge", "text": "')
        for _ in range(size_mb):
            out.write(long_line(MB, rnd))
        out.write('"}\n')
        for number in range(5):
            out.write(record(f"after-{number}", ORDINARY))
    return path


def write_gzip_bomb(folder: Path, size_mb: int) -> Path:
    """size_mb of gzip: two records, then spaces until the compressed file is that big (gzip
    members one after another, which readers take as one stream: compressed once, written
    again and again)."""
    path = folder / f"gzip-bomb-{size_mb}mb.jsonl.gz"
    spaces = gzip.compress(b" " * (16 * MB), compresslevel=9)
    with path.open("wb") as out:
        out.write(gzip.compress((record("first", ORDINARY) + record("second", ORDINARY.replace("Glass", "Sable"))
                                 + '{"id": "endless", "text": "').encode()))
        while out.tell() < size_mb * MB:
            out.write(spaces)
    return path


def write_many_files(folder: Path, size_mb: int, rnd: random.Random) -> Path:
    target = folder / f"many-files-{size_mb}mb"
    target.mkdir()
    for number in range(1000 * size_mb):
        if number % 5 == 0:   # (each work's date the same in every file: no conflict to report)
            body = f"{TITLES[number % len(TITLES)]} will premiere in March 2019, the studio said."
        else:
            body = "Fans " + long_line(900, rnd) + "."
        (target / f"note-{number:07d}.md").write_text(
            f"---\nid: note-{number}\ntitle: Note {number}\npublished: 2018-05-01\n---\n{body}\n", encoding="utf-8")
    return target


def write_one_article(folder: Path, shape: str, size_mb: int, rnd: random.Random) -> Path:
    path = folder / f"one-{shape}-{size_mb}mb.txt"
    path.write_text(TEXT_SHAPES[shape](size_mb * MB, rnd), encoding="utf-8")
    return path


# --- one measured run, in its own interpreter -------------------------------------------------------

def peak_mib() -> float:
    """This process's peak resident set (VmHWM), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(arguments: list[str]) -> None:
    """Run `checker ARGUMENTS` here and print what it cost, as JSON (the report is counted,
    then dropped)."""
    import contextlib
    import io
    import resource

    from checker.cli import main

    report = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(report):
        try:
            main(arguments, standalone_mode=False)
            status = 0
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else 2
    seconds = time.perf_counter() - start
    try:
        output = json.loads(report.getvalue())
        counts = {"articles": len(output["articles"]), "claims": len(output["claims"]),
                  "problems": len(output["problems"])}
    except (ValueError, KeyError):
        counts = {}
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "status": status, "peak_mib": peak_mib(), "workers_mib": workers,
                      **counts}))


def run(target: Path, jobs: int, extra: list[str]) -> dict:
    arguments = ["check", str(target), "--no-store", "--format", "json", "--fail-on", "never", "-q",
                 "--jobs", str(jobs), "--published", "2018-05-01", *extra]
    done = subprocess.run([sys.executable, __file__, "--measure", "--", *arguments], capture_output=True,
                          text=True, stdin=subprocess.DEVNULL)
    if done.returncode != 0 or not done.stdout.strip():
        sys.exit(f"adversarial: `checker {' '.join(arguments)}` failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if "Traceback" in done.stderr:
        sys.exit(f"adversarial: a traceback from `checker {' '.join(arguments)}`:\n{done.stderr[-3000:]}")
    result["stderr_lines"] = len(done.stderr.splitlines())
    return result


# --- the runs ---------------------------------------------------------------------------------------

SHAPES = ["long-token", "long-line", "long-sentence", "jsonl-line", "gzip-bomb", "many-files", "one-article"]


def cases(shape: str, sizes: list[int], folder: Path, rnd: random.Random) -> Iterator[tuple[str, float, Path, list[str]]]:
    """(label, megabytes, input, extra arguments) for each run of a shape."""
    if shape in TEXT_SHAPES:
        for size in sizes:
            yield f"{shape} {size} MB", size, write_corpus(folder, shape, size, rnd), []
    elif shape == "jsonl-line":
        for size in sizes:   # (the record over the limit at every size, the others under it)
            yield f"{shape} {size} MB", size, write_jsonl_line(folder, size, rnd), ["--max-article-size", "512KB"]
    elif shape == "gzip-bomb":
        for size in sizes:
            yield f"{shape} {size} MB", size, write_gzip_bomb(folder, size), []
    elif shape == "many-files":
        for size in sizes:
            yield f"{shape} {1000 * size:,} files", size, write_many_files(folder, size, rnd), []
    elif shape == "one-article":
        for text_shape in TEXT_SHAPES:
            for size in (1, 2, 4):
                yield f"one {text_shape} article {size} MB", size, write_one_article(folder, text_shape, size, rnd), []


def table(rows: list[dict]) -> str:
    headers = ["run", "MB", "seconds", "s per MB", "peak MiB", "workers' peak MiB", "exit", "articles", "claims",
               "problems"]
    lines = ["| " + " | ".join(headers) + " |", "| --- | " + " | ".join("---:" for _ in headers[1:]) + " |"]
    for row in rows:
        lines.append("| " + " | ".join([
            row["label"], f"{row['mb']:g}", f"{row['seconds']:.2f}", f"{row['seconds'] / row['mb']:.2f}",
            f"{row['peak_mib']:,.0f}", f"{row['workers_mib']:,.0f}", str(row["status"]),
            f"{row.get('articles', 0):,}", f"{row.get('claims', 0):,}", f"{row.get('problems', 0):,}"]) + " |")
    return "\n".join(lines)


def growth(rows: list[dict]) -> list[str]:
    """Per series, seconds per MB at its largest size over its smallest."""
    lines = []
    series: dict[str, list[dict]] = {}
    for row in rows:
        series.setdefault(row["series"], []).append(row)
    for name, runs in series.items():
        if len(runs) < 2:
            continue
        small, large = min(runs, key=lambda r: r["mb"]), max(runs, key=lambda r: r["mb"])
        ratio = (large["seconds"] / large["mb"]) / (small["seconds"] / small["mb"])
        lines.append(f"{name}: {ratio:.2f}x the seconds per MB at {large['mb']:g} MB as at {small['mb']:g} MB; "
                     f"peak {max(r['peak_mib'] for r in runs):,.0f} MiB")
    return lines


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--measure":
        measure(sys.argv[3:] if sys.argv[2] == "--" else sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,100", help="megabytes of input per run (default 1,10,100)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help=f"which shapes (default: all: {', '.join(SHAPES)})")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--scratch", type=Path, help="where to write the inputs (default: a temporary folder)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()
    sizes = sorted({int(value) for value in args.sizes.split(",")})
    shapes = [shape.strip() for shape in args.shapes.split(",") if shape.strip()]
    unknown = [shape for shape in shapes if shape not in SHAPES]
    if unknown:
        sys.exit(f"adversarial: unknown shape {unknown[0]!r} (choose from {', '.join(SHAPES)})")
    rnd = random.Random(args.seed)
    rows = []
    scratch = Path(tempfile.mkdtemp(prefix="checker-adversarial-", dir=args.scratch))
    try:
        for shape in shapes:
            for label, mb, target, extra in cases(shape, sizes, scratch, rnd):
                print(f"  {label} ...", file=sys.stderr, flush=True)
                result = run(target, args.jobs, extra)
                series = label.rsplit(" ", 2)[0] if shape == "one-article" else shape
                rows.append({"series": series, "label": label, "mb": mb, **result})
                print(f"    {result['seconds']:.2f} s, peak {result['peak_mib']:,.0f} MiB "
                      f"(workers {result['workers_mib']:,.0f}), exit {result['status']}", file=sys.stderr, flush=True)
                if target.is_dir():
                    shutil.rmtree(target)
                else:
                    target.unlink()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"--jobs {args.jobs}, {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}")
    print(table(rows))
    print()
    print("\n".join(growth(rows)))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"python": platform.python_version(), "date": time.strftime("%Y-%m-%d"),
                                         "jobs": args.jobs, "runs": rows}, indent=2))


if __name__ == "__main__":
    main()
