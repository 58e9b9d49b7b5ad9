"""Career facts from a page's embedded state: Next.js, Nuxt and other JSON page data.

Many sites render a skeleton and ship the page's data as JSON: `__NEXT_DATA__`,
Nuxt's `__NUXT_DATA__` (the devalue format: a flat array whose objects hold
indexes into it), any `<script type="application/json">`, assignments such
as `window.__INITIAL_STATE__ = {...}`, and JSON in an attribute of the markup
(React on Rails' `data-react-props`, Inertia's `data-page`, an Astro island's
`props`, whose values are `[type, value]` pairs); a normalized cache (Apollo's
`{"Career:1": {..., "salary": {"__ref": "SalaryStat:5"}}}`) has its links
followed. Those blobs are parsed (bounded in size
and nodes), the object that looks most like one career is found (a title and
the most kinds of career facts among its keys), and its keys are read as labels
with the vocabulary of `fields.py` ("medianSalary" is "median salary").

Raw text forms emitted (transform parses these, as for JSON-LD):
- pay: the value as written ("$52,000"), or "<CUR> <amount>" for a number with
  a currency key, plus " or more" when the object flags a floor; the object's
  period goes to salary_context as "per <period>" (from "year", "HOUR", "P1W",
  "hourly", ...) beside its other keys as published ("currency: AUD"). An object
  per period: the yearly one. Percentile keys are no low/high.
- growth: "<n>%" for a percent key, then the category words in parentheses, or a
  band's text; the years as growth_context "<start>-<end>"; a rating (a word,
  or {rating, outOf} as "<n> out of <m>") to outlook.
- workers: the count as written; its year as workers_context.
- lists: strings, or the name/title/label/text of objects.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import islice
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from extract.parse import fields
from extract.parse.draft import Draft
from extract.parse.fields import key_words, list_field, match, rating_ok
from extract.parse.text import clean, is_element, scalar_text
from extract.records import RawCareer

NAME = "embedded"
VERSION = "1"

_MAX_SCRIPT = 3 * 1024 * 1024
_MAX_NODES = 200_000
_ASSIGNMENT = re.compile(
    r"(?:\b(?:window|self|globalThis)\s*(?:\.\s*[A-Za-z_$][\w$]*|\[\s*['\"][^'\"]{1,60}['\"]\s*\])"
    r"|\b(?:var|let|const)\s+[A-Za-z_$][\w$]*)\s*=\s*(?=[\[{])"
)
_DEVALUE_TAGS = frozenset(
    {"Reactive", "ShallowReactive", "Ref", "ShallowRef", "EmptyRef", "EmptyShallowRef",
     "NuxtError", "Set", "Map", "Date", "RegExp", "null", "undefined"}
)  # fmt: skip
_TITLE_KEYS = frozenset(
    {"title", "name", "occupation", "occupation title", "occupation name", "job title",
     "career title", "career name", "job name", "display name", "profile title"}
)  # fmt: skip
_SUMMARY_KEYS = frozenset({"summary", "description", "overview", "intro", "introduction", "about"})
_SKIP_KEYS = re.compile(
    r"^(?:related|similar|other|more|recommended|popular|suggested|see also|nav|navigation"
    r"|menu|footer|breadcrumbs?|seo|meta|analytics|tracking|ads?)\b"
)
_PAY_KEYS = frozenset({"salary", "salaries", "pay", "wage", "wages", "earnings", "compensation",
                       "income", "pay rates", "salary info", "wage info"})  # fmt: skip
_ROLE_KEYS = {
    "median": re.compile(r"^(?:median|average|avg|mean|typical|value|amount|median (?:pay|salary"
                         r"|wage)|average (?:pay|salary|wage))$"),
    "low": re.compile(r"^(?:low|lowest|min|minimum|start|starting|entry|entry level|from|lower"
                      r"|bottom|starter|junior|min value|low end)$"),
    "high": re.compile(r"^(?:high|highest|max|maximum|top|to|upper|experienced|senior|max value"
                       r"|high end)$"),
}  # fmt: skip
_PERIOD_KEYS = re.compile(r"^(?:period|unit|frequency|per|interval|duration|unit text|basis"
                          r"|pay period|rate type|time unit)$")  # fmt: skip
_CURRENCY_KEYS = re.compile(r"^(?:currency|currency code|cur|salary currency|iso currency)$")
_FLOOR_KEYS = re.compile(r"^(?:or more|floor|at least|is floor|is minimum|minimum only|or above)$")
_PERIOD_WORDS = {
    "year": "year", "yearly": "year", "annual": "year", "annually": "year", "annum": "year",
    "p1y": "year", "y": "year", "month": "month", "monthly": "month", "p1m": "month",
    "fortnight": "fortnight", "fortnightly": "fortnight", "p2w": "fortnight", "week": "week",
    "weekly": "week", "p1w": "week", "w": "week", "day": "day", "daily": "day", "p1d": "day",
    "hour": "hour", "hourly": "hour", "pt1h": "hour", "h": "hour",
}  # fmt: skip


def blobs(tree: LexborHTMLParser, attributes: bool = True) -> Iterator[Any]:
    """Every JSON value a page embeds in its scripts (JSON-LD excepted), then (unless
    `attributes` is False: see `json_in_attributes`) in its attributes."""
    yield from _script_blobs(tree)
    if not attributes:
        return
    for text in _json_attrs(tree):
        value = _loads(text)
        if value is not None:
            yield _unastro(_undevalue(value))


# JSON in an attribute: `="{&quot;`, `="[0,{&quot;`, `='{"` (a double-quoted value must escape
# its quotes, a single-quoted one need not).
_JSON_ATTRIBUTE = re.compile(
    r"""=\s*(?:"\s*[\[{][\s\[{\d,]*(?:&quot;|&#34;|&#x22;)|'\s*[\[{][\s\[{\d,]*")"""
)
_MAX_JSON_ATTRS = 20
_MAX_ELEMENTS = 50_000


def json_in_attributes(html: str) -> bool:
    """True when some attribute of the raw page may hold JSON (one regex pass over the text:
    the tree is then searched for it, on the few pages that have it)."""
    return _JSON_ATTRIBUTE.search(html) is not None


def _json_attrs(tree: LexborHTMLParser) -> Iterator[str]:
    """Attribute values of the body that open a JSON object or array (`{"...`, `[0,{...`)."""
    body = tree.body
    if body is None:
        return
    found = 0
    for el in islice(body.traverse(), _MAX_ELEMENTS):
        if not is_element(el):
            continue
        for v in el.attributes.values():
            if v and 20 <= len(v) <= _MAX_SCRIPT and _jsonish(v):
                yield v
                found += 1
                if found >= _MAX_JSON_ATTRS:
                    return


def _jsonish(value: str) -> bool:
    head = value[:6].lstrip(" \t\n[{0123456789,")
    return value.lstrip()[:1] in {"{", "["} and head[:1] == '"'


def _unastro(value: Any) -> Any:
    """Astro's island props (`{"career": [0, {"title": [0, "Nurse"], "tasks": [1, [...]]}]}`:
    every value a [type, value] pair, 0 a plain value or object, 1 an array) as plain JSON;
    anything else unchanged."""
    if not (isinstance(value, dict) and value and all(_astro_pair(v) for v in value.values())):
        return value
    budget = [_MAX_NODES]

    def decode(v: Any, depth: int) -> Any:
        budget[0] -= 1
        if budget[0] < 0 or depth > 60 or not _astro_pair(v):
            return None
        kind, inner = v
        if kind == 0 and isinstance(inner, dict):
            return {k: decode(x, depth + 1) for k, x in inner.items()}
        if kind == 1 and isinstance(inner, list):
            return [decode(x, depth + 1) for x in inner]
        return inner

    return {k: decode(v, 0) for k, v in value.items()}


def _astro_pair(v: Any) -> bool:
    return (
        isinstance(v, list)
        and len(v) == 2
        and isinstance(v[0], int)
        and not isinstance(v[0], bool)
        and 0 <= v[0] <= 11
    )


def _script_blobs(tree: LexborHTMLParser) -> Iterator[Any]:
    for script in tree.css("script")[:200]:
        kind = (script.attributes.get("type") or "").lower()
        if "ld+json" in kind or (kind and "json" not in kind and "javascript" not in kind):
            continue
        text = script.text(deep=True) or ""
        if not text or len(text) > _MAX_SCRIPT:
            continue
        if "json" in kind:
            value = _loads(text)
            if value is None and "&q;" in text:
                value = _loads(_untransfer(text))
            if value is not None:
                yield _undevalue(value)
                yield from _encoded_inside(value)
            continue
        for m in _ASSIGNMENT.finditer(text[:_MAX_SCRIPT]):
            try:
                value, _ = json.JSONDecoder().raw_decode(text, m.end())
            except (ValueError, RecursionError):
                continue
            yield _undevalue(value)


# Angular's TransferState escapes the characters an inline script must not hold.
_TRANSFER_ESCAPES = (("&q;", '"'), ("&s;", "'"), ("&l;", "<"), ("&g;", ">"), ("&a;", "&"))


def _untransfer(text: str) -> str:
    for escaped, char in _TRANSFER_ESCAPES:
        text = text.replace(escaped, char)
    return text


def _encoded_inside(value: Any) -> Iterator[Any]:
    """JSON written as a string inside JSON (SvelteKit's fetched responses keep the body as
    text: `{"status": 200, "body": "{\\"occupation\\": ...}"}`), one level deep."""
    if not isinstance(value, dict):
        return
    for item in list(value.values())[:50]:
        if isinstance(item, str) and item[:1] in {"{", "["} and len(item) <= _MAX_SCRIPT:
            inner = _loads(item)
            if isinstance(inner, (dict, list)):
                yield _undevalue(inner)


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _undevalue(value: Any) -> Any:
    """Nuxt's devalue payload rebuilt as plain JSON; anything else unchanged."""
    if not (isinstance(value, list) and value):
        return value
    head = value[0]
    wrapped = isinstance(head, list) and len(head) == 2 and head[0] in _DEVALUE_TAGS
    indexed = isinstance(head, dict) and head and all(
        isinstance(v, int) and not isinstance(v, bool) for v in head.values()
    )
    if not (wrapped or indexed):
        return value
    cache: dict[int, Any] = {}
    budget = [_MAX_NODES]

    def at(i: Any, depth: int) -> Any:
        if not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < len(value):
            return None
        if i in cache:
            return cache[i]
        budget[0] -= 1
        if budget[0] < 0 or depth > 60:
            return None
        node = value[i]
        out: Any
        if isinstance(node, list):
            if len(node) == 2 and isinstance(node[0], str) and node[0] in _DEVALUE_TAGS:
                out = at(node[1], depth + 1)
            else:
                out = [at(j, depth + 1) for j in node]
        elif isinstance(node, dict):
            out = {k: at(j, depth + 1) for k, j in node.items()}
        else:
            out = node
        cache[i] = out
        return out

    return at(0, 0)


