"""Pure rendering of the sample site: site data in, HTML/XML/text pages out.

The markup imitates a real career site (header, nav, footer, scripts, styles,
a "related careers" aside whose salaries are not this page's) so parsers meet
real-world noise, yet it is fully determined by `careers.json`.

URL layout (every page is also listed in `site_pages`):

    /                           home page (links to the index and the quiz)
    /careers/                   "all jobs" index, page 1; /careers/page/<n>/ for n >= 2
    /careers/<slug>             a profile page (listed in sitemap.xml)
    /careers/<slug>/print       print view, linked from every profile; robots.txt disallows it
    /drafts/<slug>              unpublished profile, listed in the index; robots.txt disallows it
    /quiz                       the quiz the profiles advertise (not a career page)
    /sitemap.xml, /robots.txt, /static/site.css, /static/app.js
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html import escape

from sample_site.data import Career, SiteData

HTML = "text/html; charset=utf-8"
LEARN_URL = "https://learn.example.org/careers"
ONET_URL = "https://www.onetonline.org/link/summary"

ROBOTS_RULES = ("/careers/*/print", "/drafts/")


@dataclass(frozen=True, slots=True)
class Page:
    """One servable resource: its bytes, Content-Type and Last-Modified time (UTC)."""

    body: bytes
    content_type: str
    last_modified: datetime

    @property
    def etag(self) -> str:
        """A strong validator: it changes exactly when the bytes change."""
        return '"' + hashlib.sha256(self.body).hexdigest()[:32] + '"'


def profile_path(slug: str) -> str:
    return f"/careers/{slug}"


def print_path(slug: str) -> str:
    return f"/careers/{slug}/print"


def draft_path(slug: str) -> str:
    return f"/drafts/{slug}"


def index_path(page: int) -> str:
    """Page 1 of the index is /careers/, later pages /careers/page/<n>/."""
    return "/careers/" if page == 1 else f"/careers/page/{page}/"


def index_page_count(data: SiteData) -> int:
    return max(1, math.ceil(len(_listing(data)) / data.per_page))


def site_pages(data: SiteData, base_url: str) -> dict[str, Page]:
    """Every path the site serves, rendered once; `base_url` has no trailing slash."""
    site_date = _midnight(data.updated)
    pages: dict[str, Page] = {
        "/": Page(_utf8(render_home(data)), HTML, site_date),
        "/quiz": Page(_utf8(render_quiz(data)), HTML, site_date),
        "/robots.txt": Page(_utf8(render_robots(base_url)), "text/plain; charset=utf-8", site_date),
        "/sitemap.xml": Page(
            _utf8(render_sitemap(data, base_url)), "application/xml; charset=utf-8", site_date
        ),
        "/static/site.css": Page(_utf8(_CSS), "text/css; charset=utf-8", site_date),
        "/static/app.js": Page(_utf8(_JS), "text/javascript; charset=utf-8", site_date),
    }
    for n in range(1, index_page_count(data) + 1):
        pages[index_path(n)] = Page(_utf8(render_index(data, n)), HTML, site_date)
    for career in data.careers:
        when = _midnight(career.updated)
        pages[profile_path(career.slug)] = Page(
            _utf8(render_profile(data, career, base_url)), HTML, when
        )
        pages[print_path(career.slug)] = Page(_utf8(render_print(data, career)), HTML, when)
    for draft in data.drafts:
        pages[draft_path(draft.slug)] = Page(
            _utf8(render_profile(data, draft, base_url, draft=True)),
            HTML,
            _midnight(draft.updated),
        )
    return pages


# --- pages -------------------------------------------------------------------------------------


def render_profile(data: SiteData, career: Career, base_url: str, *, draft: bool = False) -> str:
    """The profile page, sections in the order of the reference page (drafts lack a print view)."""
    path = draft_path(career.slug) if draft else profile_path(career.slug)
    print_link = (
        f'<p class="print-link"><a href="{print_path(career.slug)}" rel="nofollow">'
        "Print this profile</a></p>"
    )
    body = "\n".join(
        part
        for part in (
            '<article class="career-profile" data-slug="' + _e(career.slug) + '">',
            '<a class="back-link" href="/careers/">← Back to all jobs</a>',
            '<header class="career-header">',
            f'  <h1 class="career-title">{_e(career.title)}</h1>',
            f'  <span class="career-category badge">{_e(career.category)}</span>',
            f'  <p class="career-summary">{_e(career.summary)}</p>',
            "</header>",
            _stats(career),
            _onet(career),
            _skills(
                "technical", "Tools & Technical Skills", [i.text for i in career.technical_skills]
            ),
            _skills("people", "People & Mindset Skills", [i.text for i in career.people_skills]),
            '<section class="learn">',
            "  <h2>Learn the skills</h2>",
            "  <p>Courses and certifications to get you job-ready</p>",
            f'  <a class="button button-outline" href="{LEARN_URL}/{_e(career.slug)}"'
            ' rel="noopener">Browse courses</a>',
            "</section>",
            _duties(career.duties),
            '<aside class="quiz-cta">',
            "  <h2>Think this could be you?</h2>",
            "  <p>Take the Career DNA Quiz to see if this role fits your personality.</p>",
            '  <a class="button" href="/quiz">Take the Quiz</a>',
            "</aside>",
            _related(data, career),
            "" if draft else print_link,
            "</article>",
        )
        if part
    )
    description = career.summary.split(". ")[0][:150]
    return _document(
        data,
        title=f"{career.title} | {data.name}",
        body=body,
        body_class="page-career",
        head=(
            f'<meta name="description" content="{_e(description)}">',
            f'<link rel="canonical" href="{_e(base_url + path)}">',
            f'<meta property="og:title" content="{_e(career.title)}">',
        ),
    )


def render_index(data: SiteData, page: int) -> str:
    """One page of the "all jobs" listing: cards, a count and numbered pagination."""
    listing = _listing(data)
    pages = index_page_count(data)
    first = (page - 1) * data.per_page
    shown = listing[first : first + data.per_page]
    cards = "\n".join(_card(path, career) for path, career in shown)
    head = []
    if page > 1:
        head.append(f'<link rel="prev" href="{index_path(page - 1)}">')
    if page < pages:
        head.append(f'<link rel="next" href="{index_path(page + 1)}">')
    body = "\n".join(
        (
            '<section class="job-index">',
            "  <h1>All jobs</h1>",
            f'  <p class="results-count">Showing {first + 1}–{first + len(shown)}'
            f" of {len(listing)} careers</p>",
            '  <ul class="job-grid">',
            cards,
            "  </ul>",
            _pagination(page, pages),
            "</section>",
        )
    )
    suffix = "" if page == 1 else f" (page {page})"
    return _document(
        data, title=f"All jobs{suffix} | {data.name}", body=body, body_class="page-index", head=head
    )


def render_print(data: SiteData, career: Career) -> str:
    """A bare print view: a duplicate of the profile that crawlers must not collect."""
    rows = [("Category", career.category)]
    if career.salary is not None:
        rows += [(label, pay.text) for label, pay in career.salary.points()]
    if career.growth is not None:
        rows.append(("10-Year Growth", career.growth.text))
    table = "\n".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(career.title)} (print) | {_e(data.name)}</title>\n"
        '<meta name="robots" content="noindex">\n</head>\n'
        f'<body onload="window.print()">\n<main class="print-view">\n<h1>{_e(career.title)}</h1>\n'
        f"<p>{_e(career.summary)}</p>\n<table>\n{table}\n</table>\n</main>\n</body>\n</html>\n"
    )


def render_home(data: SiteData) -> str:
    featured = "\n".join(
        f'    <li><a href="{profile_path(c.slug)}">{_e(c.title)}</a></li>' for c in data.careers[:6]
    )
    body = "\n".join(
        (
            '<section class="hero">',
            "  <h1>Find a career that fits you</h1>",
            f"  <p>Explore {len(data.careers)} careers: what they pay, how fast they're growing,"
            " and what you'll actually do all day.</p>",
            '  <a class="button" href="/careers/">Browse all jobs</a>',
            '  <a class="button button-outline" href="/quiz">Take the Career DNA Quiz</a>',
            "</section>",
            '<section class="featured">',
            "  <h2>Popular right now</h2>",
            "  <ul>",
            featured,
            "  </ul>",
            "</section>",
        )
    )
    return _document(data, title=data.name, body=body, body_class="page-home")


def render_quiz(data: SiteData) -> str:
    body = "\n".join(
        (
            '<section class="quiz">',
            "  <h1>Career DNA Quiz</h1>",
            "  <p>Twelve questions about how you like to work. No email required.</p>",
            '  <form class="quiz-form" action="/quiz" method="get">',
            "    <fieldset><legend>Do you prefer working with people or things?</legend>",
            '      <label><input type="radio" name="q1" value="people"> People</label>',
            '      <label><input type="radio" name="q1" value="things"> Things</label>',
            "    </fieldset>",
            '    <button type="submit">Next question</button>',
            "  </form>",
            "</section>",
        )
    )
    return _document(
        data, title=f"Career DNA Quiz | {data.name}", body=body, body_class="page-quiz"
    )


def render_sitemap(data: SiteData, base_url: str) -> str:
    """Every published profile page with its last-modified date (drafts are not listed)."""
    urls = "\n".join(
        f"  <url><loc>{_e(base_url + profile_path(c.slug))}</loc>"
        f"<lastmod>{c.updated.isoformat()}</lastmod></url>"
        for c in data.careers
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{urls}\n</urlset>\n"
    )


def render_robots(base_url: str) -> str:
    """Disallows the print views (linked from every profile) and the drafts (listed in the index).

    No Crawl-delay: a polite crawler would otherwise slow every test that crawls the site.
    """
    rules = "\n".join(f"Disallow: {rule}" for rule in ROBOTS_RULES)
    return (
        "# CareerPath Explorer (the careers-etl sample site)\n"
        f"User-agent: *\n{rules}\n\nSitemap: {base_url}/sitemap.xml\n"
    )


def render_not_found(data: SiteData, path: str) -> str:
    body = (
        '<section class="not-found">\n  <h1>Page not found</h1>\n'
        f"  <p>There is no page at <code>{_e(path)}</code>.</p>\n"
        '  <a href="/careers/">Back to all jobs</a>\n</section>'
    )
    return _document(data, title=f"Not found | {data.name}", body=body, body_class="page-404")


# --- parts -------------------------------------------------------------------------------------


def _stats(c: Career) -> str:
    cards = []
    if c.salary is not None:
        points = "\n".join(
            f'      <div class="salary-point {label.lower()}"><dt>{label}</dt>'
            f"<dd>{_e(pay.text)}</dd></div>"
            for label, pay in c.salary.points()
        )
        cards.append(
            '  <div class="stat-card stat-salary">\n    <h2 class="stat-label">Salary Range</h2>\n'
            f'    <dl class="salary-range">\n{points}\n    </dl>\n  </div>'
        )
    singles = (
        ("growth", "10-Year Growth", c.growth.text if c.growth else None),
        ("workers", "US Workers", c.workers.text if c.workers else None),
        ("education", "Education", c.education.text if c.education else None),
        ("environment", "Environment", c.environment),
    )
    for key, label, value in singles:
        if value is not None:
            cards.append(
                f'  <div class="stat-card stat-{key}">\n'
                f'    <h2 class="stat-label">{_e(label)}</h2>\n'
                f'    <p class="stat-value">{_e(value)}</p>\n  </div>'
            )
    return '<section class="career-stats">\n' + "\n".join(cards) + "\n</section>"


def _onet(c: Career) -> str:
    """The link to the occupation's O*NET profile, as US career sites show it (or nothing)."""
    if c.onet is None:
        return ""
    return (
        f'<p class="source-link">Data on this occupation: <a href="{ONET_URL}/{_e(c.onet)}"'
        ' rel="noopener">O*NET OnLine</a></p>'
    )


