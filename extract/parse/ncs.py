"""The UK National Careers Service job profile template (2019 generation).

Recognized by content: its hero blocks ("Average salary", "Typical hours") and
its profile sections, or its `dfc-code-*`/`job-profile-*` classes. Salaries are
"Starter" and "Experienced" amounts a year in GBP: they go to `salary_low` and
`salary_high` as shown ("£14,000"). The "How to become" section lists routes
(college, apprenticeship, ...), not one education level, so education is None.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from extract.errors import ParseError
from extract.parse.draft import Draft
from extract.parse.labels import pay_statements
from extract.parse.page import index_page
from extract.parse.text import clean, next_element, text_of
from extract.records import RawCareer

NAME = "ncs"
VERSION = "1"

_MONEY = re.compile(r"[£$€]\s?\d")
_STARTER = re.compile(r"\b(?:starter|experienced)\b", re.I)
_YEARLY = re.compile(r"\b(?:a|per) year\b|\bannual", re.I)
_ROUTES = frozenset(
    {"college", "apprenticeship", "university", "work", "volunteering", "direct application",
     "other routes", "other route", "training", "career tips", "further information"}
)  # fmt: skip
_HEADINGS = "h1, h2, h3, h4"


class NcsParser:
    """Reads an NCS job profile."""

    name = NAME
    version = VERSION

    def matches(self, tree: LexborHTMLParser, url: str) -> bool:
        if tree.css_first(".job-profile-hero, .dfc-code-jpsstarter") is not None:
            return True
        heads = {_label(h) for h in tree.css(_HEADINGS)}
        if "average salary" not in heads or not (
            heads & {"typical hours", "what it takes", "skills and knowledge", "day-to-day tasks"}
        ):
            return False
        # Its pay block is a Starter and an Experienced amount a year; other UK-worded
        # sites use the same headings with other pay.
        head = _heading(tree, "average salary")
        block = next_element(head) if head is not None else None
        return block is not None and bool(_STARTER.search(text_of(block)))

    def parse(self, tree: LexborHTMLParser, url: str) -> RawCareer:
        d = Draft(f"{NAME}/{VERSION}")
        h1 = tree.css_first("h1")
        title = text_of(h1)
        if not title:
            raise ParseError("no job profile title (h1)", url=url, field="title")
        _category(tree, title, d)
        _summary(h1, d)
        _salary(tree, d)
        _education(tree, d)
        _list_under(tree, "skills and knowledge", "people_skills", d)
        _list_under(tree, "day-to-day tasks", "duties", d)
        env = _heading(tree, "working environment")
        if env is not None and (p := _first_p_after(env)) is not None:
            d.put("environment", text_of(p), "working-environment")
        return d.career(url, title)


PARSER = NcsParser()


def _label(node: LexborNode) -> str:
    """A heading's own words, lower-cased, without a trailing "(a year)"-style note."""
    return re.sub(r"\s*\(.*?\)\s*$", "", text_of(node)).strip().lower()


def _heading(tree: LexborHTMLParser, label: str) -> LexborNode | None:
    for h in tree.css(_HEADINGS):
        if _label(h) == label:
            return h
    return None


def _category(tree: LexborHTMLParser, title: str, d: Draft) -> None:
    items = [text_of(li) for li in tree.css(".govuk-breadcrumbs__list-item")]
    items = items or [text_of(li) for li in tree.css(".breadcrumbs li, .govuk-breadcrumbs li")]
    if not items:
        return
    middle = [t for t in items[1:] if t and t.lower() != title.lower()]
    d.put("category", middle[-1] if middle else None, "breadcrumb")


def _summary(h1: LexborNode | None, d: Draft) -> None:
    node = next_element(h1) if h1 is not None else None
    while node is not None and node.tag != "p":
        node = next_element(node)
    if node is not None and text_of(node):
        d.put("summary", text_of(node), "hero-intro")


