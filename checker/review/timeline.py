"""A timeline picture (standalone SVG) of every claim about one work or event.

One row per claim, sorted by publication date: a diamond where the article was published and
a bar over the days the claim allows, so an editor sees at a glance how the claimed date
drifted from source to source. Claims in the conflict are hatched, outlined and flagged with
a warning symbol, so colour is never the only cue; the claims a finding holds them against
keep their colour and get a dark outline and a ring.

The SVG is written by hand (no dependency) and is meant both for a file of its own and for
inlining in an HTML page. Everything taken from articles and claims is untrusted: it is
stripped of characters XML cannot hold and escaped, in text and in attributes alike.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TypeGuard
from xml.sax.saxutils import escape

from claims.models import Article, Claim, Interval, Published

# Sizes, in SVG user units (pixels at 100%).
WIDTH = 1000
MARGIN = 16
SYMBOL_WIDTH = 20  # the column left of the labels that holds the conflict symbol
LABEL_WIDTH = 190
NOTE_WIDTH = 230  # the column right of the plot: the time as written
TITLE_HEIGHT = 40
AXIS_HEIGHT = 40
ROW_HEIGHT = 34
LEGEND_HEIGHT = 44
BAR_HEIGHT = 12
MIN_BAR_WIDTH = 4  # a single day is narrower than a pixel on a multi-year axis
ARROW_LENGTH = 8
DIAMOND_RADIUS = 6
FONT_SIZE = 12
SMALL_FONT_SIZE = 10
LABEL_CHARS = 28  # longer labels are cut; the full text is in the row's tooltip
NOTE_CHARS = 32

PLOT_LEFT = MARGIN + SYMBOL_WIDTH + LABEL_WIDTH
PLOT_RIGHT = WIDTH - MARGIN - NOTE_WIDTH
NOTE_LEFT = PLOT_RIGHT + 12

# Axis: padding keeps the first and last marks off the plot's edges; open ends get more.
PADDING_FRACTION = 0.04
MIN_PADDING_DAYS = 31  # so even one day's axis spans two month starts, two ticks
OPEN_END_FRACTION = 0.1
MAX_TICKS = 12
# Tick steps in months, finest first: months, then years.
TICK_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000, 24000, 60000)
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Colours. Presentation attributes, not a <style> block: CSS in an SVG inlined in HTML
# applies to the whole page.
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
TEXT_COLOUR = "#1f2328"
MUTED_COLOUR = "#59636e"
GRID_COLOUR = "#d0d7de"
STRIPE_COLOUR = "#f6f8fa"
BACKGROUND_COLOUR = "#ffffff"
BAR_COLOUR = "#3b6fb6"
CONFLICT_COLOUR = "#c62828"
HATCH_COLOUR = "#ffffff"
PUBLISHED_COLOUR = "#1f2328"

NO_CLAIMS = "No dated claims"
NO_DATE = "no date"
UNDATED = "undated"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

# Characters XML 1.0 cannot hold (C0 controls but tab and line breaks, surrogates, U+FFFE/F),
# C1 controls, and bidirectional overrides that would show a label in another order.
UNSAFE = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
                    "|[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# --- Untrusted text -----------------------------------------------------------------------

def clean(text: str | None) -> str:
    """The text on one line, without characters XML cannot hold: whitespace controls become
    spaces, others are dropped."""
    text = UNSAFE.sub(lambda match: " " if match.group().isspace() else "", text or "")
    return " ".join(text.split())


def shorten(text: str, limit: int) -> str:
    # Cut before escaping, so an entity such as &amp; is never cut in half.
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def text_content(text: str | None, limit: int | None = None) -> str:
    line = clean(text)
    return escape(shorten(line, limit) if limit else line)


def attribute_value(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".removesuffix(".0")
    return escape(clean(str(value)), {'"': "&quot;"})


def tag(name: str, content: str | None = None, **attributes: object) -> str:
    """One element; `content` is markup, already escaped. Attribute names are spelt as Python
    names: class_ -> class, stroke_width -> stroke-width."""
    rendered = "".join(f' {key.rstrip("_").replace("_", "-")}="{attribute_value(value)}"'
                       for key, value in attributes.items() if value is not None)
    return f"<{name}{rendered}/>" if content is None else f"<{name}{rendered}>{content}</{name}>"


# --- Calendar axis ------------------------------------------------------------------------

@dataclass(frozen=True)
class Axis:
    """Days first..last (both included) spread over the plot's width."""

    first: int  # proleptic ordinals, so arithmetic never leaves datetime.date's range
    last: int

    def x(self, ordinal: float) -> float:
        """The left edge of a day; ordinal + 1 is its right edge."""
        days = self.last + 1 - self.first
        return PLOT_LEFT + (ordinal - self.first) / days * (PLOT_RIGHT - PLOT_LEFT)

    def start_of(self, day: dt.date) -> float:
        return self.x(day.toordinal())

    def end_of(self, day: dt.date) -> float:
        return self.x(day.toordinal() + 1)


