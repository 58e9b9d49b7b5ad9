"""The vocabulary of career facts: which labels name which field, and what a value looks like.

Shared by every reader that meets labels it was not written for: the HTML label
reader (`labels.py`), embedded page state (`embedded.py`, whose keys are labels
too: "medianSalary" is "median salary") and the per-site rules. Nothing here
looks at markup.

A label is normalized first (`normalize_label`: lower case, years, parentheses
and trailing punctuation gone) and then full-matched against each field's
patterns, most specific first. A value is accepted only if it looks like the
field (a salary shows money, a worker count a number, an education a short
phrase), which keeps help texts and prose out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from extract.parse.text import clean

_CUR = r"(?:[$£€¥₹]|\b(?:USD|GBP|EUR|CAD|AUD|INR|NZD|CHF|SGD|HKD)\b)"
# One match per amount ("A$34K" is one amount, not "$3" and "4K").
MONEY = re.compile(
    rf"{_CUR}\s?\d[\d,.]*(?:\s?(?:k|m|mn|million|thousand)\b)?|\d[\d,.]*\s?[kK]\b"
    r"|\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\d[\d,.]*\s*(?:(?:australian|canadian|new zealand|nz"
    r"|us|u\.s\.|american|hong kong|singapore) )?(?:dollars?|pounds?|euros?)\b",
    re.I,
)
BARE_AMOUNT = re.compile(r"^\$?\s*\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?\s*[kK]?$|^\d+(?:\.\d{1,2})?$")
PLACEHOLDER = re.compile(
    r"^(see\b.*|n/?a|not available|not applicable|unknown|varies|none listed|tbd|[-—–]+|\?)$", re.I
)
GROWTH_WORDS = re.compile(
    r"\d\s*(%|percent\b|per cent\b)|faster|slower|as fast as|average|declin|little or no change"
    r"|\bgrow|increas|decreas|shrink",
    re.I,
)
# A site's own outlook rating: a few words of judgement, or stars.
RATING = re.compile(
    r"^(?:(?:very|quite|fairly|extremely) )?(?:strong|good|fair|moderate|limited|weak|poor|bright"
    r"|excellent|stable|average|high|low|undetermined|positive|promising|growing|balanced)"
    r"(?: (?:outlook|prospects|demand|growth))?\.?$"
    r"|^[★☆✩ ]{3,}$|^\d(?:\.\d)?\s*(?:/|out of|of)\s*\d+(?:\s*stars?)?$|^\d stars?$",
    re.I,
)
COUNT = re.compile(
    r"^(?:about|approximately|approx\.?|around|over|more than|nearly|almost|some|~)?\s*"
    r"\d[\d,.]*\s*(?:k|m|mn|million|thousand|b|bn|billion)?\+?(?:\s+(?:jobs|workers|people|"
    r"employed|employees|people employed|people work in this job))?"
    r"(?:\s*\(\s*(?:19|20)\d\d\s*\)|\s+in\s+(?:19|20)\d\d)?$",
    re.I,
)
_YEAR = re.compile(r"^(19|20)\d\d$")
# Period words, only to rank candidates (yearly pay first); transform does the reading.
PERIOD = re.compile(
    r"(?:(?:(?:^|[^a-z])(?:per|an?|each) ?|/ ?)(?P<u>hour|hr|year|yr|annum|month|fortnight|week"
    r"|wk|day)|(?:^|[^a-z])(?P<a>hourly|annually|annual|yearly|monthly|fortnightly|weekly|daily"
    r"|p\.a\.))(?![a-z])",
    re.I,
)
_PERIOD_OF = {
    "hour": "hour", "hr": "hour", "hourly": "hour", "year": "year", "yr": "year",
    "annum": "year", "annual": "year", "annually": "year", "yearly": "year", "p.a.": "year",
    "month": "month", "monthly": "month", "fortnight": "fortnight", "fortnightly": "fortnight",
    "week": "week", "wk": "week", "weekly": "week", "day": "day", "daily": "day",
}  # fmt: skip
# Labels repeat on every page of a site and at every level of nesting: the pure functions a
# reader calls per label are memoized per process (bounded: an entry is a short string).
_LABEL_CACHE = 16_384
# Cheap first look: words every scalar label pattern below contains one of (at a word's
# start: six times faster than anywhere, and "learn" is no "earn"). Matched on lower-cased
# text: without IGNORECASE the search is twice as fast again.
_KEYWORDS = re.compile(
    r"\b(?:pay|salar|wage|earn|income|compens|median|average|avg|mean|typical|starter|starting|entry"
    r"|low|min|from|new entrant|experienced|high|max|top|senior|up to|outlook|growth|change"
    r"|demand|jobs|worker|employ|workforce|educat|degree|qualif|environment|setting|workplace"
    r"|weekly|monthly|hourly|annual|prospect|future|opportunit|requirement"
    r"|categor|cluster|career|sector|industry|family|group|area|range)",
)


@lru_cache(maxsize=_LABEL_CACHE)
def has_keyword(text: str) -> bool:
    """Whether `text` holds a word that some scalar field's label starts with."""
    return _KEYWORDS.search(text.lower()) is not None


