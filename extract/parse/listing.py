"""Is this a listing (an index of careers, a category page) rather than one career?

Used only for pages no template recognized: a template knows its own profile
pages, and profile pages of big sites carry big navigation menus.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from extract.parse.text import clean

LINK_SHARE = 0.5  # share of the page's words that sit inside links
MANY_LINKS = 60  # links to other pages, beyond which a page reads as an index


def link_share(tree: LexborHTMLParser) -> tuple[float, int]:
    """(share of body text inside <a>, number of links to other pages)."""
    body = tree.body
    if body is None:
        return 0.0, 0
    total = len(clean(body.text()))
    links = [a for a in body.css("a[href]") if not (a.attributes.get("href") or "").startswith("#")]
    inside = sum(len(clean(a.text())) for a in links)
    return (inside / total if total else 0.0), len(links)


def not_for_collection(tree: LexborHTMLParser) -> bool:
    """`<meta name="robots" content="noindex">`: a print view, a duplicate or a private
    page, which the site itself asks not to be collected."""
    for meta in tree.css("meta[name]"):
        name = (meta.attributes.get("name") or "").lower()
        if name in {"robots", "googlebot"}:
            content = (meta.attributes.get("content") or "").lower()
            if "noindex" in content or "none" in content.split(","):
                return True
    return False


def looks_like_listing(tree: LexborHTMLParser, evidence: int) -> bool:
    """A page with fewer than two career facts, or a link-dominated one with few facts."""
    if evidence < 2:
        return True
    share, count = link_share(tree)
    return evidence < 4 and (share > LINK_SHARE or (count > MANY_LINKS and share > 0.35))
