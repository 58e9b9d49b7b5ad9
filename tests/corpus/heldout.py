"""Held-out layouts: written after the reader was done, scored before any fix.

Kinds of structure the ten in-sample layouts do not have:

- `faq`: a page of questions and answers ("How much does a nurse earn?"), the
  facts inside answer sentences, lists under question headings.
- `snapshot`: stat blocks that show the big value first and its caption after
  ("$52,000" then "median salary per year"), a key-facts list whose items are
  an icon, a label and a value, and a facts table with a source-year column.
- `graph`: a skeleton page whose data is a normalized GraphQL cache
  (`window.__APOLLO_STATE__`): entities keyed "Type:id", linked by `__ref`.

`HELD_OUT_2` (written after round 1 was fixed): `infographic` (`<data>` values
with `<figcaption>`s, skill tags as links) and `keyvalue` (an ARIA grid of divs,
lists as `<br>` lines). `HELD_OUT_3` (written after round 2 was fixed, scored
before any change: 45.9% of fields, 4 invented):

- `island`: a skeleton whose data lives only in an attribute (React on Rails'
  `data-react-props`, an Astro island's `props`, Inertia's `data-page`).
- `comparison`: the facts as one column of a table beside "All occupations" /
  "National average" columns, the occupation's column first or not.
- `narrative`: paragraphs under headings; pay in a sentence with both periods,
  growth and the worker count in sentences, "<b>Label</b><br>value", duties as
  one numbered paragraph, skills as comma-separated text.
- `iconfacts`: key facts whose labels are `title` / `aria-label` attributes or
  visually hidden text beside icons, hours and full-time share beside them, and
  a sidebar of other jobs in the category, each with its own pay.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace

from tests.corpus import wording as w
from tests.corpus.items import duty_intro, others_pay, pay_block
from tests.corpus.layouts import Ctx, Layout, Rendered
from tests.corpus.markup import breadcrumb, document, e, related_cards
from tests.corpus.model import Pay


def _plural(title: str) -> str:
    return title + "s"


# --- faq ------------------------------------------------------------------------------------------


def faq(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    t = f.title.lower()
    qa: list[tuple[str, str]] = []
    s = f.salary
    if s is not None:
        parts = []
        for pay in s.shown:
            per = w.period_words(rng, pay.period)
            per = per if per.startswith("/") else f" {per}"

            def money(x: float, period: str = pay.period) -> str:
                return w.money(x, s, f.locale, period)

            if pay.median is not None and s.floor:
                parts.append(f"{money(pay.median)} or more{per}")
            elif pay.median is not None and pay.low is not None and pay.high is not None:
                parts.append(f"a median of {money(pay.median)}{per} (most earn between"
                             f" {money(pay.low)} and {money(pay.high)})")
            elif pay.median is not None:
                parts.append(f"a median of {money(pay.median)}{per}")
            else:
                assert pay.low is not None
                assert pay.high is not None
                parts.append(f"between {money(pay.low)} and {money(pay.high)}{per}")
        verb = rng.choice(("earn", "typically earn", "can earn"))
        answer = e(f"{_plural(f.title)} {verb} {' or '.join(parts)}.")
        qa.append((rng.choice((f"How much does a {t} earn?", "What is the salary?",
                               f"How much do {t}s get paid?")), answer))
    g = f.growth
    if g is not None:
        if g.style in {"rating", "rating+pct", "stars"}:
            rating = g.rating if g.style != "stars" else f"{g.stars} out of 5 stars"
            qa.append((f"Is there demand for {t}s?",
                       f"Job prospects are rated <strong>{e(str(rating))}</strong>."))
            if g.style == "rating+pct":
                qa.append(("Will there be more jobs?",
                           f"Employment is projected to grow {int(g.pct or 0)}% over the next"
                           " few years."))
                f = replace(f, growth=replace(g, years_in=None))
        else:
            assert g.years is not None
            assert g.pct is not None
            a, b = g.years
            verb = "decline" if g.pct < 0 else "grow"
            cat = f", {g.category}" if g.style in {"pct-cat", "prose", "cat", "band"} else ""
            qa.append((f"What is the job outlook for {t}s?",
                       f"Employment is projected to {verb} {abs(int(g.pct))} percent from {a} to"
                       f" {b}{e(cat)}."))
            # "projected to decline" names the category decline; other verbs name none.
            named = g.category if cat else ("decline" if verb == "decline" else None)
            f = replace(f, growth=replace(g, style="prose" if named else "pct", category=named,
                                          years_in="value"))
    if f.workers is not None:
        wk = f.workers
        when = f" in {wk.year}" if wk.year_in else ""
        qa.append((f"How many {t}s are there?",
                   f"There were about {wk.value:,} {t}s{when}."))
        f = replace(f, workers=replace(wk, year_in="value" if wk.year_in else None))
    if f.education is not None:
        qa.append(("What qualifications do I need?", e(f.education[0])))
    if f.duties:
        items = "".join(f"<li>{e(d)}</li>" for d in f.duties)
        qa.append((rng.choice((f"What does a {t} do?", "What will I do day to day?")),
                   f"<p>{e(duty_intro(rng, f) or 'Typical tasks include:')}</p><ul>{items}</ul>"))
    skills = f.skills.people
    if skills:
        items = "".join(f"<li>{e(s)}</li>" for s in skills)
        qa.append(("What skills do I need?", f"<ul>{items}</ul>"))
    if f.skills.technical:
        items = "".join(f"<li>{e(s)}</li>" for s in f.skills.technical)
        qa.append(("What technical knowledge is useful?", f"<ul>{items}</ul>"))
    rng.shuffle(qa)
    blocks = "".join(
        f"<div{m.cls('faq-item')}>{m.heading(q, 3)}"
        + (f"<div{m.cls('answer')}>{a}</div>" if a.startswith("<") else f"<p>{a}</p>")
        + "</div>"
        for q, a in qa
    )
    crumbs, category = breadcrumb(m, f)
    body = (crumbs + f"<h1>{e(f.title)}: frequently asked questions</h1>"
            f"<p>{e(f.summary)}</p>{m.wrap(blocks)}")
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    shown = f if category is not None else f.without("category")
    shown = replace(shown, environment=None, skills=replace(shown.skills, tools=()))
    return Rendered(f"/faq/{f.slug}", html, shown)


# --- snapshot -----------------------------------------------------------------------------------


def snapshot(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    block = pay_block(rng, f, placements=("label", "value"))
    stats = []
    for it in block.items:
        stats.append(
            f"<div{m.cls('stat')}><p{m.cls('stat-number')}>{it.value}</p>"
            f"<p{m.cls('stat-caption')}>{e(it.label.lower())}</p></div>"
        )
    g = f.growth
    rows = []
    if g is not None:
        if g.style in {"rating", "rating+pct"}:
            rows.append((w.label(rng, "outlook", f.locale), e(str(g.rating)), ""))
        if g.style == "stars":
            rows.append((w.label(rng, "outlook", f.locale), w.stars_markup(rng, g.stars or 3), ""))
        if g.style in {"pct-cat", "pct", "cat", "band", "prose", "rating+pct"}:
            shown = replace(g, style="pct-cat" if g.style == "prose" else
                            ("pct" if g.style == "rating+pct" else g.style),
                            years_in=None)  # fmt: skip
            src = f"{g.years[0]}-{g.years[1]}" if g.years else ""
            rows.append((w.label(rng, "growth", f.locale),
                         e(w.growth_value(rng, shown, f.title)), src))
            truth_style = "rating+pct" if g.style == "rating+pct" else shown.style
            f = replace(f, growth=replace(shown, style=truth_style,
                                          years_in="label" if src else None))
    if f.workers is not None:
        wk = f.workers
        rows.append((w.label(rng, "workers", f.locale), e(f"{wk.value:,}"),
                     str(wk.year) if wk.year_in else ""))
        f = replace(f, workers=replace(wk, style="comma"))
    table = (
        f"<table{m.cls('facts')}><thead><tr><th>Fact</th><th>Figure</th><th>Source year</th>"
        "</tr></thead><tbody>"
        + "".join(f"<tr><td>{e(a)}</td><td>{b}</td><td>{e(c)}</td></tr>" for a, b, c in rows)
        + "</tbody></table>"
    )
    facts = []
    if f.education is not None:
        facts.append(("Education", f.education[0]))
    if f.environment is not None:
        facts.append(("Environment", f.environment))
    key_facts = "".join(
        f'<li{m.cls("key-fact")}><span class="icon icon-{i}" aria-hidden="true"></span>'
        f"<span{m.cls('key-label')}>{e(a)}</span> <span{m.cls('key-value')}>{e(b)}</span></li>"
        for i, (a, b) in enumerate(facts)
    )
    lists = []
    loc = f.locale
    for kind, items, role in (("duties", f.duties, "duty"), ("people", f.skills.people, "skill"),
                              ("technical", f.skills.technical, "tech")):  # fmt: skip
        if items:
            lists.append(f"<section>{m.heading(w.label(rng, kind, loc))}"
                         f"{m.list_of(items, role)}</section>")  # fmt: skip
    related = related_cards(m, others_pay(rng, f, ctx.related[:2]),
                            block.items[0].label if block.items else "Salary")  # fmt: skip
    body = (
        f"<h1>{e(f.title)}</h1><p>{e(f.summary)}</p>"
        f"<div{m.cls('stats')}>{''.join(stats)}</div>"
        + (f"<p><small>{e(block.footnote)}</small></p>" if block.footnote else "")
        + m.wrap(table) + f"<ul{m.cls('key-facts')}>{key_facts}</ul>" + "".join(lists) + related
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    shown = replace(f.without("category"), skills=replace(f.skills, tools=()))
    return Rendered(f"/careers/{f.slug}/snapshot", html, shown)


# --- graph: a normalized GraphQL cache ----------------------------------------------------------


def graph(ctx: Ctx) -> Rendered:
    f, rng = ctx.facts, ctx.rng
    cid = f"Career:{1000 + ctx.number}"
    state: dict[str, object] = {}
    career: dict[str, object] = {"__typename": "Career", "id": 1000 + ctx.number,
                                 "title": f.title, "summary": f.summary}  # fmt: skip
    if f.category:
        career["category"] = {"__ref": f"Category:{f.category}"}
        state[f"Category:{f.category}"] = {"__typename": "Category", "name": f.category}
    s = f.salary
    if s is not None:
        pay = s.published()
        key = f"SalaryStat:{ctx.number}"
        stat: dict[str, object] = {"__typename": "SalaryStat", "currency": s.currency,
                                   "period": pay.period.upper()}  # fmt: skip
        for name, amount in (("median", pay.median), ("low", pay.low), ("high", pay.high)):
            if amount is not None:
                stat[name] = amount
        state[key] = stat
        career["salary"] = {"__ref": key}
        f = replace(f, salary=replace(s, shown=(pay,), floor=False))
    g = f.growth
    if g is not None and g.style in {"rating", "stars", "rating+pct"}:
        career["outlook"] = g.rating if g.style != "stars" else f"{g.stars}/5"
        f = replace(f, growth=replace(g, style="rating" if g.style != "stars" else "stars",
                                      years_in=None))
    elif g is not None:
        career["projectedGrowthPercent"] = g.pct
        f = replace(f, growth=replace(g, style="pct", years_in=None))
    if f.workers is not None:
        career["employment"] = f.workers.value
        f = replace(f, workers=replace(f.workers, year_in=None))
    if f.education is not None:
        career["education"] = f.education[0]
    career["tasks"] = [{"__ref": f"Task:{ctx.number}-{i}"} for i in range(len(f.duties))]
    for i, d in enumerate(f.duties):
        state[f"Task:{ctx.number}-{i}"] = {"__typename": "Task", "text": d}
    career["skills"] = [{"__typename": "Skill", "name": x} for x in f.skills.people]
    state[cid] = career
    state["ROOT_QUERY"] = {"__typename": "Query", f'career({{"slug":"{f.slug}"}})': {"__ref": cid}}
    blob = json.dumps(state)
    title_tag = rng.choice((f"{f.title} | {ctx.site}", ctx.site))
    html = (
        f'<!DOCTYPE html><html lang="{f.locale.lang}"><head><meta charset="utf-8">'
        f"<title>{e(title_tag)}</title></head><body><div id=\"root\"></div>"
        f"<script>window.__APOLLO_STATE__={blob};</script>"
        '<script src="/static/js/main.chunk.js"></script></body></html>'
    )
    shown = replace(f, environment=None, skills=replace(f.skills, technical=(), tools=()))
    return Rendered(f"/career-profile/{f.slug}", html, shown)


HELD_OUT: tuple[Layout, ...] = (
    Layout("faq", faq, ("US", "UK", "CA", "AU", "NZ"), "Careers Answers"),
    Layout("snapshot", snapshot, ("US", "UK", "CA", "AU", "NZ"), "Career Snapshot"),
    Layout("graph", graph, ("US", "UK", "CA", "AU", "NZ"), "JobGraph"),
)

__all__ = ["HELD_OUT", "HELD_OUT_2", "HELD_OUT_3"]


# --- round 2: written after round 1 was fixed, scored before any further fix ---------------------


def infographic(ctx: Ctx) -> Rendered:
    """Facts as figures: a `<data>` value, then a `<figcaption>` naming it; skill tags that
    link to skill pages; a numbered "A typical day" list."""
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    figures = []
    block = pay_block(rng, f, placements=("value", "label"))
    for it in block.items:
        figures.append((it.value, it.label))
    g = f.growth
    if g is not None:
        if g.style in {"rating", "rating+pct", "stars"}:
            rating = g.rating if g.style != "stars" else f"{g.stars} out of 5 stars"
            figures.append((e(str(rating)), w.label(rng, "outlook", f.locale)))
        if g.style in {"pct-cat", "pct", "rating+pct", "prose", "band", "cat"}:
            shown = replace(g, style="pct" if g.style in {"rating+pct", "prose"} else g.style,
                            years_in="label" if g.years else None)  # fmt: skip
            years = f" ({w.years_text(rng, g.years)})" if g.years else ""
            figures.append((e(w.growth_value(rng, replace(shown, years_in=None), f.title)),
                            w.label(rng, "growth", f.locale) + years))  # fmt: skip
            truth_style = "rating+pct" if g.style == "rating+pct" else shown.style
            f = replace(f, growth=replace(shown, style=truth_style))
    if f.workers is not None:
        wk = f.workers
        lab = w.label(rng, "workers", f.locale)
        if wk.year_in:
            lab = f"{lab} ({wk.year})"
        figures.append((e(f"{wk.value:,}"), lab))
        f = replace(f, workers=replace(wk, year_in="label" if wk.year_in else None))
    if f.education is not None:
        figures.append((e(f.education[0]), w.label(rng, "education", f.locale)))
    rng.shuffle(figures)
    figs = "".join(
        f"<figure{m.cls('fact')}><data{m.cls('figure')} value=\"{i}\">{v}</data>"
        f"<figcaption>{e(c)}</figcaption></figure>"
        for i, (v, c) in enumerate(figures)
    )
    day = "".join(f"<li>{e(d)}</li>" for d in f.duties)
    tags = "".join(
        f'<a{m.cls("tag")} href="/skills/{i}">{e(s)}</a> ' for i, s in enumerate(f.skills.people)
    )
    body = (
        f"<article><h1>{e(f.title)}</h1><p>{e(f.summary)}</p>"
        f"<section{m.cls('figures')}>{figs}</section>"
        + (f"<p><small>{e(block.footnote)}</small></p>" if block.footnote else "")
        + (f"<h2>A typical day</h2><ol>{day}</ol>" if day else "")
        + (f"<h2>Skills employers want</h2><div{m.cls('tags')}>{tags}</div>" if tags else "")
        + "</article>"
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    shown = replace(f.without("category", "environment"),
                    skills=replace(f.skills, technical=(), tools=()))  # fmt: skip
    return Rendered(f"/infographic/{f.slug}.html", html, shown)


def keyvalue(ctx: Ctx) -> Rendered:
    """An ARIA grid of divs (role=row / role=rowheader / role=cell) for the facts, lists
    written as lines of one paragraph ("• Assess patients<br>• Give medicine")."""
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    block = pay_block(rng, f, placements=("value", "label", "note"))
    from tests.corpus.items import growth_items, scalar_items

    rows = []
    for it in [*block.items, *growth_items(rng, f), *scalar_items(rng, f, category=True)]:
        note = f" {e(it.note)}" if it.note else ""
        rows.append(f'<div role="row"{m.cls("row")}><div role="rowheader">{e(it.label)}</div>'
                    f'<div role="cell">{it.value}{note}</div></div>')  # fmt: skip
    grid = f'<div role="table" aria-label="Key facts"{m.cls("grid")}>{"".join(rows)}</div>'
    loc = f.locale
    lists = []
    for kind, items in (("duties", f.duties), ("people", f.skills.people),
                        ("technical", f.skills.technical)):  # fmt: skip
        if items:
            bullet = rng.choice(("• ", "- ", "– ", ""))
            lines = "<br>".join(f"{bullet}{e(x)}" for x in items)
            lists.append(f"<h3>{e(w.label(rng, kind, loc))}</h3><p>{lines}</p>")
    crumbs, category = breadcrumb(m, f)
    body = (crumbs + f"<h1>{e(f.title)}</h1><p>{e(f.summary)}</p>{grid}"
            + (f"<p><small>{e(block.footnote)}</small></p>" if block.footnote else "")
            + "".join(lists))  # fmt: skip
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    # The category row of the grid shows it whatever the breadcrumb does.
    shown = replace(f, skills=replace(f.skills, tools=()))
    del category
    return Rendered(f"/occupation-details/{f.slug}", html, shown)


HELD_OUT_2: tuple[Layout, ...] = (
    Layout("infographic", infographic, ("US", "UK", "CA", "AU", "NZ"), "Career Facts"),
    Layout("keyvalue", keyvalue, ("US", "UK", "CA", "AU", "NZ"), "Occupation Details"),
)


# --- round 3: written after round 2 was fixed, scored before any further fix ---------------------

_HIDDEN_CLASSES = ("sr-only", "visually-hidden", "govuk-visually-hidden", "screen-reader-text",
                   "u-hidden-visually")  # fmt: skip


def _astro_props(value: object) -> object:
    """Astro's island props: every value as [type, value] (0 a plain value or object, 1 an
    array)."""
    if isinstance(value, dict):
        return [0, {k: _astro_props(v) for k, v in value.items()}]
    if isinstance(value, list):
        return [1, [_astro_props(v) for v in value]]
    return [0, value]


def island(ctx: Ctx) -> Rendered:
    """A skeleton whose data lives only in an attribute: React on Rails' `data-react-props`,
    an Astro island's `props`, an Inertia.js root's `data-page` (JSON, HTML-escaped)."""
    from tests.corpus.layouts import _embedded_data

    f, rng = ctx.facts, ctx.rng
    data = _embedded_data(ctx)
    form = rng.choice(("react", "astro", "inertia"))
    key = rng.choice(("career", "occupation", "profile"))
    if form == "react":
        props = json.dumps({key: data, "locale": f.locale.lang})
        root = (f'<div data-react-class="CareerProfile" data-react-props="{e(props)}">'
                '<div class="skeleton skeleton--title"></div><div class="skeleton"></div></div>')
    elif form == "astro":
        props = json.dumps({key: _astro_props(data), "lang": [0, f.locale.lang]})
        root = (f'<astro-island uid="Z{ctx.number}x" component-url="/_astro/Career.4f2a.js"'
                ' component-export="default" renderer-url="/_astro/client.9c1d.js"'
                f' props="{e(props)}" ssr="" client="load"><div class="loading">Loading'
                "</div></astro-island>")
    else:
        page = json.dumps({"component": "Careers/Show", "props": {key: data, "errors": {}},
                           "url": f"/careers/{f.slug}", "version": "7d1c0e"})  # fmt: skip
        root = f'<div id="app" data-page="{e(page)}"></div>'
    head = f'<meta property="og:title" content="{e(f.title)}">' if rng.random() < 0.5 else ""
    title_tag = rng.choice((f"{f.title} | {ctx.site}", ctx.site, f"{f.title} - {ctx.site}"))
    html = (
        f'<!DOCTYPE html><html lang="{f.locale.lang if rng.random() < 0.5 else "en"}"><head>'
        f'<meta charset="utf-8"><title>{e(title_tag)}</title>{head}</head>'
        f'<body>{root}<script type="module" src="/_astro/hoisted.js"></script></body></html>'
    )
    return Rendered(f"/careers/{f.slug}/profile", html, f)


def comparison(ctx: Ctx) -> Rendered:
    """The facts as one column of a comparison table beside averages ("All occupations",
    "National average"), the occupation's column first or not."""
    from tests.corpus.items import growth_items, scalar_items
    from tests.corpus.layouts import _lists, _title

    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    country = loc.country.replace("the ", "")
    ours = rng.choice((f.title, f.title, "This occupation", "This job", "This career"))
    theirs = rng.sample(("All occupations", "All jobs", f"{country} average", "National average",
                         "Average for all occupations"), rng.choice((1, 1, 2)))  # fmt: skip
    rows: list[tuple[str, str, list[str]]] = []
    s = f.salary
    if s is not None:
        plain = replace(s, floor=False)
        for pay in s.shown:
            place = rng.choice(("label", "value"))
            per = place == "value"

            def other(x: float, period: str = pay.period) -> float:
                y = x * rng.uniform(0.6, 0.9)
                return round(y, 2) if period == "hour" else float(round(y, -1))

            if pay.median is not None:
                base = w.label(rng, "median", loc)
                label = w.period_label(rng, base, pay.period) if place == "label" else base
                mine = w.pay_value(rng, Pay(pay.period, median=pay.median), s, loc,
                                   with_period=per)  # fmt: skip
                avg = [w.pay_value(rng, Pay(pay.period, median=other(pay.median)), plain, loc,
                                   with_period=per) for _ in theirs]  # fmt: skip
                rows.append((label, e(mine), [e(a) for a in avg]))
            if pay.low is not None and pay.high is not None:
                base = w.label(rng, "range", loc)
                label = w.period_label(rng, base, pay.period) if place == "label" else base
                mine = w.pay_value(rng, Pay(pay.period, low=pay.low, high=pay.high), plain, loc,
                                   with_period=per)  # fmt: skip
                avg = [w.pay_value(rng, Pay(pay.period, low=other(pay.low), high=other(pay.high)),
                                   plain, loc, with_period=per) for _ in theirs]  # fmt: skip
                rows.append((label, e(mine), [e(a) for a in avg]))
    g = f.growth
    if g is not None and g.style == "prose":
        f = replace(f, growth=replace(g, style="pct-cat"))
    for it in growth_items(rng, f):
        avg = f"{rng.choice((3, 4, 5))}%" if "%" in it.value or "percent" in it.value else "—"
        rows.append((it.label, it.value, [avg] * len(theirs)))
    for it in scalar_items(rng, f):
        if it.kind == "workers":
            avg_w = [e(f"{rng.randint(15_000_000, 170_000_000):,}") for _ in theirs]
            rows.append((it.label, it.value, avg_w))
        else:
            rows.append((it.label, it.value, ["—"] * len(theirs)))
    first = rng.random() < 0.5
    heads = [ours, *theirs] if first else [*theirs, ours]
    corner = rng.choice(("<td></td>", '<th scope="col"><span class="sr-only">Fact</span></th>',
                         "<th></th>"))  # fmt: skip
    head = corner + "".join(f'<th scope="col">{e(h)}</th>' for h in heads)
    cell = rng.choice(("th", "td"))
    body = "".join(
        f'<tr><{cell} scope="row">{e(label)}</{cell}>'
        + "".join(f"<td>{v}</td>" for v in ([mine, *avg] if first else [*avg, mine]))
        + "</tr>"
        for label, mine, avg in rows
    )
    caption = rng.choice((f"How {f.title.lower()}s compare", f"Compared with {theirs[0].lower()}",
                          "At a glance"))  # fmt: skip
    table = (f"<table{m.cls('compare')}><caption>{e(caption)}</caption><thead><tr>{head}</tr>"
             f"</thead><tbody>{body}</tbody></table>")  # fmt: skip
    crumbs, category = breadcrumb(m, f)
    h1, _ = _title(ctx)
    body_html = (crumbs + f"<h1>{e(h1)}</h1><p>{e(f.summary)}</p>" + m.wrap(table)
                 + "".join(_lists(ctx)))  # fmt: skip
    html = document(m, f, body=body_html, site_name=ctx.site, salary=f.salary)
    shown = f if category is not None else f.without("category")
    return Rendered(f"/compare/{f.slug}", html, shown)


