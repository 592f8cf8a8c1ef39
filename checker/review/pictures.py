"""Which claims a timeline picture shows, and which of them it marks as in conflict."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker import engine
from checker.config import Settings
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

    def svg(self, standalone: bool = False) -> str:
        return timeline.render(self.claims, self.articles, title=self.title, marked=self.marked,
                               standalone=standalone)


def heading(work: str, season: int, event: str | None) -> str:
    title = work if season == 1 else f"{work} season {season}"
    return f"{title}: {event.replace('_', ' ')}" if event else title


def drawn(store: Store, work: str, work_key: str, season: int, event: str, marked: set[str],
          also: Sequence[dict] = ()) -> Picture:
    """The stored claims about the event, and `also` (claims as a finding cited them)."""
    claims = store.claims_about(work_key, season, event)
    held = {claim.id for claim in claims}
    claims += [Claim.model_validate({**claim, "id": key}) for claim in also
               if (key := claim_key(claim)) not in held]
    articles = store.articles({claim.article for claim in claims})
    return Picture(heading(work, season, event), claims, articles, marked)


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
    cited = [claim for row in store.findings()
             if row["work_key"] == work_key and row["season"] == season
             and row["status"] not in (DISMISSED, RESOLVED)
             for claim in row["claims"] if claim["event"] == event]
    return drawn(store, work, work_key, season, event, {claim_key(claim) for claim in cited},
                 also=cited)


def timeline_of_finding(store: Store, row: dict) -> Picture | None:
    """The picture for one finding: its work's event, its own claims marked (an order
    claim told from the other work's side among them)."""
    if not row["event"] or not row["claims"]:
        return None
    marked = {claim_key(claim) for claim in row["claims"]}
    return drawn(store, row["work"] or "", row["work_key"], row["season"], row["event"], marked,
                 also=row["claims"])
