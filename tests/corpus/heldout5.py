"""Held-out round 5: written after round 4 was fixed, scored on first contact.

Eight kinds of page the earlier rounds do not have, each after a kind of public
career site in the US, UK, Canada, Australia or New Zealand:

- `components`: a design-system site built of web components (like Canada.ca's
  GC Design System or a Lit-rendered careers portal): facts as custom elements
  whose label and value are attributes (`<career-stat label=... value=...>`),
  slotted children, or a declarative shadow root (`<template shadowrootmode>`);
  section headings as attributes; skill chips as empty elements with a label.
- `counters`: a labour-market insights hero strip of count-up numbers: the
  raw figure in `data-count-to` / `data-unit` attributes beside the formatted
  visible text, the label before or after the number, decoy counters (job ads,
  average age) among them.
- `svgchart`: a state wage-data page (CareerOneStop, an LMI office) whose pay is
  only in an SVG bar chart: `<text>` labels, per-bar `aria-label`s, or one
  summary `aria-label`, beside an "All occupations" series; the period and the
  currency in the `<figcaption>`, an optional screen-reader table.
- `printable`: a "printer-friendly version": the whole profile in one `<pre>`,
  "Label ........ value" lines with dot or space leaders, upper-case section
  names, duties and skills as hanging-indented wrapped bullets.
- `bilingual`: a Canadian page with English and French side by side (sections
  with `lang="fr"` or an English | Français two-column table, a language
  switcher); the French figures are written "30,00 $ de l'heure"; only the
  English block's values are the truth.
- `footnotes`: a NZ/AU/UK careers site's compact pay ("$45K–$60K a year",
  "AU$1,450 per week", "NZ$25.50 to $32.00 an hour", "£32k p.a."), footnote
  markers (¹, *, [1] links) after labels and values, and the notes under them.
- `dashboard`: an Australian Job Outlook / Labour Market Insights style
  occupation dashboard: the facts among decoy statistics (full-time share,
  average hours, average age, female share), a share-of-workers-by-region
  table, an age profile, top industries, an "all jobs" figure in the pay tile.
- `apprenticeship`: an apprenticeship-standard page (the UK Institute for
  Apprenticeships', Australian or NZ apprenticeship pathways): level,
  duration and a funding band or incentive (money that is not pay), an
  apprentice-rate row, duties in a table with a KSB code column, skills and
  behaviours as code | text tables, pay "once qualified"; no growth or workers.
"""

from __future__ import annotations

import random
import textwrap
from dataclasses import replace

from tests.corpus import wording as w
from tests.corpus.items import (
    _PCT_LABELS,
    Item,
    _pay_parts,
    _value,
    growth_items,
    pay_block,
    scalar_items,
)
from tests.corpus.layouts import Ctx, Layout, Rendered, _footnote, _lists, _related, _title
from tests.corpus.markup import breadcrumb, document, e
from tests.corpus.model import Facts, Pay, Salary

__all__ = ["HELD_OUT_5"]

_CODES = {"US": "SOC", "UK": "SOC 2020", "CA": "NOC", "AU": "ANZSCO", "NZ": "ANZSCO"}


def _no_floor(f: Facts) -> Facts:
    return f if f.salary is None else replace(f, salary=replace(f.salary, floor=False))


def _shown(f: Facts, category: str | None) -> Facts:
    return f if category is not None else f.without("category")


def _pay_rows(
    rng: random.Random, f: Facts, s: Salary, *, with_period: bool = True
) -> list[tuple[str, str, Pay, float, float | None]]:
    """(label, value text, the period's pay, amount, second amount) of every figure shown."""
    loc = f.locale
    out = []
    for pay in s.shown:
        for role, kind, a, b in _pay_parts(rng, pay):
            assert a is not None
            label = (
                rng.choice(_PCT_LABELS[kind]) if kind in _PCT_LABELS else w.label(rng, kind, loc)
            )
            text = _value(rng, s, loc, pay, role, a, b, with_period)
            out.append((label, text, pay, a, b))
    return out


def _stars_text(value: str, f: Facts) -> str:
    """A star rating as plain text (for places where markup cannot go)."""
    g = f.growth
    if "<" in value and g is not None and g.stars is not None:
        return "★" * g.stars + "☆" * (5 - g.stars)
    return value


# --- components: web components, values in attributes -------------------------------------------

_TAGSETS = (
    ("career-stat", "career-section", "skill-chip", "career-header"),
    ("gcds-stat", "gcds-details-panel", "gcds-chip", "gcds-heading"),
    ("occ-fact", "occ-panel", "occ-tag", "occ-hero"),
)


def _attr(text: str) -> str:
    """An item value (already HTML text) for an attribute: no markup."""
    return text.replace('"', "&quot;")


