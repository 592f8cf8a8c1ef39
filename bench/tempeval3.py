"""Run the temporal tagger over TempEval-3 (Task A) JSON Lines and write predictions.

    python bench/tempeval3.py --data ../shared/bench/tempeval3/test.jsonl --out PRED.jsonl
    python3 ../shared/bench/tempeval3/score_timex.py ../shared/bench/tempeval3/test.jsonl PRED.jsonl

Paths are taken relative to the current directory; the shared folder is ../shared from
/work/main. Each document's `dct` is the Published the expressions are normalized against.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.extract.temporal import find_timexes, parse_published  # noqa: E402

DEFAULT_DATA = Path("..") / "shared" / "bench" / "tempeval3" / "test.jsonl"


def tag_document(doc: dict) -> dict:
    """One prediction line: the document id and its timexes in TempEval's convention."""
    published = parse_published(doc.get("dct"))
    found = find_timexes(doc["text"], published, convention="tempeval")
    return {"doc": doc["doc"], "timexes": [
        {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value, "mod": t.mod}
        for t in found]}


def run(data: Path, out: Path) -> tuple[int, int, float]:
    docs = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    find_timexes("warm up on 30 September 2016", parse_published("2016-05-01"))
    began = time.perf_counter()
    predictions = [tag_document(doc) for doc in docs]
    seconds = time.perf_counter() - began
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for line in predictions:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    return len(docs), sum(len(p["timexes"]) for p in predictions), seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="TempEval-3 JSON Lines (gold)")
    parser.add_argument("--out", type=Path, required=True, help="where to write predictions")
    args = parser.parse_args(argv)
    if not args.data.exists():
        parser.error(f"no such file: {args.data}")
    docs, timexes, seconds = run(args.data, args.out)
    rate = docs / seconds if seconds else float("inf")
    print(f"{docs} docs, {timexes} timexes, {seconds:.3f} s ({rate:.0f} docs/s) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
