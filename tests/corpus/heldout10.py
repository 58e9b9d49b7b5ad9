"""Held-out round 10: written after round 9 was fixed, scored on first contact.

Eight kinds of page the earlier rounds do not have, each after a kind of public
career site in the US, UK, Canada, Australia or New Zealand:

- `didyouknow`: a "Did you know?" list of one sentence per fact in `<p>`s, the
  figure in `<mark>`, beside sentence decoys (part-time share, average age, the
  all-jobs average) marked the same way.
- `opendata`: a government open-data page: a short visible summary and the facts
  in a "Download data" sample, a `<pre><code>` CSV or JSON with a record for
  this occupation and one for "All occupations" (a decoy).
- `merged`: a facts table with a header row and a header column, merged cells
  (`rowspan` pay group, `colspan` labels and a `colspan` year header over the
  columns), this occupation's column beside an "All occupations" column.
- `pipes`: pay as a stacked bar legend of inline `<span>`s separated by pipes
  ("Entry £22k | Median £31k | Senior £45k"), the other facts as one pipe line,
  an "all jobs" legend under it as a decoy.
- `detailsdl`: an accessibility-first page: each group of facts a `<details>`
  whose `<summary>` is the group's label, a `<dl>` inside, the pay period a hint
  tied by `aria-describedby` rather than written in the value.
- `allcaps`: a Title Case page whose labels are shown in capitals by
  `<span style="text-transform:uppercase">`, a "compare" box of all-jobs figures
  in the same styling.
- `fortnight`: an Australian / NZ award-style page: pay given per fortnight or
  per shift in the tiles, the annual figure only in a footnote ("equivalent to
  $X a year"); the annual one is the truth, the shift rate a decoy.
- `jobfamily`: a job-family page: a table of several occupations, one summary
  row each, the page's own occupation (named in the title) expanded into a detail
  row under its summary row; the other rows' pay and growth are decoys.
"""

from __future__ import annotations

import html as _html
import json
import random
from dataclasses import replace

from tests.corpus import wording as w
from tests.corpus.heldout6 import _decoy_pay, _items, _kinds, _plain, _shown
from tests.corpus.heldout8 import _other_value
from tests.corpus.heldout9 import _avg_pct, _h1, _list_blocks, _note, _summary
from tests.corpus.items import Item, others_pay
from tests.corpus.layouts import Ctx, Layout, Rendered, _footnote, _related
from tests.corpus.markup import breadcrumb, document, e
from tests.corpus.model import PER_YEAR, Facts, Pay

__all__ = ["HELD_OUT_10"]


def _all_jobs(rng: random.Random, f: Facts, it: Item) -> str:
    """The "all occupations" figure beside one of this job's facts (escaped text)."""
    if it.kind == "pay" and f.salary is not None:
        return e(_decoy_pay(rng, f, rng.uniform(0.7, 0.9)))
    if it.kind == "growth":
        return f"{_avg_pct(rng, f)}%"
    if it.kind == "workers":
        return f"{rng.randint(3, 160) * 100_000:,}"
    return "—"


def _tc(text: str) -> str:
    """Title Case that leaves the rest of each word alone ("What You'll Do")."""
    return " ".join(x[:1].upper() + x[1:] for x in text.split(" "))


