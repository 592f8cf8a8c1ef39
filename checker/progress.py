"""A one-line progress display for long runs, on standard error.

Shown only when standard error is a terminal and `-q` was not given: CI logs, pipes and
files get nothing. The line says the step and how far it is ("checker: learning works
(4,000 of 13,347 articles)"), is redrawn at most ten times a second, and is wiped when the
run ends, so the report that follows starts on a clean line.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO

# Seconds between two redraws of the same step.
INTERVAL = 0.1


class Progress:
    """Called as progress(step, done, total, unit) by the steps of a run (total None: not
    known ahead, as for articles read from a corpus file)."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = enabled if enabled is not None else self.stream.isatty()
        self.step = ""
        self.drawn_at = 0.0
        self.width = 0

    @classmethod
    def for_terminal(cls, quiet: bool) -> Progress:
        return cls(enabled=False) if quiet else cls()

    def __call__(self, step: str, done: int, total: int | None = None, unit: str = "articles") -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if step == self.step and now - self.drawn_at < INTERVAL and done != total:
            return
        self.step, self.drawn_at = step, now
        count = f"{done:,}" if total is None else f"{done:,} of {total:,}{' ' + unit if unit else ''}"
        line = f"checker: {step} ({count})"
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        """Wipe the line (nothing was written when the display is off)."""
        if self.enabled and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0

