"""Words a page shows through attributes, as text, on the text before the page is parsed.

Some pages put a fact where only attributes hold its words: a statistics table's
abbreviated labels whose meaning is the `<abbr title>` ("Aver. ear." for
"Average earnings"), a prefilled calculator whose values are read-only
`<input value>`s (a form the readers would skip as noise), or a skeleton whose
facts are only in its Twitter card's `twitter:label1` / `twitter:data1` meta
pairs, or a "choose your region" drop-down whose chosen option states the pay.
`plain` writes them as text: the abbreviation's title in its place, a read-only
input's value after it (its form as a `div`), a drop-down's chosen option (one
with a figure) after it as shown ("Canada — Median wage $31.07 an hour" as a
label and its value), and the card's pairs as a `dl` at the end of the body. A
page without any of them is returned unchanged (the same object) after one
search.
"""

from __future__ import annotations

import html as html_lib
import re

from extract.parse.starttag import ATTRS as _ATTRS
from extract.parse.starttag import attributes as _attrs

# Anchored on "<": a search that starts from a literal scans a page ten times faster.
_ANY = re.compile(
    rf"<(?:abbr\b|input\b{_ATTRS}?\breadonly\b|meta\b[^>]*twitter:label|option\b{_ATTRS}?"
    r"\bselected\b)",
    re.IGNORECASE,
)
_SELECT = re.compile(rf"<select\b{_ATTRS}>(?P<inner>.*?)</select\s*>", re.I | re.DOTALL)
_SELECTED = re.compile(
    rf"<option\b{_ATTRS}?\bselected\b{_ATTRS}>(?P<text>[^<]{{1,200}})", re.IGNORECASE
)
_ABBR = re.compile(rf"<abbr\b(?P<attrs>{_ATTRS})>(?P<text>[^<]{{1,40}})</abbr\s*>", re.IGNORECASE)
_FORM = re.compile(rf"<form\b(?P<attrs>{_ATTRS})>(?P<inner>.*?)</form\s*>", re.I | re.DOTALL)
_INPUT = re.compile(rf"<input\b(?P<attrs>{_ATTRS})>", re.IGNORECASE)
_META = re.compile(rf"<meta\b(?P<attrs>{_ATTRS})>", re.IGNORECASE)
_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


def plain(html: str) -> str:
    """`html` with the words of its abbreviations, read-only inputs and card pairs as text."""
    if _ANY.search(html) is None:
        return html
    out = _ABBR.sub(_abbr, html)
    out = _FORM.sub(_form, out)
    out = _SELECT.sub(_select, out)
    out = _card(out)
    return html if out == html else out


def _abbr(m: re.Match[str]) -> str:
    """An abbreviated label ("Aver. ear.") as its title; an acronym ("AUD") stays itself."""
    title = _attrs(m.group("attrs")).get("title", "")
    text = m.group("text").strip()
    if not title or "." not in text or len(title) > 80:
        return m.group(0)
    return f"<abbr>{html_lib.escape(title)}</abbr>"


def _form(m: re.Match[str]) -> str:
    """A form that shows values in read-only inputs: a `div`, each value as text."""
    inner = m.group("inner")
    shown = False

    def value(im: re.Match[str]) -> str:
        nonlocal shown
        attrs = _attrs(im.group("attrs"))
        if "readonly" not in im.group("attrs").lower() or not attrs.get("value"):
            return im.group(0)
        shown = True
        return f'{im.group(0)}<div data-value>{html_lib.escape(attrs["value"])}</div>'

    inner = _INPUT.sub(value, inner)
    if not shown:
        return m.group(0)
    return f"<div data-form{m.group('attrs')}>{inner}</div>"


def _select(m: re.Match[str]) -> str:
    """A drop-down that shows a figure as its chosen option ("Canada: median wage $31.07
    an hour", one region's pay among others'): the option's text after it, as shown."""
    chosen = _SELECTED.search(m.group("inner"))
    if chosen is None or not re.search(r"\d", chosen.group("text")):
        return m.group(0)
    text = html_lib.unescape(chosen.group("text")).strip()
    said = _PLACE.split(text, maxsplit=1)[-1]  # "Canada — Median wage $31.07": the wage
    pairs = []
    for part in _PARTS.split(said):  # "Entry level $37,710 · Typical wage $58,430 · ..."
        figure = _FIGURE.search(part)
        label = part[: figure.start()].strip(" :") if figure else ""
        if not label or not figure:
            return f"{m.group(0)}<div data-selected>{html_lib.escape(text)}</div>"
        value = part[figure.start() :].strip()
        pairs.append(f"<dt>{html_lib.escape(label)}</dt><dd>{html_lib.escape(value)}</dd>")
    return f"{m.group(0)}<dl data-selected>{''.join(pairs)}</dl>"


_PLACE = re.compile(r"\s+[—–-]\s+|:\s+")
_PARTS = re.compile(r"\s+[·•|;]\s+")
# Where the value starts: its first figure, or the word that opens its range or bound.
_FIGURE = re.compile(
    r"(?i:\b(?:from|between|up to|at least|around|about|over|under|roughly|approximately)\s+)?"
    r"(?:[$£€¥]|\b[A-Z]{1,3}\s?\$|\b(?:USD|CAD|AUD|NZD|GBP|EUR)\b|\d)"
)


def _card(html: str) -> str:
    """The page's `twitter:labelN` / `twitter:dataN` pairs (two or more) as a `dl`."""
    metas = [_attrs(m.group("attrs")) for m in _META.finditer(html[: 200_000])]
    named = {a.get("name") or a.get("property") or "": a.get("content", "") for a in metas}
    pairs = []
    for n in range(1, 10):
        label, data = named.get(f"twitter:label{n}", ""), named.get(f"twitter:data{n}", "")
        if label.strip() and data.strip():
            pairs.append((label, data))
    if len(pairs) < 2:
        return html
    dl = "<dl data-card>" + "".join(
        f"<dt>{html_lib.escape(k)}</dt><dd>{html_lib.escape(v)}</dd>" for k, v in pairs
    ) + "</dl>"
    end = _BODY_END.search(html)
    return html[: end.start()] + dl + html[end.start() :] if end else html + dl
