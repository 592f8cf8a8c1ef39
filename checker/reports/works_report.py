"""The work registry as `checker works` prints it: the works found, and the names that
were not taken for works with the reason, so an editor can see why. The tables fit the
terminal (the evidence, aliases and names wrap; one block per name when too narrow)."""
from __future__ import annotations

import json
import textwrap

from checker.report import Report
from checker.reports import fit
from checker.reports.text import clean, excerpt
from claims.extract.registry import Evidence, Registry

EVIDENCE_WIDTH = 70
SHOWN_CUES = 3
WORK_HEADERS = ("work", "kind", "mentions", "articles", "aliases", "evidence")
REJECTED_HEADERS = ("name", "reason", "mentions", "for | against")
# The columns that wrap (index -> the narrowest they wrap to).
WORK_WRAPPED = {5: 20, 4: 12, 0: 16}
REJECTED_WRAPPED = {3: 20, 0: 16, 1: 12}


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
    width = fit.terminal_width()
    lines = [f"{len(works)} works", fit.table(rows, WORK_HEADERS, width, WORK_WRAPPED)]
    rejected = sorted(registry.rejected.values(), key=lambda r: (r.reason, -r.mentions, r.name.lower()))
    if rejected:
        counts = registry.rejected_by_reason()
        lines += ["", textwrap.fill(f"{len(rejected)} names not taken for works: "
                                    + ", ".join(f"{reason} {count}" for reason, count in counts.most_common()),
                                    max(fit.MIN_VALUE_WIDTH, width), break_on_hyphens=False)]
        rejected_rows = [(clean(r.name), r.reason, r.mentions,
                          excerpt(" | ".join(filter(None, (cues(r.evidence, False), cues(r.evidence, True)))),
                                  EVIDENCE_WIDTH))
                         for r in rejected]
        lines.append(fit.table(rejected_rows, REJECTED_HEADERS, width, REJECTED_WRAPPED))
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