def _linked(blob: Any) -> Any:
    """A normalized cache with its `{"__ref": key}` links replaced by the objects they name
    (bounded, cycles cut); anything else unchanged."""
    if not isinstance(blob, dict) or not any(
        isinstance(v, dict) and "__typename" in v for v in list(blob.values())[:50]
    ):
        return blob
    budget = [_MAX_NODES]

    def walk(value: Any, depth: int, seen: frozenset[str]) -> Any:
        budget[0] -= 1
        if budget[0] < 0 or depth > 12:
            return None
        if isinstance(value, dict):
            ref = value.get("__ref")
            if isinstance(ref, str) and len(value) == 1:
                target = blob.get(ref)
                if ref in seen or not isinstance(target, dict):
                    return None
                return walk(target, depth + 1, seen | {ref})
            return {k: walk(v, depth + 1, seen) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, depth + 1, seen) for v in value]
        return value

    return {k: walk(v, 0, frozenset({k})) for k, v in blob.items()}


def _score(obj: dict[str, Any]) -> int:
    """A title, and how many kinds of career facts the object's keys name."""
    score = 0
    groups: set[str] = set()
    for key, value in obj.items():
        if not isinstance(key, str):
            continue
        kw = key_words(key)
        if kw in _TITLE_KEYS and isinstance(value, str) and 1 < len(value) <= 120:
            score = 2
            continue
        if _SKIP_KEYS.match(kw) or value in (None, "", [], {}):
            continue
        if kw in _PAY_KEYS:
            groups.add("salary")
        for scalar, _ in match(kw):
            groups.add("salary" if scalar.field.startswith("salary") else scalar.field)
        found = list_field(kw)
        if found is not None:
            groups.add(found[0])
    return score + len(groups)


