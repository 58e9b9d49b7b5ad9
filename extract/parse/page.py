"""One pass over a page's body: elements in document order, their sizes, and the noise.

Readers look at small nodes and their neighbours; what they must not read is
the rest of the site around the career: menus, footers, forms, cookie
banners, and the cards of *other* careers ("Related careers", "Current
opportunities", each with its own pay; or, under any heading, a run of alike
cards that each open with a link to another page and show figures of their
own). `PageIndex` marks those regions once, in time linear in the page (a
region is a contiguous run of document order), so a reader asks
`index.noise(el)` in O(1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from selectolax.lexbor import LexborHTMLParser, LexborNode

from extract.parse.fields import match, normalize_label
from extract.parse.text import children, next_element, text_of

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_NOISE_TAGS = frozenset({"nav", "footer", "form", "dialog", "noscript", "select", "button"})
_NOISE_ROLES = frozenset(
    {"navigation", "contentinfo", "search", "dialog", "alertdialog", "menu", "menubar"}
)
_NOISE_NAMES = re.compile(r"cookie|consent|newsletter|gdpr|skip-?link|share-?bar|social", re.I)
# Headings of other careers' cards, of job adverts and of the role a ladder leads to ("Next
# step: Nursing manager"): not this career's facts.
RELATED = re.compile(
    r"^(?:related|similar|other|more|explore (?:more|similar|other|related)|you (?:might|may) "
    r"(?:also )?(?:like|be interested)|people also|popular|trending|current (?:opportunities"
    r"|vacancies|jobs)|latest (?:jobs|vacancies)|jobs? near|find (?:a )?jobs?|vacancies"
    r"|recommended|see also|compare|careers like|alternative careers|job adverts?"
    r"|next (?:step|role|job|move)s?\b.*\S)\b"
)


@dataclass(frozen=True, slots=True)
class PageIndex:
    """Elements of the body in document order, with subtree sizes and a noise mask."""

    elements: tuple[LexborNode, ...]
    position: dict[int, int]  # mem_id -> index in `elements`
    sizes: tuple[int, ...]  # elements in each subtree (itself included)
    noisy: tuple[bool, ...]
    by_id: dict[str, LexborNode]
    titled: frozenset[int] = frozenset()  # mem_ids of elements with a title or aria-label

    def size(self, el: LexborNode) -> int:
        i = self.position.get(el.mem_id)
        return self.sizes[i] if i is not None else 1 << 30

    def noise(self, el: LexborNode) -> bool:
        i = self.position.get(el.mem_id)
        return i is not None and self.noisy[i]


# Elements indexed per page: real career pages have a few thousand; a page of 200,000 is no
# career page, and reading its first 50,000 bounds the work of every reader that uses it.
MAX_ELEMENTS = 50_000


def index_page(tree: LexborHTMLParser) -> PageIndex:
    body = tree.body
    elements = _elements(body) if body is not None else ()
    position = {el.mem_id: i for i, el in enumerate(elements)}
    sizes = [1] * len(elements)
    for i in range(len(elements) - 1, -1, -1):
        parent = elements[i].parent
        j = position.get(parent.mem_id) if parent is not None else None
        if j is not None:
            sizes[j] += sizes[i]
    by_id: dict[str, LexborNode] = {}
    for el in body.css("[id]") if body is not None else ():
        ident = el.id
        if ident and ident not in by_id and el.mem_id in position:
            by_id[ident] = el
    # Only what a selector finds can be a noise root: the look at each element is in C.
    roots = {n.mem_id for n in body.css(_MAYBE_NOISE)} if body is not None else set()
    opened = _opened(body) if body is not None and body.css_first(_DIALOGS) else frozenset()
    noisy = [False] * len(elements)

    def mark(el: LexborNode) -> None:
        i = position.get(el.mem_id)
        if i is None or noisy[i]:
            return
        for k in range(i, i + sizes[i]):
            noisy[k] = True

    for i, el in enumerate(elements):
        if noisy[i]:
            continue
        cards = 5 <= sizes[i] <= 4000 and el.tag in _CARD_PARENTS
        root = el.mem_id in roots and _noise_root(el, sizes[i], opened)
        if root or (cards and _link_cards(el, position, sizes)):
            mark(el)
        elif el.tag in HEADINGS and el.tag != "h1" and sizes[i] <= 20:  # h1: the page's own
            label = normalize_label(text_of(el, 20))
            if label and len(label) <= 60 and RELATED.match(label):
                for region in _related_region(el):
                    if region.css_first(_OWN_ROW) is None:
                        mark(region)
    titled = frozenset(n.mem_id for n in islice(body.css("[title], [aria-label]"), MAX_ELEMENTS)
                       ) if body is not None else frozenset()  # fmt: skip
    return PageIndex(elements, position, tuple(sizes), tuple(noisy), by_id, titled)


# A row the page marks as its own among other jobs' rows ("Similar occupations", with this
# one highlighted): the region is a comparison that holds this career, not other careers.
_OWN_ROW = ", ".join(
    f"{row}{mark}"
    for row in ("tr", "[role=row]")
    for mark in ('[aria-current="true"]', '[aria-current="page"]', '[aria-selected="true"]',
                 '[class*="current"]', '[class*="highlight"]', '[class*="selected"]')
)  # fmt: skip


def _elements(body: LexborNode) -> tuple[LexborNode, ...]:
    """The body and the elements in it, in document order (text and comments left out)."""
    found = body.css("*")  # lexbor's selector walk, in C; it matches the body itself first
    if not found or found[0].mem_id != body.mem_id:
        found.insert(0, body)
    return tuple(found[:MAX_ELEMENTS])


# Every element `_noise_root` can call noise has a tag, a role or a name this selector finds.
_NOISE_WORDS = ("cookie", "consent", "newsletter", "gdpr", "skip-link", "skiplink", "share-bar",
                "sharebar", "social")  # fmt: skip
_MAYBE_NOISE = ", ".join(
    [*sorted(_NOISE_TAGS), "header", "[role]"]
    + [f"[{attr}*={word} i]" for attr in ("class", "id", "aria-label") for word in _NOISE_WORDS]
)


_DIALOGS = "dialog, [role=dialog], [role=alertdialog]"


def _opened(body: LexborNode) -> frozenset[str]:
    """Ids the page's own controls open: `aria-controls` targets and in-page links."""
    ids = {i for n in body.css("[aria-controls]") for i in (n.attributes.get("aria-controls")
                                                           or "").split()}  # fmt: skip
    ids |= {(n.attributes.get("href") or "")[1:] for n in body.css('a[href^="#"]')}
    return frozenset(ids - {""})


