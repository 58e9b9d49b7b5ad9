"""What a page says about itself: its subject (title), its section (category), its summary
and the currency its locale implies.

- Title: the occupation, not the page. A generic heading ("Job profile", "Career
  overview", "Occupation summary") is no title and a prefix ("Career report -
  Actors") is cut, and so is what the heading says about the occupation: a question
  ("What does a nurse do?", "How to become a nurse"), what the page covers ("Nurse
  career guide", "Nurse: salary, skills and outlook", "Wages and outlook: Nurse"), the
  country ("Nurse in Canada") or a code ("Nurse (NOC 31301)"); then the page's own
  subject: `og:title`, the `<title>` minus the site's name, or the heading that names
  the occupation beside a generic one.
- Category: a breadcrumb's last section (its list items, else its links; never the item
  marked as the current page) that is not a site section ("Home",
  "Explore careers", "Job profiles", "Resources") nor the title itself.
- Currency: the page's locale (`lang`, `og:locale`, the `hreflang` of its own
  address) or its country domain (the page's, else its canonical address's), as an
  ISO code: en-AU or .com.au is AUD. Transform uses it only for "$" and bare numbers,
  after any currency the pay text states itself.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from extract.parse.draft import Draft
from extract.parse.page import PageIndex
from extract.parse.text import children, clean, text_of, within

_GENERIC_TITLE = re.compile(
    r"^(?:(?:job|career|occupation|occupational|role)s? (?:profile|overview|summary|report"
    r"|details|information|info|description)|overview|summary|profile|about (?:this|the) "
    r"(?:job|career|role)|careers?|jobs?|occupations?|explore careers|job profiles"
    r"|career (?:guide|explorer)|occupation)$",
    re.I,
)
_PREFIX = re.compile(
    r"^(?:(?:job|career|occupation|occupational|role) (?:profile|overview|summary|report"
    r"|details|information))\s*(?:[-–—:|]|\bfor\b)\s*(?P<t>.+)$",
    re.I,
)
# What a page is, written after the occupation: "Nurse: frequently asked questions".
_SUFFIX = re.compile(
    r"^(?P<t>.+?)\s*[-–—:|]\s*(?:(?:job|career|occupation) (?:profile|overview|summary|report"
    r"|details|information|guide|facts|paths?|pathways?|progression|ladder)|careers?"
    r"|(?:frequently asked )?questions(?: and answers)?|(?:how to )?progress(?:ion)?"
    r"|faqs?|at a glance|snapshot|fact ?sheet|key facts|overview|profile|salary and (?:job )?"
    r"outlook|pay and (?:job )?outlook|what they do)$",
    re.I,
)
# A headline that asks about the occupation, or says what the page covers around it.
_QUESTION = re.compile(
    r"^(?:what (?:does|do) (?:an?|the) (?P<a>.+?) do|what is (?:an?|the) (?P<b>.+?)"
    r"|how (?:to|do i|do you|can i) become (?:an?|the) (?P<c>.+?)|becoming (?:an?|the) (?P<d>.+?)"
    r"|(?:so )?you want to be (?:an?|the) (?P<e>.+?))\s*\??$",
    re.I,
)
_ABOUT = (
    r"(?:salary|salaries|pay|wages?|earnings|skills|duties|outlook|job outlook|prospects"
    r"|requirements|qualifications|responsibilities|training|education|how to become (?:one|an?"
    r" \w+)|what they do|a day in the life|day in the life|job description|career guide"
    r"|career profile|career info(?:rmation)?|job facts|career facts|overview|profile)"
)
_ABOUT_SUFFIX = re.compile(
    rf"^(?P<t>.+?)(?:\s*[-–—:|,]\s*(?:{_ABOUT}(?:\s*(?:,|&|and)\s*{_ABOUT})*)|\s+(?:career guide"
    r"|job description|career profile|salary guide|career information|job facts|career facts))"
    r"\s*\??$",
    re.I,
)
_ABOUT_PREFIX = re.compile(rf"^{_ABOUT}(?:\s*(?:,|&|and)\s*{_ABOUT})*\s*[-–—:|]\s*(?P<t>.+)$",
                           re.I)  # fmt: skip
# "Nurse in Canada", "Nurse (NOC 31301)", "Nurse - ANZSCO 254412": a place or code after it.
_COUNTRIES = (
    r"(?:the )?(?:united states|usa|us|united kingdom|uk|england|scotland|wales|northern ireland"
    r"|canada|australia|new zealand|aotearoa|ireland)"
)
_PLACE_OR_CODE = re.compile(
    rf"^(?P<t>.+?)\s*(?:\bin {_COUNTRIES}|\((?:[A-Z][A-Za-z*-]{{1,8}}\s*)?[\d][\d.-]*\)"
    r"|[-–—:|]\s*(?:[A-Z][A-Za-z*-]{1,8}\s*)?\d[\d.-]*)$",
    re.I,
)
_SEPARATORS = re.compile(r"\s+[|–—:·•»-]\s+")
_SITE_SECTIONS = re.compile(
    r"^(?:home|homepage|start|main|index|explore(?: careers| jobs| occupations)?|careers?"
    r"|career (?:search|guides?|profiles|explorer|information|advice|resources)|job profiles?"
    r"|jobs?|occupations?|occupation profiles|profiles|resources|browse|all (?:careers|jobs"
    r"|occupations)|a-?z|a to z|search|job search|you are here|find a career|categories"
    r"|explore by (?:category|industry)|industries|labour market|market report"
    r"|salar(?:y|ies)(?: (?:guide|insights|data|checker|explorer|tools?))?|pay(?: guide)?|wages?"
    r"|insights|compare(?: careers| jobs)?|comparisons?|career (?:quiz|match|tests?)|quiz"
    r"|stories|news|blog|articles?|podcasts?|episodes?|videos?|guides?|tools|community"
    r"|forums?|discussions?|threads?|questions|q ?& ?a|ask an? (?:expert|adviser|advisor))$",
    re.I,
)
# A crumb that is a repository's or a folder's name ("careers-data", "profiles_v2",
# "nurse.md"), as a file browser shows a path: no section a person would call the category.
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)+$|\.(?:md|html?|txt|json|ya?ml)$")
# Breadcrumb containers (no descendant combinator: lexbor checks every ancestor of every
# candidate for one, which is quadratic on deep pages); their items are read with a budget.
_BREADCRUMB = (
    '[aria-label*="readcrumb" i], [class*="readcrumb" i], [id*="readcrumb" i], '
    '[aria-label="You are here" i], [class*="crumbs" i]'
)
# Country of a locale or a domain -> its currency.
_COUNTRY_CURRENCY = {
    "us": "USD", "gb": "GBP", "uk": "GBP", "ca": "CAD", "au": "AUD", "nz": "NZD", "ie": "EUR",
    "in": "INR", "sg": "SGD", "hk": "HKD", "za": "ZAR", "de": "EUR", "fr": "EUR", "es": "EUR",
    "it": "EUR", "nl": "EUR", "at": "EUR", "be": "EUR", "fi": "EUR", "pt": "EUR", "ch": "CHF",
    "se": "SEK", "no": "NOK", "dk": "DKK", "jp": "JPY", "mx": "MXN", "br": "BRL",
}  # fmt: skip
_LOCALE = re.compile(r"^[a-z]{2,3}[-_](?P<c>[a-z]{2})\b", re.I)


def generic_title(text: str) -> bool:
    """A heading that names the page, not the occupation ("Job profile", "Career report - X")."""
    t = clean(text)
    return bool(_GENERIC_TITLE.match(t)) or _strip(t) != t


def _strip(text: str) -> str:
    """A heading without its generic prefix or suffix ("Career report - Actors" -> Actors,
    "What does a nurse do?" -> nurse, "Nurse in Canada" -> Nurse)."""
    t = clean(text)
    for _ in range(3):  # "How to become a nurse: salary and skills"
        before = t
        q = _QUESTION.match(t)
        if q:
            t = clean(next(g for g in q.groups() if g))
        for pattern in (_PREFIX, _SUFFIX, _ABOUT_PREFIX, _ABOUT_SUFFIX, _PLACE_OR_CODE):
            m = pattern.match(t)
            if m and clean(m.group("t")):
                t = clean(m.group("t"))
        if t == before:
            break
    return t


def _meta(tree: LexborHTMLParser, *names: str) -> str:
    for name in names:
        node = tree.css_first(f'meta[property="{name}"]') or tree.css_first(f'meta[name="{name}"]')
        if node is not None and clean(node.attributes.get("content")):
            return clean(node.attributes.get("content"))
    return ""


def title(tree: LexborHTMLParser, page: PageIndex | None = None) -> str:
    """The occupation the page is about ("" when it names none)."""
    return titled(tree, page)[0]


def titled(tree: LexborHTMLParser, page: PageIndex | None = None) -> tuple[str, str]:
    """(title, where it was found: h1, og:title, title-tag, og:title-in-h1,
    title-tag-in-h1, og:title-over-h1, beside-h1 or none)."""
    h1s = [h for h in tree.css("h1")[:5] if page is None or not page.noise(h)]
    generic_h1: LexborNode | None = None
    for h in h1s:
        t = _strip(text_of(h, 80))
        if t and not _GENERIC_TITLE.match(t):
            return _named_within(t, tree) or _named_elsewhere(t, tree) or (t, "h1")
        if t and generic_h1 is None:
            generic_h1 = h
    site = _meta(tree, "og:site_name", "application-name")
    for og in (_meta(tree, "og:title", "twitter:title"),):
        t = _strip(_site_less(og, site))
        if t and not _GENERIC_TITLE.match(t):
            return t, "og:title"
    node = tree.css_first("title")
    if node is not None:
        for piece in _SEPARATORS.split(text_of(node)):
            t = _strip(piece)
            if t and not _GENERIC_TITLE.match(t) and t.lower() != site.lower():
                return t, "title-tag"
    if generic_h1 is not None:  # the heading beside a generic one names the occupation
        for sib in _near(generic_h1):
            t = _strip(text_of(sib, 20))
            if t and len(t) <= 80 and not _GENERIC_TITLE.match(t) and not t.endswith("."):
                return t, "beside-h1"
    return "", "none"


def _named_within(headline: str, tree: LexborHTMLParser) -> tuple[str, str] | None:
    """The page's own name for its subject (og:title, else the title tag's first piece) when
    the headline wraps it: "Chat with Sam: Librarian", "Career of the week: Chef", "Chef
    compared with similar occupations". A headline that is the name with more words of its
    own ("Registered Nurse", "Nurse Practitioner" for "Nurse") is kept."""
    site = _meta(tree, "og:site_name", "application-name")
    named = [(_site_less(_meta(tree, "og:title", "twitter:title"), site), "og:title")]
    node = tree.css_first("title")
    if node is not None:
        named.append((_site_less(text_of(node), site), "title-tag"))
    for raw, where in named:
        name = clean(raw)
        if len(name) < 3 or name == headline or _GENERIC_TITLE.match(name):
            continue
        if name.lower() == headline.lower():  # "How to become a nurse": "Nurse", as it is named
            return name, f"{where}-in-h1"
        if headline.endswith(name) and re.search(r"[:|–—-]\s*$", headline[: -len(name)]):
            return name, f"{where}-in-h1"
        rest = headline[len(name) :] if headline.startswith(name) else ""
        if rest[:1] == " " and rest[1:2].islower():
            return name, f"{where}-in-h1"
        if re.match(r"\s*(?:[:|–—]|\s-)\s", rest):  # "Paramedic – occupation data"
            return name, f"{where}-in-h1"
        if _in_running_text(name).search(headline):  # "A day in the life of a nurse"
            return name, f"{where}-in-h1"
    return None


# Words after which a name in a headline is its object, not part of a longer name: "You
# matched 81% with Truck Driver", "A day in the life of a university professor", "Compare
# School Counselor with Teacher" ("Registered Nurse" is a name of its own).
_FUNCTION_WORDS = (
    r"a|an|the|of|with|as|for|to|on|about|meet|compare|comparing|become|becoming|being|vs\.?"
    r"|versus|from|like"
)


def _in_running_text(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:[:|–—-]\s*|\b(?:{_FUNCTION_WORDS})\s+){re.escape(name)}(?=$|[\s,.:;!?)])", re.I
    )


def _named_elsewhere(headline: str, tree: LexborHTMLParser) -> tuple[str, str] | None:
    """og:title's name when the headline shares no word with it ("Career match results" over
    a page whose og:title, title tag and breadcrumb say "Truck Driver") and the title tag or
    the breadcrumb's current item says the same name."""
    site = _meta(tree, "og:site_name", "application-name")
    name = clean(_site_less(_meta(tree, "og:title", "twitter:title"), site))
    if len(name) < 3 or len(name) > 60 or _GENERIC_TITLE.match(name):
        return None
    if _stems(headline) & _stems(name):
        return None
    node = tree.css_first("title")
    said = [text_of(node)] if node is not None else []
    said += [text_of(n, 10) for n in tree.css('[aria-current="page"]')[:3]]
    if any(_in_running_text(name).search(t) or clean(t).lower() == name.lower() for t in said):
        return name, "og:title-over-h1"
    return None


