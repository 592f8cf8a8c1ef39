"""checker.review.timeline.render: the SVG timeline of the claims about one work, read back
as XML so that every test looks at the picture's structure, not at its text."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from checker.review import timeline
from checker.review.timeline import render
from claims.models import Article, Claim, Evidence, EventRef, Interval, Published, Subject

SVG = "{http://www.w3.org/2000/svg}"
D = dt.date.fromisoformat
HOSTILE = '<script>alert(1)</script>" onload="x'


def article(id: str, outlet: str | None = None, published: Published | None = None,
            title: str | None = None) -> Article:
    return Article(id=id, body="…", outlet=outlet, published=published, title=title)


def claim(id: str, article: str, interval: Interval | None = None, *, time_text: str | None = None,
          evidence: str = "Season 2 arrives next spring.", **fields) -> Claim:
    return Claim(id=id, article=article, subject=Subject(work="Jessica Jones", season=2),
                 event=fields.pop("event", "release"), tense=fields.pop("tense", "future"),
                 modality=fields.pop("modality", "asserted"),
                 evidence=Evidence(start=0, end=len(evidence), text=evidence),
                 time_text=time_text, interval=interval, **fields)


def days(first: str | None, last: str | None) -> Interval:
    return Interval(earliest=first and D(first), latest=last and D(last))


ARTICLES = {a.id: a for a in [
    article("whatculture", "WhatCulture", Published(year=2016, month=5)),
    article("variety", "Variety", Published(year=2016, month=9, day=12)),
    article("deadline", "Deadline", Published(year=2017, month=1, day=3)),
    article("blog", None, None),
]}
# Deliberately not in publication order.
CLAIMS = [
    claim("deadline-1", "deadline", days("2017-03-08", "2017-03-08"), time_text="March 8, 2017"),
    claim("blog-1", "blog", days("2017-06-01", "2017-08-31"), time_text="this summer"),
    claim("whatculture-1", "whatculture", days("2017-03-01", "2017-05-31"),
          time_text="next spring"),
    claim("variety-1", "variety", days("2016-12-01", "2016-12-31"), time_text="in December"),
]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def rows(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if "claim" in g.get("class", "").split()]


def classes(element: ET.Element) -> list[str]:
    return element.get("class", "").split()


def one(row: ET.Element, name: str, css_class: str) -> ET.Element:
    found = [e for e in row.iter(f"{SVG}{name}") if css_class in classes(e)]
    assert len(found) == 1, f"{len(found)} <{name} class={css_class}> in {row.get('data-claim')}"
    return found[0]


def interval_bar(root: ET.Element, claim_id: str) -> ET.Element:
    row = next(r for r in rows(root) if r.get("data-claim") == claim_id)
    return one(row, "rect", "interval")


def test_an_svg_root_fit_to_inline_in_html():
    svg = render(CLAIMS, ARTICLES, title="Jessica Jones S2 release")
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert svg.startswith("<svg ")  # no XML declaration: HTML does not allow one inline
    width, height = float(root.get("width")), float(root.get("height"))
    assert root.get("viewBox") == f"0 0 {width:g} {height:g}"
    assert root.get("role") == "img"
    assert "Jessica Jones S2 release" in root.get("aria-label")
    assert "4 claims" in root.get("aria-label")
    assert root.find(f"{SVG}title").text == "Jessica Jones S2 release"


def test_standalone_adds_the_xml_declaration():
    svg = render(CLAIMS, ARTICLES, title="x", standalone=True)
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    assert parse(svg.encode("utf-8")).tag == f"{SVG}svg"


def test_one_row_per_claim_each_with_one_bar_and_one_publication_mark():
    root = parse(render(CLAIMS, ARTICLES, title="x"))
    found = rows(root)
    assert sorted(r.get("data-claim") for r in found) == sorted(c.id for c in CLAIMS)
    for row in found:
        one(row, "rect", "interval")
        assert len(row.findall(f"{SVG}title")) == 1  # the tooltip
    # The blog is undated: no publication diamond on its row, one on each of the others.
    dated = [r for r in found if r.get("data-claim") != "blog-1"]
    assert all(one(r, "path", "published") is not None for r in dated)
    blog = next(r for r in found if r.get("data-claim") == "blog-1")
    assert not [e for e in blog.iter() if "published" in classes(e)]
    assert one(blog, "text", "published-label").text == "undated"


def test_rows_are_ordered_by_publication_date_undated_last():
    root = parse(render(CLAIMS, ARTICLES, title="x"))
    found = rows(root)
    assert [r.get("data-claim") for r in found] == ["whatculture-1", "variety-1", "deadline-1",
                                                    "blog-1"]
    tops = [float(one(r, "rect", "row-band").get("y")) for r in found]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    labels = [one(r, "text", "source").text for r in found]
    assert labels == ["WhatCulture", "Variety", "Deadline", "blog"]  # article id without outlet
    assert [one(r, "text", "published-label").text for r in found] == [
        "2016-05", "2016-09-12", "2017-01-03", "undated"]


def test_bars_and_diamonds_sit_at_their_dates():
    root = parse(render(CLAIMS, ARTICLES, title="x"))
    december = interval_bar(root, "variety-1")
    spring = interval_bar(root, "whatculture-1")
    summer = interval_bar(root, "blog-1")
    def left(bar): return float(bar.get("x"))
    def right(bar): return float(bar.get("x")) + float(bar.get("width"))
    assert right(december) <= left(spring) < right(spring) <= left(summer)
    # Widths are proportional to days: three months are about three times one month.
    assert float(spring.get("width")) == pytest.approx(3 * float(december.get("width")), rel=0.05)
    # The single day March 8 falls inside the spring bar and is still visible.
    day = interval_bar(root, "deadline-1")
    assert float(day.get("width")) >= timeline.MIN_BAR_WIDTH
    assert left(spring) < left(day) < right(spring)
    # Everything lies inside the plot.
    for bar in (december, spring, summer, day):
        assert timeline.PLOT_LEFT <= left(bar) and right(bar) <= timeline.PLOT_RIGHT


def test_marked_claims_are_drawn_as_the_conflict_not_by_colour_alone():
    root = parse(render(CLAIMS, ARTICLES, title="x", marked={"deadline-1", "not-a-claim"}))
    conflicts = [r for r in rows(root) if "conflict" in classes(r)]
    assert [r.get("data-claim") for r in conflicts] == ["deadline-1"]
    (marked,) = conflicts
    # A symbol, and a hatch pattern (not just another colour) on the bar.
    assert [e for e in marked.iter(f"{SVG}path") if "conflict-symbol" in classes(e)]
    fill = one(marked, "rect", "interval").get("fill")
    pattern_id = fill.removeprefix("url(#").removesuffix(")")
    assert fill == f"url(#{pattern_id})"
    assert root.find(f".//{SVG}defs/{SVG}pattern[@id='{pattern_id}']") is not None
    for row in rows(root):
        if row is not marked:
            assert not [e for e in row.iter() if "conflict-symbol" in classes(e)]
            assert not one(row, "rect", "interval").get("fill").startswith("url(")
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "legend")
    texts = [t.text for t in legend.iter(f"{SVG}text")]
    assert {"publication date", "claimed time", "open-ended", "conflict"} <= set(texts)
    assert "1 in conflict" in root.get("aria-label")


def test_compared_claims_keep_their_colour_with_an_outline_and_a_ring():
    root = parse(render(CLAIMS, ARTICLES, title="x", marked={"deadline-1"}, compared={"variety-1"}))
    by_id = {r.get("data-claim"): r for r in rows(root)}
    assert classes(by_id["deadline-1"]) == ["claim", "conflict"]
    assert classes(by_id["variety-1"]) == ["claim", "compared"]
    compared = by_id["variety-1"]
    assert not [e for e in compared.iter() if "conflict-symbol" in classes(e)]
    assert [e for e in compared.iter(f"{SVG}circle") if "compared-symbol" in classes(e)]
    bar = one(compared, "rect", "interval")
    assert bar.get("fill") == timeline.BAR_COLOUR and bar.get("stroke") == timeline.TEXT_COLOUR
    for plain in ("whatculture-1", "blog-1"):
        assert classes(by_id[plain]) == ["claim"]
        assert one(by_id[plain], "rect", "interval").get("stroke") is None
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "legend")
    assert "held against it" in [t.text for t in legend.iter(f"{SVG}text")]
    plain_root = parse(render(CLAIMS, ARTICLES, title="x", marked={"deadline-1"}))
    plain_legend = next(g for g in plain_root.iter(f"{SVG}g") if g.get("class") == "legend")
    assert "held against it" not in [t.text for t in plain_legend.iter(f"{SVG}text")]


def test_untrusted_text_comes_out_inert():
    articles = {"evil": article("evil", HOSTILE, Published(year=2016, month=5), title=HOSTILE)}
    claims = [claim('c1" onload="x', "evil", days("2016-06-01", "2016-06-30"),
                    time_text="<b>June</b> & \x1b[31mlater\x00",
                    evidence=f"{HOSTILE} said June\u202e.")]
    svg = render(claims, articles, title=f"{HOSTILE} & co", marked={'c1" onload="x'})
    assert "<script" not in svg.lower() and "<b>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    root = parse(svg)
    assert not [e for e in root.iter() if e.tag.endswith("script") or e.tag.endswith("}b")]
    assert not [e for e in root.iter() if "onload" in e.attrib]
    (row,) = rows(root)
    assert row.get("data-claim") == 'c1" onload="x'
    assert "conflict" in classes(row)
    assert one(row, "text", "source").text.startswith("<script>alert(1)</script>")
    # Controls (a terminal escape, NUL, a bidi override) are dropped, the rest is kept as text.
    assert one(row, "text", "as-written").text == "<b>June</b> & [31mlater"
    tooltip = row.find(f"{SVG}title").text
    assert f"{HOSTILE} said June." in tooltip
    assert root.find(f"{SVG}title").text == f"{HOSTILE} & co"
    assert HOSTILE in root.get("aria-label")


def test_long_labels_are_cut_but_kept_whole_in_the_tooltip():
    outlet = "The Hollywood Reporter & Entertainment Weekly Combined"
    articles = {"a": article("a", outlet, Published(year=2016))}
    root = parse(render([claim("c", "a", days("2016-05-01", "2016-05-31"))], articles, title="x"))
    (row,) = rows(root)
    label = one(row, "text", "source").text
    assert label.endswith("…") and len(label) <= timeline.LABEL_CHARS
    assert outlet in row.find(f"{SVG}title").text


def test_no_claims_is_still_a_picture():
    root = parse(render([], {}, title="Nothing yet"))
    assert root.tag == f"{SVG}svg"
    assert rows(root) == []
    assert "No dated claims" in [t.text for t in root.iter(f"{SVG}text")]
    assert float(root.get("height")) > 0


def test_claims_with_no_date_anywhere_are_listed_without_an_axis():
    claims = [claim("c", "blog", None, time_text=None, relation="before",
                    object=EventRef(work="The Defenders", event="release"))]
    root = parse(render(claims, {"blog": article("blog")}, title="x"))
    (row,) = rows(root)
    assert one(row, "text", "no-date").text == "no date"
    assert one(row, "text", "as-written").text == "before The Defenders release"
    assert not [e for e in root.iter() if "gridline" in classes(e)]
    assert "No dated claims" in [t.text for t in root.iter(f"{SVG}text")]


def test_a_claim_without_an_interval_gets_a_no_date_note_and_keeps_its_diamond():
    claims = CLAIMS + [claim("variety-2", "variety", None, time_text="after The Defenders")]
    root = parse(render(claims, ARTICLES, title="x"))
    row = next(r for r in rows(root) if r.get("data-claim") == "variety-2")
    assert one(row, "text", "no-date").text == "no date"
    assert not [e for e in row.iter() if "interval" in classes(e)]
    one(row, "path", "published")


def test_an_interval_unbounded_at_both_ends_is_no_date():
    root = parse(render([claim("c", "variety", days(None, None))], ARTICLES, title="x"))
    (row,) = rows(root)
    one(row, "text", "no-date")


@pytest.mark.parametrize("interval, open_left, open_right", [
    # The known ends lie past every other date, where the axis's padding alone ends.
    (days(None, "2016-06-01"), True, False),
    (days("2017-06-01", None), False, True),
])
def test_an_unbounded_end_runs_to_the_axis_with_an_arrow(interval, open_left, open_right):
    claims = [claim("open", "variety", interval),
              claim("other", "deadline", days("2017-03-08", "2017-03-08"))]
    root = parse(render(claims, ARTICLES, title="x"))
    row = next(r for r in rows(root) if r.get("data-claim") == "open")
    bar = one(row, "rect", "interval")
    left, right = float(bar.get("x")), float(bar.get("x")) + float(bar.get("width"))
    arrow = one(row, "path", "open-end")
    tip = float(arrow.get("d").split(",")[0].removeprefix("M"))
    if open_left:
        assert left == pytest.approx(timeline.PLOT_LEFT + timeline.ARROW_LENGTH)
        assert tip == pytest.approx(timeline.PLOT_LEFT)
    if open_right:
        assert right == pytest.approx(timeline.PLOT_RIGHT - timeline.ARROW_LENGTH)
        assert tip == pytest.approx(timeline.PLOT_RIGHT)
    # The known end is not squeezed against the arrow: the axis leaves room past it.
    assert right - left > 4 * timeline.ARROW_LENGTH
    closed = next(r for r in rows(root) if r.get("data-claim") == "other")
    assert not [e for e in closed.iter() if "open-end" in classes(e)]


def tick_labels(root: ET.Element) -> list[str]:
    return [t.text for t in root.iter(f"{SVG}text") if "tick-label" in classes(t)]


def gridlines(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter(f"{SVG}line") if "gridline" in classes(e)]


def test_axis_over_months_names_months_and_years():
    root = parse(render(CLAIMS, ARTICLES, title="x"))
    labels = tick_labels(root)
    assert 2 <= len(gridlines(root)) <= timeline.MAX_TICKS
    assert "2017" in labels and "Jan" in labels
    xs = [float(line.get("x1")) for line in gridlines(root)]
    assert xs == sorted(xs)


def test_axis_over_decades_names_years_and_keeps_at_most_twelve_ticks():
    articles = {"a": article("a", "A", Published(year=1990, month=3, day=1))}
    claims = [claim("c", "a", days("2029-01-01", "2030-12-31"))]
    root = parse(render(claims, articles, title="x"))
    labels = tick_labels(root)
    assert 2 <= len(gridlines(root)) <= timeline.MAX_TICKS
    assert all(label.isdigit() and len(label) == 4 for label in labels)
    assert labels == sorted(labels)


def test_axis_survives_the_ends_of_the_calendar():
    articles = {"a": article("a", "A", Published(year=1, month=1, day=1))}
    claims = [claim("c", "a", days("9999-12-31", None))]
    root = parse(render(claims, articles, title="x"))
    assert 1 <= len(gridlines(root)) <= timeline.MAX_TICKS


def test_same_input_same_picture_whatever_the_order():
    first = render(CLAIMS, ARTICLES, title="x", marked={"blog-1"})
    assert render(CLAIMS, ARTICLES, title="x", marked={"blog-1"}) == first
    assert render(list(reversed(CLAIMS)), ARTICLES, title="x", marked=["blog-1"]) == first


def test_two_pictures_on_one_page_do_not_share_a_pattern_id():
    def pattern_id(svg: str) -> str:
        return parse(svg).find(f".//{SVG}pattern").get("id")
    first, second = (render(CLAIMS, ARTICLES, title=title) for title in ("a", "b"))
    assert pattern_id(first) != pattern_id(second)
