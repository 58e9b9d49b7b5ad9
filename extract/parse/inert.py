"""Content a page ships inert, as plain markup, on the text before the page is parsed.

A page may show a loading skeleton while its profile sits where no parser
looks: in a `<template>` that a script clones into place, in a `<noscript>`
fallback, or as a whole document escaped into an `<iframe srcdoc="...">`. A
browser shows that content (after the script, without scripts, or in the
frame); a parser keeps it out of the tree or as one raw text. `plain` writes
each as a `div` in its place: a `<template>` (not a shadow root: that is
components' business) with its content, a `<noscript>` that holds block
markup (not a tracking pixel or "enable JavaScript"), and an `<iframe srcdoc>`
as the body of its document. A page without any of them is returned
unchanged (the same object) after three quick searches.
"""

from __future__ import annotations

import html as html_lib
import re

from extract.parse.starttag import ATTRS

# Cheap first looks, one per kind, each anchored on "<" (a literal start scans fast).
_IFRAME = re.compile(rf"<iframe\b{ATTRS}?\bsrcdoc\s*=", re.IGNORECASE)
_NOSCRIPT_OPEN = re.compile(r"<noscript\b", re.IGNORECASE)
_TEMPLATE_OPEN = re.compile(r"<template\b", re.IGNORECASE)
_TEMPLATE = re.compile(rf"<template\b(?P<attrs>{ATTRS})>|</template\s*>", re.IGNORECASE)
_NOSCRIPT = re.compile(r"<noscript\b[^>]*>(?P<inner>.*?)</noscript\s*>", re.IGNORECASE | re.DOTALL)
_BLOCKS = re.compile(r"<(?:p|dl|h[1-6]|table|ul|ol|section|article)\b", re.IGNORECASE)
_SRCDOC = re.compile(
    rf"<iframe\b{ATTRS}?\bsrcdoc\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)')"
    rf"{ATTRS}>(?P<fallback>.*?)</iframe\s*>",
    re.IGNORECASE | re.DOTALL,
)
_BODY = re.compile(r"<body\b[^>]*>(?P<inner>.*?)(?:</body\s*>|$)", re.IGNORECASE | re.DOTALL)
_HEAD = re.compile(
    r"<!doctype[^>]*>|<head\b.*?</head\s*>|</?html\b[^>]*>", re.IGNORECASE | re.DOTALL
)


def plain(html: str) -> str:
    """`html` with its inert content (see the module doc) as `div`s in place."""
    out = html
    if _IFRAME.search(out):
        out = _SRCDOC.sub(_frame, out)
    if _NOSCRIPT_OPEN.search(out):
        out = _NOSCRIPT.sub(_noscript, out)
    if _TEMPLATE_OPEN.search(out):
        out = _templates(out)
    return html if out == html else out


def _frame(m: re.Match[str]) -> str:
    doc = html_lib.unescape(m.group("dq") if m.group("dq") is not None else m.group("sq") or "")
    body = _BODY.search(doc)
    inner = body.group("inner") if body is not None else _HEAD.sub("", doc)
    return f"<div data-srcdoc>{inner}</div>"


def _noscript(m: re.Match[str]) -> str:
    inner = m.group("inner")
    return f"<div data-noscript>{inner}</div>" if _BLOCKS.search(inner) else m.group(0)


def _templates(html: str) -> str:
    """Each `<template>` as a `div`; a shadow root's (and its end tag) left as it is."""
    out: list[str] = []
    pos = 0
    kept: list[bool] = []  # per open <template>: rewritten?
    for m in _TEMPLATE.finditer(html):
        out.append(html[pos : m.start()])
        pos = m.end()
        if m.group(0)[1] == "/":
            out.append("</div>" if kept and kept.pop() else m.group(0))
            continue
        shadow = "shadowroot" in (m.group("attrs") or "").lower()
        kept.append(not shadow)
        out.append(m.group(0) if shadow else f"<div data-template{m.group('attrs')}>")
    out.append(html[pos:])
    return "".join(out)