def periods_in(text: str) -> set[str]:
    """The pay periods `text` names ("per week", "Hourly", "a year")."""
    return {_PERIOD_OF[(m.group("u") or m.group("a")).lower()] for m in PERIOD.finditer(text)}


@lru_cache(maxsize=_LABEL_CACHE)
def normalize_label(text: str) -> str:
    """ "2024 Median Pay" -> "median pay", "Job Outlook, 2024–34:" -> "job outlook"."""
    s = clean(text).lower()
    s = re.sub(r"\(.*?\)", " ", s)
    s = re.sub(r"^(19|20)\d\d\s+", "", s)
    s = re.sub(r"[\s:]+$", "", s)  # "Job outlook, 2023–2033:": the years end it, not the colon
    s = re.sub(r"[,\s]+(in\s+)?(19|20)\d\d(\s*([-–—]|to)\s*(19|20)?\d\d)?\s*$", "", s)
    s = re.sub(r"\s*(?:\[\s*edit(?: source)?\s*\]|[¶#§])\s*$", "", s)  # a wiki's or docs' link
    s = re.sub(r"[\s:.\-–—*]+$", "", s)
    s = re.sub(r"\s+\?$", "?", s)
    s = s.replace("’", "'").replace("&", " and ")
    return clean(s)


def key_words(key: str) -> str:
    """A JSON key as label words: "medianAnnualWage" -> "median annual wage"."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|[_\-.]+", " ", key)
    return clean(spaced).lower()


def _pattern(*alternatives: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(a) for a in alternatives)


def salary_ok(v: str) -> bool:
    return bool(MONEY.search(v)) and len(MONEY.findall(v)) <= 2


def growth_ok(v: str) -> bool:
    return (bool(GROWTH_WORDS.search(v)) and len(v.split()) <= 10) or rating_ok(v)


def growth_prose_ok(v: str) -> bool:
    """A sentence that states the projection ("projected to grow 5 percent from ...")."""
    return bool(
        re.search(
            r"\b(?:is|are|will be) (?:projected|expected|forecast|anticipated) to (?:grow|increase"
            r"|rise|decline|decrease|fall|shrink|change|show)",
            v,
            re.I,
        )
        and re.search(r"\d\s*(?:%|percent|per cent)", v, re.I)
    ) and len(v) <= 400


def rating_ok(v: str) -> bool:
    return bool(RATING.match(clean(v)))


def count_ok(v: str) -> bool:
    return bool(COUNT.match(v)) and not _YEAR.match(v) and "%" not in v


_COUNT_CUE = re.compile(
    r"\b(?:there (?:are|were|is)|about|around|approximately|roughly|nearly|over|more than"
    r"|employ\w*|work(?:s|ing)? as|jobs|workers|people)\b",
    re.I,
)


def count_sentence_ok(v: str) -> bool:
    """One sentence stating one count ("There were about 2,674 librarians in 2023."); not a
    definition that mentions a projection range ("... the 2024-34 projections")."""
    if re.search(r"(?:19|20)\d\d\s*[-–—]\s*\d", v) or not _COUNT_CUE.search(v):
        return False
    numbers = [n for n in re.findall(r"\d(?:[\d,.]*\d)?", v) if not _YEAR.match(n)]
    big = bool(numbers) and (len(numbers[0].replace(",", "")) >= 3 or bool(
        re.search(r"\d\s*(?:thousand|million|k\b|m\b)", v, re.I)))  # fmt: skip
    return (
        len(v) <= 200
        and len(numbers) == 1
        and big
        and "%" not in v
        and not MONEY.search(v.replace(numbers[0], "", 1) if numbers else v)
        and not re.search(r"[$£€]", v)
        and not re.search(r"[.!?]\s+[A-Z]", v)
    )


def education_ok(v: str) -> bool:
    words = len(v.split())
    prose = words > 16 or (words > 8 and v.endswith("."))
    return not MONEY.search(v) and len(v) >= 2 and not prose and "%" not in v


def short_ok(v: str) -> bool:
    return len(v.split()) <= 8 and not (len(v.split()) > 5 and v.endswith("."))


@dataclass(frozen=True, slots=True)
class Scalar:
    field: str
    labels: tuple[re.Pattern[str], ...]  # full-match against a normalized label, best first
    accept: Callable[[str], bool]
    max_len: int


MEDIAN = _pattern(
    r"(median|average|avg|typical|mean)( annual| yearly| hourly| weekly| monthly| base)? "
    r"(pay|salary|wages?|earnings|income)( range)?",
    r"(annual|yearly|hourly|weekly|monthly|base|estimated) (median |average )?(salary|pay|wages?"
    r"|earnings)( range| rates?)?|(pay|salary|wages?|earnings)( range)?,? (annual|yearly|hourly"
    r"|weekly|monthly|daily)",
    r"median|average|typical",
    r"(salary|pay|wage|earnings) range|salary|pay|wages?|earnings|compensation|income"
    r"|(what you could|you could) earn|pay rates?"
    r"|(pay|salary|salaries|wages|earnings) and (conditions|benefits|hours|working hours)"
    r"|(typical |usual |most common |common )?range",  # "Range" in a pay panel: money only
)
LOW = _pattern(
    r"(starter|starting|entry[- ]level|low|lowest|minimum|min|junior|graduate)( salary| pay"
    r"| wages?| earnings)?(,? (annual|yearly|hourly|weekly|monthly))?",
    r"salary from|from|low end|new entrants?|beginners?",
)
HIGH = _pattern(
    r"(experienced|highly experienced|high|highest|maximum|max|top|senior|top earners)( salary"
    r"| pay| wages?| earnings)?(,? (annual|yearly|hourly|weekly|monthly))?",
    r"salary to|up to|high end",
)
GROWTH = _pattern(
    r"(job|employment|career|occupational) (outlook|growth)( rate)?",
    r"(10|ten)[- ]year (growth|outlook|change)|projected (employment )?(growth|change)( rate)?"
    r"|(employment|job) growth|growth( rate| outlook)?|projected growth rate",
    r"outlook|future (demand|growth|outlook|employment|prospects)|demand"
    r"|(job |employment |career )?prospects"
    r"|(job|employment) opportunities|chances of getting a job|employment outlook",
)
SCALARS: tuple[Scalar, ...] = (
    Scalar("salary_median", MEDIAN, salary_ok, 120),
    Scalar("salary_low", LOW, salary_ok, 60),
    Scalar("salary_high", HIGH, salary_ok, 60),
    Scalar("growth", GROWTH, growth_ok, 80),
    Scalar(
        "workers",
        _pattern(
            r"number of (jobs|workers|people employed|employees|people in (this|the) job)",
            r"((us|u\.s\.|uk|total|current) )?(workers|employment|jobs)|people employed"
            r"|number employed|workforce|employed|employees|employment (size|level)"
            r"|workers employed|people working",
        ),
        count_ok,
        40,
    ),
    Scalar(
        "education",
        _pattern(
            r"(typical |minimum |required )?(entry[- ]level )?education( level| required"
            r"| requirements?| needed)?",
            r"education and training|educational requirements?|degree( required| level)?"
            r"|(typical |minimum )?qualifications?( required| needed| level)?"
            r"|minimum qualifications?|entry requirements?|qualification level",
        ),
        education_ok,
        120,
    ),
    Scalar(
        "environment",
        _pattern(r"(work(ing)? )?environment|work setting|workplace"),
        short_ok,
        60,
    ),
    Scalar(
        "category",
        _pattern(
            r"(job |occupational )?category|career (cluster|area|field)|(activity |employment )?"
            r"sectors?|industry"
            r"|job family|occupation(al)? group"
        ),
        short_ok,
        60,
    ),
)

DUTIES = _pattern(
    r"(main |key |typical |job |daily )?duties( and (responsibilities|tasks))?"
    r"|tasks and (duties|responsibilities)",
    r"day[- ]to[- ]day( tasks| duties| activities)?|(main |key |typical |daily )?tasks"
    r"|(key |main )?responsibilities|your day[- ]to[- ]day"
    r"|(in this (role|job)|at (this|each|every) (level|stage)),? you (will|could|might)"
    r"( be)?|typically,? (you|a .{1,40}) (will|would)|your duties (could|may|might) include",
    r"what (they|you|you'll|you will|you'd) (actually )?do|what the job involves"
    r"|what .{1,40} do|(a )?day in the life|(a |your )?typical (work ?)?day( at work| on the job)?"
    r"|role",
)
TECHNICAL = re.compile(
    r"(technical|hard|digital|specialist)( skills| knowledge)?|(tools|technical)( (and|&) "
    r"technical)? skills|knowledge|technical knowledge|tools and technical skills"
    r"|knowledge (and|&) (technical |specialist )?skills"  # an apprenticeship standard's K+S
)
TOOLS = re.compile(
    r"tools( (and|&) (technology|equipment|software))?|technology( skills| used)?"
    r"|software( (and|&) tools| used)?|equipment( used)?|tech stack|tools used"
)
PEOPLE = re.compile(
    r"(important |key |personal )?qualities|(people|soft|interpersonal|personal)( (and|&) mindset)?"
    r" skills|skills and knowledge|(key |core |essential |required |top |important )?skills"
    r"( required| needed| and abilities| you need| you'll need| employers (want|look for|ask for"
    r"|value|need)"
    r"| for (this|the) (job|role|career)| to have)?|required skills|what it takes"
    r"|competenc(ies|e)|abilities|personal suitability|you('ll| will)? need|what you need"
    r"|(in-demand|in demand|most (wanted|requested)|popular|common) skills"
    r"|(key |required |expected )?behaviou?rs"  # an apprenticeship standard's B
)
SKILLS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("tools", TOOLS),
    ("technical_skills", TECHNICAL),
    ("people_skills", PEOPLE),
)
DUTY_INTRO = re.compile(
    r"\b(do|perform|duties|tasks|responsibilit\w*|could be|will|you'll|include)\b", re.I
)
NOT_DUTY_INTRO = re.compile(r"\b(types of|examples of|such as|kinds of)\b", re.I)
LIST_LABELS: tuple[re.Pattern[str], ...] = (*DUTIES, TECHNICAL, TOOLS, PEOPLE)


# Period words a pay label may carry anywhere ("Median earnings, annual", "Hourly pay range").
_LABEL_PERIOD = re.compile(
    r",?\s*\b(?:annual|annually|yearly|hourly|weekly|monthly|daily|fortnightly"
    r"|per (?:hour|week|month|year|annum|day)|an? (?:hour|week|month|year|day))\b"
)


# A heading asked as a question names its field by a keyword ("How much does a nurse
# earn?" is pay, "What skills do I need?" skills); first rule wins.
_QUESTION = re.compile(r"^(?:how|what|where|who|which|is|are|will|do|does|can|should|why|when)\b")
_QUESTION_FIELDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), label)
    for pattern, label in (
        # "What does a technical writer do?": the occupation's name may hold any keyword.
        (r"^what (?:does|do|will|would) (?:an? |the )?.{1,60} do(?: all day| at work| day to day"
         r"| each day| every day)?$", "duties"),
        (r"\b(?:earn|earns|earning|paid|salary|salaries|pay|wages?|income|make)\b", "median pay"),
        (r"\bhow many\b|\bnumber of\b", "number of jobs"),
        (r"\b(?:demand|outlook|prospects|future|growth|more jobs|job opportunities)\b",
         "job outlook"),
        (r"\b(?:qualifications?|education|degree)\b", "education"),
        (r"\b(?:technical|knowledge)\b", "technical skills"),
        (r"\b(?:tools|software|technology|equipment)\b", "tools"),
        (r"\b(?:skills|qualities|personality|good at)\b", "skills"),
        (r"\b(?:do|duties|tasks|responsibilit\w*|day to day|typical day|involve)\b", "duties"),
        (r"\bwork(?:ing)? (?:environment|conditions|setting)\b|\bwhere\b.*\bwork\b",
         "work environment"),
    )
)  # fmt: skip


def question_label(label: str) -> str:
    """The field label a question stands for ("" when `label` is no question or names none).

    Only a question alone: it ends in "?", and a "?" inside (a question and its answer) or a
    figure makes it no label.
    """
    if not label.endswith("?") or len(label) > 100 or "?" in label[:-1]:
        return ""
    label = label[:-1].rstrip()
    if re.search(r"\d", label) or not _QUESTION.match(label):
        return ""
    for pattern, name in _QUESTION_FIELDS:
        if pattern.search(label):
            return name
    return ""


# A pay label's subject ("Pay for veterinarians", "Salary as a nurse"), unless it names a
# level of the job or other jobs (an apprentice's pay, all occupations' pay are not the job's).
_FOR_SUBJECT = re.compile(
    r"\s+(?:for|as)\s+(?!(?:an?\s+|the\s+)?(?:apprentice|trainee|graduate|junior|senior|entry"
    r"|starter|beginner|new|experienced|lead|manager|supervisor|all|every|other|average|national"
    r"|comparison|similar|related)\w*\b)(?:an?\s+|the\s+)?"
    r"[a-z][\w' -]{1,40}$"
)


@lru_cache(maxsize=_LABEL_CACHE)
def match(label: str) -> tuple[tuple[Scalar, int], ...]:
    """(field, pattern index) for every scalar field the normalized `label` names; a pay
    label is also tried without its period words, a question by its keyword."""
    return tuple(_matches(label))


def _matches(label: str) -> Iterator[tuple[Scalar, int]]:
    label = question_label(label) or label
    if not label or len(label) > 50:
        return
    bare = clean(_LABEL_PERIOD.sub(" ", label))
    subjectless = _FOR_SUBJECT.sub("", bare)  # "Pay for nurses" is the page's pay label
    pay_tries = tuple(dict.fromkeys((label, bare, subjectless)))
    for scalar in SCALARS:
        tries = pay_tries if scalar.field.startswith("salary") else (label,)
        found = next(
            ((i, t) for t in tries for i, pat in enumerate(scalar.labels) if pat.fullmatch(t)),
            None,
        )
        if found is not None:
            yield scalar, found[0]


def value(scalar: Scalar, raw: str, *, allow_empty: bool) -> tuple[bool, str | None]:
    """(usable, value): an empty or placeholder value counts only where `allow_empty`."""
    v = clean(raw)
    if not v or PLACEHOLDER.match(v):
        return allow_empty, None
    if v.endswith(":"):
        return False, None  # an intro ("You'll usually need:"), not a value
    if scalar.field == "growth" and growth_prose_ok(v):
        return True, v
    if len(v) > scalar.max_len or not scalar.accept(v):
        return False, None
    return True, v


def list_field(label: str) -> tuple[str, int] | None:
    """(field, specificity) of a list heading: duties, tools, technical or people skills.

    A question only implies its list ("Where do they work?" has a "do"), so a heading that
    names one ("Tasks") is more specific than any question.
    """
    asked = question_label(label)
    label = asked or label
    if not label or len(label) > 60:
        return None
    implied = len(DUTIES) if asked else 0
    for i, pat in enumerate(DUTIES):
        if pat.fullmatch(label):
            return "duties", i + implied
    for field, pat in SKILLS:
        if pat.fullmatch(label):
            return field, implied
    return None
