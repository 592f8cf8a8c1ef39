#!/usr/bin/env python3
"""Extraction speed and peak memory: `checker extract` (read + extract) beside dateparser.

    .venv/bin/python bench/extract_speed.py [--corpus PATH] [--limit N] [--sample 300]
                                            [--seed 1] [--repeat 10] [--jobs N] [--json OUT]

Runs, each in its own subprocess so that one run's peak memory does not mix with another's:

- checker on the whole corpus: `read_articles` + `extract_corpus`, what `checker extract` does,
  in one process, then again with `--jobs` worker processes (default: every core);
- checker on the corpus repeated `--repeat` times (ids made unique), to show how it scales;
- the regex floor: the whole corpus read as checker reads it, then one compiled regex (month
  names, years, a few event words) scanned over each body: what a pass in Python cannot beat;
- checker on a random sample of `--sample` articles (fixed `--seed`);
- dateparser's `search_dates` over the texts of that same sample. It manages about 60
  articles/s, so it only gets the sample; the ratio on the same articles is the fair one.

Seconds (wall clock) exclude interpreter start, imports and a warm-up call on one short text
(which loads dateparser's language data and the checker's data files: a short article that
names a person, a place, a work and a photo credit, since the extractor loads its lists when
first needed); "CPU s" is the CPU
time over the same span, the worker processes' included. Checker's seconds include reading
and decompressing the corpus file; dateparser is handed the texts already in memory. Peak
memory is the subprocess's peak resident set size (VmHWM on Linux, else ru_maxrss),
interpreter included; "base MiB" is that peak after imports and the warm-up, before any
article is read; "workers' peak MiB" is the largest worker process's. "setup s" is the
warm-up: loading data and compiling patterns, once per process.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FILED_RATE = 89  # articles per CPU-second, one process, on the real corpus when issue 11 was filed
DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpus/real/articles.jsonl.gz"


def rss_mib() -> float:
    """The peak resident set size of this process so far, in MiB."""
    # Linux carries ru_maxrss over fork and exec, so a worker would report this script's
    # peak (about 100 MiB of corpus lines) as its own; VmHWM belongs to the new process.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


# --- workers: each runs in a fresh interpreter and prints one JSON object -------------------------

def cpu_seconds() -> float:
    """CPU time of this process and of its finished worker processes, user and system."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def children_peak_mib() -> float:
    """The largest peak resident set of a finished worker process (0 when there was none)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * (1 if sys.platform == "darwin" else 1024) / 2**20


WARM_UP = ("Copper Valley gets a date\n\nJane Doe told Variety in Los Angeles on Monday that the HBO series "
           "Copper Valley will premiere on March 3, 2012, after filming wrapped in May. (Photo: Getty Images)")


def work_checker(corpus: str, jobs: int = 1) -> dict:
    from claims.extract.pipeline import extract_claims, extract_corpus
    from claims.reading import make_article, read_articles

    # Like dateparser's warm-up: data files load and patterns compile before the clock starts.
    # (A short article that names a person, an outlet, a place, a network, a work and a photo
    # credit: the extractor loads its name lists and compiles its patterns when first needed.)
    warm_up = time.perf_counter()
    extract_claims([make_article("warm-up", WARM_UP, "-", published="2011-05")])
    setup = time.perf_counter() - warm_up
    base = rss_mib()
    start, cpu = time.perf_counter(), cpu_seconds()
    articles, problems = read_articles([corpus])
    claims = extract_corpus(articles, jobs=jobs).claims
    seconds = time.perf_counter() - start
    return {"articles": len(articles), "problems": len(problems), "claims": len(claims),
            "seconds": seconds, "cpu_s": cpu_seconds() - cpu, "setup_s": setup, "base_mib": base,
            "peak_mib": rss_mib(), "workers_peak_mib": children_peak_mib()}


def work_dateparser(corpus: str) -> dict:
    from dateparser.search import search_dates

    # Same call as the TempEval-3 baseline in ../shared/bench: English, relative to the DCT.
    settings = {"RETURN_AS_TIMEZONE_AWARE": False}
    warm_up = time.perf_counter()
    search_dates("warm up on March 3, 2012", languages=["en"], add_period=True)
    setup = time.perf_counter() - warm_up
    records = [json.loads(line) for line in gzip.open(corpus, "rt", encoding="utf-8")]
    base = rss_mib()
    found = failures = 0
    start, cpu = time.perf_counter(), cpu_seconds()
    for record in records:
        published = record.get("published") or ""
        base_date = (dt.datetime.fromisoformat(published + "-01" * (2 - published.count("-")))
                     if published else None)
        try:
            found += len(search_dates(record["text"], languages=["en"], add_period=True,
                                      settings={**settings, "RELATIVE_BASE": base_date}) or [])
        except Exception:  # a crash on one text should cost that text, not the benchmark
            failures += 1
    seconds = time.perf_counter() - start
    return {"articles": len(records), "problems": failures, "claims": found,
            "seconds": seconds, "cpu_s": cpu_seconds() - cpu, "setup_s": setup, "base_mib": base,
            "peak_mib": rss_mib(), "workers_peak_mib": 0.0}


# The practical floor for a pass in Python: the articles read as checker reads them, then one
# compiled regex (month names, years and a few event words) scanned over each body. No
# extractor can read an article faster than it reads it and lets the regex engine touch each
# character once.
FLOOR = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                   r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|\d{4}|premier(?:e|es|ed)|"
                   r"film(?:s|ed|ing)?|shoot(?:s|ing)?|renew(?:s|ed|al)?|cancel(?:s|led|ed|lation)?)\b",
                   re.IGNORECASE)


def work_floor(corpus: str) -> dict:
    from claims.reading import read_articles

    base = rss_mib()
    start, cpu = time.perf_counter(), cpu_seconds()
    articles, problems = read_articles([corpus])
    found = sum(len(FLOOR.findall(article.body)) for article in articles)
    seconds = time.perf_counter() - start
    return {"articles": len(articles), "problems": len(problems), "claims": found,
            "seconds": seconds, "cpu_s": cpu_seconds() - cpu, "setup_s": 0.0, "base_mib": base,
            "peak_mib": rss_mib(), "workers_peak_mib": 0.0}


WORKERS = {"checker": work_checker, "dateparser": work_dateparser, "floor": work_floor}


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table, the first column left-aligned and the others right."""
    lines = ["| " + " | ".join(headers) + " |", "| --- | " + " | ".join("---:" for _ in headers[1:]) + " |"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def run_in_subprocess(script: str, worker_args: list[str], label: str) -> dict:
    """One measured run in a fresh interpreter: the JSON object its worker prints."""
    done = subprocess.run([sys.executable, script, *worker_args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{Path(script).stem}: {label} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def measure(system: str, corpus: Path, label: str, jobs: int = 1) -> dict:
    result = run_in_subprocess(__file__, ["--worker", system, "--corpus", str(corpus), "--jobs", str(jobs)], label)
    result["system"] = label
    result["articles_per_s"] = result["articles"] / result["seconds"] if result["seconds"] else None
    result["articles_per_cpu_s"] = result["articles"] / result["cpu_s"] if result["cpu_s"] else None
    print(f"  {label}: {result['articles']} articles in {result['seconds']:.2f} s", file=sys.stderr)
    return result


# --- inputs ---------------------------------------------------------------------------------------

def load_lines(corpus: Path) -> list[str]:
    with gzip.open(corpus, "rt", encoding="utf-8") if corpus.name.endswith(".gz") \
            else open(corpus, encoding="utf-8") as lines:
        return [line for line in lines if line.strip()]


def write_corpus(path: Path, lines: list[str], repeat: int = 1) -> Path:
    """The lines as a .jsonl.gz corpus, `repeat` times over, each copy's ids suffixed -rN."""
    # Level 1: the repeated corpus is ~460 MB of text; compression speed is not what is measured.
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
        for copy in range(repeat):
            for line in lines:
                if repeat > 1:
                    record = json.loads(line)
                    record["id"] = f"{record['id']}-r{copy}"
                    line = json.dumps(record) + "\n"
                out.write(line)
    return path


def render(results: list[dict]) -> str:
    from tabulate import tabulate

    rows = [(r["system"], r["articles"], f"{r['seconds']:.2f}", f"{r['cpu_s']:.2f}",
             f"{r['articles_per_s']:,.1f}" if r["articles_per_s"] else "-",
             f"{r['articles_per_cpu_s']:,.1f}" if r["articles_per_cpu_s"] else "-",
             f"{r['peak_mib']:.0f}", f"{r['workers_peak_mib']:.0f}" if r["workers_peak_mib"] else "-",
             f"{r['base_mib']:.0f}", f"{r['setup_s']:.2f}", r["claims"])
            for r in results]
    return tabulate(rows, headers=("system", "articles", "seconds", "CPU s", "articles/s", "articles/CPU s", "peak MiB",
                                   "workers' peak MiB", "base MiB", "setup s", "claims / dates"),
                    disable_numparse=True, colalign=("left",) + ("right",) * 10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=300, help="articles for dateparser")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=10, help="copies for the scale run (<2: skip)")
    parser.add_argument("--limit", type=int, help="only the corpus's first N articles")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--jobs", type=int, default=0,
                        help="worker processes for a second whole-corpus run (default: every core; 1: skip it)")
    parser.add_argument("--worker", choices=WORKERS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(WORKERS[args.worker](str(args.corpus), *([args.jobs] if args.worker == "checker" else []))))
        return
    if not args.corpus.is_file():
        sys.exit(f"extract_speed: {args.corpus}: no such corpus file")

    lines = load_lines(args.corpus)[:args.limit]
    sample = random.Random(args.seed).sample(lines, min(args.sample, len(lines)))
    results = []
    with tempfile.TemporaryDirectory(prefix="extract-speed-") as tmp:
        corpus = write_corpus(Path(tmp) / "limited.jsonl.gz", lines) if args.limit else args.corpus
        sample_corpus = write_corpus(Path(tmp) / "sample.jsonl.gz", sample)
        results.append(measure("checker", corpus, "checker"))
        results.append(measure("floor", corpus, "regex floor"))
        from claims.extract import parallel
        jobs = args.jobs or parallel.cores()
        if jobs > 1:
            results.append(measure("checker", corpus, f"checker --jobs {jobs}", jobs))
        if args.repeat > 1:
            repeated = write_corpus(Path(tmp) / "repeated.jsonl.gz", lines, args.repeat)
            results.append(measure("checker", repeated, f"checker x{args.repeat}"))
        results.append(measure("checker", sample_corpus, f"checker (sample {len(sample)})"))
        results.append(measure("dateparser", sample_corpus, f"dateparser (sample {len(sample)})"))

    by_label = {r["system"]: r for r in results}
    checker_sample = by_label[f"checker (sample {len(sample)})"]["articles_per_s"]
    dateparser_rate = by_label[f"dateparser (sample {len(sample)})"]["articles_per_s"]
    ratios = {
        "same_sample": checker_sample / dateparser_rate if checker_sample and dateparser_rate else None,
        "full_corpus_vs_sample": (by_label["checker"]["articles_per_s"] / dateparser_rate
                                  if by_label["checker"]["articles_per_s"] and dateparser_rate else None),
        # Issue 11 asks for one process within 6x of the floor, per CPU-second, and 5x the rate
        # it was filed at (89 articles per CPU-second on this corpus).
        "floor_over_checker_cpu": (by_label["regex floor"]["articles_per_cpu_s"] / by_label["checker"]["articles_per_cpu_s"]
                                   if by_label["checker"]["articles_per_cpu_s"] else None),
        "checker_over_filed_cpu": (by_label["checker"]["articles_per_cpu_s"] / FILED_RATE
                                   if by_label["checker"]["articles_per_cpu_s"] else None),
    }
    print(render(results))
    print()
    print(f"corpus: {args.corpus} ({len(lines)} articles{' used' if args.limit else ''}); sample: {len(sample)} articles, "
          f"seed {args.seed}")
    for name, text in (("same_sample", f"checker/dateparser articles/s on the same {len(sample)} articles"),
                       ("full_corpus_vs_sample", "checker/dateparser articles/s, full corpus against the dateparser sample"),
                       ("floor_over_checker_cpu", "regex floor/checker articles per CPU-second (one process)"),
                       ("checker_over_filed_cpu", f"checker articles per CPU-second / {FILED_RATE} (issue 11's filing)")):
        ratio = ratios[name]
        print(f"{text}: " + (f"{ratio:,.2f}x" if ratio else "n/a (a rate too fast to time)"))

    if args.json:
        from importlib.metadata import version
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "corpus": str(args.corpus), "corpus_articles": len(lines), "sample": len(sample),
            "limit": args.limit, "seed": args.seed, "repeat": args.repeat, "results": results, "ratios": ratios,
            "python": platform.python_version(), "dateparser": version("dateparser"),
            "cpus": os.cpu_count(), "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        }, indent=2) + "\n")


if __name__ == "__main__":
    main()
