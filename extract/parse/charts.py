"""A bar chart's figures as a table, on the text before the page is parsed.

Wage-data pages show pay as an SVG bar chart, and the readers skip SVG (icons,
drawings). A chart states its figures three ways: per-bar labels ("Nurse,
Median: $77,600" in `aria-label`), `<text>` in groups (a legend group of series
names, then a group per bar: one figure per series and the bar's name), or one
summary `aria-label` on the `<svg>` ("Annual pay. Nurse: median $77K. All
occupations: median $49K."). `plain` writes each chart that states figures as a
table after it, or after its figure (series by row, bars by column, the chart's
title as caption),
which the table readers know: the occupation's row, the caption's period and
currency. A page without `<svg` is returned unchanged (the same object).
"""

from __future__ import annotations

import html as html_lib
import re

# The chart, and the rest of its figure (a heading's value is not the chart's table).
_SVG = re.compile(
    r"(<svg\b[^>]*>)(.*?)</svg\s*>(\s*<figcaption\b.*?</figcaption\s*>\s*</figure\s*>)?",
    re.IGNORECASE | re.DOTALL,
)
_ATTR_LABEL = re.compile(r"\baria-label\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.IGNORECASE)
_GROUP = re.compile(r"<g\b[^>]*>(.*?)</g\s*>", re.IGNORECASE | re.DOTALL)
_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text\s*>", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")
_BAR = re.compile(r"^(?P<series>[^,:]+), (?P<bar>[^:]+): (?P<value>.*\d.*)$")
_FIGURE = re.compile(
    r"(?:[A-Z]{2,3}\s?)?[A-Z]{0,2}[$£€¥]?\s?\d[\d,.]*\s?[kKmM]?(?:\s?[A-Z]{3})?(?:\s?/\s?\w+)?"
)
_SENTENCE = re.compile(r"(?<=\S)\.\s+(?=[A-Z])")
_ITEM = re.compile(r"^(?P<bar>.+?)\s+(?P<value>(?:[A-Z]{1,3}\$|[$£€¥]|[A-Z]{3}\s?)?\d.*)$")

Table = dict[str, dict[str, str]]  # series -> bar -> figure


def plain(html: str) -> str:
    """`html` with a table of its figures after every chart that states some."""
    start = html.find("<svg")
    if start < 0:
        return html
    out: list[str] = []
    pos = 0
    while start >= 0:
        end = html.find("</svg", start)
        if end < 0:
            break
        # An icon (no text, no label) is passed over without a look inside.
        if "<text" in html[start:end] or "aria-label" in html[start:end]:
            m = _SVG.match(html, start)
            if m is not None:
                out += [html[pos:start], _with_table(m)]
                pos = end = m.end()
        start = html.find("<svg", end)
    result = "".join([*out, html[pos:]]) if out else html
    return html if result == html else result


def _with_table(m: re.Match[str]) -> str:
    body = m.group(2)
    table = _bar_labels(body) or _summary(m.group(1))[1]
    if not table:
        document = _document(body)
        table = _groups(body)
        cells = sum(len(row) for row in table.values())
        if document and _lines(body) > 3 * cells:  # lines of words, a figure or two among them
            return m.group(0) + document
    if not table:
        return m.group(0)
    title = _words(next(iter(_TITLE.findall(body)), "")) or _summary(m.group(1))[0]
    return m.group(0) + _markup(table, title)


def _words(fragment: str) -> str:
    return " ".join(html_lib.unescape(_TAGS.sub(" ", fragment)).split())


def _bar_labels(body: str) -> Table:
    table: Table = {}
    for m in _ATTR_LABEL.finditer(body):
        bar = _BAR.match(html_lib.unescape(m.group(1) or m.group(2) or "").strip())
        if bar:
            table.setdefault(bar["series"].strip(), {})[bar["bar"].strip()] = bar["value"].strip()
    return table


def _groups(body: str) -> Table:
    """A legend group of series names, then a group per bar: its figures and its name."""
    series: list[str] = []
    table: Table = {}
    for group in _GROUP.findall(body):
        texts = [t for t in (_words(x) for x in _TEXT.findall(group)) if t]
        figures = [t for t in texts if _FIGURE.fullmatch(t)]
        names = [t for t in texts if not _FIGURE.fullmatch(t)]
        if not figures:
            series = series or names
        elif series and len(names) == 1 and len(figures) <= len(series):
            for name, figure in zip(series, figures, strict=False):
                table.setdefault(name, {})[names[0]] = figure
    return table


