"""Label-based extraction for pages no template knows: values beside labels.

A *label* is a short piece of text that names a field ("Median pay", "Job
outlook", "Number of jobs", "Education", "Skills", ...; the vocabulary is in
`fields.py`). Values are looked for where pages put them:

- place 0: the other cell of a two-cell table row, the column of a one-row
  table, a wage table (Low/Median/High or 10th-90th percentile columns, a row
  per period or region: the yearly row, else the first), the `<dd>` of a `<dt>`;
- place 1: the element right after a label (stat tiles, label/value divs);
- place 2: a heading followed by its value, the rest of a "Label: value" line;
- place 3: a sentence that states pay or growth ("Plumbers usually earn
  between $25 and $30 an hour", "projected to grow 5 percent from 2024 to 2034").

Nothing here is tuned to one site: a value that fails its field's check is not a
value, which keeps help texts and prose out. Ties go to the more specific
label, then to the more structured place, then to the first on the page.
Regions that belong to the site rather than the career (menus, footers, forms,
cookie banners, related careers' cards with their own pay) are not read
(`page.py`); a label that repeats with different values is another job's.

Pay: a range under a pay label ("Salary range: $48K-$95K a year", "Typical
salary range: between £21,000 and £38,000") is both the low and the high as
written, unless the page names a low and a high of their own; a single
amount under a median label is the median. Each figure keeps the words around
it (its label, a column or row header, a caption, a note such as "per week", a
footnote such as "* Figures are weekly earnings" or "All pay is in Australian
dollars") in `salary_context`, where transform reads the period and the
currency a figure does not state. When the page shows pay in several periods, the yearly
figures are taken; percentile columns are not a low/high range.

Growth: a percent or category goes to `growth`, a site's own rating ("Good",
"Strong", stars) to `outlook`; labels carrying years ("Job outlook, 2024-34",
"Number of jobs, 2024") go to `growth_context` / `workers_context`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from selectolax.lexbor import LexborHTMLParser, LexborNode

from extract.parse import fields, meta, sections
from extract.parse.draft import Draft
from extract.parse.fields import (
    BARE_AMOUNT,
    MONEY,
    Scalar,
    has_keyword,
    match,
    normalize_label,
    periods_in,
    rating_ok,
)
from extract.parse.page import HEADINGS, PageIndex, index_page
from extract.parse.text import (
    BLOCK_TAGS,
    children,
    clean,
    is_element,
    next_element,
    text_of,
    within,
)
from extract.records import RawCareer

NAME = "labels"
VERSION = "2"

_LABEL_TAGS = frozenset(
    {"th", "td", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "label", "span",
     "p", "div", "li", "em", "legend", "caption", "small", "summary", "button", "dd",
     "figcaption"}
)  # fmt: skip
_SMALL = 80  # nodes: bigger elements are neither labels nor values
_PAY_FIELDS = ("salary_low", "salary_median", "salary_high")
_ROLE = {"salary_low": "low", "salary_median": "median", "salary_high": "high"}
_PERCENTILE = re.compile(
    r"^(?:p ?\d{2}|\d{1,2}(?:st|nd|rd|th)?(?: percentile|%)|(?:lowest|highest|top|bottom) \d+%"
    r".*|\d{1,2}(?:st|nd|rd|th) pct)$"
)
_OTHER_COLUMN = re.compile(
    r"^(?:occupations?|jobs?|job titles?|careers?|roles?|titles?|names?|job duties|duties"
    r"|(?:typical |entry[- ]level )?education.*|job outlook|outlook|employment.*|growth.*)$"
)
_PERIOD_COLUMN = re.compile(r"^(?:pay )?(?:period|frequency|basis|rate type|unit)$")
# Short page-level statements about all pay figures: their currency or their period.
_ABOUT_PAY = re.compile(
    r"\b(?:pay|wages?|salar\w*|earnings|figures|amounts|rates|income)\b.{0,60}"
    r"\b(?:dollars?|pounds?|sterling|euros?|[A-Z]{3}|weekly|hourly|monthly|annual|yearly"
    r"|per (?:hour|week|month|year|annum)|a (?:week|year|month))\b",
    re.I,
)
_STATEMENT = re.compile(
    r"\b(?:are|is|shown|quoted|given|expressed|listed)\b.{0,40}\b(?:in|as)\b|\b(?:figures|amounts"
    r"|pay|earnings|wages|salaries|salary|rates) (?:shown |quoted |here )?(?:are|is)\b"
    r"|\b(?:pay|wages?|salar\w*|earnings|figures|amounts|rates)\s+(?:\w+\s+)?in\s+"
    r"(?:[A-Z]{3}\b|\w+ dollars|pounds|euros)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    field: str
    value: str | None  # None: the label is there, its value cell is empty
    spec: int  # index of the label pattern that matched (lower = more specific)
    place: int  # 0 table/dl, 1 label/value block, 2 heading or "Label: value" line, 3 prose
    order: int  # position on the page
    rule: str
    label: str = ""  # the label as published
    note: str = ""  # words beside the value ("per week", a column header, a caption)

    def key(self) -> tuple[int, int, int]:
        return (self.spec, self.place, self.order)


class LabelReader:
    """Reads any page by its labels; also the field-level fallback of the templates."""

    name = NAME
    version = VERSION

    def matches(self, tree: LexborHTMLParser, url: str) -> bool:
        return True

    def parse(self, tree: LexborHTMLParser, url: str) -> RawCareer:
        return read(tree, url)


PARSER = LabelReader()


_SCALAR_GROUPS = frozenset({"salary", "growth", "workers", "education", "environment", "category"})
_LIST_GROUPS = frozenset({"duties", "technical_skills", "people_skills", "tools"})


def read(
    tree: LexborHTMLParser,
    url: str,
    index: PageIndex | None = None,
    wanted: frozenset[str] | None = None,
) -> RawCareer:
    """Everything the labels of the page give (title may be "" when the page has none).

    `wanted` names the groups (draft.GROUPS) a caller will take; the others are not
    looked for: a template page with one gap pays for the readers of that gap only.
    """
    d = Draft(f"{NAME}/{VERSION}")
    page = index if index is not None else index_page(tree)
    title, where = meta.titled(tree, page)
    if wanted is None or wanted & _SCALAR_GROUPS:
        _read_scalars(tree, url, page, title, d)
    if wanted is None or wanted & _LIST_GROUPS:
        for field, (items, rule) in sections.best_lists(page, title).items():
            d.put(field, items, rule)
    if wanted is None or "summary" in wanted:
        meta.summary(tree, d)
    d.rules.append(("title", f"{NAME}:{where}"))
    return d.career(url, title)


def _read_scalars(
    tree: LexborHTMLParser, url: str, page: PageIndex, title: str, d: Draft
) -> None:
    """Pay, growth, workers, education, environment and category from the page's labels."""
    cands = list(_split_growth(_unrepeated(list(_candidates(page, title)))))
    best: dict[str, _Candidate] = {}
    for cand in cands:
        old = best.get(cand.field)
        if old is None or cand.key() < old.key():
            best[cand.field] = cand
    _put_salary([c for c in cands if c.field in _PAY_FIELDS], page, d)
    _put_growth(best, d)
    if "workers" in best:
        w = best["workers"]
        d.put("workers", w.value, w.rule)
        context = clean(f"{w.label} {w.note}")
        if w.value and re.search(r"(19|20)\d\d", context):
            d.put("workers_context", context, w.rule)
    for field in ("education", "environment", "category"):
        if field in best:
            d.put(field, best[field].value, best[field].rule)
    if "category" not in best:
        meta.category(tree, url, page, d)


