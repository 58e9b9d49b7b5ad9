"""A printer-friendly profile in one `<pre>`, as markup, on the text before parsing.

A print view lays the profile out as plain text: "Label ........ value" lines
(dot or space leaders), a "Label:" line with its value indented under it,
UPPER-CASE section names, "  - " bullets whose wrapped lines hang under them,
and rules of dashes. To the readers that is one text node. `plain` writes such
a `<pre>` (one with at least two leader lines, so code and ASCII art are left
alone) as what it shows: a `dl` of the label lines, an `h2` per section name,
a `ul` per bullet run and a `p` per paragraph. A "Download data" sample in a
`<pre>` (JSON records, or CSV with a header line) is kept and followed by its
records as a table, which the table readers know (the page's own row among an
"All occupations" row). A page without `<pre>` is returned unchanged (the same
object).
"""

from __future__ import annotations

import csv
import html as html_lib
import json
import re

from extract.parse.text import scalar_text

_PRE = re.compile(r"(<pre\b[^>]*>)(.*?)</pre\s*>", re.IGNORECASE | re.DOTALL)
_PRE_OPEN = re.compile(r"<pre\b", re.IGNORECASE)
_LEADER = re.compile(r"^(?P<label>[^\s.][^.]{0,60}?)(?:\s*\.{3,}\s*|\s{2,})(?P<value>\S.*)$")
_OPEN_LABEL = re.compile(r"^(?P<label>[^\s:][^:]{0,60}):$")
_BULLET = re.compile(r"^(?P<indent>\s*)[-*o\u2022\u00b7+]\s+(?P<item>\S.*)$")
_RULE = re.compile(r"^\s*([-=_*~#])\1{4,}\s*$")
_MIN_LEADERS = 2
_TAGS = re.compile(r"<[^>]*>")


def plain(html: str) -> str:
    """`html` with every profile-like `<pre>` written as markup."""
    if _PRE_OPEN.search(html) is None:  # `<PRE>` is HTML too
        return html
    return _PRE.sub(_rewrite, html)


def _rewrite(m: re.Match[str]) -> str:
    sample = _sample(m.group(2))
    if sample is not None:  # a data sample: the pre as it is, and its records as a table
        return m.group(0) + sample
    lines = m.group(2).replace("\r\n", "\n").split("\n")
    if sum(1 for line in lines if _LEADER.match(line.rstrip())) < _MIN_LEADERS:
        return m.group(0)
    return "<div data-preformatted>" + "".join(_blocks(lines)) + "</div>"


_CODE = re.compile(r"^\s*<code\b[^>]*>(?P<text>.*)</code\s*>\s*$", re.IGNORECASE | re.DOTALL)
_MAX_SAMPLE = 20_000  # characters; a data sample shows a few records


def _sample(inner: str) -> str | None:
    """A data sample's records (a JSON object or array of objects, or CSV with a header
    line) as a table, a column per key and a row per record; None for other text."""
    code = _CODE.match(inner)
    text = html_lib.unescape(_TAGS.sub("", code.group("text") if code else inner)).strip()
    if not text or len(text) > _MAX_SAMPLE:
        return None
    records = _json_records(text) if text[0] in "[{" else _csv_records(text)
    if not records:
        return None
    keys = list(dict.fromkeys(k for r in records for k in r))
    esc = html_lib.escape
    head = "<tr>" + "".join(f"<th>{esc(k)}</th>" for k in keys) + "</tr>"
    rows = "".join("<tr>" + "".join(f"<td>{esc(r.get(k, ''))}</td>" for k in keys) + "</tr>"
                   for r in records)  # fmt: skip
    return f"<table data-sample>{head}{rows}</table>"


def _json_records(text: str) -> list[dict[str, str]]:
    try:
        value = json.loads(text)
    except ValueError:
        return []
    items = value if isinstance(value, list) else [value]
    records = [{str(k): scalar_text(v) for k, v in item.items() if scalar_text(v)}
               for item in items[:50] if isinstance(item, dict)]  # fmt: skip
    return records if records and len(records) == len(items[:50]) else []


def _csv_records(text: str) -> list[dict[str, str]]:
    lines = text.splitlines()
    if len(lines) < 2 or "," not in lines[0]:
        return []
    rows = list(csv.reader(lines[:51]))
    head = [h.strip() for h in rows[0]]
    if len(head) < 2 or not all(head) or any(len(r) != len(head) for r in rows[1:]):
        return []
    return [dict(zip(head, (v.strip() for v in r), strict=True)) for r in rows[1:]]


def _heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and line.upper() == line and not line[0].isspace()


def _blocks(lines: list[str]) -> list[str]:
    """The markup of the text's blocks: each open block gathers its wrapped lines."""
    out: list[str] = []
    kind = ""  # "dl", "ul" or "p": the block now open
    parts: list[str] = []  # the open block's items (dt/dd pairs, list items, lines)

    def close() -> None:
        nonlocal kind, parts
        if kind == "dl":
            out.append("<dl>" + "".join(f"<dt>{a}</dt><dd>{b}</dd>" for a, b in _pairs(parts)))
            out.append("</dl>")
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{i}</li>" for i in parts) + "</ul>")
        elif kind == "p":
            out.append("<p>" + " ".join(parts) + "</p>")
        kind, parts = "", []

    for raw in lines:
        line = raw.rstrip()
        if not line.strip() or _RULE.match(line):
            close()
            continue
        bullet = _BULLET.match(line)
        if bullet:
            if kind != "ul":
                close()
                kind = "ul"
            parts.append(bullet.group("item"))
        elif line[0].isspace() and kind in ("ul", "dl") and parts:
            parts[-1] += " " + line.strip()  # a wrapped line hangs under its item or value
        elif (pair := _pair(line)) is not None:
            if kind != "dl":
                close()
                kind = "dl"
            parts += pair
        elif _heading(line):
            close()
            out.append(f"<h2>{line.strip().capitalize()}</h2>")
        else:
            if kind != "p":
                close()
                kind = "p"
            parts.append(line.strip())
    close()
    return out


def _pair(line: str) -> list[str] | None:
    """[label, value] of a leader line, [label, ""] of a "Label:" line, else None."""
    if m := _LEADER.match(line):
        return [m.group("label").strip(), m.group("value")]
    if m := _OPEN_LABEL.match(line):
        return [m.group("label").strip(), ""]
    return None


def _pairs(parts: list[str]) -> list[tuple[str, str]]:
    return [(parts[i], parts[i + 1].strip()) for i in range(0, len(parts) - 1, 2)]