def _noise_root(el: LexborNode, size: int, opened: frozenset[str] = frozenset()) -> bool:
    """Whether `el` opens a region of site furniture. A dialog that a row of the page opens
    (a bottom sheet with a fact's details, `aria-controls` or `href="#id"`) is the page's
    own content; one nothing opens (a cookie or sign-up pop-up) is furniture."""
    tag = el.tag or ""
    attrs = el.attributes
    if tag == "form":
        return size <= 60  # a page wrapped whole in a form (ASP.NET) is still the page
    role = attrs.get("role") or ""
    if (tag == "dialog" or role in {"dialog", "alertdialog"}) and attrs.get("id") in opened:
        names = " ".join(v for k in ("class", "id", "aria-label") if (v := attrs.get(k)))
        return bool(_NOISE_NAMES.search(names))
    if tag in _NOISE_TAGS and not (tag == "button" and attrs.get("aria-controls")):
        return True
    if role in _NOISE_ROLES:
        return True
    if tag == "header" and el.css_first("nav") is not None and el.css_first("h1") is None:
        return True
    names = " ".join(v for k in ("class", "id", "aria-label") if (v := attrs.get(k)))
    return bool(names) and bool(_NOISE_NAMES.search(names)) and tag not in {"body", "main"}


_CARD_PARENTS = frozenset({"ul", "ol", "div", "section", "aside"})
_CARD_SIZE = 60  # elements in one card


def _link_cards(el: LexborNode, position: dict[int, int], sizes: list[int]) -> bool:
    """Cards of other careers, whatever their heading says: two or more alike children, each
    opening with a link to another page (the other job's name) and showing a figure of its
    own after it ("<li><a href=/careers/chef>Chef</a> Pay: $48,000</li>"). A link that
    names a field ("<a href=/glossary>Median pay</a>: $52,000") is a label, not a card."""
    kids = children(el, 61)
    if not 2 <= len(kids) <= 60:
        return False
    tag = kids[0].tag
    if tag == "a" or any(k.tag != tag for k in kids):
        return False
    for kid in kids:  # the cheap look at every kid first, then the first that is no card ends it
        i = position.get(kid.mem_id)
        if i is None or not 2 <= sizes[i] <= _CARD_SIZE:
            return False
    for kid in kids:
        link = kid.css_first("a[href]")
        if link is None or (link.attributes.get("href") or "#").startswith(("#", "javascript:")):
            return False
        name = text_of(link, _CARD_SIZE)
        text = text_of(kid, _CARD_SIZE)
        rest = text[len(name):]
        if not name or not text.startswith(name) or not any(ch.isdigit() for ch in rest):
            return False
        if match(normalize_label(name)):
            return False
    return True


def wrapped_heading(node: LexborNode) -> int | None:
    """The level of the heading a wrapper opens with (`<div class="markdown-heading"><h2>`,
    `<section><h2>`, `<span><section><h2>`): it ends a section as the heading itself would."""
    for _ in range(3):
        if node.tag not in _WRAPPERS:
            return None
        first = children(node, 1)
        if not first:
            return None
        node = first[0]
        if node.tag in HEADINGS:
            return HEADINGS[node.tag]
    return None


_WRAPPERS = frozenset({"div", "section", "article", "aside", "span", "hgroup", "header"})
# What a region of other careers shows under its heading: once past it, the region ends
# ("Similar occupations", a grid of them, then this career's "Work setting: Indoor").
_COLLECTION_TAGS = frozenset({"ul", "ol", "table", "dl"})
_COLLECTION_ROLES = frozenset({"grid", "table", "treegrid", "list"})


def _related_region(head: LexborNode) -> list[LexborNode]:
    """The heading's section: its container when it opens one, else its next siblings up
    to a heading as high (or a wrapper that opens with one), or through its collection."""
    parent = head.parent
    if parent is not None and parent.tag not in {"body", "main", "article"}:
        firsts = children(parent, 2)
        if any(c.mem_id == head.mem_id for c in firsts):
            return [parent]
    level = HEADINGS.get(head.tag or "", 7)
    out = [head]
    node = next_element(head)
    while node is not None:
        lvl = HEADINGS.get(node.tag or "") or wrapped_heading(node)
        if lvl is not None and lvl <= level:
            break
        out.append(node)
        if node.tag in _COLLECTION_TAGS or node.attributes.get("role") in _COLLECTION_ROLES:
            break
        node = next_element(node)
    return out