def evidence(career: RawCareer) -> int:
    """How many career facts a page showed (salary, growth, workers, education, duties, skills)."""
    facts = (
        career.salary_median or career.salary_low or career.salary_high,
        career.growth or career.outlook,
        career.workers,
        career.education,
        career.duties,
        career.technical_skills or career.people_skills or career.tools,
    )
    return sum(1 for f in facts if f)


def _figures(value: str | None) -> str | None:
    """What a value states, for telling two values apart: its figures when it has any (a
    page that says its facts twice, in a desktop table and in mobile cards, words them
    differently: "grow 25 percent" and "Employment is projected to grow 25 percent")."""
    if value is None:
        return None
    numbers = re.findall(r"\d[\d,.]*", value)
    return " ".join(n.rstrip(".,") for n in numbers) if numbers else value


def _unrepeated(cands: list[_Candidate]) -> list[_Candidate]:
    """Drop labels that repeat with different values: cards of other jobs (similar
    occupations, vacancies, "Wage: ..." per listing) are not this career's facts. A pay
    label given once to a single amount and once to a range ("Salary: £56,030",
    "Salary: £40,610 - £75,640"), or to one figure per period ("$16.46 per hour", "$30,990
    per annum"), is the page's own pay, not two jobs: only two values of one period and
    shape are."""
    values: dict[tuple[str, str], set[str | None]] = {}
    slots: dict[tuple[str, str], set[tuple[str | None, bool]]] = {}
    for c in cands:
        said = c.value if c.field in _PAY_FIELDS else _figures(c.value)  # pay: see below
        values.setdefault((c.field, c.rule), set()).add(said)
        slots.setdefault((c.field, c.rule), set()).add((_period_of(c), _is_range(c.value)))

    def repeated(c: _Candidate) -> bool:
        seen = values[(c.field, c.rule)]
        if len(seen) == 1:
            return False
        if c.field in _PAY_FIELDS:
            # Each value its own period and shape (a yearly median, a yearly range, a day
            # rate): the page's own pay. Two figures for one slot: another job's card.
            return len(slots[(c.field, c.rule)]) < len(seen)
        return True

    return [c for c in cands if not repeated(c)]


# --- finding candidates ------------------------------------------------------------------------


_MAX_CANDIDATES = 1000  # a career page has tens of labels; a hostile one, no bound


def _candidates(page: PageIndex, subject: str = "") -> Iterator[_Candidate]:
    return islice(_all_candidates(page, subject), _MAX_CANDIDATES)


def _all_candidates(page: PageIndex, subject: str) -> Iterator[_Candidate]:
    claimed: set[int] = set()  # rows a table read as a whole (its subject's column)
    cited: dict[int, frozenset[int]] = {}  # per table: its columns headed "Source"
    for order, el in enumerate(page.elements):
        if page.noisy[order]:
            continue
        tag = el.tag
        size = page.sizes[order]
        if el.mem_id in page.titled and size <= _SMALL and tag not in _NOT_LABELLED and (
                said := _said_label(el)):  # fmt: skip
            yield from _attribute_label(el, said, order)
        if tag == "table":
            yield from _table(el, order, subject, claimed)
        elif tag == "tr":
            if el.mem_id not in claimed:
                yield from _row(el, order, cited)
        elif size > _SMALL:
            continue
        elif tag == "dt":
            dd = next_element(el)
            if dd is not None and dd.tag == "dd":
                yield from _pair(el, dd, order, 0, "dl", allow_empty=True)
        elif tag in _LABEL_TAGS:
            raw = el.text()
            if len(raw) <= 160 and (has_keyword(raw) or raw.rstrip().endswith("?")):
                yield from _block(el, order)
            if (tag in _PROSE_TAGS and size <= 12 and len(raw) <= 400
                    and (tag != "td" or _spans_its_row(el))
                    and _DIGIT.search(raw) and _PROSE_VERB.search(raw.lower())):
                yield from _prose(el, order, raw)  # fmt: skip


_NOT_LABELLED = frozenset({"a", "button", "abbr", "input", "select", "textarea", "iframe"})
_DECORATIVE = frozenset({"svg", "img", "i", "picture", "use", "hr", "meter", "progress"})


def _said_label(el: LexborNode) -> str:
    """A field label given only as an attribute (`title`, `aria-label`), or ""."""
    attrs = el.attributes
    for attr in ("aria-label", "title"):
        said = attrs.get(attr)
        if said and len(said) <= 60 and has_keyword(said):
            return clean(said)
    return ""


def _attribute_label(el: LexborNode, said: str, order: int) -> Iterable[_Candidate]:
    """A fact labelled by an attribute: `<li title="Median salary">$52,000 a year</li>`,
    `<div role="group" aria-label="Pay">...</div>`, or an icon that names the value beside it
    (`<span role="img" aria-label="Pay"></span> <span>$52,000</span>`)."""
    label = normalize_label(said)
    if not match(label):
        return
    own = text_of(el, _SMALL)
    if own and normalize_label(own).startswith(label):
        return  # the label is shown too: read as a visible label
    if own:
        yield from _pair(el, el, order, 1, "attr-label", allow_empty=False, label_text=said)
        return
    named = [n for n in within(el, 20)[1:] if _said(n)]  # an icon inside names the value
    sib = named[0] if named else _value_after(el)
    if sib is not None:
        yield from _pair(el, sib, order, 1, "attr-label", allow_empty=False, label_text=said)


def _said(el: LexborNode) -> str:
    attrs = el.attributes
    return clean(attrs.get("aria-label") or attrs.get("title") or attrs.get("alt"))


def _decorative(el: LexborNode) -> bool:
    """An icon or spacer between a label and its value: no text, drawn or hidden."""
    attrs = el.attributes
    drawn = el.tag in _DECORATIVE or attrs.get("aria-hidden") == "true" or attrs.get(
        "role") in {"presentation", "none"}  # fmt: skip
    return drawn and not text_of(el, 6)


def _value_after(label: LexborNode) -> LexborNode | None:
    """The element after a label, icons and spacers skipped."""
    sib = next_element(label)
    for _ in range(3):
        if sib is None or not _decorative(sib):
            break
        sib = next_element(sib)
    return sib


# Cheap first look for _prose: a verb of projection or of earning (and, tested first, a digit).
_PROSE_VERB = re.compile(  # on lower-cased text
    r"project|expect|forecast|anticipat|earn|make|paid|receive|pay\b|salar|wage"
    r"|(?:people|workers|employees|persons) (?:work|are|were)|there (?:are|were)"
)
_DIGIT = re.compile(r"\d")
# Where a sentence stands alone; a table cell too, alone in its row ("<td colspan=2>...
# projected to grow 9 percent from 2024 to 2034.</td>").
_PROSE_TAGS = frozenset({"p", "li", "dd", "div", "span", "td"})


