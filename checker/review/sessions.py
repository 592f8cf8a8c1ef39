"""How long a review-page session lasts, and how failed sign-ins slow the next attempt.

Sessions are rows in the store, named in the cookie by a random token whose digest alone is
stored. Failed sign-ins are counted per name and client address: after a few, that address
must wait before trying that name again, twice as long after each further failure. Another
address is not slowed, so nobody can lock an editor out by guessing their password.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import secrets

SESSION_HOURS = 12
# A session's last-seen time is written at most this often: not a write per page.
SEEN_EVERY = dt.timedelta(minutes=1)

FREE_FAILURES = 5            # failures in a row from one address before it must wait
FIRST_WAIT_SECONDS = 30      # the wait after those; doubled by each further failure
LONGEST_WAIT_SECONDS = 3600
FORGET_FAILURES_AFTER = dt.timedelta(days=1)   # of quiet: the count starts again


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What the store keeps of a session's token: a copy of the table opens no session."""
    return hashlib.sha256(token.encode()).hexdigest()


def wait_seconds(failures: int, last_attempt: dt.datetime, moment: dt.datetime) -> int:
    """How long an address with this many failures in a row (the last at `last_attempt`)
    must still wait at `moment` before trying the name again; 0 when it need not."""
    if failures < FREE_FAILURES:
        return 0
    wait = min(FIRST_WAIT_SECONDS * 2 ** min(failures - FREE_FAILURES, 32), LONGEST_WAIT_SECONDS)
    return max(0, math.ceil((last_attempt + dt.timedelta(seconds=wait) - moment).total_seconds()))


def duration(seconds: int) -> str:
    """'45 seconds', '2 minutes': a wait as the sign-in page says it."""
    if seconds < 90:
        return f"{seconds} second{'s' * (seconds != 1)}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minutes"
