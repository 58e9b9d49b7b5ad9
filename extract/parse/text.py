"""Text of a node as a reader sees it: inline pieces joined, blocks and `<br>` as spaces.

selectolax's own `text()` either glues blocks together ("$1$2") or splits words
at inline tags ("Decision- making"); pages need neither.
"""

from __future__ import annotations

import re
from itertools import islice

from selectolax.lexbor import LexborNode

_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption",
    }
)  # fmt: skip
BLOCK_TAGS = _BLOCK
_LEADIN_TAGS = frozenset({"strong", "b", "em", "i", "span"})
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "select"})
# A footnote marker: "1", "[2]", "*", "†" in a <sup> or an in-page link. It belongs to
# no label and no value ("$30.30 an hour<sup>1</sup>" must not read "an hour1").
_MARKER = re.compile(r"\[?(?:\d{1,2}|[*†‡§]{1,3})\]?")
# Superscript digits glued to a word ("Employment²", "per hour¹"), not a unit's ("50 m²").
_SUPERSCRIPT = re.compile(r"(?<![\d ]m)[¹²³⁰⁴-⁹]+")
_SUPERSCRIPT_DIGIT = re.compile(r"[¹²³⁰⁴-⁹]")
# A no-break, thin or narrow space between digit groups ("6\u202f967", SI and French style)
# groups thousands; a plain space does not ("2024 120 workers" is two numbers).
_GROUP_SPACE = re.compile(r"(?<=\d)[\u00a0\u2009\u202f](?=\d{3}(?!\d))")


def clean(text: str | None) -> str:
    """Collapse every run of whitespace (nbsp included) to one space and strip."""
    if not text:
        return ""
    if not text.isascii():  # (a flag, not a scan)
        if "\u200b" in text or "\ufeff" in text:  # not str.isspace(), yet no text either
            text = text.replace("\u200b", " ").replace("\ufeff", " ")
        if _SUPERSCRIPT_DIGIT.search(text):  # (a charset first: a fast scan)
            text = _SUPERSCRIPT.sub("", text)
        if _GROUP_SPACE.search(text):  # "6 967", "52 000 $": a thousands separator
            text = _GROUP_SPACE.sub(",", text)
    return " ".join(text.split())  # str.split() knows every Unicode space, and is fast


def scalar_text(value: object) -> str:
    """A JSON scalar as a page would print it ("" for booleans, null and containers)."""
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        return clean(value)
    return ""


def text_of(node: LexborNode | None, limit: int | None = None) -> str:
    """The visible text of `node`, whitespace-normalized ("" for None).

    With `limit`, a node with more than `limit` descendants gives "": label and
    value readers look at small nodes only, and must stay linear on deep trees.
    """
    if node is None:
        return ""
    parts: list[str] = []
    stack: list[LexborNode | str] = [node]
    budget = limit if limit is not None else -1
    while stack:
        budget -= 1
        if budget == -1 and limit is not None:
            return ""
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        tag = item.tag
        if tag == "-text":
            parts.append(item.text_content or "")
            continue
        if tag is None or tag.startswith("-") or tag in _SKIP:
            continue
        if (tag == "sup" or tag == "a") and _is_marker(item, tag):
            continue
        block = tag in _BLOCK
        if block:
            parts.append(" ")
            stack.append(" ")
        kids = item.iter(include_text=True)
        # Past the budget nothing more is read: never list a node's 100,000 children.
        stack.extend(reversed(list(kids if limit is None else islice(kids, budget + 2))))
    return clean("".join(parts))


def _is_marker(node: LexborNode, tag: str) -> bool:
    """A footnote marker: a `<sup>` or a link to the same page whose text is "1", "[1]", "*"."""
    if tag == "sup" or (tag == "a" and (node.attributes.get("href") or "").startswith("#")):
        return _MARKER.fullmatch((node.text(deep=True) or "").strip()) is not None
    return False


def within(el: LexborNode, limit: int) -> list[LexborNode]:
    """`el` and its element descendants, or [] when there are more than `limit`: a reader
    looks into small nodes only, so hostile nesting costs `limit` steps, not the page."""
    out: list[LexborNode] = []
    for node in el.traverse():
        if _is_element(node):
            out.append(node)
            if len(out) > limit:
                return []
    return out


def children(node: LexborNode, limit: int) -> list[LexborNode]:
    """The first `limit` element children of `node` (a flattened hostile page may give one
    parent 100,000 children; nobody reads past a few hundred)."""
    return list(islice((c for c in node.iter() if _is_element(c)), limit))


def next_element(node: LexborNode) -> LexborNode | None:
    """The next sibling that is an element (text and comments skipped)."""
    sib = node.next
    while sib is not None and not _is_element(sib):
        sib = sib.next
    return sib


def _is_element(node: LexborNode) -> bool:
    tag = node.tag
    return tag is not None and not tag.startswith("-")


def is_element(node: LexborNode) -> bool:
    """True for element nodes (not text, comment or document)."""
    return _is_element(node)


def leadin(p: LexborNode) -> str:
    """The bold/italic lead-in that opens a paragraph ("Analytical skills."), without its
    closing period; "" when the paragraph does not open with one.

    A lead-in split over several tags ("<em>Decision-</em><em>making skills.</em>") is
    joined; one that swallowed its sentence ("Patience. Teachers ...") is cut at ". ".
    """
    pieces: list[str] = []
    for child in p.iter(include_text=True):
        if child.tag == "-text":
            if clean(child.text_content):
                break
            pieces.append(" ")
            continue
        if not is_element(child):
            continue
        if child.tag not in _LEADIN_TAGS:
            break
        pieces.append(text_of(child))
        if clean("".join(pieces)).endswith((".", ":")):
            break
    text = clean("".join(pieces))
    text = text.split(". ", 1)[0].rstrip(" .:;").strip()
    return text if 0 < len(text) <= 60 else ""
