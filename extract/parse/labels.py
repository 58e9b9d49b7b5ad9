"""Label-based extraction for pages no template knows: values beside labels.

A *label* is a short piece of text that names a field ("Median pay",
"Job outlook", "Number of jobs", "Education", "Skills", ...). Values are looked
for where pages put them: the other cell of a two-cell table row, the column of
a one-row table, the `<dd>` of a `<dt>`, the element right after a label or a
heading, the rest of a "Label: value" line. Lists (duties, skills) are the
items, or bold lead-ins, of the section under a heading.

Nothing here is tuned to one site: each field has label patterns (ordered
specific to generic) and a value check (a salary shows money, an outlook a
percent or a growth phrase, a worker count a number, an education a short
phrase). A value that fails its check is not a value, which keeps help texts
and prose paragraphs out. Ties go to the more specific label, then to the
more structured place, then to the first on the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from extract.parse.draft import Draft
from extract.parse.text import clean, leadin, next_element, text_of
from extract.records import RawCareer

NAME = "labels"
VERSION = "1"

_HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LABEL_TAGS = frozenset(
    {"th", "td", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "label", "span",
     "p", "div", "li", "em", "legend", "caption"}
)  # fmt: skip
_MONEY = re.compile(
    r"(?:[$£€¥₹]|\b(?:USD|GBP|EUR|CAD|AUD|INR|NZD|CHF)\b)\s?\d"
    r"|\d[\d,.]*\s?[kK]\b|\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b"
)
_PLACEHOLDER = re.compile(
    r"^(see\b.*|n/?a|not available|not applicable|unknown|varies|none listed|tbd|[-—–]+|\?)$", re.I
)
_GROWTH = re.compile(
    r"\d\s*(%|percent\b)|faster|slower|as fast as|average|declin|little or no change|\bgrow"
    r"|increas|decreas|stable|shrink|^(very )?(strong|good|fair|moderate|limited|weak|poor)$",
    re.I,
)
_COUNT = re.compile(
    r"^(?:about|approximately|approx\.?|around|over|more than|nearly|almost|some|~)?\s*"
    r"\d[\d,.]*\s*(?:k|m|mn|million|thousand|b|bn|billion)?\+?(?:\s+(?:jobs|workers|people|"
    r"employed|employees))?$",
    re.I,
)
_YEAR = re.compile(r"^(19|20)\d\d$")
# Cheap first look: words every scalar label pattern below contains one of.
_KEYWORDS = re.compile(
    r"pay|salar|wage|earn|income|compens|median|average|avg|mean|typical|starter|starting|entry"
    r"|low|min|from|new entrant|experienced|high|max|top|senior|up to|outlook|growth|change"
    r"|demand|jobs|worker|employ|workforce|educat|degree|qualif|environment|setting|workplace"
    r"|weekly|monthly|hourly|prospect|future"
    r"|categor|cluster|career|sector|industry|family|group",
    re.I,
)


def _pattern(*alternatives: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(a) for a in alternatives)


@dataclass(frozen=True, slots=True)
class _Scalar:
    field: str
    labels: tuple[re.Pattern[str], ...]  # full-match against a normalized label, best first
    accept: Callable[[str], bool]
    max_len: int


def _salary_ok(v: str) -> bool:
    return bool(_MONEY.search(v)) and len(_MONEY.findall(v)) <= 2


def _growth_ok(v: str) -> bool:
    return bool(_GROWTH.search(v)) and len(v.split()) <= 10


def _count_ok(v: str) -> bool:
    return bool(_COUNT.match(v)) and not _YEAR.match(v) and "%" not in v


def _education_ok(v: str) -> bool:
    words = len(v.split())
    prose = words > 16 or (words > 8 and v.endswith("."))
    return not _MONEY.search(v) and len(v) >= 2 and not prose and "%" not in v


def _short_ok(v: str) -> bool:
    return len(v.split()) <= 8 and not (len(v.split()) > 5 and v.endswith("."))


_MEDIAN = _pattern(
    r"(median|average|avg|typical|mean)( annual| yearly| hourly| weekly| monthly| base)? "
    r"(pay|salary|wages?|earnings|income)( range)?",
    r"(annual|yearly|hourly|weekly|monthly|base|estimated) (salary|pay|wages?|earnings)",
    r"median|average",
    r"(salary|pay|wage) range|salary|pay|wages?|earnings|compensation|income",
)
_LOW = _pattern(
    r"(starter|starting|entry[- ]level|low|lowest|minimum|min)( salary| pay| wages?)?",
    r"salary from|from|low end|new entrants?",
)
_HIGH = _pattern(
    r"(experienced|high|highest|maximum|max|top|senior)( salary| pay| wages?)?",
    r"salary to|up to|high end",
)
_SCALARS: tuple[_Scalar, ...] = (
    _Scalar("salary_median", _MEDIAN, _salary_ok, 120),
    _Scalar("salary_low", _LOW, _salary_ok, 60),
    _Scalar("salary_high", _HIGH, _salary_ok, 60),
    _Scalar(
        "growth",
        _pattern(
            r"(job|employment|career|occupational) (outlook|growth)( rate)?",
            r"(10|ten)[- ]year (growth|outlook|change)|projected (growth|change)( rate)?"
            r"|growth( rate| outlook)?",
            r"outlook|future (demand|growth)|demand|(job |employment )?prospects",
        ),
        _growth_ok,
        80,
    ),
    _Scalar(
        "workers",
        _pattern(
            r"number of (jobs|workers|people employed|employees|people in (this|the) job)",
            r"((us|u\.s\.|uk|total|current) )?(workers|employment|jobs)|people employed"
            r"|number employed|workforce|employed|employees|employment (size|level)",
        ),
        _count_ok,
        40,
    ),
    _Scalar(
        "education",
        _pattern(
            r"(typical |minimum |required )?(entry[- ]level )?education"
            r"( level| required| requirements?| needed)?",
            r"education and training|educational requirements?|degree( required| level)?"
            r"|qualifications?( required| needed)?|minimum qualifications?",
        ),
        _education_ok,
        120,
    ),
    _Scalar(
        "environment",
        _pattern(r"(work(ing)? )?environment|work setting|workplace"),
        _short_ok,
        60,
    ),
    _Scalar(
        "category",
        _pattern(
            r"category|career (cluster|area|field)|sector|industry|job family|occupation group"
        ),
        _short_ok,
        60,
    ),
)

_DUTIES = _pattern(
    r"(main |key |typical |job |daily )?duties( and (responsibilities|tasks))?"
    r"|tasks and (duties|responsibilities)",
    r"day[- ]to[- ]day( tasks| duties| activities)?|(main |key |typical |daily )?tasks"
    r"|(key |main )?responsibilities",
    r"what (they|you|you'll|you will|you'd) (actually )?do|what the job involves"
    r"|what .{1,40} do|a day in the life|role",
)
_SKILLS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("technical_skills", re.compile(
        r"(tools|technical|hard|digital)( (&|and) (technical|tech|technology))?( skills)?"
        r"|tools( (&|and) technology)?|technology|software|tech stack|technical skills"
    )),
    ("people_skills", re.compile(
        r"(important |key |personal )?qualities|(people|soft|interpersonal|personal)"
        r"( (&|and) mindset)? skills|skills and knowledge|(key |core |essential |required )?"
        r"skills( required| needed| and abilities)?|required skills|what it takes"
        r"|competenc(ies|e)|abilities"
    )),
)  # fmt: skip
_DUTY_INTRO = re.compile(
    r"\b(do|perform|duties|tasks|responsibilit\w*|could be|will|you'll|include)\b", re.I
)
_NOT_DUTY_INTRO = re.compile(r"\b(types of|examples of|such as|kinds of)\b", re.I)


def normalize_label(text: str) -> str:
    """ "2024 Median Pay" -> "median pay", "Job Outlook, 2024–34:" -> "job outlook"."""
    s = clean(text).lower()
    s = re.sub(r"\(.*?\)", " ", s)
    s = re.sub(r"^(19|20)\d\d\s+", "", s)
    s = re.sub(r"[,\s]+(in\s+)?(19|20)\d\d(\s*[-–—]\s*(19|20)?\d\d)?\s*$", "", s)
    s = re.sub(r"[\s:.\-–—*]+$", "", s)
    s = s.replace("’", "'").replace("&", " and ")
    return clean(s)


@dataclass(frozen=True, slots=True)
class _Candidate:
    field: str
    value: str | None  # None: the label is there, its value cell is empty
    spec: int  # index of the label pattern that matched (lower = more specific)
    place: int  # 0 table/dl, 1 label/value block, 2 heading or "Label: value" line
    order: int  # position on the page
    rule: str


class LabelReader:
    """Reads any page by its labels; also the field-level fallback of the templates."""

    name = NAME
    version = VERSION

    def matches(self, tree: LexborHTMLParser, url: str) -> bool:
        return True

    def parse(self, tree: LexborHTMLParser, url: str) -> RawCareer:
        return read(tree, url)


PARSER = LabelReader()


def read(tree: LexborHTMLParser, url: str) -> RawCareer:
    """Everything the labels of the page give (title may be "" when the page has none)."""
    d = Draft(f"{NAME}/{VERSION}")
    body = tree.body
    elements = list(body.traverse()) if body is not None else []
    best: dict[str, _Candidate] = {}
    for cand in _unrepeated(list(_candidates(elements))):
        old = best.get(cand.field)
        if old is None or (cand.spec, cand.place, cand.order) < (old.spec, old.place, old.order):
            best[cand.field] = cand
    _put_salary(best, d)
    for field in ("growth", "workers", "education", "environment", "category"):
        if field in best:
            d.put(field, best[field].value, best[field].rule)
    if "category" not in best:
        _breadcrumb_category(tree, d) or _link_trail_category(tree, url, d)
    _lists(elements, d)
    _summary(tree, d)
    return d.career(url, _title(tree))


def _unrepeated(cands: list[_Candidate]) -> list[_Candidate]:
    """Drop labels that repeat with different values: cards of other jobs (similar
    occupations, vacancies, "Wage: ..." per listing) are not this career's facts."""
    values: dict[tuple[str, str], set[str | None]] = {}
    for c in cands:
        values.setdefault((c.field, c.rule), set()).add(c.value)
    return [c for c in cands if len(values[(c.field, c.rule)]) == 1]