def days_shown(claims: list[Claim], articles: Mapping[str, Article]) -> list[dt.date]:
    days = []
    for claim in claims:
        published = publication(claim, articles)
        if published:
            days += [published.earliest, published.latest]
        if has_bounds(claim.interval):
            days += [day for day in (claim.interval.earliest, claim.interval.latest) if day]
    return days


def axis_for(claims: list[Claim], articles: Mapping[str, Article]) -> Axis | None:
    """The days every publication date and claimed bound need, padded; None if there are none."""
    days = days_shown(claims, articles)
    if not days:
        return None
    first, last = min(days).toordinal(), max(days).toordinal()
    padding = max(MIN_PADDING_DAYS, round((last - first) * PADDING_FRACTION))
    # An open-ended bar needs room beyond its bound, or it would be no more than its arrow.
    open_room = max(MIN_PADDING_DAYS, round((last - first) * OPEN_END_FRACTION))
    bounded = [claim.interval for claim in claims if has_bounds(claim.interval)]
    before = padding + open_room * any(interval.earliest is None for interval in bounded)
    after = padding + open_room * any(interval.latest is None for interval in bounded)
    return Axis(max(dt.date.min.toordinal(), first - before),
                min(dt.date.max.toordinal(), last + after))


def month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def month_start(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def tick_months(axis: Axis) -> tuple[int, list[int]]:
    """The step in months and the month indices that get a tick: the finest step that
    leaves at most MAX_TICKS. Counted before listed, as a span may cover centuries."""
    first_day, last_day = dt.date.fromordinal(axis.first), dt.date.fromordinal(axis.last)
    low = month_index(first_day) + (first_day.day != 1)  # the first whole month shown
    high = month_index(last_day)
    for step in TICK_STEPS:
        first_tick = -(-low // step) * step  # the first multiple of step from low on
        if (high - first_tick) // step + 1 <= MAX_TICKS:
            break
    return step, list(range(first_tick, high + 1, step))


def tick_label(index: int, step_is_years: bool, first: bool) -> tuple[str, str]:
    """Two lines: the month, then the year where it changes; a year tick is the year alone."""
    year = str(index // 12)
    if step_is_years:
        return year, ""
    month = index % 12
    return MONTH_NAMES[month], year if first or month == 0 else ""


def axis_marks(axis: Axis, bottom: float) -> list[str]:
    step, ticks = tick_months(axis)
    top = TITLE_HEIGHT + AXIS_HEIGHT
    marks = []
    for position, index in enumerate(ticks):
        x = axis.start_of(month_start(index))
        label, year = tick_label(index, step >= 12, position == 0)
        marks.append(tag("line", class_="gridline", x1=x, y1=top - 4, x2=x, y2=bottom,
                         stroke=GRID_COLOUR, stroke_width=1))
        if label:
            marks.append(tag("text", escape(label), class_="tick-label", x=x, y=top - 22,
                             text_anchor="middle", fill=TEXT_COLOUR))
        if year:
            marks.append(tag("text", escape(year), class_="tick-label", x=x, y=top - 8,
                             text_anchor="middle", fill=MUTED_COLOUR, font_size=SMALL_FONT_SIZE))
    return marks


# --- Rows ---------------------------------------------------------------------------------

def publication(claim: Claim, articles: Mapping[str, Article]) -> Published | None:
    article = articles.get(claim.article)
    return article.published if article else None


def has_bounds(interval: Interval | None) -> TypeGuard[Interval]:
    # An interval unbounded at both ends says nothing about when; it is drawn as no date.
    return interval is not None and (interval.earliest is not None or interval.latest is not None)


def row_order(claims: list[Claim], articles: Mapping[str, Article]) -> list[Claim]:
    """By publication date, undated last; ids settle ties so the order never depends on input."""
    def key(claim: Claim):
        published = publication(claim, articles)
        when = (published.earliest, published.latest) if published else ()
        return (published is None, when, claim.article, claim.id)
    return sorted(claims, key=key)


def source_name(claim: Claim, articles: Mapping[str, Article]) -> str:
    article = articles.get(claim.article)
    return clean(article.outlet if article and article.outlet else claim.article)


def written_time(claim: Claim) -> str:
    """The time as the article wrote it, or for an order claim what it was ordered against."""
    if claim.time_text:
        return claim.time_text
    if claim.relation and claim.object:
        return f"{claim.relation.replace('_', ' ')} {claim.object.work} {claim.object.event}"
    if claim.time and claim.time.value:
        return claim.time.value
    return "—"


def claim_details(claim: Claim) -> str:
    event = ("not " if claim.negated else "") + claim.event.replace("_", " ")
    return " · ".join((event, claim.tense, claim.modality))


def tooltip(claim: Claim, articles: Mapping[str, Article]) -> str:
    article = articles.get(claim.article)
    published = publication(claim, articles)
    lines = [f"{source_name(claim, articles)} ({published.value if published else UNDATED})",
             clean(article.title if article else None),
             f"{clean(written_time(claim))} — {claim_details(claim)}",
             f"“{clean(claim.evidence.text)}”"]
    # A line break in <title> is a line break in the browser's tooltip.
    return "\n".join(escape(line) for line in lines if line)


def diamond(x: float, y: float, radius: float) -> str:
    return f"M{x:.1f},{y - radius:.1f} L{x + radius:.1f},{y:.1f} L{x:.1f},{y + radius:.1f} " \
           f"L{x - radius:.1f},{y:.1f} Z"


def warning_symbol(x: float, y: float) -> list[str]:
    """A triangle with "!": the conflict cue that does not depend on colour."""
    path = f"M{x:.1f},{y - 7:.1f} L{x + 7:.1f},{y + 6:.1f} L{x - 7:.1f},{y + 6:.1f} Z"
    return [tag("path", class_="conflict-symbol", d=path, fill=CONFLICT_COLOUR),
            tag("text", "!", class_="conflict-symbol", x=x, y=y + 4.5, text_anchor="middle",
                fill=HATCH_COLOUR, font_size=SMALL_FONT_SIZE, font_weight="bold")]


def compared_symbol(x: float, y: float) -> str:
    """A ring: the claim a finding holds the conflict against, told apart without colour."""
    return tag("circle", class_="compared-symbol", cx=x, cy=y, r=5, fill="none",
               stroke=TEXT_COLOUR, stroke_width=2)


def publication_mark(axis: Axis, published: Published, y: float) -> list[str]:
    """A diamond mid-way through the days the date allows; a whisker when it is a month or year."""
    left, right = axis.start_of(published.earliest), axis.end_of(published.latest)
    marks = []
    if published.latest > published.earliest:
        marks.append(tag("line", class_="published-range", x1=left, y1=y, x2=right, y2=y,
                         stroke=PUBLISHED_COLOUR, stroke_width=1.5))
    marks.append(tag("path", class_="published", d=diamond((left + right) / 2, y, DIAMOND_RADIUS),
                     fill=PUBLISHED_COLOUR, stroke=BACKGROUND_COLOUR, stroke_width=1.5))
    return marks


def bar_span(axis: Axis, interval: Interval) -> tuple[float, float]:
    """Left and right edge, unbounded ends clipped to the plot and room left for the arrow."""
    left = (axis.start_of(interval.earliest) if interval.earliest
            else PLOT_LEFT + ARROW_LENGTH)
    right = axis.end_of(interval.latest) if interval.latest else PLOT_RIGHT - ARROW_LENGTH
    if right - left < MIN_BAR_WIDTH:
        middle = (left + right) / 2
        left, right = middle - MIN_BAR_WIDTH / 2, middle + MIN_BAR_WIDTH / 2
    return left, right


def open_end(x_tip: float, x_base: float, y: float, colour: str) -> str:
    half = BAR_HEIGHT / 2 + 2
    d = f"M{x_tip:.1f},{y:.1f} L{x_base:.1f},{y - half:.1f} L{x_base:.1f},{y + half:.1f} Z"
    return tag("path", class_="open-end", d=d, fill=colour)


def interval_bar(axis: Axis, interval: Interval, y: float, conflict: bool,
                 pattern_id: str, compared: bool = False) -> list[str]:
    left, right = bar_span(axis, interval)
    colour = CONFLICT_COLOUR if conflict else BAR_COLOUR
    outline = colour if conflict else TEXT_COLOUR if compared else None
    marks = [tag("rect", class_="interval", x=left, y=y - BAR_HEIGHT / 2, width=right - left,
                 height=BAR_HEIGHT, rx=2,
                 fill=f"url(#{pattern_id})" if conflict else BAR_COLOUR,
                 stroke=outline, stroke_width=1.5 if outline else None)]
    if interval.earliest is None:
        marks.append(open_end(PLOT_LEFT, left, y, colour))
    if interval.latest is None:
        marks.append(open_end(PLOT_RIGHT, right, y, colour))
    return marks


def row_band(position: int, top: int) -> str:
    # The band covers the whole row, so the tooltip shows wherever the row is pointed at;
    # a transparent fill still takes the pointer, "none" would not.
    striped = position % 2 == 1
    return tag("rect", class_="row-band", x=MARGIN, y=top, width=WIDTH - 2 * MARGIN,
               height=ROW_HEIGHT, fill=STRIPE_COLOUR if striped else BACKGROUND_COLOUR,
               fill_opacity=1 if striped else 0)


def source_label(claim: Claim, articles: Mapping[str, Article], middle: float) -> list[str]:
    """Left column: the outlet, and under it the publication date."""
    published = publication(claim, articles)
    x = MARGIN + SYMBOL_WIDTH
    return [tag("text", text_content(source_name(claim, articles), LABEL_CHARS), class_="source",
                x=x, y=middle - 2, fill=TEXT_COLOUR),
            tag("text", escape(published.value if published else UNDATED),
                class_="published-label", x=x, y=middle + 11, fill=MUTED_COLOUR,
                font_size=SMALL_FONT_SIZE)]


def no_date_note(middle: float, conflict: bool) -> str:
    return tag("text", escape(NO_DATE), class_="no-date", x=PLOT_LEFT + 4, y=middle + 4,
               fill=CONFLICT_COLOUR if conflict else MUTED_COLOUR, font_style="italic")


def written_note(claim: Claim, middle: float) -> list[str]:
    """Right column: the time as written, and under it what kind of claim it is."""
    return [tag("text", text_content(written_time(claim), NOTE_CHARS), class_="as-written",
                x=NOTE_LEFT, y=middle - 2, fill=TEXT_COLOUR),
            tag("text", escape(claim_details(claim)), class_="claim-details", x=NOTE_LEFT,
                y=middle + 11, fill=MUTED_COLOUR, font_size=SMALL_FONT_SIZE)]


def row(claim: Claim, position: int, axis: Axis | None, articles: Mapping[str, Article],
        conflict: bool, pattern_id: str, compared: bool = False) -> str:
    top = TITLE_HEIGHT + AXIS_HEIGHT + position * ROW_HEIGHT
    middle = top + ROW_HEIGHT / 2
    published = publication(claim, articles)
    parts = [tag("title", tooltip(claim, articles)), row_band(position, top)]
    if conflict:
        parts += warning_symbol(MARGIN + SYMBOL_WIDTH / 2, middle)
    elif compared:
        parts.append(compared_symbol(MARGIN + SYMBOL_WIDTH / 2, middle))
    parts += source_label(claim, articles, middle)
    if axis and has_bounds(claim.interval):
        parts += interval_bar(axis, claim.interval, middle, conflict, pattern_id, compared)
    else:
        parts.append(no_date_note(middle, conflict))
    if axis and published:
        # After the bar, so the diamond stays visible where the two meet.
        parts += publication_mark(axis, published, middle)
    parts += written_note(claim, middle)
    kind = "claim conflict" if conflict else "claim compared" if compared else "claim"
    return tag("g", "".join(parts), class_=kind, data_claim=claim.id)


# --- Frame: title, headers, legend ---------------------------------------------------------

def hatch_pattern(pattern_id: str) -> str:
    """Diagonal white stripes over the conflict colour: readable without colour vision."""
    stripes = tag("path", d="M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5", stroke=HATCH_COLOUR,
                  stroke_width=1.5)
    ground = tag("rect", width=6, height=6, fill=CONFLICT_COLOUR)
    return tag("defs", tag("pattern", ground + stripes, id=pattern_id, width=6, height=6,
                           patternUnits="userSpaceOnUse"))


def headers() -> list[str]:
    y = TITLE_HEIGHT + AXIS_HEIGHT - 8
    return [tag("text", "source · published", class_="column-header", x=MARGIN + SYMBOL_WIDTH,
                y=y, fill=MUTED_COLOUR, font_size=SMALL_FONT_SIZE),
            tag("text", "time as written", class_="column-header", x=NOTE_LEFT, y=y,
                fill=MUTED_COLOUR, font_size=SMALL_FONT_SIZE)]


def legend(top: float, pattern_id: str, with_compared: bool = False) -> str:
    y = top + LEGEND_HEIGHT / 2
    x = MARGIN + SYMBOL_WIDTH
    conflict_bar = tag("rect", x=x + 410, y=y - BAR_HEIGHT / 2, width=24, height=BAR_HEIGHT,
                       rx=2, fill=f"url(#{pattern_id})", stroke=CONFLICT_COLOUR, stroke_width=1.5)
    entries = [tag("path", d=diamond(x + 6, y, DIAMOND_RADIUS), fill=PUBLISHED_COLOUR),
               tag("text", "publication date", x=x + 18, y=y + 4, fill=TEXT_COLOUR),
               tag("rect", x=x + 130, y=y - BAR_HEIGHT / 2, width=24, height=BAR_HEIGHT, rx=2,
                   fill=BAR_COLOUR),
               tag("text", "claimed time", x=x + 160, y=y + 4, fill=TEXT_COLOUR),
               tag("rect", x=x + 260, y=y - BAR_HEIGHT / 2, width=16, height=BAR_HEIGHT,
                   fill=BAR_COLOUR),
               open_end(x + 284, x + 276, y, BAR_COLOUR),
               tag("text", "open-ended", x=x + 292, y=y + 4, fill=TEXT_COLOUR),
               *warning_symbol(x + 396, y), conflict_bar,
               tag("text", "conflict", x=x + 442, y=y + 4, fill=TEXT_COLOUR)]
    if with_compared:
        entries += [compared_symbol(x + 516, y),
                    tag("rect", x=x + 528, y=y - BAR_HEIGHT / 2, width=24, height=BAR_HEIGHT, rx=2,
                        fill=BAR_COLOUR, stroke=TEXT_COLOUR, stroke_width=1.5),
                    tag("text", "held against it", x=x + 560, y=y + 4, fill=TEXT_COLOUR)]
    return tag("g", "".join(entries), class_="legend")


def pattern_id_for(title: str, claims: list[Claim]) -> str:
    """An id unique to this picture, so two timelines inlined in one page keep their own
    pattern; derived from the input, not random, so the output stays the same."""
    digest = hashlib.sha256("\n".join([title, *(claim.id for claim in claims)]).encode(
        "utf-8", "surrogatepass")).hexdigest()
    return f"timeline-conflict-{digest[:10]}"


def svg(body: list[str], height: int, title: str, summary: str, standalone: bool) -> str:
    heading = tag("text", text_content(title), class_="timeline-title", x=MARGIN, y=26,
                  fill=TEXT_COLOUR, font_size=16, font_weight="bold")
    content = "".join([tag("title", text_content(title)), heading, *body])
    root = tag("svg", content, xmlns="http://www.w3.org/2000/svg", class_="timeline",
               viewBox=f"0 0 {WIDTH} {height}", width=WIDTH, height=height,
               role="img", aria_label=summary, font_family=FONT_FAMILY, font_size=FONT_SIZE)
    return (XML_DECLARATION if standalone else "") + root


def no_axis_note() -> str:
    """Said where the axis would be when claims exist but not one date does."""
    return tag("text", escape(NO_CLAIMS), class_="no-claims", x=(PLOT_LEFT + PLOT_RIGHT) / 2,
               y=TITLE_HEIGHT + 16, text_anchor="middle", fill=MUTED_COLOUR)


def empty_picture(title: str, standalone: bool) -> str:
    height = TITLE_HEIGHT + AXIS_HEIGHT + LEGEND_HEIGHT
    message = tag("text", escape(NO_CLAIMS), class_="no-claims", x=WIDTH / 2,
                  y=TITLE_HEIGHT + AXIS_HEIGHT / 2 + 4, text_anchor="middle", fill=MUTED_COLOUR)
    return svg([message], height, title, f"{clean(title)}: {NO_CLAIMS.lower()}", standalone)


def render(claims: list[Claim], articles: Mapping[str, Article], *, title: str,
           marked: Collection[str] = (), compared: Collection[str] = (),
           standalone: bool = False) -> str:
    """The timeline of `claims` as an SVG string; claims whose id is in `marked` are drawn
    as the conflict, those in `compared` as what it is held against. `standalone` adds the
    XML declaration a file of its own wants."""
    if not claims:
        return empty_picture(title, standalone)
    ordered = row_order(claims, articles)
    axis = axis_for(ordered, articles)
    pattern_id = pattern_id_for(title, ordered)
    rows_bottom = TITLE_HEIGHT + AXIS_HEIGHT + len(ordered) * ROW_HEIGHT
    body = [hatch_pattern(pattern_id), *headers()]
    body += axis_marks(axis, rows_bottom) if axis else [no_axis_note()]
    body += [row(claim, position, axis, articles, claim.id in marked, pattern_id,
                 claim.id in compared and claim.id not in marked)
             for position, claim in enumerate(ordered)]
    body.append(legend(rows_bottom, pattern_id, any(claim.id in compared for claim in ordered)))
    conflicts = sum(claim.id in marked for claim in ordered)
    summary = (f"{clean(title)}: timeline of {len(ordered)} claim{'s' * (len(ordered) != 1)}"
               f", {conflicts} in conflict")
    return svg(body, rows_bottom + LEGEND_HEIGHT, title, summary, standalone)