def components(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    stat, panel, chip, hero = rng.choice(_TAGSETS)
    block = pay_block(rng, f, placements=("value", "label", "note"))
    items = [*block.items, *growth_items(rng, f), *scalar_items(rng, f)]
    form = rng.randrange(4)
    facts_html = []
    prose_html = []
    for it in items:
        if it.prose:
            prose_html.append(f'<{panel} heading="{e(it.label)}"><p>{it.value}</p></{panel}>')
            continue
        note = f' unit="{e(it.note)}"' if it.note else ""
        markup_value = "<" in it.value
        if form == 0 and not markup_value:
            facts_html.append(
                f'<{stat} label="{e(it.label)}" value="{_attr(it.value)}"{note}></{stat}>'
            )
        elif form == 1 and not markup_value:
            facts_html.append(
                f'<{stat} value="{_attr(it.value)}"{note}><span slot="label">{e(it.label)}'
                f"</span></{stat}>"
            )
        elif form == 2:
            unit = f'<span slot="unit">{e(it.note)}</span>' if it.note else ""
            facts_html.append(
                f'<{stat} heading="{e(it.label)}"><span slot="value">{it.value}</span>{unit}'
                f"</{stat}>"
            )
        else:
            unit = f" <small>{e(it.note)}</small>" if it.note else ""
            facts_html.append(
                f'<{stat}><template shadowrootmode="open"><style>:host{{display:block}}</style>'
                f'<div part="label">{e(it.label)}</div><div part="value">{it.value}{unit}</div>'
                f"</template></{stat}>"
            )
    lists = []
    for kind, values in (
        ("duties", f.duties),
        ("technical", f.skills.technical),
        ("people", f.skills.people),
    ):
        if not values:
            continue
        heading = w.label(rng, kind, loc)
        if kind == "duties":
            inner = m.list_of(values, "duty", kind="ul")
        elif rng.random() < 0.5:
            inner = "".join(f'<{chip} label="{e(x)}"></{chip}>' for x in values)
        else:
            inner = "".join(f"<{chip}>{e(x)}</{chip}>" for x in values)
        lists.append(f'<{panel} heading="{e(heading)}">{inner}</{panel}>')
    crumbs, category = breadcrumb(m, f)
    if rng.random() < 0.5:
        head = f"<h1>{e(f.title)}</h1>"
    else:
        head = f'<{hero} level="1" text="{e(f.title)}"></{hero}>'
    body = (
        crumbs
        + head
        + f"<p>{e(f.summary)}</p>"
        + f'<{panel} heading="{e(rng.choice(("Key facts", "At a glance", "Overview")))}">'
        + "".join(facts_html)
        + f"</{panel}>"
        + _footnote(ctx, block)
        + "".join(prose_html)
        + "".join(lists)
        + _related(ctx, block.items[0].label if block.items else "Salary")
    )
    head_extra = f'<script type="module" src="/components/{stat}.js"></script>'
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary, head_extra=head_extra)
    return Rendered(f"/en/careers/{f.slug}", html, _shown(f, category))


# --- counters: count-up numbers with data-* attributes -----------------------------------------


