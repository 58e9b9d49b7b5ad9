"""Labels and values laid out as two columns paired only by order, as a definition list.

A print fact sheet or a CSS-grid page may set its labels in one column and its
values in the next (`<div class="col-1">` of labels, `<div class="col-2">` of
values, each cell placed in its row by style): a reader of the page pairs the
first label with the first value, and so on, while the tree holds no label
beside its value. `paired` finds a container of exactly two columns with as
many cells each (three or more), the first of short texts most of which name a
field, the second not, and writes it as a `<dl>` of those pairs. A page
without such columns is returned unchanged (the same tree).
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from extract.parse.fields import list_field, match, normalize_label
from extract.parse.text import children, text_of

_MIN_ROWS = 3
_MAX_ROWS = 60
_MAX_CONTAINERS = 200  # first children of a pair of siblings looked at, per page


def paired(tree: LexborHTMLParser) -> LexborHTMLParser:
    """`tree`, or a new tree in which each pair of label and value columns is a `<dl>`."""
    if not any(_columns(c) for c in _containers(tree)):
        return tree
    copy = LexborHTMLParser(tree.html or "")
    for container in _containers(copy):
        columns = _columns(container)
        dl = _as_list(*columns) if columns is not None else None
        if dl is not None:
            container.replace_with(dl)
    return copy


def _containers(tree: LexborHTMLParser) -> list[LexborNode]:
    """Elements with exactly two element children, the first a div (a cheap selector)."""
    firsts = tree.css("div:first-child:nth-last-child(2)")[:_MAX_CONTAINERS]
    return [p for f in firsts if (p := f.parent) is not None]


def _as_list(labels: list[LexborNode], values: list[LexborNode]) -> LexborNode | None:
    pairs = "".join(f"<dt>{_inner(k)}</dt><dd>{_inner(v)}</dd>"
                    for k, v in zip(labels, values, strict=True))  # fmt: skip
    body = LexborHTMLParser(f"<dl>{pairs}</dl>").body
    return body.css_first("dl") if body is not None else None


def _columns(container: LexborNode) -> tuple[list[LexborNode], list[LexborNode]] | None:
    kids = children(container, 3)
    if len(kids) != 2:
        return None
    labels, values = (children(k, _MAX_ROWS + 1) for k in kids)
    if not _MIN_ROWS <= len(labels) <= _MAX_ROWS or len(labels) != len(values):
        return None
    named = sum(1 for cell in labels if _names_a_field(cell))
    if 2 * named < len(labels) or 2 * sum(1 for cell in values if _names_a_field(cell)) >= len(
            values):  # fmt: skip
        return None
    return labels, values


def _names_a_field(cell: LexborNode) -> bool:
    text = text_of(cell, 12)
    if not text or len(text) > 60:
        return False
    label = normalize_label(text)
    return bool(match(label)) or list_field(label) is not None


def _inner(node: LexborNode) -> str:
    return "".join(child.html or "" for child in node.iter(include_text=True))