def find(tree: LexborHTMLParser, attributes: bool = True) -> dict[str, Any] | None:
    """The embedded object most like one career (a title and two facts at least)."""
    best: tuple[int, dict[str, Any]] | None = None
    nodes = 0
    for blob in blobs(tree, attributes):
        stack: list[Any] = [_linked(blob)]
        while stack and nodes < _MAX_NODES:
            item = stack.pop()
            nodes += 1
            if isinstance(item, dict):
                s = _score(item)
                if s >= 4 and (best is None or s > best[0]):
                    best = (s, item)
                for k, v in item.items():
                    if isinstance(v, (dict, list)) and not (
                        isinstance(k, str) and _SKIP_KEYS.match(key_words(k))
                    ):
                        stack.append(v)
            elif isinstance(item, list):
                stack.extend(v for v in item if isinstance(v, (dict, list)))
    return best[1] if best is not None else None


def _name_of(value: Any) -> str:
    if isinstance(value, dict):
        for key in ("name", "title", "label", "text", "value", "description"):
            text = scalar_text(value.get(key))
            if text:
                return text
        return ""
    return scalar_text(value)


def read(tree: LexborHTMLParser, url: str, attributes: bool = True) -> RawCareer | None:
    """The career the page's embedded state states, or None (`attributes=False`: the page
    has no JSON in its attributes, see `json_in_attributes`)."""
    obj = find(tree, attributes)
    if obj is None:
        return None
    d = Draft(f"{NAME}/{VERSION}")
    title = ""
    for key, value in obj.items():
        if not isinstance(key, str):
            continue
        kw = key_words(key)
        rule = f"key({key})"
        if kw in _TITLE_KEYS and not title and isinstance(value, str):
            title = clean(value)
        elif kw in _SUMMARY_KEYS and isinstance(value, str) and not d.has("summary"):
            d.put("summary", clean(value), rule)
        elif _SKIP_KEYS.match(kw):
            continue
        elif (kw in _PAY_KEYS or _pay_field(kw)) and not d.has("salary_text"):
            _salary(kw, value, obj, d, rule)
        elif _is_growth(kw):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                # A number under a growth key is a percent only when the key says so.
                if re.search(r"\b(?:percent|pct|percentage)$", kw) and not d.found("growth"):
                    d.put("growth", f"{scalar_text(value)}%", rule)
                continue
            _growth(value, d, rule)
        elif list_field(kw) is not None and isinstance(value, list):
            _list(kw, value, d, rule)
        elif _is_skill_group(kw) and isinstance(value, dict):
            # {"skills": {"softSkills": [...], "technicalSkills": [...], "tools": [...]}}
            for sub, items in value.items():
                if isinstance(sub, str) and isinstance(items, list):
                    _list(key_words(sub), items, d, f"{rule}.{sub}")
        else:
            for scalar, _ in (*match(kw), *match(_bare(kw))):
                if scalar.field in {"workers", "education", "environment", "category"}:
                    _other(scalar.field, value, d, rule)
                    break
    return d.career(url, title)


