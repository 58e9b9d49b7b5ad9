"""The US Occupational Outlook Handbook (bls.gov/ooh) profile template.

Recognized by content (its tab names, or its Quick Facts table), so a mirror or
a saved copy is read the same way. Each field has an ordered list of rules;
the first that finds the place wins and is recorded in `rules`. A field whose
place is missing altogether is left unsettled for the label fallback.

What counts, by design:
- pay, education, jobs and outlook come only from Quick Facts; pay in the Pay
  tab's charts, the Similar Occupations table or prose is never this
  occupation's pay;
- duties are the items of the "... typically do the following:" lists only;
- skills are the lead-ins of "Important Qualities" ("Analytical skills"),
  which are qualities of a person, so they go to `people_skills`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from extract.errors import ParseError
from extract.parse.draft import Draft
from extract.parse.text import clean, leadin, next_element, text_of
from extract.records import RawCareer

NAME = "ooh"
VERSION = "1"

_TABS = frozenset(
    {"what they do", "work environment", "how to become one", "pay", "job outlook",
     "similar occupations", "state & area data", "more info"}
)  # fmt: skip
# The OOH occupational groups (URL slug -> name as the breadcrumb shows it).
CATEGORIES: dict[str, str] = {
    "architecture-and-engineering": "Architecture and Engineering",
    "arts-and-design": "Arts and Design",
    "building-and-grounds-cleaning": "Building and Grounds Cleaning",
    "business-and-financial": "Business and Financial",
    "community-and-social-service": "Community and Social Service",
    "computer-and-information-technology": "Computer and Information Technology",
    "construction-and-extraction": "Construction and Extraction",
    "education-training-and-library": "Education, Training, and Library",
    "entertainment-and-sports": "Entertainment and Sports",
    "farming-fishing-and-forestry": "Farming, Fishing, and Forestry",
    "food-preparation-and-serving": "Food Preparation and Serving",
    "healthcare": "Healthcare",
    "installation-maintenance-and-repair": "Installation, Maintenance, and Repair",
    "legal": "Legal",
    "life-physical-and-social-science": "Life, Physical, and Social Science",
    "management": "Management",
    "math": "Math",
    "media-and-communication": "Media and Communication",
    "military": "Military",
    "office-and-administrative-support": "Office and Administrative Support",
    "personal-care-and-service": "Personal Care and Service",
    "production": "Production",
    "protective-service": "Protective Service",
    "sales": "Sales",
    "transportation-and-material-moving": "Transportation and Material Moving",
}
_PLACEHOLDER = re.compile(r"^(see\b|n/?a$|none listed|varies$|[-—–]+$)", re.I)
_DO_FOLLOWING = re.compile(r"\b(do|perform)\b[^.]*\bthe following\b[^.]*:?\s*$", re.I)
_WHAT_DO = re.compile(r"^what .+ do$", re.I)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class OohParser:
    """Reads an OOH occupation profile."""

    name = NAME
    version = VERSION

    def matches(self, tree: LexborHTMLParser, url: str) -> bool:
        if tree.css_first("table#quickfacts") is not None:
            return True
        names = {clean(a.text()).lower() for a in tree.css('a[href^="#"]')}
        return len(names & _TABS) >= 5

    def parse(self, tree: LexborHTMLParser, url: str) -> RawCareer:
        d = Draft(f"{NAME}/{VERSION}")
        title = _title(tree)
        if not title:
            raise ParseError("no occupation title (h1)", url=url, field="title")
        _category(tree, url, d)
        _summary(tree, d)
        _quick_facts(tree, d)
        _duties(tree, d)
        _qualities(tree, d)
        # OOH describes the work environment in prose, never as indoor/outdoor.
        d.put("environment", None, "not-published")
        # Nor technical skill or tools lists: settled empty, so no other reader runs for them.
        d.put("technical_skills", (), "not-published")
        d.put("tools", (), "not-published")
        return d.career(url, title)


PARSER = OohParser()


def _title(tree: LexborHTMLParser) -> str:
    h1 = tree.css_first("h1")
    if h1 is not None and text_of(h1):
        return text_of(h1)
    for th in tree.css("th"):
        m = re.match(r"quick facts:\s*(.+)", text_of(th), re.I)
        if m:
            return m.group(1)
    return ""


def _category(tree: LexborHTMLParser, url: str, d: Draft) -> None:
    crumbs = tree.css(".global-breadcrumb li")
    if len(crumbs) >= 4:  # BLS > Publications > OOH > group
        d.put("category", text_of(crumbs[-1]), "breadcrumb")
        return
    backs = [
        text_of(a)
        for a in tree.css('a[aria-label*="Back to"]')
        if "outlook handbook" not in text_of(a).lower() and text_of(a)
    ]
    if backs:
        d.put("category", backs[-1], "back-link")
        return
    parts = [p for p in urlsplit(url).path.split("/") if p]
    for slug in reversed(parts[:-1]):
        if slug in CATEGORIES:
            d.put("category", CATEGORIES[slug], "url-slug")
            return


def _summary(tree: LexborHTMLParser, d: Draft) -> None:
    for h in tree.css("h3, h4"):
        if _WHAT_DO.match(text_of(h)):
            p = next_element(h)
            if p is not None and p.tag == "p" and text_of(p):
                d.put("summary", text_of(p), "summary-what-they-do")
                return


def _quick_facts(tree: LexborHTMLParser, d: Draft) -> None:
    table, rule = tree.css_first("table#quickfacts"), "quickfacts"
    if table is None:
        table, rule = _table_captioned(tree, "quick facts"), "quickfacts-caption"
    if table is None:
        return
    for tr in table.css("tr"):
        th, td = tr.css_first("th"), tr.css_first("td")
        if th is None or td is None:
            continue
        shown, value = text_of(th), text_of(td)
        label = shown.lower()
        if _PLACEHOLDER.match(value) and "education" not in label:
            value = ""  # "—" or "N/A": the page shows no value here
        if "median pay" in label:
            d.put("salary_median", value or None, f"{rule}.median-pay")
            d.put("salary_text", value or None, f"{rule}.median-pay")
            d.put("currency_hint", "USD" if value else None, "site")
        elif "entry-level education" in label:
            if _PLACEHOLDER.match(value):
                d.put("education", None, f"{rule}.education-placeholder")
            else:
                d.put("education", value or None, f"{rule}.education")
        elif "number of jobs" in label:
            d.put("workers", value or None, f"{rule}.number-of-jobs")
            # "Number of Jobs, 2024": the year the count is for.
            d.put("workers_context", shown if value else None, f"{rule}.number-of-jobs")
        elif "job outlook" in label:
            d.put("growth", value or None, f"{rule}.job-outlook")
            # "Job Outlook, 2024-34": the projection period of the percent.
            d.put("growth_context", shown if value else None, f"{rule}.job-outlook")


def _table_captioned(tree: LexborHTMLParser, caption: str) -> LexborNode | None:
    for table in tree.css("table"):
        head = table.css_first("caption, th")
        if head is not None and text_of(head).lower().startswith(caption):
            return table
    return None


def _duties(tree: LexborHTMLParser, d: Draft) -> None:
    items: list[str] = []
    for p in tree.css("p"):
        # lexbor's own text first: a paragraph without "following" needs no reading.
        if "following" not in (p.text(deep=True) or "").lower():
            continue
        if not _DO_FOLLOWING.search(text_of(p)):
            continue
        lst = next_element(p)
        if lst is None and p.parent is not None and p.parent.tag in {"div", "span"}:
            lst = next_element(p.parent)  # the intro wrapped on its own
        if lst is not None and lst.tag in {"ul", "ol"}:
            items.extend(t for li in lst.iter() if li.tag == "li" and (t := text_of(li)))
    if items:
        d.put("duties", tuple(items), "typically-do-the-following")


def _qualities(tree: LexborHTMLParser, d: Draft) -> None:
    for h in tree.css("h2, h3, h4"):
        if text_of(h).lower() != "important qualities":
            continue
        found: list[str] = []
        node = next_element(h)
        while node is not None and node.tag not in _HEADINGS:
            blocks = [node] if node.tag in {"p", "li"} else node.css("p, li")
            found.extend(lead for b in blocks if (lead := leadin(b)))
            node = next_element(node)
        if found:
            d.put("people_skills", tuple(found), "important-qualities-leadins")
            return
