"""What the review store's users see of it without a database: the states of a finding,
the decisions, store locations and its errors (loading this does not load SQLAlchemy, so
`checker --help` and `checker extract` start fast)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

# The states a finding can be in. An editor sets confirmed, dismissed and fixed (and may
# reopen); `checker check` sets open (new or found again) and resolved (no longer found).
OPEN, CONFIRMED, DISMISSED, FIXED, RESOLVED = "open", "confirmed", "dismissed", "fixed", "resolved"
STATUSES = (OPEN, CONFIRMED, DISMISSED, FIXED, RESOLVED)

# What an editor may do, and the status it leaves the finding in (None: unchanged).
ACTIONS = {"confirm": CONFIRMED, "dismiss": DISMISSED, "fix": FIXED, "reopen": OPEN, "note": None}
# A status `checker check` reports; dismissed findings are hidden unless asked for.
HIDDEN = {DISMISSED}


class StoreError(Exception):
    """The store cannot be opened or used; the message says which store and why."""


class StaleDecision(StoreError):
    """The finding changed since the editor loaded it: their decision was not recorded."""

    def __init__(self, current: dict):
        self.current = current
        who = current.get("decided_by") or "the checker"
        super().__init__(f"finding {current['fingerprint']} changed while you were deciding: it "
                         f"is now {current['status']} ({who}, {when(current['updated_at'])}); "
                         "nothing was recorded")


def now() -> dt.datetime:
    """UTC without a zone: SQLite keeps no zones, so every time in the store is UTC."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def when(moment: dt.datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC" if moment else ""


def store_url(location: str) -> str:
    """A database URL from the configuration: a URL as given, else a SQLite file path."""
    if "://" not in location:
        return f"sqlite:///{Path(location).expanduser().resolve()}"
    if location.startswith(("postgres://", "postgresql://")):
        # psycopg 3 is the driver we ship an extra for; SQLAlchemy defaults to psycopg2.
        return "postgresql+psycopg://" + location.split("://", 1)[1]
    return location


def shown(url: str) -> str:
    """A URL fit for messages: never the password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url