def _summary(svg_tag: str) -> tuple[str, Table]:
    """(its lead, its figures) of a summary label: "Weekly pay. Nurse: median $1,500."."""
    m = _ATTR_LABEL.search(svg_tag)
    if m is None:
        return "", {}
    lead = ""
    table: Table = {}
    for sentence in _SENTENCE.split(html_lib.unescape(m.group(1) or m.group(2) or "")):
        name, colon, rest = sentence.rstrip(". ").partition(": ")
        if not colon:
            lead = lead or name.strip()
            continue
        for item in rest.split(", "):
            found = _ITEM.match(item.strip())
            if found:
                table.setdefault(name.strip(), {})[found["bar"].capitalize()] = found["value"]
    return lead, table


def _markup(table: Table, title: str) -> str:
    bars = list(dict.fromkeys(b for row in table.values() for b in row))
    esc = html_lib.escape
    head = "<tr><td></td>" + "".join(f"<th>{esc(b)}</th>" for b in bars) + "</tr>"
    rows = "".join(
        f"<tr><th>{esc(name)}</th>" + "".join(f"<td>{esc(row.get(b, ''))}</td>" for b in bars)
        + "</tr>"
        for name, row in table.items()
    )
    caption = f"<caption>{esc(title)}</caption>" if title else ""
    return f"<table data-chart>{caption}{head}{rows}</table>"


# A drawing that is a document (a poster, an infographic): many lines of words, not a chart.
_DRAWN = re.compile(r"<g\b[^>]*>|</g\s*>|<text\b(?P<attrs>[^>]*)>(?P<text>.*?)</text\s*>",
                    re.IGNORECASE | re.DOTALL)  # fmt: skip
_FONT_SIZE = re.compile(r"\bfont-size\s*[=:]\s*[\"']?(\d+(?:\.\d+)?)", re.IGNORECASE)
_MIN_LINES = 6  # lines of words; a chart's axis and legend have figures and a few names
_HEADING_SCALE = 1.25  # a line this much larger than the drawing's usual text heads a part


def _document(body: str) -> str:
    """The lines of a drawing that holds a document, as elements after it: each `<text>` a
    line (`<div>`), one drawn larger than most a heading (`<h3>`), one drawn smaller a note
    (`<small>`: a source line ends a list), each group a `<div>` (a label stays beside its
    value). "" for an icon, a chart or a logo."""
    if _lines(body) < _MIN_LINES:
        return ""
    tokens = list(_DRAWN.finditer(body))
    lines = [(t, _words(t["text"])) for t in tokens if t["text"] is not None]
    sizes = sorted(_size(t["attrs"]) for t, w in lines if w)
    usual = sizes[len(sizes) // 2]
    out: list[str] = []
    depth = 0
    for t in tokens:
        if t["text"] is None:
            closing = t.group(0)[1] == "/"
            if closing and depth == 0:
                continue
            depth += -1 if closing else 1
            out.append("</div>" if closing else "<div>")
            continue
        words = _words(t["text"])
        if not words:
            continue
        size = _size(t["attrs"])
        if usual and size and size * _HEADING_SCALE <= usual:  # a source line, a footnote
            out.append(f"<p><small>{html_lib.escape(words)}</small></p>")
            continue
        tag = "h3" if usual and size >= _HEADING_SCALE * usual and len(words) <= 80 else "div"
        out.append(f"<{tag}>{html_lib.escape(words)}</{tag}>")
    out.append("</div>" * depth)
    return f"<div data-drawn>{''.join(out)}</div>"


def _lines(body: str) -> int:
    """The drawing's lines of words (a `<text>` with a word in it)."""
    return sum(1 for t in _TEXT.findall(body) if _WORD.search(_words(t)))


_WORD = re.compile(r"[^\W\d_]{2}")


def _size(attrs: str) -> float:
    m = _FONT_SIZE.search(attrs)
    return float(m.group(1)) if m else 0.0
