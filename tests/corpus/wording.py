"""How sites word things: labels per locale, money and number formats, period phrases.

Every function takes the page's random generator, so the wording varies per
page and seed but is reproducible.
"""

from __future__ import annotations

import random

from tests.corpus.model import Growth, Locale, Pay, Salary, Workers

# --- labels, by locale ------------------------------------------------------------------------

_COMMON = "*"
LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "median": {
        "US": ("Median pay", "Median salary", "Median wage", "Typical pay", "Median earnings"),
        "UK": ("Average salary", "Typical salary", "Average pay", "Salary"),
        "CA": ("Median wage", "Median salary", "Wages", "Typical wage"),
        "AU": ("Average earnings", "Median earnings", "Typical pay", "Pay"),
        "NZ": ("Pay", "Average pay", "Typical pay", "Salary"),
    },
    "range": {
        _COMMON: ("Salary range", "Pay range", "Typical salary range", "Earnings range"),
        "UK": ("Salary range", "Average salary", "Salary"),
        "NZ": ("Pay", "Pay range", "Salary range"),
    },
    "low": {_COMMON: ("Starting salary", "Entry level", "Starter", "Low", "New entrants")},
    "high": {_COMMON: ("Experienced", "Senior", "High", "Top earners", "Highly experienced")},
    "growth": {
        "US": (
            "Job outlook",
            "Projected growth",
            "Employment growth",
            "Job growth",
            "10-year growth",
            "Projected change",
        ),
        _COMMON: ("Projected growth", "Employment growth", "Job growth", "Growth rate"),
    },
    "outlook": {
        "US": ("Outlook", "Job outlook"),
        "UK": ("Job prospects", "Future employment", "Outlook"),
        "CA": ("Job prospects", "Job outlook", "Employment outlook"),
        "AU": ("Future growth", "Job outlook", "Future demand"),
        "NZ": ("Job opportunities", "Job prospects", "Outlook"),
    },
    "workers": {
        "US": ("Number of jobs", "Employment", "Jobs", "Number of workers", "Workers employed"),
        "UK": ("Number employed", "People employed", "Workforce", "Employment"),
        "CA": ("Employment", "Number of workers", "People employed"),
        "AU": ("Employment", "Employment size", "Number of workers", "Workers"),
        "NZ": ("Number of workers", "People employed", "Employment"),
    },
    "education": {
        "US": (
            "Typical education",
            "Entry-level education",
            "Education",
            "Education needed",
            "Typical entry-level education",
        ),
        "UK": ("Qualifications", "Entry requirements", "Education", "Qualifications needed"),
        "CA": ("Education", "Education required", "Minimum education"),
        "AU": ("Qualifications", "Education level", "Typical qualification", "Education"),
        "NZ": ("Qualifications", "Education", "Entry requirements"),
    },
    "environment": {
        _COMMON: ("Work environment", "Working environment", "Work setting", "Workplace"),
    },
    "category": {
        _COMMON: (
            "Category",
            "Career area",
            "Job family",
            "Industry",
            "Sector",
            "Career cluster",
            "Occupation group",
        ),
    },
    "duties": {
        "US": (
            "What they do",
            "Duties",
            "Typical duties",
            "Tasks",
            "Responsibilities",
            "What you'll do",
            "Job duties",
        ),
        "UK": (
            "What you'll do",
            "Day-to-day tasks",
            "Responsibilities",
            "Your day-to-day",
            "What the job involves",
        ),
        "CA": ("Main duties", "Duties", "Tasks", "Responsibilities"),
        "AU": ("Tasks", "Key tasks", "Tasks and duties", "What you'll do", "Duties"),
        "NZ": ("What you will do", "What you'll do", "Tasks and duties", "Duties"),
    },
    "people": {
        "US": ("Important qualities", "Skills", "Key skills", "Soft skills", "Personal qualities"),
        "UK": ("Skills and knowledge", "Skills", "Skills required", "What it takes"),
        "CA": ("Skills", "Personal suitability", "Key skills", "Abilities"),
        "AU": ("Skills", "Personal qualities", "Key skills", "Soft skills"),
        "NZ": ("Skills and knowledge", "Personal qualities", "Skills"),
    },
    "technical": {
        _COMMON: (
            "Technical skills",
            "Knowledge",
            "Specialist skills",
            "Hard skills",
            "Technical knowledge",
        ),
    },
    "tools": {
        _COMMON: (
            "Tools and technology",
            "Technology",
            "Software",
            "Tools",
            "Tools & equipment",
            "Technology skills",
        ),
    },
}

