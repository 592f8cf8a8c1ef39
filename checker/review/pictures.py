"""Which claims a timeline picture shows, and which of them it marks as in conflict.

Only the claims a finding flags (the odd one out, the stale one, the clashing order claims)
are drawn as the conflict, and only for findings that are a problem (an `info` finding says
the sources agree); on a finding's own page the claims it holds them against are drawn as
compared. Agreeing sources are never drawn as the conflict."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from checker import engine
from checker.config import Settings
from checker.findings import Severity
from checker.review import timeline
from checker.review.states import DISMISSED, RESOLVED
from checker.review.store import Store, StoreError, claim_key
from claims.models import EVENTS, Article, Claim


@dataclass
class Picture:
    title: str
    claims: list[Claim]
    articles: dict[str, Article]
    marked: set[str]
    compared: set[str] = field(default_factory=set)

    def svg(self, standalone: bool = False) -> str:
        return timeline.render(self.claims, self.articles, title=self.title, marked=self.marked,
                               compared=self.compared, standalone=standalone)


def heading(work: str, season: int, event: str | None) -> str:
    title = work if season == 1 else f"{work} season {season}"
    return f"{title}: {event.replace('_', ' ')}" if event else title


def drawn(store: Store, work: str, work_key: str, season: int, event: str, marked: set[str],
          also: Sequence[dict] = (), compared: set[str] | None = None) -> Picture:
    """The stored claims about the event, and `also` (claims as a finding cited them)."""
    claims = store.claims_about(work_key, season, event)
    held = {claim.id for claim in claims}
    claims += [Claim.model_validate({**claim, "id": key}) for claim in also
               if (key := claim_key(claim)) not in held]
    articles = store.articles({claim.article for claim in claims})
    return Picture(heading(work, season, event), claims, articles, marked, compared or set())


def flagged_claims(row: dict) -> list[dict]:
    """The cited claims a stored finding flags as the conflict: none for an `info` finding;
    every cited claim for a finding recorded before findings named the claims they flag."""
    if row["severity"] == Severity.INFO.value:
        return []
    flagged = row["data"].get("flagged")
    if flagged is None:
        return list(row["claims"])
    return [claim for claim in row["claims"] if claim["id"] in flagged]


def timeline_for(store: Store, settings: Settings, work: str, season: int,
                 event: str | None) -> Picture:
    """Every stored claim about a work's event, marking those in findings still standing."""
    work_key = engine.make_corpus([], [], None, settings).work_key(work)
    counts = store.events_of(work_key, season)
    what = heading(work, season, None)
    if not counts:
        raise StoreError(f"no claims about {what} in the store (run `checker check` on the "
                         "articles first)")
    if event and event not in EVENTS:
        raise StoreError(f"{event!r} is not an event (use {', '.join(EVENTS)})")
    if event and event not in counts:
        raise StoreError(f"no {event} claims about {what} in the store (there are: "
                         f"{', '.join(sorted(counts))})")
    event = event or max(sorted(counts), key=lambda name: counts[name])
    flagged = [claim for row in store.findings()
               if row["work_key"] == work_key and row["season"] == season
               and row["status"] not in (DISMISSED, RESOLVED)
               for claim in flagged_claims(row) if claim["event"] == event]
    return drawn(store, work, work_key, season, event, {claim_key(claim) for claim in flagged},
                 also=flagged)


def timeline_of_finding(store: Store, row: dict) -> Picture | None:
    """The picture for one finding: its work's event, the claims it flags marked as the
    conflict and the others it cites as compared (an order claim told from the other work's
    side among them)."""
    if not row["event"] or not row["claims"]:
        return None
    marked = {claim_key(claim) for claim in flagged_claims(row)}
    compared = {claim_key(claim) for claim in row["claims"]} - marked
    return drawn(store, row["work"] or "", row["work_key"], row["season"], row["event"], marked,
                 also=row["claims"], compared=compared)