def _numbered(rng: random.Random, items: tuple[str, ...]) -> str:
    form = rng.choice(("{i}) {t}", "({i}) {t}", "{i}. {t}"))
    sep = rng.choice(("; ", " ", "; "))
    return sep.join(form.format(i=i, t=t) for i, t in enumerate(items, start=1)) + "."


def narrative(ctx: Ctx) -> Rendered:
    """A page of paragraphs under headings: pay in a sentence ("$22.50 an hour, or $46,800 a
    year", "£28,000 per annum"), growth and workers in sentences, "<b>Label</b><br>value"
    paragraphs, duties as one numbered paragraph, skills as comma-separated text."""
    from tests.corpus.layouts import _related

    f, m, rng = ctx.facts, ctx.m, ctx.rng
    t, loc = f.title, f.locale
    tl = t.lower()
    sections: list[str] = []
    s = f.salary
    if s is not None:
        phrases = []
        plain = replace(s, floor=False)
        for pay in s.shown:
            per = w.period_words(rng, pay.period)
            per = per if per.startswith("/") else f" {per}"

            def money(x: float, period: str = pay.period) -> str:
                return w.money(x, s, loc, period)

            if pay.median is not None and pay.low is not None and pay.high is not None:
                spread = w.range_text(rng, money(pay.low), money(pay.high))
                phrases.append(f"{money(pay.median)}{per}, with most earning {spread}")
            elif pay.median is not None:
                phrases.append(w.pay_value(rng, Pay(pay.period, median=pay.median), s, loc,
                                           with_period=True))  # fmt: skip
            else:
                assert pay.low is not None
                assert pay.high is not None
                phrases.append(w.pay_value(rng, Pay(pay.period, low=pay.low, high=pay.high),
                                           plain, loc, with_period=True))  # fmt: skip
        joined = rng.choice((", or ", " or ", " (", ", which is about ")).join(phrases)
        if "(" in joined:
            joined += ")"
        lead = rng.choice((f"{t}s usually earn", f"Most {tl}s earn", f"{t}s can expect to earn",
                           f"The typical pay for a {tl} is", "Pay is usually"))  # fmt: skip
        aside = rng.choice(("Pay varies with experience and where you work.",
                            "You may be paid overtime for evening and weekend work.",
                            "Hours are usually 37 to 40 a week."))  # fmt: skip
        sentences = [f"{lead} {joined}.", aside]
        rng.shuffle(sentences)
        heading = rng.choice(("Pay", "Earnings", "Pay and conditions", "What you could earn",
                              "Salary"))  # fmt: skip
        sections.append(f"{m.heading(heading, 2)}<p>{e(' '.join(sentences))}</p>")
    outlook: list[str] = []
    g = f.growth
    if g is not None:
        if g.style in {"rating", "rating+pct"}:
            outlook.append(f"The outlook for {e(tl)}s is <strong>{e(str(g.rating))}</strong>.")
            if g.style == "rating+pct":
                # "expected to decline" would name the category decline, which a rating and a
                # percent do not state: a fall is written as a change.
                pct = int(g.pct or 0)
                change = f"change by {pct}%" if pct < 0 else f"grow {pct}%"
                outlook.append(f"Employment is expected to {change} over the next few years.")
            f = replace(f, growth=replace(g, years_in=None))
        elif g.style == "stars":
            f = f.without("growth")
        else:
            shown = replace(g, style="prose", years_in="value")
            outlook.append(e(w.growth_value(rng, shown, t)))
            f = replace(f, growth=shown)
    if f.workers is not None:
        wk = f.workers
        when = f" in {wk.year}" if wk.year_in else ""
        outlook.append(e(rng.choice((f"There were about {wk.value:,} {tl}s in {loc.country}{when}.",
                                     f"About {wk.value:,} people worked as {tl}s{when}."))))
        f = replace(f, workers=replace(wk, year_in="value" if wk.year_in else None))
    if outlook:
        heading = rng.choice(("Job outlook", "Future prospects", "Outlook"))
        sections.append(m.heading(heading, 2) + "".join(f"<p>{p}</p>" for p in outlook))
    facts = []
    if f.education is not None:
        facts.append((w.label(rng, "education", loc), f.education[0]))
    if f.environment is not None:
        facts.append((w.label(rng, "environment", loc), f.environment))
    for label, value in facts:
        if rng.random() < 0.5:
            facts_html = f"<p><strong>{e(label)}</strong><br>{e(value)}</p>"
        else:
            facts_html = f"<p><b>{e(label)}.</b> {e(value)}</p>"
        sections.append(facts_html)
    if f.duties:
        intro = rng.choice((f"As a {tl} you would:", "Your tasks could include:", "You would:",
                            "Day to day, you might:"))  # fmt: skip
        sections.append(f"{m.heading(w.label(rng, 'duties', loc), 2)}"
                        f"<p>{e(intro)} {e(_numbered(rng, f.duties))}</p>")  # fmt: skip
    stripped = replace(f.skills, technical=tuple(x.rstrip(".") for x in f.skills.technical),
                       people=tuple(x.rstrip(".") for x in f.skills.people))  # fmt: skip
    f = replace(f, skills=replace(stripped, tools=()))
    for kind, items in (("people", f.skills.people), ("technical", f.skills.technical)):
        if items:
            intro = rng.choice(("", "You'll need: ", "Employers look for: ", "Useful skills: "))
            end = rng.choice((".", ""))
            sections.append(f"{m.heading(w.label(rng, kind, loc), 3)}"
                            f"<p>{e(intro + ', '.join(items) + end)}</p>")  # fmt: skip
    body = (f"<article><h1>{e(t)}</h1><p>{e(f.summary)}</p>{''.join(sections)}</article>"
            + _related(ctx, w.label(rng, "median", loc)))  # fmt: skip
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/career-guide/{f.slug}.aspx", html, f.without("category"))