def _spans_its_row(cell: LexborNode) -> bool:
    before = cell.prev
    while before is not None and not is_element(before):
        before = before.prev
    return before is None and next_element(cell) is None


def _value_text(el: LexborNode, label: str = "") -> str:
    """The value as a reader sees it, without the `label` when its line says it again
    ("<h2>Education</h2><div><b>Education</b> Degree</div>"); for icons (stars) their
    accessible name (not the `label` an attribute of the value's own element gives)."""
    text = text_of(el, _SMALL)
    if label and text.startswith(label) and text[len(label) : len(label) + 1] in {" ", ":"}:
        text = text[len(label) :].lstrip(" :")  # the label said again on the value's line
    if re.search(r"[A-Za-z0-9]", text):
        return text
    for node in within(el, 20):  # a small value only: a big node is no value
        for attr in ("aria-label", "title", "alt"):
            said = clean(node.attributes.get(attr))
            if said and said != label and re.search(r"[A-Za-z0-9]", said):
                return said
    return text



_CONNECTOR = re.compile(r"^(?:to|-|–|—|and|up to)$", re.I)


def _range_tail(value_el: LexborNode, text: str) -> str:
    """A figure continued by its range's other end in the next elements ("<p>£24,000
    Starter</p><span>to</span><p>£40,000 Experienced</p>"): the whole range, else `text`."""
    if len(MONEY.findall(text)) != 1:
        return text
    joiner = next_element(value_el)
    if joiner is None or not _CONNECTOR.match(text_of(joiner, 4)):
        return text
    end = next_element(joiner)
    tail = text_of(end, _SMALL) if end is not None else ""
    if len(MONEY.findall(tail)) != 1 or len(tail) > 60:
        return text
    after = next_element(end) if end is not None else None
    if after is not None and _CONNECTOR.match(text_of(after, 4)):
        return text  # three tiers ("Starter to Average to Experienced"): no single range
    return f"{text} {text_of(joiner, 4)} {tail}"


_NO_NOTE = frozenset({*HEADINGS, "td", "th"})  # a heading or the next column is no note


def _note(value_el: LexborNode) -> str:
    """Short texts right after a value in its container ("per week", "median, before tax")."""
    notes: list[str] = []
    node = next_element(value_el)
    while node is not None and len(notes) < 3 and node.tag not in _NO_NOTE:
        text = text_of(node, 12)
        short = 40 if node.tag in {"span", "small", "em", "i", "sup", "sub", "abbr"} else 25
        if not text or len(text) > short or ":" in text or bool(match(
                normalize_label(text))):  # fmt: skip
            break
        notes.append(text)
        node = next_element(node)
    return " ".join(notes)


def _pair(
    label_el: LexborNode,
    value_el: LexborNode,
    order: int,
    place: int,
    rule: str,
    *,
    allow_empty: bool,
    note: str = "",
    label_text: str | None = None,
    pay_note: str = "",
) -> Iterable[_Candidate]:
    raw_label = text_of(label_el, _SMALL) if label_text is None else label_text
    label = normalize_label(raw_label)
    for scalar, spec in match(label):
        raw = _value_text(value_el, clean(raw_label))
        if scalar.field in _PAY_FIELDS:
            raw = _money_sentences(_range_tail(value_el, raw))
        name = f"{rule}({label})"
        if scalar.field in _PAY_FIELDS and _several_figures(raw):
            # "a median of $30/hr (most earn between $25 and $40) or $62,400 a year": a
            # clause that states no period has the one of the clause before it.
            shared = sorted(periods_in(raw))
            last = f"per {shared[0]}" if len(shared) == 1 else ""
            for i, clause in enumerate(_clauses(raw)):
                own = sorted(periods_in(clause))
                if len(own) == 1:
                    last = f"per {own[0]}"
                yield _Candidate(scalar.field, clause, spec, place, order, f"{name}.{i}",
                                 raw_label, "" if own else last)  # fmt: skip
            continue
        if scalar.field == "growth":
            raw = _emphasized_rating(value_el) or raw
        ok, v = _accept(scalar, raw, allow_empty=allow_empty)
        if ok:
            extra = note or (" | ".join(t for t in (_note(value_el), pay_note) if t)
                             if scalar.field in _PAY_FIELDS else "")  # fmt: skip
            yield _Candidate(scalar.field, v, spec, place, order, name, raw_label, extra)


# Clause breaks of a pay sentence; "equal to or greater than", "or more" are no break.
_CLAUSE = re.compile(
    r"\s*(?:;|\(|\)|(?<!to )\bor\b(?! (?:more|above|higher|greater|less|over)\b)"
    r"|,\s*(?:and|while|with|which)\b|\band most\b|(?<=[a-z\d][.!?])\s+(?=[A-Z]))\s*",
    re.I,
)


def _several_figures(text: str) -> bool:
    """A sentence with figures of several kinds or periods ("$30 an hour or $62,400 a year",
    "a median of $47K (most earn between $31K and $60K)")."""
    n = len(MONEY.findall(text))
    return len(text) <= 300 and (n > 2 or (n == 2 and not _is_range(text)))


def _clauses(text: str) -> list[str]:
    """The clauses of a pay sentence that state figures; a range written in words ("starting
    around £24,000, rising to £40,000") stays one clause, whatever breaks it."""
    ranges = [m.span() for m in _WORDED_RANGE.finditer(text)]
    pieces, start = [], 0
    for m in _CLAUSE.finditer(text):
        if any(a < m.start() < b for a, b in ranges):
            continue
        pieces.append(text[start : m.start()])
        start = m.end()
    pieces.append(text[start:])
    return [c for c in (clean(p) for p in pieces) if MONEY.search(c)]


def _leading_rating(text: str) -> str:
    """A rating that is the first sentence of a value ("Limited. Demand is steadiest in the
    cities."), or ""."""
    first, stop, rest = clean(text).partition(". ")
    return first if stop and rest and len(first) <= 30 and rating_ok(first) else ""


def _emphasized_rating(value_el: LexborNode) -> str:
    """A rating set in bold inside a sentence ("Prospects are rated <b>Good</b>.")."""
    for node in value_el.css("strong, b, em, mark")[:4]:
        text = text_of(node, 12)
        if text and rating_ok(text):
            return text
    return ""


def _accept(scalar: Scalar, raw: str, *, allow_empty: bool) -> tuple[bool, str | None]:
    """A field's value check; pay also takes a bare amount whose label states pay, and a
    worker count may be a sentence that states one number ("There are about 33,600 ...")."""
    if scalar.field in _PAY_FIELDS and _BENCHMARK.search(raw):
        return False, None  # "the median wage for all workers was $49,500": not this job's
    if scalar.field == "growth":
        raw = _leading_rating(raw) or raw  # "Limited. Demand is steadiest in the cities."
    ok, v = fields.value(scalar, raw, allow_empty=allow_empty)
    if not ok and scalar.field == "workers" and fields.count_sentence_ok(clean(raw)):
        return True, clean(raw)
    if not ok and scalar.field in _PAY_FIELDS and BARE_AMOUNT.match(clean(raw)):
        return True, clean(raw)
    if not ok and scalar.field in _PAY_FIELDS and _pay_sentence(clean(raw)):
        return True, clean(raw)  # a sentence under a pay heading: "Nurses usually earn $X"
    return ok, v