def _stems(text: str) -> set[str]:
    """Its words of three letters or more, cut to four ("nursing", "nurses": "nurs")."""
    return {w[:4] for w in re.findall(r"[a-z]{3,}", text.lower())}


def _site_less(text: str, site: str) -> str:
    if not site:
        return text
    pieces = [p for p in _SEPARATORS.split(text) if p.strip().lower() != site.lower()]
    return pieces[0] if pieces else ""


def _near(head: LexborNode) -> list[LexborNode]:
    out: list[LexborNode] = []
    node = head.next
    while node is not None and len(out) < 2:
        if node.tag in {"h2", "h3", "p", "span", "div"}:
            out.append(node)
        node = node.next
    return out


def summary(tree: LexborHTMLParser, d: Draft) -> None:
    for name, rule in (("description", "meta-description"), ("og:description", "meta-og")):
        text = _meta(tree, name)
        if text:
            d.put("summary", text, rule)
            return


def category(tree: LexborHTMLParser, url: str, page: PageIndex, d: Draft) -> bool:
    """The breadcrumb's last section that is the career's own (not the site's, not the title)."""
    name = title(tree, page).lower()
    items = []
    for trail in tree.css(_BREADCRUMB)[:5]:
        items = _crumbs(trail)
        if items:
            break
    if items:
        picked = section(items, name)
        d.put("category", picked, "breadcrumb")
        return picked is not None
    return _link_trail(tree, url, name, d)