def _icon_fact(ctx: Ctx, label: str, value: str, note: str, icon: str, tag: str = "li") -> str:
    """One fact whose label is not visible text: a `title`, an `aria-label`, or visually
    hidden text beside an icon."""
    m, rng = ctx.m, ctx.rng
    val = f"<span{m.cls('fact-value')}>{value}</span>" + (f" <small>{e(note)}</small>"
                                                         if note else "")  # fmt: skip
    svg = (f'<svg aria-hidden="true" focusable="false" class="icon"><use href="#icon-{icon}">'
           "</use></svg>")
    form = rng.randrange(4)
    if form == 0:
        return f'<{tag} title="{e(label)}"{m.cls("fact")}>{svg}{val}</{tag}>'
    if form == 1:
        hidden = rng.choice(_HIDDEN_CLASSES)
        return f'<{tag}{m.cls("fact")}><span class="{hidden}">{e(label)}</span>{svg} {val}</{tag}>'
    if form == 2:
        return (f'<{tag}{m.cls("fact")}><div role="group" aria-label="{e(label)}">'
                f'<img src="/img/{icon}.svg" alt=""> {val}</div></{tag}>')
    return (f'<{tag}{m.cls("fact")}><span role="img" aria-label="{e(label)}"'
            f' class="icon icon-{icon}"></span> {val}</{tag}>')


