"""The work registry as `checker works` prints it: the works found, and the names that
were not taken for works with the reason, so an editor can see why."""
from __future__ import annotations

import json

from tabulate import tabulate

from checker.report import Report
from checker.reports.text import clean, excerpt
from claims.extract.registry import Evidence, Registry

EVIDENCE_WIDTH = 70
SHOWN_CUES = 3


def registry_of(report: Report) -> Registry:
    return report.lexicon.registry if report.lexicon is not None else Registry()


def cues(evidence: list[Evidence], against: bool) -> str:
    """The strongest cues for (or against) the name, with how often each was seen."""
    chosen = [e for e in evidence if e.cue.startswith("against") == against][:SHOWN_CUES]
    return "; ".join(f"{clean(e.cue)} ×{e.count}" for e in chosen)


def render_table(report: Report) -> str:
    registry = registry_of(report)
    works = sorted(registry.works.values(), key=lambda w: (-w.mentions, w.title.lower()))
    rows = [(clean(w.title), w.kind or "", w.mentions, w.articles, excerpt(", ".join(w.aliases), 30),
             excerpt(cues(w.evidence, False), EVIDENCE_WIDTH)) for w in works]
    lines = [f"{len(works)} works", tabulate(rows, headers=("work", "kind", "mentions", "articles", "aliases",
                                                             "evidence"), disable_numparse=True)]
    rejected = sorted(registry.rejected.values(), key=lambda r: (r.reason, -r.mentions, r.name.lower()))
    if rejected:
        counts = registry.rejected_by_reason()
        lines += ["", f"{len(rejected)} names not taken for works: "
                  + ", ".join(f"{reason} {count}" for reason, count in counts.most_common())]
        rejected_rows = [(clean(r.name), r.reason, r.mentions,
                          excerpt(" | ".join(filter(None, (cues(r.evidence, False), cues(r.evidence, True)))),
                                  EVIDENCE_WIDTH))
                         for r in rejected]
        lines.append(tabulate(rejected_rows, headers=("name", "reason", "mentions", "for | against"),
                              disable_numparse=True))
    return "\n".join(lines)


def evidence_json(evidence: list[Evidence]) -> list[dict]:
    return [{"cue": e.cue, "count": e.count, "weight": e.weight, "example": e.example} for e in evidence]


def render_json(report: Report) -> str:
    registry = registry_of(report)
    works = sorted(registry.works.values(), key=lambda w: (-w.mentions, w.title.lower()))
    rejected = sorted(registry.rejected.values(), key=lambda r: (r.reason, -r.mentions, r.name.lower()))
    return json.dumps({
        "works": [{"title": w.title, "key": w.key, "kind": w.kind, "aliases": w.aliases, "mentions": w.mentions,
                   "articles": w.articles, "evidence": evidence_json(w.evidence)} for w in works],
        "rejected": [{"name": r.name, "key": r.key, "reason": r.reason, "mentions": r.mentions,
                      "evidence": evidence_json(r.evidence)} for r in rejected],
        "rejected_by_reason": dict(registry.rejected_by_reason().most_common()),
    }, indent=2)  # (ASCII escapes: names come from untrusted article text)
