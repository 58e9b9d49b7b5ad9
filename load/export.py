"""Export a version as schema.org JSON-LD: one `Occupation` per career.

    python -m load export --format jsonld [VERSION] [--output FILE]

Each career becomes an `Occupation` with `name`, `description`, `sameAs` (the
source page), `identifier` (our career_id), `occupationalCategory` (a
`CategoryCode` with the SOC code and its system when known; its `name` is the
site's category), `estimatedSalary` (a `MonetaryAmountDistribution`: currency,
`duration` in the period the page states pay, `minValue`/`median`/`maxValue`),
`educationRequirements`, `skills` (the list items as published) and
`responsibilities`. Our own JSON-LD reader (`extract.parse.jsonld`) reads an
export back to the same values (tested as a round trip).

Not representable in schema.org, so not exported: growth, number of workers, the
work environment, whether pay is a floor, and whether a skill item was technical
or a people skill.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from core.store.local import write_synced
from load.layout import Layout
from load.read import read_arrow_from
from load.versions import load_manifest

EXPORTS_DIR = "exports"
CONTEXT = "https://schema.org"
FORMATS = ("jsonld",)

# The contract's annualization (README: 2,080 h, 260 days, 52 weeks, 26 fortnights,
# 12 months a year); a test holds it equal to transform's.
PER_YEAR: dict[str, int] = {
    "year": 1, "month": 12, "fortnight": 26, "week": 52, "day": 260, "hour": 2080,
}  # fmt: skip
DURATIONS: dict[str, str] = {
    "year": "P1Y", "month": "P1M", "fortnight": "P2W", "week": "P1W", "day": "P1D",
    "hour": "PT1H",
}
CODE_SETS: dict[str, str] = {
    "US SOC 2018": "https://www.bls.gov/soc/2018/",
    "US SOC 2010": "https://www.bls.gov/soc/2010/",
    "UK SOC 2020": "https://www.ons.gov.uk/methodology/classificationsandstandards/"
                   "standardoccupationalclassificationsoc/soc2020",
    "UK SOC 2010": "https://www.ons.gov.uk/methodology/classificationsandstandards/"
                   "standardoccupationalclassificationsoc/soc2010",
    "NOC 2021": "https://noc.esdc.gc.ca/",
    "NOC 2016": "https://noc.esdc.gc.ca/",
}


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path | None  # None when written to a stream
    version: str
    occupations: int


def exports_dir(layout: Layout) -> Path:
    return layout.root.parent / EXPORTS_DIR


def published_amount(annual: float, period: str | None, annualized: bool | None) -> float:
    """The amount per `period` behind an annual figure, as the page stated it.

    Rounded to cents when that gives back the same annual figure exactly, so
    "$28/hr" exports as 28, not 27.999999999999996.
    """
    factor = PER_YEAR.get(period or "year", 1) if annualized else 1
    if factor == 1:
        return annual
    amount = annual / factor
    cents = round(amount, 2)
    return cents if cents * factor == annual else amount


def _salary(row: Mapping[str, Any]) -> dict[str, Any] | None:
    keys = (("minValue", "salary_low"), ("median", "salary_median"), ("maxValue", "salary_high"))
    if all(row.get(column) is None for _, column in keys):
        return None
    annualized = bool(row.get("salary_annualized"))
    period = row.get("salary_period") if annualized else "year"
    salary: dict[str, Any] = {"@type": "MonetaryAmountDistribution"}
    if row.get("salary_currency"):
        salary["currency"] = row["salary_currency"]
    salary["duration"] = DURATIONS.get(period or "year", "P1Y")
    for key, column in keys:
        if row.get(column) is not None:
            value = published_amount(float(row[column]), period, annualized)
            salary[key] = int(value) if value.is_integer() else value
    return salary


def _category(row: Mapping[str, Any]) -> dict[str, Any] | str | None:
    code, system, category = row.get("soc_code"), row.get("soc_system"), row.get("category")
    if not code:
        return category or None
    node: dict[str, Any] = {"@type": "CategoryCode", "codeValue": code}
    if system:
        node["inCodeSet"] = {"@type": "CategoryCodeSet", "name": system,
                             **({"url": CODE_SETS[system]} if system in CODE_SETS else {})}
    if category:
        node["name"] = category
    else:  # no name: our reader would take the code for the category; termCode avoids that
        node["termCode"] = node.pop("codeValue")
    return node


def occupation(row: Mapping[str, Any], skills: Iterable[str], duties: Iterable[str]
               ) -> dict[str, Any]:
    """One career as a schema.org Occupation (a JSON-ready dict)."""
    node: dict[str, Any] = {"@type": "Occupation", "name": row["title"]}
    if row.get("summary"):
        node["description"] = row["summary"]
    node["sameAs"] = row["url"]
    node["identifier"] = {"@type": "PropertyValue", "propertyID": "career_id",
                          "value": row["career_id"]}
    category = _category(row)
    if category:
        node["occupationalCategory"] = category
    salary = _salary(row)
    if salary:
        node["estimatedSalary"] = salary
    if row.get("education_text"):
        node["educationRequirements"] = {
            "@type": "EducationalOccupationalCredential",
            "name": row["education_text"],
            **({"credentialCategory": str(row["education_level"])}
               if row.get("education_level") else {}),
        }
    skill_items, duty_items = list(skills), list(duties)
    if skill_items:
        node["skills"] = skill_items
    if duty_items:
        node["responsibilities"] = duty_items
    return node


def _skill_items(skills: pa.Table) -> dict[str, list[str]]:
    """career_id -> its skill list items as published: technical first, page order."""
    rows = skills.select(["career_id", "kind", "item_position", "item_text"]).to_pylist()
    order = {"technical": 0, "people": 1}
    rows.sort(key=lambda r: (r["career_id"], order.get(r["kind"], 2), r["item_position"]))
    items: dict[str, list[str]] = {}
    for r in rows:
        seen = items.setdefault(r["career_id"], [])
        if r["item_text"] not in seen:
            seen.append(r["item_text"])
    return items


def _duties(duties: pa.Table) -> dict[str, list[str]]:
    rows = sorted(duties.select(["career_id", "position", "duty"]).to_pylist(),
                  key=lambda r: (r["career_id"], r["position"]))
    found: dict[str, list[str]] = {}
    for r in rows:
        found.setdefault(r["career_id"], []).append(r["duty"])
    return found


def jsonld_document(careers: pa.Table, skills: pa.Table, duties: pa.Table,
                    *, version: str) -> dict[str, Any]:
    """The JSON-LD document of one version: an `@graph` of Occupations, by career_id."""
    text = careers.cast(pa.schema([
        pa.field(f.name, pa.string()) if pa.types.is_dictionary(f.type) else f
        for f in careers.schema
    ]))
    items, steps = _skill_items(skills), _duties(duties)
    rows = sorted(text.to_pylist(), key=lambda r: r["career_id"])
    return {
        "@context": CONTEXT,
        "@id": f"urn:careers-etl:version:{version}",
        "@graph": [
            occupation(r, items.get(r["career_id"], []), steps.get(r["career_id"], []))
            for r in rows
        ],
    }


def export_jsonld(data_dir: Path, version: str = "latest", *, output: Path | None = None
                  ) -> tuple[str, ExportResult]:
    """The JSON-LD text of `version`, written to `output` (default
    `data/exports/<version>.jsonld`) unless `output` is Path("-")."""
    layout = Layout.for_reading(data_dir)
    manifest = load_manifest(layout, version)
    tables = {name: read_arrow_from(layout, name, manifest)
              for name in ("careers", "career_skills", "career_duties")}
    document = jsonld_document(tables["careers"], tables["career_skills"],
                               tables["career_duties"], version=manifest.run_id)
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    count = len(document["@graph"])
    if output == Path("-"):
        return text, ExportResult(None, manifest.run_id, count)
    target = output or exports_dir(layout) / f"{manifest.run_id}.jsonld"
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.writing")
    write_synced(tmp, text.encode("utf-8"))
    os.replace(tmp, target)
    return text, ExportResult(target, manifest.run_id, count)
