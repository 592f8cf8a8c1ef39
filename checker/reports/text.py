"""Article text made safe for a terminal: one line, no control characters."""
from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the bidirectional overrides and isolates that can make a
# terminal show text in another order than it is stored ("Trojan Source").
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str | None) -> str:
    """The text on one line: line breaks and tabs become spaces, other controls are dropped."""
    if not text:
        return ""
    text = UNSAFE.sub(lambda m: " " if m.group().isspace() else "", text)
    return " ".join(text.split())


def excerpt(text: str | None, width: int = 60) -> str:
    """`clean(text)` cut to at most `width` characters, an ellipsis marking the cut."""
    text = clean(text)
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"
