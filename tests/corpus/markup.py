"""Markup as real sites vary it: class names, wrappers, lists, the page shell and its noise.

`Markup` is made once per page with the page's random generator and a class
style (semantic, BEM, hashed like `css-1x2y3z`, utility-only, or none); every
helper draws from it, so two pages of one layout differ in tags, classes,
wrappers and noise while carrying the same kind of structure.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from html import escape

from tests.corpus.model import Facts, Locale, Salary

CLASS_STYLES = ("semantic", "bem", "hashed", "utility", "none")
_UTILITY = (
    "flex",
    "grid",
    "gap-2",
    "gap-4",
    "p-4",
    "px-6",
    "py-2",
    "mt-4",
    "mb-2",
    "text-sm",
    "text-lg",
    "font-bold",
    "font-medium",
    "text-gray-600",
    "rounded-lg",
    "border",
    "shadow-sm",
    "items-center",
    "justify-between",
    "w-full",
    "md:w-1/2",
    "uppercase",
    "tracking-wide",
    "leading-6",
    "bg-white",
    "space-y-2",
    "col-span-2",
)
NAV_LINKS = (
    "Explore careers",
    "Salary guide",
    "Job search",
    "Courses",
    "Apprenticeships",
    "Career quiz",
    "Find a job",
    "Training",
    "Help",
    "Contact us",
    "About us",
)


def e(text: str) -> str:
    return escape(text, quote=True)


class Markup:
    """Class names, tags and wrappers for one page."""

    def __init__(self, rng: random.Random, style: str, block: str) -> None:
        self.rng = rng
        self.style = style
        self.block = block  # BEM block / semantic prefix, e.g. "career"
        self._salt = str(rng.random())

    def cls(self, name: str) -> str:
        """A class attribute for the role `name` (or none), as this page's style writes it."""
        if self.style == "none":
            return ""
        if self.style == "semantic":
            return f' class="{name}"'
        if self.style == "bem":
            return f' class="{self.block}__{name}"'
        if self.style == "hashed":
            digest = hashlib.sha1((self._salt + name).encode()).hexdigest()
            return f' class="css-{digest[:6]} {digest[6:11]}"'
        return f' class="{" ".join(self.rng.sample(_UTILITY, self.rng.randint(2, 5)))}"'

    def wrap(self, html: str, depth: int | None = None) -> str:
        """`html` inside 0-2 meaningless wrappers."""
        for _ in range(self.rng.randint(0, 2) if depth is None else depth):
            tag = self.rng.choice(
                ("div", "div", "section", "span" if "<div" not in html else "div")
            )
            html = f"<{tag}{self.cls('wrapper')}>{html}</{tag}>"
        return html

    def heading(self, text: str, level: int | None = None, role: str = "heading") -> str:
        lvl = level or self.rng.choice((2, 2, 3, 3, 4))
        return f"<h{lvl}{self.cls(role)}>{e(text)}</h{lvl}>"

    def list_of(self, items: Sequence[str], role: str, *, kind: str | None = None) -> str:
        """Items as ul/ol, a div list, chips, or p's."""
        form = kind or self.rng.choice(("ul", "ul", "ol", "divs", "chips", "ps"))
        if form in {"ul", "ol"}:
            lis = "".join(f"<li{self.cls(role + '-item')}>{e(i)}</li>" for i in items)
            return f"<{form}{self.cls(role + '-list')}>{lis}</{form}>"
        if form == "divs":
            divs = "".join(f"<div{self.cls(role + '-item')}>{e(i)}</div>" for i in items)
            return f"<div{self.cls(role + '-list')}>{divs}</div>"
        if form == "chips":
            chips = "".join(f"<span{self.cls('chip')}>{e(i)}</span>" for i in items)
            return f"<div{self.cls(role + '-chips')}>{chips}</div>"
        return "".join(f"<p{self.cls(role + '-item')}>{e(i)}</p>" for i in items)


def breadcrumb(m: Markup, facts: Facts) -> tuple[str, str | None]:
    """(breadcrumb html, the category it shows or None when it shows only site sections)."""
    rng = m.rng
    sections = rng.choice(
        (
            ["Home", "Explore careers"],
            ["Home", "Job profiles"],
            ["Home", "Careers", "Occupations"],
            ["Home"],
            ["Home", "Resources", "Career guides"],
        )
    )
    show_category = rng.random() < 0.6 and facts.category is not None
    crumbs = list(sections) + ([facts.category] if show_category and facts.category else [])
    links = "".join(
        f'<li{m.cls("crumb")}><a href="/{"x/" * i}">{e(c)}</a></li>' for i, c in enumerate(crumbs)
    )
    current = f'<li{m.cls("crumb")} aria-current="page">{e(facts.title)}</li>'
    form = rng.randrange(3)
    if form == 0:
        html = f'<nav aria-label="Breadcrumb"><ol>{links}{current}</ol></nav>'
    elif form == 1:
        classes = m.cls("breadcrumbs").removeprefix(' class="').removesuffix('"')
        html = f'<div class="{(classes + " breadcrumb").strip()}"><ul>{links}{current}</ul></div>'
    else:
        html = f'<nav aria-label="You are here"><ul{m.cls("crumbs")}>{links}{current}</ul></nav>'
    return html, facts.category if show_category else None


