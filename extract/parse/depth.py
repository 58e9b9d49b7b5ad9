"""Bound the nesting depth of a page before it is parsed, so parsing stays linear.

An HTML tree builder checks the stack of open elements at many start tags (is
there a `<p>` in button scope? a formatting element to reconstruct?), so a page
of 50,000 unclosed `<div>`s costs 50,000 x 50,000 steps: lexbor takes seconds
on 200 KB and minutes on 1 MB. Browsers cap the tree's depth (Blink at 512)
for the same reason. `bounded` does it on the text, in one pass over its tags:
past MAX_DEPTH open elements, further start tags (and their end tags) are left
out; the text between them stays, so nothing a reader could use is lost. Pages
no deeper than MAX_DEPTH are returned unchanged (the same object).

Elements that close themselves implicitly (`p`, `li`, `dt`, `dd`, `tr`, `td`,
`option`, ...), void elements and elements that cannot nest (`a`, `form`,
`button`) do not count, so the count is never larger than the real depth's
order of magnitude; raw text (`script`, `style`, `textarea`, comments) is skipped.
"""

from __future__ import annotations

import re
from collections import Counter

MAX_DEPTH = 400

_TAG = re.compile(
    r"<(?:(?P<end>/)?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|!--)",
)
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                       "noframes", "plaintext"})  # fmt: skip
_UNTRACKED = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr",
     "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rp", "rtc", "caption", "colgroup",
     "a", "form", "button", "nobr", "html", "head", "body", "frameset", "frame", "image"}
)  # fmt: skip
_QUICK = 2 * MAX_DEPTH  # fewer "<" than this cannot nest deeper than MAX_DEPTH


def bounded(html: str) -> str:
    """`html` with no more than MAX_DEPTH nested (tracked) elements."""
    if html.count("<") < _QUICK:
        return html
    stack: list[str] = []
    dropped: Counter[str] = Counter()
    cut: list[tuple[int, int]] = []  # spans of left-out tags
    pos = 0
    lower = None
    while True:
        m = _TAG.search(html, pos)
        if m is None:
            break
        pos = m.end()
        name = m.group("name")
        if name is None:  # a comment
            end = html.find("-->", pos)
            pos = len(html) if end < 0 else end + 3
            continue
        name = name.lower()
        if m.group("end"):
            if dropped[name]:
                dropped[name] -= 1
                cut.append((m.start(), m.end()))
            elif name in stack:
                while stack and stack.pop() != name:
                    pass
            continue
        if name in _RAW_TEXT:
            if lower is None:
                lower = html.lower()
            end = lower.find(f"</{name}", pos)
            pos = len(html) if end < 0 else end
            continue
        if name in _UNTRACKED or (m.group("attrs") or "").rstrip().endswith("/"):
            continue
        if len(stack) >= MAX_DEPTH:
            dropped[name] += 1
            cut.append((m.start(), m.end()))
        else:
            stack.append(name)
    if not cut:
        return html
    pieces, last = [], 0
    for start, end in cut:
        pieces.append(html[last:start])
        last = end
    pieces.append(html[last:])
    return "".join(pieces)