def counters(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    order_first = rng.random() < 0.5  # one order per page
    items: list[str] = []

    def add(label: str, visible: str, attrs: str) -> None:
        num = f"<span{m.cls('counter')} {attrs}>{visible}</span>"
        lab = f"<span{m.cls('counter-label')}>{e(label)}</span>"
        items.append(f"<li{m.cls('counter-item')}>{num + lab if order_first else lab + num}</li>")

    s = f.salary
    if s is not None:
        for label, text, pay, a, b in _pay_rows(rng, f, s):
            if b is None:
                attrs = f'data-count-to="{a:g}" data-unit="{pay.period}"'
            else:
                attrs = f'data-count-from="{a:g}" data-count-to="{b:g}" data-unit="{pay.period}"'
            add(label, e(text), attrs + ' data-format="currency"')
    ads = rng.randint(40, 4000)
    add("Job ads in the last 12 months", f"{ads:,}", f'data-count-to="{ads}"')
    for it in growth_items(rng, f):
        if it.prose:
            items.append(f"<li{m.cls('counter-item')}><p>{it.value}</p></li>")
        else:
            add(it.label, it.value, 'data-format="text"')
    for it in scalar_items(rng, f):
        if it.kind == "workers" and f.workers is not None:
            add(it.label, it.value, f'data-count-to="{f.workers.value}"')
        else:
            add(it.label, it.value, 'data-format="text"')
    age = rng.randint(31, 49)
    add("Average age", f"{age} years", f'data-count-to="{age}" data-suffix=" years"')
    h1, _ = _title(ctx)
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + f"<div{m.cls('hero')}><h1>{e(h1)}</h1><p>{e(f.summary)}</p>"
        + f'<ul{m.cls("counters")} data-animate="count-up">{"".join(items)}</ul></div>'
        + "<script>document.querySelectorAll('[data-count-to]').forEach(countUp);</script>"
        + "".join(_lists(ctx))
        + _related(ctx, "Median pay")
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/insights/occupations/{f.slug}", html, _shown(f, category))


# --- svgchart: pay only in an SVG bar chart -------------------------------------------------------


def _bars(rng: random.Random, f: Facts, pay: Pay) -> list[tuple[str, float]]:
    loc = f.locale
    if pay.percentiles:
        p = dict(pay.percentiles)
        assert pay.median is not None
        return [
            ("10th percentile", p[10]),
            ("25th percentile", p[25]),
            ("Median", pay.median),
            ("75th percentile", p[75]),
            ("90th percentile", p[90]),
        ]
    out = []
    if pay.low is not None:
        out.append((w.label(rng, "low", loc), pay.low))
    if pay.median is not None:
        out.append((rng.choice(("Median", "Typical", w.label(rng, "median", loc))), pay.median))
    if pay.high is not None:
        out.append((w.label(rng, "high", loc), pay.high))
    return out


def svgchart(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    chart = ""
    s = f.salary
    if s is not None:
        pay = s.published()
        s = replace(s, shown=(pay,), floor=False)
        f = replace(f, salary=s)
        bars = _bars(rng, f, pay)

        def money(x: float) -> str:
            return w.money(x, s, loc, pay.period)

        def other(x: float) -> float:
            y = x * rng.uniform(0.7, 0.9)
            return round(y, 2) if pay.period == "hour" else float(round(y, -2))

        others = [(lab, other(x)) for lab, x in bars]
        top = max(x for _, x in bars)
        form = rng.randrange(3)
        groups = []
        for i, ((lab, x), (_, y)) in enumerate(zip(bars, others, strict=True)):
            gx = 20 + i * 90
            h1, h2 = int(160 * x / top), int(160 * y / top)
            if form == 0:
                groups.append(
                    f'<g class="bar-group"><rect x="{gx}" y="{180 - h1}" width="30" '
                    f'height="{h1}" fill="#1f4e79"></rect><text x="{gx}" y="{172 - h1}" '
                    f'class="value">{e(money(x))}</text><rect x="{gx + 34}" y="{180 - h2}" '
                    f'width="30" height="{h2}" fill="#bbb"></rect><text x="{gx + 34}" '
                    f'y="{172 - h2}" class="value muted">{e(money(y))}</text><text x="{gx}" '
                    f'y="198" class="axis-label">{e(lab)}</text></g>'
                )
            elif form == 1:
                groups.append(
                    f'<g class="bar-group"><rect role="img" aria-label="{e(t)}, {e(lab)}: '
                    f'{e(money(x))}" x="{gx}" y="{180 - h1}" width="30" height="{h1}">'
                    f"<title>{e(lab)}: {e(money(x))}</title></rect>"
                    f'<rect role="img" aria-label="All occupations, {e(lab)}: {e(money(y))}" '
                    f'x="{gx + 34}" y="{180 - h2}" width="30" height="{h2}"><title>All '
                    f"occupations: {e(money(y))}</title></rect>"
                    f'<text x="{gx}" y="198">{e(lab)}</text></g>'
                )
            else:
                groups.append(
                    f'<rect x="{gx}" y="{180 - h1}" width="30" height="{h1}"></rect>'
                    f'<rect x="{gx + 34}" y="{180 - h2}" width="30" height="{h2}"></rect>'
                )
        adj = w.PERIOD_ADJ[pay.period]
        if form == 2:
            mine = ", ".join(f"{lab.lower()} {money(x)}" for lab, x in bars)
            theirs = ", ".join(f"{lab.lower()} {money(y)}" for lab, y in others)
            svg_label = (
                f' role="img" aria-label="{e(adj)} pay. {e(t)}: {e(mine)}. '
                f'All occupations: {e(theirs)}."'
            )
        else:
            svg_label = ' role="group" aria-labelledby="chart-title"'
        legend = (
            f'<g class="legend"><rect x="20" y="4" width="10" height="10" fill="#1f4e79"></rect>'
            f'<text x="34" y="13">{e(t)}</text><rect x="200" y="4" width="10" height="10" '
            'fill="#bbb"></rect><text x="214" y="13">All occupations</text></g>'
        )
        cur = {
            "symbol": loc.symbol,
            "prefixed": loc.prefixed,
            "code-before": loc.currency,
            "code-after": loc.currency,
            "words": loc.words,
        }[s.symbol_style]
        caption = rng.choice(
            (
                f"{adj} wages, {t} and all occupations ({cur})",
                f"{adj} pay in {cur}: {t.lower()}s compared with all occupations",
                f"Wages ({cur} per {pay.period}), {loc.country.removeprefix('the ')}",
            )
        )
        words = (
            f" Wages are in {loc.words}."
            if s.evidence == "caption" and loc.words not in caption
            else ""
        )
        table = ""
        if rng.random() < 0.5:
            head = "".join(f'<th scope="col">{e(lab)}</th>' for lab, _ in bars)
            row_a = "".join(f"<td>{e(money(x))}</td>" for _, x in bars)
            row_b = "".join(f"<td>{e(money(y))}</td>" for _, y in others)
            table = (
                f'<table class="visually-hidden sr-only"><caption>{e(caption)}</caption><thead>'
                f'<tr><td></td>{head}</tr></thead><tbody><tr><th scope="row">{e(t)}</th>'
                f'{row_a}</tr><tr><th scope="row">All occupations</th>{row_b}</tr></tbody>'
                "</table>"
            )
        chart = (
            f"<section{m.cls('wages')}>{m.heading(rng.choice(('Wages', 'Pay', 'Earnings')), 2)}"
            f'<figure{m.cls("chart")}><svg viewBox="0 0 400 200" width="400" height="200"'
            f'{svg_label}><title id="chart-title">{e(caption)}</title>{legend}'
            f"{''.join(groups)}</svg><figcaption>{e(caption)}{e(words)}</figcaption></figure>"
            f"{table}</section>"
        )
    rows = "".join(
        f'<tr><th scope="row">{e(it.label)}</th><td>{it.value}</td></tr>'
        if not it.prose
        else f'<tr><td colspan="2">{it.value}</td></tr>'
        for it in [*growth_items(rng, f), *scalar_items(rng, f)]
    )
    facts = (
        f"<table{m.cls('facts')}><caption>Outlook and requirements</caption><tbody>{rows}"
        "</tbody></table>"
        if rows
        else ""
    )
    crumbs, category = breadcrumb(m, f)
    body = crumbs + f"<h1>{e(t)}</h1><p>{e(f.summary)}</p>" + chart + facts + "".join(_lists(ctx))
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/occupations/{f.slug}/wages", html, _shown(f, category))


# --- printable: the profile in one <pre> ----------------------------------------------------------


def _wrapped(text: str, indent: str, width: int = 72) -> str:
    return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=" " * len(indent))


def printable(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    show_cat = rng.random() < 0.5 and f.category is not None
    block = pay_block(rng, f, placements=("value", "label", "note", "footnote"))
    items: list[Item] = [
        *block.items,
        *growth_items(rng, f),
        *scalar_items(rng, f, category=show_cat),
    ]
    width = rng.choice((26, 30, 34))
    leader = rng.choice((".", ".", " "))
    lines = []
    rule = rng.choice(("=" * 60, "-" * 60))
    title_line = rng.choice((f.title, f"Career profile: {f.title}", f"Occupation: {f.title}"))
    lines += [e(title_line), rule, "", e(_wrapped(f.summary, "")), ""]
    lines.append(rng.choice(("KEY FACTS", "AT A GLANCE", "SUMMARY")))
    for it in items:
        if it.prose:
            lines.append(f"{it.label}:")
            lines.append(_wrapped(it.value, "    "))
            continue
        value = _stars_text(it.value, f) + (f" {e(it.note)}" if it.note else "")
        label = e(it.label)
        pad = leader * max(3, width - len(it.label))
        lines.append(f"{label} {pad} {value}")
    if block.footnote:
        lines.append(e(block.footnote))
    bullet = rng.choice(("- ", "* ", "o "))
    for kind, values in (
        ("duties", f.duties),
        ("technical", f.skills.technical),
        ("people", f.skills.people),
        ("tools", f.skills.tools),
    ):
        if not values:
            continue
        lines += ["", e(w.label(rng, kind, loc).upper())]
        lines += [e(_wrapped(x, "  " + bullet)) for x in values]
    lines += ["", rule, f"Printed from {ctx.site}. Figures may change."]
    h1 = f"<h1>{e(f.title)}</h1>" if rng.random() < 0.5 else ""
    body = (
        f'<p{m.cls("print-bar")}><a href="javascript:window.print()">Print this page</a> · '
        f'<a href="/careers/{f.slug}">Back to the full version</a></p>'
        + h1
        + f"<pre{m.cls('print')}>{chr(10).join(lines)}</pre>"
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    shown = f if show_cat else f.without("category")
    return Rendered(f"/print/careers/{f.slug}.txt.html", html, shown)


# --- bilingual: English and French side by side ---------------------------------------------------

_FR_PERIOD = {
    "year": ("par année", "par an", "/an"),
    "month": ("par mois", "/mois"),
    "week": ("par semaine", "/sem."),
    "day": ("par jour", "/jour"),
    "hour": ("de l'heure", "/h", "par heure"),
}
_FR_LABELS = {
    "median": "Salaire médian",
    "range": "Échelle salariale",
    "low": "Salaire de départ",
    "high": "Salaire élevé",
    "p10": "10e centile",
    "p90": "90e centile",
}
_FR_RATINGS = {
    "Very good": "Très bonnes",
    "Good": "Bonnes",
    "Moderate": "Modérées",
    "Limited": "Limitées",
    "Very limited": "Très limitées",
}
_FR_EDUCATION = {
    "No formal education required": "Aucune formation officielle requise",
    "Completion of secondary school": "Diplôme d'études secondaires",
    "High school diploma": "Diplôme d'études secondaires",
    "Some college, no degree": "Études collégiales partielles",
    "College certificate program": "Programme de certificat collégial",
    "Trade school certificate": "Certificat d'école de métiers",
    "Associate's degree": "Diplôme d'études collégiales",
    "Bachelor's degree": "Baccalauréat",
    "A university degree": "Un diplôme universitaire",
    "Master's degree": "Maîtrise",
    "Doctoral degree": "Doctorat",
    "Professional degree": "Diplôme professionnel",
}
_NBSP = "\u00a0"


def _fr_money(x: float, period: str) -> str:
    if period == "hour" or x != int(x):
        digits = f"{x:,.2f}".replace(",", _NBSP).replace(".", ",")
    else:
        digits = f"{int(x):,}".replace(",", _NBSP)
    return f"{digits}{_NBSP}$"


def _french_rows(rng: random.Random, f: Facts) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    s = f.salary
    if s is not None:
        for pay in s.shown:
            per = rng.choice(_FR_PERIOD[pay.period])
            per = per if per.startswith("/") else f" {per}"
            for _, kind, a, b in _pay_parts(rng, pay):
                assert a is not None
                if b is None:
                    value = _fr_money(a, pay.period) + per
                else:
                    value = f"de {_fr_money(a, pay.period)} à {_fr_money(b, pay.period)}{per}"
                rows.append((_FR_LABELS[kind], e(value)))
    g = f.growth
    if g is not None:
        if g.style in {"rating", "rating+pct"} and g.rating:
            rows.append(("Perspectives d'emploi", e(_FR_RATINGS.get(g.rating, g.rating))))
        if g.style == "stars" and g.stars:
            rows.append(("Perspectives d'emploi", e(f"{g.stars} étoiles sur 5")))
        if g.style == "rating+pct" and g.pct is not None:
            rows.append(("Croissance prévue", e(f"{int(g.pct)}{_NBSP}%")))
    if f.workers is not None:
        rows.append(("Nombre de travailleurs", e(f"{f.workers.value:,}".replace(",", _NBSP))))
    if f.education is not None:
        rows.append(("Études", e(_FR_EDUCATION.get(f.education[0], f.education[0]))))
    return rows


def bilingual(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    t = f.title
    block = pay_block(rng, f, placements=("value", "label"))
    en = [*block.items, *growth_items(rng, f), *scalar_items(rng, f)]
    fr = _french_rows(rng, f)
    switch = (
        f'<div{m.cls("lang-switch")}><a href="/fr/carrieres/{f.slug}" hreflang="fr" lang="fr">'
        "Français</a></div>"
    )
    french_first = rng.random() < 0.4
    if rng.random() < 0.5:
        en_dl = "".join(
            f"<dt>{e(it.label)}</dt><dd>{it.value}</dd>" if not it.prose else f"<dd>{it.value}</dd>"
            for it in en
        )
        fr_dl = "".join(f"<dt>{e(lab)}</dt><dd>{val}</dd>" for lab, val in fr)
        en_sec = (
            f'<section lang="en"{m.cls("lang-en")}>{m.heading("Key facts", 2)}<dl>{en_dl}</dl>'
            f"{_footnote(ctx, block)}</section>"
        )
        fr_sec = (
            f'<section lang="fr"{m.cls("lang-fr")}>{m.heading("Faits saillants", 2)}'
            f"<dl>{fr_dl}</dl><p>Pour la liste complète des tâches, consultez la version "
            "française du profil.</p></section>"
        )
        facts = fr_sec + en_sec if french_first else en_sec + fr_sec
    else:
        rows = []
        for i in range(max(len(en), len(fr))):
            if i < len(en):
                it = en[i]
                cell_en = (
                    f"<strong>{e(it.label)}</strong>: {it.value}" if not it.prose else it.value
                )
            else:
                cell_en = ""
            cell_fr = f"<strong>{e(fr[i][0])}</strong> : {fr[i][1]}" if i < len(fr) else ""
            td_en, td_fr = f'<td lang="en">{cell_en}</td>', f'<td lang="fr">{cell_fr}</td>'
            rows.append(f"<tr>{td_fr + td_en if french_first else td_en + td_fr}</tr>")
        th_en, th_fr = '<th lang="en">English</th>', '<th lang="fr">Français</th>'
        facts = (
            f"<table{m.cls('bilingual')}><thead><tr>"
            f"{th_fr + th_en if french_first else th_en + th_fr}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>{_footnote(ctx, block)}"
        )
    crumbs, category = breadcrumb(m, f)
    body = (
        switch
        + crumbs
        + f'<h1>{e(t)}</h1><p lang="fr"{m.cls("fr-title")}>Profil de la profession</p>'
        + f"<p>{e(f.summary)}</p>"
        + facts
        + "".join(_lists(ctx))
    )
    head = (
        f'<link rel="alternate" hreflang="fr-ca" href="https://{f.locale.domain}/fr/carrieres/'
        f'{f.slug}">'
    )
    html = document(
        m, f, body=body, site_name=ctx.site, salary=f.salary, head_extra=head, lang=True
    )
    return Rendered(f"/en/careers/{f.slug}", html, _shown(f, category))


# --- footnotes: compact pay and footnote markers --------------------------------------------------

_PREFIX = {"US": "US$", "UK": "£", "CA": "CA$", "AU": "AU$", "NZ": "NZ$"}
_COMPACT_PER = {
    "year": ("a year", "p.a.", "per annum", "per year"),
    "month": ("a month", "per month"),
    "week": ("per week", "a week"),
    "day": ("a day", "per day"),
    "hour": ("an hour", "per hour", "/hr"),
}


def _compact(x: float, period: str, sym: str, k: str) -> str:
    if period == "year" and k and x >= 1000 and x % 100 == 0:
        v = x / 1000
        return f"{sym}{v:.0f}{k}" if x % 1000 == 0 else f"{sym}{v:.1f}{k}"
    if period == "hour" or x != int(x):
        return f"{sym}{x:,.2f}"
    return f"{sym}{int(x):,}"


def _marker(style: str, n: int) -> str:
    if style == "sup":
        return f"<sup>{n}</sup>"
    if style == "unicode":
        return "¹²³⁴⁵⁶⁷⁸⁹"[n - 1]
    if style == "star":
        return "*" * n
    return f'<sup><a href="#fn-{n}" id="ref-{n}">[{n}]</a></sup>'


def footnotes(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    style = rng.choice(("sup", "unicode", "star", "link"))
    k = rng.choice(("K", "k")) if loc.code != "UK" else "k"
    notes: list[str] = []

    def mark(text: str) -> str:
        notes.append(text)
        return _marker(style, len(notes))

    rows: list[tuple[str, str]] = []
    s = f.salary
    if s is not None:
        first = _PREFIX[loc.code] if loc.code != "US" or rng.random() < 0.3 else "$"
        pay_note = mark(
            rng.choice(
                (
                    "Before tax, full-time workers.",
                    "Based on advertised salaries.",
                    "Median of salaries reported by employers.",
                )
            )
        )
        for pay in s.shown:
            per = rng.choice(_COMPACT_PER[pay.period])
            dash = rng.choice(("–", "-", " to "))
            for role, kind, a, b in _pay_parts(rng, pay):
                assert a is not None
                label = (
                    rng.choice(_PCT_LABELS[kind])
                    if kind in _PCT_LABELS
                    else w.label(rng, kind, loc)
                )
                amount = _compact(a, pay.period, first, k)
                if b is not None:
                    text = f"{amount}{dash}{_compact(b, pay.period, loc.symbol, k)} {per}"
                elif role == "median" and s.floor:
                    text = rng.choice((f"{amount}+ {per}", f"{amount} {per} or more"))
                else:
                    text = f"{amount} {per}"
                value_mark = pay_note if rng.random() < 0.5 else ""
                label_mark = "" if value_mark else pay_note
                rows.append((f"{e(label)}{label_mark}", f"{e(text)}{value_mark}"))
    for it in growth_items(rng, f):
        if it.kind == "growth" and rng.random() < 0.5:
            label = e(it.label) + mark("Projection by the national skills agency.")
        else:
            label = e(it.label)
        rows.append((label, it.value))
    for it in scalar_items(rng, f):
        if it.kind == "workers":
            rows.append((e(it.label) + mark("Source: Labour Force Survey."), it.value))
        else:
            rows.append((e(it.label), it.value))
    if rng.random() < 0.5:
        facts = "".join(f"<dt>{lab}</dt><dd>{val}</dd>" for lab, val in rows)
        facts = f"<dl{m.cls('facts')}>{facts}</dl>"
    else:
        facts = "".join(f'<tr><th scope="row">{lab}</th><td>{val}</td></tr>' for lab, val in rows)
        facts = f"<table{m.cls('facts')}><tbody>{facts}</tbody></table>"
    if style == "link":
        fn = "".join(
            f'<li id="fn-{i}">{e(n)} <a href="#ref-{i}" aria-label="Back to content">↩</a></li>'
            for i, n in enumerate(notes, 1)
        )
        notes_html = f'<section class="footnotes"><h2>Notes</h2><ol>{fn}</ol></section>'
    else:
        fn = "".join(
            f"<p><small>{_marker(style, i)} {e(n)}</small></p>" for i, n in enumerate(notes, 1)
        )
        notes_html = f"<div{m.cls('notes')}>{fn}</div>"
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + f"<h1>{e(f.title)}</h1><p>{e(f.summary)}</p>"
        + f"<section{m.cls('key-facts')}>{m.heading('Key facts', 2)}{facts}</section>"
        + "".join(_lists(ctx))
        + notes_html
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/jobs-database/{f.slug}/", html, _shown(f, category))


# --- dashboard: the facts among decoy statistics --------------------------------------------------

_STATES = {
    "AU": ("NSW", "VIC", "QLD", "WA", "SA"),
    "NZ": ("Auckland", "Wellington", "Canterbury", "Waikato"),
    "UK": ("London", "South East", "North West", "Scotland"),
    "CA": ("Ontario", "Quebec", "British Columbia", "Alberta"),
}


def dashboard(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    block = pay_block(rng, f, placements=("label", "value", "note"))
    tiles: list[str] = []

    def tile(label: str, value: str, context: str = "") -> str:
        ctx_html = f"<p{m.cls('tile-context')}>{context}</p>" if context else ""
        return (
            f"<li{m.cls('tile')}><h3{m.cls('tile-label')}>{e(label)}</h3>"
            f"<p{m.cls('tile-value')}>{value}</p>{ctx_html}</li>"
        )

    s = f.salary
    for i, it in enumerate(block.items):
        context = ""
        if i == 0 and s is not None:
            pay = s.shown[0]
            ref = pay.median or pay.low or 0.0
            avg = round(ref * 0.85, 2) if pay.period == "hour" else float(round(ref * 0.85, -1))
            all_jobs = w.pay_value(
                rng, Pay(pay.period, median=avg), replace(s, floor=False), loc, with_period=True
            )
            context = e(f"All jobs: {all_jobs}")
        note = f" <small>{e(it.note)}</small>" if it.note else ""
        tiles.append(tile(it.label, it.value + note, context))
    decoys = [
        ("Full-time share", f"{rng.randint(55, 95)}%", "All jobs: 66%"),
        ("Average full-time hours", f"{rng.randint(38, 46)} hours", "All jobs: 44 hours"),
        ("Average age", f"{rng.randint(31, 49)} years", "All jobs: 40 years"),
        ("Female share", f"{rng.randint(5, 80)}%", "All jobs: 48%"),
        ("Unemployment", rng.choice(("Below average", "Average", "Above average")), ""),
    ]
    for it in [*growth_items(rng, f), *scalar_items(rng, f)]:
        if it.prose:
            tiles.append(f"<li{m.cls('tile')}><p>{it.value}</p></li>")
        else:
            tiles.append(tile(it.label, it.value))
    for label, value, context in rng.sample(decoys, rng.randint(3, 5)):
        tiles.insert(rng.randint(0, len(tiles)), tile(label, e(value), e(context)))
    shares = [rng.uniform(5, 40) for _ in _STATES[loc.code]]
    total = sum(shares)
    region_rows = "".join(
        f'<tr><th scope="row">{e(r)}</th><td>{100 * x / total:.1f}%</td></tr>'
        for r, x in zip(_STATES[loc.code], shares, strict=True)
    )
    ages = ("15-19", "20-24", "25-34", "35-44", "45-54", "55-64", "65+")
    age_bars = "".join(
        f'<div{m.cls("age-bar")} style="width:{p}%"><span>{a}</span> <span>{p}%</span></div>'
        for a, p in zip(ages, (2, 8, 24, 26, 21, 15, 4), strict=True)
    )
    industries = rng.sample(
        (
            "Construction",
            "Health Care and Social Assistance",
            "Retail Trade",
            "Public Administration",
            "Professional Services",
            "Manufacturing",
        ),
        3,
    )
    ind = "".join(
        f"<li>{e(n)} <span>{p}%</span></li>" for n, p in zip(industries, (41, 22, 9), strict=True)
    )
    code = f"{_CODES[loc.code]} {200000 + ctx.number * 1237 % 700000}"
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + f"<h1>{e(f.title)}</h1><p{m.cls('code')}>{e(code)}</p><p>{e(f.summary)}</p>"
        + f"<section{m.cls('dashboard')}>{m.heading('Key statistics', 2)}"
        + f'<ul role="list"{m.cls("tiles")}>{"".join(tiles)}</ul>{_footnote(ctx, block)}</section>'
        + f"<section>{m.heading('Where do they work?', 2)}<table{m.cls('regions')}><thead><tr>"
        + f"<th>Region</th><th>Share of workers</th></tr></thead><tbody>{region_rows}</tbody>"
        + "</table></section>"
        + f"<section>{m.heading('Age profile', 2)}{age_bars}</section>"
        + f"<section>{m.heading('Main industries', 2)}<ol>{ind}</ol></section>"
        + "".join(_lists(ctx))
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/occupations/{code.split()[-1]}-{f.slug}", html, _shown(f, category))


# --- apprenticeship: a standard's page, pay once qualified ---------------------------------------

_FUNDING = {
    "UK": ("Maximum funding", "£{n:,}", (9000, 12000, 15000, 18000, 21000)),
    "AU": ("Employer incentive", "up to ${n:,}", (3000, 4000, 5000)),
    "NZ": ("Apprenticeship boost", "${n:,} a month for the first year", (500, 1000)),
}
_APPRENTICE_RATE = {
    "UK": ("Apprentice pay", "At least the apprentice rate of the National Minimum Wage"),
    "AU": ("Apprentice pay", "Set by the award for each year of the apprenticeship"),
    "NZ": ("Apprentice pay", "At least the training minimum wage"),
}
_RATE_FIGURES = {"UK": "£7.55 an hour", "AU": "$16.80 an hour", "NZ": "$18.54 an hour"}


def apprenticeship(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    f = f.without("growth", "workers")
    level = rng.choice((2, 3, 4, 5))
    months = rng.choice((18, 24, 30, 36, 48))
    fund_label, fund_fmt, amounts = _FUNDING[loc.code]
    rate_label, rate_text = _APPRENTICE_RATE[loc.code]
    if rng.random() < 0.5:
        rate_text = f"From {_RATE_FIGURES[loc.code]} (first year)"
    info = [
        (
            "Level",
            f"{level}" + (" (equivalent to A level)" if level == 3 and loc.code == "UK" else ""),
        ),
        ("Typical duration", f"{months} months"),
        (fund_label, fund_fmt.format(n=rng.choice(amounts))),
        (rate_label, rate_text),
    ]
    for it in scalar_items(rng, f):
        info.append((it.label, it.value))
    info_rows = "".join(f'<tr><th scope="row">{e(a)}</th><td>{b}</td></tr>' for a, b in info)
    block = pay_block(rng, f, placements=("value", "label", "note"))
    pay_html = ""
    if block.items:
        dl = "".join(
            f"<dt>{e(it.label)}</dt><dd>{it.value}{(' ' + e(it.note)) if it.note else ''}</dd>"
            for it in block.items
        )
        pay_html = (
            f"<section{m.cls('qualified-pay')}>"
            f"{m.heading(rng.choice(('Once qualified', 'After your apprenticeship')), 2)}"
            f"<dl>{dl}</dl>{_footnote(ctx, block)}</section>"
        )
    titles = "".join(f"<li>{e(x)}</li>" for x in (f"Trainee {t.lower()}", f"Assistant {t.lower()}"))
    n_t, n_p = len(f.skills.technical), len(f.skills.people)
    duty_rows = "".join(
        f"<tr><td>{e(d)}</td><td>"
        + " ".join(
            sorted(
                {f"S{rng.randint(1, max(1, n_t))}", f"B{rng.randint(1, max(1, n_p))}"},
            )
        )
        + "</td></tr>"
        for d in f.duties
    )
    sections = []
    if f.duties:
        sections.append(
            f"<section>{m.heading('Duties', 2)}<table{m.cls('duties')}><thead><tr>"
            f"<th>Duty</th><th>KSBs</th></tr></thead><tbody>{duty_rows}</tbody></table></section>"
        )
    for heading, prefix, values in (
        (
            rng.choice(("Technical skills", "Knowledge and technical skills")),
            "S",
            f.skills.technical,
        ),
        (rng.choice(("Behaviours", "Personal qualities")), "B", f.skills.people),
    ):
        if values:
            rows = "".join(
                f'<tr><th scope="row">{prefix}{i}</th><td>{e(x)}</td></tr>'
                for i, x in enumerate(values, 1)
            )
            sections.append(
                f"<section>{m.heading(heading, 2)}<table{m.cls('ksb')}><tbody>{rows}</tbody>"
                "</table></section>"
            )
    crumbs, category = breadcrumb(m, f)
    ref = f"ST{ctx.number:04d}"
    body = (
        crumbs + f"<h1>{e(t)}</h1><p{m.cls('tag')}>Level {level} apprenticeship standard · "
        f"Reference {ref}</p>"
        + f"<h2>Occupation summary</h2><p>{e(f.summary)}</p>"
        + f"<table{m.cls('key-info')}><caption>Key information</caption><tbody>{info_rows}"
        "</tbody></table>"
        + pay_html
        + f"<section>{m.heading('Typical job titles', 2)}<ul>{titles}</ul></section>"
        + "".join(sections)
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    f = replace(f, skills=replace(f.skills, tools=()))
    return Rendered(f"/apprenticeships/{ref.lower()}-{f.slug}-v1-0", html, _shown(f, category))


HELD_OUT_5: tuple[Layout, ...] = (
    Layout("components", components, ("CA", "US", "AU", "UK", "NZ"), "CareerKit"),
    Layout("counters", counters, ("AU", "US", "UK", "NZ", "CA"), "Labour Insights"),
    Layout("svgchart", svgchart, ("US", "US", "CA", "AU", "UK"), "Wage Data Online"),
    Layout("printable", printable, ("US", "UK", "CA", "AU", "NZ"), "Careers Print", tools=True),
    Layout("bilingual", bilingual, ("CA",), "Emplois Jobs Canada"),
    Layout("footnotes", footnotes, ("NZ", "AU", "UK", "CA", "US"), "Careers NZ-AU"),
    Layout("dashboard", dashboard, ("AU", "AU", "NZ", "UK", "CA"), "Job Outlook Online"),
    Layout("apprenticeship", apprenticeship, ("UK", "UK", "AU", "NZ"), "Apprenticeship Standards"),
)
