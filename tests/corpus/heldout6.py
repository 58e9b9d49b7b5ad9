"""Held-out round 6: written after round 5 was fixed, scored on first contact.

Eight kinds of page the earlier rounds do not have, each after a kind of public
career site in the US, UK, Canada, Australia or New Zealand:

- `legacy`: a 1990s/2000s government site laid out in nested tables: upper-case
  tags and unquoted attributes, `<FONT>`/`<CENTER>`/`<B>` markup, spacer GIFs,
  label cells with trailing colons in a `BGCOLOR` column, lists as `<BR>` lines,
  a hit counter and a "last updated" date.
- `amp`: an AMP page: sections in `<amp-accordion>`, `<amp-img>`, the facts
  also in an `<amp-state>` JSON script bound with `[text]`, an `<amp-list>`
  template of related jobs (mustache placeholders), skill slides duplicated
  for a looping `<amp-carousel>`.
- `ladder`: a career-progression page: Trainee / Qualified / Senior / Lead
  rungs, each with its own pay and duties; the job's pay is stated in a summary
  line; the trainee rate and the next role's pay are decoys.
- `responsive`: the facts rendered twice, a desktop table and a mobile card
  list (one hidden with `hidden`, `d-none` or `aria-hidden`), worded and
  formatted differently, beside a "national average" column.
- `infobox`: a wiki-style article: an infobox table (Occupation type, Activity
  sectors, Competencies, Education required, Related jobs, pay), prose with
  reference markers [1], a references list full of years and page numbers.
- `docs`: a docs-site rendering (MkDocs Material or Docusaurus): markdown
  tables, admonitions ("!!! note" boxes), a table-of-contents sidebar that
  repeats the headings, permalink anchors ("¶", "#") inside the headings.
- `deferred`: content shipped inert: in `<template>` elements cloned by a
  script, in a `<noscript>` fallback, or in an `<iframe srcdoc>` (escaped
  HTML); a visible loading skeleton in its place.
- `pdf2html`: a fact sheet converted from PDF (pdf2htmlEX style): every text
  line an absolutely positioned `<div>`, labels and values in separate
  columns, word gaps as empty spans, long items wrapped over two lines, running
  page headers and footers ("Page 1 of 2").
"""

from __future__ import annotations

import json
import random
import textwrap
from dataclasses import replace
from html import escape

from tests.corpus import wording as w
from tests.corpus.items import Item, PayBlock, growth_items, pay_block, scalar_items
from tests.corpus.layouts import Ctx, Layout, Rendered, _footnote, _lists, _related, _title
from tests.corpus.markup import breadcrumb, document, e
from tests.corpus.model import Facts

__all__ = ["HELD_OUT_6"]


def _shown(f: Facts, category: str | None) -> Facts:
    return f if category is not None else f.without("category")


def _items(
    ctx: Ctx, placements: tuple[str, ...], *, category: bool = False
) -> tuple[PayBlock, list[Item]]:
    f, rng = ctx.facts, ctx.rng
    block = pay_block(rng, f, placements=placements)
    return block, [*block.items, *growth_items(rng, f), *scalar_items(rng, f, category=category)]


def _kinds(f: Facts) -> list[tuple[str, tuple[str, ...]]]:
    out = [
        ("duties", f.duties),
        ("technical", f.skills.technical),
        ("people", f.skills.people),
        ("tools", f.skills.tools),
    ]
    return [(k, v) for k, v in out if v]


def _plain(value: str) -> str:
    """An item value for places where only text goes (star markup becomes its words)."""
    if "aria-label=" in value:
        start = value.index('aria-label="') + len('aria-label="')
        return value[start : value.index('"', start)]
    return value


def _decoy_pay(rng: random.Random, f: Facts, factor: float) -> str:
    s = f.salary
    assert s is not None
    pay = s.published()
    if factor < 1:
        base = pay.low or pay.median or pay.high or 50_000.0
    else:
        base = pay.high or pay.median or pay.low or 50_000.0
    x = base * factor
    x = round(x, 2) if pay.period == "hour" else float(round(x, -2))
    return (
        w.money(x, replace(s, floor=False), f.locale, pay.period)
        + " "
        + w.period_words(rng, pay.period).lstrip("/")
    )


