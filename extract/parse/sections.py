"""Lists under labels: duties and skills, in whatever markup a site gives them.

A *list label* is a short element whose text names a list ("What you'll do",
"In this role you will:", "Responsibilities", "Tasks", "Skills", "Tools and
technology", "Personal qualities"): a heading, a `<dt>`, an accordion's
`<summary>`, a tab or button that controls a panel, a panel's `aria-labelledby`
label, or a bold line ending in a colon. Its *section* is where the list lives:
the `<dd>`s of a `<dt>`, the rest of a `<details>`, the controlled panel (hidden
or not), or the siblings after the label up to the next heading.

The items of a section are the items of its first-level `ul`/`ol` lists; failing
those, the bold lead-ins of its paragraphs ("Analytical skills.", skills only),
the lines of a paragraph split by `<br>` (bullet characters dropped), items
numbered inside one paragraph ("1) ... 2) ...", duties), one comma-separated
line of short phrases (skills), a run of alike short children (`div`s, `span`
chips, `p`s, `dd`s, links), or a section's one short phrase (a list of one chip). Every text is
read with a node budget, so a hostile page stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice, pairwise

from selectolax.lexbor import LexborNode

from extract.parse.fields import (
    DUTY_INTRO,
    NOT_DUTY_INTRO,
    PLACEHOLDER,
    list_field,
    normalize_label,
)
from extract.parse.page import HEADINGS, PageIndex, wrapped_heading
from extract.parse.text import children, clean, is_element, leadin, next_element, text_of

_LABEL_TAGS = frozenset({"p", "div", "span", "strong", "b", "label", "legend", "caption", "th"})
_ITEM_TAGS = frozenset({"div", "span", "p", "a", "li", "dd", "button", "article", "strong"})
_ITEM_BUDGET = 60  # nodes in one item
_SECTION_BUDGET = 1000  # nodes looked at under one label
_MAX_TRIES = 40  # sections whose items are read on one page (a career page has a dozen)
_MAX_SOURCES = 500  # list labels looked at on one page (a career page has a dozen)
# Cheap first look: words every list label pattern contains one of.
_LIST_WORDS = re.compile(
    r"\b(?:dut|task|responsib|skill|qualit|knowledge|tool|technolog|software|equipment|do\b"
    r"|involve|role|abilit|competen|need|takes|suitab|day|what|stack|behavio"
    r"|you (?:will|could|might))",
    re.I,
)


_SENTENCE_SPEC = 50  # a list named by its own sentence yields to any labelled list


@dataclass(frozen=True, slots=True)
class ListSource:
    field: str  # duties | technical_skills | people_skills | tools
    spec: int
    order: int
    label: str  # normalized
    section: tuple[LexborNode, ...]


def sources(index: PageIndex, subject: str = "") -> Iterator[ListSource]:
    """Every list label of the page with its section, in document order (at most
    _MAX_SOURCES: a hostile page of 40,000 headings costs no more than a real one).
    `subject` is the page's occupation: of a section that lists several ("Job duties",
    then a sub-heading and a list per career compared), its own part is the section."""
    yield from islice(_sources(index, subject), _MAX_SOURCES)


def _sources(index: PageIndex, subject: str) -> Iterator[ListSource]:
    for order, el in enumerate(index.elements):
        if index.noisy[order] or index.sizes[order] > 12:
            continue
        tag = el.tag or ""
        raw = el.text()
        if len(raw) > 120 or not _LIST_WORDS.search(raw):
            continue  # the cheap look first: a long text or no list word is no list label
        attrs = el.attributes
        if tag == "dt" or tag == "summary" or tag in HEADINGS or attrs.get("aria-controls"):
            pass
        elif tag in _LABEL_TAGS or attrs.get("role") in {"heading", "tab"}:
            if el.css_first("a") is not None or not _standalone(el):
                continue
        else:
            continue
        raw = text_of(el, 12)
        if not raw or len(raw) > 70 or not _LIST_WORDS.search(raw):
            continue
        label = normalize_label(raw)
        found = list_field(label)
        if found is None:
            continue
        section = _subject_part(_section_of(el, index), subject)
        if section:
            yield ListSource(found[0], found[1], order, label, tuple(section))
    for order, el in enumerate(index.elements):  # "You'll need patience, empathy and ..."
        if el.tag == "p" and not index.noisy[order] and SKILL_LEAD.match(text_of(el, 12)):
            yield ListSource("people_skills", _SENTENCE_SPEC, order, "sentence", (el,))
    for order, el in enumerate(index.elements):  # panels named by the element they cite
        ref = el.attributes.get("aria-labelledby")
        if not ref or index.noise(el):
            continue
        label_el = index.by_id.get(ref.split()[0])
        if label_el is None:
            continue
        label = normalize_label(text_of(label_el, 12))
        found = list_field(label)
        if found is not None:
            yield ListSource(found[0], found[1], order, label, (el,))


def _subject_part(section: list[LexborNode], subject: str) -> list[LexborNode]:
    """The part of `section` under the one sub-heading that names `subject` ("School
    counselor" beside "Special education teacher"); the whole section otherwise."""
    name = normalize_label(subject)
    if not name or not section:
        return section
    heads: list[LexborNode] = []
    seen = 0
    for node in section:
        for sub in node.traverse():
            seen += 1
            if seen > _SECTION_BUDGET:
                return section
            if sub.tag in HEADINGS:
                heads.append(sub)
    if len(heads) < 2:
        return section
    named = [h for h in heads if normalize_label(text_of(h, 12)) in {name, f"{name}s"}]
    return (_following(named[0]) or section) if len(named) == 1 else section


def sections_for(el: LexborNode, index: PageIndex) -> list[LexborNode]:
    """Where the list named by label element `el` lives (see the module doc)."""
    return _section_of(el, index)


def _standalone(el: LexborNode) -> bool:
    """A label on its own line, not the bold lead-in of a paragraph ("<b>Tools.</b> ...")."""
    if el.tag not in {"strong", "b", "span", "label"}:
        return True
    parent = el.parent
    return parent is None or text_of(parent, 12) == text_of(el, 12)


def _section_of(el: LexborNode, index: PageIndex) -> list[LexborNode]:
    tag = el.tag or ""
    target = el.attributes.get("aria-controls")
    if target:
        panel = index.by_id.get(target.split()[0])
        return [panel] if panel is not None else []
    if tag == "dt":
        out = []
        node = next_element(el)
        while node is not None and node.tag == "dd":
            out.append(node)
            node = next_element(node)
        return out
    if tag == "summary":
        details = el.parent
        if details is None:
            return []
        return [c for c in children(details, 50) if c.tag != "summary"]
    return _following(el)


def _following(head: LexborNode) -> list[LexborNode]:
    """The siblings after a label, up to the next heading as high (or the next label)."""
    level = HEADINGS.get(head.tag or "", 7)
    parent = head.parent
    if parent is not None and parent.tag in _LINE_BOXES and _text_after(head):
        return [parent]  # "<td><h3>Tasks</h3>&bull; Fit pipes<br>&bull; Fix leaks</td>"
    anchor = head
    for _ in range(3):  # a label wrapped alone in a div or a p (beside a permalink icon)
        if _worded_after(anchor) or anchor.parent is None:
            break
        anchor = anchor.parent
    out: list[LexborNode] = []
    node = next_element(anchor)
    while node is not None and len(out) < 200:
        lvl = HEADINGS.get(node.tag or "") or wrapped_heading(node)
        if lvl is not None and lvl <= level:
            break
        if level == 7 and (lvl is not None or _is_list_label(node)):
            break
        out.append(node)
        node = next_element(node)
    return out


def _text_after(head: LexborNode) -> bool:
    """Whether lines of bare text follow the heading in its box, broken by `<br>`s."""
    node, breaks, text = head.next, 0, False
    while node is not None and breaks < 3:
        if node.tag == "-text":
            text = text or bool((node.text_content or "").strip())
        elif node.tag == "br":
            breaks += 1
        elif is_element(node) and node.tag not in {"b", "strong", "em", "i", "span", "a"}:
            return False
        node = node.next
    return text and breaks > 0


def _worded_after(node: LexborNode) -> bool:
    """Whether a sibling after `node` shows words (a permalink's icon, a spacer do not)."""
    sib = next_element(node)
    while sib is not None:
        if (sib.text(deep=True) or "").strip():
            return True
        sib = next_element(sib)
    return False


def _is_list_label(node: LexborNode) -> bool:
    if node.tag not in _LABEL_TAGS:
        return False
    raw = text_of(node, 6)
    return bool(raw) and len(raw) <= 70 and list_field(normalize_label(raw)) is not None


def _lists_in(section: Iterable[LexborNode]) -> list[LexborNode]:
    """First-level ul/ol lists in the section (a list inside a list is part of its item)."""
    out: list[LexborNode] = []
    seen = 0
    for node in section:
        if node.tag in {"ul", "ol"}:
            out.append(node)
            continue
        for sub in node.traverse():
            seen += 1
            if seen > _SECTION_BUDGET:
                break
            if sub.tag in {"ul", "ol"}:
                out.append(sub)
    top: list[LexborNode] = []
    for lst in out:
        parent, inner = lst.parent, False
        for _ in range(30):
            if parent is None:
                break
            if parent.tag in {"ul", "ol"} and any(p.mem_id == parent.mem_id for p in out):
                inner = True
                break
            parent = parent.parent
        if not inner:
            top.append(lst)
    return top


def _own_items(lst: LexborNode) -> list[str]:
    """Text of the list's own items, links-only items (menus) left out."""
    out = []
    for li in children(lst, 300):
        if li.tag != "li":
            continue
        text = text_of(li, _ITEM_BUDGET)
        if not text:
            continue
        links = sum(len(text_of(a, _ITEM_BUDGET)) for a in li.css("a")) if li.css_first("a") else 0
        if links < 0.8 * len(text):
            out.append(text)
    return out


def _alike(nodes: list[LexborNode]) -> list[str]:
    """Items of a run of alike short elements (chips, div rows, paragraphs), or []."""
    elements = [n for n in nodes if is_element(n) and n.tag not in {"script", "style"}]
    shown = [n for n in elements if n.attributes.get("aria-hidden") != "true"]
    if len(shown) >= 2:  # a looping carousel's cloned slides are hidden from readers
        elements = shown
    while len(elements) > 2 and _note(elements[-1]):  # a source line under the list
        elements = elements[:-1]
    if len(elements) < 2:
        return []
    tags = [n.tag for n in elements]
    common = max(set(tags), key=tags.count)
    if common not in _ITEM_TAGS or tags.count(common) < 0.8 * len(elements):
        return []
    texts = []
    for n in elements:
        if n.tag != common:
            continue
        t = text_of(n, _ITEM_BUDGET)
        if not t or t.endswith(":"):
            continue
        if len(t) > 200 or len(t.split()) > 30:
            return []
        texts.append(t)
    return texts if len(texts) >= 2 else []


_NOTE = re.compile(r"^(?:sources?|notes?|data|figures|updated|last updated)\b\s*[:.,]", re.I)


def _note(el: LexborNode) -> bool:
    """A source line or footnote: set in small print, or saying what it is ("Source: ...")."""
    kids = children(el, 2)
    small = el.tag == "small" or (len(kids) == 1 and kids[0].tag == "small")
    return small or bool(_NOTE.match(text_of(el, _ITEM_BUDGET)))


_BULLET = re.compile(r"^[•·▪‣◦●○■□►▶➤✓✔*–—-]+\s*")


def _runs(section: list[LexborNode]) -> list[str]:
    """The first run of alike children: the section itself, or inside one of its nodes."""
    items = _alike(section)
    if items:
        return _unwrapped(items)
    seen = 0
    for node in section:
        for sub in node.traverse():
            seen += 1
            if seen > _SECTION_BUDGET:
                return []
            kids = children(sub, 60)
            if len(kids) >= 2:
                items = _alike(kids)
                if items:
                    return _unwrapped(items)
    return []


_PAGE_MARK = re.compile(r"^(?:page \d+(?: of \d+)?|\d+ of \d+|- ?\d+ ?-)(?:\W|$)", re.I)
_WRAP_WIDTH = 25  # a line shorter than this was not wrapped: it ended where its item did
# A word no item ends on: the line after it goes on with the same item.
_DANGLING = re.compile(
    r"\b(?:and|or|of|to|the|a|an|with|for|in|on|at|by|from|into|against|your|their|its)$", re.I
)


def _unwrapped(lines: list[str]) -> list[str]:
    """Items from a run of text lines that may be a laid-out page's (a converted PDF: one
    element per line). Running "Page 1 of 2" marks are dropped. A line goes on with the
    item before when that line was left open (a comma, an open bracket, a word no item
    ends on: "and", "of") and this one starts in lower case; in a run that shows such a
    wrap, a lone lower-case word after a long line does too. Bulleted items ("• Teamwork")
    lose their bullets, and the run ends at the first line that is neither a bullet nor a
    wrapped line (the next section's label)."""
    lines = [t for t in lines if not _PAGE_MARK.match(t)]
    bulleted = sum(1 for t in lines if _BULLET.match(t)) >= 2
    widest = max((len(t) for t in lines), default=0)

    def open_end(last: str, t: str) -> bool:
        if last.endswith(",") or last.count("(") > last.count(")"):
            return True
        return t[:1].islower() and _DANGLING.search(last) is not None

    def long_line(last: str) -> bool:
        return (len(last) >= _WRAP_WIDTH and len(last) >= 0.6 * widest
                and not last.endswith((".", ";", ":", "!", "?")))  # fmt: skip

    wraps = any(
        open_end(a, b) and not _BULLET.match(b) for a, b in pairwise(lines)
    )
    out: list[str] = []
    last = ""  # the line before, as written
    for t in lines:
        bullet = _BULLET.match(t) is not None
        wrapped = bool(out) and not bullet and (
            open_end(last, t)
            or (bulleted and t[:1].islower())  # bullets start items: the rest are wraps
            or (wraps and t[:1].islower() and " " not in t and long_line(last))
        )
        last = t
        if wrapped:
            out[-1] = f"{out[-1]} {t}"
        elif bulleted and not bullet:
            if out:
                break
        else:
            out.append(_BULLET.sub("", t) if bullet else t)
    return out if len(out) >= 2 else lines


# Boxes whose lines can be a list: blocks, and the inline wrappers old markup puts around a
# run of `<br>` lines (`<font size=2>a<br>b</font>`).
_LINE_BOXES = frozenset({"p", "div", "dd", "span", "td", "font", "small", "center", "blockquote"})


def _lines(section: list[LexborNode]) -> list[str]:
    """Items written as the lines of one paragraph ("• Assess patients<br>• Give medicine"),
    their bullet characters dropped like an `<li>`'s marker."""
    for node in section[:5]:
        if node.tag not in _LINE_BOXES:
            continue
        pieces: list[str] = []
        current: list[str] = []
        breaks = 0
        for child in islice(node.iter(include_text=True), 400):
            if child.tag == "br":
                breaks += 1
                pieces.append("".join(current))
                current = []
            elif child.tag == "-text":
                current.append(child.text_content or "")
            elif is_element(child) and child.tag not in HEADINGS:  # the box's own heading
                current.append(text_of(child, _ITEM_BUDGET))
        pieces.append("".join(current))
        items = [t for p in pieces if (t := _BULLET.sub("", " ".join(p.split())))]
        if breaks and len(items) >= 2 and all(len(t) <= 200 for t in items):
            return items
    return []


_ENUMERATOR = re.compile(r"(?:^|(?<=[\s;:,.]))\(?(\d{1,2})[).]\s+")
_LIST_END = re.compile(r"[\s;,.]+(?:and|or)?$|\s+(?:and|or)$")


def _prose_block(section: list[LexborNode]) -> str:
    """The text of the paragraph that opens a section, when it is inline text only."""
    node = next((n for n in section[:4] if text_of(n, _ITEM_BUDGET * 4)), None)
    if node is None or node.tag not in {"p", "div", "dd", "span", "td"}:
        return ""
    text = text_of(node, _ITEM_BUDGET * 4)
    if any(is_element(c) and c.tag in {"p", "div", "ul", "ol", "li", "br", "table"}
           for c in islice(node.iter(), 50)):  # fmt: skip
        return ""
    return text if len(text) <= 1500 else ""


def _enumerated(section: list[LexborNode]) -> list[str]:
    """Items numbered inside one paragraph ("You would: 1) assess patients; 2) give
    medicine"; "(1) ... (2) ..."; "1. ... 2. ..."), the intro before "1" dropped."""
    text = _prose_block(section)
    if not text:
        return []
    marks: list[re.Match[str]] = []
    for m in _ENUMERATOR.finditer(text):
        if int(m.group(1)) == len(marks) + 1:
            marks.append(m)
    if len(marks) < 2:
        return []
    items = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        item = _LIST_END.sub("", text[m.end() : end].strip())
        if not item or len(item) > 300:
            return []
        items.append(item)
    return items


def _split_top(text: str) -> list[str]:
    """`text` split at commas and semicolons outside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch in ",;" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [clean(p) for p in parts]


def _comma_items(section: list[LexborNode]) -> list[str]:
    """Skills written as one comma-separated line ("You'll need: patience, teamwork,
    attention to detail."): three or more short phrases, an intro ending in ":" dropped."""
    text = _prose_block(section)
    if not text or len(text) > 600:
        return []
    head, colon, rest = text.partition(":")
    if colon and len(head) <= 60 and "," not in head:
        text = rest
    lead = None if colon else SKILL_LEAD.match(text)
    if lead:
        text, colon = text[lead.end() :], ":"  # "You'll need patience, ..." is introduced
    text = text.strip().rstrip(".").strip()
    if re.search(r"[.!?]\s+[A-Z]", text):
        return []  # sentences, not a list
    items = _and_split(_split_top(text), sentence=lead is not None)
    if len(items) < 3 or any(not i or len(i) > 100 or _words(i) > 8 for i in items):
        return []
    # A sentence with commas ("Nurses need patience, empathy, and stamina to cope") is no
    # list: a list is introduced ("You'll need:"), or capitalized, or of short phrases.
    if not (colon or all(not i[0].islower() for i in items) or all(len(i.split()) <= 4
                                                               for i in items)):  # fmt: skip
        return []
    return items


# What introduces a list written as a sentence: "To do well you'll need", "Employers look
# for", "You need to be".
SKILL_LEAD = re.compile(
    r"^(?:to (?:do well|succeed|get ahead|do this job)(?: in (?:this|the) (?:job|role))?,?\s+)?"
    r"(?:you(?:'ll| will| would)?|employers(?: also)?|they(?:'ll)?)\s+(?:also\s+)?(?:need|want"
    r"|look for|value|expect)(?:\s+to\s+(?:be|have|show))?\s+",
    re.I,
)
_LAST_AND = re.compile(r"\s+(?:and|&)\s+", re.I)


def _and_split(items: list[str], *, sentence: bool) -> list[str]:
    """A list written "a, b and c" (or "a, b, and c") as its items, an Oxford comma's "and"
    dropped. The last item is split at its "and" only when that reads as a list's: no
    other item holds an "and" (else it belongs to the names, "Logical and systems
    thinking"), and what follows it opens as the other items do: capitalized like them
    ("Empathy and Patience", not "Clear communication with patients and families"), or in
    lower case in a sentence that introduces the list ("You'll need patience and tact")."""
    if len(items) < 2:
        return items
    last = re.sub(r"^(?:and|&)\s+", "", items[-1], flags=re.I)
    if last != items[-1]:
        return [*items[:-1], last]
    pieces = _LAST_AND.split(last)
    if len(pieces) != 2 or not all(pieces) or any(_LAST_AND.search(i) for i in items[:-1]):
        return items
    capitals = {i[0].isupper() for i in (*items[:-1], pieces[0]) if i}
    if capitals == {True} and pieces[1][0].isupper():
        return [*items[:-1], *pieces]
    if capitals == {False} and pieces[1][0].islower() and sentence:
        return [*items[:-1], *pieces]
    return items


def _words(item: str) -> int:
    """Words of an item outside its brackets ("Scripting (Bash, PowerShell, Python)": 1)."""
    return len(re.sub(r"\([^)]*\)", " ", item).split())


def _single(section: list[LexborNode]) -> list[str]:
    """A list of one item in chip or div markup: the section's only text, a short phrase."""
    texts = [(n, t) for n in section[:4] if (t := text_of(n, 12))]
    if len(texts) != 1:
        return []
    node, text = texts[0]
    while True:
        kids = children(node, 3)
        if len(kids) != 1:
            break
        node = kids[0]
    if node.tag not in _ITEM_TAGS or len(text) > 60 or len(text.split()) > 6:
        return []
    if text.endswith((".", ":", "?", "!")) or PLACEHOLDER.match(text):
        return []
    return [text]


def _table_items(section: list[LexborNode], *, shares: bool = True) -> list[str] | None:
    """Items as the first column of a table with a header row ("Task | How often", "Skill
    | Importance"): every other cell short (a rating, a level, a meter), or []. Without
    `shares`, a table of percent shares ("London | 29.7%") gives None: places, no list."""
    table = next((n for n in section[:4] if n.tag == "table"), None)
    if table is None:
        table = next((t for n in section[:4] if (t := n.css_first("table")) is not None), None)
    if table is None:
        return []
    rows = [[c for c in children(tr, 20) if c.tag in {"td", "th"}] for tr in table.css("tr")[:200]]
    rows = [r for r in rows if r]
    coded = _coded_items(rows)
    if coded:
        return coded
    if len(rows) < 3 or not all(c.tag == "th" for c in rows[0]) or len(rows[0]) < 2:
        return []
    items = []
    share = True
    for cells in rows[1:]:
        if len(cells) != len(rows[0]):
            return []
        first = text_of(cells[0], _ITEM_BUDGET)
        if not first or len(first) > 300 or any(len(text_of(c, 12)) > 24 for c in cells[1:]):
            return []
        items.append(first)
        share = share and all(_SHARE.fullmatch(text_of(c, 12)) for c in cells[1:])
    return None if share and not shares else items


# A percent share: "29.7%"; an item that ends in one ("Retail 41%") is a place or an
# industry and its share, never a duty.
_SHARE = re.compile(r"\d{1,3}(?:\.\d+)?\s?%")
_SHARE_TAIL = re.compile(r"\s\d{1,3}(?:\.\d+)?\s?%$")
# A reference code in a standard's table: "S1", "K12", "B3", "1.", "2a".
_CODE = re.compile(r"[A-Z]{0,3}\d{1,3}[a-z]?[.)]?")


def _coded_items(rows: list[list[LexborNode]]) -> list[str]:
    """Items of a code | text table ("S1 | Microscopy", a header row or none): the text."""
    body = rows[1:] if rows and all(c.tag == "th" for c in rows[0]) else rows
    if len(body) < 2 or any(len(r) != 2 for r in body):
        return []
    items = []
    for code, cell in body:
        text = text_of(cell, _ITEM_BUDGET)
        if not _CODE.fullmatch(text_of(code, 4)) or not text or len(text) > 300:
            return []
        items.append(text)
    return items


def duty_items(section: list[LexborNode]) -> tuple[str, ...]:
    lists = _lists_in(section)
    if lists:
        chosen = []
        for lst in lists:
            intro = lst.prev
            while intro is not None and not is_element(intro):
                intro = intro.prev
            said = text_of(intro, 20) if intro is not None and intro.tag == "p" else ""
            if said and DUTY_INTRO.search(said) and not NOT_DUTY_INTRO.search(said):
                chosen.append(lst)
        picked = chosen or lists[:1]
        items = tuple(t for lst in picked for t in _own_items(lst))
        return () if all(_SHARE_TAIL.search(t) for t in items) else items  # "Retail 41%"
    table = _table_items(section, shares=False)
    if table is None:
        return ()
    return tuple(
        table
        or _lines(section)
        or _enumerated(section)
        or _runs(section)
    )


def skill_items(section: list[LexborNode]) -> tuple[str, ...]:
    items = [t for lst in _lists_in(section) for t in _own_items(lst)]
    if items:
        return tuple(items)
    leads = _leadins(section)
    return leads or tuple(
        _table_items(section)
        or _lines(section)
        or _comma_items(section)
        or _runs(section)
        or _single(section)
    )


def _leadins(section: list[LexborNode]) -> tuple[str, ...]:
    """The bold lead-ins of the section's paragraphs ("Analytical skills. Actuaries ...")."""
    leads: list[str] = []
    seen = 0
    for node in section:
        paragraphs = [node] if node.tag == "p" else []
        if not paragraphs:
            for sub in node.traverse():
                seen += 1
                if seen > _SECTION_BUDGET:
                    break
                if sub.tag == "p":
                    paragraphs.append(sub)
        leads.extend(lead for p in paragraphs if (lead := leadin(p)))
    return tuple(leads)


def best_lists(index: PageIndex, subject: str = "") -> dict[str, tuple[tuple[str, ...], str]]:
    """field -> (items, rule) for duties, technical/people skills and tools (`subject`: see
    `sources`)."""
    found: dict[str, tuple[int, int, tuple[str, ...], str]] = {}
    tries = 0
    for src in sources(index, subject):
        old = found.get(src.field)
        rule = f"section({src.label})"
        if old is not None and src.field == "duties" and old[3] == rule and old[0] == src.spec:
            # The same duty label once per level or stage ("At this level you will:" under
            # each rung of a career ladder): the job's duties are all of theirs.
            more = tuple(t for t in duty_items(list(src.section)) if t not in old[2])
            found[src.field] = (old[0], old[1], old[2] + more, rule)
            continue
        if old is not None and (old[0], old[1]) <= (src.spec, src.order):
            continue
        tries += 1
        if tries > _MAX_TRIES:
            break
        section = list(src.section)
        items = duty_items(section) if src.field == "duties" else skill_items(section)
        if items:
            found[src.field] = (src.spec, src.order, items, rule)
    return {field: (items, rule) for field, (_, _, items, rule) in found.items()}