_EARNS = re.compile(
    r"\b(?:earn|earns|make|makes|are paid|is paid|get paid|receive|takes? home|brings? home"
    r"|can expect)\b|\b(?:pay|salary|salaries"
    r"|wages?|earnings)\b(?: for [\w' -]{1,40})? (?:is|are|ranges?|starts?)\b",
    re.I,
)


# Pay of everyone, not of this job: "the median annual wage for all workers was $49,500".
# Pay of everyone, not of this job: "all workers", "the average (full-time) worker in the
# UK", "the national average", "the typical Australian", "across all jobs".
_BENCHMARK = re.compile(
    r"\b(?:all|every|most|other) (?:workers|occupations|jobs|employees|industries|careers"
    r"|professions|people)\b|\b(?:the )?(?:average|typical|median|ordinary) (?:(?:full-time|"
    r"part-time|uk|us|u\.s\.|british|american|canadian|australian|kiwi|new zealand) )*"
    r"(?:worker|employee|earner|person|salary earner|wage earner|household|brit|american"
    r"|canadian|australian|aussie|kiwi|new zealander)s?\b|\bnational (?:average|median)\b"
    r"|\bacross (?:the )?(?:economy|workforce|country)\b",
    re.I,
)


def _pay_sentence(text: str) -> bool:
    """One sentence saying what the occupation earns, with one amount or one range."""
    return (
        len(text) <= 200
        and not re.search(r"[.!?]\s+[A-Z]", text)
        and bool(_EARNS.search(text))
        and not _BENCHMARK.search(text)
        and 1 <= len(MONEY.findall(text)) <= 2
    )


def _row(tr: LexborNode, order: int, cited: dict[int, frozenset[int]]) -> Iterable[_Candidate]:
    cells = [c for c in children(tr, 8) if c.tag in {"th", "td"}]
    if len(cells) == 2:
        yield from _pair(cells[0], cells[1], order, 0, "table-row", allow_empty=True)
    elif 3 <= len(cells) <= 4:  # label, value, and a source year or a note
        table = _table_of(tr)  # a column headed "Source" cites, it dates nothing
        if table is not None and table.mem_id not in cited:
            cited[table.mem_id] = _source_columns(table)
        sources = cited.get(table.mem_id, frozenset()) if table is not None else frozenset()
        note = " ".join(t for i, c in enumerate(cells[2:], 2) if i not in sources
                        and (t := text_of(c, 20)))  # fmt: skip
        yield from _pair(cells[0], cells[1], order, 0, "table-row", allow_empty=False,
                         note=note)  # fmt: skip


_SOURCE_HEADER = re.compile(r"^(?:(?:data )?sources?|references?|cited from|where from|origin)$")


def _table_of(tr: LexborNode) -> LexborNode | None:
    table = tr.parent
    if table is not None and table.tag in {"tbody", "thead", "tfoot"}:
        table = table.parent
    return table if table is not None and table.tag == "table" else None


def _source_columns(table: LexborNode) -> frozenset[int]:
    """Positions of the table's columns whose header names a source (once per table)."""
    rows = _rows(table)
    head = rows[0] if rows else []
    if not head or any(c.tag != "th" for c in head):
        return frozenset()
    return frozenset(i for i, c in enumerate(head)
                     if _SOURCE_HEADER.match(normalize_label(text_of(c, 6))))  # fmt: skip


def _rows(table: LexborNode) -> list[list[LexborNode]]:
    """The table's own rows (not those of a table nested in it), as lists of cells."""
    rows: list[list[LexborNode]] = []
    for child in children(table, 70):
        group = [child] if child.tag == "tr" else (
            [r for r in children(child, 70) if r.tag == "tr"]
            if child.tag in {"thead", "tbody", "tfoot"} else []
        )  # fmt: skip
        for tr in group:
            rows.append([c for c in children(tr, 14) if c.tag in {"th", "td"}])
            if len(rows) > 60:
                return []
    if any(c.attributes.get("rowspan") or c.attributes.get("colspan") for r in rows for c in r):
        return _merged(rows)
    return rows


def _span(cell: LexborNode, attr: str) -> int:
    value = cell.attributes.get(attr) or "1"
    return min(int(value), 20) if value.isdigit() and int(value) > 0 else 1


def _merged(rows: list[list[LexborNode]]) -> list[list[LexborNode]]:
    """A table with merged cells as the grid it shows: a cell in every slot it spans, one
    header row (the last of several: "2025 figures" over "Nurse | All occupations") and
    one label column (the last of several: a row group's "Earnings" before "Average
    salary")."""
    grid: list[dict[int, LexborNode]] = [{} for _ in rows]
    for i, cells in enumerate(rows):
        col = 0
        for cell in cells:
            while col in grid[i]:
                col += 1
            for di in range(_span(cell, "rowspan")):
                for dj in range(_span(cell, "colspan")):
                    if i + di < len(grid):
                        grid[i + di][col + dj] = cell
            col += _span(cell, "colspan")
    width = max((max(r) + 1 for r in grid if r), default=0)
    if not width or any(len(r) != width for r in grid):
        return rows  # a ragged grid: read as written
    table = [[r[j] for j in range(width)] for r in grid]
    while len(table) > 2 and len({c.mem_id for c in table[0]}) == 1:
        table = table[1:]  # a title across the whole table ("Quick Facts: Nurses") heads nothing

    def header(row: list[LexborNode]) -> bool:
        return all(c.tag == "th" or not text_of(c, 6) for c in row)

    heads = 0
    while heads < len(table) - 1 and header(table[heads]):
        heads += 1
    body = table[heads:] if heads else table[1:]
    labels = 0
    while labels < width - 1 and all(r[labels].tag == "th" for r in body):
        labels += 1
    keep = list(range(max(labels - 1, 0), width))
    head = table[heads - 1] if heads else table[0]
    return [[row[j] for j in keep] for row in (head, *body)]


