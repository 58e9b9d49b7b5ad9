"""Draw one page's facts: an occupation of the sample data, a locale, and values to show.

Occupations (title, category, summary, duties, skill items, education level)
come from `sample_site/careers.json`; pay, growth, workers and every display
decision are drawn here from the page's own random generator, so a seed
gives the same corpus every time.
"""

from __future__ import annotations

import random

from sample_site.data import Career
from tests.corpus.model import Facts, Growth, Locale, Pay, Salary, Skills, Workers

# Typical pay a year by category (a median is drawn around it).
_BASE_PAY = {
    "Technology": 105_000,
    "Healthcare": 78_000,
    "Trades": 58_000,
    "Education": 56_000,
    "Finance": 80_000,
    "Creative Arts": 52_000,
    "Science": 74_000,
    "Hospitality": 40_000,
    "Transportation": 55_000,
    "Public Service": 57_000,
    "Business": 72_000,
}

# The periods each country's sites state pay in (weights).
_PERIODS = {
    "US": (("year", 6), ("hour", 2), ("both", 2)),
    "UK": (("year", 8), ("day", 1), ("both", 1)),
    "CA": (("hour", 5), ("year", 3), ("both", 2)),
    "AU": (("week", 5), ("year", 3), ("both", 2)),
    "NZ": (("hour", 4), ("year", 5), ("month", 1)),
}
_SHAPES = {  # median only, a range, both, percentiles (a wage table)
    "US": (("median", 5), ("range", 1), ("percentiles", 2), ("median+range", 2)),
    "UK": (("range", 6), ("median", 3), ("median+range", 1)),
    "CA": (("median+range", 6), ("median", 3), ("range", 1)),
    "AU": (("median", 7), ("range", 3)),
    "NZ": (("range", 7), ("median", 3)),
}
GROWTH_CATEGORIES = (
    (-100, -2, "decline"),
    (-1, 1, "little or no change"),
    (2, 3, "slower than average"),
    (4, 6, "as fast as average"),
    (7, 10, "faster than average"),
    (11, 100, "much faster than average"),
)
BANDS = {
    "slower than average": (1, 3),
    "as fast as average": (4, 6),
    "faster than average": (7, 10),
}
RATINGS = {
    "US": ("Bright", "Good", "Fair"),
    "UK": ("Bright", "Good", "Fair", "Limited"),
    "CA": ("Very good", "Good", "Moderate", "Limited", "Very limited"),
    "AU": ("Very strong", "Strong", "Moderate", "Stable"),
    "NZ": ("Good", "Fair", "Poor"),
}
_GROWTH_STYLES = {
    "US": (("pct-cat", 4), ("prose", 3), ("band", 2), ("cat", 1), ("pct", 1)),
    "UK": (("rating", 5), ("prose", 2), ("pct", 1)),
    "CA": (("stars", 4), ("rating", 4), ("rating+pct", 2)),
    "AU": (("rating", 5), ("rating+pct", 3), ("pct", 2)),
    "NZ": (("rating", 7), ("prose", 2)),
}

