"""A page's facts as labelled items, worded for its locale: what every layout lays out.

An `Item` is one label and its value (HTML-escaped, or markup for star
ratings) with an optional note ("per week", "before tax"). Layouts decide
only where items go and in what markup; where the pay period is written is
drawn here per page: in the value, in the label, in a note beside the value,
or in a footnote under the pay figures.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from tests.corpus import wording as w
from tests.corpus.markup import e
from tests.corpus.model import Facts, Growth, Locale, Pay, Salary


@dataclass(frozen=True, slots=True)
class Item:
    kind: str  # pay | growth | outlook | workers | education | environment | category
    label: str
    value: str  # HTML
    note: str = ""  # text beside the value, e.g. "per week"
    prose: bool = False  # the value is a sentence (render under a heading or as a paragraph)


@dataclass(frozen=True, slots=True)
class PayBlock:
    items: tuple[Item, ...]
    footnote: str  # "" or a sentence naming the period (and maybe the currency)


def _pay_parts(rng: random.Random, pay: Pay) -> list[tuple[str, str, float | None, float | None]]:
    """(role, label kind, amount, second amount) for one period's figures."""
    if pay.percentiles:
        p = dict(pay.percentiles)
        return [
            ("p10", "p10", p[10], None),
            ("median", "median", pay.median, None),
            ("p90", "p90", p[90], None),
        ]
    if pay.low is None:
        return [("median", "median", pay.median, None)]
    if pay.median is None:
        return [("range", "range", pay.low, pay.high)]
    if rng.random() < 0.5:
        return [("median", "median", pay.median, None), ("range", "range", pay.low, pay.high)]
    return [
        ("low", "low", pay.low, None),
        ("median", "median", pay.median, None),
        ("high", "high", pay.high, None),
    ]


_PCT_LABELS = {
    "p10": ("10th percentile", "Lowest 10%", "Bottom 10% earn"),
    "p90": ("90th percentile", "Highest 10%", "Top 10% earn"),
}


def pay_block(rng: random.Random, facts: Facts, *, placements: tuple[str, ...]) -> PayBlock:
    """The pay items of the page; `placements` says where this layout may write the period."""
    s = facts.salary
    if s is None:
        return PayBlock((), "")
    loc = facts.locale
    two = len(s.shown) > 1
    allowed = tuple(p for p in placements if not (two and p == "footnote")) or ("value",)
    place = rng.choice(allowed)
    items: list[Item] = []
    for pay in s.shown:
        for role, kind, a, b in _pay_parts(rng, pay):
            assert a is not None
            base = rng.choice(_PCT_LABELS[kind]) if kind in _PCT_LABELS else w.label(rng, kind, loc)
            with_period = place == "value"
            text = _value(rng, s, loc, pay, role, a, b, with_period)
            label = w.period_label(rng, base, pay.period) if place == "label" else base
            note = w.period_words(rng, pay.period).lstrip("/") if place == "note" else ""
            if note and note in {"hr", "hour", "yr", "year", "week", "wk", "month", "day"}:
                note = f"per {note}"
            items.append(Item("pay", label, e(text), note))
    footnote = ""
    if place == "footnote":
        adj = w.PERIOD_ADJ[s.shown[0].period].lower()
        footnote = rng.choice(
            (
                f"* Figures are {adj} earnings before tax.",
                f"Pay shown is {adj} pay.",
                f"All amounts are {adj} amounts.",
            )
        )
    if s.evidence == "caption":
        footnote = (footnote + f" Wages are in {loc.words}.").strip()
    return PayBlock(tuple(items), footnote)


def _value(
    rng: random.Random,
    s: Salary,
    loc: Locale,
    pay: Pay,
    role: str,
    a: float,
    b: float | None,
    with_period: bool,
) -> str:
    loc_pay = Pay(pay.period, median=a) if b is None else Pay(pay.period, low=a, high=b)
    floor_salary = s if role == "median" and s.floor else _no_floor(s)
    return w.pay_value(rng, loc_pay, floor_salary, loc, with_period=with_period)


def _no_floor(s: Salary) -> Salary:
    return replace(s, floor=False)


def growth_items(rng: random.Random, facts: Facts) -> list[Item]:
    g = facts.growth
    if g is None:
        return []
    loc = facts.locale
    years = f", {w.years_text(rng, g.years)}" if g.years_in == "label" and g.years else ""
    if years and rng.random() < 0.5:
        years = f" ({w.years_text(rng, g.years)})" if g.years else ""
    out: list[Item] = []
    if g.style in {"rating", "rating+pct"}:
        out.append(Item("outlook", w.label(rng, "outlook", loc), e(w.outlook_value(g))))
    if g.style == "stars":
        assert g.stars is not None
        out.append(Item("outlook", w.label(rng, "outlook", loc), w.stars_markup(rng, g.stars)))
    if g.style in {"pct-cat", "pct", "cat", "band", "rating+pct"}:
        plain = g if g.style != "rating+pct" else _as(g, "pct")
        out.append(
            Item("growth", w.label(rng, "growth", loc) + years, e(w.growth_value(rng, plain, "")))
        )
    if g.style == "prose":
        out.append(
            Item(
                "growth",
                w.label(rng, "growth", loc),
                e(w.growth_value(rng, g, facts.title)),
                prose=True,
            )
        )
    return out


def _as(g: Growth, style: str) -> Growth:
    return replace(g, style=style)


def scalar_items(rng: random.Random, facts: Facts, *, category: bool = False) -> list[Item]:
    """Workers, education, environment (and the category, when the layout shows it as a fact)."""
    loc = facts.locale
    out: list[Item] = []
    if facts.workers is not None:
        wk = facts.workers
        lab = w.label(rng, "workers", loc)
        if wk.year_in == "label":
            lab = rng.choice(
                (f"{lab}, {wk.year}", f"{lab} ({wk.year})", f"{wk.year} {lab.lower()}")
            )
        out.append(Item("workers", lab, e(w.workers_value(rng, wk))))
    if facts.education is not None:
        out.append(Item("education", w.label(rng, "education", loc), e(facts.education[0])))
    if facts.environment is not None:
        out.append(Item("environment", w.label(rng, "environment", loc), e(facts.environment)))
    if category and facts.category is not None:
        out.append(Item("category", w.label(rng, "category", loc), e(facts.category)))
    return out


def duty_intro(rng: random.Random, facts: Facts) -> str:
    intro = rng.choice(w.DUTY_INTROS)
    return intro.format(title=facts.title)


def others_pay(rng: random.Random, facts: Facts, titles: list[str]) -> list[tuple[str, str]]:
    """Related careers with pay written like this page's own (a trap for readers)."""
    s = facts.salary
    out = []
    for t in titles:
        if s is None:
            out.append((t, "Not available"))
            continue
        pay = s.published()
        amount = (pay.median or pay.low or 50_000.0) * rng.uniform(0.7, 1.4)
        amount = round(amount, 2) if pay.period == "hour" else float(round(amount, -1))
        out.append(
            (
                t,
                w.pay_value(
                    rng,
                    Pay(pay.period, median=amount),
                    _no_floor(s),
                    facts.locale,
                    with_period=True,
                ),
            )
        )
    return out
