#!/usr/bin/env python3
"""Review store speed: recording a whole check of the real corpus, against plain inserts.

    .venv/bin/python bench/store_speed.py [--corpus PATH] [--postgres URL] [--json OUT]

Loads the corpus's claims (the cache `check_speed.py` keeps in bench/out/, made on first
use), runs the rules, then times `Store.record_check` on a new SQLite store (every finding
new) and again on the same store (every finding known: the usual re-run), and the same for
PostgreSQL when --postgres names an empty database. The peer, in the same run, is the
least any store must do: the same article, claim and finding rows, as JSON, inserted with
the standard library's sqlite3 in one transaction into the same tables, with no reading
back, no decisions and no history.
"""
from __future__ import annotations

import argparse
import json
import platform
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_speed import cache_path, load_cache, work_check  # noqa: E402
from extract_speed import DEFAULT_CORPUS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def plain_inserts(path: Path, articles, claims, findings) -> None:
    """The peer: the same rows, straight into SQLite."""
    from sqlalchemy import create_engine

    from checker.review.schema import metadata
    metadata.create_all(create_engine(f"sqlite:///{path}"))
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO articles (id, path, title, outlet, author, url, published, body, "
            "content_hash, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '2026-01-01')",
            [(a.id, a.path, a.title, a.outlet, a.author, a.url,
              a.published.value if a.published else None, a.body) for a in articles])
        connection.executemany(
            "INSERT INTO claims (article_id, work_key, season, event, data) VALUES (?, ?, ?, ?, ?)",
            [(c.article, c.subject.work, c.subject.season or 1, c.event,
              json.dumps(c.model_dump(mode="json"))) for c in claims])
        connection.executemany(
            "INSERT INTO findings (fingerprint, rule, severity, work, work_key, season, event, "
            "message, data, claims, evidence_hash, status, version, first_seen, last_seen, "
            "updated_at) VALUES (?, ?, ?, ?, '', 1, ?, ?, ?, '[]', '', 'open', 1, "
            "'2026-01-01', '2026-01-01', '2026-01-01')",
            [(f.fingerprint, f.rule, f.severity.value, f.subject.work if f.subject else None,
              f.event, f.message, json.dumps(f.model_dump(mode="json"))) for f in findings])
    connection.close()


def measure_store(url: str, articles, claims, findings, corpus) -> dict:
    from checker.review.store import Store

    store = Store(url)
    store.ready()
    record = lambda: store.record_check(articles, claims, findings, corpus)  # noqa: E731
    first, again = timed(record), timed(record)
    store.engine.dispose()
    return {"first_s": first, "rerun_s": again}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--postgres", metavar="URL", help="an empty PostgreSQL database")
    parser.add_argument("--json", type=Path, metavar="OUT")
    args = parser.parse_args()

    from checker import engine
    from checker.config import Settings

    cache = cache_path(args.corpus)
    if not cache.exists():
        print("extracting the corpus once (cached in bench/out/) ...", file=sys.stderr)
        work_check(str(args.corpus), str(cache))
    articles, claims, lexicon = load_cache(cache)
    settings = Settings()
    findings: list = []
    rules_s = timed(lambda: findings.extend(engine.find_conflicts(claims, articles, lexicon, settings)))
    corpus = engine.make_corpus(claims, articles, lexicon, settings)
    with tempfile.TemporaryDirectory() as folder:
        peer_s = timed(lambda: plain_inserts(Path(folder) / "peer.sqlite", articles, claims, findings))
        results = {"sqlite": measure_store(f"sqlite:///{folder}/store.sqlite", articles, claims,
                                           findings, corpus)}
    if args.postgres:
        results["postgresql"] = measure_store(args.postgres, articles, claims, findings, corpus)
    summary = {"corpus": str(args.corpus), "articles": len(articles), "claims": len(claims),
               "findings": len(findings), "rules_s": rules_s, "peer_plain_sqlite_s": peer_s,
               "stores": results, "python": platform.python_version()}
    lines = [f"{len(articles):,} articles, {len(claims):,} claims, {len(findings):,} findings; "
             f"rules {rules_s:.2f} s; plain sqlite3 inserts (peer) {peer_s:.2f} s"]
    for name, result in results.items():
        lines.append(f"{name}: record a check {result['first_s']:.2f} s "
                     f"({result['first_s'] / peer_s:.1f}x the peer), re-run "
                     f"{result['rerun_s']:.2f} s ({result['rerun_s'] / peer_s:.1f}x)")
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
