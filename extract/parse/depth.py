"""Bound the nesting depth of a page before it is parsed, so parsing stays linear.

An HTML tree builder checks the stack of open elements at many start tags (is
there a `<p>` in button scope? a formatting element to reconstruct?), so a page
of 50,000 unclosed `<div>`s costs 50,000 x 50,000 steps: lexbor takes seconds
on 200 KB and minutes on 1 MB. Browsers cap the tree's depth for the same
reason (Blink at 512: deeper elements become siblings). `bounded` does that on
the text, in one pass over its tags: at MAX_DEPTH open elements, a further start
tag first closes the innermost one (an end tag is inserted), so it opens beside
it instead of inside it. No element and no text is lost; only nesting past the
bound is flattened. Pages that cannot be that deep are returned unchanged (the
same object) without a scan.

Elements that close themselves implicitly (`p`, `li`, `dt`, `dd`, `tr`, `td`,
`option`, ...), void elements and elements that cannot nest (`a`, `form`,
`button`) are not counted, so the count stays within a small factor of the real
depth; raw text (`script`, `style`, `textarea`, comments) is skipped.
"""

from __future__ import annotations

import re

from extract.parse.starttag import ATTRS

MAX_DEPTH = 400

_TAG = re.compile(
    rf"<(?:(?P<end>/)?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?P<attrs>{ATTRS})>"
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
# Without this many tags, or this many more starts than ends, nesting cannot cost much: the
# page is not scanned (real pages have a few thousand tags, nearly all closed).
_MANY_TAGS = 20_000
_MANY_UNCLOSED = 1_000


def bounded(html: str) -> str:
    """`html` with no more than MAX_DEPTH nested (tracked) elements."""
    tags = html.count("<")
    ends = html.count("</")
    if tags < _MANY_TAGS and tags - 2 * ends < _MANY_UNCLOSED:
        return html
    stack: list[str] = []
    open_count: dict[str, int] = {}
    inserts: list[tuple[int, str]] = []  # (position, end tag put in front of a start tag)
    pos = 0
    lower: str | None = None
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
            if open_count.get(name):
                while stack:
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
            continue
        if name in _RAW_TEXT:
            if lower is None:
                lower = html.lower()
            end = lower.find(f"</{name}", pos)
            pos = len(html) if end < 0 else end
            continue
        if name in _UNTRACKED or (m.group("attrs") or "").rstrip().endswith("/"):
            continue
        if len(stack) >= MAX_DEPTH:  # open it beside the innermost element, not inside
            top = stack.pop()
            open_count[top] -= 1
            inserts.append((m.start(), f"</{top}>"))
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
    if not inserts:
        return html
    pieces, last = [], 0
    for at, tag in inserts:
        pieces.append(html[last:at])
        pieces.append(tag)
        last = at
    pieces.append(html[last:])
    return "".join(pieces)
