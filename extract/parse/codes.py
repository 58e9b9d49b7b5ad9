"""The occupation code a page states or links (US SOC / O*NET-SOC, UK SOC, Canada NOC): pure.

Sources, in order; the first that gives a code wins, and its text is kept as published:

1. JSON-LD `occupationalCategory`: a `CategoryCode` (`codeValue` or `termCode`, with
   `inCodeSet` naming the system), or text that starts with a code ("15-2011.00 Actuaries").
2. A table with a "SOC code" column (OOH's "Employment projections data"): the code of
   its first row, which is the page's own occupation ("Actuaries 15-2011"; a "—" there
   means the page covers several, and the next source is asked).
3. Links to code sites: O*NET OnLine / My Next Move (`/link/summary/15-2011.00`) and
   the Canadian NOC (`noc.esdc.gc.ca/...?code=21231&version=2021.0`). Every linked code
   is returned, in page order and joined with "; "; transform decides whether they make
   one occupation (13-1041.00 and 13-1041.01 do).

`system` is what the page says about the code's system (the `inCodeSet`, the table
header, the linking site), raw as well: `transform.codes` turns both into `soc_code`
and `soc_system`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from selectolax.lexbor import LexborHTMLParser

from extract.parse import jsonld
from extract.parse.text import clean

_US = r"\d{2}-\d{4}(?:\.\d{2})?"
_CODE_TEXT = re.compile(rf"^\s*(?P<code>{_US}|\d{{4,5}})\b")
_US_CODE = re.compile(rf"\b{_US}\b")
_SOC_HEADER = re.compile(r"^(?:\d{4}\s+)?soc(?:\s+code)?$", re.I)
_ONET_HOSTS = ("onetonline.org", "mynextmove.org", "onetcenter.org", "myskillsmyfuture.org")
_NOC_HOSTS = ("noc.esdc.gc.ca",)
_MAX_LINKS = 2000
_CODE_LINKS = ", ".join(f'a[href*="{h}" i]' for h in (*_ONET_HOSTS, *_NOC_HOSTS))


@dataclass(frozen=True, slots=True)
class OccupationCode:
    """A code as the page publishes it, the system the page names for it, and the rule."""

    code: str
    system: str
    rule: str


def occupation_code(tree: LexborHTMLParser, url: str) -> OccupationCode | None:
    """The occupation code `tree` (served at `url`) states or links, or None."""
    return _from_jsonld(tree) or _from_table(tree) or _from_links(tree)


def _from_jsonld(tree: LexborHTMLParser) -> OccupationCode | None:
    obj = jsonld.find(tree)
    if obj is None:
        return None
    value = obj.get("occupationalCategory")
    for item in value if isinstance(value, list) else [value]:
        found = _category_code(item)
        if found is not None:
            return found
    return None


def _category_code(item: Any) -> OccupationCode | None:
    if isinstance(item, str):
        match = _CODE_TEXT.match(item)
        return OccupationCode(match["code"], "", "jsonld:occupationalCategory") if match else None
    if not isinstance(item, dict):
        return None
    values = (item.get(key) for key in ("codeValue", "termCode"))
    code = next((text for v in values if isinstance(v, str | int) and (text := clean(str(v)))), "")
    if not code:
        return None
    code_set = item.get("inCodeSet")
    if isinstance(code_set, dict):
        code_set = code_set.get("name") or code_set.get("url") or code_set.get("@id")
    system = clean(code_set) if isinstance(code_set, str) else ""
    return OccupationCode(str(code), system, "jsonld:CategoryCode")


def _from_table(tree: LexborHTMLParser) -> OccupationCode | None:
    for table in tree.css("table"):
        header_row = table.css_first("thead tr") or table.css_first("tr")
        if header_row is None:
            continue
        headers = [clean(c.text(deep=True)) for c in header_row.css("th, td")]
        column = next((i for i, h in enumerate(headers) if _SOC_HEADER.match(h)), None)
        if column is None:
            continue
        body = table.css("tbody tr") or table.css("tr")[1:]
        for row in body:
            cells = row.css("th, td")
            if len(cells) <= column:
                continue
            text = clean(cells[column].text(deep=True))
            match = _CODE_TEXT.match(text)
            if match is None:
                return None  # the page's own row gives no single code ("—")
            return OccupationCode(match["code"], headers[column], "table:soc-code")
    return None


def _from_links(tree: LexborHTMLParser) -> OccupationCode | None:
    onet: list[str] = []
    noc: list[tuple[str, str]] = []
    # Only links naming a code site's host (lexbor filters; a page has hundreds of links).
    for link in tree.css(_CODE_LINKS)[:_MAX_LINKS]:
        href = link.attributes.get("href") or ""
        try:
            parts = urlsplit(href)
            host = (parts.hostname or "").lower()
        except ValueError:  # "http://[broken" and other hostile markup
            continue
        if any(host == h or host.endswith("." + h) for h in _ONET_HOSTS):
            match = _US_CODE.search(href)
            if match and match[0] not in onet:
                onet.append(match[0])
        elif any(host == h or host.endswith("." + h) for h in _NOC_HOSTS):
            query = parse_qs(parts.query)
            code = (query.get("code") or query.get("objectid") or [""])[0]
            if re.fullmatch(r"\d{4,5}", code):
                entry = (code, f"NOC {(query.get('version') or [''])[0]}".strip())
                if entry not in noc:
                    noc.append(entry)
    if onet:
        return OccupationCode("; ".join(onet), "O*NET-SOC", "links:onet")
    if noc:
        return OccupationCode("; ".join(c for c, _ in noc), noc[0][1], "links:noc")
    return None