def _table(
    table: LexborNode, order: int, subject: str = "", claimed: set[int] | None = None
) -> Iterable[_Candidate]:
    rows = _rows(table)
    if len(rows) < 2:
        return
    head = rows[0]
    corner = head[0] if head else None  # a header row may open with an empty <td>
    if (len(head) < 2 or len(head) > 12 or any(c.tag != "th" for c in head[1:])
            or (corner is not None and corner.tag != "th" and text_of(corner, 6))):
        return  # fmt: skip
    titles = [text_of(c, _SMALL) for c in head]
    if len(rows) == 2 and len(rows[1]) == len(head) and _labels_row(titles):
        # One row of values under a row of field labels ("Median pay | Job outlook |
        # Education"): each column is one fact (a wage table's row keeps its reading).
        wage = list(_wage_table(rows, titles, *_caption_and_footnote(table), order))
        yield from wage
        for h, v in zip(head, rows[1], strict=True):
            for cand in _pair(h, v, order, 0, "table-column", allow_empty=False):
                if not (wage and cand.field in _PAY_FIELDS):
                    yield cand
        return
    latest = _latest_year(rows, titles)
    if latest is not None:  # a time series ("Year | People employed"): its latest year's row
        year, cells_of_year = latest
        for title_cell, cell in zip(head[1:], cells_of_year[1:], strict=False):
            yield from _pair(title_cell, cell, order, 0, "latest-year", allow_empty=False,
                             note=year)  # fmt: skip
        return
    national = _national_row(rows, titles)
    if national is not None:  # one fact by region ("Region | Outlook"): the country's row
        yield from _pair(head[1], national[1], order, 0, "national-row", allow_empty=False)
        return
    column = _subject_column(titles, subject)
    if column is not None:  # facts in rows, one column per entity: read the page's own
        for cells in rows[1:]:
            if len(cells) == len(head):
                parent = cells[0].parent
                if claimed is not None and parent is not None:
                    claimed.add(parent.mem_id)
                yield from _pair(cells[0], cells[column], order, 0, "subject-column",
                                 allow_empty=True)  # fmt: skip
        return
    line = _subject_row(rows, subject)
    if line is not None:  # entities in rows, facts in columns: read the page's own row
        if claimed is not None:
            claimed.update(p.mem_id for cells in rows if cells and (p := cells[0].parent))
        caption = _chart_caption(table)  # "Hourly pay in $": the period of every figure
        for title_cell, cell in zip(head[1:], line[1:], strict=False):
            yield from _pair(title_cell, cell, order, 0, "subject-row", allow_empty=True,
                             pay_note=caption)  # fmt: skip
        return
    wage = list(_wage_table(rows, titles, *_caption_and_footnote(table), order))
    if wage:
        yield from wage
        return
    if len(rows) == 2 and len(head) >= 3 and len(rows[1]) == len(head):
        for h, v in zip(head, rows[1], strict=True):
            yield from _pair(h, v, order, 0, "table-column", allow_empty=False)


_REGION_HEADER = re.compile(
    r"^(?:regions?|provinces?|(?:province|state)s?(?: or territor(?:y|ies))?|states?|territor"
    r"(?:y|ies)|locations?|areas?|community/area|communit(?:y|ies)|economic regions?)$"
)
_NATIONAL = re.compile(
    r"^(?:national|nationwide|all (?:regions|areas|states|provinces)|(?:the )?(?:united states"
    r"|u\.?s\.?a?|united kingdom|uk|canada|australia|new zealand|england|ireland))"
    r"(?: \(?(?:national|average|total)\)?)?$"
)


_YEAR_HEADER = re.compile(r"^(?:years?|date|period|as of|reference year)$")
_YEAR_CELL = re.compile(r"^(?:19|20)\d\d$")


def _latest_year(
    rows: list[list[LexborNode]], titles: list[str]
) -> tuple[str, list[LexborNode]] | None:
    """(year, row) of a table of facts by year whose first column is the year, for its
    latest year (in either order); None for other tables."""
    if len(titles) < 2 or not _YEAR_HEADER.match(normalize_label(titles[0])):
        return None
    dated = [(text_of(r[0], 6), r) for r in rows[1:] if len(r) == len(titles)]
    if len(dated) < 2 or not all(_YEAR_CELL.match(y) for y, _ in dated):
        return None
    return max(dated, key=lambda d: d[0])


def _national_row(rows: list[list[LexborNode]], titles: list[str]) -> list[LexborNode] | None:
    """In a table of one fact by region ("Region | Outlook", a row per province), the row
    of the whole country (its name, "National"), else the first; None for other tables."""
    if len(titles) != 2 or not _REGION_HEADER.match(normalize_label(titles[0])):
        return None
    found = [scalar.field for scalar, _ in match(normalize_label(titles[1]))]
    if not found or any(f in _PAY_FIELDS for f in found):
        return None  # pay by region is a wage table: read as one
    body = [r for r in rows[1:] if len(r) == 2]
    if len(body) < 2:
        return None
    named = [r for r in body if _NATIONAL.match(normalize_label(text_of(r[0], _SMALL)))]
    return (named or body)[0]


def _chart_caption(table: LexborNode) -> str:
    """The table's caption, else that of the figure it stands beside (a chart's hidden table)."""
    cap = table.css_first("caption")
    if cap is not None and (text := text_of(cap, _SMALL)):
        return text
    before = table.prev
    while before is not None and not is_element(before):
        before = before.prev
    for near in (before, table.parent):
        if near is not None and near.tag == "figure":
            return text_of(near.css_first("figcaption"), _SMALL)
    return ""


def _caption_and_footnote(table: LexborNode) -> tuple[str, str]:
    cap = table.css_first("caption")
    caption = text_of(cap, _SMALL) if cap is not None else ""
    after = next_element(table)
    footnote = text_of(after, 20) if after is not None else ""
    return caption, footnote if len(footnote) <= 120 else ""


def _labels_row(titles: list[str]) -> bool:
    """A header row most of whose cells are field labels (two at least)."""
    labelled = sum(1 for t in titles if bool(match(normalize_label(t))))
    return labelled >= 2 and 2 * labelled >= len(titles)


# Column headers of a comparison table that are not the page's subject: averages and totals.
_AVERAGE_COLUMN = re.compile(
    r"\b(?:all|averages?|national|nationwide|total|overall|every|state|statewide|typical"
    r"|median for|benchmark|comparison)\b"
)
_THIS_COLUMN = re.compile(r"^(?:this|the|your|selected) (?:occupation|job|career|role|profession)$")


def _subject_column(titles: list[str], subject: str) -> int | None:
    """In a table of facts by row and entities by column ("Nurse | All occupations"), the
    column of the page's own occupation: the one its header names (the title, or "This
    job"), else the one column that is no average or total. None for role columns
    (Low/Median/High, percentiles, periods) or when no column can be told apart."""
    values = [normalize_label(t) for t in titles[1:]]
    if len(values) < 2 or any(_role(t) for t in titles[1:]) or any(not v for v in values):
        return None
    if any(_PERIOD_COLUMN.match(v) or periods_in(v) for v in values):
        return None
    name = normalize_label(subject)
    named = [i for i, v in enumerate(values)
             if _THIS_COLUMN.match(v) or (name and v in {name, f"{name}s", f"{name}es"})]
    if len(named) == 1:
        return named[0] + 1
    if named:
        return None
    plain = [i for i, v in enumerate(values) if not _AVERAGE_COLUMN.search(v)]
    return plain[0] + 1 if len(plain) == 1 else None


def _subject_row(rows: list[list[LexborNode]], subject: str) -> list[LexborNode] | None:
    """In a table of entities by row ("All occupations | $49,500 | 3%", "Nurses | $77,600 |
    6%"), the one row the page's occupation heads (its title, or "This job"), else None."""
    name = normalize_label(subject)
    if not name:
        return None
    width = len(rows[0])
    found = []
    for cells in rows[1:]:
        if len(cells) != width:
            continue
        head = normalize_label(text_of(cells[0], 12))
        if _THIS_COLUMN.match(head) or head in {name, f"{name}s", f"{name}es"}:
            found.append(cells)
    return found[0] if len(found) == 1 else None


def _role(title: str) -> str | None:
    label = normalize_label(title)
    if _PERCENTILE.match(label):
        return "percentile"
    for scalar, _ in match(label):
        if scalar.field in _PAY_FIELDS:
            return scalar.field
    return None