def evidence(career: RawCareer) -> int:
    """How many career facts a page showed (salary, growth, workers, education, duties, skills)."""
    facts = (
        career.salary_median or career.salary_low or career.salary_high,
        career.growth,
        career.workers,
        career.education,
        career.duties,
        career.technical_skills or career.people_skills,
    )
    return sum(1 for f in facts if f)


def _put_salary(best: dict[str, _Candidate], d: Draft) -> None:
    parts = [best[f] for f in ("salary_low", "salary_median", "salary_high") if f in best]
    if not parts:
        return
    median = best.get("salary_median")
    low, high = best.get("salary_low"), best.get("salary_high")
    if median is not None and median.value and low is None and high is None:
        split = _split_range(median.value)
        if split is not None:
            d.put("salary_low", split[0], median.rule + ".range-low")
            d.put("salary_high", split[1], median.rule + ".range-high")
            d.put("salary_median", None, median.rule + ".range")
            d.put("salary_text", median.value, median.rule)
            return
    for cand in parts:
        d.put(cand.field, cand.value, cand.rule)
    text = " ".join(c.value for c in parts if c.value)
    d.put("salary_text", text or None, "+".join(c.rule for c in parts))


_RANGE = re.compile(r"^(.*?\d.*?)\s*(?:\bto\b|[-–—]|\band\b)\s*(.*?\d.*)$", re.I)