# Education as each country's sites word it, by level.
EDUCATION: dict[str, dict[str, tuple[str, ...]]] = {
    "no formal educational credential": {
        "US": ("No formal educational credential",),
        "UK": ("No formal qualifications required",),
        "CA": ("No formal education required",),
        "AU": ("No formal qualifications required",),
        "NZ": ("No formal qualifications are needed",),
    },
    "high school diploma or equivalent": {
        "US": ("High school diploma or equivalent",),
        "UK": ("Secondary school education",),
        "CA": ("Completion of secondary school", "High school diploma"),
        "AU": ("Secondary school (Year 12)",),
        "NZ": ("Secondary school education",),
    },
    "some college, no degree": {
        "US": ("Some college, no degree",),
        "UK": ("Some college, no degree",),
        "CA": ("Some college, no degree",),
        "AU": ("Some college, no degree",),
        "NZ": ("Some college, no degree",),
    },
    "postsecondary nondegree award": {
        "US": ("Postsecondary nondegree award",),
        "UK": ("A vocational certificate", "Trade school certificate"),
        "CA": ("College certificate program", "Trade school certificate"),
        "AU": ("Certificate III or IV",),
        "NZ": ("A trade certificate", "Certificate III or IV"),
    },
    "associate's degree": {
        "US": ("Associate's degree",),
        "UK": ("Associate's degree",),
        "CA": ("Associate's degree",),
        "AU": ("Associate degree",),
        "NZ": ("Associate degree",),
    },
    "bachelor's degree": {
        "US": ("Bachelor's degree",),
        "UK": ("A degree in a relevant subject", "Bachelor's degree"),
        "CA": ("Bachelor's degree", "A university degree"),
        "AU": ("Bachelor degree or higher",),
        "NZ": ("A bachelor's degree", "Bachelor's degree"),
    },
    "master's degree": {
        "US": ("Master's degree",),
        "UK": ("A master's degree", "Postgraduate master's degree"),
        "CA": ("Master's degree",),
        "AU": ("Master's degree",),
        "NZ": ("A master's degree",),
    },
    "doctoral or professional degree": {
        "US": ("Doctoral or professional degree",),
        "UK": ("A PhD or professional degree",),
        "CA": ("Doctoral degree", "Professional degree"),
        "AU": ("Doctoral degree",),
        "NZ": ("A doctoral degree",),
    },
}
# Sentence skills (UK and NZ sites list qualities as sentences), with the skill they name.
SENTENCE_SKILLS: tuple[tuple[str, str], ...] = (
    ("to be thorough and pay attention to detail", "Attention to detail"),
    ("the ability to pay close attention to detail", "Attention to detail"),
    ("customer service skills", "Customer service skills"),
    ("excellent verbal communication skills", "Verbal communication skills"),
    ("good written communication skills", "Written communication skills"),
    ("the ability to work well with others", "Teamwork"),
    ("to be able to work as part of a team", "Teamwork"),
    ("the ability to work on your own", "Working independently"),
    ("to be flexible and open to change", "Flexibility"),
    ("the ability to use your initiative", "Initiative"),
    ("to be able to use a computer and the main software packages", "Computer skills"),
    ("patience and the ability to stay calm in stressful situations", "Patience"),
    ("leadership skills", "Leadership skills"),
    ("problem-solving skills", "Problem solving skills"),
    ("the ability to think clearly and logically", "Logical thinking"),
    ("to enjoy working with people", "Working with people"),
)


def _weighted(rng: random.Random, options: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def growth_category(pct: int) -> str:
    for low, high, name in GROWTH_CATEGORIES:
        if low <= pct <= high:
            return name
    raise ValueError(pct)


def _round(x: float, step: int) -> float:
    return float(max(step, round(x / step) * step))


def _pay(rng: random.Random, period: str, annual: float, shape: str, k_ok: bool) -> Pay:
    """Figures in `period` around an `annual` median (rounded the way sites round them)."""
    per = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}[period]

    def amount(x: float) -> float:
        if period == "hour":
            return round(x / per, 2)
        if period == "year":
            return _round(x, 1000 if k_ok else 10)
        return _round(x / per, 10 if period in {"week", "day"} else 50)

    median = amount(annual)
    low = amount(annual * rng.uniform(0.62, 0.8))
    high = amount(annual * rng.uniform(1.25, 1.6))
    if shape == "median":
        return Pay(period, median=median)
    if shape == "range":
        return Pay(period, low=low, high=high)
    if shape == "percentiles":
        pts = ((10, 0.6), (25, 0.78), (75, 1.28), (90, 1.6))
        return Pay(
            period, median=median, percentiles=tuple((p, amount(annual * f)) for p, f in pts)
        )
    return Pay(period, median=median, low=low, high=high)


def draw_salary(rng: random.Random, career: Career, locale: Locale) -> Salary:
    annual = _BASE_PAY.get(career.category, 60_000) * rng.uniform(0.7, 1.45)
    periods = _weighted(rng, _PERIODS[locale.code])
    shape = _weighted(rng, _SHAPES[locale.code])
    number_style = rng.choice(("comma", "comma", "plain", "K", "k"))
    k_ok = number_style in {"K", "k"}
    floor = rng.random() < 0.08 and shape == "median"
    if periods == "both":
        other = {"US": "hour", "UK": "day", "CA": "hour", "AU": "week", "NZ": "hour"}[locale.code]
        if shape == "percentiles":
            shape = "median"
        shown: tuple[Pay, ...] = (
            _pay(rng, other, annual, shape, False),
            _pay(rng, "year", annual, shape, k_ok),
        )
        if rng.random() < 0.5:
            shown = shown[::-1]
    else:
        shown = (_pay(rng, periods, annual, shape, k_ok),)
    if not any(p.period == "year" for p in shown) and number_style in {"K", "k"}:
        number_style = "comma"
    if locale.code == "UK":
        symbol_style = rng.choice(("symbol", "symbol", "symbol", "code-before"))
        evidence = "none"
    elif locale.code == "US":
        symbol_style = rng.choice(("symbol", "symbol", "symbol", "prefixed", "code-after"))
        evidence = "none"
    else:
        symbol_style = rng.choice(
            ("symbol", "symbol", "symbol", "prefixed", "code-before", "code-after", "words")
        )
        evidence = (
            rng.choice(("lang", "og-locale", "canonical", "footnote", "hreflang", "caption"))
            if symbol_style == "symbol"
            else rng.choice(("none", "lang"))
        )
    return Salary(locale.currency, shown, floor, number_style, symbol_style, evidence)