def _wage_table(
    rows: list[list[LexborNode]], titles: list[str], caption: str, footnote: str, order: int
) -> Iterator[_Candidate]:
    """Pay in a table: role columns (Low/Median/High, percentiles) with a row per period or
    region, or role rows with a column per period. Yields the cells of the chosen line."""
    roles = [_role(t) for t in titles]
    if any(_OTHER_COLUMN.match(normalize_label(t)) for t, r in zip(titles, roles, strict=True)
           if r is None):  # fmt: skip
        return  # a table comparing occupations: every row is another job
    context = " | ".join(t for t in (caption, footnote) if t)
    if any(r in _PAY_FIELDS for r in roles[1:] + roles[:1]):
        lines = []
        for cells in rows[1:]:
            if len(cells) != len(titles):
                continue
            others = [text_of(c, 20) for c, r in zip(cells, roles, strict=True) if r is None]
            period_cells = [text_of(c, 20) for c, t in zip(cells, titles, strict=True)
                            if _PERIOD_COLUMN.match(normalize_label(t))]  # fmt: skip
            words = " | ".join([*others, *period_cells])
            lines.append((cells, words))
        if not lines:
            return
        yearly = [line for line in lines if "year" in periods_in(line[1])]
        cells, words = (yearly or lines)[0]
        note = " | ".join(t for t in (words, context) if t)
        for cell, role, title in zip(cells, roles, titles, strict=True):
            if role in _PAY_FIELDS:
                value = clean(text_of(cell, _SMALL))
                if value and (MONEY.search(value) or BARE_AMOUNT.match(value)):
                    yield _Candidate(role, value, 0, 0, order, f"wage-table({title.lower()})",
                                     title, note)  # fmt: skip
        return
    first = [_role(text_of(r[0], 20)) if r else None for r in rows[1:]]
    if sum(1 for r in first if r in _PAY_FIELDS) >= 1 and len(titles) >= 2:
        columns = list(range(1, len(titles)))
        annual = [j for j in columns if "year" in periods_in(titles[j])]
        j = (annual or columns)[0]
        for cells, role in zip(rows[1:], first, strict=True):
            if role in _PAY_FIELDS and len(cells) > j:
                value = clean(text_of(cells[j], _SMALL))
                if value and (MONEY.search(value) or BARE_AMOUNT.match(value)):
                    label = text_of(cells[0], 20)
                    yield _Candidate(role, value, 0, 0, order, f"wage-table({label.lower()})",
                                     label, " | ".join(t for t in (titles[j], context) if t))


def _labelled_cell(el: LexborNode) -> bool:
    """`el` is (or is alone in) a table cell after its row's label cell: a value ("Career
    cluster | Education | Source"), however much its words look like a label."""
    cell = el
    for _ in range(3):
        if cell.tag in {"td", "th"}:
            break
        parent = cell.parent
        if parent is None or text_of(parent, 12) != text_of(el, 12):
            return False
        cell = parent
    if cell.tag not in {"td", "th"}:
        return False
    before: list[LexborNode] = []  # the cells before it in its row: only the row's label cell
    sib = cell.prev
    while sib is not None and len(before) < 2:
        if is_element(sib):
            before.append(sib)
        sib = sib.prev
    if len(before) != 1 or before[0].tag not in {"td", "th"}:
        return False
    return bool(match(normalize_label(text_of(before[0], 12))))


_EMPHASIS = frozenset({"strong", "b", "em", "big", "span", "mark"})


def _value_first(el: LexborNode, own: str, order: int) -> Iterable[_Candidate]:
    """A fact written value first, its label after it in the same line ("<li><strong>$52K
    </strong> typical pay</li>", "<mark>94,556</mark> – that's the employment size"), or a
    sentence that ends on its marked value ("When it comes to typical pay, it's <mark>$940
    per week</mark>.", "The workplace for a librarian is <mark>indoor</mark>.")."""
    kids = [k for k in children(el, 4)
            if not _decorative(k) and k.attributes.get("aria-hidden") != "true"]  # an icon
    if not kids or kids[0].tag not in _EMPHASIS or any(
            k.tag in BLOCK_TAGS or k.tag in HEADINGS for k in kids):  # fmt: skip
        return  # one line: a value, then its label as text (not a slide's "2/8", then h3)
    value = text_of(kids[0], 12)
    if not value or value not in own or own == value:
        return
    before, _, after = own.partition(value)
    before, after = re.sub(r"^\W+", "", before).strip(), _CONNECTOR_AFTER.sub("", after).strip(" .")
    if before and after:
        return
    if after:
        label, rule = after, "value-first"
    else:
        if _BENCHMARK.search(before):
            return  # "Across all jobs, the average is <mark>...</mark>": everyone's
        label, rule = _LEAD_IN.sub("", _LEAD_OUT.sub("", before)), "marked-sentence"
    if label and match(normalize_label(label)):
        yield from _pair(el, kids[0], order, 1, rule, allow_empty=False, label_text=label)


_RANGE_WORDS = re.compile(r"^(?:from|between|up to|at least|around|about|over|under|roughly"
                          r"|approximately|starting (?:at|from)|to)$", re.I)  # fmt: skip


def _label_then_money(el: LexborNode, own: str, order: int) -> Iterable[_Candidate]:
    """A pay label run into its amount with no colon, as a legend or a chip writes it
    ("Average earnings AUD 88k annually", "Entry £22k"): the words before the first
    amount, when they are a pay label."""
    if el.tag not in {"span", "li", "p", "div", "td", "dd", "small"} or len(own) > 80 or any(
            k.tag in BLOCK_TAGS or k.tag in HEADINGS for k in children(el, 6)):  # fmt: skip
        return  # one run of text: a heading and its value below are read as such
    money = MONEY.search(own)
    if money is None or money.start() == 0 or len(MONEY.findall(own)) > 2:
        return
    head = own[: money.start()].strip(" :–—-")
    if _RANGE_WORDS.match(head.rsplit(None, 1)[-1] if head else "") or _labelled_cell(el):
        return  # "from $40k to $80k" is a value, however its first word reads
    for scalar, spec in match(normalize_label(head)):
        if scalar.field in _PAY_FIELDS:
            ok, v = _accept(scalar, own[money.start() :], allow_empty=False)
            if ok:
                yield _Candidate(scalar.field, v, spec, 2, order, f"run-in({head.lower()})",
                                 head)  # fmt: skip


# "– that's the employment size": the label after a value, its connecting words dropped.
_CONNECTOR_AFTER = re.compile(r"^\s*(?:[–—:-]\s*)?(?:that's|that is|which is|is|are)?\s*"
                              r"(?:the|our|their|its)?\s+", re.I)  # fmt: skip
_LEAD_IN = re.compile(r"^(?:did you know\??\s*)?(?:when it comes to|as for|in terms of|on)?\s*"
                      r"(?:the|a|an|our|their)?\s*", re.I)  # fmt: skip
_LEAD_OUT = re.compile(
    r"(?:\s+(?:for|of)\s+(?:an?|the)\s+[\w' -]{2,40}?)?,?\s*(?:it's|it is|is|are|was|were"
    r"|comes to|sits at|stands at)?\s*[:–—-]?\s*$",
    re.I,
)