def _split_range(value: str) -> tuple[str, str] | None:
    """ "£14,000 Starter to £30,000 Experienced" -> ("£14,000 Starter", "£30,000 Experienced")."""
    if len(_MONEY.findall(value)) != 2:
        return None
    m = _RANGE.match(value)
    if m is None or not _MONEY.search(m.group(1)) or not _MONEY.search(m.group(2)):
        return None
    return clean(m.group(1)), clean(m.group(2))


def _match(label: str) -> Iterable[tuple[_Scalar, int]]:
    if not label or len(label) > 50:
        return
    for scalar in _SCALARS:
        for i, pat in enumerate(scalar.labels):
            if pat.fullmatch(label):
                yield scalar, i
                break


def _value(scalar: _Scalar, raw: str, *, allow_empty: bool) -> tuple[bool, str | None]:
    """(usable, value): an empty or placeholder value counts only where `allow_empty`."""
    v = clean(raw)
    if not v or _PLACEHOLDER.match(v):
        return allow_empty, None
    if len(v) > scalar.max_len or not scalar.accept(v):
        return False, None
    return True, v


def _subtree_sizes(elements: list[LexborNode]) -> dict[int, int]:
    """Elements under each element (itself included), in one pass over document order."""
    size = {el.mem_id: 1 for el in elements}
    for el in reversed(elements):
        parent = el.parent
        if parent is not None and parent.mem_id in size:
            size[parent.mem_id] += size[el.mem_id]
    return size


def _candidates(elements: list[LexborNode]) -> Iterable[_Candidate]:
    sizes = _subtree_sizes(elements)
    for order, el in enumerate(elements):
        if sizes[el.mem_id] > _SMALL and el.tag not in {"tr", "table"}:
            continue
        tag = el.tag
        if tag == "tr":
            yield from _row(el, order)
        elif tag == "table":
            yield from _one_row_table(el, order)
        elif tag == "dt":
            dd = next_element(el)
            if dd is not None and dd.tag == "dd":
                yield from _pair(el, dd, order, 0, "dl", allow_empty=True)
        elif tag in _LABEL_TAGS:
            raw = el.text()
            if len(raw) > 160 or not _KEYWORDS.search(raw):
                continue
            yield from _block(el, order)


