"""Held-out round 8: written after round 7 was fixed, scored on first contact.

Eight kinds of page the earlier rounds do not have, each after a kind of public
career site in the US, UK, Canada, Australia or New Zealand:

- `markdown`: a profile kept as a Markdown file in a public repository and shown
  rendered (GitHub's blob view): a pipe table turned into a `<table>` with
  `align` attributes and a "Source" column, duties as task-list checkboxes,
  heading anchors, GitHub-style footnotes, a changelog naming old figures.
- `insights`: a job aggregator's "salary insights" page: schema.org JSON-LD
  (an Occupation whose `estimatedSalary` states `unitText` HOUR / WEEK /
  MONTH / YEAR, and an ItemList of JobPostings with their own `baseSalary`),
  the same figures in the visible panel, "based on N salaries" counts, top
  paying cities and recent job ads with their own pay as decoys.
- `versus`: a "compare two careers" page: this job and one other side by side
  in a table and in two list columns; the title and h1 name this job first and
  its column is marked, but the column may come second; the other job's facts,
  duties and skills are decoys.
- `poster`: an SVG infographic: every fact in `<text>` / `<tspan>` elements
  (values wrapped over lines, skills in pills), an "All jobs" figure in each
  pay card, a link to a text version that is not on the page.
- `slides`: a carousel of fact cards ("3/9"), one fact per slide, the slides
  after the first `aria-hidden` until shown, a "Did you know?" slide with a
  national average, dots and prev/next buttons.
- `quiz`: a career-match quiz result: "You matched 87% with ...", the top
  match's facts in a results panel, the other matches with their own match
  score and pay, the user's answers and personality type.
- `podcast`: a video or podcast episode page: chapter markers, a transcript
  with timestamps and speakers, the figures said by the host, a guest's own
  pay ("when I started I was on ...") as a decoy, show notes with the lists.
- `bottomsheet`: a mobile app webview: an app bar, tappable rows with
  chevrons, the details of each row in a bottom sheet (`role="dialog"`,
  `hidden` until tapped) with an "all jobs" comparison, a bottom tab bar.
"""

from __future__ import annotations

import html as _html
import json
import random
import textwrap
from dataclasses import replace

from tests.corpus import wording as w
from tests.corpus.build import _occupations
from tests.corpus.heldout6 import _decoy_pay, _items, _kinds, _plain, _shown
from tests.corpus.items import Item, others_pay
from tests.corpus.layouts import Ctx, Layout, Rendered, _footnote, _lists, _title
from tests.corpus.markup import breadcrumb, document, e
from tests.corpus.model import PER_YEAR, Facts, Pay
from tests.corpus.values import EDUCATION, RATINGS

__all__ = ["HELD_OUT_8"]

CHECKED = ' checked=""'
SUBJ = ' class="is-subject"'
CURRENT = ' aria-current="true"'
PAGE = ' aria-current="page"'


def _note(it: Item) -> str:
    return f" {e(it.note)}" if it.note else ""


def _money(f: Facts, amount: float, period: str) -> str:
    assert f.salary is not None
    return w.money(amount, replace(f.salary, floor=False), f.locale, period)


def _other_value(rng: random.Random, f: Facts, it: Item) -> str:
    """A value of the same kind that is not this page's (escaped text)."""
    if it.kind == "pay" and f.salary is not None:
        pay = f.salary.published()
        base = (pay.median or pay.low or pay.high or 50_000.0) * rng.choice((0.8, 0.85, 1.2, 1.3))
        per = w.period_words(rng, pay.period).lstrip("/")

        def amount(x: float) -> str:
            x = round(x, 2) if pay.period == "hour" else float(round(x, -1))
            return _money(f, x, pay.period)

        if any(s in it.value for s in (" to ", "–", "-", "between")):
            return e(f"{amount(base * 0.8)} to {amount(base * 1.3)} {per}")
        return e(f"{amount(base)} {per}")
    if it.kind == "growth":
        return e(f"{rng.choice((-4, 1, 3, 11, 14, 17))}%")
    if it.kind == "outlook":
        mine = _plain(it.value)
        opts = [r for r in RATINGS[f.locale.code] if r != mine]
        if "star" in mine or "★" in mine:
            stars = mine.count("★") or int(mine.split()[0])
            return e(f"{rng.choice([n for n in range(1, 6) if n != stars])} out of 5 stars")
        return e(rng.choice(opts))
    if it.kind == "workers":
        return e(f"{rng.randint(3, 400) * 1_000 + rng.randint(1, 9) * 10:,}")
    if it.kind == "education":
        mine = f.education[1] if f.education else ""
        level = rng.choice([k for k in EDUCATION if k != mine])
        return e(EDUCATION[level][f.locale.code][0])
    if it.kind == "environment":
        return e(rng.choice(("Offices", "Outdoors, in all weather", "Hospitals", "Workshops")))
    if it.kind == "category":
        return e(f.category or "")
    return "—"


def _scrub_stars(value: str) -> str:
    return e(_plain(value)) if "aria-label=" in value else value


