"""Tables that fit the terminal: long columns wrapped, or one block per row when even
wrapped the columns cannot fit.

The width is the terminal's (COLUMNS first, as `shutil.get_terminal_size` reads it), or
DEFAULT_WIDTH when the output is no terminal: a pipe or a file gets the same layout a
terminal of that width would.
"""
from __future__ import annotations

import shutil
import textwrap
from typing import Mapping, Sequence

from tabulate import tabulate

DEFAULT_WIDTH = 100
# The narrowest a block's values are wrapped to, however narrow the terminal.
MIN_VALUE_WIDTH = 16


def terminal_width() -> int:
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


def widest_line(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


def cell_width(value: object) -> int:
    return widest_line(str(value))


def wrapped(value: object, width: int) -> str:
    """A cell's text on lines of at most `width` (an id breaks after a hyphen, a long word
    where it must)."""
    text = str(value)
    return "\n".join(textwrap.wrap(text, width)) if len(text) > width else text


def table(rows: Sequence[Sequence[object]], headers: Sequence[str], width: int, wrap: Mapping[int, int],
          tablefmt: str = "simple") -> str:
    """The rows as a table at most `width` wide: the `wrap` columns (index -> the narrowest
    it may be wrapped to) wrapped as narrow as needed, the others whole; one `header: value` block per row when that is not enough (a table
    without headers is wrapped as narrow as its columns go instead)."""
    fitted = wrapped_table(rows, headers, width, wrap, tablefmt)
    if fitted is not None:
        return fitted
    if not headers:
        return render_wrapped(rows, headers, dict(wrap), tablefmt)
    return records(rows, headers, width)


def render_wrapped(rows: Sequence[Sequence[object]], headers: Sequence[str], limits: Mapping[int, int],
                   tablefmt: str) -> str:
    """The table with the cells of the `limits` columns wrapped to their limit."""
    shown = [[wrapped(value, limits[column]) if column in limits else value for column, value in enumerate(row)]
             for row in rows]
    return tabulate(shown, headers=headers, tablefmt=tablefmt, disable_numparse=True)


def wrapped_table(rows: Sequence[Sequence[object]], headers: Sequence[str], width: int, wrap: Mapping[int, int],
                  tablefmt: str = "simple") -> str | None:
    """The table with the `wrap` columns wrapped to fit `width`, or None when it cannot fit
    without wrapping one of them narrower than its minimum."""
    def render(limits: dict[int, int]) -> str:
        return render_wrapped(rows, headers, limits, tablefmt)

    text = render({})
    if widest_line(text) <= width or not rows:
        return text
    natural = {column: max([cell_width(row[column]) for row in rows] + [len(headers[column]) if headers else 0])
               for column in wrap}
    limits = dict(natural)
    # Take the excess a character at a time from the wrapped column with the most to spare
    # above its narrowest (the first listed on a tie), until the table fits; tabulate's
    # padding is measured, not guessed.
    for _ in range(4):
        excess = widest_line(text) - width
        if excess <= 0:
            return text
        for _ in range(excess):
            column = max(limits, key=lambda index: limits[index] - wrap[index])
            if limits[column] <= wrap[column]:
                return None
            limits[column] -= 1
        text = render(limits)
    return text if widest_line(text) <= width else None


def records(rows: Sequence[Sequence[object]], headers: Sequence[str], width: int) -> str:
    """One block per row, a `header: value` line per column (values wrapped under
    themselves; under their header, indented, when the terminal leaves too little beside
    it), blocks apart by a blank line: for terminals too narrow for the table. Empty values
    are left out."""
    label_width = max(len(header) for header in headers) + 2
    beside = width - label_width >= MIN_VALUE_WIDTH
    indent = label_width if beside else 2
    value_width = max(MIN_VALUE_WIDTH, width - indent)
    blocks = []
    for row in rows:
        lines = []
        for header, value in zip(headers, row):
            text = " ".join(str(value).split())
            if not text:
                continue
            wrapped = textwrap.wrap(text, value_width) or [""]
            if beside:
                lines.append(f"{header + ':':<{label_width}}{wrapped[0]}")
                wrapped = wrapped[1:]
            else:
                lines.append(header + ":")
            lines += [" " * indent + line for line in wrapped]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
