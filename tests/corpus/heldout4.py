"""Held-out round 4: written after round 3 was fixed, scored on first contact.

Eight kinds of page the earlier rounds do not have, each after a kind of public
career site in the US, UK, Canada, Australia or New Zealand:

- `regional`: a labour-market office's occupation page: bare wage figures in a
  table by region (Low/Median/High, or percentile columns), the annual figure
  stated elsewhere, prospects by region, a title with a country or code suffix,
  a text breadcrumb ("Home › Explore careers › ...").
- `jobboard`: a job board's career guide: stat tiles, a salary bar whose ends
  are the range, a job-satisfaction score (not an outlook), chips.
- `magazine`: a prose article whose headline is a question; pay in words
  ("Starting around £24,000, rising to £40,000 with experience"), skills as
  "a, b and c" sentences, a fact file aside.
- `pagestate`: a skeleton whose data is in Remix's `__remixContext`,
  SvelteKit's fetched-data script (the body double-encoded) or Angular's
  transfer state (quotes escaped as `&q;`).
- `ldgraph`: schema.org JSON-LD `@graph` only: a BreadcrumbList, an Occupation
  with `estimatedSalary` per ISO 8601 duration, skills as DefinedTerms.
- `horizontal`: a key-facts table whose labels are the column headers; duties
  and skills as tables with an importance or level column.
- `tiers`: pay as "£24,000 Starter to £40,000 Experienced" in separate spans,
  the period in the heading, hours beside it, a progression paragraph naming a
  higher figure that is not this job's range.
- `toggle`: pay in a period switch (Hourly / Weekly / Annual), only the selected
  panel visible, an "all jobs" comparison in each panel.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace

from tests.corpus import wording as w
from tests.corpus.items import growth_items, pay_block, scalar_items
from tests.corpus.layouts import Ctx, Layout, Rendered, _footnote, _lists, _related, _title
from tests.corpus.markup import Markup, breadcrumb, document, e
from tests.corpus.model import PER_YEAR, Facts, Pay, Salary
from tests.corpus.values import RATINGS

__all__ = ["HELD_OUT_4"]

_REGIONS = {
    "US": ("California", "Texas", "New York"),
    "UK": ("London", "Scotland", "Wales"),
    "CA": ("Ontario", "Quebec", "British Columbia"),
    "AU": ("New South Wales", "Victoria", "Queensland"),
    "NZ": ("Auckland", "Wellington", "Canterbury"),
}
_SCHEMES = {"US": "SOC", "UK": "SOC", "CA": "NOC", "AU": "ANZSCO", "NZ": "ANZSCO"}


def _country(f: Facts) -> str:
    c = f.locale.country.removeprefix("the ")
    return c[0].upper() + c[1:]


def _per(rng: random.Random, period: str) -> str:
    words = w.period_words(rng, period)
    return words if words.startswith("/") else f" {words}"


def _a(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _and_list(rng: random.Random, items: tuple[str, ...]) -> str:
    """ "a, b and c" (or with an Oxford comma)."""
    if len(items) == 1:
        return items[0]
    comma = "," if rng.random() < 0.4 and len(items) > 2 else ""
    return ", ".join(items[:-1]) + f"{comma} and {items[-1]}"


def _sayable(items: tuple[str, ...]) -> bool:
    """Items a sentence can list without ambiguity (none holds a comma or an "and")."""
    return all("," not in i and " and " not in i.lower() and "(" not in i for i in items)


def _text_crumbs(m: Markup, f: Facts) -> tuple[str, str | None]:
    """A breadcrumb of links separated by text arrows, the category shown or not."""
    rng = m.rng
    sections = rng.choice(
        (
            ["Home", "Explore careers"],
            ["Home", "Occupations"],
            ["Home", "Career tools", "Job profiles"],
        )
    )
    show = f.category is not None and rng.random() < 0.5
    crumbs = sections + ([f.category] if show and f.category else [])
    sep = rng.choice((" › ", " > ", " / ", " » "))
    links = sep.join(f'<a href="/{i}">{e(c)}</a>' for i, c in enumerate(crumbs))
    return (
        f"<div{m.cls('breadcrumb')}>{links}{e(sep)}<span>{e(f.title)}</span></div>",
        f.category if show else None,
    )


def _no_floor(f: Facts) -> Facts:
    return f if f.salary is None else replace(f, salary=replace(f.salary, floor=False))


# --- regional: a labour-market office's page ------------------------------------------------------


def _scale(x: float, factor: float, period: str) -> float:
    return round(x * factor, 2) if period == "hour" else float(round(x * factor, -1))


def _wage_rows(ctx: Ctx, s: Salary, pay: Pay) -> tuple[list[str], list[float]]:
    rng = ctx.rng
    if pay.percentiles:
        p = dict(pay.percentiles)
        assert pay.median is not None
        if rng.random() < 0.5:
            return ["10th percentile", "Median", "90th percentile"], [p[10], pay.median, p[90]]
        return (["10%", "25%", "Median", "75%", "90%"], [p[10], p[25], pay.median, p[75], p[90]])
    if pay.median is not None and pay.low is not None and pay.high is not None:
        heads = rng.choice(
            (("Low", "Median", "High"), ("Low", "Average", "High"), ("Lowest", "Median", "Highest"))
        )
        return list(heads), [pay.low, pay.median, pay.high]
    if pay.median is not None:
        return [rng.choice(("Median", "Average"))], [pay.median]
    assert pay.low is not None
    assert pay.high is not None
    return ["Low", "High"], [pay.low, pay.high]


def _annual_sentence(ctx: Ctx, s: Salary, pay: Pay) -> str:
    rng, loc = ctx.rng, ctx.facts.locale

    def money(x: float) -> str:
        return w.money(x, s, loc, "year")

    if pay.low is not None and pay.high is not None:
        median = f", with a median of {money(pay.median)}" if pay.median is not None else ""
        return f"Yearly, wages run from {money(pay.low)} to {money(pay.high)}{median}."
    assert pay.median is not None
    return rng.choice(
        (
            f"Annual median: <strong>{e(money(pay.median))}</strong>",
            f"Working full time, that is about {e(money(pay.median))} a year.",
        )
    )


def regional(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    country = _country(f)
    sections: list[str] = []
    aside: list[str] = []
    s = f.salary
    if s is not None:
        table_pay = next((p for p in s.shown if p.period != "year"), s.shown[0])
        heads, values = _wage_rows(ctx, s, table_pay)
        rows = []
        for i, region in enumerate((country, *_REGIONS[loc.code])):
            factor = 1.0 if i == 0 else rng.uniform(0.85, 1.15)
            cells = "".join(
                f"<td>{e(w.bare(_scale(v, factor, table_pay.period), s, table_pay.period))}</td>"
                for v in values
            )
            rows.append(f'<tr><th scope="row">{e(region)}</th>{cells}</tr>')
        sym = loc.symbol if s.symbol_style == "symbol" else rng.choice((loc.prefixed, loc.currency))
        adj = w.PERIOD_ADJ[table_pay.period]
        cap = rng.choice((f"{adj} wages ({sym})", f"Wages by region, {sym} per {table_pay.period}"))
        head = "".join(f'<th scope="col">{e(h)}</th>' for h in heads)
        note = f"<p><small>Wages in {e(loc.words)}.</small></p>" if s.evidence == "caption" else ""
        sections.append(
            f"<section>{m.heading('Wages', 2)}<table{m.cls('wages')}><caption>{e(cap)}</caption>"
            f"<thead><tr><th>Region</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
            f"</table>{note}</section>"
        )
        annual = next((p for p in s.shown if p.period == "year" and p is not table_pay), None)
        if annual is not None:
            aside.append(f"<p>{_annual_sentence(ctx, s, annual)}</p>")
        f = _no_floor(f)  # bare cells state no floor
    g = f.growth
    if g is not None and g.style in {"rating", "rating+pct", "stars"}:
        rows = []
        for i, region in enumerate((country, *_REGIONS[loc.code])):
            if g.style == "stars":
                stars = g.stars if i == 0 else rng.randint(1, 5)
                cell = w.stars_markup(rng, stars or 3)
            else:
                cell = e(str(g.rating if i == 0 else rng.choice(RATINGS[loc.code])))
            rows.append(f'<tr><th scope="row">{e(region)}</th><td>{cell}</td></tr>')
        sections.append(
            f"<section>{m.heading(w.label(rng, 'outlook', loc), 2)}<table{m.cls('outlook')}>"
            f"<caption>Prospects over the next 3 years</caption><thead><tr><th>Region</th>"
            f"<th>Outlook</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
        )
    facts = [it for it in growth_items(rng, f) if it.kind == "growth"] + scalar_items(rng, f)
    if facts:
        lis = "".join(
            f"<li><strong>{e(it.label)}:</strong> {it.value}</li>"
            if not it.prose
            else f"<li>{it.value}</li>"
            for it in facts
        )
        aside.insert(0, f"<ul{m.cls('key-figures')}>{lis}</ul>")
    t = f.title
    code = f"{1000 + ctx.number * 37 % 9000}"
    h1 = rng.choice(
        (f"{t} in {country}", f"{t} ({_SCHEMES[loc.code]} {code})", f"Wages and outlook: {t}")
    )
    crumbs, category = _text_crumbs(m, f)
    body = (
        crumbs
        + f"<h1>{e(h1)}</h1><p>{e(f.summary)}</p>"
        + "".join(sections)
        + f"<aside{m.cls('key-figures')}>{m.heading('Key figures', 2)}{''.join(aside)}</aside>"
        + "".join(_lists(ctx))
    )
    html = document(
        m,
        f,
        body=body,
        site_name=ctx.site,
        salary=f.salary,
        og_title=False,
        title_tag=f"{h1} | {ctx.site}",
    )
    shown = f if category is not None else f.without("category")
    return Rendered(f"/outlook/occupation/{code}{ctx.number:03d}/summary", html, shown)


# --- jobboard: a job board's career guide -----------------------------------------------------


def _stat(m: Markup, value: str, caption: str) -> str:
    return (
        f"<div{m.cls('stat')}><p{m.cls('stat-value')}>{value}</p>"
        f"<p{m.cls('stat-caption')}>{e(caption)}</p></div>"
    )


def jobboard(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    stats: list[str] = []
    s = f.salary
    if s is not None:
        for pay in s.shown:
            shown = pay if not pay.percentiles else Pay(pay.period, median=pay.median)
            per = _per(rng, pay.period)
            if shown.median is not None:
                value = w.pay_value(
                    rng, Pay(pay.period, median=shown.median), s, loc, with_period=True
                )
                stats.append(
                    _stat(
                        m,
                        e(value),
                        rng.choice(("Average base salary", "Average salary", "Typical pay")),
                    )
                )
            if shown.low is not None and shown.high is not None:
                lo = w.money(shown.low, s, loc, pay.period)
                hi = w.money(shown.high, s, loc, pay.period)
                stats.append(
                    f"<div{m.cls('range')}><div><span>Low</span> <strong>{e(lo)}</strong></div>"
                    f'<div{m.cls("bar")} aria-hidden="true"></div><div><span>High</span> '
                    f"<strong>{e(hi)}</strong></div><p>{e(per.strip().lstrip('/'))} · most "
                    "common range</p></div>"
                )
        stats.append(
            f"<p><small>Based on {rng.randint(120, 9000):,} salaries reported, updated "
            f"{rng.choice(('March', 'July', 'October'))} 2026.</small></p>"
        )
        if s.shown[0].percentiles:
            f = replace(
                f, salary=replace(s, shown=tuple(Pay(p.period, median=p.median) for p in s.shown))
            )
    score = f"{rng.uniform(3.1, 4.6):.1f}"
    stats.append(_stat(m, f"{score} ★", f"Job satisfaction (from {rng.randint(40, 900)} reviews)"))
    for it in growth_items(rng, f):
        stats.append(
            _stat(m, it.value, it.label)
            if not it.prose
            else f"<div{m.cls('stat')}><p>{it.value}</p></div>"
        )
    for it in scalar_items(rng, f):
        stats.append(_stat(m, it.value, it.label))
    chips = []
    for kind, items in (
        ("people", f.skills.people),
        ("technical", f.skills.technical),
        ("tools", f.skills.tools),
    ):
        if items:
            head = {
                "people": rng.choice(
                    ("Top skills", "Skills employers ask for", w.label(rng, "people", loc))
                ),
                "technical": w.label(rng, "technical", loc),
                "tools": rng.choice(("Tools & software", "Tools and technology")),
            }[kind]
            chips.append(
                f"<section>{m.heading(head, 2)}{m.list_of(items, kind, kind='chips')}</section>"
            )
    duties = ""
    if f.duties:
        duties = (
            f"<section>{m.heading(f'What does {_a(t)} {t.lower()} do?', 2)}"
            f"{m.list_of(f.duties, 'duty', kind='ul')}</section>"
        )
    h1 = rng.choice(
        (f"{t} career guide", f"{t} job description", f"{t}: salary, skills and outlook")
    )
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs + f"<h1>{e(h1)}</h1><p>{e(f.summary)}</p>"
        f'<a href="/jobs?q={e(t)}"{m.cls("button")}>Find {e(t.lower())} jobs</a>'
        f"<div{m.cls('stats')}>{''.join(stats)}</div>"
        + duties
        + "".join(chips)
        + _related(ctx, "Average salary")
    )
    og = rng.random() < 0.5
    html = document(
        m,
        f,
        body=body,
        site_name=ctx.site,
        salary=f.salary,
        og_title=og,
        title_tag=f"{t} Salary & Career Guide | {ctx.site}",
    )
    shown = f if category is not None else f.without("category")
    return Rendered(f"/career-advice/role/{f.slug}", html, shown)


# --- magazine: a prose article -----------------------------------------------------------------


def _pay_sentences(rng: random.Random, f: Facts, pay: Pay, s: Salary) -> str:
    tl, loc = f.title.lower(), f.locale
    per = _per(rng, pay.period)

    def money(x: float | None) -> str:
        assert x is not None
        return w.money(x, s, loc, pay.period)

    out = []
    if pay.median is not None and s.floor:
        out.append(f"Experienced {tl}s earn {money(pay.median)}{per} or more.")
    elif pay.median is not None:
        out.append(
            rng.choice(
                (
                    f"The average {tl} earns {money(pay.median)}{per}.",
                    f"Typical pay is {money(pay.median)}{per}.",
                    f"Most {tl}s take home around {money(pay.median)}{per}.",
                )
            )
        )
    if pay.percentiles:
        p = dict(pay.percentiles)
        out.append(
            f"The lowest-paid 10% earn under {money(p[10])} and the top 10% more than "
            f"{money(p[90])}."
        )
    elif pay.low is not None and pay.high is not None:
        lo, hi = money(pay.low), money(pay.high)
        out.append(
            rng.choice(
                (
                    f"Starting salaries are around {lo}{per}, rising to {hi} with experience.",
                    f"Starting around {lo}, rising to {hi}{per} with experience.",
                    f"New entrants can expect {lo}{per}; with experience this can rise to {hi}.",
                    f"Salaries start at {lo} and can reach {hi}{per}.",
                )
            )
        )
    return " ".join(out)


def magazine(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    t, tl, loc = f.title, f.title.lower(), f.locale
    paras: list[str] = []
    s = f.salary
    if s is not None:
        pays = [_pay_sentences(rng, f, p, s) for p in s.shown]
        text = pays[0] + (f" Put another way: {pays[1]}" if len(pays) > 1 else "")
        aside = rng.choice(
            ("Most work 38 to 40 hours a week.", f"Self-employed {tl}s set their own rates.")
        )
        paras.append(f"{m.heading('What you could earn', 2)}<p>{e(text)} {e(aside)}</p>")
    g = f.growth
    outlook: list[str] = []
    if g is not None:
        if g.style in {"rating", "rating+pct"}:
            outlook.append(
                f"<strong>Outlook:</strong> {e(str(g.rating))}. Demand is steadiest in the cities."
            )
            if g.style == "rating+pct":
                pct = int(g.pct or 0)
                verb = f"fall by {abs(pct)}%" if pct < 0 else f"grow by {pct}%"
                outlook.append(e(f"Employment is expected to {verb} over the next five years."))
            f = replace(f, growth=replace(g, years_in=None))
        elif g.style == "stars":
            outlook.append(f"<strong>Job prospects:</strong> {w.stars_markup(rng, g.stars or 3)}")
        else:
            shown = replace(g, style="prose", years_in="value")
            outlook.append(e(w.growth_value(rng, shown, t)))
            f = replace(f, growth=shown)
    if f.workers is not None:
        wk = f.workers
        when = f" in {wk.year}" if wk.year_in else ""
        outlook.append(e(f"About {wk.value:,} people worked as {tl}s in {loc.country}{when}."))
        f = replace(f, workers=replace(wk, style="comma", year_in="value" if wk.year_in else None))
    if outlook:
        paras.append(
            m.heading("Is it a growing field?", 2) + "".join(f"<p>{p}</p>" for p in outlook)
        )
    if f.duties:
        paras.append(
            f"{m.heading('A day in the life', 2)}<p>On a typical day you might:</p>"
            f"{m.list_of(f.duties, 'duty', kind='ul')}"
        )
    skills = replace(
        f.skills,
        people=tuple(x.rstrip(".") for x in f.skills.people),
        technical=tuple(x.rstrip(".") for x in f.skills.technical),
        tools=(),
    )
    f = replace(f, skills=skills)
    for kind, items, lead in (
        ("people", skills.people, "To do well you'll need"),
        ("technical", skills.technical, "Employers also look for"),
    ):
        if not items:
            continue
        if _sayable(items):
            paras.append(f"<p>{e(lead)} {e(_and_list(rng, items))}.</p>")
        else:
            paras.append(m.heading(w.label(rng, kind, loc), 3) + m.list_of(items, kind))
    facts = scalar_items(rng, replace(f, workers=None))
    fact_file = "".join(
        f"<li><span>{e(it.label)}</span> <span>{it.value}</span></li>" for it in facts
    )
    h1 = rng.choice(
        (f"What does {_a(t)} {t} do?", f"How to become {_a(t)} {t}", f"{t}: a day in the life")
    )
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs + f"<article><h1>{e(h1)}</h1><p{m.cls('dek')}>{e(f.summary)}</p>"
        f"<p{m.cls('byline')}>By Sam Reed · 6 min read</p>{''.join(paras)}</article>"
        + (
            f"<aside{m.cls('fact-file')}><h2>Fact file</h2><ul>{fact_file}</ul></aside>"
            if fact_file
            else ""
        )
    )
    html = document(
        m,
        f,
        body=body,
        site_name=ctx.site,
        salary=f.salary,
        og_title=False,
        title_tag=f"{h1} | {ctx.site}",
    )
    shown = f if category is not None else f.without("category")
    return Rendered(f"/advice/{2026 - ctx.number % 3}/{f.slug}-career-guide", html, shown)


# --- pagestate: Remix, SvelteKit, Angular transfer state ---------------------------------------


def _state(ctx: Ctx) -> tuple[dict[str, object], Facts]:
    f, rng = ctx.facts, ctx.rng
    snake = rng.random() < 0.4

    def k(camel: str) -> str:
        return "".join(f"_{c.lower()}" if c.isupper() else c for c in camel) if snake else camel

    occ: dict[str, object] = {
        "id": 5000 + ctx.number,
        k("occupationName"): f.title,
        k("summaryText"): f.summary,
    }
    if f.category:
        occ["industry"] = {"label": f.category, "slug": f.category.lower().replace(" ", "-")}
    s = f.salary
    if s is not None:
        pays = []
        for pay in s.shown:
            entry: dict[str, object] = {"unit": pay.period.upper()}
            for name, amount in (("median", pay.median), ("low", pay.low), ("high", pay.high)):
                if amount is not None:
                    entry[name] = amount
            pays.append(entry)
        occ["pay"] = {k("currencyCode"): s.currency, k("bands"): pays}
        f = _no_floor(f)
    g = f.growth
    if g is not None:
        prospects: dict[str, object] = {}
        if g.style in {"rating", "rating+pct"}:
            prospects["rating"] = g.rating
        if g.style == "stars":
            prospects.update(stars=g.stars, outOf=5)
        if g.style in {"pct", "pct-cat", "prose", "rating+pct"}:
            prospects[k("growthPercent")] = g.pct
        if g.style in {"pct-cat", "prose", "cat", "band"}:
            prospects["description"] = (g.category or "").capitalize()
        years = g.years_in is not None and g.years is not None and g.style != "rating+pct"
        if years and g.years:
            prospects[k("projectionPeriod")] = f"{g.years[0]}-{g.years[1]}"
        occ["prospects"] = prospects
        style = {"prose": "pct-cat", "band": "cat"}.get(g.style, g.style)
        f = replace(f, growth=replace(g, style=style, years_in="label" if years else None))
    if f.workers is not None:
        wk = f.workers
        occ["employed"] = {"count": wk.value, "year": wk.year} if wk.year_in else wk.value
        f = replace(f, workers=replace(wk, year_in="label" if wk.year_in else None))
    if f.education:
        occ[k("educationLevel")] = f.education[0]
    if f.environment:
        occ[k("workEnvironment")] = f.environment
    occ["tasks"] = [{"text": d, "order": i} for i, d in enumerate(f.duties)]
    occ["skills"] = {
        k("softSkills"): list(f.skills.people),
        k("technicalSkills"): list(f.skills.technical),
        "tools": list(f.skills.tools),
    }
    occ[k("similarOccupations")] = [
        {"name": t, "pay": {"median": 50_000 + 1500 * i}} for i, t in enumerate(ctx.related[:3])
    ]
    return occ, f


def pagestate(ctx: Ctx) -> Rendered:
    f, rng = ctx.facts, ctx.rng
    occ, f = _state(ctx)
    form = rng.choice(("remix", "sveltekit", "angular"))
    if form == "remix":
        ctx_json = {
            "state": {
                "loaderData": {
                    "root": {"user": None, "locale": f.locale.lang},
                    "routes/careers.$slug": {"occupation": occ},
                },
                "actionData": None,
                "errors": None,
            }
        }
        blob = f"<script>window.__remixContext = {json.dumps(ctx_json)};</script>"
    elif form == "sveltekit":
        inner = json.dumps({"occupation": occ})
        fetched = json.dumps({"status": 200, "statusText": "", "headers": {}, "body": inner})
        blob = (
            f'<script type="application/json" data-sveltekit-fetched '
            f'data-url="/api/occupations/{f.slug}">{fetched}</script>'
        )
    else:
        state = json.dumps({f"occupation-{f.slug}": occ, "config": {"api": "/api"}})
        blob = (
            '<script id="serverApp-state" type="application/json">'
            + state.replace('"', "&q;")
            + "</script>"
        )
    title_tag = rng.choice((f"{f.title} | {ctx.site}", ctx.site))
    html = (
        f'<!DOCTYPE html><html lang="{f.locale.lang}"><head><meta charset="utf-8">'
        f'<title>{e(title_tag)}</title></head><body><div id="app"><p>Loading…</p></div>'
        f'{blob}<script type="module" src="/build/entry.client.js"></script></body></html>'
    )
    return Rendered(f"/explore/occupations/{f.slug}", html, f)


# --- ldgraph: JSON-LD @graph only ---------------------------------------------------------------

_DURATION = {"year": "P1Y", "month": "P1M", "week": "P1W", "day": "P1D", "hour": "PT1H"}


def ldgraph(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    url = f"https://{loc.domain}/careers/{f.slug}"
    sections = rng.choice((["Home", "Explore careers"], ["Home", "Careers", "Job profiles"]))
    show = f.category is not None and rng.random() < 0.6
    names = [*sections, *([f.category] if show and f.category else []), f.title]
    crumbs = {
        "@type": "BreadcrumbList",
        "@id": f"{url}#breadcrumb",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": i + 1,
                "name": n,
                "item": f"{url}/{'../' * (len(names) - i)}",
            }
            for i, n in enumerate(names)
        ],
    }
    occ: dict[str, object] = {
        "@type": "Occupation",
        "@id": f"{url}#occupation",
        "name": f.title,
        "description": f.summary,
        "occupationalCategory": f"{_SCHEMES[loc.code]} {2000 + ctx.number}",
        "occupationLocation": [{"@type": "Country", "name": _country(f)}],
    }
    s = f.salary
    if s is not None:
        dists = []
        for pay in s.shown:
            d: dict[str, object] = {
                "@type": "MonetaryAmountDistribution",
                "name": "base",
                "currency": s.currency,
                "duration": _DURATION[pay.period],
            }
            if pay.median is not None:
                d["median"] = pay.median
            if pay.low is not None and pay.high is not None:
                d["minValue"], d["maxValue"] = pay.low, pay.high
            for pct, amount in pay.percentiles:
                d[f"percentile{pct}"] = amount
            dists.append(d)
        occ["estimatedSalary"] = dists if len(dists) > 1 or rng.random() < 0.5 else dists[0]
    if f.education:
        occ["educationRequirements"] = rng.choice(
            (
                f.education[0],
                {
                    "@type": "EducationalOccupationalCredential",
                    "credentialCategory": f.education[0],
                },
            )
        )
    occ["responsibilities"] = list(f.duties)
    occ["skills"] = [{"@type": "DefinedTerm", "name": x} for x in f.skills.technical]
    page = {
        "@type": "WebPage",
        "@id": url,
        "name": f"{f.title} | {ctx.site}",
        "breadcrumb": {"@id": f"{url}#breadcrumb"},
        "mainEntity": {"@id": f"{url}#occupation"},
    }
    graph = {"@context": "https://schema.org", "@graph": [page, crumbs, occ]}
    body = (
        f"<h1>{e(rng.choice(('Career profile', 'Job profile', 'Occupation')))}</h1>"
        f'<p>{e(f.summary)}</p><div id="salary-widget"{m.cls("widget")}>Loading pay data…'
        "</div>"
    )
    head = f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    html = document(
        m,
        f,
        body=body,
        site_name=ctx.site,
        salary=s,
        og_title=False,
        title_tag=ctx.site,
        head_extra=head,
    )
    shown = replace(
        f.without("growth", "workers", "environment"),
        skills=replace(f.skills, people=(), tools=(), sentence_names=()),
    )
    shown = _no_floor(shown)
    return Rendered(f"/careers/{f.slug}", html, shown if show else shown.without("category"))


# --- horizontal: labels as column headers ---------------------------------------------------------


def _ranked_table(ctx: Ctx, heading: str, items: tuple[str, ...], first: str) -> str:
    m, rng = ctx.m, ctx.rng
    col = rng.choice(("Importance", "Level", "How often"))
    rows = "".join(
        f"<tr><td>{e(x)}</td><td>"
        + (
            f'<meter min="0" max="100" value="{rng.randint(40, 99)}"></meter>'
            if col != "How often"
            else rng.choice(("Daily", "Weekly", "Often"))
        )
        + "</td></tr>"
        for x in items
    )
    return (
        f"<section>{m.heading(heading, 2)}<table{m.cls('ranked')}><thead><tr><th>{e(first)}"
        f"</th><th>{col}</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )


def horizontal(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    block = pay_block(rng, f, placements=("label", "value", "footnote"))
    items = [*block.items, *growth_items(rng, f), *scalar_items(rng, f, category=True)]
    cells = [it for it in items if not it.prose]
    head = "".join(f'<th scope="col">{e(it.label)}</th>' for it in cells)
    vals = "".join(f"<td>{it.value}{(' ' + e(it.note)) if it.note else ''}</td>" for it in cells)
    table = (
        f"<table{m.cls('quick-facts')}><caption>Quick facts</caption><thead><tr>{head}</tr>"
        f"</thead><tbody><tr>{vals}</tbody></table>{_footnote(ctx, block)}"
    )
    prose = "".join(f"{m.heading(it.label, 3)}<p>{it.value}</p>" for it in items if it.prose)
    lists = []
    for kind, values, first in (
        ("duties", f.duties, "Task"),
        ("technical", f.skills.technical, "Skill"),
        ("people", f.skills.people, "Quality"),
        ("tools", f.skills.tools, "Tool"),
    ):
        if values:
            lists.append(_ranked_table(ctx, w.label(rng, kind, loc), values, first))
    h1, _ = _title(ctx)
    body = (
        f"<h1>{e(h1)}</h1><p>{e(f.summary)}</p>"
        + m.wrap(table)
        + prose
        + "".join(lists)
        + _related(ctx, block.items[0].label if block.items else "Salary")
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/profiles/{ctx.number}-{f.slug}.html", html, f)


# --- tiers: "£24,000 Starter to £40,000 Experienced" --------------------------------------------

_PERIOD_PHRASE = {
    "year": "a year",
    "month": "a month",
    "week": "a week",
    "day": "a day",
    "hour": "an hour",
}


def _tier_box(ctx: Ctx, s: Salary, pay: Pay) -> str:
    m, rng, loc = ctx.m, ctx.rng, ctx.facts.locale

    def money(x: float) -> str:
        return w.money(x, s, loc, pay.period)

    def tier(x: float, name: str) -> str:
        return f"<p><span{m.cls('amount')}>{e(money(x))}</span> <span>{name}</span></p>"

    parts = []
    if pay.low is not None and pay.high is not None:
        parts.append(tier(pay.low, rng.choice(("Starter", "New entrant"))))
        if pay.median is not None:
            parts.append(f"<span>to</span>{tier(pay.median, 'Average')}")
        parts.append(f"<span>to</span>{tier(pay.high, 'Experienced')}")
    else:
        assert pay.median is not None
        value = w.pay_value(rng, Pay(pay.period, median=pay.median), s, loc, with_period=False)
        parts.append(f"<p><span{m.cls('amount')}>{e(value)}</span></p>")
    label = rng.choice(("Average salary", "Typical pay", "Salary"))
    return (
        f"<div{m.cls('salary')}><h2>{e(label)} <span>({_PERIOD_PHRASE[pay.period]})</span>"
        f"</h2>{''.join(parts)}</div>"
    )


def tiers(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t, tl = f.locale, f.title, f.title.lower()
    boxes: list[str] = []
    s = f.salary
    if s is not None:
        if any(p.percentiles for p in s.shown):
            s = replace(s, shown=tuple(Pay(p.period, median=p.median) for p in s.shown))
            f = replace(f, salary=s)
        boxes += [_tier_box(ctx, s, p) for p in s.shown]
    boxes.append(
        f"<div{m.cls('hours')}><h2>Typical hours <span>(a week)</span></h2>"
        "<p>37 to 40 <span>variable</span></p></div>"
        f"<div{m.cls('hours')}><h2>You could work</h2><p>evenings / weekends</p></div>"
    )
    sections = []
    if f.education:
        sections.append(f"{m.heading(w.label(rng, 'education', loc), 2)}<p>{e(f.education[0])}</p>")
    if f.environment:
        sections.append(f"{m.heading('Working environment', 2)}<p>{e(f.environment)}</p>")
    for it in growth_items(rng, f) + [x for x in scalar_items(rng, f) if x.kind == "workers"]:
        sections.append(f"{m.heading(it.label, 3)}<p>{it.value}</p>")
    if s is not None and rng.random() < 0.6:
        top = s.published()
        amount = (top.high or top.median or 40_000.0) * 1.4
        amount = round(amount, 2) if top.period == "hour" else float(round(amount, -3))
        sections.append(
            f"{m.heading('Career path and progression', 2)}<p>With experience, you "
            f"could become a senior {e(tl)} or a manager, earning up to "
            f"{e(w.money(amount, s, loc, top.period))}.</p>"
        )
    alt = f"<p>Alternative titles for this job include senior {e(tl)}, trainee {e(tl)}</p>"
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs + f"<h1>{e(t)}</h1>{alt}<p>{e(f.summary)}</p>"
        f"<div{m.cls('key-info')}>{''.join(boxes)}</div>"
        + "".join(sections)
        + "".join(_lists(ctx, people_intro=True))
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    shown = f if category is not None else f.without("category")
    return Rendered(f"/job-profiles/{f.slug}", html, shown)


# --- toggle: a pay period switch -----------------------------------------------------------------


def _convert(pay: Pay, period: str) -> Pay:
    factor = PER_YEAR[pay.period] / PER_YEAR[period]

    def conv(x: float | None) -> float | None:
        if x is None:
            return None
        return round(x * factor, 2) if period == "hour" else float(round(x * factor))

    return Pay(period, median=conv(pay.median), low=conv(pay.low), high=conv(pay.high))


def toggle(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    s = f.salary
    switch = ""
    if s is not None:
        given = tuple(p if not p.percentiles else Pay(p.period, median=p.median) for p in s.shown)
        extra = rng.choice((("week", "year"), ("hour", "year"), ("hour", "week"), ("month",)))
        derived = tuple(_convert(given[0], p) for p in extra if p not in {g.period for g in given})
        shown = (*given, *derived)
        s = replace(
            s,
            shown=shown,
            floor=False,
            number_style="comma" if s.number_style in {"K", "k"} else s.number_style,
        )
        f = replace(f, salary=s)
        order = sorted(shown, key=lambda p: -PER_YEAR[p.period])
        buttons, panels = [], []
        for i, pay in enumerate(order):
            on = pay is shown[0]
            buttons.append(
                f'<button role="tab" aria-selected="{str(on).lower()}" '
                f'aria-controls="pay-{i}" data-period="{pay.period}">'
                f"{w.PERIOD_ADJ[pay.period]}</button>"
            )
            rows = []
            if pay.median is not None:
                value = w.pay_value(
                    rng, Pay(pay.period, median=pay.median), s, loc, with_period=True
                )
                rows.append(
                    f"<p><span>{e(w.label(rng, 'median', loc))}</span> "
                    f"<strong>{e(value)}</strong></p>"
                )
            if pay.low is not None and pay.high is not None:
                value = w.pay_value(
                    rng, Pay(pay.period, low=pay.low, high=pay.high), s, loc, with_period=True
                )
                rows.append(f"<p><span>Range</span> <strong>{e(value)}</strong></p>")
            ref = pay.median or pay.low or 0.0
            avg = round(ref * 0.8, 2) if pay.period == "hour" else float(round(ref * 0.8))
            rows.append(
                f"<p{m.cls('compare')}>All jobs average: "
                f"{e(w.pay_value(rng, Pay(pay.period, median=avg), s, loc, with_period=True))}"
                "</p>"
            )
            hide = "" if on else rng.choice((" hidden", ' style="display:none"'))
            panels.append(
                f'<div role="tabpanel" id="pay-{i}"{hide}{m.cls("pay-panel")}>{"".join(rows)}</div>'
            )
        switch = (
            f'<section{m.cls("pay")}>{m.heading("Pay", 2)}<div role="tablist" '
            f'aria-label="Show pay"{m.cls("switch")}>{"".join(buttons)}</div>'
            f"{''.join(panels)}</section>"
        )
    cards = "".join(
        f"<div{m.cls('card')}><h3>{e(it.label)}</h3><p>{it.value}</p></div>"
        for it in [*growth_items(rng, f), *scalar_items(rng, f)]
    )
    body = (
        f"<h1>{e(f.title)}</h1><p>{e(f.summary)}</p>{switch}<div{m.cls('cards')}>{cards}"
        "</div>" + "".join(_lists(ctx))
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/occupation/{f.slug}/pay-and-outlook", html, f.without("category"))


HELD_OUT_4: tuple[Layout, ...] = (
    Layout("regional", regional, ("CA", "AU", "NZ", "US"), "Labour Market Info"),
    Layout("jobboard", jobboard, ("US", "AU", "UK", "CA"), "JobSeekr", tools=True),
    Layout("magazine", magazine, ("UK", "AU", "NZ", "US"), "Career Weekly"),
    Layout("pagestate", pagestate, ("US", "UK", "CA", "AU", "NZ"), "OccuFind", tools=True),
    Layout("ldgraph", ldgraph, ("US", "UK", "CA", "AU", "NZ"), "Careers Online"),
    Layout("horizontal", horizontal, ("US", "CA", "NZ"), "Occupation Tables", tools=True),
    Layout("tiers", tiers, ("UK", "UK", "NZ", "AU"), "Careers Service", sentences=True),
    Layout("toggle", toggle, ("AU", "NZ", "CA", "US"), "PayCheck Careers", tools=True),
)