# --- legacy: nested layout tables, FONT and CENTER ------------------------------------------------


def legacy(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    show_cat = f.category is not None and rng.random() < 0.6
    block, items = _items(ctx, ("value", "label", "note", "footnote"), category=show_cat)
    bg = rng.choice(("#CCCCCC", "#E0E0E0", "#FFFFCC", "#D6E3F0"))
    spacer = '<IMG SRC=/images/spacer.gif WIDTH=1 HEIGHT=8 ALT="">'
    rows = []
    for it in items:
        note = f" <I>{e(it.note)}</I>" if it.note else ""
        if it.prose:
            rows.append(
                f"<TR><TD COLSPAN=2><FONT FACE=Arial SIZE=2><B>{e(it.label)}:</B><BR>"
                f"{it.value}</FONT></TD></TR>"
            )
            continue
        rows.append(
            f"<TR><TD BGCOLOR={bg} WIDTH=180 VALIGN=TOP><FONT FACE=Arial SIZE=2><B>"
            f"{e(it.label)}:</B></FONT></TD><TD VALIGN=TOP><FONT FACE=Arial SIZE=2>"
            f"{it.value}{note}</FONT></TD></TR>"
        )
    if block.footnote:
        rows.append(f"<TR><TD COLSPAN=2><FONT SIZE=1>{e(block.footnote)}</FONT></TD></TR>")
    facts = "<TABLE WIDTH=100% BORDER=1 CELLPADDING=3 CELLSPACING=0>" + "".join(rows) + "</TABLE>"
    lists = []
    bullet = rng.choice(("&#149; ", "- ", "* ", ""))
    for kind, values in _kinds(f):
        lines = "<BR>".join(f"{bullet}{e(x)}" for x in values)
        lists.append(
            f"<P><FONT FACE=Arial SIZE=3 COLOR=#003366><B>{e(w.label(rng, kind, loc).upper())}"
            f"</B></FONT><BR>{spacer}<BR><FONT FACE=Arial SIZE=2>{lines}</FONT></P>"
        )
    hits = rng.randint(1000, 99999)
    updated = f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(1999, 2006)}"
    left = (
        "<TD WIDTH=150 VALIGN=TOP BGCOLOR=#003366><FONT COLOR=WHITE SIZE=2>"
        "<A HREF=/index.htm><FONT COLOR=WHITE>Home</FONT></A><BR>"
        "<A HREF=/occupations/index.htm><FONT COLOR=WHITE>Occupations A-Z</FONT></A><BR>"
        "<A HREF=/wages.htm><FONT COLOR=WHITE>Wage Survey 2004</FONT></A><BR>"
        f"{spacer}</FONT></TD>"
    )
    shout = f.title.upper() if rng.random() < 0.5 else f.title
    right = (
        "<TD VALIGN=TOP>"
        f"<CENTER><FONT FACE=Arial SIZE=+2><B>{e(shout)}"
        f"</B></FONT></CENTER>{spacer}<BR>"
        f"<FONT FACE=Arial SIZE=2>{e(f.summary)}</FONT><P>"
        f"{facts}{spacer}{''.join(lists)}"
        "<HR SIZE=1 NOSHADE><CENTER><FONT SIZE=1>You are visitor number "
        f"<B>{hits:06d}</B> | Last updated: {updated} | Best viewed in Netscape 4 at "
        "800x600</FONT></CENTER></TD>"
    )
    body = (
        "<TABLE WIDTH=760 BORDER=0 CELLPADDING=0 CELLSPACING=0 ALIGN=CENTER><TR>"
        f'<TD COLSPAN=2><IMG SRC=/images/banner.gif WIDTH=760 HEIGHT=80 ALT="{e(ctx.site)}">'
        f"</TD></TR><TR>{left}<TD>{spacer}</TD>{right}</TR></TABLE>"
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    shown = f if show_cat else f.without("category")
    return Rendered(f"/lmi/occ/{ctx.number:05d}.HTM", html, shown)


# --- amp: accordion sections, amp-state JSON -----------------------------------------------------


def amp(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    block, items = _items(ctx, ("value", "label", "note"))
    state: dict[str, object] = {}
    rows = []
    for i, it in enumerate(items):
        key = f"f{i}"
        text = _plain(it.value)
        state[key] = {"label": it.label, "value": text, "note": it.note}
        note = f" <small>{e(it.note)}</small>" if it.note else ""
        if it.prose:
            rows.append(f'<p [text]="career.{key}.value">{it.value}</p>')
        else:
            rows.append(
                f"<div{m.cls('fact')}><span>{e(it.label)}</span> "
                f'<strong [text]="career.{key}.value">{it.value}</strong>{note}</div>'
            )
    state_json = json.dumps(state, ensure_ascii=False).replace("</", "<\\/")
    sections = [
        f"<section expanded><h2>{e(rng.choice(('Key facts', 'At a glance', 'Pay and outlook')))}"
        f"</h2><div>{''.join(rows)}{_footnote(ctx, block)}</div></section>"
    ]
    for kind, values in _kinds(f):
        heading = w.label(rng, kind, loc)
        if kind in {"technical", "people"} and rng.random() < 0.5:
            slides = [f'<div class="slide">{e(x)}</div>' for x in values]
            # a looping carousel repeats its first and last slides
            carousel = (
                '<amp-carousel type="slides" loop width="400" height="60" layout="responsive">'
                + f'<div class="slide" aria-hidden="true">{e(values[-1])}</div>'
                + "".join(slides)
                + f'<div class="slide" aria-hidden="true">{e(values[0])}</div>'
                + "</amp-carousel>"
            )
            sections.append(f"<section><h2>{e(heading)}</h2><div>{carousel}</div></section>")
        else:
            sections.append(
                f"<section><h2>{e(heading)}</h2><div>{m.list_of(values, kind, kind='ul')}"
                "</div></section>"
            )
    related = (
        '<amp-list width="auto" height="120" layout="fixed-height" '
        f'src="/amp/related.json?occ={e(f.slug)}"><template type="amp-mustache">'
        '<div class="card"><a href="{{url}}">{{title}}</a> <span>{{salary}}</span></div>'
        "</template><div fallback>Related careers could not be loaded.</div></amp-list>"
    )
    crumbs, category = breadcrumb(m, f)
    h1, _ = _title(ctx)
    body = (
        '<amp-state id="career"><script type="application/json">'
        + state_json
        + "</script></amp-state>"
        + crumbs
        + f'<amp-img src="/img/careers/{e(f.slug)}.jpg" width="800" height="400" '
        f'layout="responsive" alt="{e(f.title)} at work"></amp-img>'
        + f"<h1>{e(h1)}</h1><p>{e(f.summary)}</p>"
        + '<amp-accordion animate expand-single-section="false">'
        + "".join(sections)
        + "</amp-accordion>"
        + related
    )
    head = (
        '<script async src="https://cdn.ampproject.org/v0.js"></script>'
        '<script async custom-element="amp-accordion" '
        'src="https://cdn.ampproject.org/v0/amp-accordion-0.1.js"></script>'
        "<style amp-boilerplate>body{visibility:hidden}</style>"
        f'<link rel="canonical" href="/careers/{e(f.slug)}">'
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary, head_extra=head)
    html = html.replace("<html", "<html amp", 1)
    return Rendered(f"/amp/careers/{f.slug}", html, _shown(f, category))


# --- ladder: levels of one career, each with pay and duties ---------------------------------------

_RUNGS = (
    ("Trainee", "Qualified", "Senior"),
    ("Apprentice", "Qualified", "Lead"),
    ("Entry level", "Experienced", "Senior"),
    ("Graduate", "Intermediate", "Senior"),
)


def ladder(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    t = f.title
    block, items = _items(ctx, ("value",))
    pay_items = [it for it in items if it.kind == "pay"]
    other = [it for it in items if it.kind != "pay"]
    first, mid, top = rng.choice(_RUNGS)
    summary = ""
    if pay_items:
        parts = "; ".join(f"{e(it.label.lower())} {it.value}" for it in pay_items)
        summary = f"<p{m.cls('pay-summary')}><strong>Pay for {e(t.lower())}s:</strong> {parts}.</p>"
    duties = list(f.duties)
    cut1, cut2 = len(duties) // 3, 2 * len(duties) // 3
    groups = [duties[:cut1], duties[cut1:cut2], duties[cut2:]]
    rungs = []
    s = f.salary
    for i, (name, group) in enumerate(zip((first, mid, top), groups, strict=True)):
        pay_line = ""
        if s is not None and i == 0:
            pay_line = (
                f"<p{m.cls('rung-pay')}>Training rate: {e(_decoy_pay(rng, f, 0.55))} "
                "while you train</p>"
            )
        if s is not None and i > 0:
            pay = s.published()
            amount = pay.low if i == 1 else pay.high
            if amount is not None and not pay.percentiles:
                per = w.period_words(rng, pay.period).lstrip("/")
                pay_line = (
                    f"<p{m.cls('rung-pay')}>{'From' if i == 1 else 'Up to'} "
                    f"{e(w.money(amount, replace(s, floor=False), f.locale, pay.period))} {per}"
                    "</p>"
                )
        years = ("0-2 years", "2-5 years", "5+ years")[i]
        tasks = "".join(f"<li>{e(d)}</li>" for d in group)
        rungs.append(
            f"<li{m.cls('rung')}><h3>{e(name)} {e(t.lower())}</h3>"
            f"<p{m.cls('rung-years')}>{years} experience</p>{pay_line}"
            + (f"<p>At this level you will:</p><ul>{tasks}</ul>" if tasks else "")
            + "</li>"
        )
    next_step = ""
    if s is not None:
        next_step = (
            f"<div{m.cls('next-step')}><h3>Next step: {e(t)} manager</h3><p>Managers "
            f"typically earn {e(_decoy_pay(rng, f, 1.6))}. See the manager profile for "
            "details.</p></div>"
        )
    facts = "".join(
        f"<p>{it.value}</p>" if it.prose else f"<p><strong>{e(it.label)}:</strong> {it.value}</p>"
        for it in other
    )
    skills = [x for x in _lists(ctx) if x]
    # _lists would repeat the duties: keep only the skill sections
    skills = skills[1:] if f.duties else skills
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + f"<h1>{e(t)}: career path</h1><p>{e(f.summary)}</p>"
        + summary
        + _footnote(ctx, block)
        + f"<section{m.cls('ladder')}><h2>How you progress</h2><ol>{''.join(rungs)}</ol>"
        + next_step
        + "</section>"
        + f"<section>{m.heading(rng.choice(('About the job', 'Job facts')), 2)}{facts}</section>"
        + "".join(skills)
        + _related(ctx, "Pay")
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/career-paths/{f.slug}", html, _shown(f, category))


# --- responsive: a desktop table and a mobile card list ------------------------------------------


def _national(rng: random.Random, f: Facts, it: Item) -> str:
    if it.kind == "pay" and f.salary is not None:
        return _decoy_pay(rng, f, rng.uniform(0.75, 0.95))
    if it.kind == "workers":
        return f"{rng.randint(10, 30) * 1_000_000:,}"
    if it.kind == "growth":
        return f"{rng.randint(2, 5)}%"
    return "—"


def responsive(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    block, items = _items(ctx, ("value", "label"))
    s = f.salary
    f2 = f
    if s is not None:
        alt_style = rng.choice(("K", "k", "plain", "comma"))
        f2 = replace(f, salary=replace(s, number_style=alt_style))
    block2, items2 = _items(replace(ctx, facts=f2), ("value", "note"))
    rows = []
    for it in items:
        if it.prose:
            rows.append(f'<tr><td colspan="3">{it.value}</td></tr>')
            continue
        rows.append(
            f'<tr><th scope="row">{e(it.label)}</th><td>{it.value}</td>'
            f"<td>{e(_national(rng, f, it))}</td></tr>"
        )
    table = (
        f"<table{m.cls('facts-table')}><thead><tr><th></th><th>{e(f.title)}</th>"
        f"<th>National average (all jobs)</th></tr></thead><tbody>{''.join(rows)}</tbody>"
        f"</table>{_footnote(ctx, block)}"
    )
    cards = []
    for it in items2:
        note = f" <span>{e(it.note)}</span>" if it.note else ""
        if it.prose:
            cards.append(f'<div class="card"><p>{it.value}</p></div>')
        else:
            cards.append(
                f'<div class="card"><div class="card-title">{e(it.label)}</div>'
                f'<div class="card-value">{it.value}{note}</div></div>'
            )
    card_html = "".join(cards) + _footnote(ctx, block2)
    hide = rng.randrange(3)
    if hide == 0:
        desktop = f'<div class="d-none d-md-block">{table}</div>'
        mobile = f'<div class="d-md-none" aria-hidden="true">{card_html}</div>'
    elif hide == 1:
        desktop = f'<div class="desktop-only">{table}</div>'
        mobile = f'<div class="mobile-only" hidden>{card_html}</div>'
    else:
        desktop = f'<div class="hidden-xs" aria-hidden="true">{table}</div>'
        mobile = f'<div class="visible-xs">{card_html}</div>'
    parts = [desktop, mobile] if rng.random() < 0.5 else [mobile, desktop]
    crumbs, category = breadcrumb(m, f)
    h1, _ = _title(ctx)
    body = (
        crumbs
        + f"<h1>{e(h1)}</h1><p>{e(f.summary)}</p>"
        + f"<section{m.cls('key-facts')}>{m.heading('Key facts', 2)}{''.join(parts)}</section>"
        + "".join(_lists(ctx))
        + _related(ctx, block.items[0].label if block.items else "Salary")
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/job-profiles/{f.slug}/", html, _shown(f, category))


# --- infobox: a wiki article ---------------------------------------------------------------------


def infobox(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    block = pay_block(rng, f, placements=("value", "label"))
    kind = rng.choice(("Profession", "Trade", "Vocation"))
    rows = [
        f'<tr><th colspan="2" class="infobox-above">{e(t)}</th></tr>',
        f'<tr><td colspan="2" class="infobox-image"><img src="/media/{e(f.slug)}.jpg" '
        f'alt="" width="220"><div class="infobox-caption">A {e(t.lower())} at work</div>'
        "</td></tr>",
        '<tr><th colspan="2" class="infobox-header">Occupation</th></tr>',
        f'<tr><th scope="row">Occupation type</th><td>{kind}</td></tr>',
    ]
    show_cat = f.category is not None and rng.random() < 0.7
    if show_cat and f.category:
        rows.append(f'<tr><th scope="row">Activity sectors</th><td>{e(f.category)}</td></tr>')
    if f.skills.people:
        comp = "<br>".join(e(x) for x in f.skills.people)
        rows.append(f'<tr><th scope="row">Competencies</th><td>{comp}</td></tr>')
    if f.education:
        rows.append(f'<tr><th scope="row">Education required</th><td>{e(f.education[0])}</td></tr>')
    rel = ", ".join(f'<a href="/wiki/{e(x.replace(" ", "_"))}">{e(x)}</a>' for x in ctx.related[:3])
    rows.append(f'<tr><th scope="row">Related jobs</th><td>{rel}</td></tr>')
    for it in block.items:
        rows.append(
            f'<tr><th scope="row">{e(it.label)}</th><td>{it.value}<sup class="reference">'
            '<a href="#cite-1">[1]</a></sup></td></tr>'
        )
    box = f'<table class="infobox vcard">{"".join(rows)}</table>'
    ref_n = 2
    paras = []
    gs = growth_items(rng, f)
    sc = [x for x in scalar_items(rng, f) if x.kind in {"workers", "environment"}]
    for it in [*gs, *sc]:
        paras.append(
            f"<p>{it.value}</p>"
            if it.prose
            else f'<p><b>{e(it.label)}:</b> {it.value}<sup class="reference">'
            f'<a href="#cite-{ref_n}">[{ref_n}]</a></sup></p>'
        )
        ref_n += 1
    sections = [
        f'<h2><span class="mw-headline" id="Outlook">Employment and outlook</span>'
        f'<span class="mw-editsection">[<a href="?action=edit&amp;section=2">edit</a>]'
        f"</span></h2>{''.join(paras)}"
    ]
    for kind, values in _kinds(f):
        if kind == "people":
            continue
        head = w.label(rng, kind, loc)
        sections.append(
            f'<h2><span class="mw-headline">{e(head)}</span><span class="mw-editsection">'
            f'[<a href="?action=edit">edit</a>]</span></h2>'
            f"<ul>{''.join(f'<li>{e(x)}</li>' for x in values)}</ul>"
        )
    year = rng.randint(2019, 2024)
    refs = "".join(
        f'<li id="cite-{i}"><cite>"Occupational profile {i}". Labour Market Survey {year - i}. '
        f"pp. {rng.randint(10, 300)}–{rng.randint(301, 600)}. Retrieved {rng.randint(1, 28)} "
        f"March {year + 1}.</cite></li>"
        for i in range(1, ref_n)
    )
    crumbs, category = "", None
    body = (
        f'<h1 id="firstHeading" class="firstHeading">{e(t)}</h1>'
        '<div id="siteSub">From the free careers encyclopedia</div>'
        f'<div class="mw-parser-output">{box}'
        f"<p>A <b>{e(t.lower())}</b> is a worker in the occupation described here. "
        f'{e(f.summary)}<sup class="reference"><a href="#cite-1">[1]</a></sup></p>'
        + _footnote(ctx, block)
        + "".join(sections)
        + f'<h2><span class="mw-headline" id="References">References</span></h2>'
        f'<ol class="references">{refs}</ol>'
        f'<div class="catlinks">Categories: <a href="/wiki/Category:Occupations">Occupations'
        "</a></div></div>"
    )
    _ = crumbs, category
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    shown = f if show_cat else f.without("category")
    return Rendered(f"/wiki/{t.replace(' ', '_')}", html, shown)


# --- docs: MkDocs Material or Docusaurus ---------------------------------------------------------


def _anchor(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def docs(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    mk = rng.random() < 0.5
    block, items = _items(ctx, ("value", "label", "note"))
    pay_items = [it for it in items if it.kind == "pay"]
    other = [it for it in items if it.kind != "pay"]

    def h(text: str, level: int = 2) -> str:
        a = _anchor(text)
        link = (
            f'<a class="headerlink" href="#{a}" title="Permanent link">¶</a>'
            if mk
            else f'<a href="#{a}" class="hash-link" aria-label="Direct link to {e(text)}" '
            f'title="Direct link to {e(text)}">\u200b</a>'
        )
        cls = "" if mk else ' class="anchor anchorWithStickyNavbar"'
        return f'<h{level} id="{a}"{cls}>{e(text)}{link}</h{level}>'

    def admonition(title: str, inner: str) -> str:
        if mk:
            return (
                f'<div class="admonition note"><p class="admonition-title">{e(title)}</p>'
                f"{inner}</div>"
            )
        return (
            '<div class="theme-admonition theme-admonition-info alert alert--info">'
            f'<div class="admonitionHeading"><span class="admonitionIcon"></span>{e(title)}'
            f'</div><div class="admonitionContent">{inner}</div></div>'
        )

    headings: list[str] = []
    parts = []
    if pay_items:
        headings.append("Pay")
        lines = "".join(
            f"<li><strong>{e(it.label)}</strong>: {it.value}"
            + (f" {e(it.note)}" if it.note else "")
            + "</li>"
            for it in pay_items
        )
        inner = f"<ul>{lines}</ul>" + (f"<p>{e(block.footnote)}</p>" if block.footnote else "")
        parts.append(h("Pay") + admonition(rng.choice(("Pay", "Note", "Earnings")), inner))
    if other:
        headings.append("Key facts")
        rows = "".join(
            f'<tr><td colspan="2">{it.value}</td></tr>'
            if it.prose
            else f"<tr><td>{e(it.label)}</td><td>{it.value}"
            + (f" {e(it.note)}" if it.note else "")
            + "</td></tr>"
            for it in other
        )
        parts.append(
            h("Key facts")
            + "<table><thead><tr><th>Measure</th><th>Value</th></tr></thead>"
            + f"<tbody>{rows}</tbody></table>"
        )
    for kind, values in _kinds(f):
        head = w.label(rng, kind, loc)
        headings.append(head)
        lis = "".join(f"<li>{e(x)}</li>" for x in values)
        parts.append(h(head) + (f"<ol>{lis}</ol>" if kind == "duties" else f"<ul>{lis}</ul>"))
    toc = "".join(f'<li><a href="#{_anchor(x)}">{e(x)}</a></li>' for x in headings)
    version = f"v{rng.randint(1, 4)}.{rng.randint(0, 9)}"
    crumbs, category = breadcrumb(m, f)
    if mk:
        body = (
            f'<div class="md-container"><nav class="md-nav md-nav--secondary" aria-label="Table '
            f'of contents"><label class="md-nav__title">Table of contents</label><ul>{toc}</ul>'
            f'</nav><article class="md-content__inner md-typeset">{crumbs}'
            f"<h1>{e(f.title)}</h1><p>{e(f.summary)}</p>{''.join(parts)}"
            f'<aside class="md-source-file">Last update: {rng.randint(1, 28)} '
            f"{rng.choice(('January', 'June', 'October'))} 2025 · {version}</aside>"
            "</article></div>"
        )
    else:
        body = (
            f'<div class="docMainContainer"><article>{crumbs}<div class="markdown">'
            f"<header><h1>{e(f.title)}</h1></header><p>{e(f.summary)}</p>{''.join(parts)}"
            f'</div><footer><a href="https://github.com/example/careers/edit/main/docs/'
            f'{e(f.slug)}.md">Edit this page</a> · Last updated on '
            f"{rng.randint(1, 28)} Feb 2025</footer></article>"
            f'<div class="tableOfContents"><ul class="table-of-contents">{toc}</ul></div>'
            f'<div class="navbar__items">Version: {version}</div></div>'
        )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/docs/occupations/{f.slug}/", html, _shown(f, category))


# --- deferred: template, noscript, iframe srcdoc -------------------------------------------------


def deferred(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    rows = "".join(
        f"<dt>{e(it.label)}</dt><dd>{it.value}" + (f" {e(it.note)}" if it.note else "") + "</dd>"
        for it in items
        if not it.prose
    )
    prose = "".join(f"<h3>{e(it.label)}</h3><p>{it.value}</p>" for it in items if it.prose)
    content = (
        f"<h2>{e(rng.choice(('Key facts', 'At a glance')))}</h2><dl>{rows}</dl>{prose}"
        + _footnote(ctx, block)
        + "".join(_lists(ctx))
    )
    skeleton = (
        f'<div{m.cls("skeleton")} aria-busy="true"><div class="skeleton-line w-75"></div>'
        '<div class="skeleton-line w-50"></div><div class="skeleton-line w-60"></div>'
        "<p>Loading career information…</p></div>"
    )
    form = rng.randrange(3)
    if form == 0:
        shipped = (
            f'<div id="career-root">{skeleton}</div><template id="career-content">{content}'
            "</template><script>const t=document.getElementById('career-content');"
            "document.getElementById('career-root').replaceChildren(t.content.cloneNode(true));"
            "</script>"
        )
    elif form == 1:
        shipped = (
            f'<div id="career-root" data-src="/api/careers/{e(f.slug)}">{skeleton}</div>'
            f"<noscript>{content}</noscript>"
        )
    else:
        doc = f"<!DOCTYPE html><html><body>{content}</body></html>"
        shipped = (
            f'{skeleton}<iframe title="Career details" srcdoc="{escape(doc, quote=True)}" '
            'style="width:100%;border:0" loading="lazy"></iframe>'
        )
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + f"<h1>{e(f.title)}</h1><p>{e(f.summary)}</p>"
        + shipped
        + _related(ctx, block.items[0].label if block.items else "Salary")
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/explore/{f.slug}?view=full", html, _shown(f, category))


# --- pdf2html: a converted PDF fact sheet --------------------------------------------------------


class _Sheet:
    """pdf2htmlEX-like positioned lines, paged every `per_page` lines."""

    def __init__(self, site: str, title: str, per_page: int = 34) -> None:
        self.pages: list[list[str]] = [[]]
        self.y = 0
        self.per_page = per_page
        self.site, self.title = site, title

    def line(self, text: str, x: int = 1, ff: int = 2, fs: int = 1) -> None:
        if len(self.pages[-1]) >= self.per_page:
            self.pages.append([])
        self.y = len(self.pages[-1]) + 3
        self.pages[-1].append(
            f'<div class="t m0 x{x} h{fs} y{self.y} ff{ff} fs{fs} fc0 sc0 ls0 ws0">{text}</div>'
        )

    def html(self) -> str:
        n = len(self.pages)
        out = []
        for i, lines in enumerate(self.pages, 1):
            head = (
                f'<div class="t m0 x1 h0 y1 ff1 fs0 fc1 sc0 ls0 ws0">{e(self.site)} — '
                f"Occupation fact sheet</div>"
            )
            foot = (
                f'<div class="t m0 x9 h0 y90 ff1 fs0 fc1 sc0 ls0 ws0">Page {i} of {n} · '
                f"{e(self.title)}</div>"
            )
            out.append(
                f'<div id="pf{i:x}" class="pf w0 h0" data-page-no="{i:x}"><div class="pc pc{i:x} '
                f'w0 h0"><img class="bi x0 y0 w1 h1" alt="" src="bg{i:x}.png">{head}'
                f"{''.join(lines)}{foot}</div></div>"
            )
        return f'<div id="page-container">{"".join(out)}</div>'


def _gaps(text: str) -> str:
    """Words (plain text) joined by pdf2htmlEX's spacing spans."""
    return _gaps_html(e(text))


def _gaps_html(text: str) -> str:
    words = text.split(" ")
    return '<span class="_ _0"> </span>'.join(words)


def pdf2html(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc = f.locale
    show_cat = f.category is not None and rng.random() < 0.5
    block, items = _items(ctx, ("value", "label", "footnote"), category=show_cat)
    sheet = _Sheet(ctx.site, f.title, per_page=rng.choice((28, 34, 40)))
    sheet.line(_gaps(f.title), ff=3, fs=3)
    for chunk in textwrap.wrap(f.summary, 90):
        sheet.line(_gaps(chunk))
    sheet.line(_gaps(rng.choice(("Key facts", "At a glance", "Facts and figures"))), ff=3, fs=2)
    for it in items:
        if it.prose:
            sheet.line(_gaps(it.label), ff=3)
            for chunk in textwrap.wrap(it.value, 90):
                sheet.line(chunk)
            continue
        note = f" {e(it.note)}" if it.note else ""
        value = it.value if "<" in it.value else _gaps_html(it.value)
        sheet.line(_gaps(it.label))
        # the value sits in the right-hand column, on the label's baseline
        sheet.pages[-1][-1] += (
            f'<div class="t m0 x5 h1 y{sheet.y} ff2 fs1 fc0 sc0 ls0 ws0">{value}{note}</div>'
        )
    if block.footnote:
        sheet.line(_gaps(block.footnote), fs=0)
    code = f"{ctx.number + 1000}"
    sheet.line(_gaps(f"Sheet {code} · Printed 2025 · Copies 1"), fs=0)
    for kind, values in _kinds(f):
        sheet.line(_gaps(w.label(rng, kind, loc)), ff=3, fs=2)
        for x in values:
            chunks = textwrap.wrap(x, rng.choice((40, 60, 80)))
            sheet.line("• " + _gaps(chunks[0]), x=2)
            for c in chunks[1:]:
                sheet.line(_gaps(c), x=3)
    head = (
        "<style>.pf{position:relative;background:#fff}.t{position:absolute;white-space:pre}"
        "._{display:inline-block}</style>"
        '<meta name="generator" content="pdf2htmlEX">'
    )
    body = sheet.html()
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary, head_extra=head)
    shown = f if show_cat else f.without("category")
    return Rendered(f"/factsheets/{f.slug}.pdf.html", html, shown)


HELD_OUT_6: tuple[Layout, ...] = (
    Layout("legacy", legacy, ("US", "CA", "AU", "UK", "NZ"), "State Occupational Info", tools=True),
    Layout("amp", amp, ("UK", "US", "AU", "NZ", "CA"), "Careers AMP"),
    Layout("ladder", ladder, ("UK", "AU", "NZ", "CA", "US"), "Career Pathways", tools=True),
    Layout(
        "responsive", responsive, ("US", "UK", "CA", "AU", "NZ"), "JobSearch Mobile", tools=True
    ),
    Layout("infobox", infobox, ("US", "UK", "CA", "AU", "NZ"), "CareerPedia"),
    Layout("docs", docs, ("CA", "US", "NZ", "AU", "UK"), "Careers Handbook Docs", tools=True),
    Layout("deferred", deferred, ("AU", "NZ", "US", "UK", "CA"), "Careers Live", tools=True),
    Layout("pdf2html", pdf2html, ("AU", "NZ", "UK", "CA", "US"), "Skills Fact Sheets", tools=True),
)