def _unique(pairs: list[tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in pairs:
        key, n = k, 2
        while key in out:
            key, n = f"{k} ({n})", n + 1
        out[key] = v
    return out


def _text(it: Item) -> str:
    """An item's value and note as plain text (star markup as its words)."""
    value = _html.unescape(_plain(it.value))
    return f"{value} {it.note}" if it.note else value


# --- didyouknow: one sentence per fact, the figure in <mark> ------------------------------------


def didyouknow(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    t = f.title
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    ps = []
    for it in items:
        if it.prose:
            ps.append(f'<p class="dyk">{it.value}</p>')
            continue
        lab = e(it.label[0].lower() + it.label[1:])
        v = f"<mark>{it.value}</mark>{_note(it)}"
        form = rng.randrange(3)
        if form == 0:
            s = f"The {lab} for a {e(t.lower())} is {v}."
        elif form == 1:
            s = f"When it comes to {lab}, it's {v}."
        else:
            s = f"{v} – that's the {lab}."
        ps.append(f'<p class="dyk"><span class="dyk-icon" aria-hidden="true">💡</span>{s}</p>')
    decoys = [
        f'<p class="dyk">Did you know? <mark>1 in {rng.randint(3, 8)}</mark> '
        f"{e(t.lower())}s work part-time.</p>",
        f'<p class="dyk">The average age of workers in this job is '
        f"<mark>{rng.randint(34, 48)}</mark>.</p>",
    ]
    if f.salary is not None:
        decoys.append(
            f'<p class="dyk">Across all jobs in {e(f.locale.country)}, the average is '
            f"<mark>{e(_decoy_pay(rng, f, rng.uniform(0.7, 0.9)))}</mark>.</p>"
        )
    for d in decoys:
        ps.insert(rng.randint(0, len(ps)), d)
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + _h1(ctx)
        + _summary(f)
        + f"<section>{m.heading('Did you know?', 2)}{''.join(ps)}"
        + _footnote(ctx, block)
        + "</section>"
        + _list_blocks(ctx)
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/careers/{f.slug}/facts", html, _shown(f, category))


# --- opendata: the facts in a CSV or JSON sample under "Download data" --------------------------


def _csv_cell(text: str) -> str:
    return f'"{text.replace(chr(34), chr(34) * 2)}"' if any(c in text for c in ',"') else text


def opendata(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    block, items = _items(ctx, ("value", "note", "label"))
    facts = [it for it in items if not it.prose]
    paras = [f"<p>{it.value}</p>" for it in items if it.prose]
    code = f"{rng.randint(1000, 9999)}"
    labels = list(_unique([(it.label, "") for it in facts]))
    mine = {
        "occupation": t,
        "code": code,
        **{k: _text(it) for k, it in zip(labels, facts, strict=True)},
    }
    allj = {
        "occupation": "All occupations",
        "code": "0000",
        **{k: _html.unescape(_all_jobs(rng, f, it)) for k, it in zip(labels, facts, strict=True)},
    }
    if rng.random() < 0.5:
        keys = list(mine)
        lines = [",".join(_csv_cell(k) for k in keys)] + [
            ",".join(_csv_cell(str(r[k])) for k in keys) for r in (mine, allj)
        ]
        sample, lang, fmt = "\n".join(lines), "csv", "CSV"
    else:
        sample = json.dumps([mine, allj], ensure_ascii=False, indent=2)
        lang, fmt = "json", "JSON"
    lead = facts[0] if facts else None
    visible = (
        f"<p>Latest figures for {e(t.lower())}s ({e(lead.label.lower())}: {lead.value}"
        f"{_note(lead)}) are in the sample below.</p>"
        if lead is not None and lead.kind == "pay"
        else f"<p>Latest figures for {e(t.lower())}s are in the sample below.</p>"
    )
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + f"<h1>{e(t)} – occupation data</h1>"
        + _summary(f)
        + visible
        + _footnote(ctx, block)
        + "".join(paras)
        + f"<section>{m.heading('Download data', 2)}"
        + f'<p><a href="/data/{e(f.slug)}.{lang}" download>{fmt}, '
        + f"{rng.randint(2, 9)} KB</a> · Licence: Open Government Licence · "
        + f"Updated {rng.randint(1, 28)} {rng.choice(('March', 'June', 'October'))} 2025</p>"
        + f'<p>Sample ({fmt}):</p><pre><code class="language-{lang}">{e(sample)}</code></pre>'
        + "</section>"
        + _list_blocks(ctx)
        + f"<p><small>Figures for {e(loc.country)}.</small></p>"
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/data/occupations/{code}-{f.slug}", html, _shown(f, category))


# --- merged: a table with a header row, a header column and merged cells -----------------------


def merged(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    t = f.title
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    pay = [it for it in items if it.kind == "pay" and not it.prose]
    rest = [it for it in items if it.kind != "pay" and not it.prose]
    paras = [f"<p>{it.value}</p>" for it in items if it.prose]
    year = rng.choice((2024, 2025))
    rows = []
    for i, it in enumerate(pay):
        head = (
            f'<th scope="rowgroup" rowspan="{len(pay)}">{e(rng.choice(("Pay", "Earnings")))}</th>'
            if i == 0
            else ""
        )
        rows.append(
            f'<tr>{head}<th scope="row">{e(it.label)}</th><td>{it.value}{_note(it)}</td>'
            f"<td>{_all_jobs(rng, f, it)}</td></tr>"
        )
    for it in rest:
        rows.append(
            f'<tr><th scope="row" colspan="2">{e(it.label)}</th><td>{it.value}{_note(it)}</td>'
            f"<td>{_all_jobs(rng, f, it)}</td></tr>"
        )
    mine_col = f'<th scope="col">{e(t)}</th>'
    all_col = '<th scope="col">All occupations</th>'
    thead = (
        f'<thead><tr><td colspan="2" rowspan="2"></td><th colspan="2" scope="colgroup">'
        f"{year} figures</th></tr><tr>{mine_col}{all_col}</tr></thead>"
    )
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + _h1(ctx)
        + _summary(f)
        + f'<table class="compare">{thead}<tbody>{"".join(rows)}</tbody></table>'
        + _footnote(ctx, block)
        + "".join(paras)
        + _list_blocks(ctx)
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/occupations/{f.slug}/statistics", html, _shown(f, category))


# --- pipes: a stacked bar legend of spans separated by pipes ------------------------------------


def pipes(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    block, items = _items(ctx, ("value", "note", "footnote"))
    pay = [it for it in items if it.kind == "pay"]
    rest = [it for it in items if it.kind != "pay" and not it.prose]
    paras = [f"<p>{it.value}</p>" for it in items if it.prose]
    sep = rng.choice((" | ", '<span class="sep" aria-hidden="true"> | </span>', " &#124; "))
    legend = sep.join(
        f'<span class="legend-item"><span class="swatch swatch-{i}"></span>'
        f"{e(it.label)} {it.value}{_note(it)}</span>"
        for i, it in enumerate(pay)
    )
    bar = "".join(
        f'<div class="bar-seg seg-{i}" style="width:{100 // max(1, len(pay))}%"></div>'
        for i in range(len(pay))
    )
    pay_html = ""
    if pay:
        decoy = ""
        if f.salary is not None:
            decoy = (
                f'<p class="legend legend--all"><span class="legend-item">All jobs '
                f"{e(_decoy_pay(rng, f, rng.uniform(0.7, 0.9)))}</span>{sep}"
                f'<span class="legend-item">Top 10% of all jobs '
                f"{e(_decoy_pay(rng, f, rng.uniform(1.7, 2.0)))}</span></p>"
            )
        pay_html = (
            f"<section>{m.heading(rng.choice(('Pay', 'What you could earn', 'Salary')), 2)}"
            f'<div class="stacked-bar" role="img" aria-label="Pay bands">{bar}</div>'
            f'<p class="legend">{legend}</p>{decoy}{_footnote(ctx, block)}</section>'
        )
    quick = sep.join(
        f'<span class="quick-fact">{e(it.label)}: {it.value}{_note(it)}</span>' for it in rest
    )
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + _h1(ctx)
        + f'<p class="quick-facts">{quick}</p>'
        + _summary(f)
        + pay_html
        + "".join(paras)
        + _list_blocks(ctx)
        + _related(ctx, pay[0].label if pay else "Pay")
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/job-profiles/{f.slug}", html, _shown(f, category))


# --- detailsdl: details/summary groups, dl inside, aria-describedby hints -----------------------

_GROUPS = (
    ("pay", ("Pay", "Salary and pay", "How much you could earn")),
    ("growth", ("Job outlook", "Future demand", "Prospects")),
    ("work", ("Working in this job", "Where you'll work", "About the work")),
)


def detailsdl(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    block, items = _items(ctx, ("note", "note", "label", "footnote"))
    group_of = {"pay": "pay", "growth": "growth", "outlook": "growth"}
    opened = rng.random() < 0.5
    parts = []
    hints = 0
    for key, names in _GROUPS:
        mine = [it for it in items if group_of.get(it.kind, "work") == key]
        if not mine:
            continue
        rows = []
        for it in mine:
            if it.prose:
                rows.append(f"<dt>{e(it.label)}</dt><dd><p>{it.value}</p></dd>")
                continue
            if it.note:
                hints += 1
                hid = f"hint-{hints}"
                rows.append(
                    f'<dt>{e(it.label)}</dt><dd aria-describedby="{hid}">{it.value} '
                    f'<span id="{hid}" class="hint">({e(it.note)})</span></dd>'
                )
            else:
                rows.append(f"<dt>{e(it.label)}</dt><dd>{it.value}</dd>")
        foot = _footnote(ctx, block) if key == "pay" else ""
        parts.append(
            f"<details{' open' if opened else ''}><summary>{e(rng.choice(names))}</summary>"
            f"<dl>{''.join(rows)}</dl>{foot}</details>"
        )
    for kind, values in _kinds(f):
        lis = "".join(f"<li>{e(x)}</li>" for x in values)
        parts.append(
            f"<details{' open' if opened else ''}><summary>{e(w.label(rng, kind, loc))}"
            f"</summary><ul>{lis}</ul></details>"
        )
    crumbs, category = breadcrumb(m, f)
    body = (
        '<a class="skip-link" href="#content">Skip to content</a>'
        + crumbs
        + '<div id="content">'
        + _h1(ctx)
        + _summary(f)
        + '<p class="hint">Select a heading to show or hide its details.</p>'
        + "".join(parts)
        + "</div>"
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/careers/{f.slug}", html, _shown(f, category))


# --- allcaps: Title Case labels shown in capitals by CSS ---------------------------------------

_UPPER = '<span style="text-transform:uppercase">'


def allcaps(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    facts = []
    paras = []
    for it in items:
        if it.prose:
            paras.append(f"<p>{it.value}</p>")
            continue
        facts.append(
            f'<div class="fact">{_UPPER}{e(_tc(it.label))}</span>'
            f'<span class="fact-value">{it.value}{_note(it)}</span></div>'
        )
    compare = ""
    if f.salary is not None:
        pay_label = _tc(block.items[0].label) if block.items else "Salary"
        compare = (
            f'<aside class="compare">{m.heading("Compare With All Jobs", 3)}'
            f'<div class="fact">{_UPPER}All Jobs {e(pay_label)}</span>'
            f'<span class="fact-value">{e(_decoy_pay(rng, f, rng.uniform(0.7, 0.9)))}'
            f"</span></div>"
            f'<div class="fact">{_UPPER}All Jobs Growth</span>'
            f'<span class="fact-value">{_avg_pct(rng, f)}%</span></div></aside>'
        )
    crumbs, category = breadcrumb(m, f)
    heading = rng.choice(("Key Facts", "At A Glance", "The Facts"))
    body = (
        crumbs
        + _h1(ctx)
        + _summary(f)
        + f'<section>{m.heading(heading, 2)}<div class="facts">{"".join(facts)}</div>'
        + _footnote(ctx, block)
        + "</section>"
        + compare
        + "".join(paras)
        + _list_blocks(ctx, cased=_tc)
        + f"<p><small>{_UPPER}Data For {e(_tc(loc.country.removeprefix('the ')))}"
        + "</span></small></p>"
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/careers/{f.slug}", html, _shown(f, category))


# --- fortnight: pay per fortnight or per shift, the annual figure in a footnote ----------------


def _annual_pay(pay: Pay) -> Pay:
    k = PER_YEAR[pay.period]

    def yr(x: float | None) -> float | None:
        return None if x is None else float(round(x * k, -1))

    return Pay("year", median=yr(pay.median), low=yr(pay.low), high=yr(pay.high))


def fortnight(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    per_shift = rng.random() < 0.35
    tiles = []
    foot = ""
    if f.salary is not None:
        annual = _annual_pay(f.salary.published())
        salary = replace(f.salary, shown=(annual,))
        if salary.number_style in {"K", "k", "plain"}:
            salary = replace(salary, number_style="comma")
        f = replace(f, salary=salary)
        ctx = replace(ctx, facts=f)
        plain = replace(salary, floor=False)
        hours = rng.choice((8, 10, 12))
        div = 26 if not per_shift else 260 * 8 / hours
        unit = "a fortnight" if not per_shift else f"per {hours}-hour shift"

        def part(x: float) -> str:
            return w.money(float(round(x / div)), plain, loc, "week")

        parts = [
            (lab, x)
            for lab, x in (
                (w.label(rng, "low", loc), annual.low),
                (w.label(rng, "median", loc), annual.median),
                (w.label(rng, "high", loc), annual.high),
            )
            if x is not None
        ]
        plus = "+" if salary.floor else ""
        for lab, x in parts:
            tiles.append(
                f'<div class="tile"><span class="tile-label">{e(lab)}</span>'
                f'<span class="tile-value">{e(part(x))}{plus}<sup>¹</sup></span>'
                f'<span class="tile-note">{e(unit)}</span></div>'
            )
        per = w.period_words(rng, "year").lstrip("/")
        annual_text = ", ".join(
            f"{w.money(x, plain, loc, 'year')} {per}"
            + (" or more" if salary.floor else "")
            + (f" ({lab.lower()})" if len(parts) > 1 else "")
            for lab, x in parts
        )
        basis = (
            "26 fortnightly pay periods"
            if not per_shift
            else f"five {hours}-hour shifts a week, 52 weeks"
        )
        foot = (
            f'<p class="footnote"><small>¹ Based on {basis}: equivalent to '
            f"{e(annual_text)} before tax.</small></p>"
        )
        if per_shift:
            foot += (
                f"<p><small>Weekend and night shifts attract penalty rates of up to "
                f"{e(part((annual.median or annual.low or 0.0) * 1.5))} a shift.</small></p>"
            )
    _, items = _items(ctx, ("value",))
    rest = [it for it in items if it.kind != "pay"]
    facts = "".join(
        f'<div class="tile"><span class="tile-label">{e(it.label)}</span>'
        f'<span class="tile-value">{it.value}</span></div>'
        for it in rest
        if not it.prose
    )
    paras = "".join(f"<p>{it.value}</p>" for it in rest if it.prose)
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + _h1(ctx)
        + _summary(f)
        + f'<div class="tiles">{"".join(tiles)}{facts}</div>'
        + foot
        + paras
        + _list_blocks(ctx)
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/careers/{f.slug}/pay-and-conditions", html, _shown(f, category))


# --- jobfamily: a table of occupations, this one's row expanded --------------------------------


def jobfamily(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    block, items = _items(ctx, ("value", "note", "label", "footnote"))
    pay = next((it for it in items if it.kind == "pay"), None)
    growth = next((it for it in items if it.kind in {"growth", "outlook"} and not it.prose), None)
    dl = "".join(
        f"<dt>{e(it.label)}</dt><dd>{it.value}{_note(it)}</dd>" for it in items if not it.prose
    )
    paras = "".join(f"<p>{it.value}</p>" for it in items if it.prose)
    lists = "".join(
        f"<h4>{e(w.label(rng, kind, loc))}</h4><ul>"
        + "".join(f"<li>{e(x)}</li>" for x in vals)
        + "</ul>"
        for kind, vals in _kinds(f)
    )
    pay_label = pay.label if pay is not None else "Pay"
    growth_label = growth.label if growth is not None else "Outlook"
    own_row = (
        f'<tr class="summary-row is-expanded"><th scope="row"><a href="/careers/{e(f.slug)}" '
        f'aria-expanded="true" aria-controls="detail-{e(f.slug)}">{e(t)}</a></th>'
        f"<td>{pay.value + _note(pay) if pay is not None else '—'}</td>"
        f"<td>{growth.value if growth is not None else '—'}</td></tr>"
        f'<tr class="detail-row" id="detail-{e(f.slug)}"><td colspan="3">'
        f'<div class="detail"><p>{e(f.summary)}</p><dl>{dl}</dl>'
        f"{_footnote(ctx, block)}{paras}{lists}</div></td></tr>"
    )
    titles = rng.sample(ctx.related, min(4, len(ctx.related)))
    rows = []
    for i, (other, other_pay) in enumerate(others_pay(rng, f, titles)):
        slug = "".join(c if c.isalnum() else "-" for c in other.lower())
        og = _other_value(rng, f, growth) if growth is not None else "—"
        rows.append(
            f'<tr class="summary-row"><th scope="row"><a href="/careers/{e(slug)}" '
            f'aria-expanded="false" aria-controls="detail-{i}">{e(other)}</a></th>'
            f"<td>{e(other_pay)}</td><td>{og}</td></tr>"
            f'<tr class="detail-row" id="detail-{i}" hidden><td colspan="3"></td></tr>'
        )
    rows.insert(rng.randint(0, len(rows)), own_row)
    family = f.category or "Occupations"
    show_family = f.category is not None and rng.random() < 0.6
    body = (
        f"<h1>{e(t)}</h1>"
        + (f'<p class="family">Job family: {e(family)}</p>' if show_family else "")
        + f"<p>{e(t)} and other jobs in the same family. Select a job to see its details.</p>"
        + f'<table class="job-family"><thead><tr><th scope="col">Job</th>'
        f'<th scope="col">{e(pay_label)}</th><th scope="col">{e(growth_label)}</th></tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(
        f"/job-families/{ctx.number}/{f.slug}",
        html,
        _shown(f, f.category if show_family else None),
    )


HELD_OUT_10: tuple[Layout, ...] = (
    Layout("didyouknow", didyouknow, ("UK", "AU", "NZ", "US", "CA"), "Career Facts"),
    Layout("opendata", opendata, ("CA", "UK", "AU", "US", "NZ"), "Open Labour Data"),
    Layout("merged", merged, ("US", "CA", "UK", "AU", "NZ"), "Occupation Statistics"),
    Layout("pipes", pipes, ("UK", "UK", "NZ", "AU", "CA", "US"), "Job Profiles Hub"),
    Layout("detailsdl", detailsdl, ("NZ", "UK", "AU", "CA", "US"), "Accessible Careers"),
    Layout("allcaps", allcaps, ("US", "AU", "CA", "UK", "NZ"), "Career Compass"),
    Layout("fortnight", fortnight, ("AU", "AU", "NZ", "NZ", "UK"), "Pay and Conditions Guide"),
    Layout("jobfamily", jobfamily, ("CA", "US", "UK", "AU", "NZ"), "Job Families Explorer"),
)
