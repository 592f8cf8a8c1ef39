"""Claims and findings as JSON in the shape of CONTRACT §2 and §3."""
from __future__ import annotations

import json
from typing import Iterable, Iterator

from checker.report import Report
from claims.models import Article, Claim
from claims.reading import ReadProblem

# json.dumps escapes every control and non-ASCII character by default (ensure_ascii), so
# article text cannot carry terminal escape sequences through this format.


def article_dict(article: Article) -> dict:
    return {"id": article.id, "path": article.path,
            "published": article.published.value if article.published else None,
            "undated": article.published is None}


def problem_dict(problem: ReadProblem) -> dict:
    return {"path": problem.path, "line": problem.line, "message": problem.message}


def chunks(report: Report) -> Iterator[str]:
    """The whole check: claims, findings, the articles read and the inputs that were not,
    piece by piece (`render` joins them)."""
    return json_object({
        "claims": (claim.contract_dict() for claim in report.claims),
        "findings": (finding.contract_dict() for finding in report.findings),
        "articles": (article_dict(article) for article in report.articles),
        "problems": (problem_dict(problem) for problem in report.problems),
    })


def render(report: Report) -> str:
    """The whole check as one string (`checker check` writes the pieces as they come)."""
    return "".join(chunks(report))


def claim_dict(claim: Claim, explain: bool) -> dict:
    """A claim as CONTRACT §2 prints it, and how it was read when asked (`--explain`)."""
    return {**claim.contract_dict(), "explain": claim.explain} if explain else claim.contract_dict()


def claim_chunks(report: Report) -> Iterator[str]:
    return json_object({"claims": (claim_dict(claim, report.explain) for claim in report.claims)})


def jsonl_chunks(report: Report) -> Iterator[str]:
    """One claim per line, for streaming into other tools; nothing when there are no claims."""
    for number, claim in enumerate(report.claims):
        yield ("\n" if number else "") + json.dumps(claim_dict(claim, report.explain))


# --- JSON written piece by piece ------------------------------------------------------
# What `json.dumps({name: [item, ...], ...}, indent=2)` writes, one item at a time: each
# item is made and encoded only when its turn comes, so a corpus's claims and articles are
# never all held as dicts and text at once (at a million articles that was gigabytes).
# (The items' own lines are indented by replacing line ends: an encoded string holds none.)

INDENT = "  "


def json_object(sections: dict[str, Iterable], level: int = 0) -> Iterator[str]:
    pad = "\n" + INDENT * (level + 1)
    for number, (name, items) in enumerate(sections.items()):
        yield ("," if number else "{") + pad + json.dumps(name) + ": "
        yield from json_array(items, level + 1)
    yield "\n" + INDENT * level + "}" if sections else "{}"


def json_array(items: Iterable, level: int) -> Iterator[str]:
    pad = "\n" + INDENT * (level + 1)
    empty = True
    for item in items:
        yield ("," if not empty else "[") + pad + json.dumps(item, indent=len(INDENT)).replace("\n", pad)
        empty = False
    yield "[]" if empty else "\n" + INDENT * level + "]"