def draw_growth(rng: random.Random, locale: Locale) -> Growth:
    style = _weighted(rng, _GROWTH_STYLES[locale.code])
    pct = rng.choice((-6, -3, -2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 18, 22, 25))
    category = growth_category(pct)
    if style == "band" and category not in BANDS:
        style = "pct-cat"
    start = rng.choice((2023, 2024))
    years = (start, start + 10)
    years_in = rng.choice(("label", "value", None)) if style != "prose" else "value"
    if style in {"cat", "band"}:
        years_in = rng.choice(("label", None))
    if style in {"rating", "stars"}:
        years_in = None  # a rating states no projection period
    rating = rng.choice(RATINGS[locale.code])
    stars = rng.randint(1, 5)
    return Growth(
        style=style,
        pct=float(pct),
        category=category,
        band=BANDS.get(category),
        years=years,
        years_in=years_in,
        rating=rating,
        stars=stars,
    )


def draw_workers(rng: random.Random) -> Workers:
    magnitude = rng.choice((1_000, 10_000, 100_000, 1_000_000))
    value = int(magnitude * rng.uniform(1.1, 9.5))
    style = rng.choice(("comma", "comma", "K", "about", "words", "million"))
    if style == "K":
        value = value // 100 * 100
        if value < 1000:
            style = "comma"
    if style == "million":
        if value >= 1_000_000:
            value = value // 100_000 * 100_000
        else:
            style = "comma"
    year = rng.choice((2023, 2024))
    year_in = rng.choice(("label", "value", None, None))
    return Workers(value, style, year, year_in)


def draw_skills(
    rng: random.Random, career: Career, locale: Locale, *, tools: bool, sentences: bool
) -> Skills:
    technical = tuple(i.text for i in career.technical_skills)
    people = tuple(i.text for i in career.people_skills)
    tool_names: tuple[str, ...] = ()
    if tools:
        # A page with a tools list names the tools there, and the skills without them
        # (canonical names from the data file, so no item repeats another's skill).
        skills = [s for i in career.technical_skills for s in i.skills]
        technical = tuple(dict.fromkeys(s.name for s in skills if s.type == "skill"))
        tool_names = tuple(dict.fromkeys(s.name for s in skills if s.type == "tool"))[:6]
    if sentences and locale.code in {"UK", "NZ"}:
        picked = rng.sample(SENTENCE_SKILLS, rng.randint(3, 6))
        seen: set[str] = set()
        chosen = [(t, n) for t, n in picked if not (n in seen or seen.add(n))]  # type: ignore[func-returns-value]
        return Skills(
            technical, tuple(t for t, _ in chosen), tool_names, tuple(n for _, n in chosen)
        )
    return Skills(technical, people, tool_names)


def draw_facts(
    rng: random.Random,
    career: Career,
    locale: Locale,
    *,
    slug: str,
    tools: bool = False,
    sentences: bool = False,
) -> Facts:
    level = career.education.level if career.education else "bachelor's degree"
    education_text = rng.choice(EDUCATION[level][locale.code])
    env = career.environment
    environment = None
    if env is not None and rng.random() < 0.6:
        environment = rng.choice((env, env.capitalize(), f"Mostly {env}"))
    return Facts(
        slug=slug,
        locale=locale,
        title=career.title,
        category=career.category,
        summary=career.summary,
        salary=draw_salary(rng, career, locale),
        growth=draw_growth(rng, locale),
        workers=draw_workers(rng),
        education=(education_text, level),
        environment=environment,
        duties=career.duties,
        skills=draw_skills(rng, career, locale, tools=tools, sentences=sentences),
    )
