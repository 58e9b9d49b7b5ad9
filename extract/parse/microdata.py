"""schema.org microdata and RDFa in the markup, read as the JSON-LD reader reads JSON-LD.

An `Occupation` or `JobPosting` item (`itemscope itemtype=".../Occupation"`, or
RDFa `typeof="Occupation"`) becomes the same dictionary JSON-LD would give:
each `itemprop` / `property` inside it is a key (repeated ones a list), a nested
item a nested dictionary, and a value its `content`, `href`, `datetime` or
`value` attribute when it has one, else its text. `jsonld.from_object` then
reads it, so both forms follow one set of rules.

Why not extruct: it re-parses every page with lxml and pulls rdflib, html-text,
mf2py and more; this tree is already parsed, and the subset career pages use
(nested items, `content` attributes, repeated properties) is a page of code.
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from extract.parse.jsonld import from_object
from extract.parse.text import children, clean, text_of
from extract.records import RawCareer

NAME = "microdata"
VERSION = "1"

_TYPES = ("occupation", "jobposting")
_MAX_NODES = 5000
_URL_TAGS = frozenset({"a", "link", "area"})


def _element(node: LexborNode) -> bool:
    return bool(node.tag) and not (node.tag or "").startswith("-")


def _type_of(el: LexborNode) -> str:
    attrs = el.attributes
    if "itemscope" in attrs:
        return clean(attrs.get("itemtype"))
    return clean(attrs.get("typeof"))


def _prop_of(el: LexborNode) -> list[str]:
    attrs = el.attributes
    raw = clean(attrs.get("itemprop") or attrs.get("property"))
    return [p.rsplit(":", 1)[-1].rsplit("/", 1)[-1] for p in raw.split()] if raw else []


def _is_item(el: LexborNode) -> bool:
    attrs = el.attributes
    return "itemscope" in attrs or "typeof" in attrs


def find(tree: LexborHTMLParser) -> LexborNode | None:
    """The first element that is an Occupation or JobPosting item."""
    for el in tree.css("[itemscope][itemtype], [typeof]")[:200]:
        kind = _type_of(el).lower().rsplit("/", 1)[-1].rsplit(":", 1)[-1]
        if any(kind == t for t in _TYPES):
            return el
    return None


def _value(el: LexborNode) -> str:
    attrs = el.attributes
    for attr in ("content", "datetime", "value"):
        if attrs.get(attr) is not None:
            return clean(attrs.get(attr))
    if el.tag in _URL_TAGS and attrs.get("href"):
        return clean(attrs.get("href"))
    if el.tag == "img" and attrs.get("src"):
        return clean(attrs.get("src"))
    return text_of(el, 200)


def item(root: LexborNode, depth: int = 0) -> dict[str, Any]:
    """The item at `root` as a dictionary (nested items nested, repeated keys as lists)."""
    out: dict[str, Any] = {"@type": _type_of(root).rsplit("/", 1)[-1].rsplit(":", 1)[-1]}
    stack = list(reversed(children(root, 500)))
    seen = 0
    while stack and seen < _MAX_NODES:
        el = stack.pop()
        seen += 1
        props = _prop_of(el)
        nested = _is_item(el)
        if props:
            value: Any = (item(el, depth + 1) if depth < 6 else {}) if nested else _value(el)
            for prop in props:
                if prop in out:
                    old = out[prop]
                    out[prop] = [*old, value] if isinstance(old, list) else [old, value]
                else:
                    out[prop] = value
        if not nested:  # a nested item's own properties belong to it
            stack.extend(reversed(children(el, 500)))
    return out


def read(tree: LexborHTMLParser, url: str) -> RawCareer | None:
    """The career the page's microdata or RDFa states, or None."""
    root = find(tree)
    if root is None:
        return None
    obj = item(root)
    return from_object(obj, url, f"{NAME}/{VERSION}")
