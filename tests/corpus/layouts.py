"""The in-sample layouts: ten ways career sites lay out one occupation.

Each imitates a *kind* of structure that public career sites in the US, UK,
Canada, Australia and New Zealand use, without copying any page:

- `factbox`: a definition list of key facts beside "What they do" sections.
- `fact_table`: two-column fact tables and a wage table (Low/Median/High or
  10th-90th percentile columns, hourly and yearly rows).
- `tiles`: stat tiles of divs (label, big value, small note); chips and div lists.
- `prose`: "Label: value" lines and plain sentences ("usually earn between ...").
- `headed`: headings followed by values; sentence skills under "You'll need:".
- `tabs`: tab panels and accordions whose content is hidden until opened.
- `embedded`: an empty skeleton whose data lives in `__NEXT_DATA__`, Nuxt's
  payload or a `window.__INITIAL_STATE__` assignment.
- `microdata`: schema.org microdata or RDFa, a generic heading, og: meta.
- `utility`: the sample site's own layout redone with utility classes only.
- `wagetable`: a labour-market report (regional wage table, star ratings,
  profile URLs ending in a constant segment).

A layout returns the page's path, its HTML and the facts it actually shows
(`Facts.without`), which the truth is computed from.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from tests.corpus import wording as w
from tests.corpus.items import (
    Item,
    PayBlock,
    duty_intro,
    growth_items,
    others_pay,
    pay_block,
    scalar_items,
)
from tests.corpus.markup import Markup, breadcrumb, document, e, related_cards
from tests.corpus.model import Facts, Pay, Skills


@dataclass
class Ctx:
    rng: random.Random
    m: Markup
    facts: Facts
    site: str
    related: list[str]  # titles of other careers (for related cards)
    number: int  # a page number unique in the corpus (for numeric ids in URLs)


@dataclass(frozen=True)
class Rendered:
    path: str
    html: str
    facts: Facts


@dataclass(frozen=True)
class Layout:
    name: str
    render: Callable[[Ctx], Rendered]
    locales: tuple[str, ...]
    site: str
    tools: bool = False  # the layout may show a separate tools list
    sentences: bool = False  # the layout may show sentence skills
    styles: tuple[str, ...] = field(default=("semantic", "bem", "hashed", "utility", "none"))


# --- shared pieces ----------------------------------------------------------------------------


def _title(ctx: Ctx) -> tuple[str, str]:
    """(h1 text, form): the occupation, a generic heading, or a prefixed one."""
    t = ctx.facts.title
    form = ctx.rng.choice(("plain", "plain", "generic", "prefix"))
    if form == "generic":
        return ctx.rng.choice(
            ("Job profile", "Career overview", "Occupation summary", "Career profile")
        ), form
    if form == "prefix":
        return ctx.rng.choice(
            (f"Career report - {t}", f"Job profile: {t}", f"Career overview – {t}")
        ), form
    return t, form


def _note(it: Item) -> str:
    return f" {e(it.note)}" if it.note else ""


def _footnote(ctx: Ctx, block: PayBlock) -> str:
    return (
        f"<p{ctx.m.cls('footnote')}><small>{e(block.footnote)}</small></p>"
        if block.footnote
        else ""
    )


def _list_section(
    ctx: Ctx, heading: str, items: tuple[str, ...], role: str, intro: str = ""
) -> str:
    if not items:
        return ""
    m = ctx.m
    intro_html = f"<p>{e(intro)}</p>" if intro else ""
    body = m.list_of(
        items,
        role,
        kind=None if role != "duty" else ctx.rng.choice(("ul", "ul", "ol", "divs", "ps")),
    )
    return m.wrap(f"<section{m.cls(role + 's')}>{m.heading(heading)}{intro_html}{body}</section>")


def _lists(ctx: Ctx, *, people_intro: bool = False) -> list[str]:
    """Duties and skill sections (each with a locale's heading)."""
    f, rng, loc = ctx.facts, ctx.rng, ctx.facts.locale
    out = [
        _list_section(ctx, w.label(rng, "duties", loc), f.duties, "duty", duty_intro(rng, f)),
        _list_section(ctx, w.label(rng, "technical", loc), f.skills.technical, "skill"),
        _list_section(
            ctx,
            w.label(rng, "people", loc),
            f.skills.people,
            "quality",
            rng.choice(w.SKILL_INTROS) if people_intro or f.skills.sentence_names else "",
        ),
        _list_section(ctx, w.label(rng, "tools", loc), f.skills.tools, "tool"),
    ]
    return [s for s in out if s]


def _related(ctx: Ctx, pay_label: str) -> str:
    titles = ctx.rng.sample(ctx.related, min(3, len(ctx.related)))
    return related_cards(ctx.m, others_pay(ctx.rng, ctx.facts, titles), pay_label)


def _first_pay_label(block: PayBlock) -> str:
    return block.items[0].label if block.items else "Salary"


def _shuffle(rng: random.Random, parts: list[str]) -> list[str]:
    rng.shuffle(parts)
    return parts


def _slugify(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


# --- 1. factbox: a definition list of key facts -------------------------------------------------


def factbox(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    block = pay_block(rng, f, placements=("value", "label", "note"))
    items = [*block.items, *growth_items(rng, f), *scalar_items(rng, f)]
    rows = []
    for it in items:
        note = f" <small>{e(it.note)}</small>" if it.note else ""
        rows.append(
            f"<dt{m.cls('fact-label')}>{e(it.label)}</dt>"
            f"<dd{m.cls('fact-value')}>{it.value}{note}</dd>"
        )
    box_title = rng.choice(("Quick facts", "At a glance", "Key facts", "Summary"))
    box = (
        f"<div{m.cls('factbox')}>{m.heading(box_title, 2)}<dl>{''.join(rows)}</dl>"
        f"{_footnote(ctx, block)}</div>"
    )
    crumbs, category = breadcrumb(m, f)
    h1, _ = _title(ctx)
    summary = f"<p{m.cls('lede')}>{e(f.summary)}</p>"
    body = (
        crumbs
        + f"<h1{m.cls('title')}>{e(h1)}</h1>"
        + summary
        + "".join(_shuffle(rng, [m.wrap(box), *_lists(ctx)]))
        + _related(ctx, _first_pay_label(block))
    )
    cat_slug = _slugify(f.category or "general")
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/ooh/{cat_slug}/{f.slug}.htm", html, _with_category(f, category))


def _with_category(f: Facts, category: str | None) -> Facts:
    return f if category is not None else f.without("category")


# --- 2. fact_table: two-column tables and a wage table ----------------------------------------


def _wage_table(ctx: Ctx) -> str | None:
    """A wage table: percentile or Low/Median/High columns, one row per period shown."""
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    s = f.salary
    if s is None:
        return None
    pays = s.shown
    if any(p.percentiles for p in pays):
        cols = [("10%", 10), ("25%", 25), ("Median", 50), ("75%", 75), ("90%", 90)]
        if rng.random() < 0.5:
            cols = [
                ("10th percentile", 10),
                ("25th percentile", 25),
                ("Median", 50),
                ("75th percentile", 75),
                ("90th percentile", 90),
            ]
    elif all(p.median is not None and p.low is not None for p in pays):
        cols = [("Low", -1), ("Median", 50), ("High", -2)]
    else:
        return None
    head = "".join(f'<th scope="col">{e(c)}</th>' for c, _ in cols)
    body = []
    for pay in pays:
        per = dict(pay.percentiles)
        cells = []
        for _, key in cols:
            amount = {50: pay.median, -1: pay.low, -2: pay.high}.get(key, per.get(key))
            assert amount is not None
            cells.append(f"<td>{e(w.money(amount, s, f.locale, pay.period))}</td>")
        body.append(
            f'<tr><th scope="row">{e(f.locale.country.replace("the ", "").title())}</th>'
            f"<td>{e(w.period_header(rng, pay.period, f.locale))}</td>{''.join(cells)}</tr>"
        )
    caption = rng.choice(("Wages", "Earnings", f"Wages for {f.title.lower()}s"))
    note = f" Wages are in {f.locale.words}." if s.evidence == "caption" else ""
    return (
        f"<table{m.cls('wages')}><caption>{e(caption)}</caption><thead><tr><th>Location</th>"
        f"<th>Pay period</th>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        + (f"<p><small>{e(note.strip())}</small></p>" if note else "")
    )


def fact_table(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    wages = _wage_table(ctx)
    block = PayBlock((), "") if wages else pay_block(rng, f, placements=("value", "label"))
    items = [*block.items, *growth_items(rng, f), *scalar_items(rng, f, category=True)]
    cell = rng.choice(("th", "td"))
    rows = "".join(
        f"<tr><{cell}>{e(it.label)}</{cell}><td>{it.value}"
        + (f" {e(it.note)}" if it.note else "")
        + "</td></tr>"
        for it in items
    )
    table = f"<table{m.cls('facts')}><tbody>{rows}</tbody></table>"
    h1, _ = _title(ctx)
    parts = [m.wrap(table), *([m.wrap(wages)] if wages else []), *_lists(ctx)]
    body = (
        f"<h1>{e(h1)}</h1><p>{e(f.summary)}</p>"
        + "".join(_shuffle(rng, parts))
        + _related(ctx, "Median wage")
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    code = f"{15 + ctx.number % 40}{1000 + ctx.number:04d}00"
    query = f"keyword={f.title.replace(' ', '%20')}&onetcode={code}"
    return Rendered(f"/toolkit/careers/occupation-profile.aspx?{query}", html, f)


# --- 3. tiles: stat tiles of divs ---------------------------------------------------------------


def _tile(ctx: Ctx, it: Item) -> str:
    m, rng = ctx.m, ctx.rng
    lab_tag = rng.choice(("div", "span", "p", "h3"))
    val_tag = rng.choice(("div", "span", "p", "strong"))
    note = f" <span{m.cls('tile-note')}>{e(it.note)}</span>" if it.note else ""
    inner = (
        f"<{lab_tag}{m.cls('tile-label')}>{e(it.label)}</{lab_tag}> "
        f"<{val_tag}{m.cls('tile-value')}>{it.value}</{val_tag}>{note}"
    )
    return f"<div{m.cls('tile')}>{inner}</div>"


def tiles(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    block = pay_block(rng, f, placements=("value", "label", "note", "footnote"))
    items = [*block.items, *growth_items(rng, f), *scalar_items(rng, f)]
    grid = (
        f"<div{m.cls('tiles')}>"
        + "".join(_tile(ctx, it) for it in items if not it.prose)
        + "</div>"
        + _footnote(ctx, block)
    )
    prose = "".join(
        f"<div{m.cls('prose')}>{m.heading(it.label)}<p>{it.value}</p></div>"
        for it in items
        if it.prose
    )
    crumbs, category = breadcrumb(m, f)
    h1, _ = _title(ctx)
    body = (
        crumbs
        + f"<h1>{e(h1)}</h1><div{m.cls('intro')}><p>{e(f.summary)}</p></div>"
        + m.wrap(grid)
        + prose
        + "".join(_lists(ctx))
        + _related(ctx, _first_pay_label(block))
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/occupations/{f.slug}", html, _with_category(f, category))


# --- 4. prose: "Label: value" lines and sentences -----------------------------------------------


def _pay_sentence(ctx: Ctx, it: Item) -> str:
    t = ctx.facts.title
    verb = ctx.rng.choice(("usually earn", "typically earn", "can expect to earn", "earn"))
    return f"{e(t)}s {verb} {it.value}{(' ' + e(it.note)) if it.note else ''}."


def prose(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    block = pay_block(rng, f, placements=("value",))
    lines = []
    sentences = rng.random() < 0.5 and len(block.items) == 1 and "–" not in block.items[0].value
    for it in [*block.items, *growth_items(rng, f), *scalar_items(rng, f, category=True)]:
        if it.kind == "pay" and sentences:
            lines.append(f"{m.heading(it.label)}<p>{_pay_sentence(ctx, it)}</p>")
        elif it.prose:
            lines.append(f"{m.heading(it.label)}<p>{it.value}</p>")
        else:
            tag = rng.choice(("strong", "b", "span"))
            lines.append(f"<p><{tag}>{e(it.label)}:</{tag}> {it.value}</p>")
    h1, _ = _title(ctx)
    body = (
        f"<article{m.cls('career')}><h1>{e(h1)}</h1><p>{e(f.summary)}</p>"
        + m.wrap("".join(lines))
        + "".join(_lists(ctx))
        + "</article>"
        + _related(ctx, _first_pay_label(block))
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/jobs/{f.slug}/", html, f)


# --- 5. headed: headings followed by values -----------------------------------------------------


def headed(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    block = pay_block(rng, f, placements=("value", "label"))
    blocks = []
    for it in [*block.items, *growth_items(rng, f), *scalar_items(rng, f)]:
        tag = "p" if it.prose else rng.choice(("p", "div", "span"))
        blocks.append(
            m.wrap(
                f"<div{m.cls('fact')}>{m.heading(it.label, 3)}"
                f"<{tag}{m.cls('fact-value')}>{it.value}"
                f"{(' ' + e(it.note)) if it.note else ''}</{tag}></div>",
                1,
            )
        )
    noise = (
        f"<div{m.cls('fact')}>{m.heading('Typical hours (a week)', 3)}<p>37 to 40</p></div>"
        f"<div{m.cls('fact')}>{m.heading('You could work', 3)}<p>evenings / weekends</p></div>"
    )
    crumbs, category = breadcrumb(m, f)
    h1, form = _title(ctx)
    sub = (
        f"<p{m.cls('subtitle')}>{e(f.title)}</p>"
        if form == "generic" and rng.random() < 0.5
        else ""
    )
    vacancies = (
        f"<section>{m.heading('Current opportunities', 2)}<ul>"
        + "".join(
            f"<li><a href='/v/{i}'>{e(t)}</a> <span>Wage: {e(p)}</span></li>"
            for i, (t, p) in enumerate(others_pay(rng, f, [f.title] * 3))
        )
        + "</ul></section>"
    )
    body = (
        crumbs
        + f"<h1>{e(h1)}</h1>{sub}<p>{e(f.summary)}</p>"
        + f"<div{m.cls('facts')}>{''.join(blocks)}{noise}{_footnote(ctx, block)}</div>"
        + "".join(_lists(ctx, people_intro=True))
        + vacancies
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/job-profiles/{f.slug}", html, _with_category(f, category))


# --- 6. tabs: tab panels and accordions, hidden until opened ------------------------------------


def _hidden_attr(rng: random.Random) -> str:
    return rng.choice(
        (" hidden", ' style="display: none;"', ' aria-hidden="true"', ' hidden aria-hidden="true"')
    )


def tabs(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    block = pay_block(rng, f, placements=("value", "label", "note"))
    items = [*block.items, *growth_items(rng, f), *scalar_items(rng, f)]
    facts_html = "".join(
        (
            f"<p>{m.heading(it.label, 4)}</p><p>{it.value}</p>"
            if it.prose
            else f"<p><strong>{e(it.label)}:</strong> {it.value}{_note(it)}</p>"
        )
        for it in items
    ) + _footnote(ctx, block)
    loc = f.locale
    panels: list[tuple[str, str]] = [
        (rng.choice(("Overview", "Pay and outlook", "Key facts")), facts_html),
    ]
    for heading, list_items, role in (
        (w.label(rng, "duties", loc), f.duties, "duty"),
        (w.label(rng, "technical", loc), f.skills.technical, "skill"),
        (w.label(rng, "people", loc), f.skills.people, "quality"),
        (w.label(rng, "tools", loc), f.skills.tools, "tool"),
    ):
        if list_items:
            panels.append((heading, m.list_of(list_items, role)))
    form = rng.choice(("tabs", "details", "accordion"))
    if form == "tabs":
        buttons = "".join(
            f'<button role="tab" id="tab-{i}" aria-controls="panel-{i}"'
            f' aria-selected="{"true" if i == 0 else "false"}"{m.cls("tab")}>{e(h)}</button>'
            for i, (h, _) in enumerate(panels)
        )
        bodies = "".join(
            f'<div role="tabpanel" id="panel-{i}" aria-labelledby="tab-{i}"'
            f"{'' if i == 0 else _hidden_attr(rng)}{m.cls('panel')}>{b}</div>"
            for i, (_, b) in enumerate(panels)
        )
        widget = f'<div role="tablist"{m.cls("tabs")}>{buttons}</div>{bodies}'
    elif form == "details":
        widget = "".join(
            f"<details{m.cls('accordion')}{' open' if i == 0 else ''}><summary>{e(h)}</summary>"
            f"<div>{b}</div></details>"
            for i, (h, b) in enumerate(panels)
        )
    else:
        widget = "".join(
            f'<div{m.cls("accordion-item")}><h3><button aria-expanded="false"'
            f' aria-controls="acc-{i}">{e(h)}</button></h3>'
            f'<div id="acc-{i}"{_hidden_attr(rng)}{m.cls("accordion-body")}>{b}</div></div>'
            for i, (h, b) in enumerate(panels)
        )
    h1, _ = _title(ctx)
    body = (
        f"<h1>{e(h1)}</h1><p>{e(f.summary)}</p>"
        + m.wrap(widget)
        + _related(ctx, _first_pay_label(block))
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/career/{4000 + ctx.number}/{f.slug}/overview", html, f.without("category"))


# --- 7. embedded: a skeleton page whose data is JSON page state ---------------------------------


def _camel(words: str) -> str:
    parts = words.split()
    return parts[0] + "".join(p.capitalize() for p in parts[1:])


def _key(rng: random.Random, words: str, case: str) -> str:
    if case == "camel":
        return _camel(words)
    if case == "snake":
        return words.replace(" ", "_")
    return words.replace(" ", "-")


def _embedded_data(ctx: Ctx) -> dict[str, object]:
    f, rng = ctx.facts, ctx.rng
    case = rng.choice(("camel", "snake", "camel"))

    def k(words: str) -> str:
        return _key(rng, words, case)

    data: dict[str, object] = {
        "id": ctx.number,
        k(rng.choice(("title", "name", "occupation title"))): f.title,
        k("slug"): f.slug,
        k("summary"): f.summary,
    }
    if f.category:
        data[k(rng.choice(("category", "career area", "industry")))] = f.category
    s = f.salary
    if s is not None:
        pays = []
        for pay in s.shown:
            entry: dict[str, object] = {}
            for name, amount in (("median", pay.median), ("low", pay.low), ("high", pay.high)):
                if amount is not None:
                    entry[k(name)] = (
                        amount if rng.random() < 0.6 else w.money(amount, s, f.locale, pay.period)
                    )
            for pct, amount in pay.percentiles:
                entry[k(f"percentile {pct}")] = amount
            entry[k(rng.choice(("period", "unit", "frequency")))] = rng.choice(
                (pay.period, pay.period.upper(), w.PERIOD_ADJ[pay.period].lower())
            )
            entry[k("currency")] = s.currency
            if s.floor:
                entry[k("or more")] = True
            pays.append(entry)
        if len(pays) == 1 and rng.random() < 0.5:
            data[k(rng.choice(("salary", "pay", "wages", "earnings")))] = pays[0]
        else:
            data[k(rng.choice(("salaries", "pay", "wages")))] = pays
    g = f.growth
    if g is not None:
        if g.style in {"rating", "rating+pct"}:
            data[k(rng.choice(("outlook", "job prospects", "future demand")))] = g.rating
        if g.style == "stars":
            data[k("outlook")] = {k("rating"): g.stars, k("out of"): 5}
        if g.style in {"pct", "pct-cat", "prose", "rating+pct", "band", "cat"}:
            growth: dict[str, object] = {}
            if g.style in {"pct", "pct-cat", "prose", "rating+pct"}:
                growth[k("percent")] = g.pct
            if g.style in {"pct-cat", "cat", "prose", "band"}:
                growth[k("category")] = g.category
            if g.style == "band" and g.band:
                growth[k("band")] = f"between {g.band[0]}% and {g.band[1]}%"
            if g.years_in and g.years:
                growth[k("start year")], growth[k("end year")] = g.years
            data[k(rng.choice(("growth", "projected growth", "employment growth")))] = growth
    if f.workers is not None:
        wk: dict[str, object] = {k("count"): f.workers.value}
        if f.workers.year_in:
            wk[k("year")] = f.workers.year
        data[k(rng.choice(("employment", "workers", "number of jobs")))] = wk
    if f.education:
        data[k(rng.choice(("education", "typical education", "qualification")))] = f.education[0]
    if f.environment:
        data[k("work environment")] = f.environment
    data[k(rng.choice(("tasks", "duties", "responsibilities")))] = list(f.duties)
    if f.skills.technical:
        data[k("technical skills")] = [
            {"name": t} if rng.random() < 0.5 else t for t in f.skills.technical
        ]
    if f.skills.people:
        data[k(rng.choice(("soft skills", "personal qualities", "skills")))] = list(f.skills.people)
    if f.skills.tools:
        data[k(rng.choice(("tools", "technology", "software")))] = list(f.skills.tools)
    data[k("related")] = [
        {"title": t, k("median salary"): 55000 + 1000 * i} for i, t in enumerate(ctx.related[:3])
    ]
    return data


def _devalue(value: object) -> list[object]:
    """Nuxt 3's payload format: a flat array, objects and arrays holding indexes into it."""
    out: list[object] = []

    def put(v: object) -> int:
        index = len(out)
        out.append(None)
        if isinstance(v, dict):
            out[index] = {key: put(item) for key, item in v.items()}
        elif isinstance(v, list):
            out[index] = [put(item) for item in v]
        else:
            out[index] = v
        return index

    root = put(value)
    return [["ShallowReactive", root + 1], *_shift(out)] if root == 0 else out


def _shift(items: list[object]) -> list[object]:
    def bump(v: object) -> object:
        if isinstance(v, dict):
            return {k: i + 1 for k, i in v.items()}
        if isinstance(v, list):
            return [i + 1 for i in v]
        return v

    return [bump(v) for v in items]


def embedded(ctx: Ctx) -> Rendered:
    f, rng = ctx.facts, ctx.rng
    data = _embedded_data(ctx)
    form = rng.choice(("next", "nuxt", "state"))
    if form == "next":
        payload = {
            "props": {
                "pageProps": {
                    rng.choice(("career", "occupation", "profile")): data,
                    "locale": f.locale.lang,
                }
            },
            "page": "/careers/[slug]",
            "query": {"slug": f.slug},
            "buildId": "a1b2c3",
        }
        blob = json.dumps(payload)
        script = f'<script id="__NEXT_DATA__" type="application/json">{blob}</script>'
        root = '<div id="__next"><div class="css-1x2y3z"><div class="css-9q8w7e"></div></div></div>'
    elif form == "nuxt":
        payload_n = {"data": {f"career-{f.slug}": data}, "state": {}, "once": []}
        blob = json.dumps(_devalue(payload_n))
        script = (
            f'<script type="application/json" id="__NUXT_DATA__" data-ssr="true">{blob}</script>'
        )
        root = '<div id="__nuxt"><div class="page-loading"></div></div>'
    else:
        blob = json.dumps({"route": f"/careers/{f.slug}", "entities": {"career": data}})
        var = rng.choice(("__INITIAL_STATE__", "__APP_STATE__", "__PRELOADED_STATE__"))
        script = f"<script>window.{var} = {blob};</script>"
        root = '<div id="app"><noscript>Enable JavaScript to run this app.</noscript></div>'
    head = f'<meta property="og:title" content="{e(f.title)}">' if rng.random() < 0.5 else ""
    title_tag = rng.choice((f"{f.title} | {ctx.site}", ctx.site, f"{f.title} - {ctx.site}"))
    html = (
        f'<!DOCTYPE html><html lang="{f.locale.lang if rng.random() < 0.5 else "en"}"><head>'
        f'<meta charset="utf-8"><title>{e(title_tag)}</title>{head}</head>'
        f'<body>{root}{script}<script src="/_next/static/chunks/main.js"></script></body></html>'
    )
    return Rendered(f"/explore/{f.slug}", html, f)


# --- 8. microdata / RDFa ------------------------------------------------------------------------


def microdata(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    rdfa = rng.random() < 0.4

    def scope(typ: str, prop: str | None = None) -> str:
        if rdfa:
            return (f' property="{prop}"' if prop else "") + f' typeof="{typ}"'
        return (
            f' itemprop="{prop}"' if prop else ""
        ) + f' itemscope itemtype="https://schema.org/{typ}"'

    def prop(name: str) -> str:
        return f' property="{name}"' if rdfa else f' itemprop="{name}"'

    def meta(name: str, value: str) -> str:
        return f'<meta{prop(name)} content="{e(value)}">'

    parts = [
        f"<h2{prop('name')}{m.cls('occupation-name')}>{e(f.title)}</h2>",
        f"<p{prop('description')}>{e(f.summary)}</p>",
    ]
    if f.category:
        parts.append(
            f"<p>Occupational category: <span{prop('occupationalCategory')}>"
            f"{e(f.category)}</span></p>"
        )
    s = f.salary
    if s is not None:
        pay = s.published() if rng.random() < 0.7 else s.shown[0]
        unit = {"year": "P1Y", "month": "P1M", "week": "P1W", "day": "P1D", "hour": "PT1H"}[
            pay.period
        ]
        shown = []
        for name, amount in (("median", pay.median), ("minValue", pay.low), ("maxValue", pay.high)):
            if amount is not None:
                shown.append(
                    f'<span{prop(name)} content="{amount:g}">'
                    f"{e(w.money(amount, s, f.locale, pay.period))}</span>"
                )
        for pct, amount in pay.percentiles:
            shown.append(meta(f"percentile{pct}", f"{amount:g}"))
        parts.append(
            f"<div{scope('MonetaryAmountDistribution', 'estimatedSalary')}>"
            f"<strong>Salary</strong> {' '.join(shown)} {meta('currency', s.currency)}"
            f"{meta('duration', unit)} <small>{e(w.period_words(rng, pay.period))}</small></div>"
        )
        f = replace(f, salary=replace(s, shown=(pay,), floor=False))  # schema.org states none
    if f.education:
        parts.append(
            f"<p>Education: <span{prop('educationRequirements')}>{e(f.education[0])}</span></p>"
        )
    if f.duties:
        lis = "".join(f"<li{prop('responsibilities')}>{e(d)}</li>" for d in f.duties)
        parts.append(f"{m.heading(w.label(rng, 'duties', f.locale))}<ul>{lis}</ul>")
    skills = f.skills.technical + f.skills.people
    if skills:
        lis = "".join(f"<li{prop('skills')}>{e(x)}</li>" for x in skills)
        parts.append(f"{m.heading('Skills')}<ul>{lis}</ul>")
    vocab = ' vocab="https://schema.org/"' if rdfa else ""
    body = (
        f"<h1>{e(rng.choice(('Occupation summary', 'Job profile', 'Career profile')))}</h1>"
        f"<div{vocab}{scope('Occupation')}{m.cls('occupation')}>{''.join(parts)}</div>"
    )
    html = document(
        m,
        f,
        body=body,
        site_name=ctx.site,
        salary=f.salary,
        title_tag=rng.choice((ctx.site, f"{f.title} | {ctx.site}")),
    )
    # Microdata here carries no growth, workers or environment, and one skills list.
    shown_facts = replace(
        f.without("growth", "workers", "environment"), skills=Skills(technical=skills)
    )
    return Rendered(f"/occupation/{2000 + ctx.number}", html, shown_facts)


def _only_pay(f: Facts, pay: Pay) -> Facts:
    assert f.salary is not None
    return replace(f, salary=replace(f.salary, shown=(pay,)))


# --- 9. utility: the sample site's layout with utility classes only -----------------------------


def utility(ctx: Ctx) -> Rendered:
    f, rng = ctx.facts, ctx.rng
    m = Markup(rng, "utility", "x")
    block = pay_block(rng, f, placements=("value", "label", "note"))
    cards = []
    for it in [*block.items, *growth_items(rng, f), *scalar_items(rng, f)]:
        note = f" <span{m.cls('n')}>{e(it.note)}</span>" if it.note else ""
        cards.append(
            f"<div{m.cls('c')}><h2{m.cls('l')}>{e(it.label)}</h2>"
            f"<p{m.cls('v')}>{it.value}</p>{note}</div>"
        )
    duties = "".join(
        f"<div{m.cls('d')}><span{m.cls('n')}>{i:02d}</span><span{m.cls('t')}>{e(d)}</span></div>"
        for i, d in enumerate(f.duties, start=1)
    )
    loc = f.locale
    sections = [
        f"<section{m.cls('s')}><h2{m.cls('h')}>{e(w.label(rng, 'duties', loc))}</h2>"
        f"{duties}</section>",
        *_lists(ctx)[1:],
    ]
    body = (
        f'<div{m.cls("a")}><a{m.cls("b")} href="/careers/">← Back to all jobs</a>'
        f"<header{m.cls('h')}><h1{m.cls('t')}>{e(f.title)}</h1>"
        f"<p{m.cls('s')}>{e(f.summary)}</p></header>"
        f"<section{m.cls('g')}>{''.join(cards)}</section>{_footnote(ctx, block)}"
        + "".join(sections)
        + "</div>"
        + _related(ctx, _first_pay_label(block))
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/careers/{f.slug}", html, f.without("category"))


# --- 10. wagetable: a labour-market report -------------------------------------------------------


def _scaled(v: float, factor: float, period: str) -> float:
    return round(v * factor, 2) if period == "hour" else round(v * factor, -1)


def wagetable(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    s = f.salary
    parts = []
    if s is not None:
        pay = s.shown[0]
        heads: tuple[str, ...]
        values: tuple[float | None, ...]
        if pay.low is not None and pay.median is not None:
            heads = ("Low", "Median", "High")
            values = (pay.low, pay.median, pay.high)
        elif pay.median is not None:
            heads, values = ("Median",), (pay.median,)
        else:
            heads, values = ("Low", "High"), (pay.low, pay.high)
        regions = [
            "Canada" if f.locale.code == "CA" else f.locale.country.replace("the ", "").title(),
            "Region A",
            "Region B",
        ]
        rows = []
        for i, region in enumerate(regions):
            factor = 1.0 if i == 0 else rng.uniform(0.85, 1.15)
            cells = "".join(
                f"<td>{e(w.bare(_scaled(v, factor, pay.period), s, pay.period))}</td>"
                for v in values
                if v is not None
            )
            rows.append(f'<tr><th scope="row">{e(region)}</th>{cells}</tr>')
        # Bare figures: the caption carries the currency, unambiguously unless the page
        # says which dollar elsewhere (its evidence).
        sym = f.locale.symbol if s.symbol_style == "symbol" else rng.choice(
            (f.locale.prefixed, f.locale.currency))
        unit = w.period_header(rng, pay.period, f.locale).replace(f.locale.symbol, sym)
        if sym not in unit:
            unit = f"{unit}, {sym}"
        cap = rng.choice((f"Wages ({sym}/{pay.period})", f"Wages* ({unit})"))
        star = f"<p><small>*{e(unit)}</small></p>" if "*" in cap else ""
        cur = f" Wages in {f.locale.words}." if s.evidence == "caption" else ""
        parts.append(
            f"<section>{m.heading('Wages', 2)}<table{m.cls('wage-table')}>"
            f"<caption>{e(cap)}</caption>"
            f"<thead><tr><th>Community/Area</th>{''.join(f'<th>{h}</th>' for h in heads)}</tr>"
            f"</thead><tbody>{''.join(rows)}</tbody></table>{star}"
            + (f"<p><small>{e(cur.strip())}</small></p>" if cur else "")
            + "</section>"
        )
        f = _only_pay(f, pay)
        f = replace(f, salary=replace(s, shown=(pay,), floor=False))  # bare cells state none
    for it in growth_items(rng, f):
        parts.append(f"<section>{m.heading(it.label, 2)}<p>{it.value}</p></section>")
    for it in scalar_items(rng, f):
        parts.append(f"<div{m.cls('row')}><span>{e(it.label)}</span> <span>{it.value}</span></div>")
    parts += _lists(ctx)
    h1 = rng.choice((f.title, f"Occupation summary: {f.title}"))
    body = f"<h1>{e(h1)}</h1>" + "".join(parts)
    html = document(m, f, body=body, site_name=ctx.site, salary=s)
    return Rendered(
        f"/marketreport/summary-occupation/{21000 + ctx.number}/ca", html, f.without("category")
    )


IN_SAMPLE: tuple[Layout, ...] = (
    Layout("factbox", factbox, ("US", "US", "CA"), "Occupation Handbook", tools=True),
    Layout("fact_table", fact_table, ("US", "US", "CA", "AU"), "Career Toolkit", tools=True),
    Layout("tiles", tiles, ("AU", "AU", "NZ", "UK"), "Your Career Guide", tools=True),
    Layout("prose", prose, ("NZ", "NZ", "AU", "UK"), "Careers Portal", sentences=True),
    Layout("headed", headed, ("UK", "UK", "NZ"), "National Careers", sentences=True),
    Layout("tabs", tabs, ("US", "CA", "AU", "UK", "NZ"), "Career Explorer", tools=True),
    Layout("embedded", embedded, ("US", "AU", "NZ", "CA", "UK"), "JobsHub", tools=True),
    Layout("microdata", microdata, ("US", "UK", "CA", "AU", "NZ"), "Occupation Finder"),
    Layout("utility", utility, ("US", "US", "CA"), "CareerPath", styles=("utility",)),
    Layout("wagetable", wagetable, ("CA", "CA", "AU", "NZ"), "Job Market Reports"),
)