DUTY_INTROS = (
    "",
    "",
    "In this role you will:",
    "Typically, you will:",
    "Workers in this role typically:",
    "Your duties could include:",
    "{title}s typically do the following:",
    "In this role you could be:",
)
SKILL_INTROS = ("", "", "You'll need:", "You need:", "Employers look for:")
PERIOD_ADJ = {
    "year": "Annual",
    "month": "Monthly",
    "week": "Weekly",
    "day": "Daily",
    "hour": "Hourly",
}
_PERIOD_WORDS = {
    "year": ("per year", "a year", "per annum", "/yr", "annually", "yearly", "/year"),
    "month": ("per month", "a month", "/month", "monthly"),
    "week": ("per week", "a week", "/week", "weekly", "/wk"),
    "day": ("per day", "a day", "/day", "daily"),
    "hour": ("per hour", "an hour", "/hr", "/hour", "hourly", "an hour"),
}


def label(rng: random.Random, kind: str, locale: Locale) -> str:
    table = LABELS[kind]
    return rng.choice(table.get(locale.code) or table[_COMMON])


def period_words(rng: random.Random, period: str) -> str:
    return rng.choice(_PERIOD_WORDS[period])


def period_label(rng: random.Random, base: str, period: str) -> str:
    """A label that states the period: "Weekly pay", "Median pay (per year)", "Wage, hourly"."""
    adj = PERIOD_ADJ[period]
    words = base.split()
    pay_at = next((i for i, x in enumerate(words) if x.lower() in _PAY_WORDS), None)
    choice = rng.randrange(3)
    if choice == 0 and pay_at is not None:
        words.insert(pay_at, adj.lower())
        return " ".join(words).capitalize()
    if choice == 1 or pay_at is None:
        return f"{base} ({rng.choice(('per', 'a'))} {period})"
    return f"{base}, {adj.lower()}"


_PAY_WORDS = frozenset({"pay", "salary", "wage", "wages", "earnings"})


def period_header(rng: random.Random, period: str, locale: Locale) -> str:
    """A column or row header naming a period: "Hourly", "Annual", "$/hour"."""
    sym = locale.symbol
    return rng.choice((PERIOD_ADJ[period], f"{sym}/{period}", f"{PERIOD_ADJ[period]} ({sym})"))


# --- money ------------------------------------------------------------------------------------


def number(amount: float, style: str, period: str) -> str:
    """The digits of an amount: "52,000", "52000", "52K", "52k", "29.63"."""
    if period == "hour" or amount != int(amount):
        return f"{amount:,.2f}" if style != "plain" else f"{amount:.2f}"
    if style in {"K", "k"} and period == "year" and amount % 1000 == 0:
        return f"{int(amount) // 1000}{style}"
    if style == "plain":
        return f"{int(amount)}"
    return f"{int(amount):,}"


def money(amount: float, salary: Salary, locale: Locale, period: str) -> str:
    """One amount with its currency as this page writes it."""
    digits = number(amount, salary.number_style, period)
    style = salary.symbol_style
    if style == "prefixed":
        return f"{locale.prefixed}{digits}"
    if style == "code-before":
        return f"{locale.currency} {digits}"
    if style == "code-after":
        return f"{locale.symbol}{digits} {locale.currency}"
    if style == "words":
        return f"{digits} {locale.words}"
    return f"{locale.symbol}{digits}"


def bare(amount: float, salary: Salary, period: str) -> str:
    """An amount with no currency (a wage table whose header says "$/hour")."""
    return number(amount, salary.number_style, period)


def range_text(rng: random.Random, low: str, high: str) -> str:
    form = rng.randrange(5)
    if form == 0:
        return f"{low}-{high}"
    if form == 1:
        return f"{low} to {high}"
    if form == 2:
        return f"between {low} and {high}"
    if form == 3:
        return f"from {low} to {high}"
    return f"{low} – {high}"