# A table's rows are read by the table readers, never as one value of the label before them
# (a caption "Weekly pay" over a chart's table of series).
_ROWS = frozenset({"tr", "table", "tbody", "thead", "tfoot"})


def _block(el: LexborNode, order: int) -> Iterable[_Candidate]:
    own = text_of(el, _SMALL)
    if not own or len(own) > 120:
        return
    label = normalize_label(own)
    if not match(label):
        yield from _value_first(el, own, order)
        yield from _label_then_money(el, own, order)
    if match(label) and not _labelled_cell(el):
        sib = _value_after(el)
        place = 2 if el.tag in HEADINGS else 1
        found = False
        if sib is not None and sib.tag not in _ROWS and not _nav_like(el, sib):
            for cand in _pair(el, sib, order, place, "next-to-label", allow_empty=False):
                found = True
                yield cand
        before = _caption_of(el)
        if not found and before is not None:  # a stat block: the big value, then its caption
            yield from _pair(el, before, order, 1, "caption", allow_empty=False)
        parent = el.parent
        if parent is not None and parent.tag in {"p", "li", "div", "td", "span", "dd"}:
            whole = text_of(parent, _SMALL)
            if whole.startswith(own) and len(whole) > len(own) and len(whole) <= 300:
                rest = re.sub(r"^\s*(?::\s*|[–—-]\s+)", "", whole[len(own) :])
                # "Pay: $89,010 a year; $42.79 an hour": each part its own figure.
                parts = [p.strip(" .") for p in rest.split(";") if p.strip(" .")]
                if not 2 <= len(parts) <= 6:
                    parts = [rest]
                for part in parts:
                    yield from _inline_part(part, label, own, order, several=len(parts) > 1)
    elif ":" in own and el.tag in {"li", "p", "div", "span", "td", "dd"}:
        head, _, rest = own.partition(":")
        label = normalize_label(head)
        for scalar, spec in match(label):
            ok, v = _accept(scalar, rest, allow_empty=False)
            if ok:
                yield _Candidate(scalar.field, v, spec, 2, order, f"label-colon({label})", head)


def _inline_part(
    part: str, label: str, own: str, order: int, *, several: bool
) -> Iterable[_Candidate]:
    """One part of an inline value. A part of several that opens with its own label
    ("entry level $16.79/hr; median $23.40 hourly") is that label's; else the outer one's."""
    labels = [(label, own)]
    money = MONEY.search(part) if several else None
    if money is not None and money.start() > 0:
        head = part[: money.start()].strip(" :-–—")
        own_label = normalize_label(head)
        if own_label and any(s.field in _PAY_FIELDS for s, _ in match(own_label)):
            labels, part = [(own_label, head)], part[money.start() :]
    for name, said in labels:
        for scalar, spec in match(name):
            ok, v = _accept(scalar, part, allow_empty=False)
            if ok:
                yield _Candidate(scalar.field, v, spec, 1, order, f"inline({name})", said)


_CAPTION_TAGS = frozenset(
    {"p", "span", "small", "div", "figcaption", "em", "label", "strong", "dd"}
)


def _caption_of(label: LexborNode) -> LexborNode | None:
    """The value a caption stands under: its container's only other element, before it."""
    parent = label.parent
    if label.tag not in _CAPTION_TAGS or parent is None or next_element(label) is not None:
        return None
    pair = children(parent, 3)
    if len(pair) != 2 or pair[1].mem_id != label.mem_id:
        return None
    before = text_of(pair[0], 12)
    if match(normalize_label(before)):
        return None  # "Career area | Education": a label and its value, not a caption
    return pair[0]


def _prose(el: LexborNode, order: int, raw: str) -> Iterable[_Candidate]:
    """Sentences that state pay or the growth projection without a label (a paragraph of
    inline text only: a container's glued text is no sentence)."""
    if len(raw) > 400 or any(is_element(c) and c.tag in BLOCK_TAGS for c in el.iter()):
        return
    text = text_of(el, 12)
    if fields.growth_prose_ok(text):
        yield _Candidate("growth", text, 9, 3, order, "sentence(growth)")
    pay = bool(MONEY.search(text)) and bool(periods_in(text))
    count = bool(_COUNT_WORDS.search(text))
    if not (pay or count):
        return  # the cheap look first: no sentence here states pay or a count
    for sentence in sentences(text):
        if pay and periods_in(sentence) and _pay_sentence(sentence):
            yield _Candidate("salary_median", sentence, 9, 3, order, "sentence(pay)")
        elif count and _COUNT_SENTENCE.search(sentence) and fields.count_sentence_ok(
                sentence) and not _NOT_COUNT.search(sentence):  # fmt: skip
            yield _Candidate("workers", sentence, 9, 3, order, "sentence(workers)")


# A sentence ends at . ! ? before a capital; not after an initial ("U.S. Bureau", "J. Smith").
_SENTENCE_BREAK = re.compile(r"(?<=[A-Za-z0-9%)'\"][.!?])(?<!\b[A-Z]\.)\s+(?=[A-Z(\"'])")
# A sentence that counts the people in the job ("About 33,600 people work as nurses",
# "There were about 2,674 librarians in Canada in 2023").
_COUNT_SENTENCE = re.compile(
    r"\b(?:people|workers|employees|persons)\s+(?:work|worked|are employed|were employed"
    r"|are working|were working)\b|^there (?:are|were|is) (?:about |around |approximately "
    r"|roughly |nearly |over |more than |some )?\d",
    re.I,
)
_COUNT_WORDS = re.compile(r"\b(?:people|workers|employees|persons|there (?:are|were|is))\b",
                          re.I)  # fmt: skip
