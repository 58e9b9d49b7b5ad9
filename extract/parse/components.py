"""Web components as plain markup, on the text, before the page is parsed.

A design-system site writes its facts as custom elements whose words are in
attributes (`<career-stat label="Salary" value="$50K">`), in slotted children
(`<span slot="label">`) or in a declarative shadow root (`<template
shadowrootmode="open">`, which a parser keeps out of the document tree). A
browser shows those words; the readers only see text nodes. `plain` rewrites
each custom element (a tag name with a hyphen) as a `div` (its attributes kept) that holds its words
as elements: a `label`/`heading`/`text` with a `value` (and `unit`) becomes a
label `div` and a value `div` (a tile), one without a value becomes a heading
(`level`, else one below the enclosing component's) or, on an empty element (a
chip), its text; a shadow root's content is unwrapped in place and slotted
children are kept apart by a space, as their layout shows them. A page without
custom elements is returned unchanged (the same object) after one search.
"""

from __future__ import annotations

import html as html_lib
import re

from extract.parse.starttag import ATTRS, attributes

_CUSTOM = re.compile(r"<[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9-]*[\s/>]")
_TAG = re.compile(
    rf"<(?P<end>/)?(?P<name>[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9-]*)(?P<attrs>{ATTRS})>"
    rf"|<(?P<tend>/)?template(?P<tattrs>{ATTRS})>",
    re.IGNORECASE,
)
_LABEL_ATTRS = ("label", "heading", "text")
_SLOTTED = re.compile(rf"<[A-Za-z][A-Za-z0-9]*\s{ATTRS}?\bslot\s*=")


def plain(html: str) -> str:
    """`html` with custom elements as `div`s that hold their attribute words."""
    if _CUSTOM.search(html) is None and "shadowroot" not in html:
        return html
    out: list[str] = []
    pos = 0
    stack: list[tuple[str, str]] = []  # (tag name, what to write before its end tag)
    shadow: list[bool] = []  # per open <template>: is it a shadow root (unwrapped)?
    depth = 1  # heading level of the innermost component heading
    levels: list[int] = []
    for m in _TAG.finditer(html):
        out.append(html[pos : m.start()])
        pos = m.end()
        if m.group("name") is None:  # a <template>
            if m.group("tend"):
                out.append("</div>" if shadow and shadow.pop() else m.group(0))
            else:
                is_root = "shadowroot" in (m.group("tattrs") or "").lower()
                shadow.append(is_root)
                out.append("<div>" if is_root else m.group(0))
            continue
        name = m.group("name").lower()
        if m.group("end"):
            while stack:
                open_name, tail = stack.pop()
                depth = levels.pop()
                out.append(tail + "</div>")
                if open_name == name:
                    break
            continue
        attrs = attributes(m.group("attrs"))
        empty = html.startswith(f"</{name}", pos) or m.group("attrs").rstrip().endswith("/")
        head, tail, level = _words(attrs, depth, empty=empty)
        kept = m.group("attrs").rstrip().removesuffix("/")  # page state may be in them
        out.append(f'<div data-component="{name}"{kept}>' + head)
        if m.group("attrs").rstrip().endswith("/"):
            out.append(tail + "</div>")
            continue
        stack.append((name, tail))
        levels.append(depth)
        depth = level
    out.append(html[pos:])
    return _SLOTTED.sub(r" \g<0>", "".join(out))  # slotted parts are laid out apart


def _words(attrs: dict[str, str], depth: int, *, empty: bool) -> tuple[str, str, int]:
    """(markup after the start tag, markup before the end tag, the level inside it)."""
    label = next((attrs[a] for a in _LABEL_ATTRS if attrs.get(a)), "")
    value = " ".join(v for v in (attrs.get("value", ""), attrs.get("unit", "")) if v)
    if value:
        head = f"<div>{html_lib.escape(label)}</div>" if label else ""
        return head, f"<div>{html_lib.escape(value)}</div>", depth
    if not label:
        return "", "", depth
    if empty and "level" not in attrs:  # a chip: its label is its text
        return html_lib.escape(label), "", depth
    level = int(attrs["level"]) if attrs.get("level", "").isdigit() else min(depth + 1, 6)
    level = max(1, min(level, 6))
    return f"<h{level}>{html_lib.escape(label)}</h{level}>", "", level