def _skills(kind: str, heading: str, items: Sequence[str]) -> str:
    if not items:
        return ""
    lis = "\n".join(f'    <li class="skill-item">{_e(item)}</li>' for item in items)
    return (
        f'<section class="skills skills-{kind}">\n  <h2>{_e(heading)}</h2>\n'
        f'  <ul class="skill-list">\n{lis}\n  </ul>\n</section>'
    )


def _duties(duties: Sequence[str]) -> str:
    lis = "\n".join(
        f'    <li class="duty"><span class="duty-num">{n:02d}</span>'
        f'<span class="duty-text">{_e(duty)}</span></li>'
        for n, duty in enumerate(duties, start=1)
    )
    return (
        '<section class="duties">\n  <h2>What you&#39;ll actually do</h2>\n'
        f'  <ol class="duty-list">\n{lis}\n  </ol>\n</section>'
    )


def _related(data: SiteData, career: Career) -> str:
    """Up to three careers of the same category, with *their* median pay (a parser trap)."""
    others = [c for c in data.careers if c.category == career.category and c.slug != career.slug]
    lis = []
    for other in others[:3]:
        pay = other.salary.median if other.salary is not None else None
        salary = f' <span class="related-salary">Median {_e(pay.text)}</span>' if pay else ""
        lis.append(
            f'    <li><a href="{profile_path(other.slug)}">{_e(other.title)}</a>{salary}</li>'
        )
    if not lis:
        return ""
    return (
        '<aside class="related-careers">\n  <h3>Related careers</h3>\n  <ul>\n'
        + "\n".join(lis)
        + "\n  </ul>\n</aside>"
    )