def _crumbs(trail: LexborNode) -> list[str]:
    """A breadcrumb's sections: its list items, else its links ("Home › Careers › Nurse"
    written as links between text arrows); never the item marked as the current page."""
    nodes = within(trail, 60)
    lis = [n for n in nodes if n.tag == "li"]
    if lis:
        return [text_of(li, 20) for li in lis if li.attributes.get("aria-current") != "page"]
    return [text_of(a, 20) for a in nodes if a.tag == "a"]


def section(items: list[str], name: str) -> str | None:
    """The last breadcrumb item that is the career's own section (not the site's, not
    the career `name` itself), or None."""
    for text in reversed(items):
        t = clean(text)
        if not t or len(t) > 60 or t.lower() == name:
            continue
        pieces = [clean(p) for p in re.split(r"[:›>»/|]|\s(?:&|and|\+)\s", t) if clean(p)]
        if all(_SITE_SECTIONS.match(p) or _SLUG.search(p) for p in pieces):
            continue  # "Home", "Explore careers", "Careers & jobs", "careers-data"
        return t
    return None


def _link_trail(tree: LexborHTMLParser, url: str, name: str, d: Draft) -> bool:
    """A breadcrumb known by its shape, not its class: a list of links that starts at the
    site's root and ends at a page in this page's own folder (its section's home)."""
    folder = urlsplit(url).path.rsplit("/", 1)[0] + "/"
    for trail in tree.css("ul, ol")[:200]:
        lis = [li for li in children(trail, 20) if li.tag == "li"][:9]
        links = [a for li in lis for a in [n for n in within(li, 6) if n.tag == "a"][:1]]
        if not 3 <= len(links) <= 8 or len(links) != len(lis):
            continue
        paths = [urlsplit(urljoin(url, a.attributes.get("href") or "")).path for a in links]
        last = paths[-1]
        if paths[0] != "/" or last == urlsplit(url).path or not last.startswith(folder):
            continue
        picked = section([text_of(a, 20) for a in links], name)
        if picked:
            d.put("category", picked, "link-trail")
            return True
    return False


