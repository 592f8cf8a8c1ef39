"""Claims and findings as JSON in the shape of CONTRACT §2 and §3."""
from __future__ import annotations

import json

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


def render(report: Report) -> str:
    """The whole check: claims, findings, the articles read and the inputs that were not."""
    return json.dumps({
        "claims": [claim.contract_dict() for claim in report.claims],
        "findings": [finding.contract_dict() for finding in report.findings],
        "articles": [article_dict(article) for article in report.articles],
        "problems": [problem_dict(problem) for problem in report.problems],
    }, indent=2)


def claim_dict(claim: Claim, explain: bool) -> dict:
    """A claim as CONTRACT §2 prints it, and how it was read when asked (`--explain`)."""
    return {**claim.contract_dict(), "explain": claim.explain} if explain else claim.contract_dict()


def render_claims(report: Report) -> str:
    return json.dumps({"claims": [claim_dict(claim, report.explain) for claim in report.claims]}, indent=2)


def render_jsonl(report: Report) -> str:
    """One claim per line, for streaming into other tools; empty when there are no claims."""
    return "\n".join(json.dumps(claim_dict(claim, report.explain)) for claim in report.claims)