# --- noise ------------------------------------------------------------------------------------


def nav(m: Markup) -> str:
    links = "".join(
        f'<li><a href="/{t.lower().replace(" ", "-")}">{e(t)}</a></li>'
        for t in m.rng.sample(NAV_LINKS, 7)
    )
    return (
        f'<header{m.cls("site-header")}><a href="/"{m.cls("logo")}>Careers</a>'
        f'<nav aria-label="Main"><ul{m.cls("menu")}>{links}</ul></nav></header>'
    )


def cookie_banner(m: Markup) -> str:
    return (
        f'<div{m.cls("cookie-banner")} role="dialog" aria-label="Cookies"><p>We use cookies to '
        "make this site work and to understand how you use it. Salary figures on this site "
        "are estimates.</p><button>Accept all cookies</button><button>Reject</button></div>"
    )


def footer(m: Markup) -> str:
    cols = "".join(
        f'<li><a href="/{i}">{e(t)}</a></li>' for i, t in enumerate(m.rng.sample(NAV_LINKS, 5))
    )
    return (
        f"<footer{m.cls('footer')}><ul>{cols}</ul><p>© 2026 Careers service. "
        "All rights reserved.</p><p>Contact us: 0800 100 900, Monday to Friday, 8am to 8pm."
        "</p></footer>"
    )


def scripts(m: Markup) -> str:
    return (
        "<script>window.dataLayer=window.dataLayer||[];dataLayer.push({'event':'page_view',"
        "'pageType':'career','salaryBand':'50-60k'});</script>"
        '<script type="application/json" id="site-config">{"locale":"en","features":'
        '{"salaryCalculator":true},"apiBase":"/api/v2"}</script>'
    )


def related_cards(
    m: Markup, others: Sequence[tuple[str, str]], pay_label: str, heading: str | None = None
) -> str:
    """Cards of other careers, each with *its own* pay under the same label as this page's."""
    title = heading or m.rng.choice(
        ("Related careers", "Similar careers", "You might also like", "Explore similar jobs")
    )
    cards = "".join(
        f'<div{m.cls("card")}><a href="/careers/{e(t.lower().replace(" ", "-"))}">'
        f"<h3>{e(t)}</h3></a><p><strong>{e(pay_label)}:</strong> {e(pay)}</p></div>"
        for t, pay in others
    )
    container = m.rng.choice(("aside", "section", "div"))
    return (
        f"<{container}{m.cls('related')}>{m.heading(title, 2)}"
        f"<div{m.cls('cards')}>{cards}</div></{container}>"
    )


def newsletter(m: Markup) -> str:
    return (
        f"<div{m.cls('newsletter')}><h2>Get career tips by email</h2><p>Sign up for our "
        'monthly newsletter.</p><form><label>Email</label><input type="email"><button>Subscribe'
        "</button></form></div>"
    )


# --- the document -----------------------------------------------------------------------------


def document(
    m: Markup,
    facts: Facts,
    *,
    body: str,
    site_name: str,
    title_tag: str | None = None,
    og_title: bool = True,
    head_extra: str = "",
    salary: Salary | None = None,
    lang: bool = False,
) -> str:
    """The whole page: head (title, meta, canonical, locale hints) and body with its noise."""
    loc: Locale = facts.locale
    evidence = salary.evidence if salary is not None else "none"
    lang_attr = f' lang="{loc.lang}"' if (lang or evidence == "lang") else ' lang="en"'
    title = title_tag if title_tag is not None else f"{facts.title} | {site_name}"
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>",
        f'<meta name="description" content="{e(facts.summary.split(". ")[0][:150])}">',
    ]
    if og_title:
        head.append(f'<meta property="og:title" content="{e(facts.title)}">')
    head.append(f'<meta property="og:site_name" content="{e(site_name)}">')
    if evidence == "og-locale":
        head.append(f'<meta property="og:locale" content="{loc.lang.replace("-", "_")}">')
    url = f"https://{loc.domain}/careers/{facts.slug}"
    if evidence == "canonical":
        head.append(f'<link rel="canonical" href="{e(url)}">')
    if evidence == "hreflang":
        head.append(f'<link rel="alternate" hreflang="{loc.lang.lower()}" href="{e(url)}">')
        head.append('<link rel="alternate" hreflang="x-default" href="https://example.com/">')
    head.append(head_extra)
    noise_top = [nav(m)]
    if m.rng.random() < 0.5:
        noise_top.insert(0, cookie_banner(m))
    footnote = ""
    if evidence == "footnote" or (evidence == "caption" and loc.words not in body):
        footnote = f"<p{m.cls('footnote')}><small>All pay is shown in {e(loc.words)}.</small></p>"
    tail = [footer(m)]
    if m.rng.random() < 0.4:
        tail.insert(0, newsletter(m))
    return (
        f"<!DOCTYPE html><html{lang_attr}><head>{''.join(head)}{scripts(m)}</head><body>"
        f"{''.join(noise_top)}<main{m.cls('main')}>{body}{footnote}</main>{''.join(tail)}"
        "</body></html>"
    )