# --- markdown: a rendered Markdown file in a public repository ------------------------------------

_OCTICON = (
    '<svg class="octicon octicon-link" viewBox="0 0 16 16" width="16" height="16" '
    'aria-hidden="true"><path d="m7.775 3.275 1.25-1.25a3.5 3.5 0 1 1 4.95 4.95l-2.5 2.5"></path>'
    "</svg>"
)


def _md_heading(level: int, text: str) -> str:
    anchor = "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")
    return (
        f'<div class="markdown-heading"><h{level} class="heading-element">{e(text)}</h{level}>'
        f'<a id="user-content-{anchor}" class="anchor" aria-label="Permalink: {e(text)}" '
        f'href="#{anchor}">{_OCTICON}</a></div>'
    )


def markdown(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    show_cat = f.category is not None and rng.random() < 0.6
    block, items = _items(ctx, ("value", "label", "note", "footnote"), category=show_cat)
    sources = {
        "US": ("OEWS May 2023", "Employment Projections", "O*NET"),
        "UK": ("ASHE 2023", "Working Futures", "LMI for All"),
        "CA": ("Job Bank 2023", "COPS", "NOC 2021"),
        "AU": ("ABS Census", "Jobs and Skills Australia", "ANZSCO"),
        "NZ": ("Stats NZ", "MBIE", "Careers NZ"),
    }[loc.code]
    rows = []
    prose = []
    fn = ""
    for it in items:
        if it.prose:
            prose.append(f"<p>{it.value}</p>")
            continue
        mark = ""
        if it.kind == "pay" and block.footnote and not fn:
            fn = block.footnote
            mark = (
                '<sup><a href="#user-content-fn-1-a1b2" id="user-content-fnref-1-a1b2" '
                'data-footnote-ref="" aria-describedby="footnote-label">1</a></sup>'
            )
        rows.append(
            f'<tr><td align="left"><strong>{e(it.label)}</strong></td>'
            f'<td align="right">{it.value}{_note(it)}{mark}</td>'
            f'<td align="left"><em>{e(rng.choice(sources))}</em></td></tr>'
        )
    table = (
        '<markdown-accessiblity-table><table><thead><tr><th align="left">Fact</th>'
        '<th align="right">Value</th><th align="left">Source</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></markdown-accessiblity-table>"
    )
    lists = []
    for kind, values in _kinds(f):
        head = _md_heading(3, w.label(rng, kind, loc))
        if kind == "duties":
            lis = "".join(
                '<li class="task-list-item"><input type="checkbox" id="" disabled="" '
                f'class="task-list-item-checkbox"{CHECKED if rng.random() < 0.3 else ""}> '
                f"{e(x)}</li>"
                for x in values
            )
            lists.append(f'{head}<ul class="contains-task-list">{lis}</ul>')
        else:
            lis = "".join(f"<li>{e(x)}</li>" for x in values)
            lists.append(f"{head}<ul>{lis}</ul>")
    changes = []
    if f.salary is not None:
        old = _decoy_pay(rng, f, rng.uniform(0.85, 0.95))
        changes.append(
            f"<li><code>2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}</code> "
            f"update pay figures (previously {e(old)})</li>"
        )
    changes.append(
        f"<li><code>2023-1{rng.randint(0, 2)}-0{rng.randint(1, 9)}</code> fix typos in duties</li>"
    )
    footnotes = (
        '<section data-footnotes="" class="footnotes"><h2 id="footnote-label" class="sr-only">'
        'Footnotes</h2><ol><li id="user-content-fn-1-a1b2"><p>'
        f'{e(fn)} <a href="#user-content-fnref-1-a1b2" data-footnote-backref="" '
        'aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p></li></ol>'
        "</section>"
        if fn
        else ""
    )
    article = (
        '<article class="markdown-body entry-content container-lg" itemprop="text">'
        + _md_heading(1, t)
        + f"<blockquote><p>{e(f.summary)}</p></blockquote>"
        + _md_heading(2, rng.choice(("Key facts", "At a glance", "Summary")))
        + table
        + "".join(prose)
        + _md_heading(2, rng.choice(("The work", "About the job", "Details")))
        + "".join(lists)
        + _md_heading(2, "Changelog")
        + f"<ul>{''.join(changes)}</ul>"
        + footnotes
        + "</article>"
    )
    repo = rng.choice(("careers-data", "occupation-profiles", "open-careers"))
    org = rng.choice(("govtnz", "gds-careers", "open-lmi", "jobs-au", "careerdata-ca"))
    chrome = (
        f'<div class="repo-header"><a href="/{org}">{org}</a> / <a href="/{org}/{repo}">'
        f'<strong>{repo}</strong></a> <span class="Label">Public</span></div>'
        f'<nav aria-label="Breadcrumbs" class="file-path"><a href="/{org}/{repo}">{repo}</a> / '
        f'<a href="/{org}/{repo}/tree/main/profiles">profiles</a> / '
        f"<strong>{e(f.slug)}.md</strong></nav>"
        f'<div class="file-header"><span>{rng.randint(40, 90)} lines '
        f"({rng.randint(30, 70)} loc) · {rng.randint(2, 9)}.{rng.randint(1, 9)} KB</span>"
        '<div class="BtnGroup"><a>Preview</a><a>Code</a><a>Blame</a></div>'
        f'<a href="/{org}/{repo}/commits/main/profiles/{e(f.slug)}.md">History · '
        f"{rng.randint(3, 40)} commits</a> <a>Raw</a></div>"
    )
    body = chrome + f'<div id="readme" class="Box-body readme blob">{article}</div>'
    html = document(
        m,
        f,
        body=body,
        site_name=ctx.site,
        salary=f.salary,
        title_tag=f"{repo}/profiles/{f.slug}.md at main · {org}/{repo}",
    )
    return Rendered(
        f"/{org}/{repo}/blob/main/profiles/{f.slug}.md",
        html,
        _shown(f, f.category if show_cat else None),
    )


# --- insights: an aggregator's salary insights with JSON-LD ---------------------------------------

_UNIT = {"year": "YEAR", "month": "MONTH", "week": "WEEK", "day": "DAY", "hour": "HOUR"}
_CITIES = {
    "US": ("Houston, TX", "Chicago, IL", "Seattle, WA", "Atlanta, GA"),
    "UK": ("Manchester", "Birmingham", "Leeds", "Bristol"),
    "CA": ("Toronto, ON", "Calgary, AB", "Vancouver, BC", "Halifax, NS"),
    "AU": ("Sydney NSW", "Melbourne VIC", "Brisbane QLD", "Perth WA"),
    "NZ": ("Auckland", "Wellington", "Christchurch", "Hamilton"),
}


def _ld_amount(currency: str, pay: Pay) -> dict[str, object]:
    unit = _UNIT[pay.period]
    if pay.percentiles:
        p = dict(pay.percentiles)
        return {
            "@type": "MonetaryAmountDistribution",
            "name": "base",
            "currency": currency,
            "unitText": unit,
            "percentile10": p[10],
            "percentile25": p[25],
            "median": pay.median,
            "percentile75": p[75],
            "percentile90": p[90],
        }
    if pay.low is None:
        return {
            "@type": "MonetaryAmountDistribution",
            "name": "base",
            "currency": currency,
            "unitText": unit,
            "median": pay.median,
        }
    value: dict[str, object] = {
        "@type": "QuantitativeValue",
        "minValue": pay.low,
        "maxValue": pay.high,
        "unitText": unit,
    }
    if pay.median is not None:
        value["value"] = pay.median
    return {"@type": "MonetaryAmount", "currency": currency, "value": value}


def insights(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    n_salaries = rng.randint(120, 9_000)
    cities = rng.sample(_CITIES[loc.code], 3)
    occupation: dict[str, object] = {
        "@type": "Occupation",
        "name": t,
        "description": f.summary,
        "occupationLocation": {"@type": "Country", "name": loc.country.removeprefix("the ")},
    }
    postings = []
    city_rows = []
    job_cards = []
    if f.salary is not None:
        s = f.salary
        amounts = [_ld_amount(s.currency, p) for p in s.shown]
        occupation["estimatedSalary"] = amounts if len(amounts) > 1 else amounts[0]
        annual = s.published().median or s.published().low or 50_000.0
        annual *= PER_YEAR[s.published().period]
        for city in cities:
            x = annual * rng.uniform(1.05, 1.3)
            period = s.published().period
            amount = round(x / PER_YEAR[period], 2 if period == "hour" else -1)
            city_rows.append(
                f"<li><span>{e(city)}</span> <strong>{e(_money(f, amount, period))}</strong> "
                f"{e(w.period_words(rng, period).lstrip('/'))}</li>"
            )
        employers = rng.sample(
            ("Acme Services", "Northside Group", "Harbour Health", "Metro Works", "Summit Co"), 3
        )
        for i, who in enumerate(employers):
            period = rng.choice(("hour", "week", "year"))
            lo = annual * rng.uniform(0.75, 0.95) / PER_YEAR[period]
            hi = lo * rng.uniform(1.1, 1.25)
            lo, hi = (
                (round(lo, 2), round(hi, 2)) if period == "hour" else (round(lo, -1), round(hi, -1))
            )
            job = rng.choice((f"Senior {t}", f"Trainee {t}", f"{t} (contract)", f"Lead {t}"))
            postings.append(
                {
                    "@type": "ListItem",
                    "position": i + 1,
                    "item": {
                        "@type": "JobPosting",
                        "title": job,
                        "hiringOrganization": {"@type": "Organization", "name": who},
                        "jobLocation": {"@type": "Place", "address": cities[i % len(cities)]},
                        "datePosted": f"2025-05-{rng.randint(10, 28)}",
                        "baseSalary": {
                            "@type": "MonetaryAmount",
                            "currency": s.currency,
                            "value": {
                                "@type": "QuantitativeValue",
                                "minValue": lo,
                                "maxValue": hi,
                                "unitText": _UNIT[period],
                            },
                        },
                    },
                }
            )
            job_cards.append(
                f'<li class="job-card"><a href="/viewjob?jk={rng.randint(10**9, 10**10)}">'
                f"<h3>{e(job)}</h3></a><p>{e(who)} · {e(cities[i % len(cities)])}</p>"
                f"<p>{e(_money(f, lo, period))} – {e(_money(f, hi, period))} "
                f"{e(w.period_words(rng, period).lstrip('/'))}</p>"
                f"<p><small>{rng.randint(1, 29)} days ago</small></p></li>"
            )
    graph: list[dict[str, object]] = [
        {
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": 1,
                    "name": "Salaries",
                    "item": "/career/salaries",
                },
                {"@type": "ListItem", "position": 2, "name": t},
            ],
        },
        occupation,
    ]
    if postings:
        graph.append({"@type": "ItemList", "name": f"{t} jobs", "itemListElement": postings})
    ld = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
    safe = ld.replace("</", "<\\/")
    head = f'<script type="application/ld+json">{safe}</script>'
    stats = []
    other = []
    for it in items:
        if it.prose:
            other.append(f"<p>{it.value}</p>")
        elif it.kind == "pay":
            stats.append(
                f'<div{m.cls("insight-stat")}><div class="label">{e(it.label)}</div>'
                f'<div class="value">{it.value}</div>'
                + (f'<div class="unit">{e(it.note)}</div>' if it.note else "")
                + "</div>"
            )
        else:
            other.append(f"<dt>{e(it.label)}</dt><dd>{it.value}{_note(it)}</dd>")
    dl = "".join(x for x in other if x.startswith("<dt"))
    paras = "".join(x for x in other if x.startswith("<p"))
    country = loc.country.removeprefix("the ")
    panel_h = rng.choice(("Average base salary", "Salary snapshot", "Pay overview"))
    panel = (
        f"<section{m.cls('salary-insights')}><h2>{e(panel_h)}</h2>"
        + "".join(stats)
        + _footnote(ctx, block)
        + f"<p><small>Based on {n_salaries:,} salaries reported to us · Updated "
        f"{rng.randint(1, 28)} May 2025</small></p>"
        + "<p>Is this useful? <button>Yes</button> <button>No</button></p></section>"
    )
    cities_html = (
        f"<section><h2>Highest paying cities for {e(t)}s</h2><ul>{''.join(city_rows)}</ul>"
        "</section>"
        if city_rows
        else ""
    )
    jobs_html = (
        f"<section><h2>{e(t)} jobs near you</h2><ul>{''.join(job_cards)}</ul></section>"
        if job_cards
        else ""
    )
    facts = f"<section><h2>Career snapshot</h2><dl>{dl}</dl>{paras}</section>"
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + f"<h1>{e(t)} salary in {e(country)}</h1><p>{e(f.summary)}</p>"
        + panel
        + cities_html
        + facts
        + "".join(_lists(ctx))
        + jobs_html
        + '<aside class="ad">Sponsored · Upload your CV and get matched to jobs today.</aside>'
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary, head_extra=head)
    return Rendered(f"/career/{f.slug}/salaries", html, _shown(f, category))