def _list(kw: str, value: list[Any], d: Draft, rule: str) -> None:
    field = list_field(kw)
    if field is None:
        return
    items = tuple(t for v in value if (t := _name_of(v)))
    if items and not d.found(field[0]):
        d.put(field[0], items, rule)


def _is_skill_group(kw: str) -> bool:
    return kw in {"skills", "skill", "competencies", "skill set", "skills and knowledge",
                  "abilities", "capabilities"}  # fmt: skip


_UNIT_WORDS = re.compile(r"\s+(?:percent|pct|percentage|rate|count|total|number|value|amount|text"
                         r"|label|name|figure|stat|data|info)$")  # fmt: skip


def _bare(kw: str) -> str:
    """A key without a trailing unit word: "projected growth percent" -> "projected growth"."""
    return _UNIT_WORDS.sub("", kw)


def _pay_field(kw: str) -> str | None:
    for scalar, _ in match(kw):
        if scalar.field.startswith("salary"):
            return scalar.field
    return None


def _is_growth(kw: str) -> bool:
    return any(s.field == "growth" for s, _ in match(kw)) or any(
        s.field == "growth" for s, _ in match(_bare(kw))
    )


def _period_word(value: Any) -> str | None:
    return _PERIOD_WORDS.get(scalar_text(value).lower().replace("per ", ""))


def _pay_entry(entry: dict[str, Any]) -> tuple[dict[str, str], list[str], str | None, bool]:
    """(role -> amount text, context words, period, floor) of one pay object."""
    roles: dict[str, str] = {}
    words: list[str] = []
    period: str | None = None
    currency = ""
    floor = False
    for key, value in entry.items():
        if not isinstance(key, str):
            continue
        kw = key_words(key)
        if _PERIOD_KEYS.match(kw):
            period = _period_word(value)
            words.append(f"{key}: {scalar_text(value)}")
        elif _CURRENCY_KEYS.match(kw):
            currency = scalar_text(value).upper()
            words.append(f"{key}: {scalar_text(value)}")
        elif _FLOOR_KEYS.match(kw):
            floor = value is True
    for key, value in entry.items():
        kw = key_words(key) if isinstance(key, str) else ""
        for role, pattern in _ROLE_KEYS.items():
            text = scalar_text(value)
            if pattern.match(kw) and text and role not in roles:
                if isinstance(value, (int, float)) and currency:
                    text = f"{currency} {text}"
                roles[role] = text
    if period is not None:
        words.append(f"per {period}")
    return roles, words, period, floor


