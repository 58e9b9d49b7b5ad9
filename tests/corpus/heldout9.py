"""Held-out round 9: written after round 8 was fixed, scored on first contact.

Eight kinds of page the earlier rounds do not have, each after a kind of public
career site in the US, UK, Canada, Australia or New Zealand:

- `twocol`: a print-to-PDF style fact sheet laid out with CSS grid: every label
  in one column `<div>`, every value in the next column `<div>`, paired only by
  their order (no wrapper per fact); a "printed on" line and a page count.
- `srdl`: a government definition list whose `<dt>` holds an SVG icon and the
  label only as visually hidden text (`visually-hidden` / `sr-only`), the
  `<dd>` the value; some facts carry a second `<dd>` with a national average.
- `figure`: every fact a `<figure>` whose `<figcaption>` is its label (before or
  after the value), beside photo figures with credits and a chart figure of
  "all occupations" pay as decoys.
- `timeline`: employment by year (a table of five or six years, oldest or newest
  first); only the latest year's count is the job's figure, and that year is
  its year; previous years' median pay in a list as decoys.
- `valuefirst`: a "key facts" list where each item is the value first and the
  label after ("<strong>£32,000</strong> average salary"), with value-first
  decoys ("37.5 hours a week", "1 in 5 work part-time").
- `forum`: a community Q&A thread: a member asks (naming their own pay), the
  accepted answer by a careers adviser has the facts, other answers (some
  upvoted above it) name wrong figures.
- `spaced`: figures written with non-breaking or narrow no-break spaces between
  digit groups inside `<data value>` elements ("52 000 $" on Canadian pages,
  decimal commas for hourly rates there), related careers written the same way.
- `gauges`: every fact beside a `<meter>` or `<progress>` tied to its `<label
  for>`, the value text next to it, the gauge's scale ends ("£0" ... "£90,000")
  and an "all jobs" marker as decoys.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import replace

from tests.corpus import wording as w
from tests.corpus.heldout6 import _decoy_pay, _items, _kinds, _shown
from tests.corpus.heldout8 import _other_value
from tests.corpus.items import Item, others_pay
from tests.corpus.layouts import Ctx, Layout, Rendered, _footnote, _related, _title
from tests.corpus.markup import breadcrumb, document, e
from tests.corpus.model import Facts

__all__ = ["HELD_OUT_9"]


def _note(it: Item) -> str:
    return f" {e(it.note)}" if it.note else ""


def _h1(ctx: Ctx) -> str:
    return f"<h1>{e(_title(ctx)[0])}</h1>"


def _list_blocks(ctx: Ctx, level: int = 2, *, cased: Callable[[str], str] = str) -> str:
    """A section per list, its heading a wording of the list's label (`cased` as shown)."""
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    out = []
    for kind, values in _kinds(f):
        out.append(
            f"<section>{m.heading(cased(w.label(rng, kind, f.locale)), level)}"
            + m.list_of(values, "duty" if kind == "duties" else "skill")
            + "</section>"
        )
    return "".join(out)


def _summary(f: Facts) -> str:
    return f"<p>{e(f.summary)}</p>"


# --- twocol: a CSS-grid fact sheet, labels and values in separate columns ------------------------