def iconfacts(ctx: Ctx) -> Rendered:
    """Key facts as icons whose labels are attributes or visually hidden text; AU/NZ-style
    hours and full-time share beside them; a sidebar of other jobs in the category, each
    with its own pay in the same markup."""
    from tests.corpus.items import growth_items, scalar_items
    from tests.corpus.layouts import _lists, _title

    f, m, rng = ctx.facts, ctx.m, ctx.rng
    block = pay_block(rng, f, placements=("value", "note", "footnote"))
    items = [*block.items, *growth_items(rng, f), *scalar_items(rng, f)]
    facts = [_icon_fact(ctx, it.label, it.value, it.note, it.kind) for it in items if not it.prose]
    noise = rng.sample((("Average full-time hours", "44 hours a week"), ("Full-time share", "78%"),
                        ("Median age", "41 years"), ("Hours", "38 to 40 a week")), 2)  # fmt: skip
    facts += [_icon_fact(ctx, a, e(b), "", "info") for a, b in noise]
    rng.shuffle(facts)
    prose = "".join(f"{m.heading(it.label, 3)}<p>{it.value}</p>" for it in items if it.prose)
    foot = f"<p><small>{e(block.footnote)}</small></p>" if block.footnote else ""
    listed = f"<ul{m.cls('key-facts')}>{''.join(facts)}</ul>{foot}{prose}"
    side = ""
    s = f.salary
    if s is not None and ctx.related:
        label = block.items[0].label if block.items else "Salary"
        cards = []
        for title, pay in others_pay(rng, f, rng.sample(ctx.related, min(3, len(ctx.related)))):
            link = f'<a href="/careers/{e(title.lower().replace(" ", "-"))}">{e(title)}</a>'
            cards.append(f"<li>{link}<ul>{_icon_fact(ctx, label, e(pay), '', 'pay')}</ul></li>")
        cat = f.category or "this field"
        head = rng.choice((f"Jobs in {cat}", f"{cat} careers", "Careers with similar pay",
                           "Browse jobs"))  # fmt: skip
        side = f"<aside{m.cls('sidebar')}>{m.heading(head, 2)}<ul>{''.join(cards)}</ul></aside>"
    crumbs, category = breadcrumb(m, f)
    h1, _ = _title(ctx)
    main = (f"<div{m.cls('content')}>{crumbs}<h1>{e(h1)}</h1><p>{e(f.summary)}</p>"
            + m.wrap(listed) + "".join(_lists(ctx)) + "</div>")  # fmt: skip
    parts = [main, side] if rng.random() < 0.5 else [side, main]
    html = document(m, f, body="".join(parts), site_name=ctx.site, salary=f.salary)
    shown = f if category is not None else f.without("category")
    return Rendered(f"/key-facts/{f.slug}", html, shown)


HELD_OUT_3: tuple[Layout, ...] = (
    Layout("island", island, ("US", "UK", "CA", "AU", "NZ"), "CareerWise", tools=True),
    Layout("comparison", comparison, ("US", "UK", "CA", "AU", "NZ"), "Career Compare",
           tools=True),
    Layout("narrative", narrative, ("US", "UK", "CA", "AU", "NZ"), "Careers Guide"),
    Layout("iconfacts", iconfacts, ("US", "UK", "CA", "AU", "NZ"), "JobFacts", tools=True),
)