# --- versus: this job and one other side by side --------------------------------------------------


def _other_career(ctx: Ctx) -> tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    by_title = {c.title: c for c in _occupations()}
    names = [n for n in ctx.related if n in by_title and n != ctx.facts.title]
    if not names:
        return (
            "Office manager",
            ("Supervise office staff", "Order supplies"),
            ("Scheduling",),
            ("Organisation",),
        )
    c = by_title[ctx.rng.choice(names)]
    tech = tuple(i.text for i in c.technical_skills)
    people = tuple(i.text for i in c.people_skills)
    return c.title, c.duties, tech, people


def versus(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    show_cat = f.category is not None and rng.random() < 0.5
    block, items = _items(ctx, ("value", "label", "note"), category=show_cat)
    other, o_duties, o_tech, o_people = _other_career(ctx)
    mine_first = rng.random() < 0.6
    tag = rng.choice(("(this career)", "(selected)", "(you are viewing)"))
    heads = [f"{e(t)} <small>{e(tag)}</small>", e(other)]
    if not mine_first:
        heads.reverse()
    rows = []
    prose = []
    for it in items:
        if it.prose:
            prose.append(f"<p>{it.value}</p>")
            continue
        cells = [f"{it.value}{_note(it)}", _other_value(rng, f, it)]
        if not mine_first:
            cells.reverse()
        rows.append(
            f'<tr><th scope="row">{e(it.label)}</th><td>{cells[0]}</td><td>{cells[1]}</td></tr>'
        )
    table = (
        f"<table{m.cls('versus')}><caption>{e(t)} vs {e(other)}</caption><thead><tr>"
        f'<td></td><th scope="col"{SUBJ if mine_first else ""}>{heads[0]}</th>'
        f'<th scope="col"{"" if mine_first else SUBJ}>{heads[1]}</th></tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )
    cols = []
    other_lists = {"duties": o_duties, "technical": o_tech, "people": o_people}
    for kind, values in _kinds(f):
        label = w.label(rng, kind, loc)
        role = kind.removesuffix("s")
        mine = f"<div><h4>{e(t)}</h4>{m.list_of(values, role, kind='ul')}</div>"
        theirs_vals = other_lists.get(kind, ())
        theirs = (
            f"<div><h4>{e(other)}</h4><ul>"
            + "".join(f"<li>{e(x)}</li>" for x in theirs_vals)
            + "</ul></div>"
            if theirs_vals
            else f"<div><h4>{e(other)}</h4><p>No information.</p></div>"
        )
        pair = [mine, theirs] if mine_first else [theirs, mine]
        cols.append(
            f"<section{m.cls('compare-row')}><h3>{e(label)}</h3>"
            f'<div class="two-col">{pair[0]}{pair[1]}</div></section>'
        )
    crumbs, category = breadcrumb(m, f)
    if show_cat:
        category = f.category
    h1 = rng.choice((f"{t} vs {other}", f"Compare {t} with {other}", f"{t} compared with {other}"))
    picker = (
        '<form class="compare-picker"><label for="other">Compare with</label>'
        f'<select id="other"><option selected>{e(other)}</option>'
        + "".join(f"<option>{e(x)}</option>" for x in ctx.related[:4] if x != other)
        + "</select><button>Compare</button></form>"
    )
    body = (
        crumbs
        + f"<h1>{e(h1)}</h1>"
        + f"<p>You are viewing <strong>{e(t)}</strong>. {e(f.summary)}</p>"
        + picker
        + table
        + _footnote(ctx, block)
        + "".join(prose)
        + "".join(cols)
    )
    html = document(
        m,
        f,
        body=body,
        site_name=ctx.site,
        salary=f.salary,
        title_tag=f"{t} vs {other} | {ctx.site}",
    )
    return Rendered(
        f"/compare/{f.slug}-vs-{other.lower().replace(' ', '-')}", html, _shown(f, category)
    )


# --- poster: an SVG infographic -------------------------------------------------------------------


def _tspans(text: str, x: int, width: int, size: int = 14) -> tuple[str, int]:
    """`text` (escaped) wrapped into tspans; (markup, lines)."""
    lines = textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False) or [""]
    out = "".join(
        f'<tspan x="{x}" dy="{0 if i == 0 else size + 4}">{e(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return out, len(lines)


def poster(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    y = 110
    kicker = rng.choice(("Career infographic", "Job at a glance", "Career poster"))
    parts = [
        f'<rect width="800" height="100" fill="#003b5c"></rect>'
        f'<text x="40" y="60" class="poster-title" font-size="34" fill="#fff">{e(t)}</text>'
        f'<text x="40" y="88" font-size="14" fill="#cde">{e(kicker)}</text>'
    ]
    width = rng.choice((34, 40, 46))
    for it in items:
        value = _html.unescape(_plain(it.value))
        if it.note:
            value = f"{value} {it.note}"
        spans, n = _tspans(value, 60, width if it.prose else 60, 18)
        parts.append(
            f'<g class="fact fact-{it.kind}" transform="translate(0,{y})">'
            f'<rect x="40" y="0" width="720" height="{44 + n * 22}" rx="8" fill="#eef4f8"></rect>'
            f'<text x="60" y="24" font-size="13" fill="#446">'
            f"{e(it.label.upper() if rng.random() < 0.5 else it.label)}</text>"
            f'<text x="60" y="50" font-size="18" font-weight="bold">{spans}</text>'
        )
        if it.kind == "pay" and f.salary is not None:
            parts.append(
                f'<text x="560" y="24" font-size="11" fill="#667">All jobs: '
                f"{e(_decoy_pay(rng, f, rng.uniform(0.8, 0.95)))}</text>"
            )
        parts.append("</g>")
        y += 56 + n * 22
    if block.footnote:
        parts.append(f'<text x="40" y="{y}" font-size="11">{e(block.footnote)}</text>')
        y += 24
    for kind, values in _kinds(f):
        y += 16
        parts.append(
            f'<text x="40" y="{y}" font-size="20" class="section">'
            f"{e(w.label(rng, kind, loc))}</text>"
        )
        y += 28
        for x in values:
            if kind in {"tools", "technical"} and len(x) < 28:
                parts.append(
                    f'<g class="pill"><rect x="50" y="{y - 16}" width="{12 + 8 * len(x)}" '
                    f'height="24" rx="12" fill="#dde"></rect><text x="60" y="{y}" font-size="14">'
                    f"{e(x)}</text></g>"
                )
                y += 30
                continue
            spans, n = _tspans(x, 70, 70, 14)
            parts.append(
                f'<circle cx="56" cy="{y - 5}" r="4"></circle>'
                f'<text x="70" y="{y}" font-size="14">{spans}</text>'
            )
            y += n * 18 + 8
    parts.append(
        f'<text x="40" y="{y + 30}" font-size="10" fill="#888">Source: labour market data, '
        f"{rng.randint(2021, 2024)}. © {e(ctx.site)}</text>"
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 {y + 50}" role="img" '
        f'aria-labelledby="poster-t"><title id="poster-t">{e(t)} infographic</title>'
        + "".join(parts)
        + "</svg>"
    )
    h1, _ = _title(ctx)
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + f"<h1>{e(h1)}</h1><p>{e(f.summary)}</p>"
        + f"<figure{m.cls('infographic')}>{svg}<figcaption>"
        f'<a href="/careers/{e(f.slug)}/infographic.txt">Text version of this infographic</a> · '
        f'<a href="/careers/{e(f.slug)}/infographic.pdf">Download PDF ({rng.randint(1, 4)}.'
        f"{rng.randint(1, 9)} MB)</a></figcaption></figure>"
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/careers/{f.slug}/infographic", html, _shown(f, category))


# --- slides: a carousel of fact cards -------------------------------------------------------------

_AVERAGE = {"US": 59_000, "UK": 35_000, "CA": 62_000, "AU": 98_000, "NZ": 67_000}


def slides(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    cards: list[str] = []
    for it in items:
        foot = (
            f"<p><small>{e(block.footnote)}</small></p>"
            if it.kind == "pay" and block.footnote
            else ""
        )
        cards.append(
            (
                f"<h3>{e(it.label)}</h3><p>{it.value}</p>"
                if it.prose
                else f'<h3>{e(it.label)}</h3><p class="big">{it.value}</p>'
                + (f'<p class="caption">{e(it.note)}</p>' if it.note else "")
            )
            + foot
        )
    if f.salary is not None:
        avg = _AVERAGE[loc.code] * rng.uniform(0.95, 1.05)
        p = f.salary.published().period
        amount = round(avg / PER_YEAR[p], 2 if p == "hour" else -1)
        at = rng.randrange(1, len(cards) + 1)
        cards.insert(
            at,
            "<h3>Did you know?</h3><p>The average full-time worker in "
            f"{e(loc.country)} earns {e(_money(f, amount, p))} "
            f"{e(w.period_words(rng, p).lstrip('/'))}.</p>",
        )
    for kind, values in _kinds(f):
        cards.append(f"<h3>{e(w.label(rng, kind, loc))}</h3>{m.list_of(values, kind, kind='ul')}")
    n = len(cards)
    hide = rng.choice(('aria-hidden="true"', 'aria-hidden="true" inert', 'class="slide is-off"'))
    slides_html = "".join(
        f'<div role="group" aria-roledescription="slide" aria-label="{i} of {n}"'
        + ("" if i == 1 else f" {hide}")
        + f'><span class="slide-count">{i}/{n}</span>{c}</div>'
        for i, c in enumerate(cards, 1)
    )
    dots = "".join(
        f'<button aria-label="Go to slide {i}"{CURRENT if i == 1 else ""}></button>'
        for i in range(1, n + 1)
    )
    carousel = (
        f'<section{m.cls("carousel")} aria-roledescription="carousel" '
        f'aria-label="{e(t)} in {n} slides"><button class="prev" aria-label="Previous slide">‹'
        f'</button><div class="track" style="transform:translateX(0)">{slides_html}</div>'
        f'<button class="next" aria-label="Next slide">›</button><div class="dots">{dots}</div>'
        "</section>"
    )
    crumbs, category = breadcrumb(m, f)
    h1, _ = _title(ctx)
    body = crumbs + f"<h1>{e(h1)}</h1><p>{e(f.summary)}</p>" + carousel
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/stories/{f.slug}", html, _shown(f, category))


# --- quiz: a career-match result ------------------------------------------------------------------


def quiz(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    score = rng.randint(78, 96)
    kind_name = rng.choice(("Builder", "Helper", "Thinker", "Organiser", "Creator", "Persuader"))
    rows = "".join(
        (
            f"<p>{it.value}</p>"
            if it.prose
            else f'<div class="result-fact"><span class="k">{e(it.label)}</span> '
            f'<span class="v">{it.value}{_note(it)}</span></div>'
        )
        for it in items
    )
    lists = []
    for kind, values in _kinds(f):
        lists.append(
            f"<h3>{e(w.label(rng, kind, loc))}</h3>"
            + m.list_of(values, kind, kind=rng.choice(("ul", "chips", "ol")))
        )
    others = rng.sample(ctx.related, min(3, len(ctx.related)))
    theirs = []
    for (name, pay), pct in zip(
        others_pay(rng, f, others),
        sorted(rng.sample(range(45, score), len(others)), reverse=True),
        strict=True,
    ):
        theirs.append(
            f'<li><a href="/quiz/match/{e(name.lower().replace(" ", "-"))}">{e(name)}</a> · '
            f"{pct}% match · {e(pay)}</li>"
        )
    answers = rng.sample(
        (
            "I like working with my hands",
            "I prefer a steady routine",
            "I enjoy helping people",
            "I like solving puzzles",
            "I want to work outdoors",
            "I'm happy to study for several years",
        ),
        3,
    )
    crumbs, category = breadcrumb(m, f)
    heading = rng.choice(("Your career quiz results", "Your matches", "Career match results"))
    result = (
        f'<section{m.cls("quiz-result")} aria-labelledby="top-match">'
        f'<p class="eyebrow">Your top match</p><h2 id="top-match">You matched {score}% with '
        f"{e(t)}</h2><p>{e(f.summary)}</p>"
        f'<div class="result-facts">{rows}</div>{_footnote(ctx, block)}'
        + "".join(lists)
        + f'<a class="button" href="/careers/{e(f.slug)}">See the full profile</a></section>'
    )
    body = (
        crumbs
        + f"<h1>{e(heading)}</h1>"
        + f"<p>Your personality type: <strong>{e(kind_name)}</strong>. You answered "
        f"{rng.randint(18, 30)} of 30 questions.</p>"
        + result
        + f"<section><h2>Other good matches</h2><ol>{''.join(theirs)}</ol></section>"
        + "<section><h2>Your answers</h2><ul>"
        + "".join(f"<li>{e(a)}</li>" for a in answers)
        + '</ul><a href="/quiz/start">Retake the quiz</a></section>'
    )
    html = document(
        m,
        f,
        body=body,
        site_name=ctx.site,
        salary=f.salary,
        title_tag=f"Your quiz results: {t} | {ctx.site}",
    )
    return Rendered(f"/quiz/results/{ctx.number}/{f.slug}", html, _shown(f, category))


# --- podcast: an episode page with a transcript ---------------------------------------------------

_GUESTS = ("Jess", "Tom", "Aroha", "Priya", "Liam", "Mei")


def podcast(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    host, guest = rng.choice(("Sam", "Alex", "Chris")), rng.choice(_GUESTS)
    clock = rng.randint(30, 90)
    lines: list[str] = []
    chapters: list[tuple[int, str]] = []

    def stamp() -> str:
        return f"{clock // 60:02d}:{clock % 60:02d}"

    def say(who: str, html: str) -> None:
        nonlocal clock
        clock += rng.randint(12, 70)
        lines.append(
            f'<p class="cue" data-start="{clock}"><a class="ts" href="?t={clock}">[{stamp()}]</a> '
            f"<b>{e(who)}:</b> {html}</p>"
        )

    chapters.append((0, "Intro"))
    say(host, f"Welcome back. Today we're talking to {e(guest)}, who works as a {e(t.lower())}.")
    say(guest, f"Thanks for having me. {e(f.summary)}")
    pay = [it for it in items if it.kind == "pay"]
    if pay:
        chapters.append((clock, "Pay"))
        say(host, "Let's talk money. Here's what our figures say.")
        for it in pay:
            say(host, f"{e(it.label)}: {it.value}{_note(it)}.")
        if block.footnote:
            say(host, e(block.footnote))
        say(
            guest,
            f"When I started I was on {e(_decoy_pay(rng, f, rng.uniform(0.55, 0.7)))}, so it "
            "does go up.",
        )
    rest = [it for it in items if it.kind != "pay"]
    if rest:
        chapters.append((clock, "Prospects and getting in"))
        for it in rest:
            if it.prose:
                say(host, it.value)
            else:
                say(host, f"And {e(it.label.lower())}? {it.value}{_note(it)}.")
    chapters.append((clock, "A day in the life"))
    say(guest, "Every day is different, but the list in the show notes covers it.")
    say(host, f"Thanks, {e(guest)}. Find us wherever you get your podcasts.")
    notes = []
    for kind, values in _kinds(f):
        notes.append(f"<h3>{e(w.label(rng, kind, loc))}</h3>{m.list_of(values, kind, kind='ul')}")
    chap = "".join(
        f'<li><a href="?t={s}">{s // 60:02d}:{s % 60:02d}</a> {e(name)}</li>'
        for s, name in chapters
    )
    ep = rng.randint(12, 140)
    crumbs, category = breadcrumb(m, f)
    lead = rng.choice(("A day in the life of a", "So you want to be a", "Meet a"))
    body = (
        crumbs + f"<h1>Episode {ep}: {e(lead)} "
        f"{e(t.lower())}</h1>"
        + f'<p class="meta">{rng.randint(18, 48)} min · {rng.randint(2, 28)} April 2025 · '
        f"{rng.randint(1, 40)}.{rng.randint(0, 9)}K plays</p>"
        + f'<video controls preload="none" poster="/img/ep{ep}.jpg">'
        f'<source src="/media/ep{ep}.mp4" '
        f'type="video/mp4"><track kind="chapters" src="/media/ep{ep}.vtt" srclang="en"></video>'
        + f'<nav aria-label="Chapters"><h2>Chapters</h2><ol>{chap}</ol></nav>'
        + f"<section{m.cls('show-notes')}><h2>Show notes</h2><p>Career: <strong>{e(t)}</strong>"
        f"</p>{''.join(notes)}</section>"
        + f"<section{m.cls('transcript')}><h2>Transcript</h2>{''.join(lines)}</section>"
        + "<p>Subscribe: Apple Podcasts · Spotify · RSS</p>"
    )
    html = document(
        m,
        f,
        body=body,
        site_name=ctx.site,
        salary=f.salary,
        title_tag=f"Ep {ep}: {t} | {ctx.site}",
    )
    return Rendered(f"/podcast/episodes/{ep}-{f.slug}", html, _shown(f, category))


# --- bottomsheet: a mobile app webview ------------------------------------------------------------


def bottomsheet(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    rows = []
    sheets = []
    groups: dict[str, list[Item]] = {}
    for it in items:
        groups.setdefault("pay" if it.kind == "pay" else it.kind, []).append(it)
    for i, (kind, its) in enumerate(groups.items()):
        sid = f"sheet-{i}"
        first = its[0]
        teaser = (
            "Tap to read"
            if first.prose
            else f"{_scrub_stars(first.value)}" + (" and more" if len(its) > 1 else "")
        )
        rows.append(
            f'<a class="row" href="#{sid}" role="button" aria-haspopup="dialog" '
            f'aria-controls="{sid}"><span class="row-label">{e(first.label)}</span>'
            f'<span class="row-value">{teaser}</span><span class="chevron" aria-hidden="true">›'
            "</span></a>"
        )
        inner = "".join(
            f"<p>{it.value}</p>"
            if it.prose
            else f'<div class="sheet-line"><b>{e(it.label)}</b> {it.value}{_note(it)}</div>'
            for it in its
        )
        if kind == "pay":
            inner += _footnote(ctx, block)
            if f.salary is not None:
                inner += (
                    f'<div class="sheet-compare">All jobs in {e(loc.country)}: '
                    f"{e(_decoy_pay(rng, f, rng.uniform(0.75, 0.9)))}</div>"
                )
        sheets.append(
            f'<div id="{sid}" class="sheet" role="dialog" aria-modal="true" '
            f'aria-labelledby="{sid}-h" hidden><div class="sheet-handle"></div>'
            f'<h2 id="{sid}-h">{e(first.label)}</h2>{inner}'
            '<button class="sheet-close" aria-label="Close">✕</button></div>'
        )
    for j, (kind, values) in enumerate(_kinds(f), len(groups)):
        sid = f"sheet-{j}"
        label = w.label(rng, kind, loc)
        rows.append(
            f'<a class="row" href="#{sid}" role="button" aria-haspopup="dialog">'
            f'<span class="row-label">{e(label)}</span><span class="row-value">{len(values)}'
            '</span><span class="chevron" aria-hidden="true">›</span></a>'
        )
        sheets.append(
            f'<div id="{sid}" class="sheet" role="dialog" aria-modal="true" hidden>'
            f"<h2>{e(label)}</h2>"
            + m.list_of(values, kind, kind=rng.choice(("ul", "divs", "chips")))
            + '<button class="sheet-close" aria-label="Close">✕</button></div>'
        )
    tabs = "".join(
        f'<a href="/app/{x.lower().split()[0]}"{PAGE if x == "Explore" else ""}>{e(x)}</a>'
        for x in ("Explore", "Saved", f"Jobs ({rng.randint(2, 40)})", "Profile")
    )
    body = (
        '<div class="app-bar"><button aria-label="Back">‹</button>'
        f'<span class="app-title">{e(t)}</span><button aria-label="Save">☆</button></div>'
        f'<div{m.cls("app-content")}><p class="app-summary">{e(f.summary)}</p>'
        f'<div class="rows">{"".join(rows)}</div></div>'
        + "".join(sheets)
        + '<div class="snackbar" role="status">Pull down to refresh</div>'
        + f'<nav class="tab-bar" aria-label="App">{tabs}</nav>'
    )
    html = document(
        m,
        f,
        body=body,
        site_name=ctx.site,
        salary=f.salary,
        head_extra='<meta name="apple-itunes-app" content="app-id=1234567890">',
    )
    return Rendered(f"/app/webview/careers/{f.slug}?platform=ios", html, _shown(f, None))


HELD_OUT_8: tuple[Layout, ...] = (
    Layout("markdown", markdown, ("NZ", "UK", "CA", "AU", "US"), "Open Careers Data", tools=True),
    Layout("insights", insights, ("US", "UK", "AU", "CA", "NZ"), "Salary Insights"),
    Layout("versus", versus, ("UK", "US", "CA", "AU", "NZ"), "Career Compare", tools=True),
    Layout("poster", poster, ("AU", "NZ", "UK", "US", "CA"), "Career Posters", tools=True),
    Layout("slides", slides, ("NZ", "AU", "US", "CA", "UK"), "Career Stories"),
    Layout("quiz", quiz, ("UK", "AU", "NZ", "CA", "US"), "Career Quiz", tools=True),
    Layout("podcast", podcast, ("US", "UK", "NZ", "AU", "CA"), "Careers Unpacked"),
    Layout("bottomsheet", bottomsheet, ("CA", "US", "AU", "NZ", "UK"), "Careers App Webview"),
)