def _pair(
    label_el: LexborNode,
    value_el: LexborNode,
    order: int,
    place: int,
    rule: str,
    *,
    allow_empty: bool,
) -> Iterable[_Candidate]:
    label = normalize_label(text_of(label_el, _SMALL))
    for scalar, spec in _match(label):
        ok, v = _value(scalar, text_of(value_el, _SMALL), allow_empty=allow_empty)
        if ok:
            yield _Candidate(scalar.field, v, spec, place, order, f"{rule}({label})")


def _row(tr: LexborNode, order: int) -> Iterable[_Candidate]:
    cells = [c for c in tr.iter() if c.tag in {"th", "td"}]
    if len(cells) == 2:
        yield from _pair(cells[0], cells[1], order, 0, "table-row", allow_empty=True)


def _one_row_table(table: LexborNode, order: int) -> Iterable[_Candidate]:
    rows = table.css("tr")
    if len(rows) != 2:
        return
    head = [c for c in rows[0].iter() if c.tag in {"th", "td"}]
    data = [c for c in rows[1].iter() if c.tag in {"th", "td"}]
    if len(head) < 3 or len(head) != len(data) or any(c.tag != "th" for c in head):
        return
    for h, v in zip(head, data, strict=True):
        yield from _pair(h, v, order, 0, "table-column", allow_empty=False)


_SMALL = 80  # nodes: bigger elements are neither labels nor values


def _block(el: LexborNode, order: int) -> Iterable[_Candidate]:
    own = text_of(el, _SMALL)
    if not own or len(own) > 120:
        return
    label = normalize_label(own)
    if any(True for _ in _match(label)):
        sib = next_element(el)
        if sib is not None and sib.tag not in {"tr", "table"} and not _nav_like(el, sib):
            place = 2 if el.tag in _HEADING_LEVEL else 1
            yield from _pair(el, sib, order, place, "next-to-label", allow_empty=False)
        parent = el.parent
        if parent is not None and parent.tag in {"p", "li", "div", "td", "span", "dd"}:
            whole = text_of(parent, _SMALL)
            if whole.startswith(own) and len(whole) > len(own) and len(whole) <= 160:
                rest = whole[len(own) :].lstrip(" :–—-")
                for scalar, spec in _match(label):
                    ok, v = _value(scalar, rest, allow_empty=False)
                    if ok:
                        yield _Candidate(scalar.field, v, spec, 1, order, f"inline({label})")
    elif ":" in own and el.tag in {"li", "p", "div", "span", "td", "dd"}:
        head, _, rest = own.partition(":")
        label = normalize_label(head)
        for scalar, spec in _match(label):
            ok, v = _value(scalar, rest, allow_empty=False)
            if ok:
                yield _Candidate(scalar.field, v, spec, 2, order, f"label-colon({label})")


def _nav_like(label: LexborNode, value: LexborNode) -> bool:
    """Neighbouring menu entries or tabs, not a label and its value."""
    if label.tag == value.tag and label.tag in {"li", "a", "option", "button"}:
        return True
    text = text_of(value)
    linked = sum(len(text_of(a)) for a in value.css("a"))
    return bool(text) and linked >= 0.8 * len(text)


def _title(tree: LexborHTMLParser) -> str:
    h1 = tree.css_first("h1")
    if h1 is not None and text_of(h1):
        return text_of(h1)
    og = tree.css_first('meta[property="og:title"]')
    if og is not None and clean(og.attributes.get("content")):
        return clean(og.attributes.get("content"))
    title = tree.css_first("title")
    if title is not None:
        return re.split(r"\s+[|–—:-]\s+", text_of(title))[0]
    return ""


def _summary(tree: LexborHTMLParser, d: Draft) -> None:
    for sel, rule in (
        ('meta[name="description"]', "meta-description"),
        ('meta[property="og:description"]', "meta-og-description"),
    ):
        meta = tree.css_first(sel)
        if meta is not None and clean(meta.attributes.get("content")):
            d.put("summary", clean(meta.attributes.get("content")), rule)
            return


def _breadcrumb_category(tree: LexborHTMLParser, d: Draft) -> bool:
    title = _title(tree).lower()
    for sel in ('[aria-label*="readcrumb"] li', '[class*="readcrumb"] li', '[id*="readcrumb"] li'):
        items = [text_of(li) for li in tree.css(sel)]
        items = [t for t in items[1:] if t and t.lower() != title and len(t) <= 60]
        if items:
            d.put("category", items[-1], "breadcrumb")
            return True
    return False