def _salary(kw: str, value: Any, obj: dict[str, Any], d: Draft, rule: str) -> None:
    entries: list[dict[str, Any]] = []
    if isinstance(value, dict) and not _pay_entry(value)[0]:
        # {"currencyCode": "NZD", "bands": [{"unit": "YEAR", "median": ...}, ...]}: the
        # entries are the list inside, each with the keys the wrapper states for all.
        shared = {k: v for k, v in value.items() if isinstance(v, (str, int, float))}
        for inner in value.values():
            if isinstance(inner, list) and any(isinstance(v, dict) for v in inner):
                entries = [{**shared, **v} for v in inner if isinstance(v, dict)]
                break
        else:
            entries = [value]
    elif isinstance(value, dict):
        entries = [value]
    elif isinstance(value, list):
        entries = [v for v in value if isinstance(v, dict)]
    elif scalar_text(value):  # "medianSalary": 55000, beside "salaryCurrency"/"salaryPeriod"
        role = {"salary_low": "low", "salary_high": "high"}.get(_pay_field(kw) or "", "median")
        siblings = {k: v for k, v in obj.items() if isinstance(v, (str, int, float))}
        entries = [{**{k: v for k, v in siblings.items() if not _pay_field(key_words(k))},
                    role: value}]  # fmt: skip
    parsed = [_pay_entry(e) for e in entries]
    parsed = [p for p in parsed if p[0]]
    if not parsed:
        return
    yearly = [p for p in parsed if p[2] == "year"]
    roles, words, _, floor = (yearly or parsed)[0]
    if floor and "median" in roles:
        roles["median"] += " or more"
    for role in ("low", "median", "high"):
        d.put(f"salary_{role}", roles.get(role), f"{rule}.{role}")
    d.put("salary_text", "; ".join(f"{r} {t}" for r, t in roles.items()), rule)
    d.put("salary_context", " | ".join(words) or None, rule)


def _growth(value: Any, d: Draft, rule: str) -> None:
    if isinstance(value, str) and clean(value):
        text = clean(value)
        field = "outlook" if rating_ok(text) else "growth"
        if not d.found(field):
            d.put(field, text, rule)
        return
    if not isinstance(value, dict):
        return
    pct = category = band = rating = out_of = ""
    start = end = ""
    for key, item in value.items():
        kw = key_words(key) if isinstance(key, str) else ""
        text = scalar_text(item)
        if not text:
            continue
        if re.fullmatch(r"(?:(?:growth|employment|projected|job|change) )*(?:percent|pct"
                        r"|percentage|rate|change|percent change|growth rate)", kw):
            pct = text if "%" in text or not isinstance(item, (int, float)) else f"{text}%"
        elif kw in {"category", "speed", "label", "description", "text", "summary"}:
            category = text
        elif kw in {"band", "range"}:
            band = text
        elif kw in {"start year", "from", "start", "from year", "base year"}:
            start = text
        elif kw in {"end year", "to", "end", "to year", "projection year", "target year"}:
            end = text
        elif kw in {"projection period", "period", "years", "projection years", "horizon"}:
            years = re.fullmatch(r"((?:19|20)\d\d)\s*[-–to ]+\s*((?:19|20)?\d\d)", text)
            if years:
                start, end = years.group(1), years.group(2)
        elif kw in {"rating", "stars", "score"}:
            rating = text
        elif kw in {"out of", "max", "of", "scale", "max rating"}:
            out_of = text
    if rating:
        d.put("outlook", f"{rating} out of {out_of}" if out_of else rating, rule)
    parts = [p for p in (pct, f"({category})" if category and pct else category, band) if p]
    if band and category:
        parts = [category, f"({band})"]
    if parts:
        d.put("growth", " ".join(parts), rule)
        if start and end:
            d.put("growth_context", f"{start}-{end}", rule)


def _other(field: str, value: Any, d: Draft, rule: str) -> None:
    if d.found(field):
        return
    if field == "workers" and isinstance(value, dict):
        count = year = ""
        for key, item in value.items():
            kw = key_words(key) if isinstance(key, str) else ""
            if kw in {"count", "value", "total", "number", "jobs", "workers", "employed", "size"}:
                count = scalar_text(item)
            elif kw in {"year", "as of", "reference year", "date"}:
                year = scalar_text(item)
        if count:
            d.put("workers", count, rule)
            if year:
                d.put("workers_context", year, rule)
        return
    text = _name_of(value)
    if text and (field != "workers" or fields.count_ok(text)):
        d.put(field, text, rule)
