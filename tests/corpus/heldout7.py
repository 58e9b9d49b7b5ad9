"""Held-out round 7: written after round 6 was fixed, scored on first contact.

Eight kinds of page the earlier rounds do not have, each after a kind of public
career site in the US, UK, Canada, Australia or New Zealand:

- `chat`: a careers-service chatbot transcript ("Ask Sam"): user questions and
  bot answers with timestamps, each fact in an answer sentence, lists in the
  bot's bubbles, the user's own pay ("I'm on $X at the moment") as a decoy.
- `abbr`: a statistics-office table whose row headers are abbreviations in
  `<abbr title>` ("Med. sal." for "Median salary"), beside an "All occs."
  column of decoy figures.
- `regionselect`: a "choose your region" page: the pay figures written in the
  `<option>` texts of a `<select>`, one option per region, the national (or
  country-wide) option `selected`; the other options are decoys.
- `newsletter`: a "career of the week" e-mail rendered in a browser: nested
  layout tables with inline styles, preheader text, a job-alert count, a list
  of latest vacancies with their own pay, an unsubscribe footer.
- `stepper`: a "how to become one" timeline: numbered steps ("Step 2 of 5"),
  each with a duration, the facts in the step captions (education in the
  first step, pay in the "start earning" step, the outlook in the last).
- `calculator`: a prefilled pay calculator form: each fact an
  `<input readonly value=...>` or `<textarea readonly>` tied to its `<label
  for>`, an hours-per-week input and an `<output>` take-home estimate as decoys.
- `grid`: a sortable data grid (`role="grid"`, `aria-rowindex`, `aria-sort`)
  of the occupations in a group, the page's own one a row among the others
  marked with `aria-current`, `aria-selected` or a class; the other rows' pay,
  growth and worker counts are decoys.
- `metacard`: a client-rendered skeleton whose facts are only in share-card
  meta tags (`twitter:label1`/`twitter:data1`, ..., `og:description`,
  `article:section`); no duties or skills on the page.
"""

from __future__ import annotations

import random

from tests.corpus import wording as w
from tests.corpus.heldout6 import _decoy_pay, _items, _kinds, _plain, _shown
from tests.corpus.items import Item, others_pay
from tests.corpus.layouts import Ctx, Layout, Rendered, _footnote, _lists, _related, _title
from tests.corpus.markup import breadcrumb, document, e
from tests.corpus.model import Facts

__all__ = ["HELD_OUT_7"]


def _note(it: Item) -> str:
    return f" {e(it.note)}" if it.note else ""


def _decoy(rng: random.Random, f: Facts, it: Item) -> str:
    """A figure of the same kind that is not this page's fact."""
    if it.kind == "pay" and f.salary is not None:
        return _decoy_pay(rng, f, rng.uniform(0.7, 0.9))
    if it.kind == "workers":
        return f"{rng.randint(10, 30) * 1_000_000:,}"
    if it.kind == "growth":
        return f"{rng.randint(2, 5)}%"
    return "—"


# --- chat: a chatbot transcript ------------------------------------------------------------------