_NOT_COUNT = re.compile(r"\b(?:openings?|vacanc\w*|each year|per year|a year|annually|projected"
                        r"|expected|students|courses|hours)\b", re.I)  # fmt: skip


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph ("$22.50 an hour" and "U.S." are no sentence break)."""
    return [t for t in (clean(p) for p in _SENTENCE_BREAK.split(text)) if t]


def _money_sentences(text: str) -> str:
    """Of a paragraph under a pay label, the sentences that state figures ("Hours are
    usually 37 to 40 a week." is no pay, and its period is not the pay's)."""
    parts = sentences(text)
    if len(parts) < 2:
        return text
    kept = [p for p in parts if MONEY.search(p) and (_EARNS.search(p) or _WORDED_RANGE.search(p))
            and not _BENCHMARK.search(p)]  # fmt: skip
    return " ".join(kept) if kept else text


def _nav_like(label: LexborNode, value: LexborNode) -> bool:
    """Neighbouring menu entries or tabs, not a label and its value."""
    if label.tag == value.tag and label.tag in {"li", "a", "option", "button"}:
        return True
    text = text_of(value, _SMALL)
    if not text:
        return False
    links = [n for n in within(value, _SMALL) if n.tag == "a"]
    linked = sum(len(text_of(a, _SMALL)) for a in links)
    return linked >= 0.8 * len(text)


# --- assembling fields -------------------------------------------------------------------------


def _period_of(c: _Candidate) -> str | None:
    """The one period a candidate states (in its value, else in its label or note)."""
    found = periods_in(c.value or "") or periods_in(f"{c.label} {c.note}")
    if "year" in found:
        return "year"  # "$125,770 per year $60.47 per hour": the yearly figure is read
    return next(iter(found)) if len(found) == 1 else ("?" if found else None)


_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _hidden(el: LexborNode) -> bool:
    """Inside a closed panel: `hidden`, `aria-hidden`, or `display: none` on an ancestor."""
    node: LexborNode | None = el
    for _ in range(40):
        if node is None:
            return False
        attrs = node.attributes
        if "hidden" in attrs or attrs.get("aria-hidden") == "true" or _DISPLAY_NONE.search(
            attrs.get("style") or ""
        ):
            return True
        node = node.parent
    return False


def _hidden_at(page: PageIndex, order: int) -> bool:
    return 0 <= order < len(page.elements) and _hidden(page.elements[order])


def _put_salary(cands: list[_Candidate], page: PageIndex, d: Draft) -> None:
    """The pay of one period (yearly when shown) from the pay candidates of the page.

    A range ("$40,000 - $65,000", "between £21,000 and £38,000 a year") goes, as written,
    to both `salary_low` and `salary_high` when the page names no low and high of their
    own: transform reads the low end from the one and the high end from the other, with
    the period and currency the range states once for both.
    """
    if not cands:
        return
    periods = {id(c): _period_of(c) for c in cands}
    stated = {p for p in periods.values() if p not in (None, "?")}
    if "year" in stated or not stated:
        wanted: set[str | None] = {"year", None}
    else:
        # No yearly figure: the period the page shows, not one in a closed tab or panel.
        first = min((c for c in cands if periods[id(c)] in stated),
                    key=lambda c: (_hidden_at(page, c.order), c.key()))  # fmt: skip
        wanted = {periods[id(first)]}
    group = [c for c in cands if periods[id(c)] in wanted]

    def best(field: str, *, ranged: bool | None = None) -> _Candidate | None:
        pool = [
            c for c in group
            if c.field == field and (ranged is None or _is_range(c.value) == ranged)
        ]  # fmt: skip
        return min(pool, key=lambda c: c.key()) if pool else None

    median = best("salary_median", ranged=False)
    low, high = best("salary_low"), best("salary_high")
    spread = best("salary_median", ranged=True) if low is None and high is None else None
    if median is None and spread is None and low is None and high is None:
        return
    chosen = [c for c in (median, low, high, spread) if c is not None]
    rule = "+".join(c.rule for c in chosen)
    if median is not None:
        d.put("salary_median", median.value, median.rule)
    if spread is not None:
        d.put("salary_low", spread.value, spread.rule + ".range")
        d.put("salary_high", spread.value, spread.rule + ".range")
    for cand in (low, high):
        if cand is not None:
            d.put(cand.field, cand.value, cand.rule)
    d.put("salary_text", _text(cands), rule)
    d.put("salary_context", _context(chosen, page), rule)


_SPREAD = re.compile(
    rf"(?:{MONEY.pattern})(?:\s+[A-Za-z]+){{0,3}}?\s*(?:[-–—]|\bto\b|\band\b)\s*"
    rf"(?:[A-Za-z]{{1,3}}(?=\$))?(?:{MONEY.pattern})",
    re.I,
)  # "£14,000 Starter to £30,000 Experienced" too
# A range in words: where pay starts, then where it rises to ("Starting around £24,000,
# rising to £40,000 with experience", "New entrants can expect $900 a week; with experience
# this can rise to $1,400", "Salaries start at £X and can reach £Y").
_WORDED_RANGE = re.compile(
    rf"\b(?:start\w*|from|new entrants?|starters?|entry[- ]level|beginners?|graduates?"
    rf"|trainees?|juniors?)\b[^.;]{{0,60}}?(?:{MONEY.pattern})[^.]{{0,80}}?\b(?:ris\w* to"
    rf"|increas\w* to|go(?:es)? up to|grow\w* to|climb\w* to|reach\w*|up to|to)\s+(?:about"
    rf" |around |as much as |over |more than )?(?:[A-Za-z]{{1,3}}(?=\$))?(?:{MONEY.pattern})",
    re.I,
)


def _is_range(value: str | None) -> bool:
    """Two amounts joined as a range ("$40,000 - $65,000", "between £21k and £38k"); not two
    figures of two periods ("$125,770 per year $60.47 per hour")."""
    text = value or ""
    return len(MONEY.findall(text)) == 2 and bool(
        _SPREAD.search(text) or _WORDED_RANGE.search(text)
    )


def _text(cands: list[_Candidate]) -> str | None:
    """The pay the page shows, one figure per field and period ("Hourly: $30 | Annual: ...")."""
    best: dict[tuple[str, str | None], _Candidate] = {}
    for c in cands:
        slot = (c.field, _period_of(c))
        if c.value and (slot not in best or c.key() < best[slot].key()):
            best[slot] = c
    parts = dict.fromkeys(
        f"{c.label.rstrip(' :')}: {c.value}" if c.label and c.place < 3 else c.value or ""
        for c in sorted(best.values(), key=lambda c: c.order)
    )
    return " | ".join(p for p in parts if p) or None


def _context(chosen: list[_Candidate], page: PageIndex) -> str | None:
    words = [w for c in chosen for w in (c.label, c.note) if w]
    words += list(pay_statements(page))
    return " | ".join(dict.fromkeys(words)) or None


def pay_statements(page: PageIndex) -> Iterator[str]:
    """Short sentences about every pay figure of the page: "Wages are in Australian dollars",
    "* Figures are weekly earnings before tax"."""
    found = 0
    for i, el in enumerate(page.elements):
        # (up to 30 elements: a converted PDF writes each gap between words as a span)
        if page.noisy[i] or page.sizes[i] > 30 or el.tag not in {"p", "small", "span", "div",
                                                                "caption", "figcaption", "li"}:
            continue  # fmt: skip
        raw = el.text()
        if not 10 <= len(raw) <= 200 or not _ABOUT_PAY.search(raw):  # the cheap look first
            continue
        text = text_of(el, 30)
        statement = _ABOUT_PAY.search(text) and _STATEMENT.search(text)
        if 10 <= len(text) <= 160 and statement and not MONEY.search(text):
            yield text
            found += 1
            if found >= 3:
                return


def _put_growth(best: dict[str, _Candidate], d: Draft) -> None:
    """A percent or category to `growth` (with a label that states years), a rating to
    `outlook`: a page may show both ("Job prospects: Good", "Projected growth: 5%")."""
    g, o = best.get("growth"), best.get("outlook")
    if g is not None:
        d.put("growth", g.value, g.rule)
        context = clean(f"{g.label} {g.note}")
        if g.value and re.search(r"(19|20)\d\d", context):
            d.put("growth_context", context, g.rule)
    if o is not None:
        d.put("outlook", o.value, o.rule)


def _split_growth(cands: Iterable[_Candidate]) -> Iterator[_Candidate]:
    """Growth candidates whose value is a site's rating become `outlook` candidates."""
    for c in cands:
        if c.field == "growth" and c.value and rating_ok(c.value):
            yield _Candidate("outlook", c.value, c.spec, c.place, c.order, c.rule, c.label, c.note)
        else:
            yield c