def currency_hint(tree: LexborHTMLParser, url: str) -> tuple[str, str] | None:
    """(ISO code, rule) the page's locale or country domain implies, or None."""
    html = tree.css_first("html")
    for value, rule in (
        (html.attributes.get("lang") if html is not None else None, "lang"),
        (_meta(tree, "og:locale"), "og:locale"),
        (_own_hreflang(tree, url), "hreflang"),
    ):
        m = _LOCALE.match(clean(value))
        if m and m.group("c").lower() in _COUNTRY_CURRENCY:
            return _COUNTRY_CURRENCY[m.group("c").lower()], f"{rule}({clean(value)})"
    for address, rule in ((url, "domain"), (_canonical(tree), "canonical-domain")):
        host = (urlsplit(address).hostname or "") if address else ""
        tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
        if tld in _COUNTRY_CURRENCY and tld not in {"us"}:
            return _COUNTRY_CURRENCY[tld], f"{rule}({host})"
    return None


def _canonical(tree: LexborHTMLParser) -> str:
    node = tree.css_first('link[rel="canonical"]')
    href = clean(node.attributes.get("href")) if node is not None else ""
    return href or _meta(tree, "og:url")


def _own_hreflang(tree: LexborHTMLParser, url: str) -> str:
    """The locale of this page among its `hreflang` alternates: the one country they all
    name, else the alternate whose address is this page's (by path)."""
    path = urlsplit(url).path.rstrip("/")
    canonical_path = urlsplit(_canonical(tree)).path.rstrip("/")
    alternates = [
        (clean(link.attributes.get("hreflang")), link.attributes.get("href") or "")
        for link in tree.css('link[rel="alternate"][hreflang]')[:50]
    ]
    alternates = [(lang, href) for lang, href in alternates if lang.lower() != "x-default"]
    countries = {m.group("c").lower() for lang, _ in alternates if (m := _LOCALE.match(lang))}
    if len(countries) == 1:
        return next(lang for lang, _ in alternates if _LOCALE.match(lang))
    for lang, href in alternates:
        href_path = urlsplit(href).path.rstrip("/")
        if href_path and href_path in {path, canonical_path}:
            return lang
    return ""