def chat(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    bot = rng.choice(("Sam", "Kiri", "Alex", "CareerBot"))
    block, items = _items(ctx, ("value", "note", "footnote"))
    hour, minute = rng.randint(8, 20), rng.randint(0, 40)
    msgs: list[str] = []

    def say(who: str, html: str) -> None:
        nonlocal minute
        minute += rng.randint(0, 2)
        stamp = f"{hour:02d}:{minute:02d}"
        role = "bot" if who == bot else "user"
        msgs.append(
            f'<li class="msg msg--{role}"><span class="msg-author">{e(who)}</span>'
            f'<time datetime="2025-05-14T{stamp}">{stamp}</time>'
            f'<div class="msg-bubble">{html}</div></li>'
        )

    say(bot, f"<p>Hi! I'm {e(bot)}, your careers assistant. What would you like to know?</p>")
    say("You", f"<p>Tell me about being a {e(t.lower())}.</p>")
    say(bot, f"<p>{e(f.summary)}</p>")
    pay = [it for it in items if it.kind == "pay"]
    if pay:
        mine = _decoy_pay(rng, f, 0.6)
        say("You", f"<p>How much do they earn? I'm on {e(mine)} at the moment.</p>")
        lines = "".join(f"<li>{e(it.label)}: {it.value}{_note(it)}</li>" for it in pay)
        extra = f"<p>{e(block.footnote)}</p>" if block.footnote else ""
        say(bot, f"<p>Here's what {e(t.lower())}s earn:</p><ul>{lines}</ul>{extra}")
    for it in items:
        if it.kind == "pay":
            continue
        ask = {
            "growth": "Are there going to be more jobs?",
            "outlook": "What are the job prospects like?",
            "workers": "How many people do this job?",
            "education": "What qualifications do I need?",
            "environment": "Where would I work?",
        }.get(it.kind, "What else should I know?")
        say("You", f"<p>{ask}</p>")
        if it.prose:
            say(bot, f"<p>{it.value}</p>")
        else:
            say(bot, f"<p>{e(it.label)}: {it.value}{_note(it)}</p>")
    asks = {
        "duties": "What would I do day to day?",
        "technical": "What skills do I need?",
        "people": "What personal qualities help?",
        "tools": "What tools would I use?",
    }
    for kind, values in _kinds(f):
        say("You", f"<p>{asks[kind]}</p>")
        lis = "".join(f"<li>{e(x)}</li>" for x in values)
        say(bot, f"<p>{e(w.label(rng, kind, loc))}:</p><ul>{lis}</ul>")
    say("You", "<p>Thanks!</p>")
    say(
        bot,
        f"<p>You're welcome. Was this helpful? Call us on 0800 {rng.randint(100, 999)} "
        f"{rng.randint(100, 999)} or rate this chat 1-5.</p>",
    )
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + f"<h1>{e(rng.choice(('Ask', 'Chat with')))} {e(bot)}: {e(t)}</h1>"
        + '<section class="chat" aria-label="Conversation" aria-live="polite"><ol>'
        + "".join(msgs)
        + "</ol></section>"
        + '<form class="chat-input"><label for="q">Type your question</label>'
        '<input id="q" type="text" placeholder="e.g. How much does a nurse earn?">'
        "<button>Send</button></form>"
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/ask/{f.slug}/transcript", html, _shown(f, category))


# --- abbr: abbreviated row headers ---------------------------------------------------------------


def _abbrev(label: str) -> str:
    out = []
    for word in label.split(" "):
        core = word.strip("(),")
        if len(core) > 4 and core.isalpha():
            cut = 3 if core[2].lower() not in "aeiou" else 4
            word = word.replace(core, core[:cut] + ".")
        out.append(word)
    return " ".join(out)


def abbr(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    show_cat = f.category is not None and rng.random() < 0.5
    block, items = _items(ctx, ("value", "label", "note", "footnote"), category=show_cat)
    rows = []
    prose = []
    for it in items:
        if it.prose:
            prose.append(f"<p>{it.value}</p>")
            continue
        head = f'<abbr title="{e(it.label)}">{e(_abbrev(it.label))}</abbr>'
        rows.append(
            f'<tr><th scope="row">{head}</th><td>{it.value}{_note(it)}</td>'
            f"<td>{e(_decoy(rng, f, it))}</td></tr>"
        )
    occ = rng.choice(("Occ.", "This occ.", "Occupation"))
    table = (
        f"<table{m.cls('stats')}><caption>{e(rng.choice(('Summary', 'Quick facts')))}: "
        f'{e(f.title)}</caption><thead><tr><th scope="col"><abbr title="Measure">Meas.'
        f'</abbr></th><th scope="col"><abbr title="This occupation">{occ}</abbr></th>'
        '<th scope="col"><abbr title="All occupations">All occs.</abbr></th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    source = (
        f"<p{m.cls('source')}><small>Source: Occupational Employment and Wage "
        f'<abbr title="Statistics">Stats.</abbr>, {rng.randint(2022, 2024)} release, '
        f"table {rng.randint(1, 40)}.</small></p>"
    )
    crumbs, category = breadcrumb(m, f)
    if show_cat:
        category = f.category
    h1, _ = _title(ctx)
    body = (
        crumbs
        + f"<h1>{e(h1)}</h1><p>{e(f.summary)}</p>"
        + table
        + _footnote(ctx, block)
        + source
        + "".join(prose)
        + "".join(_lists(ctx))
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/ooh/{f.slug}.htm", html, _shown(f, category))


# --- regionselect: pay in <option> texts ----------------------------------------------------------

_REGIONS = {
    "US": ("National", ("California", "Texas", "New York", "Ohio")),
    "UK": ("UK-wide", ("London", "Scotland", "Wales", "North West")),
    "CA": ("Canada", ("Ontario", "Quebec", "British Columbia", "Alberta")),
    "AU": ("Australia", ("New South Wales", "Victoria", "Queensland", "Tasmania")),
    "NZ": ("All of New Zealand", ("Auckland", "Wellington", "Canterbury", "Otago")),
}


def regionselect(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    block, items = _items(ctx, ("value", "label"))
    pay = [it for it in items if it.kind == "pay"]
    other = [it for it in items if it.kind != "pay"]
    national, regions = _REGIONS[f.locale.code]
    select = ""
    if pay:
        mine = " · ".join(f"{e(it.label)} {it.value}" for it in pay)
        opts = [f'<option value="national" selected>{e(national)} — {mine}</option>']
        for r in rng.sample(regions, 3):
            theirs = " · ".join(f"{e(it.label)} {e(_decoy(rng, f, it))}" for it in pay)
            opts.append(
                f'<option value="{e(r.lower().replace(" ", "-"))}">{e(r)} — {theirs}</option>'
            )
        if rng.random() < 0.5:
            first, rest = opts[0], opts[1:]
            rng.shuffle(rest)
            opts = [*rest[:1], first, *rest[1:]]
        select = (
            f'<div{m.cls("region-picker")}><label for="region">'
            f"{e(rng.choice(('Choose your region', 'Pay in your area', 'Select a location')))}"
            f'</label><select id="region" name="region">{"".join(opts)}</select>'
            f"{_footnote(ctx, block)}</div>"
        )
    facts = "".join(
        f"<dt>{e(it.label)}</dt><dd>{it.value}{_note(it)}</dd>" for it in other if not it.prose
    )
    prose = "".join(f"<p>{it.value}</p>" for it in other if it.prose)
    crumbs, category = breadcrumb(m, f)
    h1, _ = _title(ctx)
    body = (
        crumbs
        + f"<h1>{e(h1)}</h1><p>{e(f.summary)}</p>"
        + select
        + f"<section>{m.heading('Job facts', 2)}<dl>{facts}</dl>{prose}</section>"
        + "".join(_lists(ctx))
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/careers/{f.slug}?region=national", html, _shown(f, category))


# --- newsletter: an e-mail in nested tables -------------------------------------------------------

_TD = 'style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#333333;padding:6px 0"'


def newsletter(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    show_cat = f.category is not None and rng.random() < 0.5
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    rows = []
    for it in items:
        if it.prose:
            rows.append(f'<tr><td colspan="2" {_TD}>{it.value}</td></tr>')
            continue
        rows.append(
            f'<tr><td width="45%" valign="top" {_TD}><strong style="color:#00577d">'
            f'{e(it.label)}</strong></td><td valign="top" {_TD}>{it.value}{_note(it)}</td></tr>'
        )
    if block.footnote:
        rows.append(
            f'<tr><td colspan="2" style="font-size:11px;color:#777777">{e(block.footnote)}</td>'
            "</tr>"
        )
    facts = (
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">'
        + "".join(rows)
        + "</table>"
    )
    lists = []
    for kind, values in _kinds(f):
        lines = "<br>".join(f"&bull;&nbsp;{e(x)}" for x in values)
        lists.append(
            f'<tr><td {_TD}><h3 style="margin:12px 0 4px;font-size:16px;color:#00577d">'
            f"{e(w.label(rng, kind, loc))}</h3>{lines}</td></tr>"
        )
    alerts = rng.randint(2, 9)
    vacancies = "".join(
        f'<tr><td {_TD}><a href="https://jobs.example.com/{i}" style="color:#0066cc">{e(x)}'
        f"</a> · {e(pay)} · {rng.choice(('Full time', 'Part time', 'Contract'))}</td></tr>"
        for i, (x, pay) in enumerate(others_pay(rng, f, ctx.related[:3]))
    )
    intro = f"This week in {e(f.category)}: " if show_cat and f.category else ""
    inner = (
        '<table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0" '
        'border="0" style="background:#ffffff;border:1px solid #dddddd">'
        '<tr><td style="background:#00577d;padding:16px;color:#ffffff;font-size:20px">'
        f"{e(ctx.site)} · Issue {rng.randint(20, 180)}</td></tr>"
        f'<tr><td style="padding:16px"><p style="font-size:12px;color:#777777">You have '
        f"{alerts} new job alerts.</p>"
        f'<h1 style="font-size:22px;margin:0">{intro}Career of the week: {e(t)}</h1>'
        f"<p {_TD}>{e(f.summary)}</p>{facts}</td></tr>"
        + "".join(lists)
        + f'<tr><td style="padding:16px"><h2 style="font-size:16px">Latest vacancies</h2>'
        f'<table role="presentation" width="100%">{vacancies}</table></td></tr>'
        '<tr><td style="padding:16px;font-size:11px;color:#999999">You are receiving this '
        'because you subscribed to career updates. <a href="/unsubscribe">Unsubscribe</a> · '
        f"PO Box {rng.randint(100, 9999)}</td></tr></table>"
    )
    body = (
        '<div style="display:none;max-height:0;overflow:hidden">'
        f"{e(t)}: pay, prospects and how to get in.</div>"
        '<p style="font-size:11px;text-align:center"><a href="/email/view">View this email in '
        "your browser</a></p>"
        '<table role="presentation" width="100%" bgcolor="#f2f2f2" cellpadding="0" '
        f'cellspacing="0" border="0"><tr><td align="center">{inner}</td></tr></table>'
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(
        f"/email/archive/{ctx.number}", html, _shown(f, f.category if show_cat else None)
    )


# --- stepper: how to become one -------------------------------------------------------------------


def stepper(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    loc, t = f.locale, f.title
    block, items = _items(ctx, ("value", "label", "note", "footnote"))
    by_kind: dict[str, list[Item]] = {}
    for it in items:
        by_kind.setdefault(it.kind, []).append(it)

    def facts_of(*kinds: str) -> str:
        out = []
        for k in kinds:
            for it in by_kind.get(k, []):
                out.append(
                    f"<p>{it.value}</p>"
                    if it.prose
                    else f"<p><strong>{e(it.label)}:</strong> {it.value}{_note(it)}</p>"
                )
        return "".join(out)

    kinds = dict(_kinds(f))
    steps: list[tuple[str, str, str]] = []
    steps.append(
        (
            "Get qualified",
            rng.choice(("1-4 years", "2-3 years", "6 months to 4 years")),
            facts_of("education"),
        )
    )
    skill_html = ""
    for k in ("technical", "people", "tools"):
        if k in kinds:
            skill_html += f"<h4>{e(w.label(rng, k, loc))}</h4>{m.list_of(kinds[k], k)}"
    steps.append(("Build your skills", "Ongoing", skill_html))
    duty_html = ""
    if "duties" in kinds:
        duty_html = f"<h4>{e(w.label(rng, 'duties', loc))}</h4>{m.list_of(kinds['duties'], 'duty')}"
    steps.append(("Start work", "Year 1", duty_html + facts_of("environment")))
    if "pay" in by_kind:
        steps.append(("Start earning", "From year 1", facts_of("pay") + _footnote(ctx, block)))
    steps.append(
        ("Look ahead", f"{rng.randint(3, 10)}+ years", facts_of("growth", "outlook", "workers"))
    )
    steps = [s for s in steps if s[2]]
    n = len(steps)
    lis = "".join(
        f'<li{m.cls("step")} aria-label="Step {i} of {n}"><span class="step-number">{i}</span>'
        f'<div class="step-caption"><h3>{e(name)}</h3><span class="step-duration">{e(dur)}'
        f"</span>{inner}</div></li>"
        for i, (name, dur, inner) in enumerate(steps, 1)
    )
    crumbs, category = breadcrumb(m, f)
    body = (
        crumbs
        + f"<h1>How to become a {e(t.lower())}</h1>"
        + f"<p>{e(f.summary)}</p>"
        + f"<p{m.cls('stepper-intro')}>{n} steps · about {rng.randint(2, 6)} years in all</p>"
        + f'<ol{m.cls("stepper")} role="list">{lis}</ol>'
        + _related(ctx, block.items[0].label if block.items else "Salary")
    )
    title_tag = f"How to become a {t.lower()} | {ctx.site}"
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary, title_tag=title_tag)
    return Rendered(f"/become/{f.slug}", html, _shown(f, category))


# --- calculator: readonly inputs ------------------------------------------------------------------


def calculator(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    _, items = _items(ctx, ("value", "label", "note"))
    fields = []
    for i, it in enumerate(items):
        fid = f"fld-{it.kind}-{i}"
        text = _plain(it.value)
        if it.prose:
            fields.append(
                f'<div class="field"><label for="{fid}">{e(it.label)}</label>'
                f'<textarea id="{fid}" readonly rows="3">{text}</textarea></div>'
            )
            continue
        unit = f'<span class="unit">{e(it.note)}</span>' if it.note else ""
        fields.append(
            f'<div class="field"><label for="{fid}">{e(it.label)}</label>'
            f'<input id="{fid}" type="text" readonly value="{text}">{unit}</div>'
        )
    decoys = ""
    if f.salary is not None:
        hours = rng.choice(("37.5", "38", "40", "35"))
        take_home = _decoy_pay(rng, f, rng.uniform(0.7, 0.8))
        decoys = (
            '<div class="field"><label for="hours">Hours per week</label>'
            f'<input id="hours" type="number" value="{hours}" min="1" max="80"></div>'
            '<div class="field"><label for="tax">Tax code</label>'
            f'<input id="tax" type="text" value="{rng.choice(("1257L", "M", "S", "ND"))}"></div>'
            '<p>Estimated take-home pay: <output for="hours tax" name="net">'
            f"{e(take_home)}</output></p>"
        )
    form = (
        f'<form{m.cls("calculator")} aria-labelledby="calc-h"><h2 id="calc-h">'
        f"{e(rng.choice(('Pay calculator', 'What could I earn?', 'Job facts calculator')))}"
        f"</h2><fieldset><legend>About this job</legend>{''.join(fields)}</fieldset>"
        f"<fieldset><legend>About you</legend>{decoys}</fieldset>"
        '<button type="submit">Recalculate</button></form>'
    )
    crumbs, category = breadcrumb(m, f)
    h1, _ = _title(ctx)
    body = crumbs + f"<h1>{e(h1)}</h1><p>{e(f.summary)}</p>" + form + "".join(_lists(ctx))
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/tools/pay-calculator/{f.slug}", html, _shown(f, category))


# --- grid: the occupation as one row of a data grid -----------------------------------------------


def grid(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    t = f.title
    block, items = _items(ctx, ("value", "label"))
    cols = [it for it in items if not it.prose and it.kind != "environment"]
    prose = [it for it in items if it.prose or it.kind == "environment"]
    sort_col = rng.randrange(len(cols) + 1)
    head = "".join(
        f'<div role="columnheader" aria-colindex="{i}"'
        + (' aria-sort="descending"' if i - 1 == sort_col else "")
        + f"><button>{e(name)}</button></div>"
        for i, name in enumerate(["Occupation", *(it.label for it in cols)], 1)
    )
    others = rng.sample(ctx.related, min(4, len(ctx.related)))
    rows: list[tuple[str, list[str], bool]] = [(t, [f"{it.value}{_note(it)}" for it in cols], True)]
    for o in others:
        vals = []
        for it in cols:
            if it.kind == "education":
                vals.append(e(rng.choice(("Varies", "See profile", "On-the-job training"))))
            elif it.kind in {"outlook", "category"}:
                vals.append("—")
            else:
                vals.append(e(_decoy(rng, f, it)))
        rows.append((o, vals, False))
    rng.shuffle(rows)
    mark = rng.choice(('aria-current="true"', 'aria-selected="true"', 'class="row is-current"'))
    body_rows = []
    for r, (name, vals, mine) in enumerate(rows, 2):
        attr = f" {mark}" if mine else ""
        cells = "".join(
            f'<div role="gridcell" aria-colindex="{i}">{v}</div>' for i, v in enumerate(vals, 2)
        )
        body_rows.append(
            f'<div role="row" aria-rowindex="{r}"{attr}><div role="rowheader" aria-colindex="1">'
            f'<a href="/occupations/{e(name.lower().replace(" ", "-"))}">{e(name)}</a></div>'
            f"{cells}</div>"
        )
    show_cat = f.category is not None and rng.random() < 0.5
    cap = f"Occupations in {f.category}" if show_cat and f.category else "Similar occupations"
    grid_html = (
        f'<div{m.cls("data-grid")} role="grid" aria-label="{e(cap)}" '
        f'aria-rowcount="{len(rows) + 1}" aria-colcount="{len(cols) + 1}">'
        f'<div role="rowgroup"><div role="row" aria-rowindex="1">{head}</div></div>'
        f'<div role="rowgroup">{"".join(body_rows)}</div></div>'
    )
    extra = "".join(
        f"<p>{it.value}</p>" if it.prose else f"<p><strong>{e(it.label)}:</strong> {it.value}</p>"
        for it in prose
    )
    crumbs, category = breadcrumb(m, f)
    if show_cat:
        category = f.category
    h1 = rng.choice((t, f"{t} compared with similar occupations", f"Compare: {t}"))
    body = (
        crumbs
        + f"<h1>{e(h1)}</h1><p>{e(f.summary)}</p>"
        + f"<h2>{e(cap)}</h2><p>Select a column heading to sort.</p>"
        + grid_html
        + _footnote(ctx, block)
        + extra
        + "".join(_lists(ctx))
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary)
    return Rendered(f"/compare/{f.slug}", html, _shown(f, category))


# --- metacard: the facts only in share-card meta tags ---------------------------------------------


def metacard(ctx: Ctx) -> Rendered:
    f, m, rng = ctx.facts, ctx.m, ctx.rng
    show_cat = f.category is not None and rng.random() < 0.6
    block, items = _items(ctx, ("value", "label"))
    metas = [
        '<meta name="twitter:card" content="summary_large_image">',
        f'<meta name="twitter:title" content="{e(f.title)}">',
        f'<meta property="og:description" content="{e(f.summary)}">',
        f'<meta property="og:image" content="https://img.example.com/careers/{e(f.slug)}.png">',
        '<meta property="og:type" content="article">',
    ]
    if show_cat and f.category:
        metas.append(f'<meta property="article:section" content="{e(f.category)}">')
    desc = []
    n = 0
    for it in items:
        text = _plain(it.value)
        if it.prose:
            desc.append(text)
            continue
        n += 1
        metas.append(f'<meta name="twitter:label{n}" content="{e(it.label)}">')
        metas.append(f'<meta name="twitter:data{n}" content="{text}">')
    if block.footnote:
        desc.append(e(block.footnote))
    if desc:
        metas.append(f'<meta name="twitter:description" content="{" ".join(desc)}">')
    metas.append(
        f'<meta property="article:modified_time" content="2025-0{rng.randint(1, 9)}-'
        f'{rng.randint(10, 28)}T09:00:00Z">'
    )
    body = (
        f'<div id="app" data-route="/careers/{e(f.slug)}"><div{m.cls("skeleton")} '
        'aria-busy="true"><div class="skeleton-title"></div><div class="skeleton-line"></div>'
        '<div class="skeleton-line"></div></div></div>'
        "<noscript>Please enable JavaScript to view this career profile.</noscript>"
        '<script src="/static/js/main.4f2a91.js" defer></script>'
    )
    html = document(m, f, body=body, site_name=ctx.site, salary=f.salary, head_extra="".join(metas))
    shown = f.without("duties", "skills")
    return Rendered(f"/careers/{f.slug}", html, shown if show_cat else shown.without("category"))


HELD_OUT_7: tuple[Layout, ...] = (
    Layout("chat", chat, ("UK", "NZ", "AU", "CA", "US"), "Ask Careers", tools=True),
    Layout("abbr", abbr, ("US", "CA", "US", "AU", "UK"), "Occupational Statistics", tools=True),
    Layout("regionselect", regionselect, ("CA", "AU", "UK", "US", "NZ"), "Pay In Your Area"),
    Layout(
        "newsletter", newsletter, ("UK", "AU", "NZ", "US", "CA"), "Careers Weekly Mail", tools=True
    ),
    Layout("stepper", stepper, ("AU", "NZ", "UK", "CA", "US"), "Become Guides", tools=True),
    Layout("calculator", calculator, ("UK", "US", "AU", "NZ", "CA"), "Pay Calculator"),
    Layout("grid", grid, ("US", "CA", "AU", "UK", "NZ"), "Occupation Compare", tools=True),
    Layout("metacard", metacard, ("US", "UK", "CA", "AU", "NZ"), "Careers App"),
)
