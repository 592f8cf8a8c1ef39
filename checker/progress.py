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

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None, log: bool = False):
        self.stream = stream or sys.stderr
        self.enabled = enabled if enabled is not None else self.stream.isatty()
        self.step = ""
        self.drawn_at = 0.0
        self.width = 0
        # -v: each step's start, end, last count and unit, said when the run ends.
        self.log = log
        self.steps: dict[str, list] = {}
        self.current = ""

    @classmethod
    def for_terminal(cls, verbosity: str | None) -> Progress:
        """The display -q turns off; -v also says how long each step took, wherever stderr goes."""
        return cls(enabled=False) if verbosity == "quiet" else cls(log=verbosity == "verbose")

    @property
    def wanted(self) -> bool:
        """Whether the steps need to tell it anything."""
        return self.enabled or self.log

    def __call__(self, step: str, done: int, total: int | None = None, unit: str = "articles") -> None:
        if self.log:
            self.record(step, done, unit)
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

    def record(self, step: str, done: int, unit: str) -> None:
        """A step's time runs from its first call to the next step's (or the run's end)."""
        now = time.monotonic()
        if step != self.current:
            if self.current:
                self.steps[self.current][1] = now
            self.current = step
            self.steps.setdefault(step, [now, now, 0, unit])
        entry = self.steps[step]
        entry[1:] = [now, done, unit]

    def close(self) -> None:
        """Wipe the line (nothing was written when the display is off); with -v, one line
        per step: what it went through and how long it took."""
        if self.enabled and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0
        if self.log and self.current:
            self.steps[self.current][1] = time.monotonic()
            for step, (started, ended, done, unit) in self.steps.items():
                count = f": {done:,} {unit}" if unit else ""
                self.stream.write(f"checker: {step}{count} in {ended - started:.2f} s\n")
            self.stream.flush()
            self.steps.clear()
            self.current = ""