def twocol(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    labels: list[str] = []
    values: list[str] = []
    paras: list[str] = []
    for it in items:
        if it.prose:
            paras.append(f"<p>{it.value}</p>")
            continue
        labels.append(e(it.label))
        values.append(f"{it.value}{_note(it)}")
    for kind, vals in _kinds(f):
        labels.append(e(w.label(rng, kind, loc)))
        values.append("<ul>" + "".join(f"<li>{e(x)}</li>" for x in vals) + "</ul>")
    n = len(labels)
    lab_col = "".join(
        f'<div class="cell cell--label" style="grid-row:{i + 1}">{x}</div>'
        for i, x in enumerate(labels)
    )
    val_col = "".join(
        f'<div class="cell cell--value" style="grid-row:{i + 1}">{x}</div>'
        for i, x in enumerate(values)
    )
    grid = (
        f'<div class="sheet-grid" style="display:grid;grid-template-columns:30% 70%;'
        f'grid-template-rows:repeat({n},auto)">'
        f'<div class="col col-1" style="display:grid;grid-row:1/{n + 1};'
        f'grid-template-rows:subgrid">{lab_col}</div>'
        f'<div class="col col-2" style="display:grid;grid-row:1/{n + 1};'
        f'grid-template-rows:subgrid">{val_col}</div></div>'
    )
    ref = f"{loc.code}-{rng.randint(1000, 9999)}"
    body = (
        f'<div class="print-header"><span>{e(ctx.site)}</span><span>Fact sheet {ref}</span>'
        f"<span>Printed {rng.randint(1, 28)}/0{rng.randint(1, 9)}/2025</span></div>"
        + _h1(ctx)
        + _summary(f)
        + grid
        + _footnote(ctx, block)
        + "".join(paras)
        + f'<div class="print-footer">Page 1 of {rng.randint(1, 2)} · {e(ctx.site)} · '
        f"www.{e(loc.domain)}/print/{e(f.slug)}</div>"
    )
    html = document(
        m,
        f,
        body=body,
        site_name=ctx.site,
        salary=f.salary,
        head_extra='<link rel="stylesheet" media="print" href="/css/print.css">',
    )
    return Rendered(f"/print/factsheet/{f.slug}.html", html, _shown(f, None))


# --- srdl: icons in dt, the label only as visually hidden text -----------------------------------

_ICONS = {
    "pay": "icon-coins",
    "growth": "icon-trend",
    "outlook": "icon-telescope",
    "workers": "icon-people",
    "education": "icon-cap",
    "environment": "icon-building",
    "category": "icon-folder",
}


def _avg_pct(rng: random.Random, f: Facts) -> int:
    mine = f.growth.pct if f.growth is not None else None
    return rng.choice([x for x in (2, 3, 4, 5) if x != mine])


def _national(rng: random.Random, f: Facts, it: Item) -> str:
    country = f.locale.country
    if it.kind == "pay" and f.salary is not None:
        return f"Average for all jobs in {country}: {_decoy_pay(rng, f, rng.uniform(0.7, 0.9))}"
    if it.kind == "growth":
        return f"All occupations: {_avg_pct(rng, f)}%"
    if it.kind == "workers":
        return f"Total workforce in {country}: {rng.randint(3, 160) * 100_000:,}"
    return ""


def srdl(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    hidden = rng.choice(
        ("visually-hidden", "sr-only", "govuk-visually-hidden", "screen-reader-text")
    )
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    facts = []
    paras = []
    for it in items:
        if it.prose:
            paras.append(f"<p>{it.value}</p>")
            continue
        icon = _ICONS.get(it.kind, "icon-info")
        second = _national(rng, f, it) if rng.random() < 0.6 else ""
        facts.append(
            f'<div class="key-fact"><dt><svg class="icon" aria-hidden="true" focusable="false" '
            f'width="32" height="32"><use href="/assets/icons.svg#{icon}"></use></svg>'
            f'<span class="{hidden}">{e(it.label)}</span></dt>'
            f'<dd class="key-fact__value">{it.value}{_note(it)}</dd>'
            + (f'<dd class="key-fact__compare">{e(second)}</dd>' if second else "")
            + "</div>"
        )
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + _h1(ctx)
        + _summary(f)
        + f'<dl class="key-facts">{"".join(facts)}</dl>'
        + _footnote(ctx, block)
        + "".join(paras)
        + _list_blocks(ctx)
        + _related(ctx, block.items[0].label if block.items else "Pay")
    )
    style = (
        f"<style>.{hidden}{{position:absolute!important;width:1px;height:1px;"
        "overflow:hidden;clip:rect(0 0 0 0)}</style>"
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary, head_extra=style)
    return Rendered(f"/careers/{f.slug}/overview", html, _shown(f, category))


# --- figure: each fact a figure with its figcaption as the label ---------------------------------


def figure(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    block, items = _items(ctx, ("value", "label", "note"))
    before = rng.random() < 0.5
    figs = []
    paras = []
    for it in items:
        if it.prose:
            paras.append(f"<p>{it.value}</p>")
            continue
        cap = f"<figcaption>{e(it.label)}</figcaption>"
        val = f'<p class="figure-stat">{it.value}{_note(it)}</p>'
        figs.append(f'<figure class="stat">{cap + val if before else val + cap}</figure>')
    photo = (
        f'<figure class="photo"><img src="/img/{e(f.slug)}-{rng.randint(1, 9)}.jpg" '
        f'alt="A {e(t.lower())} at work" width="640" height="400">'
        f"<figcaption>A {e(t.lower())} at work. Photo: "
        f"{rng.choice(('Getty Images', 'Supplied', 'iStock', 'Unsplash'))}</figcaption></figure>"
    )
    chart = ""
    if f.salary is not None:
        chart = (
            '<figure class="chart"><img src="/charts/all-occupations.png" alt="Bar chart">'
            f"<figcaption>Figure {rng.randint(2, 4)}: median pay for all occupations in "
            f"{e(loc.country)}, {e(_decoy_pay(rng, f, rng.uniform(0.7, 0.9)))}</figcaption>"
            "</figure>"
        )
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + _h1(ctx)
        + photo
        + _summary(f)
        + f'<div class="figures">{"".join(figs)}</div>'
        + _footnote(ctx, block)
        + "".join(paras)
        + chart
        + _list_blocks(ctx)
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/explore/{f.slug}", html, _shown(f, category))


# --- timeline: employment by year, the latest year is the figure ---------------------------------


def timeline(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    latest = rng.choice((2023, 2024))
    if f.workers is not None:
        wk = replace(f.workers, year=latest, year_in="label", style="comma")
        f = replace(f, workers=wk)
        ctx = replace(ctx, facts=f)
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    rows_html = ""
    if f.workers is not None:
        years = list(range(latest - rng.choice((4, 5)), latest + 1))
        counts = {latest: f.workers.value}
        v = f.workers.value
        for y in reversed(years[:-1]):
            v = max(10, int(v * rng.uniform(0.9, 1.08)) // 10 * 10)
            if v == f.workers.value:
                v += 10
            counts[y] = v
        order = years if rng.random() < 0.5 else list(reversed(years))
        rows = "".join(
            f'<tr><th scope="row">{y}</th><td>{counts[y]:,}</td>'
            f"<td>{'' if y == years[0] else _change(counts[y], counts[y - 1])}</td></tr>"
            for y in order
        )
        label = w.label(rng, "workers", loc)
        rows_html = (
            f'<section>{m.heading(f"{label} by year", 2)}<table class="timeline">'
            f"<thead><tr><th>Year</th><th>{e(label)}</th><th>Change</th></tr></thead>"
            f"<tbody>{rows}</tbody></table><p><small>Source: annual labour force "
            f"survey, {years[0]}–{latest}.</small></p></section>"
        )
    facts = []
    paras = []
    for it in items:
        if it.kind == "workers":
            continue
        if it.prose:
            paras.append(f"<p>{it.value}</p>")
        else:
            facts.append(f"<li><b>{e(it.label)}:</b> {it.value}{_note(it)}</li>")
    past = ""
    if f.salary is not None:
        pay = f.salary.published()
        base = pay.median or pay.low or 50_000.0
        lis = []
        for k, y in enumerate(range(latest - 3, latest)):
            x = base * (0.86 + 0.04 * k)
            x = round(x, 2) if pay.period == "hour" else float(round(x, -2))
            if x in (pay.low, pay.median, pay.high):
                x += 100.0 if pay.period != "hour" else 0.25
            lis.append(
                f"<li>{y}: {e(w.money(x, replace(f.salary, floor=False), loc, pay.period))} "
                f"{e(w.period_words(rng, pay.period).lstrip('/'))}</li>"
            )
        past = (
            f'<section>{m.heading("Pay in previous years", 3)}<ul class="past-pay">'
            + "".join(lis)
            + "</ul></section>"
        )
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + _h1(ctx)
        + _summary(f)
        + f'<section>{m.heading(f"{latest} at a glance", 2)}<ul class="facts">'
        + "".join(facts)
        + "</ul>"
        + _footnote(ctx, block)
        + "".join(paras)
        + "</section>"
        + rows_html
        + past
        + _list_blocks(ctx)
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/labour-market/{f.slug}/trends", html, _shown(f, category))


def _change(now: int, before: int) -> str:
    pct = (now - before) / before * 100
    return f"{pct:+.1f}% on previous year"


# --- valuefirst: "<strong>value</strong> label" key facts ----------------------------------------


def valuefirst(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    lis = []
    paras = []
    for it in items:
        if it.prose:
            paras.append(f"<p>{it.value}</p>")
            continue
        label = it.label[0].lower() + it.label[1:]
        note = f" <small>{e(it.note)}</small>" if it.note else ""
        lis.append(f'<li class="key-fact"><strong>{it.value}</strong>{note} {e(label)}</li>')
    hours = rng.choice(("37.5", "38", "40", "35 to 40"))
    decoys = [
        f'<li class="key-fact"><strong>{hours}</strong> typical hours a week</li>',
        f'<li class="key-fact"><strong>1 in {rng.randint(3, 8)}</strong> work part-time</li>',
        f'<li class="key-fact"><strong>{rng.randint(25, 60)}%</strong> are women</li>',
    ]
    for d in decoys:
        lis.insert(rng.randint(0, len(lis)), d)
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + _h1(ctx)
        + _summary(f)
        + f"<section>{m.heading(rng.choice(('Key facts', 'At a glance', 'In numbers')), 2)}"
        + f'<ul class="key-facts">{"".join(lis)}</ul>'
        + _footnote(ctx, block)
        + "</section>"
        + "".join(paras)
        + _list_blocks(ctx)
        + (
            f"<p><small>Pay figures based on a {hours}-hour week where stated.</small></p>"
            if loc.code in {"UK", "AU", "NZ"}
            else ""
        )
        + _related(ctx, block.items[0].label if block.items else "Pay")
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/job-profiles/{f.slug}", html, _shown(f, category))


# --- forum: a Q&A thread with an accepted adviser answer ----------------------------------------


def forum(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    block, items = _items(ctx, ("value", "note", "footnote"))
    asker = rng.choice(("jess_93", "newstart2025", "mikeyb", "careerchanger", "kiwi_lou"))
    mine = (
        f" I'm on {e(_decoy_pay(rng, f, rng.uniform(0.55, 0.7)))} in retail at the moment."
        if f.salary is not None
        else ""
    )
    question = (
        f'<article class="post post--question"><header><a class="user">{asker}</a> '
        f"<time>{rng.randint(2, 11)} days ago</time></header>"
        f"<h1>{e(rng.choice(('Thinking of becoming a', 'Anyone here work as a', 'Advice:')))} "
        f"{e(t.lower())}?</h1><p>What's the pay like, and what do you actually do all day?"
        f"{mine}</p></article>"
    )
    lines = []
    for it in items:
        if it.prose:
            lines.append(f"<p>{it.value}</p>")
        else:
            lines.append(f"<p>{e(it.label)}: {it.value}{_note(it)}</p>")
    if block.footnote:
        lines.insert(len(block.items), f"<p>{e(block.footnote)}</p>")
    lists = "".join(
        f"<p>{e(w.label(rng, kind, loc))}:</p><ul>"
        + "".join(f"<li>{e(x)}</li>" for x in vals)
        + "</ul>"
        for kind, vals in _kinds(f)
    )
    adviser = rng.choice(("Careers Adviser (Sarah)", "Official: Careers Team", "Adviser_Tom"))
    accepted = (
        f'<article class="post post--answer is-accepted"><header><a class="user">{e(adviser)}</a>'
        '<span class="badge">Careers adviser</span><span class="accepted">✓ Accepted answer'
        f'</span><span class="votes">{rng.randint(3, 20)} votes</span></header>'
        f"<p>Hi {asker}, here are the official figures for {e(t.lower())}s:</p>"
        + "".join(lines)
        + lists
        + "<p>Hope that helps!</p></article>"
    )
    others = []
    for who in rng.sample(("dave_w", "anon123", "ex_worker", "marie.k", "grumpycat"), 2):
        figs = [it for it in items if not it.prose and it.kind in {"pay", "growth", "workers"}]
        said = ""
        if figs:
            it = rng.choice(figs)
            other = _other_value(rng, f, it)
            said = (
                ""
                if other in it.value
                else (
                    f"<p>Honestly I'd say more like {other} for "
                    f"{e(it.label.lower())} round here.</p>"
                )
            )
        others.append(
            f'<article class="post post--answer"><header><a class="user">{who}</a>'
            f'<span class="votes">{rng.randint(1, 40)} votes</span></header>'
            f"{said}<p>I did it for {rng.randint(2, 9)} years. Long shifts but rewarding.</p>"
            "</article>"
        )
    answers = [accepted, *others]
    if rng.random() < 0.5:
        answers = [*others, accepted]
    body = (
        '<nav class="forum-crumbs"><a href="/community">Community</a> › '
        '<a href="/community/careers">Careers &amp; jobs</a></nav>'
        + question
        + f'<h2>{len(answers)} answers</h2><div class="answers">{"".join(answers)}</div>'
        + '<form class="reply"><textarea placeholder="Write an answer"></textarea>'
        "<button>Post</button></form>"
    )
    html = document(
        m, f, body=body, site_name=ctx.site, salary=f.salary, title_tag=f"{t}? | {ctx.site}"
    )
    return Rendered(
        f"/community/careers/thread-{1000 + ctx.number}-{f.slug}", html, _shown(f, None)
    )


# --- spaced: digit groups split by no-break spaces inside <data value> ---------------------------

_GROUPED = re.compile(r"([A-Z]{1,2}\$|[£$]|[A-Z]{3} )?(\d{1,3}(?:,\d{3})+|\d+)(\.\d\d)?([Kk])?")


def _spaced(text: str, loc_code: str, sep: str) -> str:
    """Escaped value text with its numbers regrouped and wrapped in `<data>`."""

    def sub(mo: re.Match[str]) -> str:
        sym, digits, cents = mo.group(1) or "", mo.group(2), mo.group(3) or ""
        raw = digits.replace(",", "")
        if mo.group(4) or ("," not in digits and not sym):
            return mo.group(0)
        grouped = f"{int(raw):,}".replace(",", sep)
        if loc_code == "CA" and sym == "$":
            dec = cents.replace(".", ",")
            return f'<data value="{raw}{cents}">{grouped}{dec}{sep}$</data>'
        return f'<data value="{raw}{cents}">{sym}{grouped}{cents}</data>'

    return _GROUPED.sub(sub, text)


def spaced(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    sep = rng.choice(("\u00a0", "\u202f", "&nbsp;", "&#8239;"))
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    rows = []
    paras = []
    for it in items:
        val = _spaced(it.value, loc.code, sep) if "aria-label=" not in it.value else it.value
        if it.prose:
            paras.append(f"<p>{val}</p>")
        else:
            rows.append(f"<tr><th>{e(it.label)}</th><td>{val}{_note(it)}</td></tr>")
    titles = rng.sample(ctx.related, min(3, len(ctx.related)))
    rel = "".join(
        f'<li><a href="/careers/{e(t.lower().replace(" ", "-"))}">{e(t)}</a> – '
        f"{_spaced(e(p), loc.code, sep)}</li>"
        for t, p in others_pay(rng, f, titles)
    )
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + _h1(ctx)
        + _summary(f)
        + f'<table class="facts"><tbody>{"".join(rows)}</tbody></table>'
        + _footnote(ctx, block)
        + "".join(paras)
        + _list_blocks(ctx)
        + f"<aside>{m.heading('Related careers', 2)}<ul>{rel}</ul></aside>"
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary, lang=True)
    return Rendered(f"/careers/{f.slug}", html, _shown(f, category))


# --- gauges: meter and progress elements with labels ---------------------------------------------


def gauges(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    cards = []
    paras = []
    for i, it in enumerate(items):
        if it.prose:
            paras.append(f"<p>{it.value}</p>")
            continue
        gid = f"g{i}"
        scale = ""
        if it.kind == "pay" and f.salary is not None:
            pay = f.salary.published()
            top = (pay.high or pay.median or pay.low or 50_000.0) * rng.uniform(1.4, 1.8)
            top = (
                round(top, 0)
                if pay.period == "hour"
                else float(round(top, -4 if pay.period == "year" else -2))
            )
            plain = replace(f.salary, floor=False)
            zero = w.money(0, plain, loc, pay.period)
            high = w.money(top, plain, loc, pay.period)
            scale = (
                f'<span class="scale"><span class="scale-min">{e(zero)}</span>'
                f'<span class="scale-max">{e(high)}</span></span>'
                '<span class="marker">All jobs: '
                f"{e(_decoy_pay(rng, f, rng.uniform(0.7, 0.9)))}</span>"
            )
            gauge = (
                f'<meter id="{gid}" min="0" max="100" low="33" high="66" '
                f'value="{rng.randint(30, 80)}"></meter>'
            )
        elif it.kind == "outlook" and f.growth is not None and f.growth.stars:
            gauge = f'<meter id="{gid}" min="0" max="5" value="{f.growth.stars}"></meter>'
        elif it.kind in {"growth", "workers"}:
            gauge = f'<progress id="{gid}" max="100" value="{rng.randint(10, 90)}"></progress>'
            if it.kind == "growth":
                scale = f'<span class="marker">All occupations: {_avg_pct(rng, f)}%</span>'
        else:
            gauge = f'<meter id="{gid}" min="0" max="10" value="{rng.randint(2, 9)}"></meter>'
        cards.append(
            f'<div class="gauge"><label for="{gid}">{e(it.label)}</label>{gauge}'
            f'<span class="gauge-value">{it.value}{_note(it)}</span>{scale}</div>'
        )
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + _h1(ctx)
        + _summary(f)
        + f'<div class="gauges">{"".join(cards)}</div>'
        + _footnote(ctx, block)
        + "".join(paras)
        + _list_blocks(ctx)
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/careers/{f.slug}/dashboard", html, _shown(f, category))


HELD_OUT_9: tuple[Layout, ...] = (
    Layout("twocol", twocol, ("AU", "UK", "NZ", "CA", "US"), "Career Fact Sheets", tools=True),
    Layout("srdl", srdl, ("UK", "NZ", "AU", "US", "CA"), "National Careers Portal"),
    Layout("figure", figure, ("NZ", "CA", "US", "UK", "AU"), "Careers in Pictures"),
    Layout("timeline", timeline, ("CA", "AU", "US", "UK", "NZ"), "Labour Market Trends"),
    Layout("valuefirst", valuefirst, ("UK", "AU", "NZ", "US", "CA"), "Job Profiles Online"),
    Layout("forum", forum, ("UK", "AU", "NZ", "CA", "US"), "Careers Community", tools=True),
    Layout("spaced", spaced, ("CA", "CA", "UK", "AU", "NZ", "US"), "Career Explorer"),
    Layout("gauges", gauges, ("US", "AU", "CA", "NZ", "UK"), "Career Dashboard"),
)