def _link_trail_category(tree: LexborHTMLParser, url: str, d: Draft) -> bool:
    """A breadcrumb known by its shape, not its class: a list of links that starts at the
    site's root and ends at a page in this page's own folder (its section's home)."""
    folder = urlsplit(url).path.rsplit("/", 1)[0] + "/"
    for trail in tree.css("ul, ol"):
        links = [a for li in trail.css("li") for a in li.css("a")[:1]]
        if not 3 <= len(links) <= 8 or len(links) != len(trail.css("li")):
            continue
        paths = [urlsplit(urljoin(url, a.attributes.get("href") or "")).path for a in links]
        last = paths[-1]
        if paths[0] != "/" or last == urlsplit(url).path or not last.startswith(folder):
            continue
        name = text_of(links[-1])
        if name and len(name) <= 60:
            d.put("category", name, "link-trail")
            return True
    return False


def _section(head: LexborNode) -> list[LexborNode]:
    """The elements under a heading: its next siblings up to the next heading as high."""
    level = _HEADING_LEVEL.get(head.tag or "", 7)
    anchor = head
    while next_element(anchor) is None and anchor.parent is not None:
        anchor = anchor.parent  # a heading wrapped alone in a div
    out: list[LexborNode] = []
    node = next_element(anchor)
    while node is not None:
        lvl = _HEADING_LEVEL.get(node.tag or "")
        if lvl is not None and lvl <= level:
            break
        out.append(node)
        node = next_element(node)
    return out


def _lists(elements: list[LexborNode], d: Draft) -> None:
    heads = [el for el in elements if el.tag in _HEADING_LEVEL or el.tag == "dt"]
    duties = _best_list(heads, _DUTIES, _duty_items)
    if duties is not None:
        d.put("duties", duties[0], duties[1])
    for field, pat in _SKILLS:
        found = _best_list(heads, (pat,), _skill_items)
        if found is not None:
            d.put(field, found[0], found[1])


def _best_list(
    heads: list[LexborNode],
    patterns: tuple[re.Pattern[str], ...],
    items_of: Callable[[list[LexborNode]], tuple[str, ...]],
) -> tuple[tuple[str, ...], str] | None:
    labelled = [(h, normalize_label(text_of(h))) for h in heads]
    for pat in patterns:
        for head, label in labelled:
            if label and len(label) <= 50 and pat.fullmatch(label):
                section = _section(head) if head.tag != "dt" else _dd_of(head)
                items = items_of(section)
                if items:
                    return items, f"section({label})"
    return None


def _dd_of(dt: LexborNode) -> list[LexborNode]:
    dd = next_element(dt)
    return [dd] if dd is not None and dd.tag == "dd" else []


def _lists_in(section: list[LexborNode]) -> list[LexborNode]:
    out: list[LexborNode] = []
    for node in section:
        if node.tag in {"ul", "ol"}:
            out.append(node)
        else:
            out.extend(node.css("ul, ol"))
    nested = {sub.mem_id for lst in out for sub in lst.css("ul, ol") if sub.mem_id != lst.mem_id}
    return [lst for lst in out if lst.mem_id not in nested]


def _items(lst: LexborNode) -> list[str]:
    """Text of the list's own items (a nested list is part of its item, not more items)."""
    out = []
    for li in lst.iter():
        if li.tag != "li":
            continue
        text = text_of(li)
        links = sum(len(text_of(a)) for a in li.css("a"))
        if text and links < 0.8 * len(text):
            out.append(text)
    return out


def _duty_items(section: list[LexborNode]) -> tuple[str, ...]:
    lists = _lists_in(section)
    if not lists:
        return ()
    chosen = []
    for lst in lists:
        intro = lst.prev
        while intro is not None and (intro.tag or "").startswith("-"):
            intro = intro.prev
        said = text_of(intro) if intro is not None and intro.tag == "p" else ""
        if said and _DUTY_INTRO.search(said) and not _NOT_DUTY_INTRO.search(said):
            chosen.append(lst)
    picked = chosen or lists[:1]
    return tuple(t for lst in picked for t in _items(lst))


def _skill_items(section: list[LexborNode]) -> tuple[str, ...]:
    items = [t for lst in _lists_in(section) for t in _items(lst)]
    if items:
        return tuple(items)
    leads = [
        lead
        for node in section
        for p in ([node] if node.tag == "p" else node.css("p"))
        if (lead := leadin(p))
    ]
    return tuple(leads)