def _listing(data: SiteData) -> list[tuple[str, Career]]:
    """The index's entries, alphabetical by title; drafts appear among them."""
    entries = [(profile_path(c.slug), c) for c in data.careers]
    entries += [(draft_path(d.slug), d) for d in data.drafts]
    return sorted(entries, key=lambda e: (e[1].title.casefold(), e[0]))


def _card(path: str, c: Career) -> str:
    pay = c.salary.median if c.salary is not None else None
    salary = f'<span class="job-salary">Median {_e(pay.text)}</span>' if pay else ""
    teaser = c.summary.split(". ")[0]
    return (
        f'    <li class="job-card"><a class="job-link" href="{path}">'
        f'<h2 class="job-title">{_e(c.title)}</h2></a>'
        f'<span class="job-category">{_e(c.category)}</span>{salary}'
        f'<p class="job-teaser">{_e(teaser)}</p></li>'
    )


def _pagination(page: int, pages: int) -> str:
    links = []
    if page > 1:
        links.append(
            f'<a class="page-prev" rel="prev" href="{index_path(page - 1)}">« Previous</a>'
        )
    for n in range(1, pages + 1):
        if n == page:
            links.append(f'<span class="page-number current" aria-current="page">{n}</span>')
        else:
            links.append(f'<a class="page-number" href="{index_path(n)}">{n}</a>')
    if page < pages:
        links.append(f'<a class="page-next" rel="next" href="{index_path(page + 1)}">Next »</a>')
    return (
        '  <nav class="pagination" aria-label="Pagination">\n    '
        + "\n    ".join(links)
        + "\n  </nav>"
    )


