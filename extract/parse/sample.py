"""TEMP placeholder so this branch's tests run before the sample parser is merged.

Drop on merge: the real `extract/parse/sample.py` (another branch) replaces it.
It recognizes no page, so the dispatcher moves on to the other templates.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from extract.errors import ParseError
from extract.records import RawCareer


class _Placeholder:
    name = "sample"
    version = "0"

    def matches(self, tree: LexborHTMLParser, url: str) -> bool:
        return False

    def parse(self, tree: LexborHTMLParser, url: str) -> RawCareer:
        raise ParseError("placeholder sample parser reads nothing", url=url)


PARSER = _Placeholder()