def _salary(tree: LexborHTMLParser, d: Draft) -> None:
    starter = tree.css_first(".dfc-code-jpsstarter")
    experienced = tree.css_first(".dfc-code-jpsexperienced")
    block = tree.css_first(".job-profile-salary")
    rule = "salary-classes"
    if block is None:
        head = _heading(tree, "average salary")
        block = next_element(head) if head is not None else None
        rule = "salary-heading"
        if block is not None and len(block.css("p")) < 2 and head is not None:
            # The heading, then its amounts as sibling paragraphs ("<p>£24,000 Starter</p>
            # <span>to</span><p>£40,000 Experienced</p>"): the block is their container.
            container = head.parent
            if container is not None and len(container.css("p")) >= 2:
                block = container
        if block is not None:
            ps = [p for p in block.css("p") if _STARTER.search(text_of(p))] or block.css("p")
            starter, experienced = (ps[0], ps[-1]) if len(ps) >= 2 else (None, None)
    if block is None:
        return
    head = _heading(tree, "average salary")
    period = re.search(r"\(([^)]*)\)", text_of(head)) if head is not None else None
    if period is not None and not _YEARLY.search(period.group(1)):
        return  # not this template's yearly block ("(per day)"): left to the label reader
    low, high = _amount(starter), _amount(experienced)
    shown = text_of(block)
    d.put("salary_low", low, f"{rule}.starter")
    d.put("salary_high", high, f"{rule}.experienced")
    d.put("salary_median", None, rule)
    text = f"{shown} ({period.group(1)})" if shown and period else shown
    d.put("salary_text", text or None, rule)
    # The site's pounds, unless the amounts name another currency (a page laid out the same
    # way on another country's site: "NZ$46,010 Starter"); a wrong currency is worse than none.
    foreign = re.search(r"\$|\b(?:USD|CAD|AUD|NZD|EUR)\b|dollars?", shown) and "£" not in shown
    pounds = (low or high or _MONEY.search(shown)) and not foreign
    d.put("currency_hint", "GBP" if pounds else None, "site")
    if foreign:  # which dollar: the page's own words about its pay ("Pay is in NZ dollars")
        said = " | ".join(pay_statements(index_page(tree)))
        d.put("salary_context", said or None, "page-statement")


def _amount(p: LexborNode | None) -> str | None:
    """The amount of a salary paragraph without its "Starter"/"Experienced" tag."""
    if p is None:
        return None
    own = clean(
        "".join(c.text_content or "" for c in p.iter(include_text=True) if c.tag == "-text")
    )
    text = own or text_of(p)
    return text if _MONEY.search(text) else None


def _education(tree: LexborHTMLParser, d: Draft) -> None:
    section = tree.css_first("#HowToBecome")
    subsections = section.css("h3") if section is not None else []
    if not subsections:
        head = next((h for h in tree.css("h2") if _label(h).startswith("how to become")), None)
        if head is None:
            return
        subsections = _until_next(head, "h2", "h3")
    routes = {_label(h) for h in subsections} & _ROUTES
    if routes:
        d.put("education", None, "how-to-become.routes")


def _until_next(head: LexborNode, stop: str, want: str) -> list[LexborNode]:
    """Elements tagged `want` after `head` (its parent's descendants) before the next `stop`."""
    out: list[LexborNode] = []
    parent = head.parent
    if parent is None:
        return out
    seen = False
    for node in parent.traverse():
        if node.mem_id == head.mem_id:
            seen = True
            continue
        if not seen:
            continue
        if node.tag == stop:
            break
        if node.tag == want:
            out.append(node)
    return out


def _list_under(tree: LexborHTMLParser, label: str, field: str, d: Draft) -> None:
    head = _heading(tree, label)
    if head is None:
        return
    box = next_element(head)
    items: list[str] = []
    while box is not None and box.tag not in {"h1", "h2", "h3", "h4"}:
        lists = [box] if box.tag in {"ul", "ol"} else box.css("ul, ol")
        items.extend(
            t for lst in lists for li in lst.iter() if li.tag == "li" and (t := text_of(li))
        )
        if items:
            break
        box = next_element(box)
    if items:
        d.put(field, tuple(items), label.replace(" ", "-"))


def _first_p_after(head: LexborNode) -> LexborNode | None:
    box = next_element(head)
    if box is None:
        return None
    return box if box.tag == "p" else box.css_first("p")
