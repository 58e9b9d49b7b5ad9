"""The grammar of a start tag's attributes, for the rewrites that work on a page's text.

The modules that write what a browser shows as plain markup before the page is
parsed (components, inert, attributes, aria, depth) find tags with regular
expressions. They share one reading of a start tag's attributes, quotes and all
(a `>` inside a quoted value does not end the tag), and of their values.
"""

from __future__ import annotations

import html as html_lib
import re

# A start tag's attributes: everything up to its `>`, a quoted value read as a whole.
ATTRS = r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*"
_ATTR = re.compile(r"([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))")


def attributes(text: str) -> dict[str, str]:
    """The named values in a start tag's attribute text, names lower-cased, values
    unescaped and stripped; a name given twice keeps its first value, as in a browser."""
    found: dict[str, str] = {}
    for m in _ATTR.finditer(text):
        value = next((g for g in m.groups()[1:] if g is not None), "")
        found.setdefault(m.group(1).lower(), html_lib.unescape(value).strip())
    return found