def _document(
    data: SiteData, *, title: str, body: str, body_class: str, head: Iterable[str] = ()
) -> str:
    extra = "".join(f"{line}\n" for line in head)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n"
        f"{extra}"
        '<link rel="stylesheet" href="/static/site.css">\n'
        "<style>.duty-num{font-weight:700;margin-right:.75rem}.badge{border-radius:1rem}</style>\n"
        "<script>window.dataLayer=window.dataLayer||[];"
        "dataLayer.push({'event':'page_view'});</script>\n"
        "</head>\n"
        f'<body class="{body_class}">\n'
        '<header class="site-header">\n'
        f'  <a class="logo" href="/">{_e(data.name)}</a>\n'
        '  <nav class="main-nav" aria-label="Main">\n    <ul>\n'
        '      <li><a href="/careers/">All jobs</a></li>\n'
        '      <li><a href="/quiz">Career DNA Quiz</a></li>\n'
        "    </ul>\n  </nav>\n</header>\n"
        f'<main id="content">\n{body}\n</main>\n'
        '<footer class="site-footer">\n'
        f"  <p>&copy; 2026 {_e(data.name)}. Salary &amp; growth figures are estimates.</p>\n"
        '  <p><a href="/sitemap.xml">Sitemap</a></p>\n'
        "</footer>\n"
        '<script src="/static/app.js" defer></script>\n'
        "</body>\n</html>\n"
    )


def _e(text: str) -> str:
    """HTML-escape text (quotes too); '£' is written as an entity, as many CMSs do."""
    return escape(text, quote=True).replace("£", "&pound;")


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


_CSS = """body{font-family:system-ui,sans-serif;margin:0;color:#1a1a2e}
.site-header,.site-footer{padding:1rem 2rem;background:#f4f4f8}
.career-stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:1rem}
.stat-card{border:1px solid #ddd;border-radius:.5rem;padding:1rem}
.job-grid{list-style:none;display:grid;gap:1rem}
"""

_JS = """document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('.job-card').forEach(function (card) { card.tabIndex = 0; });
});
"""