def pay_value(
    rng: random.Random, pay: Pay, salary: Salary, locale: Locale, *, with_period: bool
) -> str:
    """The whole pay value of one period: "$48K-$95K a year", "$1,650 per week", ..."""
    per = f" {period_words(rng, pay.period)}" if with_period else ""
    if per.startswith(" /"):
        per = per[1:]
    if pay.median is not None and pay.low is None:
        value = money(pay.median, salary, locale, pay.period) + per
        if salary.floor:
            value = rng.choice(
                (
                    f"{value} or more",
                    f"at least {value}",
                    f"{value}+"
                    if not per
                    else f"{money(pay.median, salary, locale, pay.period)}+{per}",
                )
            )
        return value
    assert pay.low is not None
    assert pay.high is not None
    low = money(pay.low, salary, locale, pay.period)
    high = money(pay.high, salary, locale, pay.period)
    return range_text(rng, low, high) + per


# --- growth, workers ----------------------------------------------------------------------------


def years_text(rng: random.Random, years: tuple[int, int]) -> str:
    a, b = years
    return rng.choice((f"{a}-{str(b)[2:]}", f"{a}–{b}", f"{a}-{b}", f"{a} to {b}"))


def _cat_words(rng: random.Random, category: str) -> str:
    return rng.choice((category.capitalize(), category.title(), category))


def growth_value(rng: random.Random, g: Growth, title: str) -> str:
    """The growth/outlook value as shown (years only when `years_in == "value"`)."""
    assert g.pct is not None
    assert g.category is not None
    pct = int(g.pct)
    if g.style == "pct-cat":
        value = f"{pct}% ({_cat_words(rng, g.category)})"
    elif g.style == "pct":
        value = rng.choice((f"{pct}%", f"{pct:+d}%", f"{pct} percent"))
    elif g.style == "cat":
        value = _cat_words(rng, g.category)
    elif g.style == "band":
        assert g.band is not None
        lo, hi = g.band
        value = f"{_cat_words(rng, g.category)} (between {lo}% and {hi}%)"
    elif g.style == "prose":
        assert g.years is not None
        verb = "decline" if pct < 0 else "grow"
        speed = {
            "decline": "a decline",
            "little or no change": "little or no change",
            "slower than average": "slower than the average for all occupations",
            "as fast as average": "about as fast as the average for all occupations",
            "faster than average": "faster than the average for all occupations",
            "much faster than average": "much faster than the average for all occupations",
        }[g.category]
        a, b = g.years
        subject = rng.choice(
            (f"Employment of {title.lower()}s", "Employment", "Overall employment")
        )
        return f"{subject} is projected to {verb} {abs(pct)} percent from {a} to {b}, {speed}."
    else:
        raise ValueError(g.style)
    if g.years_in == "value" and g.years is not None:
        value = f"{value} ({years_text(rng, g.years)})"
    return value


def outlook_value(g: Growth) -> str:
    assert g.rating is not None
    return g.rating


def stars_markup(rng: random.Random, stars: int) -> str:
    """A star rating as sites draw it (glyphs, icons with a label, or words)."""
    form = rng.randrange(3)
    if form == 0:
        return "★" * stars + "☆" * (5 - stars)
    if form == 1:
        icons = "".join(
            f'<span class="{"star star-filled" if i < stars else "star"}" aria-hidden="true">'
            "</span>"
            for i in range(5)
        )
        return f'<span role="img" aria-label="{stars} out of 5 stars">{icons}</span>'
    return f"{stars} out of 5 stars"


def workers_value(rng: random.Random, w: Workers) -> str:
    v = w.value
    if w.style == "K":
        text = f"{v / 1000:.1f}".rstrip("0").rstrip(".") + rng.choice(("K", "k"))
    elif w.style == "million":
        text = f"{v / 1_000_000:.1f}".rstrip("0").rstrip(".") + " million"
    elif w.style == "about":
        text = f"{rng.choice(('About', 'about', 'Around', 'Approximately'))} {v:,}"
    elif w.style == "words":
        text = f"{v:,} {rng.choice(('workers', 'people', 'jobs', 'people employed'))}"
    else:
        text = f"{v:,}"
    if w.year_in == "value" and w.year is not None:
        text = rng.choice((f"{text} ({w.year})", f"{text} in {w.year}"))
    return text
