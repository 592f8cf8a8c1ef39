#!/usr/bin/env python3
"""Rule engine speed and peak memory: `find_conflicts` on the real corpus's claims, 10x and 100x.

    .venv/bin/python bench/check_speed.py [--corpus PATH] [--scales 1,10] [--pair-max 40000]
                                          [--repeat 3] [--seed 1] [--without RULES] [--per-rule]
                                          [--no-end-to-end] [--json OUT]

Runs, each in its own subprocess so that one run's peak memory does not mix with another's:

- `checker check` end to end on the corpus (read + extract + rules: `engine.check`). It also
  writes the claims it extracted to bench/out/ (keyed by the corpus file and the extractor's
  source), so the other runs, and later invocations, skip the minutes of extraction;
- the rule engine alone, `find_conflicts(claims, articles, lexicon)`, on those claims and on
  synthetic corpora of 10x and 100x as many (the best of `--repeat` runs). Each extra copy
  renames its works (a cipher of each word's letters, so the copies' titles are far apart
  for any spelling check), its article ids and its outlets: it is its own set of works,
  like a bigger newsroom archive, not ten times the claims about the same works;
- a naive peer on the same claims at each scale: every event claim with a time against
  every other, counting pairs about the same work, season and event whose intervals are
  disjoint. That is the date check a checker without the index does, and only that; the
  engine runs every rule. Where a scale has more than `--pair-max` such claims, the peer
  runs on a random sample of that many and its time is extrapolated as n², labelled so.

Seconds exclude interpreter start, imports and loading the cached claims; the scaled copies
are built before the clock starts. Peak memory is the subprocess's peak resident set size
(VmHWM), interpreter and loaded claims included; "base MiB" is that peak just before the
measured call.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import json
import os
import pickle
import platform
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

from extract_speed import DEFAULT_CORPUS, rss_mib, run_in_subprocess

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"


# --- the cached 1x claims -------------------------------------------------------------------------

def cache_path(corpus: Path) -> Path:
    """bench/out/claims-<key>.pickle, where the key changes with the corpus file and with any
    change to the extractor's code or data (a stale cache would time yesterday's claims)."""
    digest = hashlib.sha256()
    stat = corpus.stat()
    digest.update(f"{corpus.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    for source in sorted((ROOT / "claims").rglob("*")):
        if source.suffix in (".py", ".yaml"):
            digest.update(source.relative_to(ROOT).as_posix().encode() + source.read_bytes())
    return OUT / f"claims-{digest.hexdigest()[:16]}.pickle"


def load_cache(path: Path):
    with open(path, "rb") as cached:
        return pickle.load(cached)   # (articles, claims, lexicon), written by work_check


# --- synthetic bigger corpora ---------------------------------------------------------------------

def renamer(copy: int):
    """A name in copy N: each word's ASCII letters shifted, alternately by two amounts that
    differ for every copy below 625. Words folding drops ("The", "Marvel's") stay, so titles
    that are one work in the real corpus are one work in each copy."""
    from claims.keys import TITLE_PREFIXES, fold

    shifts = (1 + copy % 25, 1 + copy // 25 % 25)

    def shift_word(word: str) -> str:
        if fold(word) in TITLE_PREFIXES:
            return word
        letters, count = [], 0
        for char in word:
            if char.isascii() and char.isalpha():
                base = ord("A") if char.isupper() else ord("a")
                char = chr(base + (ord(char) - base + shifts[count % 2]) % 26)
                count += 1
            letters.append(char)
        return "".join(letters)

    names: dict[str, str] = {}

    def rename(name: str | None) -> str | None:
        if name is None:
            return None
        if name not in names:
            names[name] = " ".join(shift_word(word) for word in name.split(" "))
        return names[name]

    return rename


def scaled(articles: list, claims: list, lexicon, scale: int) -> tuple[list, list, object]:
    """The corpus and `scale - 1` renamed copies of it, ids suffixed -rN."""
    from claims.extract.works import fold_title

    all_articles, all_claims = list(articles), list(claims)
    originals = list(lexicon.titles.values()) if lexicon else []
    titles = dict(lexicon.titles) if lexicon else {}
    for copy in range(1, scale):
        rename = renamer(copy)
        suffix = f"-r{copy}"
        # model_copy is shallow: the copies share the article bodies and evidence texts.
        all_articles += [article.model_copy(update={"id": article.id + suffix,
                                                    "outlet": rename(article.outlet)})
                         for article in articles]
        for claim in claims:
            update = {"id": claim.id + suffix, "article": claim.article + suffix,
                      "subject": claim.subject.model_copy(update={"work": rename(claim.subject.work)})}
            if claim.object is not None:
                update["object"] = claim.object.model_copy(update={"work": rename(claim.object.work)})
            all_claims.append(claim.model_copy(update=update))
        titles.update({fold_title(rename(title)): rename(title) for title in originals})
    return all_articles, all_claims, replace(lexicon, titles=titles) if lexicon else None


# --- the naive peer -------------------------------------------------------------------------------

def dated_event_claims(claims: list, scale: int, most: int, seed: int) -> tuple[list[tuple], int]:
    """(work, season, event, earliest, latest), days as numbers, of the event claims with a
    time in the corpus `scaled` would make, or of `most` of them drawn at random; and how
    many there are in all.

    Made from the 1x claims in corpus order, drawn or not: a heap of millions of claim
    objects, or items visited in random order, would make every comparison a cache miss
    and slow the pair loop several times over, which is the harness's cost, not the peer's.
    """
    from claims.extract.works import fold_title

    dated = [(claim.subject.work, claim.subject.season or 1, claim.event,
              claim.interval.earliest.toordinal() if claim.interval.earliest else 0,
              claim.interval.latest.toordinal() if claim.interval.latest else 10**7)
             for claim in claims if claim.relation is None and claim.interval is not None]
    total = len(dated) * scale
    chosen = range(total) if total <= most else sorted(random.Random(seed).sample(range(total), most))
    renamers = {copy: renamer(copy) for copy in range(1, scale)}
    items = []
    for index in chosen:
        copy, position = divmod(index, len(dated))
        work, *rest = dated[position]
        items.append((fold_title(renamers[copy](work) if copy else work), *rest))
    return items, total


def count_disjoint_pairs(items: list[tuple]) -> int:
    """Every pair compared: same work, season and event, and times that cannot both hold."""
    conflicts = 0
    for index, (work, season, event, earliest, latest) in enumerate(items):
        for other_work, other_season, other_event, other_earliest, other_latest in items[index + 1:]:
            if (work == other_work and season == other_season and event == other_event
                    and (latest < other_earliest or other_latest < earliest)):
                conflicts += 1
    return conflicts


# --- workers: each runs in a fresh interpreter and prints one JSON object -------------------------

def work_check(corpus: str, cache: str) -> dict:
    """`checker check` without the printing: read, extract, run the rules."""
    from checker import engine

    base = rss_mib()
    start = time.perf_counter()
    report = engine.check([corpus])
    seconds = time.perf_counter() - start
    peak = rss_mib()
    if not Path(cache).exists():
        Path(cache).parent.mkdir(parents=True, exist_ok=True)
        with open(cache + ".tmp", "wb") as out:
            pickle.dump((report.articles, report.claims, report.lexicon), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(cache + ".tmp", cache)
    return {"articles": len(report.articles), "claims": len(report.claims),
            "findings": len(report.findings), "seconds": seconds, "base_mib": base, "peak_mib": peak}


def work_engine(cache: str, scale: int, repeat: int, rules: list[str]) -> dict:
    from checker.config import Settings
    from checker.engine import find_conflicts
    from checker.rules import RULES

    settings = Settings(rules={rule_id: rule_id in rules for rule_id in RULES})
    articles, claims, lexicon = scaled(*load_cache(Path(cache)), scale)
    gc.collect()
    base = rss_mib()
    # The best of a few runs: a run of a fraction of a second shows the machine's other
    # work as much as the engine's. Runs past 10 s in all are long enough as they are.
    seconds, spent = float("inf"), 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        findings = find_conflicts(claims, articles, lexicon, settings)
        seconds = min(seconds, time.perf_counter() - start)
        spent += time.perf_counter() - start
        if spent > 10:
            break
    return {"articles": len(articles), "claims": len(claims), "findings": len(findings),
            "seconds": seconds, "base_mib": base, "peak_mib": rss_mib()}


def work_pairs(cache: str, scale: int, max_claims: int, seed: int) -> dict:
    _, claims, _ = load_cache(Path(cache))
    items, total = dated_event_claims(claims, scale, max_claims, seed)
    del claims
    gc.collect()
    base = rss_mib()
    start = time.perf_counter()
    conflicts = count_disjoint_pairs(items)
    seconds = time.perf_counter() - start
    # Pairs grow with the square of the claims; a sample's count of conflicts is its own.
    estimate = seconds * (total / len(items)) ** 2 if len(items) < total else None
    return {"articles": None, "claims": len(items), "total_claims": total, "findings": conflicts,
            "seconds": seconds, "extrapolated_seconds": estimate, "base_mib": base, "peak_mib": rss_mib()}


def work(args: argparse.Namespace) -> dict:
    if args.worker == "check":
        return work_check(str(args.corpus), args.cache)
    if args.worker == "engine":
        return work_engine(args.cache, args.scale, args.repeat, args.only.split(","))
    return work_pairs(args.cache, args.scale, args.pair_max, args.seed)


def measure(label: str, *worker_args: str) -> dict:
    result = run_in_subprocess(__file__, list(worker_args), label)
    result["run"] = label
    result["claims_per_s"] = result["claims"] / result["seconds"] if result["seconds"] else None
    print(f"  {label}: {result['claims']} claims in {result['seconds']:.2f} s", file=sys.stderr)
    return result


# --- the report -----------------------------------------------------------------------------------

def render(results: list[dict]) -> str:
    from tabulate import tabulate

    rows = [(r["run"], f"{r['articles']:,}" if r["articles"] else "-", f"{r['claims']:,}",
             f"{r['seconds']:.2f}", f"{r['claims_per_s']:,.0f}" if r["claims_per_s"] else "-",
             f"{r['peak_mib']:.0f}", f"{r['base_mib']:.0f}", f"{r['findings']:,}")
            for r in results]
    return tabulate(rows, headers=("run", "articles", "claims", "seconds", "claims/s", "peak MiB",
                                   "base MiB", "findings / pairs"),
                    disable_numparse=True, colalign=("left",) + ("right",) * 7)


def times(ratio: float) -> str:
    """ "76x", "8.8x", "0.01x": enough digits to tell a ratio from zero."""
    return f"{ratio:,.0f}x" if ratio >= 10 else f"{ratio:.1f}x" if ratio >= 1 else f"{ratio:.2g}x"


def growth_lines(engine_runs: dict[int, dict], pair_runs: dict[int, dict]) -> list[str]:
    """Time per claim at each scale against 1x, and the naive peer's seconds against the engine's."""
    lines = []
    one = engine_runs.get(1)
    for scale, run in sorted(engine_runs.items()):
        if one and one["seconds"] and scale > 1:
            ratio = run["seconds"] / run["claims"] / (one["seconds"] / one["claims"])
            findings = f"{run['findings'] / one['findings']:.2f}x" if one["findings"] else "n/a (none at 1x)"
            lines.append(f"engine time per claim at {scale}x / at 1x: {ratio:.2f}; findings {findings} the 1x count")
    for scale, pairs in sorted(pair_runs.items()):
        engine_seconds = engine_runs[scale]["seconds"]
        if pairs["extrapolated_seconds"]:
            lines.append(f"naive pairs at {scale}x: ~{pairs['extrapolated_seconds']:,.0f} s EXTRAPOLATED as n² from "
                         f"{pairs['claims']:,} of {pairs['total_claims']:,} claims ({pairs['seconds']:.1f} s measured); "
                         f"~{times(pairs['extrapolated_seconds'] / engine_seconds)} the engine's {engine_seconds:.2f} s")
        else:
            lines.append(f"naive pairs at {scale}x: {pairs['seconds']:.2f} s measured, "
                         f"{times(pairs['seconds'] / engine_seconds)} the engine's {engine_seconds:.2f} s")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    # 100x with name-variant would take over half an hour: see bench/README.md.
    parser.add_argument("--scales", default="1,10", help="corpus sizes for the engine runs")
    parser.add_argument("--pair-max", type=int, default=40_000,
                        help="dated claims the naive peer compares in full; beyond, a sample")
    parser.add_argument("--repeat", type=int, default=3, help="engine runs per scale; the best counts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--without", default="", metavar="RULES",
                        help="rule ids (comma-separated) to leave out of the engine runs")
    parser.add_argument("--per-rule", action="store_true",
                        help="also time each rule alone at 1x")
    parser.add_argument("--no-end-to-end", action="store_true",
                        help="skip the `checker check` run (it still runs once to fill the cache)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--worker", choices=("check", "engine", "pairs"), help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--only", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(work(args)))
        return
    if not args.corpus.is_file():
        sys.exit(f"check_speed: {args.corpus}: no such corpus file")
    scales = sorted({int(scale) for scale in args.scales.split(",")})
    from checker.rules import RULES
    without = [rule_id for rule_id in args.without.split(",") if rule_id]
    if set(without) - set(RULES):
        parser.error(f"--without: no rule {', '.join(sorted(set(without) - set(RULES)))}; "
                     f"the rules are {', '.join(RULES)}")
    rules = [rule_id for rule_id in RULES if rule_id not in without]
    label = f" without {', '.join(without)}" if without else ""

    cache = cache_path(args.corpus)
    results = []
    if not args.no_end_to_end or not cache.exists():
        results.append(measure("checker check (read + extract + rules)", "--worker", "check",
                               "--corpus", str(args.corpus), "--cache", str(cache)))
    engine_runs, pair_runs = {}, {}
    for scale in scales:
        engine_runs[scale] = measure(f"engine {scale}x{label}", "--worker", "engine", "--cache", str(cache),
                                     "--scale", str(scale), "--repeat", str(args.repeat),
                                     "--only", ",".join(rules))
        pair_runs[scale] = measure(f"naive pairs {scale}x", "--worker", "pairs", "--cache", str(cache),
                                   "--scale", str(scale), "--pair-max", str(args.pair_max),
                                   "--seed", str(args.seed))
        if pair_runs[scale]["extrapolated_seconds"]:
            pair_runs[scale]["run"] += f" (random {args.pair_max:,} of {pair_runs[scale]['total_claims']:,})"
        results += [engine_runs[scale], pair_runs[scale]]
    if args.per_rule:
        results += [measure(f"engine 1x, {rule_id} alone", "--worker", "engine", "--cache", str(cache),
                            "--repeat", str(args.repeat), "--only", rule_id) for rule_id in rules]

    growth = growth_lines(engine_runs, pair_runs)
    print(render(results))
    print()
    print(f"corpus: {args.corpus}; claims cached in {cache.relative_to(ROOT)}")
    print("\n".join(growth))

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "corpus": str(args.corpus), "scales": scales, "rules": rules, "pair_max": args.pair_max,
            "repeat": args.repeat,
            "seed": args.seed, "results": results, "growth": growth,
            "python": platform.python_version(), "cpus": os.cpu_count(),
            "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        }, indent=2) + "\n")


if __name__ == "__main__":
    main()
