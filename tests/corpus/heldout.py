"""Held-out layouts: written after the reader was done, scored before any fix.

Kinds of structure the ten in-sample layouts do not have:

- `faq`: a page of questions and answers ("How much does a nurse earn?"), the
  facts inside answer sentences, lists under question headings.
- `snapshot`: stat blocks that show the big value first and its caption after
  ("$52,000" then "median salary per year"), a key-facts list whose items are
  an icon, a label and a value, and a facts table with a source-year column.
- `graph`: a skeleton page whose data is a normalized GraphQL cache
  (`window.__APOLLO_STATE__`): entities keyed "Type:id", linked by `__ref`.
"""

from __future__ import annotations

import json
from dataclasses import replace

from tests.corpus import wording as w
from tests.corpus.items import duty_intro, others_pay, pay_block
from tests.corpus.layouts import Ctx, Layout, Rendered
from tests.corpus.markup import breadcrumb, document, e, related_cards


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

__all__ = ["HELD_OUT", "HELD_OUT_2"]


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
