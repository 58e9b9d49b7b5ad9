"""Parser for the bundled sample site's profile template (`sample_site/render.py`).

A page is this template when it holds an `article.career-profile`; the "all
jobs" index, the print view and other pages do not, so they fall through to
`NotACareerPage`. Strings are whitespace-normalized and otherwise as published;
duties are the text beside their "01" number, without it.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from extract.errors import ParseError
from extract.records import RawCareer

_PROFILE = "article.career-profile"

# field -> CSS selector inside the profile article; the selector is the field's provenance.
_SINGLE = {
    "title": "h1.career-title",
    "category": ".career-category",
    "summary": ".career-summary",
    "growth": ".stat-growth .stat-value",
    "workers": ".stat-workers .stat-value",
    "education": ".stat-education .stat-value",
    "environment": ".stat-environment .stat-value",
}
_SALARY_POINTS = ".stat-salary .salary-point"
_LISTS = {
    "technical_skills": ".skills-technical li.skill-item",
    "people_skills": ".skills-people li.skill-item",
    "duties": ".duties li.duty .duty-text",
}


class SampleParser:
    """The `TemplateParser` for the sample site's profile pages."""

    name = "sample"
    version = "1"
    unpublished = frozenset({"tools"})  # field groups the template has no place for

    def matches(self, tree: LexborHTMLParser, url: str) -> bool:
        return tree.css_first(_PROFILE) is not None

    def parse(self, tree: LexborHTMLParser, url: str) -> RawCareer:
        article = tree.css_first(_PROFILE)
        if article is None:
            raise ParseError("not a sample-site profile page", url=url, field="article")
        rules: list[tuple[str, str]] = []
        single: dict[str, str | None] = {}
        for field, selector in _SINGLE.items():
            single[field] = _text(article.css_first(selector))
            if single[field] is not None:
                rules.append((field, f"css:{selector}"))
        title = single.pop("title")
        if not title:
            raise ParseError("no career title", url=url, field="title")

        salary: dict[str, str] = {}
        labelled: list[str] = []
        for point in article.css(_SALARY_POINTS):
            label, value = _text(point.css_first("dt")), _text(point.css_first("dd"))
            if label is None or value is None:
                continue
            labelled.append(f"{label} {value}")
            key = f"salary_{label.lower()}"
            if key in ("salary_low", "salary_median", "salary_high") and key not in salary:
                salary[key] = value
                rules.append((key, f"css:{_SALARY_POINTS} dt={label}"))
        if labelled:
            rules.append(("salary_text", f"css:{_SALARY_POINTS}"))

        lists: dict[str, tuple[str, ...]] = {}
        for field, selector in _LISTS.items():
            items = tuple(t for node in article.css(selector) if (t := _text(node)))
            lists[field] = items
            if items:
                rules.append((field, f"css:{selector}"))

        return RawCareer(
            url=url,
            title=title,
            parser=f"{self.name}/{self.version}",
            category=single["category"],
            summary=single["summary"],
            salary_low=salary.get("salary_low"),
            salary_median=salary.get("salary_median"),
            salary_high=salary.get("salary_high"),
            salary_text=" ".join(labelled) or None,
            growth=single["growth"],
            workers=single["workers"],
            education=single["education"],
            environment=single["environment"],
            technical_skills=lists["technical_skills"],
            people_skills=lists["people_skills"],
            duties=lists["duties"],
            rules=tuple(rules),
        )


def _text(node: LexborNode | None) -> str | None:
    """The node's text with whitespace runs collapsed; None for a missing or empty node."""
    if node is None:
        return None
    text = " ".join(node.text(deep=True).split())
    return text or None


PARSER = SampleParser()
